#!/usr/bin/env bash
# tests/pdf/suite-52-symbols.sh BUILD - symbols the text faces lack (the
# georgecao article's rights table: ❌ and ✔) come from a face that has
# them, Symbola or DejaVu (the Makefile installs fonts-symbola), never as
# pango's hex box; and the spaces around them stay (a symbol is not the
# full-width punctuation that takes the spaces beside it away).
. "$(dirname "$0")/../lib.sh"
PDF=$BUILD/md2pdf
[ -x "$PDF" ] || { fail symbols-built "no $PDF"; exit 0; }
cd "$TMP" || exit 0
printf '| Role | Read | Write |\n|---|---|---|\n| Developer | ❌ | ✔️ |\n\nA cross ❌ and a check ✔ in text.\n' >sym.md
if "$PDF" -q -o sym.pdf sym.md 2>sym.err; then
	fonts=$(pdffonts sym.pdf | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
	if grep -q 'Symbola' <<<"$fonts"; then pass symbols-from-a-face-that-has-them
	else fail symbols-from-a-face-that-has-them "faces: $fonts"; fi
	if pdftotext sym.pdf - | grep -q 'A cross ❌ and a check ✔ in text.'; then pass symbols-keep-their-spaces
	else fail symbols-keep-their-spaces "$(pdftotext sym.pdf - | grep cross)"; fi
else
	fail symbols-converted "$(head -c 300 sym.err)"
fi
exit 0
