/* svg.c - SVG images, drawn as vectors by librsvg.
 *
 * An SVG file is parsed once per PDF.  One without text is also drawn
 * once, at its natural size, into a cairo recording surface that every
 * place showing it paints, scaled: cairo writes that surface as one form
 * XObject each use refers to.  Manuals show the same icons over and over
 * (one corpus guide: 116 uses of 19 files); parsing and drawing each use
 * again was a third of that guide's time, and every copy of the paths went
 * into the page content.  An SVG with text is drawn at each use, as
 * before: librsvg turns text into paths on any surface but a vector
 * one (PDF), and its words would no longer be found or copied.
 */
#define _GNU_SOURCE /* memmem */
#include "pdf.h"

#include <librsvg/rsvg.h>
#include <string.h>

struct svg_drawing {
	RsvgHandle *handle;   /* NULL: librsvg cannot read the file */
	cairo_surface_t *rec; /* the drawing, for an SVG without text */
	double w, h;          /* natural size in points */
};

static void
svg_drawing_free(gpointer data)
{
	struct svg_drawing *s = data;
	if (s->rec)
		cairo_surface_destroy(s->rec);
	if (s->handle)
		g_object_unref(s->handle);
	g_free(s);
}

/* Whether the file may hold text: a text element, with or without a
 * namespace prefix (also in a comment or an entity: then it is drawn at
 * each use, which is never wrong). */
static bool
may_have_text(const char *path)
{
	char *data;
	gsize len;
	if (!g_file_get_contents(path, &data, &len, NULL))
		return true;
	bool text = memmem(data, len, "<text", 5) || memmem(data, len, ":text", 5);
	g_free(data);
	return text;
}

static void
draw(RsvgHandle *h, cairo_t *cr, double x, double y, double w, double ht, gboolean *ok)
{
	RsvgRectangle vp = {x, y, w, ht};
	cairo_save(cr);
	*ok = rsvg_handle_render_document(h, cr, &vp, NULL);
	cairo_restore(cr);
}

static struct svg_drawing *
load(const struct art_resource *res)
{
	struct svg_drawing *s = g_new0(struct svg_drawing, 1);
	s->handle = rsvg_handle_new_from_file(res->path, NULL);
	if (!s->handle)
		return s;
	double w = res->width, ht = res->height;
	gdouble iw, ih;
	if (rsvg_handle_get_intrinsic_size_in_pixels(s->handle, &iw, &ih) && iw > 0 && ih > 0) {
		w = iw;
		ht = ih;
	}
	if (w <= 0 || ht <= 0) {
		w = 400;
		ht = 300;
	}
	s->w = w * PDF_PX_TO_PT;
	s->h = ht * PDF_PX_TO_PT;
	if (may_have_text(res->path))
		return s;
	cairo_rectangle_t box = {0, 0, s->w, s->h};
	s->rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
	cairo_t *cr = cairo_create(s->rec);
	gboolean ok;
	draw(s->handle, cr, 0, 0, s->w, s->h, &ok);
	if (!ok || cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		g_object_unref(s->handle);
		s->handle = NULL;
	}
	cairo_destroy(cr);
	return s;
}

/* The file's drawing for this PDF, loaded on first use. */
static struct svg_drawing *
drawing(struct pdf_doc *d, const struct art_resource *res)
{
	if (!d->svgs)
		d->svgs =
		    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, svg_drawing_free);
	struct svg_drawing *s = g_hash_table_lookup(d->svgs, res->path);
	if (!s) {
		s = load(res);
		g_hash_table_insert(d->svgs, g_strdup(res->path), s);
	}
	return s;
}

/* s into the box (x, y, w, h); false when librsvg fails. */
static bool
paint(cairo_t *cr, const struct svg_drawing *s, double x, double y, double w, double h)
{
	if (!s->rec) {
		gboolean ok;
		draw(s->handle, cr, x, y, w, h, &ok);
		return ok;
	}
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / s->w, h / s->h);
	cairo_set_source_surface(cr, s->rec, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	return true;
}

int
pdf_draw_svg(struct pdf *p, const struct art_resource *res, double reserve)
{
	struct svg_drawing *s = drawing(p->doc, res);
	if (!s->handle)
		return 0;
	double sc = pdf_image_fit(p, s->w, s->h, reserve);
	pdf_image_start(p, s->h * sc, reserve);
	double x = p->cur.x + (p->cur.width - s->w * sc) / 2;
	if (!paint(p->doc->cr, s, x, p->cur.y, s->w * sc, s->h * sc))
		return 0;
	p->cur.y += s->h * sc;
	p->cur.page_used = true;
	return 1;
}

bool
pdf_svg_paint(struct pdf *p, const struct art_resource *res, double x, double y, double w,
              double h)
{
	struct svg_drawing *s = drawing(p->doc, res);
	return s->handle && paint(p->doc->cr, s, x, y, w, h);
}
