/* fontsubset.c - find a face with fontconfig, cut it down with hb-subset.
 *
 * Shared by md2pdf (subsets of the CJK faces it lays out with, see
 * converters/md2pdf/subset.c) and md2epub (--embed-fonts, the fonts a
 * style names).  No GLib type crosses into HarfBuzz or fontconfig: what
 * they allocate, they free.
 */
#include "fontsubset.h"

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <string.h>

char *
art_font_match(const char *family, const char *lang, bool bold, bool exact, int *index)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	if (lang)
		FcPatternAddString(pat, FC_LANG, (const FcChar8 *)lang);
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult r;
	FcPattern *font = FcFontMatch(NULL, pat, &r);
	FcPatternDestroy(pat);
	char *file = NULL;
	FcChar8 *f, *fam;
	bool same = true;
	if (font && exact) {
		/* a face lists its family in several languages: any of them */
		same = false;
		for (int i = 0;
		     !same && FcPatternGetString(font, FC_FAMILY, i, &fam) == FcResultMatch;
		     i++)
			same = !strcmp((const char *)fam, family);
	}
	if (font && same && FcPatternGetString(font, FC_FILE, 0, &f) == FcResultMatch) {
		file = g_strdup((const char *)f);
		if (FcPatternGetInteger(font, FC_INDEX, 0, index) != FcResultMatch)
			*index = 0;
	}
	if (font)
		FcPatternDestroy(font);
	return file;
}

hb_blob_t *
art_font_subset(const char *file, int index, const hb_set_t *chars, bool cff_only, bool *cff)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
	if (!blob)
		return NULL;
	hb_face_t *face = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	hb_blob_t *table = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
	bool is_cff = hb_blob_get_length(table) > 0;
	hb_blob_destroy(table);
	if (cff)
		*cff = is_cff;
	hb_blob_t *out = NULL;
	hb_subset_input_t *in = is_cff || !cff_only ? hb_subset_input_create_or_fail() : NULL;
	if (in && hb_face_get_glyph_count(face) > 0) {
		hb_set_union(hb_subset_input_unicode_set(in), chars);
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE);
		hb_set_t *features = hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
		/* md2pdf's quotes.c asks for the proportional quotes of
		 * Latin text, and half-width forms of adjacent CJK
		 * punctuation */
		hb_set_add(features, HB_TAG('p', 'w', 'i', 'd'));
		hb_set_add(features, HB_TAG('h', 'a', 'l', 't'));
		hb_face_t *sub = hb_subset_or_fail(face, in);
		if (sub) {
			out = hb_face_reference_blob(sub);
			hb_face_destroy(sub);
			if (!hb_blob_get_length(out)) {
				hb_blob_destroy(out);
				out = NULL;
			}
		}
	}
	if (in)
		hb_subset_input_destroy(in);
	hb_face_destroy(face);
	return out;
}

int
art_font_weight(const char *file, int index)
{
	int count = 0, weight = 400;
	FcPattern *pat = FcFreeTypeQuery((const FcChar8 *)file, (unsigned)index, NULL, &count);
	double w;
	if (pat && FcPatternGetDouble(pat, FC_WEIGHT, 0, &w) == FcResultMatch)
		weight = FcWeightToOpenType((int)w);
	else if (pat) {
		int iw;
		if (FcPatternGetInteger(pat, FC_WEIGHT, 0, &iw) == FcResultMatch)
			weight = FcWeightToOpenType(iw);
	}
	if (pat)
		FcPatternDestroy(pat);
	return weight;
}
