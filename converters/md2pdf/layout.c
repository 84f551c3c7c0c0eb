/* layout.c - the page engine: a cursor over pages of a cairo PDF surface.
 *
 * Blocks arrive as PangoLayouts; pdf_place_layout() draws them line by line
 * and starts a new page whenever the next line does not fit, with orphan
 * and widow control.  Open block quotes draw their left rule per page
 * segment; page numbers go in the footer as each page is finished.
 */
#include "pdf.h"

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

int
pdf_open(struct pdf *p, const struct pdf_opts *o, FILE *fp)
{
	p->o = *o;
	p->out = fp;
	p->buf = g_byte_array_new();
	p->surface =
	    cairo_pdf_surface_create_for_stream(write_mem, p->buf, o->page_w, o->page_h);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		return 0;
	p->cr = cairo_create(p->surface);
	/* Lay out with the font options cairo will draw with (the PDF
	 * surface's, merged with ours): otherwise every glyph shown goes
	 * through a second cairo scaled font with its own glyph cache, and
	 * FreeType loads each glyph of the 16 MB CJK CFF twice. */
	pango_cairo_update_context(p->cr, p->ctx);
	p->left = o->margin[3];
	p->right = o->page_w - o->margin[1];
	p->top = o->margin[0];
	p->bottom = o->page_h - o->margin[2];
	p->x = p->left;
	p->width = p->right - p->left;
	p->y = p->top;
	p->page = 1;
	p->page_used = false;
	p->in_front = false;
	p->pending_space = 0;
	p->nquote = 0;
	p->quote_depth = p->quote_flat_from = 0;
	p->over_pages = false;
	p->dest_seq = 0;
	p->dests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	p->dest_refs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	p->images = g_ptr_array_new_with_free_func((GDestroyNotify)cairo_surface_destroy);
	return 1;
}

static void
draw_quote_rules(struct pdf *p, double y_end)
{
	cairo_t *cr = p->cr;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(cr, 2.0);
	for (int i = 0; i < p->nquote; i++) {
		if (y_end <= p->quote_y0[i])
			continue;
		cairo_move_to(cr, p->quote_x[i], p->quote_y0[i]);
		cairo_line_to(cr, p->quote_x[i], y_end);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* A header or footer line with its fields filled in. */
static char *
expand_fields(const struct pdf *p, const char *tmpl)
{
	GString *g = g_string_new(NULL);
	for (const char *s = tmpl; *s; s++) {
		static const char *const names[] = {"{title}", "{article}", "{page}", "{date}",
		                                    "{pages}"};
		size_t i = 0;
		while (i < G_N_ELEMENTS(names) && strncmp(s, names[i], strlen(names[i])))
			i++;
		switch (i) {
		case 0:
			g_string_append(g, p->run.title ? p->run.title : "");
			break;
		case 1:
			g_string_append(g, p->run.article ? p->run.article : "");
			break;
		case 2:
			g_string_append_printf(g, "%d", pdf_body_page(p));
			break;
		case 3:
			g_string_append(g, p->run.date ? p->run.date : "");
			break;
		case 4:
			g_string_append_printf(g, "%d", p->run.pages);
			break;
		default:
			g_string_append_c(g, *s);
			continue;
		}
		s += strlen(names[i]) - 1;
	}
	return g_string_free(g, FALSE);
}

/* One running line centred vertically on y: "|" splits it into a left,
 * centre and right part. */
static void
draw_running(struct pdf *p, const char *tmpl, double y)
{
	if (!tmpl || !*tmpl)
		return;
	char *text = expand_fields(p, tmpl);
	char **part = g_strsplit(text, "|", 3);
	int n = (int)g_strv_length(part);
	const struct art_rgb *c = &p->style->color.header;
	PangoLayout *lays[3] = {NULL, NULL, NULL};
	double nat[3] = {0, 0, 0}, total = 0, gap = p->size.footer * 2;
	for (int i = 0; i < n; i++) {
		char *t = g_strstrip(part[i]);
		if (!*t)
			continue;
		lays[i] = pdf_layout_new(p, PDF_SERIF, p->size.footer, false, 0);
		pango_layout_set_text(lays[i], t, -1);
		int w;
		pango_layout_get_size(lays[i], &w, NULL);
		nat[i] = (double)w / PANGO_SCALE;
		total += nat[i];
	}
	for (int i = 0; i < n; i++) {
		PangoLayout *lay = lays[i];
		if (!lay)
			continue;
		/* one part alone is centred; two are left and right */
		int where = n == 1 ? 1 : n == 2 ? 2 * i : i;
		/* a part too long for the room the others leave ends in "..." */
		double room = p->right - p->left - (total - nat[i]) - gap * (n - 1);
		if (nat[i] > room) {
			pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
			pango_layout_set_width(
			    lay, (int)(MAX(room, (p->right - p->left) / 3) * PANGO_SCALE));
		}
		int w, h;
		pango_layout_get_size(lay, &w, &h);
		double lw = (double)w / PANGO_SCALE;
		double x = where == 0   ? p->left
		           : where == 1 ? (p->left + p->right - lw) / 2
		                        : p->right - lw;
		cairo_save(p->cr);
		cairo_set_source_rgb(p->cr, c->r, c->g, c->b);
		cairo_move_to(p->cr, x, y - (double)h / PANGO_SCALE / 2);
		pango_cairo_show_layout(p->cr, lay);
		cairo_restore(p->cr);
		g_object_unref(lay);
	}
	g_strfreev(part);
	g_free(text);
}

/* The running header and footer of a finished body page. */
static void
draw_footer(struct pdf *p)
{
	if (!p->page_used || p->in_front)
		return;
	const struct art_style *st = p->style;
	draw_running(p, p->run.book ? st->book_header : st->header, p->top / 2);
	draw_running(p, p->run.book ? st->book_footer : st->footer,
	             (p->bottom + p->o.page_h) / 2);
}

void
pdf_new_page(struct pdf *p)
{
	/* Past --max-pages the run has failed: keep drawing over the last
	 * page (cheap, and never written) until the walk stops. */
	if (p->o.max_pages > 0 && p->page >= p->o.max_pages) {
		if (!p->over_pages)
			art_diag(ART_E_PAGES, p->art ? p->art->display_name : NULL,
			         (struct art_pos){0, 0}, p->o.max_pages);
		p->over_pages = true;
		p->y = p->top;
		p->pending_space = 0;
		return;
	}
	draw_quote_rules(p, p->y);
	draw_footer(p);
	cairo_show_page(p->cr);
	/* cairo has written the page and the images it shows: their pixels
	 * need not stay in memory until the end of a long book */
	g_ptr_array_set_size(p->images, 0);
	p->page++;
	pdf_front_label_page(p);
	p->page_used = false;
	p->y = p->top;
	p->pending_space = 0;
	for (int i = 0; i < p->nquote; i++)
		p->quote_y0[i] = p->top;
}

int
pdf_close(struct pdf *p)
{
	int ok = 1;
	if (p->cr) {
		GHashTableIter hi;
		gpointer name;
		pdf_anchors_flush(p, p->y);
		g_hash_table_iter_init(&hi, p->dest_refs);
		while (g_hash_table_iter_next(&hi, &name, NULL))
			pdf_dest_define(p, name, p->left, p->top);
		draw_quote_rules(p, p->y);
		p->page_used = true; /* an empty article still gets its number */
		draw_footer(p);
		cairo_show_page(p->cr);
		if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS || p->over_pages)
			ok = 0;
		cairo_destroy(p->cr);
		p->cr = NULL;
	}
	if (p->surface) {
		cairo_surface_finish(p->surface);
		if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
			art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0},
			         cairo_status_to_string(cairo_surface_status(p->surface)));
			ok = 0;
		}
		cairo_surface_destroy(p->surface);
		p->surface = NULL;
	}
	if (p->buf) {
		if (ok && p->front && p->front->npages > 0 &&
		    !pdf_front_move_first(p->buf, p->front->npages)) {
			art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0},
			         "cannot move the front pages before the body");
			ok = 0;
		}
		if (ok) {
			fix_xref(p->buf);
			if (fwrite(p->buf->data, 1, p->buf->len, p->out) != p->buf->len)
				ok = 0;
		}
		g_byte_array_free(p->buf, TRUE);
		p->buf = NULL;
	}
	/* Image surfaces live until the document is finished: destroying one
	 * earlier makes cairo copy its pixels for the pending snapshot. */
	if (p->images)
		g_ptr_array_free(p->images, TRUE);
	p->images = NULL;
	if (p->dest_refs)
		g_hash_table_destroy(p->dest_refs);
	p->dest_refs = NULL;
	if (p->marker)
		g_object_unref(p->marker);
	p->marker = NULL;
	if (p->dests)
		g_hash_table_destroy(p->dests);
	p->dests = NULL;
	pdf_anchors_free(p);
	return ok;
}

void
pdf_space(struct pdf *p, double pt)
{
	if (pt > p->pending_space)
		p->pending_space = pt;
}

double
pdf_room(const struct pdf *p)
{
	double y = p->y + (p->page_used ? p->pending_space : 0);
	return p->bottom - y;
}

/* Apply the pending space unless at the top of a page. */
static void
settle(struct pdf *p)
{
	if (p->page_used)
		p->y += p->pending_space;
	p->pending_space = 0;
}

void
pdf_need(struct pdf *p, double h)
{
	if (p->page_used && pdf_room(p) < h)
		pdf_new_page(p);
	pdf_anchors_flush(p, p->y + (p->page_used ? p->pending_space : 0));
}

/* Quotes past PDF_MAX_QUOTE levels, or once the column is down to a third
 * of the page (the model allows --max-nesting levels), are neither
 * indented nor ruled, so the column never runs out of width. */
void
pdf_quote_begin(struct pdf *p)
{
	settle(p);
	p->quote_depth++;
	if (p->quote_flat_from == 0 &&
	    (p->quote_depth > PDF_MAX_QUOTE || p->width - 14 < (p->right - p->left) / 3))
		p->quote_flat_from = p->quote_depth;
	if (p->quote_flat_from)
		return;
	p->quote_x[p->nquote] = p->x + 1;
	p->quote_y0[p->nquote] = p->y;
	p->nquote++;
	p->x += 14;
	p->width -= 14;
}

void
pdf_quote_end(struct pdf *p)
{
	if (p->quote_flat_from) {
		if (p->quote_depth-- == p->quote_flat_from)
			p->quote_flat_from = 0;
		return;
	}
	p->quote_depth--;
	p->x -= 14;
	p->width += 14;
	int i = p->nquote - 1;
	if (p->y > p->quote_y0[i]) {
		cairo_save(p->cr);
		cairo_set_source_rgb(p->cr, 0.75, 0.75, 0.75);
		cairo_set_line_width(p->cr, 2.0);
		cairo_move_to(p->cr, p->quote_x[i], p->quote_y0[i]);
		cairo_line_to(p->cr, p->quote_x[i], p->y);
		cairo_stroke(p->cr);
		cairo_restore(p->cr);
	}
	p->nquote--;
}

void
pdf_draw_marker_at(struct pdf *p, double baseline)
{
	if (!p->marker)
		return;
	if (p->marker_shape) {
		/* Bullets as shapes: U+2022 in the CJK faces is a small dot
		 * in a full-width box, and a glyph would end up in the text. */
		double r = p->body_size * 0.17;
		double cx = p->marker_right - r - 0.5, cy = baseline - p->body_size * 0.36;
		cairo_t *cr = p->cr;
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_new_path(cr);
		if (p->marker_shape >= 4) { /* task: a box, ticked when done */
			double b = p->body_size * 0.36;
			cx = p->marker_right - b - 0.5;
			cairo_set_line_width(cr, 0.7);
			cairo_rectangle(cr, cx - b, cy - b, 2 * b, 2 * b);
			cairo_stroke(cr);
			if (p->marker_shape == 5) {
				cairo_set_line_width(cr, 1.1);
				cairo_move_to(cr, cx - b * 0.6, cy);
				cairo_line_to(cr, cx - b * 0.1, cy + b * 0.55);
				cairo_line_to(cr, cx + b * 0.65, cy - b * 0.6);
				cairo_stroke(cr);
			}
		} else if (p->marker_shape == 3) {
			cairo_rectangle(cr, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
			cairo_fill(cr);
		} else if (p->marker_shape == 2) {
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
		pango_layout_get_size(p->marker, &w, NULL);
		double base = (double)pango_layout_get_baseline(p->marker) / PANGO_SCALE;
		cairo_move_to(p->cr, p->marker_right - (double)w / PANGO_SCALE,
		              baseline - base);
		pango_cairo_show_layout(p->cr, p->marker);
	}
	g_object_unref(p->marker);
	p->marker = NULL;
}

void
pdf_rule(struct pdf *p, double weight, double gray)
{
	settle(p);
	if (p->y + weight > p->bottom)
		pdf_new_page(p);
	pdf_anchors_flush(p, p->y);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, gray, gray, gray);
	cairo_rectangle(p->cr, p->x, p->y, p->width, weight);
	cairo_fill(p->cr);
	cairo_restore(p->cr);
	p->y += weight;
	p->page_used = true;
}

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
	return pdf_dest_name_for(p->dest_prefix, id);
}

void
pdf_dest_define(struct pdf *p, const char *full, double x, double y)
{
	if (g_hash_table_contains(p->dests, full))
		return;
	char *q = pdf_attr_quote(full);
	char *attr = g_strdup_printf("name=%s x=%.2f y=%.2f", q, x, y);
	cairo_tag_begin(p->cr, CAIRO_TAG_DEST, attr);
	cairo_tag_end(p->cr, CAIRO_TAG_DEST);
	g_free(attr);
	g_free(q);
	g_hash_table_add(p->dests, g_strdup(full));
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
static void
continuation_mark(cairo_t *cr, double x, double base, double size)
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

static void
emit_links(struct pdf *p, PangoLayoutLine *line, GArray *links, double x0, double top, double h)
{
	int ls = line->start_index, le = line->start_index + line->length;
	for (guint i = 0; i < links->len; i++) {
		struct pdf_link *l = &g_array_index(links, struct pdf_link, i);
		if (l->end <= ls || l->start >= le)
			continue;
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
			 * name: remember it, pdf_close() defines what is missing */
			if (full && !g_hash_table_contains(p->dest_refs, full))
				g_hash_table_add(p->dest_refs, g_strdup(full));
			g_free(full);
			cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attr->str);
			cairo_tag_end(p->cr, CAIRO_TAG_LINK);
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
			emit_links(p, pango_layout_iter_get_line_readonly(it), links, x,
			           y + top, bottom - top);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

struct line_info {
	PangoLayoutLine *line;
	double top, bottom, base; /* relative to the layout top */
};

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
		for (int i = 0; i + 1 < n; i++)
			if (!li[i + 1].line->is_paragraph_start)
				pdf_justify_line(li[i].line, text,
				                 li[i].line->is_paragraph_start ? width - indent
				                                                : width,
				                 em);
	}

	/* a short lead-in ("存储检查：") goes where the block it introduces
	 * can start below it */
	if (st->keep_next > 0 && n <= 2 && p->page_used &&
	    pdf_room(p) < li[n - 1].bottom - li[0].top + st->keep_next)
		pdf_new_page(p);

	double pad = st->code ? 5.0 : 0.0;
	double font_pt =
	    (double)pango_font_description_get_size(pango_layout_get_font_description(lay)) /
	    PANGO_SCALE;
	int i = 0;
	while (i < n) {
		settle(p);
		double avail = p->bottom - p->y - 2 * pad;
		int j = i;
		while (j < n && li[j].bottom - li[i].top <= avail + 0.01)
			j++;
		if (st->keep_together && j < n && p->page_used) {
			pdf_new_page(p);
			continue;
		}
		if (j == i) {
			if (p->page_used) {
				pdf_new_page(p);
				continue;
			}
			j = i + 1; /* a line taller than a page: clip it */
		}
		/* orphan: never leave the first line alone at the foot of a page */
		if (i == 0 && j == 1 && n > 1 && p->page_used) {
			pdf_new_page(p);
			continue;
		}
		/* widow: never carry the last line alone to the next page */
		if (j == n - 1 && j - i >= 3)
			j--;
		double seg_top = p->y, off = li[i].top;
		if (i == 0)
			pdf_anchors_flush(p, seg_top);
		if (st->code) {
			cairo_save(p->cr);
			cairo_set_source_rgb(p->cr, 0.955, 0.955, 0.94);
			cairo_rectangle(p->cr, p->x - pad, seg_top, p->width + 2 * pad,
			                li[j - 1].bottom - off + 2 * pad);
			cairo_fill(p->cr);
			cairo_restore(p->cr);
			seg_top += pad;
		}
		const struct art_rgb *tc = &p->style->color.text;
		cairo_set_source_rgb(p->cr, tc->r, tc->g, tc->b);
		for (int l = i; l < j; l++) {
			PangoRectangle log;
			pango_layout_line_get_extents(li[l].line, NULL, &log);
			double base = seg_top + li[l].base - off;
			if (l == 0)
				pdf_draw_marker_at(p, base);
			double lx = p->x;
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
			cairo_move_to(p->cr, lx, base);
			pango_cairo_show_layout_line(p->cr, li[l].line);
			pdf_emphasis_dots(p->cr, li[l].line, lx, base);
			if (st->code && !li[l].line->is_paragraph_start)
				continuation_mark(p->cr, p->x - pad + 0.8, base, font_pt);
			if (links && links->len)
				emit_links(p, li[l].line, links, p->x,
				           seg_top + li[l].top - off, li[l].bottom - li[l].top);
		}
		p->y = seg_top + li[j - 1].bottom - off + pad;
		p->page_used = true;
		i = j;
		if (i < n)
			pdf_new_page(p);
	}
	g_free(li);
	pdf_space(p, st->space_after);
}
