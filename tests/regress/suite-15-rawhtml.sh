#!/usr/bin/env bash
# tests/regress/suite-15-rawhtml.sh BUILD - raw HTML reaches all three
# outputs through the model: each tests/regress/rawhtml/*.md shows the
# same words in md2txt, md2epub and md2pdf
# (samewords.py); GFM's tag filter shows its tags as typed; CDATA and
# declarations show nothing; the id of any raw HTML element is a link
# target in every format (no unknown-anchor warning, an element with the
# id in the XHTML, a live link in the PDF); raw HTML over several blocks
# is one fragment.
. "$(dirname "$0")/../lib.sh"
D=$ROOT/tests/regress/rawhtml
XC=$TMP/xmlcheck
for t in pdftotext python3; do
	command -v $t >/dev/null 2>&1 || { fail rawhtml-tools "no $t (make deps)"; exit 0; }
done
if ! cc -std=c17 -O1 -o "$XC" "$ROOT/tests/corpus/xmlcheck.c" \
	$(pkg-config --cflags --libs libxml-2.0) 2>"$TMP/cc.err"; then
	fail rawhtml-xmlcheck-builds "$(head -n 3 "$TMP/cc.err")"; exit 0
fi
xp() { "$XC" xpath "$1" "$2"; }

# render NAME MD: $TMP/NAME.{txt,xhtml,body,pdftxt,err}
render() {
	"$BUILD/md2txt" -w 0 -o "$TMP/$1.txt" "$2" 2>"$TMP/$1.err"
	"$BUILD/md2epub" -q -o "$TMP/$1.epub" "$2"
	unzip -p "$TMP/$1.epub" EPUB/chapter-001.xhtml >"$TMP/$1.xhtml"
	sed -e '1,/<body>/d' -e 's/<[^>]*>/ /g' -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' \
		"$TMP/$1.xhtml" >"$TMP/$1.body"
	"$BUILD/md2pdf" -q -o "$TMP/$1.pdf" "$2"
	pdftotext -enc UTF-8 "$TMP/$1.pdf" "$TMP/$1.pdftxt"
}

for md in "$D"/*.md; do
	name=${md##*/}; name=${name%.md}
	render "$name" "$md"
	if out=$("$ROOT/tests/regress/samewords.py" "$TMP/$name.txt" "$TMP/$name.body" \
		"$TMP/$name.pdftxt"); then pass "rawhtml-same-words-$name"
	else fail "rawhtml-same-words-$name" "the formats differ"; echo "$out"; fi
done
# the comparison must be able to fail
printf 'one two\n' >"$TMP/a"; printf 'one\n' >"$TMP/b"
if ! "$ROOT/tests/regress/samewords.py" "$TMP/a" "$TMP/a" "$TMP/b" >/dev/null; then
	pass rawhtml-same-words-catches
else fail rawhtml-same-words-catches "a lost word went unnoticed"; fi

# ---- GFM's tag filter (spec 653, extensions 22), hidden CDATA (151, 648, 649)
T=$TMP/tagfilter.txt
if grep -qF '<title> <style>' "$T" && grep -qF '<xmp> is disallowed. <XMP> is also disallowed.' "$T" &&
	grep -qE "Nope, I won['’]t have <textarea>." "$T" && grep -qF 'No <textarea> here either.' "$T" &&
	grep -qF '<script type="text/javascript">' "$T" && grep -qF 'This is <xmp> not okay' "$T" &&
	! grep -q 'dropped' "$TMP/tagfilter.err"; then pass rawhtml-tag-filter-txt
else fail rawhtml-tag-filter-txt "a filtered tag is not shown as typed"; sed 's/^/    /' "$T" | head -n 20; fi
if [ "$(xp 'count(//h:script | //h:style | //h:textarea | //h:title[ancestor::h:body] | //h:xmp)' "$TMP/tagfilter.xhtml")" = 0 ] &&
	grep -qF '&lt;textarea&gt; here either.' "$TMP/tagfilter.xhtml" &&
	[ "$(xp 'string(//h:sub)' "$TMP/tagfilter.xhtml")$(xp 'string(//h:sup)' "$TMP/tagfilter.xhtml")" = 22 ]
then pass rawhtml-tag-filter-xhtml
else fail rawhtml-tag-filter-xhtml "filtered tags became elements, or sub/sup lost"; fi
if ! grep -Eqw 'CDATA|ELEMENT|EMPTY|matchwo|hi' "$TMP/hidden.txt" "$TMP/hidden.body" "$TMP/hidden.pdftxt" &&
	grep -qx 'okay' "$TMP/hidden.txt" && grep -qx 'foo' "$TMP/hidden.txt" && grep -qx 'bar' "$TMP/hidden.txt"
then pass rawhtml-cdata-hidden
else fail rawhtml-cdata-hidden "$(grep -Ehw 'CDATA|ELEMENT|EMPTY|matchwo|hi' "$TMP/hidden.txt" "$TMP/hidden.body" | head -n 2)"; fi

# ---- raw HTML over several blocks is one fragment (spec 137, 159)
X=$TMP/fragments.xhtml
if [ "$(xp 'count(//h:table//h:td[normalize-space(.)="Hi"]) + count(//h:del/h:em[.="struck"]) + count(//h:td/h:strong[.="bold"]) + count(/h:html/h:body/h:section/h:p[.="After it, a paragraph of its own."])' "$X")" = 4 ]
then pass rawhtml-fragments-xhtml
else fail rawhtml-fragments-xhtml "a table over several blocks, <del> around a paragraph or Markdown in a cell came apart"; fi

# ---- <dl>: a definition list in every format
if [ "$(xp 'count(//h:dl/h:dt) + count(//h:dl/h:dd/h:p)' "$TMP/deflist.xhtml")" = 5 ] &&
	grep -qx '    The core of the operating system.' "$TMP/deflist.txt"
then pass rawhtml-definition-list
else fail rawhtml-definition-list "no <dl>/<dt>/<dd> in the XHTML or no indented description in the text"; fi

# ---- ids of raw HTML elements are link targets everywhere
X=$TMP/ids.xhtml
if ! grep -q 'unknown anchor' "$TMP/ids.err"; then pass rawhtml-ids-no-warning
else fail rawhtml-ids-no-warning "$(head -n 1 "$TMP/ids.err")"; fi
n=0
for id in section2 para-id inline-id in-cell in-item; do
	[ "$(xp "count(//*[@id='$id'])" "$X")" = 1 ] &&
		[ "$(xp "count(//h:a[@href='#$id'])" "$X")" = 1 ] && n=$((n + 1))
done
if [ "$n" = 5 ] && [ "$(xp 'string(//h:h4/@id)' "$X")" = section2 ]; then pass rawhtml-ids-xhtml
else fail rawhtml-ids-xhtml "$n of 5 ids with their link"; fi
if command -v qpdf >/dev/null; then
	out=$("$ROOT/tests/pdf/pdflinks.py" --md "$D/ids.md" "$TMP/ids.pdf" 2>&1)
	if grep -q 'links 5 dead 0 wrong 0' <<<"$out"; then pass rawhtml-ids-pdf
	else fail rawhtml-ids-pdf "$(tail -n 1 <<<"$out")"; fi
fi
exit 0
