/* diag.c - every message mdpress prints, from one table, in gcc's form so
 * that editors' default error formats parse it:
 *   "article.md:12:3: warning: image not found: media/x.jpeg [-Wmissing-image]"
 *   "md2pdf: error: cannot write out.pdf: No space left on device"
 * (the program's name only where there is no file).  Each entry has a name:
 * -Wno-NAME silences a warning class, -Werror=NAME makes one fatal,
 * -Werror (--strict) all.  The worst level seen decides the exit status
 * (see art_cli_exit_code). */
#include <stdarg.h>
#include <string.h>

#include "article.h"

struct diag_entry {
	enum art_level level;
	const char *name; /* for -W; several entries may share one */
	const char *format;
};

/* Keep the man pages (DIAGNOSTICS) in step: a unit test checks every entry
 * has a name and a message. */
static const struct diag_entry diag_table[ART_DIAG__MAX] = {
    [ART_E_OPEN] = {ART_ERROR, "open", "cannot open %s: %s"},
    [ART_E_READ] = {ART_ERROR, "read", "read error: %s"},
    [ART_E_UTF8] = {ART_ERROR, "utf8", "invalid UTF-8"},
    [ART_E_YAML_SYNTAX] = {ART_ERROR, "yaml-syntax", "front matter: %s"},
    [ART_E_YAML_TYPE] = {ART_ERROR, "yaml-type", "front matter: '%s' must be %s"},
    [ART_E_YAML_UNCLOSED] = {ART_ERROR, "yaml-unclosed",
                             "front matter not closed by '---' or '...'"},
    [ART_E_MARKDOWN] = {ART_ERROR, "markdown", "Markdown parser failed"},
    [ART_E_WRITE] = {ART_ERROR, "write", "cannot write %s: %s"},
    [ART_E_OUTPUT] = {ART_ERROR, "output", "%s"},
    [ART_E_INPUT_SIZE] = {ART_ERROR, "input-size",
                          "input larger than %d MiB (--max-input-size)"},
    [ART_E_PAGES] = {ART_ERROR, "pages", "output longer than %d pages (--max-pages)"},
    [ART_W_IMAGE_MISSING] = {ART_WARNING, "missing-image", "image not found: %s"},
    [ART_W_IMAGE_MISSING_HINT] = {ART_WARNING, "missing-image",
                                  "image not found: %s (did you mean %s?)"},
    [ART_W_IMAGE_UNREADABLE] = {ART_WARNING, "unreadable-image", "image unreadable: %s: %s"},
    [ART_W_IMAGE_TYPE] = {ART_WARNING, "image-type", "not an image mdpress can use: %s"},
    [ART_W_IMAGE_REMOTE] = {ART_WARNING, "remote-image", "remote image not fetched: %s"},
    [ART_W_IMAGE_REFUSED] = {ART_WARNING, "refused-image",
                             "image outside the article's folder not read: %s (see "
                             "--resource-path, --allow-any-path)"},
    [ART_W_IMAGE_ROOTLESS] = {ART_WARNING, "refused-image",
                              "absolute image path not read without --resource-root: %s"},
    [ART_W_YAML_KEY] = {ART_WARNING, "duplicate-key", "front matter: duplicate key '%s'"},
    [ART_W_YAML_KEY_TYPE] = {ART_WARNING, "yaml-key-type",
                             "front matter: key that is not a string skipped"},
    [ART_W_YAML_DEPTH] = {ART_WARNING, "yaml-depth",
                          "front matter: part of '%s' is nested too deep; skipped"},
    [ART_W_LINK_TARGET] = {ART_WARNING, "unknown-anchor", "link to unknown anchor: #%s"},
    [ART_W_FOOTNOTE] = {ART_WARNING, "undefined-footnote", "footnote [^%s] is never defined"},
    [ART_W_FOOTNOTE_UNUSED] = {ART_WARNING, "unused-footnote",
                               "footnote [^%s] is never referenced: its text is left out"},
    [ART_W_HTML_DROPPED] = {ART_WARNING, "html-dropped", "raw HTML element dropped: <%s>"},
    [ART_W_HTML_COMPONENT] = {ART_WARNING, "component-dropped",
                              "component markup with no text dropped: %s"},
    [ART_W_META_LONG] = {ART_WARNING, "yaml-long",
                         "front matter: '%s' longer than %d bytes; cut there"},
    [ART_W_TABLE_SIZE] =
        {ART_WARNING, "table-size",
         "table of %d columns and %lld rows shown as text (more than %d cells)"},
    [ART_W_TABLE_COLUMNS] = {ART_WARNING, "table-columns",
                             "table of %d columns: only the first %d are drawn"},
    [ART_W_IMAGE_SIZE] = {ART_WARNING, "image-size",
                          "image too large: %s: %s (--max-image-pixels, --max-image-size)"},
    [ART_W_NESTING] = {ART_WARNING, "nesting",
                       "nesting deeper than %d levels flattened (--max-nesting)"},
    [ART_W_NESTING_FLAT] = {ART_WARNING, "nesting",
                            "nesting deeper than %d levels shown flat in %s"},
    [ART_W_OUTPUT_EXT] = {ART_WARNING, "output-extension", "output file %s does not end in %s"},
    [ART_W_FONTS_CONF] = {ART_WARNING, "fonts-config",
                          "font configuration %s: using the system's default fonts"},
    [ART_W_EPUB_IMAGE] = {ART_WARNING, "epub-image-type",
                          "%s image shown as a placeholder (no EPUB 3 core media type): %s"},
    [ART_W_EPUB_COVER] = {ART_WARNING, "epub-image-type",
                          "cover image type cannot be used in EPUB; no cover page"},
    [ART_W_DATE] = {ART_WARNING, "date",
                    "front matter: date '%s' is no date (YYYY-MM-DD); left out"},
    [ART_W_LANG] = {ART_WARNING, "lang",
                    "language '%s' is no BCP 47 tag (like zh-CN); using '%s'"},
    [ART_W_LINK_OUTSIDE] = {ART_WARNING, "link-outside",
                            "link to %s, which is not in the output: kept as text"},
    [ART_W_STYLE_KEY] = {ART_WARNING, "style-key", "style: unknown key '%s' ignored"},
    [ART_W_STYLE_METADATA] =
        {ART_WARNING, "style-metadata",
         "style: book metadata (title, author, date...) belongs in --metadata; ignored"},
    [ART_W_EMBED_FONT] = {ART_WARNING, "embed-font", "font not embedded: %s: %s"},
    [ART_W_PAGE_LINKS] = {ART_WARNING, "page-links",
                          "page %d has more than %d links: the rest are text, not clickable "
                          "(--max-page-links)"},
    [ART_W_GENERIC] = {ART_WARNING, "other", "%s"},
};

static const char *const level_names[] = {
    [ART_NOTE] = "note",
    [ART_WARNING] = "warning",
    [ART_ERROR] = "error",
};

static struct {
	const char *program;
	bool quiet, strict;
	bool off[ART_DIAG__MAX];   /* -Wno-NAME */
	bool fatal[ART_DIAG__MAX]; /* -Werror=NAME */
	unsigned counts[ART_ERROR + 1];
	unsigned promoted; /* warnings printed as errors (-Werror...) */
	GString *capture;
	bool status_shown; /* a progress line is on the terminal */
} diag = {.program = "mdpress"};

const char *
art_diag_name(enum art_diag_code code)
{
	return code < ART_DIAG__MAX ? diag_table[code].name : NULL;
}

const char *
art_diag_format(enum art_diag_code code)
{
	return code < ART_DIAG__MAX ? diag_table[code].format : NULL;
}

enum art_level
art_diag_level(enum art_diag_code code)
{
	return code < ART_DIAG__MAX ? diag_table[code].level : ART_ERROR;
}

/* Set flag[] for every warning called name; false when none is. */
static bool
set_by_name(bool *flag, const char *name, bool value)
{
	bool found = false;
	for (int c = 0; c < ART_DIAG__MAX; c++)
		if (diag_table[c].level == ART_WARNING &&
		    strcmp(diag_table[c].name, name) == 0) {
			flag[c] = value;
			found = true;
		}
	return found;
}

bool
art_diag_option(const char *spec)
{
	if (strcmp(spec, "error") == 0) {
		diag.strict = true;
		return true;
	}
	if (strcmp(spec, "no-error") == 0) {
		diag.strict = false;
		return true;
	}
	if (g_str_has_prefix(spec, "error="))
		return set_by_name(diag.fatal, spec + 6, true);
	if (g_str_has_prefix(spec, "no-error="))
		return set_by_name(diag.fatal, spec + 9, false);
	if (g_str_has_prefix(spec, "no-"))
		return set_by_name(diag.off, spec + 3, true);
	return set_by_name(diag.off, spec, false);
}

void
art_diag_status(const char *text)
{
	if (diag.status_shown)
		fputs("\r\033[K", stderr);
	diag.status_shown = text != NULL;
	if (text != NULL)
		fputs(text, stderr);
	fflush(stderr);
}

unsigned
art_diag_fatal_count(void)
{
	return diag.counts[ART_ERROR] + diag.promoted;
}

void
art_diag_set_program(const char *name)
{
	diag.program = name;
}

void
art_diag_set_quiet(bool quiet)
{
	diag.quiet = quiet;
}

void
art_diag_set_strict(bool strict)
{
	diag.strict = strict;
}

void
art_diag_reset(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(diag.counts); i++)
		diag.counts[i] = 0;
	diag.promoted = 0;
	memset(diag.off, 0, sizeof diag.off);
	memset(diag.fatal, 0, sizeof diag.fatal);
}

void
art_diag_capture(GString *into)
{
	diag.capture = into;
}

unsigned
art_diag_count(enum art_level level)
{
	return diag.counts[level];
}

enum art_level
art_diag_worst(void)
{
	if (diag.counts[ART_ERROR] > 0 || diag.promoted > 0)
		return ART_ERROR;
	if (diag.counts[ART_WARNING] > 0)
		return diag.strict ? ART_ERROR : ART_WARNING;
	return ART_NOTE;
}

void
art_diag(enum art_diag_code code, const char *file, struct art_pos pos, ...)
{
	g_return_if_fail(code >= 0 && code < ART_DIAG__MAX);
	const struct diag_entry *e = &diag_table[code];
	if (e->level == ART_WARNING && diag.off[code])
		return; /* -Wno-NAME: as if it never happened */
	diag.counts[e->level]++;
	bool promoted = e->level == ART_WARNING && (diag.strict || diag.fatal[code]);
	if (promoted)
		diag.promoted++;
	if (diag.quiet && e->level < ART_ERROR && !promoted)
		return;

	/* gcc's form: the location leads; the program only stands in for a
	 * missing file. */
	GString *line = g_string_new(NULL);
	if (file != NULL) {
		g_string_append(line, file);
		if (pos.line > 0) {
			g_string_append_printf(line, ":%d", pos.line);
			if (pos.col > 0)
				g_string_append_printf(line, ":%d", pos.col);
		}
		g_string_append(line, ": ");
	} else {
		g_string_append_printf(line, "%s: ", diag.program);
	}
	g_string_append_printf(line, "%s: ", level_names[promoted ? ART_ERROR : e->level]);
	va_list ap;
	va_start(ap, pos);
	g_string_append_vprintf(line, e->format, ap);
	va_end(ap);
	if (e->level == ART_WARNING)
		g_string_append_printf(line, promoted ? " [-Werror=%s]" : " [-W%s]", e->name);
	g_string_append_c(line, '\n');

	if (diag.capture != NULL) {
		g_string_append_len(diag.capture, line->str, line->len);
	} else {
		if (diag.status_shown) {
			fputs("\r\033[K", stderr);
			diag.status_shown = false;
		}
		fputs(line->str, stderr);
	}
	g_string_free(line, TRUE);
}
