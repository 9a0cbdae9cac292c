# A UDP sender behind a qdisc slows down to the link: each datagram stays
# charged to the socket's send buffer (sk_wmem_alloc, sock_wfree) until it
# leaves the qdisc, so a full buffer blocks the sender (EAGAIN when
# non-blocking) instead of overflowing the queue.  Linux here: 10.0 Mbit/s
# sent, 9.74 received, 0 lost.
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n nb addr add 10.0.0.2/24 dev vb
ip -n nb link set vb up
tc qdisc add dev va root tbf rate 10mbit burst 16k latency 200ms
ip netns exec nb iperf3 -s &
sleep 1
iperf3 -c 10.0.0.2 -u -b 100M -t 2
tc -s qdisc show dev va
nstat -az UdpSndbufErrors UdpOutDatagrams
