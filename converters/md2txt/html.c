/* html.c - the text content of raw HTML blocks.
 *
 * md2txt has no HTML parser (libxml2 belongs to md2epub), and raw HTML in
 * articles is mostly tables, <br> and <img>; a tag-skipping pass keeps
 * their words, which is all plain text needs. */
#include <string.h>

#include "txt.h"

enum pending { P_NONE, P_SPACE, P_SOFT };

struct h2t {
	GString *out;
	const char *lang;
	enum pending pending;
	gunichar prev;          /* last character written on this line, 0 at start */
	int cells;              /* cells seen in the current table row */
	bool in_cell;           /* inside <td>/<th>: keep the row on one line */
};

static void put_newline(struct h2t *h)
{
	if (h->out->len > 0 && h->out->str[h->out->len - 1] != '\n')
		g_string_append_c(h->out, '\n');
	h->pending = P_NONE;
	h->prev = 0;
}

static void put_char(struct h2t *h, gunichar c)
{
	bool after_space = h->out->len > 0 && h->out->str[h->out->len - 1] == ' ';
	if (h->prev != 0 && !after_space && c != ' ') {
		if (h->pending == P_SPACE ||
		    (h->pending == P_SOFT && !art_segment_break_removed(h->prev, c, h->lang)))
			g_string_append_c(h->out, ' ');
	}
	h->pending = P_NONE;
	g_string_append_unichar(h->out, c);
	h->prev = c;
}

static void put_str(struct h2t *h, const char *s)
{
	for (; *s; s = g_utf8_next_char(s))
		put_char(h, g_utf8_get_char(s));
}

/* Decode the entity at p ('&'); returns its length, 0 if not one we know. */
static int entity(const char *p, gunichar *c)
{
	static const struct { const char *name; gunichar c; } names[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
		{ "apos;", '\'' }, { "nbsp;", ' ' }, { "ensp;", ' ' }, { "emsp;", ' ' },
		{ "copy;", 0xa9 }, { "reg;", 0xae }, { "mdash;", 0x2014 },
		{ "ndash;", 0x2013 }, { "hellip;", 0x2026 }, { "middot;", 0xb7 },
	};
	if (p[1] == '#') {
		char *end;
		bool hex = p[2] == 'x' || p[2] == 'X';
		gulong v = strtoul(p + (hex ? 3 : 2), &end, hex ? 16 : 10);
		if (end == p + (hex ? 3 : 2) || *end != ';' || end - p > 12)
			return 0;
		*c = (v == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) ? 0xfffd : (gunichar)v;
		return (int)(end - p) + 1;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		size_t n = strlen(names[i].name);
		if (strncmp(p + 1, names[i].name, n) == 0) {
			*c = names[i].c;
			return (int)n + 1;
		}
	}
	return 0;
}

/* Value of attribute attr inside the tag text [p, end), or NULL. */
static char *attr_value(const char *p, const char *end, const char *attr)
{
	size_t n = strlen(attr);
	for (const char *q = p; q + n < end; q++) {
		if (g_ascii_strncasecmp(q, attr, n) != 0 || !g_ascii_isspace(q[-1]))
			continue;
		const char *v = q + n;
		while (v < end && g_ascii_isspace(*v))
			v++;
		if (v >= end || *v != '=')
			continue;
		v++;
		while (v < end && g_ascii_isspace(*v))
			v++;
		char quote = (v < end && (*v == '"' || *v == '\'')) ? *v++ : 0;
		const char *e = v;
		while (e < end && (quote ? *e != quote : !g_ascii_isspace(*e) && *e != '/'))
			e++;
		return g_strndup(v, (gsize)(e - v));
	}
	return NULL;
}

static bool name_is(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (g_ascii_strcasecmp(name, *list) == 0)
			return true;
	return false;
}

/* Act on one tag [p, end) (without '<' and '>'). */
static void tag(struct h2t *h, const char *p, const char *end)
{
	static const char *const breaks[] = { "br", "p", "div", "tr", "li", "h1", "h2",
		"h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "dt", "dd",
		"blockquote", "pre", "center", "hr", "section", "article",
		"header", "footer", "figure", "figcaption", "caption", "details",
		"summary", "thead", "tbody", NULL };
	bool closing = *p == '/';
	if (closing)
		p++;
	const char *n = p;
	while (n < end && (g_ascii_isalnum(*n) || *n == '-'))
		n++;
	char *name = g_strndup(p, (gsize)(n - p));
	bool cell = g_ascii_strcasecmp(name, "td") == 0 || g_ascii_strcasecmp(name, "th") == 0;
	bool row = g_ascii_strcasecmp(name, "tr") == 0 || g_ascii_strcasecmp(name, "table") == 0;
	if (row || (cell && closing))
		h->in_cell = false;
	if (name_is(name, breaks)) {
		if (h->in_cell) {
			if (h->pending == P_NONE || h->pending == P_SOFT)
				h->pending = P_SPACE;
		} else {
			put_newline(h);
		}
	}
	if (!closing && row)
		h->cells = 0;
	if (!closing && cell) {
		if (h->cells++ > 0) {
			h->pending = P_NONE;
			put_str(h, " | ");
		}
		h->pending = P_NONE;
		h->in_cell = true;
	}
	if (!closing && g_ascii_strcasecmp(name, "img") == 0) {
		char *alt = attr_value(n, end, "alt");
		if (h->pending == P_SOFT)
			h->pending = P_SPACE;
		put_str(h, "[image");
		if (alt && *alt) {
			h->pending = P_NONE;
			put_str(h, ": ");
			h->pending = P_NONE;
			put_str(h, alt);
		}
		h->pending = P_NONE;
		put_char(h, ']');
		g_free(alt);
	}
	g_free(name);
}

/* Skip past the end of a <script> or <style> element starting at p. */
static const char *skip_element(const char *p, const char *name)
{
	char *close = g_strconcat("</", name, NULL);
	for (const char *q = p; *q; q++) {
		if (g_ascii_strncasecmp(q, close, strlen(close)) == 0) {
			const char *gt = strchr(q, '>');
			g_free(close);
			return gt ? gt + 1 : q + strlen(q);
		}
	}
	g_free(close);
	return p + strlen(p);
}

char *txt_html_to_text(const char *html, const char *lang)
{
	struct h2t h = { .out = g_string_new(NULL), .lang = lang };
	const char *p = html;
	while (*p) {
		if (*p == '<' && strncmp(p, "<!--", 4) == 0) {
			const char *e = strstr(p + 4, "-->");
			p = e ? e + 3 : p + strlen(p);
			continue;
		}
		if (*p == '<' && (g_ascii_isalpha(p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?')) {
			const char *gt = strchr(p, '>');
			if (gt) {
				tag(&h, p + 1, gt);
				if (g_ascii_strncasecmp(p, "<script", 7) == 0)
					p = skip_element(gt + 1, "script");
				else if (g_ascii_strncasecmp(p, "<style", 6) == 0)
					p = skip_element(gt + 1, "style");
				else
					p = gt + 1;
				continue;
			}
		}
		gunichar c = g_utf8_get_char(p);
		int len = (int)(g_utf8_next_char(p) - p);
		if (c == '&') {
			gunichar d;
			int n = entity(p, &d);
			if (n > 0) {
				c = d;
				len = n;
			}
		}
		if (c == '\n' || c == '\r') {
			if (h.pending != P_SPACE)
				h.pending = P_SOFT;
		} else if (c == ' ' || c == '\t') {
			h.pending = P_SPACE;
		} else {
			put_char(&h, c);
		}
		p += len;
	}
	/* trim each line, drop empty ones */
	GString *res = g_string_new(NULL);
	char **lines = g_strsplit(h.out->str, "\n", -1);
	for (char **l = lines; *l; l++) {
		char *s = g_strstrip(*l);
		if (*s) {
			g_string_append(res, s);
			g_string_append_c(res, '\n');
		}
	}
	g_strfreev(lines);
	g_string_free(h.out, TRUE);
	if (res->len > 0)
		g_string_truncate(res, res->len - 1);
	return g_string_free(res, FALSE);
}
