#!/usr/bin/env bash
# tests/bench/typst.sh BUILD - typst, the strongest peer, against md2pdf on
# the seed, and md2pdf's one-process batch (part of `make bench`; run alone
# for just these rows).  Prints a Markdown table on stdout, progress on
# stderr.
#
# typst is typst.ts's node compiler (npm @myriaddreamin/typst-ts-node-compiler
# 0.7.0, which carries typst 0.14), installed with npm into BUILD/bench/typst
# on the first run.  It gets the seed as typst markup (md2typst.py: A4, 20 mm
# margins, Noto Serif CJK SC 10.5 pt, Noto Sans CJK SC headings, a framed
# placeholder per missing image, as md2pdf).  Rows, alternating run by run:
#   - md2pdf on the seed, one process;
#   - md2pdf on 20 copies of the seed in one process (-O DIR): total, and
#     per article;
#   - typst's whole process on the seed (node, the module, font scan,
#     compile, PDF);
#   - typst's compile + PDF export inside one warm node process (fonts and
#     engine loaded; typst.mjs): the first one, then 20 new documents with
#     the memo cache evicted before each (a new article), then 20 with the
#     cache kept (an edited article: typst reuses unchanged layout).
# BENCH_RUNS=N runs (default 5).
set -u
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
W=$BUILD/bench
T=$W/typst
RUNS=${BENCH_RUNS:-5}
COPIES=20
TYPST_PKG=@myriaddreamin/typst-ts-node-compiler@0.7.0
SEED=$ROOT/tests/regress/seed/seed.md
say() { printf '%s\n' "$*" >&2; }
mkdir -p "$W/log" "$T" "$W/in/batch$COPIES"
cc -std=c17 -O2 -Wall -Wextra -Werror -o "$W/runone" "$ROOT/tests/bench/runone.c" || exit 1
make -C "$ROOT" -s BUILD="$BUILD" md2pdf >"$W/log/build-md2pdf.log" 2>&1 || { say "md2pdf does not build"; exit 1; }

NOTES=()
have_typst=0
if command -v node >/dev/null; then
	if [ ! -d "$T/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
		say "installing $TYPST_PKG into $T"
		[ -f "$T/package.json" ] || echo '{"private":true}' >"$T/package.json"
		(cd "$T" && npm install --no-audit --no-fund "$TYPST_PKG") >"$W/log/typst-npm.log" 2>&1
	fi
	[ -d "$T/node_modules/@myriaddreamin/typst-ts-node-compiler" ] && have_typst=1
fi
[ "$have_typst" = 1 ] || NOTES+=("typst rows skipped: node, npm or $TYPST_PKG missing (make deps-bench; see $W/log/typst-npm.log)")

# inputs: the seed, 20 copies of it, the seed as typst markup
cp "$SEED" "$W/in/seed.md"
for i in $(seq -w 1 $COPIES); do cp "$SEED" "$W/in/batch$COPIES/seed-$i.md"; done
python3 "$ROOT/tests/bench/md2typst.py" "$SEED" "$T/seed.typ"

res=$W/typst-res
rm -rf "$res"; mkdir -p "$res"
for (( r = 1; r <= RUNS; r++ )); do
	say "  typst/batch run $r of $RUNS"
	"$W/runone" -C "$W/in" -l "$W/log/md2pdf-one.log" -- "$BUILD/md2pdf" -q -o seed.md2pdf.pdf seed.md >>"$res/one"
	rm -rf "$W/in/batch$COPIES/out"
	(cd "$W/in/batch$COPIES" && "$W/runone" -l "$W/log/md2pdf-batch.log" -- "$BUILD/md2pdf" -q -O out seed-*.md) >>"$res/batch"
	if [ "$have_typst" = 1 ]; then
		"$W/runone" -C "$T" -l "$W/log/typst-once.log" -- node "$ROOT/tests/bench/typst.mjs" once seed.typ seed.typst.pdf >>"$res/typst-once"
		(cd "$T" && node "$ROOT/tests/bench/typst.mjs" warm seed.typ $COPIES seed.warm.pdf 2>>"$W/log/typst-warm.log") >>"$res/typst-warm"
	fi
done

# med FILE COLUMN [SCALE]: the median of a column, times SCALE
med() {
	awk -v c="$2" -v k="${3:-1}" '{ v[NR] = $c * k } END {
		if (NR == 0) { print 0; exit }
		for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
		printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }' "$1"
}
peak() { awk '{ if ($2 > m) m = $2 } END { printf "%.0f MB", m / 1024 }' "$1"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "–" }'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

bad=$(awk '$3 != 0' "$res/one" "$res/batch" ${have_typst:+"$res/typst-once"} 2>/dev/null | wc -l)
[ "$bad" = 0 ] || NOTES+=("$bad runs exited non-zero (logs in $W/log/)")
one_w=$(med "$res/one" 1 1000) one_c=$(med "$res/one" 4 1000)
b_w=$(med "$res/batch" 1 1000) b_c=$(med "$res/batch" 4 1000)
pa_w=$(div "$b_w" $COPIES) pa_c=$(div "$b_c" $COPIES)
echo "| tool | what | runs | wall (median) | CPU (median) | peak RSS | pages |"
echo "|---|---|---:|---:|---:|---:|---:|"
echo "| md2pdf | seed, one process | $RUNS | $one_w ms | $one_c ms | $(peak "$res/one") | $(pages "$W/in/seed.md2pdf.pdf") |"
echo "| md2pdf | $COPIES seeds in one process: total | $RUNS | $b_w ms | $b_c ms | $(peak "$res/batch") | |"
echo "| md2pdf | $COPIES seeds in one process: **per article** | | **$pa_w ms** | **$pa_c ms** | | |"
if [ "$have_typst" = 1 ] && [ -s "$res/typst-warm" ]; then
	t_w=$(med "$res/typst-once" 1 1000) t_c=$(med "$res/typst-once" 4 1000)
	echo "| typst 0.14 (typst.ts node) | seed, whole process | $RUNS | $t_w ms | $t_c ms | $(peak "$res/typst-once") | $(pages "$T/seed.typst.pdf") |"
	echo "| typst 0.14 | seed, first compile in the process | $RUNS | $(med "$res/typst-warm" 1) ms | $(med "$res/typst-warm" 2) ms | | |"
	echo "| typst 0.14 | seed, warm compile, cache evicted (**a new article**) | $RUNS×$COPIES | **$(med "$res/typst-warm" 3) ms** | **$(med "$res/typst-warm" 4) ms** | | |"
	echo "| typst 0.14 | seed, warm compile, cache kept (an edited article) | $RUNS×$COPIES | $(med "$res/typst-warm" 5) ms | $(med "$res/typst-warm" 6) ms | | |"
	echo
	echo "md2pdf per article in a one-process batch / typst warm compile of a new article:" \
		"$(awk -v a="$pa_w" -v b="$(med "$res/typst-warm" 3)" 'BEGIN { printf "%.2f", a / b }')× wall," \
		"$(awk -v a="$pa_c" -v b="$(med "$res/typst-warm" 4)" 'BEGIN { printf "%.2f", a / b }')× CPU (target ≤ 1)."
fi
echo
echo "Compile = compile + PDF export. Wall and CPU are medians over the runs (warm rows: median of each run's medians);" \
	"CPU is user + system of the whole process, steadier than wall time on a loaded machine."
for n in "${NOTES[@]}"; do echo "- note: $n"; done
exit 0
