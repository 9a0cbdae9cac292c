# A SYN flood from random (spoofed) sources against a listener: the SYN queue
# fills, SYN cookies take over (TcpExtSyncookiesSent), and a real client is
# still served during the flood; martian sources are dropped on the way in;
# the namespace still answers a ping; teardown frees everything.
ip netns add victim
ip link add v0 type veth peer name eth0 netns victim
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n victim addr add 10.0.0.2/24 dev eth0
ip -n victim link set eth0 up
ip -n victim route add default via 10.0.0.1
ip netns exec victim nc -lk 80 &
sleep 0.1
timeout 0.05 hping3 -S -p 80 --flood --rand-source 10.0.0.2 &
sleep 0.02
nc -z -v -w 1 10.0.0.2 80
wait
ip netns exec victim nstat -az TcpPassiveOpens TcpExtSyncookiesSent TcpExtSyncookiesRecv TcpExtListenOverflows TcpExtListenDrops TcpExtTCPReqQFullDoCookies IpInAddrErrors
ping -c 1 10.0.0.2
