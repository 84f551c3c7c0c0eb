/* main.c - md2pdf: Markdown articles to print-ready PDF.
 *
 * One PDF per input, or with -o one book holding every article in
 * sequence, each starting on a new page; the run itself (inputs, outputs,
 * failures) is common/driver.c's.
 */
#define _POSIX_C_SOURCE 200809L
#include "pdf.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MM_TO_PT (72.0 / 25.4)

/* The document's info: the book's metadata (over, may be NULL) where it
 * has a value, else the first article's. */
void
pdf_set_metadata(struct pdf *p, const struct article *art, const struct art_meta *over)
{
	const struct art_meta *m = &art->meta;
	cairo_surface_t *s = p->surface;
	/* the title every format shows: front matter, else first heading */
	char *title = over && over->title ? g_strdup(over->title) : art_article_title(art);
	if (title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	g_free(title);
	const GPtrArray *au = over && over->authors->len ? over->authors : m->authors;
	GString *authors = g_string_new(NULL);
	for (guint i = 0; i < au->len; i++)
		g_string_append_printf(authors, "%s%s", i ? ", " : "", (char *)au->pdata[i]);
	if (authors->len)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, authors->str);
	g_string_free(authors, TRUE);
	const char *summary = over && over->summary ? over->summary : m->summary;
	if (summary) {
		char *sum = g_strstrip(g_strdup(summary));
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, sum);
		g_free(sum);
	}
	const GPtrArray *tags = over && over->tags->len ? over->tags : m->tags;
	GString *kw = g_string_new(NULL);
	for (guint i = 0; i < tags->len; i++)
		g_string_append_printf(kw, "%s%s", i ? ", " : "", (char *)tags->pdata[i]);
	if (kw->len)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, kw->str);
	g_string_free(kw, TRUE);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	                               "md2pdf (mdpress " MDPRESS_VERSION ")");
	/* the one time stamp the model allows (art_epoch): the book's date,
	 * else the article's */
	char *w3c = over && over->date ? art_w3c_date(over->date) : g_strdup(art->date);
	char *date = art_epoch_format(w3c, "%Y-%m-%dT%H:%M:%S");
	g_free(w3c);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	g_free(date);
}

static void
render_article(struct pdf *p, struct article *art, int index, bool several)
{
	p->art = art;
	pdf_set_language(p, art->lang);
	if (p->page_used)
		pdf_new_page(p);
	/* on a right-hand page: an odd page of the whole PDF, front pages
	 * included; the page left blank gets no header or footer */
	int front = p->front ? p->front->npages : 0;
	if (p->style->right_hand && (front + pdf_body_page(p)) % 2 == 0)
		pdf_new_page(p);
	if (p->front)
		p->front->start_page[index] = pdf_body_page(p);
	g_free(p->run.article);
	p->run.article = art_article_title(art);
	memset(p->outline, 0, sizeof p->outline);
	memset(p->heading_no, 0, sizeof p->heading_no);
	p->article_outline = CAIRO_PDF_OUTLINE_ROOT;
	p->dest_prefix[0] = 0;
	if (several) {
		g_snprintf(p->dest_prefix, sizeof p->dest_prefix, "a%d-", index + 1);
		char *t = art_article_title(art);
		pdf_dest(p, "start", p->x, p->y);
		char *q = g_strdup_printf("%sstart", p->dest_prefix);
		char *qq = pdf_attr_quote(q);
		char *attr = g_strdup_printf("dest=%s", qq);
		p->article_outline = cairo_pdf_surface_add_outline(
		    p->surface, CAIRO_PDF_OUTLINE_ROOT, t, attr, 0);
		g_free(attr);
		g_free(qq);
		g_free(q);
		g_free(t);
	}
	pdf_render_title(p, art);
	if (art->root)
		pdf_anchors_at(p, art->root); /* ids that name the whole article */
	const struct art_node *first = art->root ? art->root->first_child : NULL;
	if (first != NULL && first == art->title_heading)
		first = first->next; /* pdf_render_title shows it */
	pdf_render_blocks(p, first);
	pdf_render_footnotes(p, art);
	p->pending_space = 0;
}

struct md2pdf {
	struct art_book_cli bc;
	struct art_book book;
	struct art_style style;
	char *paper;
	double margin; /* -1: the style's */
	int max_pages;
	int image_dpi;
	gboolean toc, no_toc, no_cover;
	gboolean no_autospace;
	int toc_mode, cover; /* -1: the default (on for books), 0 off, 1 on */
	struct pdf_opts o;
	struct pdf p;
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
	m->p.no_autospace = m->no_autospace;
	m->o.image_dpi = m->image_dpi;
	if (m->image_dpi < 0 || m->image_dpi > 10000) {
		fprintf(stderr, "md2pdf: --image-dpi must be from 1 to 10000 (0: off)\n");
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
	m->toc_mode = m->no_toc ? 0 : m->toc ? 1 : -1;
	m->cover = m->no_cover ? 0 : m->book.cover ? 1 : -1;
	m->p.style = st;
	pdf_style_sizes(&m->p, st);
	if (!cli->dump_tree && !pdf_fonts_init(&m->p)) {
		art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0}, "cannot set up fonts");
		return ART_EXIT_FAIL;
	}
	return ART_EXIT_OK;
}

/* One pass over arts[0..n) into out; pages: the body's page count for
 * {pages} (0: unknown), *body_pages: the count this pass made. */
static int
render_pass(struct md2pdf *m, struct article **arts, int n, FILE *out, int pages,
            int *body_pages)
{
	struct pdf *p = &m->p;
	const struct art_book *book = &m->book;
	if (!pdf_open(p, &m->o, out))
		return 0;
	pdf_set_metadata(p, arts[0], n > 1 || book->any ? &book->over : NULL);
	/* a book (several articles) has a cover and contents unless told not */
	p->front = pdf_front_new(arts, n, book, m->cover < 0 ? n > 1 : m->cover,
	                         m->toc_mode < 0 ? n > 1 : m->toc_mode);
	if (p->front) {
		const struct art_style *st = p->style;
		if (st->contents_title && *st->contents_title)
			p->front->contents_title = st->contents_title;
		if (st->logo)
			p->front->logo_res =
			    art_resource_get(arts[0], st->logo, (struct art_pos){0, 0});
	}
	const struct art_meta *over = &book->over;
	char *first_title = art_article_title(arts[0]);
	p->run.book = n > 1;
	p->run.title = over->title ? over->title : first_title;
	p->run.date = over->date ? over->date : arts[0]->date;
	p->run.pages = pages;
	if (p->front && pdf_front_measure(p, p->front))
		pdf_front_label_page(p);
	p->doc_arts = arts;
	p->doc_narts = n;
	p->doc_several = n > 1 || p->front;
	for (int i = 0; i < n; i++)
		render_article(p, arts[i], i, p->doc_several);
	*body_pages = pdf_body_page(p);
	p->doc_arts = NULL;
	p->doc_narts = 0;
	if (p->front)
		pdf_front_render(p, p->front);
	int ok = pdf_close(p);
	g_free(first_title);
	g_free(p->run.article);
	memset(&p->run, 0, sizeof p->run);
	pdf_front_free(p->front);
	p->front = NULL;
	return ok;
}

static bool
uses_pages(const struct art_style *st, bool book)
{
	const char *h = book ? st->book_header : st->header,
	           *f = book ? st->book_footer : st->footer;
	return (h && strstr(h, "{pages}")) || (f && strstr(f, "{pages}"));
}

/* Render arts[0..n) into one PDF: one article, or a book of all (-o). */
static int
convert(void *ctx, struct article **arts, int n, FILE *out, const char *name)
{
	struct md2pdf *m = ctx;
	struct pdf *p = &m->p;
	(void)name;
	pdf_fonts_subset(p, arts, n);
	int pages = 0, ok = 1;
	if (uses_pages(p->style, n > 1)) {
		/* the page count is known once the book is laid out: a first
		 * pass into nothing counts it (its messages repeat the second's) */
		FILE *null = fopen("/dev/null", "w");
		GString *quiet = g_string_new(NULL);
		art_diag_capture(quiet);
		ok = null && render_pass(m, arts, n, null, 0, &pages);
		art_diag_capture(NULL);
		g_string_free(quiet, TRUE);
		if (null)
			fclose(null);
	}
	int made = 0;
	if (ok)
		ok = render_pass(m, arts, n, out, pages, &made);
	pdf_fonts_unsubset(p);
	memset(&p->o, 0, sizeof p->o);
	return ok;
}

static void
teardown(void *ctx)
{
	struct md2pdf *m = ctx;
	pdf_fonts_free(&m->p);
	art_style_free(&m->style);
	art_book_free(&m->book);
}

int
main(int argc, char **argv)
{
	struct md2pdf m = {.margin = -1, .max_pages = ART_DEFAULT_MAX_PAGES};
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
