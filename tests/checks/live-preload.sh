#!/bin/bash
# Host programs with world sockets: `ip netns exec NS PROGRAM` preloads
# libskbox-preload.so, so socat's and python's IPv4 sockets are the world's
# (docs/LIVE.md).  TCP and UDP between two namespaces of one world, byte-exact;
# accept/getpeername/getsockname, select with host fds and a timeout,
# non-blocking connect, SO_ERROR, MSG_PEEK, ss in the world sees the program's
# socket; AF_INET6 is the world's too (a datagram over ::1 with its
# IPV6_TCLASS control message; live-preload6.sh compares IPv6 with the
# kernel), AF_UNIX stays the host's; every
# socket closed at the end (down: no leaks).
. "$(dirname "$0")/live-lib.bash"
command -v socat >/dev/null || { echo "SKIP: socat not installed (scripts/deps.sh)"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 not installed"; exit 77; }
[ -f "$(dirname "$SKBOX")/libskbox-preload.so" ] || live_fail "no libskbox-preload.so next to $SKBOX"
live_up
ip netns add a && ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up && ip -n b link set vb up
ip -n a link set lo up

# wait_listen NS PROTO(t|u) PORT: the world shows the socket bound
wait_listen() {
	for _ in $(seq 1 200); do
		ip netns exec "$1" ss -ln"$2" | grep -q ":$3 " && return 0
		sleep 0.05
	done
	live_fail "nothing listens on $2 $3 in $1"
}

# socat TCP: 300 kB one way, byte-exact
head -c 300000 /dev/urandom >"$W/in"
ip netns exec b socat -u TCP-LISTEN:8000,reuseaddr OPEN:"$W/tcp.out",creat,trunc &
wait_listen b t 8000
ip netns exec a socat -u OPEN:"$W/in" TCP:10.0.0.2:8000 || live_fail "socat TCP client"
wait $!
cmp -s "$W/in" "$W/tcp.out" || live_fail "socat TCP: bytes differ"

# socat UDP: one datagram, and a request/answer through a host program
ip netns exec b socat -u UDP-RECV:9001 OPEN:"$W/udp.out",creat,trunc &
wait_listen b u 9001
echo hello | ip netns exec a socat -u - UDP:10.0.0.2:9001
for _ in $(seq 1 100); do [ -s "$W/udp.out" ] && break; sleep 0.05; done
kill $! 2>/dev/null; wait $! 2>/dev/null
expect "socat UDP-RECV" hello "$(cat "$W/udp.out")"
ip netns exec b socat -T 5 UDP-RECVFROM:9002 SYSTEM:'tr a-z A-Z' &
wait_listen b u 9002
out=$(echo hello | ip netns exec a socat -T 2 - UDP:10.0.0.2:9002)
wait $!
expect "socat UDP-RECVFROM answers" HELLO "$out"

# python: a TCP server and client; the server's socket seen by the world's ss
ip netns exec b python3 -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 7000)); s.listen()
c, a = s.accept()
import errno, fcntl, struct, termios
def q(so, req):
    try: return struct.unpack("i", fcntl.ioctl(so, req, b"\0" * 4))[0]
    except OSError as e: return errno.errorcode[e.errno]
c.recv(100, socket.MSG_PEEK)
print("ioctl", q(s, termios.FIONREAD), q(s, termios.TIOCOUTQ), q(c, termios.FIONREAD), q(c, termios.TIOCOUTQ))
print("server", a[0], c.getsockname(), c.recv(100, socket.MSG_PEEK), c.recv(100))
c.sendall(b"pong" * 5000); c.close(); s.close()' >"$W/py.server" &
wait_listen b t 7000
expect "ss names the program" 1 "$(ip netns exec b ss -ltnp | grep -c '"python3"')"
out=$(ip netns exec a python3 -c '
import socket, select, os
s = socket.create_connection(("10.0.0.2", 7000), timeout=5)
p, _ = os.pipe()
r, _, _ = select.select([s, p], [], [], 0.2)
print("idle", len(r))
s.sendall(b"ping")
got = b""
while True:
    d = s.recv(65536)
    if not d: break
    got += d
print("client", len(got), got[:4], s.getpeername())')
wait $!
expect "python client" "idle 0
client 20000 b'pong' ('10.0.0.2', 7000)" "$out"
expect "python server" "ioctl EINVAL EINVAL 4 0
server 10.0.0.1 ('10.0.0.2', 7000) b'ping' b'ping'" "$(cat "$W/py.server")"

# non-blocking connect to a closed port: EINPROGRESS, then SO_ERROR refused;
# AF_INET6 is the world's (IPV6_TCLASS comes back as a control message); AF_UNIX
# is the host's
out=$(ip netns exec a python3 -c '
import socket, select, errno, os
s = socket.socket(); s.setblocking(False)
e = s.connect_ex(("10.0.0.2", 7999))
select.select([], [s], [], 5)
print(errno.errorcode[e], errno.errorcode[s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)])
r, t = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM), socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
r.bind(("::1", 7100)); r.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVTCLASS, 1)
t.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_TCLASS, 0x28); t.sendto(b"v6", ("::1", 7100))
d, anc, _, frm = r.recvmsg(16, 64)
print(d, frm[0], [(l, ty, int.from_bytes(v, "little")) for l, ty, v in anc])
a, b = socket.socketpair(); a.send(b"x"); print(b.recv(1))')
expect "nonblocking connect, AF_INET6, AF_UNIX" "EINPROGRESS ECONNREFUSED
b'v6' ::1 [(41, 67, 40)]
b'x'" "$out"

# traceroute (UDP probes, IP_TTL, IP_RECVERR, MSG_ERRQUEUE) through a router
if command -v traceroute >/dev/null; then
	ip netns add r
	ip -n b link set vb netns r
	ip -n r addr add 10.0.0.2/24 dev vb
	ip -n r link add rc type veth peer name vc
	ip -n r link set vc netns b
	ip -n r addr add 10.9.0.254/24 dev rc
	ip -n b addr add 10.9.0.1/24 dev vc
	ip -n r link set vb up && ip -n r link set rc up && ip -n b link set vc up
	ip -n a route add 10.9.0.0/24 via 10.0.0.2
	ip -n b route add default via 10.9.0.254
	ip netns exec r sysctl -qw net.ipv4.ip_forward=1
	out=$(ip netns exec a traceroute -n -q 1 -w 2 10.9.0.1 | sed 's/  [0-9.]* ms//')
	expect "traceroute" "traceroute to 10.9.0.1 (10.9.0.1), 30 hops max, 60 byte packets
 1  10.0.0.2
 2  10.9.0.1" "$out"
fi

# nothing left open in the world
expect "no sockets left" "" "$({ ip netns exec b ss -tan; ip netns exec a ss -tuan; } |
	grep -v '^State\|^Netid\|TIME-WAIT')"
live_down
echo ok
