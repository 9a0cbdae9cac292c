# ip monitor's socket is bounded as a netlink socket is: with -rcvbuf 4096
# (8192 bytes of buffer) a flush of 40 routes in one request overruns it; the
# monitor prints what fitted, then iproute2's "netlink receive error No
# buffer space available (105)", and goes on with the next messages
ip link add c0 type veth peer name r0
ip link set c0 up
ip link set r0 up
ip addr add 10.0.0.1/24 dev c0
ip route add 10.9.1.0/24 via 10.0.0.2
ip route add 10.9.2.0/24 via 10.0.0.2
ip route add 10.9.3.0/24 via 10.0.0.2
ip route add 10.9.4.0/24 via 10.0.0.2
ip route add 10.9.5.0/24 via 10.0.0.2
ip route add 10.9.6.0/24 via 10.0.0.2
ip route add 10.9.7.0/24 via 10.0.0.2
ip route add 10.9.8.0/24 via 10.0.0.2
ip route add 10.9.9.0/24 via 10.0.0.2
ip route add 10.9.10.0/24 via 10.0.0.2
ip route add 10.9.11.0/24 via 10.0.0.2
ip route add 10.9.12.0/24 via 10.0.0.2
ip route add 10.9.13.0/24 via 10.0.0.2
ip route add 10.9.14.0/24 via 10.0.0.2
ip route add 10.9.15.0/24 via 10.0.0.2
ip route add 10.9.16.0/24 via 10.0.0.2
ip route add 10.9.17.0/24 via 10.0.0.2
ip route add 10.9.18.0/24 via 10.0.0.2
ip route add 10.9.19.0/24 via 10.0.0.2
ip route add 10.9.20.0/24 via 10.0.0.2
ip route add 10.9.21.0/24 via 10.0.0.2
ip route add 10.9.22.0/24 via 10.0.0.2
ip route add 10.9.23.0/24 via 10.0.0.2
ip route add 10.9.24.0/24 via 10.0.0.2
ip route add 10.9.25.0/24 via 10.0.0.2
ip route add 10.9.26.0/24 via 10.0.0.2
ip route add 10.9.27.0/24 via 10.0.0.2
ip route add 10.9.28.0/24 via 10.0.0.2
ip route add 10.9.29.0/24 via 10.0.0.2
ip route add 10.9.30.0/24 via 10.0.0.2
ip route add 10.9.31.0/24 via 10.0.0.2
ip route add 10.9.32.0/24 via 10.0.0.2
ip route add 10.9.33.0/24 via 10.0.0.2
ip route add 10.9.34.0/24 via 10.0.0.2
ip route add 10.9.35.0/24 via 10.0.0.2
ip route add 10.9.36.0/24 via 10.0.0.2
ip route add 10.9.37.0/24 via 10.0.0.2
ip route add 10.9.38.0/24 via 10.0.0.2
ip route add 10.9.39.0/24 via 10.0.0.2
ip route add 10.9.40.0/24 via 10.0.0.2
ip -rcvbuf 4096 monitor route & sleep 0.1
ip route flush root 10.9.0.0/16
ip route add 10.8.0.0/16 via 10.0.0.2
ip -rcvbuf 0x zz monitor; echo $?
