#!/bin/bash
# iptables-restore, ipset restore and tc -batch - read stdin as it comes
# (docs/LIVE.md "Stdin"): a table is committed, a set created, a qdisc added
# while the writer still holds the pipe open; errors stop at the line that
# fails, with the tool's message and status.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a
ip -n a link add va type veth peer name vb
ip -n a link set va up

# wait_for CMD PATTERN: until CMD's output matches (10 s at most)
wait_for() {
	for _ in $(seq 1 200); do
		eval "$1" 2>/dev/null | grep -q -- "$2" && return 0
		sleep 0.05
	done
	live_fail "not seen while stdin is open: $1 | grep $2"
}

# 1. iptables-restore: each COMMIT applies while the input goes on
mkfifo "$W/ipt"
{ ip netns exec a iptables-restore -n < "$W/ipt" > "$W/ipt.out" 2>&1; echo $? > "$W/ipt.rc"; } &
exec 3> "$W/ipt"
printf '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.9.0.1/32 -j DROP\nCOMMIT\n' >&3
wait_for "ip netns exec a iptables -S INPUT" "10.9.0.1/32"
# the failing line comes last: the reader quits there, and a writer with more
# to say would get SIGPIPE (bash's printf writes a line at a time)
printf '*filter\n-A INPUT -s 10.9.0.2/32 -j DROP\nCOMMIT\n*filter\n-A INPUT -j NOPE\n' >&3
exec 3>&-
wait
expect "iptables-restore status" 2 "$(cat "$W/ipt.rc")"
# Linux (nf_tables) names the COMMIT line where its batch fails
expect "iptables-restore error" "iptables-restore v1.8.9 (nf_tables): Chain 'NOPE' does not exist" \
	"$(head -n 1 "$W/ipt.out")"
expect "rules of the tables committed" "-A INPUT -s 10.9.0.1/32 -j DROP
-A INPUT -s 10.9.0.2/32 -j DROP" "$(ip netns exec a iptables -S INPUT | grep -- -A)"

# 2. ipset restore: a line at a time
mkfifo "$W/set"
{ ip netns exec a ipset restore < "$W/set" > "$W/set.out" 2>&1; echo $? > "$W/set.rc"; } &
exec 3> "$W/set"
printf 'create s1 hash:ip\n' >&3
wait_for "ip netns exec a ipset list -n" "^s1$"
printf 'add s1 10.9.0.7\nadd nosuch 10.9.0.8\n' >&3
exec 3>&-
wait
expect "ipset restore status" 1 "$(cat "$W/set.rc")"
expect "ipset restore error" "ipset v7.17: Error in line 3: The set with the given name does not exist" \
	"$(cat "$W/set.out")"
# Linux discards the adds still batched for s1 when a later line fails;
# here each line is applied as it comes
expect "ipset members" "10.9.0.7" "$(ip netns exec a ipset list s1 | sed -n '/^Members:/,$p' | tail -n +2)"

# 3. tc -batch -
mkfifo "$W/tc"
{ ip netns exec a tc -batch - < "$W/tc" > "$W/tc.out" 2>&1; echo $? > "$W/tc.rc"; } &
exec 3> "$W/tc"
printf 'qdisc add dev va root pfifo limit 100\n' >&3
wait_for "ip netns exec a tc qdisc show dev va" "pfifo"
printf '# a comment\nqdisc del dev va root\nqdisc del dev va root\n' >&3
exec 3>&-
wait
expect "tc -batch status" 1 "$(cat "$W/tc.rc")"
expect "tc -batch error" "Error: Cannot delete qdisc with handle of zero.
Command failed -:4" "$(cat "$W/tc.out")"
expect "tc -batch stopped" 0 "$(ip netns exec a tc qdisc show dev va | grep -c fifo)"
live_down
echo ok
