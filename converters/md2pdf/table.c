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

static PangoAlignment pango_align(enum art_align al)
{
	return al == ART_ALIGN_CENTER ? PANGO_ALIGN_CENTER
	     : al == ART_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

/* Lay out and draw a grid of nrows x ncols measured cells; frees them. */
static void render_grid(struct pdf *p, struct cell *cells, bool *is_header, int nrows,
                        int ncols, const enum art_align *aligns)
{
	double pt = p->body_size * 0.9;
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
			pango_layout_set_alignment(lay, pango_align(aligns ? aligns[c] : ART_ALIGN_NONE));
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
	render_grid(p, cells, is_header, nrows, ncols, table->u.table.aligns);
}

/* ---- raw HTML tables (docs converted from DITA carry many) ---- */

struct hcell {
	char *text;
	bool th;
	int colspan, rowspan;
};

static void hcell_free(gpointer data)
{
	struct hcell *c = data;
	g_free(c->text);
	g_free(c);
}

/* Integer attribute name="N" inside the tag [s, e), else 1 (clamped to
 * 16: a hostile colspan must not push the other cells off the grid). */
static int span_attr(const char *s, const char *e, const char *name)
{
	size_t nl = strlen(name);
	for (const char *q = s; q + nl < e; q++) {
		if (g_ascii_strncasecmp(q, name, nl) || g_ascii_isalnum(q[-1]))
			continue;
		const char *v = q + nl;
		while (v < e && (*v == ' ' || *v == '=' || *v == '"' || *v == '\''))
			v++;
		int n = (int)g_ascii_strtoll(v, NULL, 10);
		return CLAMP(n, 1, 16);
	}
	return 1;
}

/* Name of the tag at s ('<' ...), lower case, "/x" for end tags. */
static void tag_name(const char *s, const char *e, char *name, size_t size)
{
	size_t k = 0;
	for (const char *q = s + 1; q < e && k + 1 < size && (g_ascii_isalnum(*q) || *q == '/'); q++)
		name[k++] = g_ascii_tolower(*q);
	name[k] = 0;
}

void pdf_render_html_table(struct pdf *p, const char *html, size_t len, GPtrArray *imgs)
{
	const char *s = html, *end = html + len;
	GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	GPtrArray *row = NULL;
	struct hcell *open = NULL;      /* cell whose content runs from cell_start */
	const char *cell_start = NULL;
	bool in_head = false;
	int depth = 0;                  /* nested tables: their tags are cell text */
	while (s < end) {
		const char *lt = memchr(s, '<', (size_t)(end - s));
		if (!lt)
			break;
		const char *gt = memchr(lt, '>', (size_t)(end - lt));
		if (!gt)
			break;
		char name[12];
		tag_name(lt, gt, name, sizeof name);
		s = gt + 1;
		if (!strcmp(name, "table")) {
			depth++;
			continue;
		}
		if (!strcmp(name, "/table"))
			depth--;
		if (depth > 1)
			continue;
		bool cell = !strcmp(name, "td") || !strcmp(name, "th");
		bool closes = cell || !strcmp(name, "/td") || !strcmp(name, "/th") ||
		              !strcmp(name, "tr") || !strcmp(name, "/tr") || !strcmp(name, "/table");
		if (closes && open) {
			char *inner = g_strndup(cell_start, (gsize)(lt - cell_start));
			open->text = pdf_html_text(inner, imgs);
			g_free(inner);
			open = NULL;
		}
		if (!strcmp(name, "thead"))
			in_head = true;
		else if (!strcmp(name, "/thead"))
			in_head = false;
		if (!strcmp(name, "tr") || (cell && !row)) {
			row = g_ptr_array_new_with_free_func(hcell_free);
			g_ptr_array_add(rows, row);
		}
		if (cell) {
			open = g_new0(struct hcell, 1);
			open->th = name[1] == 'h' || in_head;
			open->colspan = span_attr(lt, gt, "colspan");
			open->rowspan = span_attr(lt, gt, "rowspan");
			g_ptr_array_add(row, open);
			cell_start = gt + 1;
		}
	}
	if (open) {
		char *inner = g_strndup(cell_start, (gsize)(end - cell_start));
		open->text = pdf_html_text(inner, imgs);
		g_free(inner);
	}
	/* place cells on a grid: rowspans hold their column in later rows,
	 * colspans take several columns (text in the first, the rest empty) */
	int nrows = (int)rows->len, ncols = 0;
	GArray *carry = g_array_new(FALSE, TRUE, sizeof(int));
	GPtrArray *grid = g_ptr_array_new();   /* per row: GPtrArray of hcell* or NULL */
	for (int r = 0; r < nrows; r++) {
		GPtrArray *src = rows->pdata[r], *dst = g_ptr_array_new();
		guint k = 0;
		for (int c = 0; k < src->len || c < (int)carry->len; c++) {
			if (c < (int)carry->len && g_array_index(carry, int, c) > 0) {
				g_array_index(carry, int, c)--;
				g_ptr_array_add(dst, NULL);
				continue;
			}
			if (k >= src->len) {
				g_ptr_array_add(dst, NULL);
				continue;
			}
			struct hcell *hc = src->pdata[k++];
			for (int j = 0; j < hc->colspan; j++) {
				g_ptr_array_add(dst, j ? NULL : hc);
				if ((int)carry->len <= c + j)
					g_array_set_size(carry, (guint)(c + j + 1));
				g_array_index(carry, int, c + j) = hc->rowspan - 1;
			}
			c += hc->colspan - 1;
		}
		ncols = MAX(ncols, (int)dst->len);
		g_ptr_array_add(grid, dst);
	}
	ncols = MIN(ncols, 64);
	if (nrows > 0 && ncols > 0) {
		double pt = p->body_size * 0.9;
		struct cell *cells = g_new0(struct cell, (size_t)nrows * ncols);
		bool *is_header = g_new0(bool, nrows);
		for (int r = 0; r < nrows; r++) {
			GPtrArray *g = grid->pdata[r];
			bool all_th = g->len > 0;
			for (guint c = 0; c < g->len; c++)
				if (g->pdata[c] && !((struct hcell *)g->pdata[c])->th)
					all_th = false;
			is_header[r] = all_th && r == 0;
			for (int c = 0; c < ncols; c++) {
				struct hcell *hc = c < (int)g->len ? g->pdata[c] : NULL;
				bool bold = hc && hc->th;
				struct cell *cl = &cells[r * ncols + c];
				cl->lay = pdf_layout_new(p, bold ? PDF_SANS : PDF_SERIF, pt, bold, 0);
				struct pdf_inline in;
				pdf_inline_init(&in);
				pdf_inline_text(&in, hc && hc->text ? hc->text : "");
				pdf_inline_apply(p, &in, cl->lay);
				pdf_inline_clear(&in);
				measure(cl);
			}
		}
		render_grid(p, cells, is_header, nrows, ncols, NULL);
	}
	for (guint r = 0; r < grid->len; r++)
		g_ptr_array_free(grid->pdata[r], TRUE);
	g_ptr_array_free(grid, TRUE);
	g_array_free(carry, TRUE);
	g_ptr_array_unref(rows);
}
