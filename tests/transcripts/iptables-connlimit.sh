# -m connlimit: connections per source (or destination) network, counted from
# conntrack.  UDP flows from distinct source ports: the third and fourth are over
# --connlimit-above 2 and dropped (never confirmed, so they do not stay counted);
# the first flow's next datagram is still within the limit.  Closed TCP connections
# (TIME_WAIT) are not counted: three connections one after the other all pass a
# limit of one.  c1 (10.0.0.1) -- srv (10.0.0.2)
ip netns add c1
ip netns add srv
ip link add e0 netns c1 address 02:00:00:00:01:01 type veth peer name e0 netns srv address 02:00:00:00:01:02
ip -n c1 addr add 10.0.0.1/24 dev e0
ip -n srv addr add 10.0.0.2/24 dev e0
ip -n c1 link set e0 up
ip -n srv link set e0 up
ip netns exec srv iptables -A INPUT -p udp --dport 5353 -m connlimit --connlimit-upto 2
ip netns exec srv iptables -A INPUT -p udp --dport 5353 -m connlimit --connlimit-above 2 -j DROP
ip netns exec srv iptables -A INPUT -p udp --dport 5353 -m connlimit --connlimit-above 1 --connlimit-mask 24 --connlimit-daddr
ip netns exec srv iptables -A INPUT -p tcp --syn --dport 80 -m connlimit --connlimit-above 1 -j REJECT --reject-with tcp-reset
ip netns exec srv iptables -S INPUT
ip netns exec srv nc -kl 80 &
sleep 1
echo a | ip netns exec c1 nc -u -w 1 -p 5001 10.0.0.2 5353
echo b | ip netns exec c1 nc -u -w 1 -p 5002 10.0.0.2 5353
echo c | ip netns exec c1 nc -u -w 1 -p 5003 10.0.0.2 5353
echo d | ip netns exec c1 nc -u -w 1 -p 5004 10.0.0.2 5353
echo e | ip netns exec c1 nc -u -w 1 -p 5001 10.0.0.2 5353
ip netns exec c1 nc -z -v -w 2 10.0.0.2 80; echo rc=$?
sleep 1
ip netns exec c1 nc -z -v -w 2 10.0.0.2 80; echo rc=$?
sleep 1
ip netns exec c1 nc -z -v -w 2 10.0.0.2 80; echo rc=$?
ip netns exec srv iptables -L INPUT -n -v -x
ip netns exec srv iptables -D INPUT -p udp --dport 5353 -m connlimit --connlimit-upto 2; echo rc=$?
ip netns exec srv iptables -C INPUT -p udp --dport 5353 -m connlimit --connlimit-above 2 -j DROP; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit --connlimit-upto 1 --connlimit-above 1; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit --connlimit-above 10 --connlimit-saddr --connlimit-daddr; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit --connlimit-above 4294967296; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit --connlimit-above 1 --connlimit-mask x; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit --connlimit-above 1 ! --connlimit-saddr; echo rc=$?
ip netns exec srv iptables -A INPUT -m connlimit ! --connlimit-above 3 --connlimit-mask 255.255.0.0; echo rc=$?
ip netns exec srv iptables -S INPUT
