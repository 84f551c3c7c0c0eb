/* inline.c - a block's inline content as one string of plain text: links
 * as "text [n]" (numbered for the list at the end unless the text shows
 * the URL), footnote references as "[^n]", images as "[image: alt]", hard
 * breaks as '\n', and with --autospace a space between Han and Latin. */
#include <string.h>

#include "txt.h"

static int
link_number(struct txt *t, const char *url)
{
	gpointer v = g_hash_table_lookup(t->url_num, url);
	if (v)
		return GPOINTER_TO_INT(v);
	char *copy = g_strdup(url);
	g_ptr_array_add(t->urls, copy);
	int num = (int)t->urls->len;
	g_hash_table_insert(t->url_num, copy, GINT_TO_POINTER(num));
	return num;
}

/* True when a link's text already shows its URL (autolinks, bare URLs). */
static bool
shows_url(const char *text, const char *url)
{
	if (strcmp(text, url) == 0)
		return true;
	if (g_str_has_prefix(url, "mailto:") && strcmp(text, url + 7) == 0)
		return true;
	if (g_str_has_prefix(url, "http://") && strcmp(text, url + 7) == 0)
		return true;
	return false;
}

/* *in_image counts the images n sits in: inside one, only text counts (an
 * image's alt text is the plain text of its content, CommonMark 6.4), so
 * nested images and links add no brackets or link numbers. */
static void
inline_enter(const struct art_node *n, GString *b, GArray *marks, int *in_image)
{
	gsize mark = b->len;
	switch (n->type) {
	case ART_TEXT:
	case ART_CODE:
		if (n->literal)
			g_string_append(b, n->literal);
		break;
	case ART_SOFTBREAK:
		g_string_append_c(b, ' ');
		break;
	case ART_LINEBREAK:
		g_string_append_c(b, '\n');
		break;
	case ART_HTML_INLINE:
		break; /* normalisation turned raw HTML into nodes */
	case ART_LINK:
		g_array_append_val(marks, mark);
		break;
	case ART_IMAGE:
		if ((*in_image)++ == 0)
			g_string_append(b, "[image: ");
		mark = b->len;
		g_array_append_val(marks, mark);
		break;
	case ART_FOOTNOTE_REF:
		if (n->u.footnote.def && n->u.footnote.number > 0)
			g_string_append_printf(b, "[^%d]", n->u.footnote.number);
		else
			g_string_append_printf(b, "[^%s]",
			                       n->u.footnote.label ? n->u.footnote.label : "");
		break;
	case ART_EMPH:
	case ART_STRONG:
	case ART_STRIKE:
	case ART_SUPERSCRIPT: /* H2O, x2: plain text has no raised type */
	case ART_SUBSCRIPT:
		break;
	case ART_DOCUMENT:
	case ART_PARAGRAPH:
	case ART_HEADING:
	case ART_BLOCKQUOTE:
	case ART_LIST:
	case ART_ITEM:
	case ART_CODE_BLOCK:
	case ART_HTML_BLOCK:
	case ART_THEMATIC_BREAK:
	case ART_TABLE:
	case ART_TABLE_ROW:
	case ART_TABLE_CELL:
	case ART_FIGURE:
	case ART_CAPTION:
	case ART_FOOTNOTE_DEF:
	case ART_DEF_LIST:
	case ART_DEF_TERM:
	case ART_DEF_DESC:
	case ART_NODE__MAX:
		break;
	}
}

/* Returns true when n was an icon left out (decoration). */
static bool
inline_exit(struct txt *t, const struct art_node *n, GString *b, GArray *marks, int *in_image)
{
	if (n->type == ART_LINK && marks->len > 0) {
		gsize mark = g_array_index(marks, gsize, marks->len - 1);
		g_array_set_size(marks, marks->len - 1);
		const char *url = n->u.link.url;
		if (*in_image || !url || !*url || url[0] == '#' ||
		    shows_url(b->str + mark, url))
			return false;
		g_string_append_printf(b, " [%d]", link_number(t, url));
	} else if (n->type == ART_IMAGE && marks->len > 0) {
		gsize mark = g_array_index(marks, gsize, marks->len - 1);
		g_array_set_size(marks, marks->len - 1);
		if (--*in_image > 0)
			return false;
		if (b->len == mark && art_resource_is_icon(n->u.image.res)) {
			/* an icon without alt text in a line is decoration */
			g_string_truncate(b, mark - strlen("[image: "));
			return true;
		}
		if (b->len == mark)
			g_string_truncate(b, mark - 2); /* no alt text: "[image]" */
		g_string_append_c(b, ']');
		/* "<img src=x>Source:" has no space; the bracket needs one */
		if (n->next && n->next->type == ART_TEXT && n->next->literal &&
		    g_ascii_isalnum(n->next->literal[0]))
			g_string_append_c(b, ' ');
	}
	return false;
}

/* --autospace: a space between Han characters and Latin letters or digits
 * in what was appended to b from byte from on (where it meets the text
 * before, and inside it unless it is code).  code: what was appended is a
 * code span; after_code: the text before it ends one (art_autospace_at()). */
static void
autospace(GString *b, gsize from, bool inside, bool code, bool after_code)
{
	if (from >= b->len)
		return;
	GString *o = g_string_new(NULL);
	const char *q = from ? g_utf8_find_prev_char(b->str, b->str + from) : NULL;
	gunichar prev = q ? g_utf8_get_char(q) : 0;
	bool first = true;
	for (const char *s = b->str + from; *s; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);
		if (first ? art_autospace_at(prev, c, after_code, code)
		          : inside && art_autospace_join(b->str + from, s))
			g_string_append_c(o, ' ');
		g_string_append_len(o, s, g_utf8_next_char(s) - s);
		prev = c;
		first = false;
	}
	g_string_truncate(b, from);
	g_string_append_len(b, o->str, (gssize)o->len);
	g_string_free(o, TRUE);
}

/* Plain text of n's inline children, without recursion (emphasis can nest
 * tens of thousands deep).  Returns a new string. */
char *
txt_inline_text(struct txt *t, const struct art_node *parent)
{
	GString *b = g_string_new(NULL);
	GArray *marks = g_array_new(FALSE, FALSE, sizeof(gsize));
	int in_image = parent->type == ART_IMAGE; /* a figure's image: its alt */
	const struct art_node *n = parent->first_child;
	bool after_code = false; /* the text appended last was a code span's */
	bool gap_open = false;   /* an icon left out where a space was or will be */
	while (n) {
		gsize from = b->len;
		inline_enter(n, b, marks, &in_image);
		if (gap_open && n->type == ART_TEXT) {
			/* "![](note.gif) **NOTE:**": one space, not two */
			gsize end = from;
			while (end < b->len && b->str[end] == ' ')
				end++;
			g_string_erase(b, (gssize)from, (gssize)(end - from));
		}
		if (n->type == ART_TEXT || n->type == ART_CODE)
			gap_open = false;
		if (t->autospace && (n->type == ART_TEXT || n->type == ART_CODE)) {
			autospace(b, from, n->type == ART_TEXT, n->type == ART_CODE,
			          after_code);
			after_code = n->type == ART_CODE;
		}
		if (n->first_child) {
			n = n->first_child;
			continue;
		}
		if (inline_exit(t, n, b, marks, &in_image))
			gap_open = b->len == 0 || b->str[b->len - 1] == ' ';
		while (n != parent && !n->next) {
			n = n->parent;
			if (n != parent)
				inline_exit(t, n, b, marks, &in_image);
		}
		n = n == parent ? NULL : n->next;
	}
	g_array_free(marks, TRUE);
	return g_string_free(b, FALSE);
}
