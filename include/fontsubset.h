/* fontsubset.h - faces found with fontconfig and cut to a document's
 * characters with HarfBuzz's subsetter (common/fontsubset.c).  md2pdf lays
 * out with the subsets; md2epub embeds them.  md2pdf links harfbuzz-subset
 * and fontconfig; md2epub loads them when it first calls one of these
 * (include/fontlib.h). */
#ifndef MDPRESS_FONTSUBSET_H
#define MDPRESS_FONTSUBSET_H

#include <stdbool.h>

#include <hb-subset.h>

/* The file and face index that fontconfig's current configuration picks
 * first for family, a fontconfig language ("zh-cn"; NULL: none) and a
 * weight.  With exact, only a face of that very family (no fallback to
 * another one).  A new string (g_free), or NULL when there is none. */
char *art_font_match(const char *family, const char *lang, bool bold, bool exact, int *index);

/* Face index of file cut down to the characters in chars: outlines
 * desubroutinized, layout tables kept (the same shaping: locl, kern,
 * vert...; also pwid and halt, which HarfBuzz drops by default) and the
 * name table kept.  NULL when the file is no font HarfBuzz can subset, or,
 * with cff_only, when its outlines are not CFF.  *cff (may be NULL) says
 * whether they are (.otf) or TrueType (.ttf). */
hb_blob_t *art_font_subset(const char *file, int index, const hb_set_t *chars, bool cff_only,
                           bool *cff);

/* The OpenType weight class (400 regular, 700 bold) of face index of file,
 * as fontconfig reads it; 400 when it cannot. */
int art_font_weight(const char *file, int index);

/* The face of file for a fontconfig language ("zh-tw"; NULL: none).  A
 * font collection (.ttc, .otc) of a CJK family holds one face per region,
 * "Noto Serif CJK JP" first, and that face would draw Chinese with
 * Japanese glyph forms: the face whose family name ends in the region's
 * mark (SC/CN/Hans for Simplified Chinese, also the default; TC/TW/Hant;
 * HK; JP/J; KR/K), else face 0.  *family (may be NULL): that face's most
 * specific family name, a new string (g_free), or NULL. */
int art_font_face_for_lang(const char *file, const char *lang, char **family);

#endif
