#!/bin/bash
# skbox: check (and, as root, install) the Debian packages the build and tests need.
# Fast when everything is present: one dpkg-query call.  Run from the Makefile via a
# stamp file (build/.deps-ok), so it only re-runs when this script changes.
set -u

PACKAGES="build-essential libcmocka-dev libpcap-dev libedit-dev python3 iproute2 iputils-ping procps bridge-utils bc valgrind tcpdump tshark chromium clang ipset conntrack iperf3 curl ethtool netcat-openbsd socat traceroute radvd iptables"

# One dpkg-query for all packages; unknown packages print nothing (error to /dev/null).
installed=" "$(dpkg-query -W -f='${Package} ${Status}\n' $PACKAGES 2>/dev/null | awk '/ ok installed$/ {print $1}' | tr "\n" " ")
missing=""
for pkg in $PACKAGES; do
	case "$installed" in
	*" $pkg "*) ;;
	*) missing="$missing $pkg" ;;
	esac
done
missing=${missing# }

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "skbox: installing missing packages: $missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq || exit 1
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing || exit 1
	exit 0
fi

echo "skbox: missing packages; run: sudo apt-get install -y $missing" >&2
exit 1
