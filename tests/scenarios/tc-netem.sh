# netem on a veth pair (this machine's kernel has no sch_netem, so the expected output is
# skbox's, in iproute2's format): delay and jitter seen by ping in virtual time, loss and
# duplication from the world's seeded RNG, rate, reorder, change, replace, del, stats.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a addr add 10.9.0.1/24 dev eth0
ip -n b addr add 10.9.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a tc qdisc add dev eth0 root netem delay 100ms
ip netns exec a tc qdisc show dev eth0
ip netns exec a ping -c 3 10.9.0.2
ip netns exec a tc qdisc change dev eth0 root netem delay 50ms 10ms loss 30% duplicate 10%
ip netns exec a tc qdisc show
ip netns exec a ping -c 20 -i 0.2 -q 10.9.0.2
ip netns exec a tc -s qdisc show dev eth0
ip netns exec a tc qdisc replace dev eth0 root netem rate 1mbit limit 100 corrupt 0.5% reorder 25% 50% delay 10ms gap 5
ip netns exec a tc qdisc show dev eth0
ip netns exec a tc qdisc add dev eth0 root netem delay 1ms; echo rc=$?
ip netns exec a tc qdisc add dev eth0 root netem delay abc; echo rc=$?
ip netns exec a tc qdisc add dev eth0 root netem reorder 10%; echo rc=$?
ip netns exec a tc qdisc del dev eth0 root
ip netns exec a tc qdisc show dev eth0
ip netns exec a ping -c 1 10.9.0.2
