/* front.c - a book's front matter: the cover page and the printed table
 * of contents, whose page numbers are only known once the body is laid out.
 *
 * cairo writes pages in the order they are drawn, so the body comes first
 * and the front pages last; pdf_front_move_first() then moves their page
 * objects to the front of the page tree.  The number of front pages is
 * measured before the body (the contents lines do not depend on the
 * numbers: those sit in a fixed column), so page labels can be set as the
 * pages are drawn: cairo numbers labels by final position, i, ii... for the
 * front pages and 1, 2... for the body.
 */
#define _GNU_SOURCE /* memmem */
#include "pdf.h"

#include <string.h>

#define TOC_NUM_W 36.0 /* points: the page number column */

static char *
roman(int n)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {
	    {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
	    {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
	    {5, "v"},    {4, "iv"},   {1, "i"},
	};
	GString *g = g_string_new(NULL);
	for (size_t i = 0; i < G_N_ELEMENTS(r); i++)
		for (; n >= r[i].v; n -= r[i].v)
			g_string_append(g, r[i].s);
	return g_string_free(g, FALSE);
}

void
pdf_front_label_page(struct pdf *p)
{
	if (!p->doc->front || p->doc->front->npages == 0)
		return;
	int k = p->doc->front->npages, j = p->cur.page - 1; /* final position of this label */
	char *label = j < k ? roman(j + 1) : g_strdup_printf("%d", j - k + 1);
	cairo_pdf_surface_set_page_label(p->doc->surface, label);
	g_free(label);
}

int
pdf_body_page(const struct pdf *p)
{
	return p->cur.page; /* body pages are drawn first, numbered from 1 */
}

/* Front pages have no running lines or quotes: pdf_new_page() is not for
 * them. */
static void
next_front_page(struct pdf *p)
{
	cairo_show_page(p->doc->cr);
	p->cur.page++;
	pdf_front_label_page(p);
}

static const char *
contents_heading(const struct pdf_front *f)
{
	if (f->contents_title && *f->contents_title)
		return f->contents_title;
	return g_str_has_prefix(f->lang ? f->lang : "", "zh") ? "\u76ee\u5f55" : "Contents";
}

static PangoLayout *
text_layout(struct pdf *p, const char *text, enum pdf_font font, double pt, bool bold,
            double width, PangoAlignment align)
{
	PangoLayout *lay = pdf_layout_new(p, font, pt, bold, width);
	pango_layout_set_text(lay, text, -1);
	pango_layout_set_alignment(lay, align);
	return lay;
}

static void
show_at(struct pdf *p, PangoLayout *lay, double x, double y, double gray)
{
	cairo_save(p->doc->cr);
	cairo_set_source_rgb(p->doc->cr, gray, gray, gray);
	cairo_move_to(p->doc->cr, x, y);
	pango_cairo_show_layout(p->doc->cr, lay);
	cairo_restore(p->doc->cr);
}

/* The contents, laid out (draw false: only counted) page by page from the
 * top of the content area; returns the number of pages it takes. */
static int
contents_pass(struct pdf *p, const struct pdf_front *f, bool draw)
{
	double w = p->cur.right - p->cur.left;
	int pages = 1;
	double y = p->cur.top;
	PangoLayout *head = text_layout(p, contents_heading(f), PDF_SANS,
	                                p->run->size.body * 1.6, true, w, PANGO_ALIGN_LEFT);
	if (draw)
		show_at(p, head, p->cur.left, y, 0.1);
	y += pdf_layout_height(head) + p->run->size.body * 1.5;
	g_object_unref(head);
	for (int i = 0; i < f->n; i++) {
		PangoLayout *lay =
		    text_layout(p, f->titles[i], PDF_SERIF, p->run->size.body * 1.05, false,
		                w - TOC_NUM_W, PANGO_ALIGN_LEFT);
		double h = pdf_layout_height(lay), gap = p->run->size.body * 0.7;
		if (y + h > p->cur.bottom && y > p->cur.top) {
			pages++;
			y = p->cur.top;
			if (draw) {
				next_front_page(p);
			}
		}
		if (draw) {
			show_at(p, lay, p->cur.left, y, 0.1);
			char num[16];
			g_snprintf(num, sizeof num, "%d", f->start_page[i]);
			PangoLayout *nl =
			    text_layout(p, num, PDF_SERIF, p->run->size.body * 1.05, false,
			                TOC_NUM_W, PANGO_ALIGN_RIGHT);
			show_at(p, nl, p->cur.right - TOC_NUM_W, y, 0.1);
			g_object_unref(nl);
			/* the whole line, title and number, links to the article */
			char *dest = g_strdup_printf("a%d-start", i + 1);
			char *q = pdf_attr_quote(dest);
			char *attr = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] dest=%s",
			                             p->cur.left, y, w, h, q);
			cairo_tag_begin(p->doc->cr, CAIRO_TAG_LINK, attr);
			cairo_tag_end(p->doc->cr, CAIRO_TAG_LINK);
			g_free(attr);
			g_free(q);
			g_free(dest);
		}
		y += h + gap;
		g_object_unref(lay);
	}
	return pages;
}

/* The cover: image (or nothing) at the top, then title, subtitle, authors
 * and date; the logo at the foot. */
static void
draw_cover(struct pdf *p, const struct pdf_front *f)
{
	double w = p->cur.right - p->cur.left;
	p->cur.x = p->cur.left;
	p->cur.width = w;
	p->cur.y = p->cur.top;
	p->cur.pending_space = 0;
	if (f->cover_res) {
		/* the image takes at most half the page, the text below it */
		double keep = p->cur.bottom;
		p->cur.bottom = p->cur.top + (p->cur.bottom - p->cur.top) * 0.55;
		pdf_render_image(p, f->cover_res, f->cover_res->src, f->title, 0,
		                 (struct art_pos){0, 0});
		p->cur.bottom = keep;
		p->cur.y += p->run->size.body * 3;
	} else {
		p->cur.y = p->cur.top + (p->cur.bottom - p->cur.top) * 0.3;
	}
	struct {
		const char *text;
		enum pdf_font font;
		double scale;
		bool bold;
		double gray;
	} lines[] = {
	    {f->title, PDF_SANS, 2.6, true, 0.05},
	    {f->subtitle, PDF_SERIF, 1.5, false, 0.3},
	    {f->authors, PDF_SERIF, 1.15, false, 0.3},
	    {f->date, PDF_SERIF, 1.0, false, 0.4},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
		if (!lines[i].text || !*lines[i].text)
			continue;
		PangoLayout *lay = text_layout(p, lines[i].text, lines[i].font,
		                               p->run->size.body * lines[i].scale,
		                               lines[i].bold, w, PANGO_ALIGN_CENTER);
		show_at(p, lay, p->cur.left, p->cur.y, lines[i].gray);
		p->cur.y += pdf_layout_height(lay) + p->run->size.body * (i == 0 ? 1.2 : 0.6);
		g_object_unref(lay);
	}
	if (f->logo_res) {
		double lw = MIN(w / 4, 72.0);
		p->cur.x = p->cur.left + (w - lw) / 2;
		p->cur.width = lw;
		p->cur.y = p->cur.bottom - lw;
		pdf_render_image(p, f->logo_res, f->logo_res->src, "logo", 0,
		                 (struct art_pos){0, 0});
		p->cur.x = p->cur.left;
		p->cur.width = w;
	}
	p->cur.page_used = true;
}

struct pdf_front *
pdf_front_new(struct article *const *arts, int n, const struct art_book *book, bool cover,
              bool toc)
{
	if (!cover && !toc)
		return NULL;
	struct pdf_front *f = g_new0(struct pdf_front, 1);
	const struct art_meta *over = book ? &book->over : NULL;
	const struct art_meta *m = &arts[0]->meta;
	f->cover = cover;
	f->toc = toc;
	f->n = n;
	f->titles = g_new0(char *, n + 1);
	f->start_page = g_new0(int, n);
	for (int i = 0; i < n; i++)
		f->titles[i] = art_article_title(arts[i]);
	f->title = over && over->title ? over->title : n == 1 || m->title ? m->title : NULL;
	if (!f->title)
		f->title = f->titles[0];
	f->subtitle = over && over->subtitle ? over->subtitle : n == 1 ? m->subtitle : NULL;
	f->date = over && over->date ? over->date : n == 1 ? m->date : NULL;
	f->lang = over && over->lang ? over->lang : arts[0]->lang;
	const GPtrArray *au = over && over->authors->len ? over->authors : m->authors;
	GString *g = g_string_new(NULL);
	for (guint i = 0; i < au->len; i++)
		g_string_append_printf(g, "%s%s", i ? ", " : "", (const char *)au->pdata[i]);
	f->authors = g_string_free(g, FALSE);
	if (cover && book && book->cover)
		f->cover_res =
		    art_resource_get_trusted(arts[0], book->cover, (struct art_pos){0, 0});
	return f;
}

void
pdf_front_free(struct pdf_front *f)
{
	if (!f)
		return;
	g_strfreev(f->titles);
	g_free(f->start_page);
	g_free(f->authors);
	g_free(f);
}

int
pdf_front_measure(struct pdf *p, struct pdf_front *f)
{
	f->npages = (f->cover ? 1 : 0) + (f->toc ? contents_pass(p, f, false) : 0);
	return f->npages;
}

void
pdf_front_render(struct pdf *p, struct pdf_front *f)
{
	if (f->npages == 0)
		return;
	p->doc->dest_prefix[0] = 0;
	/* the body's last page is finished first (its footer included) */
	pdf_new_page(p);
	p->doc->in_front = true;
	if (f->cover) {
		draw_cover(p, f);
		if (f->toc) {
			next_front_page(p);
		}
	}
	if (f->toc)
		contents_pass(p, f, true);
	p->cur.page_used = true;
}

/* Rotate the last k page objects of the page tree to its front.  cairo
 * 1.16 writes one flat /Kids array; permuting its "N 0 R" entries keeps its
 * length, so no offset in the file moves. */
int
pdf_front_move_first(GByteArray *b, int k)
{
	static const char key[] = "/Type /Pages\n   /Kids [ ";
	const char *d = (const char *)b->data;
	const char *kids = NULL;
	for (const char *s = d; (s = memmem(s, b->len - (gsize)(s - d), key, sizeof key - 1));
	     s++)
		kids = s + sizeof key - 1;
	if (!kids)
		return 0;
	const char *end = memchr(kids, ']', b->len - (gsize)(kids - d));
	if (!end)
		return 0;
	char *list = g_strndup(kids, (gsize)(end - kids));
	char **tok = g_strsplit(g_strstrip(list), " R ", -1);
	int n = (int)g_strv_length(tok);
	int ok = 0;
	if (n > k && k > 0) {
		/* the last token keeps its " R" */
		size_t last = strlen(tok[n - 1]);
		if (last > 2 && !strcmp(tok[n - 1] + last - 2, " R"))
			tok[n - 1][last - 2] = 0;
		GString *g = g_string_new(NULL);
		for (int i = 0; i < n; i++)
			g_string_append_printf(g, "%s R ", tok[(i + n - k) % n]);
		if (g->len == (gsize)(end - kids)) {
			memcpy((char *)kids, g->str, g->len);
			ok = 1;
		}
		g_string_free(g, TRUE);
	}
	g_strfreev(tok);
	g_free(list);
	return ok;
}
