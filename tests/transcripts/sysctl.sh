# sysctl: all/default/DEV, what a new device inherits, and ip_forward's reach.
ip netns add n
ip netns exec n sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding
ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=2 net.ipv4.conf.default.arp_ignore=1
ip -n n link add v0 type veth peer name v1
ip netns exec n sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v0.arp_ignore net.ipv4.conf.lo.rp_filter
ip netns exec n sysctl -w net.ipv4.conf.v1.rp_filter=0
ip netns exec n sysctl -w net.ipv4.conf.default.rp_filter=1
ip netns exec n sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.v1.rp_filter
ip netns exec n sysctl -w net.ipv4.ip_forward=1
ip netns exec n sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.v0.forwarding net.ipv4.conf.lo.forwarding
ip netns exec n sysctl net.ipv4.conf.all.accept_redirects net.ipv4.conf.v0.accept_redirects
ip netns exec n sysctl -w net.ipv4.conf.v0.forwarding=0
ip netns exec n sysctl net.ipv4.ip_forward net.ipv4.conf.v0.forwarding
ip netns exec n sysctl net.core.netdev_max_backlog net.ipv4.ip_default_ttl net.ipv4.icmp_ratelimit net.ipv4.icmp_ratemask net.ipv4.ip_local_port_range
ip netns exec n sysctl net.ipv4.neigh.default.base_reachable_time_ms net.ipv4.neigh.default.retrans_time_ms net.ipv4.neigh.default.ucast_solicit net.ipv4.neigh.default.mcast_solicit net.ipv4.neigh.default.gc_thresh1
ip netns exec n sysctl -n net.ipv4.route.mtu_expires net.ipv4.route.min_pmtu net.ipv4.ipfrag_time net.ipv4.ipfrag_high_thresh
ip netns exec n sysctl -q -w net.ipv4.conf.v0.proxy_arp=1; echo rc=$?
ip netns exec n sysctl net.ipv4.conf.v0
