/* table_draw.c - a measured table (table.c) drawn from the cursor on:
 * header cells shaded, text, then the frames; pages break between rows,
 * never inside a rowspan unless its rows are taller than a page, and the
 * header rows are repeated on the new page.  A single row taller than a
 * page breaks between the lines of its cells. */
#include "table.h"

#include <string.h>

/* Draw the lines of lay between layout offsets from and to (points), the
 * layout's top at x, y.  Line by line rather than clipped: clipped lines
 * would still be in the page's text. */
static void
show_lines(cairo_t *cr, PangoLayout *lay, double x, double y, double from, double to)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		if ((double)y0 / PANGO_SCALE < from - 0.01 ||
		    (double)y1 / PANGO_SCALE > to + 0.01)
			continue;
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		cairo_move_to(cr, x + (double)log.x / PANGO_SCALE,
		              y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
		pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
		pdf_emphasis_dots(cr, pango_layout_iter_get_line_readonly(it),
		                  x + (double)log.x / PANGO_SCALE,
		                  y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* One page's part of a row taller than a page: of each column's cell the
 * lines between layout offsets from[col] and to[col], in a frame h high. */
struct slice {
	const double *from, *to;
	double h;
};

/* Draw rows [a, b) with the top of row a at y0: every cell that meets
 * them, framed over the rows it covers here; a cell continued from the
 * page before keeps its frame but not its text.  With a slice, [a, b) is
 * the one row it is part of. */
static void
draw_rows(struct pdf *p, struct pdf_table *g, int a, int b, double y0, const struct slice *sl)
{
	cairo_t *cr = p->doc->cr;
	double *ry = g_new(double, b - a + 1), *cx = g_new(double, g->ncols + 1);
	ry[0] = y0;
	for (int r = a; r < b; r++)
		ry[r - a + 1] = ry[r - a] + (sl ? sl->h : g->h[r]);
	cx[0] = p->cur.x;
	for (int c = 0; c < g->ncols; c++)
		cx[c + 1] = cx[c] + g->w[c] + 2 * PAD_X;
	for (int pass = 0; pass < 3; pass++) {
		if (pass == 2) {
			cairo_save(cr);
			cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
			cairo_set_line_width(cr, 0.5);
		}
		for (int r = a; r < b; r++)
			for (int col = 0; col < g->ncols; col++) {
				struct cell *c = cell_at(g, r, col);
				if (c->col != col || (c->row != r && r != a))
					continue;
				int r0 = MAX(c->row, a), r1 = MIN(c->row + c->rs, b);
				double x = cx[c->col], y = ry[r0 - a];
				double w = cx[c->col + c->cs] - x, h = ry[r1 - a] - y;
				if (pass == 0 && c->header) {
					cairo_save(cr);
					cairo_set_source_rgb(cr, 0.92, 0.93, 0.95);
					cairo_rectangle(cr, x, y, w, h);
					cairo_fill(cr);
					cairo_restore(cr);
				} else if (pass == 1 && c->lay && c->row >= a) {
					cairo_save(cr);
					cairo_rectangle(cr, x, y, w, h);
					cairo_clip(cr);
					cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
					double from = sl ? sl->from[col] : 0,
					       to = sl ? sl->to[col] : G_MAXDOUBLE;
					double top = y + PAD_Y - from;
					if (sl) {
						show_lines(cr, c->lay, x + PAD_X, top, from,
						           to);
					} else {
						cairo_move_to(cr, x + PAD_X, top);
						pango_cairo_show_layout(cr, c->lay);
						pdf_layout_emphasis_dots(cr, c->lay, x + PAD_X,
						                         top);
					}
					cairo_restore(cr);
					pdf_layout_links_between(p, c->lay, c->links, x + PAD_X,
					                         top, from, to);
				} else if (pass == 2) {
					cairo_rectangle(cr, x, y, w, h);
				}
			}
		if (pass == 2) {
			cairo_stroke(cr);
			cairo_restore(cr);
		}
	}
	p->cur.page_used = true;
	g_free(ry);
	g_free(cx);
}

/* A new page for the table, going on at row r: the header rows are
 * repeated when r is below them.  Returns the y where row r goes. */
static double
next_page(struct pdf *p, struct pdf_table *g, int r)
{
	pdf_new_page(p);
	double y = p->cur.top;
	if (g->repeat && r >= g->hn) {
		draw_rows(p, g, 0, g->hn, y, NULL);
		y += rows_height(g, 0, g->hn);
	}
	return y;
}

/* Where the lines of lay that fit in room points below offset from end:
 * the bottom of the last whole line (layout offsets, points).  At least
 * one line goes, so a line taller than a page still moves on. */
static double
lines_end(PangoLayout *lay, double from, double room)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	double end = from;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double bottom = (double)y1 / PANGO_SCALE;
		if (bottom <= from + 0.01)
			continue; /* on an earlier page */
		if (bottom - from > room && end > from)
			break;
		end = bottom;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return end;
}

/* Draw row r, taller than a page, from y on: each page shows the next
 * whole lines of every cell, framed to the foot of the page, and the
 * header rows are repeated.  Returns the y below the row. */
static double
draw_tall_row(struct pdf *p, struct pdf_table *g, int r, double y)
{
	int n = g->ncols;
	double *from = g_new0(double, n), *to = g_new0(double, n);
	for (;;) {
		double room = p->cur.bottom - y - 2 * PAD_Y, slice = 0;
		bool more = false;
		for (int col = 0; col < n; col++) {
			struct cell *c = cell_at(g, r, col);
			to[col] = from[col];
			if (c->col != col || c->row != r || !c->lay)
				continue;
			if (from[col] < pdf_layout_height(c->lay) - 0.01)
				to[col] = lines_end(c->lay, from[col], room);
			slice = MAX(slice, to[col] - from[col]);
			more |= to[col] < pdf_layout_height(c->lay) - 0.01;
		}
		struct slice sl = {from, to, more ? p->cur.bottom - y : slice + 2 * PAD_Y};
		draw_rows(p, g, r, r + 1, y, &sl);
		memcpy(from, to, sizeof *from * (size_t)n);
		y += sl.h;
		if (!more)
			break;
		y = next_page(p, g, r);
	}
	g_free(from);
	g_free(to);
	return y;
}

/* Draw the grid, page by page.  A page may break before row r only when
 * no rowspan crosses from r - 1 into r (joined[r] == 0). */
void
pdf_table_draw(struct pdf *p, struct pdf_table *g)
{
	int nrows = g->nrows, hn = g->hn, keep = g->keep;
	const int *joined = g->joined;
	bool repeat = g->repeat;
	double page_h = p->cur.bottom - p->cur.top, hh = rows_height(g, 0, hn);
	pdf_space(p, p->cur.body_size * 0.5);
	int r = 0, seg = 0;
	double y = 0, segy = 0;
	bool started = false;
	while (r < nrows) {
		int e = r + 1;
		while (e < nrows && joined[e])
			e++;
		if (rows_height(g, r, e) > page_h)
			e = r + 1; /* spans taller than a page: break row by row */
		if (g->h[r] > page_h - (repeat && r >= hn ? hh : 0)) {
			/* a row no page can hold: it goes on line by line */
			if (!started) {
				if (p->cur.page_used)
					p->cur.y += p->cur.pending_space;
				p->cur.pending_space = 0;
				y = p->cur.y;
				pdf_anchors_flush(p, y);
				started = true;
			} else if (r > seg) {
				draw_rows(p, g, seg, r, segy, NULL);
			}
			if (p->cur.bottom - y < 3 * p->cur.body_size + 2 * PAD_Y)
				y = next_page(p, g, r);
			y = draw_tall_row(p, g, r, y);
			r = seg = r + 1;
			segy = y;
			continue;
		}
		double need = rows_height(g, r, e);
		if (r == 0)
			need = rows_height(g, 0, keep);
		/* the last row never alone on a page: the one before goes with it */
		int last = e + 1;
		while (last < nrows && joined[last])
			last++;
		if (e < nrows && last == nrows && r >= keep &&
		    rows_height(g, r, nrows) <= page_h / 2)
			need = rows_height(g, r, nrows);
		if (!started) {
			if (p->cur.page_used && pdf_room(p) < need)
				pdf_new_page(p);
			if (p->cur.page_used)
				p->cur.y += p->cur.pending_space;
			p->cur.pending_space = 0;
			y = segy = p->cur.y;
			pdf_anchors_flush(p, y);
			started = true;
		} else if (y + need > p->cur.bottom && r > seg && r >= keep) {
			draw_rows(p, g, seg, r, segy, NULL);
			y = next_page(p, g, r);
			seg = r;
			segy = y;
		}
		y += rows_height(g, r, e);
		r = e;
	}
	draw_rows(p, g, seg, nrows, segy, NULL);
	p->cur.y = y;
	pdf_space(p, p->cur.body_size * 0.8);
}
