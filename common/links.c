/* links.c - links to other files.  Which file a relative link names is
 * decided here once; an output that cannot carry such a link (a file that
 * is not part of the same EPUB or PDF) says so once per file, instead of
 * dropping the target without a word.
 */
#include <string.h>

#include "article.h"

char *
art_link_file(const struct article *art, const char *url, const char **fragment)
{
	if (fragment)
		*fragment = NULL;
	if (!url || !*url || url[0] == '#' || (url[0] == '/' && url[1] == '/') || !art->dir)
		return NULL;
	char *scheme = g_uri_parse_scheme(url);
	if (scheme) {
		g_free(scheme);
		return NULL;
	}
	const char *hash = strchr(url, '#');
	char *file = g_strndup(url, hash ? (gsize)(hash - url) : strlen(url));
	file[strcspn(file, "?")] = '\0';
	char *dec = g_uri_unescape_string(file, NULL);
	char *abs = NULL;
	if (dec && *dec) {
		char *dir = g_canonicalize_filename(art->dir, NULL);
		abs = g_canonicalize_filename(dec, dir);
		g_free(dir);
		if (fragment && hash && hash[1])
			*fragment = hash + 1;
	}
	g_free(dec);
	g_free(file);
	return abs;
}

void
art_warn_link_outside(const struct article *art, struct art_pos pos, const char *url)
{
	char *file = g_strndup(url, strcspn(url, "#?"));
	if (g_hash_table_add(art->links_warned, file))
		art_diag(ART_W_LINK_OUTSIDE, art->display_name, pos, file);
}
