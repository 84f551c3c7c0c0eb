#!/usr/bin/env bash
# tests/bench/batch.sh BUILD [RUNS] - the corpus articles (../shared/corpus/dev,
# or BENCH_CORPUS) in one md2pdf process against one process per article:
#   - separate: `md2pdf -o X.pdf X.md`, once per article (what make -j1 runs);
#   - one process: `md2pdf -O DIR *.md`, one PDF per article (issue 10: at
#     most 0.5x the CPU of separate);
#   - book: `md2pdf -o book.pdf *.md`, one PDF of all (issue 11: at most 0.6x
#     the CPU of separate, peak RSS under 150 MB).
# In alternation, RUNS times (default 3).  Prints a Markdown table on stdout
# (CPU = user + system of the whole process tree, medians; progress on
# stderr).  The ratio to separate runs is given twice: of the medians, and
# the median of each run's own ratio, which a machine whose speed drifts
# during the benchmark disturbs less (the three kinds of a run are
# measured one after another); part of `make bench` (BENCH_ONLY=batch).  Skips cleanly without
# the corpus.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
RUNS=${2:-3}
CORPUS=${BENCH_CORPUS:-${MDPRESS_CORPUS:-$ROOT/../shared/corpus/dev}}
[ -f "$CORPUS/SOURCES.tsv" ] || CORPUS=/work/shared/corpus/dev
if [ ! -f "$CORPUS/SOURCES.tsv" ]; then
	echo "batch.sh: no corpus (../shared/corpus/dev): skipped"
	exit 0
fi
command -v /usr/bin/time >/dev/null || { echo "batch.sh: needs /usr/bin/time (Debian: time)" >&2; exit 2; }
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
make -C "$ROOT" -s BUILD="$BUILD" md2pdf >/dev/null 2>&1 || { echo "batch.sh: md2pdf does not build" >&2; exit 1; }
W=$BUILD/bench/batch
rm -rf "$W" && mkdir -p "$W" && cp -r "$CORPUS" "$W/corpus"
cd "$W/corpus" || exit 2
mapfile -t F < <(ls -- */*.md)
# timed KIND CMD...: one run, "user+sys peak_kb" appended to $W/KIND
timed() {
	local kind=$1; shift
	rm -rf "$W/out" && mkdir -p "$W/out"
	/usr/bin/time -o "$W/t" -f "%U %S %M" "$@"
	awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$W/t" >>"$W/$kind"
}
for ((r = 1; r <= RUNS; r++)); do
	echo "  batch run $r of $RUNS" >&2
	timed sep bash -c 'b=$1; w=$2; shift 2; for f in "$@"; do "$b/md2pdf" -q -o "$w/out/$(basename "$f" .md).pdf" "$f"; done' \
		_ "$BUILD" "$W" "${F[@]}"
	timed one "$BUILD/md2pdf" -q -O "$W/out" "${F[@]}"
	timed book "$BUILD/md2pdf" -q -o "$W/out/book.pdf" "${F[@]}"
done
med() { cut -d' ' -f1 "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
runs() { cut -d' ' -f1 "$1" | paste -sd' '; }
peak() { awk '{ if ($2 > m) m = $2 } END { printf "%.0f MB", m / 1024 }' "$1"; }
s=$(med "$W/sep") o=$(med "$W/one") b=$(med "$W/book")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# run_ratio KIND: the median over runs of KIND's CPU / that run's separate CPU
run_ratio() {
	paste -d' ' "$W/$1" "$W/sep" | awk '{ print $1 / $3 }' | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "| ${#F[@]} corpus articles | runs (CPU s) | CPU (median) | peak RSS | / separate | per run, median | target |"
echo "|---|---|---:|---:|---:|---:|---|"
echo "| separate: one \`md2pdf -o\` per article | $(runs "$W/sep") | $s s | $(peak "$W/sep") | 1 | 1 | |"
echo "| one process, a PDF each (\`-O DIR\`) | $(runs "$W/one") | $o s | $(peak "$W/one") | $(ratio "$o" "$s") | $(run_ratio one) | ≤ 0.5 (#10) |"
echo "| one book (\`-o book.pdf\`) | $(runs "$W/book") | $b s | $(peak "$W/book") | $(ratio "$b" "$s") | $(run_ratio book) | ≤ 0.6, < 150 MB (#11) |"
