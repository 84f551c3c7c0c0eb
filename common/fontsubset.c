/* fontsubset.c - find a face with fontconfig, cut it down with hb-subset.
 *
 * Shared by md2pdf (subsets of the CJK faces it lays out with, see
 * converters/md2pdf/subset.c) and md2epub (--embed-fonts, the fonts a
 * style names).  No GLib type crosses into HarfBuzz or fontconfig: what
 * they allocate, they free.  Both are called through art_fontlib(), which
 * loads them on first use (include/fontlib.h).
 */
#include "fontsubset.h"

#include <glib.h>
#include <string.h>

#include "fontlib.h"

char *
art_font_match(const char *family, const char *lang, bool bold, bool exact, int *index)
{
	const struct art_fontlib *fl = art_fontlib();
	if (!fl)
		return NULL;
	FcPattern *pat = fl->FcPatternCreate();
	fl->FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	if (lang)
		fl->FcPatternAddString(pat, FC_LANG, (const FcChar8 *)lang);
	fl->FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	fl->FcConfigSubstitute(NULL, pat, FcMatchPattern);
	fl->FcDefaultSubstitute(pat);
	FcResult r;
	FcPattern *font = fl->FcFontMatch(NULL, pat, &r);
	fl->FcPatternDestroy(pat);
	char *file = NULL;
	FcChar8 *f, *fam;
	bool same = true;
	if (font && exact) {
		/* a face lists its family in several languages: any of them */
		same = false;
		for (int i = 0;
		     !same && fl->FcPatternGetString(font, FC_FAMILY, i, &fam) == FcResultMatch;
		     i++)
			same = !strcmp((const char *)fam, family);
	}
	if (font && same && fl->FcPatternGetString(font, FC_FILE, 0, &f) == FcResultMatch) {
		file = g_strdup((const char *)f);
		if (fl->FcPatternGetInteger(font, FC_INDEX, 0, index) != FcResultMatch)
			*index = 0;
	}
	if (font)
		fl->FcPatternDestroy(font);
	return file;
}

hb_blob_t *
art_font_subset(const char *file, int index, const hb_set_t *chars, bool cff_only, bool *cff)
{
	const struct art_fontlib *fl = art_fontlib();
	if (!fl)
		return NULL;
	hb_blob_t *blob = fl->hb_blob_create_from_file_or_fail(file);
	if (!blob)
		return NULL;
	hb_face_t *face = fl->hb_face_create(blob, (unsigned)index);
	fl->hb_blob_destroy(blob);
	hb_blob_t *table = fl->hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
	bool is_cff = fl->hb_blob_get_length(table) > 0;
	fl->hb_blob_destroy(table);
	if (cff)
		*cff = is_cff;
	hb_blob_t *out = NULL;
	hb_subset_input_t *in =
	    is_cff || !cff_only ? fl->hb_subset_input_create_or_fail() : NULL;
	if (in && fl->hb_face_get_glyph_count(face) > 0) {
		fl->hb_set_union(fl->hb_subset_input_unicode_set(in), chars);
		fl->hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE);
		hb_set_t *features =
		    fl->hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
		/* md2pdf's quotes.c asks for the proportional quotes of
		 * Latin text, and half-width forms of adjacent CJK
		 * punctuation */
		fl->hb_set_add(features, HB_TAG('p', 'w', 'i', 'd'));
		fl->hb_set_add(features, HB_TAG('h', 'a', 'l', 't'));
		hb_face_t *sub = fl->hb_subset_or_fail(face, in);
		if (sub) {
			out = fl->hb_face_reference_blob(sub);
			fl->hb_face_destroy(sub);
			if (!fl->hb_blob_get_length(out)) {
				fl->hb_blob_destroy(out);
				out = NULL;
			}
		}
	}
	if (in)
		fl->hb_subset_input_destroy(in);
	fl->hb_face_destroy(face);
	return out;
}

int
art_font_weight(const char *file, int index)
{
	const struct art_fontlib *fl = art_fontlib();
	int count = 0, weight = 400;
	if (!fl)
		return weight;
	FcPattern *pat =
	    fl->FcFreeTypeQuery((const FcChar8 *)file, (unsigned)index, NULL, &count);
	double w;
	if (pat && fl->FcPatternGetDouble(pat, FC_WEIGHT, 0, &w) == FcResultMatch)
		weight = fl->FcWeightToOpenType((int)w);
	else if (pat) {
		int iw;
		if (fl->FcPatternGetInteger(pat, FC_WEIGHT, 0, &iw) == FcResultMatch)
			weight = fl->FcWeightToOpenType(iw);
	}
	if (pat)
		fl->FcPatternDestroy(pat);
	return weight;
}

/* The marks the big CJK families put at the end of a face's family name
 * for its region ("Noto Serif CJK TC", "Source Han Serif K"), most usual
 * first, for a fontconfig language; Simplified Chinese for any other (as
 * fonts/fonts.conf). */
static const char *const *
region_marks(const char *lang)
{
	static const char *const sc[] = {"SC", "CN", "Hans", "GB", NULL};
	static const char *const tc[] = {"TC", "TW", "Hant", NULL};
	static const char *const hk[] = {"HK", "TC", "TW", "Hant", NULL};
	static const char *const jp[] = {"JP", "J", "Japanese", NULL};
	static const char *const kr[] = {"KR", "K", "Korean", NULL};
	if (!lang)
		return sc;
	if (g_str_has_prefix(lang, "zh-hk"))
		return hk;
	if (g_str_has_prefix(lang, "zh-tw") || g_str_has_prefix(lang, "zh-mo") ||
	    g_str_has_prefix(lang, "zh-hant"))
		return tc;
	if (g_str_has_prefix(lang, "ja"))
		return jp;
	if (g_str_has_prefix(lang, "ko"))
		return kr;
	return sc;
}

/* The most specific family name of face index of file ("DejaVu Serif
 * Condensed", not "DejaVu Serif"), a new string, or NULL; *count: the
 * number of faces in the file. */
static char *
face_family(const struct art_fontlib *fl, const char *file, int index, int *count)
{
	FcPattern *pat =
	    fl->FcFreeTypeQuery((const FcChar8 *)file, (unsigned)index, NULL, count);
	char *family = NULL;
	FcChar8 *f;
	for (int i = 0; pat && fl->FcPatternGetString(pat, FC_FAMILY, i, &f) == FcResultMatch;
	     i++) {
		g_free(family);
		family = g_strdup((const char *)f);
	}
	if (pat)
		fl->FcPatternDestroy(pat);
	return family;
}

/* How well family fits marks: the index of the mark its last word is,
 * G_MAXINT for none. */
static int
region_rank(const char *family, const char *const *marks)
{
	const char *last = family ? strrchr(family, ' ') : NULL;
	for (int m = 0; last && marks[m]; m++)
		if (!strcmp(last + 1, marks[m]))
			return m;
	return G_MAXINT;
}

int
art_font_face_for_lang(const char *file, const char *lang, char **family)
{
	const struct art_fontlib *fl = art_fontlib();
	const char *const *marks = region_marks(lang);
	int count = 1, best = 0, best_rank = G_MAXINT;
	char *best_family = NULL;
	for (int i = 0; fl && i < count; i++) {
		char *fam = face_family(fl, file, i, &count);
		int rank = region_rank(fam, marks);
		if (i == 0 || rank < best_rank) {
			g_free(best_family);
			best_family = fam;
			best = i;
			best_rank = rank;
		} else {
			g_free(fam);
		}
	}
	if (family)
		*family = best_family;
	else
		g_free(best_family);
	return best;
}
