/* internal.h - helpers shared between the files of common/ only. */
#ifndef MDPRESS_INTERNAL_H
#define MDPRESS_INTERNAL_H

#include "article.h"

/* facts.c: art->lang (canonical; detected when not given or malformed,
 * with a warning then), early in art_normalize(); art->date and
 * art->cover, at its end. */
void art_facts_lang(struct article *art, const char *lang_option);
void art_facts_meta(struct article *art);

/* png_check.c: false, with *why set (a new string), when the PNG file at fp
 * is truncated or damaged (chunk CRCs, IHDR first, IDAT, IEND). */
bool art_png_check(FILE *fp, char **why);

/* Frees one struct art_resource and its strings. */
void art_resource_free(struct art_resource *res);

/* html_elements.c: what an HTML element becomes in the model. */
enum html_kind {
	K_UNWRAP = 0, /* keep the content: span, font, u, unknown... */
	K_BLOCK,      /* flow container, unwrapped: div, center, section */
	K_PARA,       /* block of phrasing content: p, dt, summary */
	K_HEADING,
	K_PRE,
	K_QUOTE,
	K_LIST,
	K_ITEM,
	K_TABLE,
	K_CELL,
	K_HR,
	K_DLIST,
	K_DTERM,
	K_DDESC, /* dl, dt, dd */
	K_BR,
	K_WBR,
	K_IMG,
	K_A,
	K_STRONG,
	K_EMPH,
	K_STRIKE,
	K_CODE,
	K_SUP,
	K_SUB,
	K_LITERAL, /* GFM's tag filter: the tag is shown as text (script,
	              style, textarea, title, xmp, iframe...) */
	K_DROP,    /* active or embedded content: dropped, with a warning */
	K_SILENT,  /* metadata and table plumbing: dropped silently */
};
/* The kind of an element (any case); unknown names unwrap. */
enum html_kind html_kind_of(const char *name);
/* True when name (any case) is an HTML element. */
bool art_html_is_element(const char *name);

/* normalize_html.c */
bool art_html_is_unknown_tag(const char *raw_html);
bool art_html_is_component_markup(const char *html_block);

/* text.c: runs of white space (HTML's: space, tab, LF, FF, CR) to one
 * space, ends trimmed.  Returns a new string. */
static inline bool
is_html_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
}
char *art_collapse_space(const char *s);

/* article.c: ids in art->ids that name from, or a node inside it, name to
 * instead (from is about to be freed with its subtree). */
void art_ids_retarget(struct article *art, const struct art_node *from, struct art_node *to);

/* footnote_unused.c: warn about footnote definitions cmark-gfm dropped
 * because nothing references them (after art_markdown_parse). */
void art_warn_unused_footnotes(struct article *art);

/* strong_repair.c: pairs the "**" CommonMark leaves literal where a run
 * touches CJK text or punctuation ("**成功举办。**论坛"). */
void art_repair_strong(struct art_node *root);

/* tilde_ranges.c: "0~150% (… 0~100%)" read as strikethrough by GFM gets
 * its tildes back: a range, not deleted text. */
void art_repair_tilde_ranges(struct art_node *root);

/* smart_punct.c: the curly quotes cmark-gfm's smart punctuation made
 * beside CJK text, opened or closed by CJK rules; typographic punctuation
 * for plain text (front matter), a new string. */
void art_cjk_quotes(struct art_node *root, const char *source);
char *art_smart_text(const char *s);

#endif
