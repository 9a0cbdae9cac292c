# skbox why names the iptables rule that dropped each packet
ip link set lo up
iptables -A INPUT -p icmp --icmp-type echo-request -m comment --comment "no pings" -j DROP
iptables -N BLOCK
iptables -A BLOCK -j DROP
iptables -A OUTPUT -d 127.0.0.9 -j BLOCK
ping -c 1 -W 1 -q 127.0.0.1
ping -c 1 -W 1 -q 127.0.0.9
