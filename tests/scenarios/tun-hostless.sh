# TUN/TAP devices in a pure world (no host interface): nobody has the file
# open, so there is no carrier and what is sent is dropped and counted.
# Joining a host TAP needs real time (skbox run --realtime).
ip tuntap add mode tun name tun0
ip addr add 10.9.0.1/24 dev tun0
ip link set tun0 up
ip -d link show tun0
ping -c 1 -W 1 10.9.0.2
ip -s link show tun0
ip tuntap add mode tap name tap0 pi
ip tuntap
ip link add tap1 type tap host-name skbtapx; echo rc=$?
ip link add tap1 type tap host-name; echo rc=$?
ip link add tap1 type tap hostname x; echo rc=$?
ip link add tap1 type tap host-name 0123456789abcdefgh; echo rc=$?
ip link add tun1 type tun; echo rc=$?
ip tuntap del mode tun name tun0
ip tuntap del mode tap name tap0
ip tuntap show
