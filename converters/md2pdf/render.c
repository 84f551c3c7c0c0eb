/* render.c - md2pdf's renderer: the run's fonts made once (pdf_run_new),
 * then per output a document made, drawn and freed (pdf_render): the
 * front matter measured, each article in turn from a new page, the cover
 * and contents drawn last and moved to the front.
 */
#include "pdf.h"

#include <string.h>

struct pdf_run *
pdf_run_new(const struct pdf_opts *o)
{
	struct pdf_run *r = g_new0(struct pdf_run, 1);
	r->o = *o;
	r->style = o->style;
	pdf_style_sizes(r, o->style);
	if (!pdf_fonts_init(r)) {
		pdf_run_free(r);
		return NULL;
	}
	return r;
}

void
pdf_run_free(struct pdf_run *r)
{
	if (!r)
		return;
	pdf_fonts_free(r);
	g_free(r);
}

/* The document's info: the book's metadata (over, may be NULL) where it
 * has a value, else the first article's. */
static void
set_metadata(struct pdf *p, const struct article *art, const struct art_meta *over)
{
	const struct art_meta *m = &art->meta;
	cairo_surface_t *s = p->doc->surface;
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

/* One article from a new page: the title block, the blocks, the end notes. */
static void
render_article(struct pdf *p, struct article *art, int index, bool several)
{
	p->doc->art = art;
	pdf_set_language(p, art->lang);
	if (p->cur.page_used)
		pdf_new_page(p);
	/* on a right-hand page: an odd page of the whole PDF, front pages
	 * included; the page left blank gets no header or footer */
	int front = p->doc->front ? p->doc->front->npages : 0;
	if (p->run->style->right_hand && (front + pdf_body_page(p)) % 2 == 0)
		pdf_new_page(p);
	if (p->doc->front)
		p->doc->front->start_page[index] = pdf_body_page(p);
	g_free(p->doc->running.article);
	p->doc->running.article = art_article_title(art);
	memset(p->doc->outline, 0, sizeof p->doc->outline);
	memset(p->doc->heading_no, 0, sizeof p->doc->heading_no);
	p->doc->article_outline = CAIRO_PDF_OUTLINE_ROOT;
	p->doc->dest_prefix[0] = 0;
	if (several) {
		g_snprintf(p->doc->dest_prefix, sizeof p->doc->dest_prefix, "a%d-", index + 1);
		char *t = art_article_title(art);
		pdf_dest(p, "start", p->cur.x, p->cur.y);
		char *q = g_strdup_printf("%sstart", p->doc->dest_prefix);
		char *qq = pdf_attr_quote(q);
		char *attr = g_strdup_printf("dest=%s", qq);
		p->doc->article_outline = cairo_pdf_surface_add_outline(
		    p->doc->surface, CAIRO_PDF_OUTLINE_ROOT, t, attr, 0);
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
	p->cur.pending_space = 0;
}

/* One pass over arts[0..n) into a new document written to out; pages:
 * the body's page count for {pages} (0: unknown), *body_pages: the count
 * this pass made. */
static int
render_pass(struct pdf_run *r, struct article **arts, int n, FILE *out, int pages,
            int *body_pages)
{
	const struct pdf_opts *o = &r->o;
	const struct art_book *book = o->book;
	struct pdf p = {.run = r, .doc = pdf_doc_new(r, out)};
	if (!p.doc)
		return 0;
	struct pdf_doc *d = p.doc;
	r->drawing = &p;
	pdf_cursor_init(&p.cur, r);
	set_metadata(&p, arts[0], n > 1 || book->any ? &book->over : NULL);
	/* a book (several articles) has a cover and contents unless told not */
	d->front = pdf_front_new(arts, n, book, o->cover < 0 ? n > 1 : o->cover,
	                         o->toc < 0 ? n > 1 : o->toc);
	if (d->front) {
		const struct art_style *st = r->style;
		if (st->contents_title && *st->contents_title)
			d->front->contents_title = st->contents_title;
		/* named by the style file the user gave, beside it: trusted
		 * like --cover, not sandboxed to the first article's folder */
		if (st->logo)
			d->front->logo_res =
			    art_resource_get_trusted(arts[0], st->logo, (struct art_pos){0, 0});
	}
	const struct art_meta *over = &book->over;
	char *first_title = art_article_title(arts[0]);
	d->running.book = n > 1;
	d->running.title = over->title ? over->title : first_title;
	d->running.date = over->date ? over->date : arts[0]->date;
	d->running.pages = pages;
	if (d->front && pdf_front_measure(&p, d->front))
		pdf_front_label_page(&p);
	d->arts = arts;
	d->narts = n;
	d->several = n > 1 || d->front;
	for (int i = 0; i < n; i++)
		render_article(&p, arts[i], i, d->several);
	*body_pages = pdf_body_page(&p);
	d->arts = NULL;
	d->narts = 0;
	if (d->front)
		pdf_front_render(&p, d->front);
	int ok = pdf_doc_finish(&p);
	r->drawing = NULL;
	pdf_cursor_clear(&p.cur);
	pdf_doc_free(d);
	g_free(first_title);
	return ok;
}

static bool
uses_pages(const struct art_style *st, bool book)
{
	const char *h = book ? st->book_header : st->header,
	           *f = book ? st->book_footer : st->footer;
	return (h && strstr(h, "{pages}")) || (f && strstr(f, "{pages}"));
}

int
pdf_render(struct pdf_run *r, struct article **arts, int n, FILE *out)
{
	pdf_fonts_subset(r, arts, n);
	int pages = 0, ok = 1;
	if (uses_pages(r->style, n > 1)) {
		/* the page count is known once the book is laid out: a first
		 * pass into nothing counts it (its messages repeat the second's) */
		FILE *null = fopen("/dev/null", "w");
		GString *quiet = g_string_new(NULL);
		art_diag_capture(quiet);
		ok = null && render_pass(r, arts, n, null, 0, &pages);
		art_diag_capture(NULL);
		g_string_free(quiet, TRUE);
		if (null)
			fclose(null);
	}
	int made = 0;
	if (ok)
		ok = render_pass(r, arts, n, out, pages, &made);
	return ok;
}
