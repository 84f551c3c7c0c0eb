/* dump.c - art_dump(): a readable, stable dump of the model for
 * --dump-tree and the tests/regress .tree goldens.  One node per line,
 * indented by depth, then metadata and resources. */
#include "article.h"

#include <string.h>

#define MAX_INDENT 40

static void
put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\x%02x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void
put_attr(FILE *out, const char *name, const char *value)
{
	if (!value)
		return;
	fprintf(out, " %s=", name);
	put_quoted(out, value);
}

static const char *const align_names[] = {
    [ART_ALIGN_NONE] = "none",
    [ART_ALIGN_LEFT] = "left",
    [ART_ALIGN_CENTER] = "center",
    [ART_ALIGN_RIGHT] = "right",
};

static void
dump_payload(const struct art_node *n, FILE *out)
{
	switch (n->type) {
	case ART_HEADING:
		fprintf(out, " level=%d", n->u.heading.level);
		put_attr(out, "id", n->u.heading.id);
		break;
	case ART_LIST:
		if (n->u.list.ordered)
			fprintf(out, " ordered start=%d delim=%c", n->u.list.start,
			        n->u.list.delim ? n->u.list.delim : '.');
		else
			fprintf(out, " bullet=%c", n->u.list.bullet ? n->u.list.bullet : '-');
		fputs(n->u.list.tight ? " tight" : " loose", out);
		break;
	case ART_ITEM:
		if (n->u.item.task >= 0)
			fprintf(out, " task=%s", n->u.item.task ? "x" : "-");
		break;
	case ART_CODE_BLOCK:
		put_attr(out, "info", n->u.code.info);
		if (n->u.code.fence)
			fprintf(out, " fence=%c", n->u.code.fence);
		break;
	case ART_TABLE:
		fprintf(out, " cols=%d align=", n->u.table.ncols);
		for (int i = 0; i < n->u.table.ncols; i++) {
			enum art_align al =
			    n->u.table.aligns ? n->u.table.aligns[i] : ART_ALIGN_NONE;
			fprintf(out, "%s%s", i ? "," : "",
			        al <= ART_ALIGN_RIGHT ? align_names[al] : "?");
		}
		break;
	case ART_TABLE_ROW:
		if (n->u.row.header)
			fputs(" header", out);
		break;
	case ART_TABLE_CELL:
		/* spans only come from raw HTML tables; 1 is the common case and
		 * left out so Markdown tables dump as before */
		if (n->u.cell.colspan != 1)
			fprintf(out, " colspan=%d", n->u.cell.colspan);
		if (n->u.cell.rowspan != 1)
			fprintf(out, " rowspan=%d", n->u.cell.rowspan);
		if (n->u.cell.header)
			fputs(" header", out);
		break;
	case ART_LINK:
		put_attr(out, "url", n->u.link.url);
		put_attr(out, "title", n->u.link.title);
		break;
	case ART_IMAGE:
		put_attr(out, "url", n->u.image.url);
		put_attr(out, "title", n->u.image.title);
		if (n->u.image.res)
			fprintf(out, " res=%d", n->u.image.res->index);
		break;
	case ART_FOOTNOTE_DEF:
	case ART_FOOTNOTE_REF:
		put_attr(out, "label", n->u.footnote.label);
		fprintf(out, " number=%d", n->u.footnote.number);
		if (n->type == ART_FOOTNOTE_REF && !n->u.footnote.def)
			fputs(" undefined", out);
		break;
	default:
		break;
	}
	if (n->literal) {
		fputc(' ', out);
		put_quoted(out, n->literal);
	}
}

/* Iterative pre-order walk keeping the depth, so deep trees are safe. */
static void
dump_tree(const struct art_node *root, FILE *out)
{
	const struct art_node *n = root;
	int depth = 0;
	while (n) {
		/* Indentation is capped so that pathological nesting gives a
		 * linear, not quadratic, dump; deeper lines carry their depth. */
		if (depth > MAX_INDENT)
			fprintf(out, "%*s+%d %s", MAX_INDENT * 2, "", depth,
			        art_node_type_name(n->type));
		else
			fprintf(out, "%*s%s", depth * 2, "", art_node_type_name(n->type));
		dump_payload(n, out);
		if (n->pos.line)
			fprintf(out, " @%d:%d", n->pos.line, n->pos.col);
		fputc('\n', out);
		if (n->first_child) {
			n = n->first_child;
			depth++;
			continue;
		}
		while (n && n != root && !n->next) {
			n = n->parent;
			depth--;
		}
		n = (n && n != root) ? n->next : NULL;
	}
}

static void
dump_list(FILE *out, const char *name, const GPtrArray *a)
{
	if (!a || !a->len)
		return;
	fprintf(out, "meta %s", name);
	for (guint i = 0; i < a->len; i++) {
		fputc(' ', out);
		put_quoted(out, a->pdata[i]);
	}
	fputc('\n', out);
}

static void
dump_field(FILE *out, const char *name, const char *value)
{
	if (!value)
		return;
	fprintf(out, "meta %s ", name);
	put_quoted(out, value);
	fputc('\n', out);
}

static const char *const status_names[] = {
    [ART_RES_OK] = "ok",
    [ART_RES_MISSING] = "missing",
    [ART_RES_UNREADABLE] = "unreadable",
    [ART_RES_UNKNOWN_TYPE] = "unknown-type",
    [ART_RES_REMOTE] = "remote",
    [ART_RES_REFUSED] = "refused",
};

void
art_dump(const struct article *art, FILE *out)
{
	const struct art_meta *m = &art->meta;
	if (art->root)
		dump_tree(art->root, out);
	fprintf(out, "body_line %d\n", art->body_line);
	dump_field(out, "title", m->title);
	dump_field(out, "subtitle", m->subtitle);
	dump_list(out, "authors", m->authors);
	dump_field(out, "date", m->date);
	dump_field(out, "category", m->category);
	dump_list(out, "tags", m->tags);
	dump_field(out, "summary", m->summary);
	if (m->cover) {
		fputs("meta cover ", out);
		put_quoted(out, m->cover);
		fprintf(out, " @%d:%d\n", m->cover_pos.line, m->cover_pos.col);
	}
	dump_field(out, "lang", m->lang);
	dump_field(out, "identifier", m->identifier);
	for (guint i = 0; m->extra && i < m->extra->len; i++) {
		const struct art_meta_extra *e = m->extra->pdata[i];
		fputs("meta extra ", out);
		put_quoted(out, e->key);
		fputc(' ', out);
		put_quoted(out, e->value);
		fputc('\n', out);
	}
	if (art->lang)
		fprintf(out, "lang %s%s\n", art->lang, art->lang_detected ? " (detected)" : "");
	for (guint i = 0; art->resources && i < art->resources->len; i++) {
		const struct art_resource *r = art->resources->pdata[i];
		fprintf(out, "resource %d ", r->index);
		put_quoted(out, r->src);
		fprintf(out, " %s",
		        r->status <= ART_RES_REFUSED ? status_names[r->status] : "?");
		if (r->ext)
			fprintf(out, " %s %dx%d", r->ext, r->width, r->height);
		fputc('\n', out);
	}
}
