#!/usr/bin/env bash
# tests/regress/suite-55-signals.sh BUILD - a conversion killed while it
# writes leaves no temporary file behind (nothing beside the output such as
# .out.pdf.XXXXXX, nothing in TMPDIR such as a font subset) and keeps the
# previous output as it was:
# - SIGTERM, SIGINT, SIGPIPE, SIGHUP: the handlers clean up, and the process
#   dies of the signal it got;
# - SIGKILL, and SIGSEGV / SIGABRT sent from outside (what a crash or an
#   abort() does: no handler of ours runs): there is nothing to clean up,
#   because the temporary output is unnamed (O_TMPFILE) until the rename
#   and md2pdf's font subsets live in memory (memfd).
# And where O_TMPFILE cannot be used (here: no /proc to name the file by),
# the named temporary file still works.
. "$(dirname "$0")/../lib.sh"
MD2PDF=$BUILD/md2pdf
if [ ! -x "$MD2PDF" ]; then fail md2pdf-built "no $MD2PDF"; exit 0; fi
ulimit -c 0 # SIGSEGV and SIGABRT would dump core

# long enough that md2pdf is still laying it out when the signal comes
awk 'BEGIN { print "# 长文"; for (i = 0; i < 4000; i++)
	printf "\n第 %d 段：openEuler 是一个开源、免费的 Linux 发行版平台，通过开放的社区形式与全球的开发者共同构建一个开放、多元和架构包容的软件生态体系。\n", i }' >"$TMP/long.md"
# md2txt and md2epub: an article big enough (14 MB) that the conversion is
# still writing when its output is open
python3 -c "
import random
random.seed(1)
w = ['openEuler', 'kernel', '社区', '开发者', '系统', 'release', 'container', '软件']
print('# Big\n\n' + '\n\n'.join(' '.join(random.choice(w) for _ in range(60)) for i in range(30000)))
" >"$TMP/big.md"

# wait_writing PID DIR [SUBSET]: wait (up to 20 s) until process PID holds
# a file directly in DIR open (its temporary output, named or not) and,
# with SUBSET, has cut a font subset (a memfd "mdpress-subset-..." it
# holds, or the named file older versions wrote to DIR/tmp); it is then in
# the middle of its work.  Returns 1 if it ended first or never got there.
wait_writing() {
	local pid=$1 dir subset=${3:-} i links
	dir=$(cd "$2" && pwd -P)
	for ((i = 0; i < 2000; i++)); do
		links=$(for f in /proc/"$pid"/fd/*; do readlink "$f"; done 2>/dev/null)
		if grep -q "^$dir/[^/]*\$" <<<"$links"; then
			[ -z "$subset" ] && return 0
			grep -q "mdpress-subset-" <<<"$links" && return 0
			compgen -G "$dir/tmp/mdpress-subset-*" >/dev/null && return 0
		fi
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.01
	done
	return 1
}

# died_of SIG RC: whether exit status RC is death by SIG.  The sanitizer
# build reports a SIGSEGV itself and exits 1.
died_of() {
	[ "$2" -eq $((128 + $(kill -l "$1"))) ] || { [ "$1" = SEGV ] && fast && [ "$2" -ne 0 ]; }
}

# killed TOOL INPUT SIG: start TOOL -o DIR/out.EXT with TMPDIR=DIR/tmp and
# a previous DIR/out.EXT, wait until it writes (md2pdf: and has its
# subsets), send SIG; then DIR holds out.EXT as it was and an empty tmp.
killed() {
	local tool=$1 input=$2 sig=$3 ext=${1#md2} name=signal-$3-$1-cleans-up
	local dir=$TMP/$1-$3 pid rc
	mkdir -p "$dir/tmp"
	echo previous >"$dir/out.$ext"
	# background jobs of a script start with SIGINT ignored: reset it,
	# as an interactive shell's foreground job would have it
	# (stderr aside: the sanitizer build reports the SIGSEGV at length)
	TMPDIR=$dir/tmp env --default-signal=INT "$BUILD/$tool" -q -o "$dir/out.$ext" "$input" \
		2>"$dir.err" &
	pid=$!
	if ! wait_writing $pid "$dir" "$([ "$tool" = md2pdf ] && echo subset)"; then
		kill -9 $pid 2>/dev/null; wait $pid
		fail "$name" "$tool never had its output${ext/#pdf/ and a subset} open"; return
	fi
	kill -s "$sig" $pid
	wait $pid 2>/dev/null; rc=$?
	local left
	left=$(cd "$dir" && find . -mindepth 1 ! -name "out.$ext" ! -path ./tmp | sed 's|^\./||' | tr '\n' ' ')
	if [ -z "$left" ] && [ "$(cat "$dir/out.$ext")" = previous ] && died_of "$sig" "$rc"; then
		pass "$name"
	else fail "$name" "exit $rc, left: ${left:-nothing}, out.$ext: $(head -c 20 "$dir/out.$ext" | tr -cd '[:print:]')"; fi
}
for sig in TERM INT PIPE HUP KILL SEGV ABRT; do killed md2pdf "$TMP/long.md" $sig; done
for tool in md2txt md2epub; do
	for sig in TERM INT KILL SEGV ABRT; do killed $tool "$TMP/big.md" $sig; done
done

# The case from the field: stderr into a pipe whose reader quits after one
# line, so the next warning (written while the PDF is open) raises SIGPIPE.
cp "$ROOT/tests/regress/seed/seed.md" "$TMP/seed.md"
for i in 1 2 3; do (cd "$TMP" && "$MD2PDF" seed.md 2>&1 | head -n 1 >/dev/null); done
left=$(find "$TMP" -maxdepth 1 -name '.seed.pdf.*' | wc -l)
if [ "$left" -eq 0 ]; then pass signal-pipe-stderr-no-temp
else fail signal-pipe-stderr-no-temp "$left temporary files left by 'md2pdf seed.md 2>&1 | head -1'"; fi

# Without /proc (a chroot, a minimal container) an unnamed file cannot be
# linked into place: the output falls back to a named temporary file and
# still replaces the previous one, leaving nothing else.  Needs a mount
# namespace (root, or user namespaces) to hide /proc; skipped otherwise,
# and in the sanitizer build (LeakSanitizer needs /proc).
fallback=$TMP/fallback
mkdir -p "$fallback"
printf '# Title\n\nSome *text*.\n' >"$fallback/a.md"
echo previous >"$fallback/a.txt"
if fast; then
	echo "# skip output-without-proc-falls-back: the sanitizers need /proc"
elif unshare -m --propagation private true 2>/dev/null; then
	out=$(unshare -m --propagation private sh -c 'mount -t tmpfs none /proc && "$1" -q -o "$2/a.txt" "$2/a.md" && echo written' \
		sh "$BUILD/md2txt" "$fallback" 2>&1)
	left=$(ls -A "$fallback" | grep -v '^a\.\(md\|txt\)$' | tr '\n' ' ')
	if [ "$out" = written ] && grep -q '^Some text\.$' "$fallback/a.txt" && [ -z "$left" ]; then
		pass output-without-proc-falls-back
	else fail output-without-proc-falls-back "said: $out; left: ${left:-nothing}; a.txt: $(head -c 40 "$fallback/a.txt")"; fi
else
	echo "# skip output-without-proc-falls-back: no mount namespace"
fi
