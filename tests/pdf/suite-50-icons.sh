#!/usr/bin/env bash
# tests/pdf/suite-50-icons.sh BUILD - an image met in text that is no taller
# than an icon (64 CSS px: the DDE guide's buttons are 56-59) is set in its
# line, as a browser shows it: manuals say "click [icon] to ..." and put
# icons in table cells.  Checked where a reader sees it: the icon's pixels
# on the rendered page lie between the words around it (word boxes from
# pdftotext -bbox), in the table row it belongs to; a picture in a table
# cell is set in its cell (it was drawn after the table, the cell empty); a
# bigger picture in text is still drawn as a block below the paragraph; the
# text layer holds the words, not the icon.
. "$(dirname "$0")/../lib.sh"
PDF=$BUILD/md2pdf
[ -x "$PDF" ] || { fail icons-built "no $PDF"; exit 0; }
cd "$TMP" || exit 0
python3 - <<'PY'
import struct, zlib
def png(name, w, h, rgb):
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
    rows = b''.join(b'\0' + bytes(rgb) * w for _ in range(h))
    open(name, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                           + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
png('red.png', 20, 20, (230, 0, 0))        # an icon
png('green.png', 300, 120, (0, 200, 0))    # a picture
png('magenta.png', 20, 20, (230, 0, 230))  # an icon in a table
png('cyan.png', 57, 56, (0, 200, 200))     # a button icon drawn larger
png('orange.png', 300, 160, (250, 140, 0)) # a picture in a table cell
PY
printf '<svg xmlns="http://www.w3.org/2000/svg" width="20px" height="20px"><rect width="20" height="20" fill="#0000e6"/></svg>\n' >blue.svg
cat >icons.md <<'MD'
# Icons

Click ![gear](red.png) to open the settings.

Press ![key](blue.svg) twice.

Then click ![add](cyan.png) once.

| Icon | Meaning |
|---|---|
| ![gear](magenta.png) | Settingsword |

Here is a picture ![chart](green.png) in the text.

| Step | Graph |
|---|---|
| STEPONE | ![graph](orange.png) |
| STEPTWO | none |

Afterwords.
MD
"$PDF" -q -o icons.pdf icons.md 2>icons.err || fail icons-converted "$(head -c 300 icons.err)"
pdftotext -bbox icons.pdf words.html 2>/dev/null
pdftoppm -r 72 -f 1 -l 1 icons.pdf page 2>/dev/null
# check NAME COLOUR WORD_BEFORE WORD_AFTER: the colour's pixels between the
# two words, on their line (WORD_AFTER empty: right of WORD_BEFORE only)
python3 - page-1.ppm words.html <<'PY'
import re, sys
d = open(sys.argv[1], 'rb').read()
magic, w, h, mx, px = d.split(maxsplit=4)
w, h = int(w), int(h)
words = [(float(a), float(b), float(c), float(e), t) for a, b, c, e, t in
         re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                    open(sys.argv[2], encoding='utf-8').read())]
def word(t):
    return next((x for x in words if x[4] == t), None)
def box(rgb):
    pts = [(i % w, i // w) for i in range(w * h)
           if all(abs(px[3 * i + k] - rgb[k]) < 40 for k in range(3))]
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)
def between(name, rgb, before, after):
    b, wb, wa = box(rgb), word(before), word(after) if after else None
    if not b or not wb:
        print(f'FAIL {name}: no {"pixels" if not b else "word " + before}')
        return
    x0, y0, x1, y1 = b
    mid = (y0 + y1) / 2
    on_line = wb[1] - 2 <= mid <= wb[3] + 2
    after_b = x0 >= wb[2] - 1
    before_a = wa is None or x1 <= wa[0] + 1
    if on_line and after_b and before_a and y1 - y0 < 20:
        print(f'PASS {name}')
    else:
        print(f'FAIL {name}: pixels {b}, {before} {wb[:4]}, {after} {wa[:4] if wa else None}')
# the table's icon: red pixels on the row of "Settingsword", left of it
def in_row(name, rgb, word_right):
    wr = word(word_right)
    reds = [(i % w, i // w) for i in range(w * h)
            if all(abs(px[3 * i + k] - rgb[k]) < 40 for k in range(3)) and abs(i // w - (wr[1] + wr[3]) / 2) < 12]
    if wr and reds and max(p[0] for p in reds) < wr[0]:
        print(f'PASS {name}')
    else:
        print(f'FAIL {name}: {len(reds)} pixels on the row of {word_right} {wr[:4] if wr else None}')
between('icon-png-in-line', (230, 0, 0), 'Click', 'to')
between('icon-svg-in-line', (0, 0, 230), 'Press', 'twice.')
between('icon-56px-in-line', (0, 200, 200), 'click', 'once.')
in_row('icon-in-table-cell', (230, 0, 230), 'Settingsword')
# a picture in a table cell: in its row, right of the row's first cell
o, s1, s2 = box((250, 140, 0)), word('STEPONE'), word('STEPTWO')
if o and s1 and s2 and o[0] > s1[2] and o[1] >= s1[1] - 4 and o[3] < s2[1]:
    print('PASS picture-in-table-cell')
else:
    print(f'FAIL picture-in-table-cell: pixels {o}, STEPONE {s1[:4] if s1 else None}, STEPTWO {s2[:4] if s2 else None}')
# the picture: below its paragraph's text, above the next paragraph
g, t, a = box((0, 200, 0)), word('text.'), word('Afterwords.')
if g and t and a and g[1] > t[3] and g[3] < a[1]:
    print('PASS picture-in-text-below-it')
else:
    print(f'FAIL picture-in-text-below-it: pixels {g}, text. {t[:4] if t else None}, Afterwords. {a[:4] if a else None}')
PY
t=$(pdftotext icons.pdf - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
if [[ $t == *"Click to open the settings."* && $t == *"Press twice."* && $t != *$'\xef\xbf\xbc'* && $t != *gear* ]]
then pass icons-text-layer
else fail icons-text-layer "text: ${t:0:200}"; fi
q=$(qpdf --check icons.pdf 2>&1) && pass icons-pdf-valid || fail icons-pdf-valid "$(tail -n 2 <<<"$q" | tr '\n' ' ')"
exit 0
