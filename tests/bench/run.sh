#!/usr/bin/env bash
# tests/bench/run.sh BUILD - mdpress against the tools a user would pick
# instead, on the seed, the seed x10 and x100, the 42-article corpus, and
# EPUB books of ten and of all corpus articles.
# Prints one Markdown table on stdout (progress goes to stderr).
#
# Every (input, format) group runs its tools in alternation, run by run, so
# machine noise hits all of them alike; the table gives the median wall
# time, the peak RSS over the runs, output size, PDF pages, and the ratio
# mdpress/other (below 1 = mdpress is faster / smaller).
#
# Environment:
#   BENCH_RUNS=N    runs of the fast tools (default 5); caps the slow ones too
#   BENCH_QUICK=1   3 fast runs, 1 slow run on the seed only, no x100 for slow
#                   tools, no corpus for slow tools (about a minute)
#   BENCH_FULL=1    also run xelatex and WeasyPrint over the x100 input and
#                   the whole corpus (tens of minutes)
#   BENCH_ONLY=seed,x10,x100,corpus,book10,book,typst,batch   inputs to run
#                   (default: all; typst = tests/bench/typst.sh: typst and
#                   md2pdf's one-process batch, a second table; batch =
#                   tests/bench/batch.sh: the corpus in one md2pdf process and
#                   as one book against 42 processes, a third table)
#   BENCH_FORMATS=txt,epub,pdf   output formats to run (default: all)
#   BENCH_CORPUS=DIR  corpus folder with SOURCES.tsv (default ../shared/corpus/dev)
set -u
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
W=$BUILD/bench
QUICK=${BENCH_QUICK:-0}
FULL=${BENCH_FULL:-0}
if [ "$QUICK" = 1 ]; then RUNS=${BENCH_RUNS:-3}; else RUNS=${BENCH_RUNS:-5}; fi
ONLY=,${BENCH_ONLY:-seed,x10,x100,corpus,book10,book,typst,batch},
FORMATS=,${BENCH_FORMATS:-txt,epub,pdf},
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpus/dev}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus/dev
SEED=$ROOT/tests/regress/seed/seed.md
CJK_FONT="Noto Serif CJK SC"

say() { printf '%s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
want() { [[ $ONLY == *,$1,* ]]; }

mkdir -p "$W/in" "$W/res" "$W/log"
rm -f "$W"/res/* "$W"/log/*
NOTES=()

# ---------------------------------------------------------------- build
CFLAGS_BENCH="-std=c17 -O2 -Wall -Wextra -Werror"
cc $CFLAGS_BENCH -o "$W/runone" "$ROOT/tests/bench/runone.c" || { say "cannot build runone"; exit 1; }
FLOOR=""
if cc $CFLAGS_BENCH -o "$W/floor" "$ROOT/tests/bench/floor.c" \
      $(pkg-config --cflags --libs pangocairo cairo-pdf) 2>"$W/log/floor-build.log"; then
	FLOOR=$W/floor
else
	NOTES+=("floor.c did not build (see $W/log/floor-build.log): no floor row")
fi

declare -A BIN
for p in md2txt md2epub md2pdf; do
	if make -C "$ROOT" -s BUILD="$BUILD" "$p" >"$W/log/build-$p.log" 2>&1 && [ -x "$BUILD/$p" ]; then
		BIN[$p]=$BUILD/$p
	else
		NOTES+=("$p missing or failed to build (see $W/log/build-$p.log): its rows skipped")
	fi
done

# ---------------------------------------------------------------- tools
# tool_ok TOOL: is it installed?
tool_ok() {
	case $1 in
	md2txt|md2epub|md2pdf) [ -n "${BIN[$1]:-}" ] ;;
	floor) [ -n "$FLOOR" ] ;;
	pandoc-plain|pandoc-epub) have pandoc ;;
	pandoc-xelatex) have pandoc && have xelatex ;;
	weasyprint) have pandoc && have weasyprint ;;
	wkhtmltopdf) have pandoc && have wkhtmltopdf ;;
	esac
}
tools_for() {
	case $1 in
	txt) echo md2txt pandoc-plain ;;
	epub) echo md2epub pandoc-epub ;;
	pdf) echo md2pdf floor pandoc-xelatex weasyprint wkhtmltopdf ;;
	esac
}
label() {
	case $1 in
	pandoc-plain) echo 'pandoc -t plain' ;;
	pandoc-epub) echo 'pandoc -o x.epub' ;;
	pandoc-xelatex) echo 'pandoc + xelatex' ;;
	weasyprint) echo 'pandoc HTML + WeasyPrint' ;;
	wkhtmltopdf) echo 'pandoc HTML + wkhtmltopdf' ;;
	floor) echo 'floor (pango+cairo, plain text)' ;;
	*) echo "$1" ;;
	esac
}
is_slow() { case $1 in pandoc-xelatex|weasyprint|wkhtmltopdf) return 0 ;; esac; return 1; }

# runs_for TOOL INPUT: how many runs (0 = skip).
runs_for() {
	local t=$1 in=$2 n
	if ! is_slow "$t"; then
		n=$RUNS
		{ [ "$in" = corpus ] || [ "$in" = book ]; } && { [ "$QUICK" = 1 ] && n=1 || n=$(( RUNS < 2 ? RUNS : 2 )); }
		echo "$n"; return
	fi
	if [ "$QUICK" = 1 ]; then
		case $in in seed) n=1 ;; x10) [ "$t" = weasyprint ] && n=0 || n=1 ;; *) n=0 ;; esac
	else
		case $t:$in in
		wkhtmltopdf:seed|wkhtmltopdf:x10) n=3 ;;
		wkhtmltopdf:*) n=1 ;;
		pandoc-xelatex:seed) n=3 ;;
		pandoc-xelatex:x10) n=2 ;;
		pandoc-xelatex:x100) n=1 ;;
		weasyprint:seed) n=2 ;;
		weasyprint:x10) n=1 ;;
		*) n=0 ;;
		esac
		[ "$FULL" = 1 ] && [ "$n" = 0 ] && n=1
	fi
	(( n > RUNS )) && n=$RUNS
	echo "$n"
}

# The stylesheet for pandoc's standalone HTML: the same CJK face as md2pdf.
CSS=$W/in/cjk-head.html
cat >"$CSS" <<EOF
<style>
@page { size: A4; margin: 2cm; }
body { font-family: "$CJK_FONT", serif; font-size: 10.5pt; max-width: none; }
code, pre { font-family: "Noto Sans Mono CJK SC", monospace; }
img { max-width: 100%; }
</style>
EOF

# build_cmd TOOL FORMAT BASE OUT: sets CMD (run inside the input's folder).
build_cmd() {
	local t=$1 base=$3 out=$4
	case $t in
	md2txt|md2epub|md2pdf) CMD=("${BIN[$t]}" -q -o "$out" "$base") ;;
	floor) CMD=("$FLOOR" "$base.floor.txt" "$out") ;;
	pandoc-plain) CMD=(pandoc --quiet -t plain -o "$out" "$base") ;;
	pandoc-epub) CMD=(pandoc --quiet -o "$out" "$base") ;;
	pandoc-xelatex) CMD=(pandoc --quiet --pdf-engine=xelatex -V "CJKmainfont=$CJK_FONT"
	                     -V papersize=a4 -V geometry:margin=2cm -o "$out" "$base") ;;
	weasyprint) CMD=(sh -c 'pandoc --quiet -s -H "$1" -o "$3.html" "$2" && weasyprint -q "$3.html" "$3"'
	                 sh "$CSS" "$base" "$out") ;;
	wkhtmltopdf) CMD=(sh -c 'pandoc --quiet -s -H "$1" -o "$3.html" "$2" && wkhtmltopdf -q --enable-local-file-access -s A4 -T 20mm -B 20mm -L 20mm -R 20mm "$3.html" "$3"'
	                  sh "$CSS" "$base" "$out") ;;
	esac
}

ext_of() { case $1 in txt) echo txt ;; epub) echo epub ;; pdf) echo pdf ;; esac; }
pages_of() {
	[ "${1##*.}" = pdf ] && have pdfinfo || { echo 0; return; }
	pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2; f=1 } END { if (!f) print 0 }'
}
size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }

# floor_text MD: the article as plain paragraphs for the floor (md2txt's
# output if it exists, else pandoc's, else the Markdown minus front matter).
floor_text() {
	local md=$1 txt=$1.floor.txt
	if [ -n "${BIN[md2txt]:-}" ] && "${BIN[md2txt]}" -q -o "$txt" "$md" 2>/dev/null; then :
	elif have pandoc && pandoc --quiet -t plain --wrap=none -o "$txt" "$md" 2>/dev/null; then :
	else awk 'NR==1 && /^---/ { f=1; next } f && /^(---|\.\.\.)/ { f=0; next } !f' "$md" >"$txt"
	fi
}

# measure_one GROUP TOOL DIR BASE OUT: one run, appended to res/GROUP.TOOL.
measure_one() {
	local g=$1 t=$2 dir=$3 base=$4 out=$5
	build_cmd "$t" "" "$base" "$out"
	rm -f "$dir/$out"
	"$W/runone" -C "$dir" -l "$W/log/$g.$t.log" -- "${CMD[@]}"
}

# ---------------------------------------------------------------- inputs
make_repeat() {  # make_repeat N OUT: one front matter, body N times
	local n=$1 out=$2
	awk -v n="$n" '
		NR == 1 && /^---/ { fm = 1; print; next }
		fm { print; if (/^(---|\.\.\.)/) fm = 0; next }
		{ body = body $0 "\n" }
		END { for (i = 0; i < n; i++) printf "%s\n", body }' "$SEED" >"$out"
}
mkdir -p "$W/in/seed" "$W/in/x10" "$W/in/x100"
cp "$SEED" "$W/in/seed/seed.md"
make_repeat 10 "$W/in/x10/seed-x10.md"
make_repeat 100 "$W/in/x100/seed-x100.md"

CORPUS_MD=()
if [ -f "$CORPUS/SOURCES.tsv" ]; then
	if [ ! -f "$W/corpus/SOURCES.tsv" ]; then
		rm -rf "$W/corpus"; cp -r "$CORPUS" "$W/corpus"
	fi
	while IFS=$'\t' read -r folder _ _ _ _ _ md _; do
		[ "$folder" = folder ] && continue
		[ -f "$W/corpus/$folder/$md" ] && CORPUS_MD+=("$folder/$md")
	done <"$W/corpus/SOURCES.tsv"
else
	NOTES+=("no corpus at $CORPUS: corpus rows skipped")
fi

# ---------------------------------------------------------------- measuring
# Results: res/GROUP.TOOL holds one "secs kb status cpu size pages" line per run.
run_group() {  # run_group INPUT FORMAT DIR BASE
	local in=$1 fmt=$2 dir=$3 base=$4 g="$1.$2" t r max=0 line
	local -a tools=()
	for t in $(tools_for "$fmt"); do
		tool_ok "$t" || continue
		local n; n=$(runs_for "$t" "$in")
		(( n > 0 )) || { echo "skipped" >"$W/res/$g.$t"; continue; }
		tools+=("$t:$n"); (( n > max )) && max=$n
	done
	[ "$fmt" = pdf ] && [ -n "$FLOOR" ] && floor_text "$dir/$base"
	for (( r = 1; r <= max; r++ )); do
		for t in "${tools[@]}"; do
			(( r <= ${t#*:} )) || continue
			t=${t%%:*}
			local out="$base.$t.$(ext_of "$fmt")"
			say "  $in $fmt $t run $r"
			line=$(measure_one "$g" "$t" "$dir" "$base" "$out")
			echo "$line $(size_of "$dir/$out") $(pages_of "$dir/$out")" >>"$W/res/$g.$t"
		done
	done
}

# The corpus: each run of a tool converts all articles; one line per run
# with the total time, the largest RSS, failures, total size and pages.
run_corpus() {  # run_corpus FORMAT
	local fmt=$1 g="corpus.$1" t r max=0 md
	local -a tools=()
	for t in $(tools_for "$fmt"); do
		tool_ok "$t" || continue
		local n; n=$(runs_for "$t" corpus)
		(( n > 0 )) || { echo "skipped" >"$W/res/$g.$t"; continue; }
		tools+=("$t:$n"); (( n > max )) && max=$n
	done
	if [ "$fmt" = pdf ] && [ -n "$FLOOR" ]; then
		for md in "${CORPUS_MD[@]}"; do floor_text "$W/corpus/$md"; done
	fi
	for (( r = 1; r <= max; r++ )); do
		for t in "${tools[@]}"; do
			(( r <= ${t#*:} )) || continue
			t=${t%%:*}
			say "  corpus $fmt $t run $r (${#CORPUS_MD[@]} articles)"
			local tot=0 cpu=0 kb=0 fails=0 size=0 pages=0 s k st c
			for md in "${CORPUS_MD[@]}"; do
				local dir=$W/corpus/${md%/*} base=${md##*/}
				local out="$base.$t.$(ext_of "$fmt")"
				read -r s k st c < <(measure_one "$g" "$t" "$dir" "$base" "$out")
				read -r tot cpu < <(awk -v a="$tot" -v b="$s" -v x="$cpu" -v y="$c" \
					'BEGIN { printf "%.6f %.6f\n", a + b, x + y }')
				(( k > kb )) && kb=$k
				if [ "$st" != 0 ] || [ ! -s "$dir/$out" ]; then
					fails=$((fails + 1))
				else
					size=$((size + $(size_of "$dir/$out")))
					pages=$((pages + $(pages_of "$dir/$out")))
				fi
			done
			echo "$tot $kb $fails $cpu $size $pages" >>"$W/res/$g.$t"
		done
	done
}

# One EPUB book of several corpus articles: several inputs, one -o.
# book10 is the first ten articles of SOURCES.tsv, book all of them.
run_book() {  # run_book GROUP N
	local g=$1.epub t r n
	local -a tools=() mds=("${CORPUS_MD[@]:0:$2}")
	local rp; rp=$(printf '%s\n' "${mds[@]}" | sed 's,/[^/]*$,,' | paste -sd:)
	for t in md2epub pandoc-epub; do
		tool_ok "$t" || continue
		n=$(runs_for "$t" "$1"); (( n > 0 )) && tools+=("$t:$n")
	done
	for (( r = 1; r <= ${RUNS}; r++ )); do
		for t in "${tools[@]}"; do
			(( r <= ${t#*:} )) || continue
			t=${t%%:*}
			say "  $1 epub $t run $r (${#mds[@]} articles)"
			local out=$W/corpus/$1.$t.epub
			rm -f "$out"
			if [ "$t" = md2epub ]; then
				CMD=("${BIN[md2epub]}" -q -o "$out" "${mds[@]}")
			else
				CMD=(pandoc --quiet --resource-path="$rp" -o "$out" "${mds[@]}")
			fi
			local line; line=$("$W/runone" -C "$W/corpus" -l "$W/log/$g.$t.log" -- "${CMD[@]}")
			echo "$line $(size_of "$out") 0" >>"$W/res/$g.$t"
		done
	done
}

for fmt in txt epub pdf; do
	[[ $FORMATS == *,$fmt,* ]] || continue
	for in in seed x10 x100; do
		want "$in" || continue
		case $in in seed) base=seed.md ;; *) base=seed-$in.md ;; esac
		say "$in $fmt"
		run_group "$in" "$fmt" "$W/in/$in" "$base"
	done
	if want corpus && (( ${#CORPUS_MD[@]} > 0 )); then
		say "corpus $fmt"
		run_corpus "$fmt"
	fi
done
if want book10 && (( ${#CORPUS_MD[@]} >= 10 )); then
	say "book10 epub"
	run_book book10 10
fi
if want book && (( ${#CORPUS_MD[@]} > 0 )); then
	say "book epub"
	run_book book ${#CORPUS_MD[@]}
fi

# ---------------------------------------------------------------- report
# stats FILE KIND: "median_ms peak_kb size pages nruns bad median_cpu_ms" over the runs
# (KIND corpus: the status column counts failed articles).
stats() {
	awk -v kind="$2" '
		$1 == "skipped" { print "skipped"; exit }
		{
			n++; if ($2 > kb) kb = $2
			if (kind == "corpus" || $3 == 0) { ok++; t[ok] = $1 * 1000; c[ok] = $4 * 1000; size = $5; pages = $6 }
			if (kind == "corpus") fails = $3; else if ($3 != 0) bad = $3
		}
		END {
			if (n == 0) exit
			if (ok == 0) { printf "failed %d\n", bad; exit }
			for (i = 1; i <= ok; i++) for (j = i + 1; j <= ok; j++) {
				if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
				if (c[j] < c[i]) { x = c[i]; c[i] = c[j]; c[j] = x }
			}
			med = (ok % 2) ? t[(ok + 1) / 2] : (t[ok / 2] + t[ok / 2 + 1]) / 2
			cmed = (ok % 2) ? c[(ok + 1) / 2] : (c[ok / 2] + c[ok / 2 + 1]) / 2
			printf "%.1f %d %d %d %d %d %.1f\n", med, kb, size, pages, n, (kind == "corpus") ? fails : (n - ok), cmed
		}' "$1"
}
human_ms() { awk -v v="$1" 'BEGIN { if (v >= 10000) printf "%.1f s", v / 1000; else if (v >= 100) printf "%.0f ms", v; else printf "%.1f ms", v }'; }
human_kb() { awk -v v="$1" 'BEGIN { printf "%.0f MB", v / 1024 }'; }
human_size() { awk -v v="$1" 'BEGIN { if (v >= 1048576) printf "%.1f MB", v / 1048576; else printf "%.0f KB", v / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a > 0) printf "%.2f", a / b; else printf "–" }'; }

echo "| input | format | tool | runs | median time | CPU | peak RSS | output | pages | mdpress/this: time | CPU | RSS | size |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
HEADLINE=()
for g in seed x10 x100 corpus book10 book; do
	want "$g" || continue
	for fmt in txt epub pdf; do
		[[ $FORMATS == *,$fmt,* ]] || continue
		is_book=0; case $g in book*) is_book=1 ;; esac
		(( is_book )) && [ "$fmt" != epub ] && continue
		tools=$(tools_for "$fmt"); (( is_book )) && tools="md2epub pandoc-epub"
		mine=${tools%% *}
		kind=one; [ "$g" = corpus ] && kind=corpus
		ref=""
		[ -f "$W/res/$g.$fmt.$mine" ] && ref=$(stats "$W/res/$g.$fmt.$mine" $kind)
		case $ref in ""|skipped|failed*) ref="" ;; esac
		read -r rms rkb rsize _ _ _ rcpu <<<"${ref:-0 0 0 0 0 0 0}"
		inlabel=$g; case $g in corpus) inlabel="corpus (${#CORPUS_MD[@]}, total)" ;; book10) inlabel="corpus book (10 in 1)" ;; book) inlabel="corpus book (${#CORPUS_MD[@]} in 1)" ;; esac
		for t in $tools; do
			f=$W/res/$g.$fmt.$t
			if [ ! -f "$f" ]; then
				tool_ok "$t" || echo "| $inlabel | $fmt | $(label "$t") | – | not installed / not built | | | | | | | | |"
				continue
			fi
			s=$(stats "$f" $kind)
			case $s in
			skipped) echo "| $inlabel | $fmt | $(label "$t") | 0 | skipped (slow; BENCH_FULL=1) | | | | | | | | |"; continue ;;
			failed*) echo "| $inlabel | $fmt | $(label "$t") | – | failed (exit ${s#failed }; log/$g.$fmt.$t.log) | | | | | | | | |"; continue ;;
			esac
			read -r ms kb size pages n bad cpu <<<"$s"
			note=""
			if [ "$kind" = corpus ] && [ "$bad" != 0 ]; then note=" ($bad failed)"
			elif [ "$bad" != 0 ]; then note=" ($bad failed)"; fi
			pg=$pages; [ "$fmt" = pdf ] || pg=""
			if [ "$t" = "$mine" ]; then rt=""; rc=""; rr=""; rs=""
			else rt=$(ratio "$rms" "$ms")×; rc=$(ratio "$rcpu" "$cpu")×; rr=$(ratio "$rkb" "$kb")×; rs=$(ratio "$rsize" "$size")×; fi
			[ -z "$ref" ] && { rt=""; rc=""; rr=""; rs=""; }
			echo "| $inlabel | $fmt | $(label "$t")$note | $n | $(human_ms "$ms") | $(human_ms "$cpu") | $(human_kb "$kb") | $(human_size "$size") | $pg | $rt | $rc | $rr | $rs |"
			[ "$t" = floor ] && [ -n "$ref" ] && HEADLINE+=("$g: md2pdf/floor = $(ratio "$rms" "$ms")× wall time, $(ratio "$rcpu" "$cpu")× CPU time, $(ratio "$rkb" "$kb")× RSS, $(ratio "$rsize" "$size")× size")
		done
	done
done
echo
if (( ${#HEADLINE[@]} > 0 )); then
	echo "**Headline, md2pdf / pango+cairo floor** (target ≤ 1.3× time on seed and x100):"
	echo
	for h in "${HEADLINE[@]}"; do echo "- $h"; done
	echo
fi
echo "Runs alternate between tools; time and CPU (user+system) are medians over the runs, RSS the peak (whole process tree)."
echo "HTML-based rows include pandoc's Markdown→HTML step. Logs: $W/log/."
for n in "${NOTES[@]}"; do echo "- note: $n"; done
if want typst; then
	printf '\n### typst, and md2pdf in one process (tests/bench/typst.sh)\n\n'
	"$ROOT/tests/bench/typst.sh" "$BUILD"
fi
if want batch; then
	printf '\n### The corpus in one md2pdf process, and as one book (tests/bench/batch.sh)\n\n'
	BENCH_CORPUS=$CORPUS "$ROOT/tests/bench/batch.sh" "$BUILD" "$([ "$QUICK" = 1 ] && echo 1 || echo 3)"
fi
exit 0
