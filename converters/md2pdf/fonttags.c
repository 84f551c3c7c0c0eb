/* fonttags.c - font subset tags that depend on the PDF alone.
 *
 * cairo names each font subset it embeds "ABCDEF+Name", the six letters a
 * hash of the glyph ids it took from the face.  md2pdf's CJK faces are
 * themselves subsets (subset.c), cut for a whole run: the same document
 * gets other glyph ids, so other letters, in a batch than alone, while
 * every other byte of its PDF is the same.  The letters are rewritten from
 * a hash (CRC-32) of the finished PDF with all tags blanked, the font's name and
 * which subset of that name it is: the same document gives the same bytes
 * however it was made, and two subsets of one font in a PDF keep distinct
 * tags.  Same length, so no offset in the file moves.
 */
#include "pdf.h"

#include <libdeflate.h>
#include <string.h>

#define TAG_LEN 6

/* The offset of a tag at d + i ("/BaseFont /ABCDEF+..." or "/FontName
 * /ABCDEF+..."), or 0 when there is none. */
static gsize
tag_at(const char *d, gsize n, gsize i)
{
	static const char *const keys[] = {"/BaseFont /", "/FontName /"};
	for (size_t k = 0; k < G_N_ELEMENTS(keys); k++) {
		size_t kl = strlen(keys[k]);
		if (i + kl + TAG_LEN + 1 > n || memcmp(d + i, keys[k], kl))
			continue;
		const char *t = d + i + kl;
		bool upper = true;
		for (int j = 0; j < TAG_LEN; j++)
			upper &= t[j] >= 'A' && t[j] <= 'Z';
		if (upper && t[TAG_LEN] == '+')
			return i + kl;
	}
	return 0;
}

/* The font name after the tag at t: up to a PDF delimiter or white space. */
static char *
name_after(const char *d, gsize n, gsize t)
{
	gsize s = t + TAG_LEN + 1, e = s;
	while (e < n && !strchr("/[]<>() \t\r\n\f", d[e]))
		e++;
	return g_strndup(d + s, e - s);
}

void
pdf_font_tags_fix(GByteArray *b)
{
	char *d = (char *)b->data;
	gsize n = b->len;
	GArray *at = g_array_new(FALSE, FALSE, sizeof(gsize));
	/* cairo writes these keys in dictionaries, outside any stream but
	 * the compressed ones, where the 11-byte key and the tag's shape make
	 * a false match unlikely enough */
	for (const char *s = d; (s = memchr(s, '/', n - (gsize)(s - d))); s++) {
		gsize t = tag_at(d, n, (gsize)(s - d));
		if (t)
			g_array_append_val(at, t);
	}
	if (at->len == 0) {
		g_array_free(at, TRUE);
		return;
	}
	/* old tag+name -> its new tag; per name, how many subsets so far */
	GHashTable *renamed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GHashTable *count = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	char **old = g_new(char *, at->len);
	for (guint i = 0; i < at->len; i++) {
		gsize t = g_array_index(at, gsize, i);
		old[i] = g_strndup(d + t, TAG_LEN);
		memset(d + t, 'A', TAG_LEN);
	}
	/* CRC-32 of the whole file: the six letters hold less than 32 bits
	 * (26^6), so a wider hash would buy nothing, and SHA-1 here cost
	 * 3% of an image-heavy PDF's time */
	char *pdf_hash = g_strdup_printf("%08x", (unsigned)libdeflate_crc32(0, d, n));
	for (guint i = 0; i < at->len; i++) {
		gsize t = g_array_index(at, gsize, i);
		char *name = name_after(d, n, t);
		char *key = g_strconcat(old[i], "+", name, NULL);
		const char *tag = g_hash_table_lookup(renamed, key);
		if (!tag) {
			int k = GPOINTER_TO_INT(g_hash_table_lookup(count, name));
			g_hash_table_insert(count, g_strdup(name), GINT_TO_POINTER(k + 1));
			char *seed = g_strdup_printf("%s %s %d", pdf_hash, name, k);
			guint8 dig[20];
			gsize dl = sizeof dig;
			GChecksum *c = g_checksum_new(G_CHECKSUM_SHA1);
			g_checksum_update(c, (const guchar *)seed, -1);
			g_checksum_get_digest(c, dig, &dl);
			g_checksum_free(c);
			g_free(seed);
			char *nt = g_malloc(TAG_LEN + 1);
			for (int j = 0; j < TAG_LEN; j++)
				nt[j] = (char)('A' + dig[j] % 26);
			nt[TAG_LEN] = 0;
			g_hash_table_insert(renamed, g_strdup(key), nt);
			tag = nt;
		}
		memcpy(d + t, tag, TAG_LEN);
		g_free(key);
		g_free(name);
	}
	for (guint i = 0; i < at->len; i++)
		g_free(old[i]);
	g_free(old);
	g_free(pdf_hash);
	g_hash_table_destroy(count);
	g_hash_table_destroy(renamed);
	g_array_free(at, TRUE);
}
