/* chunk.c - a giant paragraph laid out in pieces.  Pango's layout of one
 * paragraph grows faster than its length (each line walks the attribute
 * list): a paragraph of CommonMark's pathological patterns, 50,000 links
 * or backtick runs, took md2pdf from 20 s to minutes where md2txt needs a
 * second.  Past PDF_CHUNK bytes the laid-out text, its attributes, links
 * and emphasis dots are cut at a space into layouts placed one after the
 * other (each piece's last line is left unjustified). */
#include "pdf.h"

#include <string.h>

#define PDF_CHUNK 8192

/* End of the piece starting at from: after a space in its last quarter,
 * else at a character boundary. */
static size_t
piece_end(const char *t, size_t from, size_t len)
{
	if (len - from <= PDF_CHUNK)
		return len;
	size_t e = from + PDF_CHUNK;
	for (size_t k = e; k > from + PDF_CHUNK * 3 / 4; k--)
		if (t[k - 1] == ' ')
			return k;
	while (e > from + 1 && ((unsigned char)t[e] & 0xC0) == 0x80)
		e--;
	return e;
}

static PangoAttrList *
attrs_between(GSList *all, size_t a, size_t b)
{
	PangoAttrList *l = pango_attr_list_new();
	for (GSList *it = all; it; it = it->next) {
		const PangoAttribute *src = it->data;
		if (src->end_index <= a || src->start_index >= b)
			continue;
		PangoAttribute *c = pango_attribute_copy(src);
		c->start_index = src->start_index > a ? (guint)(src->start_index - a) : 0;
		c->end_index =
		    src->end_index >= b ? (guint)(b - a) : (guint)(src->end_index - a);
		pango_attr_list_insert(l, c);
	}
	return l;
}

static GArray *
links_between(GArray *links, size_t a, size_t b)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct pdf_link));
	for (guint i = 0; links && i < links->len; i++) {
		struct pdf_link l = g_array_index(links, struct pdf_link, i);
		if ((size_t)l.end <= a || (size_t)l.start >= b)
			continue;
		l.start = (size_t)l.start > a ? l.start - (int)a : 0;
		l.end = (size_t)l.end >= b ? (int)(b - a) : l.end - (int)a;
		l.uri = g_strdup(l.uri);
		l.dest = g_strdup(l.dest);
		g_array_append_val(out, l);
	}
	return out;
}

static void
dots_between(PangoLayout *from, PangoLayout *to, size_t a, size_t b)
{
	GArray *r = g_object_get_data(G_OBJECT(from), "mdpress-dots");
	if (!r)
		return;
	GArray *out = g_array_new(FALSE, FALSE, sizeof(int));
	for (guint i = 0; i + 1 < r->len; i += 2) {
		int s = g_array_index(r, int, i), e = g_array_index(r, int, i + 1);
		if ((size_t)e <= a || (size_t)s >= b)
			continue;
		int range[2] = {(size_t)s > a ? s - (int)a : 0,
		                (size_t)e >= b ? (int)(b - a) : e - (int)a};
		g_array_append_vals(out, range, 2);
	}
	g_object_set_data_full(G_OBJECT(to), "mdpress-dots", out,
	                       (GDestroyNotify)g_array_unref);
}

void
pdf_place_chunked(struct pdf *p, PangoLayout *lay, const struct pdf_block_style *st,
                  GArray *links)
{
	const char *text = pango_layout_get_text(lay);
	size_t len = strlen(text);
	if (len <= PDF_CHUNK) {
		pdf_place_layout(p, lay, st, links);
		return;
	}
	GSList *all = pango_attr_list_get_attributes(pango_layout_get_attributes(lay));
	for (size_t a = 0; a < len && !p->doc->over_pages;) {
		size_t b = piece_end(text, a, len);
		PangoLayout *piece = pango_layout_copy(lay);
		g_object_set_data(G_OBJECT(piece), "mdpress-role",
		                  GINT_TO_POINTER(pdf_layout_role(lay)));
		pango_layout_set_text(piece, text + a, (int)(b - a));
		PangoAttrList *al = attrs_between(all, a, b);
		pango_layout_set_attributes(piece, al);
		pango_attr_list_unref(al);
		dots_between(lay, piece, a, b);
		if (a > 0)
			pango_layout_set_indent(piece, 0);
		struct pdf_block_style s = *st;
		if (a > 0)
			s.space_before = 0;
		if (b < len)
			s.space_after = 0;
		GArray *l = links_between(links, a, b);
		pdf_place_layout(p, piece, &s, l);
		pdf_links_free(l);
		g_object_unref(piece);
		a = b;
	}
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
}
