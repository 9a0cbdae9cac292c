#!/bin/bash
# make bench, TAP rows: the real kernel and skbox through a host TAP beside
# kernel <-> kernel over a veth pair, each in namespaces made here and removed.
#   ping: the kernel pings skbox (TAP) / the other namespace (veth), 200 x every 5 ms
#   HTTP: the kernel's curl fetches 32 MiB from skbox's httpd (TAP) / from a
#         kernel python3 http.server (veth)
# Prints "tap_rtt_ms X veth_rtt_ms Y tap_mbit X veth_mbit Y"; nothing when
# it cannot run (needs root, unshare, /dev/net/tun, curl).   Usage: tap.sh SKBOX
SKBOX=$(readlink -f "$1")
. "$(dirname "$0")/../checks/tap-lib.bash"
( tap_require ) > /dev/null || exit 0
command -v curl > /dev/null || exit 0
tap_setup
VNS1=skbveth1$$ VNS2=skbveth2$$
cleanup_all() {
	ip netns pids $VNS2 2>/dev/null | xargs -r kill 2>/dev/null
	ip netns del $VNS1 2>/dev/null; ip netns del $VNS2 2>/dev/null
	tap_cleanup
}
trap cleanup_all EXIT
ip netns add $VNS1; ip netns add $VNS2
ip -n $VNS1 link add v1 type veth peer name v2 netns $VNS2
ip -n $VNS1 addr add 10.78.0.1/24 dev v1; ip -n $VNS1 link set v1 up
ip -n $VNS2 addr add 10.78.0.2/24 dev v2; ip -n $VNS2 link set v2 up
mkdir -p "$TAP_DIR/root"
head -c 33554432 /dev/urandom > "$TAP_DIR/root/big"
(cd "$TAP_DIR/root" && exec ip netns exec $VNS2 python3 -m http.server -b 10.78.0.2 8000) \
	> /dev/null 2>&1 &
echo "httpd -p 80 -d $TAP_DIR/root &" > "$TAP_DIR/s.sh"
tap_start "$TAP_DIR/s.sh"
tap_wait_ready > /dev/null
for _ in $(seq 1 50); do
	ip netns exec $VNS1 curl -s -o /dev/null http://10.78.0.2:8000/ && break
	sleep 0.1
done
avg() { awk -F/ '/^rtt/ {print $5}'; }
tap_rtt=$(kns ping -c 200 -i 0.005 -q $TAP_SIP | avg)
veth_rtt=$(ip netns exec $VNS1 ping -c 200 -i 0.005 -q 10.78.0.2 | avg)
mbit() { awk '{printf "%.1f", $1 * 8 / 1e6}'; }
tap_mbit=$(kns curl -s -m 120 -o /dev/null -w '%{speed_download}\n' http://$TAP_SIP/big | mbit)
veth_mbit=$(ip netns exec $VNS1 curl -s -m 120 -o /dev/null -w '%{speed_download}\n' \
	http://10.78.0.2:8000/big | mbit)
tap_stop > /dev/null
echo "tap_rtt_ms ${tap_rtt:-null} veth_rtt_ms ${veth_rtt:-null} tap_mbit ${tap_mbit:-null} veth_mbit ${veth_mbit:-null}"
