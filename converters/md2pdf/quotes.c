/* quotes.c - proportional quotation marks inside Latin text; adjacent
 * full-width punctuation compressed (clreq 3.1.6: "。」" takes 1.5 em).
 *
 * The Noto CJK faces draw body text of every language here (their Latin is
 * good, and one face keeps mixed lines even).  Their curly quotes U+2018,
 * U+2019, U+201C and U+201D are full-width by default, as Chinese wants
 * them, so English "China’s" came out as "China’ s" with an em of air
 * after the apostrophe.  The OpenType feature 'pwid' selects the
 * proportional forms; we ask for it on each quote whose neighbours are
 * Latin text, and leave quotes next to Han, kana or Hangul full-width. */
#include "pdf.h"

enum side { SIDE_NONE, SIDE_LATIN, SIDE_CJK };

static bool
is_quote(gunichar c)
{
	return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

static enum side
classify(gunichar c)
{
	if (art_is_cjk(c))
		return SIDE_CJK;
	return g_unichar_isalnum(c) || g_unichar_ispunct(c) ? SIDE_LATIN : SIDE_NONE;
}

/* The nearest character before (dir -1) or after (dir 1) byte offset at,
 * skipping white space and other quotes. */
static enum side
neighbour(const char *s, const char *end, const char *at, int dir)
{
	const char *p = at;
	for (;;) {
		if (dir < 0) {
			if (p == s)
				return SIDE_NONE;
			p = g_utf8_prev_char(p);
		} else {
			p = g_utf8_next_char(p);
			if (p >= end)
				return SIDE_NONE;
		}
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) && !is_quote(c))
			return classify(c);
	}
}

/* OpenType feature f on the character at, added to add (in text order:
 * pdf_attrs_add_sorted() merges them in one pass, as inserting each into a
 * long list was quadratic). */
static void
feature(GPtrArray *add, const struct pdf_inline *in, const char *at, const char *f)
{
	PangoAttribute *a = pango_attr_font_features_new(f);
	a->start_index = (guint)(at - in->text->str);
	a->end_index = (guint)(g_utf8_next_char(at) - in->text->str);
	g_ptr_array_add(add, a);
}

/* Full-width punctuation whose white space is after (closing marks, and in
 * Simplified Chinese also ，。、：；！？) or before (opening marks) its ink. */
static int
punct_side(gunichar c)
{
	static const gunichar closing[] = {0xFF0C, 0x3002, 0x3001, 0xFF1A, 0xFF1B, 0xFF01,
	                                   0xFF1F, 0xFF09, 0x3011, 0x300B, 0x300D, 0x300F,
	                                   0x3009, 0x3015, 0x201D, 0x2019};
	static const gunichar opening[] = {0xFF08, 0x3010, 0x300A, 0x300C, 0x300E,
	                                   0x3008, 0x3014, 0x201C, 0x2018};
	for (size_t i = 0; i < G_N_ELEMENTS(closing); i++)
		if (c == closing[i])
			return 1;
	for (size_t i = 0; i < G_N_ELEMENTS(opening); i++)
		if (c == opening[i])
			return -1;
	return 0;
}

/* Curly quotes with a Latin neighbour and none CJK are proportional. */
static bool
latin_quote(const char *s, const char *end, const char *p)
{
	if (!is_quote(g_utf8_get_char(p)))
		return false;
	enum side before = neighbour(s, end, p, -1), after = neighbour(s, end, p, 1);
	return (before == SIDE_LATIN || after == SIDE_LATIN) && before != SIDE_CJK &&
	       after != SIDE_CJK;
}

void
pdf_compress_punct(struct pdf_inline *in)
{
	const char *s = in->text->str, *end = s + in->text->len;
	GPtrArray *add = g_ptr_array_new();
	for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
		const char *q = g_utf8_next_char(p);
		if (q >= end)
			break;
		int a = punct_side(g_utf8_get_char(p)), b = punct_side(g_utf8_get_char(q));
		if (!a || !b || latin_quote(s, end, p) || latin_quote(s, end, q))
			continue;
		/* the white space between the two inks goes: a closing mark
		 * loses what follows it, else an opening one what precedes it */
		if (a > 0)
			feature(add, in, p, "halt 1");
		else if (b < 0)
			feature(add, in, q, "halt 1");
	}
	pdf_attrs_add_sorted(in, add);
}

void
pdf_latin_quotes(struct pdf_inline *in)
{
	const char *s = in->text->str, *end = s + in->text->len;
	GPtrArray *add = g_ptr_array_new();
	for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
		if (!is_quote(g_utf8_get_char(p)))
			continue;
		enum side before = neighbour(s, end, p, -1), after = neighbour(s, end, p, 1);
		if ((before == SIDE_LATIN || after == SIDE_LATIN) && before != SIDE_CJK &&
		    after != SIDE_CJK)
			feature(add, in, p, "pwid 1");
	}
	pdf_attrs_add_sorted(in, add);
}
