/* icon.c - images in a line of text.  Manuals write "click ![](gear.svg)
 * to ..." and put icons in table cells: an image met in text that is no
 * taller than an icon stays in its line, as a browser shows it.  inline.c
 * puts an object replacement character with a pango shape attribute of
 * its size there (data: the image's node); pango calls
 * pdf_image_shape_renderer() to paint it where the line is drawn.  A
 * bigger image is drawn as a block after the text (image.c), but in a
 * table cell it is set in the line too, scaled to the column (table.c).
 */
#include "pdf.h"

/* A picture in a table cell: its natural size (96 dpi), scaled down to at
 * most max_w wide and two fifths of the page's text height tall. */
void
pdf_image_picture_size(const struct pdf *p, const struct art_resource *res, double max_w,
                       double *w, double *h)
{
	*w = res->width * PDF_PX_TO_PT;
	*h = res->height * PDF_PX_TO_PT;
	double s = MIN(1.0, MIN(max_w / *w, (p->cur.bottom - p->cur.top) * 0.4 / *h));
	*w *= s;
	*h *= s;
}

/* Its natural size, scaled down to 1.2 em tall at most, so that the line
 * keeps its height. */
void
pdf_image_inline_size(const struct art_resource *res, double em, double *w, double *h)
{
	*w = res->width * PDF_PX_TO_PT;
	*h = res->height * PDF_PX_TO_PT;
	double s = MIN(1.0, 1.2 * em / *h);
	*w *= s;
	*h *= s;
}

/* A raster image into the box (x, y, w, h) points. */
static bool
paint_raster(struct pdf *p, struct art_resource *res, double x, double y, double w, double h)
{
	cairo_surface_t *s = pdf_image_surface(p, res);
	if (!s)
		return false;
	cairo_t *cr = p->doc->cr;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / cairo_image_surface_get_width(s),
	            h / cairo_image_surface_get_height(s));
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
	g_ptr_array_add(p->doc->images, s);
	return true;
}

/* pango draws an image in a line (a shape attribute whose data is its
 * node, inline.c) at the baseline where it stands, with the document's
 * cairo context; the gaps of CJK-Latin spacing are shapes without data. */
void
pdf_image_shape_renderer(cairo_t *cr, PangoAttrShape *attr, gboolean do_path, gpointer data)
{
	struct pdf_run *r = data;
	const struct art_node *img = attr->data;
	if (do_path || !img || !r->drawing || cr != r->drawing->doc->cr)
		return;
	struct art_resource *res = img->u.image.res;
	if (!res || res->status != ART_RES_OK)
		return; /* found undecodable before */
	double x, y;
	cairo_get_current_point(cr, &x, &y);
	const PangoRectangle *box = &attr->logical_rect;
	double w = (double)box->width / PANGO_SCALE, h = (double)box->height / PANGO_SCALE;
	y += (double)box->y / PANGO_SCALE;
	bool ok = res->type == ART_IMG_SVG ? pdf_svg_paint(r->drawing, res, x, y, w, h)
	                                   : paint_raster(r->drawing, res, x, y, w, h);
	if (!ok)
		pdf_image_undecodable(r->drawing, res, img->u.image.url, img->pos);
}
