#!/usr/bin/env bash
# tests/pdf/suite-45-links.sh BUILD - every bookmark and internal link of
# md2pdf's PDFs leads to the page holding its heading or anchor
# (tests/pdf/pdflinks.py, which reads them through qpdf --json and the
# pages through pdftotext): the seed and a Chinese article with CJK
# headings, [x](#标题) links, a duplicate heading, a percent-encoded link
# and a footnote.  The checker must be able to fail: a bookmark whose
# /Dest is written the way cairo 1.16 wrote Chinese names (UTF-16 against
# UTF-8 in the name tree) is dead, and one moved to another heading's
# destination is on the wrong page.  The corpus sweep lives in
# suite-40-pdf.sh, which converts every corpus article anyway.
. "$(dirname "$0")/../lib.sh"
MD2PDF=$BUILD/md2pdf
CHECK=$ROOT/tests/pdf/pdflinks.py
if [ ! -x "$MD2PDF" ]; then fail md2pdf-built "no $MD2PDF"; exit 0; fi
for t in qpdf fix-qdf pdftotext python3; do
	command -v $t >/dev/null 2>&1 || { fail pdf-link-tools "no $t (make deps)"; exit 0; }
done

# links_ok NAME MD BOOKMARKS LINKS: convert, check, and expect that many
# bookmarks and at least that many link annotations (a link that wraps
# has one per line), so that a PDF that lost them cannot pass.
links_ok() {
	local name=$1 md=$2 pdf=$TMP/$1.pdf out rc
	if ! "$MD2PDF" -q -o "$pdf" "$md" 2>"$TMP/$name.err"; then
		fail "pdf-links-$name" "md2pdf: $(tail -n 1 "$TMP/$name.err")"; return
	fi
	out=$("$CHECK" --md "$md" "$pdf" 2>&1); rc=$?
	if [ $rc -eq 0 ] && awk -v b="$3" -v l="$4" '/: bookmarks / { ok = $3 == b && $5 == 0 && $7 + 0 == 0 &&
		$9 >= l && $11 == 0 && $13 == 0 } END { exit !ok }' <<<"$out"; then pass "pdf-links-$name"
	else fail "pdf-links-$name" "want $3 bookmarks and $4+ links, all alive"; sed 's/^/    /' <<<"$out" | head -n 8; fi
}
links_ok seed "$ROOT/tests/regress/seed/seed.md" 8 0
links_ok zh "$ROOT/tests/pdf/zh-links.md" 7 10

# break PDF MODE OUT: rewrite the bookmark "附录" through qpdf's QDF form.
# dead: its /Dest in UTF-16, as cairo 1.16 wrote non-ASCII names;
# moved: its /Dest the destination of the heading "安装步骤".
break_pdf() {
	qpdf --qdf --object-streams=disable "$1" "$TMP/q.pdf" &&
	python3 - "$TMP/q.pdf" "$2" >"$TMP/q2.pdf" <<-'EOF' && fix-qdf "$TMP/q2.pdf" >"$3"
	import re, sys, urllib.parse
	data, mode = open(sys.argv[1], "rb").read(), sys.argv[2]
	enc = lambda s: urllib.parse.quote(s).encode()
	title = b"/Title <feff" + "附录".encode("utf-16-be").hex().encode() + b">"
	obj_start = data.rindex(b"obj", 0, data.index(title))
	old = b"/Dest (" + enc("附录") + b")"
	new = (b"/Dest <feff" + "附录".encode("utf-16-be").hex().encode() + b">" if mode == "dead"
	       else b"/Dest (" + enc("安装步骤") + b")")
	at = data.index(old, obj_start)
	sys.stdout.buffer.write(data[:at] + new + data[at + len(old):])
	EOF
}
zh=$TMP/zh.pdf
if [ -s "$zh" ] && break_pdf "$zh" dead "$TMP/dead.pdf"; then
	out=$("$CHECK" "$TMP/dead.pdf" 2>&1)
	if grep -q "bookmark '附录': dead" <<<"$out"; then pass pdf-links-catches-dead
	else fail pdf-links-catches-dead "$(tail -n 1 <<<"$out")"; fi
else fail pdf-links-catches-dead "could not rewrite the PDF"; fi
if [ -s "$zh" ] && break_pdf "$zh" moved "$TMP/moved.pdf"; then
	out=$("$CHECK" "$TMP/moved.pdf" 2>&1)
	if grep -q "bookmark '附录': page [0-9]* does not hold its title" <<<"$out"; then pass pdf-links-catches-wrong-page
	else fail pdf-links-catches-wrong-page "$(tail -n 1 <<<"$out")"; fi
else fail pdf-links-catches-wrong-page "could not rewrite the PDF"; fi
