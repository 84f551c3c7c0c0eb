/* output.c - atomic output files: write a temporary file beside the target
 * and rename it into place only when everything succeeded, so a failed
 * conversion never leaves a partial or clobbered file behind. */
#define _POSIX_C_SOURCE 200809L  /* fchmod, fdopen under -std=c17 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"

static bool
is_stdout(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0;
}

/* mkstemp creates 0600 files; give the result the mode a plain fopen would. */
static void
set_default_mode(int fd)
{
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		/* Not fatal: the file is still ours and readable by us. */
	}
}

static char *
make_temp(const char *path, int *fd_out)
{
	char *dir = g_path_get_dirname(path);
	char *base = g_path_get_basename(path);
	char *tmpl = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	int fd = g_mkstemp(tmpl);
	if (fd < 0) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path, g_strerror(errno));
		g_free(tmpl);
		return NULL;
	}
	set_default_mode(fd);
	*fd_out = fd;
	return tmpl;
}

struct art_output *
art_output_open(const char *path)
{
	struct art_output *out = g_new0(struct art_output, 1);
	if (is_stdout(path)) {
		out->fp = stdout;
		return out;
	}
	int fd;
	out->tmp_path = make_temp(path, &fd);
	if (out->tmp_path == NULL) {
		g_free(out);
		return NULL;
	}
	out->fp = fdopen(fd, "wb");
	if (out->fp == NULL) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path, g_strerror(errno));
		close(fd);
		unlink(out->tmp_path);
		g_free(out->tmp_path);
		g_free(out);
		return NULL;
	}
	out->path = g_strdup(path);
	return out;
}

static void
output_free(struct art_output *out)
{
	g_free(out->path);
	g_free(out->tmp_path);
	g_free(out);
}

int
art_output_commit(struct art_output *out)
{
	int ok = 1;
	if (out->tmp_path == NULL) {
		if (fflush(out->fp) != 0 || ferror(out->fp)) {
			art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, "standard output",
			         g_strerror(errno));
			ok = 0;
		}
		output_free(out);
		return ok;
	}
	/* No fsync: the guarantee is "never a partial file from a failed run",
	 * not durability across power loss, and fsync costs more than md2txt. */
	bool bad = ferror(out->fp) != 0;
	if (fclose(out->fp) != 0 || bad) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, out->path, g_strerror(errno));
		unlink(out->tmp_path);
		ok = 0;
	} else {
		ok = art_rename_into_place(out->tmp_path, out->path);
	}
	output_free(out);
	return ok;
}

void
art_output_abort(struct art_output *out)
{
	if (out == NULL)
		return;
	if (out->tmp_path != NULL) {
		fclose(out->fp);
		unlink(out->tmp_path);
	} else {
		fflush(out->fp);
	}
	output_free(out);
}

char *
art_temp_path_for(const char *path)
{
	int fd;
	char *tmp = make_temp(path, &fd);
	if (tmp != NULL)
		close(fd);
	return tmp;
}

int
art_rename_into_place(const char *tmp, const char *path)
{
	if (rename(tmp, path) != 0) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path, g_strerror(errno));
		unlink(tmp);
		return 0;
	}
	return 1;
}
