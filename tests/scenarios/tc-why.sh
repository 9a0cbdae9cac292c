# skbox why: a packet a tc filter drops at a veth's ingress (TC_INGRESS, with the hint), and
# one redirected from lo's egress to a device that is down (the mirred redirect turns into a drop:
# TC_EGRESS, and the kernel log's "tc mirred to Houston").
ip netns add b
ip link add v0 type veth peer name v1 netns b
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n b addr add 10.0.0.2/24 dev v1
ip -n b link set v1 up
ip netns exec b tc qdisc add dev v1 ingress
ip netns exec b tc filter add dev v1 ingress protocol ip u32 match ip protocol 1 0xff action drop
ping -c 1 -W 1 10.0.0.2
ip link add d0 type veth peer name d1
ip link set lo up
tc qdisc add dev lo clsact
tc filter add dev lo egress protocol ip matchall action mirred egress redirect dev d0
ping -c 1 -W 1 127.0.0.1
dmesg
