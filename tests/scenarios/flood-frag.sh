# Fragments that never complete: a flood of first fragments (MF set, a new IP
# id each) fills the reassembly queues up to net.ipv4.ipfrag_high_thresh; past
# it, fragments are dropped and counted (IpReasmFails); after
# ipfrag_time (30 s) every queue times out (IpReasmTimeout) and a "fragment
# reassembly time exceeded" goes back for those that held a first fragment
# (rate-limited); nothing is left; the namespace still answers a ping.
ip netns add victim
ip link add v0 type veth peer name eth0 netns victim
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n victim addr add 10.0.0.2/24 dev eth0
ip -n victim link set eth0 up
ip netns exec victim sysctl net.ipv4.ipfrag_high_thresh net.ipv4.ipfrag_low_thresh net.ipv4.ipfrag_time
timeout 0.02 hping3 -2 -p 9 -x -d 1000 --flood 10.0.0.2
ip netns exec victim nstat -az IpReasmReqds IpReasmOKs IpReasmFails IpReasmTimeout
sleep 31
ip netns exec victim nstat -az IpReasmReqds IpReasmOKs IpReasmFails IpReasmTimeout IcmpOutTimeExcds
ping -c 1 10.0.0.2
