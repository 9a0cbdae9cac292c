#!/bin/bash
# tcpdump -w inside skbox writes pcap files that tshark (Wireshark) reads with no
# malformed packet and no checksum warning: ARP and ICMP echo through the seed bridge
# (IPv6 off: its MLD, DAD and router solicitations would fill the six frames).
set -u
command -v tshark >/dev/null || { echo "tshark not installed"; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/tshark.XXXXXX")
trap 'rm -rf "$dir"' EXIT
sed "s|@PCAP@|$dir/cap.pcap|" > "$dir/script.sh" <<'SCRIPT'
ip link add name testbr type bridge
ip link add name veth1 type veth peer name br-veth1
ip link add name veth2 type veth peer name br-veth2
ip netns add test1
ip netns add test2
ip link set netns test1 dev veth1
ip link set netns test2 dev veth2
ip link set master testbr dev br-veth1
ip link set master testbr dev br-veth2
ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
ip netns exec test1 ip link set veth1 up
ip netns exec test2 ip link set veth2 up
ip link set br-veth1 up
ip link set br-veth2 up
ip link set testbr up
ip netns exec test1 tcpdump -i veth1 -w @PCAP@ -c 6 &
ip netns exec test1 ping -c 2 172.16.0.3
wait
SCRIPT
"$SKBOX" run --no-ipv6 "$dir/script.sh" >/dev/null || { echo "skbox run failed"; exit 1; }
frames=$(tshark -r "$dir/cap.pcap" 2>/dev/null | wc -l)
bad=$(tshark -r "$dir/cap.pcap" -o ip.check_checksum:TRUE \
	-Y "_ws.malformed || _ws.expert.severity >= warning" 2>/dev/null | wc -l)
icmp=$(tshark -r "$dir/cap.pcap" -Y "icmp.type == 0 || icmp.type == 8" 2>/dev/null | wc -l)
echo "frames=$frames icmp=$icmp malformed_or_warnings=$bad"
[ "$frames" -eq 6 ] && [ "$icmp" -eq 4 ] && [ "$bad" -eq 0 ]
