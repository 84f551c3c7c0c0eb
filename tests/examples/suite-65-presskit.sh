#!/usr/bin/env bash
# tests/examples/suite-65-presskit.sh BUILD - docs/examples/presskit built
# as its README says: make -j2 builds every PDF, EPUB and text file and the
# kit book; a second make has nothing to do; touching one image rebuilds
# exactly the outputs that show it (the dependency files, -M/-MP);
# deleting an image does not break make, and restoring it rebuilds what
# shows it.
. "$(dirname "$0")/../lib.sh"
KIT=$TMP/presskit
cp -r "$ROOT/docs/examples/presskit" "$KIT"
rm -rf "$KIT/out"
for t in md2pdf md2epub md2txt; do
	[ -x "$BUILD/$t" ] || { fail presskit-tools "$BUILD/$t missing"; exit 0; }
done
mk() { make -C "$KIT" --no-print-directory BIN="$BUILD/" "$@"; }
names="en-summit mixed-interview zh-release"
outputs=$(for n in $names; do printf '%s ' "$n.pdf" "$n.epub" "$n.txt"; done; echo kit.pdf kit.epub)
# stamps: "file mtime" for every output, one a line
stamps() { (cd "$KIT/out" && stat -c '%n %.9Y' $outputs 2>/dev/null); }
# changed BEFORE AFTER: the outputs whose mtime changed, sorted, on one line
changed() { join "$1" "$2" | awk '$2 != $3 { print $1 }' | sort | tr '\n' ' '; }

# ---- make -j2: everything, and what a reader sees in it
if mk -j2 >"$TMP/build.log" 2>&1; then pass presskit-make-j2
else fail presskit-make-j2 "$(tail -n 3 "$TMP/build.log" | tr '\n' ' ')"; fi
missing=
for f in $outputs; do [ -s "$KIT/out/$f" ] || missing="$missing $f"; done
[ -z "$missing" ] && pass presskit-all-outputs || fail presskit-all-outputs "missing:$missing"
kit_text=$(pdftotext "$KIT/out/kit.pdf" - 2>/dev/null | tr -d ' \n')
if pdfinfo "$KIT/out/kit.pdf" 2>/dev/null | grep -q '^Title: *Harbour 新闻资料包 2026$' &&
	[[ $kit_text == *Harbour3.0正式发布* && $kit_text == *HarbourSummit2026opensitsdoors* &&
	   $kit_text == *对话Harbour维护者* ]] &&
	[ "$(unzip -Z1 "$KIT/out/kit.epub" 2>/dev/null | grep -c '^EPUB/chapter-')" = 3 ] &&
	grep -q '^Harbour Summit 2026 opens its doors in Lisbon' "$KIT/out/en-summit.txt" &&
	pdftotext "$KIT/out/zh-release.pdf" - 2>/dev/null | grep -q '一年来的增长'
then pass presskit-outputs-read-right
else fail presskit-outputs-read-right "kit title, its three articles, the EPUB's chapters or a text file wrong"; fi
if grep -q 'images/growth-chart.png' "$KIT/out/zh-release.pdf.d" &&
	! grep -q 'images/growth-chart.png' "$KIT/out/en-summit.pdf.d" &&
	grep -q '^kit.yaml:$' "$KIT/out/kit.epub.d"; then pass presskit-dependency-files
else fail presskit-dependency-files "$(head -n 4 "$KIT/out/zh-release.pdf.d" | tr '\n' ' ')"; fi

# ---- a second make has nothing to do
if mk -q >/dev/null 2>&1 && mk 2>&1 | grep -q 'Nothing to be done'; then pass presskit-second-make-idle
else fail presskit-second-make-idle "$(mk -n 2>&1 | head -n 2 | tr '\n' ' ')"; fi

# ---- touching one image rebuilds exactly the outputs that show it
touched() {  # NAME IMAGE EXPECTED...
	local name=$1 img=$2; shift 2
	local want got
	want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	stamps >"$TMP/before"
	touch "$KIT/images/$img"
	mk >"$TMP/touch.log" 2>&1
	stamps >"$TMP/after"
	got=$(changed "$TMP/before" "$TMP/after")
	if [ "$got" = "$want" ]; then pass "$name"
	else fail "$name" "rebuilt: ${got:-nothing}; want: $want"; fi
}
touched presskit-touch-png growth-chart.png zh-release.pdf zh-release.epub zh-release.txt kit.pdf kit.epub
touched presskit-touch-svg logo.svg zh-release.pdf zh-release.epub zh-release.txt \
	mixed-interview.pdf mixed-interview.epub mixed-interview.txt kit.pdf kit.epub

# ---- deleting an image does not break make: the outputs that showed it
# are rebuilt (with a placeholder), the others are left alone
stamps >"$TMP/before"
rm "$KIT/images/stage.jpg"
mk >"$TMP/delete.log" 2>&1
rc=$?
stamps >"$TMP/after"
got=$(changed "$TMP/before" "$TMP/after")
want="en-summit.epub en-summit.pdf en-summit.txt kit.epub kit.pdf mixed-interview.epub mixed-interview.pdf mixed-interview.txt "
if [ "$rc" = 0 ] && [ "$got" = "$want" ] && mk >/dev/null 2>&1; then pass presskit-deleted-image
else fail presskit-deleted-image "exit $rc, rebuilt: ${got:-nothing}: $(tail -n 2 "$TMP/delete.log" | tr '\n' ' ')"; fi

# ---- the dependency files list the missing image (as gcc -MG would): a
# second make has nothing to do, and bringing it back rebuilds exactly
# the outputs that show it
if mk -q >/dev/null 2>&1; then pass presskit-missing-image-idle
else fail presskit-missing-image-idle "$(mk -n 2>&1 | head -n 2 | tr '\n' ' ')"; fi
stamps >"$TMP/before"
cp "$ROOT/docs/examples/presskit/images/stage.jpg" "$KIT/images/stage.jpg"
mk >"$TMP/restore.log" 2>&1
rc=$?
stamps >"$TMP/after"
got=$(changed "$TMP/before" "$TMP/after")
if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then pass presskit-restored-image
else fail presskit-restored-image "exit $rc, rebuilt: ${got:-nothing}; want: $want"; fi
exit 0
