/* internal.h - helpers shared between the files of common/ only. */
#ifndef MDPRESS_INTERNAL_H
#define MDPRESS_INTERNAL_H

#include "article.h"

/* Frees one struct art_resource and its strings. */
void art_resource_free(struct art_resource *res);

/* normalize_html.c */
bool art_html_is_element(const char *lower_name);
bool art_html_is_unknown_tag(const char *raw_html);
bool art_html_is_component_markup(const char *html_block);
/* name= or id= of an "<a ...>" tag at s (new string) or NULL; *end is set
 * to where scanning may continue. */
char *art_html_anchor_name(const char *s, const char **end);

/* text.c: runs of white space (HTML's: space, tab, LF, FF, CR) to one
 * space, ends trimmed.  Returns a new string. */
static inline bool is_html_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
}
char *art_collapse_space(const char *s);

/* footnote_unused.c: warn about footnote definitions cmark-gfm dropped
 * because nothing references them (after art_markdown_parse). */
void art_warn_unused_footnotes(struct article *art);

/* strong_repair.c: pairs the "**" CommonMark leaves literal where a run
 * touches CJK text or punctuation ("**成功举办。**论坛"). */
void art_repair_strong(struct art_node *root);

#endif
