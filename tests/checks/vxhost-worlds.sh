#!/bin/bash
# Two skbox worlds in two processes (two kernel namespaces joined by the
# test's switch) share one VXLAN segment over real UDP (host-underlay):
# world 1 (10.200.0.1) pings world 2 (10.200.0.2) and fetches 4 MiB from its
# httpd (bytes compared), then ends world 2's script by nc.  World 2 runs
# with --user nobody: root until its host socket is open, nobody afterwards
# (checked with ps), and it keeps working.  Both end with no leak.  Each
# world is given its own MAC: two skbox processes make the same ones (the
# seed decides), and a frame from our own MAC is dropped (LOCAL_MAC).
. "$(dirname "$0")/vxhost-lib.bash"
vxh_require
id nobody > /dev/null 2>&1 || { echo "SKIP: no user 'nobody'"; exit 77; }
vxh_setup
vxh_node 1
vxh_node 2
# the files world 2 serves as nobody: outside TMPDIR, whose parents may be
# closed to nobody; removed at exit with the rest
SROOT=$(mktemp -d /tmp/skbox-vxhost-nobody.XXXXXX)
trap 'rm -rf "$SROOT"; vxh_cleanup' EXIT
head -c 4194304 /dev/urandom > "$SROOT/big"
chmod -R a+rX "$SROOT"
vtep() {
	echo "ip link add vxlan0 address 02:00:00:00:00:0$1 type vxlan id 42 dstport 4789 remote 10.9.0.$2 local 10.9.0.$1 host-underlay"
	echo "ip addr add 10.200.0.$1/24 dev vxlan0"
	echo "ip link set vxlan0 up"
}
{
	vtep 2 1
	echo "httpd -p 80 -d $SROOT &"
	echo "nc -l 9999"
	echo "bridge fdb show dev vxlan0"
} > "$VXH_DIR/w2.sh"
{
	vtep 1 2
	echo "ping -c 3 -i 0.2 10.200.0.2"
	echo "curl -f -s -S -m 30 -o $VXH_DIR/from-world2 http://10.200.0.2/big"
	echo "echo world1-curl=\$?"
	echo "echo quit | nc -N 10.200.0.2 9999"
	echo "ip -s link show vxlan0"
} > "$VXH_DIR/w1.sh"
vxh_start 2 --user nobody "$VXH_DIR/w2.sh"
vxh_wait_udp 2
user=$(ps -o user= -p "$(nsx 2 ss -Hulnp 'sport = :4789' | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)")
vxh_start 1 "$VXH_DIR/w1.sh"
vxh_wait 1
rc1=$?
vxh_wait 2
rc2=$?
fail=0
[ "$user" = nobody ] || { echo "world 2 runs as '$user', not nobody"; fail=1; }
grep -q "3 packets transmitted, 3 received" "$VXH_DIR/1.out" || { echo "world 1 could not ping world 2"; fail=1; }
grep -q "world1-curl=0" "$VXH_DIR/1.out" || { echo "world 1's curl failed"; fail=1; }
cmp -s "$SROOT/big" "$VXH_DIR/from-world2" || { echo "world 1 got other bytes than world 2 served"; fail=1; }
grep -q "dst 10.9.0.1 self" "$VXH_DIR/2.out" || { echo "world 2 did not learn world 1's MAC"; fail=1; }
[ $rc1 = 0 ] || { echo "world 1 exited $rc1"; fail=1; }
[ $rc2 = 0 ] || { echo "world 2 exited $rc2"; fail=1; }
[ $fail = 0 ] || { for n in 1 2; do echo "--- world $n"; tail -30 "$VXH_DIR/$n.out"; done; exit 1; }
echo "two skbox worlds over real UDP: ping, 4 MiB over HTTP, learning, --user nobody: ok"
