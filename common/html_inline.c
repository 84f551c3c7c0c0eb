/* html_inline.c - the raw inline tags cmark-gfm leaves in a paragraph
 * (ART_HTML_INLINE, one node per tag) are paired up, so a<sup>2</sup> or
 * <b>bold</b> become the nodes they stand for. */
#include <string.h>

#include "html_internal.h"

#define MAX_OPEN 64 /* open inline tags tracked in a paragraph */

/* ------------------------------------------------------------ inline tags */

struct open_tag {
	struct art_node *tag; /* the ART_HTML_INLINE node */
	char *name;           /* lower case */
	enum html_kind kind;
	char *href, *title; /* <a href> */
};

/* "</name>" -> "name" (new string, lower case), or NULL. */
static char *
closing_name(const char *s)
{
	if (s[0] != '<' || s[1] != '/')
		return NULL;
	const char *p = s + 2, *q = p;
	while (g_ascii_isalnum(*q))
		q++;
	return q > p ? g_ascii_strdown(p, q - p) : NULL;
}

static void
free_open(struct open_tag *o)
{
	g_free(o->name);
	g_free(o->href);
	g_free(o->title);
}

/* Wraps the siblings between open tag o and close tag end (NULL: the end
 * of the paragraph) into the node the element stands for; both tags are
 * freed. */
static void
close_tag(struct open_tag *o, struct art_node *end)
{
	enum art_node_type t = o->kind == K_STRONG         ? ART_STRONG
	                       : o->kind == K_EMPH         ? ART_EMPH
	                       : o->kind == K_STRIKE       ? ART_STRIKE
	                       : o->kind == K_CODE         ? ART_CODE
	                       : o->kind == K_SUP          ? ART_SUPERSCRIPT
	                       : o->kind == K_SUB          ? ART_SUBSCRIPT
	                       : o->kind == K_A && o->href ? ART_LINK
	                                                   : ART_NODE__MAX;
	for (struct art_node *p = o->tag->parent; p && t == ART_LINK; p = p->parent)
		if (p->type == ART_LINK)
			t = ART_NODE__MAX; /* no link inside a link */
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
		if (end)
			art_node_insert_before(end, w);
		else
			art_node_append(o->tag->parent, w);
	}
	art_node_free(end);
	art_node_free(o->tag);
}

/* The HTML_INLINE children of parent: tags that pair up wrap what lies
 * between them; void elements (<br>, <img>) become nodes; the rest goes. */
void
html_convert_inlines(struct html_conversion *c, struct art_node *parent)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(struct open_tag));
	for (struct art_node *n = parent->first_child, *next; n; n = next) {
		next = n->next;
		if (n->type != ART_HTML_INLINE)
			continue;
		const char *lit = n->literal ? n->literal : "";
		if (html_is_literal_tag(lit)) {
			n->type = ART_TEXT; /* GFM's tag filter: shown as typed */
			continue;
		}
		char *cname = closing_name(lit);
		if (cname) {
			guint i = stack->len;
			while (i > 0 &&
			       strcmp(g_array_index(stack, struct open_tag, i - 1).name, cname))
				i--;
			if (i > 0) {
				/* tags opened inside and never closed go first */
				for (guint j = stack->len; j > i; j--) {
					struct open_tag *u =
					    &g_array_index(stack, struct open_tag, j - 1);
					art_node_free(u->tag);
					free_open(u);
				}
				struct open_tag *o =
				    &g_array_index(stack, struct open_tag, i - 1);
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
		htmlDocPtr doc = lit[0] == '<' && g_ascii_isalpha(lit[1])
		                     ? html_parse(lit, &body, NULL)
		                     : NULL;
		for (x = doc && body ? body->children : NULL; x; x = x->next)
			if (x->type == XML_ELEMENT_NODE)
				break;
		enum html_kind k = x ? html_kind_of(ename(x)) : K_SILENT;
		struct art_node *repl = NULL;
		bool selfclosed = g_str_has_suffix(lit, "/>");
		if (x) {
			html_anchor_ids(c, x);
			html_flush_anchors(c, parent);
		}
		if (k == K_BR || k == K_HR) {
			repl = art_node_new(ART_LINEBREAK, n->pos);
		} else if (k == K_IMG) {
			struct html_conversion ic = *c;
			ic.pos = n->pos;
			repl = html_make_image(&ic, x);
		} else if (k == K_DROP && x && (selfclosed || stack->len >= MAX_OPEN)) {
			html_warn_dropped(c, x);
		} else if (k != K_SILENT && k != K_WBR && !selfclosed &&
		           stack->len < MAX_OPEN) {
			if (k == K_DROP) {
				struct html_conversion wc = *c;
				wc.pos = n->pos;
				html_warn_dropped(&wc, x);
			}
			struct open_tag o = {n, g_ascii_strdown(ename(x), -1), k, NULL, NULL};
			if (k == K_A) {
				o.href = html_attr(x, "href");
				o.title = html_attr(x, "title");
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
	/* a tag never closed lasts to the end of the paragraph, as in a
	 * browser (spec 156, 354, 503); innermost first */
	for (guint j = stack->len; j-- > 0;) {
		struct open_tag *u = &g_array_index(stack, struct open_tag, j);
		if (u->kind == K_DROP)
			art_node_free(u->tag);
		else
			close_tag(u, NULL);
		free_open(u);
	}
	g_array_free(stack, TRUE);
}
