# tests/lib.sh - sourced by tests/*/suite-*.sh.
# Provides: ROOT, BUILD, DATA (tests/data: the articles, images and spec files
# the tests read, see tests/data/SOURCES), SHARED (../shared: optional extra
# corpus, absent on a fresh clone), TMP (removed at exit), pass, fail,
# check (run a command, PASS if it succeeds), same_file (golden compare),
# fast (true under MDPRESS_FAST=1, i.e. the sanitizer run), corpus_mds.
ROOT=${MDPRESS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BUILD=${1:-${MDPRESS_BUILD:-$ROOT/build}}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
DATA=$ROOT/tests/data
SHARED=${MDPRESS_SHARED:-$ROOT/../shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mdpress-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: ${2:-failed}"; }
fast() { [ "${MDPRESS_FAST:-0}" = 1 ]; }

# check NAME CMD...: PASS when CMD exits 0, else FAIL with its last output line.
check() {
	local name=$1; shift
	local out
	if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(tail -n 3 <<<"$out" | tr '\n' ' ')"; fi
}

# same_file NAME GOLDEN ACTUAL: PASS when identical, else FAIL with a diff excerpt.
same_file() {
	if [ ! -f "$2" ]; then fail "$1" "golden $2 missing (make regen)"; return; fi
	if cmp -s "$2" "$3"; then pass "$1"; else
		fail "$1" "differs from ${2#$ROOT/}"
		diff -u "$2" "$3" | head -n 20 | sed 's/^/    /'
	fi
}

# corpus_mds: one article file a line for the corpus sweeps: every article of
# tests/data/corpus, then, as an optional extra when ../shared is there, the
# other articles of ../shared/corpus/dev (each folder once).
corpus_mds() {
	local md d
	for md in "$DATA"/corpus/*/*.md; do [ -f "$md" ] && printf '%s\n' "$md"; done
	[ -d "$SHARED/corpus/dev" ] || return 0
	for md in "$SHARED"/corpus/dev/*/*.md; do
		d=${md%/*}
		[ -f "$md" ] && [ ! -d "$DATA/corpus/${d##*/}" ] && printf '%s\n' "$md"
	done
	return 0
}
# The number of articles in tests/data/corpus: what a sweep must reach.
DATA_ARTICLES=$(ls "$DATA"/corpus/*/*.md 2>/dev/null | wc -l)

# split_spec_examples DIR: every example of the spec files in
# tests/data/spec/ (spec, extensions, regression, smart_punct) as
# DIR/NAME-NNNN.md (the Markdown half of each; "→" in the spec stands for a
# tab), numbered from 1 in each file as the spec's own example numbers are.
SPEC_DIR=$ROOT/tests/data/spec
SPEC_FILES="spec extensions regression smart_punct"
split_spec_examples() {
	mkdir -p "$1"
	local s
	for s in $SPEC_FILES; do
		awk -v dir="$1" -v pre="$s" '
		/^```````````````````````````````` example/ { n++; inex = 1; md = 1; f = sprintf("%s/%s-%04d.md", dir, pre, n); printf "" > f; next }
		inex && md && /^\.$/ { md = 0; close(f); next }
		inex && /^````````````````````````````````$/ { inex = 0; next }
		inex && md { gsub(/→/, "\t"); print > f }
		' "$SPEC_DIR/$s.txt"
	done
}

# split_spec_expected DIR: the expected HTML of every example, as
# DIR/NAME-NNNN.html, named as split_spec_examples names the Markdown.
split_spec_expected() {
	mkdir -p "$1"
	local s
	for s in $SPEC_FILES; do
		awk -v dir="$1" -v pre="$s" '
		/^```````````````````````````````` example/ { n++; inex = 1; md = 1; f = sprintf("%s/%s-%04d.html", dir, pre, n); printf "" > f; next }
		inex && md && /^\.$/ { md = 0; next }
		inex && /^````````````````````````````````$/ { inex = 0; close(f); next }
		inex && !md { gsub(/→/, "\t"); print > f }
		' "$SPEC_DIR/$s.txt"
	done
}
