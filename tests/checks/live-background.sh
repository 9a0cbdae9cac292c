#!/bin/bash
# Many shims at once: background listeners (nc -l) and pings in parallel,
# a pipe of shims, stdin streamed into nc; every job's output and status.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a && ip netns add b || live_fail setup
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
for p in 7001 7002 7003 7004; do
	ip netns exec b nc -l "$p" > "$W/got.$p" &
done
wait_count "$W/w/log" ": nc in netns b" 4
for i in 1 2 3 4 5 6; do
	ip netns exec a ping -c 2 -i 0.1 10.1.0.2 > "$W/ping.$i" &
done
for p in 7001 7002 7003 7004; do
	seq 1 "${p#700}" | ip netns exec a nc -N 10.1.0.2 "$p" &
done
wait || true
for i in 1 2 3 4 5 6; do
	grep -q "2 packets transmitted, 2 received" "$W/ping.$i" || live_fail "ping job $i: $(cat "$W/ping.$i")"
done
for p in 7001 7002 7003 7004; do
	expect "nc $p" "$(seq 1 "${p#700}")" "$(cat "$W/got.$p")"
done
# a pipe of shims: the output of one is the input of the next
printf '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.9.0.0/16 -j DROP\nCOMMIT\n' > "$W/rules"
ip netns exec a iptables-restore < "$W/rules"
expect "save | restore" "-A INPUT -s 10.9.0.0/16 -j DROP" \
	"$(ip netns exec a iptables-save | ip netns exec b iptables-restore && ip netns exec b iptables -S INPUT | tail -n 1)"
# 20 commands at once
for i in $(seq 1 20); do ip -n a addr add "10.2.0.$i/32" dev va & done
wait
expect "20 addresses" 20 "$(ip -n a -4 addr show dev va | grep -c 'inet 10.2.0')"
live_down
echo ok
