#!/usr/bin/env bash
# tests/packaging/suite-60-packaging.sh BUILD - what a distribution packager
# relies on: a licence, the Makefile taking CPPFLAGS/CFLAGS/LDFLAGS as
# Debian's tools pass them (environment or command line), a new PREFIX
# rebuilding exactly what embeds it, and md2pdf saying once that it found
# no fonts.conf instead of silently setting other faces.
. "$(dirname "$0")/../lib.sh"
MD2PDF=$BUILD/md2pdf

# ---- licence
if head -n 1 "$ROOT/LICENSE" 2>/dev/null | grep -qx 'MIT License' &&
	grep -q 'MIT License (`LICENSE`)' "$ROOT/README.md"; then pass license-mit
else fail license-mit "LICENSE missing or not named in README.md"; fi

# ---- the user's flags reach every compile and link line, next to ours
# (a dry run: make -B -n prints every command without running it)
flag_lines() {  # LOG: prints what is wrong, fails on any
	awk '/^cc .* -c / { nc++
		if (!/-DPROBE_CPP/ || !/-DPROBE_C( |$)/ || !/-Werror/) { print "    compile: " substr($0, 1, 120); bad++ } }
	/^cc / && !/ -c / { nl++
		if (!/-Wl,-z,now/ || !/-DPROBE_C( |$)/) { print "    link: " substr($0, 1, 120); bad++ } }
	END { if (nc < 20 || nl < 4) { print "    " nc " compile and " nl " link lines"; bad++ }; exit bad > 0 }' "$1"
}
make -s -C "$ROOT" -B -n V=1 BUILD="$TMP/b1" CC=cc CPPFLAGS=-DPROBE_CPP CFLAGS='-O2 -DPROBE_C' \
	LDFLAGS='-Wl,-z,relro -Wl,-z,now' all >"$TMP/flags-cmdline.log" 2>&1
check make-flags-command-line flag_lines "$TMP/flags-cmdline.log"
env CC=cc CPPFLAGS=-DPROBE_CPP CFLAGS='-O2 -DPROBE_C' LDFLAGS='-Wl,-z,relro -Wl,-z,now' \
	make -s -C "$ROOT" -B -n V=1 BUILD="$TMP/b2" all >"$TMP/flags-env.log" 2>&1
check make-flags-environment flag_lines "$TMP/flags-env.log"

# ---- a new PREFIX rebuilds md2pdf's fonts.o (which embeds it), not the
# other objects; built for real with Debian's hardening flags when
# dpkg-buildflags is there (-Werror must survive _FORTIFY_SOURCE)
B=$TMP/prefix
objs=("$B/converters/md2pdf/fonts.o" "$B/converters/md2pdf/main.o" "$B/common/diag.o")
(
	if command -v dpkg-buildflags >/dev/null; then eval "$(dpkg-buildflags --export=sh)"; fi
	cd "$ROOT" &&
	make V=1 BUILD="$B" PREFIX=/usr/local "${objs[@]}" >"$TMP/p1.log" 2>&1 &&
	make V=1 BUILD="$B" PREFIX=/usr/local "${objs[@]}" >"$TMP/p2.log" 2>&1 &&
	make V=1 BUILD="$B" PREFIX=/opt/mdpress-probe "${objs[@]}" >"$TMP/p3.log" 2>&1
)
rc=$?
built2=$(grep -c ' -c ' "$TMP/p2.log")
rebuilt=$(grep ' -c ' "$TMP/p3.log" | sed 's/.* -c \([^ ]*\) .*/\1/' | tr '\n' ' ')
if [ "$rc" = 0 ] && [ "$built2" = 0 ] && [ "$rebuilt" = "converters/md2pdf/fonts.c " ] &&
	grep -aq /opt/mdpress-probe/share/mdpress "$B/converters/md2pdf/fonts.o" &&
	! grep -aq /usr/local/share/mdpress "$B/converters/md2pdf/fonts.o"; then pass make-prefix-rebuilds-what-embeds-it
else
	fail make-prefix-rebuilds-what-embeds-it "exit $rc; same PREFIX recompiled $built2; new PREFIX recompiled: ${rebuilt:-nothing}"
	tail -n 3 "$TMP/p1.log" | sed 's/^/    /'
fi

# ---- md2pdf without its fonts.conf: one warning per process, PDFs made
if [ ! -x "$MD2PDF" ]; then fail md2pdf-built "$MD2PDF missing"; exit 0; fi
printf '# 标题\n\n中文与 English 混排。\n' >"$TMP/a.md"
cp "$TMP/a.md" "$TMP/b.md"
datadir=$(sed -n 's/^#define MDPRESS_DATADIR "\(.*\)"$/\1/p' "$BUILD/gen/mdpress-datadir.h" 2>/dev/null)
datadir=${datadir:-/usr/local/share/mdpress}
mkdir -p "$TMP/lone/deep/er/bin"
cp "$MD2PDF" "$TMP/lone/deep/er/bin/md2pdf"
if [ -e "$datadir/fonts.conf" ]; then
	echo "    $datadir/fonts.conf is installed: the relocated-binary check is skipped"
else
	(cd "$TMP" && lone/deep/er/bin/md2pdf a.md b.md) 2>"$TMP/lone.err"
	rc=$?
	n=$(grep -c "^md2pdf: warning: font configuration not found .*$datadir/fonts.conf.*: using the system's default fonts" "$TMP/lone.err")
	if [ "$rc" = 0 ] && [ "$n" = 1 ] && [ "$(grep -c ': warning: ' "$TMP/lone.err")" = 1 ] &&
		[ -s "$TMP/a.pdf" ] && [ -s "$TMP/b.pdf" ]; then pass pdf-no-fonts-conf-warns-once
	else fail pdf-no-fonts-conf-warns-once "exit $rc, $n warnings: $(head -n 2 "$TMP/lone.err" | tr '\n' ' ')"; fi
fi
MDPRESS_FONTS_CONF=$TMP/no-such.conf "$MD2PDF" -o "$TMP/env.pdf" "$TMP/a.md" "$TMP/b.md" 2>"$TMP/env.err"
rc=$?
if [ "$rc" = 0 ] && [ "$(grep -c ': warning: ' "$TMP/env.err")" = 1 ] &&
	grep -q "warning: font configuration $TMP/no-such.conf (MDPRESS_FONTS_CONF) not found" "$TMP/env.err"
then pass pdf-fonts-conf-env-missing-warns
else fail pdf-fonts-conf-env-missing-warns "exit $rc: $(head -n 2 "$TMP/env.err" | tr '\n' ' ')"; fi
"$MD2PDF" -o "$TMP/ok.pdf" "$TMP/a.md" 2>"$TMP/ok.err"
if [ ! -s "$TMP/ok.err" ]; then pass pdf-fonts-conf-found-silent
else fail pdf-fonts-conf-found-silent "$(head -n 1 "$TMP/ok.err")"; fi
exit 0
