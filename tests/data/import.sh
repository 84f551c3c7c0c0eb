#!/usr/bin/env bash
# tests/data/import.sh [SHARED] - how tests/data/corpus, images and spec were
# made from the shared material (default ../shared): the articles the suites
# name, copied whole, with every image over 40 KB shrunk (at most 640 px,
# PNG to 64 colours, JPEG at quality 60) in its own format and name, so the
# repository stays small.  Needs ImageMagick's convert (Debian: imagemagick);
# only whoever refreshes the copy runs this, never the tests.  It rewrites
# tests/data/SOURCES from ../shared/corpus/dev/SOURCES.tsv.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "${1:-$here/../../../shared}" && pwd)
dev=$shared/corpus/dev
convert=${CONVERT:-/usr/bin/convert}
identify=${IDENTIFY:-/usr/bin/identify}

# The articles: the golden cases tests/regress/corpus/*.md link to, the
# layout and photo checks of suite-40-pdf.sh, the cover of suite-30-epub.sh.
articles=(
	docs-en-Container-cri
	docs-en-Kubernetes-eggo-automatic-deployment
	docs-en-Kubernetes-installing-etcd
	docs-en-desktop-HAuserguide
	docs-zh-Administration-basic-configuration-54eaa2
	docs-zh-Container-appendix-b6d6f3
	docs-zh-Container-security-features-11e635
	ws-en-blog-bluesky1213-2020-06-30-The-Future-of-Cloud-in-a-COVID-19-Era
	ws-en-blog-fred_li-2020-03-25-apply-for-vm-from-pcl
	ws-en-blog-wangshuo-Introduction_to_NuttX_tmpfs
	ws-en-news-20220731-report07
	ws-zh-blog-20220802-loop-interchange-20220802-loop-interchange
	ws-zh-blog-MrRlu-2021-01-04-openEuler_eBPF_introduce
	ws-zh-blog-rosinL-2022-8-16-Ceph-community-news_2022-7-1_2022-7-31-8daa37
	ws-zh-blog-trainey-yaml_compilation_guide
	ws-zh-interaction-2020-03-03-sample-post
	ws-zh-news-20200607
	wsh-en-blog-wangshuo-Glibc_Malloc_Principle
	wsh-zh-blog-liujingang09-2021-01-29-sudo-cve-2021-3156
)
# Single images for tests/unit (kept byte for byte: the unit test checks
# their sizes in pixels).
images=(
	ws-en-blog-lifeng2221dd1-2020-09-14-isulad-architecture/2020-09-14-isulad-architecture-02.jpg
	docs-en-Container-isula-build/public_sys-resources/icon-note.gif
	ws-zh-blog-yorifang-2020-10-24-arm-virtualization-overview/aarch64_exception_levels_2.svg
)

rm -rf "$here/corpus" "$here/images"
mkdir -p "$here/corpus" "$here/images" "$here/spec"
# origin FOLDER: "https://gitee.com/... at COMMIT" style origin of its .md
origin_dir() {
	awk -F'\t' -v f="$1" '$1 == f { d = $4; sub(/\/[^\/]*$/, "", d); print $2 "\t" $3 "\t" d }' "$dev/SOURCES.tsv"
}
licence() {
	case $1 in
	openeuler-mirror/website-v2) echo "Mulan PSL v2 (openEuler website)" ;;
	openeuler-mirror/docs) echo "CC BY-SA 4.0 (openEuler docs)" ;;
	*) echo "unknown" ;;
	esac
}
{
	printf '# tests/data: where each file comes from and under which licence.\n'
	printf '# Articles from the openEuler repositories on gitee.com (mirrored on GitHub as\n'
	printf '# openeuler-mirror/...); images keep the path the article uses.\n'
	printf '# file\torigin (repository, commit, path)\tlicence\tchanges\n'
	for a in "${articles[@]}"; do
		IFS=$'\t' read -r repo commit dir < <(origin_dir "$a")
		(cd "$dev/$a" && find . -type f | LC_ALL=C sort) | while read -r f; do
			f=${f#./}
			mkdir -p "$here/corpus/$a/$(dirname "$f")"
			src=$dev/$a/$f dst=$here/corpus/$a/$f note=unchanged
			size=$(stat -c %s "$src")
			fmt=$(case $f in *.md | *.svg | *.gif) ;; *) "$identify" -format '%m' "$src" 2>/dev/null ;; esac)
			if [ "$size" -gt 40000 ] && [ "$fmt" = PNG ]; then
				"$convert" "$src" -strip -resize '640x640>' -colors 64 "PNG8:$dst"
				note="shrunk: at most 640 px, 64 colours"
			elif [ "$size" -gt 40000 ] && [ "$fmt" = JPEG ]; then
				"$convert" "$src" -strip -resize '640x640>' -quality 60 "JPEG:$dst"
				note="shrunk: at most 640 px, quality 60"
			else
				cp "$src" "$dst"
			fi
			chmod 644 "$dst"
			printf 'corpus/%s/%s\t%s %s %s/%s\t%s\t%s\n' "$a" "$f" "$repo" "$commit" "$dir" "$f" "$(licence "$repo")" "$note"
		done
	done
	for i in "${images[@]}"; do
		a=${i%%/*} f=${i#*/}
		IFS=$'\t' read -r repo commit dir < <(origin_dir "$a")
		cp "$dev/$i" "$here/images/${i##*/}"
		chmod 644 "$here/images/${i##*/}"
		printf 'images/%s\t%s %s %s/%s\t%s\t%s\n' "${i##*/}" "$repo" "$commit" "$dir" "$f" "$(licence "$repo")" unchanged
	done
	printf '# spec/: the CommonMark/GFM conformance examples, unchanged from the\n'
	printf "# cmark-gfm repository's test/ folder (github.com/github/cmark-gfm, commit 85d8952),\n"
	printf "# the version Debian 12's libcmark-gfm 0.29.0.gfm.6 is built from.\n"
	for s in spec extensions regression smart_punct; do
		cp "$shared/spec/$s.txt" "$here/spec/$s.txt"
		chmod 644 "$here/spec/$s.txt"
		what=
		case $s in
		spec) lic="CC BY-SA 4.0 (the file's own header)"
		      what=" (GitHub Flavored Markdown Spec 0.29, based on the CommonMark Spec by John MacFarlane)" ;;
		extensions) lic="CC BY-SA 4.0 (the file's own header)" ;;
		*) lic="BSD-2-Clause (cmark-gfm's COPYING)" ;;
		esac
		printf 'spec/%s.txt\tgithub/cmark-gfm 85d8952 test/%s.txt%s\t%s\tunchanged\n' "$s" "$s" "$what" "$lic"
	done
} >"$here/SOURCES"
