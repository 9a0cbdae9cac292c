#!/bin/bash
# What Linux's selftests run that is not an iproute2 command, in live mode:
# nettest (a world command with a shim), tee into /proc/sys (the world's
# sysctl), a plain tee (the system's), ip netns pids (no host pids).
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a && ip netns add b || live_fail setup
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
expect "nettest shim" "$W/w/bin/nettest" "$(command -v nettest)"
nettest -B -N a -O b -r 10.1.0.2 > "$W/nt" || live_fail "nettest -B: $(cat "$W/nt")"
grep -q "client:    Hello world!" "$W/nt" || live_fail "nettest echo: $(cat "$W/nt")"
! nettest -B -N a -O b -r 10.1.0.9 -t 1 > /dev/null || live_fail "nettest to nobody passed"
expect "tee /proc/sys" 1 "$(echo 1 | ip netns exec a tee /proc/sys/net/ipv4/ip_forward)"
expect "forwarding on in a" "net.ipv4.ip_forward = 1" "$(ip netns exec a sysctl net.ipv4.ip_forward)"
expect "not in b" "net.ipv4.ip_forward = 0" "$(ip netns exec b sysctl net.ipv4.ip_forward)"
expect "tee /proc/sys/nope" "tee: /proc/sys/net/nope: No such file or directory,1" \
	"$(echo 1 | tee /proc/sys/net/nope 2>&1 >/dev/null),$(echo 1 | tee /proc/sys/net/nope >/dev/null 2>&1; echo $?)"
expect "plain tee" "hi hi" "$(echo hi | tee "$W/teefile") $(cat "$W/teefile")"
expect "ip netns pids" "0 []" "$(ip netns pids a > "$W/pids"; echo "$? [$(cat "$W/pids")]")"
live_down
echo ok
