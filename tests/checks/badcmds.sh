#!/bin/bash
# Bad commands (issue 8): the malformed ip/iptables/sysctl/tc/bridge command
# lines of tests/fuzz/badcmds.sh and badcmds2.sh (tests/fuzz/gen_badcmds.py,
# two batches of 400) run through skbox; per command the exit status and the
# messages must be the real tools' (recorded with tests/kernel/kernel-run.sh in
# tests/fuzz/badcmds{,2}.linux), but for the differences listed in
# tests/fuzz/badcmds{,2}.known.  A new difference fails, and so does a listed
# one that went away (the lists are kept exact).
set -u
fail=0
for b in "" 2; do
	out="$TMPDIR/badcmds$b.skbox"
	timeout -k 5 120 "$SKBOX" run --echo "tests/fuzz/badcmds$b.sh" >"$out" 2>&1 </dev/null
	rc=$?
	[ "$rc" -lt 124 ] || { echo "skbox run: status $rc"; tail -20 "$out"; exit 1; }
	python3 tests/kernel/normalize.py <"tests/fuzz/badcmds$b.linux" >"$TMPDIR/badcmds$b.l.norm" &&
	python3 tests/kernel/normalize.py <"$out" >"$TMPDIR/badcmds$b.s.norm" || exit 1
	echo "badcmds$b.sh:"
	python3 tests/fuzz/badcmds_compare.py "$TMPDIR/badcmds$b.l.norm" "$TMPDIR/badcmds$b.s.norm" \
		"tests/fuzz/badcmds$b.known" || fail=1
done
exit $fail
