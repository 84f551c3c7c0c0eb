/* article.h - the one public header of mdpress's shared article model.
 *
 * Pipeline: art_load() reads a file (or stdin), splits off YAML front matter,
 * parses the Markdown with cmark-gfm into our own tree (struct art_node),
 * then art_normalize() applies the rules every converter shares (segment
 * breaks, language, heading ids, figures, resources).  Converters only ever
 * see the types declared here, never cmark-gfm or libyaml types.
 *
 * Memory: GLib allocators (abort on OOM).  Every string in the model is
 * UTF-8, NUL-terminated and owned by the node or article that holds it.
 */
#ifndef MDPRESS_ARTICLE_H
#define MDPRESS_ARTICLE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define MDPRESS_VERSION "0.1.0"

/* ---------------------------------------------------------------- nodes */

enum art_node_type {
	/* blocks */
	ART_DOCUMENT,
	ART_PARAGRAPH,
	ART_HEADING, /* u.heading */
	ART_BLOCKQUOTE,
	ART_LIST,       /* u.list */
	ART_ITEM,       /* u.item */
	ART_CODE_BLOCK, /* u.code */
	ART_HTML_BLOCK, /* literal: raw HTML source */
	ART_THEMATIC_BREAK,
	ART_TABLE,        /* u.table; children are ART_TABLE_ROW */
	ART_TABLE_ROW,    /* u.row; children are ART_TABLE_CELL */
	ART_TABLE_CELL,   /* u.cell; inline children; alignment is the table's */
	ART_FIGURE,       /* children: one ART_IMAGE, then optional ART_CAPTION */
	ART_CAPTION,      /* inline children */
	ART_FOOTNOTE_DEF, /* u.footnote; block children */
	ART_DEF_LIST,     /* <dl>: children are ART_DEF_TERM and ART_DEF_DESC */
	ART_DEF_TERM,     /* <dt>: inline children */
	ART_DEF_DESC,     /* <dd>: block children */
	/* inlines */
	ART_TEXT,      /* literal */
	ART_SOFTBREAK, /* only before normalisation: art_normalize() turns
	                  each into a space or removes it */
	ART_LINEBREAK,
	ART_CODE,        /* literal */
	ART_HTML_INLINE, /* literal: raw inline HTML tag, e.g. "<br>" */
	ART_EMPH,
	ART_STRONG,
	ART_STRIKE,
	ART_SUPERSCRIPT,  /* <sup> in raw HTML */
	ART_SUBSCRIPT,    /* <sub> in raw HTML */
	ART_LINK,         /* u.link */
	ART_IMAGE,        /* u.image; children are the alt text inlines */
	ART_FOOTNOTE_REF, /* u.footnote */
	ART_NODE__MAX
};

enum art_align { ART_ALIGN_NONE, ART_ALIGN_LEFT, ART_ALIGN_CENTER, ART_ALIGN_RIGHT };

/* Source position, 1-based; line is a line of the .md file (front matter
 * included), col counts bytes like cmark does. 0 = unknown. */
struct art_pos {
	int line;
	int col;
};

struct art_resource;
struct art_footnote;

struct art_node {
	enum art_node_type type;
	struct art_pos pos;
	struct art_node *parent, *first_child, *last_child, *next, *prev;
	char *literal; /* TEXT, CODE, HTML_*, CODE_BLOCK: owned */
	union {
		/* TEXT: one character the source escaped ("\\*", "&ast;"), which
		 * is never markup; set only before normalisation merges text */
		struct {
			bool verbatim;
		} text;
		struct {
			int level;
			char *id;
		} heading; /* id: unique slug */
		struct {
			bool ordered;
			bool tight;
			int start;   /* ordered lists */
			char delim;  /* '.' or ')' */
			char bullet; /* '-', '*', '+' */
		} list;
		struct {
			int task;
		} item; /* -1 none, 0 [ ], 1 [x] */
		struct {
			char *info;
			char fence;
		} code; /* info string or NULL */
		/* aligns[ncols]; nrows and ncols: the grid art_table_grid()
		 * placed the cells on */
		struct {
			int ncols, nrows;
			enum art_align *aligns;
		} table;
		struct {
			bool header;
		} row;
		/* colspan/rowspan >= 1 (1 for Markdown cells; raw HTML tables
		 * may span); a row's cells leave out the columns that spans
		 * from rows above cover.  After normalising, row and col are
		 * the cell's top left slot on the grid and the spans are
		 * clipped to it (art_table_grid()).  header: a <th> cell. */
		struct {
			int colspan, rowspan, row, col;
			bool header;
		} cell;
		struct {
			char *url;
			char *title;
		} link; /* title may be NULL */
		struct {
			char *url;                /* as written */
			char *title;              /* may be NULL */
			struct art_resource *res; /* set by normalise; not owned */
		} image;
		struct {
			char *label; /* [^label] */
			/* 1-based in order of first reference; 0 = never referenced */
			int number;
			struct art_node *def; /* REF: its DEF, or NULL */
		} footnote;
	} u;
};

/* Tree helpers.  art_node_new() returns an unlinked node (owned by caller
 * until appended); art_node_free() frees a node and all its children after
 * unlinking it. */
struct art_node *art_node_new(enum art_node_type type, struct art_pos pos);
void art_node_append(struct art_node *parent, struct art_node *child);
void art_node_insert_before(struct art_node *sibling, struct art_node *node);
void art_node_unlink(struct art_node *node);
void art_node_free(struct art_node *node);
const char *art_node_type_name(enum art_node_type type);
/* Pre-order successor of n within the subtree rooted at top, or NULL at the
 * end; with descend false, n's children are skipped.  Walks without
 * recursion (inputs nest 50000 deep), so every tree walk should use it.
 * Returns non-const like strchr: the caller knows what it passed in. */
struct art_node *art_node_next(const struct art_node *n, const struct art_node *top,
                               bool descend);
/* Concatenated plain text of a node's inline content (alt text, headings,
 * captions).  Softbreaks become spaces.  Returns a new string. */
char *art_node_plain_text(const struct art_node *node);
/* The one child of type t among blank text ("<td> <b>名称</b> </td>", a
 * paragraph that is one image), or NULL. */
struct art_node *art_sole_child(const struct art_node *n, enum art_node_type t);
/* Tables on a grid (common/table_grid.c), the one placement of cells every
 * renderer uses.  art_table_grid() places the cells of table the way HTML
 * does (first column no rowspan from above covers) and stores on the nodes
 * each cell's row and col, its colspan clipped where it would run into a
 * rowspan from above (or past column 1000) and its rowspan clipped to the
 * table's rows; sets nrows and ncols (at least the columns a Markdown
 * table declares; aligns grows with new columns as ART_ALIGN_NONE).
 * art_normalize() runs it on every table; running it again changes
 * nothing.  art_table_slots() returns a new array of nrows x ncols
 * (row-major; only the first max_cols columns when max_cols > 0): the cell
 * covering each slot, NULL where none does (free it with g_free()).  art_table_grid_problem()
 * says why a table's stored grid is not the one art_table_grid() would store, or NULL. */
/* HTML's own colspan limit: no cell reaches past column 1000 (a row of
 * more cells than that still gets a column for each). */
#define ART_TABLE_MAX_COLSPAN 1000
void art_table_grid(struct art_node *table);
const struct art_node **art_table_slots(const struct art_node *table, int max_cols);
const char *art_table_grid_problem(const struct art_node *table);
/* The table's head: its leading header rows, cut back to the last row that
 * no rowspan crosses out of (a browser ends a rowspan with its <thead>;
 * md2pdf repeats these rows on each page). */
int art_table_head_rows(const struct art_node *table);
/* Block or inline, and which types a type may contain: one table,
 * common/node_rules.c. */
bool art_node_is_block(const struct art_node *node);
bool art_node_may_contain(enum art_node_type parent, enum art_node_type child);
/* Verify a tree against that table (each child allowed in its parent,
 * links between nodes consistent, payloads in range); normalized adds what
 * art_normalize() guarantees (no raw HTML, no soft breaks, headings with
 * ids).  Returns NULL when the tree is sound, else a new string naming
 * the first problem ("12:1: paragraph in paragraph: not allowed in its
 * parent").  art_check() is art_check_tree(art->root, true). */
char *art_check_tree(const struct art_node *root, bool normalized);
struct article;
char *art_check(const struct article *art);

/* ---------------------------------------------------------------- metadata */

struct art_meta_extra {
	char *key;
	char *value;        /* scalars as written; sequences joined with ", " */
	struct art_pos pos; /* of the value, for diagnostics */
};

struct art_meta {
	char *title, *subtitle, *date, *category, *summary, *cover, *lang, *identifier;
	GPtrArray *authors;                /* char *; never NULL, may be empty */
	GPtrArray *tags;                   /* char *; tags and keywords merged, never NULL */
	GPtrArray *extra;                  /* struct art_meta_extra *; other keys, in order */
	struct art_pos cover_pos;          /* where banner/cover was given, for diagnostics */
	struct art_pos date_pos, lang_pos; /* where date and lang were given */
};

/* ---------------------------------------------------------------- resources */

enum art_res_status {
	ART_RES_OK,           /* exists, readable, known type */
	ART_RES_MISSING,      /* no such file */
	ART_RES_UNREADABLE,   /* exists but cannot be read / is not a file */
	ART_RES_UNKNOWN_TYPE, /* readable, bytes are no image type we know */
	ART_RES_REMOTE,       /* http(s):// or other URL scheme: never fetched */
	ART_RES_REFUSED,      /* outside the folders the sandbox allows: not read */
};

enum art_image_type {
	ART_IMG_NONE,
	ART_IMG_PNG,
	ART_IMG_JPEG,
	ART_IMG_GIF,
	ART_IMG_SVG,
	ART_IMG_WEBP
};

/* One local (or remote) image, shared by every node that names the same
 * file.  Owned by the article. */
struct art_resource {
	char *src;  /* as first written in the article (URL-decoded) */
	char *path; /* resolved filesystem path, NULL for remote */
	enum art_res_status status;
	enum art_image_type type;
	const char *mime;  /* "image/png"...; NULL unless type known */
	const char *ext;   /* "png", "jpg", ...; NULL unless type known */
	int width, height; /* pixels, 0 if unknown (e.g. some SVG) */
	gint64 size;       /* bytes on disk, -1 if unknown */
	int index;         /* 0-based position in article->resources */
};

const char *art_image_type_mime(enum art_image_type type);

/* Whether an image met in text is an icon ("click ![](gear.svg) to ..."):
 * readable, no taller than ART_ICON_MAX_PX CSS pixels (the DDE guide's
 * buttons are 56-59 px).  md2pdf sets it in the line, md2txt leaves one
 * without alt text out (it is decoration). */
#define ART_ICON_MAX_PX 64
bool art_resource_is_icon(const struct art_resource *res);
/* Whether an image was read and its size is known (it can be laid out). */
bool art_resource_sized(const struct art_resource *res);

/* ---------------------------------------------------------------- article */

struct article {
	char *path;         /* as given on the command line; "-" for stdin */
	char *display_name; /* for diagnostics: path, or "<stdin>" */
	char *dir;          /* folder that relative resources resolve against */
	char *source;       /* whole input, BOM stripped, line ends -> '\n'; owned */
	size_t source_len;
	int body_line; /* 1-based line of the .md where Markdown begins */
	struct art_meta meta;
	char *lang;                 /* effective BCP 47 tag: --lang, meta lang, or detected */
	bool lang_detected;         /* lang came from detection, not given */
	char *date;                 /* meta.date in W3C form (YYYY, YYYY-MM, YYYY-MM-DD),
	                               NULL when absent or no date (then warned) */
	struct art_resource *cover; /* meta.cover resolved, or NULL; not owned */
	struct art_node *root;      /* ART_DOCUMENT */
	const struct art_node *title_heading; /* art_title_heading(), found by
	                         art_normalize(); renderers show it once */
	bool summary_repeated;                /* art_summary_repeated(), set by art_normalize():
	                                         renderers leave out the summary's lead */
	GPtrArray *resources;                 /* struct art_resource *, in first-use order */
	GPtrArray *footnotes;       /* struct art_node * (ART_FOOTNOTE_DEF), by number;
	                               borrowed pointers into root */
	GHashTable *ids;            /* heading/anchor id -> struct art_node *, borrowed */
	GHashTable *links_warned;   /* art_warn_link_outside(): files reported */
	GHashTable *anchors;        /* the other way: block -> GPtrArray of the ids
	                               (keys of ids, sorted) that name it, a heading's
	                               own id left out; renderers put them on the
	                               block.  Set by art_normalize(). */
	char *resource_root;        /* --resource-root, or NULL; owned */
	GHashTable *resource_index; /* resolved path (or URL) -> resource, borrowed */
	bool nesting_warned;        /* art_limit_nesting() has warned once */
	/* the resource sandbox (common/sandbox.c) */
	bool allow_any_path;                      /* --allow-any-path: no sandbox */
	gint64 max_image_pixels, max_image_bytes; /* limits for probing images */
	GPtrArray *allowed_dirs;                  /* char *: real paths files must lie in */
	GPtrArray *search_dirs; /* char *: article folder, then --resource-path */
};

struct art_load_opts {
	const char *lang;          /* --lang override, or NULL */
	bool no_normalize;         /* for --dump-tree of the raw parse */
	bool no_smart;             /* --no-smart: keep straight quotes, "--", "..." */
	const char *resource_root; /* where "/img/x.png" resolves; NULL = refused */
	bool metadata_only;        /* the file is plain YAML metadata (a book.yaml),
	                              read with the front matter rules; no Markdown */
	int max_nesting;           /* --max-nesting; 0 = ART_DEFAULT_MAX_NESTING */
	int max_input_mb;          /* --max-input-size; 0 = default */
	int max_image_mpx;         /* --max-image-pixels; 0 = default */
	int max_image_mb;          /* --max-image-size; 0 = default */
	/* Resource sandbox: images are read only from the article's folder,
	 * these folders (NULL-terminated, may be NULL) and resource_root. */
	const char *const *resource_paths; /* --resource-path DIR, repeatable */
	bool allow_any_path;               /* --allow-any-path: read any file named */
};

/* The first block when it is a level-1 heading repeating the front matter
 * title (blogs often have both), or NULL.  art_normalize() stores it in
 * art->title_heading, which renderers read. */
const struct art_node *art_title_heading(const struct article *art);

/* Whether the opening paragraphs say the front matter summary again (news
 * articles often lead with it): nearly all its words, in order, in text not
 * much longer.  art_normalize() stores it in art->summary_repeated; the
 * renderers then set no lead, the metadata keeps the summary. */
bool art_summary_repeated(const struct article *art);

/* Read, parse and normalise one article.  path "-" reads stdin.  Returns NULL
 * after reporting an error through art_diag (bad UTF-8, bad front matter,
 * unreadable file).  Warnings do not make it fail.  Free with art_free(). */
struct article *art_load(const char *path, const struct art_load_opts *opts);
/* Same, from memory (tests, fuzzing).  name is used in diagnostics and to
 * resolve resources (its folder).  The buffer is copied. */
struct article *art_load_buffer(const char *name, const char *buf, size_t len,
                                const struct art_load_opts *opts);
void art_free(struct article *art);

/* Lower-level steps art_load() runs, exposed for tests. */
/* Split front matter off art->source and fill art->meta; sets body_line.
 * Returns 1 on success, 0 after an error diagnostic. */
int art_frontmatter_parse(struct article *art);
/* Parse all of art->source as a YAML metadata mapping (metadata_only). */
int art_frontmatter_parse_plain(struct article *art);
/* Parse Markdown of art->source from body_line into art->root, with
 * typographic punctuation unless opts->no_smart (opts may be NULL).
 * Returns 1/0. */
int art_markdown_parse(struct article *art, const struct art_load_opts *opts);
/* The shared normalisation pass (see common/normalize.c). */
void art_normalize(struct article *art, const struct art_load_opts *opts);
/* Raw HTML to model nodes (common/html.c, part of art_normalize): each ART_HTML_BLOCK, and the
 * ART_HTML_INLINE tags of a paragraph that pair up, become tables, paragraphs, emphasis, links,
 * images...; <a name>/<a id> anchors go into art->ids; scripts and other
 * active content are dropped with a warning.  Leaves no ART_HTML_* node. */
void art_html_to_model(struct article *art);
/* Resolve an image reference (Markdown or raw <img src>) to a shared resource:
 * found, sniffed and measured once per distinct path.  pos is for the
 * warning when it is missing.  Never NULL. */
struct art_resource *art_resource_get(struct article *art, const char *src, struct art_pos pos);

/* ---------------------------------------------------------------- limits */

/* Limits on hostile input.  Each has a documented default and an option;
 * 0 in the options means the default. */
#define ART_DEFAULT_MAX_NESTING 64   /* levels of quotes, lists, emphasis */
#define ART_MAX_NESTING_CEILING 1000 /* renderers are tested this deep */
#define ART_DEFAULT_MAX_PAGES 2000   /* md2pdf --max-pages */
#define ART_MAX_TABLE_CELLS 200000   /* columns x rows of one Markdown table */
#define ART_MAX_META_BYTES 65536     /* one front matter value (title...) */
#define ART_DEFAULT_MAX_INPUT_MB 16  /* --max-input-size, MiB per article */
#define ART_DEFAULT_MAX_IMAGE_MPX 50 /* --max-image-pixels, million pixels */
#define ART_DEFAULT_MAX_IMAGE_MB 32  /* --max-image-size, MiB per image */

/* src with the delimiter row of every table wider than ART_MAX_TABLE_CELLS
 * escaped (so it reads as text), warning for each; NULL when there is none.
 * line0: the .md line of src's first line. */
char *art_defuse_wide_tables(struct article *art, const char *src, size_t len, int line0);

/* The nesting limit in force for a requested value (0 = default; values
 * above the ceiling are lowered to it). */
int art_max_nesting(int requested);
/* Flatten structure nested deeper than max levels (art_max_nesting(max)):
 * block quotes, lists and emphasis/links past it give way to their
 * contents, with one warning per article.  art_load() runs it after
 * parsing and again after raw HTML became nodes, so renderers may recurse
 * over the tree. */
void art_limit_nesting(struct article *art, int max);

/* For an image not found at missing (an absolute path): the existing file
 * whose name differs only by letter case or by "\" for "/", named relative
 * to base_dir when inside it (common/suggest.c); NULL when there is none.
 * A hint for the warning only: nothing reads that file instead. */
char *art_resource_suggest(const char *missing, const char *base_dir);
/* Same for a file the user named on the command line (--cover, a metadata
 * file's cover): not subject to the article's sandbox. */
struct art_resource *art_resource_get_trusted(struct article *art, const char *path,
                                              struct art_pos pos);
/* The sandbox for art from opts (art_load() calls it). */
void art_sandbox_init(struct article *art, const struct art_load_opts *opts);
/* A local file name (decoded; file_url: from a file: URL) as the path to
 * read, or NULL: missing name, or *refused when the sandbox says no.
 * Returns a new string. */
char *art_sandbox_resolve(struct article *art, const char *file, bool file_url, bool *refused);

/* ---------------------------------------------------------------- facts
 * What an article is, the same in every format (common/facts.c). */

/* A language tag in BCP 47 form ('-' not '_', zh-Hans-CN casing), or NULL
 * when it is not well-formed.  New string. */
char *art_lang_canonical(const char *tag);
/* A front matter date (2020-06-30, 2020/6/30, 2020-06-30 10:00, 2020-06,
 * 2020, July 31, 2022, 31 Jul 2022, 2022年7月31日) in W3C form, or NULL
 * when it is no date.  New string. */
char *art_w3c_date(const char *in);
/* The one time an output may record (PDF dates, EPUB dcterms:modified, zip
 * entry times): SOURCE_DATE_EPOCH, else the date (W3C, may be NULL) at
 * 00:00 UTC, else 1980-01-01; never before 1980 (zip cannot store it),
 * never the clock. */
gint64 art_epoch(const char *w3c_date);
/* The file a relative link names (url as written, e.g. "../b.md#x"), as a
 * canonical path (new string), with *fragment pointing after its '#' (or
 * NULL); NULL for anchors, URLs with a scheme and "//host" links. */
char *art_link_file(const struct article *art, const char *url, const char **fragment);
/* Warn, once per file and article, that the link at pos names a file the
 * output does not contain, so it is kept as text (common/links.c). */
void art_warn_link_outside(const struct article *art, struct art_pos pos, const char *url);
/* art_epoch() formatted with g_date_time_format() in UTC.  New string. */
char *art_epoch_format(const char *w3c_date, const char *format);

/* Write a readable dump of the tree (for tests/regress .tree goldens). */
void art_dump(const struct article *art, FILE *out);

/* ---------------------------------------------------------------- text */

/* Validate UTF-8; on failure returns false and sets *line and *col (1-based,
 * col in bytes) of the first bad byte. */
bool art_utf8_check(const char *buf, size_t len, int *line, int *col);
/* Display columns of a character / string: East Asian Wide and Fullwidth are
 * 2, combining and zero-width 0, everything else 1. */
int art_char_width(gunichar c);
int art_str_width(const char *s, gssize len);
/* True where CSS Text segment-break transformation removes a line break
 * between before and after (lang: the article's language). */
bool art_segment_break_removed(gunichar before, gunichar after, const char *lang);
/* True where a line must not break between before and after although
 * UAX #14 allows it (clreq 3.1.7): inside "——" and "……", between a number
 * and its unit or percent sign ("850万+", "10%+"), inside "->".  Both
 * renderers apply it. */
bool art_no_break_between(gunichar before, gunichar after);
/* UAX #14 LB20a (Unicode 15.1): no break after a hyphen that starts a word
 * ("-c", "--loadbalance", "–H"; hyphens -, ‐, ‑ and the en dash after
 * nothing, a space, CJK text, an opening bracket or quote).  Feed a text's
 * characters in order with where each is (any position the caller counts
 * in): when c is the letter that ends such a run, returns where the run
 * began (no break from there up to c), else -1.  Start from {0}. */
struct art_hyphen_run {
	long start; /* where the open run began, -1 when none */
	gunichar prev;
	bool started;
};
long art_hyphen_run_step(struct art_hyphen_run *r, gunichar c, long at);
/* True where CJK-Latin spacing (CSS text-autospace) puts a gap: between a
 * Han character and a Latin letter or digit, not inside "850万". */
bool art_autospace_between(gunichar before, gunichar after);
/* The same where two inline nodes meet, code_before (code_after) when the
 * text before (after) is a code span's: a code span is a Latin word to the
 * Han text around it whatever its edge characters, so "编辑`/etc/hosts`文件"
 * takes a gap on both sides, not only after the "s". */
bool art_autospace_at(gunichar before, gunichar after, bool code_before, bool code_after);
/* The same inside text: the gap before the character at at, with the text
 * from start before it and NUL-terminated text after it.  A Latin word
 * that begins or ends with punctuation takes the gap there too ("添加
 * --utc 或 -u 参数", "保存在 /etc/locale.conf 文件中", "C/C++ 中"), when it
 * holds a letter or digit. */
bool art_autospace_join(const char *start, const char *at);
/* Han, kana, Hangul or Bopomofo: letters that take CJK rules (no italic,
 * no spaces between them, CJK justification). */
bool art_is_cjk_letter(gunichar c);
/* A CJK letter, or a mark of the CJK punctuation and full-width blocks,
 * whose script is "common" (。，「」（）and the vertical and compatibility
 * forms such as ︱). */
bool art_is_cjk(gunichar c);
/* Full-width punctuation (，。：）「 ...): its glyph carries its own white
 * space, so a space typed beside it shows as a hole. */
bool art_is_fw_punct(gunichar c);
/* s without the ASCII spaces typed before or after full-width punctuation
 * ("默认情况下， date" -> "默认情况下，date"); newly allocated. */
char *art_drop_spaces_by_fw_punct(const char *s);
/* Guess a language tag ("zh", "ja", "ko", "en") from text. */
const char *art_detect_lang(const char *text, gssize len);
/* Heading slug: lower-case, punctuation dropped, spaces to '-', CJK kept. */
char *art_slugify(const char *text);

/* ---------------------------------------------------------------- diagnostics */

enum art_level { ART_NOTE, ART_WARNING, ART_ERROR };

/* Every message mdpress prints comes from this table (common/diag.c). */
enum art_diag_code {
	ART_E_OPEN,               /* cannot open %s: %s */
	ART_E_READ,               /* read error: %s */
	ART_E_UTF8,               /* invalid UTF-8 */
	ART_E_YAML_SYNTAX,        /* front matter: %s */
	ART_E_YAML_TYPE,          /* front matter: '%s' must be %s */
	ART_E_YAML_UNCLOSED,      /* front matter not closed by '---' or '...' */
	ART_E_MARKDOWN,           /* Markdown parser failed */
	ART_E_WRITE,              /* cannot write %s: %s */
	ART_E_OUTPUT,             /* %s (converter-specific failure) */
	ART_E_INPUT_SIZE,         /* input larger than --max-input-size */
	ART_E_PAGES,              /* output longer than %d pages (--max-pages) */
	ART_W_IMAGE_MISSING,      /* image not found: %s */
	ART_W_IMAGE_MISSING_HINT, /* image not found: %s (did you mean %s?) */
	ART_W_IMAGE_UNREADABLE,   /* image unreadable: %s: %s */
	ART_W_IMAGE_TYPE,         /* not an image mdpress can use: %s */
	ART_W_IMAGE_REMOTE,       /* remote image not fetched: %s */
	ART_W_IMAGE_REFUSED,      /* image outside the article's folder not read: %s */
	ART_W_IMAGE_ROOTLESS,     /* absolute image path not read without --resource-root: %s */
	ART_W_FONTS_CONF,         /* font configuration %s: using the system's default fonts */
	ART_W_YAML_KEY,           /* front matter: duplicate key '%s' */
	ART_W_YAML_KEY_TYPE,      /* front matter: key that is not a string skipped */
	ART_W_YAML_DEPTH,         /* front matter: part of '%s' is nested too deep; skipped */
	ART_W_LINK_TARGET,        /* link to unknown anchor: #%s */
	ART_W_FOOTNOTE,           /* footnote [^%s] is never defined */
	ART_W_FOOTNOTE_UNUSED,    /* footnote [^%s] is never referenced: its text is left out */
	ART_W_HTML_DROPPED,       /* raw HTML element dropped: <%s> */
	ART_W_HTML_COMPONENT,     /* component markup with no text dropped: %s */
	ART_W_META_LONG,          /* front matter: '%s' longer than %d bytes; cut */
	ART_W_TABLE_SIZE,         /* table of %d columns x %lld rows shown as text */
	ART_W_IMAGE_SIZE,         /* image too large: %s: ... */
	ART_W_TABLE_COLUMNS,      /* table of %d columns: only the first %d drawn */
	ART_W_NESTING,            /* nesting deeper than %d levels flattened (--max-nesting) */
	ART_W_NESTING_FLAT,       /* nesting deeper than %d levels shown flat in %s */
	ART_W_OUTPUT_EXT,         /* output file %s does not end in %s */
	ART_W_EPUB_IMAGE, /* %s image shown as a placeholder (no EPUB 3 core media type): %s */
	ART_W_EPUB_COVER, /* cover image type cannot be used in EPUB; no cover page */
	ART_W_DATE,       /* front matter: date '%s' is no date (YYYY-MM-DD); left out */
	ART_W_LANG,       /* language '%s' is no BCP 47 tag (like zh-CN); using '%s' */
	ART_W_LINK_OUTSIDE,   /* link to %s, which is not in the output: kept as text */
	ART_W_STYLE_KEY,      /* style: unknown key '%s' ignored */
	ART_W_STYLE_METADATA, /* style: book metadata ... belongs in --metadata; ignored */
	ART_W_EMBED_FONT,     /* font not embedded: %s: %s */
	ART_W_PAGE_LINKS,     /* page %d has more than %d links: the rest are text */
	ART_W_GENERIC,        /* %s  (named "other": give new messages a code of their own) */
	ART_DIAG__MAX
};

/* Print "file:line:col: level: message [-Wname]" (line and col left out
 * when unknown; "prog: level: message" without a file) unless quiet and
 * below error, or silenced by -Wno-NAME.  Records the worst level seen. */
void art_diag(enum art_diag_code code, const char *file, struct art_pos pos, ...);
void art_diag_set_program(const char *name);
void art_diag_set_quiet(bool quiet);
void art_diag_set_strict(bool strict); /* warnings count as errors */
/* One -W option without the "-W": "no-NAME", "error", "error=NAME",
 * "no-error=NAME", "NAME".  False for an unknown warning name. */
bool art_diag_option(const char *spec);
/* The table, for --help lists and tests: name ("missing-image"), message
 * format and level of a code. */
const char *art_diag_name(enum art_diag_code code);
const char *art_diag_format(enum art_diag_code code);
enum art_level art_diag_level(enum art_diag_code code);
/* Worst level so far, after --strict promotion. */
enum art_level art_diag_worst(void);
unsigned art_diag_count(enum art_level level);
void art_diag_reset(void);
/* Diagnostics so far that make an output fail: errors, and warnings made
 * errors (--strict).  The driver compares it before and after an output. */
unsigned art_diag_fatal_count(void);
/* A one-line status on stderr (progress on a terminal): replaced by the
 * next one, erased before any diagnostic is printed; NULL erases it. */
void art_diag_status(const char *text);
/* Capture diagnostics into a string instead of stderr (tests). NULL restores. */
void art_diag_capture(GString *into);

/* ---------------------------------------------------------------- CLI */

/* Options every converter shares.  Converters add their own GOptionEntry
 * arrays; art_cli_parse() handles --help/--version and usage errors. */
struct art_cli {
	const char *program;     /* "md2txt" */
	char *output;            /* -o FILE, or NULL */
	char *lang;              /* --lang */
	char *resource_root;     /* --resource-root DIR */
	gboolean quiet;          /* -q */
	gboolean strict;         /* --strict */
	gboolean dump_tree;      /* --dump-tree (hidden) */
	char **resource_paths;   /* --resource-path DIR, repeatable; owned */
	gboolean allow_any_path; /* --allow-any-path */
	char *output_dir;        /* -O/--output-dir DIR: one output per input in DIR */
	char **warnings;         /* -W options (--warning=SPEC), in order */
	gboolean no_smart;       /* --no-smart */
	char *deps;              /* -M/--deps FILE: write a make dependency file */
	gboolean deps_phony;     /* -MP: a phony target per dependency */
	char *deps_target;       /* -MT TARGET: the rule's target instead of the output */
	char **argv_copy;        /* argv with gcc-style options spelt long; owned */
	char **argv_view;        /* the array GOption rearranges; owned */
	int max_nesting;         /* --max-nesting N (0 = default) */
	int max_input_mb, max_image_mpx, max_image_mb; /* limits, 0 = default */
	char **inputs; /* remaining arguments, NULL-terminated; owned */
	int ninputs;
};

enum { ART_EXIT_OK = 0, ART_EXIT_FAIL = 1, ART_EXIT_USAGE = 2 };

/* Parse argv.  book, extra: the book options and the converter's own
 * entries (either may be NULL).  summary:
 * one line for --help.  Returns ART_EXIT_OK to go on, or an exit code
 * (-1 for "exit 0 now", after --help or --version). */
int art_cli_parse(struct art_cli *cli, int *argc, char ***argv, const GOptionEntry *book,
                  const GOptionEntry *extra, const char *params, const char *summary,
                  const char *description);
void art_cli_free(struct art_cli *cli);
/* Write the -M dependency file when one was asked for and some output was
 * written.  Returns 1, or 0 after an error diagnostic. */
int art_cli_write_deps(const struct art_cli *cli);
/* The target a dependency rule names for output path (NULL = stdout):
 * -MT's, else the path, else the default name beside input. */
char *art_cli_deps_target(const struct art_cli *cli, const char *path, const char *input,
                          const char *ext);
/* Load options derived from the shared CLI flags. */
struct art_load_opts art_cli_load_opts(const struct art_cli *cli);
/* Exit code for the diagnostics seen so far. */
int art_cli_exit_code(void);

/* Atomic output: write to a temporary file in the target's folder, rename on
 * commit, drop on abort.  The temporary file is unnamed (O_TMPFILE) where the
 * file system allows, so that even SIGKILL leaves nothing behind; it is
 * named only for the rename.  path NULL or "-" writes stdout (commit
 * flushes).  A symlink is followed (its target is replaced, the link
 * stays); a device, FIFO or socket (/dev/null, a named pipe) is written in
 * place. */
struct art_output {
	FILE *fp;
	char *path;     /* final path (a symlink's target), NULL for stdout */
	char *tmp_path; /* named temporary file, NULL for stdout, devices and an
	                   unnamed file until commit names it */
	bool unnamed;   /* fp is an O_TMPFILE inode in path's folder */
};
/* Returns NULL after an ART_E_WRITE diagnostic. */
struct art_output *art_output_open(const char *path);
/* Flush, close and rename into place; frees out.  Returns 1/0 (error reported). */
int art_output_commit(struct art_output *out);
/* Close and remove the temporary file; frees out. */
void art_output_abort(struct art_output *out);

/* ---------------------------------------------------------------- the run driver */

/* One run of a converter (common/driver.c): options, the loop over inputs,
 * the failure policy and the outputs are the same for all three tools.
 *  - several inputs with -o: one output made from all of them (a book);
 *  - otherwise one output per input, beside it or in -O DIR, all in one
 *    process; a text tool with one input (or "-") and no -o writes stdout;
 *    a binary tool refuses to guess a name for stdin or to write a terminal;
 *  - an input that fails is reported and the others still convert; an
 *    output with an error (or a warning made fatal) is not written;
 *  - an input file is never overwritten; the exit status is 1 when any
 *    output failed. */
struct art_driver {
	const char *program;                        /* "md2pdf" */
	const char *ext;                            /* ".pdf" */
	bool binary;                                /* output is not text */
	const char *params, *summary, *description; /* for --help */
	const GOptionEntry *book_entries;           /* art_book_entries(), or NULL */
	const GOptionEntry *entries;                /* the converter's own options, or NULL */
	void *ctx;                                  /* passed to the callbacks */
	/* After parsing: check the converter's options (usage error: return
	 * ART_EXIT_USAGE after printing why), set up what every output shares,
	 * adjust the load options.  Returns ART_EXIT_OK to go on.  May be NULL. */
	int (*setup)(void *ctx, const struct art_cli *cli, struct art_load_opts *lopts);
	/* Write arts[0..n) (owned by the driver) as one output to out; name
	 * is for messages.  Returns 1, or 0 after an error diagnostic. */
	int (*convert)(void *ctx, struct article **arts, int n, FILE *out, const char *name);
	/* Release what setup made; runs whenever setup ran.  May be NULL. */
	void (*teardown)(void *ctx);
};

/* The whole program: returns main()'s exit status. */
int art_driver_main(const struct art_driver *d, int argc, char **argv);

/* ---------------------------------------------------------------- dependency files */

/* -M FILE: a make rule per output listing every file it was built from
 * (common/deps.c).  Everything is a no-op until art_deps_start(). */
void art_deps_start(void);
bool art_deps_enabled(void);
/* Record a file that was read.  Before the first art_deps_output_begin()
 * it belongs to every output of the run (stylesheets, fontconfig), after
 * it to the current output only. */
void art_deps_add(const char *path);
/* An article named on the command line: recorded, and never given a
 * phony target (-MP), like gcc's main source file. */
void art_deps_add_input(const char *path);
/* Record an image that is referenced but missing: listed like one that
 * was read, with an empty rule and in .SECONDARY, so that creating it
 * rebuilds the output and make neither stops nor rebuilds while it is
 * missing. */
void art_deps_add_missing(const char *path);
/* The files an SVG image references that librsvg reads (common/svgrefs.c). */
void art_deps_add_svg_refs(const char *svg_path);

/* One chunk of a PNG in memory (common/png_check.c): its type, its body
 * of len bytes. */
struct art_png_chunk {
	const unsigned char *type, *body;
	unsigned len;
};
enum art_png_walk { ART_PNG_CHUNK, ART_PNG_CUT, ART_PNG_DAMAGED };
/* The chunk at *off of the PNG data (len bytes), *off moved past it
 * (ART_PNG_CHUNK); or ART_PNG_CUT when the data ends inside it (or
 * before), ART_PNG_DAMAGED when its length is out of range or its CRC
 * wrong.  Start at 8, past the signature. */
enum art_png_walk art_png_next_chunk(const unsigned char *data, size_t len, size_t *off,
                                     struct art_png_chunk *c);

/* SVG parsed safely (common/svg_read.c): no external entity, DTD or
 * network access, internal entities expanded only when they stay within a
 * budget.  The document (xmlFreeDoc() it), or NULL with *why set (a new
 * string). */
struct _xmlDoc *art_svg_read(const char *data, size_t len, char **why);
/* art_svg_read() on the file at path, for its verdict only. */
bool art_svg_check_file(const char *path, char **why);
void art_deps_output_begin(void);
/* Close the current output's rule; ok false drops it (no output written). */
void art_deps_output_end(const char *target, bool ok);
bool art_deps_have_rules(void);
/* Write every rule (and with phony, "file:" lines) to path atomically. */
int art_deps_write(const char *path, bool phony);
void art_deps_free(void);

/* Named temporary files (art_output's, for the moment they have a name) are
 * removed when SIGINT, SIGTERM, SIGPIPE or SIGHUP ends the process; the
 * first call installs the handlers (a signal ignored at start stays
 * ignored).  No handler runs on SIGKILL or a crash: a temporary file that
 * must not outlive the process has no name (O_TMPFILE, memfd_create).
 * Untrack before freeing path; the table holds its own copy. */
void art_tmpfile_track(const char *path);
void art_tmpfile_untrack(const char *path);

/* Default output name: input with its extension replaced by ext (".pdf"),
 * in the input's folder; "-" input gives "stdin"+ext. */
char *art_default_output(const char *input, const char *ext);

/* ---------------------------------------------------------------- books */

/* The book options md2epub and md2pdf share (common/book.c). */
struct art_book_cli {
	char *title;    /* --title */
	char **authors; /* --author, repeatable; NULL-terminated */
	char *metadata; /* --metadata book.yaml */
	char *cover;    /* --cover IMAGE */
	char *style;    /* --style FILE */
};
/* GOptionEntry array pointing into *bc; g_free() it after parsing. */
GOptionEntry *art_book_entries(struct art_book_cli *bc);
void art_book_cli_free(struct art_book_cli *bc);

/* A book's metadata: book.yaml's, then --title and --author on top. */
struct art_book {
	struct article *meta_art;   /* the loaded book.yaml, or NULL */
	struct art_meta over;       /* overrides; strings borrowed from meta_art
	                               and the options; authors/tags never NULL */
	bool any;                   /* some override was given */
	char *cover;                /* absolute path of the cover image, or NULL */
	GPtrArray *empty, *authors; /* owned arrays over points into */
};
/* Fill b from the options (the metadata file read with the front matter
 * rules).  Returns 1, or 0 after an error diagnostic.  Free with
 * art_book_free() either way; bc must outlive b. */
int art_book_load(struct art_book *b, const struct art_book_cli *bc,
                  const struct art_load_opts *opts);
void art_book_free(struct art_book *b);
/* The title an article goes by in contents lists and outlines: its front
 * matter title, else its first heading, else its file name.  New string. */
char *art_article_title(const struct article *art);

/* ---------------------------------------------------------------- style */

/* The style file md2pdf and md2epub share (common/style.c; the keys and
 * their defaults are docs/style.yaml). */
enum art_style_role { ART_ROLE_BODY, ART_ROLE_HEADING, ART_ROLE_MONO };
struct art_rgb {
	double r, g, b;
};                       /* 0..1 */
struct art_style_sizes { /* points */
	double body;
	double heading[7]; /* [1..6] */
	double title, subtitle, byline;
	double code, table, caption, footnote, footer;
};
struct art_style {
	double paper_w, paper_h; /* mm */
	double margin[4];        /* mm: top, right, bottom, left */
	bool right_hand;         /* each article starts on an odd page */
	/* per role and script ([0] Latin, [1] CJK): a family name, or the
	 * absolute path of a font file; NULL: the built-in faces */
	char *font[3][2];
	struct art_style_sizes size;
	double line_height; /* times the font's; 0 = the font's */
	struct {
		struct art_rgb text, heading, link, header;
	} color;
	double paragraph_spacing, first_line_indent; /* em */
	bool heading_numbers;
	char *header, *footer, *book_header, *book_footer; /* with {fields} */
	char *logo;                                        /* absolute path, or NULL */
	char *contents_title;
	GHashTable *set; /* keys the --style file gave */
};
/* The default style, then path (may be NULL) on top.  Returns 1, or 0
 * after error diagnostics at path:line.  Free with art_style_free(). */
int art_style_load(struct art_style *st, const char *path);
void art_style_free(struct art_style *st);
/* Whether the --style file set key (md2epub writes CSS for those). */
bool art_style_has(const struct art_style *st, const char *key);
/* Paper name or WxH to millimetres; 1/0. */
int art_style_paper(const char *s, double *w, double *h);

#endif
