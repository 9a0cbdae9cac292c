# hping3's probes, replies, errors and statistics, and coreutils' timeout
ip link add va type veth peer name vb
ip netns add nb
ip link set vb netns nb
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n nb addr add 10.0.0.2/24 dev vb
ip -n nb link set vb up
sleep 1
ip netns exec nb nc -lk 80 &
hping3 -n -2 -p 9 -c 1 10.0.0.2
echo rc=$?
hping3 -S -p 80 -c 1 10.0.0.2
echo rc=$?
hping3 -c 1 10.0.0.3
echo rc=$?
hping3 -F -P -U -p 80 -c 1 -q 10.0.0.2
echo rc=$?
hping3 -c 1 -p 81 -t 1 -d 10 -s 3000 -k 10.0.0.2
echo rc=$?
hping3 -1 -C 13 -c 1 10.0.0.2
echo rc=$?
hping3
echo rc=$?
hping3 -c x 10.0.0.2
echo rc=$?
hping3 -p 80 nosuchhost
echo rc=$?
hping3 -S -p 80 -c 3 -i u1000 10.0.0.2
timeout 0.01 hping3 -S -p 81 --flood 10.0.0.2
echo rc=$?
ip netns exec nb nstat -az TcpOutRsts TcpInSegs
timeout x true
timeout
timeout 1 nosuch
timeout 0.5 sleep 5
echo $?
