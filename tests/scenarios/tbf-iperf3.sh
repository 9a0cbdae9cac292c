# tbf shapes a link: iperf3 through a 10mbit bucket reports about 10 Mbit/s in
# both directions (TCP, -R), UDP at 20 Mbit/s offered loses what the bucket drops
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n nb addr add 10.0.0.2/24 dev vb
ip -n nb link set vb up
tc qdisc add dev va root tbf rate 10mbit burst 16k latency 200ms
ip netns exec nb tc qdisc add dev vb root tbf rate 10mbit burst 16k latency 200ms
ip netns exec nb iperf3 -s &
sleep 1
iperf3 -c 10.0.0.2 -t 5
iperf3 -c 10.0.0.2 -t 3 -R
iperf3 -c 10.0.0.2 -u -b 20M -t 2 -l 1000
tc -s qdisc show dev va
