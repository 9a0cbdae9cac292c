# nexthop objects: ip nexthop add/replace/del/flush/ls, routes with nhid follow a replaced
# object and go with a deleted one; a device that goes takes its objects
ip netns add a
ip link add v0 netns a type veth peer name v1 netns a
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a addr add 172.16.1.1/24 dev v0
ip -n a nexthop ls; echo rc=$?
ip -n a nexthop add id 1 via 172.16.1.253 dev v0; echo rc=$?
ip -n a nexthop add id 1 via 172.16.1.254 dev v0; echo rc=$?
ip -n a nexthop add id 2 dev v0; echo rc=$?
ip -n a nexthop add id 3 via 172.16.9.9 dev v0; echo rc=$?
ip -n a nexthop ls
ip -n a nexthop show id 1
ip -n a route add 172.16.2.0/24 nhid 1; echo rc=$?
ip -n a route add 172.16.3.0/24 nhid 9; echo rc=$?
ip -n a route add 172.16.4.0/24 nhid 2; echo rc=$?
ip -n a route
ip -n a route get 172.16.2.2
ip -n a nexthop replace id 1 via 172.16.1.254 dev v0; echo rc=$?
ip -n a route
ip -n a route get 172.16.2.2
ip -n a nexthop del id 2; echo rc=$?
ip -n a route
ip -n a nexthop flush; echo rc=$?
ip -n a nexthop ls
ip -n a route
ip -n a nexthop flush; echo rc=$?
ip -n a nexthop del id 7; echo rc=$?
ip -n a nexthop add id 5 via 172.16.1.7 dev v0
ip -n a nexthop add id 6 dev v1
ip -n a route add 172.16.5.0/24 nhid 5
ip -n a route add 172.16.6.0/24 nhid 6
ip -n a nexthop add id 5 via 172.16.1.8 dev v0; echo rc=$?
ip -n a route add 172.16.7.0/24 nhid 5 via 172.16.1.9; echo rc=$?
ip -n a route
ip -n a link del v1
ip -n a nexthop
ip -n a route
