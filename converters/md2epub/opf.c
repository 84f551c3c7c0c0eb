/* opf.c - package document, navigation document, NCX and cover page,
 * built with libxml2's tree API like the chapters. */
#include <string.h>

#include "epub.h"

#define NS_OPF "http://www.idpf.org/2007/opf"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_NCX "http://www.daisy.org/z3986/2005/ncx/"

char *
epub_doc_dump(xmlDocPtr doc, size_t *len)
{
	xmlChar *mem = NULL;
	int n = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 0);
	char *r = g_strndup((const char *)mem, (gsize)n);
	*len = (size_t)n;
	xmlFree(mem);
	return r;
}

static xmlNodePtr
child(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewTextChild(parent, ns, BAD_CAST name, text ? BAD_CAST text : NULL);
	return n;
}

static void
nl(xmlNodePtr parent, int depth)
{
	char buf[16] = "\n";
	for (int i = 0; i < depth && i < 12; i++)
		buf[i + 1] = ' ';
	xmlAddChild(parent, xmlNewText(BAD_CAST buf));
}

static void
item(xmlNodePtr manifest, const char *id, const char *href, const char *mime, const char *props)
{
	nl(manifest, 4);
	xmlNodePtr it = child(manifest, NULL, "item", NULL);
	xmlNewProp(it, BAD_CAST "id", BAD_CAST id);
	xmlNewProp(it, BAD_CAST "href", BAD_CAST href);
	xmlNewProp(it, BAD_CAST "media-type", BAD_CAST mime);
	if (props)
		xmlNewProp(it, BAD_CAST "properties", BAD_CAST props);
}

static void
itemref(xmlNodePtr spine, const char *idref, bool linear)
{
	nl(spine, 4);
	xmlNodePtr r = child(spine, NULL, "itemref", NULL);
	xmlNewProp(r, BAD_CAST "idref", BAD_CAST idref);
	if (!linear)
		xmlNewProp(r, BAD_CAST "linear", BAD_CAST "no");
}

char *
epub_opf(const struct epub_book *b, size_t *len)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr pkg = xmlNewDocNode(doc, NULL, BAD_CAST "package", NULL);
	xmlDocSetRootElement(doc, pkg);
	xmlSetNs(pkg, xmlNewNs(pkg, BAD_CAST NS_OPF, NULL));
	xmlNewProp(pkg, BAD_CAST "version", BAD_CAST "3.0");
	xmlNewProp(pkg, BAD_CAST "unique-identifier", BAD_CAST "book-id");
	xmlNodeSetLang(pkg, BAD_CAST b->lang);

	nl(pkg, 2);
	xmlNodePtr md = child(pkg, NULL, "metadata", NULL);
	xmlNsPtr dc = xmlNewNs(md, BAD_CAST NS_DC, BAD_CAST "dc");
	nl(md, 4);
	xmlNodePtr id = child(md, dc, "identifier", b->identifier);
	xmlNewProp(id, BAD_CAST "id", BAD_CAST "book-id");
	nl(md, 4);
	child(md, dc, "title", b->title);
	nl(md, 4);
	child(md, dc, "language", b->lang);
	for (guint i = 0; i < b->authors->len; i++) {
		nl(md, 4);
		child(md, dc, "creator", g_ptr_array_index(b->authors, i));
	}
	if (b->date) {
		nl(md, 4);
		child(md, dc, "date", b->date);
	}
	for (guint i = 0; i < b->subjects->len; i++) {
		nl(md, 4);
		child(md, dc, "subject", g_ptr_array_index(b->subjects, i));
	}
	if (b->description) {
		nl(md, 4);
		child(md, dc, "description", b->description);
	}
	nl(md, 4);
	xmlNodePtr mod = child(md, NULL, "meta", b->modified);
	xmlNewProp(mod, BAD_CAST "property", BAD_CAST "dcterms:modified");
	if (b->cover) {
		/* For EPUB 2 reading systems. */
		nl(md, 4);
		xmlNodePtr m = child(md, NULL, "meta", NULL);
		xmlNewProp(m, BAD_CAST "name", BAD_CAST "cover");
		xmlNewProp(m, BAD_CAST "content", BAD_CAST b->cover->id);
	}
	nl(md, 2);

	nl(pkg, 2);
	xmlNodePtr man = child(pkg, NULL, "manifest", NULL);
	item(man, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
	item(man, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
	item(man, "css", "style.css", "text/css", NULL);
	if (b->cover)
		item(man, "cover", "cover.xhtml", "application/xhtml+xml", NULL);
	for (guint i = 0; i < b->chapters->len; i++) {
		const struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		item(man, ch->id, ch->file, "application/xhtml+xml", NULL);
	}
	for (guint i = 0; i < b->items->len; i++) {
		const struct epub_item *it = g_ptr_array_index(b->items, i);
		item(man, it->id, it->href, it->mime, it->cover ? "cover-image" : NULL);
	}
	nl(man, 2);

	nl(pkg, 2);
	xmlNodePtr spine = child(pkg, NULL, "spine", NULL);
	xmlNewProp(spine, BAD_CAST "toc", BAD_CAST "ncx");
	if (b->cover)
		itemref(spine, "cover", true);
	for (guint i = 0; i < b->chapters->len; i++) {
		const struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		itemref(spine, ch->id, true);
	}
	nl(spine, 2);
	nl(pkg, 0);
	char *r = epub_doc_dump(doc, len);
	xmlFreeDoc(doc);
	return r;
}

/* The table of contents as a flat list of (level, text, href): a single
 * article lists its headings; a book lists chapters with their headings
 * one level below. */
struct toc_line {
	int level;
	const char *text, *href;
};

static GArray *
toc_entries(const struct epub_book *b)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct toc_line));
	bool single = b->chapters->len == 1;
	for (guint i = 0; i < b->chapters->len; i++) {
		const struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		if (!single || ch->toc->len == 0) {
			struct toc_line f = {0, ch->title, ch->file};
			g_array_append_val(a, f);
		}
		for (guint j = 0; j < ch->toc->len; j++) {
			const struct epub_toc_entry *e = g_ptr_array_index(ch->toc, j);
			struct toc_line f = {e->level, *e->text ? e->text : ch->title, e->href};
			g_array_append_val(a, f);
		}
	}
	return a;
}

/* Nest a flat list of levelled entries.  add(parent_list, entry) makes an
 * entry node inside a list node and returns it; sub(entry) makes a list
 * node inside an entry.  Skipped levels nest one step only. */
typedef xmlNodePtr (*add_fn)(xmlNodePtr list, const struct toc_line *f, int depth, int *order);
typedef xmlNodePtr (*sub_fn)(xmlNodePtr entry, int depth);

static void
nest(xmlNodePtr root, GArray *a, add_fn add, sub_fn sub)
{
	struct {
		xmlNodePtr list, last;
		int level;
	} st[64];
	int depth = 0, order = 0;
	st[0].list = root;
	st[0].last = NULL;
	st[0].level = -1;
	for (guint i = 0; i < a->len; i++) {
		const struct toc_line *f = &g_array_index(a, struct toc_line, i);
		/* Pop only to a list whose parent level is not deeper: an h2
		 * after an h3 under a chapter entry stays in that chapter. */
		while (depth > 0 && st[depth].level > f->level &&
		       st[depth - 1].level >= f->level)
			depth--;
		if (st[depth].level == -1 || f->level < st[depth].level)
			st[depth].level = f->level;
		if (st[depth].level < f->level && st[depth].last && depth < 63) {
			xmlNodePtr l = sub(st[depth].last, depth + 1);
			depth++;
			st[depth].list = l;
			st[depth].last = NULL;
			st[depth].level = f->level;
		}
		st[depth].last = add(st[depth].list, f, depth, &order);
	}
}

static xmlNodePtr
nav_add(xmlNodePtr list, const struct toc_line *f, int depth, int *order)
{
	(void)order;
	nl(list, 2 * depth + 4);
	xmlNodePtr li = child(list, NULL, "li", NULL);
	xmlNodePtr a = child(li, NULL, "a", f->text);
	xmlNewProp(a, BAD_CAST "href", BAD_CAST f->href);
	return li;
}

static xmlNodePtr
nav_sub(xmlNodePtr li, int depth)
{
	(void)depth;
	return child(li, NULL, "ol", NULL);
}

static const char *
label(const struct epub_book *b, const char *zh, const char *en)
{
	return g_str_has_prefix(b->lang, "zh") ? zh : en;
}

char *
epub_nav(const struct epub_book *b, size_t *len)
{
	xmlDocPtr doc;
	const char *contents = label(b, "\u76ee\u5f55", "Contents");
	xmlNodePtr body = epub_xhtml_skeleton(&doc, b->lang, contents, true);
	xmlNsPtr ops = xmlSearchNsByHref(doc, xmlDocGetRootElement(doc), BAD_CAST EPUB_NS_OPS);

	xmlNodePtr nav = child(body, NULL, "nav", NULL);
	xmlNewNsProp(nav, ops, BAD_CAST "type", BAD_CAST "toc");
	xmlNewProp(nav, BAD_CAST "id", BAD_CAST "toc");
	nl(nav, 2);
	child(nav, NULL, "h1", contents);
	nl(nav, 2);
	xmlNodePtr ol = child(nav, NULL, "ol", NULL);
	GArray *a = toc_entries(b);
	nest(ol, a, nav_add, nav_sub);
	g_array_free(a, TRUE);
	nl(ol, 2);
	nl(nav, 0);
	epub_nl(body);

	xmlNodePtr lm = child(body, NULL, "nav", NULL);
	xmlNewNsProp(lm, ops, BAD_CAST "type", BAD_CAST "landmarks");
	xmlNewProp(lm, BAD_CAST "id", BAD_CAST "landmarks");
	xmlNewProp(lm, BAD_CAST "hidden", BAD_CAST "hidden");
	nl(lm, 2);
	child(lm, NULL, "h1", label(b, "\u5bfc\u822a", "Landmarks"));
	nl(lm, 2);
	xmlNodePtr lol = child(lm, NULL, "ol", NULL);
	struct {
		const char *type, *href, *zh, *en;
	} marks[] = {
	    {"cover", "cover.xhtml", "\u5c01\u9762", "Cover"},
	    {"bodymatter", NULL, "\u6b63\u6587", "Start"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(marks); i++) {
		if (i == 0 && !b->cover)
			continue;
		const struct epub_chapter *first = g_ptr_array_index(b->chapters, 0);
		nl(lol, 4);
		xmlNodePtr li = child(lol, NULL, "li", NULL);
		xmlNodePtr l = child(li, NULL, "a", label(b, marks[i].zh, marks[i].en));
		xmlNewNsProp(l, ops, BAD_CAST "type", BAD_CAST marks[i].type);
		xmlNewProp(l, BAD_CAST "href",
		           BAD_CAST(marks[i].href ? marks[i].href : first->file));
	}
	nl(lol, 2);
	nl(lm, 0);
	epub_nl(body);
	char *r = epub_doc_dump(doc, len);
	xmlFreeDoc(doc);
	return r;
}

static xmlNodePtr
ncx_add(xmlNodePtr list, const struct toc_line *f, int depth, int *order)
{
	char id[32], po[16];
	++*order;
	g_snprintf(id, sizeof id, "nav-%d", *order);
	g_snprintf(po, sizeof po, "%d", *order);
	nl(list, 2 * depth + 4);
	xmlNodePtr np = child(list, NULL, "navPoint", NULL);
	xmlNewProp(np, BAD_CAST "id", BAD_CAST id);
	xmlNewProp(np, BAD_CAST "playOrder", BAD_CAST po);
	xmlNodePtr nl_ = child(np, NULL, "navLabel", NULL);
	child(nl_, NULL, "text", f->text);
	xmlNodePtr c = child(np, NULL, "content", NULL);
	xmlNewProp(c, BAD_CAST "src", BAD_CAST f->href);
	return np;
}

static xmlNodePtr
ncx_sub(xmlNodePtr np, int depth)
{
	(void)depth;
	return np; /* NCX nests navPoints directly */
}

static int
toc_depth(GArray *a)
{
	int lo = 9, hi = 0;
	for (guint i = 0; i < a->len; i++) {
		int l = g_array_index(a, struct toc_line, i).level;
		lo = MIN(lo, l);
		hi = MAX(hi, l);
	}
	return a->len ? hi - lo + 1 : 1;
}

char *
epub_ncx(const struct epub_book *b, size_t *len)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr ncx = xmlNewDocNode(doc, NULL, BAD_CAST "ncx", NULL);
	xmlDocSetRootElement(doc, ncx);
	xmlSetNs(ncx, xmlNewNs(ncx, BAD_CAST NS_NCX, NULL));
	xmlNewProp(ncx, BAD_CAST "version", BAD_CAST "2005-1");
	xmlNodeSetLang(ncx, BAD_CAST b->lang);
	GArray *a = toc_entries(b);
	char depth[16];
	g_snprintf(depth, sizeof depth, "%d", toc_depth(a));

	nl(ncx, 2);
	xmlNodePtr head = child(ncx, NULL, "head", NULL);
	struct {
		const char *name, *content;
	} metas[] = {
	    {"dtb:uid", b->identifier},
	    {"dtb:depth", depth},
	    {"dtb:totalPageCount", "0"},
	    {"dtb:maxPageNumber", "0"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(metas); i++) {
		nl(head, 4);
		xmlNodePtr m = child(head, NULL, "meta", NULL);
		xmlNewProp(m, BAD_CAST "name", BAD_CAST metas[i].name);
		xmlNewProp(m, BAD_CAST "content", BAD_CAST metas[i].content);
	}
	nl(head, 2);
	nl(ncx, 2);
	xmlNodePtr dt = child(ncx, NULL, "docTitle", NULL);
	child(dt, NULL, "text", b->title);
	nl(ncx, 2);
	xmlNodePtr map = child(ncx, NULL, "navMap", NULL);
	nest(map, a, ncx_add, ncx_sub);
	g_array_free(a, TRUE);
	nl(map, 2);
	nl(ncx, 0);
	char *r = epub_doc_dump(doc, len);
	xmlFreeDoc(doc);
	return r;
}

char *
epub_cover_page(const struct epub_book *b, size_t *len)
{
	xmlDocPtr doc;
	xmlNodePtr body = epub_xhtml_skeleton(&doc, b->lang, b->title, true);
	xmlNsPtr ops = xmlSearchNsByHref(doc, xmlDocGetRootElement(doc), BAD_CAST EPUB_NS_OPS);
	xmlNodePtr sect = child(body, NULL, "section", NULL);
	xmlNewNsProp(sect, ops, BAD_CAST "type", BAD_CAST "cover");
	xmlNewProp(sect, BAD_CAST "class", BAD_CAST "cover");
	xmlNodePtr img = child(sect, NULL, "img", NULL);
	xmlNewProp(img, BAD_CAST "src", BAD_CAST b->cover->href);
	xmlNewProp(img, BAD_CAST "alt", BAD_CAST b->title);
	epub_nl(body);
	char *r = epub_doc_dump(doc, len);
	xmlFreeDoc(doc);
	return r;
}
