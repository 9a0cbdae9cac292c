# ICMP redirects (RFC 792, RFC 1812 5.2.7.2): r1 forwards h1's packet back out
# the interface it came in on, toward r2 on the same link, so it tells h1 of the
# better hop; h1 keeps it as a nexthop exception (ip route get: "cache <redirected>").
ip netns add h1
ip netns add r1
ip netns add r2
ip netns add h2
ip link add eth0 netns h1 address 02:00:00:00:0e:01 type veth peer name eth0 netns r1 address 02:00:00:00:0e:02
ip link add eth1 netns h1 address 02:00:00:00:0e:03 type veth peer name eth0 netns r2 address 02:00:00:00:0e:04
ip link add eth1 netns r1 address 02:00:00:00:0e:05 type veth peer name eth1 netns r2 address 02:00:00:00:0e:06
ip link add eth0 netns h2 address 02:00:00:00:0e:07 type veth peer name eth2 netns r2 address 02:00:00:00:0e:08
ip -n h1 link add br0 address 02:00:00:00:0e:09 type bridge
ip -n h1 link set eth0 master br0 up
ip -n h1 link set eth1 master br0 up
ip -n h1 link set br0 up
ip -n h1 addr add 172.16.1.1/24 dev br0
ip -n r1 addr add 172.16.1.253/24 dev eth0
ip -n r1 addr add 10.1.1.1/30 dev eth1
ip -n r2 addr add 172.16.1.254/24 dev eth0
ip -n r2 addr add 10.1.1.2/30 dev eth1
ip -n r2 addr add 172.16.2.254/24 dev eth2
ip -n h2 addr add 172.16.2.2/24 dev eth0
ip -n r1 link set eth0 up
ip -n r1 link set eth1 up
ip -n r2 link set eth0 up
ip -n r2 link set eth1 up
ip -n r2 link set eth2 up
ip -n h2 link set eth0 up
ip -n h2 route add default via 172.16.2.254
ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1
ip -n r1 route add 172.16.2.0/24 via 10.1.1.2 dev eth1
ip -n h1 route add 172.16.2.0/24 via 172.16.1.253 dev br0
ip netns exec h1 ping -q -c 1 -W 1 172.16.2.2
ip -o -n h1 route get 172.16.2.2
# r1 now reaches h2 through r2, on h1's own link: it redirects h1
ip -n r1 route replace 172.16.2.0/24 via 172.16.1.254 dev eth0
ip netns exec h1 ping -q -c 2 -i 0.5 -W 1 172.16.2.2
ip -o -n h1 route get 172.16.2.2
ip -o -n h1 route show cache
ip -o -n r1 route get 172.16.2.2 from 172.16.1.1 iif eth0
ip -o -n r1 route get 172.16.2.2 from 10.1.1.2 iif eth1
ip -o -n h1 route show cache 172.16.2.2
ip -n h1 route list table main
ip -o -n h1 route get 172.16.2.3
ip netns exec r1 nstat -az IcmpOutRedirects IcmpMsgOutType5 IpInAddrErrors
ip netns exec h1 nstat -az IcmpInRedirects IcmpMsgInType5
# a redirect and a PMTU exception for the same destination share one entry
ip -n h2 link set eth0 mtu 1300
ip -n r2 link set eth2 mtu 1300
ip netns exec h1 ping -q -c 2 -i 0.5 -W 1 -M want -s 1350 172.16.2.2
ip -o -n h1 route get 172.16.2.2
ip -n h1 route flush cache
ip -o -n h1 route get 172.16.2.2
# accept_redirects 0: the next redirect is ignored
ip netns exec h1 sysctl -q -w net.ipv4.conf.all.accept_redirects=0
ip netns exec h1 sysctl -q -w net.ipv4.conf.br0.accept_redirects=0
ip netns exec h1 ping -q -c 2 -i 0.5 -W 1 172.16.2.2
ip -o -n h1 route get 172.16.2.2
ip netns exec h1 sysctl -q -w net.ipv4.conf.all.accept_redirects=1
# send_redirects 0 on the router: no redirect is sent
ip netns exec r1 sysctl -q -w net.ipv4.conf.all.send_redirects=0
ip netns exec r1 sysctl -q -w net.ipv4.conf.eth0.send_redirects=0
ip netns exec h1 ping -q -c 2 -i 0.5 -W 1 172.16.2.2
ip -o -n h1 route get 172.16.2.2
ip netns exec r1 nstat -az IcmpOutRedirects
