/* anchors.c - the ids of raw HTML anchors (<a name=x>, <p id=x>) on the
 * elements of the blocks they name.  The model keeps id -> block in
 * art->ids (heading ids among them); a link to "#x" works when some
 * element of the chapter carries the id. */
#include <string.h>

#include "epub.h"

static gint cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GHashTable *epub_anchor_map(const struct article *art)
{
	GHashTable *map = g_hash_table_new_full(NULL, NULL, NULL,
	                                        (GDestroyNotify)g_ptr_array_unref);
	if (!art->ids)
		return map;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, art->ids);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		const struct art_node *n = v;
		if (!n || (n->type == ART_HEADING && n->u.heading.id &&
		           !strcmp(n->u.heading.id, k)))
			continue;       /* a heading's own id: render_heading sets it */
		GPtrArray *ids = g_hash_table_lookup(map, n);
		if (!ids) {
			ids = g_ptr_array_new();
			g_hash_table_insert(map, (gpointer)n, ids);
		}
		g_ptr_array_add(ids, k);
	}
	g_hash_table_iter_init(&it, map);
	while (g_hash_table_iter_next(&it, &k, &v))
		g_ptr_array_sort(v, cmp_str);   /* hash order is no order */
	return map;
}

/* Elements that take no text content: an extra anchor goes before them. */
static bool holds_no_text(const xmlNodePtr e)
{
	static const char *const names[] = { "ul", "ol", "table", "thead", "tbody",
	                                     "tr", "hr", "br", "img" };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (!strcmp((const char *)e->name, names[i]))
			return true;
	return false;
}

void epub_anchor_ids(struct epub_chapter *ch, GHashTable *map, xmlNodePtr e,
                     const struct art_node *n)
{
	GPtrArray *ids = map ? g_hash_table_lookup(map, n) : NULL;
	for (guint i = 0; ids && i < ids->len; i++) {
		char *id = epub_xml_id(ids->pdata[i]);
		if (g_hash_table_contains(ch->ids, id)) {
			g_free(id);     /* taken (or set here already) */
			continue;
		}
		if (!xmlHasProp(e, BAD_CAST "id")) {
			xmlNewProp(e, BAD_CAST "id", BAD_CAST id);
		} else {
			/* one id per element: the others on an empty <a> */
			xmlNodePtr a = xmlNewNode(e->ns, BAD_CAST "a");
			xmlNewProp(a, BAD_CAST "id", BAD_CAST id);
			if (holds_no_text(e))
				xmlAddPrevSibling(e, a);
			else if (e->children)
				xmlAddPrevSibling(e->children, a);
			else
				xmlAddChild(e, a);
		}
		g_hash_table_insert(ch->ids, id, EPUB_ID_PRESENT);
	}
}
