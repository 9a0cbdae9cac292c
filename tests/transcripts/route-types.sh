# Route types, errors and table manipulation in one namespace.
ip link add v0 address 02:00:00:00:01:02 type veth peer name v1 address 02:00:00:00:01:01
ip link set v0 up
ip link set v1 up
ip addr add 192.168.1.1/24 dev v0
ip route add 10.1.0.0/16 via 192.168.1.2
ip route add unicast 10.2.0.0/16 dev v0
ip route add blackhole 10.3.0.0/16
ip route add unreachable 10.4.0.0/16
ip route add prohibit 10.5.0.0/16
ip route add throw 10.6.0.0/16 table 100
ip route add 10.6.1.0/24 dev v0 table 100
ip rule add pref 100 to 10.6.0.0/16 lookup 100
ip route add local 10.7.0.1 dev v0
ip route add broadcast 10.8.0.255 dev v0
ip route show
ip route show table all
ip route show table 100
ip route get 10.1.2.3
ip route get 10.2.2.3
ip route get 10.3.2.3; echo rc=$?
ip route get 10.4.2.3; echo rc=$?
ip route get 10.5.2.3; echo rc=$?
ip route get 10.6.2.3; echo rc=$?
ip route get 10.6.1.3
ip route get 10.7.0.1
ip route get 10.8.0.255
ip route get 192.168.1.255
ip route get 192.168.1.1
ip route get 172.30.0.1; echo rc=$?
ping -c 1 -W 1 10.3.0.1; echo rc=$?
ping -c 1 -W 1 10.4.0.1; echo rc=$?
ping -c 1 -W 1 10.5.0.1; echo rc=$?
ping -c 1 -W 1 10.6.2.1; echo rc=$?
ip route add 10.1.0.0/16 via 192.168.1.3; echo rc=$?
ip route add blackhole 10.3.0.0/16; echo rc=$?
ip route del 10.99.0.0/16; echo rc=$?
ip route replace 10.1.0.0/16 via 192.168.1.3
ip route append 10.1.0.0/16 via 192.168.1.4
ip route prepend 10.1.0.0/16 via 192.168.1.5 metric 5
ip route add 10.1.0.0/16 via 192.168.1.6 metric 10
ip route change 10.1.0.0/16 via 192.168.1.7 metric 10
ip route change 10.99.0.0/16 via 192.168.1.7; echo rc=$?
ip route show 10.1.0.0/16
ip route get 10.1.0.1
ip route del 10.1.0.0/16 metric 10
ip route del 10.1.0.0/16
ip route show
ip route flush table 100
ip route show table 100
ip route flush table main
ip route show
ip route show table local
