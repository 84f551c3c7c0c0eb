/* diag.c - every message mdpress prints, from one table, compiler style:
 * "md2pdf: article.md:12:3: warning: image not found: media/x.jpeg".
 * The worst level seen decides the exit status (see art_cli_exit_code). */
#include <stdarg.h>

#include "article.h"

struct diag_entry {
	enum art_level level;
	const char *format;
};

static const struct diag_entry diag_table[ART_DIAG__MAX] = {
	[ART_E_OPEN]             = { ART_ERROR,   "cannot open %s: %s" },
	[ART_E_READ]             = { ART_ERROR,   "read error: %s" },
	[ART_E_UTF8]             = { ART_ERROR,   "invalid UTF-8" },
	[ART_E_YAML_SYNTAX]      = { ART_ERROR,   "front matter: %s" },
	[ART_E_YAML_TYPE]        = { ART_ERROR,   "front matter: '%s' must be %s" },
	[ART_E_YAML_UNCLOSED]    = { ART_ERROR,   "front matter not closed by '---' or '...'" },
	[ART_E_MARKDOWN]         = { ART_ERROR,   "Markdown parser failed" },
	[ART_E_WRITE]            = { ART_ERROR,   "cannot write %s: %s" },
	[ART_E_OUTPUT]           = { ART_ERROR,   "%s" },
	[ART_E_PAGES]            = { ART_ERROR,   "output longer than %d pages (--max-pages)" },
	[ART_W_IMAGE_MISSING]    = { ART_WARNING, "image not found: %s" },
	[ART_W_IMAGE_UNREADABLE] = { ART_WARNING, "image unreadable: %s: %s" },
	[ART_W_IMAGE_TYPE]       = { ART_WARNING, "not an image mdpress can use: %s" },
	[ART_W_IMAGE_REMOTE]     = { ART_WARNING, "remote image not fetched: %s" },
	[ART_W_FONTS_CONF]       = { ART_WARNING, "font configuration %s: using the system's default fonts" },
	[ART_W_YAML_KEY]         = { ART_WARNING, "front matter: duplicate key '%s'" },
	[ART_W_LINK_TARGET]      = { ART_WARNING, "link to unknown anchor: #%s" },
	[ART_W_FOOTNOTE]         = { ART_WARNING, "footnote [^%s] is never defined" },
	[ART_W_FOOTNOTE_UNUSED]  = { ART_WARNING, "footnote [^%s] is never referenced: its text is left out" },
	[ART_W_HTML_DROPPED]     = { ART_WARNING, "raw HTML element dropped: <%s>" },
	[ART_W_HTML_COMPONENT]   = { ART_WARNING, "component markup with no text dropped: %s" },
	[ART_W_NESTING]          = { ART_WARNING, "nesting deeper than %d levels flattened (--max-nesting)" },
	[ART_W_OUTPUT_EXT]       = { ART_WARNING, "output file %s does not end in %s" },
	[ART_W_GENERIC]          = { ART_WARNING, "%s" },
};

static const char *const level_names[] = {
	[ART_NOTE] = "note", [ART_WARNING] = "warning", [ART_ERROR] = "error",
};

static struct {
	const char *program;
	bool quiet, strict;
	unsigned counts[ART_ERROR + 1];
	GString *capture;
	bool status_shown;      /* a progress line is on the terminal */
} diag = { .program = "mdpress" };

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
	return diag.counts[ART_ERROR] + (diag.strict ? diag.counts[ART_WARNING] : 0);
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
	if (diag.counts[ART_ERROR] > 0)
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
	diag.counts[e->level]++;
	if (diag.quiet && e->level < ART_ERROR && !diag.strict)
		return;

	GString *line = g_string_new(NULL);
	g_string_append_printf(line, "%s: ", diag.program);
	if (file != NULL) {
		g_string_append(line, file);
		if (pos.line > 0) {
			g_string_append_printf(line, ":%d", pos.line);
			if (pos.col > 0)
				g_string_append_printf(line, ":%d", pos.col);
		}
		g_string_append(line, ": ");
	}
	enum art_level shown = (diag.strict && e->level == ART_WARNING) ? ART_ERROR : e->level;
	g_string_append_printf(line, "%s: ", level_names[shown]);
	va_list ap;
	va_start(ap, pos);
	g_string_append_vprintf(line, e->format, ap);
	va_end(ap);
	g_string_append_c(line, '\n');

	if (diag.capture != NULL)
		g_string_append_len(diag.capture, line->str, line->len);
	else {
		if (diag.status_shown) {
			fputs("\r\033[K", stderr);
			diag.status_shown = false;
		}
		fputs(line->str, stderr);
	}
	g_string_free(line, TRUE);
}
