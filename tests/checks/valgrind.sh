#!/bin/bash
# Every scenario and transcript script runs once under valgrind memcheck with the
# optimized build (build/skbox, no sanitizers): no error, no definite or indirect leak.
# (The unit tests are built with ASan, which valgrind cannot run.)  The scripts run
# on every core at once (valgrind runs one thread): the whole set must stay well
# inside the check's time limit on a 2-core machine.
set -u
command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 77; }
bin=build/skbox
[ -x "$bin" ] || { echo "build/skbox not built"; exit 77; }
out=${TMPDIR:-/tmp}/valgrind.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

# one_script FILE: prints "valgrind: FILE" and the report when memcheck complains
one_script() {
	local f=$1 cmd=run log
	local args=()
	[ -f "$f.args" ] && read -r -a args < "$f.args"
	[ "${args[0]:-}" = why ] && cmd=why && args=("${args[@]:1}")
	log=$out/$(echo "$f" | tr / _)
	timeout 300 valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect "$bin" $cmd "${args[@]}" "$f" \
		> "$log.out" 2> "$log.err"
	if [ $? -eq 99 ] || grep -q "^==[0-9]*== " "$log.err"; then
		echo "valgrind: $f"
		grep "^==" "$log.err" | head -20
	fi
}
export -f one_script
export bin out

files=(tests/scenarios/*.sh tests/transcripts/*.sh)
report=$(printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} bash -c 'one_script "$1"' _ {})
echo "${#files[@]} scripts under valgrind"
[ -z "$report" ] && exit 0
echo "$report"
exit 1
