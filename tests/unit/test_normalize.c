/* Tests of common/normalize.c and common/resource.c through art_load_buffer():
 * segment breaks, ** repair, placeholders, figures, ids, footnotes, images. */
#include <glib/gstdio.h>

#include "../../common/internal.h"
#include "harness.h"

/* Loads src (named name) with normalisation, capturing diagnostics. */
static struct article *
nload(const char *name, const char *src, const struct art_load_opts *opts, GString *diags)
{
	static const struct art_load_opts none;
	art_diag_capture(diags);
	struct article *a = art_load_buffer(name, src, strlen(src), opts ? opts : &none);
	art_diag_capture(NULL);
	return a;
}

/* A compact rendering of inline children: text as is, strong as [..],
 * emph as {..}, code as `..`, raw html as <html:..>. */
static void
inl(GString *s, const struct art_node *n)
{
	for (const struct art_node *c = n->first_child; c; c = c->next) {
		switch (c->type) {
		case ART_TEXT:
			g_string_append(s, c->literal);
			break;
		case ART_STRONG:
			g_string_append_c(s, '[');
			inl(s, c);
			g_string_append_c(s, ']');
			break;
		case ART_EMPH:
			g_string_append_c(s, '{');
			inl(s, c);
			g_string_append_c(s, '}');
			break;
		case ART_CODE:
			g_string_append_printf(s, "`%s`", c->literal);
			break;
		case ART_HTML_INLINE:
			g_string_append_printf(s, "<html:%s>", c->literal);
			break;
		case ART_SOFTBREAK:
			g_string_append(s, "<SB>");
			break;
		default:
			g_string_append_printf(s, "<%s>", art_node_type_name(c->type));
			break;
		}
	}
}

static char *
inline_str(const struct art_node *n)
{
	GString *s = g_string_new(NULL);
	if (n)
		inl(s, n);
	return g_string_free(s, FALSE);
}

/* Checks the compact form of the first paragraph of src. */
static void
check_para(const char *file, int line, const char *src, const char *lang, const char *want)
{
	struct art_load_opts o = {.lang = lang};
	struct article *a = nload("t.md", src, &o, NULL);
	if (!a) {
		ut_fail(file, line, "load failed");
		return;
	}
	char *got = inline_str(ut_find(a->root, ART_PARAGRAPH));
	if (strcmp(got, want) != 0)
		ut_fail(file, line, "got \"%s\", want \"%s\"", got, want);
	g_free(got);
	art_free(a);
}
#define PARA(src, lang, want) check_para(__FILE__, __LINE__, src, lang, want)

TEST(norm_segment_breaks)
{
	/* the space typed before "，" goes too: full-width punctuation has
	 * its own white space */
	PARA("在华为全联大会 2024\n期间，通过一套北向语义接口标准 ，\n一套全流程\n", NULL,
	     "在华为全联大会 2024 期间，通过一套北向语义接口标准，一套全流程");
	PARA("来对其进行表示。\nSubstreamID的概念\n", NULL,
	     "来对其进行表示。SubstreamID的概念");
	PARA("English\nwords\n", NULL, "English words");
	PARA("中文\nEnglish\n中文\n", NULL, "中文 English 中文");
	/* Through inline boundaries, both ways. */
	PARA("**加粗**\n中文\n", NULL, "[加粗]中文");
	PARA("中文\n*强调*和`代码`\n", NULL, "中文{强调}和`代码`");
	PARA("代码`中`\n文字\n", NULL, "代码`中`文字");
	/* CSS Text 4: ambiguous quotes next to Han only in zh/ja. */
	PARA("汉字\n“引号”\n", "zh", "汉字“引号”");
	PARA("汉字\n“引号”\n", "en", "汉字 “引号”");
	PARA("한국어\n텍스트\n", NULL, "한국어 텍스트");
	PARA("line one  \nline two\n", NULL, "line one<linebreak>line two");
	/* after raw HTML's <br> the source's newline adds no space */
	PARA("内容<br>\nglibc 的代码\n", NULL, "内容<linebreak>glibc 的代码");
}

TEST(norm_unclosed_strong)
{
	/* cmark leaves both "**" literal (neither can close). */
	PARA("**7月27日，成功举办。**论坛以\n", NULL, "[7月27日，成功举办。]论坛以");
	/* ... or pairs them wrongly into nested strong. */
	PARA("**7月27日，成功举办。**论坛以“openEuler”为主题。**韩乃平**受邀, "
	     "并特邀**刘映镇**在论坛上分享。\n",
	     NULL,
	     "[7月27日，成功举办。]论坛以“openEuler”为主题。[韩乃平]受邀, "
	     "并特邀[刘映镇]在论坛上分享。");
	PARA("> **典型配置：**指定StratoVirt\n", NULL, "[典型配置：]指定StratoVirt");
	/* Repair spans other inlines, never code. */
	PARA("**见`a**b`。**然后\n", NULL, "[见`a**b`。]然后");
	/* Unpaired or space-flanked stays literal; proper nesting is kept. */
	PARA("2**3 是八\n", NULL, "2**3 是八");
	PARA("a ** b ** c\n", NULL, "a ** b ** c");
	PARA("**a **b** c**\n", NULL, "[a [b] c]");
	PARA("x****y\n", NULL, "x****y");
	/* Bold across a line break: the break is white space to the flanking
	 * rules, and it drops once the bold is found. */
	PARA("中文\n**粗。**后\n", NULL, "中文[粗。]后");
	PARA("说**“重要”**是\n", NULL, "说[“重要”]是");
}

TEST(norm_strong_repair_only_beside_cjk)
{
	/* Spec examples 389 and 401: no CJK, so CommonMark's reading (literal
	 * asterisks) stands, even in a Chinese paragraph. */
	PARA("a**\"foo\"**\n", NULL, "a**“foo”**");
	PARA("**(**foo)\n", NULL, "**(**foo)");
	PARA("中文 **(**foo) 中文\n", NULL, "中文 **(**foo) 中文");
	PARA("中文 a**\"foo\"** 中文\n", NULL, "中文 a**“foo”** 中文");
	/* A run touching CJK may open or close where CommonMark says no. */
	PARA("**(甲)**乙\n", NULL, "[(甲)]乙");
	/* Escaped asterisks are text, never a delimiter run, wherever the
	 * paragraph sits. */
	PARA("\\*\\*注意\\*\\*：这里\n", NULL, "**注意**：这里");
	PARA("&ast;&ast;注意&#42;&#x2A;：这里\n", NULL, "**注意**：这里");
	PARA("> - a &amp; \\*\\*注意\\*\\*：这里 **粗。**后\n", NULL,
	     "a & **注意**：这里 [粗。]后");
	PARA("x \\\\\\*\\*注意\\*\\*：\n", NULL, "x \\**注意**：");
}

TEST(norm_tilde_ranges_stay_text)
{
	/* A tilde between digits is a range, not strikethrough (the DDE
	 * guide's "0~150% (the former range is 0~100%)"; md2txt printed
	 * "0150%", losing both tildes). */
	PARA("Volume 0~150% (the former range is 0~100%).\n", NULL,
	     "Volume 0~150% (the former range is 0~100%).");
	PARA("范围0~16，或者0~4095。\n", NULL, "范围0~16，或者0~4095。");
	/* ... the closing tilde alone between digits too */
	PARA("a ~b 1~2 c\n", NULL, "a ~b 1~2 c");
	/* GFM's strikethrough otherwise stays (spec: "Hello, ~there~ world") */
	PARA("Hello, ~there~ world ~~gone~~ 1 ~2~\n", NULL,
	     "Hello, <strike> world <strike> 1 <strike>");
}

TEST(norm_empty_quotes_stay_straight)
{
	/* an empty value has nothing to quote: not ”” (container-engine) */
	PARA("Set **--name=\"\"** or x=''\n", NULL, "Set [--name=\"\"] or x=''");
	/* quotes with something inside stay curly */
	PARA("He said \"yes\" and 'no'\n", NULL, "He said “yes” and ‘no’");
}

TEST(norm_unknown_html_is_text)
{
	PARA("Run <emulator> on <ip-address> with <kernel version> and </kernel>"
	     "<br> <b>bold</b> <!-- note -->\n",
	     NULL,
	     "Run <emulator> on <ip-address> with <kernel version> and </kernel>"
	     "<linebreak> [bold]"); /* real tags: model nodes (common/html.c) */
	struct article *a = nload("t.md", "<emulator>\nstart it\n\nnext\n", NULL, NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	CHECK(ut_find(a->root, ART_HTML_BLOCK) == NULL);
	char *got = inline_str(ut_find(a->root, ART_PARAGRAPH));
	CHECK_STR(got, "<emulator> start it");
	g_free(got);
	art_free(a);
}

TEST(norm_figure_and_caption)
{
	const char *src = "Intro\n\n![image2](./media/image1.jpeg)\n\n"
	                  "**openEuler伙伴智能助手产品联合发布仪式**\n\n"
	                  "![x](a.png) text\n\n**not a caption**\n";
	GString *d = g_string_new(NULL);
	struct article *a = nload("t.md", src, NULL, d);
	CHECK(a != NULL);
	if (!a)
		return;
	struct art_node *fig = a->root->first_child->next;
	CHECK_INT(fig->type, ART_FIGURE);
	CHECK_INT(fig->first_child->type, ART_IMAGE);
	CHECK(fig->first_child->u.image.res != NULL);
	struct art_node *cap = fig->last_child;
	CHECK_INT(cap->type, ART_CAPTION);
	char *got = inline_str(cap);
	CHECK_STR(got, "openEuler伙伴智能助手产品联合发布仪式");
	g_free(got);
	/* An image with text beside it stays an inline image. */
	CHECK_INT(fig->next->type, ART_PARAGRAPH);
	CHECK_INT(fig->next->next->type, ART_PARAGRAPH);
	CHECK(fig->next->first_child->u.image.res != NULL);
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(norm_heading_ids_and_links)
{
	const char *src = "# 构建镜像\n\n# 构建镜像\n\n# Hello, World!\n\n# !!!\n\n"
	                  "## Title<a name=\"ZH-CN_TOPIC_01\"></a>\n\n"
	                  "[a](#构建镜像-1) [b](#nope) [c](#ZH-CN_TOPIC_01) "
	                  "[d](#%E6%9E%84%E5%BB%BA%E9%95%9C%E5%83%8F) [e](#Hello,%20World!)\n";
	GString *d = g_string_new(NULL);
	struct article *a = nload("t.md", src, NULL, d);
	CHECK(a != NULL);
	if (!a)
		return;
	struct art_node *h = a->root->first_child;
	CHECK_STR(h->u.heading.id, "构建镜像");
	CHECK_STR(h->next->u.heading.id, "构建镜像-1");
	CHECK_STR(h->next->next->u.heading.id, "hello-world");
	CHECK_STR(h->next->next->next->u.heading.id, "section");
	struct art_node *h5 = h->next->next->next->next;
	CHECK_STR(h5->u.heading.id, "title");
	CHECK(g_hash_table_lookup(a->ids, "ZH-CN_TOPIC_01") == h5);
	CHECK(g_hash_table_lookup(a->ids, "构建镜像-1") == h->next);
	CHECK_CONTAINS(d->str, "t.md:11:");
	CHECK_CONTAINS(d->str, "link to unknown anchor: #nope");
	CHECK(strstr(d->str, "ZH-CN") == NULL);
	CHECK(strstr(d->str, "Hello") == NULL);
	/* Encoded and heading-text links now name the real id. */
	struct art_node *l = ut_find(a->root, ART_LINK);
	for (int i = 0; i < 3 && l; i++)
		l = l->next ? l->next->next : NULL;
	CHECK(l != NULL);
	if (l) {
		CHECK_STR(l->u.link.url, "#构建镜像");
		CHECK_STR(l->next->next->u.link.url, "#hello-world");
	}
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(norm_footnotes_numbered_by_first_reference)
{
	const char *src = "b[^two] a[^one] c[^two]\n\n[^one]: one\n\n[^two]: two\n\n"
	                  "[^three]: three\n";
	GString *diags = g_string_new(NULL); /* [^three] warns; tested elsewhere */
	struct article *a = nload("t.md", src, NULL, diags);
	g_string_free(diags, TRUE);
	CHECK(a != NULL);
	if (!a)
		return;
	struct art_node *r = ut_find(a->root, ART_FOOTNOTE_REF);
	CHECK(r != NULL);
	if (!r)
		goto out;
	CHECK_INT(r->u.footnote.number, 1);
	CHECK_STR(r->u.footnote.def->u.footnote.label, "two");
	struct art_node *r2 = r->next->next, *r3 = r2->next->next;
	CHECK_INT(r2->type, ART_FOOTNOTE_REF);
	CHECK_INT(r2->u.footnote.number, 2);
	CHECK_INT(r3->u.footnote.number, 1);
	/* cmark-gfm drops definitions nobody references. */
	CHECK_INT(a->footnotes->len, 2);
	if (a->footnotes->len != 2)
		goto out;
	struct art_node *f0 = a->footnotes->pdata[0], *f1 = a->footnotes->pdata[1];
	CHECK_STR(f0->u.footnote.label, "two");
	CHECK_INT(f0->u.footnote.number, 1);
	CHECK_STR(f1->u.footnote.label, "one");
	CHECK_INT(f1->u.footnote.number, 2);
out:
	art_free(a);
}

TEST(norm_lang_choice)
{
	struct article *a = nload("t.md", "---\nlang: ja\n---\n中文\n", NULL, NULL);
	CHECK(a && !a->lang_detected);
	CHECK_STR(a ? a->lang : NULL, "ja");
	art_free(a);
	struct art_load_opts o = {.lang = "en"};
	a = nload("t.md", "---\nlang: ja\n---\n中文\n", &o, NULL);
	CHECK_STR(a ? a->lang : NULL, "en");
	art_free(a);
	a = nload("t.md", "---\ntitle: 华为全联接大会\n---\nopenEuler 2024\n", NULL, NULL);
	CHECK(a && a->lang_detected);
	CHECK_STR(a ? a->lang : NULL, "zh");
	art_free(a);
}

/* Deeply nested input: the pass must not recurse. */
TEST(norm_deep_nesting)
{
	struct article *a = nload("t.md", "", NULL, NULL);
	CHECK(a != NULL);
	if (!a)
		return;
	struct art_pos p = {1, 1};
	struct art_node *n = a->root;
	for (int i = 0; i < 50000; i++) {
		struct art_node *q = art_node_new(ART_BLOCKQUOTE, p);
		art_node_append(n, q);
		n = q;
	}
	struct art_node *para = art_node_new(ART_PARAGRAPH, p);
	art_node_append(n, para);
	struct art_node *t = art_node_new(ART_TEXT, p);
	t->literal = g_strdup("中");
	art_node_append(para, t);
	art_node_append(para, art_node_new(ART_SOFTBREAK, p));
	t = art_node_new(ART_TEXT, p);
	t->literal = g_strdup("文");
	art_node_append(para, t);
	art_normalize(a, NULL);
	CHECK_STR(para->first_child->literal, "中文");
	CHECK(para->first_child->next == NULL);
	art_free(a);
}

/* ------------------------------------------------------------ resources */

/* Images from tests/data (see tests/data/SOURCES): under $MDPRESS_ROOT when
 * tests/run.sh sets it, else relative to the repository root. */
static char *
data_file(const char *rel)
{
	const char *root = g_getenv("MDPRESS_ROOT");
	char *p = g_build_filename(root ? root : ".", "tests", "data", rel, NULL);
	if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
		return p;
	g_free(p);
	return NULL;
}

static void
copy_into(const char *dir, const char *name, const char *from)
{
	char *data = NULL;
	gsize len = 0;
	CHECK(from && g_file_get_contents(from, &data, &len, NULL));
	char *to = g_build_filename(dir, name, NULL);
	CHECK(g_file_set_contents(to, data ? data : "", (gssize)len, NULL));
	g_free(to);
	g_free(data);
}

static void
put(const char *dir, const char *name, const void *bytes, gssize len)
{
	char *to = g_build_filename(dir, name, NULL);
	CHECK(g_file_set_contents(to, bytes, len, NULL));
	g_free(to);
}

static void
rm_dir(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *e;
	while (d && (e = g_dir_read_name(d))) {
		char *p = g_build_filename(dir, e, NULL);
		if (g_file_test(p, G_FILE_TEST_IS_DIR))
			rm_dir(p);
		else
			g_unlink(p);
		g_free(p);
	}
	if (d)
		g_dir_close(d);
	g_rmdir(dir);
}

TEST(norm_resources_sniffed_and_measured)
{
	char *dir = g_dir_make_tmp("mdpress-res-XXXXXX", NULL);
	char *png = data_file(
	    "corpus/ws-zh-interaction-2020-03-03-sample-post/2020-03-03-sample-post-01.png");
	char *jpg = data_file("images/2020-09-14-isulad-architecture-02.jpg");
	char *gif = data_file("images/icon-note.gif");
	char *svg = data_file("images/aarch64_exception_levels_2.svg");
	copy_into(dir, "a b.png", png);
	copy_into(dir, "photo.png", jpg); /* a JPEG named .png */
	copy_into(dir, "icon.gif", gif);
	copy_into(dir, "d.svg", svg);
	put(dir, "fake.jpg", "not an image\n", -1);
	/* VP8L header of a 3x5 lossless WebP. */
	static const unsigned char webp[] =
	    "RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0\x2f\x02\x00\x01\x00";
	put(dir, "w.webp", webp, sizeof webp - 1);
	put(dir, "v.svg",
	    "\xEF\xBB\xBF <!-- x --><svg viewBox=\"0 0 40 30\" width=\"80\"></svg>", -1);
	char *sub = g_build_filename(dir, "site", NULL);
	g_mkdir(sub, 0755);
	put(sub, "root.gif", "GIF89a\x0a\0\x14\0", 10);
	char *md = g_build_filename(dir, "t.md", NULL);
	const char *src = "![a](a%20b.png) ![b](./a%20b.png?x=1#y) ![c](<a b.png>)\n"
	                  "\n"
	                  "x ![m](nope.png) ![m2](./nope.png) ![j](photo.png)\n"
	                  "![g](icon.gif) ![s](d.svg) ![f](fake.jpg) ![w](w.webp) ![v](v.svg)\n"
	                  "![r](https://example.com/x.png) ![r2](https://example.com/x.png)\n"
	                  "![sa](/root.gif) ![dir](site)\n";
	struct art_load_opts o = {.resource_root = sub};
	GString *d = g_string_new(NULL);
	struct article *a = nload(md, src, &o, d);
	CHECK(a != NULL);
	if (!a)
		goto out;
	struct art_resource **r = (struct art_resource **)a->resources->pdata;
	CHECK_INT(a->resources->len, 11);
	if (a->resources->len != 11)
		goto out;
	CHECK_INT(r[0]->status, ART_RES_OK); /* a b.png, 3 refs */
	CHECK_INT(r[0]->type, ART_IMG_PNG);
	CHECK_STR(r[0]->mime, "image/png");
	CHECK_INT(r[0]->width, 286);
	CHECK_INT(r[0]->height, 176);
	CHECK_STR(r[0]->src, "a b.png");
	CHECK(r[0]->size > 0);
	CHECK_INT(r[1]->status, ART_RES_MISSING); /* nope.png, 2 refs */
	CHECK_INT(r[1]->size, -1);
	CHECK_INT(r[2]->type, ART_IMG_JPEG); /* by bytes, not name */
	CHECK_STR(r[2]->ext, "jpg");
	CHECK_INT(r[2]->width, 811);
	CHECK_INT(r[2]->height, 748);
	CHECK_INT(r[3]->type, ART_IMG_GIF);
	CHECK_INT(r[3]->width, 27);
	CHECK_INT(r[3]->height, 22);
	CHECK_INT(r[4]->type, ART_IMG_SVG);
	CHECK_INT(r[4]->width, 457);
	CHECK_INT(r[4]->height, 209);
	CHECK_INT(r[5]->status, ART_RES_UNKNOWN_TYPE);
	CHECK(r[5]->mime == NULL);
	CHECK_INT(r[6]->type, ART_IMG_WEBP);
	CHECK_INT(r[6]->width, 3);
	CHECK_INT(r[6]->height, 5);
	CHECK_INT(r[7]->type, ART_IMG_SVG);
	CHECK_INT(r[7]->width, 80);
	CHECK_INT(r[7]->height, 60);
	CHECK_INT(r[8]->status, ART_RES_REMOTE);
	CHECK(r[8]->path == NULL);
	CHECK_INT(r[9]->status, ART_RES_OK); /* /root.gif in the root */
	CHECK_INT(r[9]->width, 10);
	CHECK_INT(r[9]->height, 20);
	CHECK_INT(r[10]->status, ART_RES_UNREADABLE); /* a folder */
	for (int i = 0; i < 11; i++)
		CHECK_INT(r[i]->index, i);
	/* One warning per distinct resource, at the first reference. */
	CHECK_CONTAINS(d->str, "t.md:3:3: warning: image not found: nope.png");
	CHECK(strstr(strstr(d->str, "nope.png") + 1, "nope.png") == NULL);
	CHECK_CONTAINS(d->str, "t.md:4:28: warning: not an image mdpress can use: fake.jpg");
	CHECK_CONTAINS(d->str, "remote image not fetched: https://example.com/x.png");
	CHECK(strstr(strstr(d->str, "example.com") + 1, "example.com") == NULL);
	CHECK_CONTAINS(d->str, "image unreadable: site");
	/* Later calls (converters: cover, raw <img>) share the same resource. */
	CHECK(art_resource_get(a, "a%20b.png", (struct art_pos){0, 0}) == r[0]);
	CHECK_INT(a->resources->len, 11);
out:
	art_free(a);
	g_string_free(d, TRUE);
	rm_dir(dir);
	g_free(md);
	g_free(sub);
	g_free(dir);
	g_free(png);
	g_free(jpg);
	g_free(gif);
	g_free(svg);
}

TEST(norm_resources_urls)
{
	char *dir = g_dir_make_tmp("mdpress-url-XXXXXX", NULL);
	put(dir, "i.gif", "GIF87a\x03\0\x04\0", 10);
	GString *src = g_string_new(NULL);
	g_string_append_printf(src, "![u](file://%s/i.gif) ![g](i.gif) ![x](%%FF.png)\n\n",
	                       dir);
	g_string_append(src, "![d](data:image/png;base64,");
	for (int i = 0; i < 50; i++)
		g_string_append(src, "iVBORw0KGgo");
	g_string_append(src, ")\n");
	char *md = g_build_filename(dir, "t.md", NULL);
	GString *d = g_string_new(NULL);
	struct article *a = nload(md, src->str, NULL, d);
	CHECK(a != NULL);
	if (a) {
		CHECK_INT(a->resources->len, 3); /* file: URL and i.gif are one */
		struct art_resource *r = a->resources->pdata[0];
		CHECK_INT(r->status, ART_RES_OK);
		CHECK_INT(r->width, 3);
		CHECK_INT(r->height, 4);
		r = a->resources->pdata[1];
		CHECK_INT(r->status, ART_RES_MISSING);
		CHECK(g_utf8_validate(r->src, -1, NULL));
		CHECK_CONTAINS(d->str, "remote image not fetched: data:image/png;base64,iVBOR");
		CHECK(strlen(d->str) < 400);
	}
	art_free(a);
	g_string_free(d, TRUE);
	g_string_free(src, TRUE);
	g_free(md);
	rm_dir(dir);
	g_free(dir);
}

/* The element table is searched with bsearch: both ends and the middle must
 * be found, and placeholder names must not. */
TEST(norm_html_element_table)
{
	const char *known[] = {"a",   "abbr", "br",  "h1",    "h6",  "head",
	                       "img", "sup",  "svg", "table", "wbr", "xmp"};
	for (size_t i = 0; i < G_N_ELEMENTS(known); i++)
		CHECK(art_html_is_element(known[i]));
	CHECK(!art_html_is_element("emulator"));
	CHECK(!art_html_is_element("kernel"));
	CHECK(art_html_is_unknown_tag("</IP-Address>"));
	CHECK(!art_html_is_unknown_tag("<BR/>"));
	CHECK(!art_html_is_unknown_tag("<!-- x -->"));
	CHECK(!art_html_is_unknown_tag("<?php ?>"));
}

TEST(normalize_explicit_heading_id)
{
	const char *md = "# Install it {#install .big}\n\n## Set {up}\n\n[go](#install)\n";
	struct article *art = art_load_buffer("x.md", md, strlen(md), NULL);
	CHECK(art != NULL);
	struct art_node *h1 = art->root->first_child;
	CHECK_INT(h1->type, ART_HEADING);
	CHECK_STR(h1->u.heading.id, "install");
	char *text = art_node_plain_text(h1);
	CHECK_STR(text, "Install it");
	g_free(text);
	struct art_node *h2 = h1->next;
	CHECK_STR(h2->u.heading.id, "set-up");     /* "{up}" is no attribute block */
	CHECK_INT(art_diag_count(ART_WARNING), 0); /* the #install link resolves */
	art_free(art);
}

/* An opening level-1 heading that repeats the front matter title is the
 * title: renderers skip it.  Other headings, or a different text, are not. */
TEST(title_heading_found_only_when_it_repeats_the_title)
{
	static const char *const cases[][2] = {
	    {"---\ntitle: Cloud Era\n---\n# Cloud  Era \n\nbody\n", "Cloud  Era"},
	    {"---\ntitle: Cloud Era\n---\n# *Cloud* Era\n\nbody\n", "Cloud Era"},
	    {"---\ntitle: Cloud Era\n---\n# Cloud era\n", NULL},
	    {"---\ntitle: Cloud Era\n---\n## Cloud Era\n", NULL},
	    {"---\ntitle: Cloud Era\n---\nIntro.\n\n# Cloud Era\n", NULL},
	    {"# Cloud Era\n", NULL},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct article *a = nload("t.md", cases[i][0], NULL, NULL);
		CHECK(a != NULL);
		const struct art_node *h = art_title_heading(a);
		if (cases[i][1] == NULL) {
			CHECK(h == NULL);
		} else {
			CHECK(h != NULL && h == a->root->first_child);
		}
		art_free(a);
	}
}

/* A summary the opening paragraphs say again (nearly all its words, in
 * order), also after a contents list or an "Intro" heading, gets no lead;
 * a different, shorter or much later one keeps it. */
TEST(summary_repeated_by_the_opening_paragraphs)
{
#define FAR "One two three four five six seven eight nine ten eleven twelve thirteen.\n\n"
	static const struct {
		const char *src;
		bool repeated;
	} cases[] = {
	    /* the seed: the first sentence with an aside and a dateline */
	    {"---\nsummary: '在华为全联大会 2024期间，以\"openEuler使能 "
	     "AI和全场景创新\"为主题的"
	     "分论坛在上海成功举办。'\n---\n\\[中国，上海\\] 在华为全联大会 2024\n期间，以"
	     "\"openEuler（简称\"openEuler\"） 使能 AI\n和全场景创新\"为主题的分论坛在上海成功"
	     "举办。会上，成员分享了实践。\n",
	     true},
	    /* after the title heading, raw HTML and an image; words inserted */
	    {"---\ntitle: Report\nsummary: \"We took part in the Open Source Summit. On the "
	     "session, we showed our progress.\"\n---\n# Report\n\n<div class=\"x\">\n\n"
	     "![banner](b.png)\n\nWe took part in the Open Source Summit held this month.\n"
	     "On the session, we showed our *progress* in ecosystems.\n",
	     true},
	    /* the same words in another order */
	    {"---\nsummary: we showed our progress on the session and took part\n---\n"
	     "We took part in the Open Source Summit. On the session, we showed our "
	     "progress.\n",
	     false},
	    /* a title-like summary (under 8 words) is kept */
	    {"---\nsummary: Virtio协议概述\n---\nVirtio协议概述，本文介绍。\n", false},
	    /* after an "Intro" heading and a contents list, still the opening */
	    {"---\nsummary: We took part in the Open Source Summit this July.\n---\n"
	     "1. Intro\n2. Talks\n\n## Intro\n\n"
	     "We took part in the Open Source Summit this July.\n",
	     true},
	    /* the words come only far into the article */
	    {"---\nsummary: We took part in the Open Source Summit this July.\n---\n" FAR FAR
	         FAR FAR FAR FAR FAR FAR FAR
	     "We took part in the Open Source Summit this July.\n",
	     false},
	    /* a summary of the article, not its opening */
	    {"---\nsummary: Introduction to the PLT and GOT workflow in dynamic linking.\n---\n"
	     "This document describes how a program calls a function in a shared library.\n",
	     false},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct article *a = nload("s.md", cases[i].src, NULL, NULL);
		CHECK(a != NULL);
		CHECK_INT(a->summary_repeated, cases[i].repeated);
		art_free(a);
	}
#undef FAR
}

/* cmark-gfm drops a footnote definition nothing references: warn at its
 * line, but not for "[^x]:" lines inside code blocks or kept definitions. */
TEST(unused_footnote_definition_warns)
{
	const char *src = "Used[^a].\n\n"
	                  "```\n[^code]: not a definition\n```\n\n"
	                  "[^a]: kept\n\n"
	                  "[^lost]: this text is left out\n";
	GString *diags = g_string_new(NULL);
	struct article *a = nload("fn.md", src, NULL, diags);
	CHECK(a != NULL);
	CHECK_CONTAINS(diags->str, "fn.md:9:1: warning: footnote [^lost] is never referenced: "
	                           "its text is left out [-Wunused-footnote]\n");
	CHECK(strstr(diags->str, "[^code]") == NULL);
	CHECK(strstr(diags->str, "[^a]") == NULL);
	art_free(a);
	g_string_free(diags, TRUE);
}

/* Framework markup with nothing to read is dropped (with a warning);
 * placeholders, XML with text and real HTML are not component markup. */
TEST(component_markup_recognised)
{
	CHECK(art_html_is_component_markup(
	    "<ClientOnly>\n  <news-newsHeader />\n</ClientOnly>\n"));
	CHECK(art_html_is_component_markup("<x-banner/>"));
	CHECK(!art_html_is_component_markup("<emulator>"));
	CHECK(!art_html_is_component_markup("<ip-address>\n"));
	CHECK(!art_html_is_component_markup("<Foo>"));
	CHECK(!art_html_is_component_markup("<config>\n<name>foo</name>\n</config>"));
	CHECK(!art_html_is_component_markup("<div></div>"));
	CHECK(!art_html_is_component_markup("<Foo></Foo> and text"));

	GString *diags = g_string_new(NULL);
	struct article *a =
	    nload("v.md",
	          "# T\n\n<ClientOnly>\n  <news-newsHeader />\n</ClientOnly>\n\n"
	          "Body.\n",
	          NULL, diags);
	CHECK(a != NULL);
	CHECK_CONTAINS(diags->str, "v.md:3:1: warning: component markup with no text dropped: "
	                           "<ClientOnly> <news-newsHeader /> </ClientOnly>");
	CHECK(ut_find(a->root, ART_HTML_BLOCK) == NULL);
	const struct art_node *p = ut_find(a->root, ART_PARAGRAPH);
	CHECK(p != NULL && p->first_child && !strcmp(p->first_child->literal, "Body."));
	art_free(a);
	g_string_free(diags, TRUE);
}
