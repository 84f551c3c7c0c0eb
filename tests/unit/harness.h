/* harness.h - a very small unit-test harness.
 *
 *   #include "harness.h"
 *   TEST(widths_of_cjk) { CHECK_INT(art_char_width(0x4E2D), 2); }
 *
 * Tests register themselves (a constructor per TEST), main.c runs them all
 * (or those whose name contains argv[1]) and prints "PASS name" or
 * "FAIL name: file:line: what" per test, as tests/run.sh expects. */
#ifndef MDPRESS_HARNESS_H
#define MDPRESS_HARNESS_H

#include <string.h>

#include "article.h"

void ut_register(const char *name, void (*fn)(void));
void ut_fail(const char *file, int line, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* First node of type t in pre-order under top (top included), or NULL. */
static inline struct art_node *
ut_find(struct art_node *top, enum art_node_type t)
{
	for (struct art_node *n = top; n; n = art_node_next(n, top, true))
		if (n->type == t)
			return n;
	return NULL;
}

#define TEST(name)                                                                             \
	static void name(void);                                                                \
	__attribute__((constructor)) static void name##_register(void)                         \
	{                                                                                      \
		ut_register(#name, name);                                                      \
	}                                                                                      \
	static void name(void)

#define CHECK(cond)                                                                            \
	do {                                                                                   \
		if (!(cond))                                                                   \
			ut_fail(__FILE__, __LINE__, "%s", #cond);                              \
	} while (0)

#define CHECK_INT(got, want)                                                                   \
	do {                                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);                       \
		if (g_ != w_)                                                                  \
			ut_fail(__FILE__, __LINE__, "%s == %lld, want %lld", #got, g_, w_);    \
	} while (0)

#define CHECK_STR(got, want)                                                                   \
	do {                                                                                   \
		const char *g_ = (got), *w_ = (want);                                          \
		if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_) != 0)                 \
			ut_fail(__FILE__, __LINE__, "%s == \"%s\", want \"%s\"", #got,         \
			        g_ ? g_ : "(null)", w_ ? w_ : "(null)");                       \
	} while (0)

/* Substring check, for diagnostics captured with art_diag_capture(). */
#define CHECK_CONTAINS(hay, needle)                                                            \
	do {                                                                                   \
		const char *h_ = (hay), *n_ = (needle);                                        \
		if (h_ == NULL || strstr(h_, n_) == NULL)                                      \
			ut_fail(__FILE__, __LINE__, "%s lacks \"%s\" (is \"%s\")", #hay, n_,   \
			        h_ ? h_ : "(null)");                                           \
	} while (0)

#endif
