/* html_elements.c - the one table of HTML elements and what mdpress makes
 * of each.  Raw HTML reaches every output through the model (html*.c turn
 * it into nodes), so this table decides for md2txt, md2epub and md2pdf
 * alike.  A tag whose name is not here is no HTML element: it is text
 * someone typed (<emulator>, <ip-address>), see normalize_html.c. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct html_element {
	const char *name;
	enum html_kind kind;
};

/* Sorted by name for bsearch: the HTML Living Standard's elements, obsolete
 * ones still found in Markdown (center, font, tt...), the svg/math roots.
 * Three a line, by hand, to keep the list scannable. */
/* clang-format off */
static const struct html_element elements[] = {
	{ "a", K_A }, { "abbr", K_UNWRAP }, { "acronym", K_UNWRAP },
	{ "address", K_BLOCK }, { "applet", K_DROP }, { "area", K_SILENT },
	{ "article", K_BLOCK }, { "aside", K_BLOCK }, { "audio", K_DROP },
	{ "b", K_STRONG }, { "base", K_SILENT }, { "basefont", K_SILENT },
	{ "bdi", K_UNWRAP }, { "bdo", K_UNWRAP }, { "big", K_UNWRAP },
	{ "blink", K_UNWRAP }, { "blockquote", K_QUOTE }, { "body", K_BLOCK },
	{ "br", K_BR }, { "button", K_UNWRAP }, { "canvas", K_DROP },
	{ "caption", K_PARA }, { "center", K_BLOCK }, { "cite", K_EMPH },
	{ "code", K_CODE }, { "col", K_SILENT }, { "colgroup", K_SILENT },
	{ "data", K_UNWRAP }, { "datalist", K_SILENT }, { "dd", K_DDESC },
	{ "del", K_STRIKE }, { "details", K_BLOCK }, { "dfn", K_EMPH },
	{ "dialog", K_BLOCK }, { "dir", K_LIST }, { "div", K_BLOCK },
	{ "dl", K_DLIST }, { "dt", K_DTERM }, { "em", K_EMPH },
	{ "embed", K_DROP }, { "fieldset", K_BLOCK }, { "figcaption", K_PARA },
	{ "figure", K_BLOCK }, { "font", K_UNWRAP }, { "footer", K_BLOCK },
	{ "form", K_DROP }, { "frame", K_DROP }, { "frameset", K_DROP },
	{ "h1", K_HEADING }, { "h2", K_HEADING }, { "h3", K_HEADING },
	{ "h4", K_HEADING }, { "h5", K_HEADING }, { "h6", K_HEADING },
	{ "head", K_SILENT }, { "header", K_BLOCK }, { "hgroup", K_BLOCK },
	{ "hr", K_HR }, { "html", K_BLOCK }, { "i", K_EMPH },
	{ "iframe", K_LITERAL }, { "img", K_IMG }, { "input", K_DROP },
	{ "ins", K_UNWRAP }, { "kbd", K_CODE }, { "label", K_UNWRAP },
	{ "legend", K_PARA }, { "li", K_ITEM }, { "link", K_SILENT },
	{ "main", K_BLOCK }, { "map", K_SILENT }, { "mark", K_UNWRAP },
	{ "marquee", K_UNWRAP }, { "math", K_DROP }, { "menu", K_LIST },
	{ "meta", K_SILENT }, { "meter", K_UNWRAP }, { "nav", K_BLOCK },
	{ "nobr", K_UNWRAP }, { "noembed", K_LITERAL }, { "noframes", K_LITERAL },
	{ "noscript", K_SILENT }, { "object", K_DROP }, { "ol", K_LIST },
	{ "optgroup", K_UNWRAP }, { "option", K_UNWRAP }, { "output", K_UNWRAP },
	{ "p", K_PARA }, { "param", K_SILENT }, { "picture", K_UNWRAP },
	{ "plaintext", K_LITERAL }, { "pre", K_PRE }, { "progress", K_UNWRAP },
	{ "q", K_UNWRAP }, { "rb", K_UNWRAP }, { "rp", K_UNWRAP },
	{ "rt", K_UNWRAP }, { "rtc", K_UNWRAP }, { "ruby", K_UNWRAP },
	{ "s", K_STRIKE }, { "samp", K_CODE }, { "script", K_LITERAL },
	{ "search", K_BLOCK }, { "section", K_BLOCK }, { "select", K_UNWRAP },
	{ "slot", K_UNWRAP }, { "small", K_UNWRAP }, { "source", K_SILENT },
	{ "span", K_UNWRAP }, { "strike", K_STRIKE }, { "strong", K_STRONG },
	{ "style", K_LITERAL }, { "sub", K_SUB }, { "summary", K_PARA },
	{ "sup", K_SUP }, { "svg", K_DROP }, { "table", K_TABLE },
	{ "tbody", K_BLOCK }, { "td", K_CELL }, { "template", K_SILENT },
	{ "textarea", K_LITERAL }, { "tfoot", K_BLOCK }, { "th", K_CELL },
	{ "thead", K_BLOCK }, { "time", K_UNWRAP }, { "title", K_LITERAL },
	{ "tr", K_BLOCK }, { "track", K_SILENT }, { "tt", K_CODE },
	{ "u", K_UNWRAP }, { "ul", K_LIST }, { "var", K_UNWRAP },
	{ "video", K_DROP }, { "wbr", K_WBR }, { "xmp", K_LITERAL },
};
/* clang-format on */

static int
element_cmp(const void *key, const void *e)
{
	return g_ascii_strcasecmp(key, ((const struct html_element *)e)->name);
}

static const struct html_element *
find(const char *name)
{
	return bsearch(name, elements, G_N_ELEMENTS(elements), sizeof elements[0], element_cmp);
}

enum html_kind
html_kind_of(const char *name)
{
	const struct html_element *e = find(name);
	return e ? e->kind : K_UNWRAP;
}

bool
art_html_is_element(const char *name)
{
	return find(name) != NULL;
}
