/* style.c - the built-in stylesheet (EPUB/style.css), replaced by --css
 * and extended by --css-append.  Kept to CSS that epubcheck accepts and
 * reading systems commonly honour. */
#include "epub.h"

#include <string.h>

/* One CSS rule a line, as in a stylesheet file. */
/* clang-format off */
const char epub_default_css[] =
"/* mdpress default EPUB stylesheet */\n"
"body {\n"
"  font-family: \"Noto Serif\", \"Source Serif Pro\", Georgia, \"Noto Serif CJK SC\", serif;\n"
"  line-height: 1.7;\n"
"  margin: 0 0.5em;\n"
"  text-align: justify;\n"
"  orphans: 2;\n"
"  widows: 2;\n"
"}\n"
"/* The language's faces for the body text (body:lang, as the book's <html\n"
"   lang> is inherited) and for elements that carry their own lang: the bare\n"
"   language selector would also match every heading and code element, outranking\n"
"   their own rules, and set them in the body's serif. */\n"
"body:lang(zh), [lang|=zh] {\n"
"  font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", serif;\n"
"  line-break: strict;\n"
"}\n"
"body:lang(zh-TW), body:lang(zh-HK), body:lang(zh-Hant), [lang=zh-TW], [lang=zh-HK], [lang|=zh-Hant] {\n"
"  font-family: \"Noto Serif CJK TC\", \"Source Han Serif TC\", serif;\n"
"}\n"
"body:lang(ja), [lang|=ja] { font-family: \"Noto Serif CJK JP\", \"Source Han Serif\", serif; }\n"
"body:lang(ko), [lang|=ko] { font-family: \"Noto Serif CJK KR\", \"Source Han Serif K\", serif; }\n"
"h1, h2, h3, h4, h5, h6 {\n"
"  font-family: \"Noto Sans\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif;\n"
"  line-height: 1.35;\n"
"  text-align: left;\n"
"  page-break-after: avoid;\n"
"  margin: 1.4em 0 0.6em 0;\n"
"}\n"
"/* headings in CJK text: the sans CJK face first, for its punctuation */\n"
"h1:lang(zh), h2:lang(zh), h3:lang(zh), h4:lang(zh), h5:lang(zh), h6:lang(zh) {\n"
"  font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif;\n"
"}\n"
"h1:lang(zh-TW), h2:lang(zh-TW), h3:lang(zh-TW), h4:lang(zh-TW), h5:lang(zh-TW), h6:lang(zh-TW),\n"
"h1:lang(zh-HK), h2:lang(zh-HK), h3:lang(zh-HK), h4:lang(zh-HK), h5:lang(zh-HK), h6:lang(zh-HK),\n"
"h1:lang(zh-Hant), h2:lang(zh-Hant), h3:lang(zh-Hant), h4:lang(zh-Hant), h5:lang(zh-Hant), h6:lang(zh-Hant) {\n"
"  font-family: \"Noto Sans CJK TC\", \"Source Han Sans TC\", sans-serif;\n"
"}\n"
"h1:lang(ja), h2:lang(ja), h3:lang(ja), h4:lang(ja), h5:lang(ja), h6:lang(ja) {\n"
"  font-family: \"Noto Sans CJK JP\", \"Source Han Sans\", sans-serif;\n"
"}\n"
"h1:lang(ko), h2:lang(ko), h3:lang(ko), h4:lang(ko), h5:lang(ko), h6:lang(ko) {\n"
"  font-family: \"Noto Sans CJK KR\", \"Source Han Sans K\", sans-serif;\n"
"}\n"
"h1 { font-size: 1.6em; }\n"
"h2 { font-size: 1.3em; }\n"
"h3 { font-size: 1.15em; }\n"
"h4, h5, h6 { font-size: 1em; }\n"
"h1.title { margin-top: 0.5em; }\n"
"p { margin: 0 0 0.8em 0; }\n"
"p.subtitle { font-size: 1.15em; margin-top: -0.3em; }\n"
"p.byline { color: #555555; font-size: 0.9em; text-align: left; }\n"
"p.lead { font-size: 1.05em; color: #333333; margin: 0.8em 0 1.2em 0; }\n"
"a[href] { color: #1a4d8f; text-decoration: none; }\n"
"code, pre, kbd, samp {\n"
"  font-family: \"Noto Sans Mono\", \"DejaVu Sans Mono\", \"Noto Sans Mono CJK SC\", monospace;\n"
"  font-size: 0.88em;\n"
"}\n"
"pre {\n"
"  background: #f5f5f5;\n"
"  border-left: 3px solid #cccccc;\n"
"  line-height: 1.45;\n"
"  margin: 0.8em 0;\n"
"  padding: 0.5em 0.7em;\n"
"  text-align: left;\n"
"  white-space: pre-wrap;\n"
"  word-wrap: break-word;\n"
"}\n"
"pre code { font-size: 1em; }\n"
"blockquote {\n"
"  border-left: 3px solid #dddddd;\n"
"  color: #444444;\n"
"  margin: 0.8em 0;\n"
"  padding-left: 1em;\n"
"}\n"
"figure { margin: 1em 0; text-align: center; page-break-inside: avoid; }\n"
"figcaption { font-size: 0.9em; color: #555555; margin-top: 0.3em; text-align: center; }\n"
"img { max-width: 100%; height: auto; }\n"
".missing-image {\n"
"  border: 1px dashed #999999;\n"
"  color: #666666;\n"
"  display: inline-block;\n"
"  font-size: 0.9em;\n"
"  padding: 0.3em 0.6em;\n"
"}\n"
"table { border-collapse: collapse; margin: 0.8em 0; max-width: 100%; }\n"
"th, td { border: 1px solid #bbbbbb; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }\n"
"th { background: #eeeeee; }\n"
".align-left { text-align: left; }\n"
".align-center { text-align: center; }\n"
".align-right { text-align: right; }\n"
".center { text-align: center; }\n"
".big { font-size: 1.2em; }\n"
"ul.tasks { list-style-type: none; padding-left: 1.2em; }\n"
".task-box { font-family: \"Noto Sans Symbols 2\", \"Noto Sans CJK SC\", sans-serif; }\n"
"hr { border: none; border-top: 1px solid #cccccc; margin: 1.2em 0; }\n"
"sup a.noteref { font-size: 0.8em; }\n"
"section.footnotes { font-size: 0.9em; margin-top: 2em; }\n"
"aside p.footnote-number { margin: 0.6em 0 0 0; font-weight: bold; }\n"
"section.cover { text-align: center; }\n"
"section.cover img { max-height: 95%; }\n"
"nav ol { list-style-type: none; padding-left: 1em; }\n";
/* clang-format on */

char *
epub_font_family(const char *path)
{
	char *name = g_path_get_basename(path);
	char *dot = strrchr(name, '.');
	if (dot && dot != name)
		*dot = 0;
	return name;
}

/* A font-family list for a role: the style's Latin then CJK family (a font
 * file is packed under epub_font_family()'s name, fonts.c), then
 * generic. */
static void
families(GString *css, const struct art_style *st, int role, const char *generic)
{
	for (int s = 0; s < 2; s++) {
		const char *f = st->font[role][s];
		if (!f)
			continue;
		char *name = g_path_is_absolute(f) ? epub_font_family(f) : g_strdup(f);
		g_string_append_printf(css, "\"%s\", ", name);
		g_free(name);
	}
	g_string_append(css, generic);
}

static void
rgb(GString *css, const char *prop, const struct art_rgb *c)
{
	g_string_append_printf(css, "%s: #%02x%02x%02x; ", prop, (int)(c->r * 255 + 0.5),
	                       (int)(c->g * 255 + 0.5), (int)(c->b * 255 + 0.5));
}

/* h1..h6, and each with the :lang() of the built-in sheet's CJK heading
 * rules, which would otherwise outrank the style's (more specific). */
static void
heading_selectors(GString *css)
{
	static const char *const langs[] = {"", ":lang(zh)", ":lang(ja)", ":lang(ko)"};
	for (size_t l = 0; l < G_N_ELEMENTS(langs); l++)
		for (int h = 1; h <= 6; h++)
			g_string_append_printf(css, "%sh%d%s", l || h > 1 ? ", " : "", h,
			                       langs[l]);
	g_string_append(css, " { ");
}

char *
epub_style_css(const struct art_style *st)
{
	GString *css = g_string_new("\n/* from the --style file */\n");
	bool any = false;
#define HAS(k) art_style_has(st, k)
	if (HAS("body-font") || HAS("body-font-cjk") || HAS("text-color") ||
	    HAS("line-height")) {
		g_string_append(css, "body { ");
		if (HAS("body-font") || HAS("body-font-cjk")) {
			g_string_append(css, "font-family: ");
			families(css, st, ART_ROLE_BODY, "serif; ");
		}
		if (HAS("text-color"))
			rgb(css, "color", &st->color.text);
		if (HAS("line-height") && st->line_height > 0)
			g_string_append_printf(css, "line-height: %.2f; ",
			                       st->line_height * 1.2);
		g_string_append(css, "}\n");
		any = true;
	}
	/* the language rules of the built-in sheet pick CJK faces: the style's
	 * CJK family overrides them */
	if (HAS("body-font-cjk")) {
		g_string_append(css, "body:lang(zh), body:lang(ja), body:lang(ko), [lang|=zh], "
		                     "[lang|=ja], [lang|=ko] "
		                     "{ font-family: ");
		families(css, st, ART_ROLE_BODY, "serif; }\n");
		any = true;
	}
	if (HAS("heading-font") || HAS("heading-font-cjk") || HAS("heading-color")) {
		heading_selectors(css);
		if (HAS("heading-font") || HAS("heading-font-cjk")) {
			g_string_append(css, "font-family: ");
			families(css, st, ART_ROLE_HEADING, "sans-serif; ");
		}
		if (HAS("heading-color"))
			rgb(css, "color", &st->color.heading);
		g_string_append(css, "}\n");
		any = true;
	}
	if (HAS("mono-font") || HAS("mono-font-cjk")) {
		g_string_append(css, "code, pre, kbd, samp { font-family: ");
		families(css, st, ART_ROLE_MONO, "monospace; }\n");
		any = true;
	}
	/* sizes relative to the body: the reader chooses the body size */
	for (int l = 1; l <= 6; l++) {
		char key[16];
		g_snprintf(key, sizeof key, "h%d-size", l);
		if (HAS(key) || HAS("body-size")) {
			g_string_append_printf(css, "h%d { font-size: %.2fem; }\n", l,
			                       st->size.heading[l] / st->size.body);
			any = true;
		}
	}
	if (HAS("link-color")) {
		g_string_append(css, "a[href] { ");
		rgb(css, "color", &st->color.link);
		g_string_append(css, "}\n");
		any = true;
	}
	if (HAS("paragraph-spacing") || HAS("first-line-indent")) {
		g_string_append_printf(css,
		                       "p { margin: 0 0 %.2fem 0; text-indent: %.2fem; }\n"
		                       "li p, td p, th p, figcaption, p.byline, p.subtitle "
		                       "{ text-indent: 0; }\n",
		                       st->paragraph_spacing, st->first_line_indent);
		any = true;
	}
	if (HAS("heading-numbers") && st->heading_numbers) {
		/* levels 2-4, as md2pdf numbers them */
		g_string_append(
		    css, "body { counter-reset: h2; }\nh2 { counter-reset: h3; }\n"
		         "h3 { counter-reset: h4; }\n"
		         "h2::before { counter-increment: h2; content: counter(h2) \" \"; }\n"
		         "h3::before { counter-increment: h3; "
		         "content: counter(h2) \".\" counter(h3) \" \"; }\n"
		         "h4::before { counter-increment: h4; "
		         "content: counter(h2) \".\" counter(h3) \".\" counter(h4) \" \"; }\n");
		any = true;
	}
#undef HAS
	if (!any)
		g_string_truncate(css, 0);
	return g_string_free(css, FALSE);
}
