# Bulk TCP into a short queue: a 100mbit tbf that holds 64 KB drops the tail
# of each burst.  RACK marks lost what was sent before a SACKed segment and
# not delivered within its RTT; PRR lowers cwnd to ssthresh as ACKs come, and
# lost retransmissions go again without an RTO, so each drop costs about one
# retransmission and the link stays full (Linux here: 95 Mbit/s).
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n nb addr add 10.0.0.2/24 dev vb
ip -n nb link set vb up
tc qdisc add dev va root tbf rate 100mbit burst 32k limit 64k
ip netns exec nb iperf3 -s -1 &
sleep 1
iperf3 -c 10.0.0.2 -t 5
tc -s qdisc show dev va
nstat -az TcpRetransSegs TcpExtTCPTimeouts TcpExtTCPSackRecovery TcpExtTCPFastRetrans TcpExtTCPLossProbes TcpExtTCPLossProbeRecovery TcpExtTCPLostRetransmit TcpExtTCPSACKReorder
