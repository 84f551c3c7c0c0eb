#!/usr/bin/env bash
# The bad-input matrix (issue 12): every row through md2txt, md2epub and
# md2pdf, each with its expected outcome: the exit status, a message that
# names the problem (file:line where there is one), no output after an
# error, no crash, no sanitizer report, and an answer within 20 s.  Big
# inputs are generated here, not stored.
. "$(dirname "$0")/../lib.sh"
M=$TMP/m
mkdir -p "$M"
py() { python3 -c "$1"; }

# row NAME RC PATTERN: convert $M/NAME.md with each tool; RC is the exit
# status wanted, PATTERN an extended regex stderr must match ("" = any).
row() {
	local name=$1 want=$2 pattern=$3 t out rc
	for t in md2txt md2epub md2pdf; do
		out=$M/$name.${t#md2}
		rm -f "$out"
		timeout 20 "$BUILD/$t" -o "$out" "$M/$name.md" >/dev/null 2>"$TMP/err"
		rc=$?
		if [ $rc = 124 ]; then fail "matrix-$t-$name" "no answer within 20 s"
		elif [ $rc != "$want" ]; then fail "matrix-$t-$name" "exit $rc, want $want: $(head -c 300 "$TMP/err")"
		elif grep -aq 'Sanitizer\|runtime error:' "$TMP/err"; then fail "matrix-$t-$name" "$(grep -a -m1 'Sanitizer\|runtime error:' "$TMP/err")"
		elif [ -n "$pattern" ] && ! grep -aEq "$pattern" "$TMP/err"; then fail "matrix-$t-$name" "message /$pattern/ missing: $(head -c 300 "$TMP/err")"
		elif [ $rc != 0 ] && { [ -e "$out" ] || ls -A "$M" | grep -q '^\.'; }; then fail "matrix-$t-$name" "output or temporary file left after an error"
		elif [ $rc = 0 ] && [ ! -s "$out" ] && [ $t != md2txt ]; then fail "matrix-$t-$name" "no output"
		else pass "matrix-$t-$name"; fi
	done
}

: >"$M/empty.md";                                      row empty 0 ''
printf -- '---\ntitle: Only metadata\n---\n' >"$M/frontmatter-only.md"; row frontmatter-only 0 ''
head -c 4096 /dev/urandom >"$M/binary.md";             row binary 1 'binary.md:[0-9]+:[0-9]+: error: invalid UTF-8'
printf 'caf\xe9 au lait\n' >"$M/latin1.md";             row latin1 1 'latin1.md:1:4: error: invalid UTF-8'
printf '\xff\xfeh\0i\0\n\0' >"$M/utf16.md";             row utf16 1 'utf16.md:1:1: error: invalid UTF-8'
printf 'before\0after\n' >"$M/nul.md";                  row nul 1 'nul.md:1:7: error: invalid UTF-8'
head -c $((50 << 20)) /dev/zero | tr '\0' 'x' >"$M/huge.md"; row huge 1 'input larger than 16 MiB'
rm -f "$M/huge.md"

# CommonMark's pathological patterns, each kind deep or many
py "print('> ' * 30000 + 'a')" >"$M/deep-quotes.md";   row deep-quotes 0 'nesting deeper than 64'
py "print('- ' * 30000 + 'a')" >"$M/deep-lists.md";    row deep-lists 0 'nesting deeper than 64'
py "print('1. ' * 20000 + 'a')" >"$M/deep-ordered.md"; row deep-ordered 0 'nesting deeper than 64'
py "print('*a ' * 20000 + 'b' + ' a*' * 20000)" >"$M/deep-emph.md"; row deep-emph 0 ''
py "print('~~a ' * 10000 + 'b' + ' a~~' * 10000)" >"$M/deep-strike.md"; row deep-strike 0 ''
py "print('[a ' * 10000 + 'b' + '](u)' * 10000)" >"$M/deep-links.md"; row deep-links 0 ''
py "print('<div>' * 20000 + 'a' + '</div>' * 20000)" >"$M/deep-html.md"; row deep-html 0 ''
py "print('[' * 50000 + 'a')" >"$M/brackets.md";       row brackets 0 ''
py "print('<' * 50000 + 'a')" >"$M/angles.md";         row angles 0 ''
py "print(''.join('\`' * i + ' ' for i in range(1, 400)))" >"$M/backticks.md"; row backticks 0 ''
py "print('*a _b ' * 20000)" >"$M/delims.md";          row delims 0 ''
py "print('[a]: u\n' + '[a] ' * 20000)" >"$M/refs.md"; row refs 0 ''
py "n=3000; print('|' + '|' * n + '\n|' + '-|' * n + '\n' + '|x|\n' * n)" >"$M/wide-table.md"; row wide-table 0 'shown as text'
py "print('| a | b |\n|---|---|\n' + '| x | y |\n' * 20000)" >"$M/long-table.md"; row long-table 0 ''

# front matter
printf -- '---\ntitle: [a, b]\n---\ntext\n' >"$M/fm-type.md";  row fm-type 1 "fm-type.md:2:[0-9]+: error: front matter: 'title' must be"
printf -- '---\ntitle: A\ntitle: B\n---\ntext\n' >"$M/fm-dup.md"; row fm-dup 0 "fm-dup.md:3:[0-9]+: warning: front matter: duplicate key 'title'"
printf -- '---\ntitle: [unclosed\n---\ntext\n' >"$M/fm-syntax.md"; row fm-syntax 1 'fm-syntax.md:[0-9]+:[0-9]+: error: front matter'
py "
s = '---\na: &a [' + ','.join(['lol'] * 10) + ']\n'
for i in range(1, 9):
    s += chr(97 + i) + ': &' + chr(97 + i) + ' [' + ','.join(['*' + chr(96 + i)] * 10) + ']\n'
print(s + 'title: bomb\n---\ntext')" >"$M/yaml-bomb.md"; row yaml-bomb 0 ''
py "print('---\nbig: &x \"' + 'y' * 1000000 + '\"\nkeywords: [' + ','.join(['*x'] * 20000) + ']\n---\ntext')" >"$M/yaml-alias-big.md"; row yaml-alias-big 0 ''

# images
png() { python3 "$ROOT/tests/hostile/mkpng.py" "$@"; }
png "$M/real.png" 40 30
head -c 600 "$ROOT/tests/data/images/2020-09-14-isulad-architecture-02.jpg" >"$M/truncated.jpg"
printf '![cut](truncated.jpg)\n' >"$M/truncated-jpeg.md"; row truncated-jpeg 0 ''
py "
import re
b = bytearray(open('$ROOT/tests/data/images/2020-09-14-isulad-architecture-02.jpg', 'rb').read())
i = re.search(rb'\xff[\xc0\xc2]', bytes(b)).start()
b[i + 5:i + 9] = bytes.fromhex('ea60ea60')   # height, width: 60000 each
open('$M/claim.jpg', 'wb').write(b)"
printf '![claim](claim.jpg)\n' >"$M/jpeg-claim.md";    row jpeg-claim 0 'image too large: claim.jpg: 60000 x 60000'
printf 'just text\n' >"$M/text.png"
printf '![t](text.png)\n' >"$M/image-text.md";          row image-text 0 'not an image mdpress can use: text.png'
# a PNG whose chunks are whole but whose pixel data does not decode (a
# zlib header, then no deflate data): the probe passes it, so md2pdf finds
# out only when it draws it, and must say so (a batch would otherwise ship
# the placeholder without a word)
py "
import struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
ihdr = struct.pack('>IIBBBBB', 40, 30, 8, 2, 0, 0, 0)
open('$M/garbled.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr)
    + chunk(b'IDAT', b'\x78\x9cnot deflate data') + chunk(b'IEND', b''))"
printf 'text\n\n![g](garbled.png)\n' >"$M/png-garbled.md"; row png-garbled 0 ''
# (row ran md2pdf last: its messages are in $TMP/err)
if grep -aEq 'png-garbled\.md:3:1: warning: image unreadable: garbled\.png: its data cannot be decoded \[-Wunreadable-image\]' "$TMP/err" &&
   [ "$(grep -ac 'garbled' "$TMP/err")" = 1 ]; then pass matrix-md2pdf-png-garbled-warns
else fail matrix-md2pdf-png-garbled-warns "$(head -c 300 "$TMP/err")"; fi
# damaged PNG files, as downloads cut short and bit rot leave them: every
# tool says which and how (the probe walks the chunks), and md2epub packs
# no file a reader would show as a broken image
py "
real = open('$M/real.png', 'rb').read()
open('$M/cut.png', 'wb').write(real[:len(real) - 20])          # inside IDAT
bad = bytearray(real); bad[45] ^= 0xff                          # a byte of IDAT
open('$M/crc.png', 'wb').write(bytes(bad))
import struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
ihdr = struct.pack('>IIBBBBB', 40, 30, 8, 2, 0, 0, 0)
open('$M/nozlib.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr)
    + chunk(b'IDAT', b'not zlib data') + chunk(b'IEND', b''))
open('$M/noiend.png', 'wb').write(real[:-12])"
for bad in cut:'truncated: the file ends before its IEND chunk' noiend:'truncated: the file ends before its IEND chunk' \
    crc:'damaged: chunk IDAT fails its CRC check' nozlib:'damaged: its image data is no zlib stream'; do
	name=${bad%%:*}
	printf 'text\n\n![%s](%s.png)\n' "$name" "$name" >"$M/png-$name.md"
	row "png-$name" 0 "png-$name\\.md:3:1: warning: image unreadable: $name\\.png: ${bad#*:} \\[-Wunreadable-image\\]"
	if unzip -l "$M/png-$name.epub" | grep -q 'images/'; then fail "matrix-md2epub-png-$name-not-packed" "$(unzip -l "$M/png-$name.epub" | grep images/)"
	else pass "matrix-md2epub-png-$name-not-packed"; fi
done
mkdir -p "$TMP/outside"
echo SVGSECRET >"$TMP/outside/secret.txt"
cat >"$M/xxe.svg" <<SVG
<?xml version="1.0"?>
<!DOCTYPE svg [ <!ENTITY s SYSTEM "file://$TMP/outside/secret.txt"> ]>
<svg xmlns="http://www.w3.org/2000/svg" width="50" height="20"><text y="15">&s;</text></svg>
SVG
cat >"$M/bomb.svg" <<'SVG'
<?xml version="1.0"?>
<!DOCTYPE svg [
<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="50" height="20"><text y="15">&i;</text></svg>
SVG
# quadratic blow-up: 400 KB of references to one 1 KB entity (100 MB
# expanded; librsvg took md2pdf to 9 GB and 40 s on it)
py "print('<?xml version=\"1.0\"?>\n<!DOCTYPE svg [ <!ENTITY a \"' + 'x' * 1000 + '\"> ]>\n'
  '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50\" height=\"20\"><text y=\"15\">'
  + '&a;' * 100000 + '</text></svg>')" >"$M/quadratic.svg"
printf '![q](quadratic.svg)\n' >"$M/svg-quadratic.md"; row svg-quadratic 0 'image unreadable: quadratic.svg: its entities expand to more than 1024 KiB'
printf '![x](xxe.svg)\n' >"$M/svg-xxe.md";             row svg-xxe 0 ''
printf '![b](bomb.svg)\n' >"$M/svg-bomb.md";            row svg-bomb 0 ''
for f in "$M"/svg-xxe.*; do
	case $f in *.md) continue ;; esac
	if { unzip -p "$f" 2>/dev/null || pdftotext -q "$f" - 2>/dev/null || cat "$f"; } | grep -aq SVGSECRET; then
		fail "matrix-svg-xxe-no-leak-${f##*.}" "the entity's file is in the output"
	else pass "matrix-svg-xxe-no-leak-${f##*.}"; fi
done

# raw HTML that reaches out or runs code
cat >"$M/raw-html.md" <<EOF2
<img src="/etc/hostname" alt="etc">

<img src="file:///etc/hostname" alt="fileurl">

<style>body { background: url(file:///etc/hostname) }</style>

<iframe src="file:///etc/passwd"></iframe>

<object data="/etc/passwd"></object>

<p onclick="alert(1)">click <a href="javascript:alert(2)" onmouseover="x()">here</a>
<img src="real.png" onerror="alert(3)"></p>

<script>alert(4)</script>
EOF2
row raw-html 0 'not read|dropped'
# (GFM's tag filter shows <style>, <iframe> and <script> as text: inert)
active='<iframe|<object|<embed|<script|<style|<[a-z][^>]*[[:space:]](on[a-z]+=|(href|src|data)="(javascript|file):)'
if unzip -p "$M/raw-html.epub" '*.xhtml' | grep -Eiq "$active"; then
	fail matrix-raw-html-inert "$(unzip -p "$M/raw-html.epub" '*.xhtml' | grep -Eio "$active" | head -3 | tr '\n' ' ')"
else pass matrix-raw-html-inert; fi
if [ "$(unzip -l "$M/raw-html.epub" | grep -c 'images/')" = 1 ]; then pass matrix-raw-html-reads-only-inside
else fail matrix-raw-html-reads-only-inside "$(unzip -l "$M/raw-html.epub" | grep images/)"; fi

# unwritable targets: a clear error and exit 1
printf 'text\n' >"$M/ok.md"
for t in md2txt md2epub md2pdf; do
	"$BUILD/$t" -o /dev/full "$M/ok.md" 2>"$TMP/err"
	rc=$?
	if [ $rc = 1 ] && grep -q 'cannot write /dev/full: No space left on device' "$TMP/err"; then pass "matrix-$t-dev-full"
	else fail "matrix-$t-dev-full" "exit $rc: $(cat "$TMP/err")"; fi
	"$BUILD/$t" -o "$TMP/no/such/dir/out" "$M/ok.md" 2>"$TMP/err"
	rc=$?
	if [ $rc = 1 ] && grep -q 'cannot write' "$TMP/err"; then pass "matrix-$t-no-dir"
	else fail "matrix-$t-no-dir" "exit $rc: $(cat "$TMP/err")"; fi
done

# A conversion that fails halfway (md2pdf past --max-pages, md2epub on
# an article whose front matter breaks after a good one) keeps the
# previous output and leaves no temporary file.
py "print('\n\n'.join('paragraph %d' % i for i in range(500)))" >"$M/long.md"
echo previous >"$M/keep.pdf"
"$BUILD/md2pdf" -q --max-pages 2 -o "$M/keep.pdf" "$M/long.md" 2>/dev/null
if [ "$(cat "$M/keep.pdf")" = previous ] && ! ls -A "$M" | grep -q '^\.'; then pass matrix-md2pdf-halfway-keeps-previous
else fail matrix-md2pdf-halfway-keeps-previous "previous output changed or temporary file left"; fi
echo previous >"$M/keep.epub"
"$BUILD/md2epub" -q -o "$M/keep.epub" "$M/ok.md" "$M/fm-type.md" 2>/dev/null
if [ "$(cat "$M/keep.epub")" = previous ] && ! ls -A "$M" | grep -q '^\.'; then pass matrix-md2epub-halfway-keeps-previous
else fail matrix-md2epub-halfway-keeps-previous "previous output changed or temporary file left"; fi
echo previous >"$M/keep.txt"
"$BUILD/md2txt" -q -o "$M/keep.txt" "$M/ok.md" "$M/fm-type.md" 2>/dev/null
if [ "$(cat "$M/keep.txt")" = previous ] && ! ls -A "$M" | grep -q '^\.'; then pass matrix-md2txt-halfway-keeps-previous
else fail matrix-md2txt-halfway-keeps-previous "previous output changed or temporary file left"; fi

# A file size limit (ulimit -f, 16 KiB) reached while the output is being
# written: SIGXFSZ killed each tool mid-file and left the temporary file.
py "print('\n\n'.join('paragraph %d of a long article.' % i for i in range(4000)))" >"$M/long-text.md"
for t in md2txt md2epub md2pdf; do
	ext=${t#md2}
	echo previous >"$M/fsize.$ext"
	(ulimit -f 16; exec "$BUILD/$t" -q -o "$M/fsize.$ext" "$M/long-text.md") 2>"$TMP/err"
	rc=$?
	if [ $rc = 1 ] && grep -q "error: cannot write .*fsize.$ext: File too large" "$TMP/err" &&
	   [ "$(cat "$M/fsize.$ext")" = previous ] && ! ls -A "$M" | grep -q '^\.'; then pass "matrix-$t-file-size-limit"
	else fail "matrix-$t-file-size-limit" "exit $rc, $(ls -A "$M" | grep '^\.' | tr '\n' ' ')$(head -c 200 "$TMP/err")"; fi
done
