/* svg.c - SVG images made acceptable to EPUB reading systems and epubcheck.
 *
 * Editors export SVG that browsers show but the EPUB 3 schemas reject:
 * a DOCTYPE with external identifiers (OPF-073), duplicate or non-NCName
 * ids, SVG 2 values such as stroke-linejoin="miter-clip", scripts.  The file
 * is parsed with libxml2 (no network, no external entities), repaired and
 * serialised again; one that does not parse becomes a placeholder.
 * The file itself is read with GLib: libxml2 would open it through the
 * entity loader, which refuses everything. */
#include <limits.h>
#include <string.h>

#include <libxml/parser.h>

#include "epub.h"

#define NS_SVG "http://www.w3.org/2000/svg"

/* Refuse every external entity and DTD: a hostile SVG must not read
 * local files into the book. */
static xmlParserInputPtr
no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void
fix_tree(xmlNodePtr n, GHashTable *ids)
{
	while (n) {
		xmlNodePtr next = n->next;
		if (n->type != XML_ELEMENT_NODE) {
			n = next;
			continue;
		}
		if (!strcmp((const char *)n->name, "script")) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
			continue;
		}
		xmlAttrPtr a = n->properties;
		while (a) {
			xmlAttrPtr an = a->next;
			const char *name = (const char *)a->name;
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			const char *val = v ? (const char *)v : "";
			if (g_ascii_strncasecmp(name, "on", 2) == 0) {
				xmlRemoveProp(a);
			} else if (!strcmp(name, "id") && a->ns == NULL) {
				char *id = epub_xml_id(val);
				if (g_hash_table_contains(ids, id)) {
					g_free(id);
					xmlRemoveProp(a);
				} else {
					if (strcmp(id, val) != 0)
						xmlSetProp(n, BAD_CAST "id", BAD_CAST id);
					g_hash_table_add(ids, id);
				}
			} else if (!strcmp(name, "stroke-linejoin") && strcmp(val, "bevel") &&
			           strcmp(val, "inherit") && strcmp(val, "miter") &&
			           strcmp(val, "round")) {
				xmlSetProp(n, BAD_CAST "stroke-linejoin", BAD_CAST "miter");
			}
			xmlFree(v);
			a = an;
		}
		fix_tree(n->children, ids);
		n = next;
	}
}

char *
epub_svg_clean(const char *path, size_t *len, char **why)
{
	char *src = NULL;
	gsize srclen = 0;
	GError *err = NULL;
	if (!g_file_get_contents(path, &src, &srclen, &err)) {
		*why = g_strdup(err->message);
		g_error_free(err);
		return NULL;
	}
	if (srclen > INT_MAX) {
		*why = g_strdup("too large");
		g_free(src);
		return NULL;
	}
	xmlExternalEntityLoader old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(no_external);
	/* NOENT expands the internal entities editors define (Illustrator's
	 * &ns_svg;); external ones still go through no_external. */
	xmlDocPtr doc = xmlReadMemory(src, (int)srclen, NULL, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_NOERROR |
	                                  XML_PARSE_NOWARNING);
	xmlSetExternalEntityLoader(old);
	g_free(src);
	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();
		*why = e && e->message
		           ? g_strstrip(g_strdup_printf("line %d: %s", e->line, e->message))
		           : g_strdup("not well-formed XML");
		return NULL;
	}
	char *r = NULL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root && !strcmp((const char *)root->name, "svg") && root->ns &&
	    !strcmp((const char *)root->ns->href, NS_SVG)) {
		xmlDtdPtr dtd = xmlGetIntSubset(doc);
		if (dtd) {
			xmlUnlinkNode((xmlNodePtr)dtd);
			xmlFreeDtd(dtd);
		}
		GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		fix_tree(root, ids);
		g_hash_table_destroy(ids);
		xmlChar *mem = NULL;
		int n = 0;
		xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
		if (mem) {
			r = g_strndup((const char *)mem, (gsize)n);
			*len = (size_t)n;
			xmlFree(mem);
		}
	} else {
		*why = g_strdup("its root is no SVG <svg> element");
	}
	xmlFreeDoc(doc);
	return r;
}
