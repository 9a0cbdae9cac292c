# iperf3 -t over a plain veth (no qdisc, no delay, no rate): sender and
# receiver keep the loop busy, so virtual time follows the CPU time they spend
# (the busy rule, docs/TCP.md) and the timed test ends and reports.  The
# figures are the machine's, so only the exit statuses are checked.
set -e
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n nb addr add 10.0.0.2/24 dev vb
ip -n nb link set vb up
ip netns exec nb iperf3 -s &
sleep 1
iperf3 -c 10.0.0.2 -t 2
iperf3 -c 10.0.0.2 -t 1 -R -J
