#!/usr/bin/env bash
# md2pdf's exit when pango's font-matching worker threads are slow (as on a
# loaded machine): it waits for them before it tears fontconfig and cairo
# down, and never aborts.  pango 1.50 matches fontconfig patterns in
# threads that nobody waits for when a short document never needed the
# result; the press-kit test once died in _cairo_hash_table_destroy or
# FcCacheFini because the wait gave up after 2 s.  A preloaded shim makes
# every match 6 s slower.
. "$(dirname "$0")/../lib.sh"

if ! ${CC:-cc} -shared -fPIC -o "$TMP/slow_fc_match.so" "$ROOT/tests/pdf/slow_fc_match.c" \
	$(pkg-config --cflags fontconfig) -ldl 2>"$TMP/cc.err"; then
	fail teardown-shim "$(head -n 2 "$TMP/cc.err" | tr '\n' ' ')"; exit 0
fi
# gcc's ASan wants its runtime first among the preloaded libraries
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
# SVG text goes through pango's default font map (librsvg), the rest
# through md2pdf's own: both have workers pending at the end
printf '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-family="serif" font-size="20">Logo</text></svg>\n' >"$TMP/logo.svg"
printf -- '---\ntitle: Slow fonts\nlang: en\n---\n\nA short page, in English and 中文, with *emphasis* and `code`.\n\n![logo](logo.svg)\n' >"$TMP/a.md"
# 6 s: the old 2 s wait gave up every time, the new one waits
LD_PRELOAD=$TMP/slow_fc_match.so SLOW_FC_MATCH_MS=6000 \
	"$BUILD/md2pdf" -q -o "$TMP/a.pdf" "$TMP/a.md" 2>"$TMP/err"
rc=$?
if [ $rc = 0 ] && ! grep -aq 'Assertion\|Sanitizer\|runtime error' "$TMP/err" &&
	pdftotext "$TMP/a.pdf" - 2>/dev/null | grep -q 'A short page'; then
	pass teardown-slow-font-match
else fail teardown-slow-font-match "exit $rc: $(grep -a -m1 'Assertion\|ERROR\|error' "$TMP/err")"; fi
