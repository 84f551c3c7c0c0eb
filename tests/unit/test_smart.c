/* test_smart.c - typographic punctuation in the model: the spec's
 * smart-punctuation examples, and Chinese quotes cmark's Latin rules get
 * wrong. */
#include "harness.h"

/* The text of an article's body, every leaf's text in order, white space
 * removed (the spec's HTML and the model wrap lines differently). */
static char *
body_text(const char *md, bool smart)
{
	struct art_load_opts o = {.no_smart = !smart};
	struct article *a = art_load_buffer("s.md", md, strlen(md), &o);
	if (!a)
		return g_strdup("(load failed)");
	GString *s = g_string_new(NULL);
	for (struct art_node *n = a->root; n; n = art_node_next(n, a->root, true))
		if ((n->type == ART_TEXT || n->type == ART_CODE) && n->literal)
			for (const char *p = n->literal; *p; p++)
				if (!g_ascii_isspace(*p))
					g_string_append_c(s, *p);
	art_free(a);
	return g_string_free(s, FALSE);
}

/* The text of the spec's expected HTML: tags dropped, entities decoded,
 * white space removed. */
static char *
html_text(const char *html)
{
	GString *s = g_string_new(NULL);
	static const struct {
		const char *ent, *ch;
	} ents[] = {
	    {"&quot;", "\""},
	    {"&amp;", "&"},
	    {"&lt;", "<"},
	    {"&gt;", ">"},
	};
	for (const char *p = html; *p;) {
		if (*p == '<') {
			const char *e = strchr(p, '>');
			p = e ? e + 1 : p + strlen(p);
			continue;
		}
		bool done = false;
		for (size_t i = 0; i < G_N_ELEMENTS(ents) && !done; i++)
			if (g_str_has_prefix(p, ents[i].ent)) {
				g_string_append(s, ents[i].ch);
				p += strlen(ents[i].ent);
				done = true;
			}
		if (done)
			continue;
		if (!g_ascii_isspace(*p))
			g_string_append_c(s, *p);
		p++;
	}
	return g_string_free(s, FALSE);
}

TEST(smart_spec_examples)
{
	const char *root = g_getenv("MDPRESS_ROOT");
	char *path =
	    g_build_filename(root ? root : ".", "tests/data/spec/smart_punct.txt", NULL);
	char *spec = NULL;
	CHECK(g_file_get_contents(path, &spec, NULL, NULL));
	g_free(path);
	if (!spec)
		return;
	const char *fence = "```````````````````````````````` example\n";
	int n = 0, ok = 0;
	for (char *p = strstr(spec, fence); p; p = strstr(p, fence)) {
		p += strlen(fence);
		char *dot = strstr(p, "\n.\n"),
		     *end = dot ? strstr(dot, "\n````````````````````````````````") : NULL;
		if (!end)
			break;
		char *md = g_strndup(p, (gsize)(dot - p + 1));
		char *html = g_strndup(dot + 3, (gsize)(end - dot - 3));
		char *got = body_text(md, true), *want = html_text(html);
		n++;
		if (!strcmp(got, want))
			ok++;
		else
			ut_fail(__FILE__, __LINE__, "example %d: got \"%s\", want \"%s\"", n,
			        got, want);
		g_free(got);
		g_free(want);
		g_free(md);
		g_free(html);
		p = end;
	}
	g_free(spec);
	CHECK_INT(n, 16);
	CHECK_INT(ok, n);
}

/* Chinese quotes: opened and closed by CJK rules, in the model (so every
 * output agrees); typed quotes and code as written. */
TEST(smart_cjk_quotes)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
	    {"以\"openEuler使能 AI，夯实算力底座\"为主题",
	     "以“openEuler使能AI，夯实算力底座”为主题"},
	    {"以\"openEuler（简称\"openEuler\"） 使能\"为主题",
	     "以“openEuler（简称“openEuler”）使能”为主题"},
	    {"名为\"小明\"的人", "名为“小明”的人"},
	    {"他说：\"你好。\"他走了。", "他说：“你好。”他走了。"},
	    {"结束。\"新的\"开始", "结束。“新的”开始"},
	    {"通过\"1+2+1\"模式", "通过“1+2+1”模式"},
	    {"他说“开放创新”很重要。", "他说“开放创新”很重要。"},
	    {"代码 `\"x\"` 不变", "代码\"x\"不变"},
	    {"\"Hello,\" she said, 'it's fine.'", "“Hello,”shesaid,‘it’sfine.’"},
	    {"中文......省略", "中文……省略"},
	    {"a--b---c", "a–b—c"},
	    {"正规则表达式'-'在编译", "正规则表达式‘-’在编译"},
	    {"如“，”和“。”）不应出现", "如“，”和“。”）不应出现"},
	    {"添加--cap-add来获得，运行 pcs --help 查看",
	     "添加--cap-add来获得，运行pcs--help查看"},
	    {"设置为\"\"。执行sudoedit –s /", "设置为“”。执行sudoedit–s/"},
	    {"[https://a.org/x--y](https://a.org/x--y)", "https://a.org/x--y"},
	    /* right after an opening bracket a quote opens */
	    {"value (\"/etc\") and process(\"/usr/bin/sudo\")",
	     "value(“/etc”)andprocess(“/usr/bin/sudo”)"},
	    {"[\"a\"] and ( \"x\" )", "[“a”]and(“x”)"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = body_text(cases[i].in, true);
		CHECK_STR(got, cases[i].want);
		g_free(got);
	}
	char *plain = body_text("以\"openEuler\"为主题...", false);
	CHECK_STR(plain, "以\"openEuler\"为主题...");
	g_free(plain);
}

TEST(smart_front_matter)
{
	const char *md =
	    "---\ntitle: 以\"openEuler\"为主题 -- China's \"cloud\"...\n---\ntext\n";
	struct art_load_opts o = {0};
	struct article *a = art_load_buffer("f.md", md, strlen(md), &o);
	CHECK(a != NULL);
	if (a)
		CHECK_STR(a->meta.title, "以“openEuler”为主题 – China’s “cloud”…");
	art_free(a);
	o.no_smart = true;
	a = art_load_buffer("f.md", md, strlen(md), &o);
	if (a)
		CHECK_STR(a->meta.title, "以\"openEuler\"为主题 -- China's \"cloud\"...");
	art_free(a);
}
