/* svg.c - SVG images made acceptable to EPUB reading systems and epubcheck.
 *
 * Editors export SVG that browsers show but the EPUB 3 schemas reject:
 * a DOCTYPE with external identifiers (OPF-073), duplicate or non-NCName
 * ids, SVG 2 values such as stroke-linejoin="miter-clip", scripts.  The file
 * is parsed with art_svg_read() (no network, no external entities, internal
 * ones within a budget), repaired and serialised again; one that does not
 * parse becomes a placeholder. */
#include <string.h>

#include <libxml/parser.h>

#include "epub.h"

#define NS_SVG "http://www.w3.org/2000/svg"

/* Event handlers go, ids become unique NCNames, SVG 2 values SVG 1.1 ones. */
static void
fix_element(xmlNodePtr n, GHashTable *ids)
{
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
}

/* The node after n in document order once n's subtree is done, or NULL
 * past root's subtree. */
static xmlNodePtr
after(xmlNodePtr n, xmlNodePtr root)
{
	while (n != root && n->next == NULL)
		n = n->parent;
	return n == root ? NULL : n->next;
}

/* Scripts go, every element is fixed; iterative, as the nesting depth is
 * the file's to choose. */
static void
fix_tree(xmlNodePtr root, GHashTable *ids)
{
	for (xmlNodePtr n = root; n != NULL;) {
		if (n->type != XML_ELEMENT_NODE) {
			n = after(n, root);
			continue;
		}
		if (n != root && !strcmp((const char *)n->name, "script")) {
			xmlNodePtr next = after(n, root);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
			continue;
		}
		fix_element(n, ids);
		n = n->children ? n->children : after(n, root);
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
	xmlDocPtr doc = art_svg_read(src, srclen, why);
	g_free(src);
	if (doc == NULL)
		return NULL;
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
