# `ip netns del` of a namespace a program still runs in: the name goes at
# once, the namespace (and the veth pair into it) only when the last user,
# the listening nc, has gone.
ip netns add a
ip link add v0 type veth peer name eth0 netns a
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip netns exec a nc -l 80 &
sleep 0.5
ip netns del a
ip netns list
ip -br link show v0
nc -z -v -w 1 10.0.0.2 80
sleep 1
ip -br link show v0
ip netns list
