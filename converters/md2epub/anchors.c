/* anchors.c - the ids of raw HTML anchors (<a name=x>, <p id=x>) on the
 * elements of the blocks they name (art->anchors); a link to "#x" works
 * when some element of the chapter carries the id. */
#include <string.h>

#include "epub.h"

/* Elements that take no text content: an extra anchor goes before them. */
static bool
holds_no_text(const xmlNodePtr e)
{
	static const char *const names[] = {"ul", "ol", "table", "thead", "tbody",
	                                    "tr", "hr", "br",    "img"};
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (!strcmp((const char *)e->name, names[i]))
			return true;
	return false;
}

void
epub_anchor_ids(struct epub_chapter *ch, xmlNodePtr e, const struct art_node *n)
{
	GPtrArray *ids = ch->art->anchors ? g_hash_table_lookup(ch->art->anchors, n) : NULL;
	for (guint i = 0; ids && i < ids->len; i++) {
		char *id = epub_xml_id(ids->pdata[i]);
		if (g_hash_table_contains(ch->ids, id)) {
			g_free(id); /* taken (or set here already) */
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
