/* table.c - tables (GFM, and raw HTML that common/html.c turned into
 * table nodes) as a grid of cells that may span columns and rows.
 *
 * Cells are placed on an nrows x ncols grid the way HTML does it: a cell
 * takes the next column no rowspan from above covers, and covers colspan
 * columns and rowspan rows.  Column widths follow the content: each column
 * gets at least its longest unbreakable word and the rest of the line width
 * in proportion to what its cells would take unwrapped; a spanning cell
 * widens the columns it covers only by what they lack.  A row is as tall as
 * its tallest single-row cell; a rowspan cell taller than its rows grows
 * the last of them.  Pages break between rows, never inside a rowspan
 * (unless the rows it covers are taller than a page), and the header rows
 * are repeated on the new page.  A single row taller than a page breaks
 * between the lines of its cells.
 */
#include "pdf.h"

#include <string.h>

#define PAD_X 4.0
#define PAD_Y 3.0
/* wider tables lose their rightmost cells: 64 columns are already less
 * than 4 mm each on A4 */
#define MAX_COLS 64

struct cell {
	int row, col, cs, rs;
	bool header;
	PangoLayout *lay; /* NULL: a slot no cell fills */
	GArray *links;    /* struct pdf_link, or NULL */
	double nat, min;  /* points */
	double h;         /* text height + padding, points */
};

struct grid {
	int nrows, ncols;
	GArray *cells; /* struct cell */
	int *slot;     /* [r * ncols + c]: index into cells */
	bool *row_header;
	double *w;         /* text width of each column */
	double *h;         /* height of each row */
	int *joined;       /* [r] > 0: a rowspan crosses into row r */
	int hn;            /* leading header rows */
	bool repeat;       /* repeat them on each new page */
	int keep;          /* rows [0, keep) go on one page */
	GPtrArray *images; /* ART_IMAGE nodes met in cells */
	const struct art_node *table;
};

static PangoLayout *
cell_layout(struct pdf *p, const struct art_node *cell, bool header, double pt,
            GPtrArray *images, GArray **links)
{
	struct pdf_inline in;
	pdf_inline_init(&in);
	if (cell)
		pdf_inline_render(p, &in, cell->first_child);
	PangoLayout *lay = pdf_layout_new(p, header ? PDF_SANS : PDF_SERIF, pt, header, 0);
	pdf_inline_apply(p, &in, lay);
	for (guint i = 0; i < in.images->len; i++)
		g_ptr_array_add(images, in.images->pdata[i]);
	if (in.links->len) {
		*links = in.links;
		in.links = NULL;
	}
	pdf_inline_clear(&in);
	return lay;
}

/* Width of bytes [a, b) of one line, trailing spaces left out (pango units). */
static int
segment_width(PangoLayoutLine *line, const char *text, int a, int b)
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
static double
widest_word(PangoLayout *lay)
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

static void
measure(struct cell *c)
{
	PangoRectangle r;
	pango_layout_set_width(c->lay, -1);
	pango_layout_get_extents(c->lay, NULL, &r);
	c->nat = (double)r.width / PANGO_SCALE;
	c->min = MIN(widest_word(c->lay), c->nat);
}

static PangoAlignment
pango_align(enum art_align al)
{
	return al == ART_ALIGN_CENTER  ? PANGO_ALIGN_CENTER
	       : al == ART_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
	                               : PANGO_ALIGN_LEFT;
}

static struct cell *
cell_at(struct grid *g, int r, int c)
{
	return &g_array_index(g->cells, struct cell, g->slot[r * g->ncols + c]);
}

/* Put every cell of the table on the grid; slots no cell covers get an
 * empty cell of their own so that each slot has a frame. */
static void
place_cells(struct pdf *p, struct grid *g, const struct art_node *table, GPtrArray *images)
{
	double pt = pdf_pt(p, p->run->size.table);
	int ri = 0;
	for (const struct art_node *r = table->first_child; r && ri < g->nrows;
	     r = r->next, ri++) {
		bool rh = r->type == ART_TABLE_ROW && r->u.row.header;
		g->row_header[ri] = rh;
		int col = 0;
		for (const struct art_node *n = r->first_child; n; n = n->next) {
			while (col < g->ncols && g->slot[ri * g->ncols + col] >= 0)
				col++;
			if (col >= g->ncols)
				break;
			struct cell c = {.row = ri, .col = col, .cs = 1, .rs = 1, .header = rh};
			if (n->type == ART_TABLE_CELL) {
				c.cs = MAX(n->u.cell.colspan, 1);
				c.rs = MAX(n->u.cell.rowspan, 1);
				c.header |= n->u.cell.header;
			}
			c.cs = MIN(c.cs, g->ncols - col);
			c.rs = MIN(c.rs, g->nrows - ri);
			/* overlapping spans (a rowspan from above further right):
			 * stop short of the covered slot */
			for (int k = 1; k < c.cs; k++)
				if (g->slot[ri * g->ncols + col + k] >= 0) {
					c.cs = k;
					break;
				}
			c.lay = cell_layout(p, n, c.header, pt, images, &c.links);
			measure(&c);
			int idx = (int)g->cells->len;
			g_array_append_val(g->cells, c);
			for (int rr = ri; rr < ri + c.rs; rr++)
				for (int k = col; k < col + c.cs; k++)
					g->slot[rr * g->ncols + k] = idx;
			col += c.cs;
		}
	}
	for (int r = 0; r < g->nrows; r++)
		for (int c = 0; c < g->ncols; c++)
			if (g->slot[r * g->ncols + c] < 0) {
				struct cell e = {.row = r,
				                 .col = c,
				                 .cs = 1,
				                 .rs = 1,
				                 .header = g->row_header[r]};
				g->slot[r * g->ncols + c] = (int)g->cells->len;
				g_array_append_val(g->cells, e);
			}
}

/* Column widths from the content; sets every layout's width. */
static void
column_widths(struct pdf *p, struct grid *g, const enum art_align *aligns)
{
	int ncols = g->ncols;
	double pt = pdf_pt(p, p->run->size.table);
	double *nat = g_new0(double, ncols), *min = g_new0(double, ncols);
	double *w = g->w;
	for (int pass = 0; pass < 2; pass++) {
		/* single cells first; then a spanning cell adds what its
		 * columns lack, shared evenly */
		for (guint i = 0; i < g->cells->len; i++) {
			struct cell *c = &g_array_index(g->cells, struct cell, i);
			if (!c->lay || (c->cs > 1) != (pass == 1))
				continue;
			double hn = 2 * PAD_X * (c->cs - 1), hm = hn;
			for (int k = c->col; k < c->col + c->cs; k++) {
				hn += nat[k];
				hm += min[k];
			}
			for (int k = c->col; k < c->col + c->cs; k++) {
				if (c->nat > hn)
					nat[k] += (c->nat - hn) / c->cs;
				if (c->min > hm)
					min[k] += (c->min - hm) / c->cs;
			}
		}
		if (pass == 0)
			for (int c = 0; c < ncols; c++) {
				nat[c] = MAX(nat[c], 6);
				min[c] = MAX(min[c], 6);
			}
	}
	double snat = 0, smin = 0;
	for (int c = 0; c < ncols; c++) {
		min[c] = MIN(min[c], nat[c]);
		snat += nat[c];
		smin += min[c];
	}
	double avail = p->cur.width - ncols * 2 * PAD_X;
	if (avail < ncols * 12)
		avail = ncols * 12;
	/* CJK text may break after any character, so its minimum is one
	 * character: a short column next to a long one would shrink to a
	 * vertical strip of single characters.  Keep up to 6 em of each
	 * column's natural width unbroken. */
	smin = 0;
	for (int c = 0; c < ncols; c++) {
		min[c] = MAX(min[c], MIN(nat[c], 6 * pt));
		smin += min[c];
	}
	/* Too wide for the table together: cut only the widest minimums,
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
	}
	snat = MAX(snat, smin);
	for (int c = 0; c < ncols; c++) {
		if (snat <= avail)
			w[c] = nat[c] + (avail - snat) * nat[c] / snat;
		else if (smin < avail && snat > smin)
			w[c] = min[c] + (avail - smin) * (nat[c] - min[c]) / (snat - smin);
		else
			w[c] = avail * min[c] / smin;
	}
	for (guint i = 0; i < g->cells->len; i++) {
		struct cell *c = &g_array_index(g->cells, struct cell, i);
		if (!c->lay)
			continue;
		double cw = 2 * PAD_X * (c->cs - 1);
		for (int k = c->col; k < c->col + c->cs; k++)
			cw += w[k];
		pango_layout_set_wrap(c->lay, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_width(c->lay, (int)(cw * PANGO_SCALE));
		pango_layout_set_alignment(
		    c->lay, pango_align(aligns ? aligns[c->col] : ART_ALIGN_NONE));
		int lh;
		pango_layout_get_size(c->lay, NULL, &lh);
		c->h = (double)lh / PANGO_SCALE + 2 * PAD_Y;
	}
	g_free(nat);
	g_free(min);
}

static int
by_rowspan(gconstpointer a, gconstpointer b)
{
	const struct cell *x = *(struct cell *const *)a, *y = *(struct cell *const *)b;
	return (x->rs > y->rs) - (x->rs < y->rs);
}

/* Row heights: the tallest single-row cell (at least one line); then each
 * rowspan cell, shortest span first, grows its last row by what the rows
 * it covers lack. */
static void
row_heights(struct pdf *p, struct grid *g)
{
	double line = pdf_pt(p, p->run->size.table) * 1.3 + 2 * PAD_Y;
	GPtrArray *spans = g_ptr_array_new();
	for (int r = 0; r < g->nrows; r++)
		g->h[r] = line;
	for (guint i = 0; i < g->cells->len; i++) {
		struct cell *c = &g_array_index(g->cells, struct cell, i);
		if (c->rs == 1)
			g->h[c->row] = MAX(g->h[c->row], c->h);
		else
			g_ptr_array_add(spans, c);
	}
	g_ptr_array_sort(spans, by_rowspan);
	for (guint i = 0; i < spans->len; i++) {
		struct cell *c = spans->pdata[i];
		double have = 0;
		for (int r = c->row; r < c->row + c->rs; r++)
			have += g->h[r];
		if (c->h > have)
			g->h[c->row + c->rs - 1] += c->h - have;
	}
	g_ptr_array_free(spans, TRUE);
}

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
draw_rows(struct pdf *p, struct grid *g, int a, int b, double y0, const struct slice *sl)
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

/* Sum of the heights of rows [a, b). */
static double
rows_height(const struct grid *g, int a, int b)
{
	double s = 0;
	for (int r = a; r < b; r++)
		s += g->h[r];
	return s;
}

/* A new page for the table, going on at row r: the header rows are
 * repeated when r is below them.  Returns the y where row r goes. */
static double
next_page(struct pdf *p, struct grid *g, int r)
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

static double
layout_height(PangoLayout *lay)
{
	int h;
	pango_layout_get_size(lay, NULL, &h);
	return (double)h / PANGO_SCALE;
}

/* Draw row r, taller than a page, from y on: each page shows the next
 * whole lines of every cell, framed to the foot of the page, and the
 * header rows are repeated.  Returns the y below the row. */
static double
draw_tall_row(struct pdf *p, struct grid *g, int r, double y)
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
			if (from[col] < layout_height(c->lay) - 0.01)
				to[col] = lines_end(c->lay, from[col], room);
			slice = MAX(slice, to[col] - from[col]);
			more |= to[col] < layout_height(c->lay) - 0.01;
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
static void
draw_grid(struct pdf *p, struct grid *g)
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

static struct grid *
grid_new(struct pdf *p, const struct art_node *table)
{
	struct grid *g = g_new0(struct grid, 1);
	g->table = table;
	g->ncols = MIN(table->u.table.ncols, MAX_COLS);
	for (const struct art_node *r = table->first_child; r; r = r->next)
		g->nrows++;
	g->images = g_ptr_array_new();
	g->cells = g_array_new(FALSE, TRUE, sizeof(struct cell));
	if (g->ncols <= 0 || g->nrows == 0) {
		g->nrows = g->ncols = 0;
		return g;
	}
	g->slot = g_new(int, (size_t)g->nrows * g->ncols);
	memset(g->slot, 0xff, sizeof *g->slot * (size_t)g->nrows * g->ncols);
	g->row_header = g_new0(bool, g->nrows);
	g->w = g_new0(double, g->ncols);
	g->h = g_new0(double, g->nrows);
	place_cells(p, g, table, g->images);
	column_widths(p, g, table->u.table.aligns);
	row_heights(p, g);
	g->joined = g_new0(int, g->nrows + 1);
	for (guint i = 0; i < g->cells->len; i++) {
		struct cell *c = &g_array_index(g->cells, struct cell, i);
		if (c->rs > 1) {
			g->joined[c->row + 1]++;
			g->joined[c->row + c->rs]--;
		}
	}
	for (int r = 1; r <= g->nrows; r++)
		g->joined[r] += g->joined[r - 1];
	g->joined[g->nrows] = 0;
	/* header rows to repeat: the leading header rows, cut where no span
	 * crosses, when they are not the whole table nor a third of a page */
	double page_h = p->cur.bottom - p->cur.top;
	int hn = 0;
	while (hn < g->nrows && g->row_header[hn])
		hn++;
	while (hn > 0 && g->joined[hn])
		hn--;
	g->hn = hn;
	g->repeat = hn > 0 && hn < g->nrows && rows_height(g, 0, hn) < page_h / 3;
	/* never the header rows (or the first row) alone at the foot of a
	 * page: keep the next rows with them */
	int e = 1;
	while (e < g->nrows && g->joined[e])
		e++;
	int f = MIN(MAX(e, hn) + 1, g->nrows);
	while (f < g->nrows && g->joined[f])
		f++;
	if (rows_height(g, 0, f) <= page_h)
		g->keep = f;
	else
		g->keep = rows_height(g, 0, e) <= page_h ? e : 1;
	return g;
}

static void
grid_free(struct grid *g)
{
	for (guint i = 0; i < g->cells->len; i++) {
		struct cell *c = &g_array_index(g->cells, struct cell, i);
		if (c->lay)
			g_object_unref(c->lay);
		pdf_links_free(c->links);
	}
	g_array_free(g->cells, TRUE);
	g_ptr_array_free(g->images, TRUE);
	g_free(g->slot);
	g_free(g->row_header);
	g_free(g->w);
	g_free(g->h);
	g_free(g->joined);
	g_free(g);
}

/* The grid pdf_table_lead() measured, waiting for pdf_render_table(). */
static struct grid *measured;

double
pdf_table_lead(struct pdf *p, const struct art_node *table)
{
	if (measured && measured->table != table) {
		grid_free(measured);
		measured = NULL;
	}
	if (!measured)
		measured = grid_new(p, table);
	return p->cur.body_size * 0.5 + rows_height(measured, 0, measured->keep);
}

void
pdf_render_table(struct pdf *p, const struct art_node *table)
{
	struct grid *g = measured && measured->table == table ? measured : grid_new(p, table);
	if (g == measured)
		measured = NULL;
	if (g->nrows > 0)
		draw_grid(p, g);
	/* images met in cells: after the table, as blocks */
	for (guint i = 0; i < g->images->len; i++) {
		const struct art_node *img = g->images->pdata[i];
		char *alt = art_node_plain_text(img);
		pdf_render_image(p, img->u.image.res, img->u.image.url, alt, 0);
		g_free(alt);
		pdf_space(p, p->cur.body_size * 0.8);
	}
	grid_free(g);
}
