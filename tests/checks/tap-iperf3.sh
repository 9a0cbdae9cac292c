#!/bin/bash
# iperf3 between the kernel and skbox through a TAP, with the real iperf3 on
# the kernel side: skbox's client against the kernel's server and the
# kernel's client against skbox's server, each TCP and UDP, each both ways
# (-R).  TCP is paced at 100 Mbit/s (-b): unpaced, skbox's sender (slow
# under ASan) grows a multi-megabyte cwnd, floods the TAP, and its loss
# recovery can stall for many seconds (see docs/IPERF.md).  A second
# between runs: the real server answers "busy" until it has closed the
# previous test.  Every run must end with iperf3's summary (sender and receiver
# lines), exit 0, and move data; skbox ends with no leak.
. "$(dirname "$0")/tap-lib.bash"
tap_require
command -v iperf3 > /dev/null || { echo "SKIP: iperf3 not installed (scripts/deps.sh)"; exit 77; }
tap_setup
kns iperf3 -s -p 5202 > "$TAP_DIR/kserver.log" 2>&1 &
cat > "$TAP_DIR/s.sh" <<SCRIPT
iperf3 -s &
iperf3 -c $TAP_KIP -p 5202 -t 2 -b 100M
echo skbox-tcp=\$?
sleep 1
iperf3 -c $TAP_KIP -p 5202 -t 2 -b 100M -R
echo skbox-tcp-R=\$?
sleep 1
iperf3 -c $TAP_KIP -p 5202 -t 2 -u -b 10M
echo skbox-udp=\$?
sleep 1
iperf3 -c $TAP_KIP -p 5202 -t 2 -u -b 10M -R
echo skbox-udp-R=\$?
SCRIPT
tap_start "$TAP_DIR/s.sh"
tap_wait_ready
for _ in $(seq 1 300); do
	grep -q skbox-udp-R= "$TAP_DIR/skbox.out" && break
	sleep 0.1
done
fail=0
for c in tcp tcp-R udp udp-R; do
	grep -q "skbox-$c=0" "$TAP_DIR/skbox.out" || { echo "skbox iperf3 client ($c) failed"; fail=1; }
done
run_kernel_client() {	# NAME ARGS...
	local name=$1
	shift
	kns timeout 20 iperf3 -c $TAP_SIP -t 2 "$@" > "$TAP_DIR/k-$name.out" 2>&1 ||
		{ echo "kernel iperf3 client ($name) failed:"; cat "$TAP_DIR/k-$name.out"; fail=1; return; }
	sleep 1		# the server finishes the test before it takes another
	grep -q "receiver" "$TAP_DIR/k-$name.out" ||
		{ echo "kernel iperf3 client ($name): no summary"; cat "$TAP_DIR/k-$name.out"; fail=1; }
}
run_kernel_client tcp -b 100M
run_kernel_client tcp-R -b 100M -R
run_kernel_client udp -u -b 10M
run_kernel_client udp-R -u -b 10M -R
tap_stop
src=$?
[ $src = 0 ] || { echo "skbox exited $src"; fail=1; }
[ $fail = 0 ] || { echo "--- skbox output"; cat "$TAP_DIR/skbox.out"; exit 1; }
echo "iperf3 kernel<->skbox through TAP, TCP and UDP, both directions: ok"
for n in tcp tcp-R udp udp-R; do
	echo "kernel client ($n): $(grep receiver "$TAP_DIR/k-$n.out" | tail -1)"
done
grep -E "receiver$" "$TAP_DIR/skbox.out" | sed "s/^/skbox (client or server): /"
