#!/usr/bin/env bash
# tests/pdf/sweep.sh BUILD DIR... - md2pdf every article folder given (its
# first *.md) and run pdflinks.py on each PDF, two at a time.  Prints the
# problems, then one total line:
#   N pdfs: bookmarks N dead D wrong W; links N dead D wrong W
# Exit 1 when any bookmark or link is dead or wrong (or a PDF is missing).
build=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pdfsweep.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
one() {
	local d=${1%/} md out
	md=$(ls "$d"/*.md 2>/dev/null | head -n 1)
	[ -n "$md" ] || return 0
	out=$tmp/$(basename "$d").pdf
	if ! "$build/md2pdf" -q -o "$out" "$md" 2>/dev/null; then echo "  $md: md2pdf failed"; return; fi
	"$here/pdflinks.py" --md "$md" "$out"
}
export -f one
export build here tmp
printf '%s\0' "$@" | xargs -0 -n 1 -P 2 bash -c 'one "$1"' _ >"$tmp/res"
grep '^  ' "$tmp/res"
awk '/^[^ ].*: bookmarks / { n++; b += $3; bd += $5; bw += $7; l += $9; ld += $11; lw += $13 }
/^  / { bad = 1 }
END { printf "%d pdfs: bookmarks %d dead %d wrong %d; links %d dead %d wrong %d\n", n, b, bd, bw, l, ld, lw
      exit bad }' "$tmp/res"
