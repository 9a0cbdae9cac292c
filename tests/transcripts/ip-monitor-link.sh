# ip monitor link: RTM_NEWLINK/RTM_DELLINK as `ip monitor` prints them — a veth
# pair made (the peer first, without its peer yet), each end up (carrier and
# operstate come in linkwatch's own messages), MTU, address, flags, name, down,
# and the pair deleted
timeout 8 ip monitor link & sleep 0.2
ip link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01; sleep 0.1
ip link set c0 up; sleep 0.1
ip link set r0 up; sleep 0.1
ip link set c0 mtu 1400; sleep 0.1
ip link set r0 address 02:00:00:00:01:09; sleep 0.1
ip link set c0 promisc on; sleep 0.1
ip link set c0 arp off; sleep 0.1
ip link set c0 down; sleep 0.1
ip link set c0 name c1; sleep 0.1
ip link set c1 name c0; sleep 0.1
ip link set r0 down; sleep 0.1
ip link set c0 up; sleep 0.1
ip link set r0 up; sleep 0.1
ip link del r0; sleep 0.1
ip link add d0 type veth peer name d1; sleep 0.1
ip link set d0 up; ip link set d1 up; sleep 0.1
ip link del d0; sleep 0.1
wait
