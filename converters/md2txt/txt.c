/* txt.c - plain-text renderer over the article model: blocks, the title,
 * the footnote and link lists.  A block's inline content is inline.c's.
 *
 * Every block is written as whole lines with two prefixes: one for its first
 * line (which may carry a list marker) and one for the rest (hanging indent,
 * "> " for quotes).  Containers pass longer prefixes down.  Blank lines
 * between blocks are written lazily, just before the next block that prints
 * something, so blocks that turn out empty leave no gap.  Links become
 * "text [n]" with the URLs listed at the end; footnotes "[^n]". */
#include <string.h>

#include "txt.h"

/* Beyond this nesting, content is printed as flat text (hostile inputs nest
 * quotes 50000 deep; prefixes and recursion must stay bounded). */
#define MAX_DEPTH 24

static void render_block(struct txt *t, const struct art_node *n, const char *first,
                         const char *rest, int depth);

struct txt *
txt_new(const struct txt_opts *opts)
{
	struct txt *t = g_new0(struct txt, 1);
	t->width = opts->width < 0 ? 0 : opts->width;
	t->autospace = opts->autospace;
	return t;
}

void
txt_free(struct txt *t)
{
	g_free(t);
}

/* ---------------------------------------------------------------- output */

/* Append finished lines, writing any pending blank line first. */
void
txt_put(struct txt *t, const GString *lines)
{
	if (lines->len == 0)
		return;
	if (t->sep) {
		g_string_append_len(t->out, t->sep->str, (gssize)t->sep->len);
		g_string_free(t->sep, TRUE);
		t->sep = NULL;
	}
	g_string_append_len(t->out, lines->str, (gssize)lines->len);
}

/* Ask for a blank line (with prefix) before the next output, unless nothing
 * has been written yet. */
static void
want_blank(struct txt *t, const char *prefix)
{
	if (t->out->len == 0)
		return;
	if (t->sep)
		g_string_free(t->sep, TRUE);
	t->sep = g_string_new(NULL);
	txt_blank_line(t->sep, prefix);
}

static void
wrap_put(struct txt *t, const char *text, const char *first, const char *rest)
{
	GString *s = g_string_new(NULL);
	txt_wrap(s, text, t->width, first, rest, t->lang);
	txt_put(t, s);
	g_string_free(s, TRUE);
}

static char *
spaces(int n)
{
	return g_strnfill((gsize)(n < 0 ? 0 : n), ' ');
}

/* Columns available for rules and tables at a given prefix. */
static int
room(const struct txt *t, const char *prefix)
{
	int w = (t->width > 0 ? t->width : TXT_DEFAULT_WIDTH) - art_str_width(prefix, -1);
	return w < 3 ? 3 : w;
}

/* Every text of a subtree, blocks on lines of their own, without recursion:
 * the fallback for nesting deeper than MAX_DEPTH. */
static char *
flat_text(const struct art_node *top)
{
	GString *b = g_string_new(NULL);
	const struct art_node *n = top;
	while (n) {
		if (n->literal &&
		    (n->type == ART_TEXT || n->type == ART_CODE || n->type == ART_CODE_BLOCK)) {
			g_string_append(b, n->literal);
		} else if (n->type == ART_SOFTBREAK) {
			g_string_append_c(b, ' ');
		}
		if (n->first_child && n->type != ART_HTML_BLOCK) {
			n = n->first_child;
			continue;
		}
		for (;;) {
			if (art_node_is_block(n) && b->len > 0 && b->str[b->len - 1] != '\n')
				g_string_append_c(b, '\n');
			if (n == top) {
				n = NULL;
				break;
			}
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
	return g_string_free(b, FALSE);
}

/* ---------------------------------------------------------------- blocks */

/* Render the block children of n: the first printed line uses first, the
 * rest use rest; loose containers put a blank line between children. */
static void
render_children(struct txt *t, const struct art_node *n, const char *first, const char *rest,
                bool loose, int depth)
{
	bool started = false;
	for (const struct art_node *c = n->first_child; c; c = c->next) {
		if (c->type == ART_FOOTNOTE_DEF)
			continue; /* collected at the end */
		if (c == t->art->title_heading)
			continue; /* the title block shows it */
		if (started && loose)
			want_blank(t, rest);
		gsize before = t->out->len;
		render_block(t, c, started ? rest : first, rest, depth + 1);
		if (t->out->len != before)
			started = true;
	}
}

static void
render_heading(struct txt *t, const struct art_node *n, const char *first, const char *rest)
{
	char *text = txt_inline_text(t, n);
	int level = n->u.heading.level;
	if (level <= 2) {
		GString *s = g_string_new(NULL);
		txt_wrap(s, text, t->width, first, rest, t->lang);
		/* underline as wide as the widest line, prefix excluded */
		int widest = 0;
		char **lines = g_strsplit(s->str, "\n", -1);
		for (char **l = lines; *l; l++) {
			int w = art_str_width(*l, -1) -
			        art_str_width(l == lines ? first : rest, -1);
			if (w > widest)
				widest = w;
		}
		g_strfreev(lines);
		char *rule =
		    g_strnfill((gsize)(widest > 0 ? widest : 3), level == 1 ? '=' : '-');
		g_string_append_printf(s, "%s%s\n", rest, rule);
		txt_put(t, s);
		g_free(rule);
		g_string_free(s, TRUE);
	} else {
		char *hashes = g_strnfill((gsize)level, '#');
		char *f = g_strdup_printf("%s%s ", first, hashes);
		char *r = g_strdup_printf("%s%*s", rest, level + 1, "");
		wrap_put(t, text, f, r);
		g_free(hashes);
		g_free(f);
		g_free(r);
	}
	g_free(text);
}

/* Code keeps its lines; tabs expand to 8-column stops so the 4-column indent
 * does not shift them. */
static void
render_code(struct txt *t, const struct art_node *n, const char *first, const char *rest)
{
	GString *s = g_string_new(NULL);
	const char *p = n->literal ? n->literal : "";
	const char *prefix = first;
	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *end = nl ? nl : p + strlen(p);
		GString *line = g_string_new(NULL);
		int col = 0;
		for (const char *q = p; q < end; q = g_utf8_next_char(q)) {
			gunichar c = g_utf8_get_char(q);
			if (c == '\t') {
				do {
					g_string_append_c(line, ' ');
				} while (++col % 8);
			} else if (c == '\r' || (c < 0x20) || c == 0x7f) {
				continue;
			} else {
				g_string_append_unichar(line, c);
				col += art_char_width(c);
			}
		}
		while (line->len > 0 && line->str[line->len - 1] == ' ')
			g_string_truncate(line, line->len - 1);
		if (line->len == 0)
			txt_blank_line(s, prefix);
		else
			g_string_append_printf(s, "%s    %s\n", prefix, line->str);
		g_string_free(line, TRUE);
		prefix = rest;
		p = nl ? nl + 1 : end;
	}
	txt_put(t, s);
	g_string_free(s, TRUE);
}

static void
render_list(struct txt *t, const struct art_node *n, const char *first, const char *rest,
            int depth)
{
	int num = n->u.list.start;
	bool started = false;
	for (const struct art_node *item = n->first_child; item; item = item->next, num++) {
		if (started && !n->u.list.tight)
			want_blank(t, rest);
		char *marker;
		if (n->u.list.ordered)
			marker = g_strdup_printf("%d%c ", num,
			                         n->u.list.delim ? n->u.list.delim : '.');
		else
			marker = g_strdup("- ");
		if (item->type == ART_ITEM && item->u.item.task >= 0) {
			char *m =
			    g_strdup_printf("%s[%c] ", marker, item->u.item.task ? 'x' : ' ');
			g_free(marker);
			marker = m;
		}
		char *f = g_strconcat(started ? rest : first, marker, NULL);
		char *pad = spaces(art_str_width(marker, -1));
		char *r = g_strconcat(rest, pad, NULL);
		gsize before = t->out->len;
		render_children(t, item, f, r, !n->u.list.tight, depth + 1);
		if (t->out->len == before) { /* empty item: the marker alone */
			GString *s = g_string_new(NULL);
			txt_blank_line(s, f);
			txt_put(t, s);
			g_string_free(s, TRUE);
		}
		started = true;
		g_free(marker);
		g_free(f);
		g_free(pad);
		g_free(r);
	}
}

/* A figure: "[image: alt]" on its own line, the caption on the next. */
static void
render_figure(struct txt *t, const struct art_node *n, const char *first, const char *rest)
{
	const char *prefix = first;
	for (const struct art_node *c = n->first_child; c; c = c->next) {
		char *text = txt_inline_text(t, c);
		if (c->type == ART_IMAGE) {
			char *img =
			    *text ? g_strdup_printf("[image: %s]", text) : g_strdup("[image]");
			g_free(text);
			text = img;
		}
		wrap_put(t, text, prefix, rest);
		prefix = rest;
		g_free(text);
	}
}

static void
render_block(struct txt *t, const struct art_node *n, const char *first, const char *rest,
             int depth)
{
	if (depth > MAX_DEPTH) {
		/* the model allows --max-nesting levels (64), more than prefixes
		 * leave room for in 72 columns: say where the text goes flat */
		if (!t->flat_warned)
			art_diag(ART_W_NESTING_FLAT, t->art->display_name, n->pos, MAX_DEPTH,
			         "plain text");
		t->flat_warned = true;
		char *text = flat_text(n);
		wrap_put(t, text, first, rest);
		g_free(text);
		return;
	}
	char *text = NULL, *f = NULL, *r = NULL;
	switch (n->type) {
	case ART_DOCUMENT:
		render_children(t, n, first, rest, true, depth);
		break;
	case ART_PARAGRAPH:
	case ART_CAPTION:
	case ART_TABLE_CELL:
		text = txt_inline_text(t, n);
		wrap_put(t, text, first, rest);
		break;
	case ART_HEADING:
		render_heading(t, n, first, rest);
		break;
	case ART_BLOCKQUOTE:
		f = g_strconcat(first, "> ", NULL);
		r = g_strconcat(rest, "> ", NULL);
		render_children(t, n, f, r, true, depth);
		break;
	case ART_LIST:
		render_list(t, n, first, rest, depth);
		break;
	case ART_ITEM:
		render_children(t, n, first, rest, true, depth);
		break;
	case ART_CODE_BLOCK:
		render_code(t, n, first, rest);
		break;
	case ART_HTML_BLOCK:
		break; /* normalisation turned raw HTML into nodes */
	case ART_THEMATIC_BREAK:
		r = g_strnfill((gsize)room(t, first), '-');
		text = g_strconcat(first, r, NULL);
		wrap_put(t, text, "", "");
		break;
	case ART_TABLE:
		txt_render_table(t, n, first, rest);
		break;
	case ART_FIGURE:
		render_figure(t, n, first, rest);
		break;
	case ART_TABLE_ROW:
	case ART_FOOTNOTE_DEF:
	case ART_DEF_LIST:
		render_children(t, n, first, rest, true, depth);
		break;
	case ART_DEF_TERM:
		text = txt_inline_text(t, n);
		wrap_put(t, text, first, rest);
		break;
	case ART_DEF_DESC: /* under its term, indented */
		f = g_strconcat(rest, "    ", NULL);
		r = g_strconcat(rest, "    ", NULL);
		render_children(t, n, f, r, true, depth);
		break;
	case ART_TEXT:
	case ART_SOFTBREAK:
	case ART_LINEBREAK:
	case ART_CODE:
	case ART_HTML_INLINE:
	case ART_EMPH:
	case ART_STRONG:
	case ART_STRIKE:
	case ART_SUPERSCRIPT:
	case ART_SUBSCRIPT:
	case ART_LINK:
	case ART_IMAGE:
	case ART_FOOTNOTE_REF:
	case ART_NODE__MAX:
		break; /* inlines only appear inside the blocks above */
	}
	g_free(text);
	g_free(f);
	g_free(r);
}

/* ---------------------------------------------------------------- article */

static void
render_title(struct txt *t, const struct article *art)
{
	const struct art_meta *m = &art->meta;
	char *title = g_strstrip(g_strdup(m->title ? m->title : ""));
	if (*title) {
		GString *s = g_string_new(NULL);
		txt_wrap(s, title, t->width, "", "", t->lang);
		int widest = 0;
		char **lines = g_strsplit(s->str, "\n", -1);
		for (char **l = lines; *l; l++)
			widest = MAX(widest, art_str_width(*l, -1));
		g_strfreev(lines);
		char *rule = g_strnfill((gsize)widest, '=');
		GString *block = g_string_new(NULL);
		g_string_append_printf(block, "%s\n%s%s\n", rule, s->str, rule);
		txt_put(t, block);
		g_string_free(block, TRUE);
		g_string_free(s, TRUE);
		g_free(rule);
	}
	g_free(title);
	if (m->subtitle && *m->subtitle)
		wrap_put(t, m->subtitle, "", "");
	GString *byline = g_string_new(NULL);
	for (guint i = 0; m->authors && i < m->authors->len; i++)
		g_string_append_printf(byline, "%s%s", i ? ", " : "",
		                       (char *)g_ptr_array_index(m->authors, i));
	if (art->date) /* the model's reading of it: the same in every format */
		g_string_append_printf(byline, "%s%s", byline->len ? " · " : "", art->date);
	if (byline->len) {
		want_blank(t, "");
		wrap_put(t, byline->str, "", "");
	}
	g_string_free(byline, TRUE);
	if (m->summary && *m->summary && !art->summary_repeated) {
		char *summary = g_strstrip(g_strdup(m->summary));
		want_blank(t, "");
		wrap_put(t, summary, "", "");
		g_free(summary);
	}
}

static void
section_heading(struct txt *t, const char *name)
{
	want_blank(t, "");
	GString *s = g_string_new(NULL);
	char *rule = g_strnfill(strlen(name), '-');
	g_string_append_printf(s, "%s\n%s\n", name, rule);
	txt_put(t, s);
	g_free(rule);
	g_string_free(s, TRUE);
}

static void
render_footnotes(struct txt *t, const struct article *art)
{
	if (!art->footnotes || art->footnotes->len == 0)
		return;
	section_heading(t, "Footnotes");
	for (guint i = 0; i < art->footnotes->len; i++) {
		const struct art_node *def = g_ptr_array_index(art->footnotes, i);
		char *mark = g_strdup_printf("[^%d] ", def->u.footnote.number);
		char *pad = spaces(art_str_width(mark, -1));
		want_blank(t, "");
		gsize before = t->out->len;
		render_children(t, def, mark, pad, true, 1);
		if (t->out->len == before) {
			GString *s = g_string_new(NULL);
			txt_blank_line(s, mark);
			txt_put(t, s);
			g_string_free(s, TRUE);
		}
		g_free(mark);
		g_free(pad);
	}
}

static void
render_links(struct txt *t)
{
	if (t->urls->len == 0)
		return;
	section_heading(t, "Links");
	want_blank(t, "");
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < t->urls->len; i++)
		g_string_append_printf(s, "[%u] %s\n", i + 1,
		                       (char *)g_ptr_array_index(t->urls, i));
	txt_put(t, s);
	g_string_free(s, TRUE);
}

int
txt_render(struct txt *t, const struct article *art, GString *out)
{
	t->art = art;
	t->lang = art->lang;
	t->flat_warned = false;
	t->out = g_string_new(NULL);
	t->urls = g_ptr_array_new_with_free_func(g_free);
	t->url_num = g_hash_table_new(g_str_hash, g_str_equal);
	render_title(t, art);
	want_blank(t, "");
	if (art->root)
		render_block(t, art->root, "", "", 0);
	render_footnotes(t, art);
	render_links(t);
	g_string_append_len(out, t->out->str, (gssize)t->out->len);
	if (t->sep)
		g_string_free(t->sep, TRUE);
	t->sep = NULL;
	g_string_free(t->out, TRUE);
	g_hash_table_destroy(t->url_num);
	g_ptr_array_unref(t->urls);
	t->out = NULL;
	return 1;
}
