/* node_rules.c - the one table of what each node type is: its name, block
 * or inline, and which node types it may contain.  art_check() verifies a
 * tree against it; renderers rely on it (a paragraph holds inlines only,
 * a table holds rows only...) and treat anything else as impossible. */
#include <string.h>

#include "article.h"

#define BIT(t) (1u << (t))
/* What runs of text are made of. */
#define INLINE                                                                                 \
	(BIT(ART_TEXT) | BIT(ART_SOFTBREAK) | BIT(ART_LINEBREAK) | BIT(ART_CODE) |             \
	 BIT(ART_HTML_INLINE) | BIT(ART_EMPH) | BIT(ART_STRONG) | BIT(ART_STRIKE) |            \
	 BIT(ART_SUPERSCRIPT) | BIT(ART_SUBSCRIPT) | BIT(ART_LINK) | BIT(ART_IMAGE) |          \
	 BIT(ART_FOOTNOTE_REF))
/* What a block container (quote, list item, footnote) holds. */
#define FLOW                                                                                   \
	(BIT(ART_PARAGRAPH) | BIT(ART_HEADING) | BIT(ART_BLOCKQUOTE) | BIT(ART_LIST) |         \
	 BIT(ART_CODE_BLOCK) | BIT(ART_HTML_BLOCK) | BIT(ART_THEMATIC_BREAK) |                 \
	 BIT(ART_TABLE) | BIT(ART_FIGURE) | BIT(ART_DEF_LIST))

struct node_rule {
	const char *name;
	bool block;
	guint32 children; /* BIT()s of the types it may contain */
};

_Static_assert(ART_NODE__MAX <= 32, "node types must fit a 32-bit mask");

static const struct node_rule rules[ART_NODE__MAX] = {
    [ART_DOCUMENT] = {"document", true, FLOW | BIT(ART_FOOTNOTE_DEF)},
    [ART_PARAGRAPH] = {"paragraph", true, INLINE},
    [ART_HEADING] = {"heading", true, INLINE},
    [ART_BLOCKQUOTE] = {"blockquote", true, FLOW},
    [ART_LIST] = {"list", true, BIT(ART_ITEM)},
    [ART_ITEM] = {"item", true, FLOW},
    [ART_CODE_BLOCK] = {"code_block", true, 0},
    [ART_HTML_BLOCK] = {"html_block", true, 0},
    [ART_THEMATIC_BREAK] = {"thematic_break", true, 0},
    [ART_TABLE] = {"table", true, BIT(ART_TABLE_ROW)},
    [ART_TABLE_ROW] = {"table_row", true, BIT(ART_TABLE_CELL)},
    [ART_TABLE_CELL] = {"table_cell", true, INLINE},
    [ART_FIGURE] = {"figure", true, BIT(ART_IMAGE) | BIT(ART_CAPTION)},
    [ART_CAPTION] = {"caption", true, INLINE},
    [ART_FOOTNOTE_DEF] = {"footnote_def", true, FLOW},
    [ART_DEF_LIST] = {"def_list", true, BIT(ART_DEF_TERM) | BIT(ART_DEF_DESC)},
    [ART_DEF_TERM] = {"def_term", true, INLINE},
    [ART_DEF_DESC] = {"def_desc", true, FLOW},
    [ART_TEXT] = {"text", false, 0},
    [ART_SOFTBREAK] = {"softbreak", false, 0},
    [ART_LINEBREAK] = {"linebreak", false, 0},
    [ART_CODE] = {"code", false, 0},
    [ART_HTML_INLINE] = {"html_inline", false, 0},
    [ART_EMPH] = {"emph", false, INLINE},
    [ART_STRONG] = {"strong", false, INLINE},
    [ART_STRIKE] = {"strike", false, INLINE},
    [ART_SUPERSCRIPT] = {"superscript", false, INLINE},
    [ART_SUBSCRIPT] = {"subscript", false, INLINE},
    [ART_LINK] = {"link", false, INLINE & ~BIT(ART_LINK)},
    [ART_IMAGE] = {"image", false, INLINE},
    [ART_FOOTNOTE_REF] = {"footnote_ref", false, 0},
};

const char *
art_node_type_name(enum art_node_type type)
{
	if ((int)type < 0 || type >= ART_NODE__MAX || !rules[type].name)
		return "unknown";
	return rules[type].name;
}

bool
art_node_is_block(const struct art_node *node)
{
	return (int)node->type >= 0 && node->type < ART_NODE__MAX && rules[node->type].block;
}

bool
art_node_may_contain(enum art_node_type parent, enum art_node_type child)
{
	return (int)parent >= 0 && parent < ART_NODE__MAX && (int)child >= 0 &&
	       child < ART_NODE__MAX && (rules[parent].children & BIT(child));
}

/* Why n breaks a rule, or NULL. */
static const char *
node_problem(const struct art_node *n, const struct art_node *root, bool normalized)
{
	if ((int)n->type < 0 || n->type >= ART_NODE__MAX)
		return "unknown node type";
	if (n != root && !n->parent)
		return "no parent";
	if (n != root && !art_node_may_contain(n->parent->type, n->type))
		return "not allowed in its parent";
	if (n->prev ? n->prev->next != n : n != root && n->parent->first_child != n)
		return "broken prev/first_child link";
	if (n->next ? n->next->prev != n : n != root && n->parent->last_child != n)
		return "broken next/last_child link";
	if (n->first_child && n->first_child->parent != n)
		return "first child names another parent";
	switch (n->type) {
	case ART_TEXT:
	case ART_CODE:
	case ART_CODE_BLOCK:
		if (!n->literal)
			return "no text";
		break;
	case ART_HEADING:
		if (n->u.heading.level < 1 || n->u.heading.level > 6)
			return "heading level outside 1-6";
		if (normalized && (!n->u.heading.id || !*n->u.heading.id))
			return "heading without an id";
		break;
	case ART_TABLE_CELL:
		if (n->u.cell.colspan < 1 || n->u.cell.rowspan < 1)
			return "span below 1";
		break;
	case ART_TABLE:
		if (n->u.table.ncols < 0 || (n->u.table.ncols > 0 && !n->u.table.aligns))
			return "columns without alignments";
		if (normalized)
			return art_table_grid_problem(n);
		break;
	case ART_FIGURE:
		if (!n->first_child || n->first_child->type != ART_IMAGE)
			return "figure without its image first";
		break;
	case ART_HTML_BLOCK:
	case ART_HTML_INLINE:
	case ART_SOFTBREAK:
		if (normalized)
			return "left over after normalisation";
		break;
	case ART_DOCUMENT:
	case ART_PARAGRAPH:
	case ART_BLOCKQUOTE:
	case ART_LIST:
	case ART_ITEM:
	case ART_THEMATIC_BREAK:
	case ART_TABLE_ROW:
	case ART_CAPTION:
	case ART_FOOTNOTE_DEF:
	case ART_DEF_LIST:
	case ART_DEF_TERM:
	case ART_DEF_DESC:
	case ART_LINEBREAK:
	case ART_EMPH:
	case ART_STRONG:
	case ART_STRIKE:
	case ART_SUPERSCRIPT:
	case ART_SUBSCRIPT:
	case ART_LINK:
	case ART_IMAGE:
	case ART_FOOTNOTE_REF:
	case ART_NODE__MAX:
		break;
	}
	return NULL;
}

char *
art_check_tree(const struct art_node *root, bool normalized)
{
	if (!root)
		return NULL;
	if (root->type != ART_DOCUMENT)
		return g_strdup_printf("root is a %s, not a document",
		                       art_node_type_name(root->type));
	for (const struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		const char *why = node_problem(n, root, normalized);
		if (why)
			return g_strdup_printf(
			    "%d:%d: %s in %s: %s", n->pos.line, n->pos.col,
			    art_node_type_name(n->type),
			    n->parent ? art_node_type_name(n->parent->type) : "nothing", why);
	}
	return NULL;
}

char *
art_check(const struct article *art)
{
	return art ? art_check_tree(art->root, true) : NULL;
}
