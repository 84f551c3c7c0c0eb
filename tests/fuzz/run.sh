#!/usr/bin/env bash
# tests/fuzz/run.sh FUZZDIR SECONDS NAME... - run each libFuzzer target
# FUZZDIR/fuzz-NAME for SECONDS (wall clock), one after the other, on its
# growing corpus FUZZDIR/corpus-NAME plus the seeds: every Markdown file under
# tests/, each example of the spec files, and the regression inputs in
# tests/fuzz/regress/.  With FUZZ_CPU=N in the environment a target stops
# instead once it has used N seconds of CPU (on a shared machine wall time
# says little about how much fuzzing was done).
#
# Each run prints its CPU time and executions and appends them to
# FUZZDIR/fuzz-totals.tsv (date, commit, target, CPU s, execs, exit), so that
# runs in several sittings add up.  A crash is written as FUZZDIR/crash-*
# (libFuzzer's name); copy it to tests/fuzz/regress/ once fixed.  Exits
# non-zero when a target found a crash.
set -u
dir=$1 secs=$2
shift 2
. "$(dirname "$0")/../lib.sh" "$dir"
seeds=$dir/seeds
if [ ! -d "$seeds" ]; then
	split_spec_examples "$seeds"
	i=0
	while IFS= read -r -d '' f; do
		i=$((i + 1))
		cp "$f" "$seeds/article-$i.md"
	done < <(find "$ROOT/tests" -name '*.md' -size -64k -print0)
fi
export LSAN_OPTIONS=suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=0
# the commit the targets were built from (`make fuzz-build` notes it)
commit=$(cat "$dir/commit" 2>/dev/null || git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
tck=$(getconf CLK_TCK)

# cpu_ticks PID: user + system time of a running process, in clock ticks
cpu_ticks() {
	local stat rest
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	rest=${stat##*) }          # the fields after "pid (comm) "
	set -- $rest
	echo $((${12} + ${13}))    # utime, stime (fields 14 and 15)
}

# stop_at_cpu PID SECONDS: interrupt PID (libFuzzer then prints its final
# stats and exits) once it has used SECONDS of CPU
stop_at_cpu() {
	local t
	while t=$(cpu_ticks "$1"); do
		if [ "$t" -ge $(($2 * tck)) ]; then
			kill -INT "$1" 2>/dev/null
			return
		fi
		sleep 2
	done
}

# children_cpu: CPU seconds used so far by this shell's waited-for children
# (`times` runs in this shell: in a $(...) subshell it would count nothing)
children_cpu() {
	times >"$TMP/times"
	awk 'NR == 2 {
		n = split($1 " " $2, f, " "); s = 0
		for (i = 1; i <= n; i++) { split(f[i], ms, "m"); s += ms[1] * 60 + ms[2] }
		printf "%.1f", s }' "$TMP/times"
}

# the PNG encoder's seeds: the tests' small PNG files, and one of each kind
# tests/pdf/pngs.py makes (every colour type and depth, all five filter
# types in one file, opaque and translucent alpha, damaged streams)
png_seeds=$dir/seeds-png
if [ ! -d "$png_seeds" ]; then
	mkdir -p "$png_seeds"
	i=0
	while IFS= read -r -d '' f; do
		i=$((i + 1))
		cp "$f" "$png_seeds/image-$i.png"
	done < <(find "$ROOT/tests" -name '*.png' -size -64k -print0)
	python3 "$ROOT/tests/pdf/pngs.py" "$png_seeds" ||
		echo "run.sh: tests/pdf/pngs.py failed; the png seeds lack its kinds" >&2
fi

status=0
for name in "$@"; do
	corpus=$dir/corpus-$name
	seed_dir=$seeds
	[ "$name" = png ] && seed_dir=$png_seeds
	log=$dir/fuzz-$name.log
	mkdir -p "$corpus"
	if [ -n "${FUZZ_CPU:-}" ]; then
		echo "fuzz-$name: until ${FUZZ_CPU} s of CPU (at most $secs s wall)"
	else
		echo "fuzz-$name: $secs s"
	fi
	children_cpu >"$TMP/before"
	start=$(date +%s)
	# -rss_limit_mb: a hostile input must not need more than the 500 MB
	# the limits promise (plus the sanitizers' overhead)
	"$dir/fuzz-$name" -max_total_time="$secs" -max_len=16384 -timeout=20 \
		-rss_limit_mb=1500 -print_final_stats=1 -artifact_prefix="$dir/" \
		"$corpus" "$seed_dir" "$ROOT/tests/fuzz/regress" 2>"$log" &
	pid=$!
	monitor=
	if [ -n "${FUZZ_CPU:-}" ]; then
		stop_at_cpu "$pid" "$FUZZ_CPU" &
		monitor=$!
	fi
	wait "$pid"
	rc=$?
	# before the monitor is reaped: its own few seconds are not counted
	children_cpu >"$TMP/after"
	[ -n "$monitor" ] && wait "$monitor"
	cpu=$(awk -v a="$(cat "$TMP/before")" -v b="$(cat "$TMP/after")" 'BEGIN { printf "%.1f", b - a }')
	wall=$(($(date +%s) - start))
	execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{ print $2 }')
	rss=$(grep -a 'stat::peak_rss_mb' "$log" | awk '{ print $2 }')
	# 72: libFuzzer's exit after the SIGINT that ends a FUZZ_CPU run
	if [ $rc -ne 0 ] && ! { [ $rc -eq 72 ] && [ -n "$monitor" ] && ! grep -aq 'ERROR\|Test unit written' "$log"; }; then
		status=1
		grep -a -A12 'ERROR\|SUMMARY\|Test unit written' "$log" | head -40
	else
		rc=0
	fi
	printf '  %s s CPU (%s CPU-min), %s s wall, %s executions, peak RSS %s MB, commit %s\n' \
		"$cpu" "$(awk -v c="$cpu" 'BEGIN { printf "%.1f", c / 60 }')" "$wall" \
		"${execs:-?}" "${rss:-?}" "$commit"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$commit" "$name" "$cpu" \
		"${execs:-0}" "$rc" >>"$dir/fuzz-totals.tsv"
done
# the totals of every run recorded in this folder, per target
if [ -s "$dir/fuzz-totals.tsv" ]; then
	echo "all runs in $dir so far:"
	awk -F'\t' '{ c[$3] += $4; e[$3] += $5 }
		END { for (n in c) printf "  fuzz-%s: %.1f CPU-min, %d executions\n", n, c[n] / 60, e[n] }' \
		"$dir/fuzz-totals.tsv" | sort
fi
exit $status
