/* main.c - md2epub: Markdown articles -> EPUB 3.
 *
 * One input, or several with -o: one book, one chapter per article.
 * Several inputs without -o: one EPUB beside each input (or in -O DIR).
 * The run itself (inputs, outputs, failures) is common/driver.c's. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "epub.h"

static char *opt_css, *opt_css_append;
static gboolean opt_embed_fonts;

/* What every book of the run shares, made once by setup(). */
struct md2epub {
	struct art_book_cli bc;
	struct art_book book;
	struct art_style style;
	char *css;        /* built-in or --css, then the style's rules */
	char *css_append; /* --css-append, after each book's @font-face rules */
};

static const GOptionEntry epub_entries[] = {
    {"css", 0, 0, G_OPTION_ARG_FILENAME, &opt_css,
     "Use this stylesheet instead of the built-in one", "FILE"},
    {"css-append", 0, 0, G_OPTION_ARG_FILENAME, &opt_css_append,
     "Append this stylesheet to the built-in one (or to --css)", "FILE"},
    {"embed-fonts", 0, 0, G_OPTION_ARG_NONE, &opt_embed_fonts,
     "Embed the Chinese faces (Noto CJK SC), cut to the book's characters", NULL},
    {NULL, 0, 0, 0, NULL, NULL, NULL},
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

/* The stylesheet up to the fonts (m->css) and after them (m->css_append).
 * Returns 1/0. */
static int
load_css(struct md2epub *m)
{
	GString *css = g_string_new(NULL);
	if (opt_css) {
		char *t = read_text(opt_css);
		if (t == NULL) {
			g_string_free(css, TRUE);
			return 0;
		}
		g_string_append(css, t);
		g_free(t);
	} else {
		g_string_append(css, epub_default_css);
	}
	char *from_style = epub_style_css(&m->style);
	g_string_append(css, from_style);
	g_free(from_style);
	m->css = g_string_free(css, FALSE);
	if (opt_css_append) {
		char *t = read_text(opt_css_append);
		if (t == NULL)
			return 0;
		m->css_append = g_strconcat("\n", t, NULL);
		g_free(t);
	}
	return 1;
}

static int
setup(void *ctx, const struct art_cli *cli, struct art_load_opts *opts)
{
	struct md2epub *m = ctx;
	LIBXML_TEST_VERSION;
	if (cli->dump_tree)
		return ART_EXIT_OK;
	if (!art_style_load(&m->style, m->bc.style))
		return ART_EXIT_FAIL;
	if (!load_css(m) || !art_book_load(&m->book, &m->bc, opts))
		return ART_EXIT_FAIL;
	return ART_EXIT_OK;
}

/* arts[0..n) as one book, one chapter each, written to out. */
static int
convert(void *ctx, struct article **arts, int n, FILE *out, const char *name)
{
	struct md2epub *m = ctx;
	struct epub_book *b = epub_book_new();
	for (int i = 0; i < n; i++)
		epub_book_add(b, arts[i]);
	b->cover_src = g_strdup(m->book.cover);
	epub_book_set_meta(b, m->book.any ? &m->book.over : NULL);
	int ok = epub_book_render(b);
	/* the fonts are cut to the rendered pages' characters */
	char *fonts = NULL;
	if (ok)
		ok = epub_fonts_embed(b, &m->style, opt_embed_fonts, &fonts);
	b->css =
	    g_strconcat(m->css, fonts ? fonts : "", m->css_append ? m->css_append : "", NULL);
	g_free(fonts);
	if (ok)
		ok = epub_write(b, out, name);
	epub_book_release_articles(b); /* the driver owns them */
	epub_book_free(b);
	return ok;
}

static void
teardown(void *ctx)
{
	struct md2epub *m = ctx;
	g_free(m->css);
	g_free(m->css_append);
	epub_fonts_free();
	art_style_free(&m->style);
	art_book_free(&m->book);
	xmlCleanupParser();
}

int
main(int argc, char **argv)
{
	struct md2epub m = {0};
	GOptionEntry *book_entries = art_book_entries(&m.bc);
	const struct art_driver d = {
	    .program = "md2epub",
	    .ext = ".epub",
	    .binary = true,
	    .params = "FILE...",
	    .summary = "Convert Markdown articles to an EPUB 3 book.",
	    .description =
	        "One input, or several with -o, make one book (one chapter per\n"
	        "article); several inputs without -o make one EPUB beside each\n"
	        "(or in -O DIR).\n"
	        "Exit status: 0 on success, 1 if a conversion failed, 2 on a usage error.",
	    .book_entries = book_entries,
	    .entries = epub_entries,
	    .ctx = &m,
	    .setup = setup,
	    .convert = convert,
	    .teardown = teardown,
	};
	int rc = art_driver_main(&d, argc, argv);
	g_free(book_entries);
	art_book_cli_free(&m.bc);
	g_free(opt_css);
	g_free(opt_css_append);
	return rc;
}
