/* png_check.c - the chunks of a PNG, and whether a PNG file is whole.
 *
 * art_png_next_chunk() walks a PNG in memory chunk by chunk, checking each
 * chunk's length and CRC: md2pdf's PNG path (pngobj.c) joins the IDAT
 * chunks with it, and art_png_check() below judges a file with it.
 *
 * The model reads only an image's header (resource.c), and md2epub packs
 * the file as it is: a download cut short or a damaged file went into the
 * book without a word, and the reader showed a broken image.  The check
 * costs a CRC over the file (~1 ms a MB), not a decode, and catches what
 * happens to files in practice: truncation and damaged bytes.  A stream
 * whose chunks are intact but whose compressed data is wrong still gets
 * through; md2pdf, which decodes, reports it then.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

static guint32
be32(const unsigned char *p)
{
	return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

enum art_png_walk
art_png_next_chunk(const unsigned char *data, size_t len, size_t *off, struct art_png_chunk *c)
{
	if (*off + 12 > len)
		return ART_PNG_CUT;
	guint32 n = be32(data + *off);
	if (n > 0x7fffffff || n > len - *off - 12)
		return n > 0x7fffffff ? ART_PNG_DAMAGED : ART_PNG_CUT;
	const unsigned char *type = data + *off + 4;
	if (crc32(crc32(0L, type, 4), type + 4, n) != be32(type + 4 + n))
		return ART_PNG_DAMAGED;
	c->type = type;
	c->body = type + 4;
	c->len = n;
	*off += (size_t)n + 12;
	return ART_PNG_CHUNK;
}

/* The chunk type for a message: its four letters, or "a chunk" when they
 * are no letters (damaged). */
static char *
chunk_name(const unsigned char *type)
{
	for (int i = 0; i < 4; i++)
		if (!g_ascii_isalpha(type[i]))
			return g_strdup("a chunk");
	return g_strdup_printf("chunk %.4s", (const char *)type);
}

/* The verdict on the PNG data (len bytes, signature included): NULL when
 * whole, else why not (a new string). */
static char *
judge(const unsigned char *data, size_t len)
{
	size_t off = 8; /* the signature: sniffed already */
	bool idat = false;
	struct art_png_chunk c;
	for (;;) {
		size_t at = off;
		enum art_png_walk w = art_png_next_chunk(data, len, &off, &c);
		if (w == ART_PNG_CUT)
			return g_strdup("truncated: the file ends before its IEND chunk");
		if (w == ART_PNG_DAMAGED) {
			if (at + 8 > len || be32(data + at) > 0x7fffffff)
				return g_strdup("damaged: a chunk length out of range");
			char *name = chunk_name(data + at + 4);
			char *why = g_strdup_printf("damaged: %s fails its CRC check", name);
			g_free(name);
			return why;
		}
		if (at == 8 && memcmp(c.type, "IHDR", 4) != 0)
			return g_strdup("damaged: it does not start with an IHDR chunk");
		/* CMF and FLG of RFC 1950: deflate, and a multiple of 31 */
		if (!idat && !memcmp(c.type, "IDAT", 4) && c.len >= 2 &&
		    ((c.body[0] & 0x0f) != 8 || ((guint)c.body[0] << 8 | c.body[1]) % 31 != 0))
			return g_strdup("damaged: its image data is no zlib stream");
		if (!memcmp(c.type, "IDAT", 4))
			idat = true;
		if (!memcmp(c.type, "IEND", 4))
			return idat ? NULL : g_strdup("damaged: it holds no image data (IDAT)");
	}
}

bool
art_png_check(FILE *fp, char **why)
{
	*why = NULL;
	long size;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		return true; /* cannot tell: the decoders will */
	unsigned char *data = g_malloc((gsize)size + 1);
	if (fread(data, 1, (size_t)size, fp) == (size_t)size)
		*why = judge(data, (size_t)size);
	g_free(data);
	return *why == NULL;
}
