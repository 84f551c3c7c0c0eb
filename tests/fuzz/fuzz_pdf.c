/* Fuzz target: model -> PDF layout (md2pdf's blocks, tables, inlines and
 * pango), on small pages with a small page budget, into memory. */
#include <stdio.h>

#include "fuzz_common.h"
#include "pdf.h"

static struct pdf base;
static struct art_style style;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	g_setenv("MDPRESS_NO_SUBSET", "1", TRUE); /* no temp font files per input */
	if (!art_style_load(&style, NULL))
		abort();
	base.style = &style;
	pdf_style_sizes(&base, &style);
	if (!pdf_fonts_init(&base))
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *art = fuzz_load(data, size);
	if (!art)
		return 0;
	struct pdf p = base;
	struct pdf_opts o = {
	    .page_w = 420, .page_h = 595, .margin = {40, 40, 40, 40}, .max_pages = 8};
	FILE *out = fopen("/dev/null", "w");
	if (out && pdf_open(&p, &o, out)) {
		p.art = art;
		pdf_set_language(&p, art->lang);
		pdf_render_title(&p, art);
		pdf_render_blocks(&p, art->root->first_child);
		pdf_render_footnotes(&p, art);
	}
	pdf_close(&p);
	if (out)
		fclose(out);
	art_free(art);
	return 0;
}
