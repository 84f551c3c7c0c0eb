/* justify.c - bounded justification of one line (clreq 3.8; CSS Text 4
 * text-justify).
 *
 * A wrapped line is widened to the measure by adding space at its
 * justification opportunities, which come in three kinds: typed spaces,
 * "loose" gaps (between Han and Latin, next to CJK punctuation, whose
 * glyphs carry their own white space) and gaps between two CJK letters.
 * Limits: a word space at most 1 em wide, no gap beside or between CJK
 * characters wider than 0.25 em.  Between two Han characters we first add
 * no more than HAN_SOFT: a wider gap reads as a space to text extraction
 * (pdftotext, copy and paste put one between the characters), so the rest
 * goes to the spaces and loose gaps first, and only then, up to the limit,
 * between Han characters.  A line that cannot be justified within the
 * limits gets up to half as much again (a loose line reads better than a
 * ragged one in a justified paragraph; twice letter-spaced Chinese lines
 * visibly); past that it is left ragged.
 */
#include "pdf.h"

enum gap { GAP_NONE, GAP_SPACE, GAP_LOOSE, GAP_HAN };

#define SPACE_MAX 0.75 /* extra on a word space (~0.25 em): 1 em in all */
#define LOOSE_MAX 0.25
#define HAN_SOFT 0.09 /* poppler's pdftotext starts a new word past 0.1 em */
#define HAN_MAX 0.25
#define LAST_RESORT 1.5 /* the limits times this for a line that needs it */

/* The opportunity after character c when d follows: CJK text has one
 * between any two characters, Latin text only at spaces. */
static enum gap
gap_after(gunichar c, gunichar d)
{
	if (c == ' ' || c == 0x3000)
		return GAP_SPACE;
	if (d == ' ' || d == 0)
		return GAP_NONE;
	bool wc = g_unichar_iswide(c), wd = g_unichar_iswide(d);
	if (!wc && !wd)
		return GAP_NONE;
	return art_is_cjk_letter(c) && art_is_cjk_letter(d) ? GAP_HAN : GAP_LOOSE;
}

struct cluster {
	PangoGlyphInfo *last; /* last glyph of the cluster: gets the extra space */
	gunichar c;
	enum gap gap;
};

/* Extra space per gap of each kind for slack (pango units), or false when
 * the limits do not allow it.  n[]: the number of gaps of each kind. */
static bool
share(int slack, const int n[4], int em, double loose, double extra[4])
{
	double cap[4] = {0, SPACE_MAX * loose * em, LOOSE_MAX * loose * em,
	                 HAN_MAX * loose * em};
	int all = n[GAP_SPACE] + n[GAP_LOOSE] + n[GAP_HAN];
	if (all == 0)
		return false;
	/* an even share, Han gaps only up to HAN_SOFT */
	double even = (double)slack / all;
	extra[GAP_HAN] = MIN(even, HAN_SOFT * em);
	double left = slack - extra[GAP_HAN] * n[GAP_HAN];
	/* the rest over spaces and loose gaps, each up to its cap */
	extra[GAP_SPACE] = extra[GAP_LOOSE] = 0;
	for (int round = 0; round < 3 && left > 0.5; round++) {
		int open = 0;
		for (int k = GAP_SPACE; k <= GAP_LOOSE; k++)
			if (n[k] && extra[k] < cap[k])
				open += n[k];
		if (!open)
			break;
		double each = left / open;
		for (int k = GAP_SPACE; k <= GAP_LOOSE; k++) {
			if (!n[k] || extra[k] >= cap[k])
				continue;
			double add = MIN(each, cap[k] - extra[k]);
			extra[k] += add;
			left -= add * n[k];
		}
	}
	/* then Han gaps, up to the limit */
	if (left > 0.5 && n[GAP_HAN]) {
		double add = MIN(left / n[GAP_HAN], cap[GAP_HAN] - extra[GAP_HAN]);
		extra[GAP_HAN] += add;
		left -= add * n[GAP_HAN];
	}
	return left <= 0.5 * all + 1;
}

int
pdf_justify_line(PangoLayoutLine *line, const char *text, int width, int em)
{
	PangoRectangle log;
	pango_layout_line_get_extents(line, NULL, &log);
	int slack = width - log.width;
	if (slack <= 0 || slack > width / 3)
		return 0;
	GArray *cl = g_array_new(FALSE, FALSE, sizeof(struct cluster));
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		if (run->item->analysis.level & 1) {
			g_array_set_size(cl, 0); /* right-to-left: leave the line alone */
			break;
		}
		PangoGlyphString *gs = run->glyphs;
		for (int g = 0; g < gs->num_glyphs; g++) {
			if (g + 1 < gs->num_glyphs &&
			    gs->log_clusters[g + 1] == gs->log_clusters[g])
				continue;
			struct cluster c = {
			    &gs->glyphs[g],
			    g_utf8_get_char(text + run->item->offset + gs->log_clusters[g]),
			    GAP_NONE};
			g_array_append_val(cl, c);
		}
	}
	/* trailing spaces of a wrapped line carry no visible width; a
	 * CJK-Latin gap (a zero-width space made wide) ending the line goes */
	guint len = cl->len;
	for (;;) {
		struct cluster *z =
		    len > 0 ? &g_array_index(cl, struct cluster, len - 1) : NULL;
		if (z && z->c == 0x200B) {
			slack += z->last->geometry.width;
			z->last->geometry.width = 0;
		} else if (!z || !g_unichar_isspace(z->c)) {
			break;
		}
		len--;
	}
	int n[4] = {0};
	for (guint i = 0; i + 1 < len; i++) {
		struct cluster *a = &g_array_index(cl, struct cluster, i);
		a->gap = gap_after(a->c, g_array_index(cl, struct cluster, i + 1).c);
		n[a->gap]++;
	}
	/* within the limits; else up to LAST_RESORT times them, as a loose
	 * line reads better than one left ragged in a justified paragraph */
	double extra[4];
	int ok = share(slack, n, em, 1.0, extra) || share(slack, n, em, LAST_RESORT, extra);
	if (ok) {
		/* whole units; what rounding leaves over goes to the last gaps */
		int given = 0, last = -1;
		for (guint i = 0; i + 1 < len; i++) {
			struct cluster *a = &g_array_index(cl, struct cluster, i);
			if (a->gap == GAP_NONE)
				continue;
			int e = (int)extra[a->gap];
			a->last->geometry.width += e;
			given += e;
			last = (int)i;
		}
		for (int i = last; i >= 0 && given < slack; i--) {
			struct cluster *a = &g_array_index(cl, struct cluster, (guint)i);
			if (a->gap != GAP_NONE) {
				a->last->geometry.width++;
				given++;
			}
		}
	}
	g_array_free(cl, TRUE);
	return ok;
}
