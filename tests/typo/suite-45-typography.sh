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

# ---------------------------------------------------------------- justification
# Copying a justified line gives no space between two Han characters the
# source does not have (41 in the seed when every gap could reach 0.45 em),
# and no gap between CJK characters is wider than 0.25 em: a word of n
# CJK characters (pdftotext keeps them together) is at most n ems plus
# 0.25 em per gap; the em is the word's height / 1.448 (Noto CJK's ascent
# plus descent).
han_spaces() {
	pdftotext -enc UTF-8 "$1" - | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.findall(r"(?=([\u4e00-\u9fff][ \u00a0]+[\u4e00-\u9fff]))", t)
print(len(m), " ".join(m[:5]))'
}
cjk_gaps() {
	words "$1" | python3 -c '
import sys, unicodedata
def wide(c): return unicodedata.east_asian_width(c) in "WF"
def han(c): return unicodedata.name(c, "").startswith("CJK UNIFIED")
worst = 0.0; at = ""; prev = None
for line in sys.stdin:
    t, x0, y0, x1, y1 = line.rsplit(" ", 4)
    x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
    em = (y1 - y0) / 1.448
    n = len(t)
    if n >= 2 and all(wide(c) for c in t):
        gap = ((x1 - x0) - n * em) / (n - 1) / em
        if gap > worst: worst, at = gap, t
    # a gap pdftotext saw between two Han characters of one line
    if prev and abs(prev[1] - y0) < 0.5 and han(prev[0][-1]) and han(t[0]):
        gap = (x0 - prev[2]) / em
        if gap > worst: worst, at = gap, prev[0][-1] + "|" + t[0]
    prev = (t, y0, x1)
print("%.3f %s" % (worst, at))
sys.exit(worst > 0.25)'
}
read -r nsp ex < <(han_spaces "$TMP/sq.pdf")
if [ "$nsp" = 0 ]; then pass typo-seed-copy-no-space-between-han
else fail typo-seed-copy-no-space-between-han "$nsp: $ex"; fi
if out=$(cjk_gaps "$TMP/sq.pdf"); then pass "typo-seed-cjk-gaps-bounded (widest $out em)"
else fail typo-seed-cjk-gaps-bounded "$out"; fi
# A long unbreakable run (a path in a code span) next to Chinese: the
# line before it is not spread character by character beyond 0.25 em
# (it was up to 0.45 em: 添 加 本 地 源 文 件); the path may break after
# "/", "." or "_".
{
	printf '这是一个关于本地源配置的说明段落，添加本地源文件。a. 进入目录 `/etc/yum.repos.d/openEuler_local_source_configuration.repo` 然后编辑。\n\n'
	printf '配置文件路径 `/usr/share/doc/openEuler-release/very_long_directory_name/another_long_directory/file.conf` 需要修改。\n'
} >"$TMP/long.md"
if "$MD2PDF" -q --paper a5 -o "$TMP/long.pdf" "$TMP/long.md" 2>"$TMP/long.err"; then
	if out=$(cjk_gaps "$TMP/long.pdf"); then pass "typo-long-code-gaps-bounded (widest $out em)"
	else fail typo-long-code-gaps-bounded "$out"; fi
	# every line that ends inside a path ends after a separator
	if out=$(pdftotext -enc UTF-8 "$TMP/long.pdf" - | python3 -c '
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
paths = re.findall(r"`([^`]+)`", src)
bad = []
for line in sys.stdin.read().replace("\u200b", "").splitlines():
    w = line.rstrip().split(" ")[-1] if line.strip() else ""
    for p in paths:
        i = p.find(w) if len(w) > 3 else -1
        if i >= 0 and i + len(w) < len(p) and w[-1] not in "/-_.":
            bad.append(w)
print(" ".join(bad))
sys.exit(bool(bad))' "$TMP/long.md"); then pass typo-long-code-breaks-at-separators
	else fail typo-long-code-breaks-at-separators "lines end inside a name: $out"; fi
else
	fail typo-long-code-gaps-bounded "$(tail -n 2 "$TMP/long.err")"
fi

# ---------------------------------------------------------------- keep with next
# A short lead-in ending with a colon stays on the page of the code block
# it introduces: with any amount of text before it, the page that shows
# "存储检查：" also shows the block's first line.
kwn() {
	local b=$1 k bad=
	for k in $(seq 30 2 56); do
		{ for i in $(seq 1 "$k"); do printf '这是第%d段正文，用来把后面的引导段推到页面底部附近。\n\n' "$i"; done
		  printf '存储检查：\n\n```\ndf -h /var/lib\nlsblk\n```\n'; } >"$TMP/kwn.md"
		"$b/md2pdf" -q -o "$TMP/kwn.pdf" "$TMP/kwn.md" 2>/dev/null || { bad="$bad $k(exit)"; continue; }
		pdftotext -enc UTF-8 "$TMP/kwn.pdf" - | awk -v k="$k" 'BEGIN { RS = "\f" }
			/存储检查：/ && !/df -h/ { bad = 1 } END { if (bad) printf " %s", k; exit bad }' || bad="$bad $k"
	done
	[ -z "$bad" ] || { echo "lead-in apart from its block with$bad paragraphs before"; return 1; }
}
check typo-keep-lead-in-with-next kwn "$BUILD"

# For the page-break rows below.  page_of WORD TXT: the page of TXT
# (pdftotext's output, pages split by form feeds) where WORD first shows;
# fill_paras K: K one-line paragraphs that push what follows down the page.
page_of() { awk -v w="$1" 'BEGIN { RS = "\f" } index($0, w) { print NR; exit }' "$2"; }
fill_paras() {
	for i in $(seq 1 "$1"); do printf 'Paragraph %d of the text that pushes the next block near the foot of the page.\n\n' "$i"; done
}

# A heading never stays alone at the foot of a page: not before another
# heading, nor before a paragraph that itself keeps with the picture it
# announces ("…如下。", "…as follows."); a list item's text stays with its
# sub-items.  Every amount of text before (one run, -O), the page that shows
# the first marker also shows the second (or, for a picture, holds it).
keep_chain() {
	local b=$1 dir=$TMP/chain k c
	rm -rf "$dir" && mkdir -p "$dir/out"
	python3 "$ROOT/tests/hostile/mkpng.py" "$dir/shot.png" 500 320
	for k in $(seq 20 1 58); do
		fill() { for i in $(seq 1 "$k"); do printf '这是第%d段正文，推到页面底部附近。\n\n' "$i"; done; }
		{ fill; printf '## HEADAA 第一章\n\n### HEADBB 第一节\n\n正文 TEXTCC 开始。\n'; } >"$dir/a$k.md"
		{ fill; printf '## HEADDD 安装\n\nLEADEE 若回显为如下，则服务启动成功。\n\n![](shot.png)\n'; } >"$dir/d$k.md"
		{ fill; printf -- '- ITEMFF 测试相关任务\n  - SUBGG 第一项\n  - 第二项\n'; } >"$dir/f$k.md"
	done
	"$b/md2pdf" -q -O "$dir/out" "$dir"/*.md 2>/dev/null || { echo "md2pdf failed"; return 1; }
	local bad=
	pg() { page_of "$1" "$dir/t.txt"; }
	for k in $(seq 20 1 58); do
		pdftotext -enc UTF-8 "$dir/out/a$k.pdf" "$dir/t.txt"
		[ "$(pg HEADAA)" = "$(pg TEXTCC)" ] || bad="$bad heading-heading:$k"
		pdftotext -enc UTF-8 "$dir/out/d$k.pdf" "$dir/t.txt"
		[ "$(pg HEADDD)" = "$(pg LEADEE)" ] || bad="$bad heading-leadin:$k"
		c=$(pdfimages -list "$dir/out/d$k.pdf" 2>/dev/null | awk '$3 == "image" { print $1; exit }')
		[ "$(pg LEADEE)" = "$c" ] || bad="$bad leadin-picture:$k"
		pdftotext -enc UTF-8 "$dir/out/f$k.pdf" "$dir/t.txt"
		[ "$(pg ITEMFF)" = "$(pg SUBGG)" ] || bad="$bad item-subitems:$k"
	done
	[ -z "$bad" ] || { echo "kept apart:$bad"; return 1; }
}
check typo-keep-headings-with-next keep_chain "$BUILD"

# A figure's or table's title stays with it, whether the picture follows
# in the same paragraph ("**Figure 7** ..." then the image on the next
# line), in the next one, or a table follows; a three-line paragraph is not
# split two and one (the last line alone at the top of the next page).
# Every amount of text before, as above.
keep_captions() {
	local b=$1 dir=$TMP/captions k c
	rm -rf "$dir" && mkdir -p "$dir/out"
	python3 "$ROOT/tests/hostile/mkpng.py" "$dir/shot.png" 500 320
	for k in $(seq 20 1 58); do
		fill() { fill_paras "$k"; }
		{ fill; printf '**Figure 7** CAPAA Setting the keyboard layout\n![](shot.png)\n'; } >"$dir/a$k.md"
		{ fill; printf '**Figure 8** CAPBB Setting the date and time\n\n![](shot.png)\n'; } >"$dir/b$k.md"
		{ fill; printf '**Table 3** CAPCC Parameters in the ctr-img rm command, and more\n\n| Command | Description |\n|---|---|\n| ROWDD rm | Remove. |\n| images | List. |\n'; } >"$dir/c$k.md"
		{ fill; printf 'WIDEE the first line of three\\\nthe second line WIDFF\\\nthe third line WIDGG.\n'; } >"$dir/d$k.md"
		# one and two lines more before: the paragraph's start moves by a line
		{ printf 'One line.\n\n'; fill; printf 'WIDEE the first line of three\\\nthe second line WIDFF\\\nthe third line WIDGG.\n'; } >"$dir/e$k.md"
		{ printf 'One line\\\nand another.\n\n'; fill; printf 'WIDEE the first line of three\\\nthe second line WIDFF\\\nthe third line WIDGG.\n'; } >"$dir/f$k.md"
	done
	"$b/md2pdf" -q -O "$dir/out" "$dir"/*.md 2>/dev/null || { echo "md2pdf failed"; return 1; }
	local bad=
	pg() { page_of "$1" "$dir/t.txt"; }
	for k in $(seq 20 1 58); do
		for f in a b; do
			pdftotext -enc UTF-8 "$dir/out/$f$k.pdf" "$dir/t.txt"
			c=$(pdfimages -list "$dir/out/$f$k.pdf" 2>/dev/null | awk '$3 == "image" { print $1; exit }')
			[ "$(pg "CAP$(tr a-b A-B <<<"$f")$(tr a-b A-B <<<"$f")")" = "$c" ] || bad="$bad figure-$f:$k"
		done
		pdftotext -enc UTF-8 "$dir/out/c$k.pdf" "$dir/t.txt"
		[ "$(pg CAPCC)" = "$(pg ROWDD)" ] || bad="$bad table:$k"
		for f in d e f; do
			pdftotext -enc UTF-8 "$dir/out/$f$k.pdf" "$dir/t.txt"
			[ "$(pg WIDFF)" = "$(pg WIDGG)" ] || bad="$bad widow-$f:$k"
		done
	done
	[ -z "$bad" ] || { echo "kept apart:$bad"; return 1; }
}
check typo-keep-captions-and-last-lines keep_captions "$BUILD"

# A line a hard break ends (<br>) is not justified, even when nearly full
# (the Glibc article's "用 来 对 齐 ， 因 此" spread over the line), and the
# next line starts at the margin, not after a space.
hard_break() {
	local b=$1
	python3 -c "print('---\nlang: zh\n---\n' + '汉' * 43 + '。<br>\nglibc 接下来的一行。\n')" >"$TMP/br.md"
	"$b/md2pdf" -q -o "$TMP/br.pdf" "$TMP/br.md" || return 1
	pdftotext -bbox-layout "$TMP/br.pdf" - | python3 -c '
import re, sys
lines = [(float(a), float(b)) for a, b in re.findall(r"<line xMin=\"([\d.]+)\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\"", sys.stdin.read())]
(x0, x1), (y0, _) = lines[0], lines[1]
print(f"line before the break ends at {x1:.1f}, the next starts at {y0:.1f}")
sys.exit(0 if x1 < 530 and abs(y0 - x0) < 0.5 else 1)'
}
check typo-hard-break-not-justified hard_break "$BUILD"

# Code: spaces ending a line never wrap it (a line of only the wrapped
# spaces followed); a block a little too wide (up to 15 %) is set smaller
# with its columns whole; a much wider one still wraps.  From the word
# boxes: the lines of each block, one under the other.
code_fit() {
	local b=$1
	python3 -c "print('\`\`\`\n' + 'A' * 92 + ' ' * 8 + '\n' + 'B' * 104 + '\n\`\`\`\n\n\`\`\`\n' + 'C' * 150 + '\n\`\`\`')" >"$TMP/code.md"
	"$b/md2pdf" -q -o "$TMP/code.pdf" "$TMP/code.md" || return 1
	pdftotext -bbox "$TMP/code.pdf" - | python3 -c '
import re, sys
rows = [(w[0], float(y0), float(y1)) for y0, y1, w in re.findall(r"<word xMin=\"[\d.]+\" yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">([^<]*)</word>", sys.stdin.read())]
a = [r for r in rows if r[0] == "A"]; b = [r for r in rows if r[0] == "B"]; c = [r for r in rows if r[0] == "C"]
gap = b[0][1] - a[0][2]
print(f"A lines {len(a)}, B lines {len(b)}, C lines {len(c)}, gap A-B {gap:.1f} pt")
sys.exit(0 if len(a) == 1 and len(b) == 1 and gap < 2 and len(c) == 2 else 1)'
}
check typo-code-fits-or-wraps code_fit "$BUILD"

# A hyphen that starts a word stays with it (UAX #14 LB20a): no line of the
# PDF or the text ends in "-", "--" or "–" cut from "-c", "--loadbalance",
# "–H", wherever the paragraph puts them.
word_hyphens() {
	local b=$1 n
	python3 -c "
for k in range(90):
    print('word ' * (k // 5) + 'ab' * (k % 5) + ' the option -c and --loadbalance and –H go whole here in the text of this paragraph.\n')" >"$TMP/hy.md"
	"$b/md2pdf" -q -o "$TMP/hy.pdf" "$TMP/hy.md" && "$b/md2txt" -q -w 72 -o "$TMP/hy.txt" "$TMP/hy.md" || return 1
	n=$( { pdftotext "$TMP/hy.pdf" -; cat "$TMP/hy.txt"; } | grep -cE '(^| )[-–]+$')
	echo "$n lines end in a word-initial hyphen"
	[ "$n" = 0 ]
}
check typo-word-initial-hyphen-kept word_hyphens "$BUILD"

# A picture a little too tall for the rest of the page (down to 85 %) is
# set that much smaller there instead of leaving the space empty: with the
# room below the text at least 86 % of its height, it stays on the page.
picture_fits() {
	local b=$1 dir=$TMP/fit k bad= room pg
	rm -rf "$dir" && mkdir -p "$dir/out"
	python3 "$ROOT/tests/hostile/mkpng.py" "$dir/shot.png" 500 320
	for k in $(seq 12 1 33); do
		{ fill_paras "$k"; printf '![](shot.png)\n'; } >"$dir/p$k.md"
	done
	"$b/md2pdf" -q -O "$dir/out" "$dir"/*.md 2>/dev/null || return 1
	# the foot of the text block: where a full page's last line ends
	bottom=$(pdftotext -f 1 -l 1 -bbox "$dir/out/p33.pdf" - | awk -F'"' '/<word / && $8 < 800 { if ($8 > m) m = $8 } END { print m }')
	for k in $(seq 12 1 33); do
		pg=$(pdfimages -list "$dir/out/p$k.pdf" | awk '$3 == "image" { print $1; exit }')
		room=$(pdftotext -f 1 -l 1 -bbox "$dir/out/p$k.pdf" - | awk -F'"' -v b="$bottom" '/<word / && $8 < 800 { if ($8 > m) m = $8 } END { print b - m }')
		# 240 pt tall (320 px); 10 pt for the paragraph gap
		if [ "$pg" != 1 ] && awk -v r="$room" 'BEGIN { exit !(r - 10 >= 0.86 * 240) }'; then bad="$bad $k(room $room)"; fi
	done
	[ -z "$bad" ] || { echo "picture moved on although it nearly fit:$bad"; return 1; }
}
check typo-picture-shrinks-to-fit picture_fits "$BUILD"

# A table breaks across pages with at least two body rows on each side:
# never the header and one row at the foot of a page, nor the last row
# alone under the repeated header (cri's "CONTAINER_UNKNOWN = 3").
table_rows_split() {
	local b=$1 dir=$TMP/trows k bad=
	rm -rf "$dir" && mkdir -p "$dir/out"
	for k in $(seq 20 1 34); do
		{ fill_paras "$k"
		  printf '| Value | Meaning |\n|---|---|\n'
		  for r in 1 2 3 4 5 6; do printf '| ROW%d | Status number %d of the container. |\n' "$r" "$r"; done; } >"$dir/t$k.md"
		# three rows cannot split two and two: the table stays whole;
		# a heading and a sentence before it stay with it (cri's
		# "ContainerStatus", "The API is used to ...", its fields)
		{ fill_paras "$k"
		  printf '#### HEADKK Status\n\nThe API is used to describe the status.\n\n| Value | Meaning |\n|---|---|\n'
		  for r in 1 2 3; do printf '| ROW%d | Status number %d of the container, with a description long enough to take two lines in its cell of the table. |\n' "$r" "$r"; done; } >"$dir/u$k.md"
		# a bold line is a heading by another name: it stays with the
		# three-line paragraph after it
		{ fill_paras "$k"
		  printf '**BOLDLL**\n\nFirst line PARAMM of three\\\nthe second line\\\nthe third line.\n'; } >"$dir/v$k.md"
	done
	"$b/md2pdf" -q -O "$dir/out" "$dir"/*.md 2>/dev/null || return 1
	for k in $(seq 20 1 34); do
		pdftotext -enc UTF-8 "$dir/out/t$k.pdf" - | awk -v k="$k" 'BEGIN { RS = "\f" }
			{ n = gsub(/ROW[0-9]/, "&"); if (n) c[NR] = n }
			END { for (p in c) if (c[p] == 1 && length(c) > 1) { printf " %s(page %s: 1 row)", k, p; bad = 1 }; exit bad }' || bad="$bad $k"
		pdftotext -enc UTF-8 "$dir/out/u$k.pdf" "$dir/t.txt"
		[ "$(page_of HEADKK "$dir/t.txt")" = "$(page_of ROW1 "$dir/t.txt")" ] &&
			[ "$(page_of ROW1 "$dir/t.txt")" = "$(page_of ROW3 "$dir/t.txt")" ] || bad="$bad heading-table:$k"
		pdftotext -enc UTF-8 "$dir/out/v$k.pdf" "$dir/t.txt"
		[ "$(page_of BOLDLL "$dir/t.txt")" = "$(page_of PARAMM "$dir/t.txt")" ] || bad="$bad bold-paragraph:$k"
	done
	[ -z "$bad" ] || { echo "a page with one row of a split table:$bad"; return 1; }
}
check typo-table-split-two-rows table_rows_split "$BUILD"

# Justified English with long words: a line that needs more than the
# usual word space gets up to 1.5 times the limits rather than being left
# ragged mid-paragraph (16 of 39 lines were; 9 now, past 1.5 times).
loose_not_ragged() {
	local b=$1 n
	python3 -c "
import random
random.seed(7)
w = ['internationalization', 'collaboration', 'responsibilities', 'infrastructure', 'a', 'of', 'to',
     'interoperability', 'characterization', 'documentation', 'in', 'the']
print('---\ntitle: T\nlang: en\n---\n')
print(' '.join(random.choice(w) for _ in range(300)))" >"$TMP/rag.md"
	"$b/md2pdf" -q -o "$TMP/rag.pdf" "$TMP/rag.md" || return 1
	n=$(pdftotext -bbox-layout "$TMP/rag.pdf" - | python3 -c '
import re, sys
xs = [float(x) for x in re.findall(r"<line xMin=\"56\.6\d*\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\"", sys.stdin.read())]
print(sum(1 for x in xs[:-1] if x < 537))')
	echo "$n lines end short of the margin"
	[ "$n" -le 10 ]
}
check typo-justified-loose-not-ragged loose_not_ragged "$BUILD"

# ---------------------------------------------------------------- compression
# Two adjacent full-width marks take 1.5 em, not 2 (clreq 3.1.6): the
# line below has 20 characters and four such pairs (：“ 。” ）、 ”。), so
# 18 ems; the same without punctuation is 10 characters, 10 ems.
printf '他说：“你好。”他（小明）、她“他们”。\n\n他说你好他小明她他们\n' >"$TMP/pc.md"
if "$MD2PDF" -q -o "$TMP/pc.pdf" "$TMP/pc.md" 2>/dev/null; then
	if words "$TMP/pc.pdf" | awk '{ w[$1] = $4 - $2 } END {
		em = w["他说你好他小明她他们"] / 10; got = w["他说：“你好。”他（小明）、她“他们”。"] / em
		printf "    %.2f em\n", got; exit !(got > 17.9 && got < 18.1) }' >"$TMP/pc.log"
	then pass typo-punct-pairs-compressed; else fail typo-punct-pairs-compressed "$(cat "$TMP/pc.log")"; fi
else
	fail typo-punct-pairs-compressed "md2pdf failed"
fi

# ---------------------------------------------------------------- clreq cases
# The table in clreq-cases.txt: md2txt's lines exactly; in md2pdf (a
# narrow page, each input shifted by 0..15 characters so that line ends
# fall everywhere) no line splits ——, ……, a number from its unit or sign,
# starts with closing or ends with opening punctuation.
TXT=$BUILD/md2txt
while IFS=$'\t' read -r name w input want; do
	case $name in \#*|'') continue ;; esac
	got=$(printf '%s\n' "$input" | "$TXT" -q -w "$w" - | paste -sd'|')
	if [ "$got" = "$want" ]; then pass "typo-clreq-txt-$name"
	else fail "typo-clreq-txt-$name" "got $got, want $want"; fi
	for k in $(seq 0 15); do
		printf '%s%s\n' "$(printf '中%.0s' $(seq 0 "$k") | cut -c4-)" "$input"
	done | sed 's/$/\n/' >"$TMP/cl.md"
	if "$MD2PDF" -q --paper 80x120 --margin 10 -o "$TMP/cl.pdf" "$TMP/cl.md" 2>/dev/null &&
	   out=$(pdftotext -enc UTF-8 "$TMP/cl.pdf" - | python3 -c '
import sys
lines = [l.strip() for l in sys.stdin.read().replace("\f", "\n").splitlines()]
bad = []
for a, b in zip(lines, lines[1:]):
    if not a or not b or b.isdigit():
        continue
    x, y = a[-1], b[0]
    if (x == y and x in "—…") or (x.isdigit() and y in "万亿千百%％+") or \
       (x in "万亿%％" and y in "+%") or y in "，。、；：？！）」』》】”" or x in "（「『《【“":
        bad.append(x + "|" + y)
print(" ".join(bad[:5]))
sys.exit(bool(bad))'); then pass "typo-clreq-pdf-$name"
	else fail "typo-clreq-pdf-$name" "lines split: $out"; fi
done <"$ROOT/tests/typo/clreq-cases.txt"

# ---------------------------------------------------------------- autospace
# A quarter em between Han and Latin letters or digits where no space was
# typed (on for Chinese; --no-autospace, or an English article, none);
# pdftotext then sees words: 中文 | abc | 中文，在 | openEuler | 社区有 | 2万人。
# (no gap inside a number and its unit)
printf -- '---\nlang: zh-CN\n---\n中文abc中文，在openEuler社区有2万人。\n' >"$TMP/as.md"
if "$MD2PDF" -q -o "$TMP/as.pdf" "$TMP/as.md" 2>/dev/null &&
   "$MD2PDF" -q --no-autospace -o "$TMP/as0.pdf" "$TMP/as.md" 2>/dev/null; then
	if words "$TMP/as.pdf" | awk 'NR > 1 && $3 == y { g = ($2 - x) / 10.5
		if (g < 0.24 || g > 0.26) { printf "    gap %.3f em before %s\n", g, $1; bad = 1 }; n++ }
		{ x = $4; y = $3 } END { if (n != 5) { print "    " n " gaps, want 5"; bad = 1 }; exit bad }' >"$TMP/as.log" &&
	   [ "$(words "$TMP/as0.pdf" | grep -c .)" -eq 2 ]; then pass typo-autospace-quarter-em
	else fail typo-autospace-quarter-em "$(cat "$TMP/as.log")"; fi
else
	fail typo-autospace-quarter-em "md2pdf failed"
fi
# A code span is a Latin word to the Han text around it: the same quarter
# em before "/etc/hosts" as after it, although "/" is no letter.
printf -- '---\nlang: zh-CN\n---\n编辑`/etc/hosts`文件，再用`ls`命令。\n' >"$TMP/asc.md"
if "$MD2PDF" -q -o "$TMP/asc.pdf" "$TMP/asc.md" 2>/dev/null &&
   words "$TMP/asc.pdf" | awk 'NR > 1 && $3 - y < 5 && y - $3 < 5 { g = ($2 - x) / 10.5
		if (g < 0.24 || g > 0.26) { printf "    gap %.3f em before %s\n", g, $1; bad = 1 }; n++ }
		{ x = $4; y = $3 } END { if (n != 4) { print "    " n " gaps, want 4"; bad = 1 }; exit bad }' >"$TMP/asc.log"
then pass typo-autospace-code-both-sides
else fail typo-autospace-code-both-sides "$(cat "$TMP/asc.log") $(words "$TMP/asc.pdf" | tr '\n' ' ')"; fi
# A link into the article whose text is its own fragment (a contents list:
# "[使用date命令设置](#使用date命令设置)") is words, gaps and all; a URL shown as
# its link's text stays one token.
printf -- '---\nlang: zh-CN\n---\n- [使用date命令设置](#使用date命令设置)\n- 见 <https://gitee.com/openeuler/community> 页面\n\n## 使用date命令设置\n\n正文。\n' >"$TMP/astoc.md"
if "$MD2PDF" -q -o "$TMP/astoc.pdf" "$TMP/astoc.md" 2>/dev/null &&
   [ "$(words "$TMP/astoc.pdf" | awk '{ print $1 }' | head -n 6 | tr '\n' '|')" = '使用|date|命令设置|见|https://gitee.com/openeuler/community|页面|' ]
then pass typo-autospace-contents-links
else fail typo-autospace-contents-links "$(words "$TMP/astoc.pdf" | awk '{ print $1 }' | head -n 6 | tr '\n' '|')"; fi
# A Latin word that begins or ends with punctuation takes the gap at that
# edge too (the Chinese review: "添加--utc 或-u 参数" spaced on one side).
printf -- '---\nlang: zh-CN\n---\n添加--utc或-u参数，在C/C++中。\n' >"$TMP/asw.md"
if "$MD2PDF" -q -o "$TMP/asw.pdf" "$TMP/asw.md" 2>/dev/null &&
   [ "$(words "$TMP/asw.pdf" | awk '{ print $1 }' | head -n 8 | tr '\n' '|')" = '添加|--utc|或|-u|参数，在|C/C++|中。|1|' ]
then pass typo-autospace-word-edges
else fail typo-autospace-word-edges "$(words "$TMP/asw.pdf" | awk '{ print $1 }' | head -n 8 | tr '\n' '|')"; fi
# The title line takes the same gaps as the body (it is laid out from a
# plain string, not from model nodes): 大会 | 2024 at the title's size.
printf -- '---\ntitle: 全联接大会2024分论坛\nlang: zh-CN\n---\n正文。\n' >"$TMP/ast-title.md"
if "$MD2PDF" -q -o "$TMP/ast-title.pdf" "$TMP/ast-title.md" 2>/dev/null &&
   words "$TMP/ast-title.pdf" | awk 'NR == 1 { x = $4; y = $3; w = $1 } NR == 2 { g = ($2 - x) / 21
		ok = (w == "全联接大会" && $1 == "2024" && $3 == y && g > 0.24 && g < 0.26) }
		END { exit !ok }'; then pass typo-autospace-title
else fail typo-autospace-title "$(words "$TMP/ast-title.pdf" | head -n 3 | tr '\n' ' ')"; fi
# md2txt --autospace puts one space there instead (not inside code, not
# inside 2万; on both sides of a code span, as md2pdf's gap); without it
# the text is as typed
printf '中文abc中文，在openEuler社区有2万人，用`ls`命令，编辑`/etc/hosts`文件，添加--utc或-u参数，在C/C++中。\n' >"$TMP/ast.md"
got=$("$BUILD/md2txt" -q -w 200 --autospace "$TMP/ast.md"); plain=$("$BUILD/md2txt" -q -w 200 "$TMP/ast.md")
if [ "$got" = '中文 abc 中文，在 openEuler 社区有 2万人，用 ls 命令，编辑 /etc/hosts 文件，添加 --utc 或 -u 参数，在 C/C++ 中。' ] &&
   [ "$plain" = '中文abc中文，在openEuler社区有2万人，用ls命令，编辑/etc/hosts文件，添加--utc或-u参数，在C/C++中。' ]; then pass typo-txt-autospace
else fail typo-txt-autospace "got '$got' / '$plain'"; fi

# ---------------------------------------------------------------- table words
# A command-line option in a table cell keeps its column wide enough for
# it whole: "-G, --group=docker" does not break after its "--" (the
# long description beside it would otherwise take all the width).
{ printf '| Parameter | Description |\n|---|---|\n'
  d='Group assigned to the corresponding Unix socket in the background running mode.'
  printf '| -G, --group=docker | %s %s %s %s %s |\n' "$d" "$d" "$d" "$d" "$d"
  printf '| --default-gateway-v6 | %s %s %s %s |\n' "$d" "$d" "$d" "$d"; } >"$TMP/tw.md"
if "$MD2PDF" -q -o "$TMP/tw.pdf" "$TMP/tw.md" 2>/dev/null &&
   pdftotext -layout "$TMP/tw.pdf" - | grep -q -- '--group=docker' &&
   pdftotext -layout "$TMP/tw.pdf" - | grep -q -- '--default-gateway-v6'; then pass typo-table-option-whole
else fail typo-table-option-whole "$(pdftotext -layout "$TMP/tw.pdf" - | head -n 8 | tr '\n' '|')"; fi

# ---------------------------------------------------------------- numbered headings
# A style's heading numbers go before a heading whose Han-Latin gaps were
# already marked: the marks must move with the text (they pointed into the
# middle of a character, cairo refused the string and no PDF was written,
# with no message).
printf 'heading-numbers: true\n' >"$TMP/numbers.yaml"
printf '%s\n-----\n\ntext\n' '**openEuler 社区加速 AI 融合与应用，累计装机量达到850万+台套**' >"$TMP/numbered.md"
if "$MD2PDF" -q --style "$TMP/numbers.yaml" -o "$TMP/numbered.pdf" "$TMP/numbered.md" 2>"$TMP/numbered.err" &&
   pdftotext "$TMP/numbered.pdf" - | grep -q '^1 openEuler 社区加速 AI 融合与应用'; then pass typo-numbered-cjk-heading
else fail typo-numbered-cjk-heading "no PDF or no number: $(head -c 200 "$TMP/numbered.err")"; fi
