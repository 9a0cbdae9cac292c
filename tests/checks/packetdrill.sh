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
[ "$n" -ge 40 ] && [ "$fail" -eq 0 ]
