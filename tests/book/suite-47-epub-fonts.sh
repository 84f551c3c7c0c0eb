#!/usr/bin/env bash
# tests/book/suite-47-epub-fonts.sh BUILD - fonts packed into EPUBs:
# --embed-fonts packs Noto Serif/Sans CJK SC cut to the book's characters
# (each face to the characters it shows), a style's font file is always
# packed; checked from the unpacked book as a reading system sees it (the
# font files fontconfig reads, their character sets, the manifest, the
# @font-face rules) and with epubcheck.
. "$(dirname "$0")/../lib.sh"
have() { command -v "$1" >/dev/null 2>&1; }
if ! have unzip || ! have fc-query || ! have python3; then
	echo "  skipping: unzip, fc-query or python3 missing"
	exit 0
fi
serif_ttc=$(fc-match -f '%{file}' 'Noto Serif CJK SC:lang=zh-cn')
case $serif_ttc in
*NotoSerifCJK*) ;;
*) echo "  skipping: Noto Serif CJK SC not installed (fonts-noto-cjk)"; exit 0 ;;
esac
KIT=$ROOT/tests/book/kit
epubcheck() { fast || java -jar /usr/share/java/epubcheck.jar -q "$1" >/dev/null 2>&1; }

# charset FONT: the characters of a font file, one hexadecimal code a line.
charset() {
	fc-query -f '%{charset}\n' "$1" | python3 -c 'import sys
for r in sys.stdin.read().split():
    a, _, b = r.partition("-")
    for c in range(int(a, 16), int(b or a, 16) + 1): print("%x" % c)'
}
# has FONT CHARS: every character of CHARS is in FONT.
has() {
	local set c
	set=$(charset "$1")
	for c in $(python3 -c 'import sys; print(" ".join("%x" % ord(c) for c in sys.argv[1]))' "$2"); do
		grep -qx "$c" <<<"$set" || return 1
	done
}
# has_none FONT CHARS: no character of CHARS is in FONT.
has_none() {
	local set c
	set=$(charset "$1")
	for c in $(python3 -c 'import sys; print(" ".join("%x" % ord(c) for c in sys.argv[1]))' "$2"); do
		grep -qx "$c" <<<"$set" && return 1
	done
	return 0
}

# A Chinese article with bold text and code besides the kit's three.
cat >"$TMP/bold.md" <<'EOF'
---
title: 码头夜市
lang: zh-CN
---

夜市在码头东侧，**周末延长营业**。

```
营业时间
```
EOF
ARTS=("$KIT/first.md" "$KIT/second/index.md" "$KIT/third.md" "$TMP/bold.md")

# --- --embed-fonts ----------------------------------------------------------
epub=$TMP/embed.epub
if "$BUILD/md2epub" -q -o "$epub" --embed-fonts "${ARTS[@]}"; then
	u=$TMP/embed
	unzip -q -o "$epub" -d "$u"
	f=$u/EPUB/fonts
	ok=1
	for face in serif-regular:'Noto Serif CJK SC':80 serif-bold:'Noto Serif CJK SC':200 \
	            sans-bold:'Noto Sans CJK SC':200; do
		IFS=: read -r name fam weight <<<"$face"
		got=$(fc-query -f '%{family[0]}:%{weight}' "$f/$name.otf" 2>/dev/null)
		[ "$got" = "$fam:$weight" ] || { ok=; fail epub-fonts-packed "$name.otf: fc-query says '$got'"; }
	done
	[ "$ok" ] && pass epub-fonts-packed
	# subsets: a small part of the 26 MB collection each
	size=$(stat -c %s "$f/serif-regular.otf")
	if [ "$size" -lt 200000 ]; then pass epub-fonts-subset-size
	else fail epub-fonts-subset-size "serif-regular.otf is $size bytes"; fi
	# every character of the book's Chinese text in the body face; the
	# bold face only the bold text (headings are set in the sans face),
	# the heading face only the headings; and none of a character the
	# book never uses (龙)
	body='老城区的港口灯光今晚向公众开放。经过两年的修复，灯具、电缆和码头焕然一新夜市在东侧营业时间'
	if has "$f/serif-regular.otf" "$body周末延长" && has_none "$f/serif-regular.otf" '龙' &&
	   has "$f/serif-bold.otf" '周末延长营业' &&
	   has_none "$f/serif-bold.otf" '老城区每东侧时龙港口灯光修复工作码头' &&
	   has "$f/sans-bold.otf" '港口灯光今晚开放修复工作码头夜市' && has_none "$f/sans-bold.otf" '周末老城龙'
	then pass epub-fonts-characters
	else fail epub-fonts-characters "$(for x in "$f"/*.otf; do printf '%s: %s; ' "${x##*/}" "$(fc-query -f '%{charset}' "$x" | cut -c1-80)"; done)"; fi
	css=$u/EPUB/style.css
	opf=$u/EPUB/package.opf
	if grep -qF '@font-face { font-family: "Noto Serif CJK SC"; font-weight: 400; src: url("fonts/serif-regular.otf"); }' "$css" &&
	   grep -qF '@font-face { font-family: "Noto Serif CJK SC"; font-weight: 700; src: url("fonts/serif-bold.otf"); }' "$css" &&
	   grep -qF '@font-face { font-family: "Noto Sans CJK SC"; font-weight: 700; src: url("fonts/sans-bold.otf"); }' "$css" &&
	   grep -q '^body:lang(zh), \[lang|=zh\] {' "$css" &&
	   grep -q '^h1:lang(zh), h2:lang(zh), .* {' "$css"; then pass epub-fonts-css
	else fail epub-fonts-css "no @font-face rules for the packed faces"; fi
	n=$(grep -c '<item id="font-[a-z-]*" href="fonts/[a-z-]*\.otf" media-type="font/otf"/>' "$opf")
	if [ "$n" = 3 ]; then pass epub-fonts-manifest
	else fail epub-fonts-manifest "$n font items in the manifest"; fi
	if epubcheck "$epub"; then pass epub-fonts-epubcheck
	else fail epub-fonts-epubcheck "epubcheck reports problems"; fi
else
	fail epub-fonts-packed "md2epub --embed-fonts failed"
fi

# The built-in stylesheet's language rules pick the body's CJK faces: a bare
# :lang(zh) would also match headings and code (more specific than their h1
# and code rules) and set them in the serif body face.  Every selector with
# :lang() names its element; [lang|=..] only matches elements carrying lang.
bare=$(unzip -p "$TMP/embed.epub" EPUB/style.css | tr ',{' '\n\n' |
	grep -E '(^|[[:space:]]):lang\(' | head -3)
if [ -z "$bare" ]; then pass epub-css-lang-scoped
else fail epub-css-lang-scoped "bare :lang() selectors: $bare"; fi

# Without the option: no fonts, no @font-face.
epub=$TMP/plain.epub
if "$BUILD/md2epub" -q -o "$epub" "${ARTS[@]}" && ! unzip -l "$epub" | grep -q 'EPUB/fonts/' &&
   ! unzip -p "$epub" EPUB/style.css | grep -q '@font-face'; then pass epub-fonts-off-by-default
else fail epub-fonts-off-by-default "fonts packed without --embed-fonts"; fi

# A style that names a CJK body font keeps it: no Noto serif faces packed
# (the CSS names the style's font for Chinese text), the heading face still.
printf 'body-font-cjk: "AR PL SungtiL GB"\n' >"$TMP/cjk-style.yaml"
epub=$TMP/cjkstyle.epub
if "$BUILD/md2epub" -q -o "$epub" --embed-fonts --style "$TMP/cjk-style.yaml" "${ARTS[@]}" &&
   [ "$(unzip -l "$epub" | grep -o 'EPUB/fonts/.*' | paste -sd ' ')" = 'EPUB/fonts/sans-bold.otf' ] &&
   unzip -p "$epub" EPUB/style.css | grep -q '^body:lang(zh), body:lang(ja), body:lang(ko), \[lang|=zh\], \[lang|=ja\], \[lang|=ko\] { font-family: "AR PL SungtiL GB", serif; }'; then
	pass epub-fonts-style-cjk-font-stands
else fail epub-fonts-style-cjk-font-stands "$(unzip -l "$epub" | grep -o 'EPUB/fonts/.*' | paste -sd ' ')"; fi

# A face fontconfig cannot find is a warning; the book is made without it
# (and without its @font-face rule).
printf '<fontconfig></fontconfig>\n' >"$TMP/empty-fonts.conf"
epub=$TMP/nofont.epub
err=$(FONTCONFIG_FILE=$TMP/empty-fonts.conf "$BUILD/md2epub" -o "$epub" --embed-fonts "$KIT/third.md" 2>&1)
rc=$?
if [ $rc = 0 ] && grep -q 'warning: font not embedded: Noto Serif CJK SC Regular: fontconfig finds no such face \[-Wembed-font\]' <<<"$err" &&
   ! unzip -l "$epub" | grep -q 'EPUB/fonts/' && ! unzip -p "$epub" EPUB/style.css | grep -q '@font-face'
then pass epub-fonts-missing-face
else fail epub-fonts-missing-face "exit $rc: $err"; fi

# --- a style's font file ------------------------------------------------------
font=/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf
if [ -f "$font" ]; then
	cp -r "$KIT" "$TMP/kit"
	mkdir -p "$TMP/kit/fonts"
	cp "$font" "$TMP/kit/fonts/KitSerif.ttf"
	K=$TMP/kit
	epub=$TMP/kitfont.epub
	if "$BUILD/md2epub" -q -o "$epub" -M "$TMP/kitfont.d" --style "$K/style.yaml" "$K/first.md" "$K/second/index.md" "$K/third.md"; then
		u=$TMP/kitfont
		unzip -q -o "$epub" -d "$u"
		f=$u/EPUB/fonts/body-latin.ttf
		size=$(stat -c %s "$f" 2>/dev/null || echo 0)
		if [ "$(fc-query -f '%{family[0]}' "$f" 2>/dev/null)" = 'DejaVu Serif Condensed' ] && [ "$size" -gt 0 ] &&
		   [ "$size" -lt $(($(stat -c %s "$font") / 4)) ] && has "$f" 'Harbour lights·' && has_none "$f" 'éß' &&
		   grep -q '<item id="font-body-latin" href="fonts/body-latin.ttf" media-type="font/ttf"/>' "$u/EPUB/package.opf" &&
		   grep -qF '@font-face { font-family: "KitSerif"; font-weight: 400; src: url("fonts/body-latin.ttf"); }' "$u/EPUB/style.css" &&
		   grep -qF 'body { font-family: "KitSerif", serif;' "$u/EPUB/style.css"; then pass epub-style-font-file
		else fail epub-style-font-file "fonts/body-latin.ttf ($size bytes) or its @font-face or manifest item missing"; fi
		if grep -q "$K/fonts/KitSerif.ttf" "$TMP/kitfont.d"; then pass epub-style-font-file-deps
		else fail epub-style-font-file-deps "the font file is not in the -M file"; fi
		if epubcheck "$epub"; then pass epub-style-font-file-epubcheck
		else fail epub-style-font-file-epubcheck "epubcheck reports problems"; fi
	else
		fail epub-style-font-file "md2epub --style failed"
	fi
	# A font file that is no font: an error naming it, no book.
	printf 'not a font\n' >"$K/fonts/KitSerif.ttf"
	err=$("$BUILD/md2epub" -o "$TMP/badfont.epub" --style "$K/style.yaml" "$K/first.md" 2>&1)
	rc=$?
	if [ $rc = 1 ] && [ ! -e "$TMP/badfont.epub" ] &&
	   grep -q "KitSerif.ttf: error: style: not a font file HarfBuzz can subset" <<<"$err"; then pass epub-style-font-file-bad
	else fail epub-style-font-file-bad "exit $rc: $err"; fi
else
	echo "  skipping the font-file checks: $font missing"
fi

# --- the test corpus as one styled book, with and without --embed-fonts ------
printf 'body-font: "DejaVu Serif"\nheading-font: "DejaVu Sans"\nheading-color: "#1a4d8f"\nfirst-line-indent: 2\nparagraph-spacing: 0\nheading-numbers: true\n' \
	>"$TMP/corpus-style.yaml"
mapfile -t CARTS < <(ls "$DATA"/corpus/*/*.md)
for embed in "" --embed-fonts; do
	name=epub-data-corpus-book${embed:+-embed}
	epub=$TMP/corpus$embed.epub
	if "$BUILD/md2epub" -q -o "$epub" --title 'Test Corpus' --style "$TMP/corpus-style.yaml" $embed "${CARTS[@]}" &&
	   [ "$(unzip -l "$epub" | grep -c 'EPUB/chapter-.*\.xhtml')" = "${#CARTS[@]}" ] &&
	   unzip -p "$epub" EPUB/style.css |
	   grep -q '^h1, h2, h3, h4, h5, h6, h1:lang(zh), .*, h6:lang(ko) { font-family: "DejaVu Sans", sans-serif; color: #1a4d8f; }' &&
	   { [ -z "$embed" ] || unzip -l "$epub" | grep -q 'EPUB/fonts/serif-regular.otf'; }; then
		if epubcheck "$epub"; then pass "$name"
		else fail "$name" "epubcheck: $(java -jar /usr/share/java/epubcheck.jar "$epub" 2>&1 | grep -E '^(ERROR|WARNING)' | head -n 3)"; fi
	else
		fail "$name" "md2epub failed, or chapters, the style's CSS or the fonts missing"
	fi
done
