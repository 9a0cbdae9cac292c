#!/bin/bash
# skbox's NAT gives a namespace behind it access to the real kernel: skbox
# namespace "inner" (192.168.50.2) routes through skbox's root namespace,
# which MASQUERADEs out of the TAP; the kernel answers ping and serves HTTP
# and sees only skbox's TAP address (10.77.0.2) as the client.
. "$(dirname "$0")/tap-lib.bash"
tap_require
command -v curl > /dev/null || { echo "SKIP: curl not installed"; exit 77; }
probe=$(mktemp "${TMPDIR:-/tmp}/skbox-natprobe.XXXXXX")
echo "iptables -t nat -A POSTROUTING -o lo -j MASQUERADE" > "$probe"
"$SKBOX" run "$probe" > /dev/null 2>&1
prc=$?
rm -f "$probe"
[ $prc = 0 ] || { echo "SKIP: skbox has no 'iptables -t nat ... -j MASQUERADE' yet"; exit 77; }
tap_setup
mkdir -p "$TAP_DIR/kroot"
echo "hello from the kernel" > "$TAP_DIR/kroot/hello"
(cd "$TAP_DIR/kroot" && exec ip netns exec "$TAP_NS" python3 -m http.server -b $TAP_KIP 8000) \
	> "$TAP_DIR/pyhttp.log" 2>&1 &
for _ in $(seq 1 50); do
	kns curl -s -o /dev/null http://$TAP_KIP:8000/ && break
	sleep 0.1
done
cat > "$TAP_DIR/s.sh" <<SCRIPT
sysctl -q -w net.ipv4.ip_forward=1
ip netns add inner
ip link add vin type veth peer name vout netns inner
ip addr add 192.168.50.1/24 dev vin
ip link set vin up
ip -n inner addr add 192.168.50.2/24 dev vout
ip -n inner link set vout up
ip -n inner route add default via 192.168.50.1
iptables -t nat -A POSTROUTING -s 192.168.50.0/24 -o tap0 -j MASQUERADE
ip netns exec inner ping -c 3 -i 0.2 $TAP_KIP
ip netns exec inner curl -s -m 10 http://$TAP_KIP:8000/hello
echo inner-curl=\$?
SCRIPT
tap_start "$TAP_DIR/s.sh"
tap_wait_ready
for _ in $(seq 1 150); do
	grep -q inner-curl= "$TAP_DIR/skbox.out" && break
	sleep 0.1
done
tap_stop
src=$?
fail=0
grep -q "3 packets transmitted, 3 received" "$TAP_DIR/skbox.out" || { echo "inner ping through NAT failed"; fail=1; }
grep -q "hello from the kernel" "$TAP_DIR/skbox.out" || { echo "inner curl through NAT failed"; fail=1; }
grep -q inner-curl=0 "$TAP_DIR/skbox.out" || fail=1
grep -q '^10\.77\.0\.2 ' "$TAP_DIR/pyhttp.log" || { echo "the kernel did not see the masqueraded source:"; cat "$TAP_DIR/pyhttp.log"; fail=1; }
grep -q '^192\.168\.50\.' "$TAP_DIR/pyhttp.log" && { echo "the inner address leaked to the kernel"; fail=1; }
[ $src = 0 ] || { echo "skbox exited $src"; fail=1; }
[ $fail = 0 ] || { cat "$TAP_DIR/skbox.out"; exit 1; }
echo "inner namespace -> MASQUERADE -> TAP -> kernel: ping and HTTP ok, kernel saw 10.77.0.2"
