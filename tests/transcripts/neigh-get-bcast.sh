# ip neigh get ADDR dev DEV, and an address whose broadcast is a neighbour's: its
# unresolved entry goes (arp_invalidate), a resolved one stays (fib_tests ipv4_bcast_neigh)
ip netns add a
ip link add d0 netns a type veth peer name d0p netns a
ip -n a link set d0 up
ip -n a link set d0p up
ip -n a neigh add 192.0.2.111 lladdr 00:11:22:33:44:55 nud perm dev d0
ip -n a neigh add 192.0.2.255 lladdr 00:11:22:33:44:55 nud perm dev d0
ip -n a neigh get 192.0.2.111 dev d0; echo rc=$?
ip -n a neigh get 192.0.2.255 dev d0; echo rc=$?
ip -n a address add 192.0.2.1/24 broadcast 192.0.2.111 dev d0
ip -n a neigh add 203.0.113.111 nud failed dev d0
ip -n a neigh add 203.0.113.255 nud failed dev d0
ip -n a neigh add 203.0.113.7 nud stale lladdr 00:11:22:33:44:57 dev d0
ip -n a neigh get 203.0.113.111 dev d0; echo rc=$?
ip -n a neigh get 203.0.113.255 dev d0; echo rc=$?
ip -n a address add 203.0.113.1/24 broadcast 203.0.113.111 dev d0
ip -n a neigh get 192.0.2.111 dev d0; echo rc=$?
ip -n a neigh get 192.0.2.255 dev d0; echo rc=$?
ip -n a neigh get 203.0.113.111 dev d0; echo rc=$?
ip -n a neigh get 203.0.113.255 dev d0; echo rc=$?
ip -n a neigh get 203.0.113.7 dev d0; echo rc=$?
ip -n a neigh get 203.0.113.9 dev d0; echo rc=$?
ip -n a neigh get 203.0.113.9; echo rc=$?
ip -n a neigh get 203.0.113.9 dev nosuch; echo rc=$?
ip -n a neigh help; echo rc=$?
