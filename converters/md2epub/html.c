/* html.c - raw HTML in Markdown -> safe, valid XHTML nodes.
 *
 * libxml2's HTML parser turns tag soup into a tree; we then copy only what
 * is safe and valid in an EPUB 3 content document (epubcheck validates
 * against the XHTML5 schema): known elements in a place where they may
 * stand, no scripts or embedded content, no event handlers, no presentational
 * attributes (align becomes a class), ids unique and NCNames, links and
 * images rewritten to what the book contains. */
#include <string.h>

#include <libxml/HTMLparser.h>

#include "epub.h"

enum kind {
	K_UNWRAP = 0,   /* unknown element: keep its content */
	K_PHRASING,     /* phrasing element; its content is phrasing */
	K_PBLOCK,       /* flow element whose content is phrasing (p, h1...) */
	K_FLOW,         /* flow element with flow content */
	K_STRUCT,       /* table parts and lists: only given children */
	K_DROP,         /* dropped with its content, with a warning */
	K_SILENT,       /* dropped with its content, silently */
};

struct rule {
	const char *name;
	enum kind kind;
	const char *out;        /* output name if renamed */
	const char *cls;        /* class added when renamed */
};

/* Sorted by name for bsearch. */
static const struct rule rules[] = {
	{ "a", K_PHRASING, NULL, NULL },
	{ "abbr", K_PHRASING, NULL, NULL },
	{ "acronym", K_PHRASING, "abbr", NULL },
	{ "address", K_FLOW, NULL, NULL },
	{ "applet", K_DROP, NULL, NULL },
	{ "area", K_SILENT, NULL, NULL },
	{ "article", K_FLOW, NULL, NULL },
	{ "aside", K_FLOW, NULL, NULL },
	{ "audio", K_DROP, NULL, NULL },
	{ "b", K_PHRASING, NULL, NULL },
	{ "base", K_SILENT, NULL, NULL },
	{ "bdi", K_PHRASING, NULL, NULL },
	{ "bdo", K_PHRASING, "span", NULL },
	{ "big", K_PHRASING, "span", "big" },
	{ "blockquote", K_FLOW, NULL, NULL },
	{ "br", K_PHRASING, NULL, NULL },
	{ "button", K_DROP, NULL, NULL },
	{ "canvas", K_DROP, NULL, NULL },
	{ "caption", K_PBLOCK, NULL, NULL },
	{ "center", K_FLOW, "div", "center" },
	{ "cite", K_PHRASING, NULL, NULL },
	{ "code", K_PHRASING, NULL, NULL },
	{ "col", K_SILENT, NULL, NULL },
	{ "colgroup", K_SILENT, NULL, NULL },
	{ "dd", K_FLOW, NULL, NULL },
	{ "del", K_PHRASING, NULL, NULL },
	{ "details", K_FLOW, NULL, NULL },
	{ "dfn", K_PHRASING, NULL, NULL },
	{ "dir", K_STRUCT, "ul", NULL },
	{ "div", K_FLOW, NULL, NULL },
	{ "dl", K_STRUCT, NULL, NULL },
	{ "dt", K_PBLOCK, NULL, NULL },
	{ "em", K_PHRASING, NULL, NULL },
	{ "embed", K_DROP, NULL, NULL },
	{ "figcaption", K_FLOW, NULL, NULL },
	{ "figure", K_FLOW, NULL, NULL },
	{ "font", K_PHRASING, "span", NULL },
	{ "footer", K_FLOW, NULL, NULL },
	{ "form", K_DROP, NULL, NULL },
	{ "frame", K_DROP, NULL, NULL },
	{ "frameset", K_DROP, NULL, NULL },
	{ "h1", K_PBLOCK, NULL, NULL },
	{ "h2", K_PBLOCK, NULL, NULL },
	{ "h3", K_PBLOCK, NULL, NULL },
	{ "h4", K_PBLOCK, NULL, NULL },
	{ "h5", K_PBLOCK, NULL, NULL },
	{ "h6", K_PBLOCK, NULL, NULL },
	{ "head", K_SILENT, NULL, NULL },
	{ "header", K_FLOW, NULL, NULL },
	{ "hr", K_FLOW, NULL, NULL },
	{ "i", K_PHRASING, NULL, NULL },
	{ "iframe", K_DROP, NULL, NULL },
	{ "img", K_PHRASING, NULL, NULL },
	{ "input", K_DROP, NULL, NULL },
	{ "ins", K_PHRASING, NULL, NULL },
	{ "kbd", K_PHRASING, NULL, NULL },
	{ "li", K_FLOW, NULL, NULL },
	{ "link", K_SILENT, NULL, NULL },
	{ "main", K_FLOW, "div", NULL },
	{ "map", K_SILENT, NULL, NULL },
	{ "mark", K_PHRASING, NULL, NULL },
	{ "marquee", K_PHRASING, "span", NULL },
	{ "math", K_DROP, NULL, NULL },
	{ "meta", K_SILENT, NULL, NULL },
	{ "nav", K_FLOW, "div", NULL },
	{ "nobr", K_PHRASING, "span", NULL },
	{ "noscript", K_SILENT, NULL, NULL },
	{ "object", K_DROP, NULL, NULL },
	{ "ol", K_STRUCT, NULL, NULL },
	{ "p", K_PBLOCK, NULL, NULL },
	{ "param", K_SILENT, NULL, NULL },
	{ "pre", K_PBLOCK, NULL, NULL },
	{ "q", K_PHRASING, NULL, NULL },
	{ "s", K_PHRASING, NULL, NULL },
	{ "samp", K_PHRASING, NULL, NULL },
	{ "script", K_DROP, NULL, NULL },
	{ "section", K_FLOW, NULL, NULL },
	{ "select", K_DROP, NULL, NULL },
	{ "small", K_PHRASING, NULL, NULL },
	{ "source", K_SILENT, NULL, NULL },
	{ "span", K_PHRASING, NULL, NULL },
	{ "strike", K_PHRASING, "s", NULL },
	{ "strong", K_PHRASING, NULL, NULL },
	{ "style", K_DROP, NULL, NULL },
	{ "sub", K_PHRASING, NULL, NULL },
	{ "summary", K_PBLOCK, NULL, NULL },
	{ "sup", K_PHRASING, NULL, NULL },
	{ "svg", K_DROP, NULL, NULL },
	{ "table", K_STRUCT, NULL, NULL },
	{ "tbody", K_STRUCT, NULL, NULL },
	{ "td", K_FLOW, NULL, NULL },
	{ "template", K_SILENT, NULL, NULL },
	{ "textarea", K_DROP, NULL, NULL },
	{ "tfoot", K_STRUCT, NULL, NULL },
	{ "th", K_FLOW, NULL, NULL },
	{ "thead", K_STRUCT, NULL, NULL },
	{ "title", K_SILENT, NULL, NULL },
	{ "tr", K_STRUCT, NULL, NULL },
	{ "track", K_SILENT, NULL, NULL },
	{ "tt", K_PHRASING, "code", NULL },
	{ "u", K_PHRASING, NULL, NULL },
	{ "ul", K_STRUCT, NULL, NULL },
	{ "var", K_PHRASING, NULL, NULL },
	{ "video", K_DROP, NULL, NULL },
	{ "wbr", K_PHRASING, NULL, NULL },
	{ "xmp", K_PBLOCK, "pre", NULL },
};

/* Which output parents an element needs, and which children a structural
 * element takes (anything else is unwrapped or dropped). */
static const char *const need_parent[][2] = {
	{ "li", "ul ol" },
	{ "tr", "table thead tbody tfoot" },
	{ "td", "tr" }, { "th", "tr" },
	{ "thead", "table" }, { "tbody", "table" }, { "tfoot", "table" },
	{ "caption", "table" },
	{ "dt", "dl" }, { "dd", "dl" },
	{ "summary", "details" },
	{ "figcaption", "figure" },
};

struct san {
	struct epub_book *book;
	struct epub_chapter *ch;
	struct art_pos pos;
	bool in_a;
	int depth;              /* elements created below the fragment's parent */
};

static int
rule_cmp(const void *key, const void *r)
{
	return strcmp(key, ((const struct rule *)r)->name);
}

static const struct rule *
find_rule(const char *name)
{
	return bsearch(name, rules, G_N_ELEMENTS(rules), sizeof rules[0], rule_cmp);
}

static bool
word_in(const char *word, const char *list)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	}
	return false;
}

static const char *
required_parent(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(need_parent); i++)
		if (strcmp(need_parent[i][0], name) == 0)
			return need_parent[i][1];
	return NULL;
}

/* Children a structural output element accepts. */
static const char *
struct_children(const char *name)
{
	if (!strcmp(name, "ul") || !strcmp(name, "ol"))
		return "li";
	if (!strcmp(name, "table"))
		return "caption thead tbody tfoot tr";
	if (!strcmp(name, "thead") || !strcmp(name, "tbody") || !strcmp(name, "tfoot"))
		return "tr";
	if (!strcmp(name, "tr"))
		return "td th";
	if (!strcmp(name, "dl"))
		return "dt dd";
	return NULL;
}

static void
warn_dropped(struct san *s, const char *name)
{
	char *key = g_strconcat("\001dropped:", name, NULL);
	if (g_hash_table_contains(s->ch->ids, key)) {
		g_free(key);
		return;
	}
	g_hash_table_insert(s->ch->ids, key, GINT_TO_POINTER(3));
	art_diag(ART_W_HTML_DROPPED, s->ch->art->display_name, s->pos, name);
}

static bool
all_digits(const char *v, int maxlen)
{
	if (v == NULL || *v == '\0' || (int)strlen(v) > maxlen)
		return false;
	for (const char *p = v; *p; p++)
		if (!g_ascii_isdigit(*p))
			return false;
	return true;
}

static bool
word_chars(const char *v)
{
	if (v == NULL || *v == '\0')
		return false;
	for (const char *p = v; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
			return false;
	return true;
}

static void
add_class(xmlNodePtr e, const char *cls)
{
	xmlChar *old = xmlGetProp(e, BAD_CAST "class");
	if (old) {
		char *v = g_strconcat((char *)old, " ", cls, NULL);
		xmlSetProp(e, BAD_CAST "class", BAD_CAST v);
		g_free(v);
		xmlFree(old);
	} else {
		xmlNewProp(e, BAD_CAST "class", BAD_CAST cls);
	}
}

static void
set_id(struct san *s, xmlNodePtr e, const char *v)
{
	if (v == NULL || *v == '\0' || xmlHasProp(e, BAD_CAST "id"))
		return;
	char *id = epub_xml_id(v);
	if (!g_hash_table_contains(s->ch->ids, id)) {
		xmlNewProp(e, BAD_CAST "id", BAD_CAST id);
		g_hash_table_insert(s->ch->ids, id, GINT_TO_POINTER(2));
	} else {
		g_free(id);
	}
}

/* Copy the attributes that are valid on out (an element named name). */
static void
copy_attrs(struct san *s, xmlNodePtr src, xmlNodePtr out, const char *name)
{
	for (xmlAttrPtr a = src->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		xmlChar *raw = xmlNodeListGetString(src->doc, a->children, 1);
		char *v = epub_clean(raw ? (const char *)raw : "");
		xmlFree(raw);
		g_strstrip(v);
		if (!strcmp(an, "id") || (!strcmp(an, "name") && !strcmp(name, "a"))) {
			set_id(s, out, v);
		} else if (!strcmp(an, "class")) {
			char **w = g_strsplit_set(v, " \t\n", -1);
			for (char **p = w; *p; p++)
				if (word_chars(*p))
					add_class(out, *p);
			g_strfreev(w);
		} else if (!strcmp(an, "title")) {
			xmlNewProp(out, BAD_CAST "title", BAD_CAST v);
		} else if (!strcmp(an, "lang")) {
			if (word_chars(v))
				xmlNewProp(out, BAD_CAST "lang", BAD_CAST v);
		} else if (!strcmp(an, "dir")) {
			if (!strcmp(v, "ltr") || !strcmp(v, "rtl") || !strcmp(v, "auto"))
				xmlNewProp(out, BAD_CAST "dir", BAD_CAST v);
		} else if (!strcmp(an, "align")) {
			if (!strcmp(v, "left") || !strcmp(v, "center") || !strcmp(v, "right")) {
				char *c = g_strconcat("align-", v, NULL);
				add_class(out, c);
				g_free(c);
			}
		} else if ((!strcmp(an, "colspan") || !strcmp(an, "rowspan")) &&
		           (!strcmp(name, "td") || !strcmp(name, "th"))) {
			if (all_digits(v, 3) && atoi(v) > 0)
				xmlNewProp(out, BAD_CAST an, BAD_CAST v);
		} else if ((!strcmp(an, "width") || !strcmp(an, "height")) && !strcmp(name, "img")) {
			if (all_digits(v, 5))
				xmlNewProp(out, BAD_CAST an, BAD_CAST v);
		} else if (!strcmp(an, "start") && !strcmp(name, "ol")) {
			if (all_digits(v[0] == '-' ? v + 1 : v, 9))
				xmlNewProp(out, BAD_CAST an, BAD_CAST v);
		} else if (!strcmp(an, "value") && !strcmp(name, "li")) {
			if (all_digits(v[0] == '-' ? v + 1 : v, 9))
				xmlNewProp(out, BAD_CAST an, BAD_CAST v);
		} else if (!strcmp(an, "type") && !strcmp(name, "ol")) {
			if (strlen(v) == 1 && strchr("1aAiI", v[0]))
				xmlNewProp(out, BAD_CAST an, BAD_CAST v);
		} else if (!strcmp(an, "open") && !strcmp(name, "details")) {
			xmlNewProp(out, BAD_CAST "open", BAD_CAST "open");
		}
		/* Everything else goes: on* handlers, style, presentational
		 * attributes epubcheck rejects, and src/href (handled by caller). */
		g_free(v);
	}
}

static void copy_children(struct san *s, xmlNodePtr src, xmlNodePtr dst, bool phrasing);

static void
copy_img(struct san *s, xmlNodePtr src, xmlNodePtr dst)
{
	xmlChar *srcattr = xmlGetProp(src, BAD_CAST "src");
	xmlChar *alt = xmlGetProp(src, BAD_CAST "alt");
	char *altc = epub_clean(alt ? (char *)alt : "");
	struct epub_item *it = NULL;
	if (srcattr && *srcattr) {
		struct art_resource *r = art_resource_get(s->ch->art, (char *)srcattr, s->pos);
		it = epub_book_image(s->book, r, s->ch->art->display_name, s->pos);
	}
	if (it) {
		xmlNodePtr img = xmlNewChild(dst, NULL, BAD_CAST "img", NULL);
		xmlNewProp(img, BAD_CAST "src", BAD_CAST it->href);
		xmlNewProp(img, BAD_CAST "alt", BAD_CAST altc);
		copy_attrs(s, src, img, "img");
	} else {
		xmlNodePtr ph = epub_missing_image(dst, altc);
		(void)ph;
	}
	g_free(altc);
	xmlFree(alt);
	xmlFree(srcattr);
}

static void
copy_a(struct san *s, xmlNodePtr src, xmlNodePtr dst, bool phrasing)
{
	xmlChar *href = xmlGetProp(src, BAD_CAST "href");
	char *h = NULL;
	if (href) {
		char *c = epub_clean((char *)href);
		h = epub_href(s->book, s->ch, g_strstrip(c));
		g_free(c);
		xmlFree(href);
	}
	xmlNodePtr a;
	if (s->in_a) {
		/* No links inside links: keep the text and a possible anchor. */
		a = xmlNewChild(dst, NULL, BAD_CAST "span", NULL);
	} else {
		a = xmlNewChild(dst, NULL, BAD_CAST "a", NULL);
		if (h)
			xmlNewProp(a, BAD_CAST "href", BAD_CAST h);
	}
	copy_attrs(s, src, a, "a");
	bool was = s->in_a;
	s->in_a = true;
	s->depth++;
	copy_children(s, src, a, phrasing);
	s->depth--;
	s->in_a = was;
	g_free(h);
	/* <a name="x"></a> whose id was taken already: nothing left. */
	if (a->properties == NULL && a->children == NULL) {
		xmlUnlinkNode(a);
		xmlFreeNode(a);
	}
}

static void
copy_element(struct san *s, xmlNodePtr src, xmlNodePtr dst, bool phrasing)
{
	const char *name = (const char *)src->name;
	const char *dname = (const char *)dst->name;

	if (!strcmp(name, "mdpress-noteref")) {
		xmlChar *n = xmlGetProp(src, BAD_CAST "n");
		if (n && all_digits((char *)n, 6))
			epub_noteref(s->book, s->ch, dst, atoi((char *)n));
		xmlFree(n);
		return;
	}
	const struct rule *r = find_rule(name);
	enum kind k = r ? r->kind : K_UNWRAP;
	if (k == K_DROP || k == K_SILENT) {
		if (k == K_DROP)
			warn_dropped(s, name);
		return;
	}
	const char *out = r && r->out ? r->out : name;
	const char *need = required_parent(out);
	const char *allowed = struct_children(dname);
	if (allowed && !word_in(out, allowed)) {
		/* Text or stray elements inside <ul>, <table>, <tr>...: wrap
		 * them where a wrapper is possible, else drop them. */
		if (!strcmp(dname, "ul") || !strcmp(dname, "ol")) {
			xmlNodePtr li = xmlNewChild(dst, NULL, BAD_CAST "li", NULL);
			copy_element(s, src, li, false);
		} else if (!strcmp(dname, "tr")) {
			xmlNodePtr td = xmlNewChild(dst, NULL, BAD_CAST "td", NULL);
			copy_element(s, src, td, false);
		} else if (k == K_UNWRAP) {
			copy_children(s, src, dst, phrasing);
		}
		return;
	}
	/* Unknown, misplaced, block-in-phrasing, or nested absurdly deep (the
	 * XHTML must stay readable by parsers with a depth limit): keep only
	 * the content. */
	if (k == K_UNWRAP || (need && !word_in(dname, need)) ||
	    (phrasing && k != K_PHRASING) || s->depth >= 32) {
		copy_children(s, src, dst, phrasing);
		if (phrasing && (!strcmp(out, "p") || !strcmp(out, "div") || !strcmp(out, "li")) &&
		    src->next)
			epub_text(dst, " ");
		return;
	}
	if (!strcmp(name, "img")) {
		copy_img(s, src, dst);
		return;
	}
	if (!strcmp(name, "a")) {
		copy_a(s, src, dst, phrasing);
		return;
	}
	xmlNodePtr e = xmlNewChild(dst, NULL, BAD_CAST out, NULL);
	copy_attrs(s, src, e, out);
	if (r && r->cls)
		add_class(e, r->cls);
	if (!strcmp(out, "br") || !strcmp(out, "hr") || !strcmp(out, "wbr"))
		return;
	s->depth++;
	copy_children(s, src, e, phrasing || k == K_PHRASING || k == K_PBLOCK);
	s->depth--;
}

static void
copy_children(struct san *s, xmlNodePtr src, xmlNodePtr dst, bool phrasing)
{
	const char *dname = (const char *)dst->name;
	for (xmlNodePtr c = src->children; c; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (struct_children(dname)) {
				/* Only white space may stand in a table or list. */
				const char *t = (const char *)c->content;
				bool blank = true;
				for (; t && *t; t++)
					if (!g_ascii_isspace(*t))
						blank = false;
				if (!blank && (!strcmp(dname, "ul") || !strcmp(dname, "ol"))) {
					xmlNodePtr li = xmlNewChild(dst, NULL, BAD_CAST "li", NULL);
					epub_text(li, (const char *)c->content);
				} else if (!blank && !strcmp(dname, "tr")) {
					xmlNodePtr td = xmlNewChild(dst, NULL, BAD_CAST "td", NULL);
					epub_text(td, (const char *)c->content);
				} else if (blank) {
					epub_text(dst, (const char *)c->content);
				}
			} else {
				epub_text(dst, (const char *)c->content);
			}
			break;
		case XML_ELEMENT_NODE:
			copy_element(s, c, dst, phrasing);
			break;
		default:
			break;   /* comments, processing instructions */
		}
	}
}

static xmlNodePtr
find_body(xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)n->name, "body"))
			return n;
		xmlNodePtr b = find_body(n->children);
		if (b)
			return b;
	}
	return NULL;
}

void
epub_html_append(struct epub_book *book, struct epub_chapter *ch, xmlNodePtr parent,
                 const char *html, size_t len, struct art_pos pos, bool inline_ctx)
{
	/* The explicit <body> makes leading text body content rather than
	 * something the parser wraps in an implied <p>. */
	GString *src = g_string_new("<html><body>");
	g_string_append_len(src, html, (gssize)len);
	g_string_append(src, "</body></html>");
	htmlDocPtr doc = htmlReadMemory(src->str, (int)src->len, NULL, "UTF-8",
	                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                HTML_PARSE_NONET);
	g_string_free(src, TRUE);
	if (doc == NULL)
		return;
	xmlNodePtr body = find_body(doc->children);
	if (body) {
		struct san s = { book, ch, pos, false, 0 };
		/* Inside a link already?  Then no nested links. */
		for (xmlNodePtr p = parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
			if (!strcmp((const char *)p->name, "a"))
				s.in_a = true;
		const char *pn = (const char *)parent->name;
		bool phrasing = inline_ctx || !strcmp(pn, "p") || !strcmp(pn, "pre") ||
		                (pn[0] == 'h' && pn[1] >= '1' && pn[1] <= '6' && !pn[2]);
		copy_children(&s, body, parent, phrasing);
	}
	xmlFreeDoc(doc);
}
