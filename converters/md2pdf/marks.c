/* marks.c - what is drawn beside or under the text rather than set in it:
 * list markers (bullets and task boxes as shapes), emphasis dots under Han
 * characters, and the continuation mark of a wrapped code line.  Paths,
 * not glyphs, so none of them ends up in the extracted text.
 */
#include "pdf.h"

void
pdf_draw_marker_at(struct pdf *p, double baseline)
{
	if (!p->cur.marker)
		return;
	if (p->cur.marker_shape) {
		/* Bullets as shapes: U+2022 in the CJK faces is a small dot
		 * in a full-width box, and a glyph would end up in the text. */
		double r = p->cur.body_size * 0.17;
		double cx = p->cur.marker_right - r - 0.5,
		       cy = baseline - p->cur.body_size * 0.36;
		cairo_t *cr = p->doc->cr;
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_new_path(cr);
		if (p->cur.marker_shape >= 4) { /* task: a box, ticked when done */
			double b = p->cur.body_size * 0.36;
			cx = p->cur.marker_right - b - 0.5;
			cairo_set_line_width(cr, 0.7);
			cairo_rectangle(cr, cx - b, cy - b, 2 * b, 2 * b);
			cairo_stroke(cr);
			if (p->cur.marker_shape == 5) {
				cairo_set_line_width(cr, 1.1);
				cairo_move_to(cr, cx - b * 0.6, cy);
				cairo_line_to(cr, cx - b * 0.1, cy + b * 0.55);
				cairo_line_to(cr, cx + b * 0.65, cy - b * 0.6);
				cairo_stroke(cr);
			}
		} else if (p->cur.marker_shape == 3) {
			cairo_rectangle(cr, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
			cairo_fill(cr);
		} else if (p->cur.marker_shape == 2) {
			cairo_set_line_width(cr, 0.7);
			cairo_arc(cr, cx, cy, r * 0.9, 0, 2 * G_PI);
			cairo_stroke(cr);
		} else {
			cairo_arc(cr, cx, cy, r, 0, 2 * G_PI);
			cairo_fill(cr);
		}
		cairo_restore(cr);
	} else {
		int w;
		pango_layout_get_size(p->cur.marker, &w, NULL);
		double base = (double)pango_layout_get_baseline(p->cur.marker) / PANGO_SCALE;
		cairo_move_to(p->doc->cr, p->cur.marker_right - (double)w / PANGO_SCALE,
		              baseline - base);
		pango_cairo_show_layout(p->doc->cr, p->cur.marker);
	}
	g_object_unref(p->cur.marker);
	p->cur.marker = NULL;
}

void
pdf_emphasis_dots(cairo_t *cr, PangoLayoutLine *line, double x, double base)
{
	GArray *r = g_object_get_data(G_OBJECT(line->layout), "mdpress-dots");
	if (!r)
		return;
	const char *text = pango_layout_get_text(line->layout);
	double em = (double)pango_font_description_get_size(
	                pango_layout_get_font_description(line->layout)) /
	            PANGO_SCALE;
	int ls = line->start_index, le = line->start_index + line->length;
	bool any = false;
	for (guint i = 0; i + 1 < r->len; i += 2) {
		int a = MAX(g_array_index(r, int, i), ls),
		    b = MIN(g_array_index(r, int, i + 1), le);
		for (const char *q = text + a; q < text + b; q = g_utf8_next_char(q)) {
			int x0;
			pango_layout_line_index_to_x(line, (int)(q - text), FALSE, &x0);
			/* centred under the em box, whatever justification added */
			double cx = x + (double)x0 / PANGO_SCALE + em / 2;
			cairo_new_sub_path(cr);
			cairo_arc(cr, cx, base + em * 0.24, em * 0.075, 0, 2 * G_PI);
			any = true;
		}
	}
	if (any)
		cairo_fill(cr);
}

void
pdf_layout_emphasis_dots(cairo_t *cr, PangoLayout *lay, double x, double y)
{
	if (!g_object_get_data(G_OBJECT(lay), "mdpress-dots"))
		return;
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		pdf_emphasis_dots(cr, pango_layout_iter_get_line_readonly(it),
		                  x + (double)log.x / PANGO_SCALE,
		                  y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* A visible mark at the start of a wrapped code line: a small hooked arrow
 * drawn as a path, so that it stays out of the extracted text. */
void
pdf_continuation_mark(cairo_t *cr, double x, double base, double size)
{
	double h = size * 0.45;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x, base - h);
	cairo_line_to(cr, x, base - h * 0.35);
	cairo_line_to(cr, x + h, base - h * 0.35);
	cairo_stroke(cr);
	cairo_move_to(cr, x + h, base - h * 0.35);
	cairo_line_to(cr, x + h * 0.6, base - h * 0.65);
	cairo_line_to(cr, x + h * 0.6, base - h * 0.05);
	cairo_close_path(cr);
	cairo_fill(cr);
	cairo_restore(cr);
}
