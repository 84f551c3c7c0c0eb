#!/usr/bin/env bash
# suite-45-typography.sh - what a Chinese typesetter checks on md2pdf's
# pages, measured from the PDF (pdftotext -bbox glyph boxes, pdffonts):
# type sizes as the code states them, bold faces from the body's family.
. "$(dirname "$0")/../lib.sh"

MD2PDF=$BUILD/md2pdf
if [ ! -x "$MD2PDF" ]; then fail typo-md2pdf-built "no $MD2PDF"; exit 0; fi
if ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null; then
	fail typo-pdf-tools "poppler-utils is needed (make deps)"; exit 0
fi

# words PDF: "text xMin yMin xMax yMax" for every word of the PDF.
words() {
	pdftotext -bbox "$1" - | awk '/<word / { split($0, a, "\""); t = $0
		sub(/.*">/, "", t); sub(/<.*/, "", t); print t, a[2], a[4], a[6], a[8] }'
}

# ---------------------------------------------------------------- sizes
# A line of n Han characters, not justified (a paragraph's only line), is
# n ems wide: its width / n is the size in points.  Sizes from
# converters/md2pdf/fonts.c (pdf_default_sizes): title 21, h1 18, h2 15,
# body 10.5 (五号).
cat >"$TMP/size.md" <<'EOF2'
---
title: 标题标题标题
---
# 一级标题文字

## 二级标题文字

正文正文正文正文正文。
EOF2
if "$MD2PDF" -q -o "$TMP/size.pdf" "$TMP/size.md" 2>"$TMP/size.err"; then
	words "$TMP/size.pdf" >"$TMP/size.w"
	if awk '
	function want(word, n, pt,   got) {
		if (!(word in w)) { printf "    no word %s\n", word; bad = 1; return }
		got = w[word] / n
		if (got < pt - 0.05 || got > pt + 0.05) { printf "    %s: %.2f pt, want %.2f\n", word, got, pt; bad = 1 }
	}
	{ w[$1] = $4 - $2 }
	END {
		want("标题标题标题", 6, 21); want("一级标题文字", 6, 18)
		want("二级标题文字", 6, 15); want("正文正文正文正文正文。", 11, 10.5)
		exit bad
	}' "$TMP/size.w" >"$TMP/size.log"; then pass typo-sizes-as-stated
	else fail typo-sizes-as-stated "$(tr '\n' ' ' <"$TMP/size.log")"; fi
else
	fail typo-sizes-as-stated "$(tail -n 2 "$TMP/size.err")"
fi

# ---------------------------------------------------------------- faces
# Strong text in serif body text is serif bold (Noto Serif CJK SC Bold),
# not the sans bold of headings; emphasis is italic in Latin text and
# dotted (着重号) in Chinese: the dots are drawn, not text.
cat >"$TMP/bold.md" <<'EOF2'
---
lang: zh-CN
---
中文**加粗文字**和 **bold words** 在正文里。
EOF2
if "$MD2PDF" -q -o "$TMP/bold.pdf" "$TMP/bold.md" 2>"$TMP/bold.err"; then
	fonts=$(pdffonts "$TMP/bold.pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort | tr '\n' ' ')
	if [ "$fonts" = "NotoSerifCJKsc-Bold NotoSerifCJKsc-Regular " ]; then pass typo-bold-serif-in-serif
	else fail typo-bold-serif-in-serif "faces: $fonts"; fi
else
	fail typo-bold-serif-in-serif "$(tail -n 2 "$TMP/bold.err")"
fi
printf '中文*强调文字*在正文里。\n' >"$TMP/dots.md"
printf '中文强调文字在正文里。\n' >"$TMP/plain.md"
if "$MD2PDF" -q -o "$TMP/dots.pdf" "$TMP/dots.md" && "$MD2PDF" -q -o "$TMP/plain.pdf" "$TMP/plain.md"; then
	pdftoppm -r 100 -gray -f 1 -l 1 "$TMP/dots.pdf" "$TMP/dots" && pdftoppm -r 100 -gray -f 1 -l 1 "$TMP/plain.pdf" "$TMP/plain"
	if [ -s "$TMP"/dots-1.pgm ] && [ -s "$TMP"/plain-1.pgm ] &&
	   [ "$(pdftotext "$TMP/dots.pdf" -)" = "$(pdftotext "$TMP/plain.pdf" -)" ] &&
	   ! cmp -s "$TMP"/dots-1.pgm "$TMP"/plain-1.pgm; then pass typo-cjk-emphasis-dots
	else fail typo-cjk-emphasis-dots "dotted page looks the same as the plain one, or its text differs"; fi
else
	fail typo-cjk-emphasis-dots "md2pdf failed"
fi

# ---------------------------------------------------------------- quotes
# The seed's quotes are Chinese curly quotes in all three formats (the
# model sets them once); --no-smart keeps them straight.
seed=$ROOT/tests/regress/seed/seed.md
want='以“openEuler（OpenAtomopenEuler，简称“openEuler”）使能AI和全场景创新，夯实算力底座”为主题'
squash() { tr -d ' \n\t' | sed 's/\xc2\xa0//g'; }
"$MD2PDF" -q -o "$TMP/sq.pdf" "$seed" 2>/dev/null
"$BUILD/md2txt" -q -o "$TMP/sq.txt" "$seed" 2>/dev/null
"$BUILD/md2epub" -q -o "$TMP/sq.epub" "$seed" 2>/dev/null
bad=
grep -qF -- "$want" <(pdftotext "$TMP/sq.pdf" - | squash) || bad="$bad pdf"
grep -qF -- "$want" <(squash <"$TMP/sq.txt") || bad="$bad txt"
grep -qF -- "$want" <(unzip -p "$TMP/sq.epub" '*.xhtml' 2>/dev/null | squash) || bad="$bad epub"
if [ -z "$bad" ]; then pass typo-seed-quotes-all-formats; else fail typo-seed-quotes-all-formats "not in:$bad"; fi
"$BUILD/md2txt" -q --no-smart -o "$TMP/sq0.txt" "$seed" 2>/dev/null
if squash <"$TMP/sq0.txt" | grep -qF '以"openEuler（OpenAtom'; then pass typo-no-smart
else fail typo-no-smart "--no-smart changed the quotes"; fi
