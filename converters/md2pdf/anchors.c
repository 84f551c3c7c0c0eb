/* anchors.c - destinations for ids that are not heading ids: raw HTML
 * <a name>, <p id>, <h4 id>... which the model maps to the block they name
 * (art->anchors).  A block's ids wait until the page engine knows where the
 * block really starts (a table or figure may move to the next page), then
 * become named destinations there, so a [link](#id) lands on the page that
 * holds it.
 */
#include "pdf.h"

void
pdf_anchors_at(struct pdf *p, const struct art_node *n)
{
	GPtrArray *ids = p->doc->art && p->doc->art->anchors
	                     ? g_hash_table_lookup(p->doc->art->anchors, n)
	                     : NULL;
	if (!ids)
		return;
	if (!p->doc->anchor_pending)
		p->doc->anchor_pending = g_ptr_array_new_with_free_func(g_free);
	/* ids are the article's: the name, prefix included, is fixed now */
	for (guint i = 0; i < ids->len; i++)
		g_ptr_array_add(p->doc->anchor_pending, pdf_dest_name(p, ids->pdata[i]));
}

void
pdf_anchors_flush(struct pdf *p, double y)
{
	if (!p->doc->anchor_pending || !p->doc->anchor_pending->len)
		return;
	for (guint i = 0; i < p->doc->anchor_pending->len; i++)
		pdf_dest_define(p, p->doc->anchor_pending->pdata[i], p->cur.x, y);
	g_ptr_array_set_size(p->doc->anchor_pending, 0);
}

void
pdf_anchors_free(struct pdf_doc *d)
{
	if (d->anchor_pending)
		g_ptr_array_free(d->anchor_pending, TRUE);
	d->anchor_pending = NULL;
}
