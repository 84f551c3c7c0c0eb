/* main.c - md2txt: Markdown articles to plain text.
 *
 * All inputs are rendered into memory first and written only when every
 * one of them loaded: a failure leaves neither a partial stdout nor a
 * file behind (-o goes through the atomic art_output_* calls). */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdlib.h>
#include <string.h>

#include "txt.h"

/* Written between articles when several are given. */
#define ARTICLE_SEPARATOR_CHAR '~'

int main(int argc, char **argv)
{
	struct art_cli cli = { .program = "md2txt" };
	int width = TXT_DEFAULT_WIDTH;
	const GOptionEntry extra[] = {
		{ "width", 'w', 0, G_OPTION_ARG_INT, &width,
		  "Wrap lines at N display columns (CJK characters count 2; "
		  "default 72, 0 = do not wrap)", "N" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	int rc = art_cli_parse(&cli, &argc, &argv, extra, "FILE...",
	                       "Convert Markdown articles to plain text.",
	                       "Several FILEs are concatenated, separated by a line of '~'.\n"
	                       "FILE - reads standard input.  See md2txt(1).");
	if (rc != ART_EXIT_OK) {
		art_cli_free(&cli);
		return rc < 0 ? ART_EXIT_OK : rc;
	}
	if (width < 0) {
		fprintf(stderr, "md2txt: --width must be 0 or more\n");
		art_cli_free(&cli);
		return ART_EXIT_USAGE;
	}

	static char *const stdin_only[] = { "-", NULL };
	char *const *inputs = cli.ninputs > 0 ? cli.inputs : stdin_only;
	struct art_load_opts lopts = art_cli_load_opts(&cli);
	struct txt_opts topts = { .width = width };
	struct txt *txt = txt_new(&topts);
	GString *text = g_string_new(NULL);
	bool failed = false;
	art_deps_output_begin();
	for (int i = 0; inputs[i]; i++) {
		art_deps_add_input(inputs[i]);
		struct article *art = art_load(inputs[i], &lopts);
		if (!art) {
			failed = true;
			continue;
		}
		if (i > 0) {
			char *sep = g_strnfill(width > 0 ? (gsize)width : TXT_DEFAULT_WIDTH,
			                       ARTICLE_SEPARATOR_CHAR);
			g_string_append_printf(text, "\n%s\n\n", sep);
			g_free(sep);
		}
		if (cli.dump_tree) {
			char *buf = NULL;
			size_t len = 0;
			FILE *mem = open_memstream(&buf, &len);
			if (mem) {
				art_dump(art, mem);
				fclose(mem);
				g_string_append_len(text, buf, (gssize)len);
			}
			free(buf);
		} else {
			txt_render(txt, art, text);
		}
		art_free(art);
	}
	txt_free(txt);

	bool written = false;
	if (!failed && art_cli_exit_code() == ART_EXIT_OK) {
		struct art_output *out = art_output_open(cli.output);
		if (out) {
			fwrite(text->str, 1, text->len, out->fp);
			if (ferror(out->fp)) {
				art_diag(ART_E_WRITE, NULL, (struct art_pos){ 0, 0 },
				         cli.output ? cli.output : "<stdout>", "write failed");
				art_output_abort(out);
			} else {
				written = art_output_commit(out);
			}
		}
	}
	char *target = art_cli_deps_target(&cli, cli.output, inputs[0], ".txt");
	art_deps_output_end(target, written && !cli.dump_tree);
	g_free(target);
	if (!art_cli_write_deps(&cli))
		failed = true;
	rc = failed ? ART_EXIT_FAIL : art_cli_exit_code();
	if (rc == ART_EXIT_OK && failed)
		rc = ART_EXIT_FAIL;
	g_string_free(text, TRUE);
	art_cli_free(&cli);
	txt_line_breaks_free();
	return rc;
}
