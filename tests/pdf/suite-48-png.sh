#!/usr/bin/env bash
# tests/pdf/suite-48-png.sh BUILD - PNG images md2pdf embeds itself
# (converters/md2pdf/pngobj.c, imgobj.c) instead of through cairo's loader.
# For every kind of PNG (tests/pdf/pngs.py writes them): the page looks as
# it did through cairo (MDPRESS_PNG_VIA_CAIRO=1, the old path), the image
# has its size and its alpha mask exactly when it has transparency, data a
# PDF reader can take as it is goes in untouched (an opaque RGBA file: its
# filtered rows without the alpha bytes), a damaged file comes out
# as through cairo, no stand-in JPEG is left, qpdf finds nothing wrong, and
# the bytes are the same run after run and alone or in a batch; a JPEG that
# looks like the stand-in for a PNG goes in as any JPEG.
. "$(dirname "$0")/../lib.sh"
PDF=$BUILD/md2pdf
[ -x "$PDF" ] || { fail png-built "no $PDF"; exit 0; }
mkdir -p "$TMP/in" && cd "$TMP/in" || exit 0
python3 "$ROOT/tests/pdf/pngs.py" . || { fail png-inputs "pngs.py failed"; exit 0; }

kinds="rgb rgba rgba-opaque gray gray4 gray-alpha palette palette4 palette-trns interlaced
       rgb16 rgb-gray stored rgba-opaque-filters rgba-opaque-gray gray-alpha-opaque
       rgba-last-translucent"
broken="broken-deflate broken-short"
for k in $kinds $broken; do
	printf '# %s\n\n![%s](%s.png)\n\nAfter the image.\n' "$k" "$k" "$k" >"$k.md"
	"$PDF" -q -o "$k.pdf" "$k.md" 2>"$k.err"
	MDPRESS_PNG_VIA_CAIRO=1 "$PDF" -q -o "$k.cairo.pdf" "$k.md" 2>>"$k.err"
done

# max_diff A.ppm B.ppm: the largest difference of one colour sample
max_diff() {
	if cmp -s "$1" "$2"; then echo 0; return; fi
	[ "$(head -c 20 "$1" | head -n 2)" = "$(head -c 20 "$2" | head -n 2)" ] || { echo 999; return; }
	cmp -l "$1" "$2" | python3 -c '
import sys
print(max(abs(int(a, 8) - int(b, 8)) for _, a, b in (l.split() for l in sys.stdin)))'
}

# 1. the page looks as through cairo.  Colours may differ by rounding:
# cairo premultiplies by alpha and divides again, md2pdf keeps the file's.
bad=
for k in $kinds $broken; do
	pdftoppm -r 96 "$k.pdf" "$k.new" && pdftoppm -r 96 "$k.cairo.pdf" "$k.old" || {
		bad="$bad $k(render)"; continue; }
	d=$(max_diff "$k.new-1.ppm" "$k.old-1.ppm")
	[ "$d" -le 3 ] || bad="$bad $k(diff $d)"
done
[ -z "$bad" ] && pass png-renders-as-cairo || fail png-renders-as-cairo "differ:$bad"

# 2. md2pdf embedded them (not cairo), and no damaged file made it in
bad=
for k in $kinds; do cmp -s "$k.pdf" "$k.cairo.pdf" && bad="$bad $k"; done
for k in $broken; do cmp -s "$k.pdf" "$k.cairo.pdf" || bad="$bad $k(not as cairo)"; done
[ -z "$bad" ] && pass png-embedded-by-md2pdf || fail png-embedded-by-md2pdf "wrong:$bad"

# 3. pdfimages: size, colour, and a soft mask exactly where there is alpha
want() { # kind: "color bpc smask?" of the image
	case $1 in
	rgba | palette-trns | interlaced | rgb16 | rgba-opaque | stored | rgb) echo rgb ;;
	rgba-opaque-filters | rgba-last-translucent) echo rgb ;;
	gray | gray4 | rgb-gray | rgba-opaque-gray | gray-alpha-opaque) echo gray ;;
	palette | palette4) echo index ;;
	gray-alpha) echo gray ;;
	esac
}
bad=
for k in $kinds; do
	l=$(pdfimages -list "$k.pdf" 2>/dev/null | awk 'NR > 2 { print $3, $4, $5, $6 }' | paste -sd,)
	case $k in rgba | palette-trns | gray-alpha | rgba-last-translucent) s=",smask 48 36 gray" ;; *) s= ;; esac
	[ "$l" = "image 48 36 $(want "$k")$s" ] || bad="$bad $k($l)"
done
[ -z "$bad" ] && pass png-images-listed || fail png-images-listed "wrong:$bad"

# 4. data a PDF takes as it is goes in untouched: the file's IDAT bytes
# (8-bit RGB, gray, palette; not the stored one, deflated again)
bad=
for k in rgb gray gray4 palette palette4; do
	python3 - "$ROOT/tests/pdf" "$k.png" "$k.pdf" <<'EOF' || bad="$bad $k"
import sys
sys.path.insert(0, sys.argv[1])
from pngs import idat_stream
z = idat_stream(open(sys.argv[2], "rb").read())
sys.exit(0 if z in open(sys.argv[3], "rb").read() else 1)
EOF
done
grep -aq '/Predictor 15' rgb.pdf || bad="$bad rgb(no predictor)"
# an opaque RGBA file goes in as its filtered rows without the alpha bytes
# (not decoded: the filter bytes, all five types, are still there)
python3 - "$ROOT/tests/pdf" rgba-opaque-filters.png rgba-opaque-filters.pdf <<'EOF' ||
import re, struct, sys, zlib
sys.path.insert(0, sys.argv[1])
from pngs import idat_stream
p = open(sys.argv[2], "rb").read()
w, h = struct.unpack(">II", p[16:24])
raw, rb = zlib.decompress(idat_stream(p)), 4 * w + 1
want = b"".join(raw[y * rb:y * rb + 1] +
                bytes(v for i, v in enumerate(raw[y * rb + 1:(y + 1) * rb]) if i % 4 != 3)
                for y in range(h))
assert sorted(set(raw[y * rb] for y in range(h))) == [0, 1, 2, 3, 4]
pdf = open(sys.argv[3], "rb").read()
for m in re.finditer(rb"stream\r?\n", pdf):
    try:
        if zlib.decompressobj().decompress(pdf[m.end():]) == want:
            sys.exit(0)
    except zlib.error:
        pass
sys.exit(1)
EOF
	bad="$bad rgba-opaque-filters(not its filtered rows)"
# a stored (uncompressed) stream and an RGB file that is gray are smaller
# than the file itself
for k in stored rgb-gray; do
	s=$(pdfimages -list "$k.pdf" | awk 'NR == 3 { print $(NF - 1) }')
	case $s in *B) [ "${s%B}" -lt "$(stat -c %s "$k.png")" ] || bad="$bad $k($s)" ;; *) bad="$bad $k($s)" ;; esac
done
[ -z "$bad" ] && pass png-data-passed-through || fail png-data-passed-through "wrong:$bad"

# 5. every PDF sound, and no stand-in JPEG anywhere: with a real JPEG
# beside all the PNGs, exactly one DCTDecode image
cp "$DATA/images/2020-09-14-isulad-architecture-02.jpg" photo.jpg
{
	echo "# All"
	for k in $kinds $broken; do printf '\n![%s](%s.png)\n' "$k" "$k"; done
	printf '\n![photo](photo.jpg)\n\n![rgba again](rgba.png)\n'
} >all.md
"$PDF" -q -o all.pdf all.md 2>all.err
bad=
for f in *.pdf; do
	qpdf --check "$f" >/dev/null 2>&1 || bad="$bad $f"
done
n=$(grep -ac '/DCTDecode' all.pdf)
j=$(pdfimages -list all.pdf | awk '$9 == "jpeg"' | wc -l)
grep -aq 'mdpress-png' all.pdf && bad="$bad stand-in-left"
[ -z "$bad" ] && [ "$n" = 1 ] && [ "$j" = 1 ] && pass png-pdf-sound-no-stand-in ||
	fail png-pdf-sound-no-stand-in "qpdf:$bad; DCTDecode $n, jpeg images $j"

# 6. the same picture twice in a PDF is one image (and one soft mask)
u=$(pdfimages -list all.pdf | awk 'NR > 2 && $3 == "image" && $4 == 48 { print $11 }' | sort | uniq -d)
[ -n "$u" ] && pass png-shared-once || fail png-shared-once "no image object drawn twice"

# 7. reproducible: twice the same bytes, and alone = in a batch
"$PDF" -q -o all2.pdf all.md 2>/dev/null
"$PDF" -q -O batch rgba.md all.md palette.md 2>/dev/null
if cmp -s all.pdf all2.pdf && cmp -s all.pdf batch/all.pdf && cmp -s rgba.pdf batch/rgba.pdf &&
	cmp -s palette.pdf batch/palette.pdf; then
	pass png-reproducible
else
	fail png-reproducible "runs or batch differ"
fi

# 8. a real JPEG whose comment starts as md2pdf's stand-in for a PNG does
# (and names no PNG of the PDF) is a JPEG like any other: the document
# converts, beside a real PNG, and keeps it as DCTDecode
python3 - photo.jpg <<'EOF'
import struct, sys
key = b"mdpress-png mdpress-image-0000000000000000000000000000000000000000"
j = open(sys.argv[1], "rb").read()
open("lookalike.jpg", "wb").write(j[:2] + b"\xff\xfe" + struct.pack(">H", len(key) + 2) + key + j[2:])
EOF
printf '# Look-alike\n\n![a](lookalike.jpg)\n\n![b](rgba.png)\n' >look.md
l=
if "$PDF" -q -o look.pdf look.md 2>look.err && qpdf --check look.pdf >/dev/null 2>&1 &&
	l=$(pdfimages -list look.pdf 2>/dev/null | awk 'NR > 2 { print $3, $9 }' | paste -sd,) &&
	[ "$l" = "image jpeg,image image,smask image" ]; then
	pass png-stand-in-look-alike-jpeg
else
	fail png-stand-in-look-alike-jpeg "$(head -c 200 look.err); images: $l"
fi

# 9. one picture under two names is one image; two pictures are two even
# when their files have the same length and CRC-32 (the first thing
# md2pdf compares): two stored PNGs of one size in other colours, four
# bytes after IEND (no reader looks there) forcing the second's CRC
python3 - <<'EOF'
import struct, sys, zlib
def chunk(k, d):
    return struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d))
def stored(rgb):
    raw = b"".join(b"\0" + bytes(rgb) * 40 for _ in range(30))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))
table = []
for i in range(256):
    c = i
    for _ in range(8):
        c = c >> 1 ^ (0xEDB88320 if c & 1 else 0)
    table.append(c)
top = {t >> 24: i for i, t in enumerate(table)}
def forge(data, target):
    """four bytes that, appended to data, make its CRC-32 target"""
    reg, ks = target ^ 0xFFFFFFFF, []
    for _ in range(4):
        k = top[reg >> 24]
        ks.insert(0, k)
        reg = ((reg ^ table[k]) << 8) & 0xFFFFFFFF
    reg, out = zlib.crc32(data) ^ 0xFFFFFFFF, bytearray()
    for k in ks:
        out.append((reg ^ k) & 0xFF)
        reg = reg >> 8 ^ table[k]
    return bytes(out)
red = stored((220, 30, 30)) + b"\0\0\0\0"
blue = stored((30, 30, 220))
blue += forge(blue, zlib.crc32(red))
assert len(red) == len(blue) and zlib.crc32(red) == zlib.crc32(blue) and red != blue
open("red.png", "wb").write(red)
open("blue.png", "wb").write(blue)
EOF
cp rgba.png rgba-copy.png
{
	printf '# Twins\n\n![r](red.png)\n\n![b](blue.png)\n\n![a](rgba.png)\n'
	# a picture twice on one page is drawn twice (image.c): the copy
	# goes on a later page
	for i in $(seq 60); do printf '\nFiller paragraph %d.\n' "$i"; done
	printf '\n![a again](rgba-copy.png)\n'
} >twins.md
"$PDF" -q -o twins.pdf twins.md 2>twins.err
# objects of the images drawn, in order: red, blue, rgba, rgba's copy;
# and both colours on the first page
ids=$(pdfimages -list twins.pdf 2>/dev/null | awk 'NR > 2 && $3 == "image" { print $11 }' | paste -sd' ')
colours=$(pdftoppm -r 20 -f 1 -l 1 twins.pdf 2>/dev/null | python3 -c '
import sys
p = sys.stdin.buffer.read().split(b"\n", 3)[3]
px = [p[i:i + 3] for i in range(0, len(p) - 2, 3)]
print("red" if any(r > 180 and b < 80 for r, g, b in px) else "",
      "blue" if any(b > 180 and r < 80 for r, g, b in px) else "")')
set -- $ids
if [ $# -eq 4 ] && [ "$1" != "$2" ] && [ "$3" = "$4" ] && [ "$colours" = "red blue" ]; then
	pass png-identity-by-bytes
else
	fail png-identity-by-bytes "image objects: $ids; colours seen: $colours"
fi
