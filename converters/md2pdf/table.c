/* table.c - tables (GFM, and raw HTML that common/html.c turned into
 * table nodes) measured as a grid of cells that may span columns and rows.
 *
 * Cells sit on the model's grid (art_table_grid(): row, column and
 * clipped spans of each cell).  Column widths follow the content: each
 * column gets at least its longest unbreakable word (a Latin word between
 * spaces counts whole, up to WHOLE_WORD_MAX) and the rest of the
 * line width in proportion to what its cells would take unwrapped; a
 * spanning cell widens the columns it covers only by what they lack.  A
 * row is as tall as its tallest single-row cell; a rowspan cell taller
 * than its rows grows the last of them.  Which rows must stay together is
 * settled here too; table_draw.c draws the rows page by page.
 */
#include "table.h"

/* The layout of a cell's content, its pictures set in the lines at most
 * picture_w wide (*pictures: it has some). */
static PangoLayout *
cell_layout(struct pdf *p, const struct art_node *cell, bool header, double pt,
            double picture_w, GPtrArray *images, GArray **links, bool *pictures)
{
	struct pdf_inline in;
	pdf_inline_init(&in);
	in.picture_w = picture_w;
	if (cell)
		pdf_inline_render(p, &in, cell->first_child);
	PangoLayout *lay = pdf_layout_new(p, header ? PDF_SANS : PDF_SERIF, pt, header, 0);
	pdf_inline_apply(p, &in, lay);
	for (guint i = 0; images && i < in.images->len; i++)
		g_ptr_array_add(images, in.images->pdata[i]);
	*pictures = false;
	for (guint i = 0; i < in.icons->len; i++)
		*pictures |= g_array_index(in.icons, struct pdf_icon, i).picture;
	if (in.links->len) {
		if (*links)
			g_array_free(*links, TRUE);
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

/* A Latin word (between spaces, without CJK) up to this wide keeps its
 * column from being narrower: "--group=\"docker\"" or a path breaks
 * after its "-" or "/" only when longer.  (CJK text breaks anywhere.) */
#define WHOLE_WORD_MAX 140.0 /* points */

/* The widest Latin word of the layout no wider than WHOLE_WORD_MAX. */
static double
widest_latin_word(PangoLayout *lay)
{
	const char *text = pango_layout_get_text(lay);
	int best = 0;
	for (GSList *l = pango_layout_get_lines_readonly(lay); l; l = l->next) {
		PangoLayoutLine *line = l->data;
		const char *end = text + line->start_index + line->length;
		for (const char *w = text + line->start_index; w < end;) {
			while (w < end && g_unichar_isspace(g_utf8_get_char(w)))
				w = g_utf8_next_char(w);
			const char *e = w;
			bool cjk = false;
			while (e < end && !g_unichar_isspace(g_utf8_get_char(e))) {
				cjk = cjk || g_unichar_iswide(g_utf8_get_char(e));
				e = g_utf8_next_char(e);
			}
			if (e > w && !cjk) {
				int width =
				    segment_width(line, text, (int)(w - text), (int)(e - text));
				if (width <= (int)(WHOLE_WORD_MAX * PANGO_SCALE))
					best = MAX(best, width);
			}
			w = e;
		}
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
	c->min = MIN(MAX(widest_word(c->lay), widest_latin_word(c->lay)), c->nat);
}

/* Whether a cell laid out unbounded (measure()) already is what width w
 * would make of it: left-aligned, left to right, and no line wider than
 * w, so nothing would wrap or move.  Setting the width anyway makes pango
 * lay the text out again, a tenth of a table-heavy document's time. */
static bool
fits_as_measured(PangoLayout *lay, double w, PangoAlignment al)
{
	if (al != PANGO_ALIGN_LEFT)
		return false;
	for (GSList *l = pango_layout_get_lines_readonly(lay); l; l = l->next) {
		PangoLayoutLine *line = l->data;
		PangoRectangle r;
		pango_layout_line_get_extents(line, NULL, &r);
		if (line->resolved_dir != PANGO_DIRECTION_LTR || r.x != 0 ||
		    r.x + r.width > (int)(w * PANGO_SCALE))
			return false;
	}
	return true;
}

static PangoAlignment
pango_align(enum art_align al)
{
	return al == ART_ALIGN_CENTER  ? PANGO_ALIGN_CENTER
	       : al == ART_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
	                               : PANGO_ALIGN_LEFT;
}

/* A cell for each cell of the model's grid, in document order, and an
 * empty one for each slot no cell covers, so that each slot has a frame.
 * Columns past MAX_COLS are left out. */
static void
place_cells(struct pdf *p, struct pdf_table *g, const struct art_node *table, GPtrArray *images)
{
	double pt = pdf_pt(p, p->run->size.table);
	int ri = 0;
	for (const struct art_node *r = table->first_child; r; r = r->next, ri++)
		g->row_header[ri] = r->u.row.header;
	/* the columns drawn only: a raw HTML table may have a thousand */
	const struct art_node **at = art_table_slots(table, g->ncols);
	for (int r = 0; r < g->nrows; r++)
		for (int col = 0; col < g->ncols; col++) {
			const struct art_node *n = at[(size_t)r * g->ncols + col];
			if (n && (n->u.cell.row != r || n->u.cell.col != col)) {
				/* covered by the cell that starts up or left of it */
				g->slot[r * g->ncols + col] =
				    g->slot[n->u.cell.row * g->ncols + n->u.cell.col];
				continue;
			}
			struct cell c = {
			    .row = r, .col = col, .cs = 1, .rs = 1, .header = g->row_header[r]};
			if (n) {
				c.cs = MIN(n->u.cell.colspan, g->ncols - col);
				c.rs = n->u.cell.rowspan;
				c.header |= n->u.cell.header;
				c.node = n;
				c.lay = cell_layout(p, n, c.header, pt, p->cur.width, images,
				                    &c.links, &c.pictures);
				measure(&c);
			}
			g->slot[r * g->ncols + col] = (int)g->cells->len;
			g_array_append_val(g->cells, c);
		}
	g_free(at);
}

/* Column widths from the content; sets every layout's width. */
static void
column_widths(struct pdf *p, struct pdf_table *g, const enum art_align *aligns)
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
		PangoAlignment al = pango_align(aligns ? aligns[c->col] : ART_ALIGN_NONE);
		if (c->pictures) {
			/* its pictures scaled to the column's width */
			g_object_unref(c->lay);
			c->lay = cell_layout(p, c->node, c->header, pt, cw, NULL, &c->links,
			                     &c->pictures);
		}
		if (!fits_as_measured(c->lay, cw, al)) {
			pango_layout_set_wrap(c->lay, PANGO_WRAP_WORD_CHAR);
			pango_layout_set_width(c->lay, (int)(cw * PANGO_SCALE));
			pango_layout_set_alignment(c->lay, al);
		}
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
row_heights(struct pdf *p, struct pdf_table *g)
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

struct pdf_table *
pdf_table_new(struct pdf *p, const struct art_node *table)
{
	struct pdf_table *g = g_new0(struct pdf_table, 1);
	g->table = table;
	g->ncols = MIN(table->u.table.ncols, MAX_COLS);
	if (table->u.table.ncols > MAX_COLS)
		art_diag(ART_W_TABLE_COLUMNS, p->doc->art ? p->doc->art->display_name : NULL,
		         table->pos, table->u.table.ncols, MAX_COLS);
	g->nrows = table->u.table.nrows;
	g->images = g_ptr_array_new();
	g->cells = g_array_new(FALSE, TRUE, sizeof(struct cell));
	if (g->ncols <= 0 || g->nrows <= 0) {
		g->nrows = g->ncols = 0;
		return g;
	}
	g->slot = g_new(int, (size_t)g->nrows * g->ncols);
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
	int hn = art_table_head_rows(table);
	g->hn = hn;
	g->repeat = hn > 0 && hn < g->nrows && rows_height(g, 0, hn) < page_h / 3;
	/* never the header rows with less than two rows of the body at the
	 * foot of a page: keep the next rows with them */
	int e = 1;
	while (e < g->nrows && g->joined[e])
		e++;
	int f = MIN(MAX(e, hn) + 1, g->nrows);
	for (int more = 0; more < 2; more++) {
		while (f < g->nrows && g->joined[f])
			f++;
		if (more == 0 && f < g->nrows)
			f++;
	}
	/* three rows of body or fewer cannot break two and two: all together */
	if (g->nrows - MAX(e, hn) <= 3)
		f = g->nrows;
	if (rows_height(g, 0, f) <= page_h)
		g->keep = f;
	else
		g->keep = rows_height(g, 0, e) <= page_h ? e : 1;
	return g;
}

void
pdf_table_free(struct pdf_table *g)
{
	if (!g)
		return;
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

const struct art_node *
pdf_table_node(const struct pdf_table *g)
{
	return g->table;
}

double
pdf_table_lead(struct pdf *p, const struct pdf_table *g)
{
	return p->cur.body_size * 0.5 + rows_height(g, 0, g->keep);
}

void
pdf_table_render(struct pdf *p, struct pdf_table *g)
{
	if (g->nrows > 0)
		pdf_table_draw(p, g);
	/* images met in cells: after the table, as blocks */
	for (guint i = 0; i < g->images->len; i++) {
		const struct art_node *img = g->images->pdata[i];
		char *alt = art_node_plain_text(img);
		pdf_render_image(p, img->u.image.res, img->u.image.url, alt, 0, img->pos);
		g_free(alt);
		pdf_space(p, p->cur.body_size * 0.8);
	}
	pdf_table_free(g);
}
