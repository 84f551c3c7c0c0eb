/* image.c - images as blocks (icon.c sets small ones in a line of text).
 *
 * JPEG goes into the PDF as-is: cairo embeds the attached mime data and
 * never reads the pixels of the (untouched, so never really allocated)
 * RGB24 surface that stands for it.  PNG is decoded by cairo, GIF/WebP by
 * gdk-pixbuf when it has a loader, SVG is drawn as vectors by librsvg (svg.c).
 * Anything that cannot be drawn becomes a framed placeholder with the alt
 * text and file name: never an empty gap.  An image's unique id for cairo
 * stands for its bytes, so one picture goes into a PDF once however
 * often and under whatever names it is shown.  cairo 1.16 passes JPEG
 * data through but nothing else: a PNG would be decoded and its pixels
 * deflated again by cairo, most of a photo-heavy PDF's time.  So md2pdf
 * encodes a PNG itself (pngobj.c: its data as it is where a PDF can read
 * it, else decoded and deflated by libdeflate) and gives cairo a stand-in
 * that imgobj.c replaces in the finished PDF.  A PNG that this path
 * cannot read, or every PNG under MDPRESS_PNG_VIA_CAIRO=1, goes through
 * cairo's loader as before.
 */
#include "pdf.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libdeflate.h>
#include <string.h>

/* What a PNG decoded earlier in this PDF was (p->doc->images_seen). */
struct seen_image {
	cairo_format_t format;
	int width, height;
};

/* A file whose bytes have an id in this PDF (p->doc->image_ids). */
struct image_id {
	char *path, *uid;
};

static void
image_id_free(struct image_id *e)
{
	g_free(e->path);
	g_free(e->uid);
	g_free(e);
}

/* Whether the file at path holds exactly data (len bytes). */
static bool
same_bytes(const char *path, const char *data, gsize len)
{
	gchar *other;
	gsize olen;
	if (!g_file_get_contents(path, &other, &olen, NULL))
		return false;
	bool same = olen == len && !memcmp(other, data, len);
	g_free(other);
	return same;
}

/* An image's id for cairo (CAIRO_MIME_TYPE_UNIQUE_ID), the same for the
 * same bytes, so that one picture, under any name and however often it is
 * shown, is embedded in a PDF once.  Its length and CRC-32 find the files
 * that may hold the same bytes, and a file under another name is compared
 * byte for byte, so two pictures never share an id; a SHA-1 of every
 * image cost 1.5% of a batch's time, the CRC a tenth of that.  New string. */
static char *
content_uid(const struct pdf *p, const char *path, const char *data, gsize len)
{
	struct pdf_doc *d = p->doc;
	if (!d->image_ids)
		d->image_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                                     (GDestroyNotify)g_ptr_array_unref);
	char *fp = g_strdup_printf("%" G_GSIZE_FORMAT "-%08x", len,
	                           (unsigned)libdeflate_crc32(0, data, len));
	GPtrArray *same = g_hash_table_lookup(d->image_ids, fp);
	if (!same) {
		same = g_ptr_array_new_with_free_func((GDestroyNotify)image_id_free);
		g_hash_table_insert(d->image_ids, g_strdup(fp), same);
	}
	const struct image_id *hit = NULL;
	for (guint i = 0; i < same->len && !hit; i++)
		if (!strcmp(((struct image_id *)same->pdata[i])->path, path))
			hit = same->pdata[i];
	if (!hit) {
		struct image_id *n = g_new(struct image_id, 1);
		for (guint i = 0; i < same->len && !hit; i++)
			if (same_bytes(((struct image_id *)same->pdata[i])->path, data, len))
				hit = same->pdata[i];
		/* a new name for known bytes is kept too: found without
		 * reading next time */
		n->uid = hit ? g_strdup(hit->uid)
		             : g_strdup_printf("mdpress-image-%s-%u", fp, same->len);
		n->path = g_strdup(path);
		g_ptr_array_add(same, n);
		hit = n;
	}
	char *out = g_strdup(hit->uid);
	g_free(fp);
	return out;
}

/* Whether an image drawn on the current page has the unique id uid. */
static bool
on_page(const struct pdf *p, const char *uid)
{
	for (guint i = 0; i < p->doc->images->len; i++) {
		const unsigned char *id;
		unsigned long len;
		cairo_surface_get_mime_data(p->doc->images->pdata[i], CAIRO_MIME_TYPE_UNIQUE_ID,
		                            &id, &len);
		if (id && len == strlen(uid) && !memcmp(id, uid, len))
			return true;
	}
	return false;
}

/* uid, or when an image of the current page already has it, uid with a
 * suffix: cairo 1.16 names an image in a page's resources once per use,
 * and the same name twice makes an invalid dictionary.  Takes uid over. */
static char *
page_unique(const struct pdf *p, char *uid)
{
	char *id = g_strdup(uid);
	for (int n = 2; on_page(p, id); n++) {
		g_free(id);
		id = g_strdup_printf("%s-%d", uid, n);
	}
	g_free(uid);
	return id;
}

/* Attach uid (taken over) to s. */
static void
set_uid(cairo_surface_t *s, char *uid)
{
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (unsigned char *)uid,
	                            strlen(uid), g_free, uid);
}

/* The pixel size of an image as drawn: a stand-in's (below), else its
 * surface's. */
static const cairo_user_data_key_t px_size_key;

static void
image_px(cairo_surface_t *s, int *w, int *h)
{
	const int *px = cairo_surface_get_user_data(s, &px_size_key);
	*w = px ? px[0] : cairo_image_surface_get_width(s);
	*h = px ? px[1] : cairo_image_surface_get_height(s);
}

/* A surface of one pixel that stands for an image of w x h pixels whose
 * data cairo takes from the JPEG attached to it (a real one, or one that
 * names a PNG).  cairo never reads its pixels; a surface of the image's
 * size would still be allocated and cleared, and copied when it is
 * released after its page, for nothing.  pdf_render_image() scales it
 * to the image's size. */
static cairo_surface_t *
stand_in(int w, int h, GBytes *jpeg)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	int *px = g_new(int, 2);
	px[0] = w;
	px[1] = h;
	gsize jl;
	const unsigned char *jd = g_bytes_get_data(jpeg, &jl);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_set_user_data(s, &px_size_key, px, g_free) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, jd, jl,
	                                (cairo_destroy_func_t)g_bytes_unref,
	                                jpeg) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		g_free(px);
		g_bytes_unref(jpeg);
		return NULL;
	}
	return s;
}

static cairo_surface_t *
load_jpeg(const struct pdf *p, const struct art_resource *res)
{
	if (res->width <= 0 || res->height <= 0 || res->width > 30000 || res->height > 30000)
		return NULL;
	gchar *data;
	gsize len;
	if (!g_file_get_contents(res->path, &data, &len, NULL))
		return NULL;
	char *uid = page_unique(p, content_uid(p, res->path, data, len));
	cairo_surface_t *s = stand_in(res->width, res->height, g_bytes_new_take(data, len));
	if (!s) {
		g_free(uid);
		return NULL;
	}
	set_uid(s, uid);
	return s;
}

/* A PNG file read from memory by cairo. */
struct png_bytes {
	const unsigned char *data;
	gsize len, off;
};

static cairo_status_t
read_png(void *closure, unsigned char *buf, unsigned int n)
{
	struct png_bytes *b = closure;
	if (n > b->len - b->off)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, b->data + b->off, n);
	b->off += n;
	return CAIRO_STATUS_SUCCESS;
}

/* MDPRESS_PNG_VIA_CAIRO=1: every PNG through cairo's loader, as before
 * md2pdf encoded them (to compare the two; docs/hacking.md). */
static bool
png_via_cairo(void)
{
	const char *v = g_getenv("MDPRESS_PNG_VIA_CAIRO");
	return v && *v && strcmp(v, "0");
}

/* The stand-in for a PNG md2pdf embeds itself (pngobj.c, imgobj.c): a
 * one-pixel surface (stand_in()) with a tiny JPEG attached that names it
 * by key, encoded once per PDF; NULL when this PNG cannot go that way. */
static cairo_surface_t *
png_stand_in(struct pdf *p, const struct art_resource *res, const char *data, gsize len,
             const char *key)
{
	struct pdf_doc *d = p->doc;
	const struct pdf_png *png = g_hash_table_lookup(d->pngs, key);
	if (!png) {
		if (!d->deflate)
			d->deflate = libdeflate_alloc_compressor(6);
		if (!d->deflate)
			return NULL;
		struct pdf_png *n = pdf_png_encode((const unsigned char *)data, len, res->width,
		                                   res->height, d->deflate);
		if (!n)
			return NULL;
		g_hash_table_insert(d->pngs, g_strdup(key), n);
		png = n;
	}
	return stand_in(png->width, png->height,
	                pdf_png_stand_in(key, png->width, png->height));
}

/* A PNG decoded by cairo; the same picture a second time in the PDF
 * (another page of a book, another file name) is not decoded again: an
 * empty surface of its size and format stands in, and cairo, finding
 * the unique id it already wrote, reuses the image it embedded. */
static cairo_surface_t *
load_png(struct pdf *p, const struct art_resource *res)
{
	gchar *data;
	gsize len;
	if (!g_file_get_contents(res->path, &data, &len, NULL))
		return NULL;
	char *key = content_uid(p, res->path, data, len);
	cairo_surface_t *s = png_via_cairo() ? NULL : png_stand_in(p, res, data, len, key);
	if (s) {
		g_free(data);
		set_uid(s, page_unique(p, key));
		return s;
	}
	char *uid = page_unique(p, key);
	const struct seen_image *seen = g_hash_table_lookup(p->doc->images_seen, uid);
	if (seen) {
		s = cairo_image_surface_create(seen->format, seen->width, seen->height);
	} else {
		struct png_bytes b = {(const unsigned char *)data, len, 0};
		s = cairo_image_surface_create_from_png_stream(read_png, &b);
	}
	g_free(data);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		g_free(uid);
		return NULL;
	}
	if (!seen) {
		struct seen_image *n = g_new(struct seen_image, 1);
		n->format = cairo_image_surface_get_format(s);
		n->width = cairo_image_surface_get_width(s);
		n->height = cairo_image_surface_get_height(s);
		g_hash_table_insert(p->doc->images_seen, g_strdup(uid), n);
	}
	set_uid(s, uid);
	return s;
}

/* A pixbuf premultiplied into a new cairo surface (pb is released). */
static cairo_surface_t *
pixbuf_surface(GdkPixbuf *pb)
{
	int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
	int nch = gdk_pixbuf_get_n_channels(pb), rs = gdk_pixbuf_get_rowstride(pb);
	bool alpha = gdk_pixbuf_get_has_alpha(pb);
	cairo_surface_t *s =
	    cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || nch < 3) {
		cairo_surface_destroy(s);
		g_object_unref(pb);
		return NULL;
	}
	cairo_surface_flush(s);
	const guchar *src = gdk_pixbuf_read_pixels(pb);
	unsigned char *dst = cairo_image_surface_get_data(s);
	int ds = cairo_image_surface_get_stride(s);
	for (int y = 0; y < h; y++) {
		const guchar *sp = src + (size_t)y * rs;
		guint32 *dp = (guint32 *)(void *)(dst + (size_t)y * ds);
		for (int x = 0; x < w; x++, sp += nch) {
			guint32 a = alpha ? sp[3] : 255;
			guint32 r = sp[0] * a / 255, g = sp[1] * a / 255, b = sp[2] * a / 255;
			dp[x] = (a << 24) | (r << 16) | (g << 8) | b;
		}
	}
	cairo_surface_mark_dirty(s);
	g_object_unref(pb);
	return s;
}

/* First frame through gdk-pixbuf, premultiplied into a cairo surface. */
static cairo_surface_t *
load_pixbuf(const struct art_resource *res)
{
	GdkPixbuf *pb = gdk_pixbuf_new_from_file(res->path, NULL);
	return pb ? pixbuf_surface(pb) : NULL;
}

/* --image-dpi: the image resampled to tw x th pixels, a JPEG again as a
 * JPEG (re-encoded, attached as mime data like load_jpeg's), anything
 * else as pixels cairo compresses losslessly.  NULL: keep the original. */
static cairo_surface_t *
resample(const struct art_resource *res, int tw, int th)
{
	GdkPixbuf *pb = gdk_pixbuf_new_from_file_at_scale(res->path, tw, th, FALSE, NULL);
	if (!pb)
		return NULL;
	char *uid = g_strdup_printf("%s@%dx%d", res->path, tw, th);
	cairo_surface_t *s = NULL;
	if (res->type == ART_IMG_JPEG) {
		gchar *buf = NULL;
		gsize len = 0;
		if (gdk_pixbuf_save_to_buffer(pb, &buf, &len, "jpeg", NULL, "quality", "85",
		                              NULL))
			s = stand_in(gdk_pixbuf_get_width(pb), gdk_pixbuf_get_height(pb),
			             g_bytes_new_take(buf, len));
		g_object_unref(pb);
	} else {
		s = pixbuf_surface(pb);
	}
	if (s)
		cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (unsigned char *)uid,
		                            strlen(uid), g_free, uid);
	else
		g_free(uid);
	return s;
}

static void
placeholder(struct pdf *p, const char *src, const char *alt, double reserve)
{
	double w = MIN(p->cur.width, 300.0);
	PangoLayout *lay =
	    pdf_layout_new(p, PDF_SERIF, pdf_pt(p, p->run->size.caption), false, w - 16);
	pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
	GString *t = g_string_new(NULL);
	if (alt && *alt)
		g_string_append_printf(t, "%s\n", alt);
	g_string_append_printf(t, "[image unavailable: %s]", src && *src ? src : "?");
	char *valid = g_utf8_make_valid(t->str, (gssize)t->len);
	pango_layout_set_text(lay, valid, -1);
	g_free(valid);
	g_string_free(t, TRUE);
	int lh;
	pango_layout_get_size(lay, NULL, &lh);
	double h = MAX(60.0, (double)lh / PANGO_SCALE + 24);
	pdf_need(p, h + reserve);
	pdf_settle(p);
	double x = p->cur.x + (p->cur.width - w) / 2;
	cairo_t *cr = p->doc->cr;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.965, 0.965, 0.965);
	cairo_rectangle(cr, x, p->cur.y, w, h);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.75);
	double dash[] = {3, 2};
	cairo_set_dash(cr, dash, 2, 0);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	cairo_move_to(cr, x + 8, p->cur.y + (h - (double)lh / PANGO_SCALE) / 2);
	pango_cairo_show_layout(cr, lay);
	cairo_restore(cr);
	g_object_unref(lay);
	p->cur.y += h;
	p->cur.page_used = true;
}

double
pdf_image_fit(const struct pdf *p, double w, double h, double reserve)
{
	double s = 1.0;
	if (w > p->cur.width)
		s = p->cur.width / w;
	double maxh = (p->cur.bottom - p->cur.top) - reserve - 4;
	if (maxh < 40)
		maxh = 40;
	if (h * s > maxh)
		s = maxh / h;
	/* a picture a little too tall for the rest of the page is set that
	 * much smaller there rather than leave the space empty */
	double room = pdf_room(p) - reserve - 1;
	if (p->cur.page_used && h * s > room && h * s * PDF_IMAGE_SHRINK <= room)
		s = room / h;
	return s;
}

void
pdf_image_start(struct pdf *p, double h, double reserve)
{
	pdf_need(p, h + reserve);
	pdf_settle(p);
}

cairo_surface_t *
pdf_image_surface(struct pdf *p, const struct art_resource *res)
{
	switch (res->type) {
	case ART_IMG_JPEG:
		return load_jpeg(p, res);
	case ART_IMG_PNG:
		return load_png(p, res);
	case ART_IMG_GIF:
	case ART_IMG_WEBP:
		return load_pixbuf(res);
	case ART_IMG_SVG:
	case ART_IMG_NONE:
		break;
	}
	return NULL;
}

void
pdf_image_undecodable(struct pdf *p, struct art_resource *res, const char *src,
                      struct art_pos pos)
{
	if (res && res->status == ART_RES_OK && res->path && res->type != ART_IMG_NONE) {
		const struct article *art = p->doc->art;
		art_diag(ART_W_IMAGE_UNREADABLE, art ? art->display_name : NULL, pos,
		         res->src ? res->src : src, "its data cannot be decoded");
		res->status = ART_RES_UNREADABLE;
	}
}

void
pdf_render_image(struct pdf *p, struct art_resource *res, const char *src, const char *alt,
                 double reserve, struct art_pos pos)
{
	cairo_surface_t *s = NULL;
	if (res && res->status == ART_RES_OK && res->path) {
		if (res->type == ART_IMG_SVG) {
			if (pdf_draw_svg(p, res, reserve))
				return;
		} else {
			s = pdf_image_surface(p, res);
		}
	}
	if (!s) {
		pdf_image_undecodable(p, res, src, pos);
		placeholder(p, res && res->src ? res->src : src, alt, reserve);
		return;
	}
	int pw, ph;
	image_px(s, &pw, &ph);
	double w = pw * PDF_PX_TO_PT;
	double h = ph * PDF_PX_TO_PT;
	double sc = pdf_image_fit(p, w, h, reserve);
	/* finer than --image-dpi on the page: resample to that resolution */
	int px = pw;
	double dpi = px / (w * sc / 72.0);
	if (p->run->o.image_dpi > 0 && dpi > p->run->o.image_dpi * 1.05 &&
	    res->type != ART_IMG_SVG) {
		int tw = MAX(1, (int)(w * sc / 72.0 * p->run->o.image_dpi + 0.5));
		int th = MAX(1, (int)(h * sc / 72.0 * p->run->o.image_dpi + 0.5));
		cairo_surface_t *r = resample(res, tw, th);
		if (r) {
			cairo_surface_destroy(s);
			s = r;
			/* same size on the page, fewer pixels */
			image_px(s, &pw, &ph);
			sc *= (double)px / pw;
			w = pw * PDF_PX_TO_PT;
			h = ph * PDF_PX_TO_PT;
		}
	}
	pdf_image_start(p, h * sc, reserve);
	cairo_t *cr = p->doc->cr;
	cairo_save(cr);
	cairo_translate(cr, p->cur.x + (p->cur.width - w * sc) / 2, p->cur.y);
	/* a stand-in's one pixel to the image's size */
	cairo_scale(cr, sc * PDF_PX_TO_PT * pw / cairo_image_surface_get_width(s),
	            sc * PDF_PX_TO_PT * ph / cairo_image_surface_get_height(s));
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
	p->cur.y += h * sc;
	p->cur.page_used = true;
	g_ptr_array_add(p->doc->images, s);
}
