#!/bin/bash
# make bench: skbox's figures beside the kernel's, measured in the same run.
# Writes build/bench.json as a list of {"case","unit","skbox","kernel","ratio"}.
set -euo pipefail
cd "$(dirname "$0")/../.."
B=build
mkdir -p $B/bench
cc -std=c11 -D_GNU_SOURCE -O2 -g -Iinclude tests/bench/bench_bridge.c $B/libskbox.a \
	-lpcap -ledit -lm -o $B/bench/bench_bridge

N=${BENCH_EXCHANGES:-500000}
skbox_pps=$($B/bench/bench_bridge "$N" | awk '{print $6}')

# Instructions per packet: callgrind counts instructions, repeatable run to run.
ipp=""
if command -v valgrind >/dev/null; then
	small=20000
	out=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$out.cg" $B/bench/bench_bridge $small \
		>/dev/null 2>"$out" || true
	total=$(grep -E "Collected" "$out" | awk '{print $NF}' | tr -d ,)
	base_out=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$base_out.cg" $B/bench/bench_bridge 1 \
		>/dev/null 2>"$base_out" || true
	base=$(grep -E "Collected" "$base_out" | awk '{print $NF}' | tr -d ,)
	if [ -n "$total" ] && [ -n "$base" ]; then
		ipp=$(( (total - base) / (2 * (small - 1)) ))
	fi
	rm -f "$out" "$out.cg" "$base_out" "$base_out.cg"
fi

# The kernel: the same topology in real namespaces, flood ping for the same count.
kernel_pps=null
if [ "$(id -u)" = 0 ] && unshare --net true 2>/dev/null && command -v ping >/dev/null; then
	KN=${BENCH_KERNEL_EXCHANGES:-100000}
	kernel_pps=$(unshare --net --mount --propagation private bash -c '
		mount -t tmpfs tmpfs /run 2>/dev/null; mkdir -p /run/netns
		set -e
		ip link add name testbr type bridge
		ip link add name veth1 type veth peer name br-veth1
		ip link add name veth2 type veth peer name br-veth2
		ip netns add test1; ip netns add test2
		ip link set netns test1 dev veth1; ip link set netns test2 dev veth2
		ip link set master testbr dev br-veth1; ip link set master testbr dev br-veth2
		ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
		ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
		ip netns exec test1 ip link set veth1 up; ip netns exec test2 ip link set veth2 up
		ip link set br-veth1 up; ip link set br-veth2 up; ip link set testbr up
		ip netns exec test1 ping -c 1 -W 2 172.16.0.3 >/dev/null
		s=$(date +%s.%N)
		ip netns exec test1 ping -q -f -c '"$KN"' 172.16.0.3 >/dev/null
		e=$(date +%s.%N)
		ip netns del test1; ip netns del test2
		echo "2 * '"$KN"' / ($e - $s)" | bc -l | cut -d. -f1')
else
	echo "kernel side skipped: needs root and unshare" >&2
fi

ratio=null
if [ "$kernel_pps" != null ]; then
	ratio=$(echo "$skbox_pps / $kernel_pps" | bc -l | awk '{printf "%.2f", $1}')
fi
printf '%-28s %14s %14s %8s\n' case skbox kernel ratio
printf '%-28s %14s %14s %8s\n' "bridge-icmp (packets/s)" "$skbox_pps" "$kernel_pps" "$ratio"
[ -n "$ipp" ] && printf '%-28s %14s\n' "bridge-icmp (instr/packet)" "$ipp"
cat > $B/bench.json <<JSON
[
  {"case": "bridge-icmp", "unit": "packets/s", "skbox": $skbox_pps, "kernel": $kernel_pps, "ratio": $ratio},
  {"case": "bridge-icmp-instructions", "unit": "instructions/packet", "skbox": ${ipp:-null}, "kernel": null, "ratio": null}
]
JSON
mkdir -p tests/bench/history
echo "$(date -u +%F) $(git rev-parse --short HEAD 2>/dev/null || echo -) bridge-icmp instr/packet ${ipp:-?} pps $skbox_pps" >> tests/bench/history/instructions.txt
