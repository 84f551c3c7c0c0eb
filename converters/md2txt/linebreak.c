/* linebreak.c - UAX #14 line break opportunities from ICU's line break
 * iterator.
 *
 * Why ICU and not pango: every mdpress process already loads ICU (Debian's
 * libxml2 links it), while pango brings gio, harfbuzz, freetype and a dozen
 * more libraries whose loading was 6 ms of md2txt's ~16 ms on the seed.
 * ICU implements the same UAX #14 rules (Unicode 15 in ICU 72), so CJK text
 * still breaks between ideographs and never before ，。」 or after 「（. */
#include <unicode/ubrk.h>
#include <unicode/utext.h>

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
txt_line_breaks(const char *text, int len, const int *off, int nchars, const char *lang,
                bool *brk)
{
	for (int i = 0; i <= nchars; i++)
		brk[i] = false;
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = iterator_for(lang);
	UText *ut = bi ? utext_openUTF8(NULL, text, len, &st) : NULL;
	if (ut)
		ubrk_setUText(bi, ut, &st);
	if (!ut || U_FAILURE(st)) {
		/* No ICU: break after spaces, which is never wrong, only coarse. */
		for (int i = 1; i < nchars; i++)
			brk[i] = text[off[i - 1]] == ' ' && text[off[i]] != ' ';
		if (ut)
			utext_close(ut);
		return;
	}
	/* Boundaries are UTF-8 byte offsets, increasing: walk off[] along. */
	int i = 0;
	for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
		while (i < nchars && off[i] < b)
			i++;
		if (i <= nchars && off[i] == b)
			brk[i] = true;
	}
	utext_close(ut);
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
