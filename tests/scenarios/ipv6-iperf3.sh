# iperf3 -6 over a veth pair with IPv6 only: TCP both ways (MSS 1440 = MTU 1500 - 60,
# TSO super-packets as over IPv4), then UDP; ss -6 shows the server's listener
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 2001:db8::1/64 dev va
ip link set va up
ip -n nb addr add 2001:db8::2/64 dev vb
ip -n nb link set vb up
# duplicate address detection: the addresses are tentative for up to 2 s
sleep 2
ip netns exec nb iperf3 -6 -s -1 &
sleep 1
ip netns exec nb ss -6 -tln
iperf3 -6 -c 2001:db8::2 -n 20M
sleep 1
ip netns exec nb iperf3 -6 -s -1 &
sleep 1
iperf3 -c 2001:db8::2 -n 20M -R
sleep 1
ip netns exec nb iperf3 -6 -s -1 &
sleep 1
iperf3 -6 -u -c 2001:db8::2 -t 1 -b 10M
sleep 1
nstat -az Udp6InDatagrams Udp6OutDatagrams TcpActiveOpens Ip6OutRequests
