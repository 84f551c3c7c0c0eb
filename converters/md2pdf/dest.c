/* dest.c - named destinations and link annotations: the names cairo is
 * given (ASCII, per article), each defined once where its target is drawn,
 * and the link rectangles of laid-out lines.
 */
#include "pdf.h"

char *
pdf_attr_quote(const char *s)
{
	GString *g = g_string_new("'");
	for (; s && *s; s++) {
		if (*s == '\'' || *s == '\\')
			g_string_append_c(g, '\\');
		g_string_append_c(g, *s);
	}
	g_string_append_c(g, '\'');
	return g_string_free(g, FALSE);
}

/* cairo 1.16 writes a destination's name into the catalog's name tree as
 * raw bytes, but into the /Dest of a link or bookmark as a PDF text string
 * (UTF-16 when not ASCII).  Viewers compare the bytes, so every Chinese
 * heading id made a dead bookmark.  Names given to cairo are therefore
 * ASCII: the article's prefix, then the id with every byte outside
 * RFC 3986's unreserved set percent-encoded (which also keeps the '(', ')'
 * and '\\' that cairo leaves unescaped in the name tree out). */
char *
pdf_dest_name_for(const char *prefix, const char *id)
{
	char *esc = g_uri_escape_string(id, NULL, FALSE);
	char *full = g_strconcat(prefix, esc, NULL);
	g_free(esc);
	return full;
}

char *
pdf_dest_name(const struct pdf *p, const char *id)
{
	return pdf_dest_name_for(p->doc->dest_prefix, id);
}

void
pdf_dest_define(struct pdf *p, const char *full, double x, double y)
{
	if (g_hash_table_contains(p->doc->dests, full))
		return;
	char *q = pdf_attr_quote(full);
	char *attr = g_strdup_printf("name=%s x=%.2f y=%.2f", q, x, y);
	cairo_tag_begin(p->doc->cr, CAIRO_TAG_DEST, attr);
	cairo_tag_end(p->doc->cr, CAIRO_TAG_DEST);
	g_free(attr);
	g_free(q);
	g_hash_table_add(p->doc->dests, g_strdup(full));
}

void
pdf_dest(struct pdf *p, const char *name, double x, double y)
{
	if (!name || !*name)
		return;
	char *full = pdf_dest_name(p, name);
	pdf_dest_define(p, full, x, y);
	g_free(full);
}

void
pdf_dests_missing(struct pdf *p)
{
	GHashTableIter hi;
	gpointer name;
	g_hash_table_iter_init(&hi, p->doc->dest_refs);
	while (g_hash_table_iter_next(&hi, &name, NULL))
		pdf_dest_define(p, name, p->cur.left, p->cur.top);
}

void
pdf_line_links(struct pdf *p, PangoLayoutLine *line, GArray *links, double x0, double top,
               double h)
{
	int ls = line->start_index, le = line->start_index + line->length;
	struct pdf_doc *d = p->doc;
	if (d->links_page != p->cur.page) {
		d->links_page = p->cur.page;
		d->page_links = 0;
	}
	int max = p->run->o.max_page_links;
	for (guint i = 0; i < links->len; i++) {
		struct pdf_link *l = &g_array_index(links, struct pdf_link, i);
		if (l->end <= ls || l->start >= le)
			continue;
		if (max > 0 && d->page_links >= max) {
			/* cairo spends some 20 us on each annotation: 50,000
			 * links took over a second.  Past the limit a link
			 * stays what it reads as, coloured text. */
			if (!d->links_capped)
				art_diag(ART_W_PAGE_LINKS, d->art ? d->art->display_name : NULL,
				         (struct art_pos){0, 0}, pdf_body_page(p), max);
			d->links_capped = true;
			return;
		}
		int *ranges = NULL, n = 0;
		pango_layout_line_get_x_ranges(line, MAX(l->start, ls), MIN(l->end, le),
		                               &ranges, &n);
		GString *attr = g_string_new("rect=[");
		int used = 0;
		for (int r = 0; r < n; r++) {
			double a = x0 + (double)ranges[2 * r] / PANGO_SCALE;
			double b = x0 + (double)ranges[2 * r + 1] / PANGO_SCALE;
			if (b - a < 0.5)
				continue;
			g_string_append_printf(attr, "%s%.2f %.2f %.2f %.2f", used ? " " : "",
			                       a, top, b - a, h);
			used++;
		}
		g_free(ranges);
		if (used) {
			char *full = !l->dest       ? NULL
			             : l->dest_full ? g_strdup(l->dest)
			                            : pdf_dest_name(p, l->dest);
			char *q = pdf_attr_quote(l->uri ? l->uri : full);
			g_string_append_printf(attr, "] %s=%s", l->uri ? "uri" : "dest", q);
			g_free(q);
			/* cairo fails the whole document on a link to an unknown
			 * name: remember it, pdf_dests_missing() defines them */
			if (full && !g_hash_table_contains(p->doc->dest_refs, full))
				g_hash_table_add(p->doc->dest_refs, g_strdup(full));
			g_free(full);
			cairo_tag_begin(p->doc->cr, CAIRO_TAG_LINK, attr->str);
			cairo_tag_end(p->doc->cr, CAIRO_TAG_LINK);
			d->page_links++;
		}
		g_string_free(attr, TRUE);
	}
}

void
pdf_layout_links_between(struct pdf *p, PangoLayout *lay, GArray *links, double x, double y,
                         double from, double to)
{
	if (!links || !links->len)
		return;
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double top = (double)y0 / PANGO_SCALE, bottom = (double)y1 / PANGO_SCALE;
		if (top >= from - 0.01 && bottom <= to + 0.01)
			pdf_line_links(p, pango_layout_iter_get_line_readonly(it), links, x,
			               y + top, bottom - top);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}
