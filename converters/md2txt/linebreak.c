/* linebreak.c - UAX #14 line break opportunities from ICU's line break
 * iterator.
 *
 * Why ICU and not pango: every mdpress process already loads ICU (Debian's
 * libxml2 links it), while pango brings gio, harfbuzz, freetype and a dozen
 * more libraries whose loading was 6 ms of md2txt's ~16 ms on the seed.
 * ICU implements the same UAX #14 rules (Unicode 15 in ICU 72), so CJK text
 * still breaks between ideographs and never before ，。」 or after 「（. */
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

void
txt_line_breaks(const gunichar *cp, int nchars, const char *lang, bool *brk)
{
	for (int i = 0; i <= nchars; i++)
		brk[i] = false;
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = iterator_for(lang);
	/* ICU iterates UTF-16 text directly; over UTF-8 it goes through
	 * UText callbacks per character, a quarter of md2txt's time.  The
	 * characters are decoded already: encode them, noting where each
	 * starts. */
	UChar *u16 = NULL;
	int *at16 = NULL; /* UTF-16 offset of character i */
	int32_t n16 = 0;
	if (bi && nchars < INT32_MAX / 2) {
		u16 = g_new(UChar, 2 * (gsize)nchars + 1);
		at16 = g_new(int, (gsize)nchars + 1);
		for (int i = 0; i < nchars; i++) {
			at16[i] = n16;
			if (cp[i] < 0x10000) {
				u16[n16++] = (UChar)cp[i];
			} else {
				u16[n16++] = (UChar)(0xD7C0 + (cp[i] >> 10));
				u16[n16++] = (UChar)(0xDC00 | (cp[i] & 0x3FF));
			}
		}
		at16[nchars] = n16;
		ubrk_setText(bi, u16, n16, &st);
	}
	if (!u16 || U_FAILURE(st)) {
		/* No ICU: break after spaces, which is never wrong, only coarse. */
		for (int i = 1; i < nchars; i++)
			brk[i] = cp[i - 1] == ' ' && cp[i] != ' ';
	} else {
		/* Boundaries are UTF-16 offsets, increasing: walk along. */
		int i = 0;
		for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
			while (i < nchars && at16[i] < b)
				i++;
			if (at16[i] == b)
				brk[i] = true;
		}
	}
	/* the iterator keeps a pointer to u16, unused until the next
	 * ubrk_setText() */
	g_free(u16);
	g_free(at16);
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
