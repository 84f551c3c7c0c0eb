/* table.h - md2pdf's tables inside: a table laid out on the model's grid
 * (table.c measures it, table_draw.c draws it page by page). */
#ifndef MDPRESS_PDF_TABLE_H
#define MDPRESS_PDF_TABLE_H

#include "pdf.h"

#define PAD_X 4.0
#define PAD_Y 3.0
/* wider tables lose their rightmost cells: 64 columns are already less
 * than 4 mm each on A4 */
#define MAX_COLS 64

struct cell {
	int row, col, cs, rs;
	bool header;
	PangoLayout *lay;            /* NULL: a slot no cell fills */
	const struct art_node *node; /* the model's cell, or NULL */
	bool pictures;               /* it sets pictures in its lines */
	GArray *links;               /* struct pdf_link, or NULL */
	double nat, min;             /* points */
	double h;                    /* text height + padding, points */
};

struct pdf_table {
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
	GPtrArray *images; /* ART_IMAGE nodes met in cells that cannot be set
	                      in them (unreadable): drawn after the table */
	const struct art_node *table;
};

static inline struct cell *
cell_at(struct pdf_table *g, int r, int c)
{
	return &g_array_index(g->cells, struct cell, g->slot[r * g->ncols + c]);
}

/* Sum of the heights of rows [a, b). */
static inline double
rows_height(const struct pdf_table *g, int a, int b)
{
	double s = 0;
	for (int r = a; r < b; r++)
		s += g->h[r];
	return s;
}

/* table_draw.c: draw g from the cursor on, breaking pages between rows. */
void pdf_table_draw(struct pdf *p, struct pdf_table *g);

#endif
