#!/usr/bin/env bash
# The command-line contract every converter shares: --help, --version, exit
# codes 0/1/2, compiler-style diagnostics, no output file after a failure,
# and `make install` putting binaries, fonts.conf and man pages in place.
. "$(dirname "$0")/../lib.sh"
seed=$ROOT/tests/regress/seed/seed.md

for prog in md2txt md2epub md2pdf; do
	bin=$BUILD/$prog
	out=$("$bin" --help 2>&1); rc=$?
	if [ $rc = 0 ] && grep -q -- '--output' <<<"$out" && grep -q -- '--strict' <<<"$out"; then
		pass "$prog-help"; else fail "$prog-help" "rc=$rc"; fi
	out=$("$bin" --version 2>&1); rc=$?
	if [ $rc = 0 ] && grep -q "^$prog (mdpress) [0-9]" <<<"$out"; then
		pass "$prog-version"; else fail "$prog-version" "rc=$rc: $out"; fi
	"$bin" --no-such-option "$seed" >/dev/null 2>"$TMP/err"; rc=$?
	if [ $rc = 2 ] && grep -q "Try '$prog --help'" "$TMP/err"; then
		pass "$prog-bad-option-exit-2"; else fail "$prog-bad-option-exit-2" "rc=$rc"; fi
	"$bin" >/dev/null 2>&1; rc=$?
	[ $rc = 2 ] && pass "$prog-no-input-exit-2" || fail "$prog-no-input-exit-2" "rc=$rc"
	"$bin" -o "$TMP/x.out" "$TMP/missing.md" 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && grep -q "^$prog: error: cannot open .*missing.md" "$TMP/err" &&
	   [ ! -e "$TMP/x.out" ]; then
		pass "$prog-missing-input"; else fail "$prog-missing-input" "rc=$rc: $(head -c 200 "$TMP/err")"; fi
	# A failure must not clobber an existing output file.
	echo keep >"$TMP/keep.out"
	printf -- '---\ntitle: [unclosed\n---\nbody\n' >"$TMP/bad.md"
	"$bin" -o "$TMP/keep.out" "$TMP/bad.md" 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && [ "$(cat "$TMP/keep.out")" = keep ] && grep -q 'bad.md:[0-9]*:[0-9]*: error' "$TMP/err" &&
	   [ -z "$(find "$TMP" -name '.keep.out.*')" ]; then
		pass "$prog-failure-keeps-old-output"; else fail "$prog-failure-keeps-old-output" "rc=$rc"; fi
	# --strict turns the seed's missing-image warnings into a failure.
	"$bin" --strict -o "$TMP/strict.out" "$seed" 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && [ ! -e "$TMP/strict.out" ] && grep -q 'error: image not found' "$TMP/err"; then
		pass "$prog-strict"; else fail "$prog-strict" "rc=$rc"; fi
	"$bin" -q -o "$TMP/ok.out" "$seed" 2>"$TMP/err"; rc=$?
	if [ $rc = 0 ] && [ -s "$TMP/ok.out" ] && [ ! -s "$TMP/err" ]; then
		pass "$prog-quiet-success"; else fail "$prog-quiet-success" "rc=$rc"; fi
	# -o into a named pipe (as into /dev/null) writes through it: renaming a
	# temporary file over it would replace the pipe (or the device).
	rm -f "$TMP/pipe" "$TMP/piped"; mkfifo "$TMP/pipe"
	timeout 20 cat "$TMP/pipe" >"$TMP/piped" & reader=$!   # bounded: a regression leaves it waiting
	"$bin" -q -o "$TMP/pipe" "$seed" 2>"$TMP/err"; rc=$?
	wait $reader
	if [ $rc = 0 ] && [ -p "$TMP/pipe" ] && cmp -s "$TMP/piped" "$TMP/ok.out"; then
		pass "$prog-output-to-pipe"; else fail "$prog-output-to-pipe" "rc=$rc"; fi
	# -o through a symlink replaces its target and keeps the link.
	rm -f "$TMP/target.out" "$TMP/link.out"; echo old >"$TMP/target.out"
	ln -s target.out "$TMP/link.out"
	"$bin" -q -o "$TMP/link.out" "$seed" 2>"$TMP/err"; rc=$?
	if [ $rc = 0 ] && [ -L "$TMP/link.out" ] && cmp -s "$TMP/target.out" "$TMP/ok.out"; then
		pass "$prog-output-through-symlink"; else fail "$prog-output-through-symlink" "rc=$rc"; fi
done

if fast; then exit 0; fi
inst=$TMP/inst
if make -s -C "$ROOT" BUILD="$BUILD" DESTDIR="$inst" PREFIX=/usr/local install >"$TMP/inst.log" 2>&1 &&
   [ -x "$inst/usr/local/bin/md2pdf" ] && [ -f "$inst/usr/local/share/mdpress/fonts.conf" ] &&
   [ -f "$inst/usr/local/share/man/man1/md2epub.1" ] &&
   "$inst/usr/local/bin/md2txt" --version >/dev/null; then
	pass install
else
	fail install "$(tail -n 3 "$TMP/inst.log")"
fi
for page in "$ROOT"/docs/*.1; do
	name=$(basename "$page")
	if man --warnings -l "$page" >/dev/null 2>"$TMP/man.err" && [ ! -s "$TMP/man.err" ]; then
		pass "man-$name"; else fail "man-$name" "$(head -n 2 "$TMP/man.err")"; fi
done
