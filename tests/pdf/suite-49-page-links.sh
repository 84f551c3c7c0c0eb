#!/usr/bin/env bash
# tests/pdf/suite-49-page-links.sh BUILD - --max-page-links: at most N link
# annotations a page (default 100; cairo spends some 20 us on each, and
# 50,000 autolinks took md2pdf over 2 s), the links past it left as the
# text they read as, with one warning -Wpage-links per PDF.  The count
# starts again on each page; 0 lifts the limit.
. "$(dirname "$0")/../lib.sh"
MD2PDF=$BUILD/md2pdf
for t in qpdf pdftotext python3; do
	command -v $t >/dev/null 2>&1 || { fail page-links-tools "no $t (make deps)"; exit 0; }
done

# annots PDF: "PAGE URI" for each link annotation, in page and x/y order
annots() {
	qpdf --json=2 --json-key=qpdf --json-key=pages "$1" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
objs = d["qpdf"][1]
val = lambda v: v.get("value") if isinstance(v, dict) else None
for n, pg in enumerate(d["pages"], 1):
    rows = []
    for ref in val(objs["obj:" + pg["object"]]).get("/Annots", []):
        a = val(objs["obj:" + ref])
        rows.append((-a["/Rect"][1], a["/Rect"][0], a["/A"]["/URI"][2:]))
    for r in sorted(rows):
        print(n, r[2])' 2>/dev/null
}

# 150 links in one paragraph: one page (labels that no line splits, so
# that each link is one annotation)
python3 -c 'print(" ".join("[L%d](http://a.com/%d)" % (i, i) for i in range(1, 151)))' >"$TMP/p150.md"
"$MD2PDF" -o "$TMP/d.pdf" "$TMP/p150.md" 2>"$TMP/d.err"
annots "$TMP/d.pdf" >"$TMP/d.txt"
if [ "$(wc -l <"$TMP/d.txt")" = 100 ] && [ "$(head -n 1 "$TMP/d.txt")" = "1 http://a.com/1" ] &&
	[ "$(tail -n 1 "$TMP/d.txt")" = "1 http://a.com/100" ]; then pass page-links-default-100
else fail page-links-default-100 "$(wc -l <"$TMP/d.txt") annotations: $(head -n 1 "$TMP/d.txt") .. $(tail -n 1 "$TMP/d.txt")"; fi
if [ "$(grep -c 'p150.md: warning: page 1 has more than 100 links: the rest are text, not clickable (--max-page-links) \[-Wpage-links\]' "$TMP/d.err")" = 1 ] &&
	[ "$(wc -l <"$TMP/d.err")" = 1 ]; then pass page-links-warned-once
else fail page-links-warned-once "$(head -c 300 "$TMP/d.err")"; fi
# past the limit the links are still there to read
n=$(pdftotext "$TMP/d.pdf" - | grep -o 'L[0-9]*' | sort -u | wc -l)
if [ "$n" = 150 ]; then pass page-links-text-kept
else fail page-links-text-kept "$n of 150 URLs in the text"; fi

"$MD2PDF" --max-page-links 0 -o "$TMP/all.pdf" "$TMP/p150.md" 2>"$TMP/all.err"
if [ "$(annots "$TMP/all.pdf" | wc -l)" = 150 ] && [ ! -s "$TMP/all.err" ]; then pass page-links-0-no-limit
else fail page-links-0-no-limit "$(annots "$TMP/all.pdf" | wc -l) annotations; $(head -c 200 "$TMP/all.err")"; fi

# two pages of 30 links, at most 20 a page: 20 on each
{
	python3 -c 'print(" ".join("[A%d](http://a.com/%d)" % (i, i) for i in range(1, 31)))'
	for i in $(seq 60); do printf '\nfiller %d\n' "$i"; done
	python3 -c 'print(" ".join("[B%d](http://b.com/%d)" % (i, i) for i in range(1, 31)))'
} >"$TMP/two.md"
"$MD2PDF" -q --max-page-links 20 -o "$TMP/two.pdf" "$TMP/two.md"
got=$(annots "$TMP/two.pdf" | awk '{ n[$1]++; last[$1] = $2 } END { for (p in n) print p, n[p], last[p] }' | sort -n | tr '\n' ' ')
case $got in
"1 20 http://a.com/20 "[2-9]" 20 http://b.com/20 ") pass page-links-per-page ;;
*) fail page-links-per-page "pages, counts, last: $got" ;;
esac

"$MD2PDF" -q -Werror=page-links -o "$TMP/e.pdf" "$TMP/p150.md" 2>"$TMP/e.err"
rc=$?
if [ $rc = 1 ] && [ ! -e "$TMP/e.pdf" ] && grep -q '\[-Werror=page-links\]' "$TMP/e.err"; then
	pass page-links-werror
else fail page-links-werror "exit $rc under -Werror=page-links: $(head -c 200 "$TMP/e.err")"; fi
# the same for any warning raised while the PDF is laid out: the run
# failed, not "0 with no file" as before
python3 -c 'print("|" + "|".join("c%d" % i for i in range(70)) + "|\n|" + "-|" * 70)' >"$TMP/wide.md"
"$MD2PDF" -q -Werror=table-columns -o "$TMP/w.pdf" "$TMP/wide.md" 2>/dev/null
rc=$?
if [ $rc = 1 ] && [ ! -e "$TMP/w.pdf" ]; then pass werror-while-laying-out-fails
else fail werror-while-laying-out-fails "exit $rc"; fi
"$MD2PDF" --max-page-links -1 -o "$TMP/u.pdf" "$TMP/p150.md" 2>"$TMP/u.err"
rc=$?
if [ $rc = 2 ] && grep -q 'max-page-links' "$TMP/u.err"; then pass page-links-negative-usage
else fail page-links-negative-usage "exit $rc: $(head -c 200 "$TMP/u.err")"; fi
