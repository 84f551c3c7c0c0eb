#!/usr/bin/env bash
# tests/corpus/suite-20-txt.sh BUILD - md2txt: the seed's text kept
# whole, line widths, CJK line-start rules, errors, the CommonMark/GFM spec
# examples (tests/data/spec) and cmark-gfm's pathological input patterns.
# Corpus sweeps cover tests/data/corpus, plus ../shared/corpus/dev if present.
. "$(dirname "$0")/../lib.sh"
TXT=$BUILD/md2txt
CHECK=$BUILD/txtcheck
SEED=$ROOT/tests/regress/seed/seed.md
if [ ! -x "$TXT" ]; then fail md2txt-built "$TXT missing"; exit 0; fi
if ! cc -std=c17 -O1 -o "$CHECK" "$ROOT/tests/corpus/txtcheck.c" \
	$(pkg-config --cflags --libs glib-2.0 libxml-2.0) 2>"$TMP/cc.err"; then
	fail txtcheck-builds "$(head -n 3 "$TMP/cc.err")"; exit 0
fi

# ---- the seed at -w 0 keeps every sentence; no escapes; CJK joined
"$TXT" -q -w 0 "$SEED" >"$TMP/seed0.txt"
awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$SEED" |
	sed -e 's/!\[[^]]*\]([^)]*)//g' -e 's/\\//g' -e 's/\*\*//g' -e '/^-*$/d' |
	tr -d ' \n\t' | sed 's/。/\n/g' >"$TMP/seed-src"
# (curly quotes read as the straight ones typed in the source)
sed -e '/^[-=]*$/d' -e 's/\[image: [^]]*\]//g' -e 's/[“”]/"/g' "$TMP/seed0.txt" | tr -d ' \n\t' >"$TMP/seed-out"
missing=0 total=0 out=$(<"$TMP/seed-out")
while IFS= read -r sentence; do
	[ -n "$sentence" ] || continue
	total=$((total + 1))
	[[ $out == *"$sentence"* ]] || { missing=$((missing + 1)); echo "    lost: $sentence"; }
done <"$TMP/seed-src"
if [ "$total" -ge 40 ] && [ "$missing" -eq 0 ]; then pass txt-seed-keeps-sentences
else fail txt-seed-keeps-sentences "$missing of $total sentences lost"; fi
if grep -qF '标准，一套' "$TMP/seed0.txt"; then pass txt-seed-cjk-joined
else fail txt-seed-cjk-joined "'标准，一套' not found on one line"; fi
if grep -q '\\' "$TMP/seed0.txt"; then fail txt-seed-no-backslash "$(grep -m1 '\\' "$TMP/seed0.txt")"
else pass txt-seed-no-backslash; fi
if [ "$(grep -c '^\[image: ' "$TMP/seed0.txt")" = 9 ]; then pass txt-seed-images
else fail txt-seed-images "expected 9 [image: ...] lines"; fi

# ---- widths (default 72 and 40), line-start punctuation, leftover escapes
mapfile -t CORPUS < <(corpus_mds)
for width in 72 40; do
	bad=0 n=0
	for md in "$SEED" "$ROOT"/tests/regress/txt/features.md "${CORPUS[@]}"; do
		n=$((n + 1))
		if [ "$width" = 72 ]; then "$TXT" -q "$md" >"$TMP/w.txt"; else "$TXT" -q -w "$width" "$md" >"$TMP/w.txt"; fi
		if ! "$CHECK" width "$width" "$TMP/w.txt" "$md" >"$TMP/w.err"; then
			bad=$((bad + 1))
			echo "    ${md#"$ROOT"/}:"; head -n 3 "$TMP/w.err" | sed 's/^/      /'
		fi
	done
	if [ "$DATA_ARTICLES" -ge 19 ] && [ "$n" -ge $((DATA_ARTICLES + 2)) ] && [ "$bad" = 0 ]; then pass "txt-width-$width-cjk-rules"
	else fail "txt-width-$width-cjk-rules" "$bad of $n articles have bad lines"; fi
done
# the checker itself must catch what it is there for
printf 'x\n，这一行以逗号开头\n' >"$TMP/bad1.txt"
yes 'word' | head -n 20 | tr '\n' ' ' >"$TMP/bad2.txt"; echo >>"$TMP/bad2.txt"
printf 'an \\[escape\n' >"$TMP/bad3.txt"
if ! "$CHECK" width 72 "$TMP/bad1.txt" >/dev/null && ! "$CHECK" width 72 "$TMP/bad2.txt" >/dev/null &&
	! "$CHECK" width 72 "$TMP/bad3.txt" >/dev/null; then pass txt-checker-catches
else fail txt-checker-catches "txtcheck accepted a bad line"; fi

# ---- -w and option errors
"$TXT" -w 20 "$SEED" 2>/dev/null >"$TMP/w20.txt"
if "$CHECK" width 20 "$TMP/w20.txt" "$SEED" >/dev/null; then pass txt-width-20
else fail txt-width-20 "$("$CHECK" width 20 "$TMP/w20.txt" "$SEED" | head -n 1)"; fi
"$TXT" -w -3 "$SEED" >/dev/null 2>&1
[ $? = 2 ] && pass txt-negative-width-usage || fail txt-negative-width-usage "exit $? not 2"
"$TXT" --no-such-option "$SEED" >/dev/null 2>&1
[ $? = 2 ] && pass txt-bad-option-usage || fail txt-bad-option-usage "exit not 2"

# ---- several inputs, -o, --dump-tree
"$TXT" -q -o - "$SEED" "$ROOT/tests/regress/txt/features.md" >"$TMP/two.txt"
sep=$(printf '%72s' '' | tr ' ' '~')
if [ "$(grep -cx -- "$sep" "$TMP/two.txt")" = 1 ] &&
	grep -q '^md2txt feature sheet' "$TMP/two.txt" && ! grep -q $'\f' "$TMP/two.txt"; then
	pass txt-several-inputs
else fail txt-several-inputs "expected both articles and one separator line"; fi
"$TXT" -q -o "$TMP/seed-o.txt" "$SEED"
"$TXT" -q "$SEED" >"$TMP/seed.txt"
cmp -s "$TMP/seed-o.txt" "$TMP/seed.txt" && pass txt-output-option || fail txt-output-option "-o output differs from stdout"
if "$TXT" -q --dump-tree "$SEED" | grep -qi 'heading'; then pass txt-dump-tree
else fail txt-dump-tree "no tree dump"; fi

# ---- errors: one file:line:col diagnostic, exit 1, nothing left behind
mkdir -p "$TMP/err"
printf 'Good line.\nBad \xff byte.\n' >"$TMP/err/utf8.md"
printf -- '---\ntitle: [unclosed\n---\nBody.\n' >"$TMP/err/yaml.md"
for kind in utf8 yaml; do
	"$TXT" -o "$TMP/err/out-$kind.txt" "$TMP/err/$kind.md" 2>"$TMP/err/$kind.stderr"
	rc=$?
	nerr=$(grep -cE "$kind\.md:[0-9]+:[0-9]+: error" "$TMP/err/$kind.stderr")
	left=$(ls "$TMP/err" | grep -c '^\(out-\|\.\)' || true)
	if [ "$rc" = 1 ] && [ "$nerr" = 1 ] && [ "$(wc -l <"$TMP/err/$kind.stderr")" = 1 ] &&
		[ "$(ls -A "$TMP/err" | grep -vcE '\.(md|stderr)$')" = 0 ]; then
		pass "txt-error-$kind"
	else
		fail "txt-error-$kind" "exit $rc, $nerr file:line:col errors, left: $(ls -A "$TMP/err" | tr '\n' ' ')"
		sed 's/^/    /' "$TMP/err/$kind.stderr"
	fi
done
: "$left"
# --strict: the seed's missing images are warnings, so exit 1 and no file
"$TXT" --strict -q -o "$TMP/err/strict.txt" "$SEED" 2>/dev/null
rc=$?
if [ "$rc" = 1 ] && [ ! -e "$TMP/err/strict.txt" ]; then pass txt-strict-warning-fails
else fail txt-strict-warning-fails "exit $rc, file left: $(ls "$TMP/err" | tr '\n' ' ')"; fi

# ---- CommonMark + GFM spec examples: no crash, exit 0, words kept
split_spec_examples "$TMP/spec"
nex=$(ls "$TMP/spec" | wc -l)
start=$(date +%s%N)
"$TXT" -q -w 0 -o - "$TMP"/spec/*.md >"$TMP/spec.out" 2>"$TMP/spec.err"
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$rc" = 0 ] && [ "$nex" -gt 690 ]; then pass "txt-spec-examples-convert"
else
	fail txt-spec-examples-convert "exit $rc over $nex examples"
	for f in "$TMP"/spec/*.md; do "$TXT" -q -w 0 "$f" >/dev/null 2>&1 || echo "    ${f##*/}: exit $?"; done | head
fi
echo "    $nex spec examples in ${ms} ms"
# every word a reader of the expected HTML sees is in md2txt's text, but
# for the examples tests/spec/txt-lost-words.txt lists (a ratchet: a listed
# example that keeps its words must leave the list)
split_spec_expected "$TMP/spec-html"
"$CHECK" words "$TMP/spec.out" "$TMP"/spec-html/*.html >"$TMP/words.txt"
sed -n 's|^.*/\([^/]*\)\.html: lost:.*|\1|p' "$TMP/words.txt" | sort >"$TMP/lost"
grep -v '^#' "$ROOT/tests/spec/txt-lost-words.txt" | awk 'NF { print $1 }' | sort >"$TMP/lost-known"
new=$(comm -23 "$TMP/lost" "$TMP/lost-known")
if [ -z "$new" ] && ! grep -q 'outputs' "$TMP/words.txt"; then pass txt-spec-every-word-kept
else
	fail txt-spec-every-word-kept "$(echo "$new" | grep -c .) examples lose words: $(echo $new)"
	grep -F -f <(echo "$new") "$TMP/words.txt" | sed "s|^$TMP/spec-html/|    |" | cut -c1-150 | head -n 15
fi
kept=$(comm -13 "$TMP/lost" "$TMP/lost-known")
if [ -z "$kept" ]; then pass txt-lost-words-list-current
else fail txt-lost-words-list-current "these keep every word now; delete their lines from tests/spec/txt-lost-words.txt: $(echo $kept)"; fi
sed "s|^$TMP/spec-html/|    known: |" "$TMP/words.txt" | cut -c1-150 | head -n 5

# the "**" repair is for CJK only: CommonMark's literal asterisks stay
# (spec examples 389 and 401), the corpus's Chinese bold is repaired
printf 'a**"foo"**\n\n**(**foo)\n\n**7月27日，成功举办。**论坛以\n' >"$TMP/stars.md"
"$TXT" -q -w 0 --no-smart "$TMP/stars.md" >"$TMP/stars.txt"
if [ "$(tr '\n' '|' <"$TMP/stars.txt")" = 'a**"foo"**||**(**foo)||7月27日，成功举办。论坛以|' ]; then pass txt-literal-asterisks-kept
else fail txt-literal-asterisks-kept "$(tr '\n' '|' <"$TMP/stars.txt")"; fi
# and in the seed and the corpus no "**" run beside CJK is left in the text
# (the model's text nodes: code aside)
cjk='[\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]'
left=0 nzh=0
for md in "$SEED" "${CORPUS[@]}"; do
	"$TXT" -q --dump-tree "$md" 2>/dev/null >"$TMP/tree.txt"
	grep -q '^lang zh' "$TMP/tree.txt" && nzh=$((nzh + 1))
	if grep -P "^\s*text \".*((?<!\*)\*\*$cjk|$cjk\*\*(?!\*))" "$TMP/tree.txt" >"$TMP/left.txt"; then
		left=$((left + 1)); echo "    ${md#$ROOT/}: $(head -n 1 "$TMP/left.txt" | cut -c1-100)"
	fi
done
if [ "$nzh" -ge 10 ] && [ "$left" = 0 ]; then pass txt-corpus-cjk-bold-repaired
else fail txt-corpus-cjk-bold-repaired "$left articles keep a \"**\" beside CJK ($nzh Chinese articles)"; fi

# an image's alt text is the plain text of its content (spec 582-583)
printf '![foo ![bar](/url)](/url2)\n\nx ![foo [bar](/url)](/url2) y\n' >"$TMP/alt.md"
"$TXT" -q -w 0 "$TMP/alt.md" >"$TMP/alt.txt"
if [ "$(tr '\n' '|' <"$TMP/alt.txt")" = '[image: foo bar]||x [image: foo bar] y|' ]; then pass txt-nested-image-alt
else fail txt-nested-image-alt "$(tr '\n' '|' <"$TMP/alt.txt")"; fi

# a table printed as records keeps a cell's line breaks (<br>), each line
# under the field (cri: "Valid values are as follows:<br>// unconfined...")
printf '| Parameter | Description |\n|---|---|\n| level | One of:<br>debug<br>info<br>warn |\n' >"$TMP/rec.md"
"$TXT" -q -w 30 "$TMP/rec.md" >"$TMP/rec.txt"
if [ "$(tr '\n' '|' <"$TMP/rec.txt")" = 'Parameter: level|  Description: One of:|    debug|    info|    warn|' ]
then pass txt-table-record-line-breaks
else fail txt-table-record-line-breaks "$(tr '\n' '|' <"$TMP/rec.txt")"; fi

# a file path is one word, as a URL, and "->" is never split: no line
# ends in "/" or "-" cut out of them, at any width
printf 'The file is in the /etc/yum.repos.d/openEuler.repo folder and victim->fd_nextsize = victim->bk_nextsize here and more text /sys/kernel/security/ima/policy file.\n' >"$TMP/path.md"
cut=$(for w in $(seq 24 2 70); do "$TXT" -q -w "$w" "$TMP/path.md"; done | grep -cE '[/-]$')
if [ "$cut" = 0 ]; then pass txt-paths-whole
else fail txt-paths-whole "$cut lines end inside a path or '->'"; fi

# an icon in a line without alt text is decoration ("![](icon-note.gif)
# **NOTE:**" in 69 places of the corpus): left out; with alt text, or a
# picture without, it stays
python3 "$ROOT/tests/hostile/mkpng.py" "$TMP/icon.png" 20 20
python3 "$ROOT/tests/hostile/mkpng.py" "$TMP/photo.png" 400 300
printf '> ![](icon.png) **NOTE:** Mind it.\n\nClick ![gear](icon.png) now.\n\nSee ![](photo.png) here.\n' >"$TMP/deco.md"
"$TXT" -q -w 0 "$TMP/deco.md" >"$TMP/deco.txt"
if [ "$(tr '\n' '|' <"$TMP/deco.txt")" = '> NOTE: Mind it.||Click [image: gear] now.||See [image] here.|' ]
then pass txt-decorative-icon-left-out
else fail txt-decorative-icon-left-out "$(tr '\n' '|' <"$TMP/deco.txt")"; fi

# ---- pathological inputs (the patterns of cmark-gfm's own tests): about linear time
# CPU time (user + system), not wall time: the machine is shared
limit=3000
fast && limit=15000
TIMEFORMAT='%3U %3S'
mkdir -p "$TMP/path"
rep() { yes "$1" | head -n "$2" | tr -d '\n'; }
{ rep '*a **a ' 65000; printf b; rep ' a** a*' 65000; } >"$TMP/path/emph.md"
rep 'a_ ' 65000 >"$TMP/path/under1.md"
rep '_a ' 65000 >"$TMP/path/under2.md"
rep 'a]' 65000 >"$TMP/path/close-bracket.md"
rep '[a' 65000 >"$TMP/path/open-bracket.md"
{ rep '[' 50000; printf a; rep ']' 50000; } >"$TMP/path/nested-brackets.md"
{ rep '> ' 50000; printf 'a\n'; } >"$TMP/path/nested-quotes.md"
awk 'BEGIN { for (i = 1; i <= 1000; i++) { s = ""; for (j = 0; j < i; j++) s = s "  "; print s "* a" } }' >"$TMP/path/deep-list.md"
awk 'BEGIN { s = ""; for (i = 1; i <= 5000; i++) { s = s "`"; printf "e%s", s } }' >"$TMP/path/backticks.md"
rep '[a](<b' 30000 >"$TMP/path/link-dest.md"
yes '| a |' | head -n 10000 >"$TMP/path/table.md"
awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "[l%d]: /u%d\n", i, i; print "[l1] [l5000]" }' >"$TMP/path/refdefs.md"
for f in "$TMP"/path/*.md; do
	name=${f##*/}; name=${name%.md}
	{ time timeout 60 "$TXT" -q "$f" >"$TMP/path/$name.out" 2>&1; } 2>"$TMP/path/$name.time"
	rc=$?
	read -r u s <"$TMP/path/$name.time"
	ms=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')
	if [ "$rc" = 0 ] && [ "$ms" -le "$limit" ] && [ -s "$TMP/path/$name.out" ]; then pass "txt-pathological-$name"
	else fail "txt-pathological-$name" "exit $rc after ${ms} ms (limit ${limit} ms), $(wc -c <"$TMP/path/$name.out") bytes"; fi
done
exit 0
