# NFQUEUE with a reader (the nfqueue command stands in for a libnetfilter_queue program): verdicts accept, drop, mark (seen by a later rule), repeat; no reader: drop, or --queue-bypass; a full queue drops and counts (or accepts with --fail-open); a busy queue; queue-balance; the forward hook; the trace shows the queue and the verdict; the stats as /proc/net/netfilter/nfnetlink_queue
ip netns add a
ip netns add b
ip netns add r
ip link add va type veth peer name ra
ip link add vb type veth peer name rb
ip link set va netns a
ip link set ra netns r
ip link set vb netns b
ip link set rb netns r
ip -n a addr add 10.0.0.1/24 dev va
ip -n r addr add 10.0.0.254/24 dev ra
ip -n r addr add 10.0.1.254/24 dev rb
ip -n b addr add 10.0.1.2/24 dev vb
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip -n a route add default via 10.0.0.254
ip -n b route add default via 10.0.1.254
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec b iptables -A INPUT -p icmp -m mark --mark 7 -j ACCEPT
ip netns exec b iptables -A INPUT -p icmp -j NFQUEUE --queue-num 3
ip netns exec b nfqueue -q 3 -c 2 -v &
ip netns exec a ping -c 2 -i 0.2 -q 10.0.1.2; echo rc=$?
wait
ip netns exec b nfqueue -q 3 --verdict drop -c 1 &
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
wait
# accept with a mark: the packet goes on from the next hook (the rest of
# the table is not walked: the mark rule's counter stays 0)
ip netns exec b nfqueue -q 3 --verdict mark:7 -c 1 &
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
wait
ip netns exec b iptables -L INPUT -v -n
# repeat: the hook runs again and queues the packet once more; the reader
# exits after 2, the third time nobody reads: dropped
ip netns exec b nfqueue -q 3 --verdict repeat -c 2 &
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
wait
# repeat with a mark: the table's second pass accepts it at rule 1
ip netns exec b nfqueue -q 3 --verdict repeat:7 -c 1 &
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
wait
ip netns exec b iptables -L INPUT -v -n
# no reader: dropped; with --queue-bypass: on to the next rule
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
ip netns exec b iptables -R INPUT 2 -p icmp -j NFQUEUE --queue-num 3 --queue-bypass
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
# a full queue: held packets wait, the rest are dropped and counted
ip netns exec b iptables -R INPUT 2 -p icmp -j NFQUEUE --queue-num 3
ip netns exec b nfqueue -q 3 --verdict none --queue-maxlen 2 &
ip netns exec b nfqueue -q 3; echo rc=$?
ip netns exec a ping -c 4 -i 0.2 -W 1 -q 10.0.1.2; echo rc=$?
ip netns exec b nfqueue -l
# fail-open: a full queue lets packets through
ip netns exec b nfqueue -q 4 --verdict none --queue-maxlen 1 --fail-open &
ip netns exec b iptables -R INPUT 2 -p icmp -j NFQUEUE --queue-num 4
ip netns exec a ping -c 3 -i 0.2 -W 1 -q 10.0.1.2; echo rc=$?
ip netns exec b nfqueue -l
# the forward hook in the router, balanced over queues 10:11
ip netns exec r iptables -A FORWARD -p icmp -j NFQUEUE --queue-balance 10:11
ip netns exec r nfqueue -q 10 -c 5 &
ip netns exec r nfqueue -q 11 -c 4 &
ip netns exec b iptables -F INPUT
ip netns exec a ping -c 2 -i 0.2 -q 10.0.1.2; echo rc=$?
ip netns exec r nfqueue -l
# the trace: queued, then the verdict and the rest of the path (the reply
# finds no reader on queue 10 any more)
trace on
ip netns exec a ping -c 1 -W 1 -q 10.0.1.2; echo rc=$?
trace off
ip netns exec r iptables -F FORWARD
# bad input
ip netns exec b nfqueue -q 70000; echo rc=$?
ip netns exec b nfqueue --verdict maybe; echo rc=$?
ip netns exec b nfqueue -x; echo rc=$?
