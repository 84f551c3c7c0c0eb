/* text.c - UTF-8 checks, display widths, CSS Text segment breaks, language
 * guess and heading slugs.  Everything Unicode comes from GLib's tables. */
#include "article.h"
#include "internal.h"

#include <string.h>

/* Validate with GLib (which also rejects NUL bytes when given a length) and
 * turn the offset of the first bad byte into a 1-based line and byte column. */
bool
art_utf8_check(const char *buf, size_t len, int *line, int *col)
{
	const char *end = NULL;
	if (g_utf8_validate_len(buf, len, &end))
		return true;
	int l = 1;
	const char *bol = buf;
	for (const char *p = buf; p < end; p++) {
		if (*p == '\n') {
			l++;
			bol = p + 1;
		}
	}
	if (line)
		*line = l;
	if (col)
		*col = (int)(end - bol) + 1;
	return false;
}

/* UAX #11 widths as a terminal shows them: GLib's iswide covers W and F. */
int
art_char_width(gunichar c)
{
	if (c >= 0x20 && c < 0x7f)
		return 1; /* printable ASCII and CJK ideographs, most of any */
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 2; /* text: no table look-ups (UAX #11: W) */
	if (c == 0 || g_unichar_iszerowidth(c) || g_unichar_ismark(c))
		return 0;
	if (g_unichar_iswide(c))
		return 2;
	return 1;
}

int
art_str_width(const char *s, gssize len)
{
	if (!s)
		return 0;
	const char *end = len < 0 ? s + strlen(s) : s + len;
	int w = 0;
	for (const char *p = s; p < end;) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			w++; /* a stray byte shows as one replacement cell */
			p++;
			continue;
		}
		w += art_char_width(c);
		p = g_utf8_next_char(p);
	}
	return w;
}

static bool
is_hangul(gunichar c)
{
	return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HANGUL;
}

/* East Asian Width F, W or H.  GLib has no query for H (Halfwidth), so the
 * Halfwidth Forms block is listed (UAX #11: U+FF61..FFDC, U+FFE8..FFEE). */
static bool
is_fwh(gunichar c)
{
	return g_unichar_iswide(c) || (c >= 0xFF61 && c <= 0xFFDC) ||
	       (c >= 0xFFE8 && c <= 0xFFEE);
}

/* East Asian Ambiguous punctuation such as “ ” ‘ ’ … — ·, which Chinese and
 * Japanese fonts draw full width. */
static bool
is_ambiguous_punct(gunichar c)
{
	return g_unichar_iswide_cjk(c) && !g_unichar_iswide(c) && g_unichar_ispunct(c);
}

static bool
lang_is_zh_ja(const char *lang)
{
	return lang && (g_ascii_strncasecmp(lang, "zh", 2) == 0 ||
	                g_ascii_strncasecmp(lang, "ja", 2) == 0);
}

bool
art_is_fw_punct(gunichar c)
{
	if (!is_fwh(c) || art_is_cjk_letter(c))
		return false;
	switch (g_unichar_type(c)) { /* punctuation, not symbols such as ❌ */
	case G_UNICODE_CONNECT_PUNCTUATION:
	case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_OPEN_PUNCTUATION:
	case G_UNICODE_CLOSE_PUNCTUATION:
	case G_UNICODE_INITIAL_PUNCTUATION:
	case G_UNICODE_FINAL_PUNCTUATION:
	case G_UNICODE_OTHER_PUNCTUATION:
		return true;
	default:
		return false;
	}
}

char *
art_drop_spaces_by_fw_punct(const char *s)
{
	GString *out = g_string_sized_new(strlen(s));
	gunichar prev = 0;
	for (const char *p = s; *p;) {
		if (*p == ' ') {
			const char *q = p;
			while (*q == ' ')
				q++;
			/* a run of spaces after or before full-width punctuation goes */
			if (!art_is_fw_punct(prev) &&
			    !(*q && art_is_fw_punct(g_utf8_get_char(q))))
				g_string_append_len(out, p, q - p);
			p = q;
			continue;
		}
		prev = g_utf8_get_char(p);
		const char *e = g_utf8_next_char(p);
		g_string_append_len(out, p, e - p);
		p = e;
	}
	return g_string_free(out, FALSE);
}

/* CSS Text 3 §4.1.2 (segment break transformation), with the CSS Text 4
 * refinement for zh/ja where East Asian Ambiguous punctuation next to a wide
 * character also drops the break.  A zero width space on either side
 * removes it too, and so does full-width punctuation on either side, also
 * before or after Latin text ("表示。\nSubstreamID" reads "表示。SubstreamID",
 * as in a browser that follows clreq). */
bool
art_segment_break_removed(gunichar before, gunichar after, const char *lang)
{
	if (before == 0x200B || after == 0x200B)
		return true;
	if (before == 0 || after == 0)
		return false;
	if (is_hangul(before) || is_hangul(after))
		return false;
	if ((is_fwh(before) && is_fwh(after)) || art_is_fw_punct(before) ||
	    art_is_fw_punct(after))
		return true;
	if (lang_is_zh_ja(lang)) {
		if (is_fwh(before) && is_ambiguous_punct(after))
			return true;
		if (is_ambiguous_punct(before) && is_fwh(after))
			return true;
	}
	return false;
}

/* Count letters by script.  Chinese wins when Han ideographs are at least a
 * fifth of all letters: in the corpus Chinese articles (full of English
 * product names) have 36% and more, English ones quoting Chinese at most
 * 11%.  Kana above 2% of the CJK letters makes it Japanese; Hangul as the
 * main CJK script, Korean. */
const char *
art_detect_lang(const char *text, gssize len)
{
	if (!text)
		return "en";
	const char *end = len < 0 ? text + strlen(text) : text + len;
	gsize letters = 0, han = 0, kana = 0, hangul = 0;
	for (const char *p = text; p < end;) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			continue;
		}
		p = g_utf8_next_char(p);
		if (!g_unichar_isalpha(c))
			continue;
		letters++;
		switch (g_unichar_get_script(c)) {
		case G_UNICODE_SCRIPT_HAN:
			han++;
			break;
		case G_UNICODE_SCRIPT_HIRAGANA:
		case G_UNICODE_SCRIPT_KATAKANA:
			kana++;
			break;
		case G_UNICODE_SCRIPT_HANGUL:
			hangul++;
			break;
		default:
			break;
		}
	}
	gsize cjk = han + kana + hangul;
	if (letters == 0 || cjk * 5 < letters)
		return "en";
	if (hangul > han + kana)
		return "ko";
	if (kana * 50 >= cjk)
		return "ja";
	return "zh";
}

/* GitHub's anchor rule: lower-case, drop everything but letters, digits,
 * marks, '-' and '_' (of any script), spaces become '-'. */
char *
art_slugify(const char *text)
{
	if (!text)
		return g_strdup("");
	char *valid = g_utf8_make_valid(text, -1);
	char *lower = g_utf8_strdown(g_strstrip(valid), -1);
	GString *out = g_string_sized_new(strlen(lower));
	for (const char *p = lower; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == '-' || c == '_' || g_unichar_isalnum(c) || g_unichar_ismark(c))
			g_string_append_unichar(out, c);
		else if (c == ' ' || c == '\t' || c == '\n')
			g_string_append_c(out, '-');
	}
	g_free(lower);
	g_free(valid);
	return g_string_free(out, FALSE);
}

char *
art_collapse_space(const char *s)
{
	GString *o = g_string_new(NULL);
	for (const char *p = s; *p; p++) {
		if (!is_html_space(*p))
			g_string_append_c(o, *p);
		else if (o->len && !is_html_space(o->str[o->len - 1]) && p[1] &&
		         !is_html_space(p[1]))
			g_string_append_c(o, ' ');
	}
	return g_string_free(o, FALSE);
}

bool
art_is_cjk_letter(gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN:
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
	case G_UNICODE_SCRIPT_HANGUL:
	case G_UNICODE_SCRIPT_BOPOMOFO:
		return true;
	default:
		return false;
	}
}

bool
art_is_cjk(gunichar c)
{
	return art_is_cjk_letter(c) || (c >= 0x3000 && c <= 0x303F) ||
	       (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F) ||
	       (c >= 0xFF00 && c <= 0xFFEF);
}

/* Chinese number units and signs that belong to the number before them. */
static bool
number_unit(gunichar c)
{
	return c == 0x4E07 /* 万 */ || c == 0x4EBF /* 亿 */ || c == 0x5343 /* 千 */ ||
	       c == 0x767E /* 百 */ || c == 0x5146 /* 兆 */ || c == '%' || c == 0x2030 ||
	       c == 0xFF05 /* ％ */ || c == '+' || c == 0x2103 /* ℃ */;
}

bool
art_no_break_between(gunichar before, gunichar after)
{
	if ((before == 0x2014 && after == 0x2014) || (before == 0x2026 && after == 0x2026))
		return true;
	if (before == '-' && after == '>') /* the C operator: victim->bk */
		return true;
	/* 850万+, 10%+, 3千: the unit (and a sign after it) stay with the number */
	return number_unit(after) && (g_unichar_isdigit(before) || number_unit(before));
}

static bool
is_hyphen(gunichar c)
{
	return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013;
}

/* Whether a hyphen after before starts a word. */
static bool
starts_word(gunichar before)
{
	if (!before || g_unichar_isspace(before) || art_is_cjk(before) || before == '"' ||
	    before == '\'')
		return true;
	GUnicodeType t = g_unichar_type(before);
	return t == G_UNICODE_OPEN_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION;
}

long
art_hyphen_run_step(struct art_hyphen_run *r, gunichar c, long at)
{
	long ends = -1;
	if (!r->started) {
		r->started = true;
		r->start = -1;
	}
	if (is_hyphen(c)) {
		if (r->start < 0 && starts_word(r->prev))
			r->start = at;
	} else {
		if (r->start >= 0 && g_unichar_isalnum(c))
			ends = r->start;
		r->start = -1;
	}
	r->prev = c;
	return ends;
}

static bool
latin_alnum(gunichar c)
{
	return c < 0x250 && g_unichar_isalnum(c);
}

bool
art_autospace_between(gunichar a, gunichar b)
{
	if (art_no_break_between(a, b))
		return false; /* 850万 is one token */
	bool ha = g_unichar_get_script(a) == G_UNICODE_SCRIPT_HAN;
	bool hb = g_unichar_get_script(b) == G_UNICODE_SCRIPT_HAN;
	return (ha && latin_alnum(b)) || (latin_alnum(a) && hb);
}

/* ASCII punctuation that may begin (lead) or end a Latin word such as
 * "--utc", "/etc/locale.conf", "_int_malloc", "C/C++": the word takes the
 * gap at that edge as a letter would.  Not , ; : ! ? (they end a phrase),
 * nor quotes (smart_punct.c decides them), nor % (a unit: 10%的). */
static bool
word_edge(gunichar c, bool lead)
{
	return c && c < 0x80 && strchr(lead ? "-/_~.$@#<([*&+=" : "/_+-.*#)]>&=", (int)c);
}

/* Whether the Latin run at p (up to a space, a non-ASCII character or the
 * end, scanning backward from p when back, within [start, ...)) holds a
 * letter or digit. */
static bool
run_has_alnum(const char *start, const char *p, bool back)
{
	for (int n = 0; n < 256; n++) {
		if (back ? p <= start : !*p)
			return false;
		unsigned char c = (unsigned char)(back ? p[-1] : *p);
		if (c >= 0x80 || g_ascii_isspace(c))
			return false;
		if (g_ascii_isalnum(c))
			return true;
		p += back ? -1 : 1;
	}
	return false;
}

bool
art_autospace_join(const char *start, const char *at)
{
	const char *p = at > start ? g_utf8_find_prev_char(start, at) : NULL;
	gunichar a = p ? g_utf8_get_char(p) : 0, b = *at ? g_utf8_get_char(at) : 0;
	if (art_autospace_between(a, b))
		return true;
	bool ha = g_unichar_get_script(a) == G_UNICODE_SCRIPT_HAN;
	bool hb = g_unichar_get_script(b) == G_UNICODE_SCRIPT_HAN;
	if (ha && word_edge(b, true))
		return run_has_alnum(start, at, false); /* 添加 --utc */
	if (hb && word_edge(a, false))
		return run_has_alnum(start, at, true); /* C/C++ 中 */
	return false;
}

bool
art_autospace_at(gunichar before, gunichar after, bool code_before, bool code_after)
{
	if (art_autospace_between(before, after))
		return true;
	if (!before || !after || g_unichar_isspace(before) || g_unichar_isspace(after))
		return false;
	return (code_after && g_unichar_get_script(before) == G_UNICODE_SCRIPT_HAN) ||
	       (code_before && g_unichar_get_script(after) == G_UNICODE_SCRIPT_HAN);
}
