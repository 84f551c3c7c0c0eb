/* xhtml.c - one article -> one EPUB 3 XHTML content document: the title
 * block, the blocks, the footnotes section.  Inline nodes are
 * xhtml_inline.c's; the document skeleton, text and ids xhtml_doc.c's.
 *
 * Built node by node with libxml2's tree API and serialised by libxml2, so
 * the result is well-formed whatever the input.  Raw HTML reaches it as
 * model nodes, like md2txt and md2pdf (common/html*.c). */
#include <string.h>

#include "xhtml.h"

static void render_blocks(struct xhtml_writer *x, xmlNodePtr parent,
                          const struct art_node *first);
static void render_block(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n);
static void render_block_node(struct xhtml_writer *x, xmlNodePtr parent,
                              const struct art_node *n);

/* Give a heading the id the model chose (reserved at chapter start) unless
 * another heading already mapped to the same NCName. */
static const char *
heading_id(struct xhtml_writer *x, const char *raw)
{
	if (raw == NULL || *raw == '\0')
		return NULL;
	char *id = epub_xml_id(raw);
	gpointer key, val;
	const char *res = NULL;
	if (g_hash_table_lookup_extended(x->ch->ids, id, &key, &val)) {
		if (val == EPUB_ID_RESERVED) {
			g_hash_table_insert(x->ch->ids, g_strdup(id), EPUB_ID_PRESENT);
			res = g_hash_table_lookup_extended(x->ch->ids, id, &key, &val) ? key
			                                                               : NULL;
		}
	} else {
		g_hash_table_insert(x->ch->ids, g_strdup(id), EPUB_ID_PRESENT);
		res = g_hash_table_lookup_extended(x->ch->ids, id, &key, &val) ? key : NULL;
	}
	g_free(id);
	return res;
}

static struct art_node *
footnote_def(const struct article *art, int n)
{
	if (art->footnotes == NULL)
		return NULL;
	for (guint i = 0; i < art->footnotes->len; i++) {
		struct art_node *d = g_ptr_array_index(art->footnotes, i);
		if (d->u.footnote.number == n)
			return d;
	}
	return NULL;
}

static void
ptr_array_set(GPtrArray *a, guint i, char *v)
{
	if (a->len <= i)
		g_ptr_array_set_size(a, (gint)i + 1);
	g_free(a->pdata[i]);
	a->pdata[i] = v;
}

void
epub_noteref(struct epub_book *book, struct epub_chapter *ch, xmlNodePtr parent, int n)
{
	(void)book;
	if (n <= 0 || footnote_def(ch->art, n) == NULL || (guint)n >= ch->fn_ids->len ||
	    ch->fn_ids->pdata[n] == NULL)
		return;
	char base[32], num[16];
	g_snprintf(base, sizeof base, "fnref-%d", n);
	g_snprintf(num, sizeof num, "%d", n);
	const char *id = epub_claim_id(ch, base);
	if ((guint)n >= ch->fnref_ids->len || ch->fnref_ids->pdata[n] == NULL)
		ptr_array_set(ch->fnref_ids, (guint)n, g_strdup(id));
	xmlNodePtr sup = el(parent, "sup");
	xmlNodePtr a = el(sup, "a");
	xmlNsPtr ops = xmlSearchNsByHref(parent->doc, xmlDocGetRootElement(parent->doc),
	                                 BAD_CAST EPUB_NS_OPS);
	xmlNewNsProp(a, ops, BAD_CAST "type", BAD_CAST "noteref");
	char *href = g_strconcat("#", (char *)ch->fn_ids->pdata[n], NULL);
	prop(a, "href", href);
	g_free(href);
	prop(a, "id", id);
	prop(a, "class", "noteref");
	epub_text(a, num);
}

static const char *
align_class(enum art_align a)
{
	switch (a) {
	case ART_ALIGN_LEFT:
		return "align-left";
	case ART_ALIGN_CENTER:
		return "align-center";
	case ART_ALIGN_RIGHT:
		return "align-right";
	case ART_ALIGN_NONE:
		return NULL;
	}
	return NULL;
}

/* colspan/rowspan of a raw HTML table's cell, as clipped to the grid (1
 * is left out). */
static void
span_attr(xmlNodePtr td, const char *name, int span)
{
	if (span > 1) {
		char buf[16];
		g_snprintf(buf, sizeof buf, "%d", span);
		prop(td, name, buf);
	}
}

static void
render_table(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *t)
{
	xmlNodePtr table = el(parent, "table"), head = NULL, body = NULL;
	epub_nl(table);
	/* one <thead>, before the body: header rows of a raw HTML table
	 * below its first body row stay in the body, and so do header rows
	 * that a rowspan joins to the body (a browser would end the rowspan
	 * with the <thead>, and the cells below it would move left) */
	int head_rows = art_table_head_rows(t), ri = 0;
	for (const struct art_node *row = t->first_child; row; row = row->next, ri++) {
		xmlNodePtr sect;
		if (ri < head_rows) {
			if (head == NULL)
				head = el(table, "thead");
			sect = head;
		} else {
			if (body == NULL) {
				body = el(table, "tbody");
				epub_nl(body);
			}
			sect = body;
		}
		xmlNodePtr tr = el(sect, "tr");
		epub_anchor_ids(x->ch, tr, row);
		for (const struct art_node *c = row->first_child; c; c = c->next) {
			xmlNodePtr td =
			    el(tr, row->u.row.header || c->u.cell.header ? "th" : "td");
			/* the column and spans art_table_grid() gave the cell, so
			 * a browser places it where md2txt and md2pdf do */
			int col = c->u.cell.col;
			const char *cls = col < t->u.table.ncols && t->u.table.aligns
			                      ? align_class(t->u.table.aligns[col])
			                      : NULL;
			if (cls)
				prop(td, "class", cls);
			span_attr(td, "colspan", c->u.cell.colspan);
			span_attr(td, "rowspan", c->u.cell.rowspan);
			epub_anchor_ids(x->ch, td, c);
			xhtml_render_inlines(x, td, c->first_child);
		}
		epub_nl(sect);
		if (sect == head && ri + 1 == head_rows)
			epub_nl(table);
	}
	if (body)
		epub_nl(table);
}

static void
render_code_block(xmlNodePtr parent, const struct art_node *n)
{
	xmlNodePtr pre = el(parent, "pre");
	xmlNodePtr code = el(pre, "code");
	if (n->u.code.info && *n->u.code.info) {
		char *lang = g_strdup(n->u.code.info);
		lang[strcspn(lang, " \t{")] = '\0';
		char *id = epub_xml_id(lang);
		char *cls = g_strconcat("language-", id, NULL);
		if (*lang)
			prop(code, "class", cls);
		g_free(cls);
		g_free(id);
		g_free(lang);
	}
	epub_text(code, n->literal);
}

static xmlNodePtr
render_heading(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	int level = n->u.heading.level < 1   ? 1
	            : n->u.heading.level > 6 ? 6
	                                     : n->u.heading.level;
	char name[4] = {'h', (char)('0' + level), 0, 0};
	xmlNodePtr h = el(parent, name);
	const char *id = heading_id(x, n->u.heading.id);
	if (id)
		prop(h, "id", id);
	epub_anchor_ids(x->ch, h, n);
	xhtml_render_inlines(x, h, n->first_child);
	if (level <= 3) {
		struct epub_toc_entry *e = g_new0(struct epub_toc_entry, 1);
		e->level = level;
		char *txt = art_node_plain_text(n);
		e->text = g_strstrip(epub_clean(txt));
		g_free(txt);
		e->href = id ? g_strconcat(x->ch->file, "#", id, NULL) : g_strdup(x->ch->file);
		g_ptr_array_add(x->ch->toc, e);
	}
	return h;
}

static void
render_figure(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	xmlNodePtr fig = el(parent, "figure");
	for (const struct art_node *c = n->first_child; c; c = c->next) {
		if (c->type == ART_IMAGE) {
			xhtml_render_image(x, fig, c);
		} else if (c->type == ART_CAPTION) {
			xhtml_render_inlines(x, el(fig, "figcaption"), c->first_child);
		}
	}
}

static void
render_list(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	xmlNodePtr list = el(parent, n->u.list.ordered ? "ol" : "ul");
	if (n->u.list.ordered && n->u.list.start != 1) {
		char buf[24];
		g_snprintf(buf, sizeof buf, "%d", n->u.list.start);
		prop(list, "start", buf);
	}
	epub_nl(list);
	bool tasks = false;
	for (const struct art_node *it = n->first_child; it; it = it->next) {
		xmlNodePtr li = el(list, "li");
		epub_anchor_ids(x->ch, li, it);
		if (it->type == ART_ITEM && it->u.item.task >= 0) {
			tasks = true;
			prop(li, "class", it->u.item.task ? "task done" : "task");
			xmlNodePtr box = el(li, "span");
			prop(box, "class", "task-box");
			epub_text(box, it->u.item.task ? "\u2611" : "\u2610");
			epub_text(li, " ");
		}
		if (n->u.list.tight) {
			/* Tight items: paragraphs are not wrapped in <p>. */
			for (const struct art_node *c = it->first_child; c; c = c->next) {
				if (c->type == ART_PARAGRAPH) {
					epub_anchor_ids(x->ch, li, c);
					xhtml_render_inlines(x, li, c->first_child);
					if (c->next)
						epub_nl(li);
				} else {
					if (c == it->first_child)
						epub_nl(li);
					render_block(x, li, c);
				}
			}
		} else {
			epub_nl(li);
			render_blocks(x, li, it->first_child);
		}
		epub_nl(list);
	}
	if (tasks)
		prop(list, "class", "tasks");
}

/* Past XHTML_MAX_DEPTH: the leaf blocks of n's subtree, in order, straight
 * into parent. */
static void
flatten_blocks(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *top)
{
	const struct art_node *n = top;
	while (n) {
		bool leaf = n->type == ART_PARAGRAPH || n->type == ART_HEADING ||
		            n->type == ART_CODE_BLOCK || n->type == ART_HTML_BLOCK ||
		            n->type == ART_THEMATIC_BREAK || n->type == ART_TABLE ||
		            n->type == ART_FIGURE || n->type == ART_FOOTNOTE_DEF ||
		            n->type == ART_DEF_TERM;
		if (leaf)
			render_block_node(x, parent, n);
		n = art_node_next(n, top, !leaf);
	}
}

void
xhtml_warn_flat(struct xhtml_writer *x, const struct art_node *n)
{
	if (!x->flat_warned)
		art_diag(ART_W_NESTING_FLAT, x->ch->art->display_name, n->pos, XHTML_MAX_DEPTH,
		         "the EPUB");
	x->flat_warned = true;
}

static void
render_block(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	if (x->depth >= XHTML_MAX_DEPTH && n->first_child &&
	    art_node_is_block(n->first_child)) {
		xhtml_warn_flat(x, n);
		flatten_blocks(x, parent, n);
		return;
	}
	xmlNodePtr last = parent->last;
	x->depth++;
	render_block_node(x, parent, n);
	x->depth--;
	/* the element made for n carries the anchors that name it */
	for (xmlNodePtr e = last ? last->next : parent->children; e; e = e->next)
		if (e->type == XML_ELEMENT_NODE) {
			epub_anchor_ids(x->ch, e, n);
			break;
		}
}

static void
render_block_node(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	xmlNodePtr e;
	switch (n->type) {
	case ART_DOCUMENT:
		render_blocks(x, parent, n->first_child);
		return;
	case ART_PARAGRAPH:
		e = el(parent, "p");
		xhtml_render_inlines(x, e, n->first_child);
		break;
	case ART_HEADING:
		render_heading(x, parent, n);
		break;
	case ART_BLOCKQUOTE:
		e = el(parent, "blockquote");
		epub_nl(e);
		render_blocks(x, e, n->first_child);
		break;
	case ART_LIST:
		render_list(x, parent, n);
		break;
	case ART_ITEM:
		e = el(parent, "div");
		render_blocks(x, e, n->first_child);
		break;
	case ART_CODE_BLOCK:
		render_code_block(parent, n);
		break;
	case ART_HTML_BLOCK: /* art_normalize() made model nodes of it */
		return;
	case ART_THEMATIC_BREAK:
		el(parent, "hr");
		break;
	case ART_TABLE:
		render_table(x, parent, n);
		break;
	case ART_FIGURE:
		render_figure(x, parent, n);
		break;
	case ART_CAPTION:
	case ART_TABLE_ROW:
	case ART_TABLE_CELL:
		e = el(parent, "div");
		xhtml_render_inlines(x, e, n->first_child);
		break;
	case ART_FOOTNOTE_DEF:
		return; /* collected at the chapter's end */
	case ART_DEF_LIST:
		e = el(parent, "dl");
		epub_nl(e);
		render_blocks(x, e, n->first_child);
		break;
	case ART_DEF_TERM:
		xhtml_render_inlines(x, el(parent, "dt"), n->first_child);
		break;
	case ART_DEF_DESC:
		e = el(parent, "dd");
		render_blocks(x, e, n->first_child);
		break;
	case ART_TEXT:
	case ART_SOFTBREAK:
	case ART_LINEBREAK:
	case ART_CODE:
	case ART_HTML_INLINE:
	case ART_EMPH:
	case ART_STRONG:
	case ART_STRIKE:
	case ART_SUPERSCRIPT:
	case ART_SUBSCRIPT:
	case ART_LINK:
	case ART_IMAGE:
	case ART_FOOTNOTE_REF:
	case ART_NODE__MAX:
		return; /* no inline stands among blocks (art_check()) */
	}
	epub_nl(parent);
}

/* Render from first through its following siblings. */
static void
render_blocks(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *first)
{
	for (const struct art_node *n = first; n; n = n->next)
		render_block(x, parent, n);
}

static void
render_footnotes(struct xhtml_writer *x, xmlNodePtr body)
{
	const struct article *art = x->ch->art;
	if (art->footnotes == NULL || art->footnotes->len == 0)
		return;
	xmlNodePtr sect = NULL;
	for (guint i = 0; i < art->footnotes->len; i++) {
		const struct art_node *d = g_ptr_array_index(art->footnotes, i);
		int n = d->u.footnote.number;
		if (n <= 0 || (guint)n >= x->ch->fn_ids->len || x->ch->fn_ids->pdata[n] == NULL)
			continue;
		if (sect == NULL) {
			sect = el(body, "section");
			prop(sect, "class", "footnotes");
			xmlNewNsProp(sect, x->ops, BAD_CAST "type", BAD_CAST "footnotes");
			epub_nl(sect);
			el(sect, "hr");
			epub_nl(sect);
		}
		xmlNodePtr aside = el(sect, "aside");
		xmlNewNsProp(aside, x->ops, BAD_CAST "type", BAD_CAST "footnote");
		prop(aside, "id", x->ch->fn_ids->pdata[n]);
		epub_anchor_ids(x->ch, aside, d);
		epub_nl(aside);
		/* The number, linking back to the first reference. */
		xmlNodePtr p = el(aside, "p");
		prop(p, "class", "footnote-number");
		char num[16];
		g_snprintf(num, sizeof num, "%d.", n);
		const char *back =
		    (guint)n < x->ch->fnref_ids->len ? x->ch->fnref_ids->pdata[n] : NULL;
		if (back) {
			xmlNodePtr a = el(p, "a");
			char *href = g_strconcat("#", back, NULL);
			prop(a, "href", href);
			g_free(href);
			epub_text(a, num);
		} else {
			epub_text(p, num);
		}
		epub_nl(aside);
		render_blocks(x, aside, d->first_child);
		epub_nl(sect);
	}
	if (sect)
		epub_nl(body);
}

/* Reserve the model's heading ids first, so a raw <a name> earlier in the
 * text cannot take one away from its heading. */
static void
reserve_ids(struct epub_chapter *ch)
{
	if (ch->art->ids == NULL)
		return;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, ch->art->ids);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		const struct art_node *n = v;
		if (n == NULL || n->type != ART_HEADING)
			continue;
		char *id = epub_xml_id(k);
		if (!g_hash_table_contains(ch->ids, id))
			g_hash_table_insert(ch->ids, id, EPUB_ID_RESERVED);
		else
			g_free(id);
	}
	const struct article *art = ch->art;
	for (guint i = 0; art->footnotes && i < art->footnotes->len; i++) {
		const struct art_node *d = g_ptr_array_index(art->footnotes, i);
		int n = d->u.footnote.number;
		if (n <= 0)
			continue;
		char base[32];
		g_snprintf(base, sizeof base, "fn-%d", n);
		ptr_array_set(ch->fn_ids, (guint)n, g_strdup(epub_claim_id(ch, base)));
	}
}

/* The title block.  An opening heading that repeats the title is the title
 * (it keeps its id and its nav entry) and is not repeated below. */
static void
render_title(struct xhtml_writer *x, xmlNodePtr sect)
{
	const struct epub_chapter *ch = x->ch;
	const struct art_meta *m = &ch->art->meta;
	const struct art_node *title_heading = ch->art->title_heading;
	if (title_heading != NULL) {
		prop(render_heading(x, sect, title_heading), "class", "title");
		epub_nl(sect);
	} else if (m->title && *m->title) {
		xmlNodePtr h = el(sect, "h1");
		prop(h, "class", "title");
		epub_text(h, m->title);
		epub_nl(sect);
	}
	if (m->subtitle && *m->subtitle) {
		xmlNodePtr p = el(sect, "p");
		prop(p, "class", "subtitle");
		epub_text(p, m->subtitle);
		epub_nl(sect);
	}
	bool zh = ch->art->lang && g_str_has_prefix(ch->art->lang, "zh");
	GString *by = g_string_new(NULL);
	for (guint i = 0; i < m->authors->len; i++) {
		if (i > 0)
			g_string_append(by, zh ? "\u3001" : ", ");
		g_string_append(by, g_ptr_array_index(m->authors, i));
	}
	char *date = g_strdup(ch->art->date);
	if (date) {
		if (by->len)
			g_string_append(by, " \u00b7 ");
		g_string_append(by, date);
	}
	if (by->len) {
		xmlNodePtr p = el(sect, "p");
		prop(p, "class", "byline");
		epub_text(p, by->str);
		epub_nl(sect);
	}
	g_free(date);
	g_string_free(by, TRUE);
	/* The summary leads the article, as in md2pdf's title block, unless
	 * the opening paragraphs say it again. */
	if (m->summary && *m->summary && !ch->art->summary_repeated) {
		xmlNodePtr p = el(sect, "p");
		prop(p, "class", "lead");
		epub_text(p, m->summary);
		epub_nl(sect);
	}
}

void
epub_xhtml_chapter(struct epub_book *book, struct epub_chapter *ch)
{
	struct xhtml_writer x = {book, ch, NULL, 0, 0, false};
	xmlNodePtr body = epub_xhtml_skeleton(&ch->doc, ch->art->lang, ch->title, true);
	x.ops = xmlSearchNsByHref(ch->doc, xmlDocGetRootElement(ch->doc), BAD_CAST EPUB_NS_OPS);
	xmlNodePtr sect = el(body, "section");
	xmlNewNsProp(sect, x.ops, BAD_CAST "type", BAD_CAST "chapter");
	prop(sect, "class", "article");
	epub_nl(sect);
	epub_nl(body);
	reserve_ids(ch);
	if (ch->art->root)
		epub_anchor_ids(ch, sect, ch->art->root);
	render_title(&x, sect);
	const struct art_node *first = ch->art->root ? ch->art->root->first_child : NULL;
	if (first != NULL && first == ch->art->title_heading)
		first = first->next;
	render_blocks(&x, sect, first);
	render_footnotes(&x, sect);
}
