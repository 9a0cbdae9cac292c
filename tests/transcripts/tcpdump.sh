# tcpdump on a router port (h1 --- this namespace --- h2, r2 MTU 1400): errors, a live capture,
# -w then -r with -e and a filter.  Each capture ends on the
# third ARP request for an address nobody has, a second after ping gave up, so its
# output never races the ping's.  -t: no timestamps.
ip netns add h1
ip netns add h2
ip link add c1 address 02:00:00:00:01:02 type veth peer name r1 address 02:00:00:00:01:01
ip link add c2 address 02:00:00:00:02:02 type veth peer name r2 address 02:00:00:00:02:01
ip link set c1 netns h1
ip link set c2 netns h2
ip -n h1 addr add 10.0.1.2/24 dev c1
ip -n h2 addr add 10.0.2.2/24 dev c2
ip addr add 10.0.1.1/24 dev r1
ip addr add 10.0.2.1/24 dev r2
ip link set r2 mtu 1400
ip -n h2 link set c2 mtu 1400
ip -n h1 link set c1 up
ip -n h2 link set c2 up
ip link set r1 up
ip link set r2 up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
sysctl -qw net.ipv4.ip_forward=1
tcpdump -i nosuch0; echo rc=$?
tcpdump -i r1 -n 'tcp port'; echo rc=$?
tcpdump -i r1 -n host; echo rc=$?
tcpdump -r /nonexistent/x.pcap; echo rc=$?
tcpdump -t -n -i r1 -c 3 arp & sleep 1
ip netns exec h1 ping -c 1 -W 1 10.0.1.98
wait
tcpdump -t -n -e -i r1 -c 3 arp & sleep 1
ip netns exec h1 ping -c 1 -W 1 10.0.1.97
wait
tcpdump -i r1 -c 9 -w /tmp/skbox-tcpdump-transcript.pcap 'arp or icmp' & sleep 1
ip netns exec h1 ping -c 1 -W 1 -t 1 10.0.2.2
ip netns exec h1 ping -c 1 -W 1 -s 1472 -M do 10.0.2.2
ip netns exec h1 ping -c 1 -W 1 10.0.1.96
wait
tcpdump -r /tmp/skbox-tcpdump-transcript.pcap -t -n 'arp or icmp[icmptype] != icmp-echo'
tcpdump -r /tmp/skbox-tcpdump-transcript.pcap -t -e -c 2
tcpdump -r /tmp/skbox-tcpdump-transcript.pcap -t -n -e 'icmp[icmptype] = icmp-timxceed'
