#!/bin/bash
# Clients that send garbage — random bytes, a huge length, an unknown frame,
# an exec frame without its NUL, stdin without a command, half a header,
# a bad signal — are logged as protocol faults and dropped; the world keeps
# running and serving, and goes down without leaks.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a
python3 - "$W/w/sock" <<'PY' || live_fail "garbage client"
import os, socket, struct, sys
path = sys.argv[1]
def send(data, wait=True):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.sendall(data)
    if wait:
        s.settimeout(5)
        try:
            while s.recv(4096):
                pass
        except (ConnectionResetError, socket.timeout):
            pass
    s.close()
frame = lambda t, p: struct.pack("=II", ord(t), len(p)) + p
send(os.urandom(4096))
send(struct.pack("=II", ord("X"), 1 << 30))
send(frame("Z", b"hello"))
send(frame("X", b"\0\0\0\0" + b"\0/\0ip"))
send(frame("X", b"\0\0\0\0\0/\0"))
send(frame("I", b"data"))
send(frame("E", b""))
send(b"\x58\x00", wait=False)
send(frame("X", struct.pack("=I", 1) + b"a\0/\0nc\0-l\0009\0") + frame("K", b"\x02\0\0\0\0"))
send(frame("X", struct.pack("=I", 0) + b"\0/\0ip\0link\0") + frame("X", b"\0\0\0\0\0/\0ip\0"))
PY
for fault in "frame of 1073741824 bytes" "unknown frame type 0x0000005a" \
	"exec frame not NUL-terminated" "exec frame with 2 strings" \
	"stdin frame without open stdin" "end of stdin without open stdin" \
	"signal frame of 5 bytes" "second exec frame"; do
	grep -q "protocol fault: $fault" "$W/w/log" || live_fail "not logged: $fault"
done
expect "still serving" "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000" \
	"$(ip -n a link show lo | head -n 1)"
live_down
echo ok
