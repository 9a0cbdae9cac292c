#!/bin/bash
# make bench: skbox's figures beside the kernel's, measured in the same run.
# Writes build/bench.json as a list of {"case","unit","skbox","kernel","ratio"}.
set -euo pipefail
cd "$(dirname "$0")/../.."
B=build
mkdir -p $B/bench
cc -std=c11 -D_GNU_SOURCE -O2 -g -Iinclude tests/bench/bench_bridge.c $B/libskbox.a \
	-lpcap -ledit -lm -o $B/bench/bench_bridge

# The same library with every trace point compiled out: what the points cost when off.
make -s BUILD=$B/notrace EXTRA_CFLAGS=-DSKBOX_NO_TRACE $B/notrace/libskbox.a >/dev/null
cc -std=c11 -D_GNU_SOURCE -O2 -g -Iinclude tests/bench/bench_bridge.c $B/notrace/libskbox.a \
	-lpcap -ledit -lm -o $B/bench/bench_bridge_notrace

N=${BENCH_EXCHANGES:-500000}
skbox_pps=$($B/bench/bench_bridge "$N" | awk '{print $6}')
notrace_pps=$($B/bench/bench_bridge_notrace "$N" | awk '{print $6}')
traced_pps=$(BENCH_TRACE=1 $B/bench/bench_bridge $((N / 10)) | awk '{print $6}')

# Instructions per packet: callgrind counts instructions, repeatable run to run.
instr_per_packet() {
	local bin=$1 small=20000 out total base
	out=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$out.cg" "$bin" $small >/dev/null 2>"$out" || true
	total=$(grep -E "Collected" "$out" | awk '{print $NF}' | tr -d ,)
	valgrind --tool=callgrind --callgrind-out-file="$out.cg" "$bin" 1 >/dev/null 2>"$out" || true
	base=$(grep -E "Collected" "$out" | awk '{print $NF}' | tr -d ,)
	rm -f "$out" "$out.cg"
	[ -n "$total" ] && [ -n "$base" ] && echo $(( (total - base) / (2 * (small - 1)) ))
}
ipp=""
ipp_notrace=""
trace_cost=null
if command -v valgrind >/dev/null; then
	ipp=$(instr_per_packet $B/bench/bench_bridge)
	ipp_notrace=$(instr_per_packet $B/bench/bench_bridge_notrace)
	if [ -n "$ipp" ] && [ -n "$ipp_notrace" ]; then
		trace_cost=$(echo "100 * ($ipp - $ipp_notrace) / $ipp_notrace" | bc -l | awk '{printf "%.2f", $1}')
	fi
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
printf '%-28s %14s   (trace points compiled out: %s instr/packet, %s packets/s)\n' \
	"trace off: cost (%)" "$trace_cost" "${ipp_notrace:-?}" "$notrace_pps"
printf '%-28s %14s\n' "bridge-icmp traced (pkts/s)" "$traced_pps"
cat > $B/bench.json <<JSON
[
  {"case": "bridge-icmp", "unit": "packets/s", "skbox": $skbox_pps, "kernel": $kernel_pps, "ratio": $ratio},
  {"case": "bridge-icmp-instructions", "unit": "instructions/packet", "skbox": ${ipp:-null}, "kernel": null, "ratio": null},
  {"case": "trace-off-cost", "unit": "% instructions/packet vs trace points compiled out", "skbox": $trace_cost, "kernel": null, "ratio": null},
  {"case": "bridge-icmp-traced", "unit": "packets/s, every packet traced", "skbox": $traced_pps, "kernel": null, "ratio": null}
]
JSON
mkdir -p tests/bench/history
echo "$(date -u +%F) $(git rev-parse --short HEAD 2>/dev/null || echo -) bridge-icmp instr/packet ${ipp:-?} pps $skbox_pps" >> tests/bench/history/instructions.txt
