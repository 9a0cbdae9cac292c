# nexthop groups (hash-threshold): group ID[,W]/…, routes with a group's nhid are multipath,
# follow a replaced member, shrink when a member is deleted, go with the last one
ip netns add a
ip link add v0 netns a type veth peer name v1 netns a
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a addr add 172.16.1.1/24 dev v0
ip -n a addr add 172.16.2.1/24 dev v1
ip -n a nexthop add id 1 via 172.16.1.253 dev v0
ip -n a nexthop add id 2 via 172.16.2.253 dev v1
ip -n a nexthop add id 3 group 1/2
ip -n a nexthop add id 4 group 1,3/2,2
ip -n a nexthop add id 5 group 1/9; echo rc=$?
ip -n a nexthop add id 6 group 3; echo rc=$?
ip -n a nexthop add id 7 group 1/1; echo rc=$?
ip -n a nexthop
ip -n a route add 172.16.9.0/24 nhid 3
ip -n a route add 172.16.8.0/24 nhid 4
ip -n a route
ip -n a route get 172.16.9.1 oif v1
ip -n a nexthop replace id 2 via 172.16.2.254 dev v1
ip -n a route get 172.16.9.1 oif v1
ip -n a nexthop del id 1
ip -n a nexthop
ip -n a route
ip -n a nexthop del id 2
ip -n a nexthop
ip -n a route
