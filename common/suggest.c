/* suggest.c - "did you mean media/Gnome-1.PNG?" for an image that is not
 * found: articles written on Windows or macOS (case-insensitive file
 * systems, "\" as separator) name files that exist under another case or
 * separator.  Only a hint: the file named is never read in its place. */
#include <string.h>

#include "article.h"

/* The one entry of dir whose name equals name ignoring case, or NULL
 * (none, or several: no single answer to suggest). */
static char *
match_case(const char *dir, const char *name)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	if (d == NULL)
		return NULL;
	char *want = g_utf8_casefold(name, -1);
	char *found = NULL;
	int matches = 0;
	const char *e;
	while ((e = g_dir_read_name(d)) != NULL) {
		char *fold = g_utf8_casefold(e, -1);
		if (strcmp(fold, want) == 0 && matches++ == 0)
			found = g_strdup(e);
		g_free(fold);
	}
	g_dir_close(d);
	g_free(want);
	if (matches != 1) {
		g_free(found);
		return NULL;
	}
	return found;
}

/* Walk path's components from the root, taking each one as it is when it
 * exists, else its one case-insensitive match.  Returns the existing path
 * or NULL. */
static char *
resolve_case(const char *path)
{
	char **parts = g_strsplit(path, "/", -1);
	GString *at = g_string_new("");
	bool ok = true;
	for (int i = 0; ok && parts[i] != NULL; i++) {
		if (*parts[i] == '\0')
			continue;
		const char *dir = at->len ? at->str : "/";
		char *next = g_build_filename(dir, parts[i], NULL);
		if (!g_file_test(next, G_FILE_TEST_EXISTS)) {
			char *real = match_case(dir, parts[i]);
			g_free(next);
			next = real ? g_build_filename(dir, real, NULL) : NULL;
			g_free(real);
		}
		if (next == NULL) {
			ok = false;
		} else {
			g_string_assign(at, next);
			g_free(next);
		}
	}
	g_strfreev(parts);
	if (!ok || !g_file_test(at->str, G_FILE_TEST_IS_REGULAR)) {
		g_string_free(at, TRUE);
		return NULL;
	}
	return g_string_free(at, FALSE);
}

char *
art_resource_suggest(const char *missing, const char *base_dir)
{
	if (missing == NULL || !g_path_is_absolute(missing))
		return NULL;
	char *slashed = g_strdelimit(g_strdup(missing), "\\", '/');
	char *canon = g_canonicalize_filename(slashed, NULL);
	char *found = resolve_case(canon);
	g_free(canon);
	g_free(slashed);
	if (found == NULL)
		return NULL;
	/* Name it as the article would: relative to its folder when inside. */
	char *base = g_canonicalize_filename(base_dir && *base_dir ? base_dir : ".", NULL);
	char *prefix =
	    g_str_has_suffix(base, "/") ? g_strdup(base) : g_strconcat(base, "/", NULL);
	char *shown = g_str_has_prefix(found, prefix) ? g_strdup(found + strlen(prefix))
	                                              : g_strdup(found);
	g_free(prefix);
	g_free(base);
	g_free(found);
	return shown;
}
