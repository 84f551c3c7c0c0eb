#!/usr/bin/env bash
# tests/regress/suite-55-signals.sh BUILD - a conversion killed while it
# writes (SIGTERM, SIGINT, SIGPIPE, SIGHUP) leaves neither its temporary
# output (.out.pdf.XXXXXX) nor md2pdf's font subsets behind, keeps the
# previous output as it was, and dies of the signal it got.
. "$(dirname "$0")/../lib.sh"
MD2PDF=$BUILD/md2pdf
if [ ! -x "$MD2PDF" ]; then fail md2pdf-built "no $MD2PDF"; exit 0; fi

# long enough that md2pdf is still laying it out when the signal comes
awk 'BEGIN { print "# 长文"; for (i = 0; i < 4000; i++)
	printf "\n第 %d 段：openEuler 是一个开源、免费的 Linux 发行版平台，通过开放的社区形式与全球的开发者共同构建一个开放、多元和架构包容的软件生态体系。\n", i }' >"$TMP/long.md"

# killed SIG: start md2pdf, wait for its temporary output and its first
# font subset, send SIG.
killed() {
	local sig=$1 dir=$TMP/$1 pid rc i
	mkdir -p "$dir/tmp"
	echo previous >"$dir/out.pdf"
	# background jobs of a script start with SIGINT ignored: reset it,
	# as an interactive shell's foreground job would have it
	TMPDIR=$dir/tmp env --default-signal=INT "$MD2PDF" -q -o "$dir/out.pdf" "$TMP/long.md" &
	pid=$!
	for ((i = 0; i < 400; i++)); do
		compgen -G "$dir/.out.pdf.*" >/dev/null && compgen -G "$dir/tmp/mdpress-subset-*" >/dev/null &&
			break
		sleep 0.05
	done
	if ((i == 400)); then
		wait $pid; fail "signal-$sig-cleans-up" "no temporary files seen while md2pdf ran"; return
	fi
	kill -s "$sig" $pid
	wait $pid 2>/dev/null; rc=$?
	local left
	left=$(find "$dir" -name '.out.pdf.*' -o -name 'mdpress-subset-*' | sed "s|$dir/||" | tr '\n' ' ')
	if [ -z "$left" ] && [ "$(cat "$dir/out.pdf")" = previous ] &&
	   [ "$rc" -eq $((128 + $(kill -l "$sig"))) ]; then pass "signal-$sig-cleans-up"
	else fail "signal-$sig-cleans-up" "exit $rc, left: ${left:-nothing}, out.pdf: $(head -c 20 "$dir/out.pdf" | tr -cd '[:print:]')"; fi
}
for sig in TERM INT PIPE HUP; do killed $sig; done

# The case from the field: stderr into a pipe whose reader quits after one
# line, so the next warning (written while the PDF is open) raises SIGPIPE.
cp "$ROOT/tests/regress/seed/seed.md" "$TMP/seed.md"
for i in 1 2 3; do (cd "$TMP" && "$MD2PDF" seed.md 2>&1 | head -n 1 >/dev/null); done
left=$(find "$TMP" -maxdepth 1 -name '.seed.pdf.*' | wc -l)
if [ "$left" -eq 0 ]; then pass signal-pipe-stderr-no-temp
else fail signal-pipe-stderr-no-temp "$left temporary files left by 'md2pdf seed.md 2>&1 | head -1'"; fi

# md2txt and md2epub the same way: an article big enough (14 MB) that the
# conversion is still writing when the temporary output shows up.
python3 -c "
import random
random.seed(1)
w = ['openEuler', 'kernel', '社区', '开发者', '系统', 'release', 'container', '软件']
print('# Big\n\n' + '\n\n'.join(' '.join(random.choice(w) for _ in range(60)) for i in range(30000)))
" >"$TMP/big.md"
killed_other() {
	local tool=$1 sig=$2 ext=${1#md2} dir=$TMP/$1-$2 pid rc i
	mkdir -p "$dir"
	echo previous >"$dir/out.$ext"
	env --default-signal=INT "$BUILD/$tool" -q -o "$dir/out.$ext" "$TMP/big.md" &
	pid=$!
	for ((i = 0; i < 2000; i++)); do
		compgen -G "$dir/.out.$ext.*" >/dev/null && break
		sleep 0.01
	done
	if ((i == 2000)); then
		wait $pid; fail "signal-$sig-$tool-cleans-up" "no temporary output seen while $tool ran"; return
	fi
	kill -s "$sig" $pid
	wait $pid 2>/dev/null; rc=$?
	local left
	left=$(ls -A "$dir" | grep -v "^out.$ext\$" | tr '\n' ' ')
	if [ -z "$left" ] && [ "$(cat "$dir/out.$ext")" = previous ] &&
	   [ "$rc" -eq $((128 + $(kill -l "$sig"))) ]; then pass "signal-$sig-$tool-cleans-up"
	else fail "signal-$sig-$tool-cleans-up" "exit $rc, left: ${left:-nothing}, out.$ext: $(head -c 20 "$dir/out.$ext" | tr -cd '[:print:]')"; fi
}
for tool in md2txt md2epub; do for sig in TERM INT; do killed_other $tool $sig; done; done
