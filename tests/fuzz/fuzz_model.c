/* Fuzz target: front matter + Markdown -> model + normalise, both ways
 * the converters ask for it (raw HTML to nodes, and kept for md2epub),
 * then the tree dump, which walks every node. */
#include <stdio.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	if (!null)
		null = fopen("/dev/null", "w");
	for (int keep = 0; keep < 2; keep++) {
		struct article *art = fuzz_load(data, size, keep);
		if (art && null)
			art_dump(art, null);
		art_free(art);
	}
	return 0;
}
