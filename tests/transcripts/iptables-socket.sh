# -m socket in PREROUTING: a TCP connection to a listener bound to its address
# (matched from the SYN on), to a wildcard listener (only with --nowildcard),
# --transparent (no IP_TRANSPARENT socket: never), --restore-skmark, a port with
# no socket; the hook check and the -L/-S formats
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a link set va up
ip -n b link set vb up
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip netns exec b iptables -t mangle -A PREROUTING -p tcp --dport 8080 -m socket
ip netns exec b iptables -t mangle -A PREROUTING -p tcp --dport 8080 -m socket --nowildcard
ip netns exec b iptables -t mangle -A PREROUTING -p tcp --dport 8081 -m socket
ip netns exec b iptables -t mangle -A PREROUTING -p tcp --dport 8081 -m socket --nowildcard --restore-skmark
ip netns exec b iptables -t mangle -A PREROUTING -p tcp --dport 8081 -m socket --transparent --nowildcard
ip netns exec b iptables -t mangle -A PREROUTING -p tcp --dport 8082 -m socket --nowildcard
ip netns exec b iptables -t mangle -A POSTROUTING -m socket; echo rc=$?
ip netns exec b nc -l 10.1.0.2 8080 &
ip netns exec b nc -l 8081 &
sleep 0.5
echo hello | ip netns exec a nc -N 10.1.0.2 8080
echo hello | ip netns exec a nc -N 10.1.0.2 8081
ip netns exec a nc -z -w 1 10.1.0.2 8082; echo rc=$?
sleep 0.5
ip netns exec b iptables -t mangle -L PREROUTING -n -v -x
ip netns exec b iptables -t mangle -S PREROUTING
