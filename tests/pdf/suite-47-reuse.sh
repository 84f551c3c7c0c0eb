#!/usr/bin/env bash
# tests/pdf/suite-47-reuse.sh BUILD - what md2pdf makes once and reuses.
# Font subsets: one set serves a whole batch (md2pdf -O DIR a.md b.md ...;
# converters/md2pdf/subset.c), cut anew only for a face or a character it
# lacks.  Each PDF must still be the one md2pdf makes for the article alone,
# byte for byte, embed only subsets, keep its text, and the run's memory
# must not grow with the number of documents.  Images: one picture (by
# content, under any name) is embedded in a PDF once and decoded once; an
# SVG without text is drawn once, as one form XObject every use paints
# (converters/md2pdf/svg.c), one with text at each use, as text.
. "$(dirname "$0")/../lib.sh"
PDF=$BUILD/md2pdf
[ -x "$PDF" ] || { fail reuse-built "no $PDF"; exit 0; }
mkdir -p "$TMP/in" && cd "$TMP/in" || exit 0

# Chinese with strong text (the serif bold subset); English whose quotes,
# dash and entity are not in its source as such; Japanese (other faces of
# the collection); Chinese again after it.
cat >zh.md <<'EOF'
# 新闻发布会

今天举行了**新闻发布会**，介绍了新产品的主要功能。

## 背景

会议持续两个小时。
EOF
cat >en.md <<'EOF'
# A press day

The 'launch' was "quiet" -- a small room &copy; mdpress... and one more day.
EOF
cat >ja.md <<'EOF'
---
lang: ja
---
# 記者会見

本日、新製品の発表会が開かれました。
EOF
cat >zh2.md <<'EOF'
# 第二篇

另一篇文章的正文：出版社的样书。
EOF
arts="zh en ja zh2"
"$PDF" -q -O batch zh.md en.md ja.md zh2.md 2>batch.err
mkdir -p alone
for a in $arts; do "$PDF" -q -o "alone/$a.pdf" "$a.md" 2>>alone.err; done

diff=
for a in $arts; do cmp -s "batch/$a.pdf" "alone/$a.pdf" || diff="$diff $a"; done
[ -z "$diff" ] && [ -s batch/zh.pdf ] && pass batch-fonts-same-bytes-as-alone ||
	fail batch-fonts-same-bytes-as-alone "differ:$diff; $(head -c 200 batch.err)"

# every font embedded and a subset; Japanese set in the Japanese faces
bad=
for a in $arts; do
	pdffonts "batch/$a.pdf" >"$a.fonts" 2>&1
	awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") { bad = 1 } END { exit bad }' "$a.fonts" ||
		bad="$bad $a"
	[ "$(awk 'NR > 2' "$a.fonts" | wc -l)" -gt 0 ] || bad="$bad $a(no fonts)"
done
grep -q 'CJKjp' ja.fonts && grep -q 'CJKsc' zh2.fonts && ! grep -q 'CJKjp' zh2.fonts || bad="$bad faces"
[ -z "$bad" ] && pass batch-fonts-embedded-subsets ||
	fail batch-fonts-embedded-subsets "wrong:$bad; $(tr '\n' ' ' <ja.fonts | head -c 300)"

# the text reads back
text() { pdftotext "batch/$1.pdf" - 2>/dev/null | tr -d ' \n\f'; }
t_zh=$(text zh) t_en=$(text en) t_ja=$(text ja) t_zh2=$(text zh2)
if [[ $t_zh == *今天举行了新闻发布会* && $t_en == *‘launch’was“quiet”–asmallroom©mdpress…* &&
      $t_ja == *本日、新製品の発表会が開かれました。* && $t_zh2 == *出版社的样书* ]]; then
	pass batch-fonts-text-round-trip
else
	fail batch-fonts-text-round-trip "zh '${t_zh:0:40}' en '${t_en:0:60}' ja '${t_ja:0:40}'"
fi

# an input that is a pipe is read once, by the article loader, not
# before by the run's character scan
"$PDF" -q -O piped zh.md <(printf '# 管道\n\n从管道读入的文章。\n') 2>piped.err
t=$(for f in piped/*.pdf; do [ "$f" = piped/zh.pdf ] || pdftotext "$f" - 2>/dev/null; done | tr -d ' \n\f')
if [[ $t == *从管道读入的文章* ]]; then pass batch-fonts-pipe-input-read-once
else fail batch-fonts-pipe-input-read-once "text '${t:0:60}'; $(ls piped | tr '\n' ' ') $(head -c 200 piped.err)"; fi

# memory: 20 documents in one run need about what one needs (each
# document's own subsets once made it grow by ~4 MB a document)
if fast; then
	echo "    batch-fonts-memory skipped (MDPRESS_FAST=1: sanitizers)"
elif [ -x /usr/bin/time ]; then
	mkdir -p seeds
	for i in $(seq -w 1 20); do cp "$ROOT/tests/regress/seed/seed.md" "seeds/s$i.md"; done
	one=$(/usr/bin/time -f %M "$PDF" -q -O out1 seeds/s01.md 2>&1 >/dev/null | tail -n 1)
	all=$(/usr/bin/time -f %M "$PDF" -q -O out20 seeds/s*.md 2>&1 >/dev/null | tail -n 1)
	if [ "$all" -lt $((one + 16384)) ] && cmp -s out1/s01.pdf out20/s20.pdf; then
		pass batch-fonts-memory-flat
	else fail batch-fonts-memory-flat "peak RSS $one KB for one, $all KB for 20 (or outputs differ)"; fi
fi

# one picture with alpha, shown three times under two names in a book
# (each article on its own page):
# embedded once, and every use still shows it
python3 - <<'PY'
import struct, zlib
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
w, h = 64, 48
rows = b''.join(b'\0' + b''.join(b'\xff\0\0\xff' if 8 <= x < 56 and 8 <= y < 40 else b'\0\0\0\0'
                                  for x in range(w)) for y in range(h))
png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) +
       chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
open('red.png', 'wb').write(png)
open('copy.png', 'wb').write(png)
PY
printf '# One\n\n![red](red.png)\n' >img-a.md
printf '# Two\n\n![copy](copy.png)\n' >img-b.md
printf '# Three\n\n![again](red.png)\n' >img-c.md
"$PDF" -q -o img.pdf img-a.md img-b.md img-c.md 2>img.err
uses=$(pdfimages -list img.pdf 2>/dev/null | awk '$3 == "image"' | wc -l)
objs=$(pdfimages -list img.pdf 2>/dev/null | awk '$3 == "image" { print $11 }' | sort -u | wc -l)
if [ "$uses" = 3 ] && [ "$objs" = 1 ]; then pass book-image-embedded-once
else fail book-image-embedded-once "$uses uses, $objs image objects; $(head -c 200 img.err)"; fi
# the pages that show it (the body's, after cover and contents) hold red
red=0
pdftoppm -r 40 img.pdf pg 2>/dev/null
for f in pg-*.ppm; do
	python3 - "$f" <<'PY' && red=$((red + 1))
import sys
d = open(sys.argv[1], 'rb').read()
parts = d.split(maxsplit=4)
px = parts[4]
sys.exit(0 if any(px[i] > 200 and px[i + 1] < 60 and px[i + 2] < 60 for i in range(0, len(px) - 2, 3)) else 1)
PY
done
if [ "$red" -ge 3 ]; then pass book-image-shown-every-time
else fail book-image-shown-every-time "red on $red pages"; fi
# twice on one page: cairo would name it twice in the page's resources
printf '# Twice\n\n![a](red.png)\n\n![b](red.png)\n' >twice.md
"$PDF" -q -o twice.pdf twice.md 2>twice.err
q=$(qpdf --check twice.pdf 2>&1)
if [ $? = 0 ] && [ "$(pdfimages -list twice.pdf 2>/dev/null | awk '$3 == "image"' | wc -l)" = 2 ]
then pass image-twice-on-a-page-valid
else fail image-twice-on-a-page-valid "$(grep -i 'warning' <<<"$q" | head -n 2 | tr '\n' ' ')"; fi
# an SVG without text shown three times on a page: one form XObject,
# painted three times (before, three copies of its paths), named once in
# the page's resources (cairo names it at each use: qpdf --check warns)
printf '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect x="5" y="5" width="30" height="20" fill="#1030e0"/></svg>\n' >icon.svg
printf '# Icons\n\n![a](icon.svg)\n\nText.\n\n![b](icon.svg)\n\n![c](icon.svg)\n' >icons.md
"$PDF" -q -o icons.pdf icons.md 2>icons.err
q=$(qpdf --check icons.pdf 2>&1)
qrc=$?
qpdf --qdf --object-streams=disable icons.pdf icons-qdf.pdf 2>/dev/null
forms=$(grep -ac '/Subtype /Form' icons-qdf.pdf)
uses=$(grep -aEc '/x[0-9]+ Do$' icons-qdf.pdf)
if [ "$qrc" = 0 ] && [ "$forms" = 1 ] && [ "$uses" = 3 ]; then pass svg-drawn-once
else fail svg-drawn-once "qpdf $qrc, $forms forms, $uses uses; $(grep -i warning <<<"$q" | head -n 1) $(head -c 200 icons.err)"; fi
# ... and still seen three times: blue in three bands of the page
pdftoppm -r 40 -f 1 -l 1 icons.pdf icons 2>/dev/null
bands=$(python3 - icons-1.ppm <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
magic, w, h, mx, px = d.split(maxsplit=4)
w, h = int(w), int(h)
blue = [any(px[3 * (y * w + x) + 2] > 180 and px[3 * (y * w + x)] < 80 for x in range(w)) for y in range(h)]
print(sum(1 for y in range(1, h) if blue[y] and not blue[y - 1]))
PY
)
if [ "$bands" = 3 ]; then pass svg-shown-every-time
else fail svg-shown-every-time "$bands blue bands on the page"; fi
# an SVG with text is drawn at each use, so that its words stay text
printf '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="2" y="20" font-size="16">SVGWORD</text></svg>\n' >word.svg
printf '# Words\n\n![a](word.svg)\n\n![b](word.svg)\n' >words.md
"$PDF" -q -o words.pdf words.md 2>words.err
n=$(pdftotext words.pdf - 2>/dev/null | grep -c SVGWORD)
if [ "$n" = 2 ]; then pass svg-text-stays-text
else fail svg-text-stays-text "SVGWORD found $n times; $(head -c 200 words.err)"; fi
exit 0
