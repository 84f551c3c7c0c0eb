#!/usr/bin/env bash
# tests/regress/suite-10-golden.sh BUILD - every golden of tests/regress
# (.tree, .txt, .xhtml, .err beside a <case>.md) through the one runner,
# tests/regress/golden.sh; then proof that each kind of comparison can fail
# and that regen writes what check compares: on a copy of the seed (all
# three output goldens) and of one diagnostics case, each golden broken in
# turn must FAIL, an orphan golden must FAIL, and regen must restore the
# copies byte for byte.
. "$(dirname "$0")/../lib.sh"
RUN=$ROOT/tests/regress/golden.sh
"$RUN" "$BUILD" check || true

# ---- the runner catches what it should
T=$TMP/regress
mkdir -p "$T/seed" "$T/diag"
cp "$ROOT"/tests/regress/seed/seed.{md,tree,txt,xhtml} "$T/seed/"
cp "$ROOT"/tests/regress/diag/image-missing.{md,err} "$T/diag/"
cp -r "$T" "$TMP/pristine"
if out=$("$RUN" "$BUILD" check "$T") && [ "$(grep -c '^PASS ' <<<"$out")" = 4 ]
then pass golden-selftest-copy-passes
else fail golden-selftest-copy-passes "$(grep -v '^PASS' <<<"$out" | head -n 3 | tr '\n' ' ')"; fi

# break GOLDEN in place (a changed byte in its middle), expect exactly its FAIL
breaks() {
	local golden=$1 f=$T/$1 size out
	size=$(stat -c %s "$f")
	printf 'X' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc status=none
	out=$("$RUN" "$BUILD" check "$T")
	local rc=$?
	cp "$TMP/pristine/$golden" "$f"
	if [ "$rc" != 0 ] && grep -q "^FAIL golden-$golden: " <<<"$out" &&
		[ "$(grep -c '^FAIL ' <<<"$out")" = 1 ]; then pass "golden-selftest-catches-${golden##*.}"
	else fail "golden-selftest-catches-${golden##*.}" "a broken $golden went unnoticed (exit $rc)"; fi
}
breaks seed/seed.tree
breaks seed/seed.txt
breaks seed/seed.xhtml
breaks diag/image-missing.err

# a golden whose output is empty still fails when the output is not
: >"$T/diag/image-missing.err"
out=$("$RUN" "$BUILD" check "$T")
if [ $? != 0 ] && grep -q '^FAIL golden-diag/image-missing.err' <<<"$out"; then pass golden-selftest-catches-empty
else fail golden-selftest-catches-empty "an empty .err passed"; fi
cp "$TMP/pristine/diag/image-missing.err" "$T/diag/"

# a golden with no case beside it is a mistake, not a silent skip
cp "$T/seed/seed.txt" "$T/seed/renamed.txt"
out=$("$RUN" "$BUILD" check "$T")
if [ $? != 0 ] && grep -q '^FAIL golden-seed/renamed.txt: no renamed.md' <<<"$out"; then pass golden-selftest-orphan
else fail golden-selftest-orphan "an orphan golden passed"; fi
rm -f "$T/seed/renamed.txt"

# regen writes exactly what check compares: broken copies come back whole
printf 'stale\n' >"$T/seed/seed.tree"
printf 'stale\n' >>"$T/seed/seed.xhtml"
"$RUN" "$BUILD" regen "$T" >/dev/null
if diff -r "$TMP/pristine" "$T" >/dev/null; then pass golden-selftest-regen-restores
else fail golden-selftest-regen-restores "$(diff -rq "$TMP/pristine" "$T" | head -n 3 | tr '\n' ' ')"; fi
exit 0
