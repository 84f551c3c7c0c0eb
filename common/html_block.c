/* html_block.c - an HTML block's libxml2 tree becomes model blocks
 * (paragraphs, lists, tables with spans, code blocks...) in its place;
 * the inline content inside them is html_phrasing.c's.
 *
 * Element nesting deeper than HTML_MAX_DEPTH is read as plain text, so
 * hostile input (50000 nested <div>s) cannot exhaust the stack. */
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

#define MAX_ROWSPAN 65534

/* Block content being added to parent; loose inline content collects in an
 * implicit paragraph. */
struct block_sink {
	struct art_node *parent;
	struct art_node *para;
	struct inline_sink in;
};

static void block_children(struct html_conversion *c, struct block_sink *b, xmlNodePtr x);
static void block_element(struct html_conversion *c, struct block_sink *b, xmlNodePtr x);

/* ------------------------------------------------------------ helpers */

static int
int_attr(xmlNodePtr x, const char *name, int dflt, int max)
{
	char *v = html_attr(x, name);
	long n = v ? strtol(v, NULL, 10) : dflt;
	g_free(v);
	return n < 1 ? dflt : n > max ? max : (int)n;
}

/* ------------------------------------------------------------ blocks */

static void
block_close_para(struct block_sink *b, struct html_conversion *c)
{
	if (!b->para)
		return;
	struct art_node *p = b->para;
	b->para = NULL;
	html_trim(p);
	if (!p->first_child) {
		art_node_free(p);
		return;
	}
	art_node_append(b->parent, p);
	html_flush_anchors(c, p);
}

static void
block_add(struct block_sink *b, struct html_conversion *c, struct art_node *n)
{
	block_close_para(b, c);
	art_node_append(b->parent, n);
	html_flush_anchors(c, n);
}

/* Where loose inline content in a block container goes: an implicit
 * paragraph, opened on first use and closed by the next block. */
static struct inline_sink *
block_loose_inlines(struct block_sink *b, struct html_conversion *c, xmlNodePtr x)
{
	if (!b->para) {
		b->para = html_node(c, ART_PARAGRAPH, x);
		b->in = (struct inline_sink){b->para, true, false};
	}
	return &b->in;
}

/* Fills a new block container (quote, item) from x's children. */
static void
sub_blocks(struct html_conversion *c, struct art_node *container, xmlNodePtr x)
{
	struct block_sink sub = {container, NULL, {NULL, true, false}};
	c->depth++;
	block_children(c, &sub, x);
	c->depth--;
	block_close_para(&sub, c);
}

static struct art_node *
inline_block(struct html_conversion *c, enum art_node_type t, xmlNodePtr x)
{
	struct art_node *n = html_node(c, t, x);
	struct inline_sink in = {n, true, false};
	c->depth++;
	html_phrasing_children(c, &in, x);
	c->depth--;
	html_trim(n);
	return n;
}

static void
block_list(struct html_conversion *c, struct block_sink *b, xmlNodePtr x)
{
	struct art_node *list = html_node(c, ART_LIST, x);
	list->u.list.ordered = !g_ascii_strcasecmp(ename(x), "ol");
	list->u.list.start = int_attr(x, "start", 1, 999999999);
	list->u.list.delim = '.';
	list->u.list.bullet = '-';
	list->u.list.tight = true;
	c->depth++;
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		bool li = ch->type == XML_ELEMENT_NODE && html_kind_of(ename(ch)) == K_ITEM;
		if (ch->type == XML_TEXT_NODE && html_blank((const char *)ch->content))
			continue;
		if (ch->type != XML_ELEMENT_NODE && ch->type != XML_TEXT_NODE)
			continue;
		struct art_node *item = html_node(c, ART_ITEM, ch);
		if (li) {
			sub_blocks(c, item, ch);
		} else { /* stray content in a list: an item of its own */
			struct block_sink sub = {item, NULL, {NULL, true, false}};
			if (ch->type == XML_TEXT_NODE)
				html_phrasing_text(c, block_loose_inlines(&sub, c, ch),
				                   (const char *)ch->content, ch);
			else if (html_is_placeholder(ch))
				block_element(c, &sub, ch);
			else
				html_phrasing_element(c, block_loose_inlines(&sub, c, ch), ch);
			block_close_para(&sub, c);
		}
		if (item->first_child)
			art_node_append(list, item);
		else
			art_node_free(item);
	}
	c->depth--;
	if (list->first_child)
		block_add(b, c, list);
	else
		art_node_free(list);
}

/* <dl>: <dt> terms and <dd> descriptions; other content of the list (text,
 * stray elements, a Markdown block of a fragment) is a description. */
static void
block_deflist(struct html_conversion *c, struct block_sink *b, xmlNodePtr x)
{
	struct art_node *dl = html_node(c, ART_DEF_LIST, x);
	c->depth++;
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE && html_blank((const char *)ch->content))
			continue;
		if (ch->type != XML_ELEMENT_NODE && ch->type != XML_TEXT_NODE)
			continue;
		enum html_kind k = ch->type == XML_ELEMENT_NODE && !html_is_placeholder(ch)
		                       ? html_kind_of(ename(ch))
		                       : K_UNWRAP;
		struct art_node *n;
		if (k == K_DTERM) {
			html_anchor_ids(c, ch);
			n = inline_block(c, ART_DEF_TERM, ch);
		} else {
			n = html_node(c, ART_DEF_DESC, ch);
			struct block_sink sub = {n, NULL, {NULL, true, false}};
			if (k == K_DDESC) {
				html_anchor_ids(c, ch);
				c->depth++;
				block_children(c, &sub, ch);
				c->depth--;
			} else if (ch->type == XML_TEXT_NODE) {
				html_phrasing_text(c, block_loose_inlines(&sub, c, ch),
				                   (const char *)ch->content, ch);
			} else {
				block_element(c, &sub, ch);
			}
			block_close_para(&sub, c);
		}
		if (n->first_child)
			art_node_append(dl, n);
		else
			art_node_free(n);
	}
	c->depth--;
	if (dl->first_child)
		block_add(b, c, dl);
	else
		art_node_free(dl);
}

/* ------------------------------------------------------------ tables */

/* A Markdown block between table parts goes before the table, where a
 * browser puts what a table cannot hold. */
static void
table_cells(struct html_conversion *c, struct block_sink *b, struct art_node *row,
            xmlNodePtr tr)
{
	for (xmlNodePtr ch = tr->children; ch; ch = ch->next) {
		if (ch->type == XML_ELEMENT_NODE && html_is_placeholder(ch))
			block_element(c, b, ch);
		if (ch->type != XML_ELEMENT_NODE || html_kind_of(ename(ch)) != K_CELL)
			continue;
		struct art_node *cell = inline_block(c, ART_TABLE_CELL, ch);
		cell->u.cell.colspan = int_attr(ch, "colspan", 1, ART_TABLE_MAX_COLSPAN);
		cell->u.cell.rowspan = int_attr(ch, "rowspan", 1, MAX_ROWSPAN);
		cell->u.cell.header = !g_ascii_strcasecmp(ename(ch), "th");
		art_node_append(row, cell);
	}
}

/* Rows of a table or of its thead/tbody/tfoot; a <caption> becomes a
 * paragraph before the table. */
static void
table_rows(struct html_conversion *c, struct block_sink *b, struct art_node *table,
           xmlNodePtr sec, bool head, int level)
{
	for (xmlNodePtr ch = sec->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		const char *nm = ename(ch);
		if (html_is_placeholder(ch)) {
			block_element(c, b, ch);
		} else if (!g_ascii_strcasecmp(nm, "tr")) {
			struct art_node *row = html_node(c, ART_TABLE_ROW, ch);
			table_cells(c, b, row, ch);
			bool all_th = row->first_child != NULL;
			for (struct art_node *cell = row->first_child; cell; cell = cell->next)
				all_th &= cell->u.cell.header;
			row->u.row.header = head || all_th;
			if (row->first_child)
				art_node_append(table, row);
			else
				art_node_free(row);
		} else if (level == 0 && (!g_ascii_strcasecmp(nm, "thead") ||
		                          !g_ascii_strcasecmp(nm, "tbody") ||
		                          !g_ascii_strcasecmp(nm, "tfoot"))) {
			table_rows(c, b, table, ch, !g_ascii_strcasecmp(nm, "thead"), 1);
		} else if (!g_ascii_strcasecmp(nm, "caption")) {
			struct art_node *p = inline_block(c, ART_PARAGRAPH, ch);
			if (p->first_child)
				block_add(b, c, p);
			else
				art_node_free(p);
		} else if (html_kind_of(nm) == K_DROP) {
			html_warn_dropped(c, ch);
		}
	}
}

/* A table written without <thead> or <th> whose first row is bold in every
 * cell ("<td><strong>命令</strong></td>...") has that row for its header:
 * repeated on each page in the PDF, the field names of md2txt's records. */
static void
bold_head_row(struct art_node *table)
{
	struct art_node *first = table->first_child;
	if (!first || !first->next || first->u.row.header || !first->first_child)
		return;
	for (const struct art_node *r = first; r; r = r->next)
		if (r->u.row.header)
			return; /* the author marked a header elsewhere */
	for (const struct art_node *cell = first->first_child; cell; cell = cell->next)
		if (!art_sole_child(cell, ART_STRONG))
			return;
	first->u.row.header = true;
}

static void
block_table(struct html_conversion *c, struct block_sink *b, xmlNodePtr x)
{
	struct art_node *table = html_node(c, ART_TABLE, x);
	block_close_para(b, c);
	c->depth++;
	table_rows(c, b, table, x, false, 0);
	bold_head_row(table);
	c->depth--;
	if (!table->first_child) {
		art_node_free(table);
		return;
	}
	block_add(b, c, table); /* art_normalize() places its cells */
}

static void
block_element(struct html_conversion *c, struct block_sink *b, xmlNodePtr x)
{
	if (html_is_placeholder(x)) {
		struct art_node *moved = html_take_moved(c, x);
		if (moved)
			block_add(b, c, moved);
		return;
	}
	enum html_kind k = html_kind_of(ename(x));
	if (k == K_PRE && html_holds_moved(c, x))
		k = K_BLOCK; /* <pre> around Markdown: its text and the blocks */
	if (c->depth >= HTML_MAX_DEPTH) {
		html_phrasing_element(c, block_loose_inlines(b, c, x), x);
		return;
	}
	struct art_node *n;
	if (k == K_PARA || k == K_PRE || k == K_QUOTE || k == K_LIST || k == K_TABLE ||
	    k == K_HR || k == K_BLOCK || k == K_ITEM || k == K_CELL || k == K_DLIST ||
	    k == K_DTERM || k == K_DDESC)
		html_anchor_ids(c, x); /* inline kinds: html_phrasing_element() does */
	switch (k) {
	case K_DLIST:
		block_close_para(b, c);
		block_deflist(c, b, x);
		return;
	case K_PARA:
	case K_DTERM: /* a <dt> outside a <dl>: a paragraph */
	case K_HEADING:
		block_close_para(b, c);
		n = inline_block(c, k == K_PARA ? ART_PARAGRAPH : ART_HEADING, x);
		if (k == K_HEADING) {
			n->u.heading.level = ename(x)[1] - '0';
			/* <h4 id="x">: its id, as {#x} gives a Markdown heading */
			n->u.heading.id = html_attr(x, "id");
		}
		if (n->first_child)
			block_add(b, c, n);
		else
			art_node_free(n);
		return;
	case K_PRE: {
		char *s = html_text_content(x);
		if (html_blank(s)) {
			g_free(s);
			return;
		}
		n = html_node(c, ART_CODE_BLOCK, x);
		const char *start = s[0] == '\r' && s[1] == '\n' ? s + 2
		                    : s[0] == '\n'               ? s + 1
		                                                 : s;
		n->literal = g_str_has_suffix(start, "\n") ? g_strdup(start)
		                                           : g_strconcat(start, "\n", NULL);
		g_free(s);
		block_add(b, c, n);
		return;
	}
	case K_QUOTE:
		block_close_para(b, c);
		n = html_node(c, ART_BLOCKQUOTE, x);
		sub_blocks(c, n, x);
		if (n->first_child)
			block_add(b, c, n);
		else
			art_node_free(n);
		return;
	case K_LIST:
		block_close_para(b, c);
		block_list(c, b, x);
		return;
	case K_TABLE:
		block_table(c, b, x);
		return;
	case K_HR:
		block_add(b, c, html_node(c, ART_THEMATIC_BREAK, x));
		return;
	case K_BLOCK:
	case K_ITEM:
	case K_CELL:
	case K_DDESC: /* a <dd> outside a <dl>: its content */
		block_close_para(b, c);
		c->depth++;
		block_children(c, b, x);
		c->depth--;
		block_close_para(b, c);
		return;
	case K_BR:
		if (b->para)
			html_phrasing_element(c, &b->in, x);
		return;
	case K_DROP:
	case K_LITERAL: /* filtered_source() made text of these */
		html_warn_dropped(c, x);
		return;
	case K_SILENT:
	case K_WBR:
		return;
	case K_UNWRAP:
	case K_IMG:
	case K_A:
	case K_STRONG:
	case K_EMPH:
	case K_STRIKE:
	case K_CODE:
	case K_SUP:
	case K_SUB:
		break;
	}
	html_phrasing_element(c, block_loose_inlines(b, c, x), x);
}

static void
block_children(struct html_conversion *c, struct block_sink *b, xmlNodePtr x)
{
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			const char *s = ch->content ? (const char *)ch->content : "";
			if (b->para || !html_blank(s))
				html_phrasing_text(c, block_loose_inlines(b, c, ch), s, ch);
		} else if (ch->type == XML_ELEMENT_NODE) {
			block_element(c, b, ch);
		}
	}
}

/* ------------------------------------------------------------ fragments */

/* An HTML block: its blocks take its place.  Anchors that end up in no
 * block name the block after it, as "<a name=x></a>" before a heading
 * means. */
void
html_convert_group(struct html_conversion *c, struct art_node *const *group, guint n)
{
	xmlNodePtr body;
	struct art_node *html = group[0], *after = group[n - 1]->next;
	struct art_node *parent = html->parent;
	GPtrArray *moved = g_ptr_array_new(), *raw = g_ptr_array_new();
	for (guint i = 1; i < n; i++) /* the Markdown ones may be freed below */
		if (group[i]->type == ART_HTML_BLOCK)
			g_ptr_array_add(raw, group[i]);
	char *src = n > 1 ? html_fragment_source(group, n, moved) : NULL;
	const char *lit = src ? src : html->literal ? html->literal : "";
	/* an unclosed "<div id=x" hides what follows, as in a browser */
	bool flattened = false;
	htmlDocPtr doc = html_parse(lit, &body, &flattened);
	if (flattened)
		art_diag(ART_W_NESTING_FLAT, c->art->display_name, html->pos, 256, "raw HTML");
	struct art_node *holder = art_node_new(ART_DOCUMENT, html->pos);
	c->holder = holder;
	c->moved = moved;
	if (!doc) {
		struct block_sink b = {holder, NULL, {NULL, true, false}};
		html_phrasing_text(c, block_loose_inlines(&b, c, NULL), lit, NULL);
		block_close_para(&b, c);
	} else if (body) {
		struct block_sink b = {holder, NULL, {NULL, true, false}};
		block_children(c, &b, body);
		block_close_para(&b, c);
	}
	if (doc)
		xmlFreeDoc(doc);
	/* a Markdown block the parser lost (inside a dropped element) still
	 * shows, after the fragment */
	for (guint i = 0; i < moved->len; i++)
		if (moved->pdata[i])
			art_node_append(holder, moved->pdata[i]);
	c->moved = NULL;
	g_ptr_array_free(moved, TRUE);
	struct art_node *first = holder->first_child;
	while (holder->first_child)
		art_node_insert_before(html, holder->first_child);
	art_node_free(holder);
	c->holder = NULL;
	g_ptr_array_add(raw, html);
	for (guint i = 0; i < raw->len; i++) {
		if (c->named && g_hash_table_remove(c->named, raw->pdata[i]))
			art_ids_retarget(c->art, raw->pdata[i],
			                 first   ? first
			                 : after ? after
			                         : parent);
		art_node_free(raw->pdata[i]);
	}
	g_ptr_array_free(raw, TRUE);
	g_free(src);
	/* anchors left at the end name the block after the fragment */
	html_flush_anchors(c, after ? after : parent);
}
