/* Fuzz target: model -> XHTML (md2epub's chapter renderer, raw HTML
 * sanitiser and package documents), without writing the zip. */
#include "epub.h"
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
	struct article *art = fuzz_load(data, size);
	if (!art)
		return 0;
	struct epub_book *b = epub_book_new();
	epub_book_add(b, art); /* the book owns it now */
	epub_book_set_meta(b, NULL);
	if (epub_book_render(b)) {
		size_t len;
		g_free(epub_opf(b, &len));
		g_free(epub_nav(b, &len));
	}
	epub_book_free(b);
	return 0;
}
