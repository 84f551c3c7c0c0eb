/* pngobj.c - a PNG made into the parts of a PDF image object by md2pdf.
 *
 * cairo 1.16 embeds a PNG by decoding it to premultiplied pixels, taking
 * them apart again and deflating them at zlib's level 6: most of the CPU
 * time of an image-heavy PDF.  Here a PNG whose compressed data a PDF can
 * read as it is (8-bit RGB, gray or palette, not interlaced, no tRNS) goes
 * in untouched behind a PNG predictor.  An opaque 8-bit RGBA or gray-alpha
 * PNG (most screenshots) is inflated but not decoded: its filtered rows
 * lose their alpha bytes and are deflated again behind the predictor.
 * Any other is decoded by libpng with the transforms cairo's loader
 * applies (palette and gray to RGB, tRNS to alpha, 16 bits to 8; no gamma,
 * as cairo) and its colour and alpha planes deflated by libdeflate (faster
 * than zlib and no bigger).  The alpha plane is dropped when every pixel
 * is opaque, and colour under a transparent pixel is zero, as cairo
 * writes them.  imgobj.c puts the parts into the finished PDF.
 */
#include "pdf.h"

#include <libdeflate.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

static guint32
be32(const unsigned char *p)
{
	return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* libpng's state for one decode; in memory, not in locals, so that what
 * was allocated is still known after libpng's longjmp. */
struct decode {
	png_structp png;
	png_infop info;
	const unsigned char *data;
	gsize len, off;
	unsigned char *pixels;
	png_bytep *rows;
};

static void
read_mem(png_structp png, png_bytep out, png_size_t n)
{
	struct decode *d = png_get_io_ptr(png);
	if (n > d->len - d->off)
		png_error(png, "truncated");
	memcpy(out, d->data + d->off, n);
	d->off += n;
}

static void
quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg; /* a damaged ancillary chunk: cairo's loader says nothing either */
}

static void
fail_jump(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static GBytes *
deflate_bytes(struct libdeflate_compressor *c, const unsigned char *in, size_t n)
{
	size_t cap = libdeflate_zlib_compress_bound(c, n);
	unsigned char *out = g_malloc(cap);
	size_t got = libdeflate_zlib_compress(c, in, n, out, cap);
	if (got == 0) {
		g_free(out);
		return NULL;
	}
	return g_bytes_new_take(g_realloc(out, got), got);
}

/* The IDAT chunks of a PNG, joined (a zlib stream), when every chunk is
 * whole and its CRC right; NULL otherwise.  Two walks, so that the
 * stream is copied once, into a buffer of its size. */
static GByteArray *
idat_stream(const unsigned char *data, gsize len)
{
	size_t off = sizeof png_sig, total = 0;
	bool whole = false;
	struct art_png_chunk c;
	while (!whole && art_png_next_chunk(data, len, &off, &c) == ART_PNG_CHUNK) {
		if (!memcmp(c.type, "IDAT", 4))
			total += c.len;
		whole = !memcmp(c.type, "IEND", 4);
	}
	if (!whole || total > G_MAXUINT)
		return NULL;
	GByteArray *z = g_byte_array_sized_new((guint)total);
	for (off = sizeof png_sig; memcmp(data + off + 4, "IEND", 4);) {
		guint32 n = be32(data + off);
		if (!memcmp(data + off + 4, "IDAT", 4))
			g_byte_array_append(z, data + off + 8, n);
		off += (gsize)n + 12;
	}
	return z;
}

/* Filtered RGB rows whose three channels are the same everywhere (PNG
 * filters work on each channel alone, so the filtered bytes are equal
 * exactly when the pixels are) become filtered gray rows, in place.
 * Returns the new length, or 0 when the image is not gray. */
static size_t
gray_rows(unsigned char *raw, size_t rowbytes, guint32 h)
{
	for (guint32 y = 0; y < h; y++) {
		const unsigned char *q = raw + (size_t)y * (rowbytes + 1) + 1;
		for (size_t x = 0; x < rowbytes; x += 3)
			if (q[x] != q[x + 1] || q[x] != q[x + 2])
				return 0;
	}
	size_t gb = rowbytes / 3, n = 0;
	for (guint32 y = 0; y < h; y++) {
		const unsigned char *q = raw + (size_t)y * (rowbytes + 1);
		raw[n++] = q[0];
		for (size_t x = 0; x < gb; x++)
			raw[n++] = q[1 + 3 * x];
	}
	return n;
}

/* The image data of a PNG, inflated and checked as a reader will take
 * it: a zlib stream of exactly h rows of 1 filter byte (0..4) and rowbytes
 * bytes, its checksum right.  A damaged file must not reach the PDF, where
 * a viewer would show half an image or none: on NULL the caller decodes
 * with libpng instead (and falls back to cairo, which fails the same way
 * it always did).  The joined IDAT stream goes to *z, unless z is NULL. */
static unsigned char *
inflate_rows(const unsigned char *data, gsize len, size_t rowbytes, guint32 h, bool adler,
             GByteArray **z_out)
{
	GByteArray *stream = NULL, **z = z_out ? z_out : &stream;
	*z = idat_stream(data, len);
	if (!*z)
		return NULL;
	size_t raw_len = (rowbytes + 1) * h;
	unsigned char *raw = g_try_malloc(raw_len);
	struct libdeflate_decompressor *dc = libdeflate_alloc_decompressor();
	const unsigned char *zd = (*z)->data;
	size_t zl = (*z)->len, used;
	bool ok = raw && dc;
	if (ok && adler) {
		ok = libdeflate_zlib_decompress(dc, zd, zl, raw, raw_len, NULL) ==
		     LIBDEFLATE_SUCCESS;
	} else if (ok) {
		/* data deflated again: the chunks' CRCs guard it, and zlib's
		 * Adler-32 of every byte is not computed (libpng's
		 * PNG_IGNORE_ADLER32); its header is checked */
		ok = zl >= 6 && (zd[0] & 0x0f) == 8 && zd[0] >> 4 <= 7 && !(zd[1] & 0x20) &&
		     (zd[0] << 8 | zd[1]) % 31 == 0 &&
		     libdeflate_deflate_decompress_ex(dc, zd + 2, zl - 2, raw, raw_len, &used,
		                                      NULL) == LIBDEFLATE_SUCCESS;
	}
	for (guint32 y = 0; ok && y < h; y++)
		ok = raw[y * (rowbytes + 1)] <= 4;
	if (dc)
		libdeflate_free_decompressor(dc);
	if (!ok || !z_out) {
		g_byte_array_free(*z, TRUE);
		*z = NULL;
	}
	if (!ok)
		g_free(raw);
	return ok ? raw : NULL;
}

/* The image data of a PNG passed through (8-bit RGB, gray, palette).
 * *colors 3 may become 1: an RGB image that is gray goes in as gray (as
 * cairo writes it), its filtered rows deflated again. */
static GBytes *
pass_through(const unsigned char *data, gsize len, size_t rowbytes, guint32 h, int *colors,
             struct libdeflate_compressor *c)
{
	GByteArray *z;
	unsigned char *raw = inflate_rows(data, len, rowbytes, h, true, &z);
	if (!raw)
		return NULL;
	size_t raw_len = (rowbytes + 1) * h;
	GBytes *again = NULL;
	size_t gray_len = *colors == 3 ? gray_rows(raw, rowbytes, h) : 0;
	bool ok = true;
	if (gray_len) {
		again = deflate_bytes(c, raw, gray_len);
		ok = again != NULL;
		*colors = 1;
	} else if (z->len >= 2 && (z->data[1] >> 6) < 2) {
		/* a stream its writer made with little effort (zlib's FLEVEL 0
		 * or 1: levels 0 to 5; some are stored, not compressed at
		 * all): deflate the filtered rows again, keeping the smaller */
		again = deflate_bytes(c, raw, raw_len);
		if (again && g_bytes_get_size(again) >= z->len) {
			g_bytes_unref(again);
			again = NULL;
		}
	}
	g_free(raw);
	if (!ok || again) {
		g_byte_array_free(z, TRUE);
		return ok ? again : NULL;
	}
	return g_byte_array_free_to_bytes(z);
}

/* PNG's predictor for one byte: a left, b up, c up-left (RFC 2083 6.6). */
static unsigned char
paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	return (unsigned char)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

/* PNG's prediction for one byte under filter type f (0..4). */
static int
predict(int f, int a, int b, int c)
{
	switch (f) {
	case 1:
		return a;
	case 2:
		return b;
	case 3:
		return (a + b) / 2;
	case 4:
		return paeth(a, b, c);
	default:
		return 0;
	}
}

/* Whether every pixel of filtered 8-bit rows of ch channels (alpha last)
 * is opaque, without unfiltering: while all before is 255, a pixel is 255
 * exactly when its filtered byte is 255 less the prediction from 255s
 * (and 0s off the image's top and left edges), which per row takes one
 * value at the left edge and one elsewhere. */
static bool
all_opaque(const unsigned char *raw, guint32 w, guint32 h, int ch)
{
	size_t rb = (size_t)w * (size_t)ch + 1;
	for (guint32 y = 0; y < h; y++) {
		const unsigned char *q = raw + y * rb;
		int f = q[0], up = y ? 255 : 0;
		unsigned char first = (unsigned char)(255 - predict(f, 0, up, 0)),
		              rest = (unsigned char)(255 - predict(f, 255, up, up));
		q += 1 + (ch - 1);
		if (q[0] != first)
			return false;
		for (guint32 x = 1; x < w; x++)
			if (q[(size_t)x * ch] != rest)
				return false;
	}
	return true;
}

/* The filtered rows without their alpha bytes, in place (a row's colour
 * ends before its source starts); returns the new length. */
static size_t
drop_alpha(unsigned char *raw, guint32 w, guint32 h, int ch)
{
	size_t rb = (size_t)w * (size_t)ch + 1, n = 0;
	for (guint32 y = 0; y < h; y++) {
		const unsigned char *q = raw + y * rb;
		raw[n++] = *q++;
		if (ch == 4) {
			/* four bytes moved, three kept: the fourth is written
			 * over next (or is the next row's filter byte, written
			 * after it is read) */
			for (guint32 x = 0; x < w; x++, q += 4, n += 3) {
				guint32 v;
				memcpy(&v, q, 4);
				memcpy(raw + n, &v, 4);
			}
		} else {
			for (guint32 x = 0; x < w; x++, q += 2)
				raw[n++] = q[0];
		}
	}
	return n;
}

/* An opaque 8-bit RGBA or gray-alpha PNG without libpng: the colour
 * bytes of its filtered rows are filtered rows of the colour alone (each
 * channel is predicted from the same channel of its neighbours), so they
 * go in behind a PNG predictor as they are, deflated again without the
 * alpha bytes.  Cheaper than decoding every channel and deflating the
 * pixels, and the writer's filters compress about as well.  False when
 * the image is damaged or not opaque: with transparency it is decoded
 * (decode_planes), as cairo zeroes the colour under a transparent pixel
 * and a viewer's smoothing shows it at the edges. */
static bool
split_filtered(const unsigned char *data, gsize len, guint32 w, guint32 h, int ch,
               struct libdeflate_compressor *c, struct pdf_png *out, int *colors)
{
	unsigned char *raw = inflate_rows(data, len, (size_t)w * (size_t)ch, h, false, NULL);
	if (!raw)
		return false;
	if (!all_opaque(raw, w, h, ch)) {
		g_free(raw);
		return false;
	}
	size_t n = drop_alpha(raw, w, h, ch);
	*colors = ch - 1;
	if (ch == 4) {
		size_t gray_len = gray_rows(raw, (size_t)w * 3, h);
		if (gray_len) {
			n = gray_len;
			*colors = 1;
		}
	}
	out->data = deflate_bytes(c, raw, n);
	g_free(raw);
	return out->data != NULL;
}

/* "[/Indexed /DeviceRGB n <rrggbb...>]" for a PNG palette. */
static char *
indexed_space(png_colorp pal, int n)
{
	GString *g = g_string_new(NULL);
	g_string_append_printf(g, "[/Indexed /DeviceRGB %d <", n - 1);
	for (int i = 0; i < n; i++)
		g_string_append_printf(g, "%02x%02x%02x", pal[i].red, pal[i].green,
		                       pal[i].blue);
	g_string_append(g, ">]");
	return g_string_free(g, FALSE);
}

/* The colour plane of w x h RGB pixels (rgb, 3 bytes each), in place:
 * as cairo writes it, gray when every pixel is, and 1 bit when every one
 * is black or white.  Returns the bits per component, channels in *ch. */
static int
reduce_colour(unsigned char *rgb, guint32 w, guint32 h, size_t *len, int *ch)
{
	size_t px = (size_t)w * h;
	bool gray = true, mono = true;
	for (size_t i = 0; i < px && gray; i++) {
		const unsigned char *q = rgb + 3 * i;
		gray = q[0] == q[1] && q[1] == q[2];
		mono &= q[0] == 0 || q[0] == 255;
	}
	*ch = 3;
	*len = px * 3;
	if (!gray)
		return 8;
	*ch = 1;
	if (!mono) {
		for (size_t i = 0; i < px; i++)
			rgb[i] = rgb[3 * i];
		*len = px;
		return 8;
	}
	/* rows of bits, each padded to a byte (written before read: the
	 * packed row y ends before pixel y * w) */
	size_t rb = ((size_t)w + 7) / 8;
	for (guint32 y = 0; y < h; y++) {
		const unsigned char *src = rgb + (size_t)y * w * 3;
		unsigned char *dst = rgb + (size_t)y * rb;
		for (size_t x = 0; x < rb; x++) {
			unsigned char bits = 0;
			for (int k = 0; k < 8; k++) {
				size_t i = x * 8 + (size_t)k;
				bits = (unsigned char)(bits << 1 | (i < w && src[3 * i]));
			}
			dst[x] = bits;
		}
	}
	*len = rb * h;
	return 1;
}

/* Decoded rows of d (transforms already set, info updated) split into a
 * deflated colour plane and, unless all opaque, a deflated alpha plane. */
static bool
decode_planes(struct decode *d, struct libdeflate_compressor *c, struct pdf_png *out)
{
	guint32 w = png_get_image_width(d->png, d->info),
	        h = png_get_image_height(d->png, d->info);
	int ch = png_get_channels(d->png, d->info);
	size_t rb = png_get_rowbytes(d->png, d->info);
	if ((ch != 3 && ch != 4) || rb != (size_t)w * (size_t)ch)
		return false;
	d->pixels = g_try_malloc(rb * h);
	d->rows = g_try_malloc(sizeof *d->rows * h);
	if (!d->pixels || !d->rows)
		return false;
	for (guint32 y = 0; y < h; y++)
		d->rows[y] = d->pixels + (size_t)y * rb;
	png_read_image(d->png, d->rows);
	png_read_end(d->png, NULL);
	size_t px = (size_t)w * h;
	unsigned char *alpha = NULL;
	bool opaque = true;
	if (ch == 4) {
		/* RGBA -> RGB in place, alpha apart; no colour where nothing
		 * shows (cairo's zero, and it compresses) */
		alpha = g_malloc(px);
		unsigned char *s = d->pixels, *t = d->pixels;
		for (size_t i = 0; i < px; i++, s += 4, t += 3) {
			unsigned char a = s[3];
			alpha[i] = a;
			opaque &= a == 255;
			if (a == 0) {
				t[0] = t[1] = t[2] = 0;
			} else {
				t[0] = s[0];
				t[1] = s[1];
				t[2] = s[2];
			}
		}
	}
	size_t len;
	int colours, bpc = reduce_colour(d->pixels, w, h, &len, &colours);
	out->data = deflate_bytes(c, d->pixels, len);
	if (alpha && !opaque)
		out->smask = deflate_bytes(c, alpha, px);
	g_free(alpha);
	if (!out->data || (alpha && !opaque && !out->smask))
		return false;
	out->dict = g_strdup_printf("   /ColorSpace %s\n"
	                            "   /BitsPerComponent %d\n",
	                            colours == 3 ? "/DeviceRGB" : "/DeviceGray", bpc);
	return true;
}

/* The dictionary lines of an image whose data is PNG-filtered rows:
 * space NULL is DeviceRGB for 3 colours, DeviceGray for 1. */
static char *
predicted_dict(const char *space, int colors, int depth, guint32 w)
{
	return g_strdup_printf(
	    "   /ColorSpace %s\n"
	    "   /BitsPerComponent %d\n"
	    "   /DecodeParms << /Predictor 15 /Colors %d /BitsPerComponent %d "
	    "/Columns %u >>\n",
	    space         ? space
	    : colors == 3 ? "/DeviceRGB"
	                  : "/DeviceGray",
	    depth, colors, depth, (unsigned)w);
}

/* The work of pdf_png_encode() between libpng's setjmp and cleanup. */
static bool
encode(struct decode *d, struct libdeflate_compressor *c, struct pdf_png *out)
{
	png_set_read_fn(d->png, d, read_mem);
	png_read_info(d->png, d->info);
	png_uint_32 w, h;
	int depth, ct, interlace;
	png_get_IHDR(d->png, d->info, &w, &h, &depth, &ct, &interlace, NULL, NULL);
	out->width = (int)w;
	out->height = (int)h;
	bool trns = png_get_valid(d->png, d->info, PNG_INFO_tRNS);
	if (interlace == PNG_INTERLACE_NONE && !trns &&
	    ((ct == PNG_COLOR_TYPE_GRAY && depth <= 8) ||
	     (ct == PNG_COLOR_TYPE_RGB && depth == 8) || ct == PNG_COLOR_TYPE_PALETTE)) {
		int colors = ct == PNG_COLOR_TYPE_RGB ? 3 : 1;
		out->data = pass_through(d->data, d->len, png_get_rowbytes(d->png, d->info), h,
		                         &colors, c);
		if (out->data) {
			char *space = NULL;
			if (ct == PNG_COLOR_TYPE_PALETTE) {
				png_colorp pal;
				int n;
				if (!png_get_PLTE(d->png, d->info, &pal, &n) || n < 1)
					return false;
				space = indexed_space(pal, n);
			}
			out->dict = predicted_dict(space, colors, depth, w);
			g_free(space);
			return true;
		}
	}
	if (interlace == PNG_INTERLACE_NONE && depth == 8 &&
	    (ct == PNG_COLOR_TYPE_RGB_ALPHA || ct == PNG_COLOR_TYPE_GRAY_ALPHA)) {
		int colors;
		if (split_filtered(d->data, d->len, w, h,
		                   ct == PNG_COLOR_TYPE_RGB_ALPHA ? 4 : 2, c, out, &colors)) {
			out->dict = predicted_dict(NULL, colors, depth, w);
			return true;
		}
		/* transparent or damaged: libpng decodes it */
	}
	/* zlib's Adler-32 of the image data, not computed: every chunk's
	 * CRC is still checked (libpng's default for IDAT), and the checksum
	 * was a tenth of the decoding time */
	png_set_option(d->png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
	/* cairo's loader's transforms, without its premultiplying */
	if (ct == PNG_COLOR_TYPE_PALETTE)
		png_set_palette_to_rgb(d->png);
	if (ct == PNG_COLOR_TYPE_GRAY && depth < 8)
		png_set_expand_gray_1_2_4_to_8(d->png);
	if (trns)
		png_set_tRNS_to_alpha(d->png);
	if (depth == 16)
		png_set_strip_16(d->png);
	if (depth < 8)
		png_set_packing(d->png);
	if (ct == PNG_COLOR_TYPE_GRAY || ct == PNG_COLOR_TYPE_GRAY_ALPHA)
		png_set_gray_to_rgb(d->png);
	if (interlace != PNG_INTERLACE_NONE)
		png_set_interlace_handling(d->png);
	png_read_update_info(d->png, d->info);
	return decode_planes(d, c, out);
}

struct pdf_png *
pdf_png_encode(const unsigned char *data, gsize len, int width, int height,
               struct libdeflate_compressor *c)
{
	if (len < sizeof png_sig || memcmp(data, png_sig, sizeof png_sig) || width <= 0 ||
	    height <= 0)
		return NULL;
	struct decode d = {.data = data, .len = len};
	struct pdf_png *out = g_new0(struct pdf_png, 1);
	bool ok = false;
	d.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, fail_jump, quiet);
	d.info = d.png ? png_create_info_struct(d.png) : NULL;
	if (d.info) {
		/* the size the resource checks allowed, nothing larger */
		png_set_user_limits(d.png, (png_uint_32)width, (png_uint_32)height);
		if (!setjmp(png_jmpbuf(d.png)))
			ok = encode(&d, c, out);
	}
	ok = ok && out->width == width && out->height == height;
	png_destroy_read_struct(d.png ? &d.png : NULL, d.info ? &d.info : NULL, NULL);
	g_free(d.rows);
	g_free(d.pixels);
	if (!ok) {
		pdf_png_free(out);
		return NULL;
	}
	return out;
}

void
pdf_png_free(struct pdf_png *p)
{
	if (!p)
		return;
	g_free(p->dict);
	g_bytes_unref(p->data); /* NULL-safe */
	g_bytes_unref(p->smask);
	g_free(p);
}
