# skbox why names the ip6tables rule that dropped each packet
ip link set lo up
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -m comment --comment "no pings" -j DROP
ip6tables -N BLOCK
ip6tables -A BLOCK -j DROP
ip6tables -A OUTPUT -d ::2 -j BLOCK
ip -6 addr add ::2/128 dev lo
ping -6 -c 1 -W 1 -q ::1
ping -6 -c 1 -W 1 -q ::2
