/* wrap.c - greedy line wrapping at UAX #14 break opportunities.
 *
 * ICU's line break iterator gives the opportunities (linebreak.c), so CJK
 * text breaks between ideographs without a space, and never before closing
 * punctuation such as ，。」 or after an opening bracket.  Widths are display
 * columns from art_str_width() (East Asian Wide counts 2). */
#include <string.h>

#include "txt.h"

/* One forced line of text, decoded: its characters, widths and break
 * opportunities. */
struct wline {
	const char *text;
	int nchars;
	int *off;     /* byte offset of each char, off[nchars] = len */
	gunichar *cp; /* each char, decoded once */
	int *cw;      /* display width of each char */
	bool *brk;    /* nchars + 1: may break before char i */
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
		gunichar c = (unsigned char)*p < 0x80 ? (gunichar)*p : g_utf8_get_char(p);
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

/* A URL is one word to a reader (and to copy-paste): no breaks after its
 * slashes or dots, which UAX #14 would otherwise allow. */
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
		    (blen > 4 && strncmp(start, "www.", 4) == 0)) {
			for (int k = i + 1; k < j; k++)
				w->brk[k] = false;
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

/* Wrap one line that has no forced break.  *first says whether the first
 * prefix is still unused. */
static void
wrap_line(GString *out, const char *text, int len, int width, const char **prefix,
          const char *rest, const char *lang)
{
	struct wline w = {.text = text};
	w.nchars = (int)g_utf8_strlen(text, len);
	w.off = g_new(int, w.nchars + 1);
	w.cp = g_new(gunichar, w.nchars + 1);
	w.cw = g_new(int, w.nchars + 1);
	w.brk = g_new(bool, w.nchars + 1);
	int i = 0;
	for (const char *p = text; p < text + len; p = g_utf8_next_char(p), i++) {
		w.off[i] = (int)(p - text);
		w.cp[i] = g_utf8_get_char(p);
		w.cw[i] = art_char_width(w.cp[i]);
	}
	w.off[w.nchars] = len;
	w.cp[w.nchars] = 0;
	w.cw[w.nchars] = 0;
	txt_line_breaks(w.cp, w.nchars, lang, w.brk);
	for (i = 1; i < w.nchars; i++)
		if (w.brk[i] && art_no_break_between(w.cp[i - 1], w.cp[i]))
			w.brk[i] = false;
	protect_urls(&w);

	int start = 0;
	while (start < w.nchars && is_space(w.cp[start]))
		start++;
	int room = width - art_str_width(*prefix, -1);
	int cur = 0, brk = -1;
	for (i = start; i < w.nchars; i++) {
		bool white = is_space(w.cp[i]);
		if (i > start && w.brk[i])
			brk = i;
		if (!white && cur + w.cw[i] > room && brk > start) {
			emit(out, *prefix, text + w.off[start], w.off[brk] - w.off[start]);
			*prefix = rest;
			room = width - art_str_width(rest, -1);
			start = brk;
			while (start < i && is_space(w.cp[start]))
				start++;
			/* re-measure what moved to the new line, and its breaks */
			cur = 0;
			brk = -1;
			for (int k = start; k < i; k++) {
				if (k > start && w.brk[k])
					brk = k;
				cur += w.cw[k];
			}
			if (i > start && w.brk[i])
				brk = i;
		}
		cur += w.cw[i];
	}
	if (start < w.nchars || *prefix != rest)
		emit(out, *prefix, text + w.off[start], w.off[w.nchars] - w.off[start]);
	*prefix = rest;
	g_free(w.off);
	g_free(w.cp);
	g_free(w.cw);
	g_free(w.brk);
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
