/* page.c - the cursor and the pages it moves over: vertical space that
 * collapses at the top of a page, new pages with their running header and
 * footer, the left rules of open block quotes per page segment, and
 * --max-pages.
 */
#include "pdf.h"

#include <string.h>

void
pdf_cursor_init(struct pdf_cursor *c, const struct pdf_run *r)
{
	const struct pdf_opts *o = &r->o;
	*c = (struct pdf_cursor){0};
	c->left = o->margin[3];
	c->right = o->page_w - o->margin[1];
	c->top = o->margin[0];
	c->bottom = o->page_h - o->margin[2];
	c->x = c->left;
	c->width = c->right - c->left;
	c->y = c->top;
	c->page = 1;
	c->body_size = r->size.body;
}

void
pdf_cursor_clear(struct pdf_cursor *c)
{
	if (c->marker)
		g_object_unref(c->marker);
	c->marker = NULL;
}

static void
draw_quote_rules(struct pdf *p, double y_end)
{
	cairo_t *cr = p->doc->cr;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(cr, 2.0);
	for (int i = 0; i < p->cur.nquote; i++) {
		if (y_end <= p->cur.quote_y0[i])
			continue;
		cairo_move_to(cr, p->cur.quote_x[i], p->cur.quote_y0[i]);
		cairo_line_to(cr, p->cur.quote_x[i], y_end);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* A header or footer line with its fields filled in. */
static char *
expand_fields(const struct pdf *p, const char *tmpl)
{
	GString *g = g_string_new(NULL);
	for (const char *s = tmpl; *s; s++) {
		static const char *const names[] = {"{title}", "{article}", "{page}", "{date}",
		                                    "{pages}"};
		size_t i = 0;
		while (i < G_N_ELEMENTS(names) && strncmp(s, names[i], strlen(names[i])))
			i++;
		switch (i) {
		case 0:
			g_string_append(g, p->doc->running.title ? p->doc->running.title : "");
			break;
		case 1:
			g_string_append(g,
			                p->doc->running.article ? p->doc->running.article : "");
			break;
		case 2:
			g_string_append_printf(g, "%d", pdf_body_page(p));
			break;
		case 3:
			g_string_append(g, p->doc->running.date ? p->doc->running.date : "");
			break;
		case 4:
			g_string_append_printf(g, "%d", p->doc->running.pages);
			break;
		default:
			g_string_append_c(g, *s);
			continue;
		}
		s += strlen(names[i]) - 1;
	}
	return g_string_free(g, FALSE);
}

/* Cuts the one-line layout lay to width with an ellipsis in the text's
 * own run ("Operat…", "很长…").  Not pango's ellipsizing: pango shapes its
 * ellipsis on its own, without the script of the text before it, and Noto
 * CJK then draws Latin text's "…" as centred dots; for CJK text it asks
 * for U+22EF, which a subset lacks, and falls back to "..." on the
 * baseline. */
static void
cut_with_ellipsis(PangoLayout *lay, double width)
{
	PangoLayout *dots = pango_layout_copy(lay);
	pango_layout_set_text(dots, "…", -1);
	int dots_w, index = 0, trailing;
	pango_layout_get_size(dots, &dots_w, NULL);
	g_object_unref(dots);
	/* the character under the limit, which does not fit, and what follows
	 * it go; so do spaces before the ellipsis */
	pango_layout_xy_to_index(lay, MAX((int)(width * PANGO_SCALE) - dots_w, 0), 0, &index,
	                         &trailing);
	GString *s = g_string_new_len(pango_layout_get_text(lay), index);
	while (s->len && g_ascii_isspace(s->str[s->len - 1]))
		g_string_truncate(s, s->len - 1);
	g_string_append(s, "…");
	pango_layout_set_text(lay, s->str, (int)s->len);
	g_string_free(s, TRUE);
}

/* The widths of the n parts of a running line of avail points: all as
 * they are when they fit; else a part no longer than an equal share of
 * what the others leave keeps its width, and the longer ones share the
 * rest in proportion to their length (two long titles both stay readable,
 * a short date is never cut). */
static void
share_line(const double *nat, int n, double avail, double *width)
{
	bool cut[3] = {false, false, false};
	double left = avail, cut_total = 0;
	int ncut = 0;
	for (int i = 0; i < n; i++) {
		cut[i] = nat[i] > 0;
		ncut += cut[i];
	}
	for (bool kept = true; kept && ncut > 0;) {
		kept = false;
		for (int i = 0; i < n; i++)
			if (cut[i] && nat[i] <= left / ncut) {
				cut[i] = false;
				left -= nat[i];
				ncut--;
				kept = true;
			}
	}
	for (int i = 0; i < n; i++)
		cut_total += cut[i] ? nat[i] : 0;
	for (int i = 0; i < n; i++)
		width[i] = cut[i] ? left * nat[i] / cut_total : nat[i];
}

/* One running line centred vertically on y: "|" splits it into a left,
 * centre and right part. */
static void
draw_running(struct pdf *p, const char *tmpl, double y)
{
	if (!tmpl || !*tmpl)
		return;
	char *text = expand_fields(p, tmpl);
	char **part = g_strsplit(text, "|", 3);
	int n = (int)g_strv_length(part);
	const struct art_rgb *c = &p->run->style->color.header;
	PangoLayout *lays[3] = {NULL, NULL, NULL};
	double nat[3] = {0, 0, 0}, gap = p->run->size.footer * 2;
	for (int i = 0; i < n; i++) {
		char *t = g_strstrip(part[i]);
		if (!*t)
			continue;
		lays[i] = pdf_layout_new(p, PDF_SERIF, p->run->size.footer, false, 0);
		pango_layout_set_text(lays[i], t, -1);
		int w;
		pango_layout_get_size(lays[i], &w, NULL);
		nat[i] = (double)w / PANGO_SCALE;
	}
	int shown = 0;
	for (int i = 0; i < n; i++)
		shown += lays[i] != NULL;
	double avail = p->cur.right - p->cur.left - gap * MAX(shown - 1, 0), width[3];
	share_line(nat, n, avail, width);
	for (int i = 0; i < n; i++) {
		PangoLayout *lay = lays[i];
		if (!lay)
			continue;
		/* one part alone is centred; two are left and right */
		int where = n == 1 ? 1 : n == 2 ? 2 * i : i;
		if (width[i] < nat[i])
			cut_with_ellipsis(lay, width[i]);
		int w, h;
		pango_layout_get_size(lay, &w, &h);
		double lw = (double)w / PANGO_SCALE;
		double x = where == 0   ? p->cur.left
		           : where == 1 ? (p->cur.left + p->cur.right - lw) / 2
		                        : p->cur.right - lw;
		cairo_save(p->doc->cr);
		cairo_set_source_rgb(p->doc->cr, c->r, c->g, c->b);
		cairo_move_to(p->doc->cr, x, y - (double)h / PANGO_SCALE / 2);
		pango_cairo_show_layout(p->doc->cr, lay);
		cairo_restore(p->doc->cr);
		g_object_unref(lay);
	}
	g_strfreev(part);
	g_free(text);
}

/* The running header and footer of a finished body page. */
static void
draw_running_lines(struct pdf *p)
{
	if (!p->cur.page_used || p->doc->in_front)
		return;
	const struct art_style *st = p->run->style;
	draw_running(p, p->doc->running.book ? st->book_header : st->header, p->cur.top / 2);
	draw_running(p, p->doc->running.book ? st->book_footer : st->footer,
	             (p->cur.bottom + p->run->o.page_h) / 2);
}

void
pdf_new_page(struct pdf *p)
{
	/* Past --max-pages the run has failed: keep drawing over the last
	 * page (cheap, and never written) until the walk stops. */
	if (p->run->o.max_pages > 0 && p->cur.page >= p->run->o.max_pages) {
		if (!p->doc->over_pages)
			art_diag(ART_E_PAGES, p->doc->art ? p->doc->art->display_name : NULL,
			         (struct art_pos){0, 0}, p->run->o.max_pages);
		p->doc->over_pages = true;
		p->cur.y = p->cur.top;
		p->cur.pending_space = 0;
		return;
	}
	draw_quote_rules(p, p->cur.y);
	draw_running_lines(p);
	cairo_show_page(p->doc->cr);
	/* cairo has written the page and the images it shows: their pixels
	 * need not stay in memory until the end of a long book */
	g_ptr_array_set_size(p->doc->images, 0);
	p->cur.page++;
	pdf_front_label_page(p);
	p->cur.page_used = false;
	p->cur.y = p->cur.top;
	p->cur.pending_space = 0;
	for (int i = 0; i < p->cur.nquote; i++)
		p->cur.quote_y0[i] = p->cur.top;
}

void
pdf_end_last_page(struct pdf *p)
{
	pdf_anchors_flush(p, p->cur.y);
	pdf_dests_missing(p);
	draw_quote_rules(p, p->cur.y);
	p->cur.page_used = true; /* an empty article still gets its number */
	draw_running_lines(p);
	cairo_show_page(p->doc->cr);
}

void
pdf_space(struct pdf *p, double pt)
{
	if (pt > p->cur.pending_space)
		p->cur.pending_space = pt;
}

double
pdf_room(const struct pdf *p)
{
	double y = p->cur.y + (p->cur.page_used ? p->cur.pending_space : 0);
	return p->cur.bottom - y;
}

void
pdf_settle(struct pdf *p)
{
	if (p->cur.page_used)
		p->cur.y += p->cur.pending_space;
	p->cur.pending_space = 0;
}

void
pdf_need(struct pdf *p, double h)
{
	if (p->cur.page_used && pdf_room(p) < h)
		pdf_new_page(p);
	pdf_anchors_flush(p, p->cur.y + (p->cur.page_used ? p->cur.pending_space : 0));
}

/* Quotes past PDF_MAX_QUOTE levels, or once the column is down to a third
 * of the page (the model allows --max-nesting levels), are neither
 * indented nor ruled, so the column never runs out of width. */
void
pdf_quote_begin(struct pdf *p)
{
	pdf_settle(p);
	p->cur.quote_depth++;
	if (p->cur.quote_flat_from == 0 &&
	    (p->cur.quote_depth > PDF_MAX_QUOTE ||
	     p->cur.width - 14 < (p->cur.right - p->cur.left) / 3))
		p->cur.quote_flat_from = p->cur.quote_depth;
	if (p->cur.quote_flat_from)
		return;
	p->cur.quote_x[p->cur.nquote] = p->cur.x + 1;
	p->cur.quote_y0[p->cur.nquote] = p->cur.y;
	p->cur.nquote++;
	p->cur.x += 14;
	p->cur.width -= 14;
}

void
pdf_quote_end(struct pdf *p)
{
	if (p->cur.quote_flat_from) {
		if (p->cur.quote_depth-- == p->cur.quote_flat_from)
			p->cur.quote_flat_from = 0;
		return;
	}
	p->cur.quote_depth--;
	p->cur.x -= 14;
	p->cur.width += 14;
	int i = p->cur.nquote - 1;
	if (p->cur.y > p->cur.quote_y0[i]) {
		cairo_save(p->doc->cr);
		cairo_set_source_rgb(p->doc->cr, 0.75, 0.75, 0.75);
		cairo_set_line_width(p->doc->cr, 2.0);
		cairo_move_to(p->doc->cr, p->cur.quote_x[i], p->cur.quote_y0[i]);
		cairo_line_to(p->doc->cr, p->cur.quote_x[i], p->cur.y);
		cairo_stroke(p->doc->cr);
		cairo_restore(p->doc->cr);
	}
	p->cur.nquote--;
}

void
pdf_rule(struct pdf *p, double weight, double gray)
{
	pdf_settle(p);
	if (p->cur.y + weight > p->cur.bottom)
		pdf_new_page(p);
	pdf_anchors_flush(p, p->cur.y);
	cairo_save(p->doc->cr);
	cairo_set_source_rgb(p->doc->cr, gray, gray, gray);
	cairo_rectangle(p->doc->cr, p->cur.x, p->cur.y, p->cur.width, weight);
	cairo_fill(p->doc->cr);
	cairo_restore(p->doc->cr);
	p->cur.y += weight;
	p->cur.page_used = true;
}
