# vxlan devices: `ip link add ... type vxlan`, iproute2's errors, `ip -d link show`,
# MTU over a lower device, the vxlan FDB with `bridge fdb add/append/replace/del/show`.
ip link add veth0 address 02:00:00:00:01:01 type veth peer name veth1 address 02:00:00:00:01:02
ip addr add 192.168.50.1/24 dev veth0
ip link set veth0 up
ip link add vxlan0 address 02:00:00:00:0a:01 type vxlan id 42 dstport 4789 local 192.168.50.1 dev veth0
ip -d link show vxlan0
ip link add vxlan1 type vxlan id 43 dstport 4789 remote 192.168.50.2 local 192.168.50.1 dev veth0 ttl 10 nolearning proxy
ip -d link show vxlan1
ip link add vxlan2 type vxlan id 44
ip -d link show vxlan2
ip link add vxlan3 type vxlan id 45 group 239.1.1.1 dev veth0 dstport 8472
ip -d link show vxlan3
ip link add vxlan4 type vxlan id 46 remote 192.168.50.2 group 239.1.1.1 dev veth0; echo rc=$?
ip link add vxlan4 type vxlan id 46 group 192.168.50.2 dev veth0; echo rc=$?
ip link add vxlan4 type vxlan id 46 remote 239.1.1.1 dev veth0; echo rc=$?
ip link add vxlan4 type vxlan dstport 4789; echo rc=$?
ip link add vxlan4 type vxlan id 16777216; echo rc=$?
ip link add vxlan4 type vxlan id 42 dstport 4789 local 192.168.50.1 dev veth0; echo rc=$?
ip link add vxlan4 type vxlan id 47 dev nosuch; echo rc=$?
ip link add vxlan4 type vxlan id 47 foo; echo rc=$?
ip link add vxlan4 type vxlan id 47 ttl 300; echo rc=$?
ip link add vxlan4 type vxlan id 47 group 239.1.1.1; echo rc=$?
ip link add vxlan4 type vxlan id 47 id 48; echo rc=$?
ip link add vxlan4 type vxlan id 47 local 239.1.1.1; echo rc=$?
ip link add vxlan4 type vxlan id 47 dstport 70000; echo rc=$?
ip link add vxlan4 type vxlan id 47 ttl; echo rc=$?
ip link add vxlan4 type vxlan id 47 srcport 1000 2000 dstport 4790
ip -d link show vxlan4
ip link add vxlan5 type vxlan id 48 dstport 4790 local 192.168.50.1
ip link show vxlan5
ip link add vxlan6 type vxlan id 49 dstport 4789 ttl inherit tos inherit ageing 100 maxaddress 10 l2miss noudpcsum
ip -d link show vxlan6
ip link add vxlan7 mtu 1480 type vxlan id 50 dstport 4789 dev veth0; echo rc=$?
ip link show vxlan7
ip link set vxlan7 mtu 1460; echo rc=$?
ip link set vxlan7 mtu 1400; echo rc=$?
ip link show vxlan7
ip link set vxlan0 up
ip link show vxlan0
bridge fdb append 00:00:00:00:00:00 dst 192.168.50.2 dev vxlan0
bridge fdb append 00:00:00:00:00:00 dst 192.168.50.3 dev vxlan0
bridge fdb add 02:00:00:00:0b:01 dst 192.168.50.4 dev vxlan0
bridge fdb add 02:00:00:00:0b:01 dst 192.168.50.5 dev vxlan0; echo rc=$?
bridge fdb replace 02:00:00:00:0b:01 dst 192.168.50.5 dev vxlan0
bridge fdb add 02:00:00:00:0b:02 dst 192.168.50.6 dev vxlan0 self permanent
bridge fdb add 02:00:00:00:0b:03 dst 192.168.50.7 port 5000 vni 7 via veth1 dev vxlan0
bridge fdb add 02:00:00:00:0b:04 dst 192.168.50.8 dev vxlan0 static
bridge fdb add 02:00:00:00:0b:05 dst 192.168.50.9 dev vxlan0 dynamic
bridge fdb add 02:00:00:00:0b:06 dev vxlan0; echo rc=$?
bridge fdb append 02:00:00:00:0b:02 dst 192.168.50.10 dev vxlan0; echo rc=$?
bridge fdb show dev vxlan0
bridge fdb del 00:00:00:00:00:00 dst 192.168.50.3 dev vxlan0
bridge fdb del 02:00:00:00:0b:09 dev vxlan0; echo rc=$?
bridge fdb del 02:00:00:00:0b:02 dst 10.1.1.9 dev vxlan0; echo rc=$?
bridge fdb del 02:00:00:00:0b:05 dev vxlan0; echo rc=$?
bridge fdb show dev vxlan0
bridge fdb show dev vxlan1
bridge fdb show
ip link set vxlan0 down
bridge fdb show dev vxlan0
ip link del vxlan0
ip link del vxlan1
ip -d link show vxlan3
ip link del veth0
ip -d link show vxlan3
