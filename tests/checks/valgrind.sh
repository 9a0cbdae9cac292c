#!/bin/bash
# Every scenario and transcript script runs once under valgrind memcheck with the
# optimized build (build/skbox, no sanitizers): no error, no definite or indirect leak.
# (The unit tests are built with ASan, which valgrind cannot run.)
set -u
command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 77; }
bin=build/skbox
[ -x "$bin" ] || { echo "build/skbox not built"; exit 77; }
fail=0; n=0
for f in tests/scenarios/*.sh tests/transcripts/*.sh; do
	args=()
	[ -f "$f.args" ] && read -r -a args < "$f.args"
	cmd=run
	[ "${args[0]:-}" = why ] && cmd=why && args=("${args[@]:1}")
	timeout 300 valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect "$bin" $cmd "${args[@]}" "$f" \
		> "$TMPDIR/vg.out" 2> "$TMPDIR/vg.err"
	rc=$?
	n=$((n + 1))
	if [ $rc -eq 99 ] || grep -q "^==[0-9]*== " "$TMPDIR/vg.err"; then
		echo "valgrind: $f"
		grep "^==" "$TMPDIR/vg.err" | head -20
		fail=1
	fi
done
echo "$n scripts under valgrind"
exit $fail
