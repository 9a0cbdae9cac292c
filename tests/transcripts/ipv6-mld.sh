# The IPv6 multicast groups of devices (ip -6 maddr, ip maddr with the 33:33 filter entries):
# ff01::1 and ff02::1 from registration, the solicited-node group of each address (two
# addresses sharing one: users 2), force_mld_version=1 on b, a group left with its address,
# the filter emptied when the device goes down.
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.default.force_mld_version=1
ip -n a link add v0 address 02:00:00:00:04:01 type veth peer name v1 address 02:00:00:00:04:02 netns b
ip -n a maddr show dev v0
ip -n a link set v0 up
ip -n b link set v1 up
sleep 3
ip -n a addr add 2001:db8:4::1/64 dev v0
ip -n b addr add 2001:db8:4::2/64 dev v1
ip -n b addr add 2001:db8:5::2/64 dev v1
sleep 3
ip -n a maddr show dev v0
ip -n b -6 maddr
ip -n b maddr show dev v1
ip -n b addr del 2001:db8:5::2/64 dev v1
ip -n b -6 maddr show dev v1
ip -n b addr del 2001:db8:4::2/64 dev v1
ip -n b -6 maddr show dev v1
ip -n b -4 maddr show dev v1
ip -n a link set v0 down
ip -n a maddr show dev v0
ip -n a maddr show dev nosuch
