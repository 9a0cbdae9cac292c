# ss -i: the tcp_info line under each TCP socket (iproute2's tcp_show_info
# fields skbox keeps: congestion control, wscale, rto, rtt, ato, mss, pmtu,
# rcvmss, advmss, cwnd, bytes_acked/received, send rate, lastrcv/lastack,
# unacked, retrans, rcv_space, rcv_ssthresh, notsent, minrtt, snd_wnd), -o
# adding ts/sack, a listener's "cubic cwnd:10", the Process column's width as
# iproute2 measures it (the last row's field is not measured)
ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip netns exec b ip addr add 10.0.0.2/24 dev vb
ip netns exec b ip link set vb up
ip link set va mtu 1400
tc qdisc add dev va root netem delay 10ms
ip netns exec b nc -l 10.0.0.2 8888 &
ip netns exec b nc -l 10.0.0.2 8889 &
sleep 1
seq 1 20 | nc -w 5 10.0.0.2 8888 &
sleep 1
ss -tni
ss -ti
ip netns exec b ss -tani
ip netns exec b ss -tnio state established
ip netns exec b ss -tlni
ip netns exec b ss -uani
