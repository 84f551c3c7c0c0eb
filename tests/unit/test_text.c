/* Tests of common/text.c: UTF-8 checks, widths, segment breaks, language
 * guess, slugs. */
#include "harness.h"

TEST(text_utf8_check_reports_line_col)
{
	int line = 0, col = 0;
	CHECK(art_utf8_check("abc\n中文", 10, &line, &col));
	const char bad[] = "ab\ncd\xff"
	                   "e";
	CHECK(!art_utf8_check(bad, sizeof bad - 1, &line, &col));
	CHECK_INT(line, 2);
	CHECK_INT(col, 3);
	const char trunc[] = "x\n\n\xe4\xb8"; /* cut in the middle of 中 */
	CHECK(!art_utf8_check(trunc, sizeof trunc - 1, &line, &col));
	CHECK_INT(line, 3);
	CHECK_INT(col, 1);
	const char nul[] = "a\0b";
	CHECK(!art_utf8_check(nul, 3, &line, &col));
	CHECK_INT(line, 1);
	CHECK_INT(col, 2);
}

TEST(text_char_widths)
{
	CHECK_INT(art_char_width(0x4E2D), 2); /* 中 */
	CHECK_INT(art_char_width('a'), 1);
	CHECK_INT(art_char_width(0x0301), 0); /* combining acute */
	CHECK_INT(art_char_width(0x200B), 0); /* zero width space */
	CHECK_INT(art_char_width(0xFF0C), 2); /* fullwidth comma ， */
	CHECK_INT(art_char_width(0xAC00), 2); /* 가 */
	CHECK_INT(art_char_width(0x201C), 1); /* “ is ambiguous: narrow */
	CHECK_INT(art_str_width("中文ab", -1), 6);
	CHECK_INT(art_str_width("e\xcc\x81", -1), 1);
	CHECK_INT(art_str_width("中文ab", 3), 2);
	CHECK_INT(art_str_width("\xff"
	                        "a",
	                        -1),
	          2);
}

TEST(text_segment_breaks)
{
	CHECK(art_segment_break_removed(0x6C49, 0x6C49, "en")); /* 汉/汉 */
	CHECK(art_segment_break_removed(0xFF0C, 0x4E00, "zh")); /* ，/一 */
	CHECK(!art_segment_break_removed(0x6C49, 'a', "zh"));   /* 汉/a */
	CHECK(!art_segment_break_removed('a', 0x6C49, "zh"));
	CHECK(!art_segment_break_removed('a', 'b', "zh"));
	CHECK(!art_segment_break_removed('4', 0x671F, "zh"));      /* 2024\n期间 */
	CHECK(art_segment_break_removed(0x6C49, 0x201C, "zh"));    /* 汉/“ */
	CHECK(art_segment_break_removed(0x201D, 0x6C49, "zh-CN")); /* ”/汉 */
	/* full-width punctuation beside Latin text: no space either */
	CHECK(art_segment_break_removed(0x3002, 'S', "zh"));     /* 。/SubstreamID */
	CHECK(art_segment_break_removed(0xFF0C, 'G', "en"));     /* ，/GICv3 */
	CHECK(art_segment_break_removed('c', 0xFF08, "zh"));     /* abc/（ */
	CHECK(!art_segment_break_removed(0x3002, 0xAC00, "ko")); /* 。/가: Korean spaces */
}

/* A Latin word that begins or ends with punctuation takes the CJK-Latin
 * gap at that edge when it holds a letter or digit. */
TEST(text_autospace_word_edges)
{
	static const struct {
		const char *text;
		int at; /* byte offset of the character after the gap asked about */
		bool gap;
	} cases[] = {
	    {"添加--utc", 6, true},        /* 加|--utc */
	    {"保存在/etc/x文件", 9, true}, /* 在|/etc */
	    {"在C/C++中", 8, true},        /* C++|中 */
	    {"调用_x来", 6, true},         /* 用|_x */
	    {"占10%的", 6, false},         /* 10%|的: a unit */
	    {"中文,English", 6, false},    /* 文|, */
	    {"见(这)文", 3, false},        /* no Latin letter in the run */
	    {"加--", 3, false},            /* nothing after the hyphens */
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		CHECK_INT(art_autospace_join(cases[i].text, cases[i].text + cases[i].at),
		          cases[i].gap);
}

/* Spaces typed beside full-width punctuation go; others stay. */
TEST(text_spaces_by_fullwidth_punctuation)
{
	static const char *const cases[][2] = {
	    {"默认情况下， date 命令", "默认情况下，date 命令"},
	    {"例如 etcd 。（ gpa,len ）", "例如 etcd。（gpa,len）"},
	    {"2014 年：  linux", "2014 年：linux"},
	    {"a , b and c", "a , b and c"},
	    {"汉 字 text", "汉 字 text"},
	    {"a cross ❌ and ✔ here", "a cross ❌ and ✔ here"}, /* symbols, not punctuation */
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = art_drop_spaces_by_fw_punct(cases[i][0]);
		CHECK_STR(got, cases[i][1]);
		g_free(got);
	}
	CHECK(art_segment_break_removed(0x2026, 0x3042, "ja")); /* …/あ */
	CHECK(!art_segment_break_removed(0x6C49, 0x201C, "en"));
	CHECK(!art_segment_break_removed(0x201C, 0x201D, "zh")); /* neither wide */
	CHECK(!art_segment_break_removed(0xD55C, 0xAE00, "ko")); /* 한/글 */
	CHECK(!art_segment_break_removed(0x6C49, 0xAE00, "ko"));
	CHECK(art_segment_break_removed(0xFF76, 0xFF76, "ja")); /* halfwidth ｶ */
	CHECK(art_segment_break_removed('a', 0x200B, "en"));
	CHECK(!art_segment_break_removed(0, 0x6C49, "zh"));
}

TEST(text_detect_lang)
{
	CHECK_STR(art_detect_lang("华为全联接大会在上海成功举办。", -1), "zh");
	CHECK_STR(art_detect_lang("日本語のテキストです。", -1), "ja");
	CHECK_STR(art_detect_lang("한국어 텍스트입니다", -1), "ko");
	CHECK_STR(art_detect_lang("Plain English text.", -1), "en");
	CHECK_STR(art_detect_lang("", -1), "en");
	CHECK_STR(art_detect_lang(NULL, 0), "en");
	CHECK_STR(art_detect_lang("12345 !!!", -1), "en");
	/* Chinese with many English product names is still Chinese. */
	CHECK_STR(art_detect_lang("openEuler Copilot System 构建LLM智能交互平台，"
	                          "通过一套北向语义接口标准",
	                          -1),
	          "zh");
	/* An English article quoting one Chinese name stays English. */
	CHECK_STR(art_detect_lang("The keynote was given by the president of the "
	                          "community, 胡正策, who talked about the release "
	                          "of the new long term support version.",
	                          -1),
	          "en");
	/* Chinese with a stray kana is still Chinese; real Japanese mixes kanji. */
	CHECK_STR(art_detect_lang("这是一个很长的中文句子，里面有很多很多汉字，"
	                          "还有更多的汉字在这里出现，最后有一个の字，"
	                          "然后继续写很多很多的汉字内容以及更多汉字。",
	                          -1),
	          "zh");
	CHECK_STR(art_detect_lang("東京都の人口は約千四百万人です。", -1), "ja");
	CHECK_STR(art_detect_lang("abc", 2), "en");
}

TEST(text_slugify)
{
	char *s;
	s = art_slugify("构建镜像");
	CHECK_STR(s, "构建镜像");
	g_free(s);
	s = art_slugify("Hello, World! (v2.0)");
	CHECK_STR(s, "hello-world-v20");
	g_free(s);
	s = art_slugify("openEuler 社区加速 AI 融合与应用，累计装机量达到850万+台套");
	CHECK_STR(s, "openeuler-社区加速-ai-融合与应用累计装机量达到850万台套");
	g_free(s);
	s = art_slugify("  snake_case and-dash  ");
	CHECK_STR(s, "snake_case-and-dash");
	g_free(s);
	s = art_slugify("Ünïcode Çase");
	CHECK_STR(s, "ünïcode-çase");
	g_free(s);
	s = art_slugify("!!!");
	CHECK_STR(s, "");
	g_free(s);
	s = art_slugify("bad \xff byte");
	CHECK(g_utf8_validate(s, -1, NULL));
	g_free(s);
}

/* clreq 3.1.7: pairs a line never splits although UAX #14 would. */
TEST(text_no_break_between)
{
	static const struct {
		gunichar a, b;
		bool keep;
	} cases[] = {
	    {0x2014, 0x2014, true},  /* —— */
	    {0x2026, 0x2026, true},  /* …… */
	    {'0', 0x4E07, true},     /* 850万 */
	    {0x4E07, '+', true},     /* 万+ */
	    {'0', '%', true},        /* 10% */
	    {'%', '+', true},        /* %+ */
	    {'5', 0x4EBF, true},     /* 5亿 */
	    {'0', 0xFF05, true},     /* 10％ */
	    {0x4E07, 0x53F0, false}, /* 万台: a noun may go to the next line */
	    {0x4E2D, 0x6587, false}, /* 中文 */
	    {0x2014, 0x4E2D, false}, /* —中 */
	    {'a', '+', false},       /* C++ is no number */
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		if (art_no_break_between(cases[i].a, cases[i].b) != cases[i].keep)
			ut_fail(__FILE__, __LINE__, "U+%04X U+%04X: want %s", cases[i].a,
			        cases[i].b, cases[i].keep ? "kept together" : "breakable");
}
