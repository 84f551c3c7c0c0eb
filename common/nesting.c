/* nesting.c - the nesting limit: structure deeper than --max-nesting levels
 * is flattened in the model, once, so that no renderer (and no library a
 * renderer hands the tree to) ever sees more than a bounded depth.  Fifty
 * thousand nested block quotes are ten bytes of Markdown each; a reader
 * loses nothing by seeing the innermost ones as plain paragraphs.
 *
 * The walk is iterative (parent pointers and a depth counter), and each
 * node is moved at most once, so the pass is linear in the tree. */
#include "article.h"
#include "internal.h"

/* Replaces n by its children, in place; frees n.  Returns the first moved
 * child, or NULL when n had none. */
static struct art_node *
splice_children(struct art_node *n)
{
	struct art_node *first = n->first_child;
	while (n->first_child)
		art_node_insert_before(n, n->first_child);
	art_node_free(n);
	return first;
}

/* A list too deep to keep: its items' blocks go where the list was. */
static struct art_node *
splice_list(struct art_node *list)
{
	for (struct art_node *it = list->first_child; it;) {
		struct art_node *next = it->next;
		if (it->type == ART_ITEM)
			splice_children(it);
		it = next;
	}
	return splice_children(list);
}

/* Alt text nested past the limit (images inside image descriptions) is
 * kept as its plain text. */
static void
flatten_alt(struct art_node *img)
{
	char *alt = art_node_plain_text(img);
	while (img->first_child)
		art_node_free(img->first_child);
	struct art_node *t = art_node_new(ART_TEXT, img->pos);
	t->literal = alt;
	art_node_append(img, t);
}

/* Whether n, at depth (root's children are 1), is past the limit and can
 * be removed without changing what the text says.  A list counts one level
 * more, for its items. */
static bool
too_deep(const struct art_node *n, int depth, int max)
{
	switch (n->type) {
	case ART_BLOCKQUOTE:
	case ART_EMPH:
	case ART_STRONG:
	case ART_STRIKE:
	case ART_SUPERSCRIPT:
	case ART_SUBSCRIPT:
	case ART_LINK:
		return depth > max;
	case ART_LIST:
		return depth + 1 > max;
	case ART_DOCUMENT:
	case ART_PARAGRAPH:
	case ART_HEADING:
	case ART_ITEM:
	case ART_CODE_BLOCK:
	case ART_HTML_BLOCK:
	case ART_THEMATIC_BREAK:
	case ART_TABLE:
	case ART_TABLE_ROW:
	case ART_TABLE_CELL:
	case ART_FIGURE:
	case ART_CAPTION:
	case ART_FOOTNOTE_DEF:
	case ART_DEF_LIST:
	case ART_DEF_TERM:
	case ART_DEF_DESC:
	case ART_TEXT:
	case ART_SOFTBREAK:
	case ART_LINEBREAK:
	case ART_CODE:
	case ART_HTML_INLINE:
	case ART_IMAGE:
	case ART_FOOTNOTE_REF:
	case ART_NODE__MAX:
		break;
	}
	return false;
}

int
art_max_nesting(int requested)
{
	if (requested <= 0)
		return ART_DEFAULT_MAX_NESTING;
	return requested > ART_MAX_NESTING_CEILING ? ART_MAX_NESTING_CEILING : requested;
}

void
art_limit_nesting(struct article *art, int max)
{
	if (!art->root)
		return;
	max = art_max_nesting(max);
	struct art_pos first = {0, 0};
	bool flattened = false;
	struct art_node *n = art->root->first_child;
	int depth = 1;
	while (n) {
		if (too_deep(n, depth, max)) {
			if (!flattened)
				first = n->pos;
			flattened = true;
			struct art_node *parent = n->parent, *after = n->next;
			struct art_node *moved =
			    n->type == ART_LIST ? splice_list(n) : splice_children(n);
			if (moved) {
				n = moved; /* same depth: looked at again */
				continue;
			}
			if (after) {
				n = after;
				continue;
			}
			n = parent; /* nothing left below parent */
			depth--;
		} else {
			if (n->type == ART_IMAGE && depth >= max && n->first_child &&
			    (n->first_child != n->last_child ||
			     n->first_child->type != ART_TEXT))
				flatten_alt(n);
			if (n->first_child) {
				n = n->first_child;
				depth++;
				continue;
			}
		}
		while (n && n != art->root && !n->next) {
			n = n->parent;
			depth--;
		}
		n = n && n != art->root ? n->next : NULL;
	}
	if (flattened && !art->nesting_warned) {
		art->nesting_warned = true;
		art_diag(ART_W_NESTING, art->display_name, first, max);
	}
}
