/* xhtml.h - shared by xhtml.c, xhtml_inline.c and xhtml_doc.c only: the
 * state of writing one chapter and the element helpers. */
#ifndef MDPRESS_EPUB_XHTML_H
#define MDPRESS_EPUB_XHTML_H

#include "epub.h"

/* Nesting deeper than this (50000 '>' or '*' in hostile input) is
 * flattened without recursion, so the stack stays small. */
#define XHTML_MAX_DEPTH 48

/* One chapter's XHTML being built: its book, the OPS namespace, nesting. */
struct xhtml_writer {
	struct epub_book *book;
	struct epub_chapter *ch;
	xmlNsPtr ops;
	int depth;        /* block nesting */
	int idepth;       /* inline nesting */
	bool flat_warned; /* ART_W_NESTING_FLAT said for this chapter */
};

/* Say once per chapter that n's subtree goes flat: the model allows
 * --max-nesting levels (64), more than XHTML_MAX_DEPTH. */
void xhtml_warn_flat(struct xhtml_writer *x, const struct art_node *n);

/* A new child element of parent. */
static inline xmlNodePtr
el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

/* An attribute, its value without characters XML forbids. */
static inline void
prop(xmlNodePtr node, const char *name, const char *value)
{
	char *c = epub_clean(value);
	xmlNewProp(node, BAD_CAST name, BAD_CAST c);
	g_free(c);
}

/* xhtml_inline.c: first and its following siblings, inline nodes, into
 * parent. */
void xhtml_render_inlines(struct xhtml_writer *x, xmlNodePtr parent,
                          const struct art_node *first);

/* An image (a figure's too), or the missing-image placeholder. */
void xhtml_render_image(struct xhtml_writer *x, xmlNodePtr parent, const struct art_node *n);

#endif
