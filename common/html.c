/* html.c - raw HTML in Markdown becomes ordinary model nodes.
 *
 * Articles from documentation sites carry whole tables in raw HTML
 * (rowspan, colspan, <p> and <br> in cells), anchors (<a name>), images
 * (<img src width>) and inline tags such as a<sup>2</sup>.  libxml2's HTML
 * parser turns each fragment into a tree (tag soup repaired, entities
 * decoded); we map that tree onto our node types once, here, so every
 * renderer draws it with its normal table, paragraph and image code.
 * md2epub keeps raw HTML instead (keep_raw_html): XHTML can say more than
 * the model.
 *
 * Element nesting deeper than MAX_DEPTH is read as plain text, so hostile
 * input (50000 nested <div>s) cannot exhaust the stack. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "article.h"

#define MAX_DEPTH   48          /* elements converted below a fragment */
#define MAX_COLS    1000        /* HTML's own colspan limit */
#define MAX_ROWSPAN 65534
#define MAX_OPEN    64          /* open inline tags tracked in a paragraph */

enum kind {
	K_UNWRAP = 0,   /* keep the content: span, font, sup, unknown... */
	K_BLOCK,        /* flow container, unwrapped: div, center, section */
	K_PARA,         /* block of phrasing content: p, dt, summary */
	K_HEADING, K_PRE, K_QUOTE, K_LIST, K_ITEM, K_TABLE, K_CELL, K_HR,
	K_BR, K_WBR, K_IMG, K_A, K_STRONG, K_EMPH, K_STRIKE, K_CODE,
	K_DROP,         /* active or embedded content: dropped, with a warning
	                   (form controls keep their text: the reader sees it) */
	K_SILENT,       /* metadata and table plumbing: dropped silently */
};

struct rule { const char *name; enum kind kind; };

/* Sorted by name for bsearch. */
static const struct rule rules[] = {
	{ "a", K_A }, { "address", K_BLOCK }, { "applet", K_DROP },
	{ "area", K_SILENT }, { "article", K_BLOCK }, { "aside", K_BLOCK },
	{ "audio", K_DROP }, { "b", K_STRONG }, { "base", K_SILENT },
	{ "blockquote", K_QUOTE }, { "body", K_BLOCK }, { "br", K_BR },
	{ "button", K_UNWRAP }, { "canvas", K_DROP }, { "caption", K_PARA },
	{ "center", K_BLOCK }, { "cite", K_EMPH }, { "code", K_CODE },
	{ "col", K_SILENT }, { "colgroup", K_SILENT }, { "dd", K_BLOCK },
	{ "del", K_STRIKE }, { "details", K_BLOCK }, { "dfn", K_EMPH },
	{ "dir", K_LIST }, { "div", K_BLOCK }, { "dl", K_BLOCK },
	{ "dt", K_PARA }, { "em", K_EMPH }, { "embed", K_DROP },
	{ "fieldset", K_BLOCK }, { "figcaption", K_PARA }, { "figure", K_BLOCK },
	{ "footer", K_BLOCK }, { "form", K_DROP }, { "frame", K_DROP },
	{ "frameset", K_DROP }, { "h1", K_HEADING }, { "h2", K_HEADING },
	{ "h3", K_HEADING }, { "h4", K_HEADING }, { "h5", K_HEADING },
	{ "h6", K_HEADING }, { "head", K_SILENT }, { "header", K_BLOCK },
	{ "hr", K_HR }, { "html", K_BLOCK }, { "i", K_EMPH },
	{ "iframe", K_DROP }, { "img", K_IMG }, { "input", K_DROP },
	{ "kbd", K_CODE }, { "li", K_ITEM }, { "link", K_SILENT },
	{ "main", K_BLOCK }, { "map", K_SILENT }, { "math", K_DROP },
	{ "menu", K_LIST }, { "meta", K_SILENT }, { "nav", K_BLOCK },
	{ "noscript", K_SILENT }, { "object", K_DROP }, { "ol", K_LIST },
	{ "p", K_PARA }, { "param", K_SILENT }, { "pre", K_PRE },
	{ "s", K_STRIKE }, { "samp", K_CODE }, { "script", K_DROP },
	{ "section", K_BLOCK }, { "select", K_UNWRAP }, { "source", K_SILENT },
	{ "strike", K_STRIKE }, { "strong", K_STRONG }, { "style", K_DROP },
	{ "summary", K_PARA }, { "svg", K_DROP }, { "table", K_TABLE },
	{ "tbody", K_BLOCK }, { "td", K_CELL }, { "template", K_SILENT },
	{ "textarea", K_UNWRAP }, { "tfoot", K_BLOCK }, { "th", K_CELL },
	{ "thead", K_BLOCK }, { "title", K_SILENT }, { "tr", K_BLOCK },
	{ "track", K_SILENT }, { "tt", K_CODE }, { "ul", K_LIST },
	{ "video", K_DROP }, { "wbr", K_WBR }, { "xmp", K_PRE },
};

static int rule_cmp(const void *key, const void *r)
{
	return g_ascii_strcasecmp(key, ((const struct rule *)r)->name);
}

static enum kind kind_of(const char *name)
{
	const struct rule *r = bsearch(name, rules, G_N_ELEMENTS(rules), sizeof rules[0],
	                               rule_cmp);
	return r ? r->kind : K_UNWRAP;
}

struct conv {
	struct article *art;
	struct art_pos pos;     /* where the fragment starts in the .md */
	GPtrArray *pending;     /* anchor ids (char *) waiting for their block */
	struct art_node *holder;    /* the fragment's blocks before they move */
	struct art_node *container; /* the fragment's parent block */
	int depth;
	int in_link;
};

/* Inline content being added to parent. */
struct inl {
	struct art_node *parent;
	bool space;             /* white space emitted last (or nothing yet) */
	bool brk;               /* a block ended: line break before more content */
};

/* Block content being added to parent; loose inline content collects in an
 * implicit paragraph. */
struct blk {
	struct art_node *parent;
	struct art_node *para;
	struct inl in;
};

static void block_children(struct conv *c, struct blk *b, xmlNodePtr x);
static void inline_children(struct conv *c, struct inl *in, xmlNodePtr x);

/* ------------------------------------------------------------ helpers */

static const char *ename(xmlNodePtr x)
{
	return (const char *)x->name;
}

static char *attr(xmlNodePtr x, const char *name)
{
	xmlChar *v = xmlGetProp(x, BAD_CAST name);
	char *s = v ? g_strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static int int_attr(xmlNodePtr x, const char *name, int dflt, int max)
{
	char *v = attr(x, name);
	long n = v ? strtol(v, NULL, 10) : dflt;
	g_free(v);
	return n < 1 ? dflt : n > max ? max : (int)n;
}

/* The .md position of x: libxml2 counts lines from the fragment's first. */
static struct art_pos pos_of(const struct conv *c, xmlNodePtr x)
{
	/* libxml2 gives a text node the line where it ends */
	if (x && x->type != XML_ELEMENT_NODE && x->parent)
		x = x->parent;
	long line = x ? xmlGetLineNo(x) : -1;
	if (line <= 1 || line > 1000000)
		return c->pos;
	return (struct art_pos){ c->pos.line + (int)line - 1, 1 };
}

static struct art_node *node(const struct conv *c, enum art_node_type t, xmlNodePtr x)
{
	return art_node_new(t, pos_of(c, x));
}

static bool is_ws(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

static char *text_content(xmlNodePtr x)
{
	xmlChar *v = xmlNodeGetContent(x);
	char *s = g_strdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/* Runs of HTML white space to one space, ends trimmed (new string). */
static char *collapsed(const char *s)
{
	GString *o = g_string_new(NULL);
	for (const char *p = s; *p; p++) {
		if (!is_ws(*p))
			g_string_append_c(o, *p);
		else if (o->len && !is_ws(o->str[o->len - 1]) && p[1] && !is_ws(p[1]))
			g_string_append_c(o, ' ');
	}
	return g_string_free(o, FALSE);
}

static void register_id(struct article *art, const char *id, struct art_node *target)
{
	if (!art->ids)
		art->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (id && *id && target && !g_hash_table_contains(art->ids, id))
		g_hash_table_insert(art->ids, g_strdup(id), target);
}

/* Anchors name a block; paragraphs are not safe targets (the figure pass
 * frees a "**caption**" paragraph), so they name the paragraph's parent. */
static void flush_anchors(struct conv *c, struct art_node *target)
{
	if (!c->pending->len)
		return;
	while (target && target->parent && (target->type == ART_PARAGRAPH ||
	                                    !art_node_is_block(target)))
		target = target->parent;
	if (target == c->holder)
		target = c->container;
	for (guint i = 0; i < c->pending->len; i++)
		register_id(c->art, c->pending->pdata[i], target);
	g_ptr_array_set_size(c->pending, 0);
}

static void warn_dropped(struct conv *c, xmlNodePtr x)
{
	art_diag(ART_W_HTML_DROPPED, c->art->display_name, pos_of(c, x), ename(x));
}

/* Leading and trailing breaks and spaces of an inline container go. */
static void trim(struct art_node *p)
{
	for (int end = 0; end < 2; end++) {
		struct art_node *n;
		while ((n = end ? p->last_child : p->first_child)) {
			if (n->type == ART_SOFTBREAK || n->type == ART_LINEBREAK) {
				art_node_free(n);
				continue;
			}
			if (n->type != ART_TEXT || !n->literal)
				break;
			if (end)
				g_strchomp(n->literal);
			else
				g_strchug(n->literal);
			if (*n->literal)
				break;
			art_node_free(n);
		}
	}
}

/* ------------------------------------------------------------ inline */

static void inl_add(struct inl *in, struct art_node *n)
{
	if (in->brk && in->parent->first_child)
		art_node_append(in->parent, art_node_new(ART_LINEBREAK, n->pos));
	in->brk = false;
	in->space = n->type == ART_LINEBREAK;
	art_node_append(in->parent, n);
}

static void inl_break(struct inl *in)
{
	in->brk = true;
	in->space = true;
}

/* Text with HTML white space collapsed; a run holding a newline becomes a
 * soft break, which the segment-break pass then removes between CJK
 * characters, as for Markdown source lines. */
static void inl_text(struct conv *c, struct inl *in, const char *s, xmlNodePtr x)
{
	GString *buf = g_string_new(NULL);
	struct art_pos pos = pos_of(c, x);
	for (const char *p = s; *p; ) {
		if (is_ws(*p)) {
			bool nl = false;
			for (; is_ws(*p); p++)
				nl |= *p == '\n';
			if (in->space)
				continue;
			in->space = true;
			if (!nl) {
				g_string_append_c(buf, ' ');
				continue;
			}
			if (buf->len) {
				struct art_node *t = art_node_new(ART_TEXT, pos);
				t->literal = g_strdup(buf->str);
				art_node_append(in->parent, t);
				g_string_truncate(buf, 0);
			}
			art_node_append(in->parent, art_node_new(ART_SOFTBREAK, pos));
			continue;
		}
		if (in->brk) {
			if (buf->len) {
				struct art_node *t = art_node_new(ART_TEXT, pos);
				t->literal = g_strdup(buf->str);
				art_node_append(in->parent, t);
				g_string_truncate(buf, 0);
			}
			if (in->parent->first_child)
				art_node_append(in->parent, art_node_new(ART_LINEBREAK, pos));
			in->brk = false;
		}
		const char *q = p;
		while (*q && !is_ws(*q))
			q++;
		g_string_append_len(buf, p, q - p);
		p = q;
		in->space = false;
	}
	if (buf->len) {
		struct art_node *t = art_node_new(ART_TEXT, pos);
		t->literal = g_strdup(buf->str);
		art_node_append(in->parent, t);
	}
	g_string_free(buf, TRUE);
}

static struct art_node *make_image(struct conv *c, xmlNodePtr x)
{
	char *src = attr(x, "src");
	char *alt = attr(x, "alt");
	struct art_node *img = NULL;
	if (src && *src) {
		img = node(c, ART_IMAGE, x);
		img->u.image.url = src;
		img->u.image.title = attr(x, "title");
		src = NULL;
		char *a = alt ? collapsed(alt) : NULL;
		if (a && *a) {
			struct art_node *t = node(c, ART_TEXT, x);
			t->literal = a;
			a = NULL;
			art_node_append(img, t);
		}
		g_free(a);
	}
	g_free(src);
	g_free(alt);
	return img;
}

/* <a>: a link when it has an href (and is not inside one), an anchor
 * (name= or id=) in any case.  Returns the node content goes into. */
static void anchor_ids(struct conv *c, xmlNodePtr x)
{
	static const char *const keys[] = { "name", "id" };
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
		char *id = attr(x, keys[i]);
		if (id && *id)
			g_ptr_array_add(c->pending, id);
		else
			g_free(id);
	}
}

/* Lines of preformatted text as code spans joined by line breaks. */
static void inline_pre(struct conv *c, struct inl *in, xmlNodePtr x)
{
	char *s = text_content(x);
	char **lines = g_strsplit(s, "\n", -1);
	inl_break(in);
	bool any = false;
	for (char **l = lines; *l; l++) {
		g_strchomp(*l);
		if (!**l)
			continue;
		if (any)
			inl_add(in, node(c, ART_LINEBREAK, x));
		struct art_node *code = node(c, ART_CODE, x);
		code->literal = g_strdup(*l);
		inl_add(in, code);
		any = true;
	}
	inl_break(in);
	g_strfreev(lines);
	g_free(s);
}

static void inline_element(struct conv *c, struct inl *in, xmlNodePtr x)
{
	enum kind k = kind_of(ename(x));
	if (c->depth >= MAX_DEPTH && k != K_DROP && k != K_SILENT) {
		char *s = text_content(x);
		inl_text(c, in, s, x);
		g_free(s);
		return;
	}
	enum art_node_type wrap = ART_NODE__MAX;
	switch (k) {
	case K_DROP:
		warn_dropped(c, x);
		return;
	case K_SILENT:
	case K_WBR:
		return;
	case K_BR:
		inl_add(in, node(c, ART_LINEBREAK, x));
		return;
	case K_HR:
		inl_break(in);
		return;
	case K_IMG: {
		struct art_node *img = make_image(c, x);
		if (img)
			inl_add(in, img);
		return;
	}
	case K_CODE: {
		char *s = text_content(x);
		char *t = collapsed(s);
		g_free(s);
		if (!*t) {
			g_free(t);
			return;
		}
		struct art_node *code = node(c, ART_CODE, x);
		code->literal = t;
		inl_add(in, code);
		return;
	}
	case K_PRE:
		inline_pre(c, in, x);
		return;
	case K_A:
		anchor_ids(c, x);
		if (!c->in_link) {
			char *href = attr(x, "href");
			if (href) {
				struct art_node *link = node(c, ART_LINK, x);
				link->u.link.url = href;
				link->u.link.title = attr(x, "title");
				inl_add(in, link);
				in->space = false;
				struct art_node *save = in->parent;
				in->parent = link;
				c->in_link++;
				c->depth++;
				inline_children(c, in, x);
				c->depth--;
				c->in_link--;
				in->parent = save;
				if (!link->first_child)
					art_node_free(link);
				return;
			}
		}
		break;
	case K_STRONG: wrap = ART_STRONG; break;
	case K_EMPH: wrap = ART_EMPH; break;
	case K_STRIKE: wrap = ART_STRIKE; break;
	case K_CELL:            /* a table inside a cell: cells side by side */
		if (!in->space && !in->brk)
			inl_text(c, in, " ", x);
		break;
	case K_BLOCK: case K_PARA: case K_HEADING: case K_QUOTE: case K_LIST:
	case K_ITEM: case K_TABLE:
		inl_break(in);
		c->depth++;
		inline_children(c, in, x);
		c->depth--;
		inl_break(in);
		return;
	case K_UNWRAP:
		break;
	}
	c->depth++;
	if (wrap != ART_NODE__MAX) {
		struct art_node *w = node(c, wrap, x);
		bool space = in->space;
		inl_add(in, w);
		in->space = space;
		struct art_node *save = in->parent;
		in->parent = w;
		inline_children(c, in, x);
		in->parent = save;
		if (!w->first_child)
			art_node_free(w);
	} else {
		inline_children(c, in, x);
	}
	c->depth--;
}

static void inline_children(struct conv *c, struct inl *in, xmlNodePtr x)
{
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE)
			inl_text(c, in, ch->content ? (const char *)ch->content : "", ch);
		else if (ch->type == XML_ELEMENT_NODE)
			inline_element(c, in, ch);
	}
}

/* ------------------------------------------------------------ blocks */

static void blk_close(struct blk *b, struct conv *c)
{
	if (!b->para)
		return;
	struct art_node *p = b->para;
	b->para = NULL;
	trim(p);
	if (!p->first_child) {
		art_node_free(p);
		return;
	}
	art_node_append(b->parent, p);
	flush_anchors(c, p);
}

static void blk_add(struct blk *b, struct conv *c, struct art_node *n)
{
	blk_close(b, c);
	art_node_append(b->parent, n);
	flush_anchors(c, n);
}

static struct inl *blk_inl(struct blk *b, struct conv *c, xmlNodePtr x)
{
	if (!b->para) {
		b->para = node(c, ART_PARAGRAPH, x);
		b->in = (struct inl){ b->para, true, false };
	}
	return &b->in;
}

/* Fills a new block container (quote, item) from x's children. */
static void sub_blocks(struct conv *c, struct art_node *container, xmlNodePtr x)
{
	struct blk sub = { container, NULL, { NULL, true, false } };
	c->depth++;
	block_children(c, &sub, x);
	c->depth--;
	blk_close(&sub, c);
}

static struct art_node *inline_block(struct conv *c, enum art_node_type t, xmlNodePtr x)
{
	struct art_node *n = node(c, t, x);
	struct inl in = { n, true, false };
	c->depth++;
	inline_children(c, &in, x);
	c->depth--;
	trim(n);
	return n;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!is_ws(*s))
			return false;
	return true;
}

static void block_list(struct conv *c, struct blk *b, xmlNodePtr x)
{
	struct art_node *list = node(c, ART_LIST, x);
	list->u.list.ordered = !g_ascii_strcasecmp(ename(x), "ol");
	list->u.list.start = int_attr(x, "start", 1, 999999999);
	list->u.list.delim = '.';
	list->u.list.bullet = '-';
	list->u.list.tight = true;
	c->depth++;
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		bool li = ch->type == XML_ELEMENT_NODE && kind_of(ename(ch)) == K_ITEM;
		if (ch->type == XML_TEXT_NODE && blank((const char *)ch->content))
			continue;
		if (ch->type != XML_ELEMENT_NODE && ch->type != XML_TEXT_NODE)
			continue;
		struct art_node *item = node(c, ART_ITEM, ch);
		if (li) {
			sub_blocks(c, item, ch);
		} else {        /* stray content in a list: an item of its own */
			struct blk sub = { item, NULL, { NULL, true, false } };
			if (ch->type == XML_TEXT_NODE)
				inl_text(c, blk_inl(&sub, c, ch), (const char *)ch->content, ch);
			else
				inline_element(c, blk_inl(&sub, c, ch), ch);
			blk_close(&sub, c);
		}
		if (item->first_child)
			art_node_append(list, item);
		else
			art_node_free(item);
	}
	c->depth--;
	if (list->first_child)
		blk_add(b, c, list);
	else
		art_node_free(list);
}

/* ------------------------------------------------------------ tables */

static void table_cells(struct conv *c, struct art_node *row, xmlNodePtr tr)
{
	for (xmlNodePtr ch = tr->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || kind_of(ename(ch)) != K_CELL)
			continue;
		struct art_node *cell = inline_block(c, ART_TABLE_CELL, ch);
		cell->u.cell.colspan = int_attr(ch, "colspan", 1, MAX_COLS);
		cell->u.cell.rowspan = int_attr(ch, "rowspan", 1, MAX_ROWSPAN);
		cell->u.cell.header = !g_ascii_strcasecmp(ename(ch), "th");
		art_node_append(row, cell);
	}
}

/* Rows of a table or of its thead/tbody/tfoot; a <caption> becomes a
 * paragraph before the table. */
static void table_rows(struct conv *c, struct blk *b, struct art_node *table,
                       xmlNodePtr sec, bool head, int level)
{
	for (xmlNodePtr ch = sec->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		const char *nm = ename(ch);
		if (!g_ascii_strcasecmp(nm, "tr")) {
			struct art_node *row = node(c, ART_TABLE_ROW, ch);
			table_cells(c, row, ch);
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
				blk_add(b, c, p);
			else
				art_node_free(p);
		} else if (kind_of(nm) == K_DROP) {
			warn_dropped(c, ch);
		}
	}
}

/* Spans clamped to the table; ncols the widest row counting the columns
 * that rowspans from above fill. */
static void table_shape(struct art_node *table)
{
	int nrows = 0, ncols = 0, cap = 16;
	for (struct art_node *r = table->first_child; r; r = r->next)
		nrows++;
	int *rem = g_new0(int, cap);
	int ri = 0;
	for (struct art_node *r = table->first_child; r; r = r->next, ri++) {
		int col = 0;
		for (struct art_node *cell = r->first_child; cell; cell = cell->next) {
			while (col < cap && rem[col] > 0)
				col++;
			int cs = cell->u.cell.colspan;
			if (col + cs > MAX_COLS)
				cs = col < MAX_COLS ? MAX_COLS - col : 1;
			cell->u.cell.colspan = cs;
			if (cell->u.cell.rowspan > nrows - ri)
				cell->u.cell.rowspan = nrows - ri;
			if (col + cs > cap) {
				int ncap = MAX(cap * 2, col + cs);
				rem = g_renew(int, rem, ncap);
				memset(rem + cap, 0, sizeof *rem * (size_t)(ncap - cap));
				cap = ncap;
			}
			for (int k = col; k < col + cs; k++)
				rem[k] = cell->u.cell.rowspan;
			col += cs;
			ncols = MAX(ncols, col);
		}
		for (int k = 0; k < cap; k++)
			if (rem[k] > 0)
				rem[k]--;
	}
	g_free(rem);
	table->u.table.ncols = ncols;
	table->u.table.aligns = g_new0(enum art_align, ncols > 0 ? ncols : 1);
}

static void block_table(struct conv *c, struct blk *b, xmlNodePtr x)
{
	struct art_node *table = node(c, ART_TABLE, x);
	blk_close(b, c);
	c->depth++;
	table_rows(c, b, table, x, false, 0);
	c->depth--;
	if (!table->first_child) {
		art_node_free(table);
		return;
	}
	table_shape(table);
	blk_add(b, c, table);
}

static void block_element(struct conv *c, struct blk *b, xmlNodePtr x)
{
	enum kind k = kind_of(ename(x));
	if (c->depth >= MAX_DEPTH) {
		inline_element(c, blk_inl(b, c, x), x);
		return;
	}
	struct art_node *n;
	switch (k) {
	case K_PARA:
	case K_HEADING:
		blk_close(b, c);
		n = inline_block(c, k == K_PARA ? ART_PARAGRAPH : ART_HEADING, x);
		if (k == K_HEADING)
			n->u.heading.level = ename(x)[1] - '0';
		if (n->first_child)
			blk_add(b, c, n);
		else
			art_node_free(n);
		return;
	case K_PRE: {
		char *s = text_content(x);
		if (blank(s)) {
			g_free(s);
			return;
		}
		n = node(c, ART_CODE_BLOCK, x);
		const char *start = s[0] == '\r' && s[1] == '\n' ? s + 2 : s[0] == '\n' ? s + 1 : s;
		n->literal = g_str_has_suffix(start, "\n") ? g_strdup(start)
		           : g_strconcat(start, "\n", NULL);
		g_free(s);
		blk_add(b, c, n);
		return;
	}
	case K_QUOTE:
		blk_close(b, c);
		n = node(c, ART_BLOCKQUOTE, x);
		sub_blocks(c, n, x);
		if (n->first_child)
			blk_add(b, c, n);
		else
			art_node_free(n);
		return;
	case K_LIST:
		blk_close(b, c);
		block_list(c, b, x);
		return;
	case K_TABLE:
		block_table(c, b, x);
		return;
	case K_HR:
		blk_add(b, c, node(c, ART_THEMATIC_BREAK, x));
		return;
	case K_BLOCK:
	case K_ITEM:
	case K_CELL:
		blk_close(b, c);
		c->depth++;
		block_children(c, b, x);
		c->depth--;
		blk_close(b, c);
		return;
	case K_BR:
		if (b->para)
			inline_element(c, &b->in, x);
		return;
	case K_DROP:
		warn_dropped(c, x);
		return;
	case K_SILENT:
	case K_WBR:
		return;
	case K_UNWRAP: case K_IMG: case K_A: case K_STRONG: case K_EMPH:
	case K_STRIKE: case K_CODE:
		break;
	}
	inline_element(c, blk_inl(b, c, x), x);
}

static void block_children(struct conv *c, struct blk *b, xmlNodePtr x)
{
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			const char *s = ch->content ? (const char *)ch->content : "";
			if (b->para || !blank(s))
				inl_text(c, blk_inl(b, c, ch), s, ch);
		} else if (ch->type == XML_ELEMENT_NODE) {
			block_element(c, b, ch);
		}
	}
}

/* ------------------------------------------------------------ fragments */

static xmlNodePtr find_body(xmlNodePtr n)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !strcmp(ename(n), "html"))
			for (xmlNodePtr b = n->children; b; b = b->next)
				if (b->type == XML_ELEMENT_NODE && !strcmp(ename(b), "body"))
					return b;
	return NULL;
}

/* The explicit <body> makes leading text body content rather than
 * something the parser wraps in an implied <p>. */
static htmlDocPtr parse(const char *html, xmlNodePtr *body)
{
	GString *src = g_string_new("<html><body>");
	g_string_append(src, html);
	g_string_append(src, "</body></html>");
	htmlDocPtr doc = htmlReadMemory(src->str, (int)MIN(src->len, (gsize)G_MAXINT), NULL,
	                                "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                HTML_PARSE_NONET);
	g_string_free(src, TRUE);
	*body = doc ? find_body(doc->children) : NULL;
	return doc;
}

/* An HTML block: its blocks take its place.  Anchors that end up in no
 * block name the block after it, as "<a name=x></a>" before a heading
 * means. */
static void convert_block(struct conv *c, struct art_node *html)
{
	xmlNodePtr body;
	const char *lit = html->literal ? html->literal : "";
	/* "<div id=x" and text with no '>' anywhere: no tag ever closes, so a
	 * parser would hide all of it; it is text someone typed. */
	htmlDocPtr doc = strchr(lit, '>') ? parse(lit, &body) : NULL;
	struct art_node *holder = art_node_new(ART_DOCUMENT, html->pos);
	c->holder = holder;
	if (!doc) {
		struct blk b = { holder, NULL, { NULL, true, false } };
		inl_text(c, blk_inl(&b, c, NULL), lit, NULL);
		blk_close(&b, c);
	} else if (body) {
		struct blk b = { holder, NULL, { NULL, true, false } };
		block_children(c, &b, body);
		blk_close(&b, c);
	}
	if (doc)
		xmlFreeDoc(doc);
	while (holder->first_child)
		art_node_insert_before(html, holder->first_child);
	art_node_free(holder);
	c->holder = NULL;
	/* a following HTML block gets them, once it is converted */
	if (!html->next || html->next->type != ART_HTML_BLOCK)
		flush_anchors(c, html->next ? html->next : html->parent);
	art_node_free(html);
}

/* ------------------------------------------------------------ inline tags */

struct open_tag {
	struct art_node *tag;   /* the ART_HTML_INLINE node */
	char *name;             /* lower case */
	enum kind kind;
	char *href, *title;     /* <a href> */
};

/* "</name>" -> "name" (new string, lower case), or NULL. */
static char *closing_name(const char *s)
{
	if (s[0] != '<' || s[1] != '/')
		return NULL;
	const char *p = s + 2, *q = p;
	while (g_ascii_isalnum(*q))
		q++;
	return q > p ? g_ascii_strdown(p, q - p) : NULL;
}

static void free_open(struct open_tag *o)
{
	g_free(o->name);
	g_free(o->href);
	g_free(o->title);
}

/* Wraps the siblings between open tag o and close tag end into the node
 * the element stands for; both tags are freed. */
static void close_tag(struct open_tag *o, struct art_node *end)
{
	enum art_node_type t = o->kind == K_STRONG ? ART_STRONG : o->kind == K_EMPH ? ART_EMPH
	                     : o->kind == K_STRIKE ? ART_STRIKE : o->kind == K_CODE ? ART_CODE
	                     : o->kind == K_A && o->href ? ART_LINK : ART_NODE__MAX;
	for (struct art_node *p = o->tag->parent; p && t == ART_LINK; p = p->parent)
		if (p->type == ART_LINK)
			t = ART_NODE__MAX;      /* no link inside a link */
	if (o->kind == K_DROP) {
		while (o->tag->next != end)
			art_node_free(o->tag->next);
	} else if (t != ART_NODE__MAX && o->tag->next != end) {
		struct art_node *w = art_node_new(t, o->tag->pos);
		while (o->tag->next != end)
			art_node_append(w, o->tag->next);
		if (t == ART_LINK) {
			w->u.link.url = o->href;
			w->u.link.title = o->title;
			o->href = o->title = NULL;
		} else if (t == ART_CODE) {
			w->literal = art_node_plain_text(w);
			while (w->first_child)
				art_node_free(w->first_child);
		}
		art_node_insert_before(end, w);
	}
	art_node_free(end);
	art_node_free(o->tag);
}

/* The HTML_INLINE children of parent: tags that pair up wrap what lies
 * between them; void elements (<br>, <img>) become nodes; the rest goes. */
static void convert_inlines(struct conv *c, struct art_node *parent)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(struct open_tag));
	for (struct art_node *n = parent->first_child, *next; n; n = next) {
		next = n->next;
		if (n->type != ART_HTML_INLINE)
			continue;
		const char *lit = n->literal ? n->literal : "";
		char *cname = closing_name(lit);
		if (cname) {
			guint i = stack->len;
			while (i > 0 && strcmp(g_array_index(stack, struct open_tag, i - 1).name, cname))
				i--;
			if (i > 0) {
				/* tags opened inside and never closed go first */
				for (guint j = stack->len; j > i; j--) {
					struct open_tag *u = &g_array_index(stack, struct open_tag, j - 1);
					art_node_free(u->tag);
					free_open(u);
				}
				struct open_tag *o = &g_array_index(stack, struct open_tag, i - 1);
				close_tag(o, n);
				free_open(o);
				g_array_set_size(stack, i - 1);
			} else {
				art_node_free(n);
			}
			g_free(cname);
			continue;
		}
		xmlNodePtr body, x = NULL;
		htmlDocPtr doc = lit[0] == '<' && g_ascii_isalpha(lit[1]) ? parse(lit, &body) : NULL;
		for (x = doc && body ? body->children : NULL; x; x = x->next)
			if (x->type == XML_ELEMENT_NODE)
				break;
		enum kind k = x ? kind_of(ename(x)) : K_SILENT;
		struct art_node *repl = NULL;
		bool selfclosed = g_str_has_suffix(lit, "/>");
		if (x && k == K_A) {
			anchor_ids(c, x);
			flush_anchors(c, parent);
		}
		if (k == K_BR || k == K_HR) {
			repl = art_node_new(ART_LINEBREAK, n->pos);
		} else if (k == K_IMG) {
			struct conv ic = *c;
			ic.pos = n->pos;
			repl = make_image(&ic, x);
		} else if (k == K_DROP && x && (selfclosed || stack->len >= MAX_OPEN)) {
			warn_dropped(c, x);
		} else if (k != K_SILENT && k != K_WBR && !selfclosed && stack->len < MAX_OPEN) {
			if (k == K_DROP) {
				struct conv wc = *c;
				wc.pos = n->pos;
				warn_dropped(&wc, x);
			}
			struct open_tag o = { n, g_ascii_strdown(ename(x), -1), k, NULL, NULL };
			if (k == K_A) {
				o.href = attr(x, "href");
				o.title = attr(x, "title");
			}
			g_array_append_val(stack, o);
			n = NULL;
		}
		if (doc)
			xmlFreeDoc(doc);
		if (repl)
			art_node_insert_before(n, repl);
		if (n)
			art_node_free(n);
	}
	for (guint j = 0; j < stack->len; j++) {
		struct open_tag *u = &g_array_index(stack, struct open_tag, j);
		art_node_free(u->tag);
		free_open(u);
	}
	g_array_free(stack, TRUE);
}

static bool only_space(const struct art_node *p)
{
	for (const struct art_node *n = p->first_child; n; n = n->next)
		if (n->type != ART_SOFTBREAK && (n->type != ART_TEXT || !blank(n->literal)))
			return false;
	return true;
}

void art_html_to_model(struct article *art)
{
	if (!art || !art->root)
		return;
	struct conv c = { art, { 0, 0 }, g_ptr_array_new_with_free_func(g_free), NULL, NULL,
	                  0, 0 };
	GPtrArray *blocks = g_ptr_array_new(), *parents = g_ptr_array_new();
	GHashTable *seen = g_hash_table_new(NULL, NULL);
	struct art_node *root = art->root;
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type == ART_HTML_BLOCK)
			g_ptr_array_add(blocks, n);
		else if (n->type == ART_HTML_INLINE && n->parent &&
		         g_hash_table_add(seen, n->parent))
			g_ptr_array_add(parents, n->parent);
	}
	g_hash_table_destroy(seen);
	/* Deepest first: dropping <script>...</script> may free a container
	 * that holds tags of its own, which must be done by then. */
	for (guint i = parents->len; i-- > 0; ) {
		struct art_node *p = parents->pdata[i];
		c.pos = p->pos;
		convert_inlines(&c, p);
		if (p->type == ART_PARAGRAPH || p->type == ART_HEADING ||
		    p->type == ART_TABLE_CELL)
			trim(p);        /* a tag gone from the end leaves a space */
		if (p->type == ART_PARAGRAPH && only_space(p))
			art_node_free(p);       /* it held tags only, e.g. an anchor */
	}
	for (guint i = 0; i < blocks->len; i++) {
		struct art_node *h = blocks->pdata[i];
		c.pos = h->pos;
		c.container = h->parent;
		c.depth = 0;
		c.in_link = 0;
		convert_block(&c, h);
	}
	g_ptr_array_free(parents, TRUE);
	g_ptr_array_free(blocks, TRUE);
	g_ptr_array_free(c.pending, TRUE);
}
