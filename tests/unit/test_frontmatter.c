/* Tests of the YAML front matter: fields of struct art_meta, and errors
 * that name the right line of the .md file. */
#include "harness.h"

static const struct art_load_opts raw = {.no_normalize = true};

static struct article *
load(const char *src, GString *diags)
{
	art_diag_capture(diags);
	struct article *a = art_load_buffer("fm.md", src, strlen(src), &raw);
	art_diag_capture(NULL);
	return a;
}

static const char *
extra(const struct article *a, const char *key)
{
	for (guint i = 0; i < a->meta.extra->len; i++) {
		const struct art_meta_extra *e = a->meta.extra->pdata[i];
		if (!strcmp(e->key, key))
			return e->value;
	}
	return NULL;
}

TEST(fm_seed_fields)
{
	GString *d = g_string_new(NULL);
	struct article *a = load(
	    "---\n"
	    "title: '华为全联接大会2024︱openEuler 分论坛成功举办'\n"
	    "date: '2024-09-30'\n"
	    "category: news\n"
	    "tags:\n"
	    "  - openEuler\n"
	    "banner: 'img/banners/0930-hc.jpeg'\n"
	    "author: 'openEuler'\n"
	    "summary: ' 在华为全联大会 2024期间，以\"openEuler使能 AI和全场景创新\"为主题。'\n"
	    "---\n"
	    "\n"
	    "正文\n",
	    d);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK_STR(a->meta.title, "华为全联接大会2024︱openEuler 分论坛成功举办");
	CHECK_STR(a->meta.date, "2024-09-30");
	CHECK_STR(a->meta.category, "news");
	CHECK_INT(a->meta.tags->len, 1);
	CHECK_STR(a->meta.tags->pdata[0], "openEuler");
	CHECK_INT(a->meta.authors->len, 1);
	CHECK_STR(a->meta.authors->pdata[0], "openEuler");
	CHECK_STR(a->meta.cover, "img/banners/0930-hc.jpeg");
	CHECK_INT(a->meta.cover_pos.line, 7);
	CHECK_INT(a->meta.cover_pos.col, 9);
	CHECK_STR(a->meta.summary,
	          "在华为全联大会 2024期间，以\"openEuler使能 AI和全场景创新\"为主题。");
	CHECK_INT(a->meta.extra->len, 0);
	CHECK_INT(a->body_line, 11);
	CHECK_INT(a->root->first_child->pos.line, 12);
	CHECK_STR(d->str, "");
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(fm_seed_file)
{
	struct article *a;
	char *src = NULL;
	const char *root = g_getenv("MDPRESS_ROOT");
	char *path = g_build_filename(root ? root : ".", "tests/regress/seed/seed.md", NULL);
	CHECK(g_file_get_contents(path, &src, NULL, NULL));
	a = src ? load(src, NULL) : NULL;
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->meta.title, "华为全联接大会2024︱openEuler 分论坛成功举办");
		CHECK_STR(a->meta.date, "2024-09-30");
		CHECK_INT(a->body_line, 11);
	}
	art_free(a);
	g_free(src);
	g_free(path);
}

TEST(fm_lists_and_aliases)
{
	GString *d = g_string_new(NULL);
	struct article *a = load("---\n"
	                         "Author: [Ann, ' Bob ']\n"
	                         "tags: a, b,, c\n"
	                         "keywords: [c, d]\n"
	                         "description: desc\n"
	                         "summary: sum\n"
	                         "language: zh-CN\n"
	                         "cover-image: c.png\n"
	                         "identifier: urn:x\n"
	                         "subtitle:\n"
	                         "series: [one, two]\n"
	                         "meta: {k: v, n: 2}\n"
	                         "year: 2024\n"
	                         "...\n"
	                         "body\n",
	                         d);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK_INT(a->meta.authors->len, 2);
	CHECK_STR(a->meta.authors->pdata[1], "Bob");
	CHECK_INT(a->meta.tags->len, 4);
	CHECK_STR(a->meta.tags->pdata[2], "c");
	CHECK_STR(a->meta.tags->pdata[3], "d");
	CHECK_STR(a->meta.summary, "sum");
	CHECK_STR(a->meta.lang, "zh-CN");
	CHECK_STR(a->meta.cover, "c.png");
	CHECK_STR(a->meta.identifier, "urn:x");
	CHECK(a->meta.subtitle == NULL);
	CHECK_STR(extra(a, "series"), "one, two");
	CHECK_STR(extra(a, "meta"), "k: v, n: 2");
	CHECK_STR(extra(a, "year"), "2024");
	CHECK_INT(a->body_line, 15);
	CHECK_STR(d->str, "");
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(fm_wrong_type_names_md_line)
{
	GString *d = g_string_new(NULL);
	struct article *a = load("---\ndate: 1\ntitle: {a: 1}\n---\nx\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "fm.md:3:8: error: front matter: 'title' must be a string");
	g_string_truncate(d, 0);
	a = load("---\nauthor:\n  - a\n  - {mail: b}\n---\nx\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(
	    d->str,
	    "fm.md:4:5: error: front matter: 'author' must be a string or a list of strings");
	g_string_truncate(d, 0);
	a = load("---\ntags: [a, [b]]\n---\nx\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "fm.md:2:11: error: front matter: 'tags' must be");
	g_string_free(d, TRUE);
}

TEST(fm_syntax_error_names_md_line)
{
	GString *d = g_string_new(NULL);
	struct article *a = load("---\ntitle: ok\nbad: [1, 2\nnext: x\n---\nx\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "fm.md:4:");
	CHECK_CONTAINS(d->str, "error: front matter: ");
	g_string_truncate(d, 0);
	a = load("---\ntitle: a\n  b: c\n---\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str,
	               "fm.md:3:4: error: front matter: mapping values are not allowed");
	g_string_free(d, TRUE);
}

TEST(fm_unclosed)
{
	GString *d = g_string_new(NULL);
	struct article *a = load("---\ntitle: a\n\nText\n", d);
	CHECK(a == NULL);
	CHECK_CONTAINS(d->str, "fm.md:1:1: error: front matter not closed by '---' or '...'");
	g_string_free(d, TRUE);
}

TEST(fm_author_maps_give_names)
{
	struct article *a = load("---\nauthor: {name: Ann, email: a@x}\n---\n", NULL);
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->meta.authors->len, 1);
		CHECK_STR(a->meta.authors->pdata[0], "Ann");
	}
	art_free(a);
	a = load("---\nauthors:\n  - name: Ann\n  - Bob\n---\n", NULL);
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->meta.authors->len, 2);
		CHECK_STR(a->meta.authors->pdata[1], "Bob");
	}
	art_free(a);
}

TEST(fm_duplicate_key_warns)
{
	GString *d = g_string_new(NULL);
	struct article *a = load("---\ntitle: a\nTitle: b\n---\n", d);
	CHECK(a != NULL);
	if (a)
		CHECK_STR(a->meta.title, "b");
	CHECK_CONTAINS(d->str, "fm.md:3:1: warning: front matter: duplicate key 'Title'");
	art_free(a);
	g_string_free(d, TRUE);
}

/* A rule followed by a blank line, or a block that is not a mapping, is
 * Markdown, not front matter. */
TEST(fm_not_front_matter)
{
	struct article *a = load("---\n\ntext\n", NULL);
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->body_line, 1);
		CHECK_INT(a->root->first_child->type, ART_THEMATIC_BREAK);
	}
	art_free(a);
	a = load("---\nFoo\n---\n", NULL);
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->body_line, 1);
		CHECK(a->meta.title == NULL);
		CHECK_INT(a->root->first_child->next->type, ART_HEADING);
	}
	art_free(a);
	a = load("---\n", NULL);
	CHECK(a != NULL);
	art_free(a);
	a = load("---\n---\nbody\n", NULL);
	CHECK(a != NULL);
	if (a)
		CHECK_INT(a->body_line, 3); /* empty front matter, as Jekyll writes it */
	art_free(a);
}

/* Aliases let a few lines describe an exponential tree: flattening into
 * meta.extra must stay bounded. */
TEST(fm_alias_bomb_bounded)
{
	GString *d = g_string_new(NULL);
	struct article *a = load("---\n"
	                         "a: &a [x, x, x, x, x, x, x, x, x]\n"
	                         "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	                         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	                         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	                         "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	                         "---\n",
	                         d);
	CHECK(a != NULL);
	if (a)
		CHECK(strlen(extra(a, "e")) < 8192);
	CHECK_CONTAINS(d->str, "warning: front matter: part of 'e'");
	art_free(a);
	g_string_free(d, TRUE);
}
