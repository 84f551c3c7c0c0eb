#!/usr/bin/env bash
# tests/fuzz/run.sh FUZZDIR SECONDS NAME... - run each libFuzzer target
# FUZZDIR/fuzz-NAME for SECONDS (wall clock), one after the other, on its
# growing corpus FUZZDIR/corpus-NAME plus the seeds: every Markdown file under
# tests/, each example of the spec files, and the regression inputs in
# tests/fuzz/regress/.  A crash is written as FUZZDIR/crash-* (libFuzzer's
# name); copy it to tests/fuzz/regress/ once fixed.  Exits non-zero when a
# target found a crash.
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
status=0
for name in "$@"; do
	corpus=$dir/corpus-$name
	mkdir -p "$corpus"
	echo "fuzz-$name: $secs s"
	# -rss_limit_mb: a hostile input must not need more than the 500 MB
	# the limits promise (plus the sanitizers' overhead)
	if ! "$dir/fuzz-$name" -max_total_time="$secs" -max_len=16384 -timeout=20 \
	        -rss_limit_mb=1500 -print_final_stats=1 -artifact_prefix="$dir/" \
	        "$corpus" "$seeds" "$ROOT/tests/fuzz/regress" 2>"$dir/fuzz-$name.log"; then
		status=1
		grep -a -A12 'ERROR\|SUMMARY\|Test unit written' "$dir/fuzz-$name.log" | head -40
	fi
	grep -a 'stat::number_of_executed_units\|stat::peak_rss_mb' "$dir/fuzz-$name.log" | sed 's/^/  /'
done
exit $status
