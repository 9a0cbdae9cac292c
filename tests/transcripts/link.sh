# Links: veth and bridge, flags and output forms.
ip link add v0 address 02:00:00:00:01:02 type veth peer name v1 address 02:00:00:00:01:01
ip link show v0
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link add v0 type veth peer name v9; echo rc=$?
ip addr add 192.168.1.1/24 dev v0
ip link set v0 up
ip link show v0
ip addr show v0
ip route
ip link set v1 up
ip link show
ip route
ip -d link show v0
ip link set v1 master br0
ip -d link show v1
ip link set br0 up
brctl show
bridge link
bridge fdb show
brctl hairpin br0 v1 on
bridge link
bridge -d link show dev v1
sleep 0.5
ip -br link
ip -br addr
ip -j link show v0
ip -j addr show v0
ip link set v0 mtu 1400
ip link set v0 address 02:00:00:00:01:03
ip link show v0
ip link set v0 down
ip link set v0 name w0
ip link set w0 up
ip -br addr
ip link set v1 nomaster
brctl show
ip netns add other
ip link set v1 netns other
ip -n other link show
ip link show w0
ip -n other link set v1 up
ip netns exec other ip addr add 192.168.1.2/24 dev v1
ping -c 2 -i 0.2 192.168.1.2
ip -s link show lo
ip link del w0
ip -n other link show
bridge fdb show
ip link del br0
