# Mistyped commands: exact messages and exit codes.
ip link add; echo rc=$?
ip link add foo; echo rc=$?
ip link add foo type nosuchkind; echo rc=$?
ip foo; echo rc=$?
ip link show nosuch; echo rc=$?
ip addr show dev nosuch; echo rc=$?
ip addr add 1.2.3.4/33 dev lo; echo rc=$?
ip addr add 1.2.3.4/24 dev nosuch; echo rc=$?
ip addr add dev lo; echo rc=$?
ip addr del 1.2.3.4/24 dev lo; echo rc=$?
ip addr add 1.2.3.4/24 dev lo; echo rc=$?
ip addr add 1.2.3.4/24 dev lo; echo rc=$?
ip route add 10.0.0.0/8 via 1.2.3.4; echo rc=$?
ip route add 10.0.0.0/8 via 9.9.9.9; echo rc=$?
ip route add blah; echo rc=$?
ip route add 10.0.0.0/8 dev nosuch; echo rc=$?
ip route del default; echo rc=$?
ip route get 300.1.1.1; echo rc=$?
ip netns exec nosuch true; echo rc=$?
ip netns del nosuch; echo rc=$?
ip netns add x1; echo rc=$?
ip netns add x1; echo rc=$?
ip -n nosuch link; echo rc=$?
ip link set nosuch up; echo rc=$?
ip link set lo mtu abc; echo rc=$?
ip link del lo; echo rc=$?
ip link del nosuch; echo rc=$?
ip neigh add 1.2.3.5 dev lo; echo rc=$?
ip neigh del 1.2.3.5 dev lo; echo rc=$?
ip rule add blah; echo rc=$?
sysctl -w net.ipv4.nosuch=1; echo rc=$?
sysctl net.ipv4.nosuch; echo rc=$?
sysctl net.ipv4.ip_forward=abc; echo rc=$?
sysctl -w net.ipv4.ip_forward=abc; echo rc=$?
sysctl -w net.ipv4.ip_forward=2; echo rc=$?
sysctl -n net.ipv4.ip_forward; echo rc=$?
sysctl -w net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=2; echo rc=$?
sysctl net.ipv4.ip_forward net.ipv4.conf.lo.arp_ignore; echo rc=$?
ping; echo rc=$?
ping -c abc 1.2.3.4; echo rc=$?
ping -c 1 1.2.3.4; echo rc=$?
ping -c 1 127.0.0.1; echo rc=$?
ip link set lo up
ping -c 1 127.0.0.1; echo rc=$?
ping -c 1 -I nosuch 127.0.0.1; echo rc=$?
bridge fdb show br nosuch; echo rc=$?
brctl hairpin nosuch nosuch on; echo rc=$?
ip addr add 127.0.0.1/8 dev lo; echo rc=$?
ip link set lo mtu 10; echo rc=$?
ip addr show dev lo
ip link set lo mtu 65536
ip addr show dev lo
ping -c 1 127.0.0.1; echo rc=$?
