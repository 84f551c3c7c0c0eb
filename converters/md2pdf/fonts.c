/* fonts.c - one fontconfig configuration, font map and PangoContext per run.
 *
 * fonts/fonts.conf names the faces per role ("mdpress serif", "mdpress sans",
 * "mdpress mono") and per language; it is looked up next to the executable
 * (build trees), then in MDPRESS_DATADIR (installed).  Without it the roles
 * fall back to the concrete family lists below, so md2pdf still works.
 * subset.c puts the run's subsets of the CJK faces in front of the roles
 * (only with fonts.conf loaded).
 */
#include "fontsubset.h"
#include "mdpress-datadir.h" /* MDPRESS_DATADIR, generated from PREFIX */
#include "pdf.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

static const char *const role_alias[] = {
    [PDF_SERIF] = "mdpress serif",
    [PDF_SANS] = "mdpress sans",
    [PDF_MONO] = "mdpress mono",
};
static const char *const role_fallback[] = {
    [PDF_SERIF] = "Noto Serif CJK SC, Noto Sans CJK SC, serif",
    [PDF_SANS] = "Noto Sans CJK SC, sans-serif",
    [PDF_MONO] = "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace",
};

const struct pdf_sizes pdf_default_sizes = {
    .body = 10.5,
    .heading = {0, 18, 15, 13, 11.5, 10.5, 10.5},
    .title = 21,
    .subtitle = 13,
    .byline = 9.5,
    .code = 8.5,
    .table = 9.5,
    .caption = 9,
    .footnote = 9,
    .footer = 9,
};

void
pdf_style_sizes(struct pdf_run *r, const struct art_style *st)
{
	const struct art_style_sizes *z = &st->size;
	struct pdf_sizes s = {
	    .body = z->body,
	    .title = z->title,
	    .subtitle = z->subtitle,
	    .byline = z->byline,
	    .code = z->code,
	    .table = z->table,
	    .caption = z->caption,
	    .footnote = z->footnote,
	    .footer = z->footer,
	};
	for (int i = 1; i <= 6; i++)
		s.heading[i] = z->heading[i];
	r->size = s;
}

PangoAttribute *
pdf_color_attr(const struct art_rgb *c)
{
	return pango_attr_foreground_new((guint16)(c->r * 65535 + 0.5),
	                                 (guint16)(c->g * 65535 + 0.5),
	                                 (guint16)(c->b * 65535 + 0.5));
}

double
pdf_pt(const struct pdf *p, double size)
{
	return size * p->cur.body_size / p->run->size.body;
}

/* Without its fonts.conf md2pdf sets other faces (no SC forms chosen per
 * language, no subsetting): say so, once per process however many
 * documents it makes. */
static void
fonts_conf_warn(const char *why)
{
	static bool warned;
	if (warned)
		return;
	warned = true;
	art_diag(ART_W_FONTS_CONF, NULL, (struct art_pos){0, 0}, why);
}

/* First readable fonts.conf among the usual places, or NULL after a
 * warning.  MDPRESS_FONTS_CONF, when set, is the only place looked at. */
static char *
find_fonts_conf(void)
{
	const char *env = g_getenv("MDPRESS_FONTS_CONF");
	if (env && *env) {
		if (g_file_test(env, G_FILE_TEST_IS_REGULAR))
			return g_strdup(env);
		char *why = g_strdup_printf("%s (MDPRESS_FONTS_CONF) not found", env);
		fonts_conf_warn(why);
		g_free(why);
		return NULL;
	}
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	if (exe) {
		char *dir = g_path_get_dirname(exe);
		static const char *const up[] = {"..", "../..", "../../..", "../share/mdpress"};
		for (size_t i = 0; i < G_N_ELEMENTS(up); i++) {
			char *c =
			    g_build_filename(dir, up[i], strstr(up[i], "share") ? "" : "fonts",
			                     "fonts.conf", NULL);
			if (g_file_test(c, G_FILE_TEST_IS_REGULAR)) {
				g_free(dir);
				g_free(exe);
				return c;
			}
			g_free(c);
		}
		g_free(dir);
		g_free(exe);
	}
	char *c = g_build_filename(MDPRESS_DATADIR, "fonts.conf", NULL);
	if (g_file_test(c, G_FILE_TEST_IS_REGULAR))
		return c;
	char *why =
	    g_strdup_printf("not found (no fonts/fonts.conf near the program, no %s)", c);
	fonts_conf_warn(why);
	g_free(why);
	g_free(c);
	return NULL;
}

/* The family a style names for a role and script: a family name as it is,
 * a font file added to fontconfig and asked for by the family of its face
 * for Simplified Chinese (of a collection, art_font_face_for_lang(); else
 * its only face).  NULL when the style leaves it to fonts.conf. */
static char *
style_family(struct pdf_run *r, const char *font)
{
	if (!font)
		return NULL;
	if (!g_path_is_absolute(font))
		return g_strdup(font);
	char *family = NULL;
	art_font_face_for_lang(font, NULL, &family);
	if (family && FcConfigAppFontAddFile(NULL, (const FcChar8 *)font)) {
		pdf_fonts_app_font(r, font);
		return family;
	}
	g_free(family);
	art_diag(ART_E_OUTPUT, font, (struct art_pos){0, 0},
	         "not a font file fontconfig can read");
	return NULL;
}

/* fonts.conf puts the region's Noto face first for a zh-tw, zh-hk, ja or
 * ko article (its rules test for the role's alias), which would push a
 * style's faces aside.  For a role the style sets, rules read after
 * fonts.conf's put them back in front: the style's Latin face, then its
 * CJK face, and of a CJK font collection the face of the article's region
 * (the one for Simplified Chinese would draw Japanese text with Chinese
 * glyph forms, and the other way round). */
static void
style_rules(const char *alias, const char *latin, const char *cjk_file, const char *cjk_family)
{
	static const char *const region_langs[] = {"zh-tw", "zh-hk", "ja", "ko"};
	GString *x = g_string_new("<?xml version=\"1.0\"?>\n<fontconfig>\n");
	for (int i = -1; i < (int)G_N_ELEMENTS(region_langs); i++) {
		const char *lang = i < 0 ? NULL : region_langs[i];
		char *cjk = NULL;
		if (cjk_file && lang)
			art_font_face_for_lang(cjk_file, lang, &cjk);
		if (lang && !cjk)
			cjk = g_strdup(cjk_family);
		g_string_append(x, "<match target=\"pattern\">");
		if (lang)
			g_string_append_printf(x,
			                       "<test name=\"lang\" compare=\"contains\">"
			                       "<string>%s</string></test>",
			                       lang);
		char *t = g_markup_printf_escaped(
		    "<test name=\"family\"><string>%s</string></test>"
		    "<edit name=\"family\" mode=\"prepend_first\" binding=\"strong\">",
		    alias);
		g_string_append(x, t);
		g_free(t);
		const char *faces[] = {latin, lang ? cjk : cjk_family};
		for (int f = 0; f < 2; f++)
			if (faces[f]) {
				t = g_markup_printf_escaped("<string>%s</string>", faces[f]);
				g_string_append(x, t);
				g_free(t);
			}
		g_string_append(x, "</edit></match>\n");
		g_free(cjk);
	}
	g_string_append(x, "</fontconfig>\n");
	FcConfigParseAndLoadFromMemory(FcConfigGetCurrent(), (const FcChar8 *)x->str, FcTrue);
	g_string_free(x, TRUE);
}

/* A role's family list: the style's Latin and CJK families (kit fonts
 * first), then the role's usual faces for anything they lack. */
static char *
style_families(struct pdf_run *r, enum pdf_font role, const char *usual, bool custom)
{
	static const enum art_style_role style_role[] = {
	    [PDF_SERIF] = ART_ROLE_BODY,
	    [PDF_SANS] = ART_ROLE_HEADING,
	    [PDF_MONO] = ART_ROLE_MONO,
	};
	char *const *font = r->style ? r->style->font[style_role[role]] : NULL;
	char *fam[2] = {NULL, NULL};
	GString *g = g_string_new(NULL);
	for (int s = 0; font && s < 2; s++) {
		fam[s] = style_family(r, font[s]);
		if (fam[s])
			g_string_append_printf(g, "%s,", fam[s]);
	}
	/* the subsets of fonts.conf's faces would go in front of the style's */
	r->role_styled[role] = g->len > 0;
	if (custom && g->len > 0)
		style_rules(usual, fam[0],
		            fam[1] && g_path_is_absolute(font[1]) ? font[1] : NULL, fam[1]);
	g_free(fam[0]);
	g_free(fam[1]);
	g_string_append(g, usual);
	return g_string_free(g, FALSE);
}

int
pdf_fonts_init(struct pdf_run *r)
{
	bool custom = false;
	char *conf = find_fonts_conf();
	/* Made the current configuration before the font map exists, so that
	 * pango uses it and fontconfig never loads the default one. */
	if (conf) {
		art_deps_add(conf);
		FcConfig *fc = FcConfigCreate();
		if (FcConfigParseAndLoad(fc, (const FcChar8 *)conf, FcTrue) &&
		    FcConfigBuildFonts(fc) && FcConfigSetCurrent(fc)) {
			custom = true;
			r->fc_custom = pdf_subset_add_rules(fc);
		} else {
			char *why = g_strdup_printf("%s cannot be loaded", conf);
			fonts_conf_warn(why);
			g_free(why);
		}
		FcConfigDestroy(fc); /* fontconfig keeps its own reference */
		g_free(conf);
	}
	r->fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!r->fontmap)
		return 0;
	/* Text is laid out for a PDF: no hinting, no rounding to device pixels. */
	r->ctx = pango_font_map_create_context(r->fontmap);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(r->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(r->ctx, FALSE);
	pango_cairo_context_set_shape_renderer(r->ctx, pdf_image_shape_renderer, r, NULL);
	/* pango's cairo contexts assume a 96 dpi screen, which sets every
	 * size at 4/3 of what it asks for; a PDF's user unit is the point. */
	pango_cairo_context_set_resolution(r->ctx, 72);
	for (int i = 0; i < 3; i++) {
		r->font[i] = pango_font_description_new();
		char *fam = style_families(r, (enum pdf_font)i,
		                           custom ? role_alias[i] : role_fallback[i], custom);
		pango_font_description_set_family(r->font[i], fam);
		g_free(fam);
	}
	return 1;
}

const char *
pdf_role_alias(enum pdf_font f)
{
	return role_alias[f];
}

/* Wait until ours is the only reference to fm left.  pango 1.50 matches
 * and sorts fontconfig patterns in worker threads, each holding a
 * reference to the font map and to fontconfig's configuration until it is
 * done, and nobody waits for a match that a short document never used.
 * Bounded, but generously: on a loaded machine the worker of a niced
 * process can wait seconds for a CPU (the old 2 s bound ran out in the
 * press-kit test and the teardown below aborted). */
static bool
font_map_settled(PangoFontMap *fm)
{
	gint64 deadline = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;
	while (g_atomic_int_get(&G_OBJECT(fm)->ref_count) > 1) {
		if (g_get_monotonic_time() > deadline)
			return false;
		g_usleep(1000);
	}
	return true;
}

void
pdf_fonts_free(struct pdf_run *r)
{
	pdf_fonts_unsubset(r);
	for (int i = 0; i < 3; i++)
		if (r->font[i])
			pango_font_description_free(r->font[i]);
	if (r->ctx)
		g_object_unref(r->ctx);
	bool settled = true;
	if (r->fontmap) {
		/* also waits for pango's FcInit thread, which a run that laid
		 * out no text never waited for */
		pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(r->fontmap));
		settled = font_map_settled(r->fontmap);
	}
	/* librsvg draws SVG text through pango's default font map, whose
	 * workers may be pending just the same */
	PangoFontMap *svg_map = g_object_ref(pango_cairo_font_map_get_default());
	pango_cairo_font_map_set_default(NULL);
	settled = font_map_settled(svg_map) && settled;
	/* Tearing fontconfig and cairo down under a worker that still uses
	 * them aborts (FcCacheFini, cairo hash assertions): then leave it all
	 * to the end of the process instead. */
	if (!settled)
		return;
	g_object_unref(svg_map);
	if (r->fontmap)
		g_object_unref(r->fontmap);
	/* Drop the caches of cairo and fontconfig too, so that leak checkers
	 * see only our own allocations (the font maps first, or cairo finds
	 * their fonts still alive and aborts). */
	cairo_debug_reset_static_data();
	FcFini();
}

/* Map the article's BCP 47 tag to the form pango and fontconfig match on:
 * Han characters take regional forms from it (zh-cn SC, zh-tw TC, ja JP). */
const char *
pdf_lang_tag_for(const char *art_lang)
{
	char *l = g_ascii_strdown(art_lang && *art_lang ? art_lang : "en", -1);
	const char *tag = l;
	if (g_str_has_prefix(l, "zh")) {
		if (strstr(l, "hk") || strstr(l, "mo"))
			tag = "zh-hk";
		else if (strstr(l, "tw") || strstr(l, "hant"))
			tag = "zh-tw";
		else
			tag = "zh-cn";
	}
	/* interned: never freed */
	const char *r = pango_language_to_string(pango_language_from_string(tag));
	g_free(l);
	return r;
}

void
pdf_set_language(struct pdf *p, const char *art_lang)
{
	p->doc->lang = pango_language_from_string(pdf_lang_tag_for(art_lang));
	p->doc->lang_tag = pango_language_to_string(p->doc->lang);
	p->doc->autospace = !p->run->o.no_autospace && g_str_has_prefix(p->doc->lang_tag, "zh");
	pango_context_set_language(p->run->ctx, p->doc->lang);
}

const char *
pdf_family(const struct pdf_run *r, enum pdf_font f, bool bold)
{
	const char *sub = r->subset_family[f][bold];
	return sub ? sub : pango_font_description_get_family(r->font[f]);
}

enum pdf_font
pdf_layout_role(PangoLayout *lay)
{
	return (enum pdf_font)GPOINTER_TO_INT(g_object_get_data(G_OBJECT(lay), "mdpress-role"));
}

PangoLayout *
pdf_layout_new(struct pdf *p, enum pdf_font f, double pt, bool bold, double width)
{
	PangoLayout *lay = pango_layout_new(p->run->ctx);
	g_object_set_data(G_OBJECT(lay), "mdpress-role", GINT_TO_POINTER(f));
	PangoFontDescription *fd = pango_font_description_copy_static(p->run->font[f]);
	/* a subset has one weight (subset.c): ask for the one cut from the
	 * face of this weight */
	pango_font_description_set_family(fd, pdf_family(p->run, f, bold));
	pango_font_description_set_size(fd,
	                                (int)((pt > 0 ? pt : p->cur.body_size) * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
	if (p->run->style && p->run->style->line_height > 0)
		pango_layout_set_line_spacing(lay, (float)p->run->style->line_height);
	if (width > 0) {
		pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	}
	return lay;
}

double
pdf_layout_height(PangoLayout *lay)
{
	int h;
	pango_layout_get_size(lay, NULL, &h);
	return (double)h / PANGO_SCALE;
}
