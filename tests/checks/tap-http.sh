#!/bin/bash
# HTTP over real TCP between the kernel and skbox through a TAP, both ways,
# 4 MiB each, bytes compared: the kernel's curl fetches from skbox's httpd
# (tools/httpd), skbox's curl fetches from the kernel's `python3 -m
# http.server`.  skbox ends with no leak.
. "$(dirname "$0")/tap-lib.bash"
tap_require
command -v curl > /dev/null || { echo "SKIP: curl not installed"; exit 77; }
tap_setup
mkdir -p "$TAP_DIR/kroot" "$TAP_DIR/sroot"
head -c 4194304 /dev/urandom > "$TAP_DIR/kroot/big"
head -c 4194304 /dev/urandom > "$TAP_DIR/sroot/big"
(cd "$TAP_DIR/kroot" && exec ip netns exec "$TAP_NS" python3 -m http.server -b $TAP_KIP 8000) \
	> "$TAP_DIR/pyhttp.log" 2>&1 &
for _ in $(seq 1 50); do
	kns curl -s -o /dev/null http://$TAP_KIP:8000/ && break
	sleep 0.1
done
cat > "$TAP_DIR/s.sh" <<SCRIPT
httpd -p 80 -d $TAP_DIR/sroot &
curl -s -S -m 60 -o $TAP_DIR/from-kernel http://$TAP_KIP:8000/big
echo skbox-curl=\$?
SCRIPT
tap_start "$TAP_DIR/s.sh"
tap_wait_ready
for _ in $(seq 1 100); do
	grep -q skbox-curl= "$TAP_DIR/skbox.out" && break
	sleep 0.1
done
kns curl -s -S -m 60 -o "$TAP_DIR/from-skbox" -w '%{speed_download}\n' http://$TAP_SIP/big \
	> "$TAP_DIR/kcurl.out" 2>&1
krc=$?
tap_stop
src=$?
fail=0
grep -q "skbox-curl=0" "$TAP_DIR/skbox.out" || { echo "skbox curl failed"; fail=1; }
cmp -s "$TAP_DIR/kroot/big" "$TAP_DIR/from-kernel" || { echo "skbox got other bytes than the kernel served"; fail=1; }
[ $krc = 0 ] || { echo "kernel curl failed ($krc):"; cat "$TAP_DIR/kcurl.out"; fail=1; }
cmp -s "$TAP_DIR/sroot/big" "$TAP_DIR/from-skbox" || { echo "the kernel got other bytes than skbox served"; fail=1; }
[ $src = 0 ] || { echo "skbox exited $src"; fail=1; }
[ $fail = 0 ] || { echo "--- skbox output"; tail -40 "$TAP_DIR/skbox.out"; exit 1; }
echo "4 MiB kernel->skbox and skbox->kernel over HTTP through TAP: ok"
echo "kernel curl from skbox httpd: $(cat "$TAP_DIR/kcurl.out") bytes/s"
