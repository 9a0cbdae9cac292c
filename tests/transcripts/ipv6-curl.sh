# curl -6 'http://[ADDR]:PORT/' to an HTTP server listening on an IPv6 address (python3 http.server on the kernel side)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip netns exec b httpd -p [2001:db8::2]:8000 -d tests/transcripts/http-root &
sleep 3
ip netns exec a curl -s 'http://[2001:db8::2]:8000/hello.txt'; echo rc=$?
ip netns exec a curl -6 -s -o /dev/null -w '%{http_code} %{size_download}\n' 'http://[2001:db8::2]:8000/index.html'; echo rc=$?
ip netns exec a curl -s -o /dev/null -w '%{http_code}\n' 'http://[2001:db8::2]:8000/missing.txt'; echo rc=$?
ip netns exec a curl -s 'http://[2001:db8::2]:8001/'; echo rc=$?
ip netns exec a curl -s 'http://[2001:db8::2/'; echo rc=$?
