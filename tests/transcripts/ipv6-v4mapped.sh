# TCP over AF_INET6 sockets with IPv4 peers (v4-mapped addresses): a dual-stack [::]
# listener accepting IPv4 clients, AF_INET6 clients connecting to ::ffff:127.0.0.1, the
# names each side sees (getsockname/getpeername), IPV6_V6ONLY on either side, and which
# binds of [::], [::1], 0.0.0.0 and 127.0.0.1 on one port conflict (tools/v4mapped; the
# kernel side is tests/kernel/bin/v4mapped, the same cases in python3)
sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip link set lo up
v4mapped
