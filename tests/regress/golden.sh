#!/usr/bin/env bash
# tests/regress/golden.sh BUILD [check|regen] [DIR] - the one golden runner.
#
# Every DIR/<topic>/<case>.md (DIR defaults to tests/regress) is a case; the
# goldens beside it opt in by existing:
#   <case>.tree   `md2txt -q --dump-tree` (the model after normalising), then
#                 rc=N and any error; --dump-tree runs art_check() on the tree,
#                 so a tree that breaks the node rules fails here too
#   <case>.txt    `md2txt -q` (stdout)
#   <case>.xhtml  EPUB/chapter-001.xhtml of `md2epub -q`
#   <case>.err    stderr of `md2txt` (diagnostics, warnings included), then rc=N
# A .md without any of them is not a case (other suites read it).  A case
# .md may be a symlink (tests/regress/corpus/ points into tests/data/corpus):
# the tools run on the file it points to, so its images resolve.
#
# Each tool runs in the case's folder on its file name, so the paths in .err
# are relative.  "check" prints PASS/FAIL golden-<topic>/<case>.<ext> and a
# diff excerpt; "regen" rewrites every existing golden (review `git diff`).
# To add a golden: create the empty sibling (touch x.err) and `make regen`.
set -u
build=${1:-build}
mode=${2:-check}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${3:-$root/tests/regress}
case $build in /*) ;; *) build=$root/$build ;; esac
case $mode in check | regen) ;; *) echo "usage: $0 BUILD [check|regen] [DIR]" >&2; exit 2 ;; esac
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mdpress-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0

# produce EXT FILE: the output a golden of kind EXT holds, for the case FILE
# (a file name in the current folder), on stdout.
produce() {
	case $1 in
	tree)
		"$build/md2txt" -q --dump-tree "$2" 2>"$tmp/tree.err"
		echo "rc=$?"
		cat "$tmp/tree.err" ;;
	txt) "$build/md2txt" -q "$2" 2>/dev/null ;;
	xhtml)
		rm -f "$tmp/x.epub"
		"$build/md2epub" -q -o "$tmp/x.epub" "$2" 2>/dev/null &&
			unzip -p "$tmp/x.epub" EPUB/chapter-001.xhtml ;;
	err)
		"$build/md2txt" "$2" 2>&1 >/dev/null | sed -e "s|$root/||g" -e "s|$tmp/||g"
		echo "rc=${PIPESTATUS[0]}" ;;
	esac
}

for golden in "$dir"/*/*.tree "$dir"/*/*.txt "$dir"/*/*.xhtml "$dir"/*/*.err; do
	[ -f "$golden" ] || continue
	ext=${golden##*.}
	md=${golden%.*}.md
	topic=${golden%/*}; topic=${topic##*/}
	name=golden-$topic/${golden##*/}
	if [ ! -f "$md" ]; then
		echo "FAIL $name: no ${md##*/} beside it"
		status=1; continue
	fi
	real=$(realpath "$md")
	(cd "${real%/*}" && produce "$ext" "${real##*/}") >"$tmp/got"
	if [ "$mode" = regen ]; then
		cmp -s "$tmp/got" "$golden" || { cp "$tmp/got" "$golden"; echo "wrote ${golden#$root/}"; }
	elif cmp -s "$golden" "$tmp/got"; then
		echo "PASS $name"
	else
		echo "FAIL $name: output differs from ${golden#$root/} (make regen, then review git diff)"
		diff -u "$golden" "$tmp/got" | head -n 20 | sed 's/^/    /'
		status=1
	fi
done
exit $status
