/* main.c - md2pdf: Markdown articles to print-ready PDF.
 *
 * One PDF per input, or with -o one book holding every article in
 * sequence, each starting on a new page.  The run itself (inputs, outputs,
 * failures) is common/driver.c's, the rendering render.c's: this file
 * turns the options into a struct pdf_opts and wires the two together.
 */
#define _POSIX_C_SOURCE 200809L
#include "pdf.h"

#include <errno.h>
#include <malloc.h>

#define MM_TO_PT (72.0 / 25.4)

struct md2pdf {
	struct art_book_cli bc;
	struct art_book book;
	struct art_style style;
	char *paper;
	double margin; /* -1: the style's */
	int max_pages;
	int max_page_links;
	int image_dpi;
	gboolean toc, no_toc, no_cover;
	gboolean no_autospace;
	struct pdf_opts o;
	struct pdf_run *run; /* NULL with --dump-tree: no fonts needed */
};

static int
setup(void *ctx, const struct art_cli *cli, struct art_load_opts *lopts)
{
	struct md2pdf *m = ctx;
	struct art_style *st = &m->style;
	if (!art_style_load(st, m->bc.style))
		return ART_EXIT_FAIL;
	/* --paper and --margin win over the style */
	double w = st->paper_w, h = st->paper_h;
	if (m->paper && !art_style_paper(m->paper, &w, &h)) {
		fprintf(stderr,
		        "md2pdf: --paper: unknown size '%s' (a4, a5, letter or WxH in mm)\n",
		        m->paper);
		return ART_EXIT_USAGE;
	}
	m->o.max_pages = m->max_pages;
	m->o.max_page_links = m->max_page_links;
	m->o.no_autospace = m->no_autospace;
	m->o.image_dpi = m->image_dpi;
	if (m->image_dpi < 0 || m->image_dpi > 10000) {
		fprintf(stderr, "md2pdf: --image-dpi must be from 1 to 10000 (0: off)\n");
		return ART_EXIT_USAGE;
	}
	if (m->max_page_links < 0) {
		fprintf(stderr, "md2pdf: --max-page-links must be 0 (no limit) or more\n");
		return ART_EXIT_USAGE;
	}
	if (m->max_pages < 1) {
		fprintf(stderr, "md2pdf: --max-pages must be 1 or more\n");
		return ART_EXIT_USAGE;
	}
	m->o.page_w = w * MM_TO_PT;
	m->o.page_h = h * MM_TO_PT;
	bool given = m->margin != -1;
	for (int i = 0; i < 4; i++)
		m->o.margin[i] = (given ? m->margin : st->margin[i]) * MM_TO_PT;
	if ((given && m->margin < 0) || m->o.margin[1] + m->o.margin[3] > m->o.page_w - 72 ||
	    m->o.margin[0] + m->o.margin[2] > m->o.page_h - 72) {
		if (given)
			fprintf(stderr, "md2pdf: --margin %g leaves no room for text\n",
			        m->margin);
		else
			fprintf(stderr, "md2pdf: %s: the margins leave no room for text\n",
			        m->bc.style);
		return given ? ART_EXIT_USAGE : ART_EXIT_FAIL;
	}
	if (!art_book_load(&m->book, &m->bc, lopts))
		return ART_EXIT_FAIL;
	m->o.toc = m->no_toc ? 0 : m->toc ? 1 : -1;
	m->o.cover = m->no_cover ? 0 : m->book.cover ? 1 : -1;
	m->o.style = st;
	m->o.book = &m->book;
	if (cli->dump_tree)
		return ART_EXIT_OK;
	m->run = pdf_run_new(&m->o);
	if (!m->run) {
		art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0}, "cannot set up fonts");
		return ART_EXIT_FAIL;
	}
	pdf_fonts_prescan(m->run, cli->inputs, cli->ninputs);
	return ART_EXIT_OK;
}

/* One output: arts[0..n), one article or a book of all (-o). */
static int
convert(void *ctx, struct article **arts, int n, FILE *out, const char *name)
{
	struct md2pdf *m = ctx;
	int ok = pdf_render(m->run, arts, n, out);
	if (!ok && ferror(out)) /* the bytes went out at the end: EFBIG, EIO */
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, name, g_strerror(errno));
	return ok;
}

/* An image goes through buffers of its whole decoded size (a screenshot:
 * several MB), freed before the next image.  glibc gives blocks that big
 * back to the kernel (mmap, heap trim) and the next image faults in and
 * zeroes fresh pages; keeping up to 64 MB of freed memory for reuse cuts
 * the page faults of a 42-article run by 40% and its CPU time by ~3%. */
static void
reuse_freed_memory(void)
{
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
}

static void
teardown(void *ctx)
{
	struct md2pdf *m = ctx;
	pdf_run_free(m->run);
	art_style_free(&m->style);
	art_book_free(&m->book);
}

int
main(int argc, char **argv)
{
	reuse_freed_memory();
	struct md2pdf m = {.margin = -1,
	                   .max_pages = ART_DEFAULT_MAX_PAGES,
	                   .max_page_links = PDF_DEFAULT_MAX_PAGE_LINKS};
	const GOptionEntry own[] = {
	    {"toc", 0, 0, G_OPTION_ARG_NONE, &m.toc,
	     "Print a table of contents after the cover (default for books)", NULL},
	    {"no-toc", 0, 0, G_OPTION_ARG_NONE, &m.no_toc, "No printed table of contents",
	     NULL},
	    {"no-cover", 0, 0, G_OPTION_ARG_NONE, &m.no_cover,
	     "No cover page (a book has one by default; --cover gives one to a single article)",
	     NULL},
	    {"paper", 0, 0, G_OPTION_ARG_STRING, &m.paper,
	     "Paper size: a4, a5, a3, letter, legal or WxH in mm (default: the style's, a4)",
	     "SIZE"},
	    {"margin", 0, 0, G_OPTION_ARG_DOUBLE, &m.margin,
	     "Page margin on every side in mm (default: the style's, 20)", "MM"},
	    {"image-dpi", 0, 0, G_OPTION_ARG_INT, &m.image_dpi,
	     "Resample images finer than N dpi on the page to N dpi (JPEG stays JPEG; "
	     "default: off, images go in as they are)",
	     "N"},
	    {"max-pages", 0, 0, G_OPTION_ARG_INT, &m.max_pages,
	     "Fail rather than write more than N pages (default 2000)", "N"},
	    {"max-page-links", 0, 0, G_OPTION_ARG_INT, &m.max_page_links,
	     "Make at most N links of a page clickable; the rest stay text "
	     "(default 100, 0: no limit)",
	     "N"},
	    {"no-autospace", 0, 0, G_OPTION_ARG_NONE, &m.no_autospace,
	     "No quarter-em gap between Han characters and Latin letters or digits "
	     "(on by default for Chinese)",
	     NULL},
	    {NULL, 0, 0, 0, NULL, NULL, NULL},
	};
	GOptionEntry *book_entries = art_book_entries(&m.bc);
	const struct art_driver d = {
	    .program = "md2pdf",
	    .ext = ".pdf",
	    .binary = true,
	    .params = "FILE...",
	    .summary = "Convert Markdown articles to PDF.",
	    .description =
	        "Each FILE becomes FILE.pdf beside it (or in -O DIR), all in one run;\n"
	        "with -o all FILEs make one book (one article after the other, each\n"
	        "on a new page).  See md2pdf(1).",
	    .book_entries = book_entries,
	    .entries = own,
	    .ctx = &m,
	    .setup = setup,
	    .convert = convert,
	    .teardown = teardown,
	};
	int rc = art_driver_main(&d, argc, argv);
	g_free(book_entries);
	art_book_cli_free(&m.bc);
	g_free(m.paper);
	return rc;
}
