#!/usr/bin/env bash
# tests/pdf/suite-51-svg-fonts.sh BUILD - the text of an SVG image in the
# faces its font-family names, as a browser would pick them: "Arial" and
# "sans-serif" a sans face, "Times New Roman" a serif one, "monospace" a
# mono one, and Chinese in any of them Noto CJK SC, never the Japanese
# face (fonts/fonts.conf loads none of the system's rules that would map
# these names; without its own, Latin came out in DejaVu Math TeX Gyre).
. "$(dirname "$0")/../lib.sh"
PDF=$BUILD/md2pdf
[ -x "$PDF" ] || { fail svg-fonts-built "no $PDF"; exit 0; }
cd "$TMP" || exit 0
printf 'footer: ""\nheader: ""\n' >bare.yaml # no page number: only the SVG's text
# one_font NAME FAMILY TEXT WANT: the SVG's text in FAMILY is set in faces
# whose names match the extended regex WANT, and in no other
one_font() {
	local name=$1 family=$2 text=$3 want=$4
	printf '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="5" y="30" font-family="%s" font-size="20">%s</text></svg>\n' \
		"$family" "$text" >"$name.svg"
	printf -- '---\nlang: en\n---\n\n![%s](%s.svg)\n' "$name" "$name" >"$name.md"
	"$PDF" -q --style bare.yaml -o "$name.pdf" "$name.md" 2>"$name.err"
	local fonts
	fonts=$(pdffonts "$name.pdf" 2>/dev/null | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' |
		grep -v -- '-Bold$' | sort -u | paste -sd ' ')
	if [ -n "$fonts" ] && ! tr ' ' '\n' <<<"$fonts" | grep -qvE "$want"; then pass "svg-font-$name"
	else fail "svg-font-$name" "set in '$fonts', want /$want/; $(head -c 200 "$name.err")"; fi
}
one_font arial 'Arial,Helvetica,sans-serif' 'Secure firmware' '^DejaVuSans$'
one_font arial-han 'Arial' '安全固件 firmware' '^(DejaVuSans|NotoSansCJKsc-Regular)$'
one_font times 'Times New Roman' 'Trusted OS' '^DejaVuSerif$'
one_font mono 'monospace' 'EL0 EL1' '^DejaVuSansMono$'
one_font yahei 'Microsoft YaHei' '安全世界' '^NotoSansCJKsc-Regular$'
one_font unknown 'Some Brand Font' 'Normal world' '^DejaVuSans$'
exit 0
