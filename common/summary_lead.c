/* summary_lead.c - whether the front matter's summary is said again by the
 * article's opening paragraphs.
 *
 * Each tool sets the summary as a lead under the title.  News articles
 * often open with the summary's own sentences (the seed: its first
 * sentence with an aside added; a corpus report: the summary with "held
 * this month" inserted), and a lead above them has the reader read the
 * same thing twice.  Compared as words: a run of Latin letters and digits,
 * lower-cased, or one CJK character; spaces and punctuation do not count,
 * so straight or curly quotes and a hard wrap make no difference.  The
 * summary repeats when nearly all its words come, in order (the longest
 * common subsequence), in text no much longer than itself that starts one
 * of the first paragraphs (also after an editor's note, a contents list or
 * an "Introduction" heading).
 */
#include "internal.h"

#include <string.h>

#define LEAD_MIN_WORDS 8    /* shorter summaries are titles, not sentences */
#define LEAD_MAX_WORDS 1000 /* longer ones are not compared (quadratic) */
#define LEAD_SHARE 0.9      /* of the summary's words found in order */
#define LEAD_BLOCKS 8       /* where the summary is looked for: the first blocks */

/* Appends the words of text to words: one guint per word, the hash of a
 * lower-cased Latin word or a CJK character's code point (tagged apart). */
static void
add_words(GArray *words, const char *text)
{
	GString *word = g_string_new(NULL);
	for (const char *p = text; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		bool cjk = art_is_cjk_letter(c), alnum = !cjk && g_unichar_isalnum(c);
		if (alnum) {
			g_string_append_unichar(word, g_unichar_tolower(c));
			continue;
		}
		if (word->len) {
			guint h = g_str_hash(word->str) & ~0x80000000u;
			g_array_append_val(words, h);
			g_string_truncate(word, 0);
		}
		if (cjk) {
			guint h = c | 0x80000000u;
			g_array_append_val(words, h);
		}
	}
	if (word->len) {
		guint h = g_str_hash(word->str) & ~0x80000000u;
		g_array_append_val(words, h);
	}
	g_string_free(word, TRUE);
}

/* The words of the paragraphs from n on, up to max: past raw HTML and
 * paragraphs without words (an image), until any other block. */
static GArray *
words_from(const struct art_node *n, guint max)
{
	GArray *words = g_array_new(FALSE, FALSE, sizeof(guint));
	for (; n && words->len < max; n = n->next) {
		if (n->type == ART_HTML_BLOCK || n->type == ART_FIGURE)
			continue;
		if (n->type != ART_PARAGRAPH)
			break;
		char *text = art_node_plain_text(n);
		add_words(words, text);
		g_free(text);
	}
	if (words->len > max)
		g_array_set_size(words, max);
	return words;
}

/* The length of the longest common subsequence of a and b, in two rows. */
static guint
common_subsequence(const GArray *a, const GArray *b)
{
	guint *prev = g_new0(guint, b->len + 1), *row = g_new0(guint, b->len + 1);
	for (guint i = 0; i < a->len; i++) {
		guint x = g_array_index(a, guint, i);
		for (guint j = 0; j < b->len; j++)
			row[j + 1] = x == g_array_index(b, guint, j) ? prev[j] + 1
			                                             : MAX(prev[j + 1], row[j]);
		guint *t = prev;
		prev = row;
		row = t;
	}
	guint n = prev[b->len];
	g_free(prev);
	g_free(row);
	return n;
}

bool
art_summary_repeated(const struct article *art)
{
	const char *summary = art->meta.summary;
	if (!summary || !*summary)
		return false;
	GArray *want = g_array_new(FALSE, FALSE, sizeof(guint));
	add_words(want, summary);
	bool repeated = false;
	if (want->len >= LEAD_MIN_WORDS && want->len <= LEAD_MAX_WORDS) {
		/* from each paragraph among the first blocks (after an editor's
		 * note, a contents list, an "Introduction" heading), with room
		 * for an aside or a dateline the summary left out */
		const struct art_node *n = art->root ? art->root->first_child : NULL;
		for (int k = 0; n && k < LEAD_BLOCKS && !repeated; n = n->next, k++) {
			if (n == art->title_heading || n->type != ART_PARAGRAPH)
				continue;
			GArray *opening = words_from(n, want->len * 3 / 2 + 16);
			repeated = common_subsequence(want, opening) >= LEAD_SHARE * want->len;
			g_array_free(opening, TRUE);
		}
	}
	g_array_free(want, TRUE);
	return repeated;
}
