/* cli.c - the options every converter shares, parsed with GLib's
 * GOptionContext (which also writes --help), and the exit-code policy:
 * 0 success, 1 failed conversion (or a warning under --strict), 2 usage. */
#include <stdlib.h>
#include <string.h>

#include "article.h"

static gboolean show_version;

/* The shared entries point into *cli, so they are built per call. */
static GOptionEntry *
shared_entries(struct art_cli *cli)
{
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &cli->output,
	     "Write to FILE (\"-\" for standard output)", "FILE"},
	    {"output-dir", 'O', 0, G_OPTION_ARG_FILENAME, &cli->output_dir,
	     "Write one output per input into DIR (made if missing)", "DIR"},
	    {"lang", 0, 0, G_OPTION_ARG_STRING, &cli->lang,
	     "Language of the text (BCP 47, e.g. zh-CN, en); default: front matter, else "
	     "detected",
	     "LANG"},
	    {"resource-root", 0, 0, G_OPTION_ARG_FILENAME, &cli->resource_root,
	     "Folder that site-absolute image paths (/img/x.png) resolve against; without it "
	     "they are not read",
	     "DIR"},
	    {"resource-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->resource_paths,
	     "Also read images from DIR (repeatable); nothing outside the article's folder "
	     "and these is read",
	     "DIR"},
	    {"allow-any-path", 0, 0, G_OPTION_ARG_NONE, &cli->allow_any_path,
	     "Read any file an article names (absolute paths, ..): for trusted input only",
	     NULL},
	    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &cli->quiet, "Print errors only, no warnings",
	     NULL},
	    {"strict", 0, 0, G_OPTION_ARG_NONE, &cli->strict,
	     "Treat warnings as errors (exit 1, no output)", NULL},
	    {"warning", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cli->warnings,
	     "-Wno-NAME silences warning NAME, -Werror makes warnings errors, "
	     "-Werror=NAME only NAME (names: see the man page, DIAGNOSTICS)",
	     "SPEC"},
	    {"deps", 'M', 0, G_OPTION_ARG_FILENAME, &cli->deps,
	     "Write a make rule listing every file the output is built from to FILE", "FILE"},
	    {"deps-phony", 0, 0, G_OPTION_ARG_NONE, &cli->deps_phony,
	     "With -M: add an empty rule per dependency, so that deleting one does not break "
	     "make (-MP)",
	     NULL},
	    {"deps-target", 0, 0, G_OPTION_ARG_FILENAME, &cli->deps_target,
	     "With -M: name TARGET in the rule instead of the output file (-MT)", "TARGET"},
	    {"max-nesting", 0, 0, G_OPTION_ARG_INT, &cli->max_nesting,
	     "Flatten quotes, lists and emphasis nested deeper than N levels "
	     "(default 64, at most 1000)",
	     "N"},
	    {"no-smart", 0, 0, G_OPTION_ARG_NONE, &cli->no_smart,
	     "Keep straight quotes, -- and ... as typed (no typographic punctuation)", NULL},
	    {"max-input-size", 0, 0, G_OPTION_ARG_INT, &cli->max_input_mb,
	     "Refuse an article larger than N MiB (default 16)", "N"},
	    {"max-image-pixels", 0, 0, G_OPTION_ARG_INT, &cli->max_image_mpx,
	     "Show images of more than N million pixels as placeholders (default 50)", "N"},
	    {"max-image-size", 0, 0, G_OPTION_ARG_INT, &cli->max_image_mb,
	     "Show image files larger than N MiB as placeholders (default 32)", "N"},
	    {"dump-tree", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &cli->dump_tree,
	     "Print the article model instead of converting", NULL},
	    {"version", 'V', 0, G_OPTION_ARG_NONE, &show_version, "Print the version and exit",
	     NULL},
	    {NULL, 0, 0, 0, NULL, NULL, NULL},
	};
	return g_memdup2(entries, sizeof entries);
}

/* GOption reads "-MP" as -M with argument "P": spell gcc's two-letter
 * options long before it sees them.  Everything after "--" is a file. */
static char **
respell_gcc_options(int argc, char **argv)
{
	char **v = g_new0(char *, argc + 1);
	bool files_only = false;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (i > 0 && !files_only && strcmp(a, "--") == 0)
			files_only = true;
		if (i == 0 || files_only)
			v[i] = g_strdup(a);
		else if (strcmp(a, "-MP") == 0)
			v[i] = g_strdup("--deps-phony");
		else if (strcmp(a, "-MT") == 0)
			v[i] = g_strdup("--deps-target");
		else if (strcmp(a, "-MF") == 0)
			v[i] = g_strdup("--deps");
		else if (g_str_has_prefix(a, "-W") && a[2] != '\0')
			v[i] = g_strconcat("--warning=", a + 2, NULL);
		else
			v[i] = g_strdup(a);
	}
	return v;
}

int
art_cli_parse(struct art_cli *cli, int *argc, char ***argv, const GOptionEntry *book,
              const GOptionEntry *extra, const char *params, const char *summary,
              const char *description)
{
	art_diag_set_program(cli->program);
	GOptionContext *ctx = g_option_context_new(params ? params : "FILE...");
	GOptionEntry *shared = shared_entries(cli);
	g_option_context_add_main_entries(ctx, shared, NULL);
	if (book != NULL)
		g_option_context_add_main_entries(ctx, book, NULL);
	if (extra != NULL)
		g_option_context_add_main_entries(ctx, extra, NULL);
	if (summary != NULL)
		g_option_context_set_summary(ctx, summary);
	g_option_context_set_description(
	    ctx,
	    description
	        ? description
	        : "Exit status: 0 on success, 1 if a conversion failed, 2 on a usage error.\n"
	          "Report bugs with the input file attached.");

	/* GOption drops parsed arguments from the array it is given (without
	 * freeing them): give it a view, keep the strings to free. */
	cli->argv_copy = respell_gcc_options(*argc, *argv);
	cli->argv_view = g_memdup2(cli->argv_copy, (gsize)(*argc + 1) * sizeof(char *));
	*argv = cli->argv_view;
	GError *err = NULL;
	int status = ART_EXIT_OK;
	if (!g_option_context_parse(ctx, argc, argv, &err)) {
		fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", cli->program,
		        err->message, cli->program);
		g_error_free(err);
		status = ART_EXIT_USAGE;
	} else if (show_version) {
		printf("%s (mdpress) %s\n", cli->program, MDPRESS_VERSION);
		status = -1;
	} else if (cli->max_nesting < 0 || cli->max_input_mb < 0 || cli->max_image_mpx < 0 ||
	           cli->max_image_mb < 0) {
		fprintf(stderr, "%s: --max-* limits must be 1 or more\n", cli->program);
		status = ART_EXIT_USAGE;
	} else if (*argc < 2) {
		fprintf(stderr,
		        "%s: no input file (use - for standard input)\n"
		        "Try '%s --help' for more information.\n",
		        cli->program, cli->program);
		status = ART_EXIT_USAGE;
	} else {
		cli->ninputs = *argc - 1;
		cli->inputs = g_new0(char *, cli->ninputs + 1);
		for (int i = 0; i < cli->ninputs; i++)
			cli->inputs[i] = g_strdup((*argv)[i + 1]);
		art_diag_set_quiet(cli->quiet);
		art_diag_set_strict(cli->strict);
		for (char **w = cli->warnings; w != NULL && *w != NULL; w++)
			if (!art_diag_option(*w)) {
				fprintf(stderr,
				        "%s: -W%s: no such warning (the man page lists them "
				        "under DIAGNOSTICS)\nTry '%s --help' for more "
				        "information.\n",
				        cli->program, *w, cli->program);
				status = ART_EXIT_USAGE;
			}
		if (cli->deps && status == ART_EXIT_OK)
			art_deps_start();
	}
	g_free(shared);
	g_option_context_free(ctx);
	return status;
}

void
art_cli_free(struct art_cli *cli)
{
	g_free(cli->output);
	g_free(cli->lang);
	g_free(cli->resource_root);
	g_strfreev(cli->resource_paths);
	cli->resource_paths = NULL;
	g_strfreev(cli->inputs);
	g_free(cli->deps);
	g_free(cli->deps_target);
	g_strfreev(cli->warnings);
	cli->warnings = NULL;
	g_free(cli->output_dir);
	g_strfreev(cli->argv_copy);
	g_free(cli->argv_view);
	art_deps_free();
	cli->output = cli->lang = cli->resource_root = cli->deps = cli->deps_target =
	    cli->output_dir = NULL;
	cli->inputs = cli->argv_copy = cli->argv_view = NULL;
	cli->ninputs = 0;
}

struct art_load_opts
art_cli_load_opts(const struct art_cli *cli)
{
	struct art_load_opts opts = {
	    .lang = cli->lang,
	    .no_normalize = false,
	    .resource_root = cli->resource_root,
	    .max_nesting = cli->max_nesting,
	    .max_input_mb = cli->max_input_mb,
	    .max_image_mpx = cli->max_image_mpx,
	    .max_image_mb = cli->max_image_mb,
	    .resource_paths = (const char *const *)cli->resource_paths,
	    .allow_any_path = cli->allow_any_path,
	    .no_smart = cli->no_smart,
	};
	return opts;
}

int
art_cli_write_deps(const struct art_cli *cli)
{
	if (cli->deps == NULL || !art_deps_have_rules())
		return 1;
	return art_deps_write(cli->deps, cli->deps_phony);
}

char *
art_cli_deps_target(const struct art_cli *cli, const char *path, const char *input,
                    const char *ext)
{
	if (cli->deps_target != NULL)
		return g_strdup(cli->deps_target);
	if (path != NULL && strcmp(path, "-") != 0)
		return g_strdup(path);
	return art_default_output(input, ext);
}

int
art_cli_exit_code(void)
{
	return art_diag_worst() == ART_ERROR ? ART_EXIT_FAIL : ART_EXIT_OK;
}

char *
art_default_output(const char *input, const char *ext)
{
	if (input == NULL || g_strcmp0(input, "-") == 0)
		return g_strconcat("stdin", ext, NULL);
	char *dir = g_path_get_dirname(input);
	char *base = g_path_get_basename(input);
	char *dot = strrchr(base, '.');
	if (dot != NULL && dot != base)
		*dot = '\0';
	char *name = g_strconcat(base, ext, NULL);
	char *out = strcmp(dir, ".") == 0 ? g_strdup(name) : g_build_filename(dir, name, NULL);
	g_free(name);
	g_free(base);
	g_free(dir);
	return out;
}
