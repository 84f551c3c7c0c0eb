/* tilde_ranges.c - "0~150%" is a range in Chinese and much technical
 * writing ("范围0~16", "0~4095"), but GFM reads "from 0~150% (the former
 * range is 0~100%)" as struck-through text between the two single tildes.
 * A strikethrough whose opening tilde stands between two digits, or whose
 * closing one does, gets its tildes back as text.  Spec examples keep
 * theirs ("Hello, ~there~ world!": spaces beside the tildes).  Run before
 * adjacent text nodes are merged (segment_breaks()), on Markdown's
 * strikethrough only (raw HTML's <del> becomes nodes later). */
#include "article.h"
#include "internal.h"

#include <string.h>

/* The first (last) character of the text a node shows, 0 when it shows
 * none. */
static gunichar
edge_char(const struct art_node *n, bool last)
{
	while (n && n->type != ART_TEXT)
		n = last ? n->last_child : n->first_child;
	if (!n || !n->literal || !*n->literal)
		return 0;
	if (!last)
		return g_utf8_get_char(n->literal);
	return g_utf8_get_char(
	    g_utf8_find_prev_char(n->literal, n->literal + strlen(n->literal)));
}

static bool
digit(gunichar c)
{
	return c >= '0' && c <= '9';
}

static bool
is_range(const struct art_node *strike)
{
	const struct art_node *prev = strike->prev, *next = strike->next;
	gunichar before = prev && prev->type == ART_TEXT ? edge_char(prev, true) : 0;
	gunichar after = next && next->type == ART_TEXT ? edge_char(next, false) : 0;
	return (digit(before) && digit(edge_char(strike->first_child, false))) ||
	       (digit(edge_char(strike->last_child, true)) && digit(after));
}

static struct art_node *
tilde(struct art_pos pos)
{
	struct art_node *t = art_node_new(ART_TEXT, pos);
	t->literal = g_strdup("~");
	return t;
}

void
art_repair_tilde_ranges(struct art_node *root)
{
	GPtrArray *found = g_ptr_array_new();
	for (struct art_node *n = root; n; n = art_node_next(n, root, true))
		if (n->type == ART_STRIKE && n->first_child && is_range(n))
			g_ptr_array_add(found, n);
	for (guint i = 0; i < found->len; i++) {
		struct art_node *s = found->pdata[i];
		art_node_insert_before(s, tilde(s->pos));
		while (s->first_child) {
			struct art_node *c = s->first_child;
			art_node_unlink(c);
			art_node_insert_before(s, c);
		}
		art_node_insert_before(s, tilde(s->pos));
		art_node_unlink(s);
		art_node_free(s);
	}
	g_ptr_array_free(found, TRUE);
}
