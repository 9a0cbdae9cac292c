# ip tuntap: TUN (L3) and TAP (L2) devices, their flags, details and errors.
ip tuntap add mode tap name tap0; echo rc=$?
ip tuntap add mode tun name tun0; echo rc=$?
ip tuntap add mode tap name tap1 pi; echo rc=$?
ip tuntap add mode tap; echo rc=$?
ip tuntap show
ip tuntap list
ip -j tuntap show
ip link show
ip -d link show tap0
ip -d link show tun0
ip -d link show tap1
ip link set tap0 up
ip link set tun0 up
ip link show tap0
ip link show tun0
ip addr add 10.9.0.1/24 dev tun0
ip route show
ping -c 1 -W 1 10.9.0.2
ip -s link show tun0
ip tuntap add mode tap name tap0; echo rc=$?
ip tuntap add mode tun name tap0; echo rc=$?
ip tuntap add mode foo name x; echo rc=$?
ip tuntap add tapx; echo rc=$?
ip tuntap add mode tun mode tap name y; echo rc=$?
ip tuntap del name tun0; echo rc=$?
ip tuntap del mode tun name tap0; echo rc=$?
ip tuntap del mode tap name nosuch; echo rc=$?
ip link add x type tun; echo rc=$?
ip link add x type tap; echo rc=$?
ip tuntap del mode tap name tap0; echo rc=$?
ip tuntap del mode tun name tun0; echo rc=$?
ip tuntap del mode tap name tap1; echo rc=$?
ip tuntap del mode tap name tap2; echo rc=$?
ip tuntap show
ip link show
