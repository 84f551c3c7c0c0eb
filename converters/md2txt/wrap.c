/* wrap.c - greedy line wrapping at UAX #14 break opportunities.
 *
 * ICU's line break iterator gives the opportunities (linebreak.c), so CJK
 * text breaks between ideographs without a space, and never before closing
 * punctuation such as ，。」 or after an opening bracket.  Widths are display
 * columns from art_str_width() (East Asian Wide counts 2). */
#include <string.h>

#include "txt.h"

/* One forced line of text, decoded: its characters, widths, where a URL
 * forbids a break, and its break opportunities (asked of ICU only where a
 * line overflows). */
struct wline {
	const char *text;
	int nchars;
	int *off;     /* byte offset of each char, off[nchars] = len */
	gunichar *cp; /* each char, decoded once */
	int *cw;      /* display width of each char */
	bool *keep;   /* nchars + 1: no break before char i (inside a URL) */
	struct txt_breaks brk;
};

static bool
is_space(gunichar c)
{
	return c == ' ' || c == '\t';
}

/* Map characters that would confuse a terminal or the wrapper: tabs and
 * runs of spaces to one space, other line separators to '\n', C0/C1 controls dropped. */
static char *
sanitize(const char *text)
{
	GString *s = g_string_sized_new(strlen(text));
	const char *run = text; /* characters kept as they are, not yet copied */
	for (const char *p = text; *p;) {
		const char *next = g_utf8_next_char(p);
		unsigned char lead = (unsigned char)*p;
		if (lead >= 0x80 && lead != 0xC2 && lead != 0xE2) {
			p = next; /* not U+0080-U+009F (C2 ..) nor U+2028/9 (E2 ..) */
			continue;
		}
		gunichar c = lead < 0x80 ? (gunichar)lead : g_utf8_get_char(p);
		bool plain = c != '\t' && c != ' ' && c != '\n' && c != 0x2028 && c != 0x2029 &&
		             c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0);
		if (plain ||
		    (c == ' ' && p > text && p[-1] != ' ' && p[-1] != '\t' && run < p)) {
			p = next; /* a lone space after kept text stays as it is */
			continue;
		}
		g_string_append_len(s, run, p - run);
		if (c == '\t' || c == ' ') {
			/* runs of spaces read as one, as they would in HTML */
			if (s->len == 0 || s->str[s->len - 1] != ' ')
				g_string_append_c(s, ' ');
		} else if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85)
			g_string_append_c(s, '\n');
		/* else a control character: dropped */
		p = run = next;
	}
	g_string_append_len(s, run, strchr(run, '\0') - run);
	return g_string_free(s, FALSE);
}

/* A hyphen that starts a word stays with the letter after it ("-c",
 * "--loadbalance": UAX #14 LB20a, newer than ICU here). */
static void
protect_word_hyphens(struct wline *w)
{
	struct art_hyphen_run run = {0};
	for (int i = 0; i < w->nchars; i++) {
		long from = art_hyphen_run_step(&run, w->cp[i], i);
		for (long k = from + 1; from >= 0 && k <= i; k++)
			w->keep[k] = true;
	}
}

/* A file path ("/etc/yum.repos.d/openEuler.repo", "./x/y"), not longer
 * than PATH_MAX_COLS: one word, as a URL. */
#define PATH_MAX_COLS 60
static bool
path_like(const char *s, size_t len)
{
	if (len < 2 || len > PATH_MAX_COLS || !memchr(s + 1, '/', len - 1))
		return false;
	return s[0] == '/' || (s[0] == '~' && s[1] == '/') || (s[0] == '.' && s[1] == '/') ||
	       (len > 2 && s[0] == '.' && s[1] == '.' && s[2] == '/');
}

/* A URL is one word to a reader (and to copy-paste): no breaks after its
 * slashes or dots, which UAX #14 would otherwise allow; nor a file path. */
static void
protect_urls(struct wline *w)
{
	int i = 0;
	while (i < w->nchars) {
		if (is_space(w->cp[i]) || w->cw[i] > 1) {
			i++;
			continue;
		}
		int j = i;
		while (j < w->nchars) {
			if (is_space(w->cp[j]) || w->cw[j] > 1)
				break;
			j++;
		}
		const char *start = w->text + w->off[i];
		size_t blen = (size_t)(w->off[j] - w->off[i]);
		if ((memchr(start, ':', blen) && g_strstr_len(start, (gssize)blen, "://")) ||
		    (blen > 4 && strncmp(start, "www.", 4) == 0) || path_like(start, blen)) {
			for (int k = i + 1; k < j; k++)
				w->keep[k] = true;
		}
		i = j;
	}
}

static void
emit(GString *out, const char *prefix, const char *s, int len)
{
	while (len > 0 && is_space((gunichar)(unsigned char)s[len - 1]))
		len--;
	if (len == 0) {
		txt_blank_line(out, prefix);
		return;
	}
	g_string_append(out, prefix);
	g_string_append_len(out, s, len);
	g_string_append_c(out, '\n');
}

void
txt_blank_line(GString *out, const char *prefix)
{
	size_t n = strlen(prefix);
	while (n > 0 && prefix[n - 1] == ' ')
		n--;
	g_string_append_len(out, prefix, (gssize)n);
	g_string_append_c(out, '\n');
}

/* Whether a line may break before char k, an opportunity UAX #14 gives:
 * not inside a URL, not between a number and its unit. */
static bool
allowed(const struct wline *w, int k)
{
	return !w->keep[k] && !art_no_break_between(w->cp[k - 1], w->cp[k]);
}

/* The last place a line may break with lo < k <= hi, or -1. */
static int
last_break(struct wline *w, int lo, int hi)
{
	for (int k = txt_breaks_last(&w->brk, lo, hi); k > lo;
	     k = txt_breaks_last(&w->brk, lo, k - 1))
		if (allowed(w, k))
			return k;
	return -1;
}

/* The first place a line may break after lo, or -1. */
static int
next_break(struct wline *w, int lo)
{
	for (int k = txt_breaks_next(&w->brk, lo); k > lo; k = txt_breaks_next(&w->brk, k))
		if (allowed(w, k))
			return k;
	return -1;
}

/* Wrap one line that has no forced break.  *first says whether the first
 * prefix is still unused.  Greedy: a line ends at the last opportunity
 * before the first character that does not fit; a run with none is left
 * whole, up to the next opportunity. */
static void
wrap_line(GString *out, const char *text, int len, int width, const char **prefix,
          const char *rest, const char *lang)
{
	struct wline w = {.text = text};
	glong n = 0;
	w.cp = g_utf8_to_ucs4_fast(text, len, &n);
	w.nchars = (int)n;
	w.off = g_new(int, w.nchars + 1);
	w.cw = g_new(int, w.nchars + 1);
	w.keep = g_new0(bool, w.nchars + 1);
	int o = 0;
	for (int i = 0; i < w.nchars; i++) {
		gunichar c = w.cp[i];
		w.off[i] = o;
		o += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		w.cw[i] = art_char_width(c);
	}
	w.off[w.nchars] = len;
	w.cw[w.nchars] = 0;
	protect_urls(&w);
	protect_word_hyphens(&w);
	txt_breaks_init(&w.brk, w.cp, w.nchars, lang);

	int start = 0, i;
	while (start < w.nchars && is_space(w.cp[start]))
		start++;
	int room = width - art_str_width(*prefix, -1);
	int cur = 0;
	int none = start; /* no place to break in (start, none] */
	for (i = start; i < w.nchars; i++) {
		if (!is_space(w.cp[i]) && cur + w.cw[i] > room && i > none) {
			int brk = last_break(&w, none, i);
			if (brk < 0) {
				/* this line runs on to the next opportunity */
				int next = next_break(&w, i);
				none = next < 0 ? w.nchars : next - 1;
			} else {
				emit(out, *prefix, text + w.off[start],
				     w.off[brk] - w.off[start]);
				*prefix = rest;
				room = width - art_str_width(rest, -1);
				txt_breaks_from(&w.brk, brk);
				start = brk;
				while (start < i && is_space(w.cp[start]))
					start++;
				/* re-measure what moved to the new line */
				cur = 0;
				for (int k = start; k < i; k++)
					cur += w.cw[k];
				none = start;
			}
		}
		cur += w.cw[i];
	}
	if (start < w.nchars || *prefix != rest)
		emit(out, *prefix, text + w.off[start], w.off[w.nchars] - w.off[start]);
	*prefix = rest;
	txt_breaks_done(&w.brk);
	g_free(w.off);
	g_free(w.cp);
	g_free(w.cw);
	g_free(w.keep);
}

void
txt_wrap(GString *out, const char *text, int width, const char *first, const char *rest,
         const char *lang)
{
	char *clean = sanitize(text);
	const char *prefix = first;
	char *line = clean;
	for (;;) {
		char *nl = strchr(line, '\n');
		int len = nl ? (int)(nl - line) : (int)strlen(line);
		if (width <= 0) {
			if (!nl && len == 0 && prefix == rest)
				break;
			while (len > 0 && line[0] == ' ' && prefix == rest) {
				line++;
				len--;
			}
			emit(out, prefix, line, len);
			prefix = rest;
		} else {
			wrap_line(out, line, len, width, &prefix, rest, lang);
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	g_free(clean);
}
