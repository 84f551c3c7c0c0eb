/* resource.c - resolve image references to files, sniff their type from
 * their first bytes (never the extension) and read their pixel size from the
 * header only (a PNG is also checked whole, png_check.c).
 *
 * Resolution rules:
 *  - "?query" and "#fragment" are cut, then %XX escapes are decoded.
 *  - Anything with a URL scheme (http:, https:, ftp:, data:, ...) or "//host"
 *    is ART_RES_REMOTE: never fetched, one warning.  file: URLs are local.
 *  - Relative paths resolve against art->dir, then each --resource-path.
 *  - Site-absolute paths ("/img/x.png", as static site generators write
 *    them) resolve against opts->resource_root when given, else against the
 *    article folder.
 *  - Nothing outside those folders is read (sandbox.c) unless
 *    --allow-any-path.
 *  - Paths are canonicalised lexically, so "./media/a.png" and "media/a.png"
 *    share one resource.
 */
#include "article.h"
#include "internal.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

void
art_resource_free(struct art_resource *res)
{
	if (!res)
		return;
	g_free(res->src);
	g_free(res->path);
	g_free(res);
}

const char *
art_image_type_mime(enum art_image_type type)
{
	switch (type) {
	case ART_IMG_PNG:
		return "image/png";
	case ART_IMG_JPEG:
		return "image/jpeg";
	case ART_IMG_GIF:
		return "image/gif";
	case ART_IMG_SVG:
		return "image/svg+xml";
	case ART_IMG_WEBP:
		return "image/webp";
	case ART_IMG_NONE:
		break;
	}
	return NULL;
}

static const char *
image_type_ext(enum art_image_type type)
{
	switch (type) {
	case ART_IMG_PNG:
		return "png";
	case ART_IMG_JPEG:
		return "jpg";
	case ART_IMG_GIF:
		return "gif";
	case ART_IMG_SVG:
		return "svg";
	case ART_IMG_WEBP:
		return "webp";
	case ART_IMG_NONE:
		break;
	}
	return NULL;
}

/* ------------------------------------------------------------ sniffing */

/* SVG is text: optional BOM and whitespace, then "<?xml", comments or a
 * DOCTYPE, and an <svg element somewhere in the first bytes. */
static bool
looks_like_svg(const unsigned char *b, size_t n)
{
	size_t i = 0;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	while (i < n && g_ascii_isspace(b[i]))
		i++;
	if (i >= n || b[i] != '<')
		return false;
	return g_strstr_len((const char *)b + i, n - i, "<svg") != NULL;
}

static enum art_image_type
sniff(const unsigned char *b, size_t n)
{
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return ART_IMG_PNG;
	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		return ART_IMG_JPEG;
	if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0))
		return ART_IMG_GIF;
	if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
		return ART_IMG_WEBP;
	if (looks_like_svg(b, n))
		return ART_IMG_SVG;
	return ART_IMG_NONE;
}

/* ------------------------------------------------------------ sizes */

struct jpeg_err {
	struct jpeg_error_mgr mgr;
	jmp_buf jb;
};

/* libjpeg's default error_exit calls exit(); jump back instead. */
static void
jpeg_error_jump(j_common_ptr cinfo)
{
	struct jpeg_err *e = (struct jpeg_err *)cinfo->err;
	longjmp(e->jb, 1);
}

static void
jpeg_quiet(j_common_ptr cinfo, int level)
{
	(void)cinfo;
	(void)level;
}

static void
jpeg_size(FILE *fp, int *w, int *h)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_err err;
	memset(&cinfo, 0, sizeof cinfo);
	cinfo.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_error_jump;
	err.mgr.emit_message = jpeg_quiet;
	if (setjmp(err.jb)) {
		jpeg_destroy_decompress(&cinfo);
		return;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_stdio_src(&cinfo, fp);
	if (jpeg_read_header(&cinfo, TRUE) == JPEG_HEADER_OK) {
		*w = (int)cinfo.image_width;
		*h = (int)cinfo.image_height;
	}
	jpeg_destroy_decompress(&cinfo);
}

static void
png_error_jump(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void
png_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static void
png_size(FILE *fp, int *w, int *h)
{
	png_structp png =
	    png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_error_jump, png_quiet);
	if (!png)
		return;
	png_infop info = png_create_info_struct(png);
	if (!info) {
		png_destroy_read_struct(&png, NULL, NULL);
		return;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_read_struct(&png, &info, NULL);
		return;
	}
	png_init_io(png, fp);
	png_read_info(png, info);
	*w = (int)png_get_image_width(png, info);
	*h = (int)png_get_image_height(png, info);
	png_destroy_read_struct(&png, &info, NULL);
}

static unsigned
le16(const unsigned char *p)
{
	return p[0] | (unsigned)p[1] << 8;
}
static unsigned
le24(const unsigned char *p)
{
	return le16(p) | (unsigned)p[2] << 16;
}

/* WebP container: the first chunk says which bitstream follows (RFC 9649). */
static void
webp_size(const unsigned char *b, size_t n, int *w, int *h)
{
	if (n >= 30 && memcmp(b + 12, "VP8 ", 4) == 0 && b[23] == 0x9d && b[24] == 0x01 &&
	    b[25] == 0x2a) {
		*w = (int)(le16(b + 26) & 0x3fff);
		*h = (int)(le16(b + 28) & 0x3fff);
	} else if (n >= 25 && memcmp(b + 12, "VP8L", 4) == 0 && b[20] == 0x2f) {
		guint32 bits =
		    b[21] | (guint32)b[22] << 8 | (guint32)b[23] << 16 | (guint32)b[24] << 24;
		*w = (int)(bits & 0x3fff) + 1;
		*h = (int)((bits >> 14) & 0x3fff) + 1;
	} else if (n >= 30 && memcmp(b + 12, "VP8X", 4) == 0) {
		*w = (int)le24(b + 24) + 1;
		*h = (int)le24(b + 27) + 1;
	}
}

/* A length in CSS px: plain numbers and "px"; "pt" scaled; other units
 * (%, em) are not absolute and give 0. */
static double
svg_length(const char *v)
{
	char *end;
	double d = g_ascii_strtod(v, &end);
	if (end == v || d <= 0 || d > 1e6)
		return 0;
	while (*end == ' ')
		end++;
	if (*end == '"' || *end == '\'' || g_str_has_prefix(end, "px"))
		return d;
	if (g_str_has_prefix(end, "pt"))
		return d * 96.0 / 72.0;
	return 0;
}

/* Value of attribute name inside the tag [tag, tag_end), or NULL. */
static const char *
svg_attr(const char *tag, const char *tag_end, const char *name)
{
	size_t nl = strlen(name);
	for (const char *p = tag; p + nl + 2 < tag_end; p++) {
		if ((p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t' || p[-1] == '\r') &&
		    strncmp(p, name, nl) == 0) {
			const char *q = p + nl;
			while (q < tag_end && *q == ' ')
				q++;
			if (q >= tag_end || *q != '=')
				continue;
			q++;
			while (q < tag_end && *q == ' ')
				q++;
			if (q < tag_end && (*q == '"' || *q == '\''))
				return q + 1;
		}
	}
	return NULL;
}

/* width/height of the root <svg>, else its viewBox; only the simple cases. */
static void
svg_size(const unsigned char *b, size_t n, int *w, int *h)
{
	char *text = g_strndup((const char *)b, n);
	const char *tag = strstr(text, "<svg");
	const char *tag_end = tag ? strchr(tag, '>') : NULL;
	if (tag && tag_end) {
		tag += 4;
		const char *wv = svg_attr(tag, tag_end, "width");
		const char *hv = svg_attr(tag, tag_end, "height");
		double dw = wv ? svg_length(wv) : 0, dh = hv ? svg_length(hv) : 0;
		const char *vb = svg_attr(tag, tag_end, "viewBox");
		if ((dw <= 0 || dh <= 0) && vb) {
			double v[4];
			char *p = (char *)vb;
			int i;
			for (i = 0; i < 4; i++) {
				char *e;
				while (*p == ' ' || *p == ',')
					p++;
				v[i] = g_ascii_strtod(p, &e);
				if (e == p)
					break;
				p = e;
			}
			if (i == 4 && v[2] > 0 && v[3] > 0 && v[2] < 1e6 && v[3] < 1e6) {
				if (dw > 0)
					dh = dw * v[3] / v[2];
				else if (dh > 0)
					dw = dh * v[2] / v[3];
				else
					dw = v[2], dh = v[3];
			}
		}
		if (dw > 0 && dh > 0) {
			*w = (int)(dw + 0.5);
			*h = (int)(dh + 0.5);
		}
	}
	g_free(text);
}

/* Open, sniff and measure a local file; fills status/type/size fields. */
static void
probe(struct article *art, struct art_resource *r, struct art_pos pos)
{
	GStatBuf st;
	if (g_stat(r->path, &st) != 0) {
		int e = errno;
		if (e == ENOENT || e == ENOTDIR) {
			r->status = ART_RES_MISSING;
			art_deps_add_missing(r->path); /* creating it rebuilds */
			char *hint = art_resource_suggest(r->path, art->dir);
			if (hint != NULL)
				art_diag(ART_W_IMAGE_MISSING_HINT, art->display_name, pos,
				         r->src, hint);
			else
				art_diag(ART_W_IMAGE_MISSING, art->display_name, pos, r->src);
			g_free(hint);
		} else {
			r->status = ART_RES_UNREADABLE;
			art_diag(ART_W_IMAGE_UNREADABLE, art->display_name, pos, r->src,
			         g_strerror(e));
		}
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		r->status = ART_RES_UNREADABLE;
		art_diag(ART_W_IMAGE_UNREADABLE, art->display_name, pos, r->src,
		         "not a regular file");
		return;
	}
	r->size = (gint64)st.st_size;
	if (art->max_image_bytes > 0 && r->size > art->max_image_bytes) {
		char *why = g_strdup_printf("%lld bytes", (long long)r->size);
		r->status = ART_RES_UNREADABLE;
		art_diag(ART_W_IMAGE_SIZE, art->display_name, pos, r->src, why);
		g_free(why);
		return;
	}
	art_deps_add(r->path);
	FILE *fp = g_fopen(r->path, "rb");
	if (!fp) {
		r->status = ART_RES_UNREADABLE;
		art_diag(ART_W_IMAGE_UNREADABLE, art->display_name, pos, r->src,
		         g_strerror(errno));
		return;
	}
	unsigned char head[4096];
	size_t n = fread(head, 1, sizeof head, fp);
	r->type = sniff(head, n);
	char *damaged = NULL;
	switch (r->type) {
	case ART_IMG_PNG:
		rewind(fp);
		png_size(fp, &r->width, &r->height);
		art_png_check(fp, &damaged);
		break;
	case ART_IMG_JPEG:
		rewind(fp);
		jpeg_size(fp, &r->width, &r->height);
		break;
	case ART_IMG_GIF:
		r->width = (int)le16(head + 6);
		r->height = (int)le16(head + 8);
		break;
	case ART_IMG_WEBP:
		webp_size(head, n, &r->width, &r->height);
		break;
	case ART_IMG_SVG:
		svg_size(head, n, &r->width, &r->height);
		break;
	case ART_IMG_NONE:
		break;
	}
	fclose(fp);
	if (r->type == ART_IMG_NONE) {
		r->status = ART_RES_UNKNOWN_TYPE;
		art_diag(ART_W_IMAGE_TYPE, art->display_name, pos, r->src);
		return;
	}
	if (damaged) {
		r->status = ART_RES_UNREADABLE;
		art_diag(ART_W_IMAGE_UNREADABLE, art->display_name, pos, r->src, damaged);
		g_free(damaged);
		return;
	}
	/* Decoding takes 4 bytes a pixel: a 20000 x 20000 PNG is 1.6 GB, and a
	 * header may claim 100000 x 100000.  Judged before anything decodes. */
	if (r->type != ART_IMG_SVG && art->max_image_pixels > 0 &&
	    (gint64)r->width * r->height > art->max_image_pixels) {
		char *why = g_strdup_printf("%d x %d pixels", r->width, r->height);
		r->status = ART_RES_UNREADABLE;
		art_diag(ART_W_IMAGE_SIZE, art->display_name, pos, r->src, why);
		g_free(why);
		return;
	}
	if (r->type == ART_IMG_SVG) {
		/* librsvg (md2pdf) expands entities without limit: judged here */
		char *why = NULL;
		if (!art_svg_check_file(r->path, &why)) {
			r->status = ART_RES_UNREADABLE;
			art_diag(ART_W_IMAGE_UNREADABLE, art->display_name, pos, r->src, why);
			g_free(why);
			return;
		}
		art_deps_add_svg_refs(r->path);
	}
	r->status = ART_RES_OK;
	r->mime = art_image_type_mime(r->type);
	r->ext = image_type_ext(r->type);
}

/* ------------------------------------------------------------ resolving */

/* "scheme:" of two or more characters (so "C:" is not one), or "//host". */
static bool
is_remote(const char *s)
{
	if (s[0] == '/' && s[1] == '/')
		return true;
	if (!g_ascii_isalpha(s[0]))
		return false;
	const char *p = s + 1;
	while (g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':' && p - s >= 2;
}

/* The index keeps articles with thousands of images linear. */
static struct art_resource *
find(struct article *art, const char *key)
{
	if (art->resource_index == NULL)
		art->resource_index = g_hash_table_new(g_str_hash, g_str_equal);
	return g_hash_table_lookup(art->resource_index, key);
}

static struct art_resource *
get(struct article *art, const char *src, struct art_pos pos, bool trusted)
{
	if (!src)
		src = "";
	char *file = NULL, *decoded = NULL;
	bool remote = is_remote(src);
	if (remote && g_ascii_strncasecmp(src, "file:", 5) == 0) {
		decoded = g_filename_from_uri(src, NULL, NULL);
		remote = decoded == NULL;
	} else if (!remote) {
		file = g_strndup(src, strcspn(src, "?#"));
		decoded = g_uri_unescape_string(file, NULL);
		if (decoded && !g_utf8_validate(decoded, -1, NULL)) {
			g_free(decoded); /* "%FF": keep the model UTF-8 */
			decoded = NULL;
		}
	}
	const char *name = decoded ? decoded : file ? file : "";
	bool refused = false;
	char *path = NULL;
	if (trusted && !remote && *name)
		path = g_canonicalize_filename(name, NULL);
	else if (!remote && *name)
		path = art_sandbox_resolve(art, name, file == NULL, &refused);
	const char *key = path ? path : src;

	struct art_resource *r = find(art, key);
	if (r) {
		g_free(path);
		g_free(file);
		g_free(decoded);
		return r;
	}
	r = g_new0(struct art_resource, 1);
	r->src = g_strdup(remote ? src : name);
	r->path = path;
	r->size = -1;
	if (!art->resources)
		art->resources =
		    g_ptr_array_new_with_free_func((GDestroyNotify)art_resource_free);
	r->index = (int)art->resources->len;
	g_ptr_array_add(art->resources, r);
	g_hash_table_insert(art->resource_index, r->path ? r->path : r->src, r);

	if (remote) {
		r->status = ART_RES_REMOTE;
		/* data: URLs can be megabytes long: name only their start. */
		char *cut = g_utf8_strlen(src, -1) > 80 ? g_utf8_substring(src, 0, 60) : NULL;
		char *shown = cut ? g_strconcat(cut, "...", NULL) : NULL;
		art_diag(ART_W_IMAGE_REMOTE, art->display_name, pos, shown ? shown : src);
		g_free(cut);
		g_free(shown);
	} else if (refused) {
		r->status = ART_RES_REFUSED;
		/* "/img/x.png" names a file of the site the article came from */
		bool rootless = file && g_path_is_absolute(name) &&
		                !(art->resource_root && *art->resource_root);
		art_diag(rootless ? ART_W_IMAGE_ROOTLESS : ART_W_IMAGE_REFUSED,
		         art->display_name, pos, r->src);
	} else if (!path) {
		r->status = ART_RES_MISSING;
		art_diag(ART_W_IMAGE_MISSING, art->display_name, pos, r->src);
	} else {
		probe(art, r, pos);
	}
	g_free(file);
	g_free(decoded);
	return r;
}

struct art_resource *
art_resource_get(struct article *art, const char *src, struct art_pos pos)
{
	return get(art, src, pos, false);
}

struct art_resource *
art_resource_get_trusted(struct article *art, const char *path, struct art_pos pos)
{
	return get(art, path, pos, true);
}

bool
art_resource_sized(const struct art_resource *res)
{
	return res && res->status == ART_RES_OK && res->path && res->type != ART_IMG_NONE &&
	       res->width > 0 && res->height > 0;
}

bool
art_resource_is_icon(const struct art_resource *res)
{
	return art_resource_sized(res) && res->height <= ART_ICON_MAX_PX &&
	       res->width <= 10 * ART_ICON_MAX_PX;
}
