# nc over a veth pair: a listener in the background, a client with data from a pipe
ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip netns exec b ip addr add 10.0.0.2/24 dev vb
ip netns exec b ip link set vb up
ip netns exec b nc -l -k 10.0.0.2 8888 &
sleep 1
echo hi | nc -N 10.0.0.2 8888
echo hello | nc -v -N 10.0.0.2 8888
nc -v -N 10.0.0.2 9999
nc -z -v 10.0.0.2 8888
nc -z 10.0.0.2 9999
nstat -az TcpActiveOpens TcpAttemptFails TcpOutRsts
ip netns exec b nstat -az TcpPassiveOpens TcpOutRsts
