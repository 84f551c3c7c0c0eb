#!/usr/bin/env bash
# tests/book/suite-45-book.sh BUILD - several articles with -o make one book:
# md2pdf's book metadata, outline, cover, contents and running headers,
# checked from the PDF as a reader's tools see it (pdfinfo, qpdf --json,
# pdftotext); md2epub from the same book options.
. "$(dirname "$0")/../lib.sh"
have() { command -v "$1" >/dev/null 2>&1; }
if ! have pdftotext || ! have pdfinfo || ! have qpdf || ! have python3; then
	echo "  skipping: pdftotext, pdfinfo, qpdf or python3 missing"
	exit 0
fi
KIT=$ROOT/tests/book/kit
ARTS=("$KIT/first.md" "$KIT/second/index.md" "$KIT/third.md")

# outline_titles PDF: the top-level outline titles, one a line.
outline_titles() {
	qpdf --json --json-key=outlines "$1" |
		python3 -c 'import json, sys
for o in json.load(sys.stdin)["outlines"]: print(o["title"])'
}

# --- metadata and outline -------------------------------------------------
out=$TMP/meta.pdf
if "$BUILD/md2pdf" -q -o "$out" --metadata "$KIT/book.yaml" --author "Jo Bloggs" "${ARTS[@]}"; then
	info=$(pdfinfo "$out")
	if grep -qx 'Title: *Harbour Press Kit' <<<"$info" && grep -qx 'Author: *Jo Bloggs' <<<"$info" &&
	   grep -qx 'Keywords: *harbour, lights' <<<"$info"; then pass book-pdf-metadata
	else fail book-pdf-metadata "pdfinfo: $(grep -E 'Title|Author|Keywords' <<<"$info" | tr '\n' ' ')"; fi
	got=$(outline_titles "$out" | paste -sd '|')
	want='Harbour Lights Open Tonight|A Second Article Titled Only by Its Heading|港口灯光今晚开放'
	if [ "$got" = "$want" ]; then pass book-pdf-outline-titles
	else fail book-pdf-outline-titles "outline: $got"; fi
	check book-pdf-qpdf-check qpdf --check "$out"
else
	fail book-pdf-metadata "md2pdf failed"
fi
out=$TMP/title.pdf
if "$BUILD/md2pdf" -q -o "$out" --title "Kit Title" "${ARTS[@]}" &&
   pdfinfo "$out" | grep -qx 'Title: *Kit Title' &&
   pdfinfo "$out" | grep -qx 'Author: *Press Office'; then pass book-pdf-title-option
else fail book-pdf-title-option "--title not in the PDF info (or the first article's author missing)"; fi

# --- cover, contents, page labels -----------------------------------------
# contents_links PDF: PASS when the contents page (ii) links once to each
# article, and each link's target page holds that article's title.
out=$TMP/kit.pdf
if "$BUILD/md2pdf" -q -o "$out" --metadata "$KIT/book.yaml" --cover "$KIT/media/cover.jpg" "${ARTS[@]}"; then
	cover=$(pdftotext -f 1 -l 1 "$out" -)
	if grep -qx 'Harbour Press Kit' <<<"$cover" && grep -qx 'Spring 2026' <<<"$cover" &&
	   pdfimages -list -f 1 -l 1 "$out" 2>/dev/null | grep -q ' 600 *400 '; then pass book-pdf-cover
	else fail book-pdf-cover "page 1 lacks the title, subtitle or cover image"; fi
	toc=$(pdftotext -layout -f 2 -l 2 "$out" -)
	if grep -qE '^ *Contents *$' <<<"$toc" && grep -qE 'Harbour Lights Open Tonight +1$' <<<"$toc" &&
	   grep -qE '港口灯光今晚开放 +3$' <<<"$toc"; then pass book-pdf-contents-page
	else fail book-pdf-contents-page "no contents lines with page numbers on page 2"; fi
	links=$("$ROOT/tests/book/pdflinks.py" "$out" | awk '$1 == 2 { print $2 }')
	bad=
	i=0
	titles=('Harbour Lights Open Tonight' 'A Second Article Titled Only by Its Heading' '港口灯光今晚开放')
	for t in $links; do
		pdftotext -f "$t" -l "$t" "$out" - | tr "\n" " " | grep -qF "${titles[i]}" || bad="$bad ${titles[i]}->$t"
		i=$((i + 1))
	done
	if [ "$i" = 3 ] && [ -z "$bad" ]; then pass book-pdf-contents-links
	else fail book-pdf-contents-links "$i links;$bad"; fi
	labels=$(qpdf --json --json-key=pages "$out" | python3 -c 'import json, sys
for p in json.load(sys.stdin)["pages"]:
    l = p.get("label") or {}
    print(l.get("/P", "").replace("u:", "") or ("%d" % (l.get("/St", 1)) if l.get("/S") == "/D" else "?"))' | paste -sd ' ')
	if [ "$labels" = "i ii 1 2 3" ]; then pass book-pdf-page-labels
	else fail book-pdf-page-labels "labels: $labels"; fi
	check book-pdf-front-qpdf-check qpdf --check "$out"
else
	fail book-pdf-cover "md2pdf failed"
fi
out=$TMP/notoc.pdf
if "$BUILD/md2pdf" -q -o "$out" --no-toc --no-cover "${ARTS[@]}" &&
   [ "$(pdfinfo "$out" | awk '/^Pages:/ { print $2 }')" = 3 ] &&
   pdftotext -f 1 -l 1 "$out" - | grep -q 'Harbour Lights Open Tonight'; then pass book-pdf-no-front
else fail book-pdf-no-front "--no-toc --no-cover still has front pages"; fi

# --- running headers and footers (default style) --------------------------
# Every body page of the book above carries the book title and the article's
# title in its header and the page number in its footer.
out=$TMP/kit.pdf
if [ -f "$out" ]; then
	bad=
	for pg in 3 4 5; do
		first=$(pdftotext -layout -f $pg -l $pg "$out" - | grep -v '^ *$' | head -n 1)
		last=$(pdftotext -layout -f $pg -l $pg "$out" - | tr -d '\f' | grep -v '^ *$' | tail -n 1 | tr -d ' ')
		grep -q '^Harbour Press Kit  ' <<<"$first" || bad="$bad p$pg-header[$first]"
		[ "$last" = $((pg - 2)) ] || bad="$bad p$pg-footer[$last]"
	done
	if pdftotext -layout -f 4 -l 4 "$out" - | head -n 3 | grep -q 'Harbour Press Kit .*A Second Article Titled Only by Its Heading' &&
	   [ -z "$bad" ]; then pass book-pdf-running-header
	else fail book-pdf-running-header "$bad"; fi
fi

# Two titles too long for the header line together share it in proportion
# to their length, each cut with an ellipsis: no third of the line left
# empty between them (each was cut to a third of the line).
long=$TMP/longtitles
mkdir -p "$long"
printf -- '---\ntitle: openEuler Community Operations Monthly Report for July 2022 With Many More Words Added\n---\n\nText.\n' >"$long/a.md"
{ printf -- '---\ntitle: Yet Another Extremely Long Article Title That Goes On And On Without Any End In Sight\n---\n\n'
  for i in $(seq 1 80); do printf 'Paragraph %d, long enough that the article fills two pages.\n\n' "$i"; done; } >"$long/b.md"
if "$BUILD/md2pdf" -q -o "$long/book.pdf" "$long/a.md" "$long/b.md" 2>/dev/null &&
   pdftotext -bbox -f 5 -l 5 "$long/book.pdf" - | awk -F'"' 'BEGIN { n = 0 } /<word / && $4 < 40 { x[n] = $2; e[n] = $6; n++ }
	END { gap = 0; for (i = 1; i < n; i++) if (x[i] - e[i - 1] > gap) gap = x[i] - e[i - 1]
	      printf "    widest gap in the header: %.0f pt\n", gap; exit !(n > 4 && gap < 40) }' >"$long/log"
then pass book-pdf-header-shares-the-line
else fail book-pdf-header-shares-the-line "$(cat "$long/log")"; fi

# A cut part ends with an ellipsis set in its own text's run: on the
# baseline after Latin text, centred after Chinese (pango's own ellipsizing
# drew centred dots after Latin text and "..." after Chinese); a short part
# is never cut (the proportional share cut "Kit" too).  The ink of the
# dots is measured on the page against a letter without descender ("A")
# and a Han character of the same line.
hdr=$TMP/ellipsis
mkdir -p "$hdr"
printf -- '---\ntitle: 中文标题很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长\nlang: zh-CN\n---\n\n正文。\n' >"$hdr/zh.md"
{ printf -- '---\ntitle: A Very Long English Title About Open Source Operating Systems and Their Communities Across the World\n---\n\n'
  for i in $(seq 1 80); do printf 'Paragraph %d, long enough that the article fills two pages.\n\n' "$i"; done; } >"$hdr/en.md"
if "$BUILD/md2pdf" -q -o "$hdr/book.pdf" "$hdr/zh.md" "$hdr/en.md" 2>"$hdr/err" &&
   "$BUILD/md2pdf" -q --title Kit -o "$hdr/kit.pdf" "$hdr/zh.md" "$hdr/en.md" 2>>"$hdr/err"; then
	last=$(pdfinfo "$hdr/book.pdf" | awk '/^Pages:/ { print $2 }')
	line=$(pdftotext -layout -f "$last" -l "$last" "$hdr/book.pdf" - | head -n 1)
	if grep -q '^中文标题很长[很长]*…  .*A Very Long English Title.*[a-z]…$' <<<"$line" && ! grep -q '\.\.\.' <<<"$line"
	then pass book-pdf-header-ellipsis-text; else fail book-pdf-header-ellipsis-text "header: $line"; fi
	pdftotext -bbox -f "$last" -l "$last" "$hdr/book.pdf" "$hdr/bbox.html"
	pdftoppm -r 288 -gray -f "$last" -l "$last" -y 0 -H 200 -W 2400 "$hdr/book.pdf" "$hdr/top"
	if python3 - "$hdr/bbox.html" "$hdr"/top*.pgm >"$hdr/ink.log" 2>&1 <<'PY'
import re, sys
words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
    open(sys.argv[1], encoding='utf-8').read()) if float(b) < 40]
raw = open(sys.argv[2], 'rb').read()
magic, w, h, mx, pix = re.match(rb'(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)', raw, re.S).groups()
w, h, pix, k = int(w), int(h), pix, 4.0  # 288 dpi: 4 px a point
def ink(x0, x1):  # top and bottom ink rows between x0 and x1 (points)
    rows = [y for y in range(h) if any(pix[y * w + x] < 128 for x in range(int(x0 * k), min(int(x1 * k), w)))]
    return rows[0], rows[-1]
zh = next(x for x in words if x[4].startswith('中'))
en_a = next(x for x in words if x[4] == 'A')
en_last = words[-1]
em = (zh[3] - zh[1]) * 0.7  # about the font size
han = ink(zh[0], zh[0] + em)
zdots = ink(zh[2] - 0.8 * em, zh[2] - 0.1 * em)
a = ink(en_a[0], en_a[2])
edots = ink(en_last[2] - 0.8 * em, en_last[2] - 0.1 * em)
print('han', han, 'its dots', zdots, '"A"', a, 'its dots', edots)
han_mid, zdots_mid = (han[0] + han[1]) / 2, (zdots[0] + zdots[1]) / 2
ok_zh = abs(zdots_mid - han_mid) <= 0.15 * (han[1] - han[0])
ok_en = abs(edots[1] - a[1]) <= 2
print('centred after Chinese:', ok_zh, ' on the baseline after Latin:', ok_en)
sys.exit(0 if ok_zh and ok_en else 1)
PY
	then pass book-pdf-header-ellipsis-glyphs; else fail book-pdf-header-ellipsis-glyphs "$(tr '\n' ' ' <"$hdr/ink.log")"; fi
	line=$(pdftotext -layout -f "$last" -l "$last" "$hdr/kit.pdf" - | head -n 1)
	if grep -q '^Kit  .*A Very Long English Title.*…$' <<<"$line"
	then pass book-pdf-header-short-part-kept; else fail book-pdf-header-short-part-kept "header: $line"; fi
else
	fail book-pdf-header-ellipsis "md2pdf failed: $(head -n 2 "$hdr/err")"
fi

# --- one style file for PDF and EPUB ----------------------------------------
# The kit brings a font file; the style names it relative to itself.
cp -r "$KIT" "$TMP/kit"
mkdir -p "$TMP/kit/fonts"
font=/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf
if [ -f "$font" ]; then
	cp "$font" "$TMP/kit/fonts/KitSerif.ttf"
	K=$TMP/kit
	out=$TMP/styled.pdf
	if "$BUILD/md2pdf" -q -o "$out" --style "$K/style.yaml" --metadata "$K/book.yaml" -M "$TMP/styled.d" \
	      "$K/first.md" "$K/second/index.md" "$K/third.md"; then
		if pdfinfo "$out" | grep -q 'Page size: *419.5[0-9]* x 595.2[0-9]* pts'; then pass style-pdf-paper
		else fail style-pdf-paper "$(pdfinfo "$out" | grep 'Page size')"; fi
		if pdffonts "$out" | grep -q 'DejaVuSerifCondensed .* yes yes yes' &&
		   pdffonts "$out" | grep -q 'DejaVuSans-Bold .* yes yes yes'; then pass style-pdf-fonts
		else fail style-pdf-fonts "$(pdffonts "$out" | tail -n +3 | awk '{ print $1 }' | tr '\n' ' ')"; fi
		if grep -q "$K/fonts/KitSerif.ttf" "$TMP/styled.d" && grep -q "$K/style.yaml" "$TMP/styled.d"
		then pass style-deps-font-file; else fail style-deps-font-file "font file or style not in -M output"; fi
		n=$(pdftotext "$out" - | grep -c '^EMBARGOED UNTIL 2 MARCH 2026, 09:00$')
		if [ "$n" = 3 ]; then pass style-pdf-footer-text
		else fail style-pdf-footer-text "embargo line on $n of 3 body pages"; fi
		toc=$(pdftotext -f 2 -l 2 "$out" -)
		body=$(pdftotext -f 3 -l 3 "$out" -)
		if grep -qx 'In this kit' <<<"$toc" && grep -qx '1 The restoration' <<<"$body" &&
		   grep -qx '2 Opening hours' <<<"$body"; then pass style-pdf-contents-title-numbers
		else fail style-pdf-contents-title-numbers "no 'In this kit' or numbered headings"; fi
		# colours: heading #8b0000 and text #203040 in the content streams
		qpdf --qdf --object-streams=disable "$out" "$TMP/styled-qdf.pdf"
		if grep -aq '^0\.545098 0 0 rg' "$TMP/styled-qdf.pdf" &&
		   grep -aq '^0\.12549 0\.188235 0\.25098 rg' "$TMP/styled-qdf.pdf"; then pass style-pdf-colours
		else fail style-pdf-colours "heading or text colour not drawn"; fi
		check style-pdf-qpdf-check qpdf --check "$out"
	else
		fail style-pdf-paper "md2pdf --style failed"
	fi
	# the logo lies beside the style, outside the first article's folder:
	# the style is the user's, so it is read (no sandbox refusal)
	out=$TMP/logo-sub.pdf
	if "$BUILD/md2pdf" -o "$out" --style "$K/style.yaml" "$K/second/index.md" "$K/third.md" \
	      2>"$TMP/logo.err" && ! grep -q 'refused-image' "$TMP/logo.err" &&
	   [ "$(pdfimages -f 1 -l 1 -list "$out" | awk '$3 == "image"' | wc -l)" = 1 ]; then pass style-logo-beside-style
	else fail style-logo-beside-style "no logo on the cover: $(head -c 300 "$TMP/logo.err")"; fi
	epub=$TMP/styled.epub
	if "$BUILD/md2epub" -q -o "$epub" --style "$K/style.yaml" --metadata "$K/book.yaml" \
	      "$K/first.md" "$K/second/index.md" "$K/third.md"; then
		css=$(unzip -p "$epub" EPUB/style.css)
		if grep -q 'h1, h2, h3, h4, h5, h6, h1:lang(zh), .*, h6:lang(ko) { font-family: "DejaVu Sans", sans-serif; color: #8b0000; }' <<<"$css" &&
		   grep -q 'body { font-family: "KitSerif", serif; color: #203040; }' <<<"$css" &&
		   grep -q 'text-indent: 2.00em' <<<"$css" && grep -q 'a\[href\] { color: #006400; }' <<<"$css"
		then pass style-epub-css; else fail style-epub-css "the style's CSS is missing from style.css"; fi
		if fast; then :; elif java -jar /usr/share/java/epubcheck.jar -q "$epub" >/dev/null 2>&1; then pass style-epub-epubcheck
		else fail style-epub-epubcheck "epubcheck reports problems"; fi
	else
		fail style-epub-css "md2epub --style failed"
	fi
else
	echo "  skipping the font-file checks: $font missing"
fi

# A bad value is an error at style.yaml:line, with no output; an unknown key
# a warning at its line.
printf 'paper: a4\ntext-color: blue\nfont-sise: 3\n' >"$TMP/bad.yaml"
err=$("$BUILD/md2pdf" -o "$TMP/bad.pdf" --style "$TMP/bad.yaml" "$KIT/first.md" 2>&1)
rc=$?
if [ $rc = 1 ] && [ ! -e "$TMP/bad.pdf" ] && grep -q "bad.yaml:2:13: error: style: 'text-color' must be" <<<"$err" &&
   grep -q "bad.yaml:3:12: warning: style: unknown key 'font-sise' ignored \[-Wstyle-key\]" <<<"$err"; then pass style-errors-file-line
else fail style-errors-file-line "exit $rc: $err"; fi
# Book metadata in a style is a warning of its own, and -Wno-style-metadata
# silences it.
printf 'title: Kit\npaper: a5\n' >"$TMP/meta-style.yaml"
err=$("$BUILD/md2epub" -o "$TMP/meta-style.epub" --style "$TMP/meta-style.yaml" "$KIT/first.md" 2>&1)
quiet=$("$BUILD/md2epub" -Wno-style-metadata -o "$TMP/meta-style.epub" --style "$TMP/meta-style.yaml" "$KIT/first.md" 2>&1)
if grep -q "meta-style.yaml: warning: style: book metadata (title, author, date...) belongs in --metadata; ignored \[-Wstyle-metadata\]" <<<"$err" &&
   [ -z "$quiet" ]; then pass style-metadata-warning
else fail style-metadata-warning "$err / $quiet"; fi

# heading-color colours an article's title too (the title is its first
# heading): an article with a title and no heading draws it in #008000.
printf -- '---\ntitle: Only a Title\n---\n\nSome text.\n' >"$TMP/titled.md"
printf 'heading-color: "#008000"\n' >"$TMP/green.yaml"
if "$BUILD/md2pdf" -q -o "$TMP/titled.pdf" --style "$TMP/green.yaml" "$TMP/titled.md" &&
   qpdf --qdf --object-streams=disable "$TMP/titled.pdf" "$TMP/titled-qdf.pdf" &&
   grep -aq '^0 0\.501961 0 rg' "$TMP/titled-qdf.pdf"; then pass style-pdf-title-colour
else fail style-pdf-title-colour "the title is not drawn in the heading colour"; fi

# article-start: right puts each article on an odd page of the PDF (a blank
# page before it when needed): the contents links land on pages 3, 5, 7.
printf 'article-start: right\n' >"$TMP/right.yaml"
if "$BUILD/md2pdf" -q -o "$TMP/right.pdf" --style "$TMP/right.yaml" "${ARTS[@]}" &&
   [ "$("$ROOT/tests/book/pdflinks.py" "$TMP/right.pdf" | awk '$1 == 2 { print $2 }' | paste -sd ' ')" = "3 5 7" ] &&
   [ -z "$(pdftotext -f 4 -l 4 "$TMP/right.pdf" - | tr -d ' \n\f')" ]; then pass style-pdf-right-hand
else fail style-pdf-right-hand "articles do not start on odd pages after blank ones"; fi

# --- the corpus as one press kit (optional: needs ../shared/corpus/dev) ----
# Every article of the corpus in one PDF book and one EPUB with the same
# style: a contents link per article landing on its title, a running header
# on every body page, one outline entry per article, qpdf and epubcheck clean.
CORPUS=$SHARED/corpus/dev
if [ -f "$CORPUS/SOURCES.tsv" ]; then
	mapfile -t CARTS < <(tail -n +2 "$CORPUS/SOURCES.tsv" | awk -F'\t' -v d="$CORPUS" '{ print d "/" $1 "/" $7 }')
	printf 'title: openEuler Press Kit\nauthor: openEuler Community\ndate: 2026-03-01\n' >"$TMP/corpus-book.yaml"
	printf 'book-footer: "EMBARGOED UNTIL 2 MARCH 2026 | | {page}"\nheading-color: "#1a4d8f"\n' >"$TMP/corpus-style.yaml"
	out=$TMP/corpus.pdf
	if "$BUILD/md2pdf" -q -o "$out" --metadata "$TMP/corpus-book.yaml" --style "$TMP/corpus-style.yaml" "${CARTS[@]}"; then
		res=$("$ROOT/tests/book/bookcheck.py" "$out" "openEuler Press Kit")
		if [ "$(wc -l <<<"$res")" = 1 ] && grep -q "^articles ${#CARTS[@]} links ${#CARTS[@]} " <<<"$res"
		then pass book-corpus-pdf; else fail book-corpus-pdf "$(head -n 3 <<<"$res" | tr '\n' ';')"; fi
		check book-corpus-pdf-qpdf-check qpdf --check "$out"
	else
		fail book-corpus-pdf "md2pdf failed on the corpus"
	fi
	for embed in "" --embed-fonts; do
		name=book-corpus-epub${embed:+-embed-fonts}
		epub=$TMP/corpus$embed.epub
		if "$BUILD/md2epub" -q -o "$epub" --metadata "$TMP/corpus-book.yaml" --style "$TMP/corpus-style.yaml" \
		      $embed "${CARTS[@]}" &&
		   unzip -p "$epub" EPUB/style.css | grep -q 'h1, h2, h3, h4, h5, h6, h1:lang(zh), .*, h6:lang(ko) { color: #1a4d8f; }' &&
		   { [ -z "$embed" ] || unzip -l "$epub" | grep -q 'EPUB/fonts/serif-regular.otf'; }; then
			if fast; then pass "$name"
			elif java -jar /usr/share/java/epubcheck.jar -q "$epub" >/dev/null 2>&1; then pass "$name"
			else fail "$name" "epubcheck reports problems"; fi
		else
			fail "$name" "md2epub failed on the corpus, or the style's CSS or the fonts are missing"
		fi
	done
else
	echo "  skipping the corpus book: $CORPUS missing"
fi

# {pages}: the body's page count, known after a first layout pass.
printf 'book-footer: "| page {page} of {pages} |"\n' >"$TMP/pages.yaml"
if "$BUILD/md2pdf" -q -o "$TMP/pages.pdf" --style "$TMP/pages.yaml" "${ARTS[@]}" &&
   [ "$(pdftotext -layout "$TMP/pages.pdf" - | grep -oE 'page [0-9]+ of [0-9]+' | paste -sd ,)" = "page 1 of 3,page 2 of 3,page 3 of 3" ]
then pass style-pdf-pages-field; else fail style-pdf-pages-field "footers do not read 'page N of 3'"; fi

# --image-dpi: an image finer than N dpi on the page is resampled to N dpi,
# a JPEG stays a JPEG; without it the JPEG goes in byte for byte.
if "$BUILD/md2pdf" -q -o "$TMP/img0.pdf" "$KIT/photo.md" &&
   "$BUILD/md2pdf" -q -o "$TMP/img1.pdf" --image-dpi 100 "$KIT/photo.md"; then
	l0=$(pdfimages -list "$TMP/img0.pdf" | awk 'NR == 3 { print $4 "x" $5, $9, $13 }')
	l1=$(pdfimages -list "$TMP/img1.pdf" | awk 'NR == 3 { print $9, $13 }')
	(cd "$TMP" && pdfimages -j img0.pdf x0)
	if [ "$l0" = "2400x1600 jpeg 359" ] && cmp -s "$TMP/x0-000.jpg" "$KIT/media/photo.jpg" &&
	   [ "$l1" = "jpeg 100" ] && [ "$(stat -c %s "$TMP/img1.pdf")" -lt "$(stat -c %s "$TMP/img0.pdf")" ]
	then pass pdf-image-dpi; else fail pdf-image-dpi "off: $l0; --image-dpi 100: $l1"; fi
else
	fail pdf-image-dpi "md2pdf failed"
fi
