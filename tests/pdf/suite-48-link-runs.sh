#!/usr/bin/env bash
# tests/pdf/suite-48-link-runs.sh BUILD - links that follow one another
# with nothing but spaces between them are drawn as one run in the links'
# colour (a colour change over a space shows nothing, yet cost a cairo
# operation per link: 50,000 autolinks spent a quarter of their time on
# it), and each still has its own annotation with its own URI, in order.
. "$(dirname "$0")/../lib.sh"
MD2PDF=$BUILD/md2pdf
for t in qpdf pdftotext python3; do
	command -v $t >/dev/null 2>&1 || { fail pdf-link-runs-tools "no $t (make deps)"; exit 0; }
done
printf 'Sites: <http://a.com> <http://b.com>  [c](http://c.com)\n[d](http://d.com), end.\n' >"$TMP/r.md"
if ! "$MD2PDF" -q -o "$TMP/r.pdf" "$TMP/r.md" 2>"$TMP/err"; then
	fail pdf-link-runs "md2pdf: $(tail -n 1 "$TMP/err")"; exit 0
fi
qpdf --qdf --object-streams=disable "$TMP/r.pdf" "$TMP/r.qdf"
# the default style's link colour, as cairo writes it
n=$(grep -ac '0.101961 0.309804 0.611765 rg' "$TMP/r.qdf")
if [ "$n" = 1 ]; then pass pdf-link-runs-one-colour-run
else fail pdf-link-runs-one-colour-run "the link colour is set $n times, want 1"; fi

# (then the page number of the footer)
text=$(pdftotext "$TMP/r.pdf" - | tr -s ' \n\f' '   ' | sed 's/ *$//')
if [ "$text" = "Sites: http://a.com http://b.com c d, end. 1" ]; then pass pdf-link-runs-text
else fail pdf-link-runs-text "reads '$text'"; fi

uris=$(qpdf --json=2 --json-key=qpdf "$TMP/r.pdf" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
val = lambda v: v.get("value") if isinstance(v, dict) else None
for k, v in objs.items():
    o = val(v)
    if isinstance(o, dict) and o.get("/Type") == "/Page":
        for ref in o.get("/Annots", []):
            a = val(objs["obj:" + ref])
            r = a["/Rect"]
            print("%.0f %s" % (r[0], a["/A"]["/URI"][2:]))' | sort -n | cut -d' ' -f2 | tr '\n' ' ')
if [ "$uris" = "http://a.com http://b.com http://c.com http://d.com " ]; then
	pass pdf-link-runs-annotations
else fail pdf-link-runs-annotations "annotations: '$uris'"; fi
