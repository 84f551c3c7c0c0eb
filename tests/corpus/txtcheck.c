/* txtcheck.c - test helper for md2txt output (tests/corpus/suite-20-txt.sh).
 *
 * usage: txtcheck width WIDTH OUTPUT.txt [SOURCE.md]
 *        txtcheck words OUTPUT.txt EXPECTED.html...
 *
 * width:
 * Reports, one per line, "OUTPUT:LINE: why: text", and exits 1 if any:
 *  - a line wider than WIDTH display columns (East Asian Wide = 2, as GLib
 *    says, independently of the model's art_str_width), unless it is
 *    code (its non-space characters equal those of a line of SOURCE.md),
 *    holds a URL or a file path, or is one unbreakable run after its
 *    prefix/marker;
 *  - a line (code excepted) starting with closing CJK punctuation or
 *    ending with an opening bracket;
 *  - any backslash outside code lines (cmark has unescaped them).
 * WIDTH 0 skips the width check.
 *
 * words: OUTPUT holds md2txt's rendering of the spec examples whose
 * expected HTML the EXPECTED files hold, separated by a blank line and a
 * line of 72 '~'.  Every word a reader of the expected HTML sees (its text
 * nodes, parsed as a browser would, script and style left out, and images'
 * alt text; runs of letters and digits of any script) must appear in the
 * example's part of the output (as substrings: "*a*b" prints "ab").
 * Lists each example with the words it lost; exits 1 if any. */
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
width_of(const char *s)
{
	int w = 0;
	for (; *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if (g_unichar_iszerowidth(c))
			continue;
		w += g_unichar_iswide(c) ? 2 : 1;
	}
	return w;
}

/* Non-space characters after any leading quote markers. */
static char *
key_of(const char *s)
{
	while (*s == '>' || *s == ' ' || *s == '\t')
		s++;
	GString *k = g_string_new(NULL);
	for (; *s; s++)
		if (!g_ascii_isspace(*s))
			g_string_append_c(k, *s);
	return g_string_free(k, FALSE);
}

/* Content after the quote prefix, indent and one list/link/footnote marker. */
static const char *
content_of(const char *s)
{
	while (*s == '>' || *s == ' ')
		s++;
	if ((*s == '-' || *s == '*') && s[1] == ' ')
		s += 2;
	else if (*s == '[') {
		const char *e = strchr(s, ']');
		if (e && e[1] == ' ')
			s = e + 2;
	} else if (g_ascii_isdigit(*s)) {
		const char *e = s;
		while (g_ascii_isdigit(*e))
			e++;
		if ((*e == '.' || *e == ')') && e[1] == ' ')
			s = e + 2;
	}
	if (s[0] == '[' && (s[1] == 'x' || s[1] == ' ') && s[2] == ']' && s[3] == ' ')
		s += 4;
	while (*s == ' ')
		s++;
	return s;
}

static bool
unbreakable(const char *s)
{
	if (strstr(s, "://"))
		return true;
	/* a file path is one word too (md2txt's wrap.c, up to 60 columns) */
	char **tokens = g_strsplit(s, " ", -1);
	bool path = false;
	for (char **t = tokens; *t && !path; t++) {
		size_t n = strlen(*t);
		path = n >= 2 && n <= 60 && strchr(*t + 1, '/') &&
		       ((*t)[0] == '/' || g_str_has_prefix(*t, "./") ||
		        g_str_has_prefix(*t, "~/") || g_str_has_prefix(*t, "../"));
	}
	g_strfreev(tokens);
	if (path)
		return true;
	if (strchr(s, ' '))
		return false;
	/* wide punctuation clings to its neighbours; ideographs do not */
	for (; *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if (g_unichar_iswide(c) && !g_unichar_ispunct(c))
			return false;
	}
	return true;
}

/* A backslash before ASCII punctuation, outside URLs: an escape that
 * should have been removed. */
static bool
escape_left(const char *l)
{
	char **tokens = g_strsplit(l, " ", -1);
	bool found = false;
	for (char **t = tokens; *t && !found; t++) {
		if (strstr(*t, "://"))
			continue;
		for (const char *p = strchr(*t, '\\'); p && !found; p = strchr(p + 1, '\\'))
			found = g_ascii_ispunct(p[1]);
	}
	g_strfreev(tokens);
	return found;
}

/* Words (runs of Unicode letters and digits) of the text a reader of
 * HTML node n sees, into set. */
static void
add_html_words(GHashTable *set, xmlNodePtr n)
{
	for (; n; n = n->next) {
		const char *text = NULL;
		xmlChar *alt = NULL;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			text = (const char *)n->content;
		} else if (n->type == XML_ELEMENT_NODE) {
			if (g_ascii_strcasecmp((const char *)n->name, "script") == 0 ||
			    g_ascii_strcasecmp((const char *)n->name, "style") == 0)
				continue;
			if (g_ascii_strcasecmp((const char *)n->name, "img") == 0)
				text = (const char *)(alt = xmlGetProp(n, BAD_CAST "alt"));
			add_html_words(set, n->children);
		}
		GString *w = g_string_new(NULL);
		for (const char *p = text ? text : "";; p = g_utf8_next_char(p)) {
			gunichar c = *p ? g_utf8_get_char(p) : 0;
			if (c && g_unichar_isalnum(c)) {
				g_string_append_unichar(w, c);
				continue;
			}
			if (w->len)
				g_hash_table_add(set, g_strdup(w->str));
			g_string_truncate(w, 0);
			if (!c)
				break;
		}
		g_string_free(w, TRUE);
		xmlFree(alt);
	}
}

/* html without "<![CDATA[...]]>" and "<!X...>" declarations: a browser
 * reads them as comments (HTML's bogus comment state), libxml2 as text. */
static char *
without_bogus_comments(const char *html)
{
	GString *o = g_string_new(NULL);
	for (const char *p = html; *p;) {
		const char *end = NULL;
		if (g_str_has_prefix(p, "<![CDATA[")) {
			end = strstr(p, "]]>");
			end = end ? end + 3 : NULL;
		} else if (p[0] == '<' && p[1] == '!' && p[2] != '-' &&
		           g_ascii_strncasecmp(p + 2, "doctype", 7) != 0) {
			end = strchr(p, '>');
			end = end ? end + 1 : NULL;
		}
		if (end) {
			p = end;
		} else {
			g_string_append_c(o, *p);
			p++;
		}
	}
	return g_string_free(o, FALSE);
}

static int
words_main(int argc, char **argv)
{
	char *out = NULL;
	if (!g_file_get_contents(argv[2], &out, NULL, NULL)) {
		fprintf(stderr, "txtcheck: cannot read %s\n", argv[2]);
		return 2;
	}
	char sep[80] = "\n";
	memset(sep + 1, '~', 72);
	strcpy(sep + 73, "\n\n");
	char **parts = g_strsplit(out, sep, -1);
	int nparts = (int)g_strv_length(parts), ninputs = argc - 3, bad = 0;
	if (nparts != ninputs) {
		printf("%d inputs but %d outputs\n", ninputs, nparts);
		bad++;
	}
	for (int i = 0; i < ninputs && i < nparts; i++) {
		char *html = NULL;
		if (!g_file_get_contents(argv[3 + i], &html, NULL, NULL))
			continue;
		/* inside an explicit <body>, so top-level text gets no <p> */
		char *body = without_bogus_comments(html);
		char *src = g_strconcat("<html><body>", body, "</body></html>", NULL);
		g_free(body);
		htmlDocPtr doc = htmlReadMemory(src, (int)strlen(src), argv[3 + i], "UTF-8",
		                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		                                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
		GHashTable *want = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		if (doc)
			add_html_words(want, xmlDocGetRootElement(doc));
		GHashTableIter it;
		gpointer key;
		GString *missing = g_string_new(NULL);
		g_hash_table_iter_init(&it, want);
		while (g_hash_table_iter_next(&it, &key, NULL))
			if (!strstr(parts[i], key))
				g_string_append_printf(missing, " %s", (char *)key);
		if (missing->len) {
			printf("%s: lost:%s\n", argv[3 + i], missing->str);
			bad++;
		}
		g_string_free(missing, TRUE);
		g_hash_table_destroy(want);
		if (doc)
			xmlFreeDoc(doc);
		g_free(src);
		g_free(html);
	}
	g_strfreev(parts);
	g_free(out);
	return bad ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "words") == 0)
		return words_main(argc, argv);
	if (argc < 4 || strcmp(argv[1], "width") != 0) {
		fprintf(stderr, "usage: txtcheck width WIDTH OUTPUT.txt [SOURCE.md]\n"
		                "       txtcheck words OUTPUT.txt EXPECTED.html...\n");
		return 2;
	}
	argc--;
	argv++;
	int width = atoi(argv[1]);
	char *text = NULL, *src = NULL;
	if (!g_file_get_contents(argv[2], &text, NULL, NULL)) {
		fprintf(stderr, "txtcheck: cannot read %s\n", argv[2]);
		return 2;
	}
	GHashTable *code = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (argc > 3) {
		if (!g_file_get_contents(argv[3], &src, NULL, NULL)) {
			fprintf(stderr, "txtcheck: cannot read %s\n", argv[3]);
			return 2;
		}
		g_strdelimit(src, "\r", '\n');
		char **sl = g_strsplit(src, "\n", -1);
		for (char **l = sl; *l; l++)
			g_hash_table_add(code, key_of(*l));
		g_strfreev(sl);
	}
	static const char *closing[] = {"，", "。", "、", "；", "：", "？", "！",
	                                "）", "」", "』", "》", "】", "〉", NULL};
	static const char *opening[] = {"（", "「", "『", "《", "【", "〈", NULL};
	int bad = 0;
	char **lines = g_strsplit(text, "\n", -1);
	for (int i = 0; lines[i]; i++) {
		const char *l = lines[i];
		char *key = key_of(l);
		bool is_code = *key && g_hash_table_contains(code, key);
		const char *why = NULL;
		const char *c = content_of(l);
		if (width > 0 && width_of(l) > width && !is_code && !unbreakable(c))
			why = "too wide";
		if (!is_code) {
			const char *t = l + strspn(l, "> ");
			for (int k = 0; closing[k]; k++)
				if (g_str_has_prefix(t, closing[k]))
					why = "starts with closing punctuation";
			for (int k = 0; opening[k]; k++)
				if (g_str_has_suffix(l, opening[k]))
					why = "ends with an opening bracket";
			if (escape_left(l))
				why = "backslash escape";
		}
		if (why) {
			printf("%s:%d: %s: %s\n", argv[2], i + 1, why, l);
			bad++;
		}
		g_free(key);
	}
	g_strfreev(lines);
	g_hash_table_destroy(code);
	g_free(text);
	g_free(src);
	return bad ? 1 : 0;
}
