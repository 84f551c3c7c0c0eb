/* Fuzz target: model -> plain text (md2txt's renderer and wrapper). */
#include "fuzz_common.h"
#include "txt.h"

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
	struct article *art = fuzz_load(data, size);
	if (!art)
		return 0;
	/* the first byte picks a width, so narrow columns get exercised */
	struct txt_opts o = {.width = size ? data[0] % 100 : TXT_DEFAULT_WIDTH};
	struct txt *t = txt_new(&o);
	GString *out = g_string_new(NULL);
	txt_render(t, art, out);
	g_string_free(out, TRUE);
	txt_free(t);
	art_free(art);
	return 0;
}
