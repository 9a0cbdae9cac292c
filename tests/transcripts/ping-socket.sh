# IPv4 ping sockets (socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), net/ipv4/ping.c): EACCES
# outside net.ipv4.ping_group_range, the identifier bound by the first send, the send
# errors in Linux's order, a reply (identifier, checksum, port 0), IP_RECVTTL/IP_RECVTOS,
# bind and connect, two sockets of one identifier, an unreachable neighbour's error with
# IP_RECVERR (POLLERR, recv's EHOSTUNREACH, the error queue); tools/pingsock, and
# tests/kernel/bin/pingsock (python3) on the kernel side.  Then ping itself: iputils'
# ping takes a ping socket once the range allows it (skbox's ping keeps its raw one:
# the same lines), and the ICMP counters of it all.
ip netns add a
ip -n a link set lo up
ip -n a link add v0 type veth peer name v1
ip -n a addr add 10.0.0.1/24 dev v0
ip -n a link set v0 up
ip -n a link set v1 up
ip netns exec a pingsock eacces
ip netns exec a sysctl -w net.ipv4.ping_group_range="0 2147483647"
ip netns exec a pingsock basic
ip netns exec a pingsock unreach
ip netns exec a ping -c 2 10.0.0.1
ip netns exec a ping -c 1 -W 5 10.0.0.79
ip netns exec a nstat -az IcmpInMsgs IcmpInDestUnreachs IcmpInEchoReps IcmpInEchos IcmpOutMsgs IcmpOutDestUnreachs IcmpOutEchos IcmpOutEchoReps IcmpMsgInType0 IcmpMsgInType3 IcmpMsgOutType8 IcmpMsgOutType0 IcmpMsgOutType3
ip netns del a
