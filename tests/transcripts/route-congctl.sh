# route metric congctl (RTAX_CC_ALGO): the kernel checks the name ("Unknown tcp congestion
# algorithm", status 2), ip route shows it with its lock; fib_tests.sh "Invalid metric"
ip netns add a
ip link add v0 netns a type veth peer name v1 netns a
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a addr add 172.16.101.1/24 dev v0
ip -n a route add 172.16.111.0/24 via 172.16.101.2 congctl lock foo; echo rc=$?
ip -n a route add 172.16.111.0/24 via 172.16.101.2 congctl foo; echo rc=$?
ip -n a route add 172.16.112.0/24 via 172.16.101.2 congctl reno; echo rc=$?
ip -n a route add 172.16.113.0/24 via 172.16.101.2 congctl lock reno; echo rc=$?
ip -n a route add 172.16.114.0/24 via 172.16.101.2 congctl; echo rc=$?
ip -n a route
ip -n a route get 172.16.112.5
ip -n a route del 172.16.112.0/24; echo rc=$?
ip -n a route
# ip route get shows the route's metrics in its cache line
ip -n a route add 172.16.104.0/24 via 172.16.101.2 mtu 1300
ip -n a route add 172.16.105.0/24 via 172.16.101.2 mtu lock 1300 advmss 1200
ip -o -n a route get 172.16.104.1
ip -o -n a route get 172.16.105.1
ip -o -n a route get 172.16.113.5
ip -o -n a route get 172.16.113.5 from 172.16.101.9 iif v1
