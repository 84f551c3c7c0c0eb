#!/usr/bin/env bash
# Deep nesting (issue 12): every tool converts block quotes, lists and
# emphasis nested tens of thousands deep, flattening past --max-nesting with
# one warning, and keeps the innermost text.  Inputs are generated here.
. "$(dirname "$0")/../lib.sh"

gen() { python3 -c "import sys; sys.stdout.write($1)" >"$TMP/$2.md"; }
gen "'> ' * 50000 + 'innermost\n'" quotes
gen "'- ' * 50000 + 'innermost\n'" lists
gen "'*a **a ' * 20000 + 'innermost' + ' a** a*' * 20000 + '\n'" emph
gen "'> 1. ' * 20000 + 'innermost\n'" mixed
gen "''.join('  ' * i + '- level\n' for i in range(200)) + '  ' * 200 + '- innermost\n'" indented

# text_of TOOL FILE: what a reader of the output sees.
text_of() {
	case $1 in
	md2txt) cat "$2" ;;
	md2epub) unzip -p "$2" '*.xhtml' | sed 's/<[^>]*>//g' ;;
	md2pdf) pdftotext -q "$2" - ;;
	esac
}

for t in md2txt md2epub md2pdf; do
	for c in quotes lists emph mixed indented; do
		out=$TMP/$c.$t
		"$BUILD/$t" -o "$out" "$TMP/$c.md" 2>"$TMP/err"
		rc=$?
		warns=$(grep -c 'nesting deeper than 64 levels flattened' "$TMP/err")
		if [ $rc -ne 0 ]; then fail "depth-$t-$c" "exit $rc: $(tail -n 2 "$TMP/err")"
		elif [ "$warns" != 1 ]; then fail "depth-$t-$c" "want one nesting warning, got $warns: $(head -c 300 "$TMP/err")"
		elif ! text_of $t "$out" | grep -q innermost; then fail "depth-$t-$c" "innermost text lost"
		else pass "depth-$t-$c"; fi
	done
	# raised to the ceiling, the renderers still recurse safely
	if "$BUILD/$t" -q --max-nesting 100000 -o "$TMP/q.$t" "$TMP/quotes.md" &&
	   text_of $t "$TMP/q.$t" | grep -q innermost; then pass "depth-$t-ceiling"
	else fail "depth-$t-ceiling" "failed at --max-nesting 1000"; fi
done

# Shallow input is left alone: no warning.
printf '> > - a *b **c***\n' >"$TMP/shallow.md"
if "$BUILD/md2txt" "$TMP/shallow.md" 2>&1 >/dev/null | grep -q nesting; then
	fail depth-shallow-no-warning "warned on 3 levels"
else pass depth-shallow-no-warning; fi
if "$BUILD/md2txt" --max-nesting -1 "$TMP/shallow.md" >/dev/null 2>&1; then
	fail depth-option-negative "accepted --max-nesting -1"
else pass depth-option-negative; fi

# Within --max-nesting (64) but past what an output shows nested (md2txt's
# prefixes in 72 columns: 24 levels; md2epub: 48): flattened there with
# one warning per article, never silently.  md2pdf shows every level.
gen "'> ' * 60 + 'innermost\n\n' + '> ' * 60 + 'again\n'" within
for t in md2txt md2epub md2pdf; do
	out=$TMP/within.${t#md2}
	"$BUILD/$t" -o "$out" "$TMP/within.md" 2>"$TMP/err"
	rc=$?
	case $t in
	md2txt) want='within.md:1:49: warning: nesting deeper than 24 levels shown flat in plain text \[-Wnesting\]' ;;
	md2epub) want='within.md:1:97: warning: nesting deeper than 48 levels shown flat in the EPUB \[-Wnesting\]' ;;
	md2pdf) want='' ;;
	esac
	got=$(grep -c warning "$TMP/err")
	if [ $rc != 0 ]; then fail "depth-$t-within-limit" "exit $rc"
	elif [ -n "$want" ] && { [ "$got" != 1 ] || ! grep -q "$want" "$TMP/err"; }; then
		fail "depth-$t-within-limit" "want one warning /$want/: $(cat "$TMP/err")"
	elif [ -z "$want" ] && [ "$got" != 0 ]; then fail "depth-$t-within-limit" "$(cat "$TMP/err")"
	elif ! text_of $t "$out" | grep -q again; then fail "depth-$t-within-limit" "text lost"
	else pass "depth-$t-within-limit"; fi
done

# Raw HTML deeper than libxml2 reads (256 open elements) used to vanish,
# with everything after the 256th level, without a word: its text is kept,
# flat, with one warning; the Markdown after it is untouched.
gen "'before\n\n' + '<blockquote>' * 20000 + 'innermost' + '</blockquote>' * 20000 + '\n\nafter\n'" rawdeep
for t in md2txt md2epub md2pdf; do
	out=$TMP/rawdeep.${t#md2}
	"$BUILD/$t" -o "$out" "$TMP/rawdeep.md" 2>"$TMP/err"
	rc=$?
	if [ $rc != 0 ]; then fail "depth-$t-raw-html" "exit $rc"
	elif [ "$(grep -c 'rawdeep.md:3:1: warning: nesting deeper than 256 levels shown flat in raw HTML \[-Wnesting\]' "$TMP/err")" != 1 ]; then
		fail "depth-$t-raw-html" "want one warning: $(head -c 300 "$TMP/err")"
	elif ! text_of $t "$out" | grep -q innermost || ! text_of $t "$out" | grep -q after; then
		fail "depth-$t-raw-html" "text lost"
	else pass "depth-$t-raw-html"; fi
done
