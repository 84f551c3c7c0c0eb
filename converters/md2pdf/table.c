/* table.c - GFM tables as a simple grid.
 *
 * Column widths follow the content: each column gets at least its longest
 * unbreakable word and the rest of the line width in proportion to what its
 * cells would take unwrapped.  Rows never split; a row that does not fit
 * starts a new page, where the header row is repeated.
 */
#include "pdf.h"

#include <string.h>

#define PAD_X 4.0
#define PAD_Y 3.0

struct cell {
	PangoLayout *lay;
	double nat, min;        /* points */
};

static PangoLayout *cell_layout(struct pdf *p, const struct art_node *cell, bool header,
                                double pt)
{
	struct pdf_inline in;
	pdf_inline_init(&in);
	if (cell)
		pdf_inline_render(p, &in, cell->first_child);
	PangoLayout *lay = pdf_layout_new(p, header ? PDF_SANS : PDF_SERIF, pt, header, 0);
	pdf_inline_apply(p, &in, lay);
	pdf_inline_clear(&in);
	return lay;
}

/* Width of bytes [a, b) of one line, trailing spaces left out (pango units). */
static int segment_width(PangoLayoutLine *line, const char *text, int a, int b)
{
	while (b > a && text[b - 1] == ' ')
		b--;
	if (b <= a)
		return 0;
	int *r = NULL, n = 0, lo = G_MAXINT, hi = G_MININT;
	pango_layout_line_get_x_ranges(line, a, b, &r, &n);
	for (int i = 0; i < n; i++) {
		lo = MIN(lo, r[2 * i]);
		hi = MAX(hi, r[2 * i + 1]);
	}
	g_free(r);
	return n > 0 ? hi - lo : 0;
}

/* The widest piece between two line-break opportunities: narrower than
 * that, a word must be cut.  (Measuring the layout at width 1 does not
 * tell: pango then breaks inside words too.) */
static double widest_word(PangoLayout *lay)
{
	const char *text = pango_layout_get_text(lay);
	int nattr;
	const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(lay, &nattr);
	int best = 0;
	for (GSList *l = pango_layout_get_lines_readonly(lay); l; l = l->next) {
		PangoLayoutLine *line = l->data;
		int end = line->start_index + line->length;
		int ci = (int)g_utf8_pointer_to_offset(text, text + line->start_index);
		int seg = line->start_index;
		for (const char *q = text + line->start_index; q < text + end;
		     q = g_utf8_next_char(q), ci++) {
			int b = (int)(q - text);
			if (b > seg && ci < nattr && la[ci].is_line_break) {
				best = MAX(best, segment_width(line, text, seg, b));
				seg = b;
			}
		}
		best = MAX(best, segment_width(line, text, seg, end));
	}
	return (double)best / PANGO_SCALE;
}

static void measure(struct cell *c)
{
	PangoRectangle r;
	pango_layout_set_width(c->lay, -1);
	pango_layout_get_extents(c->lay, NULL, &r);
	c->nat = (double)r.width / PANGO_SCALE;
	c->min = MIN(widest_word(c->lay), c->nat);
}

static double row_height(struct cell *row, int ncols)
{
	double h = 0;
	for (int c = 0; c < ncols; c++) {
		int lh;
		pango_layout_get_size(row[c].lay, NULL, &lh);
		h = MAX(h, (double)lh / PANGO_SCALE);
	}
	return h + 2 * PAD_Y;
}

static void draw_row(struct pdf *p, struct cell *row, int ncols, const double *w,
                     bool header, double h)
{
	cairo_t *cr = p->cr;
	double total = 0;
	for (int c = 0; c < ncols; c++)
		total += w[c] + 2 * PAD_X;
	if (header) {
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.92, 0.93, 0.95);
		cairo_rectangle(cr, p->x, p->y, total, h);
		cairo_fill(cr);
		cairo_restore(cr);
	}
	double x = p->x;
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	for (int c = 0; c < ncols; c++) {
		cairo_move_to(cr, x + PAD_X, p->y + PAD_Y);
		pango_cairo_show_layout(cr, row[c].lay);
		x += w[c] + 2 * PAD_X;
	}
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, p->x, p->y, total, h);
	x = p->x;
	for (int c = 0; c + 1 < ncols; c++) {
		x += w[c] + 2 * PAD_X;
		cairo_move_to(cr, x, p->y);
		cairo_line_to(cr, x, p->y + h);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
	p->y += h;
	p->page_used = true;
}

void pdf_render_table(struct pdf *p, const struct art_node *table)
{
	int ncols = table->u.table.ncols;
	int nrows = 0;
	for (const struct art_node *r = table->first_child; r; r = r->next)
		nrows++;
	if (ncols <= 0 || nrows == 0)
		return;
	double pt = p->body_size * 0.9;
	struct cell *cells = g_new0(struct cell, (size_t)nrows * ncols);
	bool *is_header = g_new0(bool, nrows);
	int ri = 0;
	for (const struct art_node *r = table->first_child; r; r = r->next, ri++) {
		is_header[ri] = r->type == ART_TABLE_ROW && r->u.row.header;
		const struct art_node *c = r->first_child;
		for (int ci = 0; ci < ncols; ci++) {
			struct cell *cl = &cells[ri * ncols + ci];
			cl->lay = cell_layout(p, c, is_header[ri], pt);
			measure(cl);
			if (c)
				c = c->next;
		}
	}
	double *nat = g_new0(double, ncols), *min = g_new0(double, ncols);
	double *w = g_new0(double, ncols);
	double snat = 0, smin = 0;
	for (int c = 0; c < ncols; c++) {
		for (int r = 0; r < nrows; r++) {
			nat[c] = MAX(nat[c], cells[r * ncols + c].nat);
			min[c] = MAX(min[c], cells[r * ncols + c].min);
		}
		nat[c] = MAX(nat[c], 6);
		min[c] = MAX(min[c], 6);
		snat += nat[c];
		smin += min[c];
	}
	double avail = p->width - ncols * 2 * PAD_X;
	if (avail < ncols * 12)
		avail = ncols * 12;
	/* Words too wide for the table together: cut only the widest ones,
	 * down to the one cap x with sum(min(min[c], x)) = avail. */
	if (smin > avail) {
		double lo = 0, hi = 0;
		for (int c = 0; c < ncols; c++)
			hi = MAX(hi, min[c]);
		for (int it = 0; it < 40; it++) {
			double x = (lo + hi) / 2, sum = 0;
			for (int c = 0; c < ncols; c++)
				sum += MIN(min[c], x);
			if (sum > avail)
				hi = x;
			else
				lo = x;
		}
		smin = 0;
		for (int c = 0; c < ncols; c++) {
			min[c] = MIN(min[c], lo);
			smin += min[c];
		}
		snat = MAX(snat, smin);
	}
	/* CJK text may break after any character, so its minimum is one
	 * character: a short column next to a long one would shrink to a
	 * vertical strip of single characters.  Keep up to 6 em of each
	 * column's natural width unbroken when that fits. */
	double smin2 = 0;
	for (int c = 0; c < ncols; c++)
		smin2 += MAX(min[c], MIN(nat[c], 6 * pt));
	if (smin2 < avail) {
		smin = smin2;
		for (int c = 0; c < ncols; c++)
			min[c] = MAX(min[c], MIN(nat[c], 6 * pt));
	}
	for (int c = 0; c < ncols; c++) {
		if (snat <= avail)
			w[c] = nat[c] + (avail - snat) * nat[c] / snat;
		else if (smin < avail && snat > smin)
			w[c] = min[c] + (avail - smin) * (nat[c] - min[c]) / (snat - smin);
		else
			w[c] = avail * min[c] / smin;
	}
	for (int r = 0; r < nrows; r++)
		for (int c = 0; c < ncols; c++) {
			PangoLayout *lay = cells[r * ncols + c].lay;
			pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
			pango_layout_set_width(lay, (int)(w[c] * PANGO_SCALE));
			enum art_align al = table->u.table.aligns ? table->u.table.aligns[c] : ART_ALIGN_NONE;
			pango_layout_set_alignment(lay, al == ART_ALIGN_CENTER ? PANGO_ALIGN_CENTER
			                               : al == ART_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
			                                                       : PANGO_ALIGN_LEFT);
		}
	pdf_space(p, p->body_size * 0.5);
	int header = is_header[0] ? 0 : -1;
	for (int r = 0; r < nrows; r++) {
		struct cell *row = &cells[r * ncols];
		double h = row_height(row, ncols);
		double need = h;
		if (r == header && r + 1 < nrows)
			need += row_height(&cells[(r + 1) * ncols], ncols);
		if (p->page_used && pdf_room(p) < need) {
			pdf_new_page(p);
			if (header >= 0 && r != header)
				draw_row(p, &cells[header * ncols], ncols, w, true,
				         row_height(&cells[header * ncols], ncols));
		}
		if (p->page_used)
			p->y += p->pending_space;
		p->pending_space = 0;
		draw_row(p, row, ncols, w, is_header[r], h);
	}
	pdf_space(p, p->body_size * 0.8);
	for (int i = 0; i < nrows * ncols; i++)
		g_object_unref(cells[i].lay);
	g_free(cells);
	g_free(is_header);
	g_free(nat);
	g_free(min);
	g_free(w);
}
