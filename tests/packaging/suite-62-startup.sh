#!/usr/bin/env bash
# tests/packaging/suite-62-startup.sh BUILD - what md2txt and md2epub load
# to start.  On the seed, start-up is most of their run, and every shared
# object loaded and relocated costs: the static build (LINK=static) loads
# neither ICU, GLib nor libstdc++, and md2epub loads HarfBuzz and fontconfig only
# for a book that embeds a font.  Checked from the dynamic loader's own
# account (LD_DEBUG=files), not from the link line.
. "$(dirname "$0")/../lib.sh"
SEED=$ROOT/tests/regress/seed/seed.md

# loaded LOG: the shared objects the loader opened, one soname a line.
loaded() { sed -n 's/.*file=\([^ ]*\) \[0\];  \(needed\|dynamically loaded\) by.*/\1/p' "$1" | sort -u; }

case $(cat "$BUILD/link-mode" 2>/dev/null) in
static*) static=1 ;;
*) static=0 ;;
esac
sanitized=0
ldd "$BUILD/md2txt" 2>/dev/null | grep -q libasan && sanitized=1

for p in md2txt md2epub; do
	LD_DEBUG=files "$BUILD/$p" -q -o "$TMP/seed.$p" "$SEED" 2>"$TMP/$p.ld"
	rc=$?
	libs=$(loaded "$TMP/$p.ld" | tr '\n' ' ')
	if [ "$rc" != 0 ] || [ -z "$libs" ]; then
		fail "$p-startup-ran" "exit $rc; loader said: $(head -c 200 "$TMP/$p.ld")"
		continue
	fi
	if [ "$static" = 1 ] && [ "$sanitized" = 0 ]; then
		bad=$(grep -oE 'lib(stdc\+\+|icuuc|icudata|gcc_s|glib-2|pcre2)[^ ]*' <<<"$libs" | tr '\n' ' ')
		if [ -z "$bad" ]; then pass "$p-no-icu-glib-libstdcxx"
		else fail "$p-no-icu-glib-libstdcxx" "loads $bad"; fi
	fi
	if [ "$p" = md2epub ]; then
		bad=$(grep -oE 'lib(harfbuzz|fontconfig|freetype|graphite2|expat|brotli)[^ ]*' <<<"$libs" | tr '\n' ' ')
		if [ -z "$bad" ]; then pass md2epub-no-font-libraries-without-fonts
		else fail md2epub-no-font-libraries-without-fonts "loads $bad"; fi
	fi
done

# --embed-fonts loads them, and packs the faces (when they are installed)
serif=$(fc-match -f '%{file}' 'Noto Serif CJK SC:lang=zh-cn' 2>/dev/null)
if command -v unzip >/dev/null && [[ $serif == *NotoSerifCJK* ]]; then
	LD_DEBUG=files "$BUILD/md2epub" -q --embed-fonts -o "$TMP/fonts.epub" "$SEED" 2>"$TMP/fonts.ld"
	rc=$?
	n=$(unzip -l "$TMP/fonts.epub" 2>/dev/null | grep -c 'fonts/.*\.otf')
	if [ "$rc" = 0 ] && [ "$n" -ge 2 ] && loaded "$TMP/fonts.ld" | grep -q '^libharfbuzz-subset' &&
		loaded "$TMP/fonts.ld" | grep -q '^libfontconfig'; then pass md2epub-embed-fonts-loads-them
	else fail md2epub-embed-fonts-loads-them "exit $rc, $n fonts packed"; fi
else
	echo "  skipping md2epub-embed-fonts-loads-them: unzip or Noto Serif CJK SC missing"
fi

# A HarfBuzz that cannot be loaded: a book without fonts is made as ever, one
# with them fails with a message and leaves no file (the linked program of
# old could not even start).
if [ "$sanitized" = 0 ]; then
	mkdir -p "$TMP/badlib"
	echo 'not a library' >"$TMP/badlib/libharfbuzz-subset.so.0"
	LD_LIBRARY_PATH=$TMP/badlib "$BUILD/md2epub" -q -o "$TMP/plain.epub" "$SEED" 2>"$TMP/plain.err"
	rc=$?
	if [ "$rc" = 0 ] && [ -s "$TMP/plain.epub" ] && [ ! -s "$TMP/plain.err" ]; then
		pass md2epub-runs-without-harfbuzz
	else fail md2epub-runs-without-harfbuzz "exit $rc: $(head -n 2 "$TMP/plain.err" | tr '\n' ' ')"; fi
	LD_LIBRARY_PATH=$TMP/badlib "$BUILD/md2epub" -q --embed-fonts -o "$TMP/nofonts.epub" "$SEED" \
		2>"$TMP/nofonts.err"
	rc=$?
	if [ "$rc" = 1 ] && [ ! -e "$TMP/nofonts.epub" ] &&
		grep -q '^md2epub: error: cannot load fonts support: .*libharfbuzz-subset.so.0' "$TMP/nofonts.err"
	then pass md2epub-embed-fonts-without-harfbuzz-says-so
	else fail md2epub-embed-fonts-without-harfbuzz-says-so "exit $rc: $(head -n 2 "$TMP/nofonts.err" | tr '\n' ' ')"; fi
fi
exit 0
