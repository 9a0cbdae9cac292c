# ip monitor (every object): a device made and deleted brings its netconf
# messages (inet, inet6) besides the link's; sysctl changes of forwarding,
# rp_filter, proxy_arp tell netconf; `ip monitor all` labels each message
timeout 6 ip monitor & sleep 0.2
ip link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01; sleep 0.1
sysctl -qw net.ipv4.conf.c0.forwarding=1; sleep 0.1
sysctl -qw net.ipv4.conf.c0.rp_filter=2; sleep 0.1
sysctl -qw net.ipv4.conf.c0.proxy_arp=1; sleep 0.1
sysctl -qw net.ipv4.conf.default.rp_filter=1; sleep 0.1
sysctl -qw net.ipv4.ip_forward=1; sleep 0.1
sysctl -qw net.ipv6.conf.c0.forwarding=1; sleep 0.1
ip link del c0; sleep 0.1
wait
timeout 3 ip monitor all & sleep 0.2
ip link add d0 address 02:00:00:00:02:02 type veth peer name d1 address 02:00:00:00:02:01; sleep 0.1
ip addr add 10.0.0.1/24 dev d0; sleep 0.1
wait
timeout 3 ip -4 monitor netconf dev d1 & sleep 0.2
sysctl -qw net.ipv4.conf.d0.rp_filter=2; sleep 0.1
sysctl -qw net.ipv4.conf.d1.rp_filter=2; sleep 0.1
sysctl -qw net.ipv4.conf.d1.forwarding=0; sleep 0.1
sysctl -qw net.ipv6.conf.d1.forwarding=1; sleep 0.1
wait
