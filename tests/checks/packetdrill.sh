#!/bin/bash
# Every TCP conformance script tests/tcp/*.pkt passes under `skbox packetdrill`
# (the binary given as SKBOX: the ASan/UBSan build in make check), each with
# no sanitizer report and no leak.
set -u
fail=0 n=0
for f in tests/tcp/*.pkt; do
	n=$((n + 1))
	if ! out=$("$SKBOX" packetdrill "$f" 2>&1); then
		echo "FAIL $f"
		echo "$out" | sed 's/^/    /' | tail -20
		fail=$((fail + 1))
	fi
done
echo "$((n - fail)) of $n packetdrill scripts passed"
# a `command` line is interrupted after --shell_timeout_secs of virtual time
# (3600 by default): a ping without -c sends 4 requests in 3 s, then stops
tmp=$(mktemp -d)
printf '`ping -q 192.0.2.9`\n' > "$tmp/t.pkt"
out=$("$SKBOX" packetdrill --verbose --shell_timeout_secs=3 "$tmp/t.pkt" 2>&1)
if ! grep -q "^4 packets transmitted, 0 received, 100% packet loss, time 3000ms" <<<"$out"; then
	echo "FAIL --shell_timeout_secs=3 did not stop the ping at 3 s:"
	echo "$out" | sed 's/^/    /'
	fail=$((fail + 1))
fi
out=$("$SKBOX" packetdrill --shell_timeout_secs=0 "$tmp/t.pkt" 2>&1); st=$?
if [ $st -ne 2 ] || [ "$out" != "skbox packetdrill: bad --shell_timeout_secs: 0" ]; then
	echo "FAIL --shell_timeout_secs=0: exit $st, '$out'"
	fail=$((fail + 1))
fi
rm -rf "$tmp"
[ "$n" -ge 40 ] && [ "$fail" -eq 0 ]
