# A UDP flood into a socket whose receive buffer fills (net.core.rmem_default
# set small in the initial namespace, as only it may): the datagrams that do
# not fit are dropped with SOCKET_RCVBUFF and counted (UdpRcvbufErrors,
# UdpInErrors); another socket in the same namespace still gets its datagram;
# the namespace still answers a ping; teardown frees everything.
sysctl -w net.core.rmem_default=8192
ip netns add victim
ip link add v0 type veth peer name eth0 netns victim
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n victim addr add 10.0.0.2/24 dev eth0
ip -n victim link set eth0 up
ip netns exec victim nc -u -l 9000 &
ip netns exec victim nc -u -l 9001 &
sleep 0.1
# 64-datagram bursts at 1 Mpps from one source port (nc -u -l takes the first
# peer as its only one) for 50 ms of virtual time; 1 byte each (nc prints them)
timeout 0.05 hping3 -2 -k -s 5555 -p 9000 -d 1 --flood 10.0.0.2
echo other socket | nc -u -q 0 10.0.0.2 9001
sleep 0.1
ip netns exec victim nstat -az UdpInDatagrams UdpRcvbufErrors UdpInErrors UdpNoPorts
ping -c 1 10.0.0.2
