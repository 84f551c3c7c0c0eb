#!/usr/bin/env bash
# tests/run.sh BUILD - run the whole suite against the binaries in BUILD:
# the unit tests, then every executable tests/*/suite-*.sh in name order.
# Each prints "PASS name" / "FAIL name: why" lines; this script counts them
# and ends with "N passed, N failed".  MDPRESS_FAST=1 (the ASan run) asks
# suites to skip slow external validators.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$root/$build ;; esac
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000 MDPRESS_ROOT=$root MDPRESS_BUILD=$build
cd "$root" || exit 2

log=$(mktemp)
trap 'rm -f "$log"' EXIT
broken=0

run_one() {
	local name=$1; shift
	local start=$SECONDS one
	one=$(mktemp)
	"$@" >"$one" 2>&1
	local rc=$?
	cat "$one" >>"$log"
	grep -a '^FAIL' "$one"
	local n_pass n_fail
	n_pass=$(grep -ac '^PASS ' "$one")
	n_fail=$(grep -ac '^FAIL ' "$one")
	rm -f "$one"
	printf '%-40s %4d passed %3d failed  %3ds\n' "$name" "$n_pass" "$n_fail" $((SECONDS - start))
	if [ "$rc" -ne 0 ] && [ "$n_fail" -eq 0 ]; then
		echo "FAIL $name: exited $rc without reporting a failure" | tee -a "$log"
		broken=1
	fi
}

run_one unit "$build/unit-tests"
for suite in tests/*/suite-*.sh; do
	[ -x "$suite" ] || continue
	run_one "$suite" "$suite" "$build"
done

passed=$(grep -ac '^PASS ' "$log")
failed=$(grep -ac '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
