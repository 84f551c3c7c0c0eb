/* pdf.h - md2pdf's private interfaces.
 *
 * md2pdf's state comes in three lifetimes, one struct each:
 *
 *   struct pdf_run     the run (render.c: pdf_run_new, pdf_run_free):
 *                      options, style, type sizes, and the fonts
 *                      (fonts.c: one fontconfig configuration, font map
 *                      and PangoContext; subset.c: the CJK subsets);
 *   struct pdf_doc     one output PDF (doc.c: pdf_doc_new, pdf_doc_free):
 *                      the cairo surface and its bytes, destinations,
 *                      outline, images, front matter, the running header
 *                      fields and the article being drawn;
 *   struct pdf_cursor  where the next block goes (page.c: pdf_cursor_init,
 *                      pdf_cursor_clear): page, y, column, open quotes,
 *                      the list marker waiting for its line.
 *
 * pdf_render() (render.c) makes a pdf_doc per output and hands every
 * drawing function a struct pdf that points at the three.  Block renderers
 * (blocks.c, table.c, image.c) build one PangoLayout per block with
 * inline.c and hand it to pdf_place_layout() (layout.c), which splits it
 * across pages line by line (page.c starts the pages).
 * Units: points (1/72 in) unless a name says otherwise.
 */
#ifndef MD2PDF_PDF_H
#define MD2PDF_PDF_H

#include "article.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#define PDF_MAX_QUOTE 16
/* --max-page-links: link annotations on one page, past which links stay
 * text (the densest page of the 42 corpus articles has 65) */
#define PDF_DEFAULT_MAX_PAGE_LINKS 100

/* The run's options (main.c fills them from the command line and style). */
struct pdf_opts {
	double page_w, page_h;         /* points */
	double margin[4];              /* points: top, right, bottom, left */
	int max_pages;                 /* --max-pages; 0 = no limit */
	int max_page_links;            /* --max-page-links; 0 = no limit */
	int image_dpi;                 /* --image-dpi: resample finer images; 0 = never */
	bool no_autospace;             /* --no-autospace */
	int toc, cover;                /* -1: the default (on for books), 0 off, 1 on */
	const struct art_style *style; /* borrowed, outlives the run; never NULL */
	const struct art_book *book;   /* borrowed: the book's metadata and cover */
};

enum pdf_font { PDF_SERIF, PDF_SANS, PDF_MONO };

/* Type sizes in points, as they measure in the PDF (the font map is set to
 * 72 dpi, so a size here is the size on paper).  The one place md2pdf
 * takes them from: pdf_default_sizes in fonts.c, or a style. */
struct pdf_sizes {
	double body;       /* 10.5: Chinese 五号 */
	double heading[7]; /* [1..6] */
	double title, subtitle, byline;
	double code, table, caption, footnote, footer;
};
extern const struct pdf_sizes pdf_default_sizes;

/* A link inside one layout: bytes [start, end) of its text. */
struct pdf_link {
	int start, end;
	char *uri;      /* external URI, or NULL */
	char *dest;     /* internal destination name, or NULL */
	bool dest_full; /* dest is already pdf_dest_name()'s (another article) */
};

/* Drawing options for pdf_place_layout(). */
struct pdf_block_style {
	bool justify;       /* inter-character/inter-word justification */
	bool code;          /* tinted background, continuation marks */
	bool keep_together; /* never split (short blocks: captions, headings) */
	double space_before, space_after;
	double keep_next; /* > 0: a layout of at most two lines starts on a
	                   * page with this much room below it */
};

/* A book's front matter (front.c). */
struct pdf_front {
	bool cover, toc; /* which front pages the book has */
	const char *title, *subtitle, *date, *lang;
	const char *contents_title;                /* NULL: "Contents" or its translation */
	char *authors;                             /* joined with ", "; owned */
	struct art_resource *cover_res, *logo_res; /* or NULL; borrowed */
	char **titles;                             /* n article titles; owned */
	int *start_page;                           /* body page each article starts on; owned */
	int n;
	int npages; /* front pages, from pdf_front_measure() */
};

/* The run: what every output of one md2pdf process shares. */
struct pdf_run {
	struct pdf_opts o;
	const struct art_style *style; /* o.style */
	struct pdf_sizes size;         /* from the style (pdf_style_sizes) */

	/* fonts.c: made once, used by every document */
	PangoFontMap *fontmap;
	PangoContext *ctx;
	PangoFontDescription *font[3]; /* per role: family list, no size */
	bool role_styled[3];           /* the style names the role's fonts: no subset */

	/* subset.c: the CJK faces cut to the run's characters */
	bool fc_custom;                  /* fonts.conf and the subset rules loaded */
	struct pdf_subsets *subsets;     /* the run's subsets, or NULL */
	const char *subset_family[3][2]; /* [role][bold] for the current output:
	                                  * family list that asks for its
	                                  * subset first, or NULL; borrowed */

	struct pdf *drawing; /* the document being drawn: inline images
	                      * (pdf_image_shape_renderer) paint into it */
};

/* One output PDF (one layout pass of it, when {pages} needs two). */
struct pdf_doc {
	cairo_surface_t *surface;
	cairo_t *cr;
	GByteArray *buf; /* the PDF, written to out when finished */
	FILE *out;
	bool over_pages; /* max_pages reached: an error, stop laying out */

	GHashTable *dests;                     /* names already defined (string set) */
	GHashTable *dest_refs;                 /* names links point to (string set) */
	int dest_seq;                          /* for generated destination names */
	int links_page;                        /* the page page_links counts on */
	int page_links;                        /* link annotations made on it */
	bool links_capped;                     /* --max-page-links was reached (warned) */
	GPtrArray *images;                     /* cairo_surface_t *, kept until the end */
	GHashTable *images_seen;               /* PNGs decoded for this PDF: unique id ->
	                                        * size and format (image.c) */
	GHashTable *image_ids;                 /* image files' length and CRC -> GPtrArray of
	                                        * struct image_id (image.c) */
	GHashTable *pngs;                      /* PNGs encoded by md2pdf for this PDF: content
	                                        * key -> struct pdf_png * (pngobj.c) */
	struct libdeflate_compressor *deflate; /* for them; NULL until needed */
	GHashTable *svgs;                      /* SVG files drawn for this PDF: path ->
	                                        * recording surface (svg.c) */

	struct pdf_front *front;          /* NULL: no front matter */
	bool in_front;                    /* drawing the front pages (no running footer) */
	struct {                          /* the fields of running headers and footers */
		bool book;                /* several articles: book-header, book-footer */
		const char *title, *date; /* the book's */
		char *article;            /* the current article's title; owned */
		int pages;                /* body pages of the book, for {pages}; 0 unknown */
	} running;

	struct article **arts; /* the articles of this PDF, for links between them */
	int narts;
	bool several; /* each has its "aN-" prefix and "start" destination */

	/* the article being drawn (render.c sets these per article) */
	const struct article *art;
	PangoLanguage *lang;
	const char *lang_tag;      /* pango form: zh-cn, zh-tw, ja, en ... */
	bool autospace;            /* Chinese, and not turned off */
	char dest_prefix[16];      /* "a2-" when several articles share one PDF */
	int outline[7];            /* outline parent id per heading level */
	int article_outline;       /* parent id for this article's headings */
	int heading_no[7];         /* heading numbers so far */
	GPtrArray *anchor_pending; /* destination names waiting for their block */
};

/* The cursor: where on which page the next block goes, in which column,
 * and what the blocks around it left open. */
struct pdf_cursor {
	double left, right; /* content area of the page */
	double top, bottom;
	double x, width;      /* current column (indents applied) */
	double y;             /* top of the next block */
	double pending_space; /* collapsed vertical space before the next block */
	int page;             /* number of the current page, 1-based */
	bool page_used;       /* something drawn on the current page */

	/* block quotes still open: their rule x and where it starts on this page */
	double quote_x[PDF_MAX_QUOTE], quote_y0[PDF_MAX_QUOTE];
	int nquote;
	int quote_depth;     /* levels open, ruled or not */
	int quote_flat_from; /* first level not indented, 0 = none */

	/* list marker waiting for the first line of its item */
	PangoLayout *marker;
	double marker_right;
	int marker_shape; /* 0: the layout's text; 1 disc, 2 circle, 3 square,
	                   * 4 task box, 5 ticked task box */

	bool tight;       /* inside a tight list */
	bool indent_next; /* the next inline block is a body paragraph */
	double keep_next; /* for the next paragraph: see pdf_block_style */
	double body_size; /* current body size: size.body, less in footnotes */
};

/* What a drawing function works with: the three lifetimes. */
struct pdf {
	struct pdf_run *run;
	struct pdf_doc *doc;
	struct pdf_cursor cur;
};

/* render.c: the renderer, shaped like md2txt's (new, render, free) */
/* The run's fonts and sizes for options o (copied; o->style and o->book
 * are borrowed).  NULL when the fonts cannot be set up. */
struct pdf_run *pdf_run_new(const struct pdf_opts *o);
/* Render arts[0..n) into one PDF written to out: one article, or a book
 * of all of them.  Returns 1 when it was written whole. */
int pdf_render(struct pdf_run *r, struct article **arts, int n, FILE *out);
void pdf_run_free(struct pdf_run *r);

/* doc.c: one output's surface, laid out in memory */
/* A document of the run's page size writing to out; NULL on failure. */
struct pdf_doc *pdf_doc_new(const struct pdf_run *r, FILE *out);
/* Finish the last page and the document and write it; returns 1 when
 * cairo reported no error and the bytes were written. */
int pdf_doc_finish(struct pdf *p);
void pdf_doc_free(struct pdf_doc *d);

/* page.c: the cursor and the pages it moves over */
/* A cursor at the top of page 1 of the run's page size. */
void pdf_cursor_init(struct pdf_cursor *c, const struct pdf_run *r);
void pdf_cursor_clear(struct pdf_cursor *c);
/* Finish the current page (quote rules, running header and footer) and
 * start the next; past --max-pages, an error and no new page. */
void pdf_new_page(struct pdf *p);
/* Finish the last page of a document: ids still waiting for a block,
 * names links wanted that nothing defined, quote rules, running lines. */
void pdf_end_last_page(struct pdf *p);
void pdf_space(struct pdf *p, double pt);
/* Room left on the page below the cursor, after the pending space. */
double pdf_room(const struct pdf *p);
/* Apply the pending space unless at the top of a page. */
void pdf_settle(struct pdf *p);
/* Start a new page when less than h points remain. */
void pdf_need(struct pdf *p, double h);
void pdf_quote_begin(struct pdf *p);
void pdf_quote_end(struct pdf *p);
void pdf_rule(struct pdf *p, double weight, double gray);

/* layout.c: a layout placed line by line over as many pages as it needs */
void pdf_place_layout(struct pdf *p, PangoLayout *lay, const struct pdf_block_style *st,
                      GArray *links);
/* pdf_place_layout(), in pieces of a few KB when the text is long
 * (chunk.c): layout cost stays linear in a giant paragraph. */
void pdf_place_chunked(struct pdf *p, PangoLayout *lay, const struct pdf_block_style *st,
                       GArray *links);

/* marks.c: what is drawn beside or under the text */
/* The list marker waiting in the cursor, beside a first line at baseline. */
void pdf_draw_marker_at(struct pdf *p, double baseline);
/* The emphasis dots (着重号) under the Han characters of the emphasised
 * text of a line drawn with its baseline origin at x, base. */
void pdf_emphasis_dots(cairo_t *cr, PangoLayoutLine *line, double x, double base);
/* The same for every line of a layout drawn with its top left at x, y. */
void pdf_layout_emphasis_dots(cairo_t *cr, PangoLayout *lay, double x, double y);
/* A visible mark at the start of a wrapped code line, baseline base. */
void pdf_continuation_mark(cairo_t *cr, double x, double base, double size);

/* dest.c: named destinations and link annotations */
/* cairo tag attribute string escape ('...' with \ before ' and \). */
char *pdf_attr_quote(const char *s);
/* The name cairo gets for destination id of the current article (new
 * string); pdf_dest() defines it at x, y of the current page, once. */
char *pdf_dest_name(const struct pdf *p, const char *id);
/* The same for the article whose prefix is given ("a2-", or ""). */
char *pdf_dest_name_for(const char *prefix, const char *id);
void pdf_dest(struct pdf *p, const char *name, double x, double y);
/* Define a name pdf_dest_name() made, at x, y, once. */
void pdf_dest_define(struct pdf *p, const char *full, double x, double y);
/* Define the names links pointed to that no block defined (at the top of
 * the last page): cairo fails a document with a link to an unknown name. */
void pdf_dests_missing(struct pdf *p);
/* Link annotations for the parts of links on one line drawn at x0, its
 * line box from top, h high. */
void pdf_line_links(struct pdf *p, PangoLayoutLine *line, GArray *links, double x0, double top,
                    double h);
/* Link annotations for the lines of a layout, drawn with its top left
 * corner at x, y, that lie between layout offsets from and to (points):
 * 0 and G_MAXDOUBLE for all of it, less for the part of a table cell that
 * one page shows. */
void pdf_layout_links_between(struct pdf *p, PangoLayout *lay, GArray *links, double x,
                              double y, double from, double to);

/* fonts.c */
int pdf_fonts_init(struct pdf_run *r);
void pdf_fonts_free(struct pdf_run *r);
/* The article language for layouts and fontconfig: the document's
 * current language and the run's PangoContext. */
void pdf_set_language(struct pdf *p, const char *art_lang);
/* pango/fontconfig form of an article language (interned string). */
const char *pdf_lang_tag_for(const char *art_lang);
/* The fontconfig family a role asks for ("mdpress serif"...). */
const char *pdf_role_alias(enum pdf_font f);
/* A size of run->size scaled like the current body text (footnotes). */
double pdf_pt(const struct pdf *p, double size);
/* A new layout in font role f at size pt (0 = body size), width in points. */
PangoLayout *pdf_layout_new(struct pdf *p, enum pdf_font f, double pt, bool bold, double width);
/* The family list for role f in a weight (its subset first, if any). */
const char *pdf_family(const struct pdf_run *r, enum pdf_font f, bool bold);
/* A layout's height in points. */
double pdf_layout_height(PangoLayout *lay);
/* The role a layout was made for by pdf_layout_new(). */
enum pdf_font pdf_layout_role(PangoLayout *lay);
/* A foreground colour attribute for a style colour. */
PangoAttribute *pdf_color_attr(const struct art_rgb *c);
/* r->size from the style's sizes. */
void pdf_style_sizes(struct pdf_run *r, const struct art_style *st);

/* subset.c */
/* Load the subset rules into a configuration; returns 0 on failure. */
int pdf_subset_add_rules(FcConfig *fc);
/* Before the first output of a run with several inputs: the characters
 * of the input files, which the run's subsets are cut for. */
void pdf_fonts_prescan(struct pdf_run *r, char *const *inputs, int n);
/* A font file a style added to fontconfig (kept when subsets change). */
void pdf_fonts_app_font(struct pdf_run *r, const char *file);
/* Before laying out articles[0..n) into one PDF: make the roles prefer the
 * run's subsets of the CJK faces they use, cutting them anew when they lack
 * the face or any of the articles' characters.  Without fonts.conf, or
 * when anything fails, the roles keep the system faces. */
void pdf_fonts_subset(struct pdf_run *r, struct article *const *arts, int n);
/* At the end of the run: drop the subsets and their files. */
void pdf_fonts_unsubset(struct pdf_run *r);

/* pngobj.c: a PNG as the parts of a PDF image object, encoded by md2pdf
 * (cairo 1.16 would decode it and deflate its pixels again). */
struct pdf_png {
	int width, height;
	char *dict;    /* the /ColorSpace, /BitsPerComponent (/DecodeParms) lines */
	GBytes *data;  /* the image stream (FlateDecode) */
	GBytes *smask; /* the alpha plane's stream, NULL when all opaque */
};
struct libdeflate_compressor;
/* NULL when data is not a PNG of width x height that decodes whole. */
struct pdf_png *pdf_png_encode(const unsigned char *data, gsize len, int width, int height,
                               struct libdeflate_compressor *c);
void pdf_png_free(struct pdf_png *p);

/* imgobj.c */
/* The tiny JPEG that stands for the PNG under key in cairo's output. */
GBytes *pdf_png_stand_in(const char *key, int width, int height);
/* The finished PDF b with each PNG of pngs (key -> struct pdf_png *) where
 * cairo wrote its stand-in, and the xref table rewritten: a new array, or
 * b itself when there are none; NULL when a stand-in cannot be replaced
 * (b is then unusable). */
GByteArray *pdf_png_objects_fix(GByteArray *b, GHashTable *pngs);

/* fonttags.c */
/* In a finished PDF, replace cairo's font subset tags by tags made from
 * the PDF itself (with the tags blanked), so that a document's bytes do
 * not depend on which of md2pdf's subsets of a face it was laid out with. */
void pdf_font_tags_fix(GByteArray *b);

/* anchors.c: the ids (raw HTML name=/id=) that name block n wait for the
 * block's first line; pdf_anchors_flush() defines them at y of the page
 * the block starts on (the page engine calls it). */
void pdf_anchors_at(struct pdf *p, const struct art_node *n);
void pdf_anchors_flush(struct pdf *p, double y);
void pdf_anchors_free(struct pdf_doc *d);
/* justify.c */
/* Justify one line of a left-aligned layout to width (pango units), its
 * text at size em (pango units), within the limits of justify.c; a line
 * that cannot be is left ragged.  Returns 1 when justified. */
int pdf_justify_line(PangoLayoutLine *line, const char *text, int width, int em);

/* inline.c */
/* Bytes [start, end) of emphasised (strong: bold) text; pdf_inline_apply()
 * sets them in the faces of the layout's role. */
struct pdf_span {
	int start, end;
	bool strong;
};
/* An image in a line of text: an object replacement character at byte
 * at, which pdf_inline_apply() gives the image's size. */
struct pdf_icon {
	int at;
	const struct art_node *img; /* ART_IMAGE */
	bool picture;               /* a picture in a table cell, not an icon */
};
struct pdf_inline {
	GString *text;
	PangoAttrList *attrs;
	GArray *links;     /* struct pdf_link */
	GPtrArray *images; /* struct art_node * (ART_IMAGE) met inline, too
	                    * big for a line: drawn after the block */
	GArray *icons;     /* struct pdf_icon: small images set in the line */
	GArray *spans;     /* struct pdf_span */
	GArray *autospace; /* int: byte offsets of the Han-Latin gap marks */
	/* > 0: a picture met inline is set in the line, at most this wide
	 * (points), as a table cell shows it; 0: drawn after the block */
	double picture_w;
	/* the links' colour, not yet in attrs: a link that follows after
	 * nothing but spaces extends it (pdf_inline_flush() inserts it) */
	PangoAttribute *link_color;
};
void pdf_inline_init(struct pdf_inline *in);
void pdf_inline_clear(struct pdf_inline *in);
void pdf_inline_render(struct pdf *p, struct pdf_inline *in, const struct art_node *first);
/* Plain text (a title line), with CJK-Latin gaps where the article has them. */
void pdf_inline_text(struct pdf *p, struct pdf_inline *in, const char *s);
/* Insert the pending link colour into attrs (pdf_inline_apply() does). */
void pdf_inline_flush(struct pdf_inline *in);
/* Put s before the text (heading numbers), moving attributes and links. */
void pdf_inline_prefix(struct pdf_inline *in, const char *s);
/* Insert the attributes of add (in the order of their start, each after
 * the list's attributes of the same start, as pango_attr_list_insert()
 * does) in one pass, and free add. */
void pdf_attrs_add_sorted(struct pdf_inline *in, GPtrArray *add);
/* Apply text and attributes to a layout (and the article language). */
void pdf_inline_apply(struct pdf *p, struct pdf_inline *in, PangoLayout *lay);
/* quotes.c: proportional curly quotes where their neighbours are Latin. */
void pdf_latin_quotes(struct pdf_inline *in);
/* Two adjacent full-width punctuation marks set in 1.5 em ('halt'). */
void pdf_compress_punct(struct pdf_inline *in);
void pdf_links_free(GArray *links);

/* blocks.c */
void pdf_render_blocks(struct pdf *p, const struct art_node *first);
void pdf_render_title(struct pdf *p, const struct article *art);
void pdf_render_footnotes(struct pdf *p, const struct article *art);
/* Outline + destination for a heading-like entry. */
void pdf_outline_add(struct pdf *p, int level, const char *text, const char *dest);

/* table.c: a table laid out on the model's grid (art_table_grid()) and
 * measured: column widths, row heights, where pages may break.  A block
 * that must stay with the table's first rows asks pdf_table_lead() of the
 * table measured once, which pdf_table_render() then draws and frees. */
struct pdf_table;
struct pdf_table *pdf_table_new(struct pdf *p, const struct art_node *table);
const struct art_node *pdf_table_node(const struct pdf_table *t);
/* Height the table needs on the page it starts on (its first rows). */
double pdf_table_lead(struct pdf *p, const struct pdf_table *t);
void pdf_table_render(struct pdf *p, struct pdf_table *t);
void pdf_table_free(struct pdf_table *t); /* a table not drawn; NULL is fine */

/* image.c */
/* Draw a resource scaled to fit the column (never above 96 dpi natural
 * size), or a framed placeholder naming alt and src.  reserve: height
 * that must fit on the same page below it (a caption).  pos: where the
 * article names it, for the warning when its data cannot be decoded. */
/* CSS pixels (96 to the inch) to points. */
#define PDF_PX_TO_PT (72.0 / 96.0)
/* image.c: the scale that fits (w, h) points to the column and page,
 * never up, with reserve points kept below (and down to PDF_IMAGE_SHRINK
 * of that to fit the rest of the page); and the room for an image of
 * height h made on this page or the next. */
#define PDF_IMAGE_SHRINK 0.85
double pdf_image_fit(const struct pdf *p, double w, double h, double reserve);
void pdf_image_start(struct pdf *p, double h, double reserve);
/* svg.c: an SVG image drawn at the cursor; 0 when librsvg cannot.
 * pdf_svg_paint(): into the box (x, y, w, h) points; false when it cannot. */
int pdf_draw_svg(struct pdf *p, const struct art_resource *res, double reserve);
bool pdf_svg_paint(struct pdf *p, const struct art_resource *res, double x, double y, double w,
                   double h);
/* image.c: a JPEG, PNG, GIF or WebP image as a cairo surface to paint
 * (maybe a one-pixel stand-in scaled to the image's size), NULL when its
 * data does not decode; and the warning for that, once per file. */
cairo_surface_t *pdf_image_surface(struct pdf *p, const struct art_resource *res);
void pdf_image_undecodable(struct pdf *p, struct art_resource *res, const char *src,
                           struct art_pos pos);
/* icon.c: the size of an icon (art_resource_is_icon()) in a line of text
 * of size em (points), of a picture in a table cell, and the callback
 * through which pango draws them (pdf_fonts_init() sets it). */
void pdf_image_inline_size(const struct art_resource *res, double em, double *w, double *h);
void pdf_image_picture_size(const struct pdf *p, const struct art_resource *res, double max_w,
                            double *w, double *h);
/* (the shape attribute's data is the image's node) */
void pdf_image_shape_renderer(cairo_t *cr, PangoAttrShape *attr, gboolean do_path,
                              gpointer data);
void pdf_render_image(struct pdf *p, struct art_resource *res, const char *src, const char *alt,
                      double reserve, struct art_pos pos);

/* front.c */
/* The front matter of a book of arts[0..n), or NULL when it has neither
 * cover nor contents.  Free with pdf_front_free(). */
struct pdf_front *pdf_front_new(struct article *const *arts, int n, const struct art_book *book,
                                bool cover, bool toc);
void pdf_front_free(struct pdf_front *f);
/* Count the front pages (before the body: page labels need it). */
int pdf_front_measure(struct pdf *p, struct pdf_front *f);
/* After the body: finish its last page, draw the cover and contents. */
void pdf_front_render(struct pdf *p, struct pdf_front *f);
/* Label the current page for its final position (front pages first). */
void pdf_front_label_page(struct pdf *p);
/* Number of the current body page as the reader sees it. */
int pdf_body_page(const struct pdf *p);
/* In the finished PDF, move the last k pages to the front; returns 1/0. */
int pdf_front_move_first(GByteArray *b, int k);

#endif
