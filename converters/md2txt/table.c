/* table.c - GFM tables as plain text: columns aligned by display width
 * when they fit, else one record per row. */
#include <string.h>

#include "txt.h"

static void pad_cell(GString *s, const char *text, int width, enum art_align align)
{
	int gap = width - art_str_width(text, -1);
	int left = align == ART_ALIGN_RIGHT ? gap : align == ART_ALIGN_CENTER ? gap / 2 : 0;
	g_string_append_printf(s, "%*s%s%*s", left, "", text, gap - left, "");
}

/* Table cells as one line of text each. */
static GPtrArray *table_rows(struct txt *t, const struct art_node *n, int *ncols)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	for (const struct art_node *row = n->first_child; row; row = row->next) {
		GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
		for (const struct art_node *c = row->first_child; c; c = c->next) {
			char *text = txt_inline_text(t, c);
			g_strdelimit(text, "\n\t", ' ');
			g_ptr_array_add(cells, g_strdup(g_strstrip(text)));
			g_free(text);
		}
		if ((int)cells->len > *ncols)
			*ncols = (int)cells->len;
		g_ptr_array_add(rows, cells);
	}
	return rows;
}

static const char *cell_at(GPtrArray *cells, int i)
{
	return i < (int)cells->len ? g_ptr_array_index(cells, i) : "";
}

/* Aligned columns when they fit the width; otherwise one "header: value"
 * record per row, which reads better than a table that wraps. */
void txt_render_table(struct txt *t, const struct art_node *n, const char *first,
                         const char *rest)
{
	int ncols = n->u.table.ncols;
	GPtrArray *rows = table_rows(t, n, &ncols);
	int *widths = g_new0(int, ncols + 1);
	for (guint r = 0; r < rows->len; r++) {
		GPtrArray *cells = g_ptr_array_index(rows, r);
		for (int i = 0; i < (int)cells->len; i++) {
			int w = art_str_width(g_ptr_array_index(cells, i), -1);
			if (w > widths[i])
				widths[i] = w;
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
			GString *line = g_string_new(NULL);
			for (int i = 0; i < ncols; i++) {
				enum art_align a = i < n->u.table.ncols && n->u.table.aligns ?
				                   n->u.table.aligns[i] : ART_ALIGN_NONE;
				if (i > 0)
					g_string_append(line, "  ");
				pad_cell(line, cell_at(cells, i), widths[i] > 0 ? widths[i] : 1, a);
			}
			while (line->len > 0 && line->str[line->len - 1] == ' ')
				g_string_truncate(line, line->len - 1);
			g_string_append_printf(s, "%s%s\n", r == 0 ? first : rest, line->str);
			if (row->type == ART_TABLE_ROW && row->u.row.header) {
				g_string_append(s, rest);
				for (int i = 0; i < ncols; i++) {
					char *dash = g_strnfill((gsize)(widths[i] > 0 ? widths[i] : 1), '-');
					g_string_append_printf(s, "%s%s", i > 0 ? "  " : "", dash);
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
			if (s->len > 0)
				txt_blank_line(s, rest);
			for (int i = 0; i < ncols; i++) {
				const char *h = head ? cell_at(head, i) : "";
				char *text = *h ? g_strdup_printf("%s: %s", h, cell_at(cells, i))
				                : g_strdup(cell_at(cells, i));
				txt_wrap(s, text, t->width, s->len == 0 ? first : i == 0 ? rest : field,
				         hang, t->lang);
				g_free(text);
			}
		}
		if (head && rows->len == 1)     /* header only */
			for (int i = 0; i < ncols; i++)
				txt_wrap(s, cell_at(head, i), t->width, i == 0 ? first : rest, hang, t->lang);
		txt_put(t, s);
		g_free(field);
		g_free(hang);
	}
	g_string_free(s, TRUE);
	g_free(widths);
	g_ptr_array_unref(rows);
}
