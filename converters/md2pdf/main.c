/* main.c - md2pdf: Markdown articles to print-ready PDF.
 *
 * One PDF per input next to it (art_default_output), or with -o one PDF
 * holding every article in sequence, each starting on a new page.  Output
 * goes through art_output_* so that a failed run leaves no partial file.
 */
#define _POSIX_C_SOURCE 200809L
#include "pdf.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MM_TO_PT (72.0 / 25.4)

static int parse_paper(const char *s, struct pdf_opts *o)
{
	static const struct { const char *name; double w, h; } sizes[] = {
		{ "a4", 210, 297 }, { "a5", 148, 210 }, { "a3", 297, 420 },
		{ "letter", 215.9, 279.4 }, { "legal", 215.9, 355.6 },
	};
	double w = 210, h = 297;
	if (s) {
		bool found = false;
		for (size_t i = 0; i < G_N_ELEMENTS(sizes); i++)
			if (!g_ascii_strcasecmp(s, sizes[i].name)) {
				w = sizes[i].w;
				h = sizes[i].h;
				found = true;
			}
		if (!found) {
			char *end;
			w = g_ascii_strtod(s, &end);
			if (*end != 'x' && *end != 'X')
				return 0;
			h = g_ascii_strtod(end + 1, &end);
			if (*end || w < 50 || h < 50 || w > 5000 || h > 5000)
				return 0;
		}
	}
	o->page_w = w * MM_TO_PT;
	o->page_h = h * MM_TO_PT;
	return 1;
}

/* PDF dates from SOURCE_DATE_EPOCH, else the front matter date: never the
 * clock, so that the same input gives the same bytes. */
static char *create_date(const char *d)
{
	const char *sde = g_getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		gint64 t = g_ascii_strtoll(sde, &end, 10);
		if (!*end && t >= 0) {
			GDateTime *dt = g_date_time_new_from_unix_utc(t);
			if (dt) {
				char *s = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");
				g_date_time_unref(dt);
				return s;
			}
		}
	}
	int y, m, dd;
	if (d && sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) == 3 && y > 1900 && m >= 1 && m <= 12 &&
	    dd >= 1 && dd <= 31)
		return g_strdup_printf("%04d-%02d-%02dT00:00:00", y, m, dd);
	return g_strdup("2000-01-01T00:00:00");
}

/* The document's info: the book's metadata (over, may be NULL) where it
 * has a value, else the first article's. */
void pdf_set_metadata(struct pdf *p, const struct article *art, const struct art_meta *over)
{
	const struct art_meta *m = &art->meta;
	cairo_surface_t *s = p->surface;
	char *title = over && over->title ? g_strdup(over->title)
	            : m->title ? g_strdup(m->title) : over ? art_article_title(art) : NULL;
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
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "md2pdf (mdpress " MDPRESS_VERSION ")");
	char *date = create_date(over && over->date ? over->date : m->date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	g_free(date);
}

static void render_article(struct pdf *p, struct article *art, int index, bool several)
{
	p->art = art;
	pdf_set_language(p, art->lang);
	if (p->page_used)
		pdf_new_page(p);
	if (p->front)
		p->front->start_page[index] = pdf_body_page(p);
	memset(p->outline, 0, sizeof p->outline);
	p->article_outline = CAIRO_PDF_OUTLINE_ROOT;
	p->dest_prefix[0] = 0;
	if (several) {
		g_snprintf(p->dest_prefix, sizeof p->dest_prefix, "a%d-", index + 1);
		char *t = art_article_title(art);
		pdf_dest(p, "start", p->x, p->y);
		char *q = g_strdup_printf("%sstart", p->dest_prefix);
		char *qq = pdf_attr_quote(q);
		char *attr = g_strdup_printf("dest=%s", qq);
		p->article_outline = cairo_pdf_surface_add_outline(p->surface, CAIRO_PDF_OUTLINE_ROOT,
		                                                   t, attr, 0);
		g_free(attr);
		g_free(qq);
		g_free(q);
		g_free(t);
	}
	pdf_render_title(p, art);
	const struct art_node *first = art->root ? art->root->first_child : NULL;
	if (first != NULL && first == art->title_heading)
		first = first->next;    /* pdf_render_title shows it */
	pdf_render_blocks(p, first);
	pdf_render_footnotes(p, art);
	p->pending_space = 0;
}

/* Render articles[0..n) into one PDF written to path (NULL = stdout). */
static int write_pdf(struct pdf *p, const struct pdf_opts *o, struct article **arts, int n,
                     const char *path, const struct art_book *book, int cover, int toc)
{
	struct art_output *out = art_output_open(path);
	if (!out)
		return 0;
	if (!pdf_open(p, o, out->fp)) {
		art_output_abort(out);
		return 0;
	}
	pdf_set_metadata(p, arts[0], book && (n > 1 || book->any) ? &book->over : NULL);
	/* a book (several articles) has a cover and contents unless told not */
	p->front = pdf_front_new(arts, n, book, cover < 0 ? n > 1 : cover, toc < 0 ? n > 1 : toc);
	pdf_fonts_subset(p, arts, n);
	if (p->front && pdf_front_measure(p, p->front))
		pdf_front_label_page(p);
	for (int i = 0; i < n; i++)
		render_article(p, arts[i], i, n > 1 || p->front);
	if (p->front)
		pdf_front_render(p, p->front);
	int ok = pdf_close(p);
	pdf_front_free(p->front);
	p->front = NULL;
	pdf_fonts_unsubset(p);
	if (ok && art_cli_exit_code() == ART_EXIT_OK)
		return art_output_commit(out);
	art_output_abort(out);
	return 0;
}

int main(int argc, char **argv)
{
	struct art_cli cli = { .program = "md2pdf" };
	struct art_book_cli bc = { 0 };
	char *paper = NULL;
	double margin = 20;
	gboolean toc = FALSE, no_toc = FALSE, no_cover = FALSE;
	const GOptionEntry own[] = {
		{ "toc", 0, 0, G_OPTION_ARG_NONE, &toc,
		  "Print a table of contents after the cover (default for books)", NULL },
		{ "no-toc", 0, 0, G_OPTION_ARG_NONE, &no_toc,
		  "No printed table of contents", NULL },
		{ "no-cover", 0, 0, G_OPTION_ARG_NONE, &no_cover,
		  "No cover page (a book has one by default; --cover gives one to a single article)",
		  NULL },
		{ "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
		  "Paper size: a4 (default), a5, a3, letter, legal or WxH in mm", "SIZE" },
		{ "margin", 0, 0, G_OPTION_ARG_DOUBLE, &margin,
		  "Page margin on every side in mm (default 20)", "MM" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	GOptionEntry *book_entries = art_book_entries(&bc);
	GOptionEntry extra[32];
	int ne = 0;
	for (const GOptionEntry *e = book_entries; e->long_name; e++)
		extra[ne++] = *e;
	for (const GOptionEntry *e = own; e->long_name; e++)
		extra[ne++] = *e;
	extra[ne] = (GOptionEntry){ NULL, 0, 0, 0, NULL, NULL, NULL };
	int rc = art_cli_parse(&cli, &argc, &argv, extra, "FILE...",
	                       "Convert Markdown articles to PDF.",
	                       "Each FILE becomes FILE.pdf beside it; with -o all FILEs make one book\n"
	                       "(one article after the other, each on a new page).  FILE - reads\n"
	                       "standard input.  See md2pdf(1).");
	g_free(book_entries);
	if (rc != ART_EXIT_OK) {
		art_cli_free(&cli);
		art_book_cli_free(&bc);
		g_free(paper);
		return rc < 0 ? ART_EXIT_OK : rc;
	}
	struct pdf_opts o = { 0 };
	if (!parse_paper(paper, &o)) {
		fprintf(stderr, "md2pdf: --paper: unknown size '%s' (a4, a5, letter or WxH in mm)\n",
		        paper);
		rc = ART_EXIT_USAGE;
	}
	o.margin = margin * MM_TO_PT;
	if (rc == ART_EXIT_OK && (margin < 0 || 2 * o.margin > MIN(o.page_w, o.page_h) - 72)) {
		fprintf(stderr, "md2pdf: --margin %g leaves no room for text\n", margin);
		rc = ART_EXIT_USAGE;
	}
	g_free(paper);
	struct art_load_opts lopts = art_cli_load_opts(&cli);
	struct art_book book = { 0 };
	if (rc == ART_EXIT_OK && !art_book_load(&book, &bc, &lopts))
		rc = ART_EXIT_FAIL;
	if (rc != ART_EXIT_OK) {
		art_book_free(&book);
		art_book_cli_free(&bc);
		art_cli_free(&cli);
		return rc;
	}

	/* -1: the default (on for books), 0 off, 1 on */
	int toc_mode = no_toc ? 0 : toc ? 1 : -1;
	int cover = no_cover ? 0 : book.cover ? 1 : -1;
	struct pdf p = { .size = pdf_default_sizes, .body_size = pdf_default_sizes.body };
	bool failed = false;
	if (!cli.dump_tree && !pdf_fonts_init(&p)) {
		art_diag(ART_E_OUTPUT, NULL, (struct art_pos){ 0, 0 }, "cannot set up fonts");
		failed = true;
	}
	GPtrArray *arts = g_ptr_array_new_with_free_func((GDestroyNotify)art_free);
	if (cli.output)
		art_deps_output_begin();    /* one PDF from every input */
	for (int i = 0; !failed && i < cli.ninputs; i++) {
		if (!cli.output)
			art_deps_output_begin();
		art_deps_add_input(cli.inputs[i]);
		struct article *art = art_load(cli.inputs[i], &lopts);
		if (!art) {
			failed = true;
			continue;
		}
		if (cli.dump_tree) {
			art_dump(art, stdout);
			art_free(art);
			continue;
		}
		if (cli.output) {
			g_ptr_array_add(arts, art);     /* all into one PDF below */
			continue;
		}
		char *path = art_default_output(cli.inputs[i], ".pdf");
		if (art_cli_exit_code() != ART_EXIT_OK || !write_pdf(&p, &o, &art, 1, path, &book, cover, toc_mode))
			failed = true;
		char *target = art_cli_deps_target(&cli, path, NULL, NULL);
		art_deps_output_end(target, !failed);
		g_free(target);
		memset(&p.o, 0, sizeof p.o);
		g_free(path);
		art_free(art);
	}
	if (!failed && cli.output && arts->len > 0 && art_cli_exit_code() == ART_EXIT_OK) {
		failed = !write_pdf(&p, &o, (struct article **)arts->pdata, (int)arts->len, cli.output,
		                    &book, cover, toc_mode);
		char *target = art_cli_deps_target(&cli, cli.output, cli.inputs[0], ".pdf");
		art_deps_output_end(target, !failed);
		g_free(target);
	}
	if (!cli.dump_tree && !art_cli_write_deps(&cli))
		failed = true;
	g_ptr_array_free(arts, TRUE);
	pdf_fonts_free(&p);
	rc = failed ? ART_EXIT_FAIL : art_cli_exit_code();
	art_book_free(&book);
	art_book_cli_free(&bc);
	art_cli_free(&cli);
	return rc;
}
