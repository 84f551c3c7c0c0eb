#!/usr/bin/env bash
# suite-40-pdf.sh - md2pdf checked by properties of its PDF: text round trip
# against md2txt, fonts (embedded, subset, SC faces for Chinese), metadata,
# outline, qpdf --check, every bookmark and internal link on its heading's page
# (tests/pdf/pdflinks.py), no closing punctuation at a line start, byte-identical
# reruns.  The seed always; unless MDPRESS_FAST=1 every article of
# tests/data/corpus (and of ../shared/corpus/dev, when present).
. "$(dirname "$0")/../lib.sh"

MD2PDF=$BUILD/md2pdf
MD2TXT=$BUILD/md2txt
if [ ! -x "$MD2PDF" ]; then fail md2pdf-built "no $MD2PDF"; exit 0; fi
have() { command -v "$1" >/dev/null 2>&1; }
if ! have pdftotext || ! have pdffonts || ! have qpdf; then
	fail pdf-tools "poppler-utils and qpdf are needed (make deps)"; exit 0
fi

# body_text PDF: the text of every page without its footer (the page
# number on the last line), whitespace removed.
body_text() {
	pdftotext -layout -enc UTF-8 "$1" - | awk 'BEGIN { RS = "\f" } {
		n = split($0, l, "\n"); last = n
		while (last > 0 && l[last] ~ /^[ \t]*$/) last--
		if (last > 0 && l[last] ~ /^[ \t]*[0-9]+[ \t]*$/) last--
		for (i = 1; i <= last; i++) print l[i]
	}' | tr -d ' \t\n\r\f\v' | sed -e 's/\xc2\xa0//g' -e 's/\xef\xb8\x8f//g' -e 's/\xe3\x80\x80//g' -e 's/\xe2\x80\x8b//g' -e 's/-//g'
}

# roundtrip MD PDF: every sentence fragment of md2txt's rendering appears
# in the PDF text, in order.  Prints the missing ones; fails on any.
roundtrip() {
	local md=$1 pdf=$2 T=${RT_TMP:-$TMP}
	body_text "$pdf" >"$T/pdf.txt"
	if [ -x "$MD2TXT" ]; then
		"$MD2TXT" -q -w 0 "$md" >"$T/ref.txt" 2>/dev/null || return 1
	else
		awk 'NR==1 && /^---/ { f=1; next } f && /^(---|\.\.\.)/ { f=0; next } !f' "$md" |
			sed -e 's/[*_`#>]//g' >"$T/ref.txt"
	fi
	LC_ALL=C awk -v pdffile="$T/pdf.txt" '
	BEGIN { getline pdf < pdffile; pos = 1; missing = 0 }
	/^[-=~*_ ]+$/ { next }          # underlines, rules, separators
	/^(Footnotes|Links)$/ { next }  # md2txt section titles the PDF has not
	/^\[[0-9]+\] [^ ]+$/ { next }    # md2txt link list: "[1] URL"
	{
		line = $0
		gsub(/\t/, "    ", line)
		gsub(/\xef\xb8\x8f/, "", line)        # VS16 after emoji
		gsub(/\xe2\x80\x8b/, "", line)        # zero-width space
		sub(/^ *#+ /, "", line)              # md2txt heading marks
		gsub(/\[image[^]]*\]/, "", line)
		if (line ~ /[^ ]   *[^ ]/ || line ~ / \| /) {
			# a table row or aligned code: cells wrap and columns
			# interleave in pdftotext, so only ask for the start of
			# each longer word somewhere in the text
			n = split(line, w, /[][ |/-]+/)
			for (i = 1; i <= n; i++) {
				f = w[i]; gsub(/([\t\r-]|\xc2\xa0)/, "", f)
				f = substr(f, 1, 6)
				if (length(f) >= 4 && index(pdf, f) == 0) {
					if (missing < 5) print "    missing (table): " f; missing++
				}
			}
			next
		}
		gsub(/<[a-z]+:[^>]*>/, "|", line)   # URLs md2txt adds after link text
		gsub(/https?:[^ )>]*/, "|", line)
		gsub(/\(\.?\.?\/[^)]*\)/, "|", line)  # relative link targets
		gsub(/\xe3\x80\x80/, "", line)        # ideographic space
		n = split(line, frag, /(\xe3\x80\x82|\xef\xbc\x81|\xef\xbc\x9f|\xef\xbc\x9b|[][|<>(){}"]|\xe2\x94.|\xe2\x80\xa2|^ *[-*+] |^ *[0-9]+[.)] )/)
		for (i = 1; i <= n; i++) {
			f = frag[i]; gsub(/([ \t\r-]|\xc2\xa0)/, "", f)
			if (length(f) < 6) continue
			p = index(substr(pdf, pos), f)
			if (p == 0) {
				if (index(pdf, f) == 0) { if (missing < 5) print "    missing: " f; missing++ }
				else { if (missing < 5) print "    out of order: " f; missing++ }
				continue
			}
			pos += p - 1 + length(f)
		}
	}
	END { exit missing > 0 }' "$T/ref.txt"
}

# check_fonts PDF LANG: all fonts embedded and subset; Chinese gets SC faces.
check_fonts() {
	pdffonts "$1" | awk -v lang="$2" 'NR > 2 {
		if ($(NF-4) != "yes" || $(NF-3) != "yes") { print "    not embedded+subset: " $1; bad = 1 }
		if ($1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/) { print "    no subset tag: " $1; bad = 1 }
		if (lang ~ /^zh/ && $1 ~ /CJK(jp|kr|tc|hk)/) { print "    wrong regional face: " $1; bad = 1 }
	} END { exit bad }'
}

# no_closing_at_start PDF: no line of the layout text starts with closing
# punctuation (UAX #14 + our justification must keep it at the line end).
no_closing_at_start() {
	local bad
	bad=$(pdftotext -enc UTF-8 -layout "$1" - | sed 's/^[[:space:]]*//' |
		grep -E '^(，|。|、|；|：|？|！|）|」|』|》|】)' | head -n 3)
	[ -z "$bad" ] || { echo "$bad" | sed 's/^/    /'; return 1; }
}

# in_margins PDF: every word of every page inside the text area (20 mm
# margins, 1 pt slack; the footer sits in the bottom margin, above 5 mm).
# Prints the first words outside; fails on any.
in_margins() {
	pdftotext -bbox "$1" - | awk '
	/<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0
	           match($0, /height="[0-9.]+"/); h = substr($0, RSTART + 8, RLENGTH - 9) + 0; pg++ }
	/<word / {
		split($0, a, "\""); x0 = a[2]; y0 = a[4]; x1 = a[6]; y1 = a[8]
		t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t)
		m = 56.69 - 1
		if (x0 < m || x1 > w - m || y0 < m || y1 > h - 14) {
			if (bad < 3) printf "    page %d: \"%s\" at %.0f,%.0f-%.0f,%.0f\n", pg, t, x0, y0, x1, y1
			bad++
		}
	}
	END { exit bad > 0 }'
}

# ---------------------------------------------------------------- seed
seed=$ROOT/tests/regress/seed/seed.md
cp "$seed" "$TMP/seed.md"
if "$MD2PDF" -q "$TMP/seed.md" 2>"$TMP/seed.err" && [ -s "$TMP/seed.pdf" ]; then
	pass pdf-seed-converts
else
	fail pdf-seed-converts "$(tail -n 2 "$TMP/seed.err")"
fi
check pdf-seed-roundtrip roundtrip "$TMP/seed.md" "$TMP/seed.pdf"
# the round trip must notice a lost sentence: the PDF of the seed without
# one source line, checked against the whole seed, has to fail
grep -v '与产业结合的技术创新和最佳落地实践' "$TMP/seed.md" >"$TMP/cut.md"
if "$MD2PDF" -q -o "$TMP/cut.pdf" "$TMP/cut.md" 2>/dev/null &&
   out=$(roundtrip "$TMP/seed.md" "$TMP/cut.pdf") && [ -z "$out" ]; then
	fail pdf-roundtrip-catches-missing "a PDF without a sentence passed the round trip"
elif grep -q 'missing: .*与产业结合的技术创新和最佳落地实践' <<<"$out"; then
	pass pdf-roundtrip-catches-missing
else fail pdf-roundtrip-catches-missing "unexpected report: $out"; fi
check pdf-seed-fonts check_fonts "$TMP/seed.pdf" zh
if pdffonts "$TMP/seed.pdf" | grep -q 'CJKsc'; then pass pdf-seed-sc-faces
else fail pdf-seed-sc-faces "no ...CJKsc... face in pdffonts"; fi
info=$(pdfinfo "$TMP/seed.pdf" 2>/dev/null)
if grep -q '^Title: *华为全联接大会2024︱openEuler 分论坛成功举办$' <<<"$info" &&
   grep -q '^Author: *openEuler$' <<<"$info"; then pass pdf-seed-info
else fail pdf-seed-info "title/author not in pdfinfo"; fi
if grep -q '^CreationDate: *Tue Nov 14 22:13:20 2023' <<<"$info"; then pass pdf-seed-date-sde
else fail pdf-seed-date-sde "CreationDate is not SOURCE_DATE_EPOCH: $(grep CreationDate <<<"$info")"; fi
outlines=$(qpdf --json --json-key=outlines "$TMP/seed.pdf" | grep -c '"title":')
want=$(awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$seed" |
	grep -cE '^(#{1,6} |-{3,}$|={3,}$)')
if [ "$outlines" -eq 8 ] && [ "$want" -eq 8 ]; then pass pdf-seed-outline
else fail pdf-seed-outline "outline has $outlines entries, seed has $want headings"; fi
check pdf-seed-qpdf qpdf --check "$TMP/seed.pdf"
check pdf-seed-words-in-text-area in_margins "$TMP/seed.pdf"
# 10 KB of Chinese with 2 image placeholders, body at 10.5 pt: 4 pages
# (5 when pango's 96 dpi default set every size at 4/3); far fewer means
# lost text, far more runaway space
pages=$(pdfinfo "$TMP/seed.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "${pages:-0}" -ge 3 ] && [ "${pages:-0}" -le 5 ]; then pass pdf-seed-page-count
else fail pdf-seed-page-count "$pages pages (want 3..5)"; fi
check pdf-seed-no-closing-at-line-start no_closing_at_start "$TMP/seed.pdf"
cp "$TMP/seed.pdf" "$TMP/seed1.pdf"
"$MD2PDF" -q "$TMP/seed.md" 2>/dev/null
check pdf-seed-reproducible cmp "$TMP/seed.pdf" "$TMP/seed1.pdf"

# options and failure modes
check pdf-opt-output "$MD2PDF" -q -o "$TMP/o.pdf" --paper letter --margin 15 "$TMP/seed.md"
if pdfinfo "$TMP/o.pdf" 2>/dev/null | grep -q 'Page size: *612 x 792'; then pass pdf-opt-letter
else fail pdf-opt-letter "not letter-sized"; fi
# --margin 15 puts text 15 mm from the edge: the 20 mm area check must see it
if in_margins "$TMP/o.pdf" >/dev/null; then fail pdf-in-margins-catches "15 mm margins passed the 20 mm check"
else pass pdf-in-margins-catches; fi
"$MD2PDF" --paper nonsense "$TMP/seed.md" 2>/dev/null
if [ $? = 2 ]; then pass pdf-opt-bad-paper; else fail pdf-opt-bad-paper "exit not 2"; fi
if ! "$MD2PDF" -q --strict -o "$TMP/strict.pdf" "$TMP/seed.md" 2>/dev/null && [ ! -e "$TMP/strict.pdf" ]; then
	pass pdf-strict-no-output
else fail pdf-strict-no-output "missing images under --strict must fail without output"; fi
printf '# A\n\ntext one\n' >"$TMP/a.md"; printf '# B\n\ntext two\n' >"$TMP/b.md"
printf 'book-header: ""\n' >"$TMP/plain.yaml"    # suite-45 checks the running header
if "$MD2PDF" -q --no-cover --no-toc --style "$TMP/plain.yaml" -o "$TMP/ab.pdf" "$TMP/a.md" "$TMP/b.md" &&
   [ "$(body_text "$TMP/ab.pdf")" = "Atextone""Btexttwo" ]; then pass pdf-several-into-one
else fail pdf-several-into-one "$(body_text "$TMP/ab.pdf" 2>&1)"; fi

# Markdown features: footnotes, lists, code, tables, quotes, raw HTML.
cat >"$TMP/feat.md" <<'EOF'
---
title: Features
lang: en
---
# Head

Para with a note[^n] and [a link](https://example.com/) and `code`.

- one
- two
  1. nested
- [x] done

> quoted text

```
a very long line of code that goes on and on and on and on and on and on and on and on and on and on and on and on
```

| a | b |
|---|--:|
| cell one | 2 |

<div>raw <b>html</b> text</div>

[^n]: The note text.
EOF
if "$MD2PDF" -q "$TMP/feat.md" 2>"$TMP/feat.err"; then
	t=$(body_text "$TMP/feat.pdf")
	bad=
	for w in Head Parawithanote alink code one two nested done quotedtext averylonglineofcode \
	         cellone rawhtmltext Thenotetext.; do
		grep -qF -- "$w" <<<"$t" || bad="$bad $w"
	done
	if [ -z "$bad" ]; then pass pdf-features-text; else fail pdf-features-text "missing:$bad"; fi
	if qpdf --check "$TMP/feat.pdf" >/dev/null 2>&1; then pass pdf-features-qpdf
	else fail pdf-features-qpdf "qpdf --check"; fi
	if qpdf --qdf --object-streams=disable "$TMP/feat.pdf" "$TMP/feat.qdf" 2>/dev/null &&
	   grep -aq 'example.com' "$TMP/feat.qdf"; then pass pdf-features-link
	else fail pdf-features-link "no URI annotation"; fi
else
	fail pdf-features "$(tail -n 2 "$TMP/feat.err")"
fi

# A raw HTML table with spans (common/html.c makes table nodes of it): the
# cells below a rowspan start in their own columns, not one to the left;
# a colspan cell's neighbour sits in the column after the span.
cat >"$TMP/span.md" <<'EOF'
<table>
<tr><th>Cmd</th><th>Opt</th><th>Desc</th></tr>
<tr><td rowspan="2">login</td><td>alpha</td><td>firstrow</td></tr>
<tr><td>bravo</td><td>secondrow</td></tr>
<tr><td colspan="2">widecell spanning two</td><td>thirdrow</td></tr>
</table>
EOF
# word_x PDF: "word xMin" for every word of the PDF
word_x() {
	pdftotext -bbox "$1" - | awk '/<word / { split($0, a, "\""); t = $0
		sub(/.*">/, "", t); sub(/<.*/, "", t); print t, a[2] }'
}
if "$MD2PDF" -q -o "$TMP/span.pdf" "$TMP/span.md" 2>"$TMP/span.err"; then
	word_x "$TMP/span.pdf" >"$TMP/span.x"
	if awk '{ x[$1] = $2 }
	function same(a, b) { return (a in x) && (b in x) && x[a] - x[b] < 1 && x[b] - x[a] < 1 }
	END {
		if (!same("alpha", "bravo"))    { print "    bravo not under alpha"; bad = 1 }
		if (!same("firstrow", "secondrow")) { print "    secondrow not under firstrow"; bad = 1 }
		if (!same("Opt", "alpha"))      { print "    alpha not under Opt"; bad = 1 }
		if (!same("Desc", "thirdrow"))  { print "    thirdrow not under Desc"; bad = 1 }
		if (!same("login", "widecell")) { print "    widecell not in the first column"; bad = 1 }
		if (!(x["bravo"] > x["login"] + 10)) { print "    bravo shifted into the rowspan column"; bad = 1 }
		exit bad
	}' "$TMP/span.x"; then pass pdf-html-table-spans
	else fail pdf-html-table-spans "$(awk '{ printf "%s=%s ", $1, $2 }' "$TMP/span.x")"; fi
	# the check must be able to fail: the same table without the rowspan
	# puts bravo in the first column
	sed 's/ rowspan="2"//' "$TMP/span.md" >"$TMP/nospan.md"
	"$MD2PDF" -q -o "$TMP/nospan.pdf" "$TMP/nospan.md" 2>/dev/null
	if word_x "$TMP/nospan.pdf" | awk '{ x[$1] = $2 } END { exit !(x["bravo"] - x["login"] < 1) }'
	then pass pdf-html-table-spans-catches
	else fail pdf-html-table-spans-catches "without rowspan bravo is still not in column 1"; fi
else
	fail pdf-html-table-spans "$(tail -n 2 "$TMP/span.err")"
fi

# Curly quotes: proportional inside Latin text ("China’s" is about as wide
# as "Chinas"), full-width beside Han (two quotes add about two ems).  The
# Han half shows that the measure sees a full-width quote.
cat >"$TMP/quotes.md" <<'EOF'
China’s cloud and Chinas cloud.

他说“开放创新”很重要。

他说开放创新很重要。
EOF
if "$MD2PDF" -q -o "$TMP/quotes.pdf" "$TMP/quotes.md" 2>"$TMP/quotes.err"; then
	pdftotext -bbox "$TMP/quotes.pdf" - | awk '/<word / { split($0, a, "\""); t = $0
		sub(/.*">/, "", t); sub(/<.*/, "", t); print t, a[6] - a[2] }' >"$TMP/quotes.w"
	if awk '{ w[$1] = $2 }
	END {
		em = w["他说开放创新很重要。"] / 10
		if (em <= 0) { print "    no Han line in the PDF"; exit 1 }
		latin = (w["China’s"] - w["Chinas"]) / em
		han = (w["他说“开放创新”很重要。"] - w["他说开放创新很重要。"]) / em
		printf "    apostrophe %.2f em, two Han-side quotes %.2f em\n", latin, han
		exit !(latin < 0.5 && han > 1.8)
	}' "$TMP/quotes.w" >"$TMP/quotes.log"; then pass pdf-quotes-latin-proportional-han-full
	else fail pdf-quotes-latin-proportional-han-full "$(cat "$TMP/quotes.log")"; fi
else
	fail pdf-quotes-latin-proportional-han-full "$(tail -n 2 "$TMP/quotes.err")"
fi

# A table row taller than a page goes on over the next pages: every line
# of its long cell once and in order, the row after it, all inside the
# text area.  (The row was once drawn on one page and cut at its foot.)
awk 'BEGIN { printf "| a | b |\n|---|---|\n| short | "
	for (i = 0; i < 140; i++) printf "%sline %d of a long cell", i ? "<br>" : "", i
	print " |\n| after | end |" }' >"$TMP/tall.md"
if "$MD2PDF" -q -o "$TMP/tall.pdf" "$TMP/tall.md" 2>"$TMP/tall.err"; then
	got=$(pdftotext "$TMP/tall.pdf" - | sed -n 's/^line \([0-9]*\) of a long cell$/\1/p' | paste -sd,)
	want=$(seq -s, 0 139)
	if [ "$got" = "$want" ] && pdftotext "$TMP/tall.pdf" - | grep -qx after; then pass pdf-table-tall-row-split
	else fail pdf-table-tall-row-split "lines seen: $(tr ',' '\n' <<<"$got" | grep -c .) of 140"; fi
	check pdf-table-tall-row-in-margins in_margins "$TMP/tall.pdf"
else
	fail pdf-table-tall-row-split "$(tail -n 2 "$TMP/tall.err")"
fi

fast && exit 0

# ---------------------------------------------------------------- corpus
mapfile -t CORPUS < <(corpus_mds)
if [ "$DATA_ARTICLES" -lt 19 ]; then fail pdf-corpus "only $DATA_ARTICLES articles in tests/data/corpus"; exit 0; fi
# one_article DIR: convert, then qpdf, fonts and text round trip; prints
# "OK" or "FAIL pdf-corpus-NAME: why".  Two at a time (xargs -P2): the
# machine has two cores and each check is one process after another.
one_article() {
	local md=$1 name out lang=en why= RT_TMP
	name=${md%/*}; name=${name##*/}
	RT_TMP=$TMP/$name; mkdir -p "$RT_TMP"
	out=$RT_TMP/c.pdf
	case $name in *-zh-*) lang=zh ;; esac   # the folder names carry the language
	if ! "$MD2PDF" -q -o "$out" "$md" 2>"$RT_TMP/c.err"; then why="exit $?: $(tail -n 1 "$RT_TMP/c.err")"
	elif ! qpdf --check "$out" >/dev/null 2>&1; then why="qpdf --check"
	elif ! check_fonts "$out" "$lang" >"$RT_TMP/c.log"; then why="fonts: $(head -n 1 "$RT_TMP/c.log")"
	elif ! roundtrip "$md" "$out" >"$RT_TMP/c.log"; then why="text: $(head -n 2 "$RT_TMP/c.log" | tr '\n' ' ')"
	elif ! "$LINKS" --md "$md" "$out" >"$RT_TMP/c.log" 2>&1; then
		# every bookmark and internal link must land on its heading's or
		# anchor's page
		why="links: $(grep '^  ' "$RT_TMP/c.log" | head -n 2 | sed 's/^ *[^:]*: //' | tr '\n' ' ')"
	fi
	rm -rf "$RT_TMP"
	if [ -z "$why" ]; then echo OK; else echo "FAIL pdf-corpus-$name: $why"; fi
}
LINKS=$ROOT/tests/pdf/pdflinks.py
export -f one_article roundtrip body_text check_fonts
export MD2PDF MD2TXT TMP LINKS
printf '%s\0' "${CORPUS[@]}" | xargs -0 -n 1 -P 2 bash -c 'one_article "$1"' _ >"$TMP/corpus.res"
grep '^FAIL' "$TMP/corpus.res"
nok=$(grep -c '^OK' "$TMP/corpus.res"); nbad=$(grep -c '^FAIL' "$TMP/corpus.res")
if [ "$nok" -ge "$DATA_ARTICLES" ]; then pass "pdf-corpus ($nok articles ok, $nbad failed above)"
else fail pdf-corpus "only $nok articles converted and checked"; fi

# Tables as a reader sees them: a raw HTML table keeps a row on one line
# (cells side by side), a short CJK column beside a long one is not cut
# into one character per line, English words in narrow columns stay
# whole; every word inside the text area.
layout_check() {
	local name=$1 want=$2 md
	md=$(ls "$DATA/corpus/$name"/*.md 2>/dev/null | head -n 1)
	[ -n "$md" ] || { fail "pdf-layout-$name" "no article in tests/data/corpus/$name"; return 0; }
	"$MD2PDF" -q -o "$TMP/lay.pdf" "$md" 2>/dev/null
	if pdftotext -layout "$TMP/lay.pdf" - | grep -qE -- "$want"; then pass "pdf-layout-$name"
	else fail "pdf-layout-$name" "no line matching /$want/ in pdftotext -layout"; fi
	check "pdf-in-margins-$name" in_margins "$TMP/lay.pdf"
}
layout_check docs-zh-Container-appendix-b6d6f3 'login +-H, --host +指定要连接的 ?iSulad socket ?文件路径'
layout_check docs-zh-Administration-basic-configuration-54eaa2 '通用方案 +crashkernel=2048M,high'
layout_check wsh-en-blog-wangshuo-Glibc_Malloc_Principle 'M_ARENA_MAX +Number( of)? +- +Maximum number of arenas'
layout_check ws-zh-blog-MrRlu-2021-01-04-openEuler_eBPF_introduce 'eBPF'

# A photo article: the PDF holds both images and is about their bytes plus
# fonts, not decoded pixels.  (Its two ".jpg" files are PNGs, which go
# into the PDF recompressed, not byte for byte.)
photo=$DATA/corpus/ws-en-blog-wangshuo-Introduction_to_NuttX_tmpfs
if [ ! -d "$photo" ]; then fail pdf-jpeg-passthrough "no $photo"; else
	md=$(ls "$photo"/*.md | head -n 1)
	"$MD2PDF" -q -o "$TMP/photo.pdf" "$md" 2>/dev/null
	jpg=$(find "$photo" -iname '*.jp*g' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
	size=$(stat -c %s "$TMP/photo.pdf" 2>/dev/null || echo 0)
	nimg=$(pdfimages -list "$TMP/photo.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)
	if [ "$nimg" -eq 2 ] && [ "$size" -gt $((jpg / 2)) ] && [ "$size" -lt $((jpg + 2500000)) ]; then pass pdf-jpeg-passthrough
	else fail pdf-jpeg-passthrough "PDF $size bytes, $nimg images, for $jpg bytes of image files"; fi
fi
