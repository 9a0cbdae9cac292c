#!/bin/bash
# The real kernel and skbox ping each other through a TAP (kernel namespace
# side "tapk", skbox side tap0 joined with `host-name tapk`, --realtime), and
# skbox ends with no leak (its exit status).
. "$(dirname "$0")/tap-lib.bash"
tap_require
tap_setup
cat > "$TAP_DIR/s.sh" <<SCRIPT
ping -c 3 -i 0.2 $TAP_KIP
SCRIPT
tap_start "$TAP_DIR/s.sh"
tap_wait_ready
kns ping -c 5 -i 0.2 $TAP_SIP > "$TAP_DIR/kping.out" 2>&1
krc=$?
tap_stop
src=$?
fail=0
grep -q " 0% packet loss" "$TAP_DIR/kping.out" || { echo "kernel -> skbox ping lost packets:"; cat "$TAP_DIR/kping.out"; fail=1; }
grep -q "3 packets transmitted, 3 received" "$TAP_DIR/skbox.out" || { echo "skbox -> kernel ping failed"; fail=1; }
[ $krc = 0 ] || fail=1
[ $src = 0 ] || { echo "skbox exited $src"; fail=1; }
[ $fail = 0 ] || { echo "--- skbox output"; cat "$TAP_DIR/skbox.out"; exit 1; }
echo "kernel<->skbox ping through TAP: ok"
grep rtt "$TAP_DIR/kping.out"
