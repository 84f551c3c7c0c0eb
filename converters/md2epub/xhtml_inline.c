/* xhtml_inline.c - a paragraph's inline nodes (text, emphasis, links,
 * images, footnote references) as XHTML phrasing elements.  Nesting past
 * XHTML_MAX_DEPTH is flattened to its text. */
#include "xhtml.h"

static void render_inline_node(struct xhtml_writer *x, xmlNodePtr parent,
                               const struct art_node *n);

void
xhtml_render_image(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n)
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
	if (x->idepth >= XHTML_MAX_DEPTH && n->first_child) {
		xhtml_warn_flat(x, n);
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
		xhtml_render_inlines(x, el(parent, "em"), n->first_child);
		break;
	case ART_STRONG:
		xhtml_render_inlines(x, el(parent, "strong"), n->first_child);
		break;
	case ART_STRIKE:
		xhtml_render_inlines(x, el(parent, "del"), n->first_child);
		break;
	case ART_SUPERSCRIPT:
		xhtml_render_inlines(x, el(parent, "sup"), n->first_child);
		break;
	case ART_SUBSCRIPT:
		xhtml_render_inlines(x, el(parent, "sub"), n->first_child);
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
		xhtml_render_inlines(x, e, n->first_child);
		break;
	}
	case ART_IMAGE:
		xhtml_render_image(x, parent, n);
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

void
xhtml_render_inlines(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *first)
{
	for (const struct art_node *n = first; n; n = n->next)
		render_inline(x, parent, n);
}
