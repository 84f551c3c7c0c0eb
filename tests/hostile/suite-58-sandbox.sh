#!/usr/bin/env bash
# The resource sandbox (issue 12): an article may make mdpress read files
# inside its own folder, --resource-path folders and --resource-root only.
# Each way out (relative escape, absolute path, file: URL, symlink, raw
# HTML, front matter cover, an SVG's references) is refused with a warning
# and a placeholder, and the secret file's bytes are in no output.  Then
# --allow-any-path reads it again: proof that the checks can see a leak.
. "$(dirname "$0")/../lib.sh"

png() { python3 "$ROOT/tests/hostile/mkpng.py" "$@"; }
S=$TMP/site
mkdir -p "$S/art" "$S/secret" "$S/extra" "$S/root/img"
png "$S/secret/secret.png" 8 8 SECRETBYTES42
png "$S/art/ok.png" 8 8 OKBYTES
png "$S/extra/more.png" 8 8 EXTRABYTES
png "$S/root/img/site.png" 8 8 SITEBYTES
ln -s ../secret/secret.png "$S/art/link.png"
ln -s "$S/secret" "$S/art/linkdir"
cat >"$S/art/evil.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40">
<image width="20" height="20" xlink:href="../secret/secret.png"/>
<image x="20" width="20" height="20" xlink:href="file://$S/secret/secret.png"/>
</svg>
SVG

# one article per attempt: NAME|Markdown
attempts=(
	"relative|![x](../secret/secret.png)"
	"absolute|![x]($S/secret/secret.png)"
	"file-url|![x](file://$S/secret/secret.png)"
	"symlink|![x](link.png)"
	"symlink-dir|![x](linkdir/secret.png)"
	"encoded|![x](..%2Fsecret%2Fsecret.png)"
	"html-abs|<img src=\"$S/secret/secret.png\" alt=\"x\">"
	"html-rel|<p>text <img src=\"../secret/secret.png\"></p>"
	"cover|---
title: T
cover: ../secret/secret.png
---
text"
)

text_of() {
	case $1 in
	md2txt) cat "$2" ;;
	md2epub) unzip -p "$2" '*.xhtml' ;;
	md2pdf) pdftotext -q "$2" - ;;
	esac
}

for a in "${attempts[@]}"; do
	name=${a%%|*}
	printf '%s\n\n![fine](ok.png)\n' "${a#*|}" >"$S/art/$name.md"
	for t in md2txt md2epub md2pdf; do
		out=$TMP/$name.${t#md2}
		"$BUILD/$t" -o "$out" "$S/art/$name.md" 2>"$TMP/err"
		rc=$?
		if [ $rc -ne 0 ]; then fail "sandbox-$t-$name" "exit $rc: $(tail -n1 "$TMP/err")"; continue; fi
		# md2txt never reads a cover, so it has nothing to refuse there
		# an absolute path is no file of the article without --resource-root
		want="image outside the article's folder not read"
		case $name in absolute | html-abs) want="absolute image path not read without --resource-root" ;; esac
		if ! grep -q "warning: $want" "$TMP/err" &&
		   [ $t-$name != md2txt-cover ]; then
			fail "sandbox-$t-$name" "no refusal warning: $(cat "$TMP/err")"; continue; fi
		if grep -aq SECRETBYTES42 "$out" || { [ $t = md2epub ] && unzip -p "$out" | grep -aq SECRETBYTES42; }; then
			fail "sandbox-$t-$name" "the secret file's bytes are in the output"; continue; fi
		if [ $t = md2pdf ] && [ "$(pdfimages -list "$out" | tail -n +3 | wc -l)" != 1 ]; then
			fail "sandbox-$t-$name" "want only ok.png drawn: $(pdfimages -list "$out" | tail -n +3)"; continue; fi
		if [ $t = md2epub ] && [ "$(unzip -l "$out" | grep -c 'images/')" != 1 ]; then
			fail "sandbox-$t-$name" "want only ok.png packed: $(unzip -l "$out" | grep images/)"; continue; fi
		if [ $t != md2txt ] && ! text_of $t "$out" | grep -qi 'image'; then
			fail "sandbox-$t-$name" "no placeholder"; continue; fi
		pass "sandbox-$t-$name"
	done
done

# An SVG inside the folder cannot reach out either: md2pdf draws no bitmap
# from it, md2epub packs none.
printf '![svg](evil.svg)\n' >"$S/art/svg.md"
"$BUILD/md2pdf" -q -o "$TMP/svg.pdf" "$S/art/svg.md"
if [ "$(pdfimages -list "$TMP/svg.pdf" | tail -n +3 | wc -l)" = 0 ]; then pass sandbox-md2pdf-svg-refs
else fail sandbox-md2pdf-svg-refs "the SVG drew a file from outside"; fi
"$BUILD/md2epub" -q -o "$TMP/svg.epub" "$S/art/svg.md"
if unzip -p "$TMP/svg.epub" | grep -aq SECRETBYTES42 || unzip -l "$TMP/svg.epub" | grep -q '\.png'; then
	fail sandbox-md2epub-svg-refs "a file the SVG names was packed"
else pass sandbox-md2epub-svg-refs; fi

# Allowed folders: --resource-path, and site-absolute paths under --resource-root.
printf '![a](more.png)\n\n![b](/img/site.png)\n\n![c](/../secret/secret.png)\n' >"$S/art/allowed.md"
"$BUILD/md2epub" --resource-path "$S/extra" --resource-root "$S/root" -o "$TMP/allowed.epub" \
	"$S/art/allowed.md" 2>"$TMP/err"
if [ "$(unzip -l "$TMP/allowed.epub" | grep -c 'images/')" = 2 ] &&
   unzip -p "$TMP/allowed.epub" | grep -aq EXTRABYTES && unzip -p "$TMP/allowed.epub" | grep -aq SITEBYTES &&
   grep -q "not read: /../secret/secret.png" "$TMP/err" && ! unzip -p "$TMP/allowed.epub" | grep -aq SECRETBYTES42
then pass sandbox-resource-path-and-root
else fail sandbox-resource-path-and-root "$(unzip -l "$TMP/allowed.epub" | grep images/; cat "$TMP/err")"; fi

# A site-absolute path resolves against --resource-root only: not against
# the article's folder, even where the file is there.
printf '![s](/ok.png)\n' >"$S/art/rootless.md"
for t in md2txt md2epub md2pdf; do
	"$BUILD/$t" -o "$TMP/rootless.${t#md2}" "$S/art/rootless.md" 2>"$TMP/err"
	rc=$?
	if [ $rc = 0 ] && grep -q 'rootless.md:1:1: warning: absolute image path not read without --resource-root: /ok.png \[-Wrefused-image\]' "$TMP/err" &&
	   ! { unzip -p "$TMP/rootless.${t#md2}" 2>/dev/null || cat "$TMP/rootless.${t#md2}"; } | grep -aq OKBYTES; then
		pass "sandbox-$t-site-path-needs-root"
	else fail "sandbox-$t-site-path-needs-root" "exit $rc: $(cat "$TMP/err")"; fi
done
if "$BUILD/md2epub" --resource-root "$S/art" -o "$TMP/rooted.epub" "$S/art/rootless.md" 2>"$TMP/err" &&
   [ ! -s "$TMP/err" ] && unzip -p "$TMP/rooted.epub" | grep -aq OKBYTES; then pass sandbox-site-path-with-root
else fail sandbox-site-path-with-root "$(cat "$TMP/err")"; fi

# Without --resource-path the extra folder is out of bounds too.
"$BUILD/md2epub" -o "$TMP/noextra.epub" "$S/art/allowed.md" 2>"$TMP/err"
if unzip -p "$TMP/noextra.epub" | grep -aq EXTRABYTES; then fail sandbox-no-resource-path "read more.png without --resource-path"
else pass sandbox-no-resource-path; fi

# Positive control: --allow-any-path reads the secret, and the checks see it.
"$BUILD/md2epub" -q --allow-any-path -o "$TMP/any.epub" "$S/art/absolute.md"
"$BUILD/md2pdf" -q --allow-any-path -o "$TMP/any.pdf" "$S/art/relative.md"
if unzip -p "$TMP/any.epub" | grep -aq SECRETBYTES42 &&
   [ "$(pdfimages -list "$TMP/any.pdf" | tail -n +3 | wc -l)" = 2 ]; then pass sandbox-allow-any-path
else fail sandbox-allow-any-path "--allow-any-path did not read the file"; fi
