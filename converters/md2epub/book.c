/* book.c - the book: chapters, packed images, metadata, links between
 * chapters. */
#include <stdlib.h>
#include <string.h>

#include "epub.h"

struct epub_book *
epub_book_new(void)
{
	struct epub_book *b = g_new0(struct epub_book, 1);
	b->authors = g_ptr_array_new_with_free_func(g_free);
	b->subjects = g_ptr_array_new_with_free_func(g_free);
	b->chapters = g_ptr_array_new();
	b->items = g_ptr_array_new();
	b->item_by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return b;
}

static void
item_free(struct epub_item *it)
{
	g_free(it->id);
	g_free(it->href);
	g_free(it->path);
	g_free(it->data);
	g_free(it);
}

static void
toc_free(gpointer p)
{
	struct epub_toc_entry *e = p;
	g_free(e->text);
	g_free(e->href);
	g_free(e);
}

static void
chapter_free(struct epub_chapter *ch)
{
	art_free(ch->art);
	g_free(ch->canon);
	g_free(ch->file);
	g_free(ch->id);
	g_free(ch->title);
	if (ch->doc)
		xmlFreeDoc(ch->doc);
	g_hash_table_destroy(ch->ids);
	g_ptr_array_free(ch->toc, TRUE);
	g_ptr_array_free(ch->fn_ids, TRUE);
	g_ptr_array_free(ch->fnref_ids, TRUE);
	g_free(ch);
}

void
epub_book_free(struct epub_book *b)
{
	if (b == NULL)
		return;
	g_free(b->title);
	g_ptr_array_free(b->authors, TRUE);
	g_free(b->lang);
	g_free(b->date);
	g_free(b->modified);
	g_free(b->identifier);
	g_free(b->description);
	g_ptr_array_free(b->subjects, TRUE);
	for (guint i = 0; i < b->chapters->len; i++)
		chapter_free(g_ptr_array_index(b->chapters, i));
	g_ptr_array_free(b->chapters, TRUE);
	for (guint i = 0; i < b->items->len; i++)
		item_free(g_ptr_array_index(b->items, i));
	g_ptr_array_free(b->items, TRUE);
	g_hash_table_destroy(b->item_by_path);
	g_free(b->css);
	g_free(b->cover_src);
	g_free(b);
}

void
epub_book_release_articles(struct epub_book *b)
{
	for (guint i = 0; i < b->chapters->len; i++)
		((struct epub_chapter *)g_ptr_array_index(b->chapters, i))->art = NULL;
}

static char *
canonical(const char *path)
{
	return g_canonicalize_filename(path, NULL);
}

void
epub_book_add(struct epub_book *b, struct article *art)
{
	struct epub_chapter *ch = g_new0(struct epub_chapter, 1);
	guint n = b->chapters->len + 1;
	ch->art = art;
	ch->canon = strcmp(art->path, "-") ? canonical(art->path) : g_strdup("");
	ch->id = g_strdup_printf("chapter-%03u", n);
	ch->file = g_strconcat(ch->id, ".xhtml", NULL);
	ch->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ch->toc = g_ptr_array_new_with_free_func(toc_free);
	ch->fn_ids = g_ptr_array_new_with_free_func(g_free);
	ch->fnref_ids = g_ptr_array_new_with_free_func(g_free);
	char *t = art_article_title(art);
	ch->title = epub_clean(t);
	g_free(t);
	g_ptr_array_add(b->chapters, ch);
}

struct epub_chapter *
epub_book_chapter_for(struct epub_book *b, const char *canon)
{
	for (guint i = 0; i < b->chapters->len; i++) {
		struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		if (*ch->canon && strcmp(ch->canon, canon) == 0)
			return ch;
	}
	return NULL;
}

static bool
packable(enum art_image_type t)
{
	/* WebP is no core media type in EPUB 3.2 (epubcheck 4.2.6 rejects it
	 * without a fallback): shown as a placeholder instead. */
	return t == ART_IMG_PNG || t == ART_IMG_JPEG || t == ART_IMG_GIF || t == ART_IMG_SVG;
}

struct epub_item *
epub_book_image(struct epub_book *b, const struct art_resource *res, const char *file,
                struct art_pos pos)
{
	if (res == NULL || res->status != ART_RES_OK || res->path == NULL)
		return NULL;
	gpointer key, val;
	if (g_hash_table_lookup_extended(b->item_by_path, res->path, &key, &val))
		return val; /* NULL for an image found unusable before */
	if (!packable(res->type)) {
		art_diag(ART_W_EPUB_IMAGE, file, pos, res->mime ? res->mime : "this", res->src);
		g_hash_table_insert(b->item_by_path, g_strdup(res->path), NULL);
		return NULL;
	}
	struct epub_item *it;
	char *svg = NULL, *why = NULL;
	size_t svglen = 0;
	if (res->type == ART_IMG_SVG &&
	    (svg = epub_svg_clean(res->path, &svglen, &why)) == NULL) {
		art_diag(ART_W_IMAGE_UNREADABLE, file, pos, res->src, why);
		g_free(why);
		g_hash_table_insert(b->item_by_path, g_strdup(res->path), NULL);
		return NULL;
	}
	it = g_new0(struct epub_item, 1);
	it->data = svg;
	it->len = svglen;
	guint n = b->items->len + 1;
	it->id = g_strdup_printf("img-%03u", n);
	it->href = g_strdup_printf("images/img-%03u.%s", n, res->ext ? res->ext : "bin");
	it->mime = res->mime ? res->mime : art_image_type_mime(res->type);
	it->path = g_strdup(res->path);
	g_ptr_array_add(b->items, it);
	g_hash_table_insert(b->item_by_path, g_strdup(it->path), it);
	return it;
}

/* A stable urn:uuid from the sources, shaped like a version 5 UUID. */
static char *
content_uuid(const struct epub_book *b)
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA1);
	g_checksum_update(ck, (const guchar *)"mdpress-epub", 12);
	for (guint i = 0; i < b->chapters->len; i++) {
		const struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		g_checksum_update(ck, (const guchar *)ch->art->source,
		                  (gssize)ch->art->source_len);
		g_checksum_update(ck, (const guchar *)"\0", 1);
	}
	guint8 d[20];
	gsize len = sizeof d;
	g_checksum_get_digest(ck, d, &len);
	g_checksum_free(ck);
	d[6] = (guint8)((d[6] & 0x0F) | 0x50);
	d[8] = (guint8)((d[8] & 0x3F) | 0x80);
	return g_strdup_printf("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	                       "%02x%02x%02x%02x%02x%02x",
	                       d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9],
	                       d[10], d[11], d[12], d[13], d[14], d[15]);
}

void
epub_book_set_meta(struct epub_book *b, const struct art_meta *over)
{
	const struct epub_chapter *first = g_ptr_array_index(b->chapters, 0);
	const struct art_meta *m = &first->art->meta;
	const char *title = over && over->title ? over->title : m->title;
	b->title = epub_clean(title && *title ? title : first->title);
	GPtrArray *au = over && over->authors->len ? over->authors : m->authors;
	for (guint i = 0; i < au->len; i++)
		g_ptr_array_add(b->authors, epub_clean(g_ptr_array_index(au, i)));
	/* the article's language and date are the model's (canonical, and
	 * warned about there); the book's own metadata is read here */
	char *over_lang = over && over->lang ? art_lang_canonical(over->lang) : NULL;
	if (over && over->lang && !over_lang)
		art_diag(ART_W_LANG, NULL, over->lang_pos, over->lang, first->art->lang);
	b->lang = over_lang ? over_lang : g_strdup(first->art->lang ? first->art->lang : "und");
	if (over && over->date) {
		b->date = art_w3c_date(over->date);
		if (b->date == NULL)
			art_diag(ART_W_DATE, NULL, over->date_pos, over->date);
	} else {
		b->date = g_strdup(first->art->date);
	}
	const char *desc = over && over->summary ? over->summary : m->summary;
	if (desc && *desc)
		b->description = g_strstrip(epub_clean(desc));
	GPtrArray *tags = over && over->tags->len ? over->tags : m->tags;
	for (guint i = 0; i < tags->len; i++)
		g_ptr_array_add(b->subjects, epub_clean(g_ptr_array_index(tags, i)));
	const char *ident = over && over->identifier ? over->identifier : m->identifier;
	b->identifier = ident && *ident ? epub_clean(ident) : content_uuid(b);

	/* dcterms:modified and zip times */
	b->epoch = art_epoch(b->date);
	b->modified = art_epoch_format(b->date, "%Y-%m-%dT%H:%M:%SZ");
}

/* Percent-encode what may not stand in an IRI (spaces, quotes, controls;
 * brackets outside an IPv6 host). */
static char *
iri_escape(const char *u)
{
	GString *o = g_string_new(NULL);
	const char *auth = strstr(u, "://");
	const char *path = auth ? auth + 3 + strcspn(auth + 3, "/?#") : u;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
		if (*p <= 0x20 || *p == 0x7F || strchr("\"<>\\^`{|}", *p) ||
		    ((*p == '[' || *p == ']') && (const char *)p >= path) ||
		    (*p == '%' && !(g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2]))))
			g_string_append_printf(o, "%%%02X", *p);
		else
			g_string_append_c(o, (char)*p);
	}
	return g_string_free(o, FALSE);
}

/* A host epubcheck can parse: ASCII name or IPv4/IPv6 address.  Links
 * with other hosts ("http://../", IDN written raw) are dropped. */
static bool
host_ok(const char *url)
{
	const char *a = strstr(url, "://");
	if (a == NULL)
		return false;
	a += 3;
	size_t n = strcspn(a, "/?#");
	char *auth = g_strndup(a, n);
	char *host = strrchr(auth, '@') ? strrchr(auth, '@') + 1 : auth;
	bool ok;
	if (host[0] == '[') {
		ok = strchr(host, ']') != NULL;
	} else {
		host[strcspn(host, ":")] = '\0';
		ok = *host && host[0] != '.' && host[0] != '-' && !strstr(host, "..");
		for (const char *p = host; ok && *p; p++)
			ok = g_ascii_isalnum(*p) || *p == '-' || *p == '.';
	}
	g_free(auth);
	return ok;
}

static char *
fragment_href(const char *file, const char *frag)
{
	char *dec = g_uri_unescape_string(frag, NULL);
	char *id = epub_xml_id(dec ? dec : frag);
	char *r = g_strconcat(file ? file : "", "#", id, NULL);
	g_free(id);
	g_free(dec);
	return r;
}

char *
epub_href(struct epub_book *b, struct epub_chapter *ch, const char *url)
{
	if (url == NULL || *url == '\0')
		return NULL;
	if (url[0] == '#')
		return url[1] ? fragment_href(NULL, url + 1) : NULL;
	char *scheme = g_uri_parse_scheme(url);
	if (scheme) {
		char *r = NULL;
		if (!g_ascii_strcasecmp(scheme, "mailto") ||
		    ((!g_ascii_strcasecmp(scheme, "http") ||
		      !g_ascii_strcasecmp(scheme, "https") ||
		      !g_ascii_strcasecmp(scheme, "ftp")) &&
		     host_ok(url)))
			r = iri_escape(url);
		g_free(scheme);
		return r;
	}
	if (url[0] == '/' && url[1] == '/') {
		char *full = g_strconcat("https:", url, NULL);
		char *r = iri_escape(full);
		g_free(full);
		return r;
	}
	/* A relative link: only to another article of this book. */
	const char *frag = NULL;
	char *abs = art_link_file(ch->art, url, &frag);
	struct epub_chapter *to = abs ? epub_book_chapter_for(b, abs) : NULL;
	g_free(abs);
	if (!to)
		return NULL;
	return frag ? fragment_href(to->file, frag) : g_strdup(to->file);
}

/* Links to an id that is not in the target chapter: epubcheck reports
 * them, so a same-chapter one loses its href and a cross-chapter one its
 * fragment. */
static void
fix_links(struct epub_book *b, struct epub_chapter *ch, xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *href =
		    strcmp((const char *)n->name, "a") ? NULL : xmlGetProp(n, BAD_CAST "href");
		if (href) {
			const char *h = (const char *)href;
			const char *hash = strchr(h, '#');
			struct epub_chapter *to = NULL;
			if (h[0] == '#')
				to = ch;
			else if (hash && g_str_has_prefix(h, "chapter-"))
				for (guint i = 0; i < b->chapters->len && !to; i++) {
					struct epub_chapter *c =
					    g_ptr_array_index(b->chapters, i);
					if (!strncmp(c->file, h, (size_t)(hash - h)) &&
					    c->file[hash - h] == '\0')
						to = c;
				}
			if (to && hash &&
			    GPOINTER_TO_INT(g_hash_table_lookup(to->ids, hash + 1)) != 2) {
				if (to == ch && h[0] == '#') {
					xmlUnsetProp(n, BAD_CAST "href");
				} else {
					char *f = g_strndup(h, (gsize)(hash - h));
					xmlSetProp(n, BAD_CAST "href", BAD_CAST f);
					g_free(f);
				}
			}
			xmlFree(href);
		}
		fix_links(b, ch, n->children);
	}
}

int
epub_book_render(struct epub_book *b)
{
	for (guint i = 0; i < b->chapters->len; i++)
		epub_xhtml_chapter(b, g_ptr_array_index(b->chapters, i));
	for (guint i = 0; i < b->chapters->len; i++) {
		struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		fix_links(b, ch, xmlDocGetRootElement(ch->doc));
	}
	/* The cover: --cover, else banner/cover of the first article. */
	struct epub_chapter *first = g_ptr_array_index(b->chapters, 0);
	const char *cover = b->cover_src ? b->cover_src : first->art->meta.cover;
	if (cover && *cover) {
		/* --cover (or a metadata file's) was named by the user: trusted */
		struct art_resource *r =
		    b->cover_src
		        ? art_resource_get_trusted(first->art, cover,
		                                   first->art->meta.cover_pos)
		        : art_resource_get(first->art, cover, first->art->meta.cover_pos);
		b->cover =
		    epub_book_image(b, r, first->art->display_name, first->art->meta.cover_pos);
		if (b->cover)
			b->cover->cover = true;
		else if (r->status == ART_RES_OK)
			art_diag(ART_W_EPUB_COVER, first->art->display_name,
			         first->art->meta.cover_pos);
	}
	return 1;
}
