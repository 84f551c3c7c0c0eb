/* Plain YAML metadata files (md2epub --metadata book.yaml). */
#include <unistd.h>

#include "harness.h"

static char *
write_temp(const char *text)
{
	char *path = NULL;
	int fd = g_file_open_tmp("mdpress-meta-XXXXXX.yaml", &path, NULL);
	g_assert(fd >= 0);
	g_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	return path;
}

TEST(metadata_file_reads_plain_yaml)
{
	char *path = write_temp("title: Kit\nauthor: [A, B]\nlang: zh\n");
	struct art_load_opts opts = {.metadata_only = true};
	struct article *art = art_load(path, &opts);
	CHECK(art != NULL);
	CHECK_STR(art->meta.title, "Kit");
	CHECK_INT(art->meta.authors->len, 2);
	CHECK_STR(art->lang, "zh");
	CHECK(art->root != NULL && art->root->first_child == NULL);
	art_free(art);
	unlink(path);
	g_free(path);
}

TEST(metadata_file_errors_name_its_own_lines)
{
	char *path = write_temp("title: Kit\n\nauthor: {a: 1}\n");
	GString *got = g_string_new(NULL);
	art_diag_capture(got);
	struct art_load_opts opts = {.metadata_only = true};
	struct article *art = art_load(path, &opts);
	art_diag_capture(NULL);
	CHECK(art == NULL);
	CHECK_CONTAINS(got->str, ":3:9: error: front matter: 'author' must be");
	g_string_free(got, TRUE);
	unlink(path);
	g_free(path);
}
