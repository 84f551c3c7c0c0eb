/* png_check.c - is a PNG file whole?  Every chunk is read through once and
 * its CRC compared; the file must hold image data (IDAT) that starts as a
 * zlib stream does, and end with IEND.
 *
 * The model reads only an image's header (resource.c), and md2epub packs the
 * file as it is: a download cut short or a damaged file went into the book
 * without a word, and the reader showed a broken image.  This walk costs a
 * CRC over the file (~1 ms a MB), not a decode, and catches what happens to
 * files in practice: truncation and damaged bytes.  A stream whose chunks
 * are intact but whose compressed data is wrong still gets through; md2pdf,
 * which decodes, reports it then.
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

bool
art_png_check(FILE *fp, char **why)
{
	unsigned char head[8], buf[65536];
	*why = NULL;
	if (fseek(fp, 8, SEEK_SET) != 0) /* the signature: sniffed already */
		goto truncated;
	bool ihdr = false, idat = false;
	for (;;) {
		if (fread(head, 1, 8, fp) != 8)
			goto truncated;
		guint32 len = be32(head);
		const unsigned char *type = head + 4;
		if (len > 0x7fffffff) {
			*why = g_strdup("damaged: a chunk length out of range");
			return false;
		}
		if (!ihdr && memcmp(type, "IHDR", 4) != 0) {
			*why = g_strdup("damaged: it does not start with an IHDR chunk");
			return false;
		}
		ihdr = true;
		bool first_idat = !idat && memcmp(type, "IDAT", 4) == 0;
		uLong crc = crc32(0L, type, 4);
		for (guint32 left = len; left > 0;) {
			size_t n = MIN(left, sizeof buf);
			if (fread(buf, 1, n, fp) != n)
				goto truncated;
			/* CMF and FLG of RFC 1950: deflate, and a multiple of 31 */
			if (first_idat && left == len && n >= 2 &&
			    ((buf[0] & 0x0f) != 8 || ((guint)buf[0] << 8 | buf[1]) % 31 != 0)) {
				*why = g_strdup("damaged: its image data is no zlib stream");
				return false;
			}
			crc = crc32(crc, buf, (uInt)n);
			left -= (guint32)n;
		}
		unsigned char stored[4];
		if (fread(stored, 1, 4, fp) != 4)
			goto truncated;
		if (be32(stored) != (guint32)crc) {
			char *name = chunk_name(type);
			*why = g_strdup_printf("damaged: %s fails its CRC check", name);
			g_free(name);
			return false;
		}
		if (memcmp(type, "IDAT", 4) == 0)
			idat = true;
		if (memcmp(type, "IEND", 4) == 0)
			break;
	}
	if (!idat) {
		*why = g_strdup("damaged: it holds no image data (IDAT)");
		return false;
	}
	return true;
truncated:
	*why = g_strdup("truncated: the file ends before its IEND chunk");
	return false;
}
