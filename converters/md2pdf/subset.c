/* subset.c - subsets of the CJK faces, made with HarfBuzz, one per run.
 *
 * cairo 1.16 embeds a CFF face by copying every local subroutine of each
 * font dict it touches (Noto CJK: ~0.5 MB per face however short the text)
 * and reads the whole CFF table (~16 MB) of each face to do so.  The model
 * holds all of a document's text before layout, so before the first layout
 * we cut each CJK face md2pdf will use down to the document's characters
 * with hb-subset, charstrings desubroutinized, layout tables kept (same
 * shaping: locl, kern, ...) and the name table kept (same PostScript name
 * in the PDF).  The subset goes to an unnamed file in memory (memfd) that
 * fontconfig adds as an application font by its /proc/self/fd path, with
 * its own family ("mdpress subset serif-regular") that the role asks for
 * first.  fontconfig, FreeType (through cairo) and HarfBuzz (through
 * pango) open that path like any file while the descriptor is open, and
 * no file is left in TMPDIR however the process ends (SIGKILL, a crash).
 * Characters the subset lacks fall back to the role's usual faces, so a
 * missed character costs bytes, never a glyph.
 *
 * One subset serves every document of a run (md2pdf -O DIR a.md b.md ...):
 * cut once for the characters of all the input files, recut only when a
 * document needs a character or a face it lacks.  Cutting a subset and
 * loading its glyphs again for each document was most of a batch's time.
 * cairo embeds in each PDF only the glyphs it draws, so the PDF is the same
 * whatever else the run's subset holds, but for the subset tags in its font
 * names, which fonttags.c rewrites: a document comes out byte for byte the
 * same alone or in a batch.  A recut subset gets a new descriptor (faces
 * already loaded keep their mapping of the old one); the descriptors are
 * closed when the run ends.
 */
#define _GNU_SOURCE /* memfd_create, O_TMPFILE, F_DUPFD_CLOEXEC */
#include "fontsubset.h"
#include "pdf.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* The faces that get a subset: the roles and weights md2pdf asks for (body
 * text is regular serif, strong text in it bold serif; headings and table
 * headers are bold sans).  Serif bold only when an article has strong text.
 * Mono is not subset: DejaVu Sans Mono draws code, the CJK mono face only
 * its rare Han characters. */
static const struct {
	enum pdf_font role;
	bool bold;
	const char *tag;
} sub_faces[] = {
    {PDF_SERIF, false, "serif-regular"},
    {PDF_SANS, true, "sans-bold"},
    {PDF_SERIF, true, "serif-bold"},
};

#define SUB_PREFIX "mdpress-subset-"
#define SUB_FAMILY "mdpress subset "

/* fontconfig rules for the subsets: at match time the family "mdpress
 * subset TAG" goes first even when a regional rule of fonts.conf prepended
 * its face (the subset was cut from that face).  The subset gets that
 * family when it is added (add_subset_font). */
int
pdf_subset_add_rules(FcConfig *fc)
{
	GString *x = g_string_new("<?xml version=\"1.0\"?>\n<fontconfig>\n");
	for (size_t i = 0; i < G_N_ELEMENTS(sub_faces); i++) {
		const char *t = sub_faces[i].tag;
		g_string_append_printf(
		    x,
		    "<match target=\"pattern\"><test name=\"family\"><string>" SUB_FAMILY
		    "%s</string></test>"
		    "<edit name=\"family\" mode=\"prepend_first\" binding=\"strong\">"
		    "<string>" SUB_FAMILY "%s</string></edit></match>\n",
		    t, t);
	}
	g_string_append(x, "</fontconfig>\n");
	int ok = FcConfigParseAndLoadFromMemory(fc, (const FcChar8 *)x->str, FcTrue);
	g_string_free(x, TRUE);
	return ok;
}

static void
add_utf8(hb_set_t *set, const char *s)
{
	if (!s)
		return;
	/* most characters are ASCII or repeat the one before (CJK text
	 * less so): those skip HarfBuzz's set, 40% of this scan's time */
	guint64 ascii[2] = {0, 0};
	gunichar last = 0;
	while (*s) {
		unsigned char b = (unsigned char)*s;
		if (b < 0x80) {
			ascii[b >> 6] |= (guint64)1 << (b & 63);
			s++;
			continue;
		}
		gunichar c = g_utf8_get_char_validated(s, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			s++;
			continue;
		}
		if (c != last)
			hb_set_add(set, c);
		last = c;
		s = g_utf8_next_char(s);
	}
	for (unsigned c = 1; c < 128; c++)
		if (ascii[c >> 6] >> (c & 63) & 1)
			hb_set_add(set, c);
}

static void
add_strings(hb_set_t *set, const GPtrArray *a)
{
	for (guint i = 0; a && i < a->len; i++)
		add_utf8(set, a->pdata[i]);
}

/* The characters any document may show besides its source's: ASCII,
 * md2pdf's own (em dash for empty outline titles, bullets, task boxes,
 * zero-width space, the middle dot of the byline, line separator) and
 * smart punctuation's quotes, dashes and ellipsis. */
static void
add_own(hb_set_t *set)
{
	hb_set_add_range(set, 0x20, 0x7e);
	static const hb_codepoint_t own[] = {0x2014, 0x2022, 0x25e6, 0x25aa, 0x2610, 0x2611,
	                                     0x200b, 0x00b7, 0x2028, 0x00a0, 0x2013, 0x2018,
	                                     0x2019, 0x201c, 0x201d, 0x2026};
	for (size_t i = 0; i < G_N_ELEMENTS(own); i++)
		hb_set_add(set, own[i]);
}

/* Whether strong text n sits in a block set in a regular weight (not a
 * heading or a table header, which are bold sans already). */
static bool
in_regular_block(const struct art_node *n)
{
	for (const struct art_node *a = n->parent; a; a = a->parent) {
		if (a->type == ART_HEADING)
			return false;
		if (a->type == ART_TABLE_CELL)
			return !a->u.cell.header && !(a->parent && a->parent->u.row.header);
		if (art_node_is_block(a))
			return true;
	}
	return true;
}

/* Every character the document may draw: the source, the decoded text of
 * the model (entities, YAML escapes, raw HTML), and md2pdf's own strings. */
static void
collect(hb_set_t *set, const struct article *art, bool *strong)
{
	add_own(set);
	add_utf8(set, art->source);
	const struct art_meta *m = &art->meta;
	add_utf8(set, m->title);
	add_utf8(set, m->subtitle);
	add_utf8(set, m->date);
	add_utf8(set, m->summary);
	add_utf8(set, m->category);
	add_strings(set, m->authors);
	add_strings(set, m->tags);
	add_utf8(set, art->display_name);
	for (guint i = 0; art->resources && i < art->resources->len; i++)
		add_utf8(set, ((struct art_resource *)art->resources->pdata[i])->src);
	for (const struct art_node *n = art->root; n; n = art_node_next(n, art->root, true)) {
		switch (n->type) {
		case ART_LINK:
			add_utf8(set, n->u.link.url);
			add_utf8(set, n->u.link.title);
			break;
		case ART_IMAGE:
			add_utf8(set, n->u.image.url);
			add_utf8(set, n->u.image.title);
			break;
		case ART_FOOTNOTE_REF:
		case ART_FOOTNOTE_DEF:
			add_utf8(set, n->u.footnote.label);
			break;
		case ART_STRONG:
			*strong |= in_regular_block(n);
			break;
		default:
			break;
		}
		add_utf8(set, n->literal);
	}
}

/* A descriptor number no earlier subset of this process had.  cairo keys
 * the FreeType faces it keeps (also after pango dropped them, in its
 * cache of recently used fonts) by file name: a new subset behind a reused
 * /proc/self/fd/N would be drawn with the old one's glyphs.  Numbers count
 * up from SUB_FD_FIRST and start over only past SUB_FD_LAST or the
 * descriptor limit, long after cairo has let the old faces go.  Returns
 * the new descriptor (fd is closed), or -1. */
#define SUB_FD_FIRST 64
#define SUB_FD_LAST 4096 /* the kernel's table of descriptors grows to the highest */
static int
fresh_fd(int fd)
{
	static int next = SUB_FD_FIRST;
	struct rlimit lim;
	if (next >= SUB_FD_LAST ||
	    (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY &&
	     (rlim_t)next >= lim.rlim_cur))
		next = SUB_FD_FIRST;
	int nfd = fcntl(fd, F_DUPFD_CLOEXEC, next);
	if (nfd < 0 && next != SUB_FD_FIRST)
		nfd = fcntl(fd, F_DUPFD_CLOEXEC, SUB_FD_FIRST);
	close(fd);
	if (nfd >= 0)
		next = nfd + 1;
	return nfd;
}

/* An unnamed file for a subset: in memory (memfd), else an O_TMPFILE inode
 * in TMPDIR (a kernel or sandbox without memfd_create); -1 if neither. */
static int
open_unnamed(const char *tag)
{
	char *name = g_strconcat(SUB_PREFIX, tag, NULL); /* shown in /proc/PID/fd */
	int fd = memfd_create(name, MFD_CLOEXEC);
	g_free(name);
#ifdef O_TMPFILE
	if (fd < 0)
		fd = open(g_get_tmp_dir(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
	return fd;
}

/* Subset face (file, index) to the characters in set, into a new unnamed
 * file; returns its descriptor and sets *path to the name fontconfig,
 * FreeType and HarfBuzz open it by, or -1 (not a CFF face, or any
 * failure: the role then keeps the system face). */
static int
make_subset(const char *file, int index, const hb_set_t *set, const char *tag, char **path)
{
	hb_blob_t *out = art_font_subset(file, index, set, true, NULL);
	unsigned len = 0;
	const char *data = out ? hb_blob_get_data(out, &len) : NULL;
	int fd = len ? open_unnamed(tag) : -1;
	bool ok = fd >= 0;
	for (unsigned off = 0; ok && off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		ok = w > 0;
		off += ok ? (unsigned)w : 0;
	}
	hb_blob_destroy(out);
	if (ok && (fd = fresh_fd(fd)) >= 0) {
		*path = g_strdup_printf("/proc/self/fd/%d", fd);
		if (access(*path, R_OK) == 0) /* /proc is mounted */
			return fd;
		g_free(*path);
		*path = NULL;
	}
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Add the subset at path as an application font named family (fontconfig
 * gives it the family of the face it was cut from).  Returns whether it
 * is there under that name. */
static bool
add_subset_font(const char *path, const char *family)
{
	if (!FcConfigAppFontAddFile(NULL, (const FcChar8 *)path))
		return false;
	bool named = false;
	FcFontSet *fs = FcConfigGetFonts(NULL, FcSetApplication);
	for (int i = 0; fs && i < fs->nfont; i++) {
		FcChar8 *f;
		if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &f) == FcResultMatch &&
		    !strcmp((const char *)f, path)) {
			FcPatternDel(fs->fonts[i], FC_FAMILY);
			named = FcPatternAddString(fs->fonts[i], FC_FAMILY,
			                           (const FcChar8 *)family);
		}
	}
	return named;
}

/* The run's subsets, one per entry of sub_faces. */
struct pdf_subsets {
	hb_set_t *inputs; /* every character of the run's input files */
	struct run_subset {
		char *face; /* the face it was cut from: file and index */
		int index;
		hb_set_t *chars; /* the characters it was cut for */
		int fd;          /* the unnamed file holding it; -1: none */
		char *path;      /* /proc/self/fd/N; NULL: none */
		char *family;    /* family list asking for it first */
	} sub[G_N_ELEMENTS(sub_faces)];
	GPtrArray *app_fonts; /* other application fonts (a style's files) */
};

static struct pdf_subsets *
subsets(struct pdf_run *r)
{
	if (!r->subsets) {
		r->subsets = g_new0(struct pdf_subsets, 1);
		r->subsets->inputs = hb_set_create();
		r->subsets->app_fonts = g_ptr_array_new_with_free_func(g_free);
	}
	return r->subsets;
}

void
pdf_fonts_app_font(struct pdf_run *r, const char *file)
{
	g_ptr_array_add(subsets(r)->app_fonts, g_strdup(file));
}

void
pdf_fonts_prescan(struct pdf_run *r, char *const *inputs, int n)
{
	struct pdf_subsets *ss = subsets(r);
	add_own(ss->inputs);
	for (int i = 0; n > 1 && i < n; i++) {
		add_utf8(ss->inputs, inputs[i]); /* file names show in titles */
		/* regular files within the input limit only: a pipe read here
		 * would be empty for art_load(); standard input, unreadable
		 * and oversized files are the driver's to report, and a
		 * document's own characters are added when it comes */
		GStatBuf st;
		if (!strcmp(inputs[i], "-") || g_stat(inputs[i], &st) != 0 ||
		    !S_ISREG(st.st_mode) ||
		    st.st_size > (goffset)ART_DEFAULT_MAX_INPUT_MB << 20)
			continue;
		char *text = NULL;
		if (g_file_get_contents(inputs[i], &text, NULL, NULL))
			add_utf8(ss->inputs, text);
		g_free(text);
	}
}

static void
drop_file(struct run_subset *r)
{
	if (!r->path)
		return;
	close(r->fd);
	g_free(r->path);
	r->path = NULL;
}

static void
run_subset_clear(struct run_subset *r)
{
	drop_file(r);
	g_free(r->face);
	g_free(r->family);
	if (r->chars)
		hb_set_destroy(r->chars);
	memset(r, 0, sizeof *r);
}

/* fontconfig cannot drop one application font: clear them all and add
 * back the ones still wanted. */
static void
reload_app_fonts(struct pdf_subsets *ss)
{
	FcConfigAppFontClear(NULL);
	for (guint i = 0; i < ss->app_fonts->len; i++)
		FcConfigAppFontAddFile(NULL, (const FcChar8 *)ss->app_fonts->pdata[i]);
	for (size_t i = 0; i < G_N_ELEMENTS(sub_faces); i++)
		if (ss->sub[i].path && ss->sub[i].family) {
			char *family = g_strconcat(SUB_FAMILY, sub_faces[i].tag, NULL);
			add_subset_font(ss->sub[i].path, family);
			g_free(family);
		}
}

/* The face of entry i every article of the document uses (file, *index),
 * or NULL when they differ (no subset then). */
static char *
document_face(size_t i, struct article *const *arts, int n, int *index)
{
	char *file = NULL;
	for (int a = 0; a < n; a++) {
		int ix = 0;
		/* the face pango gets for the role, weight and language */
		char *f = art_font_match(pdf_role_alias(sub_faces[i].role),
		                         pdf_lang_tag_for(arts[a]->lang), sub_faces[i].bold,
		                         false, &ix);
		if (!f || (file && (strcmp(f, file) || ix != *index))) {
			g_free(f);
			g_free(file);
			return NULL;
		}
		if (!file) {
			file = f;
			*index = ix;
		} else {
			g_free(f);
		}
	}
	return file;
}

/* Make entry i a subset of face (file, index) for want; returns whether
 * fontconfig's application fonts changed. */
static bool
recut(struct pdf_subsets *ss, size_t i, char *file, int index, hb_set_t *want)
{
	struct run_subset *r = &ss->sub[i];
	bool had = r->path && r->family;
	run_subset_clear(r);
	r->face = file;
	r->index = index;
	r->chars = want;
	r->fd = make_subset(file, index, want, sub_faces[i].tag, &r->path);
	if (had)
		reload_app_fonts(ss); /* without the file just removed */
	if (!r->path)
		return had;
	char *family = g_strconcat(SUB_FAMILY, sub_faces[i].tag, NULL);
	if (add_subset_font(r->path, family))
		r->family = g_strdup_printf("%s,%s", family, pdf_role_alias(sub_faces[i].role));
	g_free(family);
	return true;
}

/* Give the document arts[0..n) the subsets it needs, cutting or recutting
 * those that lack a face or characters; returns whether fontconfig's
 * application fonts changed. */
static bool
use_subsets(struct pdf_run *r, struct article *const *arts, int n)
{
	struct pdf_subsets *ss = subsets(r);
	hb_set_t *set = hb_set_create();
	bool changed = false, strong = false;
	for (int a = 0; a < n; a++)
		collect(set, arts[a], &strong);
	for (size_t i = 0; i < G_N_ELEMENTS(sub_faces); i++) {
		enum pdf_font role = sub_faces[i].role;
		bool bold = sub_faces[i].bold;
		if (r->role_styled[role] || (role == PDF_SERIF && bold && !strong))
			continue;
		int index = 0;
		char *file = document_face(i, arts, n, &index);
		if (!file)
			continue;
		struct run_subset *sub = &ss->sub[i];
		bool same_face = sub->face && !strcmp(sub->face, file) && sub->index == index;
		if (!same_face || !hb_set_is_subset(set, sub->chars)) {
			/* grown to everything the run is known to need, so that
			 * later documents find their characters in it */
			hb_set_t *want = hb_set_copy(ss->inputs);
			hb_set_union(want, set);
			if (same_face)
				hb_set_union(want, sub->chars);
			changed |= recut(ss, i, file, index, want);
		} else {
			g_free(file);
		}
		r->subset_family[role][bold] = sub->family;
	}
	hb_set_destroy(set);
	return changed;
}

void
pdf_fonts_subset(struct pdf_run *r, struct article *const *arts, int n)
{
	memset(r->subset_family, 0, sizeof r->subset_family);
	/* pango keeps fonts and fontsets per font map: drop them when the
	 * application fonts changed.  Only here, before layout: clearing
	 * them after the last document left fontconfig caches referenced by
	 * pango's pending matches, and FcFini() at exit asserted. */
	if (r->fc_custom && !g_getenv("MDPRESS_NO_SUBSET") && use_subsets(r, arts, n))
		pango_fc_font_map_cache_clear(PANGO_FC_FONT_MAP(r->fontmap));
}

void
pdf_fonts_unsubset(struct pdf_run *r)
{
	struct pdf_subsets *ss = r->subsets;
	memset(r->subset_family, 0, sizeof r->subset_family);
	if (!ss)
		return;
	bool had = false;
	for (size_t i = 0; i < G_N_ELEMENTS(sub_faces); i++) {
		had |= ss->sub[i].path != NULL;
		run_subset_clear(&ss->sub[i]);
	}
	if (had)
		FcConfigAppFontClear(NULL);
	hb_set_destroy(ss->inputs);
	g_ptr_array_free(ss->app_fonts, TRUE);
	g_free(ss);
	r->subsets = NULL;
}
