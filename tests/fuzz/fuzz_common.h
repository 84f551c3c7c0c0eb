/* fuzz_common.h - shared by the libFuzzer targets in tests/fuzz/: load one
 * input as an article the way the converters do, quietly, in an empty
 * folder so that image references find nothing to read. */
#ifndef MDPRESS_FUZZ_COMMON_H
#define MDPRESS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An article from the fuzzer's bytes (NULL when they are rejected, which
 * is a fine outcome).  Diagnostics go to a scratch string. */
static inline struct article *
fuzz_load(const uint8_t *data, size_t size)
{
	static GString *diags;
	static char *name;
	if (!diags) {
		diags = g_string_new(NULL);
		char *dir = g_dir_make_tmp("mdpress-fuzz-XXXXXX", NULL);
		name = g_build_filename(dir ? dir : "/nonexistent", "fuzz.md", NULL);
		g_free(dir);
		art_diag_set_program("fuzz");
	}
	g_string_truncate(diags, 0);
	art_diag_capture(diags);
	art_diag_reset();
	struct art_load_opts opts = {0};
	return art_load_buffer(name, (const char *)data, size, &opts);
}

#endif
