#!/bin/bash
# Writes the seed captures of fuzz_pcap (tests/fuzz/corpus/pcap/) with skbox's
# own tcpdump -w: ARP, ping (plain, fragmented, with TTL 1 through a router),
# UDP, a TCP connection with data and a refused one.
set -eu
out=$(readlink -f tests/fuzz/corpus/pcap)
skbox=$(readlink -f ${SKBOX:-build/skbox})
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/seeds.sh" <<SCRIPT
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a tcpdump -i eth0 -c 6 -w $out/ping.pcap &
ip netns exec a ping -c 2 10.0.0.2
wait
ip netns exec a tcpdump -i eth0 -c 4 -w $out/frag.pcap &
ip netns exec a ping -c 1 -s 3000 10.0.0.2
wait
ip netns exec b nc -u -l 5000 &
ip netns exec a tcpdump -i eth0 -c 1 -w $out/udp.pcap &
echo hello | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5000
wait
ip netns exec b nc -l 10.0.0.2 8080 &
ip netns exec a tcpdump -i eth0 -c 8 -w $out/tcp.pcap &
echo hello | ip netns exec a nc -N -p 40000 10.0.0.2 8080
wait
ip netns exec a tcpdump -i eth0 -c 2 -w $out/tcp-refused.pcap &
ip netns exec a nc -z -w 1 10.0.0.2 81
wait
ip netns exec b iptables -A INPUT -p udp -j REJECT
ip netns exec a tcpdump -i eth0 -c 2 -w $out/icmp-unreach.pcap &
echo x | ip netns exec a nc -u -w 1 -p 4001 10.0.0.2 5001
wait
true
SCRIPT
"$skbox" run --timeout 30 "$tmp/seeds.sh" >/dev/null 2>&1 || true
ls -l "$out"
