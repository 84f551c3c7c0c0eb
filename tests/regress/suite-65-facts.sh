#!/usr/bin/env bash
# tests/regress/suite-65-facts.sh BUILD - what an article is (title, date,
# language) and what is wrong with it (content warnings) come from the
# model once, so the three formats agree: the PDF's Title and the EPUB's
# dc:title fall back to the first heading alike; one date in W3C form in
# the PDF info, the OPF and the bylines, and one fallback time (1980-01-01)
# without SOURCE_DATE_EPOCH; one BCP 47 tag in the OPF and every chapter;
# the same warnings, word for word, from md2txt, md2epub and md2pdf; the
# summary leads the article in all three, unless the opening says it again.
. "$(dirname "$0")/../lib.sh"
TXT=$BUILD/md2txt EPUB=$BUILD/md2epub PDF=$BUILD/md2pdf
for b in "$TXT" "$EPUB" "$PDF"; do [ -x "$b" ] || { fail facts-built "no $b"; exit 0; }; done
XC=$BUILD/xmlcheck
if [ ! -x "$XC" ] && ! cc -std=c17 -O1 -o "$XC" "$ROOT/tests/corpus/xmlcheck.c" \
	$(pkg-config --cflags --libs libxml-2.0) 2>/dev/null; then fail xmlcheck-builds "cc"; exit 0; fi
unpack() { rm -rf "$2"; mkdir -p "$2" && (cd "$2" && unzip -q "$1"); }
opf() { "$XC" xpath "string(//opf:metadata/$2)" "$1/EPUB/package.opf"; }
info() { pdfinfo "$1" 2>/dev/null | sed -n "s/^$2: *//p"; }

# ---- no front matter: the title is the first heading everywhere
printf 'Intro line.\n\n# The Heading Title\n\nBody text.\n' >"$TMP/nofm.md"
"$PDF" -q -o "$TMP/nofm.pdf" "$TMP/nofm.md"; "$EPUB" -q -o "$TMP/nofm.epub" "$TMP/nofm.md"
unpack "$TMP/nofm.epub" "$TMP/nofm"
t_pdf=$(info "$TMP/nofm.pdf" Title); t_epub=$(opf "$TMP/nofm" dc:title)
if [ "$t_pdf" = "The Heading Title" ] && [ "$t_epub" = "The Heading Title" ]; then pass facts-title-fallback
else fail facts-title-fallback "PDF '$t_pdf', EPUB '$t_epub'"; fi

# ---- no date, no SOURCE_DATE_EPOCH: one fallback time in both
( unset SOURCE_DATE_EPOCH
  "$PDF" -q -o "$TMP/nodate.pdf" "$TMP/nofm.md"; "$EPUB" -q -o "$TMP/nodate.epub" "$TMP/nofm.md" )
unpack "$TMP/nodate.epub" "$TMP/nodate"
d_pdf=$(pdfinfo -isodates "$TMP/nodate.pdf" 2>/dev/null | sed -n 's/^CreationDate: *//p')
d_epub=$("$XC" xpath 'string(//opf:meta[@property="dcterms:modified"])' "$TMP/nodate/EPUB/package.opf")
if [ "${d_pdf%%T*}" = 1980-01-01 ] && [ "${d_epub%%T*}" = 1980-01-01 ]; then pass facts-fallback-date
else fail facts-fallback-date "PDF $d_pdf, EPUB $d_epub"; fi

# ---- a written date and a zh_cn language: read once, shown alike
cat >"$TMP/dated.md" <<'EOF'
---
title: Dated
author: Someone
date: July 31, 2022
lang: zh_cn
---
正文。
EOF
( unset SOURCE_DATE_EPOCH
  "$PDF" -q -o "$TMP/dated.pdf" "$TMP/dated.md"; "$EPUB" -o "$TMP/dated.epub" "$TMP/dated.md" 2>"$TMP/dated.err"
  "$TXT" -q -o "$TMP/dated.txt" "$TMP/dated.md" )
unpack "$TMP/dated.epub" "$TMP/dated"
d_pdf=$(pdfinfo -isodates "$TMP/dated.pdf" 2>/dev/null | sed -n 's/^CreationDate: *//p')
if [ "${d_pdf%%T*}" = 2022-07-31 ] && [ "$(opf "$TMP/dated" dc:date)" = 2022-07-31 ] &&
   grep -q 'Someone · 2022-07-31' "$TMP/dated.txt" && pdftotext "$TMP/dated.pdf" - | grep -q 'Someone *· *2022-07-31' &&
   [ ! -s "$TMP/dated.err" ]
then pass facts-written-date
else fail facts-written-date "PDF $d_pdf, OPF $(opf "$TMP/dated" dc:date), txt: $(grep Someone "$TMP/dated.txt"), $(head -n 1 "$TMP/dated.err")"; fi
langs=$({ opf "$TMP/dated" dc:language; for c in "$TMP"/dated/EPUB/chapter-*.xhtml; do
	"$XC" xpath 'string(/h:html/@xml:lang)' "$c"; done; } | sort -u | tr '\n' ' ')
if [ "$langs" = "zh-CN " ]; then pass facts-one-language-tag
else fail facts-one-language-tag "tags seen: $langs"; fi

# ---- the same warnings from all three, for what is wrong with the content
cat >"$TMP/bad.md" <<'EOF'
---
title: Bad
date: someday
lang: 中文
banner: img/missing-banner.png
---
# Bad

A [link](#nowhere), ![pic](img/none.png) and a note[^x].
EOF
# same_warnings NAME MD: the three tools' diagnostics, program name cut,
# identical; prints md2epub's and md2pdf's differences from md2txt's
same_warnings() {
	local name=$1 md=$2 t
	for t in txt epub pdf; do
		"$BUILD/md2$t" -o "$TMP/w.$t" "$md" 2>&1 >/dev/null | sed 's/^md2[a-z]*: //' | sort >"$TMP/w-$t.err"
	done
	if cmp -s "$TMP/w-txt.err" "$TMP/w-epub.err" && cmp -s "$TMP/w-txt.err" "$TMP/w-pdf.err"; then return 0; fi
	for t in epub pdf; do diff "$TMP/w-txt.err" "$TMP/w-$t.err" | grep '^[<>]' | head -n 3 | sed "s/^/    $t /"; done
	return 1
}
if out=$(same_warnings bad "$TMP/bad.md"); then
	if grep -q "bad.md:3:7: warning: front matter: date 'someday' is no date" "$TMP/w-txt.err" &&
	   grep -q "bad.md:4:7: warning: language '中文' is no BCP 47 tag (like zh-CN); using 'en'" "$TMP/w-txt.err" &&
	   grep -q "bad.md:5:9: warning: image not found: img/missing-banner.png" "$TMP/w-txt.err"
	then pass facts-same-warnings
	else fail facts-same-warnings "expected warnings missing: $(tr '\n' '|' <"$TMP/w-txt.err")"; fi
else fail facts-same-warnings "the tools disagree"; echo "$out"; fi

# Every tests/data article gives the same warnings in the three formats,
# except those whose raw HTML md2epub still reads itself (issue 14: links
# and images inside raw HTML are seen by md2txt and md2pdf only).
RAW_HTML_APART=" docs-en-Container-cri ws-en-blog-bluesky1213-2020-06-30-The-Future-of-Cloud-in-a-COVID-19-Era wsh-zh-blog-liujingang09-2021-01-29-sudo-cve-2021-3156 "
n=0; bad=
for md in "$DATA"/corpus/*/*.md; do
	d=${md%/*}; d=${d##*/}
	case $RAW_HTML_APART in *" $d "*) continue ;; esac
	n=$((n + 1))
	same_warnings "$d" "$md" >/dev/null || bad="$bad $d"
done
if [ -z "$bad" ] && [ "$n" -ge 10 ]; then pass "facts-same-warnings-corpus ($n articles)"
else fail facts-same-warnings-corpus "differ:$bad"; fi

# ---- the summary's lead: left out in all three formats when the opening
# paragraphs say it again (the news pattern: an aside and a dateline added),
# kept when they do not; the PDF's Subject keeps the summary either way.
lead_case() { # NAME SUMMARY BODY WANT(0|1)
	local name=$1 want=$4 f=$TMP/lead-$1
	printf -- '---\ntitle: Lead\nsummary: "%s"\n---\n%s\n' "$2" "$3" >"$f.md"
	"$TXT" -q -o "$f.txt" "$f.md"; "$EPUB" -q -o "$f.epub" "$f.md"; "$PDF" -q -o "$f.pdf" "$f.md"
	unpack "$f.epub" "$f"
	local in_txt in_epub in_pdf subject
	in_txt=$(grep -c 'Mercury' "$f.txt")
	in_epub=$(cat "$f"/EPUB/chapter-*.xhtml | grep -c 'class="lead"')
	in_pdf=$(pdftotext "$f.pdf" - | tr -d '\n' | grep -o 'Mercury' | wc -l)
	subject=$(info "$f.pdf" Subject)
	if [ "$in_txt" = $((1 + want)) ] && [ "$in_epub" = "$want" ] && [ "$in_pdf" = $((1 + want)) ] &&
		[ "$subject" = "$2" ]
	then pass "facts-summary-lead-$name"
	else fail "facts-summary-lead-$name" "Mercury in txt $in_txt, lead in EPUB $in_epub, Mercury in PDF $in_pdf (want lead $want), Subject '$subject'"; fi
}
lead_case repeated 'The Mercury probe reached orbit on Monday after a journey of seven years.' \
	'[Darmstadt, 2 May] The Mercury probe, built in Europe, reached orbit on Monday
after a journey of seven years. Its cameras now turn to the planet.' 0
lead_case kept 'How the Mercury probe reached its orbit, and what it will look for.' \
	'The Mercury probe reached orbit on Monday after a journey of seven years.' 1
