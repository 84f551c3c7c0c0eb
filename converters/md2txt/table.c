/* table.c - tables as plain text: columns aligned by display width when
 * they fit, else one record per row.  Cells of raw HTML tables may span:
 * a colspan cell is padded across its columns, and the columns a rowspan
 * cell covers in later rows are empty there.  Where each cell sits is the
 * model's grid (art_table_grid()). */
#include <string.h>

#include "txt.h"

/* The text of each slot of the grid, row-major.  A slot holds the cell's
 * text where the cell starts, "" where no cell is or under a rowspan from
 * above, NULL where a colspan to its left covers it.  span[] is the number
 * of columns the slot's text covers, -1 under a rowspan from above. */
struct text_grid {
	int nrows, ncols;
	char **text;  /* on one line: aligned columns */
	char **lines; /* with the cell's line breaks (<br>): records; NULL
	                 where text is "" or NULL */
	int *span;
};

static void
pad_cell(GString *s, const char *text, int width, enum art_align align)
{
	int gap = width - art_str_width(text, -1);
	int left = align == ART_ALIGN_RIGHT ? gap : align == ART_ALIGN_CENTER ? gap / 2 : 0;
	g_string_append_printf(s, "%*s%s%*s", left, "", text, gap - left, "");
}

/* Table cells as one line of text each, on the model's grid. */
static struct text_grid
text_grid_new(struct txt *t, const struct art_node *n)
{
	struct text_grid g = {MAX(n->u.table.nrows, 0), MAX(n->u.table.ncols, 0), NULL, NULL,
	                      NULL};
	size_t nslots = (size_t)g.nrows * (size_t)g.ncols;
	g.text = g_new0(char *, nslots + 1);
	g.lines = g_new0(char *, nslots + 1);
	g.span = g_new0(int, nslots + 1);
	for (const struct art_node *row = n->first_child; row; row = row->next)
		for (const struct art_node *c = row->first_child; c; c = c->next) {
			char *text = txt_inline_text(t, c);
			g_strdelimit(text, "\t", ' ');
			size_t at = (size_t)c->u.cell.row * g.ncols + c->u.cell.col;
			g.lines[at] = g_strdup(g_strstrip(text));
			g.text[at] = g_strdelimit(g_strdup(g.lines[at]), "\n", ' ');
			g_free(text);
		}
	const struct art_node **slot = art_table_slots(n, 0);
	for (int r = 0; r < g.nrows; r++)
		for (int i = 0; i < g.ncols; i++) {
			size_t at = (size_t)r * g.ncols + i;
			const struct art_node *c = slot[at];
			if (!c)
				g.span[at] = 1;
			else if (c->u.cell.row != r)
				g.span[at] = -1;
			else if (c->u.cell.col == i)
				g.span[at] = c->u.cell.colspan;
			if (!c || c->u.cell.row != r)
				g.text[at] = g_strdup("");
		}
	g_free(slot);
	return g;
}

static void
text_grid_free(struct text_grid *g)
{
	for (size_t i = 0; i < (size_t)g->nrows * (size_t)g->ncols; i++) {
		g_free(g->text[i]);
		g_free(g->lines[i]);
	}
	g_free(g->text);
	g_free(g->lines);
	g_free(g->span);
}

/* The text of slot i of row r: "" where a colspan covers it. */
static const char *
cell_at(const struct text_grid *g, int r, int i)
{
	const char *s = g->text[(size_t)r * g->ncols + i];
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
	struct text_grid g = text_grid_new(t, n);
	int ncols = g.ncols, nrows = g.nrows;
	int *widths = g_new0(int, ncols + 1);
	for (int pass = 0; pass < 2; pass++) {
		/* single cells first; then spanning cells widen their last column */
		for (int r = 0; r < nrows; r++) {
			const int *span = g.span + (size_t)r * ncols;
			char *const *cells = g.text + (size_t)r * ncols;
			for (int i = 0; i < ncols; i++) {
				if (!cells[i] || span[i] < 1 || (span[i] > 1) != (pass == 1))
					continue;
				int w = art_str_width(cells[i], -1);
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
		for (int r = 0; r < nrows; r++, row = row->next) {
			const int *span = g.span + (size_t)r * ncols;
			GString *line = g_string_new(NULL);
			for (int i = 0; i<ncols; i += span[i]> 0 ? span[i] : 1) {
				enum art_align a =
				    n->u.table.aligns ? n->u.table.aligns[i] : ART_ALIGN_NONE;
				if (i > 0)
					g_string_append(line, "  ");
				pad_cell(line, cell_at(&g, r, i),
				         span_width(widths, i, span[i] > 0 ? span[i] : 1), a);
			}
			while (line->len > 0 && line->str[line->len - 1] == ' ')
				g_string_truncate(line, line->len - 1);
			g_string_append_printf(s, "%s%s\n", r == 0 ? first : rest, line->str);
			if (row->u.row.header) {
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
		bool head = row && row->u.row.header;
		/* the first field heads the record, the others are indented under it */
		char *field = g_strconcat(rest, "  ", NULL);
		char *hang = g_strconcat(rest, "    ", NULL);
		for (int r = head ? 1 : 0; r < nrows; r++) {
			const int *span = g.span + (size_t)r * ncols;
			char *const *cells = g.text + (size_t)r * ncols;
			if (s->len > 0)
				txt_blank_line(s, rest);
			bool started = false;
			for (int i = 0; i < ncols; i++) {
				/* covered by a span: nothing of its own to say */
				if (!cells[i] || span[i] < 1)
					continue;
				/* the value keeps its line breaks, each line under
				 * the field's hang */
				const char *h = head ? cell_at(&g, 0, i) : "";
				const char *v = g.lines[(size_t)r * ncols + i];
				v = v ? v : cells[i];
				char *text = *h ? g_strdup_printf("%s: %s", h, v) : g_strdup(v);
				txt_wrap(s, text, t->width,
				         s->len == 0 ? first
				         : !started  ? rest
				                     : field,
				         hang, t->lang);
				started = true;
				g_free(text);
			}
		}
		if (head && nrows == 1) /* header only */
			for (int i = 0; i < ncols; i++)
				if (g.text[i])
					txt_wrap(s, g.text[i], t->width, i == 0 ? first : rest,
					         hang, t->lang);
		txt_put(t, s);
		g_free(field);
		g_free(hang);
	}
	g_string_free(s, TRUE);
	g_free(widths);
	text_grid_free(&g);
}
