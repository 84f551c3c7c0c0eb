/* Tests of common/html.c: raw HTML becomes model nodes during art_normalize. */
#include "harness.h"

static struct article *
hload(const char *src, GString *diags)
{
	static const struct art_load_opts none;
	art_diag_capture(diags);
	struct article *a = art_load_buffer("/nonexistent/h.md", src, strlen(src), &none);
	art_diag_capture(NULL);
	return a;
}

static int
count(struct art_node *top, enum art_node_type t)
{
	int k = 0;
	for (struct art_node *n = top; n; n = art_node_next(n, top, true))
		k += n->type == t;
	return k;
}

static int
nchildren(const struct art_node *n)
{
	int k = 0;
	for (const struct art_node *c = n->first_child; c; c = c->next)
		k++;
	return k;
}

TEST(html_table_spans)
{
	const char *md = "<table>\n"
	                 "<thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>\n"
	                 "<tr><td rowspan=\"2\">r</td><td colspan=\"2\">wide</td></tr>\n"
	                 "<tr><td><p>p1</p><p>p2</p></td><td>x<br>y</td></tr>\n"
	                 "</table>\n";
	struct article *a = hload(md, NULL);
	struct art_node *t = ut_find(a->root, ART_TABLE);
	CHECK(t != NULL);
	if (!t)
		goto out;
	CHECK_INT(t->u.table.ncols, 3);
	CHECK_INT(nchildren(t), 3);
	struct art_node *r0 = t->first_child, *r1 = r0->next, *r2 = r1->next;
	CHECK(r0->u.row.header);
	CHECK(!r1->u.row.header);
	CHECK(r0->first_child->u.cell.header);
	CHECK_INT(nchildren(r1), 2);
	CHECK_INT(r1->first_child->u.cell.rowspan, 2);
	CHECK_INT(r1->first_child->u.cell.colspan, 1);
	CHECK_INT(r1->last_child->u.cell.colspan, 2);
	CHECK_INT(nchildren(r2), 2);
	char *p = art_node_plain_text(r2->first_child);
	CHECK_STR(p, "p1 p2");
	g_free(p);
	CHECK_INT(count(r2->first_child, ART_LINEBREAK), 1);
	CHECK_INT(count(r2->last_child, ART_LINEBREAK), 1);
	CHECK_INT(count(a->root, ART_HTML_BLOCK), 0);
out:
	art_free(a);
}

/* A raw table without <thead> or <th> whose first row is bold in every
 * cell has that row for its header; a first row with plain text in a cell,
 * or a table with a marked header, is left as written. */
TEST(html_bold_first_row_is_header)
{
	static const struct {
		const char *src;
		bool header;
	} cases[] = {
	    {"<table><tr><td><strong>命令</strong></td><td> <b>说明</b> </td></tr>"
	     "<tr><td>load</td><td>导入</td></tr></table>\n",
	     true},
	    {"<table><tr><td><strong>命令</strong></td><td>说明</td></tr>"
	     "<tr><td>load</td><td>导入</td></tr></table>\n",
	     false},
	    {"<table><tr><td><strong>only</strong></td></tr></table>\n", false},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct article *a = hload(cases[i].src, NULL);
		struct art_node *t = ut_find(a->root, ART_TABLE);
		CHECK(t != NULL);
		if (t)
			CHECK_INT(t->first_child->u.row.header, cases[i].header);
		art_free(a);
	}
}

TEST(html_markdown_cells_span_one)
{
	struct article *a = hload("| a | b |\n|---|---|\n| 1 | 2 |\n", NULL);
	struct art_node *c = ut_find(a->root, ART_TABLE_CELL);
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->u.cell.colspan, 1);
		CHECK_INT(c->u.cell.rowspan, 1);
	}
	art_free(a);
}

TEST(html_anchor_registers_id)
{
	struct article *a =
	    hload("<a name=\"x\"></a>\n\n# Title\n\nsee <a id=\"y\">here</a>\n", NULL);
	CHECK(a->ids && g_hash_table_contains(a->ids, "x"));
	CHECK(a->ids && g_hash_table_contains(a->ids, "y"));
	CHECK(a->ids && g_hash_table_contains(a->ids, "title"));
	CHECK_INT(count(a->root, ART_HTML_INLINE), 0);
	CHECK_INT(count(a->root, ART_PARAGRAPH), 1); /* the anchor-only one went */
	art_free(a);
}

TEST(html_img_resource_and_warning)
{
	GString *d = g_string_new(NULL);
	struct article *a = hload("text\n\n<p align=\"center\">\n<img src=\"gone.png\" "
	                          "width=\"300\" alt=\"Pic\">\n</p>\n",
	                          d);
	struct art_node *img = ut_find(a->root, ART_IMAGE);
	CHECK(img != NULL);
	if (img) {
		CHECK_STR(img->u.image.url, "gone.png");
		CHECK(img->u.image.res != NULL);
		CHECK(img->u.image.res && img->u.image.res->status == ART_RES_MISSING);
		CHECK(img->parent->type == ART_FIGURE);
		char *alt = art_node_plain_text(img);
		CHECK_STR(alt, "Pic");
		g_free(alt);
	}
	CHECK_CONTAINS(d->str, "h.md:4:1: warning: image not found: gone.png");
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(html_active_content_dropped)
{
	GString *d = g_string_new(NULL);
	struct article *a = hload("<object data=x>gone</object>\n\nok <video>v</video>y\n", d);
	CHECK_CONTAINS(d->str, "h.md:1:1: warning: raw HTML element dropped: <object>");
	CHECK_CONTAINS(d->str, "h.md:3:4: warning: raw HTML element dropped: <video>");
	char *s = art_node_plain_text(ut_find(a->root, ART_PARAGRAPH));
	CHECK_STR(s, "ok y");
	g_free(s);
	CHECK_INT(count(a->root, ART_PARAGRAPH), 1);
	art_free(a);
	g_string_free(d, TRUE);
}

/* GFM's tag filter (spec 653, extensions 22): these tags are text. */
TEST(html_tag_filter_shows_tags)
{
	GString *d = g_string_new(NULL);
	struct article *a = hload("<script>alert(1)</script>\n\nok <textarea>x</textarea> y\n\n"
	                          "<p>No <xmp> here, <b>bold</b></p>\n",
	                          d);
	CHECK_STR(d->str, "");
	struct art_node *p = ut_find(a->root, ART_PARAGRAPH);
	char *s = p ? art_node_plain_text(p) : NULL;
	CHECK_STR(s, "<script>alert(1)</script>");
	g_free(s);
	s = p && p->next ? art_node_plain_text(p->next) : NULL;
	CHECK_STR(s, "ok <textarea>x</textarea> y");
	g_free(s);
	s = p && p->next && p->next->next ? art_node_plain_text(p->next->next) : NULL;
	CHECK_STR(s, "No <xmp> here, bold");
	g_free(s);
	CHECK_INT(count(a->root, ART_STRONG), 1);
	art_free(a);
	g_string_free(d, TRUE);
}

/* Bogus comments in a browser: CDATA and declarations show nothing
 * (spec 151, 648, 649); an unclosed tag hides the rest (spec 126-128). */
TEST(html_cdata_declarations_hidden)
{
	struct article *a = hload("<![CDATA[\nfunction f(a,b)\n]]>\nokay\n\n"
	                          "foo <!ELEMENT br EMPTY> <![CDATA[>&<]]>\n\n"
	                          "<div id=\"foo\"\n*hi*\n",
	                          NULL);
	GString *all = g_string_new(NULL);
	for (struct art_node *p = a->root->first_child; p; p = p->next) {
		char *s = art_node_plain_text(p);
		g_string_append_printf(all, "[%s]", s);
		g_free(s);
	}
	CHECK_STR(all->str, "[okay][foo]");
	g_string_free(all, TRUE);
	art_free(a);
}

TEST(html_entities_and_cjk)
{
	struct article *a =
	    hload("<p>a &amp; b&nbsp;&lt;c&gt; &#x4E2D;</p>\n\n<p>中文\n中文 x\ny</p>\n", NULL);
	struct art_node *p = ut_find(a->root, ART_PARAGRAPH);
	char *s = art_node_plain_text(p);
	CHECK_STR(s, "a & b\xc2\xa0<c> 中");
	g_free(s);
	s = art_node_plain_text(p->next);
	CHECK_STR(s, "中文中文 x y");
	g_free(s);
	art_free(a);
}

TEST(html_deep_nesting)
{
	GString *md = g_string_new(NULL);
	for (int i = 0; i < 10000; i++)
		g_string_append(md, "<div>");
	g_string_append(md, "deep");
	for (int i = 0; i < 10000; i++)
		g_string_append(md, "</div>");
	g_string_append(md, "\n\nx ");
	for (int i = 0; i < 10000; i++)
		g_string_append(md, "<b>");
	g_string_append(md, "y\n");
	struct article *a = hload(md->str, NULL);
	CHECK(a != NULL);
	CHECK_INT(count(a->root, ART_HTML_BLOCK) + count(a->root, ART_HTML_INLINE), 0);
	art_free(a);
	g_string_free(md, TRUE);
}

TEST(html_inline_tags)
{
	struct article *a = hload("a<sup>2</sup> <b>bold</b> <i>it</i> <code>c</code> "
	                          "<a href=\"http://e.x\">link</a><br>z\n",
	                          NULL);
	struct art_node *p = ut_find(a->root, ART_PARAGRAPH);
	char *s = art_node_plain_text(p);
	CHECK_STR(s, "a2 bold it c link z");
	g_free(s);
	CHECK_INT(count(p, ART_STRONG), 1);
	CHECK_INT(count(p, ART_EMPH), 1);
	CHECK_INT(count(p, ART_CODE), 1);
	CHECK_INT(count(p, ART_LINEBREAK), 1);
	struct art_node *l = ut_find(p, ART_LINK);
	CHECK(l && !strcmp(l->u.link.url, "http://e.x"));
	art_free(a);
}

TEST(html_sup_sub)
{
	const char *md = "<p>H<sub>2</sub>O</p>\n\na<sup>2</sup>\n";
	struct article *a = art_load_buffer("k.md", md, strlen(md), NULL);
	CHECK_INT(count(a->root, ART_HTML_BLOCK), 0);
	CHECK_INT(count(a->root, ART_HTML_INLINE), 0);
	struct art_node *sub = ut_find(a->root, ART_SUBSCRIPT);
	struct art_node *sup = ut_find(a->root, ART_SUPERSCRIPT);
	CHECK(sub && sub->first_child && !strcmp(sub->first_child->literal, "2"));
	CHECK(sup && sup->first_child && !strcmp(sup->first_child->literal, "2"));
	art_free(a);
}

/* Raw HTML that opens in one block and closes in a later one is one
 * fragment, as a browser reads it (spec 137, 159). */
TEST(html_fragment_over_blocks)
{
	struct article *a = hload("<table>\n\n<tr>\n\n<td>\nHi\n</td>\n\n</tr>\n\n</table>\n\n"
	                          "<del>\n\n*foo*\n\n</del>\n\n"
	                          "<table><tr><td>\n\n**b** x\n\n</td></tr></table>\n\n"
	                          "<table><tr><td>open\n\nafter\n",
	                          NULL);
	struct art_node *t = ut_find(a->root, ART_TABLE);
	struct art_node *cell = t ? ut_find(t, ART_TABLE_CELL) : NULL;
	char *s = cell ? art_node_plain_text(cell) : NULL;
	CHECK_STR(s, "Hi");
	g_free(s);
	struct art_node *del = ut_find(a->root, ART_STRIKE);
	CHECK(del && del->parent->type == ART_PARAGRAPH);
	CHECK(del && del->first_child && del->first_child->type == ART_EMPH);
	struct art_node *t2 = t ? t->next : NULL;
	while (t2 && t2->type != ART_TABLE)
		t2 = t2->next;
	CHECK(t2 && ut_find(t2, ART_STRONG));
	/* the last table never closes: the paragraph after it stays outside */
	CHECK(a->root->last_child && a->root->last_child->type == ART_PARAGRAPH);
	s = a->root->last_child ? art_node_plain_text(a->root->last_child) : NULL;
	CHECK_STR(s, "after");
	g_free(s);
	CHECK_INT(count(a->root, ART_TABLE), 3);
	art_free(a);
}

/* <dl> is a definition list in the model, in every format. */
TEST(html_definition_list)
{
	struct article *a = hload("<dl><dt>T</dt><dd>D <b>b</b></dd>stray</dl>\n", NULL);
	struct art_node *dl = ut_find(a->root, ART_DEF_LIST);
	CHECK(dl != NULL);
	CHECK(dl && dl->first_child && dl->first_child->type == ART_DEF_TERM);
	CHECK(dl && dl->first_child && dl->first_child->next &&
	      dl->first_child->next->type == ART_DEF_DESC &&
	      ut_find(dl->first_child->next, ART_STRONG));
	CHECK(dl && dl->last_child && dl->last_child->type == ART_DEF_DESC);
	char *why = art_check(a);
	CHECK_STR(why, NULL);
	g_free(why);
	art_free(a);
}
