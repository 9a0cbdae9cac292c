#!/bin/bash
# A world's vxlan joins a Linux vxlan device over real UDP (host-underlay).
# Node 1: the kernel's vx0 (id 42, remote 10.9.0.2) with 10.200.0.1/24.
# Node 2: skbox; its vxlan0 (remote 10.9.0.1 local 10.9.0.2 host-underlay)
# is a port of br0 (10.200.0.2/24) with the pod "pod" (10.200.0.3/24)
# behind a veth.  The kernel pings both; the pod pings the kernel; a line
# by nc to the pod; 4 MiB each way over HTTP between the kernel and br0's
# address (kernel curl <- skbox httpd, skbox curl <- the kernel's python
# http.server), bytes compared (not from the pod: see docs/OVERLAY.md,
# skbox's veth drops bursts beyond its backlog and TCP stalls); tcpdump
# and tshark on the kernel's eth0 decode VXLAN vni 42 around the pings.
# skbox ends with no leak.
. "$(dirname "$0")/vxhost-lib.bash"
vxh_require
command -v curl > /dev/null || { echo "SKIP: curl not installed"; exit 77; }
vxh_setup
vxh_node 1
vxh_node 2
vxh_kernel_vtep 1 remote 10.9.0.2
mkdir -p "$VXH_DIR/kroot" "$VXH_DIR/sroot"
head -c 4194304 /dev/urandom > "$VXH_DIR/kroot/big"
head -c 4194304 /dev/urandom > "$VXH_DIR/sroot/big"
(cd "$VXH_DIR/kroot" && exec ip netns exec "$VXH-1" python3 -m http.server -b 10.200.0.1 8000) \
	> "$VXH_DIR/pyhttp.log" 2>&1 &
VXH_PIDS="$VXH_PIDS $!"
for _ in $(seq 1 50); do
	nsx 1 curl -s -o /dev/null http://10.200.0.1:8000/ && break
	sleep 0.1
done
cat > "$VXH_DIR/s.sh" <<SCRIPT
ip link add vxlan0 type vxlan id 42 dstport 4789 remote 10.9.0.1 local 10.9.0.2 host-underlay
ip link add br0 type bridge
ip link set vxlan0 master br0
ip addr add 10.200.0.2/24 dev br0
ip netns add pod
ip link add veth0 type veth peer name eth0 netns pod
ip link set veth0 master br0
ip link set veth0 up
ip link set vxlan0 up
ip link set br0 up
ip -n pod addr add 10.200.0.3/24 dev eth0
ip -n pod link set eth0 up
ip -n pod link set lo up
httpd -p 80 -d $VXH_DIR/sroot &
ip netns exec pod nc -l 7000
ip netns exec pod ping -c 3 -i 0.2 10.200.0.1
curl -f -s -S -m 30 -o $VXH_DIR/from-kernel http://10.200.0.1:8000/big
echo skbox-curl=\$?
bridge fdb show dev vxlan0
ip -s link show vxlan0
nc -l 9999
SCRIPT
vxh_start 2 "$VXH_DIR/s.sh"
vxh_wait_udp 2
vxh_wait_ping 1 10.200.0.3
nsx 1 timeout 3 tcpdump -i eth0 -nn -U -w "$VXH_DIR/cap.pcap" udp port 4789 2> /dev/null &
tcpd=$!
sleep 0.5
nsx 1 ping -c 2 -i 0.2 -q 10.200.0.2 > /dev/null
nsx 1 ping -c 2 -i 0.2 -q 10.200.0.3 > /dev/null
wait $tcpd
echo hello-from-the-kernel | nsx 1 timeout 10 nc -N 10.200.0.3 7000
for _ in $(seq 1 300); do
	grep -q skbox-curl= "$VXH_DIR/2.out" && break
	sleep 0.1
done
nsx 1 curl -f -s -S -m 30 -o "$VXH_DIR/from-skbox" -w '%{speed_download}\n' http://10.200.0.2/big \
	> "$VXH_DIR/kcurl.out" 2>&1
krc=$?
vxh_quit 1 10.200.0.2
vxh_wait 2
src=$?
fail=0
tcpdump -nn -v -r "$VXH_DIR/cap.pcap" 2> /dev/null > "$VXH_DIR/cap.txt"
grep -q "VXLAN, flags \[I\] (0x08), vni 42" "$VXH_DIR/cap.txt" || { echo "tcpdump saw no VXLAN vni 42"; fail=1; }
grep -q "10.200.0.1 > 10.200.0.3: ICMP echo request" "$VXH_DIR/cap.txt" || { echo "no inner echo request"; fail=1; }
grep -q "10.200.0.3 > 10.200.0.1: ICMP echo reply" "$VXH_DIR/cap.txt" || { echo "no inner echo reply from the pod"; fail=1; }
grep -q "10.9.0.2.4789 > 10.9.0.1.4789" "$VXH_DIR/cap.txt" || { echo "outer UDP not from 10.9.0.2:4789"; fail=1; }
if command -v tshark > /dev/null; then
	vnis=$(tshark -r "$VXH_DIR/cap.pcap" -Y 'vxlan && icmp' -T fields -e vxlan.vni 2> /dev/null | sort -u)
	[ "$vnis" = 42 ] || { echo "tshark: VXLAN VNIs '$vnis', not 42"; fail=1; }
	bad=$(tshark -r "$VXH_DIR/cap.pcap" -Y '_ws.malformed || _ws.expert.severity >= error' 2> /dev/null | wc -l)
	[ "$bad" = 0 ] || { echo "tshark: $bad malformed frames"; fail=1; }
fi
grep -q "hello-from-the-kernel" "$VXH_DIR/2.out" || { echo "nc line not received by the pod"; fail=1; }
grep -q "3 packets transmitted, 3 received" "$VXH_DIR/2.out" || { echo "pod ping to the kernel failed"; fail=1; }
grep -q "skbox-curl=0" "$VXH_DIR/2.out" || { echo "skbox curl failed"; fail=1; }
cmp -s "$VXH_DIR/kroot/big" "$VXH_DIR/from-kernel" || { echo "skbox got other bytes than the kernel served"; fail=1; }
[ $krc = 0 ] || { echo "kernel curl failed ($krc):"; cat "$VXH_DIR/kcurl.out"; fail=1; }
cmp -s "$VXH_DIR/sroot/big" "$VXH_DIR/from-skbox" || { echo "the kernel got other bytes than skbox served"; fail=1; }
[ $src = 0 ] || { echo "skbox exited $src"; fail=1; }
[ $fail = 0 ] || { echo "--- skbox output"; tail -40 "$VXH_DIR/2.out"; echo "--- capture"; head -20 "$VXH_DIR/cap.txt"; exit 1; }
echo "kernel vxlan <-> skbox vxlan over real UDP: ping, nc, 4 MiB each way over HTTP, VXLAN decoded: ok"
echo "kernel curl from skbox httpd: $(cat "$VXH_DIR/kcurl.out") bytes/s"
