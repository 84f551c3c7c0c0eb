/* limits.c - size limits on hostile input that the libraries cannot set
 * themselves.  cmark-gfm pads every row of a table to the header's column
 * count: a header of 5,000 columns over 5,000 one-cell rows makes 25
 * million cells and 8 GB before mdpress sees a node.  So a table whose
 * delimiter row promises more than ART_MAX_TABLE_CELLS cells is turned
 * into text before parsing (its delimiter row escaped), with a warning. */
#include "article.h"
#include "internal.h"

#include <string.h>

/* Columns of a GFM delimiter row (" |:--|--:| "), after any block quote
 * markers; 0 when the line is not one. */
static int
delimiter_columns(const char *s, const char *end, const char **first)
{
	while (s < end && (*s == '>' || *s == ' ' || *s == '\t'))
		s++;
	*first = s;
	int cols = 0, pipes = 0;
	bool in_dash = false;
	for (; s < end; s++) {
		if (*s == '-') {
			if (!in_dash)
				cols++;
			in_dash = true;
			continue;
		}
		in_dash = false;
		if (*s == '|')
			pipes++;
		else if (*s != ':' && *s != ' ' && *s != '\t')
			return 0;
	}
	return pipes > 0 ? cols : 0;
}

static bool
is_fence(const char *s, const char *end)
{
	int sp = 0;
	while (s < end && *s == ' ' && sp < 4)
		s++, sp++;
	return sp < 4 && end - s >= 3 && (!strncmp(s, "```", 3) || !strncmp(s, "~~~", 3));
}

static bool
is_blank(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s != ' ' && *s != '\t' && *s != '>')
			return false;
	return true;
}

char *
art_defuse_wide_tables(struct article *art, const char *src, size_t len, int line0)
{
	GString *out = NULL;
	const char *end = src + len, *line = src;
	bool in_fence = false;
	int lineno = line0;
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *le = nl ? nl : end;
		const char *first;
		int cols;
		if (is_fence(line, le)) {
			in_fence = !in_fence;
		} else if (!in_fence && (cols = delimiter_columns(line, le, &first)) > 1) {
			/* rows: the lines up to the next blank one */
			gint64 rows = 1;
			for (const char *r = nl ? nl + 1 : end; r < end; rows++) {
				const char *rn = memchr(r, '\n', (size_t)(end - r));
				if (is_blank(r, rn ? rn : end))
					break;
				r = rn ? rn + 1 : end;
			}
			if ((gint64)cols * rows > ART_MAX_TABLE_CELLS) {
				if (!out)
					out = g_string_new_len(src, (gssize)(line - src));
				g_string_append_len(out, line, first - line);
				g_string_append_c(out, '\\');
				g_string_append_len(out, first, le - first);
				if (nl)
					g_string_append_c(out, '\n');
				art_diag(ART_W_TABLE_SIZE, art->display_name,
				         (struct art_pos){lineno, (int)(first - line) + 1},
				         cols, (long long)rows, ART_MAX_TABLE_CELLS);
				line = nl ? nl + 1 : end;
				lineno++;
				continue;
			}
		}
		if (out)
			g_string_append_len(out, line, (nl ? nl + 1 : end) - line);
		line = nl ? nl + 1 : end;
		lineno++;
	}
	return out ? g_string_free(out, FALSE) : NULL;
}
