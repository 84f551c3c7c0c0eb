/* facts.c - what an article is, decided once for every output format:
 * its language as one canonical BCP 47 tag, its date in W3C form, the one
 * time stamp an output may carry, and its cover image.  art_normalize()
 * sets art->lang, art->date and art->cover and reports what is wrong with
 * them, so md2txt, md2epub and md2pdf agree and warn alike.
 */
#include <string.h>

#include "article.h"
#include "internal.h"

/* zip (EPUB) cannot store a time before 1980; one floor for every format */
#define EPOCH_FLOOR G_GINT64_CONSTANT(315532800) /* 1980-01-01T00:00:00Z */

char *
art_lang_canonical(const char *tag)
{
	if (tag == NULL)
		return NULL;
	char *t = g_strstrip(g_strdup(tag));
	g_strdelimit(t, "_", '-');
	char **sub = g_strsplit(t, "-", -1);
	g_free(t);
	GString *out = g_string_new(NULL);
	bool ok = sub[0] != NULL;
	for (int i = 0; ok && sub[i]; i++) {
		/* RFC 5646 2.1: subtags of 1-8 letters and digits, the first
		 * (the language) of 2-8 letters */
		char *s = sub[i];
		size_t len = strlen(s);
		ok = len >= (i == 0 ? 2u : 1u) && len <= 8;
		for (size_t k = 0; ok && k < len; k++)
			ok = i == 0 ? g_ascii_isalpha(s[k]) : g_ascii_isalnum(s[k]);
		if (!ok)
			break;
		/* RFC 5646 2.1.1: language lower case, script title case,
		 * region upper case (zh-Hans-CN) */
		char *c = g_ascii_strdown(s, -1);
		bool alpha = true;
		for (size_t k = 0; k < len; k++)
			alpha = alpha && g_ascii_isalpha(c[k]);
		if (i > 0 && len == 4 && alpha)
			c[0] = g_ascii_toupper(c[0]);
		else if (i > 0 && ((len == 2 && alpha) || (len == 3 && !alpha)))
			for (size_t k = 0; k < len; k++)
				c[k] = g_ascii_toupper(c[k]);
		g_string_append_printf(out, "%s%s", i ? "-" : "", c);
		g_free(c);
	}
	g_strfreev(sub);
	if (!ok) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}

/* "July 31, 2022", "Jul 31 2022", "31 July 2022", "2022年7月31日": as
 * YYYY-MM-DD, or NULL. */
static char *
written_date(const char *in)
{
	static const char *const months[] = {"january",   "february", "march",    "april",
	                                     "may",       "june",     "july",     "august",
	                                     "september", "october",  "november", "december"};
	unsigned y = 0, m = 0, d = 0;
	char word[16] = "";
	int used = 0;
	if (sscanf(in, "%4u\xe5\xb9\xb4%2u\xe6\x9c\x88%2u\xe6\x97\xa5%n", &y, &m, &d, &used) ==
	        3 &&
	    used > 0) {
		/* 年 月 日 */
	} else if (sscanf(in, "%15[A-Za-z] %2u, %4u", word, &d, &y) == 3 ||
	           sscanf(in, "%15[A-Za-z]. %2u, %4u", word, &d, &y) == 3 ||
	           sscanf(in, "%15[A-Za-z] %2u %4u", word, &d, &y) == 3 ||
	           sscanf(in, "%2u %15[A-Za-z] %4u", &d, word, &y) == 3) {
		for (unsigned i = 0; i < G_N_ELEMENTS(months); i++)
			if (strlen(word) >= 3 &&
			    !g_ascii_strncasecmp(months[i], word, strlen(word)))
				m = i + 1;
	}
	if (m >= 1 && m <= 12 && y >= 1000 &&
	    g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return g_strdup_printf("%04u-%02u-%02u", y, m, d);
	return NULL;
}

char *
art_w3c_date(const char *in)
{
	unsigned y = 0, m = 0, d = 0;
	char sep1 = 0, sep2 = 0;
	int used = 0;
	if (in == NULL)
		return NULL;
	while (g_ascii_isspace(*in))
		in++;
	int got = sscanf(in, "%4u%c%2u%c%2u%n", &y, &sep1, &m, &sep2, &d, &used);
	if (got >= 5 && (sep1 == '-' || sep1 == '/' || sep1 == '.') && sep2 == sep1 &&
	    g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y) && y >= 1000)
		return g_strdup_printf("%04u-%02u-%02u", y, m, d);
	if (got >= 3 && (sep1 == '-' || sep1 == '/') && m >= 1 && m <= 12 && y >= 1000 &&
	    (got == 3 || !g_ascii_isdigit(sep2)))
		return g_strdup_printf("%04u-%02u", y, m);
	if (got == 1 && y >= 1000 && strlen(in) == 4)
		return g_strdup_printf("%04u", y);
	return written_date(in);
}

gint64
art_epoch(const char *w3c_date)
{
	const char *sde = g_getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		gint64 v = g_ascii_strtoll(sde, &end, 10);
		if (*end == '\0' && v >= 0)
			return MAX(v, EPOCH_FLOOR);
	}
	unsigned y = 0, m = 1, d = 1;
	if (w3c_date && sscanf(w3c_date, "%4u-%2u-%2u", &y, &m, &d) >= 1) {
		GDateTime *dt = g_date_time_new_utc((gint)y, (gint)m, (gint)d, 0, 0, 0);
		if (dt) {
			gint64 e = g_date_time_to_unix(dt);
			g_date_time_unref(dt);
			return MAX(e, EPOCH_FLOOR);
		}
	}
	return EPOCH_FLOOR;
}

char *
art_epoch_format(const char *w3c_date, const char *format)
{
	GDateTime *dt = g_date_time_new_from_unix_utc(art_epoch(w3c_date));
	char *s = g_date_time_format(dt, format);
	g_date_time_unref(dt);
	return s;
}

/* The language: --lang, else front matter lang, else detected from the
 * text (given: the first two; NULL when neither was given). */
static void
facts_lang(struct article *art, const char *given, struct art_pos pos)
{
	char *lang = given ? art_lang_canonical(given) : NULL;
	art->lang_detected = lang == NULL;
	if (lang == NULL) {
		/* Prose only: code is mostly ASCII whatever the language.  The
		 * first 256 KiB are plenty for a guess. */
		GString *s = g_string_new(art->meta.title);
		for (struct art_node *n = art->root; n && s->len < 256 * 1024;) {
			if (n->type == ART_TEXT && n->literal)
				g_string_append(s, n->literal);
			bool skip = n->type == ART_CODE_BLOCK || n->type == ART_HTML_BLOCK;
			n = art_node_next(n, art->root, !skip);
		}
		lang = g_strdup(art_detect_lang(s->str, (gssize)s->len));
		g_string_free(s, TRUE);
		if (given)
			art_diag(ART_W_LANG, art->display_name, pos, given, lang);
	}
	g_free(art->lang);
	art->lang = lang;
}

void
art_facts_lang(struct article *art, const char *lang_option)
{
	if (lang_option && *lang_option)
		facts_lang(art, lang_option, (struct art_pos){0, 0});
	else if (art->meta.lang && *art->meta.lang)
		facts_lang(art, art->meta.lang, art->meta.lang_pos);
	else
		facts_lang(art, NULL, (struct art_pos){0, 0});
}

void
art_facts_meta(struct article *art)
{
	g_free(art->date);
	art->date = art_w3c_date(art->meta.date);
	if (art->meta.date && *art->meta.date && !art->date)
		art_diag(ART_W_DATE, art->display_name, art->meta.date_pos, art->meta.date);

	/* resolved (and reported when missing) once, whether or not the
	 * format shows a cover */
	if (art->meta.cover && *art->meta.cover && !art->cover)
		art->cover = art_resource_get(art, art->meta.cover, art->meta.cover_pos);
}
