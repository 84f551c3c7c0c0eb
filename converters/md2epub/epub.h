/* epub.h - md2epub's internal interfaces.
 *
 * A book is one or more articles; each becomes one chapter XHTML document
 * built with libxml2's tree API (xhtml.c), then the
 * package document, nav and NCX (opf.c) and the zip container (epub.c). */
#ifndef MDPRESS_EPUB_H
#define MDPRESS_EPUB_H

#include <libxml/tree.h>

#include "article.h"

#define EPUB_NS_XHTML "http://www.w3.org/1999/xhtml"
#define EPUB_NS_OPS "http://www.idpf.org/2007/ops"

/* One file packed into the book besides the chapters (images). */
struct epub_item {
	char *id;   /* manifest id: "img-001" */
	char *href; /* relative to the package folder: "images/img-001.png" */
	const char *mime;
	char *path; /* file to copy in */
	char *data; /* or these bytes (repaired SVG) */
	size_t len;
	bool cover; /* properties="cover-image" */
};

/* One heading listed in the nav / NCX. */
struct epub_toc_entry {
	int level; /* 1-3; 0 = chapter title entry */
	char *text;
	char *href; /* "chapter-001.xhtml#id" */
};

struct epub_chapter {
	struct article *art;
	char *canon;          /* canonical path of the source, for cross links */
	char *file;           /* "chapter-001.xhtml" */
	char *id;             /* "chapter-001" */
	char *title;          /* for the nav */
	xmlDocPtr doc;        /* the rendered chapter */
	GHashTable *ids;      /* ids present in doc (owned keys) */
	GPtrArray *toc;       /* struct epub_toc_entry * */
	GPtrArray *fn_ids;    /* [number] -> id of its <aside>, or NULL */
	GPtrArray *fnref_ids; /* [number] -> id of its first noteref, or NULL */
};

struct epub_book {
	/* metadata */
	char *title;
	GPtrArray *authors; /* char * */
	char *lang;
	char *date;     /* W3C date or NULL */
	char *modified; /* CCYY-MM-DDThh:mm:ssZ */
	char *identifier;
	char *description;
	GPtrArray *subjects; /* char * */
	gint64 epoch;        /* for zip mtimes and dcterms:modified */
	/* content */
	GPtrArray *chapters;      /* struct epub_chapter * */
	GPtrArray *items;         /* struct epub_item * */
	GHashTable *item_by_path; /* resolved path -> struct epub_item * */
	struct epub_item *cover;  /* or NULL */
	char *css;                /* the stylesheet text */
	char *cover_src;          /* --cover override, or NULL */
};

/* book.c */
struct epub_book *epub_book_new(void);
void epub_book_free(struct epub_book *book);
/* Forget the chapters' articles so that epub_book_free() leaves them to
 * whoever loaded them. */
void epub_book_release_articles(struct epub_book *book);
/* Add an article as the next chapter; the book takes ownership. */
void epub_book_add(struct epub_book *book, struct article *art);
/* Fill book metadata from overrides (may be NULL) and the first article. */
void epub_book_set_meta(struct epub_book *book, const struct art_meta *over);
/* Render all chapters and fix cross links.  Returns 1/0. */
int epub_book_render(struct epub_book *book);
/* The item for a resource, packed once per path; NULL if unusable, after
 * a warning at file:pos, the reference that first met it. */
struct epub_item *epub_book_image(struct epub_book *book, const struct art_resource *res,
                                  const char *file, struct art_pos pos);
/* Chapter for a link to another file of the book, or NULL. */
struct epub_chapter *epub_book_chapter_for(struct epub_book *book, const char *canon);
/* Make a link target from a Markdown/HTML href, or NULL to drop the link. */
char *epub_href(struct epub_book *book, struct epub_chapter *ch, const char *url);

/* xhtml.c (with xhtml_inline.c) */
/* Build ch->doc from ch->art. */
void epub_xhtml_chapter(struct epub_book *book, struct epub_chapter *ch);
/* A footnote reference to footnote number n, or nothing if n is unknown. */
void epub_noteref(struct epub_book *book, struct epub_chapter *ch, xmlNodePtr parent, int n);

/* xhtml_doc.c */
/* A new XHTML document with head (title, stylesheet); returns body. */
xmlNodePtr epub_xhtml_skeleton(xmlDocPtr *doc, const char *lang, const char *title,
                               bool stylesheet);
/* A valid XML id (NCName) derived from any string; new string. */
char *epub_xml_id(const char *raw);
/* Claim an id in ch (unique: "base", "base-2"...); returns it, owned by ch. */
const char *epub_claim_id(struct epub_chapter *ch, const char *base);
/* Append a newline text node (keeps the serialised XHTML readable
 * without libxml2's formatter, which would add space inside <pre>). */
void epub_nl(xmlNodePtr parent);
/* Append text, dropping characters XML 1.0 forbids. */
void epub_text(xmlNodePtr parent, const char *s);
/* Copy of s without characters XML 1.0 forbids. */
char *epub_clean(const char *s);
/* Placeholder for an image that cannot be packed. */
xmlNodePtr epub_missing_image(xmlNodePtr parent, const char *alt);

/* anchors.c */
/* Values of epub_chapter.ids: an id reserved for a heading not yet
 * rendered, and one present in the document. */
#define EPUB_ID_RESERVED GINT_TO_POINTER(1)
#define EPUB_ID_PRESENT GINT_TO_POINTER(2)
/* Put the ids that name n (art->anchors) on e, the element rendered for
 * n, each unless the chapter has it already. */
void epub_anchor_ids(struct epub_chapter *ch, xmlNodePtr e, const struct art_node *n);

/* opf.c */
char *epub_opf(const struct epub_book *book, size_t *len);
char *epub_nav(const struct epub_book *book, size_t *len);
char *epub_ncx(const struct epub_book *book, size_t *len);
char *epub_cover_page(const struct epub_book *book, size_t *len);
char *epub_doc_dump(xmlDocPtr doc, size_t *len);

/* epub.c */
/* Write the container to fp; name is for messages.  Returns 1/0 (reported). */
int epub_write(const struct epub_book *book, FILE *fp, const char *name);

/* svg.c */
/* The SVG file repaired for EPUB, or NULL if it is no usable SVG (then
 * *why says what is wrong: a new string). */
char *epub_svg_clean(const char *path, size_t *len, char **why);

/* fonts.c */
/* Pack the font files the style names and, with cjk (--embed-fonts), the
 * CJK faces of the stylesheet, each cut to the characters it shows in the
 * rendered book; *css gets their @font-face rules (NULL when none).
 * Returns 1, or 0 after an error (a style's font file HarfBuzz cannot
 * read). */
int epub_fonts_embed(struct epub_book *book, const struct art_style *st, bool cjk, char **css);
/* Release fontconfig at the end of the run. */
void epub_fonts_free(void);

/* style.c */
extern const char epub_default_css[];
/* The family name the stylesheet gives a font file a style names: its
 * file name without the extension.  A new string. */
char *epub_font_family(const char *path);
/* CSS for what a --style file sets (colours, fonts, sizes relative to the
 * body, paragraph spacing and indent, heading numbers); "" when nothing. */
char *epub_style_css(const struct art_style *st);

#endif
