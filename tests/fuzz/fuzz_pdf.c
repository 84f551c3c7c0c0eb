/* Fuzz target: model -> PDF (md2pdf's whole renderer: blocks, tables,
 * inlines, pango, the outline and links, cairo's writer), on small pages
 * with a small page budget, into /dev/null.  One run (fonts set up once)
 * for all inputs, as md2pdf's batch mode has. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "pdf.h"

static struct pdf_run *run;
static struct art_style style;
static struct art_book book;
static FILE *null;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	g_setenv("MDPRESS_NO_SUBSET", "1", TRUE); /* no temp font files per input */
	static const struct art_book_cli no_book;
	static const struct art_load_opts no_opts;
	if (!art_style_load(&style, NULL) || !art_book_load(&book, &no_book, &no_opts))
		abort();
	struct pdf_opts o = {.page_w = 420,
	                     .page_h = 595,
	                     .margin = {40, 40, 40, 40},
	                     .max_pages = 8,
	                     .toc = -1,
	                     .cover = -1,
	                     .style = &style,
	                     .book = &book};
	run = pdf_run_new(&o);
	null = fopen("/dev/null", "w");
	if (!run || !null)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *art = fuzz_load(data, size);
	if (!art)
		return 0;
	pdf_render(run, &art, 1, null);
	art_free(art);
	return 0;
}
