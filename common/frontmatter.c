/* frontmatter.c - the YAML block at the top of an article -> struct art_meta.
 * The only file that includes yaml.h.  libyaml marks are 0-based and
 * relative to the block, so every position is shifted to the .md line. */
#include "article.h"

#include <string.h>
#include <yaml.h>

/* Longest value we build out of a sequence or map for meta.extra: aliases
 * can make a small document describe a huge tree ("billion laughs"). */
#define EXTRA_MAX 4096

/* Reading one front matter block's YAML document into art->meta. */
struct frontmatter_reader {
	struct article *art;
	yaml_document_t *doc;
	int line0;         /* .md line of the first YAML line */
	GHashTable *seen;  /* lower-cased keys, for duplicate warnings */
	GHashTable *lists; /* GPtrArray * -> set of its strings (add_unique) */
	bool summary_set;  /* "summary" wins over "description" */
};

static struct art_pos
mark_pos(const struct frontmatter_reader *fm, yaml_mark_t m)
{
	struct art_pos p = {(int)m.line + fm->line0, (int)m.column + 1};
	return p;
}

/* Length of the line at s (without '\n'), and whether it is exactly
 * marker followed by optional blanks. */
static bool
line_is(const char *s, const char *end, const char *marker)
{
	size_t n = strlen(marker);
	if ((size_t)(end - s) < n || memcmp(s, marker, n) != 0)
		return false;
	for (s += n; s < end && *s != '\n'; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

static const char *
next_line(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	return nl ? nl + 1 : end;
}

static bool
is_null_scalar(const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
	       !strcmp(v, "NULL");
}

/* A trimmed copy of a scalar, or NULL for null/empty. */
static char *
scalar_dup(const yaml_node_t *n)
{
	if (is_null_scalar(n))
		return NULL;
	char *s = g_strstrip(g_strdup((const char *)n->data.scalar.value));
	if (!*s) {
		g_free(s);
		return NULL;
	}
	return s;
}

static int
type_error(struct frontmatter_reader *fm, const char *key, const yaml_node_t *n,
           const char *want)
{
	art_diag(ART_E_YAML_TYPE, fm->art->display_name, mark_pos(fm, n->start_mark), key,
	         want);
	return 0;
}

static int
set_string(struct frontmatter_reader *fm, const char *key, const yaml_node_t *v, char **field)
{
	if (v->type != YAML_SCALAR_NODE)
		return type_error(fm, key, v, "a string");
	g_free(*field);
	*field = scalar_dup(v);
	/* A title of 20 MB is no title: every output would lay it out (and
	 * md2txt wrap it) as one unbreakable block, for minutes. */
	if (*field && strlen(*field) > ART_MAX_META_BYTES) {
		const char *cut =
		    g_utf8_find_prev_char(*field, *field + ART_MAX_META_BYTES + 1);
		(*field)[cut ? cut - *field : ART_MAX_META_BYTES] = '\0';
		art_diag(ART_W_META_LONG, fm->art->display_name, mark_pos(fm, v->start_mark),
		         key, ART_MAX_META_BYTES);
	}
	return 1;
}

/* Adds s (taken) to arr unless there already.  A hash set per array keeps
 * 100,000 tags linear (a scan per tag took 50 s). */
static void
add_unique(struct frontmatter_reader *fm, GPtrArray *arr, char *s)
{
	GHashTable *set = g_hash_table_lookup(fm->lists, arr);
	if (!set) {
		set = g_hash_table_new(g_str_hash, g_str_equal);
		for (guint i = 0; i < arr->len; i++)
			g_hash_table_add(set, arr->pdata[i]);
		g_hash_table_insert(fm->lists, arr, set);
	}
	if (g_hash_table_contains(set, s)) {
		g_free(s);
		return;
	}
	g_ptr_array_add(arr, s);
	g_hash_table_add(set, s); /* borrowed from arr, which outlives fm */
}

/* The value of a scalar key in a mapping, or NULL. */
static yaml_node_t *
map_get(const struct frontmatter_reader *fm, const yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(fm->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE &&
		    !g_ascii_strcasecmp((const char *)k->data.scalar.value, key))
			return yaml_document_get_node(fm->doc, p->value);
	}
	return NULL;
}

/* A string (split at commas when split is set) or a sequence of strings.
 * With named, a {name: ...} mapping (Hugo, Jekyll authors) counts as its
 * name. */
static int
set_list(struct frontmatter_reader *fm, const char *key, const yaml_node_t *v, GPtrArray *arr,
         bool split, bool named)
{
	if (v->type == YAML_MAPPING_NODE && named) {
		const yaml_node_t *name = map_get(fm, v, "name");
		if (name)
			v = name;
	}
	if (v->type == YAML_SCALAR_NODE) {
		char *s = scalar_dup(v);
		if (!s)
			return 1;
		if (!split) {
			add_unique(fm, arr, s);
			return 1;
		}
		char **parts = g_strsplit(s, ",", -1);
		for (char **p = parts; *p; p++) {
			char *t = g_strstrip(g_strdup(*p));
			if (*t)
				add_unique(fm, arr, t);
			else
				g_free(t);
		}
		g_strfreev(parts);
		g_free(s);
		return 1;
	}
	if (v->type != YAML_SEQUENCE_NODE)
		return type_error(fm, key, v, "a string or a list of strings");
	/* An alias is the node it names, again: "[*big, *big, ...]" with a
	 * 1 MB scalar would copy it 20,000 times for one tag. */
	GHashTable *done = g_hash_table_new(NULL, NULL);
	for (yaml_node_item_t *it = v->data.sequence.items.start;
	     it < v->data.sequence.items.top; it++) {
		if (!g_hash_table_add(done, GINT_TO_POINTER(*it)))
			continue;
		yaml_node_t *item = yaml_document_get_node(fm->doc, *it);
		if (item && item->type == YAML_MAPPING_NODE && named &&
		    map_get(fm, item, "name"))
			item = map_get(fm, item, "name");
		if (!item || item->type != YAML_SCALAR_NODE) {
			g_hash_table_unref(done);
			return type_error(fm, key, item ? item : v,
			                  "a string or a list of strings");
		}
		char *s = scalar_dup(item);
		if (s)
			add_unique(fm, arr, s);
	}
	g_hash_table_unref(done);
	return 1;
}

/* Flattens a value for meta.extra: sequences joined by ", ", maps as
 * "key: value" pairs; deeper nesting is dropped (*lost set). */
static void
flatten(struct frontmatter_reader *fm, const yaml_node_t *v, int depth, GString *out,
        bool *lost)
{
	if (out->len > EXTRA_MAX || depth > 2) {
		*lost = true;
		return;
	}
	switch (v->type) {
	case YAML_SCALAR_NODE:
		if (!is_null_scalar(v))
			g_string_append(out, (const char *)v->data.scalar.value);
		break;
	case YAML_SEQUENCE_NODE:
		for (yaml_node_item_t *it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++) {
			yaml_node_t *item = yaml_document_get_node(fm->doc, *it);
			if (!item)
				continue;
			if (it != v->data.sequence.items.start)
				g_string_append(out, ", ");
			flatten(fm, item, depth + 1, out, lost);
		}
		break;
	case YAML_MAPPING_NODE:
		for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
		     p < v->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(fm->doc, p->key);
			yaml_node_t *val = yaml_document_get_node(fm->doc, p->value);
			if (!k || !val || k->type != YAML_SCALAR_NODE) {
				*lost = true;
				continue;
			}
			if (p != v->data.mapping.pairs.start)
				g_string_append(out, ", ");
			g_string_append(out, (const char *)k->data.scalar.value);
			g_string_append(out, ": ");
			flatten(fm, val, depth + 1, out, lost);
		}
		break;
	default:
		*lost = true;
		break;
	}
}

static void
add_extra(struct frontmatter_reader *fm, const char *key, const yaml_node_t *v)
{
	GString *s = g_string_new(NULL);
	bool lost = false;
	flatten(fm, v, 0, s, &lost);
	if (lost) {
		art_diag(ART_W_YAML_DEPTH, fm->art->display_name, mark_pos(fm, v->start_mark),
		         key);
	}
	struct art_meta_extra *e = g_new0(struct art_meta_extra, 1);
	e->key = g_strdup(key);
	e->value = g_strstrip(g_string_free(s, FALSE));
	e->pos = mark_pos(fm, v->start_mark);
	/* A repeated extra key replaces the earlier value. */
	GPtrArray *extra = fm->art->meta.extra;
	for (guint i = 0; i < extra->len; i++) {
		struct art_meta_extra *old = extra->pdata[i];
		if (!g_ascii_strcasecmp(old->key, key)) {
			g_ptr_array_remove_index(extra, i);
			break;
		}
	}
	g_ptr_array_add(extra, e);
}

static int
handle_pair(struct frontmatter_reader *fm, const yaml_node_t *k, const yaml_node_t *v)
{
	struct art_meta *m = &fm->art->meta;
	if (k->type != YAML_SCALAR_NODE) {
		art_diag(ART_W_YAML_KEY_TYPE, fm->art->display_name,
		         mark_pos(fm, k->start_mark));
		return 1;
	}
	const char *key = (const char *)k->data.scalar.value;
	char *lk = g_ascii_strdown(key, -1);
	if (!g_hash_table_add(fm->seen, lk))
		art_diag(ART_W_YAML_KEY, fm->art->display_name, mark_pos(fm, k->start_mark),
		         key);

	if (!strcmp(lk, "title"))
		return set_string(fm, key, v, &m->title);
	if (!strcmp(lk, "subtitle"))
		return set_string(fm, key, v, &m->subtitle);
	if (!strcmp(lk, "date")) {
		m->date_pos = mark_pos(fm, v->start_mark);
		return set_string(fm, key, v, &m->date);
	}
	if (!strcmp(lk, "category"))
		return set_string(fm, key, v, &m->category);
	if (!strcmp(lk, "identifier"))
		return set_string(fm, key, v, &m->identifier);
	if (!strcmp(lk, "lang") || !strcmp(lk, "language")) {
		m->lang_pos = mark_pos(fm, v->start_mark);
		return set_string(fm, key, v, &m->lang);
	}
	if (!strcmp(lk, "summary")) {
		fm->summary_set = true;
		return set_string(fm, key, v, &m->summary);
	}
	if (!strcmp(lk, "description")) {
		if (v->type != YAML_SCALAR_NODE)
			return type_error(fm, key, v, "a string");
		if (!fm->summary_set)
			return set_string(fm, key, v, &m->summary);
		return 1;
	}
	if (!strcmp(lk, "banner") || !strcmp(lk, "cover") || !strcmp(lk, "cover-image") ||
	    !strcmp(lk, "cover_image")) {
		if (!set_string(fm, key, v, &m->cover))
			return 0;
		m->cover_pos = mark_pos(fm, v->start_mark);
		return 1;
	}
	if (!strcmp(lk, "author") || !strcmp(lk, "authors")) {
		g_ptr_array_set_size(m->authors, 0);
		g_hash_table_remove(fm->lists, m->authors); /* its strings are gone */
		return set_list(fm, key, v, m->authors, false, true);
	}
	if (!strcmp(lk, "tags") || !strcmp(lk, "keywords") || !strcmp(lk, "tag"))
		return set_list(fm, key, v, m->tags, true, false);
	add_extra(fm, key, v);
	return 1;
}

static int
parse_block(struct article *art, const char *yaml, size_t len, int line0, bool *is_meta)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	int ok = 1;
	*is_meta = true;
	if (!yaml_parser_initialize(&parser))
		return 0;
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&parser, &doc)) {
		struct art_pos pos = {(int)parser.problem_mark.line + line0,
		                      (int)parser.problem_mark.column + 1};
		art_diag(ART_E_YAML_SYNTAX, art->display_name, pos,
		         parser.problem ? parser.problem : "cannot parse YAML");
		yaml_parser_delete(&parser);
		return 0;
	}
	struct frontmatter_reader fm = {
	    art,
	    &doc,
	    line0,
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	    g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref),
	    false};
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root || (root->type == YAML_SCALAR_NODE && is_null_scalar(root))) {
		/* empty front matter */
	} else if (root->type != YAML_MAPPING_NODE) {
		/* "---\nFoo\n---" is Markdown (a rule and a setext heading), not
		 * metadata: only a mapping makes a front matter block. */
		*is_meta = false;
	} else {
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
		     ok && p < root->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(&doc, p->key);
			yaml_node_t *v = yaml_document_get_node(&doc, p->value);
			if (k && v)
				ok = handle_pair(&fm, k, v);
		}
	}
	g_hash_table_unref(fm.seen);
	g_hash_table_unref(fm.lists);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return ok;
}

int
art_frontmatter_parse_plain(struct article *art)
{
	bool is_meta;
	art->body_line = 1;
	if (!parse_block(art, art->source, art->source_len, 1, &is_meta))
		return 0;
	if (!is_meta) {
		art_diag(ART_E_YAML_TYPE, art->display_name, (struct art_pos){1, 1},
		         "the metadata file", "a mapping of keys to values");
		return 0;
	}
	return 1;
}

int
art_frontmatter_parse(struct article *art)
{
	const char *src = art->source, *end = art->source + art->source_len;
	art->body_line = 1;
	if (!line_is(src, end, "---"))
		return 1;
	const char *yaml = next_line(src, end);
	/* "---" alone or followed by a blank line is a thematic break. */
	if (yaml >= end || *yaml == '\n')
		return 1;
	int line = 2;
	const char *p = yaml;
	while (p < end && !line_is(p, end, "---") && !line_is(p, end, "...")) {
		p = next_line(p, end);
		line++;
	}
	if (p >= end) {
		struct art_pos pos = {1, 1};
		art_diag(ART_E_YAML_UNCLOSED, art->display_name, pos);
		return 0;
	}
	bool is_meta;
	if (!parse_block(art, yaml, (size_t)(p - yaml), 2, &is_meta))
		return 0;
	if (is_meta)
		art->body_line = line + 1;
	return 1;
}
