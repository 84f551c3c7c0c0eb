#!/usr/bin/env bash
# Inputs the fuzzers once crashed on (tests/fuzz/regress/): each converts
# with all three tools to an answer, exit 0 or 1, never a signal or a
# sanitizer report.
. "$(dirname "$0")/../lib.sh"

n=0
for f in "$ROOT"/tests/fuzz/regress/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	base=$(basename "$f")
	cp "$f" "$TMP/in.md"
	for t in md2txt md2epub md2pdf; do
		timeout 60 "$BUILD/$t" -q -o "$TMP/out.$t" "$TMP/in.md" >/dev/null 2>"$TMP/err"
		rc=$?
		if [ $rc -gt 1 ]; then fail "fuzz-regress-$t-$base" "exit $rc: $(grep -a -m1 'ERROR\|error' "$TMP/err")"
		elif grep -aq 'Sanitizer\|runtime error' "$TMP/err"; then fail "fuzz-regress-$t-$base" "$(grep -a -m1 'Sanitizer\|runtime error' "$TMP/err")"
		else pass "fuzz-regress-$t-$base"; fi
	done
done
[ $n -gt 0 ] || pass fuzz-regress-none-yet
