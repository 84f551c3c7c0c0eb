/* svgrefs.c - the files an SVG image pulls in (<image href>, <use href>,
 * <feImage href>), for dependency files: librsvg reads them when md2pdf
 * draws the SVG, so a change to one must rebuild the output.  Only what
 * librsvg would load is listed: local files in the SVG's folder or below,
 * also missing ones (then creating one rebuilds the output). */
#include <string.h>

#include <libxml/parser.h>

#include "article.h"

static bool
is_ref_element(const char *name)
{
	return !strcmp(name, "image") || !strcmp(name, "use") || !strcmp(name, "feImage");
}

/* A relative reference to a file at or below dir, as a path, or NULL;
 * *exists says whether the file is there. */
static char *
local_target(const char *dir, const char *href, bool *exists)
{
	if (href[0] == '#' || href[0] == '/' || strchr(href, ':') != NULL)
		return NULL; /* fragment, absolute, or a URL scheme (data:, http:) */
	char *file = g_strndup(href, strcspn(href, "?#"));
	char *decoded = g_uri_unescape_string(file, NULL);
	char *path = g_canonicalize_filename(decoded ? decoded : file, dir);
	g_free(decoded);
	g_free(file);
	char *prefix = g_strconcat(dir, "/", NULL);
	bool inside = g_str_has_prefix(path, prefix);
	g_free(prefix);
	if (!inside) {
		g_free(path);
		return NULL;
	}
	*exists = g_file_test(path, G_FILE_TEST_EXISTS);
	if (*exists && !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_free(path);
		return NULL;
	}
	return path;
}

static void
record_ref(xmlNodePtr n, const char *dir)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, "href") != 0)
			continue;
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		bool exists = false;
		char *path = v ? local_target(dir, (const char *)v, &exists) : NULL;
		if (path && exists)
			art_deps_add(path);
		else if (path)
			art_deps_add_missing(path); /* librsvg reads it once it is there */
		g_free(path);
		xmlFree(v);
	}
}

void
art_deps_add_svg_refs(const char *svg_path)
{
	if (!art_deps_enabled())
		return;
	char *data = NULL;
	gsize len = 0;
	if (!g_file_get_contents(svg_path, &data, &len, NULL))
		return;
	char *why = NULL;
	xmlDocPtr doc = art_svg_read(data, len, &why);
	g_free(data);
	g_free(why);
	if (doc == NULL)
		return;
	char *abs = g_canonicalize_filename(svg_path, NULL);
	char *dir = g_path_get_dirname(abs);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	/* Iterative pre-order walk: nesting depth is the input's to choose. */
	for (xmlNodePtr n = root; n != NULL;) {
		if (n->type == XML_ELEMENT_NODE && is_ref_element((const char *)n->name))
			record_ref(n, dir);
		if (n->children) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL)
			n = n->parent;
		n = (n == NULL || n == root) ? NULL : n->next;
	}
	g_free(dir);
	g_free(abs);
	xmlFreeDoc(doc);
}
