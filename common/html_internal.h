/* html_internal.h - shared by html.c, html_block.c and html_inline.c only:
 * raw HTML (parsed by libxml2) to model nodes. */
#ifndef MDPRESS_HTML_INTERNAL_H
#define MDPRESS_HTML_INTERNAL_H

#include <stdbool.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "internal.h"

/* The state of turning one raw HTML fragment into model nodes. */
struct html_conversion {
	struct article *art;
	struct art_pos pos;         /* where the fragment starts in the .md */
	GPtrArray *pending;         /* anchor ids (char *) waiting for their block */
	struct art_node *holder;    /* the fragment's blocks before they move */
	struct art_node *container; /* the fragment's parent block */
	int depth;
	int in_link;
	GPtrArray *moved;  /* Markdown blocks inside the fragment, by
	                      placeholder number; NULL once placed */
	GHashTable *named; /* HTML blocks that ids name (a paragraph of
	                      anchors only went before them) */
};

/* Elements converted below a fragment; deeper nesting is read as plain
 * text, so hostile input (50000 nested <div>s) cannot exhaust the stack. */
#define HTML_MAX_DEPTH 48

/* Inline content being added to parent. */
struct inline_sink {
	struct art_node *parent;
	bool space; /* white space emitted last (or nothing yet) */
	bool brk;   /* a block ended: line break before more content */
};

/* Element standing for moved->pdata[n] in a fragment's source. */
#define HTML_PLACEHOLDER "mdpress-block"

static inline const char *
ename(xmlNodePtr x)
{
	return (const char *)x->name;
}

/* html.c */
char *html_attr(xmlNodePtr x, const char *name); /* new string or NULL */
char *html_text_content(xmlNodePtr x);           /* new string */
struct art_pos html_pos_of(const struct html_conversion *c, xmlNodePtr x);
struct art_node *html_node(const struct html_conversion *c, enum art_node_type t, xmlNodePtr x);
bool html_blank(const char *s);
void html_flush_anchors(struct html_conversion *c, struct art_node *target);
void html_warn_dropped(struct html_conversion *c, xmlNodePtr x);
void html_trim(struct art_node *p);
struct art_node *html_make_image(struct html_conversion *c, xmlNodePtr x);
void html_anchor_ids(struct html_conversion *c, xmlNodePtr x);
/* True when the tag at s is one GFM's tag filter shows as text. */
bool html_is_literal_tag(const char *s);
/* Parses a fragment; *body is its <body> or NULL.  Free with xmlFreeDoc.
 * Nested deeper than libxml2 reads (256), its text is read without tags
 * and *flattened (unless NULL) is set. */
htmlDocPtr html_parse(const char *html, xmlNodePtr *body, bool *flattened);

/* html_block.c: the HTML blocks of group (group[0] first; Markdown blocks
 * between them, see html_fragment.c) become model blocks in their place. */
void html_convert_group(struct html_conversion *c, struct art_node *const *group, guint n);

/* html_fragment.c */
/* h and the siblings up to the HTML block that closes what h leaves open,
 * or NULL when h stands alone; the later HTML blocks go into member. */
GPtrArray *html_fragment_group(struct art_node *h, GHashTable *member);
/* The group's HTML source with placeholders; its Markdown blocks are
 * unlinked into moved.  Returns a new string. */
char *html_fragment_source(struct art_node *const *group, guint n, GPtrArray *moved);

/* Placeholders (also html_fragment.c). */
bool html_is_placeholder(xmlNodePtr x);
/* The Markdown block placeholder x stands for, taken out of c->moved
 * (NULL if there is none or it is placed already). */
struct art_node *html_take_moved(struct html_conversion *c, xmlNodePtr x);
/* Whether x holds a placeholder: then its text alone would lose a block. */
bool html_holds_moved(const struct html_conversion *c, xmlNodePtr x);

/* html_phrasing.c: an HTML block's inline content into in->parent. */
void html_phrasing_children(struct html_conversion *c, struct inline_sink *in, xmlNodePtr x);
void html_phrasing_element(struct html_conversion *c, struct inline_sink *in, xmlNodePtr x);
/* Text with HTML white space collapsed. */
void html_phrasing_text(struct html_conversion *c, struct inline_sink *in, const char *s,
                        xmlNodePtr x);

/* html_inline.c */
void html_convert_inlines(struct html_conversion *c, struct art_node *parent);

#endif
