#!/usr/bin/env bash
# tests/regen.sh BUILD - rewrite every golden file after an intended change.
# Each golden set has its own regen entry point; review `git diff` afterwards.
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
tests/regress/tree/check.sh "$build" regen
for script in tests/regress/*/regen.sh; do
	[ -x "$script" ] && "$script" "$build"
done
MDPRESS_REGEN=1 tests/corpus/suite-30-epub.sh "$build" >/dev/null
git status --short tests/regress
