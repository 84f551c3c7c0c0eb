#!/usr/bin/env bash
# tests/regress/suite-12-check.sh BUILD - art_check() (common/node_rules.c)
# passes on the normalised tree of every test input, every corpus article
# and every spec example: --dump-tree checks each tree it dumps and fails
# with "invalid model tree" otherwise (the unit test check_rejects_*
# shows that it does reject malformed trees).
. "$(dirname "$0")/../lib.sh"
TXT=$BUILD/md2txt
if [ ! -x "$TXT" ]; then fail md2txt-built "$TXT missing"; exit 0; fi
split_spec_examples "$TMP/spec"
inputs=()
for md in "$ROOT"/tests/regress/*/*.md "$ROOT"/tests/data/corpus/*/*.md; do
	# diagnostics cases whose .err golden records a failed load have no tree
	err=${md%.md}.err
	[ -f "$err" ] && [ "$(tail -n 1 "$err")" != rc=0 ] && continue
	inputs+=("$md")
done
[ -d "$SHARED/corpus/dev" ] && inputs+=("$SHARED"/corpus/dev/*/*.md)
for set in spec inputs; do
	if [ $set = spec ]; then files=("$TMP"/spec/*.md); else files=("${inputs[@]}"); fi
	"$TXT" -q --dump-tree "${files[@]}" >"$TMP/$set.dump" 2>"$TMP/$set.err"
	rc=$?
	n=$(grep -c '^document' "$TMP/$set.dump")
	if [ "$rc" = 0 ] && [ "$n" = "${#files[@]}" ] && ! grep -q 'invalid model tree' "$TMP/$set.err"
	then pass "tree-check-$set"
	else fail "tree-check-$set" "exit $rc, $n of ${#files[@]} trees: $(grep -m1 'invalid' "$TMP/$set.err")"; fi
done
exit 0
