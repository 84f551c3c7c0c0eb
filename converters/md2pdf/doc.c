/* doc.c - one output PDF: a cairo PDF surface writing into memory, and
 * the bytes it leaves, repaired where cairo 1.16 errs, written out once
 * the document is finished (never a half-written file).
 */
#define _GNU_SOURCE /* memmem */
#include "pdf.h"

#include <libdeflate.h>
#include <string.h>

static cairo_status_t
write_mem(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 reserves an object for the structure tree of link
 * annotations that it never writes, yet lists it as in use in the xref
 * table, at the offset of another object: qpdf --check calls the file
 * damaged.  Mark every xref entry that does not point at its own object as
 * free (the reference to it then reads as null, as PDF specifies).  Entries
 * are fixed-width, so no offset moves. */
static void
fix_xref(GByteArray *b)
{
	const char *d = (const char *)b->data;
	gsize n = b->len;
	const char *sx = NULL; /* in the last bytes; the file holds NULs */
	for (gsize i = n > 9 ? n - 9 : 0; i > 0 && n - i < 256 && !sx; i--)
		if (!memcmp(d + i, "startxref", 9))
			sx = d + i;
	if (!sx)
		return;
	gsize xref = (gsize)g_ascii_strtoull(sx + 9, NULL, 10);
	if (xref + 5 >= n || strncmp(d + xref, "xref\n", 5))
		return;
	char *q;
	unsigned long first = strtoul(d + xref + 5, &q, 10);
	unsigned long count = strtoul(q, &q, 10);
	while (*q == ' ' || *q == '\r' || *q == '\n')
		q++;
	for (unsigned long i = 0; i < count; i++, q += 20) {
		if ((gsize)(q - d) + 20 > n)
			return;
		if (q[17] != 'n')
			continue;
		gsize off = (gsize)g_ascii_strtoull(q, NULL, 10);
		char want[32];
		int wl = g_snprintf(want, sizeof want, "%lu 0 obj", first + i);
		if (off + (gsize)wl <= n && !strncmp(d + off, want, (size_t)wl))
			continue;
		memcpy(q, "0000000000 00001 f", 18);
	}
}

/* cairo 1.16 lists a form XObject in a page's resources once per use:
 * "/XObject << /x36 36 0 R /x36 36 0 R >>" (an SVG shown twice on the
 * page, svg.c).  The entries agree, but a key twice in a dictionary is an
 * error to qpdf --check.  Blank out the repeats: spaces keep every offset. */
static void
fix_xobject_repeats(GByteArray *b)
{
	static const char key[] = "/XObject << ";
	char *d = (char *)b->data, *end = d + b->len;
	GHashTable *seen = g_hash_table_new(NULL, NULL); /* object numbers */
	for (char *at = d; (at = memmem(at, (size_t)(end - at), key, sizeof key - 1));) {
		char *q = at + sizeof key - 1;
		char *close = memmem(q, (size_t)(end - q), ">>", 2);
		char *eol = memchr(q, '\n', (size_t)(end - q));
		at = q;
		if (!close || (eol && eol < close))
			continue; /* not cairo's one-line form */
		g_hash_table_remove_all(seen);
		while (q < close && *q == '/') {
			char *e = q; /* past "/xN N 0 R " */
			for (int field = 0; field < 4; field++) {
				while (e < close && *e != ' ')
					e++;
				while (e < close && *e == ' ')
					e++;
			}
			gpointer num = GSIZE_TO_POINTER(g_ascii_strtoull(q + 2, NULL, 10));
			if (g_hash_table_contains(seen, num))
				memset(q, ' ', (size_t)(e - q));
			else
				g_hash_table_add(seen, num);
			q = e;
		}
	}
	g_hash_table_destroy(seen);
}

struct pdf_doc *
pdf_doc_new(const struct pdf_run *r, FILE *out)
{
	struct pdf_doc *d = g_new0(struct pdf_doc, 1);
	d->out = out;
	d->buf = g_byte_array_new();
	d->surface =
	    cairo_pdf_surface_create_for_stream(write_mem, d->buf, r->o.page_w, r->o.page_h);
	if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
		pdf_doc_free(d);
		return NULL;
	}
	d->cr = cairo_create(d->surface);
	/* Lay out with the font options cairo will draw with (the PDF
	 * surface's, merged with ours): otherwise every glyph shown goes
	 * through a second cairo scaled font with its own glyph cache, and
	 * FreeType loads each glyph of the 16 MB CJK CFF twice. */
	pango_cairo_update_context(d->cr, r->ctx);
	d->dests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	d->dest_refs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	d->images = g_ptr_array_new_with_free_func((GDestroyNotify)cairo_surface_destroy);
	d->images_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	d->pngs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                (GDestroyNotify)pdf_png_free);
	return d;
}

int
pdf_doc_finish(struct pdf *p)
{
	struct pdf_doc *d = p->doc;
	pdf_end_last_page(p);
	int ok = !d->over_pages;
	if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS) {
		/* a drawing call failed: say which, never fail in silence */
		art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0},
		         cairo_status_to_string(cairo_status(d->cr)));
		ok = 0;
	}
	cairo_destroy(d->cr);
	d->cr = NULL;
	cairo_surface_finish(d->surface);
	if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
		art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0},
		         cairo_status_to_string(cairo_surface_status(d->surface)));
		ok = 0;
	}
	cairo_surface_destroy(d->surface);
	d->surface = NULL;
	if (ok && d->front && d->front->npages > 0 &&
	    !pdf_front_move_first(d->buf, d->front->npages)) {
		art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0},
		         "cannot move the front pages before the body");
		ok = 0;
	}
	if (ok) {
		fix_xref(d->buf);
		if (d->svgs) /* only svg.c's forms are used more than once */
			fix_xobject_repeats(d->buf);
		GByteArray *fixed = pdf_png_objects_fix(d->buf, d->pngs);
		if (!fixed) {
			art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0},
			         "cannot put the PNG images into the PDF");
			ok = 0;
		} else if (fixed != d->buf) {
			g_byte_array_free(d->buf, TRUE);
			d->buf = fixed;
		}
		g_hash_table_remove_all(d->pngs); /* in the PDF now */
	}
	if (ok) {
		pdf_font_tags_fix(d->buf);
		if (fwrite(d->buf->data, 1, d->buf->len, d->out) != d->buf->len)
			ok = 0;
	}
	return ok;
}

void
pdf_doc_free(struct pdf_doc *d)
{
	if (!d)
		return;
	if (d->cr)
		cairo_destroy(d->cr);
	if (d->surface)
		cairo_surface_destroy(d->surface);
	g_byte_array_free(d->buf, TRUE);
	/* Image surfaces live until the document is finished: destroying one
	 * earlier makes cairo copy its pixels for the pending snapshot. */
	if (d->images)
		g_ptr_array_free(d->images, TRUE);
	if (d->images_seen)
		g_hash_table_destroy(d->images_seen);
	if (d->image_ids)
		g_hash_table_destroy(d->image_ids);
	if (d->pngs)
		g_hash_table_destroy(d->pngs);
	if (d->svgs)
		g_hash_table_destroy(d->svgs);
	if (d->deflate)
		libdeflate_free_compressor(d->deflate);
	if (d->dest_refs)
		g_hash_table_destroy(d->dest_refs);
	if (d->dests)
		g_hash_table_destroy(d->dests);
	pdf_anchors_free(d);
	pdf_front_free(d->front);
	g_free(d->running.article);
	g_free(d);
}
