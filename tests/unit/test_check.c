/* Tests of art_check() (common/node_rules.c): a sound tree passes, and
 * each kind of malformed tree is rejected with the node that breaks it. */
#include "harness.h"

static struct art_node *
node(enum art_node_type t, int line)
{
	return art_node_new(t, (struct art_pos){line, 1});
}

static struct art_node *
text(const char *s, int line)
{
	struct art_node *t = node(ART_TEXT, line);
	t->literal = g_strdup(s);
	return t;
}

TEST(check_accepts_normalised_articles)
{
	const char *md = "# T\n\nA *b* <sup>2</sup>\n\n- x\n\n| a |\n|---|\n| b |\n\n"
	                 "<table><tr><td rowspan=2>c</td></tr></table>\n";
	struct article *a = art_load_buffer("c.md", md, strlen(md), NULL);
	char *why = art_check(a);
	CHECK_STR(why, NULL);
	g_free(why);
	art_free(a);
}

TEST(check_rejects_misplaced_children)
{
	struct art_node *doc = node(ART_DOCUMENT, 1), *p = node(ART_PARAGRAPH, 1);
	art_node_append(doc, p);
	art_node_append(p, text("ok", 1));
	char *why = art_check_tree(doc, true);
	CHECK_STR(why, NULL);
	g_free(why);
	/* a paragraph inside a paragraph */
	struct art_node *inner = node(ART_PARAGRAPH, 2);
	art_node_append(p, inner);
	why = art_check_tree(doc, true);
	CHECK_STR(why, "2:1: paragraph in paragraph: not allowed in its parent");
	g_free(why);
	art_node_free(inner);
	/* an inline straight under a list, a link inside a link */
	struct art_node *list = node(ART_LIST, 3);
	art_node_append(doc, list);
	art_node_append(list, text("stray", 3));
	why = art_check_tree(doc, true);
	CHECK_STR(why, "3:1: text in list: not allowed in its parent");
	g_free(why);
	art_node_free(list);
	struct art_node *l1 = node(ART_LINK, 4), *l2 = node(ART_LINK, 4);
	art_node_append(p, l1);
	art_node_append(l1, l2);
	why = art_check_tree(doc, true);
	CHECK_STR(why, "4:1: link in link: not allowed in its parent");
	g_free(why);
	art_node_free(l1);
	art_node_free(doc);
}

TEST(check_rejects_broken_links_and_payloads)
{
	struct art_node *doc = node(ART_DOCUMENT, 1), *h = node(ART_HEADING, 5);
	art_node_append(doc, h);
	h->u.heading.level = 9;
	char *why = art_check_tree(doc, false);
	CHECK_STR(why, "5:1: heading in document: heading level outside 1-6");
	g_free(why);
	h->u.heading.level = 2;
	why = art_check_tree(doc, true); /* normalised: needs an id */
	CHECK_STR(why, "5:1: heading in document: heading without an id");
	g_free(why);
	h->u.heading.id = g_strdup("x");
	struct art_node *raw = node(ART_HTML_BLOCK, 6);
	art_node_append(doc, raw);
	why = art_check_tree(doc, false);
	CHECK_STR(why, NULL);
	g_free(why);
	why = art_check_tree(doc, true);
	CHECK_STR(why, "6:1: html_block in document: left over after normalisation");
	g_free(why);
	/* a sibling pointer that skips a node */
	struct art_node *hr = node(ART_THEMATIC_BREAK, 7);
	art_node_append(doc, hr);
	h->next = hr;
	why = art_check_tree(doc, false);
	CHECK_STR(why, "5:1: heading in document: broken next/last_child link");
	g_free(why);
	h->next = raw;
	art_node_free(doc);
}
