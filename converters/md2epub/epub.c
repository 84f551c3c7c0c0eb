/* epub.c - the OCF zip container, written with libzip.
 *
 * "mimetype" comes first and is stored uncompressed (OCF 3.0 sec. 4.3);
 * entries are added in a fixed order with a fixed DOS time from the book's
 * epoch, so the same inputs give the same bytes.  The zip is built in
 * memory and written atomically (art_output) on success. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "epub.h"

#define PKG "EPUB/"

/* The EPUB zip being written; ok turns false at the first error, reported once. */
struct package_writer {
	zip_t *z;
	zip_uint16_t dtime, ddate;
	const char *target; /* for messages */
	bool ok;
};

static void
package_fail(struct package_writer *w, const char *what)
{
	if (!w->ok)
		return;
	w->ok = false;
	char *msg = g_strdup_printf("%s: %s", what, zip_strerror(w->z));
	art_diag(ART_E_OUTPUT, w->target, (struct art_pos){0, 0}, msg);
	g_free(msg);
}

static void
finish_entry(struct package_writer *w, zip_int64_t idx, const char *name, bool store)
{
	if (idx < 0) {
		package_fail(w, name);
		return;
	}
	if (zip_set_file_compression(w->z, (zip_uint64_t)idx,
	                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
	                             store ? 0 : 9) < 0 ||
	    zip_file_set_dostime(w->z, (zip_uint64_t)idx, w->dtime, w->ddate, 0) < 0 ||
	    zip_file_set_external_attributes(w->z, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
	                                     (zip_uint32_t)0100644 << 16) < 0)
		package_fail(w, name);
}

/* Entries smaller than this are stored, not deflated.  libzip opens each
 * deflate stream at zlib's largest memory level: 384 KB of fresh tables,
 * whose 128 KB hash head is zeroed.  For the first stream of a run that is
 * ~50 page faults and 1.3 M instructions, 1.3-1.5 ms of a 15 ms md2epub
 * run on a short article (the seed), to save ~7 KB of its 11.7 KB chapter.
 * Larger chapters are deflated; later streams of a run cost about half as
 * many faults (glibc reuses part of the freed tables). */
#define DEFLATE_MIN (16 * 1024)

/* Add data (taken: freed by libzip at close) as entry name. */
static void
add_data(struct package_writer *w, const char *name, char *data, size_t len, bool store)
{
	store = store || len < DEFLATE_MIN;
	if (!w->ok) {
		g_free(data);
		return;
	}
	zip_source_t *src = zip_source_buffer(w->z, data, len, 1);
	if (src == NULL) {
		g_free(data);
		package_fail(w, name);
		return;
	}
	zip_int64_t idx = zip_file_add(w->z, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0)
		zip_source_free(src);
	finish_entry(w, idx, name, store);
}

static void
add_file(struct package_writer *w, const char *name, const char *path, bool store)
{
	if (!w->ok)
		return;
	zip_source_t *src = zip_source_file(w->z, path, 0, -1);
	if (src == NULL) {
		package_fail(w, path);
		return;
	}
	zip_int64_t idx = zip_file_add(w->z, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0)
		zip_source_free(src);
	finish_entry(w, idx, name, store);
}

static char *
container_xml(size_t *len)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr c = xmlNewDocNode(doc, NULL, BAD_CAST "container", NULL);
	xmlDocSetRootElement(doc, c);
	xmlSetNs(c,
	         xmlNewNs(c, BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:container", NULL));
	xmlNewProp(c, BAD_CAST "version", BAD_CAST "1.0");
	xmlNodePtr rfs = xmlNewChild(c, NULL, BAD_CAST "rootfiles", NULL);
	xmlNodePtr rf = xmlNewChild(rfs, NULL, BAD_CAST "rootfile", NULL);
	xmlNewProp(rf, BAD_CAST "full-path", BAD_CAST PKG "package.opf");
	xmlNewProp(rf, BAD_CAST "media-type", BAD_CAST "application/oebps-package+xml");
	char *r = epub_doc_dump(doc, len);
	xmlFreeDoc(doc);
	return r;
}

static void
dos_time(gint64 epoch, zip_uint16_t *t, zip_uint16_t *d)
{
	GDateTime *dt = g_date_time_new_from_unix_utc(epoch);
	int y = dt ? g_date_time_get_year(dt) : 1980;
	if (dt == NULL || y < 1980 || y > 2107) {
		*t = 0;
		*d = (zip_uint16_t)((0 << 9) | (1 << 5) | 1);
	} else {
		*t = (zip_uint16_t)((g_date_time_get_hour(dt) << 11) |
		                    (g_date_time_get_minute(dt) << 5) |
		                    (g_date_time_get_second(dt) / 2));
		*d = (zip_uint16_t)(((y - 1980) << 9) | (g_date_time_get_month(dt) << 5) |
		                    g_date_time_get_day_of_month(dt));
	}
	if (dt)
		g_date_time_unref(dt);
}

static bool
compressed_image(const char *mime)
{
	return !strcmp(mime, "image/png") || !strcmp(mime, "image/jpeg") ||
	       !strcmp(mime, "image/gif");
}

static void
add_contents(struct package_writer *w, const struct epub_book *b)
{
	size_t len;
	char *s;
	add_data(w, "mimetype", g_strdup("application/epub+zip"), 20, true);
	s = container_xml(&len);
	add_data(w, "META-INF/container.xml", s, len, false);
	s = epub_opf(b, &len);
	add_data(w, PKG "package.opf", s, len, false);
	s = epub_nav(b, &len);
	add_data(w, PKG "nav.xhtml", s, len, false);
	s = epub_ncx(b, &len);
	add_data(w, PKG "toc.ncx", s, len, false);
	add_data(w, PKG "style.css", g_strdup(b->css), strlen(b->css), false);
	if (b->cover) {
		s = epub_cover_page(b, &len);
		add_data(w, PKG "cover.xhtml", s, len, false);
	}
	for (guint i = 0; i < b->chapters->len; i++) {
		const struct epub_chapter *ch = g_ptr_array_index(b->chapters, i);
		char *name = g_strconcat(PKG, ch->file, NULL);
		s = epub_doc_dump(ch->doc, &len);
		add_data(w, name, s, len, false);
		g_free(name);
	}
	for (guint i = 0; i < b->items->len; i++) {
		const struct epub_item *it = g_ptr_array_index(b->items, i);
		char *name = g_strconcat(PKG, it->href, NULL);
		if (it->data)
			add_data(w, name, g_memdup2(it->data, it->len), it->len, false);
		else
			add_file(w, name, it->path, compressed_image(it->mime));
		g_free(name);
	}
}

/* The finished archive's bytes, read back from the in-memory source. */
static int
source_bytes(zip_source_t *src, char **data, zip_int64_t *len)
{
	if (zip_source_open(src) < 0)
		return 0;
	int ok = zip_source_seek(src, 0, SEEK_END) == 0 && (*len = zip_source_tell(src)) >= 0 &&
	         zip_source_seek(src, 0, SEEK_SET) == 0;
	if (ok) {
		*data = g_malloc((gsize)*len + 1);
		ok = zip_source_read(src, *data, (zip_uint64_t)*len) == *len;
	}
	zip_source_close(src);
	return ok;
}

/* The zip is built in memory, then written to fp (the driver's atomic
 * output, or stdout).  Memory rather than zip_open(path): libzip names its own
 * temporary file with a cryptographic random source whose seeding cost a
 * third of md2epub's run time. */
int
epub_write(const struct epub_book *b, FILE *fp, const char *name)
{
	struct package_writer w = {NULL, 0, 0, name, true};
	dos_time(b->epoch, &w.dtime, &w.ddate);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (mem != NULL)
		w.z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
	if (w.z == NULL) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, w.target,
		         zip_error_strerror(&ze));
		zip_error_fini(&ze);
		zip_source_free(mem);
		return 0;
	}
	zip_error_fini(&ze);
	zip_source_keep(mem); /* survive zip_close, which writes into it */
	add_contents(&w, b);
	if (w.ok && zip_close(w.z) < 0)
		package_fail(&w, "writing the archive");
	if (!w.ok)
		zip_discard(w.z);

	char *data = NULL;
	zip_int64_t len = 0;
	int ok = w.ok;
	if (ok && !source_bytes(mem, &data, &len)) {
		package_fail(&w, "reading the archive back");
		ok = 0;
	}
	zip_source_free(mem);
	if (ok && fwrite(data, 1, (size_t)len, fp) != (size_t)len) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, w.target,
		         g_strerror(errno));
		ok = 0;
	}
	g_free(data);
	return ok;
}
