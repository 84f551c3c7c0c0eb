/* driver.c - one run skeleton for md2txt, md2epub and md2pdf: the options,
 * the loop over inputs, the failure policy and the outputs (see struct
 * art_driver in article.h).  Converters only set up, convert one output
 * into a stream, and tear down; everything a user sees about files, exit
 * codes and progress is decided here, once. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "article.h"

static const struct art_pos nopos = {0, 0};

/* One output: the inputs it is made from and where it goes (NULL: stdout). */
struct job {
	char **inputs; /* borrowed from the cli */
	int n;
	char *path;
};

/* One invocation of a tool: its options and jobs, and the tallies for the summary. */
struct batch_run {
	const struct art_driver *d;
	struct art_cli cli;
	struct art_load_opts lopts;
	GPtrArray *jobs;     /* struct job * */
	GHashTable *written; /* output paths of this run, to catch clashes */
	unsigned converted, warned, failed;
	bool progress; /* a progress line on the terminal */
};

static int
usage_error(const struct batch_run *r, const char *msg)
{
	fprintf(stderr, "%s: %s\nTry '%s --help' for more information.\n", r->d->program, msg,
	        r->d->program);
	return ART_EXIT_USAGE;
}

static bool
is_stdio(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0;
}

static void
job_free(gpointer p)
{
	struct job *j = p;
	g_free(j->path);
	g_free(j);
}

static void
add_job(struct batch_run *r, char **inputs, int n, char *path)
{
	struct job *j = g_new0(struct job, 1);
	j->inputs = inputs;
	j->n = n;
	j->path = path;
	g_ptr_array_add(r->jobs, j);
}

/* Where input's own output goes: -O DIR, else beside the input; a text
 * tool's single input (and standard input) go to stdout. */
static char *
output_for(const struct batch_run *r, const char *input)
{
	const struct art_cli *cli = &r->cli;
	if (is_stdio(input))
		return NULL; /* no name to make one from: stdout (md2txt) or refused */
	if (cli->output_dir != NULL) {
		char *base = g_path_get_basename(input);
		char *dot = strrchr(base, '.');
		if (dot != NULL && dot != base)
			*dot = '\0';
		char *name = g_strconcat(base, r->d->ext, NULL);
		char *path = g_build_filename(cli->output_dir, name, NULL);
		g_free(name);
		g_free(base);
		return path;
	}
	if (!r->d->binary && cli->ninputs == 1)
		return NULL;
	return art_default_output(input, r->d->ext);
}

/* Usage checks that need no file: stdin needs a name for a binary
 * output, binary data never goes to a terminal. */
static int
plan(struct batch_run *r)
{
	struct art_cli *cli = &r->cli;
	const struct art_driver *d = r->d;
	if (cli->output != NULL && cli->output_dir != NULL)
		return usage_error(r, "-o and -O cannot be used together");
	if (cli->output != NULL) {
		add_job(r, cli->inputs, cli->ninputs, g_strdup(cli->output));
	} else {
		for (int i = 0; i < cli->ninputs; i++)
			add_job(r, cli->inputs + i, 1, output_for(r, cli->inputs[i]));
	}
	if (cli->dump_tree || !d->binary)
		return ART_EXIT_OK;
	for (guint i = 0; i < r->jobs->len; i++) {
		struct job *j = r->jobs->pdata[i];
		if (cli->output == NULL && is_stdio(j->inputs[0])) {
			char *msg =
			    g_strdup_printf("standard input has no name to make the output's "
			                    "from: give -o FILE (or -o - for standard output)");
			int rc = usage_error(r, msg);
			g_free(msg);
			return rc;
		}
		if (is_stdio(j->path) && isatty(STDOUT_FILENO)) {
			char *kind = g_ascii_strup(d->ext + 1, -1);
			char *msg = g_strdup_printf("will not write %s data to a terminal: "
			                            "redirect standard output or give -o FILE",
			                            kind);
			g_free(kind);
			int rc = usage_error(r, msg);
			g_free(msg);
			return rc;
		}
	}
	return ART_EXIT_OK;
}

/* An output must not replace one of the run's inputs (md2pdf self.pdf)
 * nor the output of an earlier input (a/index.md, b/index.md with -O). */
static bool
output_allowed(struct batch_run *r, const char *path)
{
	if (is_stdio(path))
		return true;
	GStatBuf out;
	bool exists = g_stat(path, &out) == 0;
	if (exists && !S_ISREG(out.st_mode))
		return true; /* a device or pipe: written in place */
	for (int i = 0; exists && i < r->cli.ninputs; i++) {
		GStatBuf in;
		if (!is_stdio(r->cli.inputs[i]) && g_stat(r->cli.inputs[i], &in) == 0 &&
		    in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			art_diag(ART_E_WRITE, NULL, nopos, path,
			         "it is an input file; not replacing it");
			return false;
		}
	}
	char *canon = g_canonicalize_filename(path, NULL);
	if (g_hash_table_contains(r->written, canon)) {
		art_diag(ART_E_WRITE, NULL, nopos, path,
		         "an earlier input of this run was written there");
		g_free(canon);
		return false;
	}
	g_hash_table_add(r->written, canon);
	return true;
}

/* -o report.txt from md2pdf is most likely a slip: say so, write anyway. */
static void
check_extension(const struct batch_run *r, const char *path)
{
	if (is_stdio(path))
		return;
	GStatBuf st;
	if (g_stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return; /* /dev/null, a pipe */
	char *base = g_path_get_basename(path);
	const char *dot = strrchr(base, '.');
	if (dot == NULL || g_ascii_strcasecmp(dot, r->d->ext) != 0)
		art_diag(ART_W_OUTPUT_EXT, NULL, nopos, path, r->d->ext);
	g_free(base);
}

static void
show_progress(struct batch_run *r, guint index, const struct job *j)
{
	if (!r->progress)
		return;
	char *line = g_strdup_printf("[%u/%u] %s", index + 1, r->jobs->len,
	                             is_stdio(j->inputs[0]) ? "<stdin>" : j->inputs[0]);
	art_diag_status(line);
	g_free(line);
}

/* Load, convert and write one output.  Returns 1 when it was written. */
static int
run_job(struct batch_run *r, const struct job *j)
{
	unsigned fatal = art_diag_fatal_count();
	unsigned warnings = art_diag_count(ART_WARNING);
	struct article **arts = g_new0(struct article *, j->n);
	int ok = 1;
	art_deps_output_begin();
	for (int i = 0; i < j->n; i++) {
		art_deps_add_input(j->inputs[i]);
		if ((arts[i] = art_load(j->inputs[i], &r->lopts)) == NULL)
			ok = 0; /* go on: report every input's problems at once */
	}
	if (ok && r->cli.output != NULL)
		check_extension(r, j->path);
	if (ok)
		ok = output_allowed(r, j->path);
	struct art_output *out = NULL;
	if (ok && art_diag_fatal_count() == fatal)
		out = art_output_open(j->path);
	if (out != NULL) {
		const char *name = j->path ? j->path : "<stdout>";
		ok = r->d->convert(r->d->ctx, arts, j->n, out->fp, name);
		if (ok && art_diag_fatal_count() == fatal)
			ok = art_output_commit(out);
		else {
			/* a warning made an error (-Werror=NAME) while converting:
			 * nothing written, so the run failed */
			art_output_abort(out);
			ok = 0;
		}
	}
	ok = ok && out != NULL;
	char *target = art_cli_deps_target(&r->cli, j->path, j->inputs[0], r->d->ext);
	art_deps_output_end(target, ok);
	g_free(target);
	for (int i = 0; i < j->n; i++)
		art_free(arts[i]);
	g_free(arts);
	if (!ok)
		r->failed++;
	else if (art_diag_count(ART_WARNING) > warnings)
		r->warned++, r->converted++;
	else
		r->converted++;
	return ok;
}

/* --dump-tree: the model of each input, to -o or stdout. */
static int
dump_trees(struct batch_run *r)
{
	struct art_output *out = art_output_open(r->cli.output);
	if (out == NULL)
		return ART_EXIT_FAIL;
	int ok = 1;
	for (int i = 0; i < r->cli.ninputs; i++) {
		struct article *a = art_load(r->cli.inputs[i], &r->lopts);
		if (a == NULL) {
			ok = 0;
			continue;
		}
		/* every dump (the tree goldens, the sweeps) checks the tree */
		char *why = r->lopts.no_normalize ? NULL : art_check(a);
		if (why) {
			char *msg = g_strconcat("invalid model tree: ", why, NULL);
			art_diag(ART_E_OUTPUT, a->display_name, (struct art_pos){0, 0}, msg);
			g_free(msg);
			g_free(why);
			ok = 0;
		}
		art_dump(a, out->fp);
		art_free(a);
	}
	ok = ok ? art_output_commit(out) : (art_output_abort(out), 0);
	return ok ? ART_EXIT_OK : ART_EXIT_FAIL;
}

static void
summary(const struct batch_run *r)
{
	if (r->jobs->len < 2 || r->cli.quiet)
		return;
	fprintf(stderr, "%s: %u converted, %u with warnings, %u failed\n", r->d->program,
	        r->converted, r->warned, r->failed);
}

static int
convert_all(struct batch_run *r)
{
	if (r->cli.output_dir != NULL && g_mkdir_with_parents(r->cli.output_dir, 0777) != 0) {
		art_diag(ART_E_WRITE, NULL, nopos, r->cli.output_dir, g_strerror(errno));
		return ART_EXIT_FAIL;
	}
	r->progress = r->jobs->len > 1 && !r->cli.quiet && isatty(STDERR_FILENO);
	for (guint i = 0; i < r->jobs->len; i++) {
		show_progress(r, i, r->jobs->pdata[i]);
		run_job(r, r->jobs->pdata[i]);
	}
	if (r->progress)
		art_diag_status(NULL);
	summary(r);
	if (!art_cli_write_deps(&r->cli))
		r->failed++;
	return r->failed > 0 ? ART_EXIT_FAIL : ART_EXIT_OK;
}

int
art_driver_main(const struct art_driver *d, int argc, char **argv)
{
	struct batch_run r = {.d = d};
	r.cli.program = d->program;
	int rc = art_cli_parse(&r.cli, &argc, &argv, d->book_entries, d->entries, d->params,
	                       d->summary, d->description);
	if (rc != ART_EXIT_OK) {
		art_cli_free(&r.cli);
		return rc < 0 ? ART_EXIT_OK : rc;
	}
	r.lopts = art_cli_load_opts(&r.cli);
	r.jobs = g_ptr_array_new_with_free_func(job_free);
	r.written = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	rc = plan(&r);
	bool set_up = false;
	if (rc == ART_EXIT_OK && d->setup != NULL) {
		unsigned fatal = art_diag_fatal_count();
		rc = d->setup(d->ctx, &r.cli, &r.lopts);
		set_up = true;
		if (rc == ART_EXIT_OK && art_diag_fatal_count() > fatal)
			rc = ART_EXIT_FAIL;
	}
	if (rc == ART_EXIT_OK)
		rc = r.cli.dump_tree ? dump_trees(&r) : convert_all(&r);
	if (set_up && d->teardown != NULL)
		d->teardown(d->ctx);
	g_hash_table_destroy(r.written);
	g_ptr_array_free(r.jobs, TRUE);
	art_cli_free(&r.cli);
	return rc;
}
