/* txtcheck.c - test helper for md2txt output (tests/corpus/suite-20-txt.sh).
 *
 * usage: txtcheck width WIDTH OUTPUT.txt [SOURCE.md]
 *        txtcheck words MIN OUTPUT.txt INPUT.md...
 *
 * width:
 * Reports, one per line, "OUTPUT:LINE: why: text", and exits 1 if any:
 *  - a line wider than WIDTH display columns (East Asian Wide = 2, as GLib
 *    says, independently of the model's art_str_width), unless it is
 *    code (its non-space characters equal those of a line of SOURCE.md),
 *    holds a URL, or is one unbreakable run after its prefix/marker;
 *  - a line (code excepted) starting with closing CJK punctuation or
 *    ending with an opening bracket;
 *  - any backslash outside code lines (cmark has unescaped them).
 * WIDTH 0 skips the width check.
 *
 * words: OUTPUT holds md2txt's rendering of the INPUTs, separated by a blank
 * line and a line of 72 '~'.  For each input, the alphanumeric words of its
 * text (HTML tags, comments, scripts and entities removed) must appear
 * (as substrings: "*a*b" prints "ab") in its part of the
 * output, at least MIN percent of them; lists the inputs below that. */
#include <glib.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int width_of(const char *s)
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
static char *key_of(const char *s)
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
static const char *content_of(const char *s)
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

static bool unbreakable(const char *s)
{
	if (strstr(s, "://"))
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
static bool escape_left(const char *l)
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

/* Words (runs of ASCII letters and digits) of s, into set. */
static void add_words(GHashTable *set, const char *s)
{
	GString *w = g_string_new(NULL);
	bool line_start = true;
	for (const char *p = s;; p++) {
		/* link reference definitions and destinations print no text */
		if (line_start) {
			const char *q = p + strspn(p, " ");
			const char *e = *q == '[' ? strstr(q, "]:") : NULL;
			if (e && !memchr(q, '\n', (size_t)(e - q))) {
				const char *nl = strchr(e, '\n');
				p = nl ? nl : e + strlen(e) - 1;
			}
		}
		line_start = *p == '\n';
		if (p[0] == ']' && p[1] == '(') {
			const char *e = strchr(p, ')');
			if (e) {
				p = e;
				continue;
			}
		}
		if (*p == '<' && (g_ascii_isalpha(p[1]) || p[1] == '/' || p[1] == '!')) {
			const char *e = strchr(p, '>');
			if (e && !memchr(p, ':', (size_t)(e - p)) && !memchr(p, '@', (size_t)(e - p))) {
				/* elements whose content is not text */
				static const char *const skip[][2] = { { "<script", "</script>" },
					{ "<style", "</style>" }, { "<!--", "-->" }, { "<?", "?>" },
					{ "<![CDATA[", "]]>" } };
				for (size_t k = 0; k < G_N_ELEMENTS(skip); k++) {
					const char *end;
					if (g_ascii_strncasecmp(p, skip[k][0], strlen(skip[k][0])) == 0 &&
					    (end = strstr(p, skip[k][1])) != NULL)
						e = end + strlen(skip[k][1]) - 1;
				}
				p = e;
				continue;
			}
		}
		if (*p == '&') {
			const char *e = p + 1;
			if (*e == '#')
				e++;
			while (g_ascii_isalnum(*e))
				e++;
			if (*e == ';' && e > p + 1) {
				p = e;
				continue;
			}
		}
		if (*p && g_ascii_isalnum(*p)) {
			g_string_append_c(w, *p);
			continue;
		}
		if (w->len > 0)
			g_hash_table_add(set, g_strdup(w->str));
		g_string_truncate(w, 0);
		if (!*p)
			break;
	}
	g_string_free(w, TRUE);
}

static int words_main(int argc, char **argv)
{
	int min = atoi(argv[2]);
	char *out = NULL;
	if (!g_file_get_contents(argv[3], &out, NULL, NULL)) {
		fprintf(stderr, "txtcheck: cannot read %s\n", argv[3]);
		return 2;
	}
	char sep[80] = "\n";
	memset(sep + 1, '~', 72);
	strcpy(sep + 73, "\n\n");
	char **parts = g_strsplit(out, sep, -1);
	int nparts = (int)g_strv_length(parts), ninputs = argc - 4, bad = 0;
	if (nparts != ninputs) {
		printf("%d inputs but %d outputs\n", ninputs, nparts);
		bad++;
	}
	for (int i = 0; i < ninputs && i < nparts; i++) {
		char *in = NULL;
		if (!g_file_get_contents(argv[4 + i], &in, NULL, NULL))
			continue;
		GHashTable *want = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		add_words(want, in);
		GHashTableIter it;
		gpointer key;
		int total = 0, found = 0;
		GString *missing = g_string_new(NULL);
		g_hash_table_iter_init(&it, want);
		while (g_hash_table_iter_next(&it, &key, NULL)) {
			total++;
			/* substring: emphasis removed between words joins them */
			if (strstr(parts[i], key))
				found++;
			else
				g_string_append_printf(missing, " %s", (char *)key);
		}
		if (total > 0 && found * 100 < total * min) {
			printf("%s: %d of %d words kept; missing:%s\n", argv[4 + i], found, total, missing->str);
			bad++;
		}
		g_string_free(missing, TRUE);
		g_hash_table_destroy(want);
		g_free(in);
	}
	g_strfreev(parts);
	g_free(out);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "words") == 0)
		return words_main(argc, argv);
	if (argc < 4 || strcmp(argv[1], "width") != 0) {
		fprintf(stderr, "usage: txtcheck width WIDTH OUTPUT.txt [SOURCE.md]\n"
		                "       txtcheck words MIN OUTPUT.txt INPUT.md...\n");
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
	static const char *closing[] = { "，", "。", "、", "；", "：", "？", "！", "）",
		"」", "』", "》", "】", "〉", NULL };
	static const char *opening[] = { "（", "「", "『", "《", "【", "〈", NULL };
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
