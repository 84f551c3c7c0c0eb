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

# ---------------------------------------------------------------- -M dependency files
# Each tool writes a make rule naming the article and every file read for
# the output: Markdown images, raw HTML <img>, an SVG and the image inside
# it, and (md2pdf) the fontconfig file; -MP adds a phony target per
# dependency but none for the article itself.
kit=$TMP/kit; rm -rf "$kit"; cp -r "$ROOT/tests/regress/cli" "$kit"
has_dep() { grep -q "^  $2\( \\\\\)\?$" "$1"; }
for prog in md2txt md2epub md2pdf; do
	bin=$BUILD/$prog ext=${prog#md2}
	rm -f "$kit"/*.d
	(cd "$kit" && "$bin" -q -M kit.d -MP -o "kit.$ext" kit.md) 2>"$TMP/err"; rc=$?
	d=$kit/kit.d
	missing=
	for f in kit.md media/photo.png media/inline.png media/drawing.svg media/inside-svg.png; do
		has_dep "$d" "$f" || missing="$missing $f"
	done
	[ $prog = md2pdf ] && ! grep -q 'fonts\.conf' "$d" && missing="$missing fonts.conf"
	if [ $rc = 0 ] && head -n 1 "$d" | grep -q "^kit\.$ext: " && [ -z "$missing" ]; then
		pass "$prog-deps-every-file"; else fail "$prog-deps-every-file" "rc=$rc missing:$missing"; fi
	if grep -qx 'media/photo.png:' "$d" && grep -qx 'media/inside-svg.png:' "$d" &&
	   ! grep -qx 'kit.md:' "$d"; then
		pass "$prog-deps-phony"; else fail "$prog-deps-phony"; fi
	# --deps is the long spelling; without -MP no phony rules.
	(cd "$kit" && "$bin" -q --deps long.d -o "kit.$ext" kit.md) 2>/dev/null
	if has_dep "$kit/long.d" media/photo.png && ! grep -q '^media/photo.png:' "$kit/long.d"; then
		pass "$prog-deps-long-option"; else fail "$prog-deps-long-option"; fi
	# Several inputs without -o: one rule per output, each with its own images.
	printf '# Two\n\n![x](media/Logo.PNG)\n' >"$kit/two.md"
	(cd "$kit" && "$bin" -q -M many.d kit.md two.md) 2>/dev/null
	if grep -q "^two\.$ext: " "$kit/many.d" && grep -q "^kit\.$ext: " "$kit/many.d" &&
	   [ "$(sed -n "/^two\.$ext:/,/^\$/p" "$kit/many.d" | grep -c 'photo.png')" = 0 ] &&
	   sed -n "/^two\.$ext:/,/^\$/p" "$kit/many.d" | grep -q 'Logo.PNG'; then
		pass "$prog-deps-rule-per-output"; else fail "$prog-deps-rule-per-output" "$(cat "$kit/many.d" | head -20)"; fi
	# A failed conversion leaves the previous dependency file as it was.
	echo old >"$kit/keep.d"
	(cd "$kit" && "$bin" -q -M keep.d -o "bad.$ext" "$TMP/bad.md") 2>/dev/null; rc=$?
	if [ $rc = 1 ] && [ "$(cat "$kit/keep.d")" = old ] && [ -z "$(find "$kit" -name '.keep.d.*')" ]; then
		pass "$prog-deps-failure-keeps-old"; else fail "$prog-deps-failure-keeps-old" "rc=$rc"; fi
	# make reads the file: touching an image rebuilds, a second make does
	# nothing, a deleted image does not break make (-MP).
	m=$TMP/make-$prog; rm -rf "$m"; cp -r "$ROOT/tests/regress/cli" "$m"
	printf 'out.%s: kit.md\n\t%s -q -M out.d -MP -o $@ kit.md\n-include out.d\n' "$ext" "$bin" >"$m/Makefile"
	make -s -C "$m" >/dev/null 2>&1; first=$?
	second=$(make -C "$m" 2>&1)
	touch -d '+2 seconds' "$m/media/inside-svg.png"
	third=$(make -C "$m" 2>&1)
	rm "$m/media/photo.png"
	make -s -C "$m" >/dev/null 2>"$TMP/make.err"; fourth=$?
	if [ $first = 0 ] && grep -q 'Nothing to be done\|is up to date' <<<"$second" &&
	   grep -q -- "-o out.$ext" <<<"$third" && [ $fourth = 0 ]; then
		pass "$prog-deps-drive-make"; else fail "$prog-deps-drive-make" "$first/$fourth: $second | $third | $(cat "$TMP/make.err")"; fi
	# An image that is referenced but missing is listed (gcc's -MG), also
	# one inside an SVG; make neither stops nor rebuilds while it is
	# missing (with or without -MP), and creating it rebuilds the output.
	for mp in -MP ""; do
		m=$TMP/missing-$prog$mp; rm -rf "$m"; cp -r "$ROOT/tests/regress/cli" "$m"
		printf '# Later\n\n![soon](media/later.png)\n\n![d](media/drawing.svg)\n' >"$m/later.md"
		rm "$m/media/inside-svg.png"
		printf 'out.%s: later.md\n\t%s -q -M out.d %s -o $@ later.md\n-include out.d\n' \
			"$ext" "$bin" "$mp" >"$m/Makefile"
		make -s -C "$m" >/dev/null 2>&1; first=$?
		listed=$(has_dep "$m/out.d" media/later.png && has_dep "$m/out.d" media/inside-svg.png && echo yes)
		second=$(make -C "$m" 2>&1); rc2=$?
		# (the output made older instead of the image newer: make warns
		# about files from the future and rebuilds them every time)
		touch -d '-5 seconds' "$m/out.$ext"
		cp "$m/media/photo.png" "$m/media/later.png"
		third=$(make -C "$m" 2>&1)
		fourth=$(make -C "$m" 2>&1)
		touch -d '-5 seconds' "$m/out.$ext"
		cp "$m/media/photo.png" "$m/media/inside-svg.png"
		fifth=$(make -C "$m" 2>&1)
		if [ $first = 0 ] && [ "$listed" = yes ] && [ $rc2 = 0 ] &&
		   grep -q 'Nothing to be done\|is up to date' <<<"$second" &&
		   grep -q -- "-o out.$ext" <<<"$third" && grep -q 'Nothing to be done\|is up to date' <<<"$fourth" &&
		   grep -q -- "-o out.$ext" <<<"$fifth"; then
			pass "$prog-deps-missing-image$mp"
		else fail "$prog-deps-missing-image$mp" "$first/$rc2 listed=$listed: $second | $third | $fourth | $fifth"; fi
	done
done
# md2epub's stylesheets and metadata file are dependencies too.
printf 'p { color: black }\n' >"$kit/extra.css"; printf 'title: Kit\n' >"$kit/book.yaml"
(cd "$kit" && "$BUILD/md2epub" -q -M epub.d --css-append extra.css --metadata book.yaml -o k.epub kit.md) 2>/dev/null
if has_dep "$kit/epub.d" extra.css && has_dep "$kit/epub.d" book.yaml; then
	pass md2epub-deps-css-metadata; else fail md2epub-deps-css-metadata "$(cat "$kit/epub.d")"; fi
# -MT names the target when the text goes to standard output.
(cd "$kit" && "$BUILD/md2txt" -q -M txt.d -MT press/kit.txt kit.md >/dev/null) 2>/dev/null
if head -n 1 "$kit/txt.d" | grep -q '^press/kit\.txt: ' && has_dep "$kit/txt.d" media/photo.png; then
	pass md2txt-deps-target-stdout; else fail md2txt-deps-target-stdout "$(head -n 2 "$kit/txt.d")"; fi

# ---------------------------------------------------------------- one run skeleton
# The three tools share one driver (common/driver.c): the same answer to
# each case below, checked on what a reader gets (the text inside).
text_of() {     # the words a reader sees in a .txt, .pdf or .epub
	case $1 in
	*.pdf) pdftotext -q "$1" - ;;
	*.epub) unzip -p "$1" 'EPUB/*.xhtml' 2>/dev/null | sed 's/<[^>]*>//g' ;;
	*) cat "$1" ;;
	esac
}
w=$TMP/run; rm -rf "$w"; mkdir -p "$w"
printf -- '---\ntitle: Alpha story\n---\n\nAlpha body words.\n' >"$w/alpha.md"
printf -- '---\ntitle: Beta story\n---\n\nBeta body words.\n' >"$w/beta.md"
printf -- '---\ntitle: Gamma story\n---\n\n![gone](nowhere.png)\n\nGamma body.\n' >"$w/gamma.md"
for prog in md2txt md2epub md2pdf; do
	bin=$BUILD/$prog ext=${prog#md2}
	rm -f "$w"/*."$ext"
	# Several inputs without -o: one output per input, in one process.
	(cd "$w" && "$bin" alpha.md beta.md) 2>"$TMP/err"; rc=$?
	if [ $rc = 0 ] && text_of "$w/alpha.$ext" | grep -q 'Alpha body' &&
	   text_of "$w/beta.$ext" | grep -q 'Beta body' && ! text_of "$w/alpha.$ext" | grep -q Beta; then
		pass "$prog-several-inputs-one-output-each"
	else fail "$prog-several-inputs-one-output-each" "rc=$rc $(head -c 200 "$TMP/err")"; fi
	grep -q "^$prog: 2 converted, 0 with warnings, 0 failed$" "$TMP/err" &&
		pass "$prog-summary" || fail "$prog-summary" "$(tail -n 1 "$TMP/err")"
	# -O DIR: the outputs go there, named after the inputs.
	(cd "$w" && "$bin" -q -O "out-$ext/sub" alpha.md beta.md) 2>/dev/null; rc=$?
	if [ $rc = 0 ] && text_of "$w/out-$ext/sub/alpha.$ext" | grep -q 'Alpha body' &&
	   text_of "$w/out-$ext/sub/beta.$ext" | grep -q 'Beta body'; then
		pass "$prog-output-dir"; else fail "$prog-output-dir" "rc=$rc"; fi
	"$bin" -o "$w/x.$ext" -O "$w/d" "$w/alpha.md" >/dev/null 2>&1; rc=$?
	[ $rc = 2 ] && pass "$prog-output-and-output-dir-exit-2" || fail "$prog-output-and-output-dir-exit-2" "rc=$rc"
	# Two inputs named alike into one folder: the second is refused, not
	# written over the first.
	mkdir -p "$w/a" "$w/b"; cp "$w/alpha.md" "$w/a/index.md"; cp "$w/beta.md" "$w/b/index.md"
	"$bin" -q -O "$w/same-$ext" "$w/a/index.md" "$w/b/index.md" 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && text_of "$w/same-$ext/index.$ext" | grep -q 'Alpha body' &&
	   grep -q 'earlier input' "$TMP/err"; then
		pass "$prog-output-dir-name-clash"; else fail "$prog-output-dir-name-clash" "rc=$rc"; fi
	# A failed input is reported; the others still convert; exit 1.
	rm -f "$w"/*."$ext"
	(cd "$w" && "$bin" missing.md beta.md) 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && text_of "$w/beta.$ext" | grep -q 'Beta body' && grep -q 'cannot open missing.md' "$TMP/err" &&
	   grep -q "^$prog: 1 converted, 0 with warnings, 1 failed$" "$TMP/err"; then
		pass "$prog-failed-input-others-convert"; else fail "$prog-failed-input-others-convert" "rc=$rc $(cat "$TMP/err")"; fi
	# --strict is per output: the article with a warning is not written,
	# the clean one is.
	rm -f "$w"/*."$ext"
	(cd "$w" && "$bin" --strict gamma.md beta.md) 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && [ ! -e "$w/gamma.$ext" ] && text_of "$w/beta.$ext" | grep -q 'Beta body'; then
		pass "$prog-strict-per-output"; else fail "$prog-strict-per-output" "rc=$rc $(ls "$w")"; fi
	(cd "$w" && "$bin" gamma.md beta.md) 2>"$TMP/err"
	grep -q "^$prog: 2 converted, 1 with warnings, 0 failed$" "$TMP/err" &&
		pass "$prog-summary-counts-warnings" || fail "$prog-summary-counts-warnings" "$(tail -n 1 "$TMP/err")"
	# Never overwrite an input file; with -o or by its default name.
	cp "$w/alpha.md" "$w/self.$ext"
	"$bin" -q -o "$w/self.$ext" "$w/self.$ext" 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && cmp -s "$w/alpha.md" "$w/self.$ext" && grep -q 'input file' "$TMP/err"; then
		pass "$prog-never-overwrite-input"; else fail "$prog-never-overwrite-input" "rc=$rc"; fi
	# The -o name does not match the format: a warning, written anyway.
	"$bin" -o "$w/out.wrong" "$w/alpha.md" 2>"$TMP/err"; rc=$?
	if [ $rc = 0 ] && [ -s "$w/out.wrong" ] && grep -q "out.wrong does not end in \.$ext" "$TMP/err"; then
		pass "$prog-output-extension-warning"; else fail "$prog-output-extension-warning" "rc=$rc $(cat "$TMP/err")"; fi
	# --dump-tree obeys -o in every tool.
	"$bin" --dump-tree -o "$w/tree.$ext" "$w/alpha.md" >"$TMP/stdout" 2>/dev/null; rc=$?
	if [ $rc = 0 ] && grep -q '^document' "$w/tree.$ext" && [ ! -s "$TMP/stdout" ]; then
		pass "$prog-dump-tree-obeys-output"; else fail "$prog-dump-tree-obeys-output" "rc=$rc"; fi
	# A progress line (n/N, file) on a terminal with several inputs.
	(cd "$w" && script -qec "$bin alpha.md beta.md" /dev/null >"$TMP/tty" 2>&1)
	if grep -q '\[1/2\] alpha.md' "$TMP/tty" && grep -q '\[2/2\] beta.md' "$TMP/tty"; then
		pass "$prog-progress-on-terminal"; else fail "$prog-progress-on-terminal" "$(head -c 200 "$TMP/tty")"; fi
	(cd "$w" && "$bin" alpha.md beta.md) 2>"$TMP/err"
	! grep -q '\[1/2\]' "$TMP/err" && pass "$prog-no-progress-off-terminal" || fail "$prog-no-progress-off-terminal"
done
# Standard input without -o: md2txt writes stdout; md2pdf and md2epub will
# not guess a file name, nor write binary data to a terminal.
out=$(cd "$w" && printf '# Piped\n\nfrom stdin\n' | "$BUILD/md2txt" - 2>&1); rc=$?
[ $rc = 0 ] && grep -q 'from stdin' <<<"$out" && pass md2txt-stdin-to-stdout || fail md2txt-stdin-to-stdout "rc=$rc"
for prog in md2epub md2pdf; do
	ext=${prog#md2}
	rm -f "$w/stdin.$ext"
	(cd "$w" && printf '# Piped\n' | "$BUILD/$prog" - >/dev/null 2>"$TMP/err"); rc=$?
	(cd "$w" && printf '# Piped\n' | "$BUILD/$prog" -O "odir-$ext" - >/dev/null 2>>"$TMP/err"); rc2=$?
	if [ $rc = 2 ] && [ $rc2 = 2 ] && [ ! -e "$w/stdin.$ext" ] && [ ! -e "$w/odir-$ext/stdin.$ext" ] &&
	   grep -q 'standard input has no name' "$TMP/err"; then
		pass "$prog-stdin-needs-output"; else fail "$prog-stdin-needs-output" "rc=$rc/$rc2"; fi
	(cd "$w" && printf '# Piped\n' | "$BUILD/$prog" -o - - | head -c 4 >"$TMP/magic")
	if [ "$(head -c 2 "$TMP/magic")" = PK ] || [ "$(cat "$TMP/magic")" = %PDF ]; then
		pass "$prog-stdin-to-stdout-with-o-dash"; else fail "$prog-stdin-to-stdout-with-o-dash"; fi
	(cd "$w" && script -qec "$BUILD/$prog -o - alpha.md" /dev/null >"$TMP/tty" 2>&1); rc=$?
	if grep -q 'will not write .* data to a terminal' "$TMP/tty" && ! grep -q 'PDF-1\|mimetype' "$TMP/tty"; then
		pass "$prog-no-binary-to-terminal"; else fail "$prog-no-binary-to-terminal" "$(head -c 200 "$TMP/tty")"; fi
done

# ---------------------------------------------------------------- diagnostics
# gcc's form (editors parse it): the location leads, no program prefix; a
# name in brackets; -Wno-NAME, -Werror, -Werror=NAME; did you mean.
printf -- '---\ntitle: Hints\n---\n\n![a](media/logo.png)\n\n![b](media\\Photo.PNG)\n\n![c](media/none.png)\n' >"$kit/hint.md"
for prog in md2txt md2epub md2pdf; do
	bin=$BUILD/$prog ext=${prog#md2}
	(cd "$w" && "$bin" -o "g.$ext" gamma.md) 2>"$TMP/err"; rc=$?
	if [ $rc = 0 ] && grep -qx 'gamma.md:5:1: warning: image not found: nowhere.png \[-Wmissing-image\]' "$TMP/err" &&
	   ! grep -q "^$prog: gamma" "$TMP/err"; then
		pass "$prog-diag-gcc-form"; else fail "$prog-diag-gcc-form" "$(head -n 2 "$TMP/err")"; fi
	rm -f "$w/g.$ext"
	(cd "$w" && "$bin" -Wno-missing-image --strict -o "g.$ext" gamma.md) 2>"$TMP/err"; rc=$?
	if [ $rc = 0 ] && [ ! -s "$TMP/err" ] && [ -s "$w/g.$ext" ]; then
		pass "$prog-diag-Wno-silences"; else fail "$prog-diag-Wno-silences" "rc=$rc $(head -n 2 "$TMP/err")"; fi
	rm -f "$w/g.$ext"
	(cd "$w" && "$bin" -Werror -o "g.$ext" gamma.md) 2>"$TMP/err"; rc=$?
	if [ $rc = 1 ] && [ ! -e "$w/g.$ext" ] &&
	   grep -q '^gamma.md:5:1: error: image not found: nowhere.png \[-Werror=missing-image\]$' "$TMP/err"; then
		pass "$prog-diag-Werror"; else fail "$prog-diag-Werror" "rc=$rc $(head -n 2 "$TMP/err")"; fi
	(cd "$w" && "$bin" -Werror=missing-image -o "g.$ext" gamma.md) 2>/dev/null; rc1=$?
	(cd "$w" && "$bin" -Werror=unknown-anchor -o "g.$ext" gamma.md) 2>/dev/null; rc2=$?
	if [ $rc1 = 1 ] && [ $rc2 = 0 ]; then pass "$prog-diag-Werror-one-class"
	else fail "$prog-diag-Werror-one-class" "rc=$rc1/$rc2"; fi
	"$bin" -Wno-such-thing "$w/alpha.md" >/dev/null 2>"$TMP/err"; rc=$?
	[ $rc = 2 ] && grep -q 'no such warning' "$TMP/err" && pass "$prog-diag-unknown-name-exit-2" ||
		fail "$prog-diag-unknown-name-exit-2" "rc=$rc"
	(cd "$kit" && "$bin" -o "hint.$ext" hint.md) 2>"$TMP/err"
	if grep -q 'hint.md:5:1: warning: image not found: media/logo.png (did you mean media/Logo.PNG?)' "$TMP/err" &&
	   grep -q 'hint.md:7:1: warning: image not found: media\\Photo.PNG (did you mean media/photo.png?)' "$TMP/err" &&
	   grep -q 'media/none.png \[-Wmissing-image\]$' "$TMP/err"; then
		pass "$prog-diag-did-you-mean"; else fail "$prog-diag-did-you-mean" "$(cat "$TMP/err")"; fi
	# Every diagnostic's name is in the man page.
	missing=
	for n in $(grep -o '{ *ART_\(ERROR\|WARNING\), *"[a-z0-9-]*"' "$ROOT/common/diag.c" | grep -o '"[a-z0-9-]*"' | tr -d '"' | sort -u); do
		grep -q "^\.B ${n//-/\\\\-}\$" "$ROOT/docs/$prog.1" || missing="$missing $n"
	done
	[ -z "$missing" ] && pass "$prog-man-lists-every-diagnostic" || fail "$prog-man-lists-every-diagnostic" "$missing"
done

# ---------------------------------------------------------------- install, man pages
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
