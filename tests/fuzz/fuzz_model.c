/* Fuzz target: front matter + Markdown -> model + normalise (raw HTML
 * to nodes included), then the tree dump, which walks every node. */
#include <stdio.h>

#include "fuzz_common.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	if (!null)
		null = fopen("/dev/null", "w");
	struct article *art = fuzz_load(data, size);
	if (art && null)
		art_dump(art, null);
	art_free(art);
	return 0;
}
