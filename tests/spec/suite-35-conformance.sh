#!/usr/bin/env bash
# tests/spec/suite-35-conformance.sh BUILD - every example of the spec files
# in tests/data/spec through md2epub as one book; each chapter's article is
# compared with the example's expected HTML after the normalisation of
# tests/spec/specconform.c (docs/conformance.md).  A ratchet: an example that
# differs must be listed in tests/spec/known-differences.txt with its reason,
# and a listed example that matches must leave the list.
. "$(dirname "$0")/../lib.sh"
EPUB=$BUILD/md2epub
CONFORM=$BUILD/specconform
KNOWN=$ROOT/tests/spec/known-differences.txt
if [ ! -x "$EPUB" ]; then fail md2epub-built "$EPUB missing"; exit 0; fi
if ! cc -std=c17 -O1 -o "$CONFORM" "$ROOT/tests/spec/specconform.c" \
	$(pkg-config --cflags --libs glib-2.0 libxml-2.0) 2>"$TMP/cc.err"; then
	fail specconform-builds "$(head -n 3 "$TMP/cc.err")"; exit 0
fi

split_spec_examples "$TMP/md"
split_spec_expected "$TMP/html"
"$EPUB" -q -o "$TMP/spec.epub" "$TMP"/md/*.md 2>"$TMP/epub.err"
rc=$?
mkdir -p "$TMP/book" && (cd "$TMP/book" && unzip -q "$TMP/spec.epub")
# chapters follow the order of the inputs
i=0
for md in "$TMP"/md/*.md; do
	i=$((i + 1))
	name=${md##*/}; name=${name%.md}
	printf '%s %s %s\n' "$name" "$TMP/html/$name.html" "$(printf '%s/book/EPUB/chapter-%03d.xhtml' "$TMP" "$i")"
done >"$TMP/list"
total=$i
nch=$(ls "$TMP"/book/EPUB/chapter-*.xhtml 2>/dev/null | wc -l)
if [ "$rc" = 0 ] && [ "$total" -gt 700 ] && [ "$nch" = "$total" ]; then pass spec-book-converts
else fail spec-book-converts "exit $rc, $nch chapters for $total examples: $(head -n 2 "$TMP/epub.err")"; exit 0; fi

"$CONFORM" "$TMP/list" >"$TMP/result"
match=$(grep -c '^MATCH ' "$TMP/result")
skip=$(grep -c '^SKIP ' "$TMP/result")
grep '^DIFF ' "$TMP/result" | cut -d' ' -f2 | sort >"$TMP/differ"
grep -v '^#' "$KNOWN" | awk 'NF { print $1 }' | sort >"$TMP/known"
dups=$(uniq -d "$TMP/known" | tr '\n' ' ')
cut -d' ' -f1 "$TMP/list" | sort >"$TMP/all"

# examples that differ and are not listed: what a change broke
new=$(comm -23 "$TMP/differ" "$TMP/known")
if [ -z "$new" ]; then pass spec-conformance-no-new-differences
else
	fail spec-conformance-no-new-differences "$(echo "$new" | wc -l) examples differ that matched: $(echo $new)"
	for n in $new; do grep -A2 "^DIFF $n\$" "$TMP/result" | cut -c1-400 | sed 's/^/    /'; done | head -n 30
fi
# listed examples that match now: the list shrinks
fixed=$(comm -12 "$TMP/known" <(grep '^MATCH ' "$TMP/result" | cut -d' ' -f2 | sort))
if [ -z "$fixed" ]; then pass spec-known-differences-current
else fail spec-known-differences-current "these match now; delete their lines from tests/spec/known-differences.txt: $(echo $fixed)"; fi
stray=$(comm -23 "$TMP/known" "$TMP/all")
if [ -z "$stray" ] && [ -z "$dups" ]; then pass spec-known-differences-names
else fail spec-known-differences-names "no such example: $(echo $stray); listed twice: $dups"; fi
# every listed line gives a reason
if grep -v '^#' "$KNOWN" | awk 'NF == 1 { bad = 1 } END { exit bad }'; then pass spec-known-differences-reasons
else fail spec-known-differences-reasons "a line without a reason: $(grep -v '^#' "$KNOWN" | awk 'NF == 1' | head -n 1)"; fi

ndiff=$(wc -l <"$TMP/differ")
deliberate=$(grep -v '^#' "$KNOWN" | grep -c ' deliberate:')
echo "    $match of $((total - skip)) spec examples match md2epub's output ($skip only need to convert);"
echo "    $ndiff differ, $deliberate of the listed differences deliberate (tests/spec/known-differences.txt)"

# the comparison itself must see a difference when there is one
printf '<p>a <em>b</em></p>\n' >"$TMP/want.html"
cat >"$TMP/got.xhtml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<section epub:type="chapter"><p>a <strong>b</strong></p></section></body></html>
EOF
sed 's|strong>|em>|g' "$TMP/got.xhtml" >"$TMP/same.xhtml"
printf 'bad %s %s\ngood %s %s\n' "$TMP/want.html" "$TMP/got.xhtml" "$TMP/want.html" "$TMP/same.xhtml" >"$TMP/self"
if [ "$("$CONFORM" "$TMP/self" | grep -c -e '^DIFF bad' -e '^MATCH good')" = 2 ]; then pass specconform-sees-differences
else fail specconform-sees-differences "$("$CONFORM" "$TMP/self" | head -n 3 | tr '\n' ' ')"; fi
exit 0
