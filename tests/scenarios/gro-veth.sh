# GRO on a veth (ethtool -K vb gro on): the sender cuts real segments (TSO
# and GSO off), the receiver merges the in-order segments of each NAPI poll
# into super-packets before the taps and TCP see them; PSH ends one.
# TCP counts every segment (TcpInSegs) and ACKs super-packets; the veth's
# own counters count frames as they crossed.
ip netns add a
ip netns add b
ip -n a link add va type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a ethtool -K va tso off gso off
ip netns exec b ethtool -K vb gro on
ip netns exec b iperf3 -s -1 -p 5201 &
sleep 1
ip netns exec b tcpdump -i vb -n -c 6 tcp and greater 3000 &
ip netns exec a iperf3 -c 10.0.0.2 -n 4M -i 0
wait
ip netns exec b nstat -a TcpInSegs TcpOutSegs
ip -n b -s link show vb
# the trace (unfiltered: a pcap filter at tcp_sendmsg reads an skb with no headers
# yet, which valgrind flags): dev_gro_receive for each segment, napi_gro_complete
ip netns exec b iperf3 -s -1 -p 5202 &
sleep 1
trace on
ip netns exec a iperf3 -c 10.0.0.2 -p 5202 -n 4K -l 4K -i 0
trace off
wait
# GRO off again: segments go up one by one
ip netns exec b ethtool -K vb gro off
ip netns exec b ethtool -k vb
