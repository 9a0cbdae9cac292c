# Virtual time: an endless ping is stopped by --timeout (default 3600 s of virtual
# time) like ^C, and prints its statistics; a sleep advances the clock instantly.
ip netns add a
ip link add a0 netns a type veth peer name b0
ip -n a addr add 10.9.0.1/24 dev a0
ip addr add 10.9.0.2/24 dev b0
ip -n a link set a0 up
ip link set b0 up
sleep 100
ip netns exec a ping -q -i 60 10.9.0.2
