#!/usr/bin/env bash
# tests/regress/suite-60-images.sh BUILD - images as a reader gets them:
# md2epub packs SVG files (an editor's DOCTYPE with internal entities too)
# while an external entity still reads nothing; a broken SVG becomes a
# placeholder with a warning at the article's file:line:col; epubcheck
# accepts the book (skipped under MDPRESS_FAST=1).
. "$(dirname "$0")/../lib.sh"
EPUB=$BUILD/md2epub
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
if [ ! -x "$EPUB" ]; then fail md2epub-built "no $EPUB"; exit 0; fi

mkdir -p "$TMP/art/img"
cat >"$TMP/art/img/plain.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#369"/><text x="2" y="15">PLAINSVG</text></svg>
EOF
# as Illustrator writes them: a public DTD and internal entities
cat >"$TMP/art/img/editor.svg" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY label "EDITORSVG">
]>
<svg xmlns="&ns_svg;" width="40" height="20"><text x="2" y="15">&label;</text></svg>
EOF
echo 'SECRETWORDS' >"$TMP/art/secret.txt"
cat >"$TMP/art/img/hostile.svg" <<EOF
<?xml version="1.0"?>
<!DOCTYPE svg [ <!ENTITY leak SYSTEM "file://$TMP/art/secret.txt"> ]>
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text>&leak;</text></svg>
EOF
printf '<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>\n' >"$TMP/art/img/broken.svg"
cat >"$TMP/art/a.md" <<'EOF'
# Images

![plain](img/plain.svg)

Text, then ![editor](img/editor.svg) inline.

![hostile](img/hostile.svg)

![broken](img/broken.svg)
EOF
unpack() { rm -rf "$2"; mkdir -p "$2" && (cd "$2" && unzip -q "$1"); }

"$EPUB" -o "$TMP/a.epub" "$TMP/art/a.md" 2>"$TMP/a.err"
unpack "$TMP/a.epub" "$TMP/a"
svgs=$(cd "$TMP/a/EPUB" && ls images/*.svg 2>/dev/null | wc -l)
if [ "$svgs" -ge 2 ] && grep -rq PLAINSVG "$TMP/a/EPUB/images" && grep -rq EDITORSVG "$TMP/a/EPUB/images" &&
   [ "$(grep -o '<img [^>]*src="images/[^"]*\.svg"' "$TMP/a/EPUB"/chapter-*.xhtml | wc -l)" -ge 2 ]
then pass epub-svg-packed
else fail epub-svg-packed "$svgs SVG files in the EPUB: $(head -n 3 "$TMP/a.err" | tr '\n' ' ')"; fi
if grep -rq SECRETWORDS "$TMP/a"; then fail epub-svg-no-external-entity "secret.txt read into the book"
else pass epub-svg-no-external-entity; fi
# the broken SVG (and the hostile one, if refused) warn at the reference
if grep -q '^[^ ]*a\.md:9:1: warning: image unreadable: img/broken\.svg: line [0-9]' "$TMP/a.err" &&
   ! grep -v 'a\.md:[0-9]*:[0-9]*: ' "$TMP/a.err" | grep -q warning
then pass epub-image-warning-at-reference
else fail epub-image-warning-at-reference "$(tr '\n' ' ' <"$TMP/a.err")"; fi
if grep -q 'class="missing-image"' "$TMP/a/EPUB"/chapter-001.xhtml; then pass epub-broken-svg-placeholder
else fail epub-broken-svg-placeholder "no placeholder for broken.svg"; fi

if fast || [ ! -f "$JAR" ]; then echo "  (epubcheck skipped)"; exit 0; fi
out=$(java -jar "$JAR" "$TMP/a.epub" 2>&1)
if grep -q 'Messages: 0 fatals / 0 errors / 0 warnings' <<<"$out"; then pass epub-svg-epubcheck
else fail epub-svg-epubcheck "$(grep -E '^(ERROR|WARNING|FATAL)' <<<"$out" | head -n 2 | tr '\n' ' ')"; fi
