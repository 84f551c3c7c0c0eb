/* linebreak.c - UAX #14 line break opportunities from ICU's line break
 * iterator, found only where the wrapper asks.
 *
 * Why ICU and not pango: every mdpress process already loads ICU (Debian's
 * libxml2 links it), while pango brings gio, harfbuzz, freetype and a dozen
 * more libraries whose loading was 6 ms of md2txt's ~16 ms on the seed.
 * ICU implements the same UAX #14 rules (Unicode 15 in ICU 72), so CJK text
 * still breaks between ideographs and never before ，。」 or after 「（.
 *
 * Why on demand: in Chinese text nearly every character is an opportunity,
 * and iterating over all of them was a fifth of md2txt's time on a long
 * article.  A greedy wrapper needs only the last opportunity before each
 * place where a line overflows: ICU's preceding() finds it from the rules'
 * safe points, with the same result as iterating from the start. */
#include <unicode/ubrk.h>

#include "txt.h"

/* One iterator per process, reopened only when the language changes:
 * ubrk_open() instantiates the rules, which is the costly part. */
static UBreakIterator *iter;
static char *iter_lang;

static UBreakIterator *
iterator_for(const char *lang)
{
	const char *locale = lang ? lang : "";
	if (iter && g_strcmp0(iter_lang, locale) == 0)
		return iter;
	txt_line_breaks_free();
	UErrorCode st = U_ZERO_ERROR;
	iter = ubrk_open(UBRK_LINE, locale, NULL, 0, &st);
	if (U_FAILURE(st)) {
		iter = NULL;
		return NULL;
	}
	iter_lang = g_strdup(locale);
	return iter;
}

/* ICU iterates UTF-16 text directly; over UTF-8 it goes through UText
 * callbacks per character.  The characters are decoded already: encode
 * them, noting where each starts, on the first question. */
static bool
set_text(struct txt_breaks *b)
{
	b->ready = true;
	UBreakIterator *bi = iterator_for(b->lang);
	if (!bi || b->nchars >= INT32_MAX / 2)
		return false;
	b->u16 = g_new(gunichar2, 2 * (gsize)b->nchars + 1);
	b->at16 = g_new(int, (gsize)b->nchars + 1);
	b->char_at = g_new(int, 2 * (gsize)b->nchars + 1);
	int32_t n16 = 0;
	for (int i = 0; i < b->nchars; i++) {
		gunichar c = b->cp[i];
		b->at16[i] = n16;
		b->char_at[n16] = i;
		if (c < 0x10000) {
			b->u16[n16++] = (gunichar2)c;
		} else {
			b->u16[n16++] = (gunichar2)(0xD7C0 + (c >> 10));
			b->u16[n16++] = (gunichar2)(0xDC00 | (c & 0x3FF));
		}
	}
	b->at16[b->nchars] = n16;
	b->char_at[n16] = b->nchars;
	b->bi = bi;
	b->shown = -1;
	return true;
}

/* ICU sees the text from the last break given (b->base) on.  Its
 * preceding() and isBoundary() look back to a point where its rules can
 * safely start, which in some texts ("a a a a ...") is the start of the
 * text: quadratic over a long paragraph.  A break opportunity is such a
 * point (the forward rules start afresh at every boundary), so the text
 * before it can go.  Returns the UTF-16 offset of the window's start. */
static int
window(struct txt_breaks *b)
{
	int from = b->at16[b->base];
	if (b->shown != b->base) {
		UErrorCode st = U_ZERO_ERROR;
		/* the iterator keeps a pointer to u16, unused after
		 * txt_breaks_done() until the next ubrk_setText() */
		ubrk_setText(b->bi, b->u16 + from, b->at16[b->nchars] - from, &st);
		if (U_FAILURE(st)) {
			b->bi = NULL;
			return 0;
		}
		b->shown = b->base;
	}
	return from;
}

void
txt_breaks_from(struct txt_breaks *b, int k)
{
	if (k > b->base && k < b->nchars)
		b->base = k;
}

void
txt_breaks_init(struct txt_breaks *b, const gunichar *cp, int nchars, const char *lang)
{
	*b = (struct txt_breaks){.cp = cp, .nchars = nchars, .lang = lang};
}

int
txt_breaks_last(struct txt_breaks *b, int lo, int hi)
{
	if (!b->ready)
		set_text(b);
	if (hi >= b->nchars)
		hi = b->nchars - 1;
	if (!b->bi) {
		/* No ICU: break after spaces, which is never wrong, only coarse. */
		for (int k = hi; k > lo; k--)
			if (b->cp[k - 1] == ' ' && b->cp[k] != ' ')
				return k;
		return -1;
	}
	if (lo < b->base)
		lo = b->base;
	if (hi <= lo)
		return -1;
	int from = window(b);
	if (!b->bi)
		return txt_breaks_last(b, lo, hi);
	/* In Chinese text the answer is mostly hi itself: asking whether it
	 * is a boundary looks back only to the rules' last safe point, where
	 * preceding() backs up 30 code units and iterates forward again. */
	if (ubrk_isBoundary(b->bi, b->at16[hi] - from))
		return hi;
	int32_t pos = ubrk_preceding(b->bi, b->at16[hi] - from);
	if (pos == UBRK_DONE || pos + from <= b->at16[lo])
		return -1;
	return b->char_at[pos + from];
}

int
txt_breaks_next(struct txt_breaks *b, int lo)
{
	if (!b->ready)
		set_text(b);
	if (lo < 0)
		lo = 0;
	if (!b->bi) {
		for (int k = lo + 1; k < b->nchars; k++)
			if (b->cp[k - 1] == ' ' && b->cp[k] != ' ')
				return k;
		return -1;
	}
	if (lo < b->base)
		lo = b->base;
	if (lo >= b->nchars)
		return -1;
	int from = window(b);
	if (!b->bi)
		return txt_breaks_next(b, lo);
	int32_t pos = ubrk_following(b->bi, b->at16[lo] - from);
	if (pos == UBRK_DONE || pos + from >= b->at16[b->nchars])
		return -1;
	return b->char_at[pos + from];
}

void
txt_breaks_done(struct txt_breaks *b)
{
	g_free(b->u16);
	g_free(b->at16);
	g_free(b->char_at);
	*b = (struct txt_breaks){0};
}

void
txt_line_breaks_free(void)
{
	if (iter)
		ubrk_close(iter);
	iter = NULL;
	g_free(iter_lang);
	iter_lang = NULL;
}
