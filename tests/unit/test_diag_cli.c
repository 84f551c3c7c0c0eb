/* Tests of the lead's pieces: diagnostics format, exit policy, output files. */
#define _DEFAULT_SOURCE         /* mkfifo, symlink, lstat under -std=c17 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

TEST(diag_formats_file_line_col)
{
	GString *got = g_string_new(NULL);
	art_diag_set_program("md2x");
	art_diag_capture(got);
	art_diag(ART_W_IMAGE_MISSING, "a.md", (struct art_pos){ 12, 3 }, "media/x.jpeg");
	art_diag(ART_E_UTF8, "b.md", (struct art_pos){ 4, 0 });
	art_diag(ART_E_OUTPUT, NULL, (struct art_pos){ 0, 0 }, "boom");
	art_diag_capture(NULL);
	CHECK_STR(got->str, "md2x: a.md:12:3: warning: image not found: media/x.jpeg\n"
	                    "md2x: b.md:4: error: invalid UTF-8\n"
	                    "md2x: error: boom\n");
	CHECK_INT(art_diag_count(ART_WARNING), 1);
	CHECK_INT(art_diag_count(ART_ERROR), 2);
	g_string_free(got, TRUE);
}

TEST(diag_strict_promotes_warnings)
{
	GString *got = g_string_new(NULL);
	art_diag_capture(got);
	art_diag(ART_W_GENERIC, "a.md", (struct art_pos){ 1, 1 }, "hm");
	CHECK_INT(art_cli_exit_code(), ART_EXIT_OK);
	art_diag_set_strict(true);
	CHECK_INT(art_cli_exit_code(), ART_EXIT_FAIL);
	art_diag(ART_W_GENERIC, "a.md", (struct art_pos){ 2, 1 }, "hm");
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
	CHECK_STR(c, "README.txt");    /* as the user would name it */
	g_free(a);
	g_free(b);
	g_free(c);
}

TEST(output_is_atomic)
{
	char *dir = g_dir_make_tmp("mdpress-ut-XXXXXX", NULL);
	char *path = g_build_filename(dir, "out.txt", NULL);
	CHECK(g_file_set_contents(path, "old", -1, NULL));

	struct art_output *out = art_output_open(path);
	CHECK(out != NULL);
	fputs("new but failed", out->fp);
	art_output_abort(out);
	char *text = NULL;
	CHECK(g_file_get_contents(path, &text, NULL, NULL));
	CHECK_STR(text, "old");
	g_free(text);

	out = art_output_open(path);
	fputs("new", out->fp);
	CHECK_INT(art_output_commit(out), 1);
	CHECK(g_file_get_contents(path, &text, NULL, NULL));
	CHECK_STR(text, "new");
	g_free(text);

	GDir *d = g_dir_open(dir, 0, NULL);
	int n = 0;
	while (g_dir_read_name(d) != NULL)
		n++;
	g_dir_close(d);
	CHECK_INT(n, 1);  /* no temporary left behind */
	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
}

/* -o /dev/null once replaced the device with a plain file (as root).  A FIFO
 * stands in for the device: it must still be a FIFO, holding the bytes. */
TEST(output_writes_fifos_in_place)
{
	char *dir = g_dir_make_tmp("mdpress-ut-XXXXXX", NULL);
	char *path = g_build_filename(dir, "pipe", NULL);
	CHECK_INT(mkfifo(path, 0600), 0);
	int rd = open(path, O_RDWR | O_NONBLOCK);   /* a reader, so opening cannot block */
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
	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
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
	char *text = NULL;
	CHECK(g_file_get_contents(real, &text, NULL, NULL));
	CHECK_STR(text, "new");
	g_free(text);

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
