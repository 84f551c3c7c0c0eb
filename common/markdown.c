/* markdown.c - parse the Markdown body with cmark-gfm and copy it into our
 * own tree.  The only file that includes cmark-gfm headers.  The copy walks
 * with cmark_iter (ENTER/EXIT events), never recursion, so pathological
 * nesting cannot exhaust the C stack. */
#include "article.h"

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

/* The extension node types are runtime globals exported by
 * libcmark-gfm-extensions; Debian ships no header declaring them. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL,
    CMARK_NODE_STRIKETHROUGH;

static const char *const extension_names[] = {
    "table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

/* The state of copying cmark-gfm's tree into ours. */
struct cmark_copy {
	struct article *art;
	int line_shift;      /* body_line - 1 */
	GArray *line_starts; /* size_t offsets of .md lines */
	cmark_syntax_extension *tasklist;
	GPtrArray *refs; /* ART_FOOTNOTE_REF nodes, borrowed */
	GPtrArray *defs; /* ART_FOOTNOTE_DEF nodes in cmark order */
};

static struct art_pos
node_pos(const struct cmark_copy *c, cmark_node *n)
{
	struct art_pos p = {cmark_node_get_start_line(n), cmark_node_get_start_column(n)};
	if (p.line <= 0) {
		p.line = p.col = 0;
	} else {
		p.line += c->line_shift;
	}
	return p;
}

/* Pointer to byte col (1-based) of .md line, or NULL when out of range. */
static const char *
source_at(const struct cmark_copy *c, struct art_pos p)
{
	if (p.line < 1 || (guint)p.line > c->line_starts->len || p.col < 1)
		return NULL;
	size_t start = g_array_index(c->line_starts, size_t, p.line - 1);
	const char *line = c->art->source + start;
	size_t end = (guint)p.line < c->line_starts->len
	                 ? g_array_index(c->line_starts, size_t, p.line) - 1
	                 : c->art->source_len;
	size_t len = end - start;
	if ((size_t)p.col > len + 1) /* len + 1: the end of the line */
		return NULL;
	return line + p.col - 1;
}

static char *
dup_nonempty(const char *s)
{
	return s && *s ? g_strdup(s) : NULL;
}

/* cmark-gfm keeps footnote labels private; the reference's source text
 * "[^label]" is where its position points. */
static char *
ref_label(const struct cmark_copy *c, struct art_pos p)
{
	const char *s = source_at(c, p);
	if (!s || s[0] != '[' || s[1] != '^')
		return NULL;
	s += 2;
	const char *e = s;
	while (*e && *e != ']' && *e != '\n')
		e++;
	return *e == ']' && e > s ? g_strndup(s, (gsize)(e - s)) : NULL;
}

/* cmark-gfm places a definition at its content; diagnostics read better
 * at the "[^label]:" that opens it, on the same line. */
static struct art_pos
def_pos(const struct cmark_copy *c, struct art_pos p)
{
	const char *s = source_at(c, p);
	if (!s)
		return p;
	const char *bol = s - (p.col - 1);
	while (s > bol && (s[-1] == ' ' || s[-1] == '\t'))
		s--;
	if (s - bol < 4 || s[-1] != ':' || s[-2] != ']')
		return p;
	for (const char *q = s - 3; q > bol; q--) {
		if (q[-1] == '[' && q[0] == '^') {
			p.col = (int)(q - bol);
			break;
		}
		if (q[0] == ']' || q[0] == '[')
			break;
	}
	return p;
}

/* End of the entity or numeric character reference at s ("&ast;",
 * "&#42;"), just past its ';', or NULL. */
static const char *
entity_end(const char *s)
{
	const char *p = s + 1;
	if (*p == '#') {
		p++;
		if (*p == 'x' || *p == 'X')
			p++;
	}
	const char *name = p;
	while (g_ascii_isalnum(*p) && p - s < 40)
		p++;
	return p > name && *p == ';' ? p + 1 : NULL;
}

/* cmark-gfm merges the "*" of "\\*" and "&ast;" into the text around it,
 * where it looks like what an unpaired delimiter run leaves.  The source
 * tells them apart: each escaped '*' becomes a text node of its own,
 * marked verbatim, which the "**" repair leaves alone.  Where the literal
 * cannot be aligned with its source line, nothing changes. */
static void
split_verbatim_stars(const struct cmark_copy *c, struct art_node *t)
{
	const char *lit = t->literal;
	const char *s = lit && strchr(lit, '*') ? source_at(c, t->pos) : NULL;
	if (!s)
		return;
	size_t n = strlen(lit), i = 0;
	bool *verbatim = g_new0(bool, n);
	bool any = false;
	while (i < n) {
		const char *e = *s == '&' ? entity_end(s) : NULL;
		if (s[0] == '\\' && g_ascii_ispunct(s[1]) && s[1] == lit[i]) {
			verbatim[i] = lit[i] == '*';
			s += 2;
			i++;
		} else if (e && (lit[i] != '&' || g_str_has_prefix(s, "&amp;") ||
		                 g_str_has_prefix(s, "&#38;"))) {
			verbatim[i] = lit[i] == '*';
			s = e;
			i = (size_t)(g_utf8_next_char(lit + i) - lit);
		} else if (*s && *s != '\n' && *s == lit[i]) {
			s++;
			i++;
		} else {
			break; /* not aligned: leave the node as it is */
		}
		any = any || (i > 0 && verbatim[i - 1]);
	}
	if (i == n && any) {
		size_t start = 0;
		for (size_t k = 0; k <= n; k++) {
			if (k < n && !verbatim[k])
				continue;
			if (k > start) { /* the plain text before this star */
				struct art_node *p = art_node_new(ART_TEXT, t->pos);
				p->literal = g_strndup(lit + start, k - start);
				art_node_insert_before(t, p);
			}
			if (k < n) {
				struct art_node *v = art_node_new(ART_TEXT, t->pos);
				v->literal = g_strdup("*");
				v->u.text.verbatim = true;
				art_node_insert_before(t, v);
			}
			start = k + 1;
		}
		art_node_free(t);
	}
	g_free(verbatim);
}

static void
copy_list(const struct cmark_copy *c, cmark_node *n, struct art_node *a)
{
	a->u.list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	a->u.list.tight = cmark_node_get_list_tight(n);
	a->u.list.start = cmark_node_get_list_start(n);
	a->u.list.delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
	if (a->u.list.ordered)
		return;
	/* No public getter for the bullet: read it from the first item. */
	a->u.list.bullet = '-';
	cmark_node *item = cmark_node_first_child(n);
	const char *s = item ? source_at(c, node_pos(c, item)) : NULL;
	if (s && (*s == '-' || *s == '*' || *s == '+'))
		a->u.list.bullet = *s;
}

static void
copy_table(cmark_node *n, struct art_node *a)
{
	int ncols = cmark_gfm_extensions_get_table_columns(n);
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
	a->u.table.ncols = ncols;
	a->u.table.aligns = g_new0(enum art_align, ncols > 0 ? ncols : 1);
	for (int i = 0; al && i < ncols; i++) {
		switch (al[i]) {
		case 'l':
			a->u.table.aligns[i] = ART_ALIGN_LEFT;
			break;
		case 'c':
			a->u.table.aligns[i] = ART_ALIGN_CENTER;
			break;
		case 'r':
			a->u.table.aligns[i] = ART_ALIGN_RIGHT;
			break;
		default:
			a->u.table.aligns[i] = ART_ALIGN_NONE;
			break;
		}
	}
}

/* Our node for cmark node n, or NULL for a type we do not model (its
 * children then go to the enclosing node). */
static struct art_node *
convert(struct cmark_copy *c, cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	struct art_pos pos = node_pos(c, n);
	struct art_node *a = NULL;
	if (t == CMARK_NODE_TABLE) {
		a = art_node_new(ART_TABLE, pos);
		copy_table(n, a);
		return a;
	}
	if (t == CMARK_NODE_TABLE_ROW) {
		a = art_node_new(ART_TABLE_ROW, pos);
		a->u.row.header = cmark_gfm_extensions_get_table_row_is_header(n);
		return a;
	}
	if (t == CMARK_NODE_TABLE_CELL) {
		a = art_node_new(ART_TABLE_CELL, pos);
		a->u.cell.colspan = a->u.cell.rowspan = 1;
		return a;
	}
	if (t == CMARK_NODE_STRIKETHROUGH)
		return art_node_new(ART_STRIKE, pos);

	switch (t) {
	case CMARK_NODE_DOCUMENT:
		return art_node_new(ART_DOCUMENT, pos);
	case CMARK_NODE_BLOCK_QUOTE:
		return art_node_new(ART_BLOCKQUOTE, pos);
	case CMARK_NODE_LIST:
		a = art_node_new(ART_LIST, pos);
		copy_list(c, n, a);
		return a;
	case CMARK_NODE_ITEM:
		a = art_node_new(ART_ITEM, pos);
		if (c->tasklist && cmark_node_get_syntax_extension(n) == c->tasklist)
			a->u.item.task =
			    cmark_gfm_extensions_get_tasklist_item_checked(n) ? 1 : 0;
		return a;
	case CMARK_NODE_CODE_BLOCK: {
		int len = 0, off = 0;
		char ch = 0;
		a = art_node_new(ART_CODE_BLOCK, pos);
		a->literal = g_strdup(cmark_node_get_literal(n));
		a->u.code.info = dup_nonempty(cmark_node_get_fence_info(n));
		if (cmark_node_get_fenced(n, &len, &off, &ch))
			a->u.code.fence = ch;
		return a;
	}
	case CMARK_NODE_HTML_BLOCK:
		a = art_node_new(ART_HTML_BLOCK, pos);
		a->literal = g_strdup(cmark_node_get_literal(n));
		return a;
	case CMARK_NODE_PARAGRAPH:
		return art_node_new(ART_PARAGRAPH, pos);
	case CMARK_NODE_HEADING:
		a = art_node_new(ART_HEADING, pos);
		a->u.heading.level = cmark_node_get_heading_level(n);
		return a;
	case CMARK_NODE_THEMATIC_BREAK:
		return art_node_new(ART_THEMATIC_BREAK, pos);
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		a = art_node_new(ART_FOOTNOTE_DEF, def_pos(c, pos));
		g_ptr_array_add(c->defs, a);
		return a;
	case CMARK_NODE_TEXT:
		a = art_node_new(ART_TEXT, pos);
		a->literal = g_strdup(cmark_node_get_literal(n));
		return a;
	case CMARK_NODE_SOFTBREAK:
		return art_node_new(ART_SOFTBREAK, pos);
	case CMARK_NODE_LINEBREAK:
		return art_node_new(ART_LINEBREAK, pos);
	case CMARK_NODE_CODE:
		a = art_node_new(ART_CODE, pos);
		a->literal = g_strdup(cmark_node_get_literal(n));
		return a;
	case CMARK_NODE_HTML_INLINE:
		a = art_node_new(ART_HTML_INLINE, pos);
		a->literal = g_strdup(cmark_node_get_literal(n));
		return a;
	case CMARK_NODE_EMPH:
		return art_node_new(ART_EMPH, pos);
	case CMARK_NODE_STRONG:
		return art_node_new(ART_STRONG, pos);
	case CMARK_NODE_LINK:
		a = art_node_new(ART_LINK, pos);
		a->u.link.url = g_strdup(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
		a->u.link.title = dup_nonempty(cmark_node_get_title(n));
		return a;
	case CMARK_NODE_IMAGE:
		a = art_node_new(ART_IMAGE, pos);
		a->u.image.url = g_strdup(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
		a->u.image.title = dup_nonempty(cmark_node_get_title(n));
		return a;
	case CMARK_NODE_FOOTNOTE_REFERENCE: {
		/* Its literal is the footnote's number (order of first use). */
		const char *lit = cmark_node_get_literal(n);
		a = art_node_new(ART_FOOTNOTE_REF, pos);
		a->u.footnote.number = lit ? atoi(lit) : 0;
		a->u.footnote.label = ref_label(c, pos);
		g_ptr_array_add(c->refs, a);
		return a;
	}
	default:
		return NULL;
	}
}

/* cmark-gfm emits the definitions of referenced footnotes at the end of
 * the document, ordered by number; unreferenced ones are dropped.  So the
 * k-th definition is number k and takes its label from a reference. */
static void
link_footnotes(struct cmark_copy *c)
{
	guint ndefs = c->defs->len;
	/* label of the first reference to each number: linear, not refs x defs */
	const char **labels = g_new0(const char *, ndefs + 1);
	for (guint j = 0; j < c->refs->len; j++) {
		struct art_node *ref = c->refs->pdata[j];
		int k = ref->u.footnote.number;
		if (k < 1 || (guint)k > ndefs)
			continue;
		ref->u.footnote.def = c->defs->pdata[k - 1];
		if (!labels[k] && ref->u.footnote.label)
			labels[k] = ref->u.footnote.label;
	}
	for (guint i = 0; i < ndefs; i++) {
		struct art_node *def = c->defs->pdata[i];
		def->u.footnote.number = (int)i + 1;
		def->u.footnote.label =
		    labels[i + 1] ? g_strdup(labels[i + 1]) : g_strdup_printf("%u", i + 1);
	}
	for (guint j = 0; j < c->refs->len; j++) {
		struct art_node *ref = c->refs->pdata[j];
		if (!ref->u.footnote.label)
			ref->u.footnote.label = g_strdup_printf("%d", ref->u.footnote.number);
	}
	g_free(labels);
}

static GArray *
line_index(const char *s, size_t len)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(size_t));
	size_t start = 0;
	g_array_append_val(a, start);
	for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))); p++) {
		start = (size_t)(p - s) + 1;
		g_array_append_val(a, start);
	}
	return a;
}

int
art_markdown_parse(struct article *art, const struct art_load_opts *opts)
{
	struct cmark_copy c = {art,  art->body_line - 1, NULL,
	                       NULL, g_ptr_array_new(),  g_ptr_array_new()};
	c.line_starts = line_index(art->source, art->source_len);
	size_t body = 0;
	if (art->body_line > 1 && (guint)art->body_line <= c.line_starts->len)
		body = g_array_index(c.line_starts, size_t, art->body_line - 1);
	else if (art->body_line > 1)
		body = art->source_len;

	cmark_gfm_core_extensions_ensure_registered();
	/* CMARK_OPT_SMART: curly quotes, en and em dashes, the ellipsis,
	 * never inside code, escaped quotes left straight; art_normalize()
	 * turns the quotes around where Chinese text fools its Latin rules. */
	int copts = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
	if (!opts || !opts->no_smart)
		copts |= CMARK_OPT_SMART;
	cmark_parser *parser = cmark_parser_new(copts);
	for (size_t i = 0; i < G_N_ELEMENTS(extension_names); i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extension_names[i]);
		if (ext)
			cmark_parser_attach_syntax_extension(parser, ext);
	}
	c.tasklist = cmark_find_syntax_extension("tasklist");
	char *defused = art_defuse_wide_tables(art, art->source + body, art->source_len - body,
	                                       art->body_line);
	if (defused)
		cmark_parser_feed(parser, defused, strlen(defused));
	else
		cmark_parser_feed(parser, art->source + body, art->source_len - body);
	g_free(defused);
	cmark_node *doc = cmark_parser_finish(parser);
	int ok = doc != NULL;
	if (!ok) {
		struct art_pos nopos = {0, 0};
		art_diag(ART_E_MARKDOWN, art->display_name, nopos);
		goto done;
	}

	cmark_iter *it = cmark_iter_new(doc);
	struct art_node *cur = NULL;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			struct art_node *a = cmark_node_get_user_data(n);
			if (a && a->parent)
				cur = a->parent;
			continue;
		}
		struct art_node *a = convert(&c, n);
		cmark_node_set_user_data(n, a);
		if (!a)
			continue;
		if (!cur) {
			art->root = a;
		} else {
			art_node_append(cur, a);
		}
		if (a->type == ART_TEXT) {
			cmark_node_set_user_data(n, NULL); /* a leaf; a may go */
			split_verbatim_stars(&c, a);
			continue;
		}
		/* Leaves get no EXIT event; everything else becomes current. */
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			break;
		default:
			cur = a;
			break;
		}
	}
	cmark_iter_free(it);
	link_footnotes(&c);
	cmark_node_free(doc);
done:
	cmark_parser_free(parser);
	g_array_unref(c.line_starts);
	g_ptr_array_unref(c.refs);
	g_ptr_array_unref(c.defs);
	if (ok && !art->root)
		art->root = art_node_new(ART_DOCUMENT, (struct art_pos){1, 1});
	return ok;
}
