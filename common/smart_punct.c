/* smart_punct.c - curly quotes beside Chinese text, opened or closed by CJK
 * rules; typographic punctuation in front matter text.
 *
 * cmark-gfm's smart punctuation (CMARK_OPT_SMART) decides between an
 * opening and a closing quote with CommonMark's flanking rules, made for
 * Latin text: a quote between two letters can only close.  Chinese puts
 * quotes straight against Han characters, so `以"openEuler使能…底座"为主题`
 * came out with two closing quotes.  cmark merges the quotes it made into
 * the text around them, so we cannot tell them from typed ones: every
 * curly quote that touches CJK text is decided again here, from its
 * neighbours and from the quotes still open in the block, by rules that
 * give correctly typed quotes their own orientation back.  Quotes in Latin
 * text keep cmark's choice, which the spec examples test.
 */
#include "article.h"
#include "internal.h"

#include <string.h>

/* What kind of character stands beside a curly quote. */
enum char_class { C_SPACE, C_OPEN, C_CLOSE, C_PUNCT, C_LATIN, C_CJK };

static enum char_class
classify(gunichar c)
{
	if (c == 0 || g_unichar_isspace(c))
		return C_SPACE;
	switch (g_unichar_type(c)) {
	case G_UNICODE_OPEN_PUNCTUATION:
	case G_UNICODE_INITIAL_PUNCTUATION:
		return C_OPEN;
	case G_UNICODE_CLOSE_PUNCTUATION:
	case G_UNICODE_FINAL_PUNCTUATION:
		return C_CLOSE;
	case G_UNICODE_OTHER_PUNCTUATION:
		return C_PUNCT;
	case G_UNICODE_DASH_PUNCTUATION: /* '-' is quoted like a letter */
		return c == '-' ? C_LATIN : C_PUNCT;
	default:
		break;
	}
	if (art_is_cjk(c))
		return C_CJK;
	return C_LATIN;
}

/* The character an inline leaf shows at its start (first) or end. */
static gunichar
leaf_char(const struct art_node *n, bool first)
{
	switch (n->type) {
	case ART_TEXT:
	case ART_CODE: {
		const char *s = n->literal;
		if (!s || !*s)
			return 0;
		const char *p = first ? s : g_utf8_find_prev_char(s, s + strlen(s));
		gunichar c = p ? g_utf8_get_char_validated(p, -1) : 0;
		return c == (gunichar)-1 || c == (gunichar)-2 ? 0 : c;
	}
	case ART_IMAGE:
		return 0xFFFC;
	case ART_FOOTNOTE_REF:
		return '1';
	case ART_SOFTBREAK:
	case ART_LINEBREAK:
		return '\n';
	default:
		return 0;
	}
}

static bool
is_leaf(const struct art_node *n)
{
	return leaf_char(n, true) != 0 || n->type == ART_TEXT || n->type == ART_CODE ||
	       n->type == ART_HTML_INLINE;
}

/* The first character after leaf n in its block, 0 at the block's end. */
static gunichar
next_char(const struct art_node *n, const struct art_node *root)
{
	for (const struct art_node *m = art_node_next(n, root, n->type != ART_IMAGE); m;
	     m = art_node_next(m, root, m->type != ART_IMAGE)) {
		if (art_node_is_block(m))
			return 0;
		gunichar c = leaf_char(m, true);
		if (c)
			return c;
	}
	return 0;
}

static int
quote_kind(gunichar c)
{
	if (c == 0x201C || c == 0x201D)
		return 0;
	if (c == 0x2018 || c == 0x2019)
		return 1;
	return -1;
}

/* Open (true) or close a quote between characters a and b, depth quotes
 * of its kind being open in the block.  Where the neighbours say nothing
 * (two Han characters, punctuation on both sides: `如"，"和`), the quotes
 * still open decide. */
static bool
opens(gunichar a, gunichar b, int depth)
{
	enum char_class pa = classify(a), nb = classify(b);
	if (pa == C_SPACE || pa == C_OPEN)
		return true;
	if (nb == C_SPACE || nb == C_CLOSE)
		return false;
	if (pa == C_CJK && nb == C_LATIN) /* 简称"openEuler */
		return true;
	if (pa == C_LATIN && nb == C_CJK) /* openEuler"社区 */
		return false;
	return depth == 0; /* 底座"为主题, 你好。"他 */
}

/* Decide the quotes of text node n again; prev: the character before it
 * in its block.  Returns the last character of n, as it was.  Only the
 * curly quotes (U+2018, U+2019, U+201C, U+201D: E2 80 98/99/9C/9D in
 * UTF-8) are decoded, with the character before and after each: the text
 * between is skipped with strstr(), a third of the cost on Chinese text. */
static gunichar
text_quotes(struct art_node *n, const struct art_node *root, gunichar prev, int depth[2])
{
	char *s = n->literal;
	const char *last_end = NULL; /* just after the last quote seen */
	gunichar last = 0;           /* that quote as it was */
	for (char *p = s; (p = strstr(p, "\xE2\x80"));) {
		gunichar c = g_utf8_get_char(p);
		char *q = g_utf8_next_char(p);
		int k = quote_kind(c);
		if (k < 0) {
			p = q;
			continue;
		}
		gunichar before = p == s          ? prev
		                  : p == last_end ? last
		                                  : g_utf8_get_char(g_utf8_prev_char(p));
		gunichar next = *q ? g_utf8_get_char(q) : next_char(n, root);
		bool open = c == 0x201C || c == 0x2018;
		if (art_is_cjk(before) || art_is_cjk(next)) {
			/* an empty pair: 设置为"" */
			if (quote_kind(before) == k && (before == 0x201C || before == 0x2018))
				open = false;
			else if (quote_kind(next) == k)
				open = true;
			else
				open = opens(before, next, depth[k]);
			/* same length in UTF-8: rewritten in place */
			g_unichar_to_utf8(
			    k == 0 ? (open ? 0x201C : 0x201D) : (open ? 0x2018 : 0x2019), p);
		} else if (!open && before && strchr("([{", (int)before) && next &&
		           !g_unichar_isspace(next)) {
			/* right after an opening bracket a quote opens:
			 * ("/etc") took a closing one (flanking rules:
			 * punctuation on both sides) */
			open = true;
			g_unichar_to_utf8(k == 0 ? 0x201C : 0x2018, p);
		}
		if (open)
			depth[k]++;
		else if (depth[k] > 0)
			depth[k]--;
		last = c;
		last_end = p = q;
	}
	if (!*s)
		return prev;
	char *end = s + strlen(s);
	return end == last_end ? last : g_utf8_get_char(g_utf8_prev_char(end));
}

/* Whether source has "--" followed by the word at w. */
static bool
typed_option(const char *source, const char *w)
{
	size_t len = 0;
	while (len < 60 && (g_ascii_isalnum(w[len]) || w[len] == '-' || w[len] == '_'))
		len++;
	char *opt = g_strdup_printf("--%.*s", (int)len, w);
	bool found = strstr(source, opt) != NULL;
	g_free(opt);
	return found;
}

/* cmark reads "--" as an en dash wherever it is not code; in technical
 * articles "--" right before a letter, after a space, a Han character or
 * the start, is a command-line option (`添加--cap-add`, `pcs --help`):
 * it is set back where the source has it so (an en dash typed before a
 * letter stays).  prev: the character before n in its block. */
static void
option_dashes(struct art_node *n, gunichar prev, const char *source)
{
	if (!strstr(n->literal, "\u2013") || !source)
		return;
	GString *o = g_string_new(NULL);
	for (const char *p = n->literal; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *q = g_utf8_next_char(p);
		if (c == 0x2013 && g_ascii_isalpha(*q) &&
		    (!g_unichar_isalnum(prev) || art_is_cjk(prev)) && typed_option(source, q))
			g_string_append(o, "--");
		else
			g_string_append_len(o, p, q - p);
		prev = c;
	}
	g_free(n->literal);
	n->literal = g_string_free(o, FALSE);
}

/* An empty value, '--name=""' or "x=''", has nothing to quote: cmark makes
 * its two quotes curly, both closing (”” after a letter).  Two curly
 * quotes side by side right after an ASCII character are set back to the
 * straight pair the source has; after CJK text ('设置为""') they stay a
 * Chinese empty pair, which text_quotes() orients.  prev: the character
 * before n in its block. */
/* Whether two of the curly quotes open and close stand side by side. */
static bool
has_pair(const char *s, gunichar open, gunichar close)
{
	gunichar last = 0;
	for (; *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if ((c == open || c == close) && (last == open || last == close))
			return true;
		last = c;
	}
	return false;
}

static void
empty_quotes(struct art_node *n, gunichar prev, const char *source)
{
	static const struct {
		gunichar open, close;
		const char *straight;
	} pairs[] = {{0x201C, 0x201D, "\"\""}, {0x2018, 0x2019, "''"}};
	for (size_t k = 0; k < G_N_ELEMENTS(pairs); k++) {
		/* the text first: searching the whole source for every text
		 * node made a large article quadratic */
		if (!has_pair(n->literal, pairs[k].open, pairs[k].close) || !source ||
		    !strstr(source, pairs[k].straight))
			continue;
		GString *o = g_string_new(NULL);
		gunichar before = prev;
		for (const char *p = n->literal; *p;) {
			gunichar c = g_utf8_get_char(p), d = 0;
			const char *q = g_utf8_next_char(p);
			if (*q)
				d = g_utf8_get_char(q);
			bool curly = c == pairs[k].open || c == pairs[k].close;
			bool curly2 = d == pairs[k].open || d == pairs[k].close;
			if (curly && curly2 && before > 0x20 && before < 0x7F) {
				g_string_append(o, pairs[k].straight);
				before = '"';
				p = g_utf8_next_char(q);
				continue;
			}
			g_string_append_len(o, p, q - p);
			before = c;
			p = q;
		}
		g_free(n->literal);
		n->literal = g_string_free(o, FALSE);
	}
}

/* A link whose text is its URL (`[https://a/b--c](https://a/b--c)`)
 * shows the URL as written. */
static void
url_text(struct art_node *link)
{
	struct art_node *t = link->first_child;
	const char *url = link->u.link.url;
	if (!t || t->next || t->type != ART_TEXT || !t->literal || !url || !*url)
		return;
	GString *o = g_string_new(NULL);
	for (const char *p = t->literal; *p; p = g_utf8_next_char(p)) {
		switch (g_utf8_get_char(p)) {
		case 0x2013:
			g_string_append(o, "--");
			break;
		case 0x2014:
			g_string_append(o, "---");
			break;
		case 0x2026:
			g_string_append(o, "...");
			break;
		case 0x201C:
		case 0x201D:
			g_string_append_c(o, '"');
			break;
		case 0x2018:
		case 0x2019:
			g_string_append_c(o, '\'');
			break;
		default:
			g_string_append_len(o, p, g_utf8_next_char(p) - p);
			break;
		}
	}
	if (strcmp(o->str, t->literal) && !strcmp(o->str, url)) {
		g_free(t->literal);
		t->literal = g_string_free(o, FALSE);
	} else {
		g_string_free(o, TRUE);
	}
}

void
art_cjk_quotes(struct art_node *root, const char *source)
{
	int depth[2] = {0, 0};
	gunichar prev = 0;
	for (struct art_node *n = root; n; n = art_node_next(n, root, n->type != ART_IMAGE)) {
		if (n->type == ART_LINK)
			url_text(n);
		/* inlines belong to the block entered last (walking up from each
		 * leaf would be quadratic in deeply nested emphasis) */
		if (art_node_is_block(n)) {
			depth[0] = depth[1] = 0;
			prev = 0;
			continue;
		}
		if (!is_leaf(n))
			continue;
		if (n->type == ART_TEXT && n->literal &&
		    g_utf8_validate(n->literal, -1, NULL)) {
			option_dashes(n, prev, source);
			empty_quotes(n, prev, source);
			prev = text_quotes(n, root, prev, depth);
			continue;
		}
		gunichar c = leaf_char(n, false);
		if (c)
			prev = c;
	}
}

/* Plain text (front matter: title, summary...) has no Markdown for cmark to
 * read: straight quotes, "--", "---" and "..." are set here, quotes by the
 * same rules (an apostrophe between two letters or digits stays one). */
char *
art_smart_text(const char *s)
{
	if (!s || !g_utf8_validate(s, -1, NULL))
		return g_strdup(s);
	GString *o = g_string_sized_new(strlen(s) + 16);
	int depth[2] = {0, 0};
	gunichar prev = 0;
	for (const char *p = s; *p;) {
		gunichar c = g_utf8_get_char(p);
		const char *q = g_utf8_next_char(p);
		gunichar next = *q ? g_utf8_get_char(q) : 0;
		if (c == '-' && next == '-') {
			bool em = q[1] == '-';
			g_string_append(o, em ? "\u2014" : "\u2013");
			p = q + 1 + em;
			prev = em ? 0x2014 : 0x2013;
			continue;
		}
		if (c == '.' && next == '.' && q[1] == '.') {
			g_string_append(o, "\u2026");
			p = q + 2;
			prev = 0x2026;
			continue;
		}
		if (c == '"' || c == '\'') {
			int k = c == '"' ? 0 : 1;
			bool open;
			if (k == 1 && g_unichar_isalnum(prev) && g_unichar_isalnum(next) &&
			    !art_is_cjk(prev) && !art_is_cjk(next))
				open = false; /* China's, 70's */
			else
				open = opens(prev, next, depth[k]);
			if (open)
				depth[k]++;
			else if (depth[k] > 0)
				depth[k]--;
			c = k == 0 ? (open ? 0x201C : 0x201D) : (open ? 0x2018 : 0x2019);
		}
		g_string_append_unichar(o, c);
		prev = c;
		p = q;
	}
	return g_string_free(o, FALSE);
}
