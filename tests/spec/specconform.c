/* specconform - compares md2epub's chapters with the spec's expected HTML
 * (tests/spec/suite-35-conformance.sh; docs/conformance.md says why each
 * normalisation is there).
 *
 * usage: specconform LIST
 * LIST has one line per example: "NAME EXPECTED.html CHAPTER.xhtml".
 * Prints "MATCH NAME", "SKIP NAME" (the spec expects "<IGNORE>": only that
 * it converts) or "DIFF NAME" followed by the two canonical forms from
 * their first difference ("    want: ...", "    got:  ...", newlines as
 * "\n").  Exit 0; 2 on a usage error.
 *
 * Both sides become one canonical string: elements by local name with
 * their kept attributes sorted, text with white space collapsed outside
 * <pre>, no white space next to block boundaries, and the deliberate EPUB
 * choices mapped to one form on both sides:
 *  - images: <img alt> and md2epub's placeholder for a missing image
 *    (<span class="missing-image">alt</span>) both become {img:alt}, and
 *    a <figure> holding only an image is the paragraph it was;
 *  - heading ids (md2epub gives every heading one) are dropped;
 *  - footnotes: GFM's <sup><a href="#fn-1">1</a></sup> and md2epub's
 *    <a epub:type="noteref"> both become {fnref:1}; the notes section
 *    (<section class="footnotes"> / <aside epub:type="footnote">) becomes
 *    {notes:...} with back-references and number labels dropped;
 *  - task lists: GFM's <input type="checkbox"> and md2epub's ☑/☐ become
 *    {task:x} / {task: };
 *  - table alignment: align="center" and class="align-center" agree;
 *  - sanitised raw HTML: <script>, <style>, event handlers and style=
 *    attributes are dropped on both sides;
 *  - typographic punctuation: curly quotes, dashes and the ellipsis fold to
 *    their ASCII spelling on both sides (smart punctuation is a choice of
 *    the typography layer, not a conformance question);
 *  - XHTML serialisation (empty elements, entities, attribute quoting)
 *    disappears in parsing.
 */
#include <glib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

static const char *const block_names[] = {
    "address",  "article",  "aside",  "blockquote", "body",     "dd",       "details",
    "dialog",   "dir",      "div",    "dl",         "dt",       "fieldset", "figcaption",
    "figure",   "footer",   "form",   "h1",         "h2",       "h3",       "h4",
    "h5",       "h6",       "header", "hr",         "html",     "li",       "main",
    "menu",     "nav",      "ol",     "p",          "pre",      "section",  "table",
    "tbody",    "td",       "tfoot",  "th",         "thead",    "tr",       "ul",
    "caption",  "colgroup", "col",    "summary",    "head",     "title",    "meta",
    "link",     "base",     "iframe", "noframes",   "frameset", "frame",    "legend",
    "optgroup", "option",   "param",  "source",     "track",    "center",   "{notes}",
    "{note}",   NULL};

static bool
in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (g_ascii_strcasecmp(name, *list) == 0)
			return true;
	return false;
}

static bool
is_block(const char *name)
{
	return in_list(name, block_names);
}

struct canon {
	GString *out;
	bool in_pre;
	bool skip_space; /* just after a block boundary */
};

/* Ends the output at a block boundary: no trailing space. */
static void
trim_end(GString *s)
{
	while (s->len && s->str[s->len - 1] == ' ')
		g_string_truncate(s, s->len - 1);
}

/* Typographic punctuation to its ASCII spelling. */
static void
fold_char(GString *s, gunichar c)
{
	switch (c) {
	case 0x201C:
	case 0x201D:
	case 0x201E:
		g_string_append_c(s, '"');
		return;
	case 0x2018:
	case 0x2019:
	case 0x201A:
		g_string_append_c(s, '\'');
		return;
	case 0x2013:
		g_string_append(s, "--");
		return;
	case 0x2014:
		g_string_append(s, "---");
		return;
	case 0x2026:
		g_string_append(s, "...");
		return;
	case '<':
		g_string_append(s, "&lt;");
		return; /* text never reads as a tag */
	case '&':
		g_string_append(s, "&amp;");
		return;
	default:
		g_string_append_unichar(s, c);
		return;
	}
}

static void
add_text(struct canon *c, const char *t)
{
	for (const char *p = t; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (!c->in_pre &&
		    (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f')) {
			if (!c->skip_space && c->out->len &&
			    c->out->str[c->out->len - 1] != ' ')
				g_string_append_c(c->out, ' ');
			continue;
		}
		c->skip_space = false;
		fold_char(c->out, ch);
	}
}

static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s = v ? g_strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static bool
has_class(xmlNodePtr n, const char *cls)
{
	char *v = attr(n, "class");
	bool yes = false;
	if (v) {
		char **parts = g_strsplit(v, " ", -1);
		for (char **p = parts; *p && !yes; p++)
			yes = strcmp(*p, cls) == 0;
		g_strfreev(parts);
	}
	g_free(v);
	return yes;
}

static bool
is_epub_type(xmlNodePtr n, const char *type)
{
	xmlChar *v = xmlGetNsProp(n, BAD_CAST "type", BAD_CAST "http://www.idpf.org/2007/ops");
	bool yes = v && strcmp((const char *)v, type) == 0;
	xmlFree(v);
	return yes;
}

static const char *
lname(xmlNodePtr n)
{
	return (const char *)n->name;
}

static gint
by_string(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Attributes kept for comparison, sorted, as ' name="value"'. */
static void
add_attrs(struct canon *c, xmlNodePtr n)
{
	const char *name = lname(n);
	GPtrArray *kept = g_ptr_array_new_with_free_func(g_free);
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		if (a->ns && strcmp((const char *)a->ns->href,
		                    "http://www.w3.org/XML/1998/namespace") == 0)
			continue; /* xml:lang */
		if (g_ascii_strncasecmp(an, "on", 2) == 0 ||
		    g_ascii_strcasecmp(an, "style") == 0)
			continue; /* sanitised */
		if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2] &&
		    strcmp(an, "id") == 0)
			continue; /* heading ids */
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		const char *val = v ? (const char *)v : "";
		if (strcmp(an, "class") == 0 &&
		    (strcmp(name, "ul") == 0 || strcmp(name, "li") == 0) &&
		    (strcmp(val, "tasks") == 0 || strcmp(val, "task") == 0 ||
		     strcmp(val, "task done") == 0)) {
			xmlFree(v);
			continue; /* md2epub's task list classes */
		}
		if (strcmp(an, "href") == 0) {
			char *dec = g_uri_unescape_string(val, NULL);
			g_ptr_array_add(kept, g_strdup_printf(" href=\"%s\"", dec ? dec : val));
			g_free(dec);
		} else if (g_ascii_strcasecmp(an, "align") == 0 &&
		           (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)) {
			g_ptr_array_add(kept, g_strdup_printf(" align=\"%s\"", val));
		} else if (strcmp(an, "class") == 0 && g_str_has_prefix(val, "align-") &&
		           (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)) {
			g_ptr_array_add(kept, g_strdup_printf(" align=\"%s\"", val + 6));
		} else if (strcmp(an, "class") == 0) {
			char **tokens = g_strsplit_set(val, " \t\n\r\f", -1);
			GString *joined = g_string_new(NULL);
			for (char **t = tokens; *t; t++)
				if (**t)
					g_string_append_printf(joined, "%s%s",
					                       joined->len ? " " : "", *t);
			g_ptr_array_add(kept, g_strdup_printf(" class=\"%s\"", joined->str));
			g_string_free(joined, TRUE);
			g_strfreev(tokens);
		} else {
			g_ptr_array_add(kept, g_strdup_printf(" %s=\"%s\"", an, val));
		}
		xmlFree(v);
	}
	g_ptr_array_sort(kept, by_string);
	for (guint i = 0; i < kept->len; i++)
		g_string_append(c->out, kept->pdata[i]);
	g_ptr_array_free(kept, TRUE);
}

static void canon_children(struct canon *c, xmlNodePtr n);

static char *
text_of(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = g_strdup(t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

static void
add_image(struct canon *c, const char *alt)
{
	struct canon sub = {g_string_new(NULL), false, true};
	add_text(&sub, alt ? alt : "");
	trim_end(sub.out);
	g_string_append_printf(c->out, "{img:%s}", sub.out->str);
	c->skip_space = false;
	g_string_free(sub.out, TRUE);
}

/* The only element child of n (white space aside) when it is named name. */
static xmlNodePtr
sole_element(xmlNodePtr n)
{
	xmlNodePtr found = NULL;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE) {
			if (found)
				return NULL;
			found = k;
		} else if (k->type == XML_TEXT_NODE) {
			for (const xmlChar *p = k->content; p && *p; p++)
				if (!g_ascii_isspace(*p))
					return NULL;
		}
	}
	return found;
}

static void
open_tag(struct canon *c, const char *name, xmlNodePtr attrs_of)
{
	if (is_block(name))
		trim_end(c->out);
	g_string_append_printf(c->out, "<%s", name);
	if (attrs_of)
		add_attrs(c, attrs_of);
	g_string_append_c(c->out, '>');
	if (is_block(name))
		c->skip_space = true;
}

static void
close_tag(struct canon *c, const char *name)
{
	if (is_block(name))
		trim_end(c->out);
	g_string_append_printf(c->out, "</%s>", name);
	if (is_block(name))
		c->skip_space = true;
}

static void canon_node(struct canon *c, xmlNodePtr n);

/* The number of a footnote reference: GFM's <sup class="footnote-ref">,
 * md2epub's <a epub:type="noteref"> (alone or in its <sup>); or NULL. */
static char *
footnote_ref(xmlNodePtr n)
{
	if (strcmp(lname(n), "sup") == 0 && has_class(n, "footnote-ref"))
		return text_of(n);
	if (strcmp(lname(n), "sup") == 0) {
		xmlNodePtr only = sole_element(n);
		return only && strcmp(lname(only), "a") == 0 && is_epub_type(only, "noteref")
		           ? text_of(only)
		           : NULL;
	}
	return is_epub_type(n, "noteref") ? text_of(n) : NULL;
}

/* A host name md2epub links to (letters, digits, '-', '.'; an IPv6
 * literal in brackets), as epubcheck wants. */
static bool
host_ok(const char *url)
{
	const char *a = strstr(url, "://");
	if (!a)
		return false;
	a += 3;
	char *auth = g_strndup(a, strcspn(a, "/?#"));
	char *host = strrchr(auth, '@') ? strrchr(auth, '@') + 1 : auth;
	bool ok = host[0] == '[' ? strchr(host, ']') != NULL : true;
	if (host[0] != '[') {
		host[strcspn(host, ":")] = '\0';
		ok = *host && host[0] != '.' && host[0] != '-' && !strstr(host, "..");
		for (const char *p = host; ok && *p; p++)
			ok = g_ascii_isalnum(*p) || *p == '-' || *p == '.';
	}
	g_free(auth);
	return ok;
}

/* Whether md2epub keeps a link to url: mail addresses and web or FTP URLs
 * with a valid host.  A path cannot point into a web site from a book,
 * "#anchor" needs a heading of that id, and other schemes are not for
 * reading systems. */
static bool
web_link(const char *url)
{
	if (!url)
		return false;
	const char *scheme = g_uri_peek_scheme(url);
	if (!scheme)
		return false;
	if (strcmp(scheme, "mailto") == 0)
		return true;
	return (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	        strcmp(scheme, "ftp") == 0) &&
	       host_ok(url);
}

/* A link md2epub cannot keep (see web_link) keeps its text, as
 * <span class="link"> or an <a> without href: both sides become a bare
 * <a>, or nothing when it has no content.  Returns false for a kept link
 * and for footnote references, which are compared whole. */
static bool
canon_link(struct canon *c, xmlNodePtr n, const char *name)
{
	char *href = strcmp(name, "a") == 0 ? attr(n, "href") : NULL;
	char *ref = footnote_ref(n);
	bool drop = !web_link(href) && !ref && !is_epub_type(n, "noteref");
	g_free(href);
	g_free(ref);
	if (!drop)
		return false;
	if (!n->children)
		return true;
	g_string_append(c->out, "<a>");
	canon_children(c, n);
	g_string_append(c->out, "</a>");
	return true;
}

static void
canon_node(struct canon *c, xmlNodePtr n)
{
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			add_text(c, (const char *)n->content);
		return;
	case XML_ENTITY_REF_NODE:
		g_string_append_printf(c->out, "&%s;", (const char *)n->name);
		return;
	case XML_ELEMENT_NODE:
		break;
	default:
		return; /* comments, processing instructions */
	}
	char *name = g_ascii_strdown(lname(n), -1);
	if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)
		goto done;
	if (strcmp(name, "img") == 0) {
		char *alt = attr(n, "alt");
		add_image(c, alt);
		g_free(alt);
		goto done;
	}
	if (strcmp(name, "span") == 0 && has_class(n, "missing-image")) {
		char *alt = text_of(n);
		add_image(c,
		          strcmp(alt, "image") == 0 ? "" : alt); /* md2epub's word for no alt */
		g_free(alt);
		goto done;
	}
	if (strcmp(name, "figure") == 0) {
		xmlNodePtr only = sole_element(n);
		if (only &&
		    (strcmp(lname(only), "img") == 0 ||
		     (strcmp(lname(only), "span") == 0 && has_class(only, "missing-image")))) {
			open_tag(c, "p", NULL);
			canon_node(c, only);
			close_tag(c, "p");
			goto done;
		}
	}
	if (strcmp(name, "a") == 0 && has_class(n, "footnote-backref"))
		goto done; /* md2epub links back from the note's number */
	if (strcmp(name, "a") == 0 || (strcmp(name, "span") == 0 && has_class(n, "link"))) {
		if (canon_link(c, n, name))
			goto done;
	}
	if (strcmp(name, "sup") == 0 || strcmp(name, "a") == 0) {
		char *num = footnote_ref(n);
		if (num) {
			g_string_append_printf(c->out, "{fnref:%s}", num);
			c->skip_space = false;
			g_free(num);
			goto done;
		}
	}
	if ((strcmp(name, "section") == 0 && has_class(n, "footnotes")) ||
	    (strcmp(name, "aside") == 0 && is_epub_type(n, "footnote")) ||
	    (strcmp(name, "li") == 0 && n->parent && n->parent->parent &&
	     n->parent->parent->type == XML_ELEMENT_NODE &&
	     strcmp(lname(n->parent->parent), "section") == 0 &&
	     has_class(n->parent->parent, "footnotes"))) {
		const char *tag = strcmp(name, "section") == 0 ? "{notes}" : "{note}";
		open_tag(c, tag, NULL);
		for (xmlNodePtr k = n->children; k; k = k->next) {
			if (k->type == XML_ELEMENT_NODE &&
			    (strcmp(lname(k), "hr") == 0 ||
			     (strcmp(lname(k), "p") == 0 && has_class(k, "footnote-number"))))
				continue;
			if (k->type == XML_ELEMENT_NODE && strcmp(lname(k), "ol") == 0 &&
			    strcmp(tag, "{notes}") == 0) {
				canon_children(c, k);
				continue;
			}
			canon_node(c, k);
		}
		close_tag(c, tag);
		goto done;
	}
	if (strcmp(name, "span") == 0 && has_class(n, "task-box")) {
		char *box = text_of(n);
		g_string_append_printf(c->out, "{task:%s}",
		                       strstr(box, "\xe2\x98\x91") ? "x" : " ");
		c->skip_space = true;
		g_free(box);
		goto done;
	}
	if (strcmp(name, "input") == 0) {
		char *type = attr(n, "type");
		if (type && g_ascii_strcasecmp(type, "checkbox") == 0) {
			char *checked = attr(n, "checked");
			g_string_append_printf(c->out, "{task:%s}", checked ? "x" : " ");
			c->skip_space = true;
			g_free(checked);
			g_free(type);
			goto done;
		}
		g_free(type);
	}
	bool was_pre = c->in_pre;
	if (strcmp(name, "pre") == 0)
		c->in_pre = true;
	open_tag(c, name, n);
	canon_children(c, n);
	close_tag(c, name);
	c->in_pre = was_pre;
done:
	g_free(name);
}

static void
canon_children(struct canon *c, xmlNodePtr n)
{
	for (xmlNodePtr k = n->children; k; k = k->next)
		canon_node(c, k);
}

static char *
canon_string(xmlNodePtr top)
{
	struct canon c = {g_string_new(NULL), false, true};
	canon_children(&c, top);
	trim_end(c.out);
	return g_string_free(c.out, FALSE);
}

/* The expected HTML, parsed the way a browser would (libxml2's HTML
 * parser), inside an explicit <body> so text at the top level gets no
 * implied paragraph. */
static char *
expected_canon(const char *file)
{
	char *src = NULL;
	if (!g_file_get_contents(file, &src, NULL, NULL))
		return g_strdup("(unreadable)");
	char *doc_src = g_strconcat("<!DOCTYPE html><html><head></head><body>", src,
	                            "</body></html>", NULL);
	htmlDocPtr doc = htmlReadMemory(doc_src, (int)strlen(doc_src), file, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	                                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	char *s;
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNodePtr body = NULL;
	for (xmlNodePtr k = root ? root->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && strcmp(lname(k), "body") == 0)
			body = k;
	s = body ? canon_string(body) : g_strdup("");
	if (doc)
		xmlFreeDoc(doc);
	g_free(doc_src);
	g_free(src);
	return s;
}

/* The chapter's article: <section epub:type="chapter"> in <body>. */
static xmlNodePtr
find_article(xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(lname(n), "section") == 0 && is_epub_type(n, "chapter"))
			return n;
		xmlNodePtr in = find_article(n->children);
		if (in)
			return in;
	}
	return NULL;
}

static char *
actual_canon(const char *file)
{
	xmlDocPtr doc =
	    xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc)
		return g_strdup("(not well-formed)");
	xmlNodePtr art = find_article(xmlDocGetRootElement(doc));
	char *s = art ? canon_string(art) : g_strdup("(no article section)");
	xmlFreeDoc(doc);
	return s;
}

/* s with each newline shown as "\\n", so a difference prints on one line. */
static char *
one_line(const char *s)
{
	GString *o = g_string_new(NULL);
	for (; *s; s++) {
		if (*s == '\n')
			g_string_append(o, "\\n");
		else
			g_string_append_c(o, *s);
	}
	return g_string_free(o, FALSE);
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: specconform LIST\n");
		return 2;
	}
	char *list = NULL;
	if (!g_file_get_contents(argv[1], &list, NULL, NULL)) {
		fprintf(stderr, "specconform: cannot read %s\n", argv[1]);
		return 2;
	}
	char **lines = g_strsplit(list, "\n", -1);
	for (char **l = lines; *l; l++) {
		char **f = g_strsplit(*l, " ", 3);
		if (g_strv_length(f) == 3) {
			char *exp = NULL;
			bool ignore = g_file_get_contents(f[1], &exp, NULL, NULL) &&
			              strcmp(g_strstrip(exp), "<IGNORE>") == 0;
			g_free(exp);
			if (ignore) { /* the spec only asks that it does not crash */
				printf("SKIP %s\n", f[0]);
				g_strfreev(f);
				continue;
			}
			char *want0 = expected_canon(f[1]);
			char *got0 = actual_canon(f[2]);
			char *want = one_line(want0), *got = one_line(got0);
			g_free(want0);
			g_free(got0);
			if (strcmp(want, got) == 0) {
				printf("MATCH %s\n", f[0]);
			} else {
				size_t i = 0;
				while (want[i] && want[i] == got[i])
					i++;
				size_t from = i > 40 ? i - 40 : 0;
				while (from > 0 && (want[from] & 0xC0) == 0x80)
					from--;
				printf("DIFF %s\n    want: %s%.160s\n    got:  %s%.160s\n",
				       f[0], from ? "..." : "", want + from, from ? "..." : "",
				       strlen(got) > from ? got + from : "");
			}
			g_free(want);
			g_free(got);
		}
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(list);
	return 0;
}
