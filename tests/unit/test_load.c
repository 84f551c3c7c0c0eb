/* Tests of art_load(): input clean-up, UTF-8 checks, and the copy of the
 * cmark-gfm tree (types, payloads, positions in the .md file). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"

static const struct art_load_opts raw = {.no_normalize = true};

/* Loads src as "t.md" without normalisation, capturing diagnostics. */
static struct article *
load(const char *src, size_t len, GString *diags)
{
	art_diag_capture(diags);
	struct article *a = art_load_buffer("t.md", src, len, &raw);
	art_diag_capture(NULL);
	return a;
}

#define LOAD(src, diags) load((src), sizeof(src) - 1, (diags))

TEST(load_strips_bom)
{
	GString *d = g_string_new(NULL);
	struct article *a = LOAD("\xEF\xBB\xBF# Title\n", d);
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->source, "# Title\n");
		struct art_node *h = ut_find(a->root, ART_HEADING);
		CHECK(h != NULL);
		if (h)
			CHECK_STR(h->first_child->literal, "Title");
	}
	CHECK_STR(d->str, "");
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(load_crlf_and_cr_become_lf)
{
	struct article *a = LOAD("a\r\nb\r\n\r\nc\rd\r", NULL);
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->source, "a\nb\n\nc\nd\n");
		CHECK_INT(a->source_len, 9);
		struct art_node *p = a->root->first_child;
		CHECK_INT(p->type, ART_PARAGRAPH);
		CHECK_INT(p->next->type, ART_PARAGRAPH);
		CHECK_INT(p->next->pos.line, 4);
		CHECK_INT(p->next->last_child->pos.line, 5);
	}
	art_free(a);
}

TEST(load_invalid_utf8_reports_line_col)
{
	GString *d = g_string_new(NULL);
	struct article *a = LOAD("ok\nab\xff\xfe\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "t.md:2:3: error: invalid UTF-8");
	g_string_truncate(d, 0);
	/* a truncated sequence at the very end */
	a = LOAD("x\ny\n\xe4\xb8", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "t.md:3:1: error: invalid UTF-8");
	g_string_free(d, TRUE);
}

TEST(load_nul_byte_is_an_error)
{
	GString *d = g_string_new(NULL);
	struct article *a = LOAD("abc\n d\0e\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "t.md:2:3: error: invalid UTF-8");
	g_string_free(d, TRUE);
}

TEST(load_empty_file)
{
	GString *d = g_string_new(NULL);
	struct article *a = LOAD("", d);
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->root->type, ART_DOCUMENT);
		CHECK(a->root->first_child == NULL);
		CHECK_INT(a->body_line, 1);
		CHECK_INT(a->meta.authors->len, 0);
	}
	CHECK_STR(d->str, "");
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(load_missing_file)
{
	GString *d = g_string_new(NULL);
	art_diag_capture(d);
	struct article *a = art_load("/nonexistent/dir/x.md", &raw);
	art_diag_capture(NULL);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "error: cannot open /nonexistent/dir/x.md: ");
	g_string_free(d, TRUE);
}

TEST(load_file_sets_dir_and_name)
{
	char *dir = g_dir_make_tmp("mdpress-ut-XXXXXX", NULL);
	char *path = g_build_filename(dir, "a.md", NULL);
	CHECK(g_file_set_contents(path, "# Hi\r\n", -1, NULL));
	struct article *a = art_load(path, &raw);
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->dir, dir);
		CHECK_STR(a->display_name, path);
		CHECK_STR(a->path, path);
		CHECK_STR(a->source, "# Hi\n");
	}
	art_free(a);
	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
}

TEST(load_positions_count_front_matter)
{
	struct article *a = LOAD("---\ntitle: x\ndate: y\n---\n\npara\n\n## Head *e*\n", NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK_INT(a->body_line, 5);
	struct art_node *p = ut_find(a->root, ART_PARAGRAPH);
	CHECK_INT(p->pos.line, 6);
	struct art_node *h = ut_find(a->root, ART_HEADING);
	CHECK_INT(h->pos.line, 8);
	CHECK_INT(h->u.heading.level, 2);
	struct art_node *e = ut_find(h, ART_EMPH);
	CHECK_INT(e->pos.line, 8);
	CHECK_INT(e->pos.col, 9);
	char *t = art_node_plain_text(h);
	CHECK_STR(t, "Head e");
	g_free(t);
	art_free(a);
}

TEST(load_table_alignments)
{
	struct article *a =
	    LOAD("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n", NULL);
	struct art_node *t = a ? ut_find(a->root, ART_TABLE) : NULL;
	CHECK(t != NULL);
	if (!t) {
		art_free(a);
		return;
	}
	CHECK_INT(t->u.table.ncols, 4);
	CHECK_INT(t->u.table.aligns[0], ART_ALIGN_LEFT);
	CHECK_INT(t->u.table.aligns[1], ART_ALIGN_CENTER);
	CHECK_INT(t->u.table.aligns[2], ART_ALIGN_RIGHT);
	CHECK_INT(t->u.table.aligns[3], ART_ALIGN_NONE);
	struct art_node *r = t->first_child;
	CHECK_INT(r->type, ART_TABLE_ROW);
	CHECK(r->u.row.header);
	CHECK(!r->next->u.row.header);
	CHECK_INT(r->next->pos.line, 3);
	CHECK_INT(r->first_child->type, ART_TABLE_CELL);
	CHECK_STR(r->next->last_child->first_child->literal, "4");
	art_free(a);
}

TEST(load_task_items)
{
	struct article *a = LOAD("- [x] done\n- [ ] todo\n- plain\n", NULL);
	struct art_node *l = a ? ut_find(a->root, ART_LIST) : NULL;
	CHECK(l != NULL);
	if (l) {
		CHECK_INT(l->first_child->u.item.task, 1);
		CHECK_INT(l->first_child->next->u.item.task, 0);
		CHECK_INT(l->last_child->u.item.task, -1);
		CHECK_INT(l->u.list.bullet, '-');
		CHECK(l->u.list.tight);
		CHECK(!l->u.list.ordered);
	}
	art_free(a);
}

TEST(load_lists_and_code)
{
	struct article *a =
	    LOAD("3) a\n\n4) b\n\n* x\n\n~~~ c extra\nint x;\n~~~\n\n    ind\n", NULL);
	struct art_node *l = a ? ut_find(a->root, ART_LIST) : NULL;
	CHECK(l != NULL);
	if (!l) {
		art_free(a);
		return;
	}
	CHECK(l->u.list.ordered);
	CHECK_INT(l->u.list.start, 3);
	CHECK_INT(l->u.list.delim, ')');
	CHECK(!l->u.list.tight);
	CHECK_INT(l->next->u.list.bullet, '*');
	struct art_node *c = ut_find(a->root, ART_CODE_BLOCK);
	CHECK_STR(c->u.code.info, "c extra");
	CHECK_INT(c->u.code.fence, '~');
	CHECK_STR(c->literal, "int x;\n");
	CHECK_INT(c->next->type, ART_CODE_BLOCK);
	CHECK(c->next->u.code.info == NULL);
	CHECK_INT(c->next->u.code.fence, 0);
	CHECK_STR(c->next->literal, "ind\n");
	art_free(a);
}

TEST(load_footnotes)
{
	GString *diags = g_string_new(NULL); /* [^unused] warns; tested elsewhere */
	struct article *a = LOAD(
	    "A[^n] b[^Long-1] c[^n].\n\n[^Long-1]:\n    Two.\n[^n]: One *e*.\n[^unused]: x\n",
	    diags);
	g_string_free(diags, TRUE);
	CHECK(a != NULL);
	if (!a)
		return;
	struct art_node *r = ut_find(a->root, ART_FOOTNOTE_REF);
	CHECK(r != NULL);
	if (!r) {
		art_free(a);
		return;
	}
	CHECK_STR(r->u.footnote.label, "n");
	CHECK_INT(r->u.footnote.number, 1);
	CHECK_INT(r->pos.line, 1);
	CHECK_INT(r->pos.col, 2);
	struct art_node *d1 = r->u.footnote.def;
	CHECK(d1 != NULL && d1->type == ART_FOOTNOTE_DEF);
	struct art_node *r2 = r->next->next;
	CHECK_STR(r2->u.footnote.label, "Long-1");
	CHECK_INT(r2->u.footnote.number, 2);
	if (d1) {
		CHECK_STR(d1->u.footnote.label, "n");
		CHECK_INT(d1->pos.line, 5);
		CHECK_INT(d1->pos.col, 1);
		CHECK(ut_find(d1, ART_EMPH) != NULL);
		CHECK(d1->next && d1->next->u.footnote.number == 2);
		CHECK(d1->next && d1->next->pos.line == 3 && d1->next->pos.col == 1);
		CHECK(d1->next && d1->next->next == NULL); /* unused dropped */
	}
	art_free(a);
}

TEST(load_inlines)
{
	struct article *a = LOAD("~~gone~~ see www.example.com and <span>x</span>  \n![alt "
	                         "*t*](img/a.png \"T\")\n\n<div>\nraw\n</div>\n",
	                         NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	struct art_node *s = ut_find(a->root, ART_STRIKE);
	CHECK(s != NULL && s->first_child && !strcmp(s->first_child->literal, "gone"));
	struct art_node *l = ut_find(a->root, ART_LINK);
	CHECK(l != NULL);
	if (l)
		CHECK_STR(l->u.link.url, "http://www.example.com");
	struct art_node *h = ut_find(a->root, ART_HTML_INLINE);
	CHECK(h != NULL && !strcmp(h->literal, "<span>"));
	CHECK(ut_find(a->root, ART_LINEBREAK) != NULL);
	struct art_node *i = ut_find(a->root, ART_IMAGE);
	CHECK(i != NULL);
	if (i) {
		CHECK_STR(i->u.image.url, "img/a.png");
		CHECK_STR(i->u.image.title, "T");
		CHECK_INT(i->pos.line, 2);
		char *alt = art_node_plain_text(i);
		CHECK_STR(alt, "alt t");
		g_free(alt);
	}
	struct art_node *hb = ut_find(a->root, ART_HTML_BLOCK);
	CHECK(hb != NULL && !strcmp(hb->literal, "<div>\nraw\n</div>\n"));
	art_free(a);
}

TEST(node_ops)
{
	struct art_pos p = {1, 1};
	struct art_node *doc = art_node_new(ART_DOCUMENT, p);
	struct art_node *a = art_node_new(ART_TEXT, p), *b = art_node_new(ART_TEXT, p);
	struct art_node *c = art_node_new(ART_SOFTBREAK, p);
	a->literal = g_strdup("a");
	b->literal = g_strdup("b");
	art_node_append(doc, b);
	art_node_insert_before(b, a);
	art_node_insert_before(b, c);
	CHECK(doc->first_child == a && doc->last_child == b);
	char *t = art_node_plain_text(doc);
	CHECK_STR(t, "a b");
	g_free(t);
	art_node_unlink(c);
	art_node_free(c);
	CHECK(a->next == b && b->prev == a);
	art_node_free(a);
	CHECK(doc->first_child == b && b->prev == NULL);
	CHECK(art_node_is_block(doc));
	CHECK(!art_node_is_block(b));
	CHECK_STR(art_node_type_name(ART_FOOTNOTE_REF), "footnote_ref");
	CHECK_STR(art_node_type_name(ART_NODE__MAX), "unknown");
	struct art_node *it = art_node_new(ART_ITEM, p);
	CHECK_INT(it->u.item.task, -1);
	art_node_free(it);
	art_node_free(doc);
}

/* 50000 nested block quotes: copy, dump and free must not recurse. */
TEST(load_deep_nesting)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < 50000; i++)
		g_string_append(s, "> ");
	g_string_append(s, "a\n");
	for (int i = 0; i < 1000; i++) {
		for (int j = 0; j < i; j++)
			g_string_append(s, "  ");
		g_string_append(s, "* a\n");
	}
	struct article *a = load(s->str, s->len, NULL);
	CHECK(a != NULL);
	if (a) {
		FILE *null = fopen("/dev/null", "w");
		art_dump(a, null);
		fclose(null);
		CHECK(ut_find(a->root, ART_LIST) != NULL);
	}
	art_free(a);
	g_string_free(s, TRUE);
}

TEST(dump_format)
{
	struct article *a =
	    LOAD("---\ntitle: \"T\\\"q\"\ntags: a, b\n---\n# H\n\n- [x] t\n", NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	art_dump(a, f);
	fclose(f);
	CHECK_STR(buf, "document @5:1\n"
	               "  heading level=1 @5:1\n"
	               "    text \"H\" @5:3\n"
	               "  list bullet=- tight @7:1\n"
	               "    item task=x @7:1\n"
	               "      paragraph @7:7\n"
	               "        text \"t\" @7:7\n"
	               "body_line 5\n"
	               "meta title \"T\\\"q\"\n"
	               "meta tags \"a\" \"b\"\n");
	free(buf);
	art_free(a);
}
