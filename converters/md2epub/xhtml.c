/* xhtml.c - one article -> one EPUB 3 XHTML content document.
 *
 * Built node by node with libxml2's tree API and serialised by libxml2, so
 * the result is well-formed whatever the input.  Raw HTML reaches it as
 * model nodes, like md2txt and md2pdf (common/html*.c). */
#include <string.h>

#include "epub.h"

/* Nesting deeper than this (50000 '>' or '*' in hostile input) is
 * flattened without recursion, so the stack stays small. */
#define MAX_DEPTH 48

/* One chapter's XHTML being built: its book, the OPS namespace, nesting. */
struct xhtml_writer {
	struct epub_book *book;
	struct epub_chapter *ch;
	xmlNsPtr ops;
	int depth;  /* block nesting */
	int idepth; /* inline nesting */
};

static void render_blocks(struct xhtml_writer *x, xmlNodePtr parent,
                          const struct art_node *first);
static void render_block(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n);
static void render_block_node(struct xhtml_writer *x, xmlNodePtr parent,
                              const struct art_node *n);
static void render_inline_list(struct xhtml_writer *x, xmlNodePtr parent,
                               const struct art_node *first);
static void render_inline_node(struct xhtml_writer *x, xmlNodePtr parent,
                               const struct art_node *n);

char *
epub_clean(const char *s)
{
	GString *o = g_string_sized_new(strlen(s));
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		/* U+FFFE and U+FFFF are not XML characters either. */
		if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
			p += 2;
			continue;
		}
		g_string_append_c(o, (char)*p);
	}
	return g_string_free(o, FALSE);
}

void
epub_text(xmlNodePtr parent, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	char *c = epub_clean(s);
	xmlAddChild(parent, xmlNewText(BAD_CAST c));
	g_free(c);
}

void
epub_nl(xmlNodePtr parent)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST "\n"));
}

static xmlNodePtr
el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

static void
prop(xmlNodePtr node, const char *name, const char *value)
{
	char *c = epub_clean(value);
	xmlNewProp(node, BAD_CAST name, BAD_CAST c);
	g_free(c);
}

/* XML ids must be NCNames (epubcheck: "must be an XML name without
 * colons"): slugs like "2024-plan" or ones with '/' are not. */
char *
epub_xml_id(const char *raw)
{
	GString *o = g_string_new(NULL);
	for (const char *p = raw; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		bool ok = g_unichar_isalnum(c) || c == '_' || c == '-' || c == '.' ||
		          g_unichar_type(c) == G_UNICODE_NON_SPACING_MARK ||
		          g_unichar_type(c) == G_UNICODE_OTHER_LETTER;
		if (c < 0x80 && !g_ascii_isalnum((int)c) && c != '_' && c != '-' && c != '.')
			ok = false;
		if (!ok) {
			if (o->len > 0 && o->str[o->len - 1] != '-')
				g_string_append_c(o, '-');
			continue;
		}
		if (o->len == 0 && !(g_unichar_isalpha(c) || c == '_'))
			g_string_append(o, "id-");
		g_string_append_unichar(o, c);
	}
	if (o->len == 0)
		g_string_append(o, "id");
	return g_string_free(o, FALSE);
}

const char *
epub_claim_id(struct epub_chapter *ch, const char *base)
{
	char *id = epub_xml_id(base);
	for (int i = 2; g_hash_table_contains(ch->ids, id); i++) {
		g_free(id);
		char *b = epub_xml_id(base);
		id = g_strdup_printf("%s-%d", b, i);
		g_free(b);
	}
	g_hash_table_insert(ch->ids, id, EPUB_ID_PRESENT);
	return id;
}

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

xmlNodePtr
epub_missing_image(xmlNodePtr parent, const char *alt)
{
	xmlNodePtr s = el(parent, "span");
	prop(s, "class", "missing-image");
	epub_text(s, (alt && *alt) ? alt : "image");
	return s;
}

static void
render_image(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	char *alt = art_node_plain_text(n);
	struct epub_item *it =
	    n->u.image.res
	        ? epub_book_image(x->book, n->u.image.res, x->ch->art->display_name, n->pos)
	        : NULL;
	if (it == NULL) {
		epub_missing_image(parent, alt);
	} else {
		xmlNodePtr img = el(parent, "img");
		prop(img, "src", it->href);
		prop(img, "alt", alt);
		if (n->u.image.title && *n->u.image.title)
			prop(img, "title", n->u.image.title);
	}
	g_free(alt);
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

/* The text of an inline subtree, appended flat. */
static void
flat_text(GString *o, const struct art_node *top)
{
	for (const struct art_node *n = top; n; n = art_node_next(n, top, true)) {
		if ((n->type == ART_TEXT || n->type == ART_CODE) && n->literal)
			g_string_append(o, n->literal);
		else if (n->type == ART_SOFTBREAK || n->type == ART_LINEBREAK)
			g_string_append_c(o, ' ');
	}
}

static void
render_inline(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	if (x->idepth >= MAX_DEPTH && n->first_child) {
		GString *t = g_string_new(NULL);
		flat_text(t, n);
		epub_text(parent, t->str);
		g_string_free(t, TRUE);
		return;
	}
	x->idepth++;
	render_inline_node(x, parent, n);
	x->idepth--;
}

static void
render_inline_node(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	xmlNodePtr e;
	switch (n->type) {
	case ART_TEXT:
		epub_text(parent, n->literal);
		break;
	case ART_SOFTBREAK:
		epub_text(parent, " ");
		break;
	case ART_LINEBREAK:
		el(parent, "br");
		epub_nl(parent);
		break;
	case ART_CODE:
		e = el(parent, "code");
		epub_text(e, n->literal);
		break;
	case ART_EMPH:
		render_inline_list(x, el(parent, "em"), n->first_child);
		break;
	case ART_STRONG:
		render_inline_list(x, el(parent, "strong"), n->first_child);
		break;
	case ART_STRIKE:
		render_inline_list(x, el(parent, "del"), n->first_child);
		break;
	case ART_SUPERSCRIPT:
		render_inline_list(x, el(parent, "sup"), n->first_child);
		break;
	case ART_SUBSCRIPT:
		render_inline_list(x, el(parent, "sub"), n->first_child);
		break;
	case ART_LINK: {
		char *href = epub_href(x->book, x->ch, n->u.link.url);
		if (href) {
			e = el(parent, "a");
			prop(e, "href", href);
			if (n->u.link.title && *n->u.link.title)
				prop(e, "title", n->u.link.title);
		} else {
			e = el(parent, "span");
			prop(e, "class", "link");
			char *file = art_link_file(x->ch->art, n->u.link.url, NULL);
			if (file) /* a file that is no chapter of this book */
				art_warn_link_outside(x->ch->art, n->pos, n->u.link.url);
			g_free(file);
		}
		g_free(href);
		render_inline_list(x, e, n->first_child);
		break;
	}
	case ART_IMAGE:
		render_image(x, parent, n);
		break;
	case ART_FOOTNOTE_REF:
		if (n->u.footnote.def)
			epub_noteref(x->book, x->ch, parent, n->u.footnote.number);
		else {
			char *t = g_strdup_printf(
			    "[^%s]", n->u.footnote.label ? n->u.footnote.label : "");
			epub_text(parent, t);
			g_free(t);
		}
		break;
	case ART_HTML_INLINE: /* art_normalize() made model nodes of it */
	case ART_DOCUMENT:
	case ART_PARAGRAPH:
	case ART_HEADING:
	case ART_BLOCKQUOTE:
	case ART_LIST:
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
	case ART_NODE__MAX:
		break;
	}
}

static void
render_inline_list(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *first)
{
	for (const struct art_node *n = first; n; n = n->next)
		render_inline(x, parent, n);
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

/* colspan/rowspan of a raw HTML table's cell (1 is left out). */
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
	for (const struct art_node *row = t->first_child; row; row = row->next) {
		xmlNodePtr sect;
		if (row->u.row.header && body == NULL) {
			/* one <thead>, before the body: header rows of a raw
			 * HTML table below its first body row stay in the body */
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
		int col = 0;
		for (const struct art_node *c = row->first_child; c; c = c->next, col++) {
			xmlNodePtr td =
			    el(tr, row->u.row.header || c->u.cell.header ? "th" : "td");
			const char *cls = col < t->u.table.ncols && t->u.table.aligns
			                      ? align_class(t->u.table.aligns[col])
			                      : NULL;
			if (cls)
				prop(td, "class", cls);
			span_attr(td, "colspan", c->u.cell.colspan);
			span_attr(td, "rowspan", c->u.cell.rowspan);
			epub_anchor_ids(x->ch, td, c);
			render_inline_list(x, td, c->first_child);
		}
		epub_nl(sect);
		if (sect == head && !(row->next && row->next->u.row.header))
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
	render_inline_list(x, h, n->first_child);
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
			render_image(x, fig, c);
		} else if (c->type == ART_CAPTION) {
			render_inline_list(x, el(fig, "figcaption"), c->first_child);
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
					render_inline_list(x, li, c->first_child);
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

/* Past MAX_DEPTH: the leaf blocks of n's subtree, in order, straight
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

static void
render_block(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
{
	if (x->depth >= MAX_DEPTH && n->first_child && art_node_is_block(n->first_child)) {
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
		render_inline_list(x, e, n->first_child);
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
		render_inline_list(x, e, n->first_child);
		break;
	case ART_FOOTNOTE_DEF:
		return; /* collected at the chapter's end */
	case ART_DEF_LIST:
		e = el(parent, "dl");
		epub_nl(e);
		render_blocks(x, e, n->first_child);
		break;
	case ART_DEF_TERM:
		render_inline_list(x, el(parent, "dt"), n->first_child);
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

xmlNodePtr
epub_xhtml_skeleton(xmlDocPtr *docp, const char *lang, const char *title, bool stylesheet)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	xmlNsPtr ns = xmlNewNs(html, BAD_CAST EPUB_NS_XHTML, NULL);
	xmlSetNs(html, ns);
	xmlNewNs(html, BAD_CAST EPUB_NS_OPS, BAD_CAST "epub");
	if (lang && *lang) {
		xmlNodeSetLang(html, BAD_CAST lang);
		xmlNewProp(html, BAD_CAST "lang", BAD_CAST lang);
	}
	epub_nl(html);
	xmlNodePtr head = el(html, "head");
	epub_nl(head);
	xmlNodePtr meta = el(head, "meta");
	xmlNewProp(meta, BAD_CAST "charset", BAD_CAST "utf-8");
	epub_nl(head);
	xmlNodePtr t = el(head, "title");
	epub_text(t, title && *title ? title : "-");
	epub_nl(head);
	if (stylesheet) {
		xmlNodePtr link = el(head, "link");
		xmlNewProp(link, BAD_CAST "rel", BAD_CAST "stylesheet");
		xmlNewProp(link, BAD_CAST "type", BAD_CAST "text/css");
		xmlNewProp(link, BAD_CAST "href", BAD_CAST "style.css");
		epub_nl(head);
	}
	epub_nl(html);
	xmlNodePtr body = el(html, "body");
	epub_nl(body);
	epub_nl(html);
	*docp = doc;
	return body;
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
	/* The summary leads the article, as in md2pdf's title block. */
	if (m->summary && *m->summary) {
		xmlNodePtr p = el(sect, "p");
		prop(p, "class", "lead");
		epub_text(p, m->summary);
		epub_nl(sect);
	}
}

void
epub_xhtml_chapter(struct epub_book *book, struct epub_chapter *ch)
{
	struct xhtml_writer x = {book, ch, NULL, 0, 0};
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
