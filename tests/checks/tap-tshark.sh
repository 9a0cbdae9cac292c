#!/bin/bash
# Every frame skbox puts on a real TAP decodes cleanly in Wireshark: tshark
# captures on the kernel side while the kernel and skbox ping each other
# (ARP, ICMP) and move 1 MiB over HTTP each way (TCP handshake, data, FIN);
# no frame is malformed and no IPv4/ICMP/TCP/UDP checksum from skbox is bad.
# (Only skbox's frames are judged: the kernel's own TCP frames are captured
# before checksum offload fills them in.)
. "$(dirname "$0")/tap-lib.bash"
tap_require
command -v tshark > /dev/null || { echo "SKIP: tshark not installed"; exit 77; }
command -v curl > /dev/null || { echo "SKIP: curl not installed"; exit 77; }
tap_setup
mkdir -p "$TAP_DIR/kroot" "$TAP_DIR/sroot"
head -c 1048576 /dev/urandom > "$TAP_DIR/kroot/big"
head -c 1048576 /dev/urandom > "$TAP_DIR/sroot/big"
(cd "$TAP_DIR/kroot" && exec ip netns exec "$TAP_NS" python3 -m http.server -b $TAP_KIP 8000) \
	> "$TAP_DIR/pyhttp.log" 2>&1 &
for _ in $(seq 1 50); do
	kns curl -s -o /dev/null http://$TAP_KIP:8000/ && break
	sleep 0.1
done
ip netns exec "$TAP_NS" tshark -q -i tapk -w "$TAP_DIR/cap.pcapng" > "$TAP_DIR/tshark.log" 2>&1 &
TSHARK=$!
for _ in $(seq 1 100); do
	grep -q "Capturing on" "$TAP_DIR/tshark.log" && break
	sleep 0.1
done
cat > "$TAP_DIR/s.sh" <<SCRIPT
httpd -p 80 -d $TAP_DIR/sroot &
ping -c 3 -i 0.2 $TAP_KIP
curl -s -S -m 60 -o $TAP_DIR/from-kernel http://$TAP_KIP:8000/big
echo skbox-curl=\$?
SCRIPT
tap_start "$TAP_DIR/s.sh"
tap_wait_ready
for _ in $(seq 1 100); do
	grep -q skbox-curl= "$TAP_DIR/skbox.out" && break
	sleep 0.1
done
kns ping -c 3 -i 0.2 -q $TAP_SIP > /dev/null
kns curl -s -S -m 60 -o "$TAP_DIR/from-skbox" http://$TAP_SIP/big
tap_stop
src=$?
sleep 0.5
kill -TERM $TSHARK; wait $TSHARK
total=$(tshark -r "$TAP_DIR/cap.pcapng" 2>/dev/null | wc -l)
from_skbox=$(tshark -r "$TAP_DIR/cap.pcapng" -Y "ip.src == $TAP_SIP || arp.src.proto_ipv4 == $TAP_SIP" 2>/dev/null | wc -l)
ck="-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE"
# The filter must be valid (tshark exits 0) and see skbox's good checksums,
# or an empty "bad" list would prove nothing.
# shellcheck disable=SC2086
good=$(tshark -r "$TAP_DIR/cap.pcapng" $ck -Y "ip.src == $TAP_SIP && ip.checksum.status == \"Good\" && (tcp.checksum.status == \"Good\" || icmp.checksum.status == \"Good\")" 2>/dev/null | wc -l)
# shellcheck disable=SC2086
bad=$(tshark -r "$TAP_DIR/cap.pcapng" $ck \
	-Y "_ws.malformed || (ip.src == $TAP_SIP && (ip.checksum.status == \"Bad\" || tcp.checksum.status == \"Bad\" || udp.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\" || _ws.expert.severity == \"Error\"))" 2>/dev/null)
brc=$?
fail=0
[ "$from_skbox" -gt 100 ] || { echo "too few frames from skbox captured: $from_skbox of $total"; fail=1; }
[ $brc = 0 ] || { echo "tshark refused the filter ($brc)"; fail=1; }
[ "$good" -gt 100 ] || { echo "only $good frames from skbox with verified good checksums"; fail=1; }
[ -z "$bad" ] || { echo "bad frames:"; echo "$bad" | head -20; fail=1; }
grep -q skbox-curl=0 "$TAP_DIR/skbox.out" || { echo "skbox curl failed"; fail=1; }
cmp -s "$TAP_DIR/sroot/big" "$TAP_DIR/from-skbox" || { echo "kernel curl got other bytes"; fail=1; }
[ $src = 0 ] || { echo "skbox exited $src"; fail=1; }
[ $fail = 0 ] || { tail -20 "$TAP_DIR/skbox.out"; exit 1; }
echo "tshark: $total frames on the TAP, $from_skbox from skbox ($good with checksums verified good), none malformed, no bad checksum"
tshark -r "$TAP_DIR/cap.pcapng" -q -z io,phs 2>/dev/null | grep -E "eth|arp|ip |icmp|tcp|http" | head -8
