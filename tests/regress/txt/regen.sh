#!/usr/bin/env bash
# tests/regress/txt/regen.sh BUILD - rewrite the md2txt goldens
# (tests/regress/txt/NAME.txt) from the inputs listed in list.tsv.
# Review the diff before committing.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
cd "$root"
while IFS=$'\t' read -r name path; do
	case $name in '#'* | '') continue ;; esac
	"$build/md2txt" -q -o "tests/regress/txt/$name.txt" "$path"
done <tests/regress/txt/list.tsv
