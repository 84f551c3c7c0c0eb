/* imgobj.c - the PNG images md2pdf encodes itself, put into the PDF.
 *
 * cairo 1.16 writes the bytes of a JPEG it is given as they are, and does
 * so for nothing else.  So a PNG is drawn as a stand-in image surface that
 * carries a tiny JPEG of a few markers (pdf_png_stand_in): cairo writes an
 * image object around it, keyed by its unique id as any image, and never
 * touches a pixel.  When the PDF is finished, each such object gets the
 * real image instead (pngobj.c): its dictionary and stream, the stream
 * length object cairo wrote after it, and a new object for the alpha
 * plane; the xref table is then written anew, since offsets moved.  A
 * stand-in that cannot be replaced fails the document (never a PDF with a
 * fake JPEG in it).
 */
#define _GNU_SOURCE /* memmem */
#include "pdf.h"

#include <string.h>

/* The stand-in JPEG: SOI, a comment holding the PNG's key, a frame header
 * (all cairo reads: size and components), EOI. */
#define MAGIC "mdpress-png "

GBytes *
pdf_png_stand_in(const char *key, int width, int height)
{
	GByteArray *j = g_byte_array_new();
	static const unsigned char soi[] = {0xff, 0xd8};
	g_byte_array_append(j, soi, sizeof soi);
	size_t kl = strlen(MAGIC) + strlen(key);
	unsigned char com[4] = {0xff, 0xfe, (unsigned char)((kl + 2) >> 8),
	                        (unsigned char)((kl + 2) & 0xff)};
	g_byte_array_append(j, com, sizeof com);
	g_byte_array_append(j, (const guint8 *)MAGIC, strlen(MAGIC));
	g_byte_array_append(j, (const guint8 *)key, strlen(key));
	int w = MIN(width, 0xffff), h = MIN(height, 0xffff);
	/* SOF0: 8 bits, height, width, 3 components (id, sampling, table) */
	unsigned char sof[19] = {0xff, 0xc0, 0, 17, 8};
	sof[5] = (unsigned char)(h >> 8);
	sof[6] = (unsigned char)h;
	sof[7] = (unsigned char)(w >> 8);
	sof[8] = (unsigned char)w;
	sof[9] = 3;
	for (int c = 0; c < 3; c++) {
		sof[10 + 3 * c] = (unsigned char)(c + 1);
		sof[11 + 3 * c] = 0x11;
	}
	static const unsigned char eoi[] = {0xff, 0xd9};
	g_byte_array_append(j, sof, sizeof sof);
	g_byte_array_append(j, eoi, sizeof eoi);
	return g_byte_array_free_to_bytes(j);
}

/* One change to the PDF: bytes [from, to) become text, then data (an
 * image stream, not copied; NULL for none). */
struct edit {
	gsize from, to;
	GString *text;
	GBytes *data;
};

static gint
by_from(gconstpointer a, gconstpointer b)
{
	gsize x = ((const struct edit *)a)->from, y = ((const struct edit *)b)->from;
	return x < y ? -1 : x > y;
}

/* The parsed tail of cairo's PDF: one xref section from object 0. */
struct xref {
	gsize at;      /* offset of "xref" */
	gsize entries; /* offset of the first 20-byte entry */
	unsigned long count;
	const char *trailer; /* "trailer" ... up to "startxref" */
	gsize trailer_len;
};

static bool
parse_xref(const GByteArray *b, struct xref *x)
{
	const char *d = (const char *)b->data;
	gsize n = b->len;
	const char *sx = NULL;
	for (gsize i = n > 9 ? n - 9 : 0; i > 0 && n - i < 256 && !sx; i--)
		if (!memcmp(d + i, "startxref", 9))
			sx = d + i;
	if (!sx)
		return false;
	x->at = (gsize)g_ascii_strtoull(sx + 9, NULL, 10);
	if (x->at + 5 >= n || strncmp(d + x->at, "xref\n", 5))
		return false;
	char *q;
	unsigned long first = strtoul(d + x->at + 5, &q, 10);
	x->count = strtoul(q, &q, 10);
	while (*q == ' ' || *q == '\r' || *q == '\n')
		q++;
	x->entries = (gsize)(q - d);
	if (first != 0 || x->entries + 20 * (gsize)x->count + 7 > n)
		return false;
	x->trailer = d + x->entries + 20 * x->count;
	if (strncmp(x->trailer, "trailer", 7))
		return false;
	x->trailer_len = (gsize)(sx - x->trailer);
	return true;
}

/* Offset of object i, or 0 when it is free. */
static gsize
obj_offset(const GByteArray *b, const struct xref *x, unsigned long i)
{
	const char *e = (const char *)b->data + x->entries + 20 * i;
	return e[17] == 'n' ? (gsize)g_ascii_strtoull(e, NULL, 10) : 0;
}

/* The stand-ins' objects and what replaces them. */
struct rewrite {
	const GByteArray *b;
	struct xref x;
	GHashTable *pngs;   /* key -> struct pdf_png * */
	GHashTable *smasks; /* key -> its alpha object's number (one per PNG) */
	GArray *edits;      /* struct edit */
	GString *added;     /* the new objects, before the xref table */
	GArray *added_at;   /* gsize: where each starts in added */
	unsigned long next; /* number of the next new object */
};

static void
add_edit(struct rewrite *r, gsize from, gsize to, GString *text, GBytes *data)
{
	struct edit e = {from, to, text, data};
	g_array_append_val(r->edits, e);
}

static void
image_dict(GString *g, const struct pdf_png *png, unsigned long smask)
{
	g_string_append_printf(g,
	                       "   /Filter /FlateDecode\n"
	                       "   /Type /XObject\n"
	                       "   /Subtype /Image\n"
	                       "   /Width %d\n"
	                       "   /Height %d\n"
	                       "   /Interpolate true\n"
	                       "%s",
	                       png->width, png->height, png->dict);
	if (smask)
		g_string_append_printf(g, "   /SMask %lu 0 R\n", smask);
}

/* The alpha plane of png as a new object; its number. */
static unsigned long
smask_object(struct rewrite *r, const char *key, const struct pdf_png *png)
{
	gpointer have = g_hash_table_lookup(r->smasks, key);
	if (have)
		return GPOINTER_TO_SIZE(have);
	unsigned long id = r->next++;
	gsize at = r->added->len, len;
	g_array_append_val(r->added_at, at);
	const void *data = g_bytes_get_data(png->smask, &len);
	g_string_append_printf(r->added,
	                       "%lu 0 obj\n"
	                       "<< /Length %zu\n"
	                       "   /Filter /FlateDecode\n"
	                       "   /Type /XObject\n"
	                       "   /Subtype /Image\n"
	                       "   /Width %d\n"
	                       "   /Height %d\n"
	                       "   /ColorSpace /DeviceGray\n"
	                       "   /Interpolate true\n"
	                       "   /BitsPerComponent 8\n"
	                       ">>\n"
	                       "stream\n",
	                       id, len, png->width, png->height);
	g_string_append_len(r->added, data, (gssize)len);
	g_string_append(r->added, "\nendstream\nendobj\n");
	g_hash_table_insert(r->smasks, g_strdup(key), GSIZE_TO_POINTER(id));
	return id;
}

/* The key of the stand-in JPEG whose stream data starts at d + at, when
 * the bytes there are exactly one (SOI, the comment, SOF0, EOI, the end of
 * the stream): a new string; else NULL.  *end: where its data ends. */
static char *
stand_in_key(const char *d, gsize n, gsize at, gsize *end)
{
	size_t ml = strlen(MAGIC);
	if (at + 6 + ml > n || memcmp(d + at, "\xff\xd8\xff\xfe", 4) ||
	    memcmp(d + at + 6, MAGIC, ml))
		return NULL;
	gsize kl = (gsize)((unsigned char)d[at + 4] << 8 | (unsigned char)d[at + 5]);
	*end = at + 4 + kl + 21;
	if (kl < ml + 2 || *end + 11 > n || memcmp(d + at + 4 + kl, "\xff\xc0", 2) ||
	    memcmp(d + *end, "\nendstream\n", 11))
		return NULL;
	return g_strndup(d + at + 6 + ml, kl - 2 - ml);
}

/* Object i when it is a stand-in: replace it (and its length object).
 * Returns false when it is one but cannot be replaced. */
static bool
replace_object(struct rewrite *r, unsigned long i)
{
	const char *d = (const char *)r->b->data;
	gsize n = r->b->len, off = obj_offset(r->b, &r->x, i);
	if (!off || off >= r->x.at)
		return true;
	/* cairo: "i 0 obj\n<< /Length m 0 R\n ... /Filter /DCTDecode\n>>\nstream\n" */
	char head[80];
	unsigned long m = 0;
	int hl = 0;
	g_strlcpy(head, d + off, MIN(sizeof head, r->x.at - off + 1));
	if (sscanf(head, "%*u 0 obj\n<< /Length %lu 0 R%n", &m, &hl) != 1 || hl <= 0 ||
	    head[hl] != '\n')
		return true;
	hl++;
	gsize lim = MIN(off + 512, r->x.at);
	const char *st = memmem(d + off, lim - off, ">>\nstream\n", 10);
	if (!st || memmem(d + off, (gsize)(st - d) - off, "endobj", 6))
		return true;
	gsize end;
	char *key = stand_in_key(d, n, (gsize)(st - d) + 10, &end);
	const struct pdf_png *png = key ? g_hash_table_lookup(r->pngs, key) : NULL;
	if (!png) {
		/* not a stand-in, or a JPEG shaped like one that names no PNG
		 * of this PDF: data as any other */
		g_free(key);
		return true;
	}
	if (m >= r->x.count || !memmem(d + off, (gsize)(st - d) - off, "/DCTDecode", 10)) {
		g_free(key);
		return false;
	}
	g_snprintf(head, sizeof head, "%lu 0 obj\n", m);
	gsize moff = obj_offset(r->b, &r->x, m), hm = strlen(head);
	const char *mend = moff ? memmem(d + moff, MIN(64, n - moff), "\nendobj", 7) : NULL;
	if (!mend || strncmp(d + moff, head, hm)) {
		g_free(key);
		return false;
	}
	unsigned long smask = png->smask ? smask_object(r, key, png) : 0;
	g_free(key);
	gsize len = g_bytes_get_size(png->data);
	GString *obj = g_string_new(NULL);
	image_dict(obj, png, smask);
	g_string_append(obj, ">>\nstream\n");
	add_edit(r, off + (gsize)hl, end, obj, png->data);
	GString *length = g_string_new(NULL);
	g_string_printf(length, "   %zu", len);
	add_edit(r, moff + hm, (gsize)(mend - d), length, NULL);
	return true;
}

/* The xref table and trailer for the edited PDF out (up to the table). */
static void
write_xref(struct rewrite *r, GByteArray *out, const gsize *new_off)
{
	const char *d = (const char *)r->b->data;
	GString *g = g_string_new(NULL);
	gsize at = out->len;
	g_string_printf(g, "xref\n0 %lu\n", r->next);
	for (unsigned long i = 0; i < r->x.count; i++) {
		if (new_off[i])
			g_string_append_printf(g, "%010zu 00000 n \n", new_off[i]);
		else
			g_string_append_len(g, d + r->x.entries + 20 * i, 20);
	}
	for (unsigned long i = r->x.count; i < r->next; i++)
		g_string_append_printf(g, "%010zu 00000 n \n", new_off[i]);
	/* cairo's trailer with the new /Size */
	char *tr = g_strndup(r->x.trailer, r->x.trailer_len);
	char *size = strstr(tr, "/Size ");
	if (size) {
		char *rest;
		g_ascii_strtoull(size + 6, &rest, 10);
		g_string_append_len(g, tr, size - tr);
		g_string_append_printf(g, "/Size %lu%s", r->next, rest);
	} else {
		g_string_append(g, tr);
	}
	g_free(tr);
	g_string_append_printf(g, "startxref\n%zu\n%%%%EOF\n", at);
	g_byte_array_append(out, (const guint8 *)g->str, (guint)g->len);
	g_string_free(g, TRUE);
}

/* An object and where cairo wrote it. */
struct obj_at {
	gsize off;
	unsigned long index;
};

static gint
by_offset(gconstpointer a, gconstpointer b)
{
	gsize x = ((const struct obj_at *)a)->off, y = ((const struct obj_at *)b)->off;
	return x < y ? -1 : x > y;
}

/* Apply the edits and the new objects; the xref table anew. */
static GByteArray *
apply(struct rewrite *r)
{
	g_array_sort(r->edits, by_from);
	const guint8 *d = r->b->data;
	/* its final size, so that it is never moved while it grows */
	gsize size = r->b->len + r->added->len + 20 * (gsize)r->next + r->x.trailer_len + 64;
	for (guint k = 0; k < r->edits->len; k++) {
		const struct edit *e = &g_array_index(r->edits, struct edit, k);
		size += e->text->len + (e->data ? g_bytes_get_size(e->data) : 0) -
		        (e->to - e->from);
	}
	GByteArray *out = g_byte_array_sized_new((guint)size);
	gsize *new_off = g_new0(gsize, r->next);
	/* object offsets move by what the edits before them added: the
	 * objects in file order, walked once beside the sorted edits (one
	 * pass over both, not objects x edits: 20,000 images took seconds) */
	unsigned long nobj = r->x.count;
	GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(struct obj_at), (guint)nobj);
	for (unsigned long i = 0; i < nobj; i++) {
		struct obj_at o = {obj_offset(r->b, &r->x, i), i};
		if (o.off)
			g_array_append_val(order, o);
	}
	g_array_sort(order, by_offset);
	guint next_obj = 0;
	gsize pos = 0;
	for (guint k = 0; k <= r->edits->len; k++) {
		const struct edit *e =
		    k < r->edits->len ? &g_array_index(r->edits, struct edit, k) : NULL;
		gsize upto = e ? e->from : r->x.at;
		for (; next_obj < order->len; next_obj++) {
			const struct obj_at *o = &g_array_index(order, struct obj_at, next_obj);
			if (o->off >= upto)
				break;
			if (o->off >= pos) /* not inside the bytes an edit replaced */
				new_off[o->index] = out->len + (o->off - pos);
		}
		g_byte_array_append(out, d + pos, (guint)(upto - pos));
		if (e) {
			g_byte_array_append(out, (const guint8 *)e->text->str,
			                    (guint)e->text->len);
			if (e->data) {
				gsize dl;
				const guint8 *dd = g_bytes_get_data(e->data, &dl);
				g_byte_array_append(out, dd, (guint)dl);
			}
			pos = e->to;
		}
	}
	/* the new objects, each at its offset */
	for (unsigned long i = nobj; i < r->next; i++)
		new_off[i] = out->len + g_array_index(r->added_at, gsize, i - nobj);
	g_byte_array_append(out, (const guint8 *)r->added->str, (guint)r->added->len);
	write_xref(r, out, new_off);
	g_array_free(order, TRUE);
	g_free(new_off);
	return out;
}

/* Whether b still holds a stand-in for one of pngs. */
static bool
stand_in_left(const GByteArray *b, GHashTable *pngs)
{
	const char *d = (const char *)b->data, *s = d;
	gsize n = b->len, ml = strlen(MAGIC), end;
	bool left = false;
	while (!left && (s = memmem(s, n - (gsize)(s - d), MAGIC, ml))) {
		char *key = s - d >= 6 ? stand_in_key(d, n, (gsize)(s - d) - 6, &end) : NULL;
		left = key && g_hash_table_contains(pngs, key);
		g_free(key);
		s++;
	}
	return left;
}

GByteArray *
pdf_png_objects_fix(GByteArray *b, GHashTable *pngs)
{
	if (!pngs || g_hash_table_size(pngs) == 0)
		return b;
	struct rewrite r = {.b = b, .pngs = pngs};
	if (!parse_xref(b, &r.x))
		return NULL;
	r.smasks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	r.edits = g_array_new(FALSE, FALSE, sizeof(struct edit));
	r.added = g_string_new(NULL);
	r.added_at = g_array_new(FALSE, FALSE, sizeof(gsize));
	r.next = r.x.count;
	bool ok = true;
	for (unsigned long i = 1; ok && i < r.x.count; i++)
		ok = replace_object(&r, i);
	GByteArray *out = ok ? apply(&r) : NULL;
	/* no stand-in left anywhere (one cairo wrote where it was not looked for) */
	if (out && stand_in_left(out, pngs)) {
		g_byte_array_free(out, TRUE);
		out = NULL;
	}
	for (guint k = 0; k < r.edits->len; k++)
		g_string_free(g_array_index(r.edits, struct edit, k).text, TRUE);
	g_array_free(r.edits, TRUE);
	g_string_free(r.added, TRUE);
	g_array_free(r.added_at, TRUE);
	g_hash_table_destroy(r.smasks);
	return out;
}
