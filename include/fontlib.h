/* fontlib.h - HarfBuzz's subsetter and fontconfig, loaded when first used
 * (common/fontlib.c).
 *
 * md2epub needs them only for --embed-fonts and a style's font files.
 * Linked, they and what they bring (HarfBuzz, FreeType, graphite2, libpng,
 * brotli, expat) cost every run ~1 ms of loading and relocating, a sixth of
 * a run on the seed.  md2pdf links them anyway (pango): there the loader
 * finds them loaded already.  Callers write fl->hb_set_create() where they
 * would write hb_set_create(). */
#ifndef MDPRESS_FONTLIB_H
#define MDPRESS_FONTLIB_H

#include <stdbool.h>

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>

/* Every function mdpress calls from the two libraries. */
#define ART_FONTLIB_FUNCS(X)                                                                   \
	X(hb_blob_create_from_file_or_fail)                                                    \
	X(hb_blob_destroy)                                                                     \
	X(hb_blob_get_data)                                                                    \
	X(hb_blob_get_length)                                                                  \
	X(hb_face_create)                                                                      \
	X(hb_face_destroy)                                                                     \
	X(hb_face_get_glyph_count)                                                             \
	X(hb_face_reference_blob)                                                              \
	X(hb_face_reference_table)                                                             \
	X(hb_set_add)                                                                          \
	X(hb_set_add_range)                                                                    \
	X(hb_set_create)                                                                       \
	X(hb_set_destroy)                                                                      \
	X(hb_set_is_empty)                                                                     \
	X(hb_set_union)                                                                        \
	X(hb_subset_input_create_or_fail)                                                      \
	X(hb_subset_input_destroy)                                                             \
	X(hb_subset_input_set)                                                                 \
	X(hb_subset_input_set_flags)                                                           \
	X(hb_subset_input_unicode_set)                                                         \
	X(hb_subset_or_fail)                                                                   \
	X(FcConfigSubstitute)                                                                  \
	X(FcDefaultSubstitute)                                                                 \
	X(FcFini)                                                                              \
	X(FcFontMatch)                                                                         \
	X(FcFreeTypeQuery)                                                                     \
	X(FcPatternAddInteger)                                                                 \
	X(FcPatternAddString)                                                                  \
	X(FcPatternCreate)                                                                     \
	X(FcPatternDestroy)                                                                    \
	X(FcPatternGetDouble)                                                                  \
	X(FcPatternGetInteger)                                                                 \
	X(FcPatternGetString)                                                                  \
	X(FcWeightToOpenType)

struct art_fontlib {
#define ART_FONTLIB_MEMBER(name) __typeof__(name) *name;
	ART_FONTLIB_FUNCS(ART_FONTLIB_MEMBER)
#undef ART_FONTLIB_MEMBER
};

/* The functions, loaded on the first call.  NULL when a library or one of
 * its functions cannot be found (said once, as an error). */
const struct art_fontlib *art_fontlib(void);

/* Whether art_fontlib() has loaded them (so there are caches to free). */
bool art_fontlib_loaded(void);

#endif
