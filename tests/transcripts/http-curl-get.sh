# curl and an HTTP server in namespaces: GET, 404, -f, POST, -o/-w, the same script on the kernel (python3 http.server behind the name httpd, tests/kernel/bin/httpd)
ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip netns exec b ip addr add 10.0.0.2/24 dev vb
ip netns exec b ip link set vb up
ip netns exec b httpd -p 8000 -d tests/transcripts/http-root &
sleep 2
curl -s http://10.0.0.2:8000/; echo rc=$?
curl -s http://10.0.0.2:8000/hello.txt; echo rc=$?
curl -s -o /dev/null -w '%{http_code} %{size_download}\n' http://10.0.0.2:8000/hello.txt; echo rc=$?
curl -s -o /dev/null -w '%{http_code}\n' http://10.0.0.2:8000/missing.txt; echo rc=$?
curl -sf http://10.0.0.2:8000/missing.txt; echo rc=$?
curl -sSf http://10.0.0.2:8000/missing.txt; echo rc=$?
curl -s -o /dev/null -w '%{http_code}\n' -d hello http://10.0.0.2:8000/; echo rc=$?
curl -s -o /dev/null -w '%{http_code}\n' -X POST -d a=1 http://10.0.0.2:8000/hello.txt; echo rc=$?
curl -s -m 2 -o /dev/null -w '%{http_code} %{size_download}\n' http://10.0.0.2:8000/index.html; echo rc=$?
