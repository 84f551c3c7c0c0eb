/* html_fragment.c - raw HTML that opens in one block and closes in another
 * is one fragment, as a browser reads it: "<del>", a Markdown paragraph,
 * "</del>" strike the paragraph; a <table> written over several blocks
 * with blank lines inside is one table (spec 118, 137, 159, 160).
 *
 * cmark-gfm ends an HTML block at a blank line, so such a fragment arrives
 * as several ART_HTML_BLOCKs with Markdown blocks between them.  When a
 * block leaves an element open whose meaning spans what follows (a table,
 * strike, emphasis, a quote, a list, preformatted text, a link) and a later
 * sibling closes it, the blocks in between join it: the HTML parts as
 * source, each Markdown block as a placeholder element that html_block.c
 * replaces with the block itself.  A fragment that never closes is left
 * block by block: a stray "<table>" must not swallow the article. */
#include <string.h>

#include "html_internal.h"

#define MAX_OPEN 48 /* deeper fragments stay block by block */

static bool
spans_blocks(enum html_kind k)
{
	switch (k) {
	case K_TABLE:
	case K_STRIKE:
	case K_STRONG:
	case K_EMPH:
	case K_CODE:
	case K_SUP:
	case K_SUB:
	case K_QUOTE:
	case K_LIST:
	case K_PRE:
	case K_A:
		return true;
	case K_UNWRAP:
	case K_BLOCK:
	case K_PARA:
	case K_HEADING:
	case K_ITEM:
	case K_CELL:
	case K_HR:
	case K_BR:
	case K_WBR:
	case K_IMG:
	case K_LITERAL:
	case K_DLIST:
	case K_DTERM:
	case K_DDESC:
	case K_DROP:
	case K_SILENT:
		return false;
	}
	return false;
}

/* The tags of s change the stack of open elements that span blocks
 * (lower-case names).  Returns false when it grows past MAX_OPEN. */
static bool
scan_tags(const char *s, GPtrArray *open)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		if (g_str_has_prefix(p, "<!--")) {
			const char *e = strstr(p + 4, "-->");
			if (!e)
				break;
			p = e;
			continue;
		}
		bool closing = p[1] == '/';
		const char *n = p + 1 + closing, *e = n;
		while (g_ascii_isalnum(*e))
			e++;
		if (e == n || !g_ascii_isalpha(*n) || html_is_literal_tag(p))
			continue;
		char *name = g_ascii_strdown(n, e - n);
		const char *gt = strchr(e, '>');
		if (closing) {
			guint i = open->len;
			while (i > 0 && strcmp(open->pdata[i - 1], name))
				i--;
			if (i > 0)
				g_ptr_array_set_size(open, i - 1);
			g_free(name);
		} else if (gt && gt[-1] != '/' && spans_blocks(html_kind_of(name)) &&
		           (html_kind_of(name) != K_A || g_strstr_len(e, gt - e, "href"))) {
			g_ptr_array_add(open, name);
			if (open->len > MAX_OPEN)
				return false;
		} else {
			g_free(name);
		}
	}
	return true;
}

GPtrArray *
html_fragment_group(struct art_node *h, GHashTable *member)
{
	GPtrArray *open = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *group = NULL;
	if (scan_tags(h->literal ? h->literal : "", open) && open->len) {
		group = g_ptr_array_new();
		g_ptr_array_add(group, h);
		struct art_node *s = h->next;
		for (; s && open->len && s->type != ART_FOOTNOTE_DEF; s = s->next) {
			g_ptr_array_add(group, s);
			if (s->type == ART_HTML_BLOCK &&
			    !scan_tags(s->literal ? s->literal : "", open))
				break;
		}
		if (open->len) { /* never closed: block by block */
			g_ptr_array_free(group, TRUE);
			group = NULL;
		}
	}
	for (guint i = 1; group && i < group->len; i++)
		if (((struct art_node *)group->pdata[i])->type == ART_HTML_BLOCK)
			g_hash_table_add(member, group->pdata[i]);
	g_ptr_array_free(open, TRUE);
	return group;
}

/* The group's source: HTML as written, each other block as a placeholder
 * (unlinked into moved), padded so that libxml2's line numbers stay the
 * .md's lines counted from the first block. */
char *
html_fragment_source(struct art_node *const *group, guint len, GPtrArray *moved)
{
	GString *src = g_string_new(NULL);
	int first = group[0]->pos.line, line = 0;
	for (guint i = 0; i < len; i++) {
		struct art_node *n = group[i];
		for (int want = n->pos.line - first; first > 0 && line < want; line++)
			g_string_append_c(src, '\n');
		if (n->type == ART_HTML_BLOCK) {
			const char *lit = n->literal ? n->literal : "";
			g_string_append(src, lit);
			for (const char *p = lit; (p = strchr(p, '\n')); p++)
				line++;
		} else {
			art_node_unlink(n);
			g_string_append_printf(
			    src, "<" HTML_PLACEHOLDER " n=\"%u\"></" HTML_PLACEHOLDER ">\n",
			    moved->len);
			g_ptr_array_add(moved, n);
			line++;
		}
	}
	return g_string_free(src, FALSE);
}

/* ------------------------------------------------------------ placeholders */

bool
html_is_placeholder(xmlNodePtr x)
{
	return x->type == XML_ELEMENT_NODE && !strcmp(ename(x), HTML_PLACEHOLDER);
}

/* The Markdown block placeholder x stands for, taken out of c->moved
 * (NULL if there is none or it is placed already). */
struct art_node *
html_take_moved(struct html_conversion *c, xmlNodePtr x)
{
	char *v = html_attr(x, "n");
	guint64 i = v ? g_ascii_strtoull(v, NULL, 10) : G_MAXUINT64;
	g_free(v);
	if (!c->moved || i >= c->moved->len)
		return NULL;
	struct art_node *n = c->moved->pdata[i];
	c->moved->pdata[i] = NULL;
	return n;
}

/* Whether x holds a placeholder: then its text alone would lose a block. */
bool
html_holds_moved(const struct html_conversion *c, xmlNodePtr x)
{
	if (!c->moved || !c->moved->len)
		return false;
	for (xmlNodePtr ch = x->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE &&
		    (html_is_placeholder(ch) || html_holds_moved(c, ch)))
			return true;
	return false;
}
