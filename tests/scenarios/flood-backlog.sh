# A flood larger than the receive backlog (net.core.netdev_max_backlog, global,
# set in the initial namespace): the frames past the limit are dropped at
# netif_rx with CPU_BACKLOG and counted on the device (ip -s link: dropped);
# the rest get through; a ping still works; teardown frees everything.
sysctl -w net.core.netdev_max_backlog=16
ip netns add victim
ip link add v0 type veth peer name eth0 netns victim
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n victim addr add 10.0.0.2/24 dev eth0
ip -n victim link set eth0 up
ping -c 1 10.0.0.2
timeout 0.01 hping3 -2 -p 7 --flood 10.0.0.2
ip -n victim -s link show eth0
ip netns exec victim nstat -az UdpNoPorts IcmpOutDestUnreachs IcmpOutRateLimitGlobal IcmpOutRateLimitHost
ping -c 1 10.0.0.2
