#!/usr/bin/env bash
# Model-dump goldens: parser and normaliser changes show up as readable diffs.
exec "$(dirname "$0")/tree/check.sh" "${1:-build}"
