/* Tests of the nesting limit (common/nesting.c): deep input comes out no
 * deeper than the limit allows, with its text and one warning. */
#include "harness.h"

static int
tree_depth(const struct art_node *root)
{
	int depth = 0, max = 0;
	const struct art_node *n = root;
	while (n) {
		if (n->first_child) {
			n = n->first_child;
			depth++;
		} else {
			while (n && n != root && !n->next) {
				n = n->parent;
				depth--;
			}
			n = n && n != root ? n->next : NULL;
		}
		if (depth > max)
			max = depth;
	}
	return max;
}

static struct article *
load_repeated(const char *open, const char *mid, const char *close, int times, int max_nesting,
              GString *diags)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < times; i++)
		g_string_append(s, open);
	g_string_append(s, mid);
	for (int i = 0; i < times; i++)
		g_string_append(s, close);
	struct art_load_opts opts = {.max_nesting = max_nesting};
	art_diag_capture(diags);
	struct article *a = art_load_buffer("deep.md", s->str, s->len, &opts);
	art_diag_capture(NULL);
	g_string_free(s, TRUE);
	return a;
}

TEST(nesting_quotes_flattened_to_limit)
{
	GString *d = g_string_new(NULL);
	struct article *a = load_repeated("> ", "core\n", "", 5000, 10, d);
	CHECK(a != NULL);
	if (a) {
		CHECK(tree_depth(a->root) <= 10 + 2);
		char *text = art_node_plain_text(a->root);
		CHECK_STR(text, "core");
		g_free(text);
	}
	CHECK_CONTAINS(d->str,
	               "deep.md:1:21: warning: nesting deeper than 10 levels flattened");
	CHECK(strstr(strstr(d->str, "flattened") + 1, "flattened") == NULL);
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(nesting_lists_and_emphasis_keep_text)
{
	GString *d = g_string_new(NULL);
	struct article *a = load_repeated("- *a **b ", "core", " c** d*", 3000, 0, d);
	CHECK(a != NULL);
	if (a) {
		CHECK(tree_depth(a->root) <= ART_DEFAULT_MAX_NESTING + 3);
		struct art_node *item = ut_find(a->root, ART_ITEM);
		CHECK(item != NULL && item->parent->type == ART_LIST);
		char *text = art_node_plain_text(a->root);
		CHECK(strstr(text, "core") != NULL);
		g_free(text);
	}
	CHECK_CONTAINS(d->str, "nesting deeper than 64 levels");
	art_free(a);
	g_string_free(d, TRUE);
}

TEST(nesting_limit_bounds)
{
	CHECK_INT(art_max_nesting(0), ART_DEFAULT_MAX_NESTING);
	CHECK_INT(art_max_nesting(5), 5);
	CHECK_INT(art_max_nesting(1 << 30), ART_MAX_NESTING_CEILING);
}
