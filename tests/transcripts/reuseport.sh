# SO_REUSEPORT: binds and listens that succeed or fail with EADDRINUSE, and how
# datagrams and connections of many flows spread over a group (tools/reuseport;
# the kernel side is tests/kernel/bin/reuseport, the same cases in python3)
ip link set lo up
reuseport
