/* svg_read.c - an SVG file parsed so that it cannot reach out or blow up.
 * Editors write internal entities that must be expanded (Illustrator's
 * xmlns="&ns_svg;" names the SVG namespace through one), so parsing with
 * XML_PARSE_NOENT cannot simply go; instead:
 *  - external entities and DTDs are never loaded (no_external(), NONET):
 *    an entity SYSTEM "file:///etc/passwd" stays empty;
 *  - before anything is expanded, the size the internal entities would
 *    expand to is added up from the unexpanded parse; past
 *    ART_SVG_ENTITY_BUDGET the file is refused.  libxml2's own loop check
 *    catches the billion laughs but let a 400 KB file of 100,000
 *    references to one 1 KB entity expand to 100 MB, and librsvg, which
 *    has no check, took md2pdf to 9 GB on it. */
#include <string.h>

#include <libxml/entities.h>
#include <libxml/parser.h>

#include "article.h"

#define ART_SVG_ENTITY_BUDGET (1 << 20) /* bytes entities expand to, + 1 a reference */
#define ENTITY_DEPTH 8                  /* entities inside entities */

static xmlParserInputPtr
no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static xmlDocPtr
parse(const char *data, size_t len, int options)
{
	xmlExternalEntityLoader old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(no_external);
	xmlDocPtr doc =
	    xmlReadMemory(data, (int)len, NULL, NULL,
	                  options | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetExternalEntityLoader(old);
	return doc;
}

/* What expanding costs, in bytes plus one per reference (an entity that
 * expands to nothing still costs libxml2 a step: a million references to
 * one would still be a hang). */
struct cost {
	xmlDocPtr doc;
	GHashTable *memo; /* entity name -> its cost, once computed */
	bool used;        /* an entity the file declares is referenced */
};

static gint64 refs_cost(struct cost *c, const char *s, size_t n, int depth, bool text);

/* Cost of expanding the general entity name: 0 for none declared, or an
 * external one (never loaded); over budget when nested too deep. */
static gint64
entity_cost(struct cost *c, const char *name, int depth)
{
	xmlEntityPtr e = xmlGetDocEntity(c->doc, BAD_CAST name);
	if (!e)
		return 0;
	if (e->etype == XML_INTERNAL_PREDEFINED_ENTITY)
		return 1;
	c->used = true; /* even an external one: the NOENT parse drops it */
	if (e->etype != XML_INTERNAL_GENERAL_ENTITY || !e->content)
		return 0;
	gpointer known;
	if (g_hash_table_lookup_extended(c->memo, name, NULL, &known))
		return GPOINTER_TO_SIZE(known);
	gint64 r = ART_SVG_ENTITY_BUDGET + 1;
	if (depth < ENTITY_DEPTH) {
		const char *v = (const char *)e->content;
		r = MIN(refs_cost(c, v, strlen(v), depth + 1, true), ART_SVG_ENTITY_BUDGET + 1);
	}
	g_hash_table_insert(c->memo, g_strdup(name), GSIZE_TO_POINTER((gsize)r));
	return r;
}

/* Cost of the entity references in s[0..n) (text: and of its other
 * characters, inside an entity's value), stopping just past the budget. */
static gint64
refs_cost(struct cost *c, const char *s, size_t n, int depth, bool text)
{
	gint64 total = 0;
	for (size_t i = 0; i < n && total <= ART_SVG_ENTITY_BUDGET; i++) {
		if (s[i] != '&' || (i + 1 < n && s[i + 1] == '#')) {
			total += text;
			continue;
		}
		size_t j = i + 1;
		while (j < n && j - i < 256 && s[j] != ';' && s[j] != '&' && s[j] != '<')
			j++;
		if (j >= n || s[j] != ';') {
			total += text;
			continue;
		}
		char *name = g_strndup(s + i + 1, j - i - 1);
		total += 1 + entity_cost(c, name, depth);
		g_free(name);
		i = j;
	}
	return total;
}

xmlDocPtr
art_svg_read(const char *data, size_t len, char **why)
{
	*why = NULL;
	if (len > G_MAXINT) {
		*why = g_strdup("too large");
		return NULL;
	}
	xmlDocPtr doc = parse(data, len, 0);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		*why = e && e->message
		           ? g_strstrip(g_strdup_printf("line %d: %s", e->line, e->message))
		           : g_strdup("not well-formed XML");
		return NULL;
	}
	if (!xmlGetIntSubset(doc))
		return doc; /* no DTD: no entities of its own */
	/* Every reference in the file counts, those in the DTD's own values
	 * too: an overcount only where entities nest, where the danger is. */
	struct cost c = {doc, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	                 false};
	gint64 size = refs_cost(&c, data, len, 0, false);
	g_hash_table_destroy(c.memo);
	if (size > ART_SVG_ENTITY_BUDGET) {
		xmlFreeDoc(doc);
		*why = g_strdup_printf("its entities expand to more than %d KiB",
		                       ART_SVG_ENTITY_BUDGET >> 10);
		return NULL;
	}
	if (!c.used)
		return doc;
	xmlFreeDoc(doc);
	doc = parse(data, len, XML_PARSE_NOENT);
	if (!doc)
		*why = g_strdup("its entities do not expand");
	return doc;
}

bool
art_svg_check_file(const char *path, char **why)
{
	char *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	if (!g_file_get_contents(path, &data, &len, &err)) {
		*why = g_strdup(err->message);
		g_error_free(err);
		return false;
	}
	xmlDocPtr doc = art_svg_read(data, len, why);
	g_free(data);
	if (!doc)
		return false;
	xmlFreeDoc(doc);
	return true;
}
