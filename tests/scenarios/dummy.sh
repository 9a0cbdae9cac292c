# The dummy device.  This machine's kernel has no dummy module, so the expected output
# is Linux's from drivers/net/dummy.c: NOARP, no multicast, noqueue, state UNKNOWN when up
# (it never reports carrier), minmtu/maxmtu 0, one queue; what is sent is counted and freed.
ip link add d0 type dummy
ip link show d0
ip link set d0 up
ip addr add 10.1.1.1/24 dev d0
ip -d link show d0
ip route get 10.1.1.2
ping -c 1 -W 1 10.1.1.2
ip neigh show dev d0
ip -s link show d0
ip link set d0 mtu 9000
ip link show d0
ip link del d0
ip link show d0
