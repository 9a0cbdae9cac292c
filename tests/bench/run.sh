#!/bin/bash
# make bench: skbox's figures beside the kernel's, measured in the same run.
# Prints a table and writes build/bench.json: a list of
# {"case","unit","skbox","kernel","ratio"}, ratio oriented so that higher is better
# for skbox.  The kernel's side (tests/bench/kernel.sh) runs in throw-away
# namespaces and needs root and unshare; without them it is skipped with a message.
#
# The bench programs are built as the release build is (the Makefile's OPT_CFLAGS,
# -O3 -flto); BENCH_OPT_CFLAGS="-O2 -g" builds them, and a library of their own,
# with other flags (docs/PERFORMANCE.md, "The build").
# Sizes (environment): BENCH_EXCHANGES (bridge-icmp, 500000), BENCH_UDP (1000000),
# BENCH_KERNEL_EXCHANGES (100000), BENCH_NETNS (10000), BENCH_KERNEL_NETNS (100).
set -euo pipefail
cd "$(dirname "$0")/../.."
B=build
mkdir -p $B/bench
LIBS="-lpcap -ledit -lm -lpthread"
OPT=$(make -s --no-print-directory print-opt-cflags)
LIB=$B/libskbox.a
OPT_DIR=""
if [ -n "${BENCH_OPT_CFLAGS:-}" ]; then
	OPT=$BENCH_OPT_CFLAGS; OPT_DIR="-opt"
	make -s BUILD=$B/opt OPT_CFLAGS="$OPT" $B/opt/libskbox.a >/dev/null
	LIB=$B/opt/libskbox.a
fi
CF="-std=c11 -D_GNU_SOURCE $OPT -Iinclude"
cc $CF tests/bench/bench_bridge.c $LIB $LIBS -o $B/bench/bench_bridge
cc $CF tests/bench/bench_suite.c $LIB $LIBS -o $B/bench/bench_suite
cc -D_GNU_SOURCE -O2 tests/bench/kernel_udp.c -o $B/bench/kernel_udp
cc -D_GNU_SOURCE -O2 tests/bench/kernel_tcp.c -o $B/bench/kernel_tcp
# The same library with every trace point compiled out: what the points cost when off.
make -s BUILD=$B/notrace$OPT_DIR OPT_CFLAGS="$OPT" EXTRA_CFLAGS="-DSKBOX_NO_TRACE" \
	$B/notrace$OPT_DIR/libskbox.a >/dev/null
cc $CF tests/bench/bench_bridge.c $B/notrace$OPT_DIR/libskbox.a $LIBS -o $B/bench/bench_bridge_notrace

kernel_ok=false
if [ "$(id -u)" = 0 ] && unshare --net true 2>/dev/null && command -v ping >/dev/null; then
	kernel_ok=true
else
	echo "kernel side skipped: needs root and unshare" >&2
fi
kernel() { if $kernel_ok; then bash tests/bench/kernel.sh "$@"; else echo null; fi; }
ratio() { # ratio A B: A/B with two decimals, or null
	if [ "$1" = null ] || [ "$2" = null ] || [ -z "$1" ] || [ -z "$2" ]; then echo null; return; fi
	echo "$1 / $2" | bc -l | awk '{printf "%.2f", $1}'
}
field() { awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }

rows=()
row() { # row CASE UNIT SKBOX KERNEL RATIO
	printf '%-26s %-34s %12s %12s %8s\n' "$1" "$2" "$3" "$4" "$5"
	rows+=("{\"case\": \"$1\", \"unit\": \"$2\", \"skbox\": $3, \"kernel\": $4, \"ratio\": $5}")
}

# Instructions per packet: callgrind counts instructions, repeatable run to run.
instr_per_packet() {
	local bin=$1 small=20000 out total base
	out=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$out.cg" "$bin" $small >/dev/null 2>"$out" || true
	total=$(grep -E "Collected" "$out" | awk '{print $NF}' | tr -d ,)
	valgrind --tool=callgrind --callgrind-out-file="$out.cg" "$bin" 1 >/dev/null 2>"$out" || true
	base=$(grep -E "Collected" "$out" | awk '{print $NF}' | tr -d ,)
	rm -f "$out" "$out.cg"
	if [ -n "$total" ] && [ -n "$base" ]; then echo $(( (total - base) / (2 * (small - 1)) )); else echo null; fi
}

printf '%-26s %-34s %12s %12s %8s\n' case unit skbox kernel ratio

# bridge-icmp: ping flood through veth → bridge → veth (the foundation benchmark)
N=${BENCH_EXCHANGES:-500000}
KN=${BENCH_KERNEL_EXCHANGES:-100000}
s=$($B/bench/bench_bridge "$N" | field pps)
k=$(kernel bridge-icmp "$KN")
row bridge-icmp "packets/s" "$s" "$k" "$(ratio "$s" "$k")"

# bridge-udp: 64-byte datagrams socket to socket; the kernel's sender uses sendmmsg
U=${BENCH_UDP:-1000000}
s=$($B/bench/bench_suite bridge-udp "$U" | field pps)
k=$(kernel bridge-udp "$U" "$PWD/$B/bench/kernel_udp")
row bridge-udp "packets/s" "$s" "$k" "$(ratio "$s" "$k")"

# bridge-udp-all-cores: one world per core (worlds share nothing), beside the kernel
# with one flow per core through the same bridge
C=$(nproc)
s=$($B/bench/bench_suite bridge-udp-mt "$C" "$U" | field pps)
k=$(kernel bridge-udp-mt "$C" "$U" "$PWD/$B/bench/kernel_udp")
row bridge-udp-all-cores "packets/s ($C cores)" "$s" "$k" "$(ratio "$s" "$k")"

# forward-udp: frames injected on one port of a router namespace, forwarded out of
# another (ip_rcv -> ip_forward -> ip_output -> neighbour -> xmit), one core; the
# same rate from the thread's CPU time, and one world per core (per-core and all-core)
F=${BENCH_FORWARD:-2000000}
# (the kernel: the same frames injected with a packet socket, kernel.sh forward-inject)
out=$($B/bench/bench_suite forward-udp "$F")
s=$(echo "$out" | field pps)
k=$(kernel forward-inject "$F" "$PWD/$B/bench/kernel_udp" | field pps); [ -n "$k" ] || k=null
row forward-udp "packets/s (target 10 M)" "$s" "$k" "$(ratio "$s" "$k")"
row forward-udp-cpu "packets/s from CPU time (target 10 M)" "$(echo "$out" | field pps_cpu)" null null
out=$($B/bench/bench_suite forward-udp-mt "$C" "$F")
s=$(echo "$out" | field pps)
k=$(kernel forward-inject-mt "$C" "$F" "$PWD/$B/bench/kernel_udp" | field pps); [ -n "$k" ] || k=null
row forward-udp-all-cores "packets/s ($C cores)" "$s" "$k" "$(ratio "$s" "$k")"
row forward-udp-per-core "packets/s per core, from CPU time (lowest)" \
	"$(echo "$out" | field per_core_cpu | tr , '\n' | sort -n | head -1)" null null
# instructions per packet: N packets minus one, over N - 1 (callgrind)
callgrind_per_packet() { # CASE N
	local o t1 t0
	command -v valgrind >/dev/null || { echo null; return; }
	o=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$o.cg" $B/bench/bench_suite "$1" "$2" >/dev/null 2>"$o" || true
	t1=$(awk '/Collected/ {print $NF}' "$o" | tr -d ,)
	valgrind --tool=callgrind --callgrind-out-file="$o.cg" $B/bench/bench_suite "$1" 1 >/dev/null 2>"$o" || true
	t0=$(awk '/Collected/ {print $NF}' "$o" | tr -d ,)
	rm -f "$o" "$o.cg"
	if [ -n "$t1" ] && [ -n "$t0" ]; then echo $(( (t1 - t0) / ($2 - 1) )); else echo null; fi
}
fipp=$(callgrind_per_packet forward-udp 200000)
row forward-udp-instructions "instructions/packet" "$fipp" null null

# forward-udp-sock: 64-byte datagrams from a socket in namespace a to one in b
# through the router r (the kernel: sendmmsg/recvmmsg, as bridge-udp), one flow,
# then one flow per core (one world per core in skbox)
out=$($B/bench/bench_suite forward-udp-sock "$U")
s=$(echo "$out" | field pps)
k=$(kernel forward-udp "$U" "$PWD/$B/bench/kernel_udp"); [ -n "$k" ] || k=null
row forward-udp-sock "packets/s (target 10x)" "$s" "$k" "$(ratio "$s" "$k")"
row forward-udp-sock-cpu "packets/s from CPU time" "$(echo "$out" | field pps_cpu)" null null
row forward-udp-sock-out-of-order "datagrams after a later one (target 0)" "$(echo "$out" | field out_of_order)" null null
out=$($B/bench/bench_suite forward-udp-sock-mt "$C" "$U")
s=$(echo "$out" | field pps)
k=$(kernel forward-udp-mt "$C" "$U" "$PWD/$B/bench/kernel_udp"); [ -n "$k" ] || k=null
row forward-udp-sock-all-cores "packets/s ($C cores)" "$s" "$k" "$(ratio "$s" "$k")"
row forward-udp-sock-all-cores-out-of-order "datagrams after a later one (target 0)" "$(echo "$out" | field out_of_order)" null null
fsipp=$(callgrind_per_packet forward-udp-sock 200000)
row forward-udp-sock-instructions "instructions/packet" "$fsipp" null null

# tcp-stream and tcp-crr: TCP over a veth pair between two namespaces
MB=${BENCH_TCP_MB:-2000}
s=$($B/bench/bench_suite tcp-stream "$MB" 2>/dev/null | field gbps); [ -n "$s" ] || s=null
k=$(kernel tcp-stream "$MB" "$PWD/$B/bench/kernel_tcp"); [ -n "$k" ] || k=null
row tcp-stream "Gbit/s (target 2x)" "$s" "$k" "$(ratio "$s" "$k")"
# the same with the sender cutting real segments (TSO and GSO off), without and
# with GRO on the receiving veth (ethtool -K veth2 gro on)
for off in tso-off tso-off-gro; do
	s=$($B/bench/bench_suite tcp-stream "$((MB / 4))" $off 2>/dev/null | field gbps); [ -n "$s" ] || s=null
	k=$(kernel tcp-stream "$((MB / 4))" "$PWD/$B/bench/kernel_tcp" $off); [ -n "$k" ] || k=null
	row "tcp-stream-$off" "Gbit/s" "$s" "$k" "$(ratio "$s" "$k")"
done
CRR=${BENCH_CRR:-5000}
s=$($B/bench/bench_suite tcp-crr "$CRR" 2>/dev/null | field tps); [ -n "$s" ] || s=null
k=$(kernel tcp-crr "$CRR" "$PWD/$B/bench/kernel_tcp"); [ -n "$k" ] || k=null
row tcp-crr "transactions/s (target 5x)" "$s" "$k" "$(ratio "$s" "$k")"

# tcp-lossy: 100 MB through netem (delay 5ms loss 10% duplicate 5% reorder 25%) both
# ways, every byte checked; 1 when intact.  tcp-idle: heap bytes per idle established
# connection (target < 2048 beyond buffers)
LMB=${BENCH_LOSSY_MB:-100}
for ca in reno cubic; do
	out=$($B/bench/bench_suite tcp-lossy "$LMB" $ca 2>/dev/null) && ok=1 || ok=0
	row "tcp-lossy-$ca" "intact after ${LMB} MB (1 = yes)" "$ok" null null
	row "tcp-lossy-$ca-virtual" "virtual seconds for ${LMB} MB" "$(echo "$out" | field virtual)" null null
done
s=$($B/bench/bench_suite tcp-idle "${BENCH_TCP_IDLE:-10000}" | field bytes_per_connection)
row tcp-idle-memory "bytes per idle connection (target < 2048)" "${s:-null}" null null

# rules-10k: a kube-proxy-shaped rule set (filter-table shape, 8 rules a service) in a
# router's FORWARD path; load time beside the kernel's iptables-restore, and the
# forwarding rate to the last service with 10,000 services against 10
out10=$($B/bench/bench_suite rules 10 500000)
out10k=$($B/bench/bench_suite rules 10000 500000)
$B/bench/bench_suite rules-print 10000 > $B/bench/kube10k.rules
s=$(echo "$out10k" | field load_seconds)
k=$(kernel rules-load "$PWD/$B/bench/kube10k.rules"); [ -n "$k" ] || k=null
row rules-10k-load "seconds (lower is better; target 1)" "$s" "$k" "$(ratio "$k" "$s")"
p10=$(echo "$out10" | field pps); p10k=$(echo "$out10k" | field pps)
row rules-10k-cost "cost per packet vs 10 services (target <= 3)" "$(ratio "$p10" "$p10k")" null null
# the same with every packet a new connection (conntrack entry + nat table walk)
n10=$($B/bench/bench_suite rules 10 200000 new | field pps)
n10k=$($B/bench/bench_suite rules 10000 200000 new | field pps)
row rules-10k-new-conn "new-connection cost vs 10 services (target <= 3)" "$(ratio "$n10" "$n10k")" null null

# trace points: their cost when tracing is off, and the rate with every packet traced
ipp=null; ipp0=null; cost=null
if command -v valgrind >/dev/null; then
	ipp=$(instr_per_packet $B/bench/bench_bridge)
	ipp0=$(instr_per_packet $B/bench/bench_bridge_notrace)
	[ "$ipp" != null ] && [ "$ipp0" != null ] &&
		cost=$(echo "100 * ($ipp - $ipp0) / $ipp0" | bc -l | awk '{printf "%.2f", $1}')
fi
row bridge-icmp-instructions "instructions/packet" "$ipp" null null
row trace-off-cost "% instructions vs points compiled out" "$cost" null null
s=$(BENCH_TRACE=1 $B/bench/bench_bridge $((N / 10)) | field pps)
row bridge-icmp-traced "packets/s, every packet traced" "$s" null null

# netns: namespaces with a veth into one of 10 bridges, address, default route
NN=${BENCH_NETNS:-10000}
KNN=${BENCH_KERNEL_NETNS:-100}
out=$($B/bench/bench_suite netns "$NN")
row "netns-$NN" "seconds" "$(echo "$out" | field seconds)" null null
row "netns-$NN-memory" "MB" "$(echo "$out" | field rss_mb)" null null
s=$($B/bench/bench_suite netns "$KNN" | field seconds)
kout=$(kernel netns "$KNN")
k=$(echo "$kout" | field seconds); [ -n "$k" ] || k=null
row "netns-$KNN" "seconds (lower is better)" "$s" "$k" "$(ratio "$k" "$s")"

# sim-speed: 100 namespaces pinging each other every second for 60 s of virtual time
out=$($B/bench/bench_suite sim-speed 100 60)
row sim-speed "times faster than real time" "$(echo "$out" | field speedup)" null null
# the same from the thread's CPU time (what other jobs on the machine take is left out)
row sim-speed-cpu "times faster than real time, CPU (target 100)" "$(echo "$out" | field speedup_cpu)" null null
# its instructions per echo exchange in the steady state (3 s minus 1 s of virtual
# time: 19,800 exchanges) and in the first second (the ARP storm: 4,950 requests
# flooded to 99 ports each)
sipx=null; sfirst=null
if command -v valgrind >/dev/null; then
	o=$(mktemp)
	valgrind --tool=callgrind --callgrind-out-file="$o.cg" $B/bench/bench_suite sim-speed 100 3 >/dev/null 2>"$o" || true
	t3=$(awk '/Collected/ {print $NF}' "$o" | tr -d ,)
	valgrind --tool=callgrind --callgrind-out-file="$o.cg" $B/bench/bench_suite sim-speed 100 1 >/dev/null 2>"$o" || true
	t1=$(awk '/Collected/ {print $NF}' "$o" | tr -d ,)
	rm -f "$o" "$o.cg"
	[ -n "$t3" ] && [ -n "$t1" ] && sipx=$(( (t3 - t1) / 19800 )) && sfirst=$t1
fi
row sim-speed-instructions "instructions/exchange" "$sipx" null null
row sim-speed-first-second "instructions (ARP storm)" "$sfirst" null null

# conntrack-1m: a million UDP entries in one namespace (memory per entry, CPU time of a
# lookup); the kernel's figure is its nf_conntrack slab object (extensions come on top)
CT=${BENCH_CONNTRACK:-1000000}
cc $CF tests/bench/bench_conntrack.c $LIB $LIBS -o $B/bench/bench_conntrack
out=$($B/bench/bench_conntrack "$CT")
k=$(cat /sys/kernel/slab/nf_conntrack/slab_size 2>/dev/null || echo null)
s=$(echo "$out" | field bytes_per_entry)
row conntrack-1m-memory "bytes/entry (lower is better)" "$s" "$k" "$(ratio "$k" "$s")"
row conntrack-1m-lookup "ns/packet of a known flow" "$(echo "$out" | field lookup_ns)" null null
# TAP: the kernel and skbox through a host TAP, beside kernel <-> kernel over veth
tout=$(bash tests/bench/tap.sh $B/skbox 2>/dev/null || true)
tf() { local v; v=$(echo "$tout" | field "$1"); echo "${v:-null}"; }
row tap-ping-rtt "ms avg, kernel->skbox TAP vs veth (lower is better)" "$(tf tap_rtt_ms)" "$(tf veth_rtt_ms)" "$(ratio "$(tf veth_rtt_ms)" "$(tf tap_rtt_ms)")"
row tap-http "Mbit/s, kernel curl via TAP vs veth" "$(tf tap_mbit)" "$(tf veth_mbit)" "$(ratio "$(tf tap_mbit)" "$(tf veth_mbit)")"

{
	echo "["
	for i in "${!rows[@]}"; do
		sep=","; [ "$i" -eq $((${#rows[@]} - 1)) ] && sep=""
		echo "  ${rows[$i]}$sep"
	done
	echo "]"
} > $B/bench.json
mkdir -p tests/bench/history
echo "$(date -u +%F) $(git rev-parse --short HEAD 2>/dev/null || echo -) bridge-icmp instr/packet $ipp trace-off-cost $cost% forward-udp instr/packet $fipp forward-udp-sock instr/packet $fsipp sim-speed instr/exchange $sipx first-second $sfirst" >> tests/bench/history/instructions.txt
