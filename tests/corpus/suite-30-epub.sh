#!/usr/bin/env bash
# tests/corpus/suite-30-epub.sh BUILD - md2epub: the seed's
# metadata and nav, byte-identical rebuilds, the container layout, raw HTML
# sanitising, links between chapters, options and failures, every corpus
# article and one book of all of them through epubcheck (0 errors, 0
# warnings), and the CommonMark/GFM spec examples as well-formed XHTML.
#
# epubcheck runs once per EPUB through tests/corpus/EpubBatch.java (one JVM
# for all files) when javac exists (default-jdk-headless), else as
# `java -jar epubcheck.jar`, two at a time, on the four books only (a JVM per
# file takes 10-20 s).  MDPRESS_FAST=1 (the ASan run) skips epubcheck and prints a note.
# The chapter XHTML goldens are checked by tests/regress/suite-10-golden.sh.
. "$(dirname "$0")/../lib.sh"
EPUB=$BUILD/md2epub
XC=$BUILD/xmlcheck
SEED=$ROOT/tests/regress/seed/seed.md
GOLD=$ROOT/tests/regress/xhtml
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
if [ ! -x "$EPUB" ]; then fail md2epub-built "$EPUB missing"; exit 0; fi
if ! cc -std=c17 -O1 -o "$XC" "$ROOT/tests/corpus/xmlcheck.c" \
	$(pkg-config --cflags --libs libxml-2.0) 2>"$TMP/cc.err"; then
	fail xmlcheck-builds "$(head -n 3 "$TMP/cc.err")"; exit 0
fi
xp() { "$XC" xpath "$1" "$2"; }
# unpack EPUB DIR
unpack() { rm -rf "$2"; mkdir -p "$2" && (cd "$2" && unzip -q "$1"); }

# ---- the seed: converts with warnings only, twice to the same bytes
"$EPUB" -o "$TMP/seed.epub" "$SEED" 2>"$TMP/seed.err"
rc=$?
"$EPUB" -q -o "$TMP/seed2.epub" "$SEED"
if [ "$rc" = 0 ] && [ -s "$TMP/seed.epub" ]; then pass epub-seed-converts
else fail epub-seed-converts "exit $rc: $(head -n 2 "$TMP/seed.err")"; fi
if cmp -s "$TMP/seed.epub" "$TMP/seed2.epub"; then pass epub-reproducible
else fail epub-reproducible "two runs on the seed differ"; fi
SOURCE_DATE_EPOCH=1600000000 "$EPUB" -q -o "$TMP/seed3.epub" "$SEED"
if ! cmp -s "$TMP/seed.epub" "$TMP/seed3.epub"; then pass epub-source-date-epoch-used
else fail epub-source-date-epoch-used "SOURCE_DATE_EPOCH changed nothing"; fi
unpack "$TMP/seed.epub" "$TMP/seed"
S=$TMP/seed/EPUB

# mimetype first, stored, no extra field: its bytes sit at offset 38
if [ "$(dd if="$TMP/seed.epub" bs=1 skip=30 count=28 2>/dev/null)" = "mimetypeapplication/epub+zip" ]
then pass epub-mimetype-first-stored
else fail epub-mimetype-first-stored "first entry is not a stored mimetype"; fi
if [ "$(unzip -Z1 "$TMP/seed.epub" | tr '\n' ' ')" = \
	"mimetype META-INF/container.xml EPUB/package.opf EPUB/nav.xhtml EPUB/toc.ncx EPUB/style.css EPUB/chapter-001.xhtml " ]
then pass epub-seed-layout
else fail epub-seed-layout "$(unzip -Z1 "$TMP/seed.epub" | tr '\n' ' ')"; fi

n=$(xp 'count(//h:nav[@epub:type="toc"]//h:li)' "$S/nav.xhtml")
first=$(xp 'string(//h:nav[@epub:type="toc"]//h:li[1]/h:a)' "$S/nav.xhtml")
if [ "$n" = 8 ] && [ "$first" = "openEuler 社区加速 AI 融合与应用，累计装机量达到850万+台套" ]
then pass epub-seed-nav-eight-sections
else fail epub-seed-nav-eight-sections "$n entries, first '$first'"; fi
n=$(xp 'count(//ncx:navPoint)' "$S/toc.ncx")
[ "$n" = 8 ] && pass epub-seed-ncx || fail epub-seed-ncx "$n navPoints"
meta() { xp "string(//opf:metadata/$1)" "$S/package.opf"; }
if [ "$(meta dc:language)" = zh ] && [ "$(xp 'string(/h:html/@xml:lang)' "$S/chapter-001.xhtml")" = zh ] &&
	[ "$(xp 'string(/h:html/@lang)' "$S/chapter-001.xhtml")" = zh ]; then pass epub-seed-language-zh
else fail epub-seed-language-zh "dc:language '$(meta dc:language)'"; fi
got="$(meta dc:title)|$(meta dc:creator)|$(meta dc:date)|$(meta dc:subject)|$(meta 'opf:meta[@property="dcterms:modified"]')"
want="华为全联接大会2024︱openEuler 分论坛成功举办|openEuler|2024-09-30|openEuler|2023-11-14T22:13:20Z"
[ "$got" = "$want" ] && pass epub-seed-metadata || fail epub-seed-metadata "$got"
if meta dc:identifier | grep -Eq '^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' &&
	[ "$(meta dc:identifier)" = "$(xp 'string(//ncx:meta[@name="dtb:uid"]/@content)' "$S/toc.ncx")" ]
then pass epub-seed-identifier
else fail epub-seed-identifier "$(meta dc:identifier)"; fi
n=$(xp 'count(//h:span[@class="missing-image"])' "$S/chapter-001.xhtml")
if [ "$n" = 9 ] && [ ! -e "$S/cover.xhtml" ] && grep -q 'image not found: img/banners/0930-hc.jpeg' "$TMP/seed.err"
then pass epub-seed-missing-images-placeholders
else fail epub-seed-missing-images-placeholders "$n placeholders; cover page or banner warning wrong"; fi

# ---- the feature sheet: sanitising, notes, tables, links between chapters
"$EPUB" -o "$TMP/f.epub" "$GOLD/features.md" "$GOLD/second.md" 2>"$TMP/f.err"
unpack "$TMP/f.epub" "$TMP/f"
F=$TMP/f/EPUB/chapter-001.xhtml
# raw HTML reaches the XHTML as model nodes: no active content, no
# presentational attributes; GFM's tag filter shows <script> as text
if ! grep -Eqi '<script|<iframe|<video|onclick|onmouseover|javascript:|style=|width="50%"|align=|valign|border=' "$F" &&
	grep -qF '<p>&lt;script&gt;alert("gone")&lt;/script&gt;</p>' "$F" &&
	grep -q 'warning: raw HTML element dropped: <video>' "$TMP/f.err"; then pass epub-html-sanitised
else fail epub-html-sanitised "$(grep -Eoi '<script|<iframe|<video|on[a-z]+=|javascript:|style=|align=|border=' "$F" | head -n 3 | tr '\n' ' ')"; fi
if [ "$(xp 'count(//h:p[@id="anchor-here"]) + count(//h:sup[.="super"]) + count(//h:sub[.="2"]) + count(//h:td[@colspan="2"][.="cell"])' "$F")" = 4 ]
then pass epub-html-kept
else fail epub-html-kept "anchor id, sup, sub or colspan lost"; fi
if [ "$(xp 'count(//h:a[@epub:type="noteref"])' "$F")" = 3 ] &&
	[ "$(xp 'count(//h:aside[@epub:type="footnote"])' "$F")" = 2 ] &&
	[ "$(xp 'string((//h:a[@epub:type="noteref"])[2]/@href)' "$F")" = "#fn-1" ]; then pass epub-footnotes
else fail epub-footnotes "noterefs/asides wrong"; fi
if [ "$(xp 'string(//h:th[2]/@class)' "$F")" = align-center ] && [ "$(xp 'string(//h:td[3]/@class)' "$F")" = align-right ]
then pass epub-table-alignment
else fail epub-table-alignment "no align classes"; fi
if [ "$(xp 'string(//h:ul[@class="tasks"])' "$F" | tr -d '\n')" = "☑ done task☐ open task" ]; then pass epub-task-list
else fail epub-task-list "$(xp 'string(//h:ul[@class="tasks"])' "$F")"; fi
[ "$(xp 'string(//h:pre/h:code/@class)' "$F")" = language-c ] && pass epub-code-language || fail epub-code-language
if [ "$(xp 'string(//h:a[.="the other chapter"]/@href)' "$F")" = chapter-002.xhtml#second-heading ] &&
	[ "$(xp 'string(//h:a[.="its start"]/@href)' "$F")" = chapter-002.xhtml ] &&
	[ "$(xp 'string(//h:a[.="the first"]/@href)' "$TMP/f/EPUB/chapter-002.xhtml")" = chapter-001.xhtml#tables-and-lists ] &&
	[ "$(xp 'string(//h:a[.="a missing anchor"]/@href)' "$TMP/f/EPUB/chapter-002.xhtml")" = chapter-001.xhtml ] &&
	[ "$(xp 'count(//h:a[.="a missing anchor"]/@href)' "$F")" = 0 ] &&
	[ "$(xp 'string(//h:a[.="the web"]/@href)' "$F")" = "https://example.com/a%20b" ]; then pass epub-links-between-chapters
else fail epub-links-between-chapters "cross-chapter or dropped links wrong"; fi
O=$TMP/f/EPUB/package.opf
if [ "$(xp 'count(//dc:creator)' "$O")" = 2 ] && [ "$(xp 'string(//dc:date)' "$O")" = 2024-09-03 ] &&
	[ "$(xp 'count(//opf:spine/opf:itemref)' "$O")" = 2 ] &&
	[ "$(xp 'string(/h:html/@lang)' "$F")" = en ]; then pass epub-book-of-two
else fail epub-book-of-two "creators, date, spine or lang wrong"; fi

# ---- options: --title/--author/--metadata, --css, --css-append, --cover
printf 'title: Book From YAML\nauthor: [Yaml Author]\nlang: en\nidentifier: isbn-123\n' >"$TMP/book.yaml"
"$EPUB" -q -o "$TMP/o.epub" --metadata "$TMP/book.yaml" --author 'Cli Author' "$SEED"
unzip -p "$TMP/o.epub" EPUB/package.opf >"$TMP/o.opf"
if [ "$(xp 'string(//dc:title)' "$TMP/o.opf")|$(xp 'string(//dc:creator)' "$TMP/o.opf")|$(xp 'string(//dc:identifier)' "$TMP/o.opf")|$(xp 'string(//dc:language)' "$TMP/o.opf")" = \
	"Book From YAML|Cli Author|isbn-123|en" ]; then pass epub-metadata-options
else fail epub-metadata-options "$(xp 'string(//dc:title)' "$TMP/o.opf") / $(xp 'string(//dc:creator)' "$TMP/o.opf")"; fi
printf 'body { color: #123456; }\n' >"$TMP/a.css"
"$EPUB" -q -o "$TMP/c1.epub" --css "$TMP/a.css" "$SEED"
"$EPUB" -q -o "$TMP/c2.epub" --css-append "$TMP/a.css" "$SEED"
if [ "$(unzip -p "$TMP/c1.epub" EPUB/style.css)" = 'body { color: #123456; }' ] &&
	unzip -p "$TMP/c2.epub" EPUB/style.css | grep -q 'Noto Serif CJK SC' &&
	unzip -p "$TMP/c2.epub" EPUB/style.css | grep -q '#123456'; then pass epub-css-options
else fail epub-css-options "--css or --css-append not applied"; fi
# a link whose target is gone stays an <a> without href (its text kept):
# only a[href] takes the link colour, so it reads as plain text
css=$(unzip -p "$TMP/seed.epub" EPUB/style.css)
if grep -q '^a\[href\] {' <<<"$css" && ! grep -q '^a {' <<<"$css"; then pass epub-css-dead-links-plain
else fail epub-css-dead-links-plain "$(grep -n '^a' <<<"$css" | head -n 2 | tr '\n' ' ')"; fi
cover=$(ls "$DATA"/corpus/ws-zh-blog-trainey-yaml_compilation_guide/imgs/*.png 2>/dev/null | head -n 1)
if [ -z "$cover" ]; then fail epub-cover "no cover image in tests/data"; else
	cp "$SEED" "$TMP/covered.md"; cp "$cover" "$TMP/cover.png"
	"$EPUB" -q -o "$TMP/cover.epub" --cover "$TMP/cover.png" "$TMP/covered.md"
	unzip -p "$TMP/cover.epub" EPUB/package.opf >"$TMP/cover.opf"
	if unzip -Z1 "$TMP/cover.epub" | grep -q '^EPUB/cover.xhtml$' &&
		[ "$(xp 'string(//opf:item[@properties="cover-image"]/@media-type)' "$TMP/cover.opf")" = image/png ] &&
		[ "$(xp 'string(//opf:spine/opf:itemref[1]/@idref)' "$TMP/cover.opf")" = cover ]; then pass epub-cover
	else fail epub-cover "no cover page or cover-image item"; fi
fi

# ---- output names and failures
mkdir -p "$TMP/beside" && cp "$SEED" "$TMP/beside/a.md" && cp "$SEED" "$TMP/beside/b.md"
"$EPUB" -q "$TMP/beside/a.md" "$TMP/beside/b.md"
if [ -s "$TMP/beside/a.epub" ] && [ -s "$TMP/beside/b.epub" ]; then pass epub-one-per-input-beside
else fail epub-one-per-input-beside "$(ls "$TMP/beside" | tr '\n' ' ')"; fi
"$EPUB" -q --strict -o "$TMP/beside/strict.epub" "$SEED" 2>/dev/null
rc=$?
if [ "$rc" = 1 ] && [ "$(ls "$TMP/beside" | tr '\n' ' ')" = "a.epub a.md b.epub b.md " ]; then pass epub-strict-no-output
else fail epub-strict-no-output "exit $rc; $(ls "$TMP/beside" | tr '\n' ' ')"; fi
printf 'bad \xff utf-8\n' >"$TMP/beside/bad.md"
"$EPUB" -q -o "$TMP/beside/bad.epub" "$TMP/beside/bad.md" 2>/dev/null
rc=$?
if [ "$rc" = 1 ] && [ ! -e "$TMP/beside/bad.epub" ] && [ "$(ls "$TMP/beside" | wc -l)" = 5 ]; then pass epub-error-no-output
else fail epub-error-no-output "exit $rc; $(ls "$TMP/beside" | tr '\n' ' ')"; fi
"$EPUB" -q -o "$TMP/no/such/dir/x.epub" "$SEED" 2>/dev/null
[ $? = 1 ] && pass epub-unwritable-output || fail epub-unwritable-output "exit not 1"
"$EPUB" -q -o - "$SEED" >"$TMP/stdout.epub"
cmp -s "$TMP/stdout.epub" "$TMP/seed.epub" && pass epub-stdout || fail epub-stdout "differs from the file output"
"$EPUB" --no-such-option "$SEED" >/dev/null 2>&1
[ $? = 2 ] && pass epub-bad-option-usage || fail epub-bad-option-usage "exit not 2"

# ---- the corpus (tests/data, + ../shared if present): each article, then
# one book of all of them
mkdir -p "$TMP/corpus"
mapfile -t CORPUS < <(corpus_mds)
bad=0 n=0
for md in "${CORPUS[@]}"; do
	d=${md%/*}; name=${d##*/}
	n=$((n + 1))
	if ! "$EPUB" -q -o "$TMP/corpus/$name.epub" "$md" 2>"$TMP/corpus/$name.err"; then
		bad=$((bad + 1)); echo "    $name: $(head -n 1 "$TMP/corpus/$name.err")"
	fi
done
if [ "$DATA_ARTICLES" -ge 19 ] && [ "$n" -ge "$DATA_ARTICLES" ] && [ "$bad" = 0 ]; then pass epub-corpus-converts
else fail epub-corpus-converts "$bad of $n failed"; fi
"$EPUB" -q -o "$TMP/corpus-book.epub" "${CORPUS[@]}"
rc=$?
unpack "$TMP/corpus-book.epub" "$TMP/cb"
nch=$(ls "$TMP"/cb/EPUB/chapter-*.xhtml 2>/dev/null | wc -l)
if [ "$rc" = 0 ] && [ "$nch" = "$n" ] && "$XC" wf "$TMP"/cb/EPUB/*.xhtml "$TMP"/cb/EPUB/*.opf "$TMP"/cb/EPUB/*.ncx
then pass epub-corpus-book
else fail epub-corpus-book "exit $rc, $nch chapters of $n"; fi

# ---- CommonMark + GFM spec examples: one book, every XHTML well-formed
split_spec_examples "$TMP/spec"
nex=$(ls "$TMP/spec" | wc -l)
"$EPUB" -q -o "$TMP/spec.epub" "$TMP"/spec/*.md 2>"$TMP/spec.err"
rc=$?
unpack "$TMP/spec.epub" "$TMP/sp"
nch=$(ls "$TMP"/sp/EPUB/chapter-*.xhtml 2>/dev/null | wc -l)
if [ "$rc" = 0 ] && [ "$nex" -gt 690 ] && [ "$nch" = "$nex" ] &&
	"$XC" wf "$TMP"/sp/EPUB/*.xhtml "$TMP"/sp/EPUB/*.opf "$TMP"/sp/EPUB/*.ncx 2>"$TMP/spec.wf"
then pass epub-spec-examples-wellformed
else fail epub-spec-examples-wellformed "exit $rc, $nch of $nex chapters, $(head -n 2 "$TMP/spec.wf" | tr '\n' ' ')"; fi
# and the checker must catch a broken file
printf '<p>open' >"$TMP/broken.xhtml"
if ! "$XC" wf "$TMP/broken.xhtml" 2>/dev/null; then pass epub-xmlcheck-catches
else fail epub-xmlcheck-catches "accepted a broken file"; fi

# ---- hostile nesting (cmark-gfm's pathological patterns): no crash, no
# hang, well-formed output
mkdir -p "$TMP/path"
rep() { yes "$1" | head -n "$2" | tr -d '\n'; }
{ rep '*a **a ' 65000; printf b; rep ' a** a*' 65000; } >"$TMP/path/emph.md"
{ rep '> ' 50000; printf 'a\n'; } >"$TMP/path/quotes.md"
awk 'BEGIN { for (i = 1; i <= 1000; i++) { s = ""; for (j = 0; j < i; j++) s = s "  "; print s "* a" } }' >"$TMP/path/list.md"
{ rep '<div>' 50000; printf x; rep '</div>' 50000; echo; rep 'a <span>' 30000; echo; } >"$TMP/path/html.md"
for f in "$TMP"/path/*.md; do
	name=${f##*/}; name=${name%.md}
	timeout 60 "$EPUB" -q -o "$TMP/path/$name.epub" "$f" >/dev/null 2>&1
	rc=$?
	unpack "$TMP/path/$name.epub" "$TMP/path/$name"
	if [ "$rc" = 0 ] && "$XC" wf "$TMP/path/$name"/EPUB/*.xhtml 2>/dev/null; then pass "epub-pathological-$name"
	else fail "epub-pathological-$name" "exit $rc or not well-formed"; fi
done

# ---- epubcheck: seed, each corpus article, the corpus book, the feature book,
# the book of all spec examples
if fast; then
	echo "    epubcheck skipped (MDPRESS_FAST=1)"
	exit 0
fi
if ! command -v java >/dev/null || [ ! -f "$JAR" ]; then
	fail epubcheck-installed "java or $JAR missing (make deps)"; exit 0
fi
files=("$TMP/seed.epub" "$TMP"/corpus/*.epub "$TMP/corpus-book.epub" "$TMP/f.epub" "$TMP/spec.epub")
if command -v javac >/dev/null && mkdir -p "$TMP/jc" &&
	javac -cp "$JAR" -d "$TMP/jc" "$ROOT/tests/corpus/EpubBatch.java" 2>"$TMP/javac.err"; then
	java -cp "$JAR:$TMP/jc" EpubBatch "${files[@]}" >"$TMP/epubcheck.log" 2>&1
else
	# One JVM per file costs 10-20 s here: check the books only (the
	# corpus book holds every article); per-article checks need javac.
	echo "    javac missing (default-jdk-headless): epubcheck on the four books only"
	files=("$TMP/seed.epub" "$TMP/corpus-book.epub" "$TMP/f.epub" "$TMP/spec.epub")
	printf '%s\0' "${files[@]}" | xargs -0 -n 1 -P 2 sh -c \
		'if java -jar "$0" -q "$1" >"$1.log" 2>&1 && ! grep -q "^WARNING" "$1.log"; then echo "OK $1"; else cat "$1.log"; echo "BAD $1"; fi' "$JAR" \
		>"$TMP/epubcheck.log" 2>&1
fi
check_ok() {  # NAME FILE...
	local name=$1 bad=0; shift
	for f in "$@"; do
		grep -qxF "OK $f" "$TMP/epubcheck.log" || { bad=$((bad + 1)); echo "    not clean: ${f##*/}"; }
	done
	if [ "$bad" = 0 ]; then pass "$name"; else
		fail "$name" "$bad of $# EPUBs with epubcheck errors or warnings"
		grep -E '^(ERROR|WARNING|FATAL)' "$TMP/epubcheck.log" | sed "s|$TMP/||" | head -n 8 | sed 's/^/    /'
	fi
}
check_ok epubcheck-seed "$TMP/seed.epub"
if [ "${#files[@]}" -gt 4 ]; then check_ok epubcheck-corpus-articles "$TMP"/corpus/*.epub; fi
check_ok epubcheck-corpus-book "$TMP/corpus-book.epub"
check_ok epubcheck-feature-book "$TMP/f.epub"
check_ok epubcheck-spec-book "$TMP/spec.epub"
exit 0
