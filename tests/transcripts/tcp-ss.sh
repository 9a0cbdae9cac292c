# ss: TCP listener and connection, UDP socket; -t -u -a -l -n -p and combinations
ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip netns exec b ip addr add 10.0.0.2/24 dev vb
ip netns exec b ip link set vb up
ip netns exec b nc -l 10.0.0.2 8888 &
ip netns exec b nc -u -l -w 6 5353 &
sleep 1
nc -w 5 10.0.0.2 8888 &
sleep 1
ip netns exec b ss -tanp
ip netns exec b ss -tlnp
ip netns exec b ss -ulnp
ip netns exec b ss -tanpu
ip netns exec b ss -tan
ip netns exec b ss -tln
ip netns exec b ss -tn
ip netns exec b ss -uan
ip netns exec b ss -uln
ip netns exec b ss -tanu
ip netns exec b ss -ltun
ss -tn
ss -tln
ip netns exec b ss -x; echo rc=$?
sleep 6
ss -tan
