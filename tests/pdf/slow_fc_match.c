/* slow_fc_match.c - an LD_PRELOAD shim for suite-47-teardown.sh: every
 * FcFontSetMatch() takes SLOW_FC_MATCH_MS milliseconds longer, as pango's
 * font-matching worker threads do on a loaded machine, where a niced
 * process can wait seconds for a CPU. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <unistd.h>

typedef FcPattern *(*match_fn)(FcConfig *, FcFontSet **, int, FcPattern *, FcResult *);

FcPattern *
FcFontSetMatch(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p, FcResult *result)
{
	match_fn real = (match_fn)dlsym(RTLD_NEXT, "FcFontSetMatch");
	const char *ms = getenv("SLOW_FC_MATCH_MS");
	usleep(1000u * (unsigned)atoi(ms ? ms : "3000"));
	return real(config, sets, nsets, p, result);
}
