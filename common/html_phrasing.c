/* html_phrasing.c - the inline content of an HTML block (text, <em>, <a
 * href>, <img>, <br>, <code>...) becomes inline model nodes under a parent.
 * White space collapses as in a browser; block elements met inside inline
 * content (a <div> in a table cell) become line breaks.  html_block.c
 * calls in here wherever a block holds inline content. */
#include <string.h>

#include "html_internal.h"

static void
inline_add(struct inline_sink *in, struct art_node *n)
{
	if (in->brk && in->parent->first_child)
		art_node_append(in->parent, art_node_new(ART_LINEBREAK, n->pos));
	in->brk = false;
	in->space = n->type == ART_LINEBREAK;
	art_node_append(in->parent, n);
}

static void
inline_break(struct inline_sink *in)
{
	in->brk = true;
	in->space = true;
}

/* Text with HTML white space collapsed; a run holding a newline becomes a
 * soft break, which the segment-break pass then removes between CJK
 * characters, as for Markdown source lines. */
void
html_phrasing_text(struct html_conversion *c, struct inline_sink *in, const char *s,
                   xmlNodePtr x)
{
	GString *buf = g_string_new(NULL);
	struct art_pos pos = html_pos_of(c, x);
	for (const char *p = s; *p;) {
		if (is_html_space(*p)) {
			bool nl = false;
			for (; is_html_space(*p); p++)
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
		while (*q && !is_html_space(*q))
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

/* Lines of preformatted text as code spans joined by line breaks. */
static void
inline_pre(struct html_conversion *c, struct inline_sink *in, xmlNodePtr x)
{
	char *s = html_text_content(x);
	char **lines = g_strsplit(s, "\n", -1);
	inline_break(in);
	bool any = false;
	for (char **l = lines; *l; l++) {
		g_strchomp(*l);
		if (!**l)
			continue;
		if (any)
			inline_add(in, html_node(c, ART_LINEBREAK, x));
		struct art_node *code = html_node(c, ART_CODE, x);
		code->literal = g_strdup(*l);
		inline_add(in, code);
		any = true;
	}
	inline_break(in);
	g_strfreev(lines);
	g_free(s);
}

/* A Markdown block inside inline HTML (a cell, <del>...</del>): its inline
 * content joins, on a line of its own; a code block's lines as code. */
static void
inline_moved(struct html_conversion *c, struct inline_sink *in, xmlNodePtr x)
{
	struct art_node *n = html_take_moved(c, x);
	if (!n)
		return;
	inline_break(in);
	if (n->type == ART_CODE_BLOCK) {
		char *s = n->literal ? n->literal : "";
		char **lines = g_strsplit(s, "\n", -1);
		for (char **l = lines; *l; l++) {
			if (!**l)
				continue;
			struct art_node *code = art_node_new(ART_CODE, n->pos);
			code->literal = g_strdup(*l);
			inline_add(in, code);
			inline_break(in);
		}
		g_strfreev(lines);
	} else if (n->first_child && !art_node_is_block(n->first_child)) {
		while (n->first_child)
			inline_add(in, n->first_child);
	} else {
		char *s = art_node_plain_text(n);
		html_phrasing_text(c, in, s, x);
		g_free(s);
	}
	inline_break(in);
	art_ids_retarget(c->art, n, c->container);
	art_node_free(n);
}

void
html_phrasing_element(struct html_conversion *c, struct inline_sink *in, xmlNodePtr x)
{
	if (html_is_placeholder(x)) {
		inline_moved(c, in, x);
		return;
	}
	enum html_kind k = html_kind_of(ename(x));
	if (c->depth >= HTML_MAX_DEPTH && k != K_DROP && k != K_SILENT &&
	    !html_holds_moved(c, x)) {
		char *s = html_text_content(x);
		html_phrasing_text(c, in, s, x);
		g_free(s);
		return;
	}
	if (k != K_A && k != K_DROP && k != K_SILENT && k != K_LITERAL)
		html_anchor_ids(c, x); /* <span id=x>: a target, as in a browser */
	enum art_node_type wrap = ART_NODE__MAX;
	switch (k) {
	case K_DROP:
	case K_LITERAL: /* filtered_source() made text of these */
		html_warn_dropped(c, x);
		return;
	case K_SILENT:
	case K_WBR:
		return;
	case K_BR:
		inline_add(in, html_node(c, ART_LINEBREAK, x));
		return;
	case K_HR:
		inline_break(in);
		return;
	case K_IMG: {
		struct art_node *img = html_make_image(c, x);
		if (img)
			inline_add(in, img);
		return;
	}
	case K_CODE: {
		if (html_holds_moved(c, x))
			break;
		char *s = html_text_content(x);
		char *t = art_collapse_space(s);
		g_free(s);
		if (!*t) {
			g_free(t);
			return;
		}
		struct art_node *code = html_node(c, ART_CODE, x);
		code->literal = t;
		inline_add(in, code);
		return;
	}
	case K_PRE:
		if (html_holds_moved(c, x))
			break;
		inline_pre(c, in, x);
		return;
	case K_A:
		/* a link when it has an href (and is not inside one), an
		 * anchor (name= or id=) in any case */
		html_anchor_ids(c, x);
		if (!c->in_link) {
			char *href = html_attr(x, "href");
			if (href) {
				struct art_node *link = html_node(c, ART_LINK, x);
				link->u.link.url = href;
				link->u.link.title = html_attr(x, "title");
				inline_add(in, link);
				in->space = false;
				struct art_node *save = in->parent;
				in->parent = link;
				c->in_link++;
				c->depth++;
				html_phrasing_children(c, in, x);
				c->depth--;
				c->in_link--;
				in->parent = save;
				if (!link->first_child)
					art_node_free(link);
				return;
			}
		}
		break;
	case K_STRONG:
		wrap = ART_STRONG;
		break;
	case K_EMPH:
		wrap = ART_EMPH;
		break;
	case K_STRIKE:
		wrap = ART_STRIKE;
		break;
	case K_SUP:
		wrap = ART_SUPERSCRIPT;
		break;
	case K_SUB:
		wrap = ART_SUBSCRIPT;
		break;
	case K_CELL: /* a table inside a cell: cells side by side */
		if (!in->space && !in->brk)
			html_phrasing_text(c, in, " ", x);
		break;
	case K_BLOCK:
	case K_PARA:
	case K_HEADING:
	case K_QUOTE:
	case K_LIST:
	case K_ITEM:
	case K_TABLE:
	case K_DLIST:
	case K_DTERM:
	case K_DDESC:
		inline_break(in);
		c->depth++;
		html_phrasing_children(c, in, x);
		c->depth--;
		inline_break(in);
		return;
	case K_UNWRAP:
		break;
	}
	c->depth++;
	if (wrap != ART_NODE__MAX) {
		struct art_node *w = html_node(c, wrap, x);
		bool space = in->space;
		inline_add(in, w);
		in->space = space;
		struct art_node *save = in->parent;
		in->parent = w;
		html_phrasing_children(c, in, x);
		in->parent = save;
		if (!w->first_child)
			art_node_free(w);
	} else {
		html_phrasing_children(c, in, x);
	}
	c->depth--;
}

void
html_phrasing_children(struct html_conversion *c, struct inline_sink *in, xmlNodePtr x)
{
	for (xmlNodePtr ch = x->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE)
			html_phrasing_text(c, in, ch->content ? (const char *)ch->content : "",
			                   ch);
		else if (ch->type == XML_ELEMENT_NODE)
			html_phrasing_element(c, in, ch);
	}
}
