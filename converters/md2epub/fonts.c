/* fonts.c - fonts packed into the book, each cut to the characters it shows.
 *
 * --embed-fonts: the CJK faces the stylesheet names for Simplified Chinese
 * (Noto Serif CJK SC regular and bold, Noto Sans CJK SC bold for
 * headings), found with fontconfig, so that a reading system whose own CJK
 * font has Japanese glyph forms still shows Chinese ones.  Each @font-face
 * takes the family name the stylesheet already uses, so every rule that
 * names it (the :lang(zh) rules, a --css that does) gets the embedded face
 * first; characters a subset lacks fall back to the next family.
 *
 * A font file that the --style file names is always packed (a family name
 * the reader's device does not have would show nothing of the kit's look),
 * under the family name style.c gives it.
 *
 * The characters come from the rendered chapters, per role: every text for
 * the body faces, the text of headings for the heading faces, bold text
 * for the bold face, code for the mono faces; plus the nav and cover pages.
 */
#include "epub.h"
#include "fontlib.h"
#include "fontsubset.h"

#include <string.h>

enum char_set { SET_ALL, SET_BOLD, SET_HEADING, SET_MONO, SET__N };

/* The faces --embed-fonts packs: family, weight, which characters. */
static const struct {
	const char *family;
	bool bold;
	enum char_set set;
	const char *name;
	enum art_style_role role; /* a style's CJK font for it replaces the face */
} cjk_faces[] = {
    {"Noto Serif CJK SC", false, SET_ALL, "serif-regular", ART_ROLE_BODY},
    {"Noto Serif CJK SC", true, SET_BOLD, "serif-bold", ART_ROLE_BODY},
    {"Noto Sans CJK SC", true, SET_HEADING, "sans-bold", ART_ROLE_HEADING},
};

/* HarfBuzz and fontconfig, loaded by the first book that embeds a font */
static const struct art_fontlib *fl;

static void
add_utf8(hb_set_t *set, const char *s)
{
	while (s && *s) {
		gunichar c = g_utf8_get_char_validated(s, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			return;
		fl->hb_set_add(set, c);
		s = g_utf8_next_char(s);
	}
}

static void
add_to(hb_set_t **sets, unsigned roles, const char *s)
{
	for (int i = 0; i < SET__N; i++)
		if (roles & (1u << i))
			add_utf8(sets[i], s);
}

static bool
is_one_of(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

/* The roles an element adds for its contents (the default stylesheet
 * sets CJK headings in the bold sans face). */
static unsigned
element_roles(const char *name)
{
	static const char *const heading[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
	static const char *const bold[] = {"strong", "b", "th", "dt", NULL};
	static const char *const mono[] = {"code", "pre", "kbd", "samp", "tt", NULL};
	if (is_one_of(name, heading))
		return 1u << SET_HEADING;
	if (is_one_of(name, bold))
		return 1u << SET_BOLD;
	if (is_one_of(name, mono))
		return 1u << SET_MONO;
	return 0;
}

static void
walk(xmlNodePtr n, hb_set_t **sets, unsigned roles)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			add_to(sets, roles, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			unsigned r = roles | element_roles((const char *)n->name);
			/* what a reader shows for an image it cannot show */
			for (xmlAttrPtr a = n->properties; a; a = a->next)
				if (!strcmp((const char *)a->name, "alt") && a->children)
					add_to(sets, r, (const char *)a->children->content);
			walk(n->children, sets, r);
		}
	}
}

/* The characters of the book's pages, per role. */
static void
collect(const struct epub_book *b, hb_set_t **sets)
{
	for (guint i = 0; i < b->chapters->len; i++) {
		const struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		walk(xmlDocGetRootElement(ch->doc), sets, 1u << SET_ALL);
	}
	size_t len;
	char *nav = epub_nav(b, &len);
	add_utf8(sets[SET_ALL], nav);
	g_free(nav);
	if (b->cover) {
		char *cover = epub_cover_page(b, &len);
		add_utf8(sets[SET_ALL], cover);
		g_free(cover);
	}
	for (int i = 0; i < SET__N; i++)
		if (!fl->hb_set_is_empty(sets[i]))
			fl->hb_set_add_range(sets[i], 0x20, 0x7e);
}

/* Pack face index of file cut to chars as fonts/NAME.otf (or .ttf) and
 * write its @font-face rule.  Returns 1, or 0 when it cannot be subset. */
static int
pack(struct epub_book *b, GString *css, const char *file, int index, const hb_set_t *chars,
     const char *name, const char *family)
{
	bool cff = false;
	hb_blob_t *blob = art_font_subset(file, index, chars, false, &cff);
	if (!blob)
		return 0;
	unsigned len = 0;
	const char *data = fl->hb_blob_get_data(blob, &len);
	struct epub_item *it = g_new0(struct epub_item, 1);
	it->id = g_strdup_printf("font-%s", name);
	it->href = g_strdup_printf("fonts/%s.%s", name, cff ? "otf" : "ttf");
	/* EPUB 3.2's core media types for OpenType and TrueType */
	it->mime = cff ? "font/otf" : "font/ttf";
	it->data = g_memdup2(data, len);
	it->len = len;
	fl->hb_blob_destroy(blob);
	g_ptr_array_add(b->items, it);
	int weight = art_font_weight(file, index);
	g_string_append_printf(css,
	                       "@font-face { font-family: \"%s\"; font-weight: %d; "
	                       "src: url(\"%s\"); }\n",
	                       family, weight, it->href);
	return 1;
}

/* The font files the style names, each cut to its role's characters. */
static int
pack_style_fonts(struct epub_book *b, GString *css, const struct art_style *st, hb_set_t **sets)
{
	static const char *const role_name[] = {"body", "heading", "mono"};
	static const enum char_set role_set[] = {SET_ALL, SET_HEADING, SET_MONO};
	int ok = 1;
	/* of a CJK font collection, the face of the book's region */
	char *lang = b->lang ? g_ascii_strdown(b->lang, -1) : NULL;
	for (int r = 0; r < 3; r++)
		for (int s = 0; s < 2; s++) {
			const char *f = st->font[r][s];
			if (!f || !g_path_is_absolute(f))
				continue;
			char *name =
			    g_strdup_printf("%s-%s", role_name[r], s ? "cjk" : "latin");
			char *family = epub_font_family(f);
			int index = art_font_face_for_lang(f, lang, NULL);
			if (!pack(b, css, f, index, sets[role_set[r]], name, family)) {
				art_diag(ART_E_OUTPUT, f, (struct art_pos){0, 0},
				         "style: not a font file HarfBuzz can subset");
				ok = 0;
			}
			g_free(family);
			g_free(name);
		}
	g_free(lang);
	return ok;
}

static bool
style_has_file(const struct art_style *st)
{
	for (int r = 0; r < 3; r++)
		for (int s = 0; s < 2; s++)
			if (st->font[r][s] && g_path_is_absolute(st->font[r][s]))
				return true;
	return false;
}

int
epub_fonts_embed(struct epub_book *b, const struct art_style *st, bool cjk, char **css_out)
{
	*css_out = NULL;
	if (!cjk && !style_has_file(st))
		return 1;
	fl = art_fontlib();
	if (!fl)
		return 0;
	hb_set_t *sets[SET__N];
	for (int i = 0; i < SET__N; i++)
		sets[i] = fl->hb_set_create();
	collect(b, sets);
	GString *css =
	    g_string_new("\n/* fonts packed into the book, cut to its characters */\n");
	int ok = pack_style_fonts(b, css, st, sets);
	for (size_t i = 0; cjk && ok && i < G_N_ELEMENTS(cjk_faces); i++) {
		const hb_set_t *chars = sets[cjk_faces[i].set];
		/* the style's CJK family stands in the CSS instead */
		if (fl->hb_set_is_empty(chars) || st->font[cjk_faces[i].role][1])
			continue;
		int index = 0;
		char *file = art_font_match(cjk_faces[i].family, "zh-cn", cjk_faces[i].bold,
		                            true, &index);
		/* no bold face installed: the regular one is drawn bolder */
		if (file && cjk_faces[i].bold && art_font_weight(file, index) < 600) {
			g_free(file);
			continue;
		}
		char *name = g_strdup_printf("%s %s", cjk_faces[i].family,
		                             cjk_faces[i].bold ? "Bold" : "Regular");
		if (!file)
			art_diag(ART_W_EMBED_FONT, NULL, (struct art_pos){0, 0}, name,
			         "fontconfig finds no such face");
		else if (!pack(b, css, file, index, chars, cjk_faces[i].name,
		               cjk_faces[i].family))
			art_diag(ART_W_EMBED_FONT, NULL, (struct art_pos){0, 0}, name,
			         "HarfBuzz cannot subset it");
		g_free(name);
		g_free(file);
	}
	for (int i = 0; i < SET__N; i++)
		fl->hb_set_destroy(sets[i]);
	if (ok)
		*css_out = g_string_free(css, FALSE);
	else
		g_string_free(css, TRUE);
	return ok;
}

void
epub_fonts_free(void)
{
	/* fontconfig's caches, so that leak checkers see only ours */
	if (art_fontlib_loaded())
		art_fontlib()->FcFini();
}
