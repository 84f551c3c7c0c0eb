/* Tests of the lead's pieces: diagnostics format, exit policy, output files. */
#define _GNU_SOURCE /* mkfifo, symlink, lstat, O_TMPFILE under -std=c17 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "harness.h"

TEST(diag_formats_file_line_col)
{
	GString *got = g_string_new(NULL);
	art_diag_set_program("md2x");
	art_diag_capture(got);
	art_diag(ART_W_IMAGE_MISSING, "a.md", (struct art_pos){12, 3}, "media/x.jpeg");
	art_diag(ART_E_UTF8, "b.md", (struct art_pos){4, 0});
	art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0}, "boom");
	art_diag_capture(NULL);
	/* gcc's form: the location leads, the program only without a file. */
	CHECK_STR(got->str,
	          "a.md:12:3: warning: image not found: media/x.jpeg [-Wmissing-image]\n"
	          "b.md:4: error: invalid UTF-8\n"
	          "md2x: error: boom\n");
	CHECK_INT(art_diag_count(ART_WARNING), 1);
	CHECK_INT(art_diag_count(ART_ERROR), 2);
	g_string_free(got, TRUE);
}

TEST(diag_strict_promotes_warnings)
{
	GString *got = g_string_new(NULL);
	art_diag_capture(got);
	art_diag(ART_W_GENERIC, "a.md", (struct art_pos){1, 1}, "hm");
	CHECK_INT(art_cli_exit_code(), ART_EXIT_OK);
	art_diag_set_strict(true);
	CHECK_INT(art_cli_exit_code(), ART_EXIT_FAIL);
	art_diag(ART_W_GENERIC, "a.md", (struct art_pos){2, 1}, "hm");
	art_diag_set_strict(false);
	art_diag_capture(NULL);
	CHECK_CONTAINS(got->str, "a.md:2:1: error: hm");
	g_string_free(got, TRUE);
}

TEST(default_output_replaces_extension)
{
	char *a = art_default_output("dir/x.y/article.md", ".pdf");
	char *b = art_default_output("-", ".epub");
	char *c = art_default_output("README", ".txt");
	CHECK_STR(a, "dir/x.y/article.pdf");
	CHECK_STR(b, "stdin.epub");
	CHECK_STR(c, "README.txt"); /* as the user would name it */
	g_free(a);
	g_free(b);
	g_free(c);
}

static int
count_entries(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	int n = 0;
	while (d && g_dir_read_name(d) != NULL)
		n++;
	if (d)
		g_dir_close(d);
	return n;
}

/* The file at path holds exactly want. */
#define CHECK_FILE(path, want)                                                                 \
	do {                                                                                   \
		char *t_ = NULL;                                                               \
		CHECK(g_file_get_contents((path), &t_, NULL, NULL));                           \
		CHECK_STR(t_, (want));                                                         \
		g_free(t_);                                                                    \
	} while (0)

/* A file name in a new private folder (*dir); tmp_drop() removes both. */
static char *
tmp_path(const char *name, char **dir)
{
	*dir = g_dir_make_tmp("mdpress-ut-XXXXXX", NULL);
	return g_build_filename(*dir, name, NULL);
}

static void
tmp_drop(char *dir, char *path)
{
	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
}

TEST(output_is_atomic)
{
	char *dir;
	char *path = tmp_path("out.txt", &dir);
	CHECK(g_file_set_contents(path, "old", -1, NULL));

	struct art_output *out = art_output_open(path);
	CHECK(out != NULL);
	fputs("new but failed", out->fp);
	art_output_abort(out);
	CHECK_FILE(path, "old");

	out = art_output_open(path);
	fputs("new", out->fp);
	CHECK_INT(art_output_commit(out), 1);
	CHECK_FILE(path, "new");

	CHECK_INT(count_entries(dir), 1); /* no temporary left behind */
	tmp_drop(dir, path);
}

/* While an output is written, its folder holds no temporary file with a
 * name (a process killed then by SIGKILL or a crash leaves none behind);
 * the result has a plain fopen's mode.  Where the folder's file system
 * refuses O_TMPFILE, the named fallback is what the other tests check. */
TEST(output_has_no_name_while_written)
{
	char *dir;
	char *path = tmp_path("out.txt", &dir);
	CHECK(g_file_set_contents(path, "old", -1, NULL));
	int probe = open(dir, O_TMPFILE | O_WRONLY, 0600);
	if (probe >= 0) {
		close(probe);
		mode_t mask = umask(027);
		struct art_output *out = art_output_open(path);
		CHECK(out != NULL);
		fputs("new", out->fp);
		fflush(out->fp);
		CHECK_INT(count_entries(dir), 1); /* out.txt only */
		CHECK_INT(art_output_commit(out), 1);
		umask(mask);
		CHECK_INT(count_entries(dir), 1);
		struct stat st;
		CHECK_INT(stat(path, &st), 0);
		CHECK_INT(st.st_mode & 0777, 0640);
		CHECK_FILE(path, "new");
	}
	tmp_drop(dir, path);
}

/* -o /dev/null once replaced the device with a plain file (as root).  A FIFO
 * stands in for the device: it must still be a FIFO, holding the bytes. */
TEST(output_writes_fifos_in_place)
{
	char *dir;
	char *path = tmp_path("pipe", &dir);
	CHECK_INT(mkfifo(path, 0600), 0);
	int rd = open(path, O_RDWR | O_NONBLOCK); /* a reader, so opening cannot block */
	CHECK(rd >= 0);

	struct art_output *out = art_output_open(path);
	CHECK(out != NULL);
	fputs("through the pipe", out->fp);
	CHECK_INT(art_output_commit(out), 1);
	struct stat st;
	CHECK_INT(lstat(path, &st), 0);
	CHECK(S_ISFIFO(st.st_mode));
	char buf[64] = "";
	ssize_t n = read(rd, buf, sizeof buf - 1);
	CHECK_INT(n, 16);
	CHECK_STR(buf, "through the pipe");

	close(rd);
	tmp_drop(dir, path);
}

/* Writing through a symlink replaces its target and keeps the link. */
TEST(output_follows_symlinks)
{
	char *dir = g_dir_make_tmp("mdpress-ut-XXXXXX", NULL);
	char *real = g_build_filename(dir, "real.txt", NULL);
	char *link = g_build_filename(dir, "link.txt", NULL);
	CHECK(g_file_set_contents(real, "old", -1, NULL));
	CHECK_INT(symlink("real.txt", link), 0);

	struct art_output *out = art_output_open(link);
	CHECK(out != NULL);
	fputs("new", out->fp);
	CHECK_INT(art_output_commit(out), 1);
	struct stat st;
	CHECK_INT(lstat(link, &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_FILE(real, "new");

	unlink(link);
	unlink(real);
	rmdir(dir);
	g_free(real);
	g_free(link);
	g_free(dir);
}

TEST(output_reports_unwritable_folder)
{
	GString *got = g_string_new(NULL);
	art_diag_capture(got);
	struct art_output *out = art_output_open("/nonexistent-dir/x.txt");
	art_diag_capture(NULL);
	CHECK(out == NULL);
	CHECK_CONTAINS(got->str, "cannot write /nonexistent-dir/x.txt");
	g_string_free(got, TRUE);
}

TEST(diag_every_code_has_a_name)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	for (int c = 0; c < ART_DIAG__MAX; c++) {
		const char *name = art_diag_name(c);
		CHECK(name != NULL && *name != '\0');
		CHECK(art_diag_format(c) != NULL);
		for (const char *p = name ? name : ""; *p; p++)
			CHECK(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-');
		/* a name shared by two codes must be of one level */
		enum art_level *lv = g_hash_table_lookup(seen, name);
		if (lv != NULL)
			CHECK_INT(*lv, art_diag_level(c));
		else
			g_hash_table_insert(seen, (gpointer)name,
			                    g_memdup2(&(enum art_level){art_diag_level(c)},
			                              sizeof(enum art_level)));
	}
	GList *vals = g_hash_table_get_values(seen);
	g_list_free_full(vals, g_free);
	g_hash_table_destroy(seen);
}

TEST(diag_warning_options)
{
	GString *got = g_string_new(NULL);
	art_diag_reset();
	art_diag_capture(got);
	CHECK(art_diag_option("no-missing-image"));
	CHECK(art_diag_option("error=unknown-anchor"));
	CHECK(!art_diag_option("no-such-warning"));
	CHECK(!art_diag_option("error=no-such-warning"));
	art_diag(ART_W_IMAGE_MISSING, "a.md", (struct art_pos){1, 1}, "x.png");
	art_diag(ART_W_IMAGE_MISSING_HINT, "a.md", (struct art_pos){2, 1}, "x.png", "X.png");
	CHECK_INT(art_diag_count(ART_WARNING), 0); /* silenced: not counted */
	CHECK_INT(art_diag_fatal_count(), 0);
	art_diag(ART_W_LINK_TARGET, "a.md", (struct art_pos){3, 4}, "top");
	art_diag(ART_W_FOOTNOTE, "a.md", (struct art_pos){5, 1}, "1");
	CHECK_INT(art_diag_fatal_count(), 1); /* only the -Werror=NAME one */
	CHECK_INT(art_cli_exit_code(), ART_EXIT_FAIL);
	art_diag_capture(NULL);
	CHECK_STR(got->str,
	          "a.md:3:4: error: link to unknown anchor: #top [-Werror=unknown-anchor]\n"
	          "a.md:5:1: warning: footnote [^1] is never defined [-Wundefined-footnote]\n");
	CHECK(art_diag_option("error")); /* -Werror: every warning */
	art_diag(ART_W_FOOTNOTE, "a.md", (struct art_pos){6, 1}, "2");
	CHECK_INT(art_diag_fatal_count(), 2);
	CHECK(art_diag_option("no-error"));
	art_diag_reset();
	g_string_free(got, TRUE);
}

TEST(suggest_case_and_backslash)
{
	char *dir = g_dir_make_tmp("mdpress-suggest-XXXXXX", NULL);
	char *media = g_build_filename(dir, "Media", NULL);
	g_mkdir(media, 0777);
	char *file = g_build_filename(media, "Gnome-1.PNG", NULL);
	g_file_set_contents(file, "x", 1, NULL);
	char *miss1 = g_build_filename(dir, "media", "gnome-1.png", NULL);
	char *miss2 = g_strconcat(dir, "/Media\\Gnome-1.PNG", NULL);
	char *miss3 = g_build_filename(dir, "media", "other.png", NULL);
	char *s1 = art_resource_suggest(miss1, dir);
	char *s2 = art_resource_suggest(miss2, dir);
	char *s3 = art_resource_suggest(miss3, dir);
	CHECK_STR(s1, "Media/Gnome-1.PNG");
	CHECK_STR(s2, "Media/Gnome-1.PNG");
	CHECK(s3 == NULL);
	g_free(s1);
	g_free(s2);
	g_free(s3);
	g_free(miss1);
	g_free(miss2);
	g_free(miss3);
	g_unlink(file);
	g_rmdir(media);
	g_rmdir(dir);
	g_free(file);
	g_free(media);
	g_free(dir);
}
