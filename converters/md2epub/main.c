/* main.c - md2epub: Markdown articles -> EPUB 3.
 *
 * One input, or several with -o: one book, one chapter per article.
 * Several inputs without -o: one EPUB beside each input. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "epub.h"

static char *opt_title, *opt_metadata, *opt_css, *opt_css_append, *opt_cover;
static char **opt_authors;
static bool strict;
static char *cover;     /* absolute path of --cover or the metadata's cover */

static const GOptionEntry entries[] = {
	{ "title", 0, 0, G_OPTION_ARG_STRING, &opt_title,
	  "Book title (default: the first article's title)", "TEXT" },
	{ "author", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_authors,
	  "Book author; repeat for several (default: the first article's)", "NAME" },
	{ "metadata", 0, 0, G_OPTION_ARG_FILENAME, &opt_metadata,
	  "YAML file with book metadata (title, author, date, lang, tags, summary, cover, identifier)",
	  "FILE" },
	{ "cover", 0, 0, G_OPTION_ARG_FILENAME, &opt_cover,
	  "Cover image (default: banner/cover of the first article)", "IMAGE" },
	{ "css", 0, 0, G_OPTION_ARG_FILENAME, &opt_css,
	  "Use this stylesheet instead of the built-in one", "FILE" },
	{ "css-append", 0, 0, G_OPTION_ARG_FILENAME, &opt_css_append,
	  "Append this stylesheet to the built-in one (or to --css)", "FILE" },
	{ NULL, 0, 0, 0, NULL, NULL, NULL },
};

static char *
read_text(const char *path)
{
	char *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	art_deps_add(path);
	if (!g_file_get_contents(path, &data, &len, &err)) {
		art_diag(ART_E_OPEN, NULL, (struct art_pos){0, 0}, path, err->message);
		g_error_free(err);
		return NULL;
	}
	int line, col;
	if (!art_utf8_check(data, len, &line, &col)) {
		art_diag(ART_E_UTF8, path, (struct art_pos){line, col});
		g_free(data);
		return NULL;
	}
	return data;
}

static char *
load_css(void)
{
	GString *css = g_string_new(NULL);
	if (opt_css) {
		char *t = read_text(opt_css);
		if (t == NULL)
			goto fail;
		g_string_append(css, t);
		g_free(t);
	} else {
		g_string_append(css, epub_default_css);
	}
	if (opt_css_append) {
		char *t = read_text(opt_css_append);
		if (t == NULL)
			goto fail;
		g_string_append_c(css, '\n');
		g_string_append(css, t);
		g_free(t);
	}
	return g_string_free(css, FALSE);
fail:
	g_string_free(css, TRUE);
	return NULL;
}

/* book.yaml: plain YAML read with the front matter rules. */
static struct article *
load_metadata(const char *path, const struct art_load_opts *opts)
{
	struct art_load_opts meta_opts = *opts;
	meta_opts.metadata_only = true;
	art_deps_add(path);
	return art_load(path, &meta_opts);
}

/* Convert inputs[0..n) into one book written to out.  Returns 1/0. */
static int
convert(const struct art_cli *cli, char **inputs, int n, const char *out,
        const struct art_load_opts *opts, const struct art_meta *over, const char *css)
{
	struct epub_book *b = epub_book_new();
	unsigned errors = art_diag_count(ART_ERROR), warnings = art_diag_count(ART_WARNING);
	int ok = 1;
	art_deps_output_begin();
	for (int i = 0; i < n; i++) {
		art_deps_add_input(inputs[i]);
		struct article *a = art_load(inputs[i], opts);
		if (a == NULL) {
			ok = 0;
			break;
		}
		epub_book_add(b, a);
	}
	if (ok) {
		b->css = g_strdup(css);
		b->cover_src = g_strdup(cover);
		epub_book_set_meta(b, over);
		ok = epub_book_render(b);
	}
	if (ok && (art_diag_count(ART_ERROR) > errors ||
	           (strict && art_diag_count(ART_WARNING) > warnings)))
		ok = 0;     /* an error (or a warning under --strict): no output */
	if (ok)
		ok = epub_write(b, out);
	epub_book_free(b);
	char *target = art_cli_deps_target(cli, out, inputs[0], ".epub");
	art_deps_output_end(target, ok);
	g_free(target);
	return ok;
}

int
main(int argc, char **argv)
{
	struct art_cli cli = { .program = "md2epub" };
	int status = art_cli_parse(&cli, &argc, &argv, entries, "FILE...",
	                           "Convert Markdown articles to an EPUB 3 book.",
	                           "One input, or several with -o, make one book (one chapter per\n"
	                           "article); several inputs without -o make one EPUB beside each.\n"
	                           "Exit status: 0 on success, 1 if a conversion failed, 2 on a usage error.");
	if (status != ART_EXIT_OK) {
		art_cli_free(&cli);
		return status < 0 ? ART_EXIT_OK : status;
	}
	LIBXML_TEST_VERSION;
	strict = cli.strict;
	struct art_load_opts opts = art_cli_load_opts(&cli);
	opts.keep_raw_html = true;     /* html.c sanitises raw HTML itself */
	struct article *meta_art = NULL;
	char *css = NULL;
	int failed = 0;

	if (cli.dump_tree) {
		for (int i = 0; i < cli.ninputs; i++) {
			struct article *a = art_load(cli.inputs[i], &opts);
			if (a) {
				art_dump(a, stdout);
				art_free(a);
			}
		}
		goto done;
	}
	css = load_css();
	if (css == NULL)
		goto done;
	if (opt_metadata && (meta_art = load_metadata(opt_metadata, &opts)) == NULL)
		goto done;

	/* Overrides: --metadata, then --title / --author on top. */
	GPtrArray *empty = g_ptr_array_new();
	GPtrArray *authors = g_ptr_array_new();
	struct art_meta over = { 0 };
	if (meta_art)
		over = meta_art->meta;
	else
		over.authors = over.tags = empty;
	if (opt_title)
		over.title = opt_title;
	if (opt_authors) {
		for (char **p = opt_authors; *p; p++)
			g_ptr_array_add(authors, *p);
		over.authors = authors;
	}
	bool any = meta_art || opt_title || opt_authors;
	/* --cover is relative to the working folder, a metadata file's cover
	 * to that file's folder. */
	if (opt_cover) {
		cover = g_canonicalize_filename(opt_cover, NULL);
	} else if (meta_art && meta_art->meta.cover && *meta_art->meta.cover) {
		char *dir = g_canonicalize_filename(meta_art->dir ? meta_art->dir : ".", NULL);
		cover = g_canonicalize_filename(meta_art->meta.cover, dir);
		g_free(dir);
	}

	if (cli.output || cli.ninputs == 1) {
		char *out = cli.output ? g_strdup(cli.output) : art_default_output(cli.inputs[0], ".epub");
		failed += !convert(&cli, cli.inputs, cli.ninputs, out, &opts, any ? &over : NULL, css);
		g_free(out);
	} else {
		for (int i = 0; i < cli.ninputs; i++) {
			char *out = art_default_output(cli.inputs[i], ".epub");
			failed += !convert(&cli, cli.inputs + i, 1, out, &opts, any ? &over : NULL, css);
			g_free(out);
		}
	}
	g_ptr_array_free(empty, TRUE);
	g_ptr_array_free(authors, TRUE);
	failed += !art_cli_write_deps(&cli);
done:
	status = art_cli_exit_code();
	if (failed && status == ART_EXIT_OK)
		status = ART_EXIT_FAIL;
	if (css == NULL && !cli.dump_tree)
		status = ART_EXIT_FAIL;
	g_free(css);
	if (meta_art)
		art_free(meta_art);
	g_free(opt_title);
	g_free(opt_metadata);
	g_free(opt_css);
	g_free(opt_css_append);
	g_free(opt_cover);
	g_free(cover);
	g_strfreev(opt_authors);
	art_cli_free(&cli);
	xmlCleanupParser();
	return status;
}
