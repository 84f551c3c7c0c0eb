/* fontlib.c - HarfBuzz's subsetter and fontconfig, loaded with dlopen() on
 * first use (include/fontlib.h says why).  Loaded once per process and
 * never unloaded: their caches live until exit, as when linked. */
#include "fontlib.h"

#include <dlfcn.h>

#include "article.h"

/* Debian's sonames (libharfbuzz-subset0, libfontconfig1).  HarfBuzz's own
 * functions (hb_set_*, hb_face_*) come with the subsetter, which needs
 * libharfbuzz.so.0: dlsym() searches a library's dependencies too. */
static const char *const sonames[] = {"libharfbuzz-subset.so.0", "libfontconfig.so.1"};

static struct art_fontlib lib;
static int state; /* 0 not tried, 1 loaded, -1 failed */

static void *
find(void *const *handles, const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(sonames); i++) {
		void *f = dlsym(handles[i], name);
		if (f)
			return f;
	}
	char *why = g_strdup_printf("cannot load fonts support: %s not found in %s or %s", name,
	                            sonames[0], sonames[1]);
	art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0}, why);
	g_free(why);
	return NULL;
}

static bool
load(void)
{
	void *handles[G_N_ELEMENTS(sonames)];
	for (size_t i = 0; i < G_N_ELEMENTS(sonames); i++) {
		handles[i] = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
		if (!handles[i]) {
			char *why = g_strdup_printf("cannot load fonts support: %s", dlerror());
			art_diag(ART_E_OUTPUT, NULL, (struct art_pos){0, 0}, why);
			g_free(why);
			return false;
		}
	}
	/* POSIX's idiom for a function pointer from dlsym() */
#define ART_FONTLIB_LOAD(name)                                                                 \
	if (!(*(void **)&lib.name = find(handles, #name)))                                     \
		return false;
	ART_FONTLIB_FUNCS(ART_FONTLIB_LOAD)
#undef ART_FONTLIB_LOAD
	return true;
}

const struct art_fontlib *
art_fontlib(void)
{
	if (state == 0)
		state = load() ? 1 : -1;
	return state > 0 ? &lib : NULL;
}

bool
art_fontlib_loaded(void)
{
	return state > 0;
}
