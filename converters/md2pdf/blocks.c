/* blocks.c - one function per block type: build a layout, hand it to the
 * page engine.  Also the title block (front matter) and the end notes.
 */
#include "pdf.h"

#include <string.h>

static void render_block(struct pdf *p, const struct art_node *n, struct pdf_table **measured);

static double
para_gap(const struct pdf *p)
{
	return p->cur.tight ? 2.0 : p->cur.body_size * p->run->style->paragraph_spacing;
}

void
pdf_outline_add(struct pdf *p, int level, const char *text, const char *dest)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	int parent = p->doc->article_outline;
	for (int l = level - 1; l >= 1; l--)
		if (p->doc->outline[l]) {
			parent = p->doc->outline[l];
			break;
		}
	char *full = pdf_dest_name(p, dest);
	char *q = pdf_attr_quote(full);
	g_free(full);
	char *attr = g_strdup_printf("dest=%s", q);
	char *t = g_strdup(text && *text ? text : "\u2014");
	g_strstrip(t);
	p->doc->outline[level] =
	    cairo_pdf_surface_add_outline(p->doc->surface, parent, t, attr, 0);
	for (int l = level + 1; l <= 6; l++)
		p->doc->outline[l] = 0;
	g_free(t);
	g_free(attr);
	g_free(q);
}

static double block_lead(struct pdf *p, const struct art_node *n);

/* A paragraph of inline content in role f, with images met inline drawn
 * after it as blocks. */
static void
render_inline_block(struct pdf *p, const struct art_node *first, enum pdf_font f, double pt,
                    bool bold, bool justify, PangoAlignment align, double space_after)
{
	struct pdf_inline in;
	pdf_inline_init(&in);
	pdf_inline_render(p, &in, first);
	char *probe = g_strstrip(g_strdup(in.text->str));
	bool has_text = *probe != 0;
	g_free(probe);
	if (has_text) {
		PangoLayout *lay = pdf_layout_new(p, f, pt, bold, p->cur.width);
		pango_layout_set_alignment(lay, align);
		if (p->cur.indent_next)
			pango_layout_set_indent(lay, (int)(p->run->style->first_line_indent *
			                                   p->cur.body_size * PANGO_SCALE));
		p->cur.indent_next = false;
		pdf_inline_apply(p, &in, lay);
		/* text before a picture of its own paragraph ("**Figure 7**
		 * Setting the layout" and the screenshot on the next line)
		 * stays on the picture's page */
		double keep = p->cur.keep_next;
		if (in.images->len)
			keep = MAX(keep, space_after + block_lead(p, in.images->pdata[0]));
		struct pdf_block_style st = {.justify = justify && align == PANGO_ALIGN_LEFT,
		                             .space_after = space_after,
		                             .keep_next = keep};
		p->cur.keep_next = 0;
		pdf_place_chunked(p, lay, &st, in.links);
		g_object_unref(lay);
	}
	for (guint i = 0; i < in.images->len; i++) {
		const struct art_node *img = in.images->pdata[i];
		char *alt = art_node_plain_text(img);
		pdf_render_image(p, img->u.image.res, img->u.image.url, alt, 0, img->pos);
		g_free(alt);
		pdf_space(p, space_after);
	}
	pdf_inline_clear(&in);
}

/* Whether text is the title of the figure or table after it: "Figure 7
 * Setting the keyboard layout", "Table 3 ...", "图 2 ...", "表1 ...". */
static bool
captions(const char *t)
{
	static const char *const words[] = {"Figure", "Fig.", "Table", "图", "表"};
	for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
		if (!g_str_has_prefix(t, words[i]))
			continue;
		const char *r = t + strlen(words[i]);
		while (*r == ' ')
			r++;
		if (g_ascii_isdigit(*r))
			return true;
	}
	return false;
}

/* Whether text announces what follows: it ends with a colon, or says "as
 * follows" ("若回显为如下，则服务启动成功。" before its screenshot,
 * "命令如下。" before its code).  Only a paragraph of one or two lines is
 * kept with the block after it (layout.c). */
static bool
announces(const char *t)
{
	return g_str_has_suffix(t, "\uff1a") || g_str_has_suffix(t, ":") || strstr(t, "如下") ||
	       strstr(t, "as follows") || strstr(t, "as shown below");
}

/* A paragraph that introduces the block after it ("存储检查：" before its
 * code, a list item's text before its sub-items): it stays on that
 * block's page. */
static bool
lead_in(const struct art_node *n)
{
	if (!n->next || !art_node_is_block(n->next))
		return false;
	if (n->parent && n->parent->type == ART_ITEM && n->next->type == ART_LIST)
		return true;
	/* a short paragraph before a table introduces it ("The API is used to
	 * describe the container status." then its fields) */
	if (n->next->type == ART_TABLE)
		return true;
	/* a paragraph of bold text only is a heading by another name ("**PXE**") */
	if (n->type == ART_PARAGRAPH && art_sole_child(n, ART_STRONG))
		return true;
	char *t = g_strstrip(art_node_plain_text(n));
	bool yes = announces(t) || captions(t);
	g_free(t);
	return yes;
}

/* The height the first lines of block n take: three lines of text, two
 * of code, a table's header and two rows, or an image as
 * pdf_render_image() scales it. */
static double
block_lead(struct pdf *p, const struct art_node *n)
{
	const struct art_node *img = n->type == ART_IMAGE ? n : NULL;
	if (n->type == ART_FIGURE)
		for (const struct art_node *c = n->first_child; c && !img; c = c->next)
			if (c->type == ART_IMAGE)
				img = c;
	if (img) {
		const struct art_resource *r = img->u.image.res;
		if (!r || r->status != ART_RES_OK || r->width <= 0 || r->height <= 0)
			return 70;                                /* a placeholder's frame */
		double w = r->width * 0.75, h = r->height * 0.75; /* 96 dpi */
		if (w > p->cur.width) {
			h *= p->cur.width / w;
			w = p->cur.width;
		}
		/* what must fit: pdf_image_fit() may set it that much smaller */
		return MIN(h, (p->cur.bottom - p->cur.top) * 0.6) * PDF_IMAGE_SHRINK;
	}
	if (n->type == ART_CODE_BLOCK)
		return 2 * pdf_pt(p, p->run->size.code) * 1.5 + 12;
	if (n->type == ART_TABLE) /* its header and two rows (table.c keeps them) */
		return 3 * (pdf_pt(p, p->run->size.table) * 1.5 + 6) + p->cur.body_size * 0.5;
	/* three lines: a three-line paragraph is not split two and one */
	return 3 * p->cur.body_size * 1.5;
}

/* What a heading needs below it on its page: the first lines of the block
 * after it, and, when that block is itself kept with the next (a heading,
 * a lead-in paragraph), those of the next one too, up to depth blocks and
 * at most 60% of the page.  A heading left alone at the foot of a page,
 * its text on the next, is what this prevents. */
static double
follow_lead(struct pdf *p, const struct art_node *n, int depth)
{
	if (!n || !art_node_is_block(n))
		return 2 * p->cur.body_size * 1.5;
	double h = block_lead(p, n);
	if (depth > 1 && n->type == ART_HEADING) {
		double pt = pdf_pt(p, p->run->size.heading[CLAMP(n->u.heading.level, 1, 6)]);
		h = pt * 2.5 + follow_lead(p, n->next, depth - 1);
	} else if (depth > 1 && n->type == ART_PARAGRAPH && lead_in(n)) {
		h = 2 * p->cur.body_size * 1.5 + para_gap(p) +
		    follow_lead(p, n->next, depth - 1);
	}
	return MIN(h, (p->cur.bottom - p->cur.top) * 0.6);
}

static void
render_paragraph(struct pdf *p, const struct art_node *n)
{
	/* a first-line indent is for running text, not list items or cells */
	p->cur.indent_next =
	    n->parent && (n->parent->type == ART_DOCUMENT || n->parent->type == ART_BLOCKQUOTE);
	render_inline_block(p, n->first_child, PDF_SERIF, 0, false, true, PANGO_ALIGN_LEFT,
	                    para_gap(p));
}

/* "1.2 " for a heading when the style numbers them (levels 2-4; level 1
 * is the article's title), else NULL. */
static char *
heading_number(struct pdf *p, int level)
{
	if (!p->run->style->heading_numbers || level < 2 || level > 4)
		return NULL;
	p->doc->heading_no[level]++;
	for (int i = level + 1; i < 7; i++)
		p->doc->heading_no[i] = 0;
	GString *g = g_string_new(NULL);
	for (int i = 2; i <= level; i++)
		g_string_append_printf(g, "%s%d", i > 2 ? "." : "",
		                       MAX(p->doc->heading_no[i], 1));
	g_string_append_c(g, ' ');
	return g_string_free(g, FALSE);
}

/* A heading; table_lead > 0: what the table after it needs on its first
 * page (measured, pdf_table_lead()). */
static void
render_heading(struct pdf *p, const struct art_node *n, double table_lead)
{
	int level = CLAMP(n->u.heading.level, 1, 6);
	double pt = pdf_pt(p, p->run->size.heading[level]);
	struct pdf_inline in;
	pdf_inline_init(&in);
	pdf_inline_render(p, &in, n->first_child);
	char *number = heading_number(p, level);
	if (number)
		pdf_inline_prefix(&in, number);
	/* under the links' colour: inserted before it */
	pango_attr_list_insert_before(in.attrs, pdf_color_attr(&p->run->style->color.heading));
	PangoLayout *lay = pdf_layout_new(p, PDF_SANS, pt, true, p->cur.width);
	pdf_inline_apply(p, &in, lay);
	int h;
	pango_layout_get_size(lay, NULL, &h);
	/* keep with next: the heading and the first lines of what follows */
	pdf_space(p, level <= 2 ? pt * 1.1 : pt * 0.9);
	pdf_need(p, (double)h / PANGO_SCALE + 4 +
	                MAX(p->cur.body_size * 3.2,
	                    table_lead > 0 ? table_lead : follow_lead(p, n->next, 3)));
	pdf_settle(p);
	char *dest = n->u.heading.id && *n->u.heading.id
	                 ? g_strdup(n->u.heading.id)
	                 : g_strdup_printf("h-%d", ++p->doc->dest_seq);
	pdf_dest(p, dest, p->cur.x, p->cur.y);
	char *plain = art_node_plain_text(n);
	char *text = number ? g_strconcat(number, plain, NULL) : g_strdup(plain);
	pdf_outline_add(p, level, text, dest);
	g_free(text);
	g_free(plain);
	g_free(number);
	g_free(dest);
	struct pdf_block_style st = {.keep_together = true, .space_after = 4};
	pdf_place_layout(p, lay, &st, in.links);
	g_object_unref(lay);
	pdf_inline_clear(&in);
}

#define CODE_SHRINK 1.15 /* 15 % smaller at most: 9 pt code down to 7.8 pt */

static void
render_code(struct pdf *p, const struct art_node *n)
{
	const char *src = n->literal ? n->literal : "";
	size_t len = strlen(src);
	while (len > 0 && src[len - 1] == '\n')
		len--;
	/* spaces at a line's end show nothing, but would wrap a full line */
	char *valid = g_utf8_make_valid(src, (gssize)len);
	GString *t = g_string_sized_new(len);
	for (const char *q = valid; *q;) {
		const char *e = strchr(q, '\n');
		size_t n_line = e ? (size_t)(e - q) : strlen(q);
		size_t keep = n_line;
		while (keep > 0 && (q[keep - 1] == ' ' || q[keep - 1] == '\t'))
			keep--;
		g_string_append_len(t, q, (gssize)keep);
		if (!e)
			break;
		g_string_append_c(t, '\n');
		q = e + 1;
	}
	g_free(valid);
	char *text = g_string_free(t, FALSE);
	double pt = pdf_pt(p, p->run->size.code);
	PangoLayout *lay = pdf_layout_new(p, PDF_MONO, pt, false, 0);
	pango_layout_set_text(lay, text, -1);
	PangoAttrList *al = pango_attr_list_new();
	PangoAttribute *a = pango_attr_language_new(p->doc->lang);
	pango_attr_list_insert(al, a);
	pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(lay, al);
	pango_attr_list_unref(al);
	/* a block a little too wide (by up to CODE_SHRINK) is set that much
	 * smaller, its columns kept; a wider one wraps, each wrap marked */
	int w;
	pango_layout_get_size(lay, &w, NULL);
	double nat = (double)w / PANGO_SCALE;
	if (nat > p->cur.width && nat <= p->cur.width * CODE_SHRINK) {
		PangoFontDescription *fd =
		    pango_font_description_copy(pango_layout_get_font_description(lay));
		pango_font_description_set_size(
		    fd, (int)(pt * p->cur.width / nat * PANGO_SCALE * 0.995));
		pango_layout_set_font_description(lay, fd);
		pango_font_description_free(fd);
	} else if (nat > p->cur.width) {
		pango_layout_set_width(lay, (int)(p->cur.width * PANGO_SCALE));
		pango_layout_set_wrap(lay, PANGO_WRAP_CHAR);
	}
	struct pdf_block_style st = {
	    .code = true, .space_before = 2, .space_after = para_gap(p) + 3};
	pdf_place_layout(p, lay, &st, NULL);
	g_object_unref(lay);
	g_free(text);
}

static void
render_quote(struct pdf *p, const struct art_node *n)
{
	pdf_space(p, 2);
	pdf_quote_begin(p);
	pdf_render_blocks(p, n->first_child);
	p->cur.pending_space = 0;
	pdf_quote_end(p);
	pdf_space(p, para_gap(p));
}

static char *
marker_text(const struct art_node *list, const struct art_node *item, int number, int depth)
{
	static const char *const bullets[] = {"\u2022", "\u25e6", "\u25aa"};
	if (item->u.item.task >= 0)
		return g_strdup(item->u.item.task ? "\u2611" : "\u2610");
	if (list->u.list.ordered)
		return g_strdup_printf("%d%c", number,
		                       list->u.list.delim ? list->u.list.delim : '.');
	return g_strdup(bullets[depth % 3]);
}

static int
list_depth(const struct art_node *n)
{
	int d = 0;
	for (const struct art_node *a = n->parent; a; a = a->parent)
		if (a->type == ART_LIST)
			d++;
	return d;
}

static void
render_list(struct pdf *p, const struct art_node *n)
{
	int number = n->u.list.start;
	int depth = list_depth(n);
	bool was_tight = p->cur.tight;
	p->cur.tight = n->u.list.tight;
	double indent = n->u.list.ordered ? p->cur.body_size * 2.0 : p->cur.body_size * 1.5;
	/* wide numbers (100.) need a wider hanging indent */
	int last = n->u.list.start;
	for (const struct art_node *c = n->first_child; c; c = c->next)
		last++;
	if (n->u.list.ordered) {
		int digits = 1;
		for (int v = ABS(last); v >= 10; v /= 10)
			digits++;
		if (digits > 2)
			indent += p->cur.body_size * 0.55 * (digits - 2);
	}
	/* deep nesting (the model allows --max-nesting levels): past a third
	 * of the column, items stop moving right */
	if (p->cur.width - indent < (p->cur.right - p->cur.left) / 3)
		indent = 0;
	for (const struct art_node *it = n->first_child; it; it = it->next, number++) {
		char *m = marker_text(n, it, number, depth);
		if (p->cur.marker)
			g_object_unref(p->cur.marker);
		p->cur.marker = pdf_layout_new(p, PDF_SERIF, 0, false, 0);
		bool bullet = !n->u.list.ordered && it->u.item.task < 0;
		bool task = it->u.item.task >= 0;
		pango_layout_set_text(p->cur.marker, bullet || task ? "" : m, -1);
		p->cur.marker_shape = task     ? 4 + (it->u.item.task > 0)
		                      : bullet ? depth % 3 + 1
		                               : 0;
		g_free(m);
		p->cur.marker_right = p->cur.x + indent - p->cur.body_size * 0.45;
		p->cur.x += indent;
		p->cur.width -= indent;
		pdf_anchors_at(p, it);
		pdf_render_blocks(p, it->first_child);
		if (p->cur.marker) { /* empty item: the marker alone on its line */
			PangoLayout *lay = pdf_layout_new(p, PDF_SERIF, 0, false, p->cur.width);
			pango_layout_set_text(lay, "\u200b", -1);
			pdf_place_layout(p, lay, NULL, NULL);
			g_object_unref(lay);
		}
		p->cur.x -= indent;
		p->cur.width += indent;
		pdf_space(p, para_gap(p));
	}
	p->cur.tight = was_tight;
	pdf_space(p, para_gap(p));
}

static void
render_figure(struct pdf *p, const struct art_node *n)
{
	const struct art_node *img = NULL, *cap = NULL;
	for (const struct art_node *c = n->first_child; c; c = c->next) {
		if (c->type == ART_IMAGE && !img)
			img = c;
		else if (c->type == ART_CAPTION)
			cap = c;
	}
	PangoLayout *cl = NULL;
	struct pdf_inline in;
	pdf_inline_init(&in);
	double cap_h = 0;
	if (cap) {
		pdf_inline_render(p, &in, cap->first_child);
		cl = pdf_layout_new(p, PDF_SERIF, pdf_pt(p, p->run->size.caption), false,
		                    p->cur.width);
		pango_layout_set_alignment(cl, PANGO_ALIGN_CENTER);
		pdf_inline_apply(p, &in, cl);
		int h;
		pango_layout_get_size(cl, NULL, &h);
		cap_h = (double)h / PANGO_SCALE + 6;
	}
	pdf_space(p, para_gap(p));
	if (img) {
		char *alt = art_node_plain_text(img);
		pdf_render_image(p, img->u.image.res, img->u.image.url, alt, cap_h, img->pos);
		g_free(alt);
	}
	if (cl) {
		PangoAttrList *al = pango_layout_get_attributes(cl);
		PangoAttribute *gray = pango_attr_foreground_new(0x5555, 0x5555, 0x5555);
		pango_attr_list_insert_before(al, gray);
		pango_layout_context_changed(cl);
		struct pdf_block_style st = {.space_before = 6};
		pdf_place_layout(p, cl, &st, in.links);
		g_object_unref(cl);
	}
	pdf_inline_clear(&in);
	pdf_space(p, para_gap(p) + 4);
}

/* When block n is a table, or a paragraph introducing one: what they need
 * on the page they start (the table's first rows, pdf_table_lead(), and
 * two lines of the paragraph), the table measured into *measured (and
 * drawn from it); -1 otherwise. */
static double
table_lead(struct pdf *p, const struct art_node *n, struct pdf_table **measured)
{
	const struct art_node *t = n;
	bool intro = false;
	if (t && t->type == ART_PARAGRAPH && t->next && t->next->type == ART_TABLE &&
	    lead_in(t)) {
		intro = true;
		t = t->next;
	}
	if (!t || t->type != ART_TABLE)
		return -1;
	if (!*measured || pdf_table_node(*measured) != t) {
		pdf_table_free(*measured);
		*measured = pdf_table_new(p, t);
	}
	return pdf_table_lead(p, *measured) +
	       (intro ? 2 * p->cur.body_size * 1.5 + para_gap(p) : 0);
}

/* *measured: a table that a block before it measured (to stay with its
 * first rows), for the next block, that table, to draw. */
static void
render_block(struct pdf *p, const struct art_node *n, struct pdf_table **measured)
{
	pdf_anchors_at(p, n);
	switch (n->type) {
	case ART_PARAGRAPH:
		p->cur.keep_next = 0;
		if (lead_in(n)) {
			/* the block it introduces; a table (its title, "Table 5
			 * ...", or a sentence about it), directly or through
			 * another lead-in ("**MountPropagation**", a sentence,
			 * the table): the rows the table keeps together */
			double lead = table_lead(p, n->next, measured);
			p->cur.keep_next =
			    para_gap(p) + (lead >= 0 ? lead : block_lead(p, n->next));
		}
		render_paragraph(p, n);
		p->cur.keep_next = 0;
		break;
	case ART_HEADING:
		/* a heading keeps with the rows its table keeps together, the
		 * table next or after a short paragraph that introduces it */
		render_heading(p, n, MAX(table_lead(p, n->next, measured), 0));
		break;
	case ART_BLOCKQUOTE:
		render_quote(p, n);
		break;
	case ART_LIST:
		render_list(p, n);
		break;
	case ART_CODE_BLOCK:
		render_code(p, n);
		break;
	case ART_HTML_BLOCK: /* art_normalize() made model nodes of it */
		break;
	case ART_THEMATIC_BREAK:
		pdf_space(p, 10);
		pdf_rule(p, 0.6, 0.6);
		pdf_space(p, 10);
		break;
	case ART_TABLE:
		if (!*measured || pdf_table_node(*measured) != n) {
			pdf_table_free(*measured);
			*measured = pdf_table_new(p, n);
		}
		pdf_table_render(p, *measured);
		*measured = NULL;
		break;
	case ART_FIGURE:
		render_figure(p, n);
		break;
	case ART_CAPTION:
		render_inline_block(p, n->first_child, PDF_SERIF,
		                    pdf_pt(p, p->run->size.caption), false, false,
		                    PANGO_ALIGN_CENTER, para_gap(p));
		break;
	case ART_IMAGE: {
		char *alt = art_node_plain_text(n);
		pdf_render_image(p, n->u.image.res, n->u.image.url, alt, 0, n->pos);
		g_free(alt);
		break;
	}
	case ART_FOOTNOTE_DEF: /* collected at the end of the article */
		break;
	case ART_DEF_TERM:
		render_inline_block(p, n->first_child, PDF_SERIF, 0, false, false,
		                    PANGO_ALIGN_LEFT, para_gap(p) / 3);
		break;
	case ART_DEF_DESC: { /* under its term, indented */
		double indent = p->cur.body_size * 2;
		p->cur.x += indent;
		p->cur.width -= indent;
		pdf_render_blocks(p, n->first_child);
		p->cur.x -= indent;
		p->cur.width += indent;
		break;
	}
	case ART_DEF_LIST:
	case ART_TABLE_CELL:
	case ART_TABLE_ROW:
	case ART_ITEM:
	case ART_DOCUMENT:
		pdf_render_blocks(p, n->first_child);
		break;
	case ART_TEXT:
	case ART_SOFTBREAK:
	case ART_LINEBREAK:
	case ART_CODE:
	case ART_EMPH:
	case ART_STRONG:
	case ART_STRIKE:
	case ART_SUPERSCRIPT:
	case ART_SUBSCRIPT:
	case ART_LINK:
	case ART_FOOTNOTE_REF:
		break;        /* no inline stands among blocks (art_check()) */
	case ART_HTML_INLINE: /* art_normalize() made model nodes of it */
	case ART_NODE__MAX:
		break;
	}
}

void
pdf_render_blocks(struct pdf *p, const struct art_node *first)
{
	struct pdf_table *measured = NULL;
	for (const struct art_node *n = first; n && !p->doc->over_pages; n = n->next)
		render_block(p, n, &measured);
	pdf_table_free(measured); /* its title was the last block drawn */
}

#define GRAY(v) ((struct art_rgb){(v), (v), (v)})

static void
title_line(struct pdf *p, const char *text, enum pdf_font f, double pt, bool bold,
           struct art_rgb color, double space_after)
{
	char *t = g_strstrip(g_strdup(text));
	if (*t) {
		PangoLayout *lay = pdf_layout_new(p, f, pt, bold, p->cur.width);
		struct pdf_inline in;
		pdf_inline_init(&in);
		pdf_inline_text(p, &in, t);
		PangoAttribute *c = pdf_color_attr(&color);
		c->start_index = 0;
		c->end_index = G_MAXUINT;
		pango_attr_list_insert(in.attrs, c);
		pdf_inline_apply(p, &in, lay);
		struct pdf_block_style st = {.space_after = space_after};
		pdf_place_layout(p, lay, &st, NULL);
		pdf_inline_clear(&in);
		g_object_unref(lay);
	}
	g_free(t);
}

void
pdf_render_title(struct pdf *p, const struct article *art)
{
	const struct art_meta *m = &art->meta;
	bool any = false;
	if (m->title && *m->title) {
		pdf_dest(p, "mdpress-title", p->cur.x, p->cur.y);
		const struct art_node *h = art->title_heading;
		if (h != NULL) {
			/* the heading is not repeated below: its anchor and its
			 * bookmark belong to the title */
			char *dest = h->u.heading.id && *h->u.heading.id
			                 ? g_strdup(h->u.heading.id)
			                 : g_strdup_printf("h-%d", ++p->doc->dest_seq);
			pdf_dest(p, dest, p->cur.x, p->cur.y);
			pdf_anchors_at(p, h);
			pdf_outline_add(p, 1, m->title, dest);
			g_free(dest);
		}
		/* the title is the article's first heading: the style's heading colour */
		title_line(p, m->title, PDF_SANS, p->run->size.title, true,
		           p->run->style->color.heading, 6);
		any = true;
	}
	if (m->subtitle && *m->subtitle) {
		title_line(p, m->subtitle, PDF_SERIF, p->run->size.subtitle, false, GRAY(0.3),
		           6);
		any = true;
	}
	GString *by = g_string_new(NULL);
	for (guint i = 0; i < m->authors->len; i++)
		g_string_append_printf(by, "%s%s", i ? ", " : "", (char *)m->authors->pdata[i]);
	if (art->date) /* the model's reading of it: the same in every format */
		g_string_append_printf(by, "%s%s", by->len ? "  \u00b7  " : "", art->date);
	if (by->len) {
		title_line(p, by->str, PDF_SERIF, p->run->size.byline, false, GRAY(0.4), 8);
		any = true;
	}
	g_string_free(by, TRUE);
	if (m->cover && *m->cover) {
		struct art_resource *res =
		    art_resource_get((struct article *)art, m->cover, m->cover_pos);
		pdf_space(p, 4);
		pdf_render_image(p, res, m->cover, m->title, 0, m->cover_pos);
		pdf_space(p, 10);
		any = true;
	}
	if (m->summary && *m->summary && !art->summary_repeated) {
		title_line(p, m->summary, PDF_SERIF, p->cur.body_size, false, GRAY(0.25), 10);
		any = true;
	}
	if (any) {
		pdf_space(p, 2);
		pdf_rule(p, 0.8, 0.2);
		pdf_space(p, 14);
	}
}

void
pdf_render_footnotes(struct pdf *p, const struct article *art)
{
	if (!art->footnotes || !art->footnotes->len)
		return;
	double saved = p->cur.body_size;
	pdf_space(p, 18);
	pdf_need(p, 40);
	double w = p->cur.width;
	p->cur.width = w / 3;
	pdf_rule(p, 0.5, 0.5);
	p->cur.width = w;
	pdf_space(p, 8);
	p->cur.body_size = p->run->size.footnote;
	double indent = p->cur.body_size * 2.2;
	bool was_tight = p->cur.tight;
	p->cur.tight = true;
	for (guint i = 0; i < art->footnotes->len; i++) {
		const struct art_node *d = art->footnotes->pdata[i];
		int num = d->u.footnote.number > 0 ? d->u.footnote.number : (int)i + 1;
		char *dest = g_strdup_printf("fn-%d", num);
		pdf_settle(p);
		pdf_anchors_at(p, d);
		pdf_need(p, p->cur.body_size * 1.6);
		pdf_dest(p, dest, p->cur.x, p->cur.y);
		g_free(dest);
		char *m = g_strdup_printf("%d.", num);
		if (p->cur.marker)
			g_object_unref(p->cur.marker);
		p->cur.marker = pdf_layout_new(p, PDF_SERIF, 0, false, 0);
		pango_layout_set_text(p->cur.marker, m, -1);
		p->cur.marker_shape = 0;
		g_free(m);
		p->cur.marker_right = p->cur.x + indent - p->cur.body_size * 0.45;
		p->cur.x += indent;
		p->cur.width -= indent;
		pdf_render_blocks(p, d->first_child);
		if (p->cur.marker) {
			g_object_unref(p->cur.marker);
			p->cur.marker = NULL;
		}
		p->cur.x -= indent;
		p->cur.width += indent;
		pdf_space(p, 3);
	}
	p->cur.tight = was_tight;
	p->cur.body_size = saved;
}
