#!/bin/bash
# Over the live shims: `conntrack -E` in the background streams events while
# traffic flows and ^C ends it with the count; an `nfqueue` reader answers
# the packets of an NFQUEUE rule and its stats line shows them.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a && ip netns add b || live_fail setup
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW
ip netns exec b conntrack -E -p icmp > "$W/ev" 2> "$W/ev.err" &
pid=$!
wait_count "$W/w/log" ": conntrack in netns b" 1
ip netns exec a ping -c 2 -i 0.1 10.1.0.2 > /dev/null || live_fail "ping"
wait_count "$W/ev" "UPDATE\] icmp" 1
kill -INT "$pid"
wait "$pid"
grep -q "^    \[NEW\] icmp     1 30 src=10.1.0.1 dst=10.1.0.2 type=8" "$W/ev" || live_fail "no NEW: $(cat "$W/ev")"
expect "summary" "conntrack v1.4.7 (conntrack-tools): 2 flow events have been shown." "$(cat "$W/ev.err")"
# a queue reader in the background
ip netns exec b iptables -A INPUT -p icmp -j NFQUEUE --queue-num 3
ip netns exec b nfqueue -q 3 -c 2 > "$W/nfq" &
pid=$!
wait_count "$W/w/log" ": nfqueue in netns b" 1
ip netns exec a ping -c 2 -i 0.1 10.1.0.2 > "$W/ping" || live_fail "ping through the queue: $(cat "$W/ping")"
wait "$pid"
expect "queued packets" 2 "$(grep -c 'hook=INPUT IN=vb' "$W/nfq")"
live_down
echo ok
