# curl against the kernel: connection refused (exit 7), a server that never answers (-m: exit 28), -w '%{http_code}'
ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip netns exec b ip addr add 10.0.0.2/24 dev vb
ip netns exec b ip link set vb up
curl http://10.0.0.2:8080/; echo rc=$?
curl -s http://10.0.0.2:8080/; echo rc=$?
curl -sS http://10.0.0.2:8080/x; echo rc=$?
curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8080/; echo rc=$?
ip netns exec b nc -lk 8080 &
sleep 1
curl -s -m 1 http://10.0.0.2:8080/; echo rc=$?
curl -sS -m 1 http://10.0.0.2:8080/; echo rc=$?
curl -s -m 1 -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8080/; echo rc=$?
curl -s -m 1 -X POST -d hello http://10.0.0.2:8080/; echo rc=$?
