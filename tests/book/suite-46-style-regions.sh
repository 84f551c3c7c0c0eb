#!/usr/bin/env bash
# tests/book/suite-46-style-regions.sh BUILD - a style that names a CJK font
# collection (.ttc: one face per region, Japanese first) and articles in
# Simplified and Traditional Chinese, Japanese and Korean.  Each article
# must be set in the style's family (not pushed aside by fonts.conf's
# regional Noto faces) and in the face of its own region: face 0 would give
# Chinese text Japanese glyph forms.  md2pdf in one run (-O), md2epub per
# book (the face it packs).  (Han characters in Korean text are another
# matter: pango gives them the language of Han, Chinese, not the
# paragraph's; only the default faces, cut for the article, show them
# with Korean forms.)
. "$(dirname "$0")/../lib.sh"
command -v fc-scan >/dev/null || { echo "  skipping: fc-scan missing (fontconfig)"; exit 0; }
sans_ttc=$(fc-match -f '%{file}' 'Noto Sans CJK SC:lang=zh-cn')
case $sans_ttc in
*NotoSansCJK*.ttc) ;;
*) echo "  skipping: Noto Sans CJK is no collection here ($sans_ttc)"; exit 0 ;;
esac
cd "$TMP" || exit 0
# the body in the sans collection, so that its faces are told from
# fonts.conf's serif ones
printf 'body-font-cjk: "%s"\n' "$sans_ttc" >style.yaml
printf -- '---\ntitle: 测试\nlang: zh-CN\n---\n\n骨直過角海述令，这是简体中文。\n' >sc.md
printf -- '---\ntitle: 測試\nlang: zh-TW\n---\n\n骨直過角海述令，這是繁體中文。\n' >tc.md
printf -- '---\ntitle: テスト\nlang: ja\n---\n\n骨直過角海述令、これは日本語です。\n' >jp.md
printf -- '---\ntitle: 시험\nlang: ko\n---\n\n한국어 문장입니다.\n' >kr.md
mkdir -p pdf
"$BUILD/md2pdf" -q --style style.yaml -O pdf sc.md tc.md jp.md kr.md 2>pdf.err ||
	fail style-regions-pdf-run "$(head -c 300 pdf.err)"
for r in sc tc jp kr; do
	got=$(pdffonts "pdf/$r.pdf" 2>/dev/null | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | grep Regular)
	if [ "$got" = "NotoSansCJK$r-Regular" ]; then pass "style-regions-pdf-$r"
	else fail "style-regions-pdf-$r" "body set in '$(tr '\n' ' ' <<<"$got")', want NotoSansCJK$r-Regular"; fi
done
want_family() { case $1 in sc) echo SC ;; tc) echo TC ;; jp) echo JP ;; kr) echo KR ;; esac; }
for r in sc tc jp kr; do
	"$BUILD/md2epub" -q --style style.yaml -o "$r.epub" "$r.md" 2>"$r.err"
	rm -rf x && mkdir x && (cd x && unzip -q "../$r.epub" 2>/dev/null)
	fam=$(fc-scan --format '%{family}\n' x/EPUB/fonts/body-cjk.* 2>/dev/null | head -n 1)
	if [ "$fam" = "Noto Sans CJK $(want_family $r)" ]; then pass "style-regions-epub-$r"
	else fail "style-regions-epub-$r" "packed '$fam'; $(head -c 200 "$r.err")"; fi
done
# the style's CJK family outranks the built-in sheet's language rules,
# Korean too
if grep -q 'body:lang(zh), body:lang(ja), body:lang(ko), \[lang|=zh\], \[lang|=ja\], \[lang|=ko\] { font-family: "NotoSansCJK' x/EPUB/*.css
then pass style-regions-epub-css-korean
else fail style-regions-epub-css-korean "$(grep -h 'body:lang(zh), body' x/EPUB/*.css | head -c 200)"; fi
exit 0
