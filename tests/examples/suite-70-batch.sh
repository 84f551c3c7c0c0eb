#!/usr/bin/env bash
# tests/examples/suite-70-batch.sh BUILD - the one-machine GNU parallel
# recipes of docs/batch.md, run as written (the blocks after a "tested:"
# marker) over a small archive from tests/data: every good article gets its
# PDF and dependency file, a broken one fails alone and is named in the job
# log, and the per-article and per-folder forms give the same bytes as a
# plain md2pdf run.
. "$(dirname "$0")/../lib.sh"
DOC=$ROOT/docs/batch.md
if ! command -v parallel >/dev/null; then fail batch-parallel-installed "GNU parallel missing (make deps)"; exit 0; fi
[ -x "$BUILD/md2pdf" ] || { fail batch-md2pdf "$BUILD/md2pdf missing"; exit 0; }
export PATH=$BUILD:$PATH

# block NAME: the first ```sh block after the "<!-- tested: NAME" marker
block() {
	awk -v name="$1" 'index($0, "<!-- tested: " name " ") == 1 { want = 1; next }
		want && /^```sh$/ { inb = 1; next }
		inb && /^```$/ { exit }
		inb { print }' "$DOC"
}

# The archive: folders with one or two articles, a space in a name, images
# beside the articles, and one article that cannot be converted.
W=$TMP/work
C=$DATA/corpus
mkdir -p "$W/archive/zh/news" "$W/archive/en" "$W/archive/bad"
cp "$C/ws-zh-news-20200607/20200607.md" "$C/wsh-zh-blog-liujingang09-2021-01-29-sudo-cve-2021-3156/"*.md "$W/archive/zh/news/"
cp -r "$C/ws-zh-interaction-2020-03-03-sample-post" "$W/archive/zh/sample post"
cp -r "$C/ws-en-blog-wangshuo-Introduction_to_NuttX_tmpfs" "$W/archive/en/nuttx"
cp -r "$C/docs-zh-Container-security-features-11e635" "$W/archive/zh/security"
printf -- '---\ntitle: Broken\n---\nBad \xff byte.\n' >"$W/archive/bad/bad.md"
(cd "$W" && find archive -name '*.md' | sort) >"$TMP/articles"
good=$(grep -vc '^archive/bad/' "$TMP/articles")

for form in local by-folder; do
	code=$(block "$form")
	if [ -z "$code" ]; then fail "batch-$form" "no tested block '$form' in docs/batch.md"; continue; fi
	rm -rf "$W/pdf"
	(cd "$W" && bash -c "$code") >"$TMP/$form.out" 2>"$TMP/$form.err"
	rc=$?
	made=0 bad=
	while read -r a; do
		p=$W/pdf/${a%.md}.pdf
		case $a in
		archive/bad/*) [ -e "$p" ] && bad="$bad $a(written)" ;;
		*) if [ -s "$p" ] && [ -n "$(pdftotext "$p" - 2>/dev/null | tr -d ' \n\f')" ]; then made=$((made + 1))
		   else bad="$bad $a"; fi ;;
		esac
	done <"$TMP/articles"
	if [ "$rc" = 1 ] && [ "$made" = "$good" ] && [ -z "$bad" ] &&
		grep -q 'bad\.md:[0-9]*:[0-9]*: error' "$TMP/$form.err"; then pass "batch-$form"
	else fail "batch-$form" "exit $rc, $made of $good PDFs, wrong:$bad; $(head -n 2 "$TMP/$form.err" | tr '\n' ' ')"; fi
	log=$W/jobs.log; [ "$form" = by-folder ] && log=$W/jobs-by-folder.log
	failed=$(awk -F'\t' 'NR > 1 && $7 != 0 { print $NF }' "$log" 2>/dev/null)
	if [ "$(wc -l <<<"$failed")" = 1 ] && [[ $failed == *archive/bad* ]]; then pass "batch-$form-joblog-names-failure"
	else fail "batch-$form-joblog-names-failure" "non-zero rows: $(tr '\n' ' ' <<<"$failed")"; fi
	mv "$W/pdf" "$W/pdf-$form"
done

# the per-article form's dependency files list the article and its images
d="$W/pdf-local/archive/zh/sample post/2020-03-03-sample-post.pdf.d"
if [ -f "$d" ] && head -n 1 "$d" | grep -qF 'pdf/archive/zh/sample\ post/2020-03-03-sample-post.pdf:' &&
	grep -qF 'archive/zh/sample\ post/2020-03-03-sample-post-01.png' "$d"; then pass batch-dependency-files
else fail batch-dependency-files "$(head -n 3 "$d" 2>/dev/null | tr '\n' ' ')"; fi

# hermetic and reproducible: both forms and a plain run give the same bytes
diff=
while read -r a; do
	case $a in archive/bad/*) continue ;; esac
	p=${a%.md}.pdf
	(cd "$W" && md2pdf -q -o "$TMP/direct.pdf" "$a")
	cmp -s "$W/pdf-local/$p" "$W/pdf-by-folder/$p" && cmp -s "$W/pdf-local/$p" "$TMP/direct.pdf" || diff="$diff $a"
done <"$TMP/articles"
[ -z "$diff" ] && pass batch-same-bytes || fail batch-same-bytes "differ:$diff"
exit 0
