#!/bin/bash
# skbox test harness.   usage: tests/run-tests.sh [BUILDDIR]   (default build/asan)
#
# Runs, in sorted order, each with a 120 s timeout:
#   unit        BUILDDIR/tests/test_*            pass = exit 0
#   scenarios   tests/scenarios/NAME.sh          skbox run --echo NAME.sh (2>&1; NAME.sh.args replaces "run --echo")
#               NAME.sh.out present: output must match it byte for byte (diff -u);
#               NAME.sh.rc present: exit status must equal its contents;
#               neither: pass = exit 0.  A timeout or death by signal always fails.
#   transcripts tests/transcripts/NAME.sh + NAME.linux: skbox output and the recorded kernel
#               transcript, both through tests/kernel/normalize.py, must be equal.
#               As root with a working `unshare --net`, the live kernel is re-run too
#               (tests/kernel/kernel-run.sh); a difference is only a NOTE.
# SKBOX_TESTS=REGEX (environment) runs only the tests whose name matches.
# Prints "PASS name" / "FAIL name" (+ diff or last 40 lines) per test, then
# "N passed, N failed[, N skipped]"; exits 1 if anything failed.

set -u
export LC_ALL=C    # stable glob order and messages
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

TIMEOUT=${SKBOX_TEST_TIMEOUT:-120}
BUILDDIR=${1:-build/asan}
case "$BUILDDIR" in /*) ;; *) BUILDDIR="$PWD/$BUILDDIR" ;; esac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
SKBOX="$BUILDDIR/skbox"
NORMALIZE="tests/kernel/normalize.py"
KERNEL_RUN="tests/kernel/kernel-run.sh"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/skbox-tests.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

passed=0 failed=0 skipped=0
# SKBOX_TESTS=REGEX runs only the tests whose name (e.g. unit/test_tcp,
# scenarios/trace.sh, transcripts/arp, checks/valgrind.sh) matches REGEX.
wanted() { [ -z "${SKBOX_TESTS:-}" ] || [[ "$1" =~ $SKBOX_TESTS ]]; }

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+ ($2)}"; failed=$((failed + 1)); }
skip() { echo "SKIP $1${2:+ ($2)}"; skipped=$((skipped + 1)); }
tail_of() { tail -n 40 "$1" | sed 's/^/    /'; }
indent() { sed 's/^/    /'; }

# describe an exit status
why() {
	case "$1" in
	124) echo "timed out after ${TIMEOUT}s" ;;
	0) echo "exit 0" ;;
	*) if [ "$1" -gt 128 ]; then echo "killed by signal $(($1 - 128))"; else echo "exit $1"; fi ;;
	esac
}

# run_skbox SCRIPT OUTFILE [OPTION] -> exit status; stdout+stderr interleaved into OUTFILE
# (transcripts pass --no-ipv6: kernel-run.sh turns IPv6 off in the kernel's namespaces)
run_skbox() {
	if [ ! -x "$SKBOX" ]; then
		echo "skbox binary not found: $SKBOX" >"$2"
		return 127
	fi
	# SCRIPT.args, when present, replaces "run --echo" (e.g. "why", "run --trace=icmp")
	local args="run --echo${3:+ $3}"
	[ -f "$1.args" ] && args=$(cat "$1.args")
	# shellcheck disable=SC2086
	timeout -k 5 "$TIMEOUT" "$SKBOX" $args "$1" >"$2" 2>&1 </dev/null
}

# normalize IN OUT -> status of the normalizer
normalize() {
	python3 "$NORMALIZE" <"$1" >"$2" 2>"$2.err" || { cat "$2.err" >>"$2"; return 1; }
}

# ---------------------------------------------------------------- unit tests
for t in "$BUILDDIR"/tests/test_*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	name="unit/${t##*/}"
	wanted "$name" || continue
	out="$TMP/unit.out"
	timeout -k 5 "$TIMEOUT" "$t" >"$out" 2>&1 </dev/null
	rc=$?
	if [ "$rc" -eq 0 ]; then
		pass "$name"
	else
		fail "$name" "$(why "$rc")"
		tail_of "$out"
	fi
done

# ---------------------------------------------------------------- scenarios
for f in tests/scenarios/*.sh; do
	[ -f "$f" ] || continue
	name="scenarios/${f#tests/scenarios/}"
	wanted "$name" || continue
	out="$TMP/scenario.out"
	run_skbox "$f" "$out"
	rc=$?
	exp_rc=""
	if [ -f "$f.rc" ]; then
		exp_rc=$(tr -d '[:space:]' <"$f.rc")
	fi
	if [ -f "$f.out" ]; then
		if ! diff -u --label "$f.out" --label "skbox output" "$f.out" "$out" >"$TMP/diff"; then
			fail "$name" "output differs, $(why "$rc")"
			head -n 200 "$TMP/diff" | indent
		elif [ -n "$exp_rc" ] && [ "$rc" != "$exp_rc" ]; then
			fail "$name" "$(why "$rc"), expected exit $exp_rc"
			tail_of "$out"
		elif [ -z "$exp_rc" ] && { [ "$rc" -eq 124 ] || [ "$rc" -gt 128 ]; }; then
			fail "$name" "$(why "$rc")"
			tail_of "$out"
		else
			pass "$name"
		fi
	else
		[ -n "$exp_rc" ] || exp_rc=0
		if [ "$rc" = "$exp_rc" ]; then
			pass "$name"
		else
			fail "$name" "$(why "$rc"), expected exit $exp_rc"
			tail_of "$out"
		fi
	fi
done

# ---------------------------------------------------------------- transcripts
live=""     # "yes" once we know the live kernel can be re-run
live_checked=""
for f in tests/transcripts/*.sh; do
	[ -f "$f" ] || continue
	base="${f%.sh}"
	name="transcripts/${base#tests/transcripts/}"
	wanted "$name" || continue
	if [ ! -f "$base.linux" ]; then
		skip "$name" "no recorded ${base##*/}.linux"
		continue
	fi
	if [ ! -f "$NORMALIZE" ]; then
		fail "$name" "$NORMALIZE not found"
		continue
	fi
	out="$TMP/transcript.out"
	run_skbox "$f" "$out" --no-ipv6
	rc=$?
	if ! normalize "$base.linux" "$TMP/linux.norm"; then
		fail "$name" "normalizer failed on ${base##*/}.linux"
		tail_of "$TMP/linux.norm"
		continue
	fi
	if ! normalize "$out" "$TMP/skbox.norm"; then
		fail "$name" "normalizer failed on skbox output"
		tail_of "$TMP/skbox.norm"
		continue
	fi
	if ! diff -u --label "${base##*/}.linux (normalized)" --label "skbox (normalized)" \
		"$TMP/linux.norm" "$TMP/skbox.norm" >"$TMP/diff"; then
		fail "$name" "transcript differs, $(why "$rc")"
		head -n 200 "$TMP/diff" | indent
	elif [ "$rc" -eq 124 ] || [ "$rc" -gt 128 ]; then
		fail "$name" "$(why "$rc")"
		tail_of "$out"
	else
		pass "$name"
	fi

	# live kernel re-check: informational only
	if [ -z "$live_checked" ]; then
		live_checked=1
		if [ "$(id -u)" -eq 0 ] && unshare --net true >/dev/null 2>&1; then
			if [ -f "$KERNEL_RUN" ]; then
				live=yes
			else
				echo "SKIP live kernel re-check: $KERNEL_RUN not found"
			fi
		else
			echo "SKIP live kernel re-check: not root or no unshare"
		fi
	fi
	if [ "$live" = yes ]; then
		if [ -x "$KERNEL_RUN" ]; then
			timeout -k 5 "$TIMEOUT" "./$KERNEL_RUN" "$f" >"$TMP/live.out" 2>&1 </dev/null
		else
			timeout -k 5 "$TIMEOUT" bash "$KERNEL_RUN" "$f" >"$TMP/live.out" 2>&1 </dev/null
		fi
		if ! normalize "$TMP/live.out" "$TMP/live.norm"; then
			echo "NOTE: live kernel differs from recorded ${base##*/}.linux (normalizer failed)"
			tail_of "$TMP/live.norm"
		elif ! diff -u --label "${base##*/}.linux (normalized)" --label "live kernel (normalized)" \
			"$TMP/linux.norm" "$TMP/live.norm" >"$TMP/diff"; then
			echo "NOTE: live kernel differs from recorded ${base##*/}.linux"
			head -n 200 "$TMP/diff" | indent
		fi
	fi
done

# ---------------------------------------------------------------- checks
# tests/checks/NAME.sh: a shell script given SKBOX (the binary) and TMPDIR; exit 0
# passes, 77 skips (with its own message), anything else fails.
for f in tests/checks/*.sh; do
	[ -e "$f" ] || continue
	name="checks/${f#tests/checks/}"
	wanted "$name" || continue
	t=$TIMEOUT
	[ -f "$f.timeout" ] && t=$(cat "$f.timeout")	# a slow check may ask for more
	SKBOX="$SKBOX" TMPDIR="$TMP" timeout -k 5 "$t" bash "$f" >"$TMP/check.out" 2>&1 </dev/null
	rc=$?
	if [ "$rc" -eq 0 ]; then
		pass "$name"
	elif [ "$rc" -eq 77 ]; then
		skip "$name" "$(tail -n 1 "$TMP/check.out")"
	else
		fail "$name" "exit $rc"
		tail_of "$TMP/check.out"
	fi
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
