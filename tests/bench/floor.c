/* floor.c - the reference lower bound for md2pdf: pango lays out and cairo
 * writes the same text with no Markdown at all.  Each paragraph (text
 * between blank lines) becomes one PangoLayout, broken into lines that flow
 * over A4 pages.  Whatever md2pdf spends beyond this is the price of its own
 * work (parsing, styling, images, tables), not of pango/cairo.
 *
 * usage: floor [-f FONT] [-s PT] [-l LANG] IN.txt OUT.pdf
 * Built by tests/bench/run.sh with
 *   cc -std=c17 -O2 floor.c $(pkg-config --cflags --libs pangocairo cairo-pdf)
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 56.693 /* 20 mm on every side, as md2pdf */

struct flow {
	cairo_t *cr;
	double y; /* top of the next line, in points */
	int pages;
};

static void
new_page(struct flow *f)
{
	cairo_show_page(f->cr);
	f->y = MARGIN;
	f->pages++;
}

/* Draw a layout line by line so a paragraph can break across pages. */
static void
flow_layout(struct flow *f, PangoLayout *layout, double para_gap)
{
	PangoLayoutIter *it = pango_layout_get_iter(layout);
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		int baseline = pango_layout_iter_get_baseline(it);
		double h = (double)logical.height / PANGO_SCALE;
		double top = (double)logical.y / PANGO_SCALE;
		double base = (double)baseline / PANGO_SCALE - top;
		if (f->y + h > A4_H - MARGIN && f->y > MARGIN)
			new_page(f);
		cairo_move_to(f->cr, MARGIN, f->y + base);
		pango_cairo_show_layout_line(f->cr, pango_layout_iter_get_line_readonly(it));
		f->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	f->y += para_gap;
}

static char *
read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf != NULL && (got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *bigger = realloc(buf, cap * 2);
			if (bigger == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
	}
	fclose(fp);
	if (buf != NULL) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

int
main(int argc, char **argv)
{
	const char *font = "Noto Serif CJK SC";
	const char *lang = "zh-cn";
	double size = 10.5;
	int i = 1;
	for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i += 2) {
		if (strcmp(argv[i], "-f") == 0)
			font = argv[i + 1];
		else if (strcmp(argv[i], "-s") == 0)
			size = atof(argv[i + 1]);
		else if (strcmp(argv[i], "-l") == 0)
			lang = argv[i + 1];
		else
			break;
	}
	if (argc - i != 2 || size <= 0) {
		fprintf(stderr, "usage: floor [-f FONT] [-s PT] [-l LANG] IN.txt OUT.pdf\n");
		return 2;
	}
	size_t len = 0;
	char *text = read_all(argv[i], &len);
	if (text == NULL) {
		perror(argv[i]);
		return 1;
	}
	if (!g_utf8_validate(text, (gssize)len, NULL)) {
		fprintf(stderr, "floor: %s: not UTF-8\n", argv[i]);
		free(text);
		return 1;
	}

	cairo_surface_t *surface = cairo_pdf_surface_create(argv[i + 1], A4_W, A4_H);
	cairo_t *cr = cairo_create(surface);
	PangoContext *ctx = pango_cairo_create_context(cr);
	pango_context_set_language(ctx, pango_language_from_string(lang));
	PangoFontDescription *desc = pango_font_description_from_string(font);
	pango_font_description_set_size(desc, (int)(size * PANGO_SCALE));
	PangoLayout *layout = pango_layout_new(ctx);
	pango_layout_set_font_description(layout, desc);
	pango_layout_set_width(layout, (int)((A4_W - 2 * MARGIN) * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_spacing(layout, (int)(size * 0.4 * PANGO_SCALE));

	struct flow f = {cr, MARGIN, 1};
	/* Paragraphs: runs of non-blank lines, joined the way md2pdf joins
	 * soft line breaks: nothing between two wide (CJK) characters, else a
	 * space, so hard-wrapped text gives the same lines either way. */
	GString *para = g_string_new(NULL);
	char *line = text;
	while (line != NULL && *line != '\0') {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		size_t k = n;
		while (k > 0 &&
		       (line[k - 1] == ' ' || line[k - 1] == '\r' || line[k - 1] == '\t'))
			k--;
		if (k == 0) {
			if (para->len > 0) {
				pango_layout_set_text(layout, para->str, (int)para->len);
				flow_layout(&f, layout, size * 0.8);
				g_string_truncate(para, 0);
			}
		} else {
			size_t lead = 0;
			while (lead < k && (line[lead] == ' ' || line[lead] == '\t'))
				lead++;
			if (para->len > 0) {
				const char *prev =
				    g_utf8_find_prev_char(para->str, para->str + para->len);
				gunichar a = prev ? g_utf8_get_char(prev) : 0;
				gunichar b = g_utf8_get_char(line + lead);
				if (!(g_unichar_iswide(a) && g_unichar_iswide(b)))
					g_string_append_c(para, ' ');
			}
			g_string_append_len(para, line + lead, (gssize)(k - lead));
		}
		line = nl ? nl + 1 : NULL;
	}
	if (para->len > 0) {
		pango_layout_set_text(layout, para->str, (int)para->len);
		flow_layout(&f, layout, size * 0.8);
	}
	g_string_free(para, TRUE);

	int status = 0;
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "floor: %s: %s\n", argv[i + 1],
		        cairo_status_to_string(cairo_surface_status(surface)));
		status = 1;
	}
	g_object_unref(layout);
	pango_font_description_free(desc);
	g_object_unref(ctx);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
	free(text);
	if (status == 0 && getenv("FLOOR_VERBOSE") != NULL)
		fprintf(stderr, "floor: %d pages\n", f.pages);
	return status;
}
