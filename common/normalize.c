/* normalize.c - the pass every converter relies on: raw placeholders to
 * text, language, the repair of "**" next to CJK (strong_repair.c), raw
 * HTML to nodes, table grids, segment breaks, resources, figures, heading
 * ids, footnote numbers and link targets.  docs/hacking.md ("Normalisation,
 * in order") says why in this order.
 *
 * Every walk is iterative (parent/next pointers), so deeply nested input
 * (50000 block quotes) cannot exhaust the stack. */
#include "article.h"
#include "internal.h"

#include <string.h>

static struct art_node *
text_new(const char *s, gssize len, struct art_pos pos)
{
	struct art_node *t = art_node_new(ART_TEXT, pos);
	t->literal = len < 0 ? g_strdup(s) : g_strndup(s, (gsize)len);
	return t;
}

/* ------------------------------------------------------------ raw HTML */

/* Appends text for s to parent, a softbreak for each newline. */
static void
append_lines(struct art_node *parent, const char *s, struct art_pos pos)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		if (len)
			art_node_append(parent, text_new(s, (gssize)len, pos));
		if (!nl)
			break;
		s = nl + 1;
		if (*s)
			art_node_append(parent, art_node_new(ART_SOFTBREAK, pos));
	}
}

/* Placeholders like <emulator> become text; an HTML block that starts with
 * one becomes a paragraph of its lines.  A block of framework components
 * only (Vue's <ClientOnly>...) has nothing to read: it goes, with a warning. */
static void
unknown_html_to_text(struct article *art)
{
	struct art_node *root = art->root;
	for (struct art_node *n = root; n;) {
		if (n->type == ART_HTML_BLOCK && art_html_is_component_markup(n->literal)) {
			char *shown = art_collapse_space(n->literal);
			art_diag(ART_W_HTML_COMPONENT, art->display_name, n->pos, shown);
			g_free(shown);
			struct art_node *next = art_node_next(n, root, false);
			art_node_free(n);
			n = next;
			continue;
		}
		if (n->type == ART_HTML_INLINE && art_html_is_unknown_tag(n->literal)) {
			n->type = ART_TEXT;
		} else if (n->type == ART_HTML_BLOCK && art_html_is_unknown_tag(n->literal)) {
			char *lit = n->literal;
			n->literal = NULL;
			n->type = ART_PARAGRAPH;
			g_strchomp(lit);
			append_lines(n, lit, n->pos);
			g_free(lit);
			n = art_node_next(n, root, false);
			continue;
		}
		n = art_node_next(n, root, true);
	}
}

/* ------------------------------------------------------------ language */

/* ------------------------------------------------------------ soft breaks */

/* The character an inline leaf shows at its start or end; 0 when it shows
 * none (raw HTML, empty text), so the search goes on past it. */
static gunichar
leaf_char(const struct art_node *n, bool last)
{
	switch (n->type) {
	case ART_TEXT:
	case ART_CODE:
		if (!n->literal || !*n->literal)
			return 0;
		if (last) {
			const char *p =
			    g_utf8_find_prev_char(n->literal, n->literal + strlen(n->literal));
			return p ? g_utf8_get_char_validated(p, -1) : 0;
		}
		return g_utf8_get_char_validated(n->literal, -1);
	case ART_IMAGE:
		return 0xFFFC; /* an object: neither wide nor removable */
	case ART_FOOTNOTE_REF:
		return '1';
	case ART_LINEBREAK:
	case ART_SOFTBREAK:
		return '\n';
	default:
		return 0;
	}
}

/* The inline leaf before (or after) n within its block, descending into
 * emphasis and links but not into an image's alt text. */
static const struct art_node *
leaf_step(const struct art_node *n, bool back)
{
	while (!(back ? n->prev : n->next)) {
		n = n->parent;
		if (!n || art_node_is_block(n))
			return NULL;
	}
	n = back ? n->prev : n->next;
	while (n->type != ART_IMAGE && (back ? n->last_child : n->first_child))
		n = back ? n->last_child : n->first_child;
	return n;
}

static gunichar
char_beside(const struct art_node *n, bool back)
{
	while ((n = leaf_step(n, back))) {
		gunichar c = leaf_char(n, back);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			return 0;
		if (c)
			return c;
	}
	return 0;
}

/* One text node for each run of adjacent text siblings.  Built with one
 * GString per run: pairwise concatenation is quadratic on hostile input. */
static void
merge_text(struct art_node *root)
{
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type != ART_TEXT || !n->next || n->next->type != ART_TEXT)
			continue;
		GString *s = g_string_new(n->literal);
		while (n->next && n->next->type == ART_TEXT) {
			struct art_node *t = n->next;
			if (t->literal)
				g_string_append(s, t->literal);
			art_node_free(t);
		}
		g_free(n->literal);
		n->literal = g_string_free(s, FALSE);
	}
}

static void
segment_breaks(struct article *art)
{
	struct art_node *root = art->root;
	for (struct art_node *n = root; n;) {
		struct art_node *next = art_node_next(n, root, true);
		if (n->type == ART_SOFTBREAK) {
			gunichar before = char_beside(n, true);
			gunichar after = char_beside(n, false);
			/* beside a hard line break ("...。<br>" and a newline) the
			 * line ends already: no space at the next line's start */
			const struct art_node *prev = leaf_step(n, true),
			                      *nx = leaf_step(n, false);
			if ((prev && prev->type == ART_LINEBREAK) ||
			    (nx && nx->type == ART_LINEBREAK) ||
			    art_segment_break_removed(before, after, art->lang)) {
				art_node_free(n);
			} else {
				n->type = ART_TEXT;
				n->literal = g_strdup(" ");
			}
		}
		n = next;
	}
	merge_text(root);
}

/* Spaces typed beside full-width punctuation go, as segment breaks there
 * do: "（ gpa,len ）", "例如 etcd 。" (its glyph has its own white space).
 * Text only, never code; text of ASCII alone has none to drop (most of an
 * English article: not copied). */
static bool
ascii_only(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void
fw_punct_spaces(struct article *art)
{
	for (struct art_node *n = art->root; n; n = art_node_next(n, art->root, true))
		if (n->type == ART_TEXT && n->literal && strchr(n->literal, ' ') &&
		    !ascii_only(n->literal)) {
			char *t = art_drop_spaces_by_fw_punct(n->literal);
			g_free(n->literal);
			n->literal = t;
		}
}

/* ------------------------------------------------------------ figures */

static void
make_figure(struct article *art, struct art_node *para)
{
	struct art_node *img = art_sole_child(para, ART_IMAGE);
	for (struct art_node *c = para->first_child, *nx; c; c = nx) {
		nx = c->next;
		if (c != img)
			art_node_free(c);
	}
	para->type = ART_FIGURE;
	struct art_node *cap = para->next;
	struct art_node *strong =
	    cap && cap->type == ART_PARAGRAPH ? art_sole_child(cap, ART_STRONG) : NULL;
	if (!strong)
		return;
	struct art_node *caption = art_node_new(ART_CAPTION, cap->pos);
	while (strong->first_child)
		art_node_append(caption, strong->first_child);
	art_node_append(para, caption);
	art_ids_retarget(art, cap, para);
	art_node_free(cap);
}

static void
images_and_figures(struct article *art)
{
	struct art_node *root = art->root;
	for (struct art_node *n = root; n;) {
		if (n->type == ART_IMAGE) {
			n->u.image.res = art_resource_get(art, n->u.image.url, n->pos);
		} else if (n->type == ART_PARAGRAPH && art_sole_child(n, ART_IMAGE)) {
			make_figure(art, n); /* the walk then visits its image */
		}
		n = art_node_next(n, root, true);
	}
}

/* ------------------------------------------------------------ ids */

/* Pandoc/kramdown heading attributes: "Title {#id .class}" at the end of
 * the heading's last text.  Removes the braces from the text and returns the
 * id (new string), or NULL when there is no such block or it names no id. */
static char *
take_explicit_id(struct art_node *heading)
{
	struct art_node *t = heading->last_child;
	if (!t || t->type != ART_TEXT || !t->literal)
		return NULL;
	char *lit = t->literal;
	size_t len = strlen(lit);
	while (len > 0 && g_ascii_isspace(lit[len - 1]))
		len--;
	if (len < 3 || lit[len - 1] != '}')
		return NULL;
	char *open = g_strrstr_len(lit, (gssize)len, "{");
	if (!open)
		return NULL;
	char *inner = g_strndup(open + 1, (gsize)(lit + len - 1 - (open + 1)));
	char **tokens = g_strsplit_set(inner, " \t", -1);
	char *id = NULL;
	bool attrs = true;
	for (char **tok = tokens; *tok; tok++) {
		if (**tok == '#' && (*tok)[1] && !id)
			id = g_strdup(*tok + 1);
		else if (**tok && **tok != '.' && !strchr(*tok, '='))
			attrs = false; /* "{not attributes}": leave the text alone */
	}
	g_strfreev(tokens);
	g_free(inner);
	if (!attrs || !id) {
		g_free(id);
		return NULL;
	}
	while (open > lit && g_ascii_isspace(open[-1]))
		open--;
	*open = '\0';
	return id;
}

/* GitHub-style ids: slug, then "-1", "-2"... for repeats.  next_suffix
 * remembers the last suffix per slug so repeats stay linear. */
static void
heading_ids(struct article *art)
{
	if (!art->ids)
		art->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *next_suffix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	struct art_node *root = art->root;
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type != ART_HEADING)
			continue;
		char *slug = take_explicit_id(n);
		if (!slug && n->u.heading.id && *n->u.heading.id)
			slug = g_strdup(n->u.heading.id); /* <h4 id="x"> */
		if (!slug) {
			char *text = art_node_plain_text(n);
			slug = art_slugify(text);
			g_free(text);
		}
		if (!*slug) {
			g_free(slug);
			slug = g_strdup("section");
		}
		char *id = g_strdup(slug);
		guint k = GPOINTER_TO_UINT(g_hash_table_lookup(next_suffix, slug));
		while (g_hash_table_contains(art->ids, id)) {
			g_free(id);
			id = g_strdup_printf("%s-%u", slug, ++k);
		}
		g_hash_table_replace(next_suffix, slug, GUINT_TO_POINTER(k));
		g_hash_table_insert(art->ids, g_strdup(id), n);
		g_free(n->u.heading.id);
		n->u.heading.id = id;
	}
	g_hash_table_destroy(next_suffix);
}

/* ------------------------------------------------------------ footnotes */

static void
footnotes(struct article *art)
{
	struct art_node *root = art->root;
	GHashTable *defs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GPtrArray *all = g_ptr_array_new();
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type != ART_FOOTNOTE_DEF)
			continue;
		n->u.footnote.number = 0;
		g_ptr_array_add(all, n);
		char *key = g_utf8_casefold(n->u.footnote.label ? n->u.footnote.label : "", -1);
		if (!g_hash_table_contains(defs, key))
			g_hash_table_insert(defs, key, n);
		else
			g_free(key);
	}
	if (!art->footnotes)
		art->footnotes = g_ptr_array_new();
	g_ptr_array_set_size(art->footnotes, 0);
	int number = 0;
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		if (n->type != ART_FOOTNOTE_REF)
			continue;
		struct art_node *def = n->u.footnote.def;
		if (!def) {
			char *key =
			    g_utf8_casefold(n->u.footnote.label ? n->u.footnote.label : "", -1);
			def = g_hash_table_lookup(defs, key);
			g_free(key);
		}
		n->u.footnote.def = def;
		if (!def) {
			n->u.footnote.number = 0;
			art_diag(ART_W_FOOTNOTE, art->display_name, n->pos,
			         n->u.footnote.label ? n->u.footnote.label : "");
			continue;
		}
		if (!def->u.footnote.number) {
			def->u.footnote.number = ++number;
			g_ptr_array_add(art->footnotes, def);
		}
		n->u.footnote.number = def->u.footnote.number;
	}
	for (guint i = 0; i < all->len; i++) {
		struct art_node *d = all->pdata[i];
		if (!d->u.footnote.number)
			g_ptr_array_add(art->footnotes, d);
	}
	g_ptr_array_free(all, TRUE);
	g_hash_table_destroy(defs);
}

/* ------------------------------------------------------------ links */

/* "#id" links must name an id.  Links written as the heading text or
 * percent-encoded are pointed at the real id so renderers can resolve them. */
static void
link_targets(struct article *art)
{
	struct art_node *root = art->root;
	for (struct art_node *n = root; n; n = art_node_next(n, root, true)) {
		const char *url = n->type == ART_LINK ? n->u.link.url : NULL;
		if (!url || url[0] != '#' || !url[1])
			continue;
		const char *id = url + 1;
		if (g_hash_table_contains(art->ids, id))
			continue;
		char *dec = g_uri_unescape_string(id, NULL);
		char *slug = art_slugify(dec ? dec : id);
		const char *hit = dec && g_hash_table_contains(art->ids, dec) ? dec
		                  : g_hash_table_contains(art->ids, slug)     ? slug
		                                                              : NULL;
		if (hit) {
			char *u = g_strconcat("#", hit, NULL);
			g_free(n->u.link.url);
			n->u.link.url = u;
		} else {
			art_diag(ART_W_LINK_TARGET, art->display_name, n->pos, dec ? dec : id);
		}
		g_free(dec);
		g_free(slug);
	}
}

/* ------------------------------------------------------------ anchors */

static gint
cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* art->anchors from art->ids, once, for every renderer. */
static void
anchor_index(struct article *art)
{
	if (art->anchors)
		g_hash_table_unref(art->anchors);
	art->anchors =
	    g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, art->ids);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		const struct art_node *n = v;
		if (!n ||
		    (n->type == ART_HEADING && n->u.heading.id && !strcmp(n->u.heading.id, k)))
			continue;
		GPtrArray *ids = g_hash_table_lookup(art->anchors, n);
		if (!ids) {
			ids = g_ptr_array_new();
			g_hash_table_insert(art->anchors, v, ids);
		}
		g_ptr_array_add(ids, k);
	}
	g_hash_table_iter_init(&it, art->anchors);
	while (g_hash_table_iter_next(&it, &k, &v))
		g_ptr_array_sort(v, cmp_str); /* hash order is no order */
}

/* ------------------------------------------------------------ tables */

static void
table_grids(struct article *art)
{
	for (struct art_node *n = art->root; n;
	     n = art_node_next(n, art->root, n->type != ART_TABLE))
		if (n->type == ART_TABLE)
			art_table_grid(n);
}

/* ------------------------------------------------------------ the pass */

void
art_normalize(struct article *art, const struct art_load_opts *opts)
{
	static const struct art_load_opts defaults;
	if (!opts)
		opts = &defaults;
	if (!art || !art->root)
		return;
	unknown_html_to_text(art);
	art_facts_lang(art, opts->lang);
	/* before segment breaks: a line break beside "**" is white space
	 * to the flanking rules, and "中文\n**粗。**" joins once bold; before
	 * raw HTML becomes nodes: "**" in an HTML block is no Markdown */
	art_repair_strong(art->root);
	art_repair_tilde_ranges(art->root); /* Markdown's strikethrough only */
	/* before segment breaks (HTML newlines are soft breaks) and before
	 * images, figures and ids, which then treat HTML like Markdown */
	art_html_to_model(art);
	art_limit_nesting(art, opts->max_nesting); /* raw HTML nests too */
	table_grids(art); /* once every table, Markdown or HTML, is there */
	if (!opts->no_smart) {
		art_cjk_quotes(art->root, art->source);
		char **meta[] = {&art->meta.title, &art->meta.subtitle, &art->meta.summary};
		for (size_t i = 0; i < G_N_ELEMENTS(meta); i++) {
			char *t = art_smart_text(*meta[i]);
			g_free(*meta[i]);
			*meta[i] = t;
		}
	}
	segment_breaks(art);
	g_free(art->resource_root);
	art->resource_root = g_strdup(opts->resource_root);
	images_and_figures(art);
	heading_ids(art);
	fw_punct_spaces(art); /* after the ids: GitHub's slugs keep the spaces */
	footnotes(art);
	link_targets(art);
	anchor_index(art);
	art->title_heading = art_title_heading(art);
	art->summary_repeated = art_summary_repeated(art);
	art_facts_meta(art);
}
