#!/bin/bash
# A multicast group instead of static remotes, three nodes on one underlay
# segment: node 1 is the kernel's vx0 (group 239.1.1.1 dev eth0), nodes 2
# and 3 skbox worlds (group 239.1.1.1 local 10.9.0.N host-underlay) in two
# processes.  Each skbox's socket joins the group: `ip maddr show dev eth0`
# in its namespace lists 239.1.1.1 (the host's IGMP membership).  ARP
# requests go to the group, replies unicast; learning fills the FDBs: the
# kernel pings both worlds, world 2 pings world 3 and the kernel.
. "$(dirname "$0")/vxhost-lib.bash"
vxh_require
vxh_setup
vxh_node 1
vxh_node 2
vxh_node 3
vxh_kernel_vtep 1 group 239.1.1.1
vtep() {
	echo "ip link add vxlan0 address 02:00:00:00:00:0$1 type vxlan id 42 dstport 4789 group 239.1.1.1 local 10.9.0.$1 host-underlay"
	echo "ip addr add 10.200.0.$1/24 dev vxlan0"
	echo "ip link set vxlan0 up"
	echo "ip -d link show vxlan0"
}
{
	vtep 2
	echo "nc -l 9998"
	echo "ping -c 3 -i 0.2 10.200.0.3"
	echo "ping -c 3 -i 0.2 10.200.0.1"
	echo "bridge fdb show dev vxlan0"
	echo "nc -l 9999"
} > "$VXH_DIR/w2.sh"
{
	vtep 3
	echo "nc -l 9999"
} > "$VXH_DIR/w3.sh"
vxh_start 2 "$VXH_DIR/w2.sh"
vxh_start 3 "$VXH_DIR/w3.sh"
vxh_wait_udp 2
vxh_wait_udp 3
nsx 2 ip maddr show dev eth0 > "$VXH_DIR/maddr2.txt"
nsx 1 ip -d link show vx0 > "$VXH_DIR/vx0.txt"
vxh_wait_ping 1 10.200.0.2
vxh_wait_ping 1 10.200.0.3
echo go | nsx 1 timeout 10 nc -N 10.200.0.2 9998 > /dev/null 2>&1
for _ in $(seq 1 100); do
	grep -q "dst 10.9.0" "$VXH_DIR/2.out" && break
	sleep 0.1
done
nsx 1 bridge fdb show dev vx0 > "$VXH_DIR/kfdb.txt"
vxh_quit 1 10.200.0.2
vxh_quit 1 10.200.0.3
vxh_wait 2
rc2=$?
vxh_wait 3
rc3=$?
fail=0
grep -q "inet  239.1.1.1" "$VXH_DIR/maddr2.txt" || { echo "node 2's eth0 did not join 239.1.1.1:"; cat "$VXH_DIR/maddr2.txt"; fail=1; }
grep -q "group 239.1.1.1 local 10.9.0.2 " "$VXH_DIR/2.out" || { echo "ip -d link: no group"; fail=1; }
grep -q "group 239.1.1.1 local 10.9.0.1 dev eth0" "$VXH_DIR/vx0.txt" || { echo "kernel vx0 not on the group"; fail=1; }
[ "$(grep -c "3 packets transmitted, 3 received" "$VXH_DIR/2.out")" = 2 ] ||
	{ echo "world 2 could not ping world 3 and the kernel"; fail=1; }
grep -q "02:00:00:00:00:02 dst 10.9.0.2 self" "$VXH_DIR/kfdb.txt" || { echo "the kernel did not learn world 2"; fail=1; }
grep -q "02:00:00:00:00:03 dst 10.9.0.3 self" "$VXH_DIR/2.out" || { echo "world 2 did not learn world 3"; fail=1; }
[ $rc2 = 0 ] || { echo "world 2 exited $rc2"; fail=1; }
[ $rc3 = 0 ] || { echo "world 3 exited $rc3"; fail=1; }
[ $fail = 0 ] || { for n in 2 3; do echo "--- world $n"; tail -30 "$VXH_DIR/$n.out"; done; cat "$VXH_DIR/kfdb.txt"; exit 1; }
echo "kernel + two skbox worlds on group 239.1.1.1 over real UDP: join, ping, learning: ok"
