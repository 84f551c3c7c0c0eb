#!/usr/bin/env bash
# tests/pdf/suite-46-file-links.sh BUILD - relative links to other files:
# to another article of the same book they lead to its chapter (EPUB) or
# its page (PDF); to a file the output does not hold they stay text, with
# one warning per file, in both formats alike.
. "$(dirname "$0")/../lib.sh"
EPUB=$BUILD/md2epub PDF=$BUILD/md2pdf
CHECK=$ROOT/tests/pdf/pdflinks.py
for b in "$EPUB" "$PDF"; do [ -x "$b" ] || { fail file-links-built "no $b"; exit 0; }; done
mkdir -p "$TMP/art"
cat >"$TMP/art/a.md" <<'EOF'
# Article A

See [other](other.md), [B's second section](b.md#section-two),
[a picture](../img/x.png) and [other again](other.md#top).
EOF
cat >"$TMP/art/b.md" <<'EOF'
# Article B

First words.

## Section two

Words of the second section.
EOF
cd "$TMP/art" || exit 0
# warnings NAME: the link-outside files named in NAME.err, sorted, one line
outside() { sed -n 's/.*warning: link to \([^,]*\), which is not in the output.*/\1/p' "$1" | sort | tr '\n' ' '; }

"$EPUB" -o ab.epub a.md b.md 2>ab-epub.err
unzip -p ab.epub EPUB/chapter-001.xhtml >ch1.xhtml 2>/dev/null
if grep -q '<a href="chapter-002.xhtml#section-two">' ch1.xhtml && ! grep -q 'href="[^"]*other' ch1.xhtml
then pass epub-link-to-book-chapter
else fail epub-link-to-book-chapter "$(grep -o '<p>See.*' ch1.xhtml | head -c 300)"; fi
if [ "$(outside ab-epub.err)" = "../img/x.png other.md " ]; then pass epub-link-outside-warned-once
else fail epub-link-outside-warned-once "warned for: $(outside ab-epub.err)"; fi

"$PDF" -o ab.pdf a.md b.md 2>ab-pdf.err
out=$("$CHECK" ab.pdf 2>&1)
uris=$(qpdf --json --json-key=qpdf ab.pdf | grep -c '"/URI": "u:\(other\|b\.md\|\.\./img\)')
dest=$(qpdf --json --json-key=qpdf ab.pdf | python3 -c 'import json, sys
objs = json.load(sys.stdin)["qpdf"][1].values()
print(sum(1 for o in objs if isinstance(o.get("value"), dict) and o["value"].get("/Subtype") == "/Link"
          and o["value"].get("/Dest") == "u:a2-section-two"))')
if [ "$dest" -ge 1 ] && [ "$uris" = 0 ] && grep -q 'dead 0 wrong 0; links [1-9][0-9]* dead 0 wrong 0$' <<<"$out"
then pass pdf-link-to-book-page
else fail pdf-link-to-book-page "$dest links to a2-section-two, $uris relative URIs: $(tail -n 1 <<<"$out")"; fi
if [ "$(outside ab-pdf.err)" = "../img/x.png other.md " ]; then pass pdf-link-outside-warned-once
else fail pdf-link-outside-warned-once "warned for: $(outside ab-pdf.err)"; fi

# alone, b.md is not in the output either
"$PDF" -o a.pdf a.md 2>a-pdf.err; "$EPUB" -o a.epub a.md 2>a-epub.err
if [ "$(outside a-pdf.err)" = "../img/x.png b.md other.md " ] && [ "$(outside a-epub.err)" = "$(outside a-pdf.err)" ]
then pass link-outside-same-in-both
else fail link-outside-same-in-both "pdf: $(outside a-pdf.err) epub: $(outside a-epub.err)"; fi
