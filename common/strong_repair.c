/* strong_repair.c - pairs the "**" that CommonMark's flanking rules leave
 * unpaired next to CJK punctuation: in "**7月27日，成功举办。**论坛以" the
 * second run follows punctuation and precedes a letter, so it cannot close.
 *
 * Why a pass over the tree: cmark-gfm hands '*' to its own delimiter code
 * before any syntax extension sees the character (parse_inline() in
 * inlines.c), and it merges adjacent text nodes before extensions'
 * postprocess hooks run, so no hook of the library can change the flanking
 * rules.  What cmark left as literal "**" is paired here instead.
 *
 * Scope: a run is used only where CommonMark would let it open (close), or
 * where it touches CJK text or CJK punctuation and has a non-space
 * character on its inner side; a pair needs one run that touches CJK, or
 * two that CommonMark accepts.  So text without CJK keeps CommonMark's
 * reading: spec examples 389 "**(**foo)" and 401 'a**"foo"**' stay
 * literal. */
#include "article.h"
#include "internal.h"

#include <string.h>

/* CommonMark's classes: white space (0 stands for the start or end of
 * the line) and punctuation (ASCII, or Unicode categories P*). */
static bool
cm_space(gunichar c)
{
	return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	       g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR;
}

static bool
cm_punct(gunichar c)
{
	if (c < 0x80)
		return g_ascii_ispunct((char)c);
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONNECT_PUNCTUATION:
	case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_CLOSE_PUNCTUATION:
	case G_UNICODE_FINAL_PUNCTUATION:
	case G_UNICODE_INITIAL_PUNCTUATION:
	case G_UNICODE_OTHER_PUNCTUATION:
	case G_UNICODE_OPEN_PUNCTUATION:
		return true;
	default:
		return false;
	}
}

/* The character the source shows beside text node t, on its back (start)
 * or front (end) side: a text sibling's, white space for a line break or
 * the edge of a block, and ASCII punctuation for any other inline (its
 * source starts or ends with '[', ')', '`', '<', '*'...). */
static gunichar
edge_char(const struct art_node *t, bool back)
{
	const struct art_node *s = back ? t->prev : t->next;
	if (!s)
		return t->parent && !art_node_is_block(t->parent) ? '!' : 0;
	switch (s->type) {
	case ART_TEXT:
		if (!s->literal || !*s->literal)
			return '!';
		if (back) {
			const char *end = s->literal + strlen(s->literal);
			return g_utf8_get_char_validated(g_utf8_find_prev_char(s->literal, end),
			                                 -1);
		}
		return g_utf8_get_char_validated(s->literal, -1);
	case ART_SOFTBREAK:
	case ART_LINEBREAK:
		return '\n';
	default:
		return '!';
	}
}

/* A "**" delimiter run and what it may do. */
struct star_run {
	const char *p; /* the "**" in its text node's literal */
	bool cm;       /* CommonMark lets it open (close) */
	bool cjk;      /* a CJK character on either side */
};

/* Whether the "**" at p in text node t may open (opener) or close, and
 * how (r).  Runs of three or more stars are never used. */
static bool
usable(const struct art_node *t, const char *p, bool opener, struct star_run *r)
{
	const char *s = t->literal;
	if ((p > s && p[-1] == '*') || p[2] == '*')
		return false;
	gunichar b = p > s ? g_utf8_get_char_validated(g_utf8_find_prev_char(s, p), -1)
	                   : edge_char(t, true);
	gunichar a = p[2] ? g_utf8_get_char_validated(p + 2, -1) : edge_char(t, false);
	if (b == (gunichar)-1 || b == (gunichar)-2)
		b = '!';
	if (a == (gunichar)-1 || a == (gunichar)-2)
		a = '!';
	r->p = p;
	r->cjk = art_is_cjk(b) || art_is_cjk(a);
	if (opener) {
		r->cm = !cm_space(a) && (!cm_punct(a) || cm_space(b) || cm_punct(b));
		return !cm_space(a) && (r->cm || r->cjk);
	}
	r->cm = !cm_space(b) && (!cm_punct(b) || cm_space(a) || cm_punct(a));
	return !cm_space(b) && (r->cm || r->cjk);
}

/* The first usable run in t's literal from byte offset from, or false. */
static bool
find_run(const struct art_node *t, size_t from, bool opener, struct star_run *r)
{
	if (t->u.text.verbatim)
		return false; /* an escaped '*' (markdown.c) */
	for (const char *p = strstr(t->literal + from, "**"); p; p = strstr(p + 1, "**"))
		if (usable(t, p, opener, r))
			return true;
	return false;
}

static struct art_node *
text_new(const char *s, gssize len, struct art_pos pos)
{
	struct art_node *t = art_node_new(ART_TEXT, pos);
	t->literal = len < 0 ? g_strdup(s) : g_strndup(s, (gsize)len);
	return t;
}

static void
insert_after(struct art_node *ref, struct art_node *node)
{
	if (ref->next)
		art_node_insert_before(ref->next, node);
	else
		art_node_append(ref->parent, node);
}

/* Wraps what lies between the opener in a and the closer in b (a later
 * sibling, or a itself) in ART_STRONG and drops both runs.  Returns the
 * node to go on from (what is left of b), or NULL. */
static struct art_node *
pair(struct art_node *a, const struct star_run *open, struct art_node *b,
     const struct star_run *close)
{
	struct art_node *strong = art_node_new(ART_STRONG, a->pos);
	insert_after(a, strong);
	size_t open_off = (size_t)(open->p - a->literal);
	if (b == a) {
		const char *mid = open->p + 2;
		art_node_append(strong, text_new(mid, close->p - mid, a->pos));
		struct art_node *tail = close->p[2] ? text_new(close->p + 2, -1, a->pos) : NULL;
		if (tail)
			insert_after(strong, tail);
		b = tail;
	} else {
		if (open->p[2])
			art_node_append(strong, text_new(open->p + 2, -1, a->pos));
		while (strong->next != b)
			art_node_append(strong, strong->next);
		if (close->p > b->literal)
			art_node_append(strong,
			                text_new(b->literal, close->p - b->literal, b->pos));
		memmove(b->literal, close->p + 2, strlen(close->p + 2) + 1);
	}
	a->literal[open_off] = '\0';
	if (!*a->literal)
		art_node_free(a);
	if (b && b->literal && !*b->literal) {
		struct art_node *nb = b->next;
		art_node_free(b);
		b = nb;
	}
	return b;
}

/* Pairs leftover literal "**" among the direct children of parent, in
 * order.  Other inline children (code, links) move inside whole; nothing
 * crosses the parent. */
static void
repair_children(struct art_node *parent)
{
	struct art_node *a = parent->first_child;
	size_t from = 0;
	while (a) {
		struct star_run open, close;
		if (a->type != ART_TEXT || !a->literal || !find_run(a, from, true, &open)) {
			a = a->next;
			from = 0;
			continue;
		}
		/* the first usable closer: later in a, or in a following text sibling */
		struct art_node *b = a;
		bool found = find_run(a, (size_t)(open.p - a->literal) + 2, false, &close);
		while (!found && (b = b->next))
			found =
			    b->type == ART_TEXT && b->literal && find_run(b, 0, false, &close);
		if (!found)
			return; /* unpaired: leave it literal */
		if (!open.cjk && !close.cjk && !(open.cm && close.cm)) {
			from = (size_t)(open.p - a->literal) + 2;
			continue; /* a Latin pair CommonMark rejects */
		}
		a = pair(a, &open, b, &close);
		from = 0;
	}
}

/* Replaces strong node s by "**", its children, "**". */
static void
unwrap(struct art_node *s)
{
	art_node_insert_before(s, text_new("**", -1, s->pos));
	while (s->first_child)
		art_node_insert_before(s, s->first_child);
	art_node_insert_before(s, text_new("**", -1, s->pos));
	art_node_free(s);
}

static bool
ends_in_cjk_punct(const struct art_node *t)
{
	if (!t || t->type != ART_TEXT || !t->literal || !*t->literal)
		return false;
	const char *p = g_utf8_find_prev_char(t->literal, t->literal + strlen(t->literal));
	gunichar c = p ? g_utf8_get_char_validated(p, -1) : 0;
	return c < 0x110000 && art_is_cjk(c) && cm_punct(c);
}

/* cmark reads "**甲。**乙...**丙**" as nested strong: the "**" after "。"
 * cannot close, so it opens, and later closers pair up wrongly.  Such a
 * strong inside strong right after CJK punctuation is turned back into
 * literal "**" (with every strong of its outermost strong), for
 * repair_children() to pair in order. */
static void
unnest_strong(struct art_node *root)
{
	GPtrArray *outer = g_ptr_array_new();
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type != ART_STRONG || !n->parent || n->parent->type != ART_STRONG ||
		    !ends_in_cjk_punct(n->prev))
			continue;
		struct art_node *o = n->parent;
		while (o->parent && o->parent->type == ART_STRONG)
			o = o->parent;
		if (!outer->len || outer->pdata[outer->len - 1] != o)
			g_ptr_array_add(outer, o);
	}
	for (guint i = 0; i < outer->len; i++) {
		struct art_node *o = outer->pdata[i];
		GPtrArray *strongs = g_ptr_array_new();
		for (struct art_node *n = o; n; n = art_node_next(n, o, true))
			if (n->type == ART_STRONG)
				g_ptr_array_add(strongs, n);
		for (guint j = strongs->len; j-- > 0;)
			unwrap(strongs->pdata[j]);
		g_ptr_array_free(strongs, TRUE);
	}
	g_ptr_array_free(outer, TRUE);
}

/* One text node for each run of adjacent text siblings under parent, so
 * that the "**" unwrap() made meet the text around them; an escaped '*'
 * stays apart. */
static void
merge_children(struct art_node *parent)
{
	for (struct art_node *n = parent->first_child; n; n = n->next) {
		if (n->type != ART_TEXT || n->u.text.verbatim || !n->next ||
		    n->next->type != ART_TEXT || n->next->u.text.verbatim)
			continue;
		GString *s = g_string_new(n->literal);
		while (n->next && n->next->type == ART_TEXT && !n->next->u.text.verbatim) {
			struct art_node *t = n->next;
			if (t->literal)
				g_string_append(s, t->literal);
			art_node_free(t);
		}
		g_free(n->literal);
		n->literal = g_string_free(s, FALSE);
	}
}

void
art_repair_strong(struct art_node *root)
{
	unnest_strong(root);
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->first_child && n->type != ART_CODE_BLOCK &&
		    !art_node_is_block(n->first_child)) {
			merge_children(n);
			repair_children(n);
		}
	}
}
