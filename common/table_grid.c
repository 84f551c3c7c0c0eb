/* table_grid.c - where each cell of a table sits: the one placement every
 * renderer draws from (md2txt's columns, md2pdf's frames, md2epub's
 * colspan/rowspan attributes).
 *
 * Cells are placed the way HTML places them: a cell takes the first column
 * of its row that no rowspan from above covers, and covers colspan columns
 * and rowspan rows.  Where HTML would let two cells overlap (a colspan
 * running into a rowspan from above) the colspan stops short of the
 * covered column, and the next cell goes after it; a rowspan stops at the
 * table's last row.  With these clipped spans a browser places every cell
 * where the text and PDF renderers put it, and no slot has two cells. */
#include <string.h>

#include "article.h"

struct placed {
	int row, col, colspan, rowspan;
};

static int
count_rows(const struct art_node *table)
{
	int n = 0;
	for (const struct art_node *r = table->first_child; r; r = r->next)
		n++;
	return n;
}

/* Place the cells of table, in document order, into out (one per cell,
 * or NULL to count them); returns the number of columns they reach. */
static int
place(const struct art_node *table, int nrows, struct placed *out)
{
	/* until[c]: the first row that the rowspans covering column c leave
	 * free (a column is covered in row r while until[c] > r) */
	int cap = 16, ncols = 0, ri = 0, ci = 0;
	int *until = g_new0(int, cap);
	for (const struct art_node *r = table->first_child; r; r = r->next, ri++) {
		int col = 0;
		for (const struct art_node *c = r->first_child; c; c = c->next) {
			if (c->type != ART_TABLE_CELL)
				continue;
			while (col < cap && until[col] > ri)
				col++;
			int cs = CLAMP(c->u.cell.colspan, 1, ART_TABLE_MAX_COLSPAN);
			if (col + cs > ART_TABLE_MAX_COLSPAN)
				cs = col < ART_TABLE_MAX_COLSPAN ? ART_TABLE_MAX_COLSPAN - col
				                                 : 1;
			int rs = CLAMP(c->u.cell.rowspan, 1, nrows - ri);
			for (int k = 1; k < cs; k++)
				if (col + k < cap && until[col + k] > ri) {
					cs = k; /* overlapping spans: stop short */
					break;
				}
			if (col + cs > cap) {
				int ncap = MAX(cap * 2, col + cs);
				until = g_renew(int, until, ncap);
				memset(until + cap, 0, sizeof *until * (size_t)(ncap - cap));
				cap = ncap;
			}
			for (int k = col; k < col + cs; k++)
				until[k] = ri + rs;
			if (out)
				out[ci] = (struct placed){ri, col, cs, rs};
			ci++;
			col += cs;
			ncols = MAX(ncols, col);
		}
	}
	g_free(until);
	return ncols;
}

static int
count_cells(const struct art_node *table)
{
	int n = 0;
	for (const struct art_node *r = table->first_child; r; r = r->next)
		for (const struct art_node *c = r->first_child; c; c = c->next)
			n += c->type == ART_TABLE_CELL;
	return n;
}

void
art_table_grid(struct art_node *table)
{
	if (!table || table->type != ART_TABLE)
		return;
	int nrows = count_rows(table), ncells = count_cells(table);
	struct placed *at = g_new(struct placed, ncells > 0 ? ncells : 1);
	/* a Markdown table keeps the columns its delimiter row declares */
	int ncols = MAX(place(table, nrows, at), MAX(table->u.table.ncols, 0));
	int ci = 0;
	for (struct art_node *r = table->first_child; r; r = r->next)
		for (struct art_node *c = r->first_child; c; c = c->next) {
			if (c->type != ART_TABLE_CELL)
				continue;
			c->u.cell.row = at[ci].row;
			c->u.cell.col = at[ci].col;
			c->u.cell.colspan = at[ci].colspan;
			c->u.cell.rowspan = at[ci].rowspan;
			ci++;
		}
	g_free(at);
	if (ncols != table->u.table.ncols || !table->u.table.aligns) {
		int old = table->u.table.aligns ? MAX(table->u.table.ncols, 0) : 0;
		old = MIN(old, ncols);
		table->u.table.aligns =
		    g_renew(enum art_align, table->u.table.aligns, ncols > 0 ? ncols : 1);
		for (int k = old; k < ncols; k++)
			table->u.table.aligns[k] = ART_ALIGN_NONE;
	}
	table->u.table.ncols = ncols;
	table->u.table.nrows = nrows;
}

const struct art_node **
art_table_slots(const struct art_node *table, int max_cols)
{
	int nrows = MAX(table->u.table.nrows, 0), ncols = MAX(table->u.table.ncols, 0);
	if (max_cols > 0)
		ncols = MIN(ncols, max_cols);
	size_t n = (size_t)nrows * (size_t)ncols;
	const struct art_node **slot = g_new0(const struct art_node *, n > 0 ? n : 1);
	for (const struct art_node *r = table->first_child; r; r = r->next)
		for (const struct art_node *c = r->first_child; c; c = c->next) {
			if (c->type != ART_TABLE_CELL)
				continue;
			const int r0 = MAX(c->u.cell.row, 0), c0 = MAX(c->u.cell.col, 0);
			const int r1 = MIN(c->u.cell.row + c->u.cell.rowspan, nrows);
			const int c1 = MIN(c->u.cell.col + c->u.cell.colspan, ncols);
			for (int y = r0; y < r1; y++)
				for (int x = c0; x < c1; x++)
					slot[(size_t)y * ncols + x] = c;
		}
	return slot;
}

const char *
art_table_grid_problem(const struct art_node *table)
{
	int nrows = count_rows(table), ncells = count_cells(table);
	if (table->u.table.nrows != nrows)
		return "row count not the table's";
	struct placed *at = g_new(struct placed, ncells > 0 ? ncells : 1);
	const char *why = NULL;
	if (place(table, nrows, at) > table->u.table.ncols)
		why = "cells past the last column";
	int ci = 0;
	for (const struct art_node *r = table->first_child; r && !why; r = r->next)
		for (const struct art_node *c = r->first_child; c && !why; c = c->next) {
			if (c->type != ART_TABLE_CELL)
				continue;
			const struct placed *p = &at[ci++];
			if (c->u.cell.row != p->row || c->u.cell.col != p->col)
				why = "cell not where the grid places it";
			else if (c->u.cell.colspan != p->colspan ||
			         c->u.cell.rowspan != p->rowspan)
				why = "span not clipped to the grid";
		}
	g_free(at);
	return why;
}

int
art_table_head_rows(const struct art_node *table)
{
	int hn = 0;
	for (const struct art_node *r = table->first_child; r && r->u.row.header; r = r->next)
		hn++;
	/* reach[b]: the furthest row end of the cells that start above row b */
	int *reach = g_new0(int, hn + 1);
	int ri = 0;
	for (const struct art_node *r = table->first_child; ri < hn; r = r->next, ri++) {
		reach[ri + 1] = reach[ri];
		for (const struct art_node *c = r->first_child; c; c = c->next)
			reach[ri + 1] = MAX(reach[ri + 1], c->u.cell.row + c->u.cell.rowspan);
	}
	while (hn > 0 && reach[hn] > hn)
		hn--;
	g_free(reach);
	return hn;
}
