/* deps.c - dependency files (-M FILE), as gcc -MD and typst write them: a
 * make rule per output naming every file that output was built from, so
 * that touching an image rebuilds exactly the outputs that show it.
 *
 * Files are recorded where they are read (art_resource_get for images,
 * the converters for style, CSS, metadata and fontconfig files).  Files
 * recorded before the first output begins (a stylesheet, the fontconfig
 * file: read once per run) belong to every output of the run; files
 * recorded between art_deps_output_begin() and _end() to that output only.
 * Recording costs nothing until art_deps_start() turns it on.
 *
 * An image that is referenced but missing is listed too (gcc's -MG), so
 * that creating it later rebuilds the output that shows its placeholder.
 * Make must neither stop on it nor rebuild on every run while it is
 * missing: it gets an empty rule (as -MP gives every dependency) and is
 * named in .SECONDARY, which lets make leave a prerequisite that does not
 * exist alone instead of counting it as just remade. */
#include <string.h>

#include "article.h"

struct dep_set {
	GPtrArray *paths; /* char *, in first-read order */
	GHashTable *seen; /* path -> itself (borrowed from paths) */
};

static struct {
	bool on, in_output;
	char *cwd_prefix; /* "/current/dir/", stripped from paths */
	struct dep_set run, out;
	GHashTable *inputs; /* article files named on the command line */
	GString *rules;     /* finished rules, one per output */
	GPtrArray *phony;   /* char *: every dependency that is no input */
	GHashTable *phony_seen;
	GHashTable *missing; /* paths recorded as missing (owned) */
	GPtrArray *absent;   /* char *: the missing ones some rule names */
	GHashTable *absent_seen;
} deps;

static void
set_init(struct dep_set *s)
{
	s->paths = g_ptr_array_new_with_free_func(g_free);
	s->seen = g_hash_table_new(g_str_hash, g_str_equal);
}

static void
set_free(struct dep_set *s)
{
	if (s->seen)
		g_hash_table_destroy(s->seen);
	if (s->paths)
		g_ptr_array_free(s->paths, TRUE);
	s->seen = NULL;
	s->paths = NULL;
}

static void
set_add(struct dep_set *s, char *path)
{
	if (g_hash_table_contains(s->seen, path)) {
		g_free(path);
		return;
	}
	g_ptr_array_add(s->paths, path);
	g_hash_table_add(s->seen, path);
}

void
art_deps_start(void)
{
	if (deps.on)
		return;
	deps.on = true;
	char *cwd = g_get_current_dir();
	deps.cwd_prefix =
	    g_str_has_suffix(cwd, "/") ? g_strdup(cwd) : g_strconcat(cwd, "/", NULL);
	g_free(cwd);
	set_init(&deps.run);
	set_init(&deps.out);
	deps.inputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	deps.rules = g_string_new(NULL);
	deps.phony = g_ptr_array_new_with_free_func(g_free);
	deps.phony_seen = g_hash_table_new(g_str_hash, g_str_equal);
	deps.missing = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	deps.absent = g_ptr_array_new_with_free_func(g_free);
	deps.absent_seen = g_hash_table_new(g_str_hash, g_str_equal);
}

bool
art_deps_enabled(void)
{
	return deps.on;
}

/* The path as make should see it: relative to the working folder when it
 * lies below it (a press kit's Makefile names "media/x.png", and make
 * matches prerequisites by name), else absolute. */
static char *
display_path(const char *path)
{
	char *abs = g_canonicalize_filename(path, NULL);
	if (g_str_has_prefix(abs, deps.cwd_prefix) && abs[strlen(deps.cwd_prefix)] != '\0') {
		char *rel = g_strdup(abs + strlen(deps.cwd_prefix));
		g_free(abs);
		return rel;
	}
	if (!g_path_is_absolute(path)) {
		g_free(abs);
		return g_strdup(path);
	}
	return abs;
}

void
art_deps_add(const char *path)
{
	if (!deps.on || path == NULL || *path == '\0' || strcmp(path, "-") == 0)
		return;
	set_add(deps.in_output ? &deps.out : &deps.run, display_path(path));
}

void
art_deps_add_missing(const char *path)
{
	if (!deps.on || path == NULL || *path == '\0')
		return;
	g_hash_table_add(deps.missing, display_path(path));
	art_deps_add(path);
}

void
art_deps_add_input(const char *path)
{
	if (!deps.on || path == NULL || strcmp(path, "-") == 0)
		return;
	g_hash_table_add(deps.inputs, display_path(path));
	art_deps_add(path);
}

void
art_deps_output_begin(void)
{
	if (!deps.on)
		return;
	set_free(&deps.out);
	set_init(&deps.out);
	deps.in_output = true;
}

/* Make's special characters in a file name: '$' doubles, blanks and '#'
 * take a backslash. */
static void
append_escaped(GString *s, const char *path)
{
	for (const char *p = path; *p; p++) {
		if (*p == '$')
			g_string_append_c(s, '$');
		else if (*p == ' ' || *p == '\t' || *p == '#')
			g_string_append_c(s, '\\');
		g_string_append_c(s, *p);
	}
}

/* Add path to list once (seen: the same strings, borrowed). */
static void
list_once(GPtrArray *list, GHashTable *seen, const char *path)
{
	if (g_hash_table_contains(seen, path))
		return;
	char *copy = g_strdup(path);
	g_ptr_array_add(list, copy);
	g_hash_table_add(seen, copy);
}

static void
append_dep(GString *rule, const char *path)
{
	g_string_append(rule, " \\\n  ");
	append_escaped(rule, path);
	if (!g_hash_table_contains(deps.inputs, path))
		list_once(deps.phony, deps.phony_seen, path);
	if (g_hash_table_contains(deps.missing, path))
		list_once(deps.absent, deps.absent_seen, path);
}

void
art_deps_output_end(const char *target, bool ok)
{
	if (!deps.on || !deps.in_output)
		return;
	deps.in_output = false;
	if (!ok || target == NULL)
		return;
	char *t = display_path(target);
	append_escaped(deps.rules, t);
	g_free(t);
	g_string_append_c(deps.rules, ':');
	/* The output's own files first (its articles lead), then the run's. */
	for (guint i = 0; i < deps.out.paths->len; i++)
		append_dep(deps.rules, deps.out.paths->pdata[i]);
	for (guint i = 0; i < deps.run.paths->len; i++)
		if (!g_hash_table_contains(deps.out.seen, deps.run.paths->pdata[i]))
			append_dep(deps.rules, deps.run.paths->pdata[i]);
	g_string_append_c(deps.rules, '\n');
}

int
art_deps_write(const char *path, bool phony)
{
	if (!deps.on)
		return 1;
	struct art_output *out = art_output_open(path);
	if (out == NULL)
		return 0;
	GString *text = g_string_new(deps.rules->str);
	for (guint i = 0; i < deps.phony->len; i++) {
		const char *dep = deps.phony->pdata[i];
		if (phony || g_hash_table_contains(deps.absent_seen, dep)) {
			g_string_append_c(text, '\n');
			append_escaped(text, dep);
			g_string_append(text, ":\n");
		}
	}
	if (deps.absent->len > 0) {
		g_string_append(text, "\n.SECONDARY:");
		for (guint i = 0; i < deps.absent->len; i++) {
			g_string_append_c(text, ' ');
			append_escaped(text, deps.absent->pdata[i]);
		}
		g_string_append_c(text, '\n');
	}
	fputs(text->str, out->fp);
	g_string_free(text, TRUE);
	return art_output_commit(out);
}

bool
art_deps_have_rules(void)
{
	return deps.on && deps.rules->len > 0;
}

void
art_deps_free(void)
{
	if (!deps.on)
		return;
	set_free(&deps.run);
	set_free(&deps.out);
	g_hash_table_destroy(deps.inputs);
	g_string_free(deps.rules, TRUE);
	g_hash_table_destroy(deps.phony_seen);
	g_ptr_array_free(deps.phony, TRUE);
	g_hash_table_destroy(deps.missing);
	g_hash_table_destroy(deps.absent_seen);
	g_ptr_array_free(deps.absent, TRUE);
	g_free(deps.cwd_prefix);
	memset(&deps, 0, sizeof deps);
}
