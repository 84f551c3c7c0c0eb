/* main.c - md2txt: Markdown articles to plain text.
 *
 * The run (inputs, outputs, failures) is common/driver.c's; this file
 * renders one output: the articles in sequence, separated by a line of
 * '~' when several go into one file (-o). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "txt.h"

/* Written between articles when several are given. */
#define ARTICLE_SEPARATOR_CHAR '~'

struct md2txt {
	int width;
	gboolean autospace;
	struct txt *txt;
};

static int
setup(void *ctx, const struct art_cli *cli, struct art_load_opts *lopts)
{
	struct md2txt *m = ctx;
	(void)cli;
	(void)lopts;
	if (m->width < 0) {
		fprintf(stderr, "md2txt: --width must be 0 or more\n");
		return ART_EXIT_USAGE;
	}
	struct txt_opts topts = {.width = m->width, .autospace = m->autospace};
	m->txt = txt_new(&topts);
	return ART_EXIT_OK;
}

static int
convert(void *ctx, struct article **arts, int n, FILE *out, const char *name)
{
	struct md2txt *m = ctx;
	GString *text = g_string_new(NULL);
	for (int i = 0; i < n; i++) {
		if (i > 0) {
			char *sep =
			    g_strnfill(m->width > 0 ? (gsize)m->width : TXT_DEFAULT_WIDTH,
			               ARTICLE_SEPARATOR_CHAR);
			g_string_append_printf(text, "\n%s\n\n", sep);
			g_free(sep);
		}
		txt_render(m->txt, arts[i], text);
	}
	int ok = fwrite(text->str, 1, text->len, out) == text->len;
	if (!ok)
		art_diag(ART_E_WRITE, NULL, (struct art_pos){0, 0}, name, g_strerror(errno));
	g_string_free(text, TRUE);
	return ok;
}

static void
teardown(void *ctx)
{
	struct md2txt *m = ctx;
	txt_free(m->txt);
	txt_line_breaks_free();
}

int
main(int argc, char **argv)
{
	struct md2txt m = {.width = TXT_DEFAULT_WIDTH};
	const GOptionEntry extra[] = {
	    {"width", 'w', 0, G_OPTION_ARG_INT, &m.width,
	     "Wrap lines at N display columns (CJK characters count 2; "
	     "default 72, 0 = do not wrap)",
	     "N"},
	    {"autospace", 0, 0, G_OPTION_ARG_NONE, &m.autospace,
	     "Put a space between Han characters and Latin letters or digits "
	     "where none was typed",
	     NULL},
	    {NULL, 0, 0, 0, NULL, NULL, NULL},
	};
	const struct art_driver d = {
	    .program = "md2txt",
	    .ext = ".txt",
	    .binary = false,
	    .params = "FILE...",
	    .summary = "Convert Markdown articles to plain text.",
	    .description =
	        "One FILE (or -) goes to standard output; several FILEs give FILE.txt\n"
	        "beside each (or in -O DIR); with -o they go into one file, separated\n"
	        "by a line of '~'.  See md2txt(1).",
	    .entries = extra,
	    .ctx = &m,
	    .setup = setup,
	    .convert = convert,
	    .teardown = teardown,
	};
	return art_driver_main(&d, argc, argv);
}
