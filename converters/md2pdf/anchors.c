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
	GPtrArray *ids =
	    p->art && p->art->anchors ? g_hash_table_lookup(p->art->anchors, n) : NULL;
	if (!ids)
		return;
	if (!p->anchor_pending)
		p->anchor_pending = g_ptr_array_new_with_free_func(g_free);
	/* ids are the article's: the name, prefix included, is fixed now */
	for (guint i = 0; i < ids->len; i++)
		g_ptr_array_add(p->anchor_pending, pdf_dest_name(p, ids->pdata[i]));
}

void
pdf_anchors_flush(struct pdf *p, double y)
{
	if (!p->anchor_pending || !p->anchor_pending->len)
		return;
	for (guint i = 0; i < p->anchor_pending->len; i++)
		pdf_dest_define(p, p->anchor_pending->pdata[i], p->x, y);
	g_ptr_array_set_size(p->anchor_pending, 0);
}

void
pdf_anchors_free(struct pdf *p)
{
	if (p->anchor_pending)
		g_ptr_array_free(p->anchor_pending, TRUE);
	p->anchor_pending = NULL;
}
