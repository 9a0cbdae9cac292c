# conntrack -E listens in the background and prints each event as it happens, one line per packet's changes as conntrack-tools 1.4.7 prints them; -e and the filters pick events; timeout ends a listener with the count on stderr (the kernel's own stream for this flow differs only in CLOSE_WAIT, which its TCP skips by sending FIN with the ACK); the trace notes each packet's conntrack state; the table-full drop is counted and logged
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW -j CONNMARK --set-mark 3
ip netns exec b conntrack -E &
ip netns exec b conntrack -E -e NEW,DESTROY -p udp --orig-src 10.0.0.1 &
ip netns exec b nc -l 10.0.0.2 8080 &
sleep 0.3
echo hello | ip netns exec a nc -N -p 40000 10.0.0.2 8080
sleep 0.3
echo hi | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5000
ip netns exec b conntrack -D -p udp
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2 &
ip netns exec b timeout 1 conntrack -E -p icmp -e new; echo rc=$?
ip netns exec b conntrack -E -e FOO; echo rc=$?
ip netns exec b conntrack -E -e; echo rc=$?
ip netns exec b conntrack -F
trace on
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2
trace off
sysctl -w net.netfilter.nf_conntrack_max=1
echo x | ip netns exec a nc -u -w 1 -p 4001 10.0.0.2 5000
ip netns exec b conntrack -L -p udp
ip netns exec b conntrack -S
dmesg
