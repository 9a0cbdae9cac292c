# IPV6_TCLASS: the option on UDP, TCP and raw sockets (range, -1, TCP's ECN bits), the
# IPV6_TCLASS control message a receiver with IPV6_RECVTCLASS gets and a sender passes to
# sendmsg, the class of a TCP connection's packets both ways and of the accepted socket
# (the listener's, or with net.ipv4.tcp_reflect_tos the SYN's), a reset's (the SYN's);
# tools/tclass, and
# tests/kernel/bin/tclass on the kernel side
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip -n a link set lo up
ip netns exec a tclass opts
ip netns exec a tclass udp
ip netns exec a tcpdump -t -n -q -v -i lo -c 4 'ip6[4:2] == 40 or ip6[4:2] == 33' & sleep 1
ip netns exec a tclass tcp 7001
wait
ip netns exec a sysctl -w net.ipv4.tcp_reflect_tos=1
ip netns exec a tcpdump -t -n -q -v -i lo -c 4 'ip6[4:2] == 40 or ip6[4:2] == 33' & sleep 1
ip netns exec a tclass tcp 7011
wait
ip netns exec a tcpdump -t -n -q -v -i lo -c 2 'ip6[4:2] == 40 or ip6[4:2] == 20' & sleep 1
ip netns exec a tclass rst 7021
wait
ip netns del a
