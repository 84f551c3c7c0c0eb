/* footnote_unused.c - say when a footnote definition is left out.
 *
 * cmark-gfm drops a footnote definition that nothing references, text and
 * all, without a word (GFM's rule).  A line that opens a definition,
 * "[^label]: ...", outside code and HTML blocks, whose label no kept
 * definition has, gets a warning at that line. */
#include "internal.h"

#include <string.h>

/* Lines [first, last] of the source that a code or HTML block holds. */
struct line_span {
	int first, last;
};

static int
count_lines(const char *s)
{
	int n = 1;
	for (; s && *s; s++)
		if (*s == '\n' && s[1])
			n++;
	return n;
}

/* The label of a definition opening at line s ("[^label]:" after at most
 * three spaces), as written, or NULL.  *col gets its 1-based column. */
static char *
def_label(const char *s, const char *end, int *col)
{
	int indent = 0;
	while (indent < 3 && s < end && *s == ' ')
		s++, indent++;
	if (end - s < 5 || s[0] != '[' || s[1] != '^')
		return NULL;
	const char *l = s + 2, *e = memchr(l, ']', (size_t)(end - l));
	if (e == NULL || e == l || e + 1 >= end || e[1] != ':')
		return NULL;
	*col = indent + 1;
	return g_strndup(l, (gsize)(e - l));
}

/* Whether s has "[^" anywhere.  memchr() is vectorised; g_strstr_len()
 * and memmem() went byte by byte, 2% of md2txt's time on a 1 MB article
 * without footnotes. */
static bool
has_footnote_mark(const char *s, size_t len)
{
	const char *end = s + len;
	for (const char *p = s; (p = memchr(p, '[', (size_t)(end - p))) && p + 1 < end; p++)
		if (p[1] == '^')
			return true;
	return false;
}

void
art_warn_unused_footnotes(struct article *art)
{
	if (!art->root || !has_footnote_mark(art->source, art->source_len))
		return;
	GHashTable *kept = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GArray *blocks = g_array_new(FALSE, FALSE, sizeof(struct line_span));
	for (const struct art_node *n = art->root; n; n = art_node_next(n, art->root, true)) {
		if (n->type == ART_FOOTNOTE_DEF && n->u.footnote.label) {
			g_hash_table_add(kept, g_utf8_casefold(n->u.footnote.label, -1));
		} else if ((n->type == ART_CODE_BLOCK || n->type == ART_HTML_BLOCK) &&
		           n->pos.line > 0) {
			/* + 1: a closing fence */
			struct line_span sp = {n->pos.line,
			                       n->pos.line + count_lines(n->literal) + 1};
			g_array_append_val(blocks, sp);
		}
	}
	const char *s = art->source, *end = s + art->source_len;
	int line = 1;
	for (const char *p = s; p < end; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		int col = 0;
		char *label = line >= art->body_line ? def_label(p, eol, &col) : NULL;
		char *key = label ? g_utf8_casefold(label, -1) : NULL;
		bool in_block = false;
		for (guint i = 0; label && i < blocks->len; i++) {
			const struct line_span *sp =
			    &g_array_index(blocks, struct line_span, i);
			in_block |= line >= sp->first && line <= sp->last;
		}
		if (label && !in_block && !g_hash_table_contains(kept, key))
			art_diag(ART_W_FOOTNOTE_UNUSED, art->display_name,
			         (struct art_pos){line, col}, label);
		g_free(key);
		g_free(label);
		p = eol + 1;
	}
	g_array_free(blocks, TRUE);
	g_hash_table_destroy(kept);
}
