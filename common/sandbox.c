/* sandbox.c - which files an article may make mdpress read.  These tools
 * convert articles someone else wrote, on servers too: an image reference
 * must not pull /etc/... or ../../elsewhere/secret.png into the output.
 *
 * Allowed: files inside the article's folder, inside each --resource-path
 * folder, and inside --resource-root (where site-absolute "/img/x.png"
 * resolves; without it such a path is refused).  Refused, with a warning and a placeholder:
 * ".." that leaves those folders, absolute paths and file: URLs outside them, and symlinks
 * whose target lies outside them (checked on the real path).  Remote URLs
 * are never fetched anyway (resource.c).  --allow-any-path restores the
 * trusting rules for input you wrote yourself. */
#define _DEFAULT_SOURCE /* realpath under -std=c17 */
#include "article.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Canonical real path of an existing folder, else its lexical form. */
static char *
real_dir(const char *dir)
{
	char *lex = g_canonicalize_filename(dir && *dir ? dir : ".", NULL);
	char *real = realpath(lex, NULL);
	if (!real)
		return lex;
	g_free(lex);
	char *r = g_strdup(real);
	free(real);
	return r;
}

void
art_sandbox_init(struct article *art, const struct art_load_opts *opts)
{
	art->allow_any_path = opts->allow_any_path;
	if (art->allowed_dirs)
		g_ptr_array_unref(art->allowed_dirs);
	art->allowed_dirs = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(art->allowed_dirs, real_dir(art->dir));
	for (const char *const *d = opts->resource_paths; d && *d; d++)
		g_ptr_array_add(art->allowed_dirs, real_dir(*d));
	if (opts->resource_root && *opts->resource_root)
		g_ptr_array_add(art->allowed_dirs, real_dir(opts->resource_root));
	if (art->search_dirs)
		g_ptr_array_unref(art->search_dirs);
	art->search_dirs = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(art->search_dirs,
	                g_canonicalize_filename(art->dir && *art->dir ? art->dir : ".", NULL));
	for (const char *const *d = opts->resource_paths; d && *d; d++)
		g_ptr_array_add(art->search_dirs, g_canonicalize_filename(*d, NULL));
}

static bool
is_inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (strncmp(path, dir, n) != 0)
		return false;
	return path[n] == '/' || path[n] == '\0' || (n > 0 && dir[n - 1] == '/');
}

/* Whether the file path names, once every symlink is followed, lies in an
 * allowed folder.  A file that does not exist is judged by its folder. */
static bool
real_path_allowed(const struct article *art, const char *path)
{
	char *real = realpath(path, NULL);
	char *check = NULL;
	if (real) {
		check = g_strdup(real);
		free(real);
	} else {
		char *dir = g_path_get_dirname(path);
		char *rdir = realpath(dir, NULL);
		g_free(dir);
		if (!rdir)
			return true; /* nothing there: it reads as missing */
		char *base = g_path_get_basename(path);
		check = g_build_filename(rdir, base, NULL);
		g_free(base);
		free(rdir);
	}
	bool ok = false;
	for (guint i = 0; i < art->allowed_dirs->len && !ok; i++)
		ok = is_inside(check, art->allowed_dirs->pdata[i]);
	g_free(check);
	return ok;
}

/* The trusting rules of old: relative to the article, "/x" against the
 * root or the article folder, else the literal absolute path. */
static char *
resolve_any(const struct article *art, const char *file, bool file_url)
{
	const char *dir = art->search_dirs->pdata[0];
	if (file_url)
		return g_canonicalize_filename(file, NULL);
	if (!g_path_is_absolute(file))
		return g_canonicalize_filename(file, dir);
	const char *root = art->resource_root;
	if (root && *root) {
		char *rabs = g_canonicalize_filename(root, NULL);
		char *path = g_canonicalize_filename(file + 1, rabs);
		g_free(rabs);
		return path;
	}
	char *path = g_canonicalize_filename(file + 1, dir);
	if (!g_file_test(path, G_FILE_TEST_EXISTS) && g_file_test(file, G_FILE_TEST_EXISTS)) {
		g_free(path);
		path = g_canonicalize_filename(file, NULL);
	}
	return path;
}

/* file under base, or NULL when ".." takes it out of base. */
static char *
under(const char *file, const char *base)
{
	char *path = g_canonicalize_filename(file, base);
	if (is_inside(path, base))
		return path;
	g_free(path);
	return NULL;
}

char *
art_sandbox_resolve(struct article *art, const char *file, bool file_url, bool *refused)
{
	*refused = false;
	if (!art->search_dirs) {
		static const struct art_load_opts none;
		art_sandbox_init(art, &none);
	}
	if (art->allow_any_path)
		return resolve_any(art, file, file_url);
	char *path = NULL;
	if (file_url) {
		path = g_canonicalize_filename(file, NULL);
	} else if (g_path_is_absolute(file)) {
		/* site-absolute: against --resource-root only.  Without it the
		 * path means nothing here: the article's folder is not the site's
		 * root, and a file of the machine (/etc/x) is not the article's. */
		const char *root = art->resource_root;
		if (root && *root) {
			char *base = g_canonicalize_filename(root, NULL);
			path = under(file + 1, base);
			g_free(base);
		}
	} else {
		/* the article folder, then each --resource-path, first found */
		for (guint i = 0; i < art->search_dirs->len; i++) {
			char *p = under(file, art->search_dirs->pdata[i]);
			if (p && (!path || g_file_test(p, G_FILE_TEST_EXISTS))) {
				g_free(path);
				path = p;
				if (g_file_test(p, G_FILE_TEST_EXISTS))
					break;
			} else {
				g_free(p);
			}
		}
	}
	if (path && real_path_allowed(art, path))
		return path;
	g_free(path);
	*refused = true;
	return NULL;
}
