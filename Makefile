# mdpress - GNU make, non-recursive.  `make help` lists the targets.
#
# Layout: common/*.c -> $(BUILD)/libarticle.a; converters/NAME/*.c ->
# $(BUILD)/NAME.  Every source file found by wildcard, so adding a file
# needs no Makefile edit.

# CPPFLAGS, CFLAGS and LDFLAGS are the user's (Debian's dpkg-buildflags
# passes them in the environment or on the command line): they are added to
# the project's own flags, never replace them.
BUILD    ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
CPPFLAGS ?=
CFLAGS   ?= -O2 -g
SANITIZE ?=
LDFLAGS  ?=

WARN := -std=c17 -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes \
        -Wstrict-prototypes -Wno-format-nonliteral
SHELL := /bin/bash

# Where md2pdf finds fonts/fonts.conf once installed.  It reaches the code
# through a generated header, rewritten only when it changes, so a new
# PREFIX rebuilds exactly the objects that include it (their .d files say
# which) and nothing else.
DATADIR := $(PREFIX)/share/mdpress
GEN_DIR := $(BUILD)/gen
DATADIR_H := $(GEN_DIR)/mdpress-datadir.h
hash := \#
$(shell mkdir -p $(GEN_DIR); line='$(hash)define MDPRESS_DATADIR "$(subst ",\",$(subst \,\\,$(DATADIR)))"'; \
        [ "$$(cat $(DATADIR_H) 2>/dev/null)" = "$$line" ] || printf '%s\n' "$$line" > $(DATADIR_H))

PKG_COMMON := glib-2.0 yaml-0.1 libcmark-gfm libpng zlib libxml-2.0
# common/fontsubset.c (fontconfig and hb-subset): md2pdf links them;
# md2epub needs them only for --embed-fonts and a style's fonts, and loads
# them then (common/fontlib.c): it is compiled with their headers
# (PKG_EPUB) but not linked with them (PKG_EPUB_LINK)
PKG_FONTS  := harfbuzz-subset fontconfig
PKG_TXT    := $(PKG_COMMON) icu-uc
PKG_EPUB_LINK := $(PKG_COMMON) libzip libxml-2.0
PKG_EPUB   := $(PKG_EPUB_LINK) $(PKG_FONTS)
PKG_PDF    := $(PKG_COMMON) pangocairo pangoft2 cairo-pdf librsvg-2.0 libdeflate $(PKG_FONTS)

# LINK=static (default) links md2txt and md2epub against the static archives
# Debian ships in the -dev packages for these libraries; LINK=shared links
# everything dynamically (what a distribution package would want: security
# updates without a rebuild).  Why static: loading and relocating ten more
# shared objects costs ~3 ms of the ~18 ms md2epub spends on the seed on
# the reference machine (tests/bench/RESULTS.md).  ICU is static too, data
# and all (30 MB of the binary, but only the pages used are read): shared,
# it brings libstdc++, whose relocations and start-up alone are ~1 ms, a
# quarter of md2txt's run on the seed; its archive is linked with
# libstdc++'s, and libicudata cannot be shared beside a static libicuuc
# (its 30 MB would be copied into the program at start-up).  libzip stays
# shared (Debian ships no archive), and so does libc.  md2pdf is always
# shared: pango and cairo bring their own GLib, which must be the one copy
# in the process.  HarfBuzz (Debian ships no archive of it) brings the
# shared GLib too, but md2epub loads it only for a book that embeds a font
# (common/fontlib.c; linked, it and what it brings cost every run ~0.8 ms),
# so md2epub is static like md2txt; in such a book HarfBuzz's GLib sits
# beside md2epub's private copy, and no GLib object crosses between them
# (common/fontsubset.c hands HarfBuzz only its own types).  --exclude-libs keeps the static copies private to the
# program: the shared libraries (FreeType, libzip) keep using their own
# libpng and zlib.
LINK ?= static
STATIC_ARCHIVES := cmark-gfm-extensions cmark-gfm xml2 glib-2.0 pcre2-8 yaml png16 jpeg \
                   lzma z icuuc icudata stdc++
STATIC_ARCHIVES_md2txt := $(STATIC_ARCHIVES)
STATIC_ARCHIVES_md2epub := $(STATIC_ARCHIVES)
LIBS_SHARED_TAIL := -lm -pthread
# Relink when LINK or the archive lists change: the stamp is rewritten only
# when it differs.
LINK_STAMP := $(BUILD)/link-mode
LINK_MODE := $(LINK) static-libgcc: $(STATIC_ARCHIVES_md2txt) / $(STATIC_ARCHIVES_md2epub)
$(shell mkdir -p $(BUILD); [ "$$(cat $(LINK_STAMP) 2>/dev/null)" = "$(LINK_MODE)" ] || \
        echo "$(LINK_MODE)" > $(LINK_STAMP))
comma := ,
# $(call static_or_shared,PACKAGES,ARCHIVES): the link flags of a program
# (-static-libgcc: libstdc++'s unwinder from libgcc_eh.a, not libgcc_s.so).
static_or_shared = $(if $(filter static,$(LINK)),\
    -static-libgcc -Wl$(comma)--exclude-libs$(comma)ALL \
    -Wl$(comma)-Bstatic $(2:%=-l%) -Wl$(comma)-Bdynamic \
    $(filter-out $(2:%=-l%) -licuuc -licui18n -licudata -lm -pthread,\
                 $(call pkg_libs,$(1))) $(LIBS_SHARED_TAIL),\
    $(call pkg_libs,$(1)) $(LIBS_COMMON))

# Quiet build lines unless V=1.
Q = $(if $(V),,@)
pkg_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pkg_libs   = $(shell pkg-config --libs $(1) 2>/dev/null)
LIBS_COMMON = -lcmark-gfm-extensions -ljpeg

ALL_CPPFLAGS = -Iinclude -I$(GEN_DIR) $(CPPFLAGS)
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANITIZE) -MMD -MP

COMMON_SRC := $(wildcard common/*.c)
# docs/style.yaml, the default style, is compiled in as a string.
COMMON_OBJ := $(COMMON_SRC:%.c=$(BUILD)/%.o) $(GEN_DIR)/default_style.o
LIBARTICLE := $(BUILD)/libarticle.a

PROGRAMS := md2txt md2epub md2pdf
BINS     := $(PROGRAMS:%=$(BUILD)/%)

.PHONY: all check check-asan demo install clean deps deps-bench deps-fuzz bench lint help \
        format format-check \
        fuzz fuzz-build fuzz-targets fuzz-compile \
        $(PROGRAMS) unit regen
all: $(BINS) $(BUILD)/unit-tests

$(PROGRAMS): %: $(BUILD)/%

$(BUILD)/common/%.o: common/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(call pkg_cflags,$(PKG_COMMON) $(PKG_FONTS)) -c $< -o $@

$(GEN_DIR)/default_style.c: docs/style.yaml
	@mkdir -p $(@D)
	$(Q){ echo '/* generated from docs/style.yaml by the Makefile */'; \
	  echo 'extern const char art_default_style[];'; \
	  echo 'const char art_default_style[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; echo ';'; } > $@

$(GEN_DIR)/%.o: $(GEN_DIR)/%.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIBARTICLE): $(COMMON_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

# One rule set per converter: objects get that converter's pkg-config flags.
define converter
$(1)_SRC := $$(wildcard converters/$(1)/*.c)
$(1)_OBJ := $$($(1)_SRC:%.c=$(BUILD)/%.o)
$(BUILD)/converters/$(1)/%.o: converters/$(1)/%.c
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  CC      $$<")
	$$(Q)$$(CC) $$(ALL_CPPFLAGS) $$(ALL_CFLAGS) $$(call pkg_cflags,$(2)) -c $$< -o $$@
$(BUILD)/$(1): $$($(1)_OBJ) $(LIBARTICLE) $(LINK_STAMP)
	@$$(if $$(Q),echo "  LINK    $$@")
	$$(Q)$$(CC) $$(CFLAGS) $$(SANITIZE) $$(LDFLAGS) -o $$@ $$($(1)_OBJ) $(LIBARTICLE) \
	    $$(LIBS_$(1))
-include $$($(1)_OBJ:.o=.d)
endef
LIBS_md2txt  = $(call static_or_shared,$(PKG_TXT),$(STATIC_ARCHIVES_md2txt))
LIBS_md2epub = $(call static_or_shared,$(PKG_EPUB_LINK),$(STATIC_ARCHIVES_md2epub))
LIBS_md2pdf  = $(call pkg_libs,$(PKG_PDF)) $(LIBS_COMMON)
$(eval $(call converter,md2txt,$(PKG_TXT)))
$(eval $(call converter,md2epub,$(PKG_EPUB)))
$(eval $(call converter,md2pdf,$(PKG_PDF)))

# Unit tests of the model: tests/unit/*.c linked into one program.
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(call pkg_cflags,$(PKG_COMMON)) -c $< -o $@
$(BUILD)/unit-tests: $(UNIT_OBJ) $(LIBARTICLE)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(SANITIZE) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIBARTICLE) \
	    $(call pkg_libs,$(PKG_COMMON)) $(LIBS_COMMON)

-include $(COMMON_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

# libFuzzer targets (tests/fuzz/fuzz_*.c): built by `make fuzz` with clang
# into build/fuzz, linked with one converter's objects less its main.o.
FUZZ_NAMES := model text xhtml pdf png
fuzz_conv_model :=
fuzz_conv_text  := md2txt
fuzz_conv_xhtml := md2epub
fuzz_conv_pdf   := md2pdf
fuzz_conv_png   := md2pdf
fuzz_pkg_model  := $(PKG_COMMON)
fuzz_pkg_text   := $(PKG_TXT)
fuzz_pkg_xhtml  := $(PKG_EPUB)
fuzz_pkg_pdf    := $(PKG_PDF)
fuzz_pkg_png    := $(PKG_PDF)
define fuzz_target
$(BUILD)/fuzz-$(1): tests/fuzz/fuzz_$(1).c tests/fuzz/fuzz_common.h \
    $$(filter-out %/main.o,$$($$(fuzz_conv_$(1))_OBJ)) $(LIBARTICLE)
	@$$(if $$(Q),echo "  FUZZ    $$@")
	$$(Q)$$(CC) $$(ALL_CPPFLAGS) $$(ALL_CFLAGS) -MF $$@.d -fsanitize=fuzzer $$(if $$(fuzz_conv_$(1)),-Iconverters/$$(fuzz_conv_$(1))) \
	    $$(call pkg_cflags,$$(fuzz_pkg_$(1))) -o $$@ $$< \
	    $$(filter-out %/main.o,$$($$(fuzz_conv_$(1))_OBJ)) $(LIBARTICLE) \
	    $$(call pkg_libs,$$(fuzz_pkg_$(1))) $$(LIBS_COMMON)
endef
$(foreach f,$(FUZZ_NAMES),$(eval $(call fuzz_target,$(f))))
fuzz-targets: $(FUZZ_NAMES:%=$(BUILD)/fuzz-%)
# make check compiles the targets (no link, the compiler at hand) so that an
# API change cannot leave them broken until the next `make fuzz`.
fuzz-compile: all
	$(Q)$(foreach f,$(FUZZ_NAMES),$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) -fsyntax-only \
	    $(if $(fuzz_conv_$(f)),-Iconverters/$(fuzz_conv_$(f))) \
	    $(call pkg_cflags,$(fuzz_pkg_$(f))) tests/fuzz/fuzz_$(f).c &&) true

# ---------------------------------------------------------------- packages
# Debian packages: to build, to test, and (optional) to compare in benchmarks.
# (pcre2, lzma and zlib: their static archives, named by LINK=static)
DEPS_BUILD := make gcc pkg-config libglib2.0-dev libcmark-gfm-dev \
    libcmark-gfm-extensions-dev libyaml-dev libzip-dev libxml2-dev \
    libcairo2-dev libpango1.0-dev librsvg2-dev libjpeg-dev libpng-dev \
    libfontconfig-dev libicu-dev libharfbuzz-dev fonts-noto-cjk fonts-dejavu-core fonts-symbola \
    libpcre2-dev liblzma-dev zlib1g-dev libdeflate-dev
DEPS_TEST  := poppler-utils qpdf python3 epubcheck default-jdk-headless unzip time man-db parallel valgrind fontconfig
DEPS_FUZZ  := clang libclang-rt-dev
DEPS_BENCH := pandoc hyperfine valgrind texlive-xetex texlive-lang-chinese lmodern \
    texlive-latex-recommended texlive-fonts-recommended python3-fonttools \
    weasyprint wkhtmltopdf nodejs $(NPM_PKG)
# typst's rows install an npm package with npm: Debian's, unless the nodejs
# already installed brings its own (nodesource's conflicts with Debian's npm).
NPM_PKG = $(if $(shell command -v npm 2>/dev/null),,npm)

# Installs what is missing (as root), a fast no-op when all is there, and
# prints the apt-get line otherwise.
define install_missing
	@have=" $$(dpkg-query -W -f='$${db:Status-Abbrev}$${Package} \n' $(1) 2>/dev/null \
	    | sed -n 's/^ii *//p' | tr -d '\n') "; \
	missing=$$(for p in $(1); do case "$$have" in *" $$p "*) ;; *) printf '%s ' $$p;; esac; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: $$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	      || { echo "apt-get install failed" >&2; exit 1; }; \
	  else \
	    echo "missing packages; run as root:" >&2; \
	    echo "  apt-get install -y --no-install-recommends $$missing" >&2; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_missing,$(DEPS_BUILD) $(DEPS_TEST))

deps-fuzz:
	$(call install_missing,$(DEPS_FUZZ))

deps-bench: deps
	$(call install_missing,$(DEPS_BENCH))

# ---------------------------------------------------------------- use

DEMO_INPUT := tests/regress/seed/seed.md
# The seed's photos are missing on purpose: md2txt reports them once, the
# other two run with -q and show framed placeholders instead.
demo: deps
	$(MAKE) --no-print-directory all
	@mkdir -p $(BUILD)/demo
	$(BUILD)/md2txt -o $(BUILD)/demo/seed.txt $(DEMO_INPUT)
	$(BUILD)/md2epub -q -o $(BUILD)/demo/seed.epub $(DEMO_INPUT)
	$(BUILD)/md2pdf -q -o $(BUILD)/demo/seed.pdf $(DEMO_INPUT)
	@echo; echo "demo written to $(BUILD)/demo/:"; ls -l $(BUILD)/demo
	@echo; head -n 30 $(BUILD)/demo/seed.txt

check: deps
	$(MAKE) --no-print-directory all fuzz-compile
	tests/run.sh $(BUILD)
	$(MAKE) check-asan

# The same suite, less the slow external validators, under ASan + UBSan.
check-asan:
	$(MAKE) --no-print-directory BUILD=build/asan CFLAGS='-O1 -g -fno-omit-frame-pointer' \
	    SANITIZE='-fsanitize=address,undefined -fno-sanitize-recover=undefined' all
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    MDPRESS_FAST=1 tests/run.sh build/asan

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

regen: all
	tests/regress/golden.sh $(BUILD) regen
	@git status --short tests/regress 2>/dev/null || true

# libFuzzer, under ASan + UBSan: each target for FUZZ_TIME seconds, from
# the seed corpus (tests' articles and the spec examples) plus what earlier
# runs found (build/fuzz/corpus-NAME).  A crash is saved as
# build/fuzz/crash-*; make it a regression input under tests/fuzz/regress/.
FUZZ_TIME ?= 60
# FUZZ_CPU=N: stop each target after N seconds of CPU instead (FUZZ_TIME
# still caps the wall time).  Each run prints its CPU time and executions
# and adds them to build/fuzz/fuzz-totals.tsv (tests/fuzz/README.md).
FUZZ_CPU ?=
FUZZ_SAN := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
fuzz-build: deps deps-fuzz
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang LINK=shared \
	    CFLAGS='-O1 -g -fno-omit-frame-pointer' SANITIZE='$(FUZZ_SAN)' fuzz-targets
	@git describe --always --dirty --abbrev=7 >build/fuzz/commit 2>/dev/null || rm -f build/fuzz/commit
fuzz: fuzz-build
	FUZZ_CPU='$(FUZZ_CPU)' tests/fuzz/run.sh build/fuzz $(FUZZ_TIME) $(FUZZ_NAMES)

bench: deps-bench all
	tests/bench/run.sh $(BUILD)

# Every C file git knows, for `make lint` and `make format`.
C_SOURCES = $(shell git ls-files '*.c' '*.h' 2>/dev/null || find common converters include tests -name '*.[ch]')

# cppcheck's warnings, then .clang-format's verdict on the whole tree.
lint:
	$(call install_missing,cppcheck clang-format)
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	    --suppress=AssignmentIntegerToAddress --inline-suppr \
	    -Iinclude common converters
	clang-format --dry-run --Werror $(C_SOURCES)

# make format: apply .clang-format to every C file (clang-format 14, Debian's).
format:
	$(call install_missing,clang-format)
	clang-format -i $(C_SOURCES)

# make format-check FILES='common/x.c ...': .clang-format's verdict on just those files.
format-check:
	@test -n "$(FILES)" || { echo "usage: make format-check FILES='common/x.c ...'" >&2; exit 2; }
	$(call install_missing,clang-format)
	clang-format --dry-run --Werror $(FILES)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 fonts/fonts.conf $(DESTDIR)$(DATADIR)/
	@for m in docs/*.1; do [ -f "$$m" ] && install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man1/ || true; done

clean:
	rm -rf $(BUILD)

help:
	@echo "make demo    install missing packages, build, convert the bundled example"
	@echo "make check   install missing packages, build, run every test (+ ASan/UBSan)"
	@echo "make fuzz    build the libFuzzer targets with clang, run each FUZZ_TIME seconds"
	@echo "             (or FUZZ_CPU seconds of CPU); prints CPU time and executions"
	@echo "make all | install [PREFIX=, DESTDIR=] | clean | deps | bench | lint | format | format-check FILES= | regen"
