#!/usr/bin/env bash
# tests/regress/tree/check.sh BUILD [regen] - compare `md2txt --dump-tree`
# of every *.md here (and the seed) with its .tree golden: parser and
# normaliser changes show up as a readable diff.  With "regen" the goldens
# are rewritten instead (review the diff before committing).
set -u
build=${1:-build}
mode=${2:-check}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
case $build in /*) ;; *) build=$root/$build ;; esac
bin=$build/md2txt
cd "$here" || exit 2
status=0
for md in *.md ../seed/seed.md; do
	name=$(basename "$md" .md)
	golden=$here/$name.tree
	got=$("$bin" -q --dump-tree "$md" 2>/dev/null; echo "rc=$?")
	if [ "$mode" = regen ]; then
		printf '%s\n' "$got" >"$golden"
		echo "wrote $golden"
		continue
	fi
	if [ ! -f "$golden" ]; then
		echo "FAIL tree-$name: no golden $golden"
		status=1
	elif diff -u "$golden" <(printf '%s\n' "$got") >/dev/null; then
		echo "PASS tree-$name"
	else
		echo "FAIL tree-$name: dump differs from $name.tree"
		diff -u "$golden" <(printf '%s\n' "$got") | head -20 | sed 's/^/    /'
		status=1
	fi
done
exit $status
