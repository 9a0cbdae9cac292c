# tcpdump in the seed topology (bridge testbr, test1/veth1 172.16.0.2, test2/veth2
# 172.16.0.3): capture during a ping on veth1 and on the bridge port, -e, -v, -q, -c,
# filters, lo in test1 (a ping to the namespace's own address goes through lo, not
# veth1), -w then -r, errors.  Timestamps come from the world's virtual clock.
ip link add name testbr address 02:00:00:00:00:01 type bridge
ip link add name veth1 address 02:00:00:00:01:02 type veth peer name br-veth1 address 02:00:00:00:01:01
ip link add name veth2 address 02:00:00:00:02:02 type veth peer name br-veth2 address 02:00:00:00:02:01
ip netns add test1
ip netns add test2
ip link set netns test1 dev veth1
ip link set netns test2 dev veth2
ip link set master testbr dev br-veth1
ip link set master testbr dev br-veth2
ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
ip netns exec test1 ip link set veth1 up
ip netns exec test2 ip link set veth2 up
ip link set br-veth1 up
ip link set br-veth2 up
ip link set testbr up
ip netns exec test1 ip route add default dev veth1 src 172.16.0.2
ip netns exec test2 ip route add default dev veth2 src 172.16.0.3
tcpdump -i nosuch; echo rc=$?
tcpdump -i testbr 'ip and'; echo rc=$?
tcpdump -i testbr -k; echo rc=$?
tcpdump -i testbr -c; echo rc=$?
ip netns exec test1 tcpdump -i lo; echo rc=$?
tcpdump -r /nonexistent.pcap; echo rc=$?
ip netns exec test1 tcpdump -i veth1 -n -c 6 &
ip netns exec test1 ping -c 2 172.16.0.3
wait
tcpdump -i br-veth2 -e -n -c 2 icmp &
ip netns exec test1 ping -c 1 172.16.0.3
wait
ip netns exec test2 tcpdump -i veth2 -v -c 1 'icmp[icmptype] = icmp-echoreply' &
ip netns exec test1 ping -c 1 -s 1000 172.16.0.3
wait
ip netns exec test1 tcpdump -i veth1 -t -q -c 2 -l &
ip netns exec test1 ping -c 1 172.16.0.3
wait
ip netns exec test1 tcpdump -i veth1 -c 4 -w /tmp/skbox-tcpdump-scenario.pcap &
ip netns exec test1 ping -c 2 172.16.0.3
wait
tcpdump -r /tmp/skbox-tcpdump-scenario.pcap
tcpdump -r /tmp/skbox-tcpdump-scenario.pcap -t -n -e -v 'icmp[icmptype] = icmp-echo'
# lo: the namespace's own address; veth1 sees nothing.  The script's end interrupts both.
ip netns exec test1 ip link set lo up
ip netns exec test1 tcpdump -i lo -n &
ip netns exec test1 tcpdump -i veth1 -n &
ip netns exec test1 ping -c 1 172.16.0.2
