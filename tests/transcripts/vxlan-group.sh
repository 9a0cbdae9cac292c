# Three VTEPs on a bridged underlay sharing the multicast group 239.1.1.1: no static FDB
# entry, flooding goes to the group.  The join on the lower device (ip maddr, the IGMPv3
# reports an underlay neighbour sees), learning from the group's datagrams, a leave, and
# IGMPv2 with force_igmp_version.
ip netns add h1
ip netns add h2
ip netns add h3
ip link add br0 type bridge
ip link set br0 up
ip link add eth0 netns h1 address 02:00:00:00:00:01 type veth peer name p1
ip link add eth0 netns h2 address 02:00:00:00:00:02 type veth peer name p2
ip link add eth0 netns h3 address 02:00:00:00:00:03 type veth peer name p3
ip link set p1 master br0 up
ip link set p2 master br0 up
ip link set p3 master br0 up
ip -n h1 link set lo up
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h3 addr add 10.0.0.3/24 dev eth0
ip -n h2 link set eth0 up
ip -n h3 link set eth0 up
ip -n h1 maddr show
ip -n h1 link add vxlan0 address 0a:00:00:00:00:01 type vxlan id 42 group 239.1.1.1 dev eth0 dstport 4789
ip -n h2 link add vxlan0 address 0a:00:00:00:00:02 type vxlan id 42 group 239.1.1.1 dev eth0 dstport 4789
ip -n h3 link add vxlan0 address 0a:00:00:00:00:03 type vxlan id 42 group 239.1.1.1 dev eth0 dstport 4789
ip -n h1 addr add 192.168.42.1/24 dev vxlan0
ip -n h2 addr add 192.168.42.2/24 dev vxlan0
ip -n h3 addr add 192.168.42.3/24 dev vxlan0
# a device that is down has not joined yet
ip -n h1 maddr show dev eth0
# the join: two IGMPv3 state-change reports (TO_EX), the second within a second
ip netns exec h2 tcpdump -t -n -v -i eth0 -c 2 'igmp and src 10.0.0.1' & sleep 1
ip -n h1 link set eth0 up
ip -n h1 link set vxlan0 up
wait
ip -n h2 link set vxlan0 up
ip -n h3 link set vxlan0 up
ip -n h1 maddr show
ip -n h1 maddr show dev eth0
ip -n h1 -4 maddr show dev vxlan0
ip -n h1 maddr show dev nosuch0
ip -n h1 route get 239.1.1.1
ip -n h1 -d link show vxlan0
# ARP goes to the group, replies come back unicast; everybody learns
ip netns exec h1 ping -c 2 -i 0.2 192.168.42.2
ip netns exec h1 ping -c 1 192.168.42.3
ip netns exec h1 bridge fdb show dev vxlan0
ip netns exec h2 bridge fdb show dev vxlan0
ip netns exec h3 bridge fdb show dev vxlan0
ip -n h2 -s link show vxlan0
ip netns exec h1 nstat -az IcmpInMsgs IcmpOutMsgs
# the leave: two TO_IN reports; h3's underlay no longer takes the group
ip netns exec h2 tcpdump -t -n -v -i eth0 -c 2 'igmp and src 10.0.0.3' & sleep 1
ip -n h3 link set vxlan0 down
wait
ip -n h3 maddr show dev eth0
ip netns exec h1 bridge fdb del 0a:00:00:00:00:03 dev vxlan0
ip -n h1 neigh flush dev vxlan0
ip netns exec h1 ping -c 1 -W 1 192.168.42.3
# IGMPv2: a report to the group itself, repeated; a leave to 224.0.0.2
ip netns exec h3 sysctl -w net.ipv4.conf.eth0.force_igmp_version=2
ip netns exec h3 sysctl -w net.ipv4.conf.eth0.igmpv2_unsolicited_report_interval=1000
ip netns exec h2 tcpdump -t -n -v -i eth0 -c 2 'igmp and src 10.0.0.3' & sleep 1
ip -n h3 link set vxlan0 up
sleep 2
wait
ip netns exec h1 ping -c 1 -W 1 192.168.42.3
ip netns exec h2 tcpdump -t -n -i eth0 -c 1 'igmp and src 10.0.0.3' & sleep 1
ip -n h3 link del vxlan0
wait
ip -n h3 maddr show
# errors
ip maddr show dev; echo rc=$?
ip maddr show dev lo dev lo; echo rc=$?
ip maddr frob; echo rc=$?
ip maddr help; echo rc=$?
