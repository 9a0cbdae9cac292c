#!/bin/bash
# TSO over IPv6 seen by tshark: a's super-packets are cut by tcp6_gso_segment
# where r's egress has TSO off (checksum offload too there and on b0, so that
# what is not cut has full sums as well); the pcap on b0 holds real segments
# (none larger than the MSS, 1428 bytes with timestamps) whose TCP checksums
# tshark verifies over the IPv6 pseudo header: no malformed frame, no bad
# checksum.  The pcap on r0 (before the cut) holds super-packets.
set -u
command -v tshark >/dev/null || { echo "tshark not installed"; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/tshark6.XXXXXX")
trap 'rm -rf "$dir"' EXIT
sed "s|@DIR@|$dir|" > "$dir/script.sh" <<'SCRIPT'
ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name r0 netns r
ip link add b0 netns b type veth peer name r1 netns r
ip -n a addr add fd00:1::1/64 dev a0 nodad
ip -n r addr add fd00:1::2/64 dev r0 nodad
ip -n r addr add fd00:2::2/64 dev r1 nodad
ip -n b addr add fd00:2::1/64 dev b0 nodad
ip -n a link set a0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n b link set b0 up
ip -n a route add default via fd00:1::2
ip -n b route add default via fd00:2::2
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r ethtool -K r1 tso off gso off tx off
ip netns exec b ethtool -K b0 tx off
ip netns exec b iperf3 -6 -s -1 &
sleep 1
ip netns exec r tcpdump -i r0 -w @DIR@/r0.pcap -c 40 ip6 and tcp &
ip netns exec b tcpdump -i b0 -w @DIR@/b0.pcap -c 200 ip6 and tcp &
ip netns exec a iperf3 -6 -c fd00:2::1 -n 1M -i 0
wait
SCRIPT
"$SKBOX" run "$dir/script.sh" >/dev/null 2>&1 || { echo "skbox run failed"; exit 1; }
frames=$(tshark -r "$dir/b0.pcap" 2>/dev/null | wc -l)
bad=$(tshark -r "$dir/b0.pcap" -o tcp.check_checksum:TRUE \
	-Y "_ws.malformed || tcp.checksum.status == 0 || _ws.expert.severity >= error" 2>/dev/null | wc -l)
good=$(tshark -r "$dir/b0.pcap" -o tcp.check_checksum:TRUE -Y "tcp.checksum.status == 1" 2>/dev/null | wc -l)
big=$(tshark -r "$dir/b0.pcap" -Y "tcp.len > 1428" 2>/dev/null | wc -l)
super=$(tshark -r "$dir/r0.pcap" -Y "tcp.len > 1428" 2>/dev/null | wc -l)
echo "b0: frames=$frames checksums_good=$good bad_or_malformed=$bad over_mss=$big; r0: super_packets=$super"
[ "$frames" -eq 200 ] && [ "$good" -gt 150 ] && [ "$bad" -eq 0 ] && [ "$big" -eq 0 ] && [ "$super" -gt 0 ]
