/* output.c - atomic output files: write a temporary file beside the target
 * and rename it into place only when everything succeeded, so a failed
 * conversion never leaves a partial or clobbered file behind.
 *
 * On Linux the temporary file is an unnamed inode (O_TMPFILE) in the
 * target's folder: a process killed outright (SIGKILL, a crash, the OOM
 * killer) leaves nothing behind, as no signal handler can run then.  At
 * commit it gets a temporary name (linkat) and is renamed over the target,
 * so the replacement stays atomic.  Where the file system refuses O_TMPFILE
 * (or /proc is not mounted) a named temporary file .NAME.XXXXXX is written
 * instead, as before.  Named files, for the moment they exist, are removed
 * by the fatal-signal handlers below. */
#define _GNU_SOURCE /* O_TMPFILE, linkat; fchmod, fdopen, lstat, realpath */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"

/* ------------------------------------------------------------ signals */

/* Temporary files that a fatal signal must not leave behind: Ctrl-C,
 * kill, or SIGPIPE when the reader of our stderr goes away
 * (`md2pdf a.md 2>&1 | head -1`).  The handler may only call
 * async-signal-safe functions, so the paths sit ready in a fixed table. */
#define TRACKED_MAX 16
static char *volatile tracked[TRACKED_MAX];
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGPIPE, SIGHUP};

static void
on_fatal_signal(int sig)
{
	for (int i = 0; i < TRACKED_MAX; i++) {
		char *path = tracked[i];
		if (path != NULL)
			unlink(path);
	}
	/* SA_RESETHAND restored the default action: die of the same signal,
	 * so the parent sees what happened. */
	raise(sig);
}

static void
install_handlers(void)
{
	static bool installed;
	if (installed)
		return;
	installed = true;
	/* Past the file size limit (ulimit -f, a batch server's quota) the
	 * kernel's SIGXFSZ would kill us in the middle of the temporary file
	 * and leave it; ignored, write() fails with EFBIG instead, and the
	 * output is abandoned with "cannot write ...: File too large". */
	signal(SIGXFSZ, SIG_IGN);
	struct sigaction sa = {.sa_handler = on_fatal_signal,
	                       .sa_flags = SA_RESETHAND | SA_NODEFER};
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < G_N_ELEMENTS(fatal_signals); i++)
		sigaddset(&sa.sa_mask, fatal_signals[i]);
	for (size_t i = 0; i < G_N_ELEMENTS(fatal_signals); i++) {
		struct sigaction old;
		/* a signal ignored by whoever started us (nohup, a shell's
		 * background job) stays ignored */
		if (sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
	}
}

void
art_tmpfile_track(const char *path)
{
	install_handlers();
	for (int i = 0; i < TRACKED_MAX; i++)
		if (tracked[i] == NULL) {
			tracked[i] = g_strdup(path);
			return;
		}
}

/* Block the fatal signals (old: the mask to restore), so that a file
 * cannot be created and the signal come before it is tracked. */
static void
block_fatal(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < G_N_ELEMENTS(fatal_signals); i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void
art_tmpfile_untrack(const char *path)
{
	for (int i = 0; i < TRACKED_MAX; i++) {
		char *t = tracked[i];
		if (t != NULL && strcmp(t, path) == 0) {
			tracked[i] = NULL;
			g_free(t);
			return;
		}
	}
}

/* ------------------------------------------------------------ output */

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
	sigset_t old;
	install_handlers();
	block_fatal(&old);
	int fd = g_mkstemp(tmpl);
	if (fd >= 0)
		art_tmpfile_track(tmpl);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path, g_strerror(errno));
		g_free(tmpl);
		return NULL;
	}
	set_default_mode(fd);
	*fd_out = fd;
	return tmpl;
}

/* The name through which an open file can be linked into a folder:
 * linkat(AT_EMPTY_PATH) would need CAP_DAC_READ_SEARCH, the /proc link
 * does not. */
static void
fd_link_path(int fd, char buf[static 32])
{
	snprintf(buf, 32, "/proc/self/fd/%d", fd);
}

/* An unnamed file in path's folder (O_TMPFILE), or -1 where the kernel,
 * the file system or a missing /proc rules it out; the caller then falls
 * back to make_temp(), which reports any real error (EACCES, ENOENT).
 * The mode is a plain fopen's: 0666 less the umask. */
static int
open_unnamed(const char *path)
{
#ifdef O_TMPFILE
	char *dir = g_path_get_dirname(path);
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	g_free(dir);
	char link[32];
	if (fd >= 0) {
		fd_link_path(fd, link);
		if (access(link, F_OK) != 0) {
			close(fd);
			fd = -1;
		}
	}
	return fd;
#else
	(void)path;
	return -1;
#endif
}

/* Give the unnamed file fd a temporary name .NAME.XXXXXX beside path,
 * tracked so that a fatal signal before the rename removes it.  Returns
 * the name, or NULL with errno set. */
static char *
name_unnamed(int fd, const char *path)
{
	static const char chars[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	char link[32];
	fd_link_path(fd, link);
	char *dir = g_path_get_dirname(path);
	char *base = g_path_get_basename(path);
	char *name = NULL;
	int err = EEXIST;
	for (int tries = 0; tries < 100 && err == EEXIST; tries++) {
		char suffix[7];
		for (int i = 0; i < 6; i++)
			suffix[i] = chars[g_random_int_range(0, (gint32)sizeof chars - 1)];
		suffix[6] = '\0';
		name = g_strdup_printf("%s/.%s.%s", dir, base, suffix);
		sigset_t old;
		block_fatal(&old);
		err =
		    linkat(AT_FDCWD, link, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
		if (err == 0)
			art_tmpfile_track(name);
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (err != 0) {
			g_free(name);
			name = NULL;
		}
	}
	g_free(dir);
	g_free(base);
	errno = err;
	return name;
}

/* Called once the temporary file is renamed or removed. */
static void
output_free(struct art_output *out)
{
	if (out->tmp_path != NULL)
		art_tmpfile_untrack(out->tmp_path);
	g_free(out->path);
	g_free(out->tmp_path);
	g_free(out);
}

/* The file a rename must replace: a symlink's target (renaming over the
 * link would turn it into a plain file), else path itself. */
static char *
rename_target(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (real != NULL) {
			char *target = g_strdup(real);
			free(real);
			return target;
		}
	}
	return g_strdup(path);
}

/* Devices, FIFOs and sockets (-o /dev/null, -o /dev/stdout, a named pipe)
 * are written in place: renaming a temporary file over /dev/null would
 * replace the device with a plain file. */
static bool
is_special(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

struct art_output *
art_output_open(const char *path)
{
	struct art_output *out = g_new0(struct art_output, 1);
	if (is_stdout(path)) {
		out->fp = stdout;
		return out;
	}
	if (is_special(path)) {
		out->fp = fopen(path, "wb");
		if (out->fp == NULL) {
			art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path,
			         g_strerror(errno));
			g_free(out);
			return NULL;
		}
		out->path = g_strdup(path);
		return out;
	}
	out->path = rename_target(path);
	install_handlers(); /* SIGXFSZ, also for an unnamed file */
	int fd = open_unnamed(out->path);
	out->unnamed = fd >= 0;
	if (!out->unnamed && (out->tmp_path = make_temp(out->path, &fd)) == NULL) {
		output_free(out);
		return NULL;
	}
	out->fp = fdopen(fd, "wb");
	if (out->fp == NULL) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path, g_strerror(errno));
		close(fd);
		if (out->tmp_path != NULL)
			unlink(out->tmp_path);
		output_free(out);
		return NULL;
	}
	return out;
}

/* Rename tmp into path; on failure reports, unlinks tmp and returns 0. */
static int
rename_into_place(const char *tmp, const char *path)
{
	if (rename(tmp, path) != 0) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, path, g_strerror(errno));
		unlink(tmp);
		return 0;
	}
	return 1;
}

int
art_output_commit(struct art_output *out)
{
	int ok = 1;
	if (out->tmp_path == NULL && !out->unnamed) { /* stdout or a device: in place */
		const char *what = out->path ? out->path : "standard output";
		bool bad = fflush(out->fp) != 0 || ferror(out->fp);
		if (out->path != NULL && fclose(out->fp) != 0)
			bad = true;
		if (bad) {
			art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, what,
			         g_strerror(errno));
			ok = 0;
		}
		output_free(out);
		return ok;
	}
	/* No fsync: the guarantee is "never a partial file from a failed run",
	 * not durability across power loss, and fsync costs more than md2txt. */
	int err = 0;
	if (fflush(out->fp) != 0 || ferror(out->fp))
		err = errno ? errno : EIO;
	if (err == 0 && out->unnamed &&
	    (out->tmp_path = name_unnamed(fileno(out->fp), out->path)) == NULL)
		err = errno;
	if (fclose(out->fp) != 0 && err == 0)
		err = errno ? errno : EIO;
	if (err != 0) {
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, out->path, g_strerror(err));
		if (out->tmp_path != NULL)
			unlink(out->tmp_path);
		ok = 0;
	} else {
		ok = rename_into_place(out->tmp_path, out->path);
	}
	output_free(out);
	return ok;
}

void
art_output_abort(struct art_output *out)
{
	if (out == NULL)
		return;
	if (out->unnamed) {
		fclose(out->fp); /* the inode goes with its last descriptor */
	} else if (out->tmp_path != NULL) {
		fclose(out->fp);
		unlink(out->tmp_path);
	} else if (out->path != NULL) {
		fclose(out->fp); /* a device or pipe: what was written is gone */
	} else {
		fflush(out->fp);
	}
	output_free(out);
}
