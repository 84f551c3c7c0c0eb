#!/usr/bin/env bash
# Limits (issue 12): each has a default, an option, and a clear message
# when exceeded; a run that fails leaves no output behind.
. "$(dirname "$0")/../lib.sh"

# --max-pages: a long article fails with the limit named, and no PDF.
python3 -c "print('\n\n'.join('paragraph %d of a long article.' % i for i in range(400)))" >"$TMP/long.md"
"$BUILD/md2pdf" --max-pages 3 -o "$TMP/long.pdf" "$TMP/long.md" 2>"$TMP/err"
rc=$?
if [ $rc -ne 1 ]; then fail limit-pages "exit $rc, want 1"
elif ! grep -q 'error: output longer than 3 pages (--max-pages)' "$TMP/err"; then fail limit-pages "message: $(cat "$TMP/err")"
elif [ -e "$TMP/long.pdf" ] || ls -A "$TMP" | grep -q '^\.'; then fail limit-pages "output or temporary file left"
else pass limit-pages; fi
if "$BUILD/md2pdf" -q --max-pages 30 -o "$TMP/long.pdf" "$TMP/long.md" &&
   [ "$(pdfinfo "$TMP/long.pdf" | awk '/^Pages:/ {print $2}')" -le 30 ]; then pass limit-pages-raised
else fail limit-pages-raised "400 short paragraphs did not fit 30 pages"; fi
