/* Tests of the table grid (common/table_grid.c): where each cell sits,
 * how spans are clipped, which slots are covered, and art_check()'s view
 * of a stored grid. */
#include <limits.h>

#include "harness.h"

/* A table of rows given as "colspan rowspan" pairs, ';' between rows:
 * "1 1 1 2;2 1" is two rows, the first of two cells. */
static struct art_node *
table_of(const char *spec)
{
	struct art_node *doc = art_node_new(ART_DOCUMENT, (struct art_pos){1, 1});
	struct art_node *t = art_node_new(ART_TABLE, (struct art_pos){1, 1});
	art_node_append(doc, t);
	char **rows = g_strsplit(spec, ";", -1);
	for (int r = 0; rows[r]; r++) {
		struct art_node *row = art_node_new(ART_TABLE_ROW, (struct art_pos){r + 1, 1});
		art_node_append(t, row);
		const char *s = rows[r];
		char *end;
		for (;;) {
			long cs = strtol(s, &end, 10);
			if (end == s)
				break;
			long rs = strtol(end, &end, 10);
			struct art_node *c =
			    art_node_new(ART_TABLE_CELL, (struct art_pos){r + 1, 1});
			c->u.cell.colspan = (int)cs;
			c->u.cell.rowspan = (int)rs;
			art_node_append(row, c);
			s = end;
		}
	}
	g_strfreev(rows);
	art_table_grid(t);
	return t;
}

/* The k-th cell (0-based, document order) of table t. */
static struct art_node *
cell(struct art_node *t, int k)
{
	for (struct art_node *r = t->first_child; r; r = r->next)
		for (struct art_node *c = r->first_child; c; c = c->next)
			if (k-- == 0)
				return c;
	return NULL;
}

/* Each slot as a letter: the cell covering it ('a' for the first), '.' for
 * none; rows separated by '/'. */
static char *
slots_str(const struct art_node *t)
{
	const struct art_node **slot = art_table_slots(t, 0);
	GString *s = g_string_new(NULL);
	for (int r = 0; r < t->u.table.nrows; r++) {
		if (r > 0)
			g_string_append_c(s, '/');
		for (int c = 0; c < t->u.table.ncols; c++) {
			const struct art_node *n = slot[r * t->u.table.ncols + c];
			int k = 0;
			while (n && cell((struct art_node *)t, k) != n)
				k++;
			g_string_append_c(s, n ? (char)('a' + k) : '.');
		}
	}
	g_free(slot);
	return g_string_free(s, FALSE);
}

static void
free_table(struct art_node *t)
{
	art_node_free(t->parent);
}

#define CHECK_CELL(t, k, r_, c_, cs_, rs_)                                                     \
	do {                                                                                   \
		const struct art_node *n_ = cell(t, k);                                        \
		CHECK(n_ != NULL);                                                             \
		if (n_) {                                                                      \
			CHECK_INT(n_->u.cell.row, r_);                                         \
			CHECK_INT(n_->u.cell.col, c_);                                         \
			CHECK_INT(n_->u.cell.colspan, cs_);                                    \
			CHECK_INT(n_->u.cell.rowspan, rs_);                                    \
		}                                                                              \
	} while (0)

#define CHECK_SLOTS(t, want)                                                                   \
	do {                                                                                   \
		char *s_ = slots_str(t);                                                       \
		CHECK_STR(s_, want);                                                           \
		g_free(s_);                                                                    \
	} while (0)

TEST(grid_rowspan_pushes_cells_right)
{
	struct art_node *t = table_of("1 2 1 1;1 1 1 1");
	CHECK_INT(t->u.table.nrows, 2);
	CHECK_INT(t->u.table.ncols, 3);
	CHECK_CELL(t, 2, 1, 1, 1, 1);
	CHECK_CELL(t, 3, 1, 2, 1, 1);
	CHECK_SLOTS(t, "ab./acd");
	CHECK_STR(art_table_grid_problem(t), NULL);
	free_table(t);
}

TEST(grid_overlapping_spans_stop_short)
{
	/* a colspan running into a rowspan from above stops before it, and
	 * the next cell goes after the covered column, not after the span */
	struct art_node *t = table_of("1 1 1 2 1 1 1 1;4 1 1 1");
	CHECK_CELL(t, 4, 1, 0, 1, 1);
	CHECK_CELL(t, 5, 1, 2, 1, 1);
	CHECK_INT(t->u.table.ncols, 4);
	CHECK_SLOTS(t, "abcd/ebf.");
	free_table(t);
	/* across two rowspans: stops at the first */
	t = table_of("1 1 1 2 1 2 1 1;4 1 1 1;1 1 1 1 1 1 1 1");
	CHECK_CELL(t, 4, 1, 0, 1, 1);
	CHECK_CELL(t, 5, 1, 3, 1, 1);
	CHECK_SLOTS(t, "abcd/ebcf/ghij");
	CHECK_STR(art_table_grid_problem(t), NULL);
	free_table(t);
}

TEST(grid_spans_past_the_end_are_clipped)
{
	struct art_node *t = table_of("1 1 1 9;1 1");
	CHECK_CELL(t, 1, 0, 1, 1, 2);
	CHECK_CELL(t, 2, 1, 0, 1, 1);
	CHECK_SLOTS(t, "ab/cb");
	free_table(t);
	/* no cell reaches past column 1000, HTML's own limit */
	t = table_of("998 1 5 1 7 1");
	CHECK_CELL(t, 1, 0, 998, 2, 1);
	CHECK_CELL(t, 2, 0, 1000, 1, 1);
	CHECK_INT(t->u.table.ncols, 1001);
	free_table(t);
}

TEST(grid_zero_negative_and_huge_spans)
{
	struct art_node *t = table_of("0 0 -3 -7;1 1");
	CHECK_CELL(t, 0, 0, 0, 1, 1);
	CHECK_CELL(t, 1, 0, 1, 1, 1);
	CHECK_SLOTS(t, "ab/c.");
	free_table(t);
	t = table_of("1 1");
	cell(t, 0)->u.cell.colspan = INT_MAX;
	cell(t, 0)->u.cell.rowspan = INT_MAX;
	art_table_grid(t);
	CHECK_CELL(t, 0, 0, 0, 1000, 1);
	CHECK_INT(t->u.table.ncols, 1000);
	free_table(t);
	t = table_of("1 1");
	cell(t, 0)->u.cell.colspan = INT_MIN;
	cell(t, 0)->u.cell.rowspan = INT_MIN;
	art_table_grid(t);
	CHECK_CELL(t, 0, 0, 0, 1, 1);
	free_table(t);
}

TEST(grid_ragged_rows)
{
	struct art_node *t = table_of("1 1;1 1 1 1 1 1;;2 1");
	CHECK_INT(t->u.table.nrows, 4);
	CHECK_INT(t->u.table.ncols, 3);
	CHECK_SLOTS(t, "a../bcd/.../ee.");
	/* new columns get alignments, as none */
	CHECK(t->u.table.aligns != NULL);
	if (t->u.table.aligns)
		CHECK_INT(t->u.table.aligns[2], ART_ALIGN_NONE);
	free_table(t);
}

TEST(grid_empty_tables)
{
	struct art_node *t = table_of(";");
	CHECK_INT(t->u.table.nrows, 2); /* two rows without cells */
	CHECK_INT(t->u.table.ncols, 0);
	CHECK_SLOTS(t, "/");
	CHECK_STR(art_table_grid_problem(t), NULL);
	free_table(t);
	struct art_node *doc = art_node_new(ART_DOCUMENT, (struct art_pos){1, 1});
	t = art_node_new(ART_TABLE, (struct art_pos){1, 1});
	art_node_append(doc, t);
	art_table_grid(t);
	CHECK_INT(t->u.table.nrows, 0);
	CHECK_INT(t->u.table.ncols, 0);
	const struct art_node **slot = art_table_slots(t, 0);
	CHECK(slot != NULL);
	g_free((void *)slot);
	char *why = art_check_tree(doc, true);
	CHECK_STR(why, NULL);
	g_free(why);
	art_node_free(doc);
}

TEST(grid_markdown_table_keeps_its_columns)
{
	const char *md = "| a | b | c |\n|:--|:-:|--:|\n| 1 |\n";
	struct article *a = art_load_buffer("t.md", md, strlen(md), NULL);
	struct art_node *t = ut_find(a->root, ART_TABLE);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT(t->u.table.ncols, 3);
		CHECK_INT(t->u.table.nrows, 2);
		CHECK_INT(t->u.table.aligns[2], ART_ALIGN_RIGHT);
		CHECK_SLOTS(t, "abc/def");
	}
	art_free(a);
}

TEST(grid_html_table_through_normalise)
{
	const char *md =
	    "<table>\n<tr><td>A</td><td rowspan=\"2\">B</td><td>C</td><td>D</td></tr>\n"
	    "<tr><td colspan=\"4\">E</td><td>F</td></tr>\n</table>\n";
	struct article *a = art_load_buffer("t.md", md, strlen(md), NULL);
	struct art_node *t = ut_find(a->root, ART_TABLE);
	CHECK(t != NULL);
	if (t) {
		CHECK_INT(t->u.table.ncols, 4);
		CHECK_SLOTS(t, "abcd/ebf.");
	}
	char *why = art_check(a);
	CHECK_STR(why, NULL);
	g_free(why);
	art_free(a);
}

TEST(grid_check_rejects_a_wrong_grid)
{
	struct art_node *t = table_of("1 2 1 1;1 1");
	char *why = art_check_tree(t->parent, true);
	CHECK_STR(why, NULL);
	g_free(why);
	cell(t, 2)->u.cell.col = 0; /* onto the rowspan's slot */
	why = art_check_tree(t->parent, true);
	CHECK_STR(why, "1:1: table in document: cell not where the grid places it");
	g_free(why);
	art_table_grid(t);
	cell(t, 0)->u.cell.rowspan = 3; /* past the last row */
	why = art_check_tree(t->parent, true);
	CHECK_STR(why, "1:1: table in document: span not clipped to the grid");
	g_free(why);
	art_table_grid(t);
	t->u.table.nrows = 5;
	why = art_check_tree(t->parent, true);
	CHECK_STR(why, "1:1: table in document: row count not the table's");
	g_free(why);
	art_table_grid(t);
	t->u.table.ncols = 1;
	why = art_check_tree(t->parent, true);
	CHECK(why != NULL);
	g_free(why);
	free_table(t);
}

static void
set_header_rows(struct art_node *t, int n)
{
	for (struct art_node *r = t->first_child; r && n-- > 0; r = r->next)
		r->u.row.header = true;
}

TEST(grid_head_rows_end_where_no_rowspan_crosses)
{
	/* two header rows, a rowspan inside them: both are the head */
	struct art_node *t = table_of("1 2 2 1;1 1 1 1;1 1 1 1 1 1");
	set_header_rows(t, 2);
	CHECK_INT(art_table_head_rows(t), 2);
	free_table(t);
	/* a header row whose rowspan reaches into the body: no head */
	t = table_of("1 2 1 1;1 1;1 1 1 1");
	set_header_rows(t, 1);
	CHECK_INT(art_table_head_rows(t), 0);
	free_table(t);
	/* three header rows, the second's rowspan crosses into the body:
	 * the head is the first row; one that ends in the head does not cut */
	t = table_of("1 1 1 1;1 3 1 1;1 1;1 1 1 1");
	set_header_rows(t, 3);
	CHECK_INT(art_table_head_rows(t), 1);
	free_table(t);
	t = table_of("1 1 1 1;1 2 1 1;1 1;1 1 1 1");
	set_header_rows(t, 3);
	CHECK_INT(art_table_head_rows(t), 3);
	free_table(t);
	/* only header rows, and none */
	t = table_of("1 1;1 1");
	set_header_rows(t, 2);
	CHECK_INT(art_table_head_rows(t), 2);
	free_table(t);
	t = table_of("1 1;1 1");
	CHECK_INT(art_table_head_rows(t), 0);
	free_table(t);
}

TEST(grid_slots_of_the_first_columns)
{
	/* md2pdf draws 64 columns at most: its slots are that wide */
	struct art_node *t = table_of("2 2 1 1;1 1");
	const struct art_node **slot = art_table_slots(t, 2);
	CHECK(slot[0] == cell(t, 0) && slot[1] == cell(t, 0));
	CHECK(slot[2] == cell(t, 0) && slot[3] == cell(t, 0));
	g_free((void *)slot);
	slot = art_table_slots(t, 0);
	CHECK(slot[2] == cell(t, 1) && slot[5] == cell(t, 2));
	g_free((void *)slot);
	free_table(t);
}
