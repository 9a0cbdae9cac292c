#!/bin/bash
# The kernel's side of `make bench`, in throw-away network and mount namespaces
# (nothing touches the host's own network).  Usage: kernel.sh CASE ARGS...
#   bridge-icmp N        flood ping through the seed topology; prints packets/s
#   bridge-udp N BIN     N 64-byte UDP datagrams (BIN: kernel_udp) through it; prints packets/s
#   bridge-udp-mt K N BIN  K such flows at once (one per core); prints the summed packets/s
#   forward-udp N BIN    N 64-byte UDP datagrams (BIN: kernel_udp) from a socket in
#                        namespace a to one in b through a router namespace r
#                        (veth each side, ip_forward=1); prints packets/s
#   forward-udp-mt K N BIN  K such flows at once (one per core); prints the summed packets/s
#   forward-inject N BIN N frames injected on a's eth0 with a packet socket (BIN:
#                        kernel_udp inject), forwarded by r to a neighbour that is not
#                        b (as bench_suite forward-udp); prints "pps P forwarded F"
#   forward-inject-mt K N BIN  K injectors at once (one per core), N frames each
#   tcp-stream MB BIN [tso-off|tso-off-gro]  one TCP flow over a veth pair between
#                        two namespaces (BIN: kernel_tcp); prints Gbit/s
#   tcp-crr N BIN        N connect/request/response/close over it; prints transactions/s
#   rules-load FILE      iptables-restore FILE; prints the seconds it took
#   netns N              N namespaces, veth into one of 10 bridges, address,
#                        default route; prints "seconds S mb M"
set -u
case_=$1; shift
exec unshare --net --mount --propagation private bash -s "$case_" "$@" <<'INNER'
set -eu
mount -t tmpfs tmpfs /run 2>/dev/null; mkdir -p /run/netns
seed() {
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
}
pair() {
	ip netns add t1; ip netns add t2
	ip link add veth1 netns t1 type veth peer name veth2 netns t2
	ip -n t1 addr add 10.9.0.1/24 dev veth1; ip -n t2 addr add 10.9.0.2/24 dev veth2
	ip -n t1 link set veth1 up; ip -n t2 link set veth2 up
	ip -n t1 link set lo up; ip -n t2 link set lo up
}
serve() { # serve MODE BIN: start the server in t2, wait until it listens
	ip netns exec t2 "$2" "$1" 9000 > /run/srv.out &
	until grep -q ready /run/srv.out 2>/dev/null; do sleep 0.05; done
}
router() { # a -- r -- b, as bench_suite's router_topology
	ip netns add r; ip netns add a; ip netns add b
	ip link add ra netns r type veth peer name eth0 netns a
	ip link add rb netns r type veth peer name eth0 netns b
	ip -n r addr add 10.1.0.1/24 dev ra; ip -n r addr add 10.2.0.1/24 dev rb
	ip -n r link set ra up; ip -n r link set rb up
	ip -n a addr add 10.1.0.2/24 dev eth0; ip -n a link set eth0 up
	ip -n a route add default via 10.1.0.1
	ip -n b addr add 10.2.0.2/24 dev eth0; ip -n b link set eth0 up
	ip -n b route add default via 10.2.0.1
	ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
	ip netns exec a ping -c 1 -W 2 10.2.0.2 >/dev/null
}
mem_used_mb() { awk '/MemTotal/ {t=$2} /MemAvailable/ {a=$2} END {print int((t-a)/1024)}' /proc/meminfo; }
case $1 in
bridge-icmp)
	seed
	s=$(date +%s.%N)
	ip netns exec test1 ping -q -f -c "$2" 172.16.0.3 >/dev/null
	e=$(date +%s.%N)
	echo "2 * $2 / ($e - $s)" | bc -l | cut -d. -f1 ;;
bridge-udp)
	seed
	ip netns exec test2 "$3" recv 9000 > /run/recv.out &
	until grep -q ready /run/recv.out 2>/dev/null; do sleep 0.05; done
	ip netns exec test1 "$3" send 172.16.0.3 9000 "$2"
	wait
	awk '/received/ {print $6}' /run/recv.out ;;
forward-udp)
	router
	ip netns exec b "$3" recv 9000 > /run/recv.out &
	until grep -q ready /run/recv.out 2>/dev/null; do sleep 0.05; done
	ip netns exec a "$3" send 10.2.0.2 9000 "$2"
	wait
	awk '/received/ {print $6}' /run/recv.out ;;
forward-udp-mt)
	router
	for i in $(seq 1 "$2"); do
		ip netns exec b "$4" recv $((9000 + i)) > /run/recv$i.out &
	done
	for i in $(seq 1 "$2"); do
		until grep -q ready /run/recv$i.out 2>/dev/null; do sleep 0.05; done
	done
	for i in $(seq 1 "$2"); do
		ip netns exec a "$4" send 10.2.0.2 $((9000 + i)) "$3" &
	done
	wait
	cat /run/recv*.out | awk '/received/ {s += $6} END {printf "%.0f\n", s}' ;;
forward-inject|forward-inject-mt)
	# forward-inject N BIN is forward-inject-mt 1 N BIN
	[ "$1" = forward-inject ] && set -- "$1" 1 "$2" "$3"
	router
	ip -n r neigh add 10.2.0.9 lladdr 02:00:00:00:00:99 dev rb
	mac=$(ip -n r -br link show ra | awk '{print $3}')
	tx() { ip -n r -s -j link show rb | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats64"]["tx"]["packets"])'; }
	t0=$(tx); s=$(date +%s.%N)
	for i in $(seq 1 "$2"); do
		ip netns exec a "$4" inject eth0 "$mac" "$3" &
	done
	wait
	e=$(date +%s.%N); t1=$(tx)
	echo "pps $(echo "($t1 - $t0) / ($e - $s)" | bc -l | cut -d. -f1) forwarded $((t1 - t0))" ;;
bridge-udp-mt)
	# K flows at once (one sender and one receiver per core): the sum of their rates
	seed
	for i in $(seq 1 "$2"); do
		ip netns exec test2 "$4" recv $((9000 + i)) > /run/recv$i.out &
	done
	for i in $(seq 1 "$2"); do
		until grep -q ready /run/recv$i.out 2>/dev/null; do sleep 0.05; done
	done
	for i in $(seq 1 "$2"); do
		ip netns exec test1 "$4" send 172.16.0.3 $((9000 + i)) "$3" &
	done
	wait
	cat /run/recv*.out | awk '/received/ {s += $6} END {printf "%.0f\n", s}' ;;
tcp-stream)
	pair
	# $4: tso-off (the sender cuts real segments) or tso-off-gro (and veth2 merges)
	case "${4:-}" in
	tso-off*) ip netns exec t1 ethtool -K veth1 tso off gso off >/dev/null ;;
	esac
	[ "${4:-}" = tso-off-gro ] && ip netns exec t2 ethtool -K veth2 gro on >/dev/null
	serve stream-server "$3"
	ip netns exec t1 "$3" stream-client 10.9.0.2 9000 "$2" | awk '{print $6}'
	wait ;;
tcp-crr)
	pair; serve crr-server "$3"
	ip netns exec t1 "$3" crr-client 10.9.0.2 9000 "$2" | awk '{print $6}'
	kill %1 2>/dev/null; wait 2>/dev/null || true ;;
rules-load)
	s=$(date +%s.%N)
	iptables-restore "$2"
	e=$(date +%s.%N)
	echo "$e - $s" | bc -l | awk '{printf "%.3f\n", $1}' ;;
netns)
	m0=$(mem_used_mb)
	s=$(date +%s.%N)
	for b in $(seq 0 9); do
		ip link add name br$b type bridge; ip addr add 10.$b.0.1/16 dev br$b; ip link set br$b up
	done
	for i in $(seq 0 $(($2 - 1))); do
		b=$((i % 10)); k=$((i / 10 + 2))
		ip netns add n$i
		ip link add name h$i type veth peer name eth0 netns n$i
		ip link set h$i master br$b up
		ip -n n$i addr add 10.$b.$((k / 250)).$((k % 250 + 2))/16 dev eth0
		ip -n n$i link set eth0 up
		ip -n n$i link set lo up
		ip -n n$i route add default via 10.$b.0.1
	done
	e=$(date +%s.%N)
	echo "seconds $(echo "$e - $s" | bc -l | awk '{printf "%.3f", $1}') mb $(( $(mem_used_mb) - m0 ))" ;;
esac
INNER
