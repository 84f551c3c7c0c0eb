/* What an article is, decided once in the model (common/facts.c). */
#include <stdlib.h>

#include "harness.h"

#define CHECK_OWNED_STR(expr, want)                                                            \
	do {                                                                                   \
		char *s_ = (expr);                                                             \
		CHECK_STR(s_, want);                                                           \
		g_free(s_);                                                                    \
	} while (0)

TEST(facts_lang_canonical)
{
	CHECK_OWNED_STR(art_lang_canonical("zh_cn"), "zh-CN");
	CHECK_OWNED_STR(art_lang_canonical(" ZH-hans-cn "), "zh-Hans-CN");
	CHECK_OWNED_STR(art_lang_canonical("de-419"), "de-419");
	CHECK_OWNED_STR(art_lang_canonical("en"), "en");
	CHECK_OWNED_STR(art_lang_canonical("中文"), NULL);
	CHECK_OWNED_STR(art_lang_canonical("x"), NULL);
	CHECK_OWNED_STR(art_lang_canonical("zh-"), NULL);
	CHECK_OWNED_STR(art_lang_canonical(""), NULL);
}

TEST(facts_w3c_date)
{
	CHECK_OWNED_STR(art_w3c_date("2022-8-13"), "2022-08-13");
	CHECK_OWNED_STR(art_w3c_date("2020-06-30 10:00:00"), "2020-06-30");
	CHECK_OWNED_STR(art_w3c_date("2021/3/5"), "2021-03-05");
	CHECK_OWNED_STR(art_w3c_date("2021-03"), "2021-03");
	CHECK_OWNED_STR(art_w3c_date("2021"), "2021");
	CHECK_OWNED_STR(art_w3c_date("July 31, 2022"), "2022-07-31");
	CHECK_OWNED_STR(art_w3c_date("Sept. 3, 2021"), "2021-09-03");
	CHECK_OWNED_STR(art_w3c_date("31 Jul 2022"), "2022-07-31");
	CHECK_OWNED_STR(art_w3c_date("2022年7月31日"), "2022-07-31");
	CHECK_OWNED_STR(art_w3c_date("2022-13-01"), NULL);
	CHECK_OWNED_STR(art_w3c_date("Mayday 3, 2020"), NULL);
	CHECK_OWNED_STR(art_w3c_date("someday"), NULL);
}

TEST(facts_epoch_one_rule)
{
	char *saved = g_strdup(g_getenv("SOURCE_DATE_EPOCH"));
	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	CHECK_INT(art_epoch("2020-01-01"), 1700000000);
	g_unsetenv("SOURCE_DATE_EPOCH");
	CHECK_INT(art_epoch("2020-01-01"), 1577836800);
	CHECK_INT(art_epoch("2020"), 1577836800);
	CHECK_INT(art_epoch(NULL), 315532800);         /* 1980-01-01, the one fallback */
	CHECK_INT(art_epoch("1970-01-02"), 315532800); /* never before 1980 */
	CHECK_OWNED_STR(art_epoch_format(NULL, "%F"), "1980-01-01");
	if (saved)
		g_setenv("SOURCE_DATE_EPOCH", saved, TRUE);
	g_free(saved);
}

TEST(facts_set_and_warned_once_in_the_model)
{
	static const char md[] =
	    "---\ndate: someday\nlang: 中文\nbanner: none.png\n---\n正文。\n";
	GString *err = g_string_new(NULL);
	art_diag_capture(err);
	struct article *art = art_load_buffer("f.md", md, sizeof md - 1, NULL);
	art_diag_capture(NULL);
	CHECK(art != NULL);
	CHECK_STR(art->date, NULL);
	CHECK_STR(art->lang, "zh"); /* detected instead */
	CHECK(art->lang_detected);
	CHECK(art->cover != NULL && art->cover->status == ART_RES_MISSING);
	CHECK_CONTAINS(err->str, "f.md:2:7: warning: front matter: date 'someday' is no date");
	CHECK_CONTAINS(
	    err->str,
	    "f.md:3:7: warning: language '中文' is no BCP 47 tag (like zh-CN); using 'zh'");
	CHECK_CONTAINS(err->str, "f.md:4:9: warning: image not found: none.png");
	art_free(art);
	g_string_free(err, TRUE);

	static const char ok[] = "---\ndate: 2024-9-30\nlang: zh_cn\n---\n正文。\n";
	art = art_load_buffer("g.md", ok, sizeof ok - 1, NULL);
	CHECK_STR(art->date, "2024-09-30");
	CHECK_STR(art->lang, "zh-CN");
	CHECK(!art->lang_detected);
	CHECK(art->cover == NULL);
	art_free(art);
}
