/* internal.h - helpers shared by text.c, normalize.c and resource.c only. */
#ifndef MDPRESS_INTERNAL_H
#define MDPRESS_INTERNAL_H

#include "article.h"

/* Bracket art_normalize(): while open, art_resource_get() finds resources of
 * this article through a hash table and resolves "/x" against resource_root. */
void art_resource_index_begin(const struct article *art, const char *resource_root);
void art_resource_index_end(void);
/* Frees one struct art_resource and its strings. */
void art_resource_free(struct art_resource *res);

/* normalize_html.c */
bool art_html_is_element(const char *lower_name);
bool art_html_is_unknown_tag(const char *raw_html);
/* name= or id= of an "<a ...>" tag at s (new string) or NULL; *end is set
 * to where scanning may continue. */
char *art_html_anchor_name(const char *s, const char **end);

#endif
