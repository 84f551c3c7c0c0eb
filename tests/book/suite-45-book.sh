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
