/* normalize_html.c - recognise raw HTML tags whose name is no HTML element.
 *
 * Technical docs write placeholders such as <emulator>, <ip-address> or
 * <kernel version> outside code spans; CommonMark reads them as raw HTML,
 * which every renderer would drop, so the reader would lose words.  Tags
 * that name no HTML, SVG or MathML root element are turned back into text. */
#include "article.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* True when raw HTML s starts with an opening or closing tag whose name is
 * no known element.  Comments, <!DOCTYPE>, <?pi?> and CDATA are not tags. */
bool
art_html_is_unknown_tag(const char *s)
{
	if (!s || s[0] != '<')
		return false;
	const char *p = s + 1;
	if (*p == '/')
		p++;
	if (!g_ascii_isalpha(*p))
		return false;
	char name[32];
	size_t n = 0;
	while (g_ascii_isalnum(*p) || *p == '-') {
		if (n + 1 >= sizeof name)
			return true; /* longer than any element name */
		name[n++] = g_ascii_tolower(*p++);
	}
	name[n] = '\0';
	return !art_html_is_element(name);
}

/* The name of the tag at s ("<name", "</name"), as written, or NULL. */
static char *
tag_name(const char *s)
{
	const char *p = s + 1 + (s[1] == '/');
	const char *e = p;
	while (g_ascii_isalnum(*e) || *e == '-' || *e == '_' || *e == '.' || *e == ':')
		e++;
	return e > p && g_ascii_isalpha(*p) ? g_strndup(p, (gsize)(e - p)) : NULL;
}

/* True when an HTML block is framework markup with nothing to read, such as
 * Vue's "<ClientOnly> <news-newsHeader /> </ClientOnly>": only tags and
 * white space, none an HTML element, each either self-closing, a closing
 * tag, or closed later in the block.  A lone "<emulator>" placeholder is
 * none of these and stays text. */
bool
art_html_is_component_markup(const char *block)
{
	GPtrArray *open = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *closed = g_ptr_array_new_with_free_func(g_free);
	bool ok = block != NULL && *block != '\0';
	for (const char *p = block; ok && *p;) {
		if (g_ascii_isspace(*p)) {
			p++;
			continue;
		}
		const char *gt = *p == '<' ? strchr(p, '>') : NULL;
		char *name = gt ? tag_name(p) : NULL;
		char *lower = name ? g_ascii_strdown(name, -1) : NULL;
		ok = name != NULL && !art_html_is_element(lower);
		if (ok && p[1] == '/')
			g_ptr_array_add(closed, g_strdup(name));
		else if (ok && gt[-1] != '/')
			g_ptr_array_add(open, g_strdup(name));
		g_free(name);
		g_free(lower);
		if (ok)
			p = gt + 1;
	}
	for (guint i = 0; ok && i < open->len; i++) {
		bool found = false;
		for (guint j = 0; !found && j < closed->len; j++)
			found = strcmp(open->pdata[i], closed->pdata[j]) == 0;
		ok = found;
	}
	g_ptr_array_free(open, TRUE);
	g_ptr_array_free(closed, TRUE);
	return ok;
}
