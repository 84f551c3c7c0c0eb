/* html.c - raw HTML in Markdown becomes ordinary model nodes.
 *
 * Articles from documentation sites carry whole tables in raw HTML
 * (rowspan, colspan, <p> and <br> in cells), anchors (<a name>), images
 * (<img src width>) and inline tags such as a<sup>2</sup>.  libxml2's HTML
 * parser turns each fragment into a tree (tag soup repaired, entities
 * decoded); we map that tree onto our node types once, here, so every
 * renderer draws it with its normal table, paragraph and image code.
 * What each element becomes is html_elements.c's table.
 *
 * html_block.c converts HTML blocks, html_inline.c pairs the raw inline
 * tags of Markdown paragraphs; this file holds what both share and the
 * driver. */
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* ------------------------------------------------------------ helpers */

char *
html_attr(xmlNodePtr x, const char *name)
{
	xmlChar *v = xmlGetProp(x, BAD_CAST name);
	char *s = v ? g_strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

/* The .md position of x: libxml2 counts lines from the fragment's first. */
char *
html_text_content(xmlNodePtr x)
{
	xmlChar *v = xmlNodeGetContent(x);
	char *s = g_strdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

struct art_pos
html_pos_of(const struct html_conversion *c, xmlNodePtr x)
{
	/* libxml2 gives a text node the line where it ends */
	if (x && x->type != XML_ELEMENT_NODE && x->parent)
		x = x->parent;
	long line = x ? xmlGetLineNo(x) : -1;
	if (line <= 1 || line > 1000000)
		return c->pos;
	return (struct art_pos){c->pos.line + (int)line - 1, 1};
}

struct art_node *
html_node(const struct html_conversion *c, enum art_node_type t, xmlNodePtr x)
{
	return art_node_new(t, html_pos_of(c, x));
}

static void
register_id(struct article *art, const char *id, struct art_node *target)
{
	if (!art->ids)
		art->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (id && *id && target && !g_hash_table_contains(art->ids, id))
		g_hash_table_insert(art->ids, g_strdup(id), target);
}

/* Anchors name a block (a pass that frees a block hands its ids on with
 * art_ids_retarget()). */
void
html_flush_anchors(struct html_conversion *c, struct art_node *target)
{
	if (!c->pending->len)
		return;
	/* a table's parts are no block of their own in every renderer */
	while (target && target->parent &&
	       (!art_node_is_block(target) || target->type == ART_TABLE_CELL ||
	        target->type == ART_TABLE_ROW))
		target = target->parent;
	if (target == c->holder)
		target = c->container;
	for (guint i = 0; i < c->pending->len; i++)
		register_id(c->art, c->pending->pdata[i], target);
	g_ptr_array_set_size(c->pending, 0);
}

void
html_warn_dropped(struct html_conversion *c, xmlNodePtr x)
{
	art_diag(ART_W_HTML_DROPPED, c->art->display_name, html_pos_of(c, x), ename(x));
}

/* Leading and trailing breaks and spaces of an inline container go. */
void
html_trim(struct art_node *p)
{
	for (int end = 0; end < 2; end++) {
		struct art_node *n;
		while ((n = end ? p->last_child : p->first_child)) {
			if (n->type == ART_SOFTBREAK || n->type == ART_LINEBREAK) {
				art_node_free(n);
				continue;
			}
			if (n->type != ART_TEXT || !n->literal)
				break;
			if (end)
				g_strchomp(n->literal);
			else
				g_strchug(n->literal);
			if (*n->literal)
				break;
			art_node_free(n);
		}
	}
}

bool
html_blank(const char *s)
{
	for (; s && *s; s++)
		if (!is_html_space(*s))
			return false;
	return true;
}

struct art_node *
html_make_image(struct html_conversion *c, xmlNodePtr x)
{
	char *src = html_attr(x, "src");
	char *alt = html_attr(x, "alt");
	struct art_node *img = NULL;
	if (src && *src) {
		img = html_node(c, ART_IMAGE, x);
		img->u.image.url = src;
		img->u.image.title = html_attr(x, "title");
		src = NULL;
		char *a = alt ? art_collapse_space(alt) : NULL;
		if (a && *a) {
			struct art_node *t = html_node(c, ART_TEXT, x);
			t->literal = a;
			a = NULL;
			art_node_append(img, t);
		}
		g_free(a);
	}
	g_free(src);
	g_free(alt);
	return img;
}

/* id= of x (and name= of an <a>) wait in c->pending for the block they
 * end up naming (see html_flush_anchors): any element's id is a link
 * target, as in a browser. */
void
html_anchor_ids(struct html_conversion *c, xmlNodePtr x)
{
	static const char *const keys[] = {"name", "id"};
	for (size_t i = g_ascii_strcasecmp(ename(x), "a") ? 1 : 0; i < G_N_ELEMENTS(keys);
	     i++) {
		char *id = html_attr(x, keys[i]);
		if (id && *id)
			g_ptr_array_add(c->pending, id);
		else
			g_free(id);
	}
}

/* ------------------------------------------------------------ fragments */

static xmlNodePtr
find_body(xmlNodePtr n)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !strcmp(ename(n), "html"))
			for (xmlNodePtr b = n->children; b; b = b->next)
				if (b->type == XML_ELEMENT_NODE && !strcmp(ename(b), "body"))
					return b;
	return NULL;
}

/* The length of the element name after "<" or "</" at s, 0 if none. */
static size_t
tag_name_len(const char *s)
{
	const char *p = s + 1 + (s[1] == '/');
	const char *q = p;
	while (g_ascii_isalnum(*q))
		q++;
	return g_ascii_isalpha(*p) ? (size_t)(q - p) : 0;
}

bool
html_is_literal_tag(const char *s)
{
	size_t n = s[0] == '<' ? tag_name_len(s) : 0;
	if (n == 0 || n > 15)
		return false;
	const char *p = s + 1 + (s[1] == '/');
	char name[16];
	memcpy(name, p, n);
	name[n] = '\0';
	char after = p[n];
	return (after == '\0' || after == '>' || after == '/' || is_html_space(after)) &&
	       html_kind_of(name) == K_LITERAL;
}

/* html as a browser reads what GFM emits: the tags of GFM's tag filter
 * (<script>, <textarea>, <xmp>...) start with "&lt;", so they and what
 * follows them are text; CDATA sections, declarations (<!ELEMENT ...>)
 * and processing instructions are bogus comments, which show nothing. */
static void
filtered_source(GString *o, const char *html)
{
	for (const char *p = html; *p;) {
		const char *lt = strchr(p, '<');
		if (!lt) {
			g_string_append(o, p);
			break;
		}
		g_string_append_len(o, p, lt - p);
		const char *end = NULL;
		if (g_str_has_prefix(lt, "<!--")) {
			g_string_append(o, "<!--");
			p = lt + 4;
			continue;
		} else if (g_str_has_prefix(lt, "<![CDATA[")) {
			end = strstr(lt, "]]>");
			end = end ? end + 3 : lt + strlen(lt);
		} else if ((lt[1] == '!' && g_ascii_isalpha(lt[2])) || lt[1] == '?') {
			end = strchr(lt, '>');
			end = end ? end + 1 : lt + strlen(lt);
		}
		if (end) {
			p = end;
			continue;
		}
		g_string_append(o, html_is_literal_tag(lt) ? "&lt;" : "<");
		p = lt + 1;
	}
}

/* Drop every tag of src, keeping the text between them. */
static void
strip_tags(GString *src)
{
	gsize to = 0;
	for (gsize i = 0; i < src->len; i++) {
		if (src->str[i] == '<') {
			const char *gt = memchr(src->str + i, '>', src->len - i);
			if (gt) {
				i = (gsize)(gt - src->str);
				continue;
			}
		}
		src->str[to++] = src->str[i];
	}
	g_string_truncate(src, to);
}

static htmlDocPtr
read_html(const GString *src, bool *stopped)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return NULL;
	htmlDocPtr doc = htmlCtxtReadMemory(
	    ctxt, src->str, (int)MIN(src->len, (gsize)G_MAXINT), NULL, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	/* libxml2 stops (and drops the rest) past 256 open elements */
	*stopped = ctxt->instate == XML_PARSER_EOF && ctxt->errNo == XML_ERR_INTERNAL_ERROR;
	htmlFreeParserCtxt(ctxt);
	return doc;
}

/* The explicit <body> makes leading text body content rather than
 * something the parser wraps in an implied <p>. */
htmlDocPtr
html_parse(const char *html, xmlNodePtr *body, bool *flattened)
{
	GString *src = g_string_new(NULL);
	filtered_source(src, html);
	g_string_prepend(src, "<html><body>");
	g_string_append(src, "</body></html>");
	bool stopped = false, again = false;
	htmlDocPtr doc = read_html(src, &stopped);
	if (stopped) {
		/* nested too deep for libxml2: keep the text, flat, rather
		 * than lose what follows the 256th level */
		xmlFreeDoc(doc);
		strip_tags(src);
		g_string_prepend(src, "<html><body>");
		g_string_append(src, "</body></html>");
		doc = read_html(src, &again);
	}
	if (flattened)
		*flattened = stopped;
	g_string_free(src, TRUE);
	*body = doc ? find_body(doc->children) : NULL;
	return doc;
}

/* ------------------------------------------------------------ driver */

static bool
only_space(const struct art_node *p)
{
	for (const struct art_node *n = p->first_child; n; n = n->next)
		if (n->type != ART_SOFTBREAK &&
		    (n->type != ART_TEXT || !html_blank(n->literal)))
			return false;
	return true;
}

void
art_html_to_model(struct article *art)
{
	if (!art || !art->root)
		return;
	struct html_conversion c = {art,  {0, 0}, g_ptr_array_new_with_free_func(g_free),
	                            NULL, NULL,   0,
	                            0,    NULL,   g_hash_table_new(NULL, NULL)};
	GPtrArray *blocks = g_ptr_array_new(), *parents = g_ptr_array_new();
	GHashTable *seen = g_hash_table_new(NULL, NULL);
	struct art_node *root = art->root;
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type == ART_HTML_BLOCK)
			g_ptr_array_add(blocks, n);
		else if (n->type == ART_HTML_INLINE && n->parent &&
		         g_hash_table_add(seen, n->parent))
			g_ptr_array_add(parents, n->parent);
	}
	g_hash_table_destroy(seen);
	/* Deepest first: dropping <script>...</script> may free a container
	 * that holds tags of its own, which must be done by then. */
	for (guint i = parents->len; i-- > 0;) {
		struct art_node *p = parents->pdata[i];
		c.pos = p->pos;
		html_convert_inlines(&c, p);
		if (p->type == ART_PARAGRAPH || p->type == ART_HEADING ||
		    p->type == ART_TABLE_CELL)
			html_trim(p); /* a tag gone from the end leaves a space */
		if (p->type == ART_PARAGRAPH && only_space(p)) {
			/* it held tags only, e.g. an anchor: its ids name the
			 * next block (an HTML block hands them on when it goes) */
			struct art_node *to = p->next ? p->next : p->parent;
			art_ids_retarget(art, p, to);
			if (to->type == ART_HTML_BLOCK)
				g_hash_table_add(c.named, to);
			art_node_free(p);
		}
	}
	/* Fragments over several blocks first, in document order; then the
	 * conversion runs backwards, so the blocks a fragment takes in are
	 * converted before it, and the block after an HTML block is model
	 * nodes by then (anchors left at its end name it). */
	GHashTable *member = g_hash_table_new(NULL, NULL);
	GHashTable *groups =
	    g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
	for (guint i = 0; i < blocks->len; i++) {
		struct art_node *h = blocks->pdata[i];
		GPtrArray *g =
		    g_hash_table_contains(member, h) ? NULL : html_fragment_group(h, member);
		if (g)
			g_hash_table_insert(groups, h, g);
	}
	for (guint i = blocks->len; i-- > 0;) {
		struct art_node *h = blocks->pdata[i];
		if (g_hash_table_contains(member, h))
			continue; /* converted with the fragment it closes */
		c.pos = h->pos;
		c.container = h->parent;
		c.depth = 0;
		c.in_link = 0;
		GPtrArray *g = g_hash_table_lookup(groups, h);
		if (g)
			html_convert_group(&c, (struct art_node **)g->pdata, g->len);
		else
			html_convert_group(&c, &h, 1);
	}
	g_hash_table_destroy(groups);
	g_hash_table_destroy(member);
	g_ptr_array_free(parents, TRUE);
	g_ptr_array_free(blocks, TRUE);
	g_ptr_array_free(c.pending, TRUE);
	g_hash_table_destroy(c.named);
}
