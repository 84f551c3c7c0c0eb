#!/usr/bin/env bash
# Limits (issue 12): each has a default, an option, and a clear message
# when exceeded; a run that fails leaves no output behind.
. "$(dirname "$0")/../lib.sh"

# --max-pages: a long article fails with the limit named, and no PDF.
python3 -c "print('\n\n'.join('paragraph %d of a long article.' % i for i in range(400)))" >"$TMP/long.md"
"$BUILD/md2pdf" --max-pages 3 -o "$TMP/long.pdf" "$TMP/long.md" 2>"$TMP/err"
rc=$?
if [ $rc -ne 1 ]; then fail limit-pages "exit $rc, want 1"
elif ! grep -q 'error: output longer than 3 pages (--max-pages)' "$TMP/err"; then fail limit-pages "message: $(cat "$TMP/err")"
elif [ -e "$TMP/long.pdf" ] || ls -A "$TMP" | grep -q '^\.'; then fail limit-pages "output or temporary file left"
else pass limit-pages; fi
if "$BUILD/md2pdf" -q --max-pages 30 -o "$TMP/long.pdf" "$TMP/long.md" &&
   [ "$(pdfinfo "$TMP/long.pdf" | awk '/^Pages:/ {print $2}')" -le 30 ]; then pass limit-pages-raised
else fail limit-pages-raised "400 short paragraphs did not fit 30 pages"; fi

# A table header of 5,000 columns over 5,000 rows: cmark-gfm would pad it
# to 25 million cells (8 GB); it is shown as text with a warning instead.
python3 -c "
n = 5000
print('|' + '|'.join('h%d' % i for i in range(n)) + '|')
print('|' + '|'.join('-' for i in range(n)) + '|')
print(''.join('|x%d|\n' % i for i in range(n)))" >"$TMP/table.md"
for t in md2txt md2epub md2pdf; do
	if timeout 20 "$BUILD/$t" -o "$TMP/table.${t#md2}" "$TMP/table.md" 2>"$TMP/err" &&
	   grep -q 'table.md:2:1: warning: table of 5000 columns and 5001 rows shown as text' "$TMP/err"
	then pass "limit-table-cells-$t"
	else fail "limit-table-cells-$t" "$(tail -n 2 "$TMP/err")"; fi
done
# an ordinary table is untouched
printf '| a | b |\n|---|:-:|\n| 1 | 2 |\n' >"$TMP/small.md"
if "$BUILD/md2txt" --dump-tree "$TMP/small.md" 2>&1 | grep -q 'table' &&
   ! "$BUILD/md2txt" "$TMP/small.md" 2>&1 >/dev/null | grep -q 'table-size'; then pass limit-table-small
else fail limit-table-small "a 2x2 table was touched"; fi

# A table wider than md2pdf draws (64 columns) says so instead of losing
# the rest in silence; the columns it does draw are in the PDF.
python3 -c "
n = 70
print('| ' + ' | '.join('h%d' % i for i in range(n)) + ' |')
print('|' + '---|' * n)
print('| ' + ' | '.join('c%d' % i for i in range(n)) + ' |')" >"$TMP/wide.md"
"$BUILD/md2pdf" -o "$TMP/wide.pdf" "$TMP/wide.md" 2>"$TMP/err"
if grep -q 'wide.md:1:1: warning: table of 70 columns: only the first 64 are drawn \[-Wtable-columns\]' "$TMP/err" &&
   pdftotext "$TMP/wide.pdf" - | tr -d ' \n' | grep -q 'c0' ; then pass limit-table-columns-md2pdf
else fail limit-table-columns-md2pdf "$(cat "$TMP/err")"; fi
printf '| a | b |\n|---|---|\n| 1 | 2 |\n' >"$TMP/narrow.md"
if "$BUILD/md2pdf" -o "$TMP/narrow.pdf" "$TMP/narrow.md" 2>&1 | grep -q 'table-columns'
then fail limit-table-columns-narrow "a 2-column table warned"
else pass limit-table-columns-narrow; fi

# 100,000 distinct tags (a scan per tag made this quadratic: 76 s).
python3 -c "print('---\ntags: [' + ','.join('t%d' % i for i in range(100000)) + ']\n---\nbody')" >"$TMP/tags.md"
if timeout 20 "$BUILD/md2epub" -q -o "$TMP/tags.epub" "$TMP/tags.md" &&
   unzip -p "$TMP/tags.epub" EPUB/package.opf | grep -q 't99999'; then pass limit-many-tags
else fail limit-many-tags "100,000 tags not converted within 20 s"; fi

# --max-input-size: too large is an error before parsing, no output.
head -c $((17 << 20)) /dev/zero | tr '\0' 'a' >"$TMP/huge.md"
"$BUILD/md2txt" -o "$TMP/huge.txt" "$TMP/huge.md" 2>"$TMP/err"
rc=$?
if [ $rc = 1 ] && grep -q 'huge.md: error: input larger than 16 MiB (--max-input-size)' "$TMP/err" &&
   [ ! -e "$TMP/huge.txt" ]; then pass limit-input-size
else fail limit-input-size "exit $rc: $(cat "$TMP/err")"; fi
head -c 3000000 "$TMP/huge.md" >"$TMP/three.md"
if ! "$BUILD/md2txt" --max-input-size 2 -o "$TMP/three.txt" "$TMP/three.md" 2>/dev/null &&
   "$BUILD/md2txt" --max-input-size 3 -o "$TMP/three.txt" "$TMP/three.md"; then pass limit-input-size-option
else fail limit-input-size-option "--max-input-size not honoured"; fi
if cat "$TMP/huge.md" | "$BUILD/md2txt" - >/dev/null 2>"$TMP/err" ||
   ! grep -q 'input larger than' "$TMP/err"; then fail limit-input-size-stdin "a 17 MiB pipe was read"
else pass limit-input-size-stdin; fi

# Images: a PNG header claiming 100000 x 100000 pixels is never decoded;
# a file over --max-image-size is never read.
python3 - "$TMP" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
ihdr = struct.pack('>IIBBBBB', 100000, 100000, 8, 2, 0, 0, 0)
open(sys.argv[1] + '/claim.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) +
    chunk(b'IDAT', zlib.compress(b'\0' * 1000)) + chunk(b'IEND', b''))
PY
printf 'before\n\n![big](claim.png)\n\nafter\n' >"$TMP/claim.md"
for t in md2txt md2epub md2pdf; do
	/usr/bin/time -f '%M' -o "$TMP/rss" timeout 20 "$BUILD/$t" -o "$TMP/claim.${t#md2}" "$TMP/claim.md" 2>"$TMP/err"
	rc=$?
	if [ $rc = 0 ] && grep -q 'warning: image too large: claim.png: 100000 x 100000 pixels' "$TMP/err" &&
	   [ "$(tail -n 1 "$TMP/rss")" -lt 500000 ]; then pass "limit-image-pixels-$t"
	else fail "limit-image-pixels-$t" "exit $rc, $(tail -n 1 "$TMP/rss") KB: $(head -n 2 "$TMP/err")"; fi
done
if unzip -l "$TMP/claim.epub" | grep -q 'images/'; then fail limit-image-pixels-not-packed "packed into the EPUB"
else pass limit-image-pixels-not-packed; fi
head -c $((2 << 20)) /dev/zero >"$TMP/heavy.png"
printf '![x](heavy.png)\n' >"$TMP/heavy.md"
if "$BUILD/md2epub" --max-image-size 1 -o "$TMP/heavy.epub" "$TMP/heavy.md" 2>&1 |
   grep -q 'image too large: heavy.png: 2097152 bytes'; then pass limit-image-bytes
else fail limit-image-bytes "no warning for a 2 MiB image under --max-image-size 1"; fi

# A 5 MB title (md2epub took 46 s, md2pdf 21 s and failed) is cut at 64 KiB.
python3 -c "print('---\ntitle: \"' + 'word ' * 1000000 + '\"\n---\nbody')" >"$TMP/title.md"
for t in md2txt md2epub md2pdf; do
	if timeout 20 "$BUILD/$t" -o "$TMP/title.${t#md2}" "$TMP/title.md" 2>"$TMP/err" &&
	   grep -q "title.md:2:8: warning: front matter: 'title' longer than 65536 bytes; cut there" "$TMP/err"
	then pass "limit-long-title-$t"
	else fail "limit-long-title-$t" "$(tail -n 2 "$TMP/err")"; fi
done

# A paragraph of 30,000 autolinks: one pango layout took minutes (attributes
# walked per line); in pieces it is linear, and every link still reads.
python3 -c "print('www.a.com ' * 30000)" >"$TMP/links.md"
limit=30; fast && limit=120
if timeout $limit "$BUILD/md2pdf" -q -o "$TMP/links.pdf" "$TMP/links.md" &&
   [ "$(pdftotext -q "$TMP/links.pdf" - | grep -o 'www\.a\.com' | wc -l)" = 30000 ]; then pass limit-giant-paragraph
else fail limit-giant-paragraph "not laid out within $limit s, or links lost"; fi
