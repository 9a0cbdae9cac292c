#!/bin/bash
# The whole suite once under valgrind memcheck, without sanitizers: every scenario
# and transcript script with the optimized build (build/skbox) and every unit test
# built against it (build/vg/tests, `make check` builds them; the ASan builds cannot
# run under valgrind): no error, no definite or indirect leak.  They run on every
# core at once (valgrind runs one thread): the whole set must stay well inside the
# check's time limit on a 2-core machine.
set -u
command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 77; }
bin=build/skbox
[ -x "$bin" ] || { echo "build/skbox not built"; exit 77; }
out=${TMPDIR:-/tmp}/valgrind.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT

# one_script FILE: prints "valgrind: FILE" and the report when memcheck complains;
# a unit test (build/vg/tests/test_*) runs itself and must also pass
one_script() {
	local f=$1 log rc
	local cmd=("$bin" run) args=()
	[ -f "$f.args" ] && read -r -a args < "$f.args"
	[ "${args[0]:-}" = why ] && cmd=("$bin" why) && args=("${args[@]:1}")
	case $f in build/vg/tests/*) cmd=("$f") f=;; esac
	log=$out/$(echo "${cmd[0]}$f" | tr / _)
	timeout 600 valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect "${cmd[@]}" "${args[@]}" $f \
		> "$log.out" 2> "$log.err"
	rc=$?
	if [ $rc -eq 99 ] || grep -q "^==[0-9]*== " "$log.err" || { [ -z "$f" ] && [ $rc -ne 0 ]; }; then
		echo "valgrind: ${f:-${cmd[0]}} (status $rc)"
		grep "^==" "$log.err" | head -20
		[ -z "$f" ] && tail -5 "$log.out"
	fi
}
export -f one_script
export bin out

# the slowest first (test_failnth fails each allocation in turn), so the two
# cores finish together
units=(build/vg/tests/test_failnth)
for t in build/vg/tests/test_*; do
	[ -x "$t" ] && [ "$t" != build/vg/tests/test_failnth ] && units+=("$t")
done
[ -x "${units[0]}" ] || units=("${units[@]:1}")
files=("${units[@]}" tests/scenarios/*.sh tests/transcripts/*.sh)
report=$(printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} bash -c 'one_script "$1"' _ {})
echo "${#units[@]} unit tests and $((${#files[@]} - ${#units[@]})) scripts under valgrind"
[ -z "$report" ] && exit 0
echo "$report"
exit 1
