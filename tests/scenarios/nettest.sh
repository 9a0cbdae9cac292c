# nettest (Linux selftests' socket tool) inside the world: -B runs the client
# in -N and the server in -O; TCP and UDP (-D); no listener, no route.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
nettest -B -N a -O b -r 10.1.0.2; echo rc=$?
nettest -B -D -N a -O b -r 10.1.0.2 -p 5000; echo rc=$?
nettest -B -N a -O b -r 10.9.0.3; echo rc=$?
nettest -B -N a -O b -r 10.1.0.3 -t 1; echo rc=$?
ip netns exec b nettest -s -t 1; echo rc=$?
nettest -B -N nosuch -O a -r 10.1.0.2; echo rc=$?
nettest -B -N a -O b; echo rc=$?
nettest -x; echo rc=$?
