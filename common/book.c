/* book.c - what md2epub and md2pdf share about books: the book options
 * (--metadata, --title, --author, --cover), the book's metadata built from
 * them, and the title an article shows in a contents list or outline. */
#include "article.h"

#include <string.h>

GOptionEntry *
art_book_entries(struct art_book_cli *bc)
{
	GOptionEntry entries[] = {
	    {"title", 0, 0, G_OPTION_ARG_STRING, &bc->title,
	     "Book title (default: the metadata's, else the first article's title)", "TEXT"},
	    {"author", 0, 0, G_OPTION_ARG_STRING_ARRAY, &bc->authors,
	     "Book author; repeat for several (default: the first article's)", "NAME"},
	    {"metadata", 0, 0, G_OPTION_ARG_FILENAME, &bc->metadata,
	     "YAML file with book metadata (title, subtitle, author, date, lang, tags, "
	     "summary, "
	     "cover, identifier)",
	     "FILE"},
	    {"cover", 0, 0, G_OPTION_ARG_FILENAME, &bc->cover,
	     "Cover image (default: the metadata's cover, else the first article's banner)",
	     "IMAGE"},
	    {"style", 0, 0, G_OPTION_ARG_FILENAME, &bc->style,
	     "Style file (YAML: paper, margins, fonts, sizes, colours, header and footer); "
	     "the keys and defaults are in docs/style.yaml",
	     "FILE"},
	    {NULL, 0, 0, 0, NULL, NULL, NULL},
	};
	return g_memdup2(entries, sizeof entries);
}

void
art_book_cli_free(struct art_book_cli *bc)
{
	g_free(bc->title);
	g_free(bc->metadata);
	g_free(bc->cover);
	g_free(bc->style);
	g_strfreev(bc->authors);
	memset(bc, 0, sizeof *bc);
}

int
art_book_load(struct art_book *b, const struct art_book_cli *bc,
              const struct art_load_opts *opts)
{
	memset(b, 0, sizeof *b);
	b->empty = g_ptr_array_new();
	b->authors = g_ptr_array_new();
	b->over.authors = b->over.tags = b->empty;
	if (bc->metadata) {
		struct art_load_opts mo = *opts;
		mo.metadata_only = true;
		art_deps_add(bc->metadata);
		b->meta_art = art_load(bc->metadata, &mo);
		if (!b->meta_art)
			return 0;
		b->over = b->meta_art->meta;
	}
	if (bc->title)
		b->over.title = bc->title;
	if (bc->authors) {
		for (char **p = bc->authors; *p; p++)
			g_ptr_array_add(b->authors, *p);
		b->over.authors = b->authors;
	}
	b->any = b->meta_art || bc->title || bc->authors;
	/* --cover is relative to the working folder, a metadata file's cover
	 * to that file's folder. */
	if (bc->cover) {
		b->cover = g_canonicalize_filename(bc->cover, NULL);
	} else if (b->meta_art && b->meta_art->meta.cover && *b->meta_art->meta.cover) {
		char *dir =
		    g_canonicalize_filename(b->meta_art->dir ? b->meta_art->dir : ".", NULL);
		b->cover = g_canonicalize_filename(b->meta_art->meta.cover, dir);
		g_free(dir);
	}
	return 1;
}

void
art_book_free(struct art_book *b)
{
	if (b->meta_art)
		art_free(b->meta_art);
	if (b->empty)
		g_ptr_array_free(b->empty, TRUE);
	if (b->authors)
		g_ptr_array_free(b->authors, TRUE);
	g_free(b->cover);
	memset(b, 0, sizeof *b);
}

char *
art_article_title(const struct article *art)
{
	if (art->meta.title && *art->meta.title)
		return g_strdup(art->meta.title);
	/* Many articles carry their title only as the first heading. */
	for (const struct art_node *c = art->root ? art->root->first_child : NULL; c;
	     c = c->next)
		if (c->type == ART_HEADING) {
			char *t = g_strstrip(art_node_plain_text(c));
			if (*t)
				return t;
			g_free(t);
			break;
		}
	return g_path_get_basename(art->display_name);
}
