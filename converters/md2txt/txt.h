/* txt.h - md2txt's private interfaces: the plain-text renderer (txt.c,
 * inline.c, table.c), and the line wrapper shared by paragraphs, lists,
 * quotes and tables (wrap.c).  Raw HTML reaches us as model nodes
 * (common/html.c). */
#ifndef MDPRESS_TXT_H
#define MDPRESS_TXT_H

#include "article.h"
#include <glib.h>

#define TXT_DEFAULT_WIDTH 72

struct txt_opts {
	int width;      /* display columns; 0 = no wrapping */
	bool autospace; /* --autospace: a space between Han and Latin */
};

/* Renderer state (txt.c); table.c reads it too. */
struct txt {
	int width;
	bool autospace;
	const struct article *art;
	const char *lang;
	GString *out;
	GString *sep;        /* blank line still to write, or NULL */
	GPtrArray *urls;     /* char *, link number n at n-1 */
	GHashTable *url_num; /* url -> GINT_TO_POINTER(n); keys borrowed from urls */
	bool flat_warned;    /* ART_W_NESTING_FLAT said for this article */
};

struct txt *txt_new(const struct txt_opts *opts);
/* Append the text rendering of art to out.  Returns 1. */
int txt_render(struct txt *t, const struct article *art, GString *out);
void txt_free(struct txt *t);

/* Append finished lines to the output, after any pending blank line. */
void txt_put(struct txt *t, const GString *lines);
/* inline.c: plain text of a node's inline children ("text [n]" links, "[^n]"
 * footnotes, "[image: alt]"); '\n' for hard breaks.  Returns a new string. */
char *txt_inline_text(struct txt *t, const struct art_node *parent);
/* A GFM table with the given first-line and other-line prefixes. */
void txt_render_table(struct txt *t, const struct art_node *n, const char *first,
                      const char *rest);

/* Wrap text (UTF-8; '\n' forces a line break) into lines of at most width
 * display columns, prefix included, and append them to out, each ending in
 * '\n'.  The first line starts with first, the others with rest.  Breaks
 * only at UAX #14 opportunities (ICU); spaces at a break vanish.  A run
 * that has no break opportunity and is wider than the room is left whole.
 * width 0 = only the forced breaks.  lang may be NULL. */
void txt_wrap(GString *out, const char *text, int width, const char *first, const char *rest,
              const char *lang);
/* linebreak.c: the UAX #14 opportunities to break a text of nchars
 * characters cp[0..nchars-1], found when first asked for. */
struct txt_breaks {
	const gunichar *cp;
	int nchars;
	const char *lang;
	bool ready;                /* the text is encoded (or ICU failed) */
	int base;                  /* no question looks before this char */
	int shown;                 /* where ICU's text starts (a char), or -1 */
	struct UBreakIterator *bi; /* NULL: no ICU, breaks after spaces */
	gunichar2 *u16;            /* the text in UTF-16, for ICU */
	int *at16;                 /* UTF-16 offset of char i, i = 0..nchars */
	int *char_at;              /* char index at a UTF-16 offset */
};
void txt_breaks_init(struct txt_breaks *b, const gunichar *cp, int nchars, const char *lang);
/* The last k with lo < k <= hi where a line may break before character k,
 * or -1 when there is none. */
int txt_breaks_last(struct txt_breaks *b, int lo, int hi);
/* The first k > lo where a line may break before character k, or -1. */
int txt_breaks_next(struct txt_breaks *b, int lo);
/* A line broke before character k, an opportunity: no later question
 * looks before it (ICU then needs only the text from k on). */
void txt_breaks_from(struct txt_breaks *b, int k);
void txt_breaks_done(struct txt_breaks *b);
/* Release the cached break iterator (at exit, for leak checkers). */
void txt_line_breaks_free(void);
/* Append prefix with trailing spaces removed, and a newline. */
void txt_blank_line(GString *out, const char *prefix);

#endif
