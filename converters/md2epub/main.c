/* main.c - md2epub: Markdown articles -> EPUB 3.
 *
 * One input, or several with -o: one book, one chapter per article.
 * Several inputs without -o: one EPUB beside each input. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "epub.h"

static char *opt_css, *opt_css_append;
static bool strict;
static const char *cover;   /* absolute path of --cover or the metadata's cover */

static const GOptionEntry css_entries[] = {
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
	struct art_book_cli bc = { 0 };
	struct art_book book = { 0 };
	GOptionEntry *book_entries = art_book_entries(&bc);
	GOptionEntry entries[32];
	int ne = 0;
	for (const GOptionEntry *e = book_entries; e->long_name; e++)
		entries[ne++] = *e;
	for (const GOptionEntry *e = css_entries; e->long_name; e++)
		entries[ne++] = *e;
	entries[ne] = (GOptionEntry){ NULL, 0, 0, 0, NULL, NULL, NULL };
	int status = art_cli_parse(&cli, &argc, &argv, entries, "FILE...",
	                           "Convert Markdown articles to an EPUB 3 book.",
	                           "One input, or several with -o, make one book (one chapter per\n"
	                           "article); several inputs without -o make one EPUB beside each.\n"
	                           "Exit status: 0 on success, 1 if a conversion failed, 2 on a usage error.");
	g_free(book_entries);
	if (status != ART_EXIT_OK) {
		art_cli_free(&cli);
		art_book_cli_free(&bc);
		return status < 0 ? ART_EXIT_OK : status;
	}
	LIBXML_TEST_VERSION;
	strict = cli.strict;
	struct art_load_opts opts = art_cli_load_opts(&cli);
	opts.keep_raw_html = true;     /* html.c sanitises raw HTML itself */
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
	if (!art_book_load(&book, &bc, &opts))
		goto done;
	cover = book.cover;
	const struct art_meta *over = book.any ? &book.over : NULL;

	if (cli.output || cli.ninputs == 1) {
		char *out = cli.output ? g_strdup(cli.output) : art_default_output(cli.inputs[0], ".epub");
		failed += !convert(&cli, cli.inputs, cli.ninputs, out, &opts, over, css);
		g_free(out);
	} else {
		for (int i = 0; i < cli.ninputs; i++) {
			char *out = art_default_output(cli.inputs[i], ".epub");
			failed += !convert(&cli, cli.inputs + i, 1, out, &opts, over, css);
			g_free(out);
		}
	}
	failed += !art_cli_write_deps(&cli);
done:
	status = art_cli_exit_code();
	if (failed && status == ART_EXIT_OK)
		status = ART_EXIT_FAIL;
	if (css == NULL && !cli.dump_tree)
		status = ART_EXIT_FAIL;
	g_free(css);
	art_book_free(&book);
	art_book_cli_free(&bc);
	g_free(opt_css);
	g_free(opt_css_append);
	art_cli_free(&cli);
	xmlCleanupParser();
	return status;
}
