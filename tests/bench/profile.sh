#!/usr/bin/env bash
# tests/bench/profile.sh BUILD - where md2pdf and md2epub spend their
# instructions: each runs under valgrind --tool=callgrind on the seed and on
# the seed x100, and callgrind_annotate prints the top functions, both
# exclusive (self) and inclusive.  The pango+cairo floor (floor.c) runs too,
# on the same text, so the cost md2pdf shares with it (fontconfig set-up,
# pango shaping, cairo font subsetting) can be told from md2pdf's own.
# Needs valgrind (make deps-bench).
# Output files: BUILD/bench/profile/*.callgrind (open with kcachegrind).
# Environment: PROFILE_TOP=N functions per listing (default 25),
#              PROFILE_INPUTS="seed x100", PROFILE_TOOLS="md2pdf md2epub floor".
set -u
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
P=$BUILD/bench/profile
TOP=${PROFILE_TOP:-25}
command -v valgrind >/dev/null || { echo "profile.sh: valgrind not installed (make deps-bench)" >&2; exit 1; }
mkdir -p "$P"

SEED=$ROOT/tests/regress/seed/seed.md
cp "$SEED" "$P/seed.md"
awk -v n=100 '
	NR == 1 && /^---/ { fm = 1; print; next }
	fm { print; if (/^(---|\.\.\.)/) fm = 0; next }
	{ body = body $0 "\n" }
	END { for (i = 0; i < n; i++) printf "%s\n", body }' "$SEED" >"$P/x100.md"

cc -std=c17 -O2 -g -Wall -Wextra -Werror -o "$P/floor" "$ROOT/tests/bench/floor.c" \
	$(pkg-config --cflags --libs pangocairo cairo-pdf) || exit 1
for in in seed x100; do
	if [ -x "$BUILD/md2txt" ]; then "$BUILD/md2txt" -q -o "$P/$in.txt" "$P/$in.md"
	else awk 'NR==1 && /^---/ { f=1; next } f && /^---/ { f=0; next } !f' "$P/$in.md" >"$P/$in.txt"; fi
done

for tool in ${PROFILE_TOOLS:-md2pdf md2epub floor}; do
	if [ "$tool" = floor ]; then :
	elif ! make -C "$ROOT" -s BUILD="$BUILD" "$tool" >"$P/build-$tool.log" 2>&1; then
		echo "## $tool: does not build, skipped (see $P/build-$tool.log)"
		continue
	fi
	ext=${tool#md2}
	for in in ${PROFILE_INPUTS:-seed x100}; do
		out=$P/$tool.$in.callgrind
		rm -f "$out"
		echo "## $tool $in.md"
		if [ "$tool" = floor ]; then cmd=("$P/floor" "$in.txt" "$in.floor.pdf")
		else cmd=("$BUILD/$tool" -q -o "$in.$ext" "$in.md"); fi
		( cd "$P" && valgrind --tool=callgrind --callgrind-out-file="$out" "${cmd[@]}" ) \
		    >"$P/$tool.$in.log" 2>&1
		grep -q 'Process terminating' "$P/$tool.$in.log" &&
			echo "   CRASHED under valgrind: $(grep -A2 'Process terminating' "$P/$tool.$in.log" | tail -n 2 | tr -s ' ' | tr '\n' ' ')"
		if [ ! -s "$out" ]; then
			echo "   callgrind failed, see $P/$tool.$in.log"; continue
		fi
		total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { print $1; exit }')
		echo "   total instructions: $total"
		echo '```'
		echo "self (exclusive):"
		callgrind_annotate --threshold=100 "$out" 2>/dev/null |
			awk '/^-+$/ { sep++; next } sep >= 3 && NF && !/^ *Ir/ && !/PROGRAM TOTALS/' | head -n "$TOP"
		echo
		echo "inclusive:"
		callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
			awk '/^-+$/ { sep++; next } sep >= 3 && NF && !/^ *Ir/ && !/PROGRAM TOTALS/' | head -n "$TOP"
		echo '```'
	done
done
