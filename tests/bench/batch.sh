#!/usr/bin/env bash
# tests/bench/batch.sh BUILD [RUNS] - the corpus articles (../shared/corpus/dev)
# to one PDF each: one md2pdf process per article against one md2pdf process
# for all of them (-O DIR), in alternation, RUNS times (default 3).  Prints
# the CPU time (user + system, the whole process tree) of each run and the
# ratio of the medians.  Skips cleanly without the corpus.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
RUNS=${2:-3}
CORPUS=${MDPRESS_CORPUS:-$ROOT/../shared/corpus/dev}
if [ ! -f "$CORPUS/SOURCES.tsv" ]; then
	echo "batch.sh: no corpus at $CORPUS: skipped" >&2
	exit 0
fi
command -v /usr/bin/time >/dev/null || { echo "batch.sh: needs /usr/bin/time (Debian: time)" >&2; exit 2; }
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
W=$BUILD/bench/batch
rm -rf "$W" && mkdir -p "$W/sep" "$W/one" && cp -r "$CORPUS" "$W/corpus"
cd "$W/corpus" || exit 2
mapfile -t F < <(ls -- */*.md)
cpu() { awk '{ printf "%.2f\n", $1 + $2 }' "$1"; }
for ((r = 1; r <= RUNS; r++)); do
	echo "  run $r of $RUNS" >&2
	/usr/bin/time -o "$W/t" -f "%U %S" bash -c \
		'b=$1; w=$2; shift 2; for f in "$@"; do "$b/md2pdf" -q -o "$w/sep/$(basename "$f" .md).pdf" "$f"; done' \
		_ "$BUILD" "$W" "${F[@]}"
	cpu "$W/t" >>"$W/sep.cpu"
	/usr/bin/time -o "$W/t" -f "%U %S" "$BUILD/md2pdf" -q -O "$W/one" "${F[@]}"
	cpu "$W/t" >>"$W/one.cpu"
done
med() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
s=$(med "$W/sep.cpu"); o=$(med "$W/one.cpu")
echo "${#F[@]} articles, $RUNS runs each, CPU s (user+sys): separate $(tr '\n' ' ' <"$W/sep.cpu")| one process $(tr '\n' ' ' <"$W/one.cpu")"
awk -v s="$s" -v o="$o" 'BEGIN { printf "median: %.2f s separate, %.2f s in one process: %.2fx\n", s, o, o / s }'
