/* inline.c - inline nodes to text + PangoAttrList (no markup round trip, so
 * no escaping), plus the byte ranges of links for PDF annotations.
 */
#include "pdf.h"

#include <string.h>

void
pdf_inline_init(struct pdf_inline *in)
{
	*in = (struct pdf_inline){0};
	in->text = g_string_new(NULL);
	in->attrs = pango_attr_list_new();
	in->links = g_array_new(FALSE, TRUE, sizeof(struct pdf_link));
	in->images = g_ptr_array_new();
	in->icons = g_array_new(FALSE, FALSE, sizeof(struct pdf_icon));
	in->spans = g_array_new(FALSE, FALSE, sizeof(struct pdf_span));
	in->autospace = g_array_new(FALSE, FALSE, sizeof(int));
}

void
pdf_links_free(GArray *links)
{
	if (!links)
		return;
	for (guint i = 0; i < links->len; i++) {
		struct pdf_link *l = &g_array_index(links, struct pdf_link, i);
		g_free(l->uri);
		g_free(l->dest);
	}
	g_array_free(links, TRUE);
}

void
pdf_inline_clear(struct pdf_inline *in)
{
	g_string_free(in->text, TRUE);
	pango_attr_list_unref(in->attrs);
	pdf_links_free(in->links);
	g_ptr_array_free(in->images, TRUE);
	g_array_free(in->icons, TRUE);
	g_array_free(in->spans, TRUE);
	g_array_free(in->autospace, TRUE);
	if (in->link_color)
		pango_attribute_destroy(in->link_color);
	memset(in, 0, sizeof *in);
}

static void append_spaced(struct pdf_inline *in, const char *s);

void
pdf_inline_text(struct pdf *p, struct pdf_inline *in, const char *s)
{
	if (p->doc->autospace)
		append_spaced(in, s); /* the title's "大会2024" as the body's */
	else
		g_string_append(in->text, s);
}

static void
add_attr(struct pdf_inline *in, PangoAttribute *a, size_t start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)in->text->len;
	if (a->end_index > a->start_index)
		pango_attr_list_insert(in->attrs, a);
	else
		pango_attribute_destroy(a);
}

/* Append text as a browser shows it: a run of spaces is one space (two
 * spaces typed after a word would otherwise open a double gap, which
 * justification widens further). */
static void
append_collapsed(GString *t, const char *s)
{
	for (; *s; s++) {
		if ((*s == ' ' || *s == '\t') && t->len && t->str[t->len - 1] == ' ')
			continue;
		g_string_append_c(t, *s == '\t' ? ' ' : *s);
	}
}

/* CJK-Latin spacing (CSS text-autospace, clreq 3.4): a quarter em between
 * a Han character and a Latin letter or digit where the author typed no
 * space.  Each gap is a zero-width space that pdf_inline_apply() makes a
 * quarter-em wide invisible box: nothing of it is drawn or extracted. */
static gunichar
last_char(const GString *t)
{
	const char *q = t->len ? g_utf8_find_prev_char(t->str, t->str + t->len) : NULL;
	return q ? g_utf8_get_char(q) : 0;
}

static void
autospace_mark(struct pdf_inline *in)
{
	int at = (int)in->text->len;
	g_array_append_val(in->autospace, at);
	g_string_append(in->text, "\u200b");
}

/* The first character an inline node shows. */
static gunichar
first_char(const struct art_node *n)
{
	while (n && !n->literal && n->first_child && n->type != ART_IMAGE)
		n = n->first_child;
	return n && n->literal && *n->literal ? g_utf8_get_char(n->literal) : 0;
}

/* Text appended as append_collapsed() does, with the gap marks. */
static void
append_spaced(struct pdf_inline *in, const char *s)
{
	for (const char *q = s; *q;) {
		const char *e = g_utf8_next_char(q);
		/* the text before: what is in the line, the text after: s */
		bool gap = q == s
		               ? art_autospace_between(last_char(in->text), g_utf8_get_char(q))
		               : art_autospace_join(s, q);
		if (gap)
			autospace_mark(in);
		char one[8];
		memcpy(one, q, (size_t)(e - q));
		one[e - q] = 0;
		append_collapsed(in->text, one);
		q = e;
	}
}

/* A long code span or URL may break after "/", "-", "_" or "." (with no
 * hyphen added) rather than stretch its line: a zero-width space there
 * gives pango the chance.  Short ones stay whole. */
static void
append_breakable(GString *t, const char *s)
{
	size_t len = strlen(s);
	if (len < 16) {
		g_string_append(t, s);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		g_string_append_c(t, s[i]);
		if (strchr("/-_.", s[i]) && i + 1 < len && i > 0 && !strchr("/-_.", s[i + 1]))
			g_string_append(t, "\u200b");
	}
}

static void
render_children(struct pdf *p, struct pdf_inline *in, const struct art_node *n)
{
	pdf_inline_render(p, in, n->first_child);
}

/* The id a fragment names in art (as written, percent-decoded or as a
 * heading slug, like the model's own #links), or NULL. */
static const char *
target_id(const struct article *art, const char *frag, char **tmp)
{
	char *dec = g_uri_unescape_string(frag, NULL);
	char *slug = art_slugify(dec ? dec : frag);
	const char *id = g_hash_table_contains(art->ids, frag)         ? frag
	                 : dec && g_hash_table_contains(art->ids, dec) ? dec
	                 : g_hash_table_contains(art->ids, slug)       ? slug
	                                                               : NULL;
	*tmp = g_strdup(id);
	g_free(dec);
	g_free(slug);
	return *tmp;
}

/* A link to another file: to its article when it is part of this PDF
 * (its "start", or the id its fragment names), else plain text and a
 * warning.  Returns 1 when l now has a destination, 0 for plain text, -1
 * when url names no file (a URI). */
static int
file_link(struct pdf *p, const char *url, const struct art_node *n, struct pdf_link *l)
{
	const char *frag = NULL;
	char *file = art_link_file(p->doc->art, url, &frag);
	if (!file)
		return -1;
	int k = -1;
	for (int i = 0; i < p->doc->narts && k < 0; i++) {
		char *canon = strcmp(p->doc->arts[i]->path, "-")
		                  ? g_canonicalize_filename(p->doc->arts[i]->path, NULL)
		                  : NULL;
		if (canon && !strcmp(canon, file))
			k = i;
		g_free(canon);
	}
	g_free(file);
	char *tmp = NULL;
	const char *id = k >= 0 && frag ? target_id(p->doc->arts[k], frag, &tmp) : NULL;
	if (k < 0 || (!id && !p->doc->several)) {
		if (k < 0)
			art_warn_link_outside(p->doc->art, n->pos, url);
		g_free(tmp);
		return 0;
	}
	char prefix[16] = "";
	if (p->doc->several)
		g_snprintf(prefix, sizeof prefix, "a%d-", k + 1);
	l->dest = pdf_dest_name_for(prefix, id ? id : "start");
	l->dest_full = true;
	g_free(tmp);
	return 1;
}

void
pdf_inline_flush(struct pdf_inline *in)
{
	if (in->link_color)
		pango_attr_list_insert(in->attrs, in->link_color);
	in->link_color = NULL;
}

/* The links' colour over bytes [start, end of text).  Links apart by
 * nothing but spaces share one attribute: a colour change over a space
 * shows nothing, yet splits the text into separate runs, each drawn by
 * its own cairo operation (a paragraph of 50,000 autolinks spent a
 * quarter of its time there). */
static void
link_color(struct pdf *p, struct pdf_inline *in, size_t start)
{
	PangoAttribute *a = in->link_color;
	if (a && a->end_index <= start) {
		size_t i = a->end_index;
		while (i < start && in->text->str[i] == ' ')
			i++;
		if (i == start) {
			a->end_index = (guint)in->text->len;
			return;
		}
	}
	pdf_inline_flush(in);
	if (in->text->len > start) {
		in->link_color = pdf_color_attr(&p->run->style->color.link);
		in->link_color->start_index = (guint)start;
		in->link_color->end_index = (guint)in->text->len;
	}
}

static void
add_link(struct pdf *p, struct pdf_inline *in, const struct art_node *n, size_t start)
{
	const char *url = n->u.link.url;
	if (!url || !*url || in->text->len == start)
		return;
	struct pdf_link l = {(int)start, (int)in->text->len, NULL, NULL, false};
	if (url[0] == '#') {
		if (!p->doc->art || !p->doc->art->ids ||
		    !g_hash_table_contains(p->doc->art->ids, url + 1))
			return; /* unknown anchor: the model warned; plain text */
		l.dest = g_strdup(url + 1);
	} else {
		int r = file_link(p, url, n, &l);
		if (r == 0)
			return;
		if (r < 0)
			l.uri = g_strdup(url);
	}
	g_array_append_val(in->links, l);
	link_color(p, in, start);
}

static void
footnote_ref(struct pdf *p, struct pdf_inline *in, const struct art_node *n)
{
	size_t start = in->text->len;
	if (n->u.footnote.number <= 0 || !n->u.footnote.def) {
		g_string_append_printf(in->text, "[^%s]",
		                       n->u.footnote.label ? n->u.footnote.label : "");
		return;
	}
	g_string_append_printf(in->text, "%d", n->u.footnote.number);
	add_attr(in, pango_attr_rise_new((int)(p->cur.body_size * 0.35 * PANGO_SCALE)), start);
	add_attr(in, pango_attr_scale_new(0.7), start);
	char *dest = g_strdup_printf("fn-%d", n->u.footnote.number);
	struct pdf_link l = {(int)start, (int)in->text->len, NULL, dest, false};
	g_array_append_val(in->links, l);
	link_color(p, in, start);
}

/* Whether text node n is a link's URL shown as its text ("https://...",
 * "gitee.com/x"): it breaks after its slashes and takes no CJK-Latin gaps.
 * Not the text of a link into the article ("[使用date命令设置](#使用date命令设置)"
 * in a contents list), which is words. */
static bool
shows_url(const struct art_node *n)
{
	const char *url =
	    n->parent && n->parent->type == ART_LINK ? n->parent->u.link.url : NULL;
	return n->literal && url && url[0] != '#' && strstr(url, n->literal) &&
	       strpbrk(n->literal, "/.:@");
}

void
pdf_inline_render(struct pdf *p, struct pdf_inline *in, const struct art_node *first)
{
	for (const struct art_node *n = first; n; n = n->next) {
		/* the gap where one node's text meets the next's goes before
		 * the node, outside its attributes (a code span's tint) */
		if (p->doc->autospace &&
		    art_autospace_at(last_char(in->text), first_char(n),
		                     n->prev && n->prev->type == ART_CODE, n->type == ART_CODE))
			autospace_mark(in);
		size_t start = in->text->len;
		switch (n->type) {
		case ART_TEXT:
			if (shows_url(n))
				append_breakable(in->text, n->literal);
			else if (n->literal && p->doc->autospace)
				append_spaced(in, n->literal);
			else if (n->literal)
				append_collapsed(in->text, n->literal);
			break;
		case ART_SOFTBREAK:
			append_collapsed(in->text, " ");
			break;
		case ART_LINEBREAK:
			g_string_append(in->text, "\u2028");
			break;
		case ART_CODE: {
			if (n->literal)
				append_breakable(in->text, n->literal);
			PangoFontDescription *fd = pango_font_description_new();
			pango_font_description_set_family(
			    fd, pango_font_description_get_family(p->run->font[PDF_MONO]));
			add_attr(in, pango_attr_font_desc_new(fd), start);
			pango_font_description_free(fd);
			add_attr(in, pango_attr_scale_new(0.9), start);
			add_attr(in, pango_attr_background_new(0xeeee, 0xeeee, 0xeeee), start);
			break;
		}
		case ART_EMPH:
		case ART_STRONG: {
			render_children(p, in, n);
			struct pdf_span sp = {(int)start, (int)in->text->len,
			                      n->type == ART_STRONG};
			if (sp.end > sp.start)
				g_array_append_val(in->spans, sp);
			break;
		}
		case ART_STRIKE:
			render_children(p, in, n);
			add_attr(in, pango_attr_strikethrough_new(TRUE), start);
			break;
		case ART_SUPERSCRIPT:
			render_children(p, in, n);
			add_attr(
			    in, pango_attr_baseline_shift_new(PANGO_BASELINE_SHIFT_SUPERSCRIPT),
			    start);
			add_attr(in, pango_attr_font_scale_new(PANGO_FONT_SCALE_SUPERSCRIPT),
			         start);
			break;
		case ART_SUBSCRIPT:
			render_children(p, in, n);
			add_attr(in,
			         pango_attr_baseline_shift_new(PANGO_BASELINE_SHIFT_SUBSCRIPT),
			         start);
			add_attr(in, pango_attr_font_scale_new(PANGO_FONT_SCALE_SUBSCRIPT),
			         start);
			break;
		case ART_LINK:
			render_children(p, in, n);
			add_link(p, in, n, start);
			break;
		case ART_IMAGE:
			bool icon = art_resource_is_icon(n->u.image.res);
			if (icon || (in->picture_w > 0 && art_resource_sized(n->u.image.res))) {
				/* an icon, or a picture in a table cell: in the
				 * line, as a browser sets it */
				struct pdf_icon ic = {(int)in->text->len, n, !icon};
				g_array_append_val(in->icons, ic);
				g_string_append(in->text, "\ufffc");
			} else {
				/* drawn as a block after the paragraph; keep the
				 * alt text out */
				g_ptr_array_add(in->images, (gpointer)n);
			}
			break;
		case ART_FOOTNOTE_REF:
			footnote_ref(p, in, n);
			break;
		case ART_DOCUMENT:
		case ART_PARAGRAPH:
		case ART_HEADING:
		case ART_BLOCKQUOTE:
		case ART_HTML_INLINE: /* art_normalize() made model nodes of it */
		case ART_LIST:
		case ART_ITEM:
		case ART_CODE_BLOCK:
		case ART_HTML_BLOCK:
		case ART_THEMATIC_BREAK:
		case ART_TABLE:
		case ART_TABLE_ROW:
		case ART_TABLE_CELL:
		case ART_FIGURE:
		case ART_CAPTION:
		case ART_FOOTNOTE_DEF:
		case ART_DEF_LIST:
		case ART_DEF_TERM:
		case ART_DEF_DESC:
		case ART_NODE__MAX:
			break;
		}
	}
}

/* Strong text in the bold face of the layout's own role (serif bold in
 * serif body text); emphasis italic in Latin text and dotted in CJK text
 * (pdf_emphasis_dots() draws the dots from the ranges left on the layout).
 * Inserted before attributes that start at the same byte, so that a code
 * span inside keeps its mono face. */
static void
apply_spans(struct pdf *p, struct pdf_inline *in, PangoLayout *lay)
{
	enum pdf_font role = pdf_layout_role(lay);
	GArray *dots = NULL;
	const char *s = in->text->str;
	for (guint i = 0; i < in->spans->len; i++) {
		struct pdf_span *sp = &g_array_index(in->spans, struct pdf_span, i);
		if (sp->start >= (int)in->text->len)
			continue;
		sp->end = MIN(sp->end, (int)in->text->len);
		if (sp->strong) {
			PangoFontDescription *fd = pango_font_description_new();
			pango_font_description_set_family(fd, pdf_family(p->run, role, true));
			pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
			PangoAttribute *a = pango_attr_font_desc_new(fd);
			pango_font_description_free(fd);
			a->start_index = (guint)sp->start;
			a->end_index = (guint)sp->end;
			pango_attr_list_insert_before(in->attrs, a);
			continue;
		}
		/* runs of Latin get the slant, runs of CJK letters the dots: CJK has
		 * no italic (clreq 3.2.5) */
		const char *q = s + sp->start, *end = s + sp->end;
		while (q < end) {
			bool cjk = art_is_cjk_letter(g_utf8_get_char(q));
			const char *r = q;
			while (r < end && art_is_cjk_letter(g_utf8_get_char(r)) == cjk)
				r = g_utf8_next_char(r);
			if (cjk) {
				if (!dots)
					dots = g_array_new(FALSE, FALSE, sizeof(int));
				int range[2] = {(int)(q - s), (int)(r - s)};
				g_array_append_vals(dots, range, 2);
			} else {
				PangoAttribute *a = pango_attr_style_new(PANGO_STYLE_ITALIC);
				a->start_index = (guint)(q - s);
				a->end_index = (guint)(r - s);
				pango_attr_list_insert_before(in->attrs, a);
			}
			q = r;
		}
	}
	if (dots)
		g_object_set_data_full(G_OBJECT(lay), "mdpress-dots", dots,
		                       (GDestroyNotify)g_array_unref);
}

void
pdf_inline_prefix(struct pdf_inline *in, const char *s)
{
	size_t n = strlen(s);
	pdf_inline_flush(in);
	g_string_prepend(in->text, s);
	pango_attr_list_update(in->attrs, 0, 0, (int)n);
	for (guint i = 0; i < in->links->len; i++) {
		struct pdf_link *l = &g_array_index(in->links, struct pdf_link, i);
		l->start += (int)n;
		l->end += (int)n;
	}
	for (guint i = 0; i < in->spans->len; i++) {
		struct pdf_span *sp = &g_array_index(in->spans, struct pdf_span, i);
		sp->start += (int)n;
		sp->end += (int)n;
	}
	/* every byte offset moves: a gap mark left behind pointed into the
	 * middle of a character (invalid UTF-8 for cairo, no PDF at all) */
	for (guint i = 0; in->autospace && i < in->autospace->len; i++)
		g_array_index(in->autospace, int, i) += (int)n;
	for (guint i = 0; in->icons && i < in->icons->len; i++)
		g_array_index(in->icons, struct pdf_icon, i).at += (int)n;
}

/* Pairs that must not be split at a line end (art_no_break_between), and
 * a word-initial hyphen and the letter after it (UAX #14 LB20a, newer than
 * pango 1.50): pango may break there, so breaks are turned off over them. */
static void
no_break(struct pdf_inline *in, const char *from, const char *last)
{
	PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
	a->start_index = (guint)(from - in->text->str);
	a->end_index = (guint)(g_utf8_next_char(last) - in->text->str);
	pango_attr_list_insert(in->attrs, a);
}

static void
no_splits(struct pdf_inline *in)
{
	const char *s = in->text->str, *end = s + in->text->len;
	gunichar prev = 0;
	const char *pp = NULL;
	struct art_hyphen_run run = {0};
	for (const char *q = s; q < end; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);
		if (c == 0x200B)
			continue; /* a gap mark or a code break: look past it */
		if (pp && art_no_break_between(prev, c))
			no_break(in, pp, q);
		long from = art_hyphen_run_step(&run, c, q - s);
		if (from >= 0)
			no_break(in, s + from, q); /* "-c", "--loadbalance" */
		prev = c;
		pp = q;
	}
}

void
pdf_attrs_add_sorted(struct pdf_inline *in, GPtrArray *add)
{
	if (add->len == 0) {
		g_ptr_array_free(add, TRUE);
		return;
	}
	GSList *old = pango_attr_list_get_attributes(in->attrs);
	PangoAttrList *merged = pango_attr_list_new();
	guint i = 0;
	for (GSList *l = old; l; l = l->next) {
		PangoAttribute *a = l->data;
		while (i < add->len &&
		       ((PangoAttribute *)add->pdata[i])->start_index < a->start_index)
			pango_attr_list_insert(merged, add->pdata[i++]);
		pango_attr_list_insert(merged, a);
	}
	while (i < add->len)
		pango_attr_list_insert(merged, add->pdata[i++]);
	g_slist_free(old);
	pango_attr_list_unref(in->attrs);
	in->attrs = merged;
	g_ptr_array_free(add, TRUE);
}

void
pdf_inline_apply(struct pdf *p, struct pdf_inline *in, PangoLayout *lay)
{
	pdf_inline_flush(in);
	/* Trailing hard breaks would leave empty lines. */
	while (in->text->len >= 3 && !strcmp(in->text->str + in->text->len - 3, "\u2028"))
		g_string_truncate(in->text, in->text->len - 3);
	PangoAttribute *a = pango_attr_language_new(p->doc->lang);
	a->start_index = 0;
	a->end_index = G_MAXUINT;
	pango_attr_list_insert_before(in->attrs, a);
	/* a hyphen pango adds when it breaks inside a word (URLs) would end
	 * up in the extracted text */
	a = pango_attr_insert_hyphens_new(FALSE);
	a->start_index = 0;
	a->end_index = G_MAXUINT;
	pango_attr_list_insert_before(in->attrs, a);
	/* the gap marks: a quarter of the layout's em, no height, no ink */
	int em = pango_font_description_get_size(pango_layout_get_font_description(lay));
	GPtrArray *add = g_ptr_array_new();
	for (guint i = 0; i < in->autospace->len; i++) {
		int at = g_array_index(in->autospace, int, i);
		if (at + 3 > (int)in->text->len)
			continue;
		PangoRectangle ink = {0, 0, 0, 0}, logical = {0, 0, em / 4, 0};
		PangoAttribute *s = pango_attr_shape_new(&ink, &logical);
		s->start_index = (guint)at;
		s->end_index = (guint)at + 3;
		g_ptr_array_add(add, s);
	}
	pdf_attrs_add_sorted(in, add);
	/* the icons: their box, centred a third of an em above the baseline
	 * (CSS vertical-align: middle); pdf_image_shape_renderer() draws
	 * them */
	double em_pt = (double)em / PANGO_SCALE;
	add = g_ptr_array_new();
	for (guint i = 0; i < in->icons->len; i++) {
		const struct pdf_icon *ic = &g_array_index(in->icons, struct pdf_icon, i);
		double w, h;
		PangoRectangle box;
		if (ic->picture) {
			/* a picture in a cell stands on the baseline */
			pdf_image_picture_size(p, ic->img->u.image.res, in->picture_w, &w, &h);
			box = (PangoRectangle){0, (int)(-h * PANGO_SCALE),
			                       (int)(w * PANGO_SCALE), (int)(h * PANGO_SCALE)};
		} else {
			pdf_image_inline_size(ic->img->u.image.res, em_pt, &w, &h);
			box = (PangoRectangle){0, (int)(-(em_pt / 3 + h / 2) * PANGO_SCALE),
			                       (int)(w * PANGO_SCALE), (int)(h * PANGO_SCALE)};
		}
		PangoAttribute *s =
		    pango_attr_shape_new_with_data(&box, &box, (gpointer)ic->img, NULL, NULL);
		s->start_index = (guint)ic->at;
		s->end_index = (guint)ic->at + 3;
		g_ptr_array_add(add, s);
	}
	pdf_attrs_add_sorted(in, add);
	pdf_latin_quotes(in);
	pdf_compress_punct(in);
	no_splits(in);
	apply_spans(p, in, lay);
	pango_layout_set_text(lay, in->text->str, (int)in->text->len);
	pango_layout_set_attributes(lay, in->attrs);
}
