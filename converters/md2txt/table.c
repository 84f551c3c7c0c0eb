/* table.c - tables as plain text: columns aligned by display width when
 * they fit, else one record per row.  Cells of raw HTML tables may span:
 * a colspan cell is padded across its columns, and the columns a rowspan
 * cell covers in later rows are empty there. */
#include <string.h>

#include "txt.h"

/* Cells are laid out on a grid: each row has ncols slots; a slot holds the
 * cell's text, "" under a rowspan, or NULL when a colspan to its left
 * covers it.  span[r][i] is the number of columns slot i covers, -1 for
 * a slot under a rowspan from above. */
struct grid {
	GPtrArray *rows;  /* GPtrArray * of char * (ncols each) */
	GPtrArray *spans; /* int * (ncols each) */
};

static void
pad_cell(GString *s, const char *text, int width, enum art_align align)
{
	int gap = width - art_str_width(text, -1);
	int left = align == ART_ALIGN_RIGHT ? gap : align == ART_ALIGN_CENTER ? gap / 2 : 0;
	g_string_append_printf(s, "%*s%s%*s", left, "", text, gap - left, "");
}

static int
span_of(int v)
{
	return v < 1 ? 1 : v;
}

/* Table cells as one line of text each, placed on the grid.  ncols grows
 * to the widest row (raw HTML rows may be ragged). */
static struct grid
table_grid(struct txt *t, const struct art_node *n, int *ncols)
{
	struct grid g = {g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref),
	                 g_ptr_array_new_with_free_func(g_free)};
	for (const struct art_node *row = n->first_child; row; row = row->next) {
		int w = 0;
		for (const struct art_node *c = row->first_child; c; c = c->next)
			w += c->type == ART_TABLE_CELL ? span_of(c->u.cell.colspan) : 1;
		if (w > *ncols)
			*ncols = w;
	}
	int *below = g_new0(int, *ncols + 1); /* rows a rowspan still covers */
	for (const struct art_node *row = n->first_child; row; row = row->next) {
		GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
		int *span = g_new0(int, *ncols + 1);
		const struct art_node *c = row->first_child;
		for (int i = 0; i < *ncols;) {
			if (below[i] > 0 || !c) {
				g_ptr_array_add(cells, g_strdup(""));
				span[i] = below[i] > 0 ? -1 : 1; /* -1: under a rowspan */
				i++;
				continue;
			}
			int cs = c->type == ART_TABLE_CELL ? span_of(c->u.cell.colspan) : 1;
			int rs = c->type == ART_TABLE_CELL ? span_of(c->u.cell.rowspan) : 1;
			for (int k = i + 1; k < i + cs && k < *ncols; k++)
				if (below[k] > 0)
					cs = k - i; /* overlapping spans: stop short */
			if (i + cs > *ncols)
				cs = *ncols - i;
			char *text = txt_inline_text(t, c);
			g_strdelimit(text, "\n\t", ' ');
			g_ptr_array_add(cells, g_strdup(g_strstrip(text)));
			g_free(text);
			span[i] = cs;
			for (int k = 0; k < cs; k++) {
				below[i + k] = rs;
				if (k > 0)
					g_ptr_array_add(cells, NULL);
			}
			i += cs;
			c = c->next;
		}
		for (int i = 0; i < *ncols; i++)
			if (below[i] > 0)
				below[i]--;
		g_ptr_array_add(g.rows, cells);
		g_ptr_array_add(g.spans, span);
	}
	g_free(below);
	return g;
}

static const char *
cell_at(GPtrArray *cells, int i)
{
	const char *s = i < (int)cells->len ? g_ptr_array_index(cells, i) : "";
	return s ? s : "";
}

/* Display width of slots i..i+span-1 with the gaps between them. */
static int
span_width(const int *widths, int i, int span)
{
	int w = 0;
	for (int k = i; k < i + span; k++)
		w += (widths[k] > 0 ? widths[k] : 1) + (k > i ? 2 : 0);
	return w;
}

/* Aligned columns when they fit the width; otherwise one "header: value"
 * record per row, which reads better than a table that wraps. */
void
txt_render_table(struct txt *t, const struct art_node *n, const char *first, const char *rest)
{
	int ncols = n->u.table.ncols;
	struct grid g = table_grid(t, n, &ncols);
	GPtrArray *rows = g.rows;
	int *widths = g_new0(int, ncols + 1);
	for (int pass = 0; pass < 2; pass++) {
		/* single cells first; then spanning cells widen their last column */
		for (guint r = 0; r < rows->len; r++) {
			GPtrArray *cells = g_ptr_array_index(rows, r);
			const int *span = g_ptr_array_index(g.spans, r);
			for (int i = 0; i < (int)cells->len; i++) {
				if (!g_ptr_array_index(cells, i) || span[i] < 1 ||
				    (span[i] > 1) != (pass == 1))
					continue;
				int w = art_str_width(g_ptr_array_index(cells, i), -1);
				int have = 2 * (span[i] - 1);
				for (int k = i; k < i + span[i]; k++)
					have += widths[k];
				if (w > have)
					widths[i + span[i] - 1] += w - have;
			}
		}
	}
	int total = art_str_width(rest, -1);
	for (int i = 0; i < ncols; i++)
		total += (widths[i] > 0 ? widths[i] : 1) + (i > 0 ? 2 : 0);
	GString *s = g_string_new(NULL);
	const struct art_node *row = n->first_child;
	if (t->width == 0 || total <= t->width) {
		for (guint r = 0; r < rows->len; r++, row = row->next) {
			GPtrArray *cells = g_ptr_array_index(rows, r);
			const int *span = g_ptr_array_index(g.spans, r);
			GString *line = g_string_new(NULL);
			for (int i = 0; i<ncols; i += span[i]> 0 ? span[i] : 1) {
				enum art_align a = i < n->u.table.ncols && n->u.table.aligns
				                       ? n->u.table.aligns[i]
				                       : ART_ALIGN_NONE;
				if (i > 0)
					g_string_append(line, "  ");
				pad_cell(line, cell_at(cells, i),
				         span_width(widths, i, span[i] > 0 ? span[i] : 1), a);
			}
			while (line->len > 0 && line->str[line->len - 1] == ' ')
				g_string_truncate(line, line->len - 1);
			g_string_append_printf(s, "%s%s\n", r == 0 ? first : rest, line->str);
			if (row->type == ART_TABLE_ROW && row->u.row.header) {
				g_string_append(s, rest);
				for (int i = 0; i < ncols; i++) {
					char *dash = g_strnfill(
					    (gsize)(widths[i] > 0 ? widths[i] : 1), '-');
					g_string_append_printf(s, "%s%s", i > 0 ? "  " : "",
					                       dash);
					g_free(dash);
				}
				g_string_append_c(s, '\n');
			}
			g_string_free(line, TRUE);
		}
		txt_put(t, s);
	} else {
		GPtrArray *head = NULL;
		if (row && row->type == ART_TABLE_ROW && row->u.row.header)
			head = g_ptr_array_index(rows, 0);
		/* the first field heads the record, the others are indented under it */
		char *field = g_strconcat(rest, "  ", NULL);
		char *hang = g_strconcat(rest, "    ", NULL);
		for (guint r = head ? 1 : 0; r < rows->len; r++) {
			GPtrArray *cells = g_ptr_array_index(rows, r);
			const int *span = g_ptr_array_index(g.spans, r);
			if (s->len > 0)
				txt_blank_line(s, rest);
			bool started = false;
			for (int i = 0; i < ncols; i++) {
				/* covered by a span: nothing of its own to say */
				if (i < (int)cells->len &&
				    (!g_ptr_array_index(cells, i) || span[i] < 1))
					continue;
				const char *h = head ? cell_at(head, i) : "";
				char *text =
				    *h ? g_strdup_printf("%s: %s", h, cell_at(cells, i))
				       : g_strdup(cell_at(cells, i));
				txt_wrap(s, text, t->width,
				         s->len == 0 ? first
				         : !started  ? rest
				                     : field,
				         hang, t->lang);
				started = true;
				g_free(text);
			}
		}
		if (head && rows->len == 1) /* header only */
			for (int i = 0; i < ncols; i++)
				if (i >= (int)head->len || g_ptr_array_index(head, i))
					txt_wrap(s, cell_at(head, i), t->width,
					         i == 0 ? first : rest, hang, t->lang);
		txt_put(t, s);
		g_free(field);
		g_free(hang);
	}
	g_string_free(s, TRUE);
	g_free(widths);
	g_ptr_array_unref(rows);
	g_ptr_array_unref(g.spans);
}
