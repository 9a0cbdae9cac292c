# Two ends of a veth with the same MAC: the same EUI-64 link-local address.  a probes at once
# (router_solicitation_delay 0), b within 5 s, so a's probe finds b's address tentative: b's
# DAD fails and, with accept_dad=2, IPv6 is disabled on b's device (its addresses go).
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.default.router_solicitation_delay=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.default.accept_dad=2 net.ipv6.conf.default.router_solicitation_delay=5
ip -n a link add va address 02:00:00:00:09:01 type veth peer name vb address 02:00:00:00:09:01 netns b
ip netns exec b sysctl net.ipv6.conf.vb.accept_dad net.ipv6.conf.vb.disable_ipv6
ip -n a link set va up
ip -n b link set vb up
sleep 3
ip -n a -6 addr show dev va
ip -n b -6 addr show dev vb
ip -n b addr show dev vb
ip netns exec b sysctl net.ipv6.conf.vb.disable_ipv6
ip -n b -6 route
ip -n b addr add 2001:db8::2/64 dev vb
