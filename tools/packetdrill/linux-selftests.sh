#!/bin/bash
# make packetdrill-linux: Linux's own packetdrill scripts
# (tools/testing/selftests/net/packetdrill/ of Debian's linux-source
# package, extracted now, never committed) through `skbox packetdrill`,
# IPv4 only (ksft_runner.sh also runs them over IPv6).  Prints each result
# and the count; exits 0 whatever the count (it is a measurement).
set -u
skbox=${1:-build/skbox}
out=${2:-build/packetdrill-linux}
tarball=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n 1)
if [ -z "$tarball" ]; then
	echo "no /usr/src/linux-source-*.tar.xz: apt-get install linux-source-6.12"
	exit 77
fi
rm -rf "$out" && mkdir -p "$out"
tar -C "$out" -xJf "$tarball" --wildcards '*/tools/testing/selftests/net/packetdrill/*' ||
	exit 1
dir=$(find "$out" -type d -path '*selftests/net/packetdrill' | head -n 1)
pass=0 n=0
for f in "$dir"/*.pkt; do
	n=$((n + 1))
	if msg=$(timeout 120 "$skbox" packetdrill --tolerance_usecs=14000 "$f" 2>&1); then
		pass=$((pass + 1))
		echo "PASS $(basename "$f")"
	else
		echo "FAIL $(basename "$f"): $(echo "$msg" | grep -v 'warning: command failed' | head -n 1)"
	fi
done
echo "$pass of $n Linux packetdrill scripts passed ($(basename "$tarball"), IPv4)"
