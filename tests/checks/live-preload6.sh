#!/bin/bash
# IPv6 host programs with world sockets (libskbox-preload.so), compared with
# the kernel: one scenario script runs twice — in fresh kernel namespaces
# (unshare: the host's network is untouched) and in a world (skbox up, its
# shims first in PATH) — and the two outputs, ephemeral ports and times
# masked, must be equal line for line.  Three namespaces a — r — b (a router,
# IPv6 and IPv4 forwarding on).  Programs: python3 AF_INET6 TCP (a dual-stack
# listener on [::] accepting an IPv6 and an IPv4 client: ::ffff:10.0.1.1,
# getsockname, getpeername, IPV6_V6ONLY), AF_INET6 UDP (recvmsg with IPV6_RECVHOPLIMIT,
# IPV6_UNICAST_HOPS, sendto/recvfrom tuples), IPV6_RECVERR on an unconnected
# UDP socket (POLLERR, MSG_ERRQUEUE: sock_extended_err and the offender's
# sockaddr_in6), non-blocking connect to a closed port (EINPROGRESS, then
# SO_ERROR ECONNREFUSED), getaddrinfo of a numeric address; the host's
# `ping -6` (raw ICMPv6: replies, time exceeded with -t 1; then a datagram
# socket once net.ipv4.ping_group_range lets it; IPv4 `ping -v` on its
# ping socket, with time exceeded), a python IPv4 ping socket (IP_RECVTTL,
# IP_RECVTOS, IP_RECVERR), a python program on
# IPV6_PKTINFO both ways, ICMP6_FILTER and a ping socket, `traceroute6 -n`
# (UDP probes: IPV6_UNICAST_HOPS, IPV6_RECVERR, MSG_ERRQUEUE), `nc -6` and
# `curl -6` against python's http.server.  The world must end with no socket
# left and no leak.
. "$(dirname "$0")/live-lib.bash"
command -v python3 >/dev/null || { echo "SKIP: python3 not installed"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (kernel namespaces for the reference run)"; exit 77; }
unshare --net --mount true 2>/dev/null || { echo "SKIP: unshare --net --mount is not permitted here"; exit 77; }
[ -f "$(dirname "$SKBOX")/libskbox-preload.so" ] || live_fail "no libskbox-preload.so next to $SKBOX"
HOSTPATH=$PATH
export W

cat >"$W/tcp_server.py" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("v6only", s.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
s.bind(("::", 7000)); s.listen()
print("listening", s.getsockname())
open(sys.argv[1], "w").close()
for _ in range(2):
    c, a = s.accept()
    print("accepted", a[0], a[1] > 1024, a[2:], c.getsockname())
    c.sendall(c.recv(100).upper() * 1000)
    c.close()
s.close()
EOF
cat >"$W/tcp_client.py" <<'EOF'
import socket, sys
fam, addr = (socket.AF_INET6, "fd00:2::1") if sys.argv[1] == "6" else (socket.AF_INET, "10.0.2.1")
c = socket.socket(fam); c.connect((addr, 7000))
me = c.getsockname()
print("client", me[0], me[1] > 1024, c.getpeername())
c.sendall(b"ping6")
got = b""
while d := c.recv(65536):
    got += d
print("got", len(got), got[:10])
c.close()
EOF
cat >"$W/udp_server.py" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVHOPLIMIT, 1)
s.bind(("fd00:2::1", 7001))
open(sys.argv[1], "w").close()
data, anc, flags, a = s.recvmsg(100, 64)
print("udp server", data, [(l, t, int.from_bytes(d, "little")) for l, t, d in anc], flags,
      a[0], a[1] > 1024)
s.sendto(data[::-1], a)
s.close()
EOF
cat >"$W/udp_client.py" <<'EOF'
import errno, select, socket, struct
c = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
print("hops", c.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS))
c.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 9)
print("hops", c.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS))
c.sendto(b"hello", ("fd00:2::1", 7001))
print("udp client", c.recvfrom(100))
# an error queued for an unconnected socket (traceroute6's way)
e = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
e.setsockopt(socket.IPPROTO_IPV6, 25, 1)	# IPV6_RECVERR
e.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 1)
e.sendto(b"probe", ("fd00:2::1", 7999))
p = select.poll(); p.register(e, select.POLLIN)
print("poll", p.poll(3000) == [(e.fileno(), select.POLLERR)])
data, anc, flags, a = e.recvmsg(100, 512, socket.MSG_ERRQUEUE)
print("errqueue", data, flags == socket.MSG_ERRQUEUE, a)
for l, t, d in anc:
    ee_errno, origin, typ, code, pad, info, edata = struct.unpack("IBBBBII", d[:16])
    fam, port, flow = struct.unpack("HHI", d[16:24])
    print("cmsg", l, t, errno.errorcode[ee_errno], origin, typ, code, info, fam,
          socket.inet_ntop(socket.AF_INET6, d[24:40]))
e.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 64)
e.sendto(b"probe", ("fd00:2::1", 7999))
print("poll", p.poll(3000) == [(e.fileno(), select.POLLERR)])
data, anc, flags, a = e.recvmsg(100, 512, socket.MSG_ERRQUEUE)
for l, t, d in anc:
    ee_errno, origin, typ, code = struct.unpack("IBBB", d[:7])
    print("cmsg", l, t, errno.errorcode[ee_errno], origin, typ, code,
          socket.inet_ntop(socket.AF_INET6, d[24:40]))
# non-blocking connect to a closed port; IPV6_V6ONLY; getaddrinfo
s = socket.socket(socket.AF_INET6); s.setblocking(False)
r = s.connect_ex(("fd00:2::1", 7998))
select.select([], [s], [], 5)
print("connect", errno.errorcode[r], errno.errorcode[s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)])
v = socket.socket(socket.AF_INET6)
v.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
print("v6only", v.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
print("gai", socket.getaddrinfo("fd00:2::1", 7000, socket.AF_INET6, socket.SOCK_STREAM)[0][4])
EOF

cat >"$W/icmp6.py" <<'EOF'
# IPV6_RECVPKTINFO / IPV6_PKTINFO, ICMP6_FILTER, an ICMPv6 ping socket;
# argv: the ifindexes of lo and a0 as `ip` gives them on each side (run
# with net.ipv4.ping_group_range open)
import errno, socket as S, struct, sys
lo, a0 = int(sys.argv[1]), int(sys.argv[2])
name = {lo: "lo", a0: "a0"}
def err(f):
    try: return f()
    except OSError as e: return errno.errorcode.get(e.errno, e.errno)
r = S.socket(S.AF_INET6, S.SOCK_DGRAM); r.bind(("::", 7005))
r.setsockopt(S.IPPROTO_IPV6, S.IPV6_RECVPKTINFO, 1)
s = S.socket(S.AF_INET6, S.SOCK_DGRAM)
for dst, src, idx in (("::1", "::", 0), ("fd00:1::1", "::", 0), ("::1", "fd00:1::1", 0),
                      ("fd00:1::1", "::", a0), ("::1", "fd00:9::1", 0), ("::1", "::", 999)):
    info = S.inet_pton(S.AF_INET6, src) + struct.pack("i", idx)
    got = err(lambda: s.sendmsg([b"x"], [(S.IPPROTO_IPV6, S.IPV6_PKTINFO, info)], 0, (dst, 7005)))
    if got != 1:
        print("pktinfo send", dst, src, name.get(idx, idx), got)
        continue
    d, anc, fl, a = r.recvmsg(10, 100)
    print("pktinfo", dst, src, name.get(idx, idx), "from", a[0],
          [(t, S.inet_ntop(S.AF_INET6, x[:16]), name.get(struct.unpack("i", x[16:])[0]))
           for l, t, x in anc])
raw = S.socket(S.AF_INET6, S.SOCK_RAW, S.IPPROTO_ICMPV6)
print("filter", raw.getsockopt(S.IPPROTO_ICMPV6, 1, 32).hex())
blk = [0xffffffff] * 8
blk[129 >> 5] &= ~(1 << (129 & 31))
raw.setsockopt(S.IPPROTO_ICMPV6, 1, struct.pack("8I", *blk))
raw.settimeout(1)
p = S.socket(S.AF_INET6, S.SOCK_DGRAM, S.IPPROTO_ICMPV6)
print("ping bad", err(lambda: p.sendto(b"\x81\0\0\0\0\0\0\1", ("fd00:2::1", 0))),
      err(lambda: p.send(b"\x80\0\0\0\0\0\0\1")),
      err(lambda: p.setsockopt(S.IPPROTO_ICMPV6, 1, bytes(32))))
print("bind after send", err(lambda: p.bind(("::", 4242))))	# autobound by the send
p = S.socket(S.AF_INET6, S.SOCK_DGRAM, S.IPPROTO_ICMPV6)
p.bind(("::", 4242))
p.setsockopt(S.IPPROTO_IPV6, S.IPV6_RECVHOPLIMIT, 1)
p.sendto(b"\x80\0\0\0\0\0\0\7hello", ("fd00:2::1", 0))
d, anc, fl, a = p.recvmsg(100, 100)
print("ping reply", d[0], struct.unpack("!HH", d[4:8]), d[8:], a, [(t, x[0]) for l, t, x in anc])
d = raw.recv(100)
print("raw sees", d[0], struct.unpack("!HH", d[4:8]), err(lambda: raw.recv(100)))
EOF

cat >"$W/icmp4.py" <<'EOF'
# an IPv4 ping socket (run with net.ipv4.ping_group_range open): the
# identifier, a reply with IP_RECVTTL/IP_RECVTOS, time exceeded from the
# router through IP_RECVERR (POLLERR, recv's EHOSTUNREACH, MSG_ERRQUEUE)
import errno, select, socket as S, struct
p = S.socket(S.AF_INET, S.SOCK_DGRAM, S.IPPROTO_ICMP)
p.setsockopt(S.SOL_IP, 12, 1)	# IP_RECVTTL
p.setsockopt(S.SOL_IP, S.IP_RECVTOS, 1)
p.setsockopt(S.SOL_IP, 11, 1)	# IP_RECVERR
p.sendto(b"\x08\0\0\0\0\0\0\x07hello", ("10.0.2.1", 0))
d, anc, fl, a = p.recvmsg(100, 100)
print("ping4 reply", d[0], struct.unpack("!H", d[4:6])[0] == p.getsockname()[1],
      struct.unpack("!H", d[6:8])[0], d[8:], a, [(t, x[0]) for l, t, x in anc])
p.setsockopt(S.SOL_IP, S.IP_TTL, 1)
p.sendto(b"\x08\0\0\0\0\0\0\x08hello", ("10.0.2.1", 0))
po = select.poll(); po.register(p, select.POLLIN)
print("poll", po.poll(3000) == [(p.fileno(), select.POLLERR)])
try: p.recv(100)
except OSError as e: print("recv", errno.errorcode[e.errno])
d, anc, fl, a = p.recvmsg(100, 512, S.MSG_ERRQUEUE)
for l, t, x in anc:
    if t != 11:	# IP_TTL, IP_TOS of the ICMP error (ip_cmsg_recv)
        print("ping4 error cmsg", l, t, x[0]); continue
    e, o, ty, c = struct.unpack("IBBB", x[:7])
    print("ping4 error", struct.unpack("!H", d[6:8])[0], a, l, t, errno.errorcode[e], o, ty, c,
          S.inet_ntoa(x[20:24]))
EOF

# The scenario: the same text on both sides.  `ip`, `sysctl`, `ping`, `nc`,
# `curl` are the world's shims on its side; the host's programs are named by
# their path so that they run with the preload there.
cat >"$W/scen.sh" <<'EOF'
set -u
ready() { for _ in $(seq 1 100); do [ -e "$1" ] && return; sleep 0.05; done; echo "no $1"; }
ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name r0 netns r
ip link add b0 netns b type veth peer name r1 netns r
ip -n a link set lo up
ip -n a addr add fd00:1::1/64 dev a0 nodad
ip -n a addr add 10.0.1.1/24 dev a0
ip -n r addr add fd00:1::2/64 dev r0 nodad
ip -n r addr add 10.0.1.2/24 dev r0
ip -n r addr add fd00:2::2/64 dev r1 nodad
ip -n r addr add 10.0.2.2/24 dev r1
ip -n b addr add fd00:2::1/64 dev b0 nodad
ip -n b addr add 10.0.2.1/24 dev b0
for l in "a a0" "r r0" "r r1" "b b0"; do set -- $l; ip -n $1 link set $2 up; done
ip -n a route add default via fd00:1::2
ip -n a route add default via 10.0.1.2
ip -n b route add default via fd00:2::2
ip -n b route add default via 10.0.2.2
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec a /usr/bin/ping -6 -c 1 -W 3 fd00:2::1 >/dev/null 2>&1	# neighbours found
echo "== ping -6"
ip netns exec a /usr/bin/ping -6 -c 2 -W 3 fd00:2::1 2>/dev/null
echo "== ping -6 -t 1"
ip netns exec a /usr/bin/ping -6 -c 1 -t 1 -W 2 fd00:2::1 2>/dev/null
echo "== ping -6, a datagram socket (ping_group_range)"
ip netns exec a sysctl -qw net.ipv4.ping_group_range="0 2147483647"
ip netns exec a /usr/bin/ping -6 -c 2 -W 3 fd00:2::1 2>/dev/null
ip netns exec a /usr/bin/ping -6 -c 1 -t 1 -W 2 fd00:2::1 2>/dev/null
echo "== ping, an IPv4 datagram socket (ping -v names it)"
ip netns exec a /usr/bin/ping -v -c 2 -W 3 10.0.2.1 2>&1
ip netns exec a /usr/bin/ping -c 1 -t 1 -W 2 10.0.2.1 2>/dev/null
echo "== python IPv4 ping socket"
ip netns exec a python3 "$W/icmp4.py"
echo "== python IPV6_PKTINFO, ICMP6_FILTER, ping socket"
ifx() { ip -n a -o link show "$1" | cut -d: -f1; }
ip netns exec a python3 "$W/icmp6.py" "$(ifx lo)" "$(ifx a0)"
ip netns exec a sysctl -qw net.ipv4.ping_group_range="1 0"
echo "== python TCP"
ip netns exec b python3 "$W/tcp_server.py" "$W/tcp.ready" >"$W/tcp.out" 2>&1 &
ready "$W/tcp.ready"
ip netns exec a python3 "$W/tcp_client.py" 6
ip netns exec a python3 "$W/tcp_client.py" 4
wait; cat "$W/tcp.out"
echo "== python UDP"
ip netns exec b python3 "$W/udp_server.py" "$W/udp.ready" >"$W/udp.out" 2>&1 &
ready "$W/udp.ready"
ip netns exec a python3 "$W/udp_client.py"
wait; cat "$W/udp.out"
echo "== traceroute6"
if command -v traceroute6 >/dev/null; then
	ip netns exec a traceroute6 -n -q 1 -w 3 fd00:2::1
else
	echo "(not installed)"
fi
echo "== nc -6"
ip netns exec b /usr/bin/nc -6 -l 7002 >"$W/nc.out" &
sleep 0.5
echo "hello over nc" | ip netns exec a /usr/bin/nc -6 -N fd00:2::1 7002
wait; cat "$W/nc.out"
echo "== curl -6"
head -c 50000 /dev/urandom >"$W/www/blob"
ip netns exec b python3 -m http.server -d "$W/www" -b fd00:2::1 8000 >/dev/null 2>&1 &
hs=$!
for _ in $(seq 1 100); do
	ip netns exec a /usr/bin/curl -6 -s -o "$W/blob.got" "http://[fd00:2::1]:8000/blob" && break
	sleep 0.1
done
cmp "$W/www/blob" "$W/blob.got" && echo "curl: 50000 bytes equal"
kill $hs; wait
ip netns del a
ip netns del r
ip netns del b
EOF
mkdir -p "$W/www"
# ephemeral ports, times, and the seconds a line of ping's takes
mask() {
	sed -E 's/time=[0-9.]+ ms/time=T ms/; s/, time [0-9]+ms/, time Tms/; s/^rtt .*/rtt …/
		s/  [0-9.]+ ms//g; s/, [0-9]{4,5}, 0, 0\)/, PORT, 0, 0)/g'
}

# the kernel: fresh namespaces, the host's tools
env -u SKBOX_DIR -u SKBOX_NETNS unshare --net --mount --propagation private bash -c '
	mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns && mount -t sysfs sysfs /sys
	bash "$W/scen.sh"' >"$W/linux.raw" 2>&1
rm -f "$W"/*.ready
live_up
PATH=$PATH bash "$W/scen.sh" >"$W/skbox.raw" 2>&1
mask <"$W/linux.raw" >"$W/linux.out"
mask <"$W/skbox.raw" >"$W/skbox.out"
if ! diff -u "$W/linux.out" "$W/skbox.out"; then
	cat "$W/skbox.raw"
	live_fail "the world's answers differ from the kernel's"
fi
# the kernel side really ran (it is the reference)
grep -q "^== curl" "$W/linux.out" && grep -q "curl: 50000 bytes equal" "$W/linux.out" ||
	{ cat "$W/linux.raw"; live_fail "the kernel reference run is incomplete"; }
live_down
PATH=$HOSTPATH
echo "live-preload6: ok ($(grep -c . "$W/linux.out") lines equal to the kernel's)"
