# iperf3 inside the world: TCP by bytes, reverse, parallel, UDP with loss, -J, errors
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n nb addr add 10.0.0.2/24 dev vb
ip -n nb link set vb up
tc qdisc add dev va root netem delay 2ms rate 50mbit
ip netns exec nb tc qdisc add dev vb root netem delay 2ms rate 50mbit
ip netns exec nb iperf3 -s -p 5202 &
sleep 1
iperf3 -c 10.0.0.2 -p 5202 -n 2M
iperf3 -c 10.0.0.2 -p 5202 -n 1M -R -l 64K
iperf3 -c 10.0.0.2 -p 5202 -t 2 -P 2 -i 0
tc qdisc change dev va root netem delay 2ms rate 50mbit loss 5%
iperf3 -c 10.0.0.2 -p 5202 -u -b 2M -t 2
iperf3 -c 10.0.0.2 -p 5202 -u -b 1M -t 1 -R
iperf3 -c 10.0.0.2 -p 5202 -t 1 -J
iperf3 -c 10.0.0.2 -t 1
echo rc=$?
iperf3 -c 10.0.0.2 -t 1 -J
echo rc=$?
iperf3 -t 1
echo rc=$?
iperf3 -c 10.0.0.2 --frobnicate
echo rc=$?
iperf3 -c 10.0.0.2 -b xyz
echo rc=$?
