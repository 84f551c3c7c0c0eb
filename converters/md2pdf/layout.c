/* layout.c - a block's PangoLayout on the pages: pdf_place_layout() draws
 * it line by line and starts a new page (page.c) whenever the next line
 * does not fit, with orphan and widow control.  Justified lines are
 * stretched by justify.c, links become annotations (dest.c), list markers
 * and emphasis dots are drawn beside and under the lines (marks.c).
 */
#include "pdf.h"

#include <string.h>

struct line_info {
	PangoLayoutLine *line;
	double top, bottom, base; /* relative to the layout top */
};

/* Whether line ends with a hard line break (inline.c writes U+2028). */
static bool
ends_in_break(const char *text, const PangoLayoutLine *line)
{
	int end = line->start_index + line->length;
	return line->length >= 3 && !memcmp(text + end - 3, "\u2028", 3);
}

void
pdf_place_layout(struct pdf *p, PangoLayout *lay, const struct pdf_block_style *st,
                 GArray *links)
{
	static const struct pdf_block_style plain = {0};
	if (!st)
		st = &plain;
	pdf_space(p, st->space_before);
	int n = pango_layout_get_line_count(lay);
	if (n <= 0)
		return;
	const char *text = pango_layout_get_text(lay);
	int width = pango_layout_get_width(lay);
	struct line_info *li = g_new(struct line_info, n);
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	int k = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		li[k].line = pango_layout_iter_get_line(it);
		li[k].top = (double)y0 / PANGO_SCALE;
		li[k].bottom = (double)y1 / PANGO_SCALE;
		li[k].base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		k++;
	} while (k < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	n = k;
	if (st->justify && width > 0) {
		int em =
		    pango_font_description_get_size(pango_layout_get_font_description(lay));
		/* a first-line indent (the style's) narrows the first line */
		int indent = MAX(pango_layout_get_indent(lay), 0);
		/* not the last line, nor one a hard break (U+2028) ends */
		for (int i = 0; i + 1 < n; i++)
			if (!li[i + 1].line->is_paragraph_start &&
			    !ends_in_break(text, li[i].line))
				pdf_justify_line(li[i].line, text,
				                 li[i].line->is_paragraph_start ? width - indent
				                                                : width,
				                 em);
	}

	/* a short lead-in ("存储检查：") goes where the block it introduces
	 * can start below it */
	if (st->keep_next > 0 && n <= 2 && p->cur.page_used &&
	    pdf_room(p) < li[n - 1].bottom - li[0].top + st->keep_next)
		pdf_new_page(p);

	double pad = st->code ? 5.0 : 0.0;
	double font_pt =
	    (double)pango_font_description_get_size(pango_layout_get_font_description(lay)) /
	    PANGO_SCALE;
	int i = 0;
	while (i < n) {
		pdf_settle(p);
		double avail = p->cur.bottom - p->cur.y - 2 * pad;
		int j = i;
		while (j < n && li[j].bottom - li[i].top <= avail + 0.01)
			j++;
		if (st->keep_together && j < n && p->cur.page_used) {
			pdf_new_page(p);
			continue;
		}
		if (j == i) {
			if (p->cur.page_used) {
				pdf_new_page(p);
				continue;
			}
			j = i + 1; /* a line taller than a page: clip it */
		}
		/* orphan: never leave the first line alone at the foot of a page */
		if (i == 0 && j == 1 && n > 1 && p->cur.page_used) {
			pdf_new_page(p);
			continue;
		}
		/* widow: never carry the last line alone to the next page; a
		 * paragraph that would start here with two lines and end there
		 * with one starts on the next page */
		if (j == n - 1 && j - i >= 3)
			j--;
		else if (j == n - 1 && i == 0 && p->cur.page_used) {
			pdf_new_page(p);
			continue;
		}
		double seg_top = p->cur.y, off = li[i].top;
		if (i == 0)
			pdf_anchors_flush(p, seg_top);
		if (st->code) {
			cairo_save(p->doc->cr);
			cairo_set_source_rgb(p->doc->cr, 0.955, 0.955, 0.94);
			cairo_rectangle(p->doc->cr, p->cur.x - pad, seg_top,
			                p->cur.width + 2 * pad,
			                li[j - 1].bottom - off + 2 * pad);
			cairo_fill(p->doc->cr);
			cairo_restore(p->doc->cr);
			seg_top += pad;
		}
		const struct art_rgb *tc = &p->run->style->color.text;
		cairo_set_source_rgb(p->doc->cr, tc->r, tc->g, tc->b);
		for (int l = i; l < j; l++) {
			PangoRectangle log;
			pango_layout_line_get_extents(li[l].line, NULL, &log);
			double base = seg_top + li[l].base - off;
			if (l == 0)
				pdf_draw_marker_at(p, base);
			double lx = p->cur.x;
			if (pango_layout_get_alignment(lay) != PANGO_ALIGN_LEFT && width > 0) {
				double w = (double)log.width / PANGO_SCALE;
				double cw = (double)width / PANGO_SCALE;
				lx += pango_layout_get_alignment(lay) == PANGO_ALIGN_CENTER
				          ? (cw - w) / 2
				          : cw - w;
				lx -= (double)log.x / PANGO_SCALE;
			} else if (li[l].line->is_paragraph_start &&
			           pango_layout_get_indent(lay) > 0) {
				lx += (double)pango_layout_get_indent(lay) / PANGO_SCALE;
			}
			cairo_move_to(p->doc->cr, lx, base);
			pango_cairo_show_layout_line(p->doc->cr, li[l].line);
			pdf_emphasis_dots(p->doc->cr, li[l].line, lx, base);
			if (st->code && !li[l].line->is_paragraph_start)
				pdf_continuation_mark(p->doc->cr, p->cur.x - pad + 0.8, base,
				                      font_pt);
			if (links && links->len)
				pdf_line_links(p, li[l].line, links, p->cur.x,
				               seg_top + li[l].top - off,
				               li[l].bottom - li[l].top);
		}
		p->cur.y = seg_top + li[j - 1].bottom - off + pad;
		p->cur.page_used = true;
		i = j;
		if (i < n)
			pdf_new_page(p);
	}
	g_free(li);
	pdf_space(p, st->space_after);
}
