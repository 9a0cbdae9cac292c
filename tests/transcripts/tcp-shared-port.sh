# One ephemeral port (ip_local_port_range "10000 10000"): two connections to different peers share local port 10000 (__inet_hash_connect: the 4-tuple must be unique); a third to a peer already connected gets EADDRNOTAVAIL; bind() to port 0 or to 10000 gets EADDRINUSE; UDP autobind has no sharing (a second connected UDP socket fails)
ip netns add a
ip -n a link set lo up
ip netns exec a sysctl -w net.ipv4.ip_local_port_range="10000 10000"
ip netns exec a sysctl net.ipv4.tcp_tw_reuse
ip netns exec a nc -l 127.0.0.1 7000 &
ip netns exec a nc -l 127.0.0.1 7001 &
sleep 0.5
ip netns exec a nc -w 3 127.0.0.1 7000 &
sleep 0.5
ip netns exec a nc -w 3 127.0.0.1 7001 &
sleep 0.5
ip netns exec a ss -tn state established "dport = :7000"
ip netns exec a ss -tn state established "dport = :7001"
ip netns exec a ss -tn state established "sport = :7001"
ip netns exec a nc -v -w 1 127.0.0.1 7001; echo rc=$?
ip netns exec a nc -l 127.0.0.1 10000; echo rc=$?
ip netns exec a nc -w 1 -p 10000 127.0.0.1 7000; echo rc=$?
sleep 2 | ip netns exec a nc -u -w 2 127.0.0.1 9000 &
sleep 0.5
ip netns exec a ss -un state established
echo hi | ip netns exec a nc -v -u -w 1 127.0.0.1 9001; echo rc=$?
sleep 4
