#!/usr/bin/env bash
# valgrind on the seed in each format (issue 12): no invalid read or write,
# no use of uninitialised memory, no definite leak.  Skipped in the
# sanitizer run (valgrind cannot run ASan binaries) and without valgrind
# (make deps installs it).
. "$(dirname "$0")/../lib.sh"
if fast; then pass valgrind-skipped-under-asan; exit 0; fi
if ! command -v valgrind >/dev/null; then pass valgrind-not-installed-skipped; exit 0; fi
seed=$ROOT/tests/regress/seed/seed.md
for t in md2txt md2epub md2pdf; do
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --suppressions="$ROOT/tests/hostile/valgrind.supp" \
		--log-file="$TMP/vg.$t" \
		"$BUILD/$t" -q -o "$TMP/seed.${t#md2}" "$seed"
	rc=$?
	if [ $rc = 0 ] && [ ! -s "$TMP/vg.$t" ]; then pass "valgrind-$t-seed"
	else fail "valgrind-$t-seed" "exit $rc: $(grep -m3 '==' "$TMP/vg.$t" | tr '\n' ' ')"; fi
done
