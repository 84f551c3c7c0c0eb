/* main.c - runs the registered unit tests; see harness.h. */
#include <stdarg.h>

#include "harness.h"

struct ut_case {
	const char *name;
	void (*fn)(void);
};

static GArray *cases;
static GString *failure; /* first failure of the running test */

void
ut_register(const char *name, void (*fn)(void))
{
	if (cases == NULL)
		cases = g_array_new(FALSE, FALSE, sizeof(struct ut_case));
	struct ut_case c = {name, fn};
	g_array_append_val(cases, c);
}

void
ut_fail(const char *file, int line, const char *fmt, ...)
{
	if (failure->len > 0)
		return; /* report the first failed check of a test */
	g_string_append_printf(failure, "%s:%d: ", file, line);
	va_list ap;
	va_start(ap, fmt);
	g_string_append_vprintf(failure, fmt, ap);
	va_end(ap);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct ut_case *)a)->name, ((const struct ut_case *)b)->name);
}

int
main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;
	if (cases == NULL) {
		printf("FAIL unit: no tests registered\n");
		return 1;
	}
	g_array_sort(cases, by_name);
	failure = g_string_new(NULL);
	for (guint i = 0; i < cases->len; i++) {
		struct ut_case *c = &g_array_index(cases, struct ut_case, i);
		if (filter != NULL && strstr(c->name, filter) == NULL)
			continue;
		g_string_truncate(failure, 0);
		art_diag_reset();
		c->fn();
		art_diag_capture(NULL);
		if (failure->len == 0) {
			printf("PASS unit/%s\n", c->name);
			passed++;
		} else {
			printf("FAIL unit/%s: %s\n", c->name, failure->str);
			failed++;
		}
	}
	g_string_free(failure, TRUE);
	g_array_free(cases, TRUE);
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed > 0;
}
