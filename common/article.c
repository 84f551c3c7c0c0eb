/* article.c - the node tree and art_load(): read, clean up line ends,
 * validate, then hand over to frontmatter.c, markdown.c and normalize.c. */
#include "article.h"
#include "internal.h"

#include <errno.h>
#include <string.h>

struct art_node *
art_node_new(enum art_node_type type, struct art_pos pos)
{
	struct art_node *n = g_new0(struct art_node, 1);
	n->type = type;
	n->pos = pos;
	if (type == ART_ITEM)
		n->u.item.task = -1;
	return n;
}

void
art_node_unlink(struct art_node *node)
{
	if (node->prev)
		node->prev->next = node->next;
	else if (node->parent)
		node->parent->first_child = node->next;
	if (node->next)
		node->next->prev = node->prev;
	else if (node->parent)
		node->parent->last_child = node->prev;
	node->parent = node->next = node->prev = NULL;
}

void
art_node_append(struct art_node *parent, struct art_node *child)
{
	if (child->parent || child->prev || child->next)
		art_node_unlink(child);
	child->parent = parent;
	child->prev = parent->last_child;
	if (parent->last_child)
		parent->last_child->next = child;
	else
		parent->first_child = child;
	parent->last_child = child;
}

void
art_node_insert_before(struct art_node *sibling, struct art_node *node)
{
	if (node->parent || node->prev || node->next)
		art_node_unlink(node);
	node->parent = sibling->parent;
	node->next = sibling;
	node->prev = sibling->prev;
	if (sibling->prev)
		sibling->prev->next = node;
	else if (sibling->parent)
		sibling->parent->first_child = node;
	sibling->prev = node;
}

/* Frees what the union member of this node's type owns. */
static void
node_free_payload(struct art_node *n)
{
	g_free(n->literal);
	switch (n->type) {
	case ART_HEADING:
		g_free(n->u.heading.id);
		break;
	case ART_CODE_BLOCK:
		g_free(n->u.code.info);
		break;
	case ART_TABLE:
		g_free(n->u.table.aligns);
		break;
	case ART_LINK:
		g_free(n->u.link.url);
		g_free(n->u.link.title);
		break;
	case ART_IMAGE:
		g_free(n->u.image.url);
		g_free(n->u.image.title);
		break;
	case ART_FOOTNOTE_DEF:
	case ART_FOOTNOTE_REF:
		g_free(n->u.footnote.label);
		break;
	default:
		break;
	}
}

/* Iterative so that 50000 nested block quotes cannot exhaust the stack:
 * always free a leaf, detaching it from its parent first. */
void
art_node_free(struct art_node *node)
{
	if (!node)
		return;
	art_node_unlink(node);
	struct art_node *n = node;
	while (n) {
		if (n->first_child) {
			n = n->first_child;
			continue;
		}
		struct art_node *p = n->parent;
		struct art_node *nx = n->next ? n->next : p;
		if (p) {
			p->first_child = n->next;
			if (n->next)
				n->next->prev = NULL;
			else
				p->last_child = NULL;
		}
		node_free_payload(n);
		g_free(n);
		n = nx;
	}
}

void
art_ids_retarget(struct article *art, const struct art_node *from, struct art_node *to)
{
	if (!art->ids)
		return;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, art->ids);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		/* a node inside from goes with it (a heading in a moved block
		 * quote): every caller frees from's whole subtree */
		const struct art_node *n = v;
		while (n && n != from)
			n = n->parent;
		if (n)
			g_hash_table_iter_replace(&it, to);
	}
}

struct art_node *
art_node_next(const struct art_node *n, const struct art_node *top, bool descend)
{
	if (descend && n->first_child)
		return n->first_child;
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

char *
art_node_plain_text(const struct art_node *node)
{
	GString *s = g_string_new(NULL);
	for (const struct art_node *n = node; n; n = art_node_next(n, node, true)) {
		switch (n->type) {
		case ART_TEXT:
		case ART_CODE:
			if (n->literal)
				g_string_append(s, n->literal);
			break;
		case ART_SOFTBREAK:
		case ART_LINEBREAK:
			g_string_append_c(s, ' ');
			break;
		default:
			break;
		}
	}
	return g_string_free(s, FALSE);
}

static bool
is_blank_text(const struct art_node *n)
{
	if (n->type != ART_TEXT)
		return false;
	for (const char *p = n->literal ? n->literal : ""; *p; p++)
		if (!g_ascii_isspace(*p))
			return false;
	return true;
}

struct art_node *
art_sole_child(const struct art_node *n, enum art_node_type t)
{
	struct art_node *found = NULL;
	for (struct art_node *c = n->first_child; c; c = c->next) {
		if (c->type == t && !found)
			found = c;
		else if (!is_blank_text(c))
			return NULL;
	}
	return found;
}

const struct art_node *
art_title_heading(const struct article *art)
{
	const struct art_node *n = art->root ? art->root->first_child : NULL;
	const char *title = art->meta.title;
	if (n == NULL || n->type != ART_HEADING || n->u.heading.level != 1 || !title || !*title)
		return NULL;
	char *raw = art_node_plain_text(n);
	char *text = art_collapse_space(raw), *want = art_collapse_space(title);
	bool same = strcmp(text, want) == 0;
	g_free(raw);
	g_free(text);
	g_free(want);
	return same ? n : NULL;
}

/* ---------------------------------------------------------------- article */

static void
resource_free(gpointer p)
{
	struct art_resource *r = p;
	g_free(r->src);
	g_free(r->path);
	g_free(r);
}

static void
extra_free(gpointer p)
{
	struct art_meta_extra *e = p;
	g_free(e->key);
	g_free(e->value);
	g_free(e);
}

static struct article *
article_new(const char *path, const char *display, const char *dir)
{
	struct article *art = g_new0(struct article, 1);
	art->path = g_strdup(path);
	art->display_name = g_strdup(display);
	art->dir = g_strdup(dir);
	art->body_line = 1;
	art->meta.authors = g_ptr_array_new_with_free_func(g_free);
	art->meta.tags = g_ptr_array_new_with_free_func(g_free);
	art->meta.extra = g_ptr_array_new_with_free_func(extra_free);
	art->resources = g_ptr_array_new_with_free_func(resource_free);
	art->footnotes = g_ptr_array_new();
	art->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	art->links_warned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return art;
}

void
art_free(struct article *art)
{
	if (!art)
		return;
	struct art_meta *m = &art->meta;
	g_free(m->title);
	g_free(m->subtitle);
	g_free(m->date);
	g_free(m->category);
	g_free(m->summary);
	g_free(m->cover);
	g_free(m->lang);
	g_free(m->identifier);
	g_ptr_array_unref(m->authors);
	g_ptr_array_unref(m->tags);
	g_ptr_array_unref(m->extra);
	art_node_free(art->root);
	if (art->allowed_dirs)
		g_ptr_array_unref(art->allowed_dirs);
	if (art->search_dirs)
		g_ptr_array_unref(art->search_dirs);
	if (art->resource_index)
		g_hash_table_unref(art->resource_index); /* keys live in resources */
	g_free(art->resource_root);
	g_ptr_array_unref(art->resources);
	g_ptr_array_unref(art->footnotes);
	g_hash_table_unref(art->ids);
	g_hash_table_unref(art->links_warned);
	if (art->anchors)
		g_hash_table_unref(art->anchors);
	g_free(art->path);
	g_free(art->display_name);
	g_free(art->dir);
	g_free(art->source);
	g_free(art->lang);
	g_free(art->date);
	g_free(art);
}

/* Copies buf without a UTF-8 BOM, with CRLF and lone CR turned into LF. */
static char *
clean_source(const char *buf, size_t len, size_t *out_len)
{
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	char *out = g_malloc(len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				i++;
		} else {
			out[o++] = buf[i];
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* NUL bytes are valid UTF-8 but would silently truncate every C string
 * in the model, so they are reported as bad input like other bad bytes. */
static bool
source_check(const char *s, size_t len, struct art_pos *pos)
{
	int line = 0, col = 0;
	bool ok = art_utf8_check(s, len, &line, &col);
	const char *nul = memchr(s, '\0', len);
	if (nul) {
		int nl = 1, nc = 1;
		for (const char *p = s; p < nul; p++) {
			if (*p == '\n') {
				nl++;
				nc = 1;
			} else {
				nc++;
			}
		}
		if (ok || nl < line || (nl == line && nc < col)) {
			line = nl;
			col = nc;
			ok = false;
		}
	}
	pos->line = line;
	pos->col = col;
	return ok;
}

static struct article *
load_common(struct article *art, const char *buf, size_t len, const struct art_load_opts *opts)
{
	static const struct art_load_opts defaults;
	if (!opts)
		opts = &defaults;
	art_sandbox_init(art, opts);
	int max_mb = opts->max_input_mb > 0 ? opts->max_input_mb : ART_DEFAULT_MAX_INPUT_MB;
	if (len > (size_t)max_mb << 20) {
		art_diag(ART_E_INPUT_SIZE, art->display_name, (struct art_pos){0, 0}, max_mb);
		goto fail;
	}
	art->max_image_pixels = (gint64)(opts->max_image_mpx > 0 ? opts->max_image_mpx
	                                                         : ART_DEFAULT_MAX_IMAGE_MPX) *
	                        1000000;
	art->max_image_bytes =
	    (gint64)(opts->max_image_mb > 0 ? opts->max_image_mb : ART_DEFAULT_MAX_IMAGE_MB)
	    << 20;
	art->source = clean_source(buf, len, &art->source_len);
	struct art_pos pos;
	if (!source_check(art->source, art->source_len, &pos)) {
		art_diag(ART_E_UTF8, art->display_name, pos);
		goto fail;
	}
	if (opts->metadata_only) {
		if (!art_frontmatter_parse_plain(art))
			goto fail;
		art->root = art_node_new(ART_DOCUMENT, (struct art_pos){1, 1});
	} else if (!art_frontmatter_parse(art) || !art_markdown_parse(art, opts)) {
		goto fail;
	} else {
		art_limit_nesting(art, opts->max_nesting);
		art_warn_unused_footnotes(art);
	}
	if (opts->lang && *opts->lang)
		art->lang = g_strdup(opts->lang);
	else if (art->meta.lang)
		art->lang = g_strdup(art->meta.lang);
	if (!opts->no_normalize)
		art_normalize(art, opts);
	return art;
fail:
	art_free(art);
	return NULL;
}

/* Reads up to limit bytes and one more, so that a 50 GB file (or an
 * endless pipe) is known to be too large without being read whole. */
static char *
read_stream(FILE *fp, size_t limit, size_t *len, int *err)
{
	GString *s = g_string_sized_new(65536);
	char chunk[65536];
	size_t n;
	while (s->len <= limit && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		g_string_append_len(s, chunk, (gssize)n);
	*err = ferror(fp) ? (errno ? errno : EIO) : 0;
	*len = s->len;
	return g_string_free(s, FALSE);
}

struct article *
art_load(const char *path, const struct art_load_opts *opts)
{
	const struct art_pos nopos = {0, 0};
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = stdin;
	if (!is_stdin) {
		fp = fopen(path, "rb");
		if (!fp) {
			art_diag(ART_E_OPEN, NULL, nopos, path, g_strerror(errno));
			return NULL;
		}
	}
	size_t len;
	int err;
	errno = 0;
	static const struct art_load_opts defaults;
	const struct art_load_opts *o = opts ? opts : &defaults;
	size_t limit =
	    (size_t)(o->max_input_mb > 0 ? o->max_input_mb : ART_DEFAULT_MAX_INPUT_MB) << 20;
	char *buf = read_stream(fp, limit, &len, &err);
	if (!is_stdin)
		fclose(fp);
	const char *display = is_stdin ? "<stdin>" : path;
	if (err) {
		art_diag(ART_E_READ, display, nopos, g_strerror(err));
		g_free(buf);
		return NULL;
	}
	char *dir = is_stdin ? g_get_current_dir() : g_path_get_dirname(path);
	struct article *art = article_new(path, display, dir);
	g_free(dir);
	art = load_common(art, buf, len, opts);
	g_free(buf);
	return art;
}

struct article *
art_load_buffer(const char *name, const char *buf, size_t len, const struct art_load_opts *opts)
{
	if (!name)
		name = "<buffer>";
	char *dir = g_path_get_dirname(name);
	struct article *art = article_new(name, name, dir);
	g_free(dir);
	return load_common(art, buf ? buf : "", buf ? len : 0, opts);
}
