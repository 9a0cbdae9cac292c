#!/bin/bash
# Bad commands (issue 8): the malformed ip/iptables/sysctl/tc/bridge command
# lines of tests/fuzz/badcmds.sh (tests/fuzz/gen_badcmds.py) run through skbox;
# per command the exit status and the messages must be the real tools' (recorded
# with tests/kernel/kernel-run.sh in tests/fuzz/badcmds.linux), but for the
# differences listed in tests/fuzz/badcmds.known.  A new difference fails, and so
# does a listed one that went away (the list is kept exact).
set -u
out="$TMPDIR/badcmds.skbox"
timeout -k 5 120 "$SKBOX" run --echo tests/fuzz/badcmds.sh >"$out" 2>&1 </dev/null
rc=$?
[ "$rc" -lt 124 ] || { echo "skbox run: status $rc"; tail -20 "$out"; exit 1; }
python3 tests/kernel/normalize.py <tests/fuzz/badcmds.linux >"$TMPDIR/badcmds.l.norm" &&
python3 tests/kernel/normalize.py <"$out" >"$TMPDIR/badcmds.s.norm" || exit 1
python3 tests/fuzz/badcmds_compare.py "$TMPDIR/badcmds.l.norm" "$TMPDIR/badcmds.s.norm" \
	tests/fuzz/badcmds.known
