/* chunk.c - a giant paragraph laid out in pieces.  Pango's layout of one
 * paragraph grows faster than its length: each run of each line walks the
 * attribute list from its start (pango_glyph_item_apply_attrs), so a
 * paragraph of CommonMark's pathological patterns, 50,000 links or
 * backtick runs, took md2pdf from 20 s to minutes where md2txt needs a
 * second.  Past PDF_CHUNK bytes, or PDF_CHUNK_ATTRS attributes, the
 * laid-out text, its attributes, links and emphasis dots are cut at a
 * space into layouts placed one after the other (each piece's last line
 * is left unjustified).  The cutting itself is one sweep over each list:
 * copying the whole list for every piece made it quadratic again. */
#include "pdf.h"

#include <stdlib.h>
#include <string.h>

#define PDF_CHUNK 8192
#define PDF_CHUNK_ATTRS 512
#define PDF_CHUNK_MIN 256   /* bytes: a piece never ends sooner */
#define PDF_CHUNK_WORD 1024 /* bytes of a piece without a break opportunity */

/* One interval of a sorted list: [start, end) and its index in the list. */
struct span_ref {
	size_t start, end;
	guint idx;
};

/* A sweep over intervals sorted by start: the ones overlapping each piece
 * in turn, in the list's order, each looked at a bounded number of times. */
struct sweep {
	GArray *refs;  /* struct span_ref, sorted by (start, idx) */
	guint next;    /* first ref not yet handed out */
	GArray *carry; /* guint positions in refs still open at the cut */
};

static int
ref_cmp(const void *x, const void *y)
{
	const struct span_ref *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void
sweep_init(struct sweep *s, GArray *refs)
{
	if (refs->len > 1) /* an empty GArray may hold no buffer: no qsort(NULL) */
		qsort(refs->data, refs->len, sizeof(struct span_ref), ref_cmp);
	s->refs = refs;
	s->next = 0;
	s->carry = g_array_new(FALSE, FALSE, sizeof(guint));
}

static void
sweep_free(struct sweep *s)
{
	g_array_free(s->refs, TRUE);
	g_array_free(s->carry, TRUE);
}

/* The byte where the limit-th interval not yet handed out starts, or
 * SIZE_MAX when fewer remain. */
static size_t
sweep_limit(const struct sweep *s, guint limit)
{
	guint k = s->next + limit;
	return k < s->refs->len ? g_array_index(s->refs, struct span_ref, k).start : SIZE_MAX;
}

/* Positions in refs of the intervals overlapping [a, b), in order: those
 * still open from earlier pieces, then those starting before b. */
static GArray *
sweep_piece(struct sweep *s, size_t a, size_t b)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *carry = g_array_new(FALSE, FALSE, sizeof(guint));
	for (guint i = 0; i < s->carry->len; i++) {
		guint k = g_array_index(s->carry, guint, i);
		g_array_append_val(out, k);
	}
	for (; s->next < s->refs->len; s->next++) {
		const struct span_ref *r = &g_array_index(s->refs, struct span_ref, s->next);
		if (r->start >= b)
			break;
		if (r->end > a && r->end > r->start)
			g_array_append_val(out, s->next);
	}
	for (guint i = 0; i < out->len; i++) {
		guint k = g_array_index(out, guint, i);
		if (g_array_index(s->refs, struct span_ref, k).end > b)
			g_array_append_val(carry, k);
	}
	g_array_free(s->carry, TRUE);
	s->carry = carry;
	return out;
}

static GArray *
refs_new(void)
{
	return g_array_new(FALSE, FALSE, sizeof(struct span_ref));
}

static void
ref_add(GArray *refs, size_t start, size_t end, guint idx)
{
	struct span_ref r = {start, end, idx};
	g_array_append_val(refs, r);
}

/* [start, end) of the interval at position k of the sweep, clipped to the
 * piece [a, b) and made relative to a. */
static void
clip(const struct sweep *s, guint k, size_t a, size_t b, int *start, int *end)
{
	const struct span_ref *r = &g_array_index(s->refs, struct span_ref, k);
	*start = r->start > a ? (int)(r->start - a) : 0;
	*end = r->end >= b ? (int)(b - a) : (int)(r->end - a);
}

/* End of the piece starting at from, at most at max: after a space or
 * before a CJK character in its last quarter, where a line may break.
 * Text with neither there is one long word (50,000 backticks): pango
 * shapes the rest of a word again for each line it breaks it into, so
 * such a piece is kept to PDF_CHUNK_WORD bytes. */
static size_t
piece_end(const char *t, size_t from, size_t max, size_t len)
{
	if (max >= len)
		return len;
	for (size_t k = max; k > from + (max - from) * 3 / 4; k--) {
		if (t[k - 1] == ' ')
			return k;
		if (((unsigned char)t[k] & 0xC0) != 0x80 && art_is_cjk(g_utf8_get_char(t + k)))
			return k;
	}
	size_t e = MIN(max, from + PDF_CHUNK_WORD);
	while (e > from + 1 && ((unsigned char)t[e] & 0xC0) == 0x80)
		e--;
	return e;
}

static PangoAttrList *
attrs_piece(struct sweep *s, PangoAttribute **all, size_t a, size_t b)
{
	PangoAttrList *l = pango_attr_list_new();
	GArray *ks = sweep_piece(s, a, b);
	for (guint i = 0; i < ks->len; i++) {
		guint k = g_array_index(ks, guint, i);
		PangoAttribute *c =
		    pango_attribute_copy(all[g_array_index(s->refs, struct span_ref, k).idx]);
		int cs, ce;
		clip(s, k, a, b, &cs, &ce);
		c->start_index = (guint)cs;
		c->end_index = (guint)ce;
		pango_attr_list_insert(l, c);
	}
	g_array_free(ks, TRUE);
	return l;
}

static GArray *
links_piece(struct sweep *s, GArray *links, size_t a, size_t b)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct pdf_link));
	GArray *ks = sweep_piece(s, a, b);
	for (guint i = 0; i < ks->len; i++) {
		guint k = g_array_index(ks, guint, i);
		struct pdf_link l = g_array_index(
		    links, struct pdf_link, g_array_index(s->refs, struct span_ref, k).idx);
		clip(s, k, a, b, &l.start, &l.end);
		l.uri = g_strdup(l.uri);
		l.dest = g_strdup(l.dest);
		g_array_append_val(out, l);
	}
	g_array_free(ks, TRUE);
	return out;
}

static void
dots_piece(struct sweep *s, PangoLayout *to, size_t a, size_t b)
{
	GArray *ks = sweep_piece(s, a, b);
	GArray *out = g_array_new(FALSE, FALSE, sizeof(int));
	for (guint i = 0; i < ks->len; i++) {
		int range[2];
		clip(s, g_array_index(ks, guint, i), a, b, &range[0], &range[1]);
		g_array_append_vals(out, range, 2);
	}
	g_array_free(ks, TRUE);
	g_object_set_data_full(G_OBJECT(to), "mdpress-dots", out,
	                       (GDestroyNotify)g_array_unref);
}

void
pdf_place_chunked(struct pdf *p, PangoLayout *lay, const struct pdf_block_style *st,
                  GArray *links)
{
	const char *text = pango_layout_get_text(lay);
	size_t len = strlen(text);
	PangoAttrList *attrs = pango_layout_get_attributes(lay);
	GSList *list = NULL;
	guint nattrs = 0;
	if (len > PDF_CHUNK_MIN && attrs) {
		list = pango_attr_list_get_attributes(attrs);
		nattrs = g_slist_length(list);
	}
	if (len <= PDF_CHUNK && nattrs <= PDF_CHUNK_ATTRS) {
		g_slist_free_full(list, (GDestroyNotify)pango_attribute_destroy);
		pdf_place_layout(p, lay, st, links);
		return;
	}
	/* every piece copies this one, which holds neither the text nor the
	 * attributes (pango_layout_copy() of the whole would copy both) */
	char *whole = g_strdup(text);
	PangoLayout *blank = pango_layout_copy(lay);
	pango_layout_set_attributes(blank, NULL);
	pango_layout_set_text(blank, "", 0);

	PangoAttribute **all = g_new(PangoAttribute *, nattrs + 1);
	struct sweep sa, sl, sd;
	GArray *refs = refs_new();
	guint i = 0;
	for (GSList *it = list; it; it = it->next, i++) {
		all[i] = it->data;
		ref_add(refs, all[i]->start_index, all[i]->end_index, i);
	}
	sweep_init(&sa, refs);
	refs = refs_new();
	for (i = 0; links && i < links->len; i++) {
		const struct pdf_link *l = &g_array_index(links, struct pdf_link, i);
		ref_add(refs, (size_t)l->start, (size_t)l->end, i);
	}
	sweep_init(&sl, refs);
	refs = refs_new();
	GArray *dots = g_object_get_data(G_OBJECT(lay), "mdpress-dots");
	for (i = 0; dots && i + 1 < dots->len; i += 2)
		ref_add(refs, (size_t)g_array_index(dots, int, i),
		        (size_t)g_array_index(dots, int, i + 1), i);
	sweep_init(&sd, refs);

	for (size_t a = 0; a < len && !p->doc->over_pages;) {
		size_t max = MIN(a + PDF_CHUNK, sweep_limit(&sa, PDF_CHUNK_ATTRS));
		size_t b = piece_end(whole, a, MAX(max, a + PDF_CHUNK_MIN), len);
		PangoLayout *piece = pango_layout_copy(blank);
		g_object_set_data(G_OBJECT(piece), "mdpress-role",
		                  GINT_TO_POINTER(pdf_layout_role(lay)));
		pango_layout_set_text(piece, whole + a, (int)(b - a));
		PangoAttrList *al = attrs_piece(&sa, all, a, b);
		pango_layout_set_attributes(piece, al);
		pango_attr_list_unref(al);
		if (dots)
			dots_piece(&sd, piece, a, b);
		if (a > 0)
			pango_layout_set_indent(piece, 0);
		struct pdf_block_style s = *st;
		if (a > 0)
			s.space_before = 0;
		if (b < len)
			s.space_after = 0;
		GArray *l = links_piece(&sl, links, a, b);
		pdf_place_layout(p, piece, &s, l);
		pdf_links_free(l);
		g_object_unref(piece);
		a = b;
	}
	sweep_free(&sa);
	sweep_free(&sl);
	sweep_free(&sd);
	g_free(all);
	g_object_unref(blank);
	g_free(whole);
	g_slist_free_full(list, (GDestroyNotify)pango_attribute_destroy);
}
