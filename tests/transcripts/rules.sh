# ip rule: defaults, selectors, actions, and their effect on ip route get.
ip link add v0 address 02:00:00:00:01:02 type veth peer name v1 address 02:00:00:00:01:01
ip link set v0 up
ip link set v1 up
ip addr add 192.168.1.1/24 dev v0
ip addr add 192.168.2.1/24 dev v1
ip rule list
ip route add default via 192.168.1.2 table 10
ip route add default via 192.168.2.2 table 20
ip route add 10.0.0.0/8 via 192.168.2.3 table 30
ip rule add from 172.16.0.0/16 table 10
ip rule add pref 150 to 10.66.0.0/16 unreachable
ip rule add pref 160 to 10.77.0.0/16 prohibit
ip rule add pref 200 to 10.0.0.0/8 lookup 30
ip rule add pref 300 iif v1 table 20
ip rule add pref 400 fwmark 0x5 table 20
ip rule add pref 500 oif v0 table 10
ip rule add pref 800 from 172.17.0.0/16 to 8.8.8.8 table 10
ip rule add pref 900 from 192.168.2.1 table 20
ip rule list
ip rule show table 20
ip route get 8.8.8.8; echo rc=$?
ip route get 8.8.8.8 from 172.16.1.1; echo rc=$?
ip route get 8.8.8.8 from 192.168.2.1
ip route get 10.1.1.1
ip route get 8.8.8.8 mark 5
ip route get 8.8.8.8 oif v0
ip route get 10.66.0.1; echo rc=$?
ip route get 10.77.0.1; echo rc=$?
ip route get 8.8.8.8 from 172.16.1.1 iif v0; echo rc=$?
sysctl -qw net.ipv4.ip_forward=1
ip route get 8.8.8.8 from 172.16.1.1 iif v0
ip route get 8.8.8.8 from 172.18.0.1 iif v1
ip route get 8.8.8.8 from 172.17.0.1 iif v0
ip route get 8.8.4.4 from 172.17.0.1 iif v0; echo rc=$?
ip route get 10.66.0.1 from 172.18.0.1 iif v0; echo rc=$?
ip route get 10.77.0.1 from 172.18.0.1 iif v0; echo rc=$?
ip rule del pref 150
ip rule del from 172.16.0.0/16 table 10
ip rule del pref 12345; echo rc=$?
ip rule add pref 300 iif v1 table 20; echo rc=$?
ip rule add table; echo rc=$?
ip rule add fwmark abc table 1; echo rc=$?
ip rule list
ip rule del pref 0
ip rule list
ip route get 192.168.1.1; echo rc=$?
