# Sourced by tests/checks/tap-*.sh: skbox joined to the real kernel through a
# TAP.  Everything happens in a kernel network namespace the test creates
# (ip netns add) and removes: the kernel side is the TAP "tapk" 10.77.0.1/24
# there; skbox runs inside the same namespace (its /dev/net/tun fd attaches
# to tapk) with its own device tap0 10.77.0.2/24.  Nothing touches the host's
# network.
#   tap_require            exit 77 (SKIP) without root, /dev/net/tun, unshare --net
#   tap_setup              make the namespace and tapk
#   tap_start SCRIPT       run skbox --realtime on SCRIPT (after the TAP lines) in
#                          the background; its output goes to $TAP_DIR/skbox.out
#   tap_wait_ready         wait until the kernel can ping skbox
#   tap_stop               tell skbox's script to end (its last command is
#                          `nc -l 9999`), wait, return skbox's exit status
#   kns CMD...             run CMD in the kernel namespace
set -u

TAP_KIP=10.77.0.1
TAP_SIP=10.77.0.2

tap_require() {
	[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (host TAP, network namespaces)"; exit 77; }
	[ -c /dev/net/tun ] || { echo "SKIP: no /dev/net/tun on this machine"; exit 77; }
	unshare --net true 2>/dev/null || { echo "SKIP: unshare --net is not permitted here"; exit 77; }
}

tap_cleanup() {
	[ -n "${TAP_PID:-}" ] && kill "$TAP_PID" 2>/dev/null
	[ -n "${TAP_NS:-}" ] && ip netns pids "$TAP_NS" 2>/dev/null | xargs -r kill 2>/dev/null
	[ -n "${TAP_NS:-}" ] && ip netns del "$TAP_NS" 2>/dev/null
	[ -n "${TAP_DIR:-}" ] && rm -rf "$TAP_DIR"
}

kns() { ip netns exec "$TAP_NS" "$@"; }

tap_setup() {
	TAP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/skbox-tap.XXXXXX")
	TAP_NS=skbtap$$
	trap tap_cleanup EXIT
	ip netns add "$TAP_NS" || { echo "SKIP: ip netns add failed"; exit 77; }
	kns ip link set lo up
	kns ip tuntap add mode tap name tapk || { echo "SKIP: cannot create a TAP"; exit 77; }
	kns ip addr add $TAP_KIP/24 dev tapk
	kns ip link set tapk up
}

tap_start() {
	{
		echo "ip link add tap0 type tap host-name tapk"
		echo "ip addr add $TAP_SIP/24 dev tap0"
		echo "ip link set tap0 up"
		cat "$1"
		echo "nc -l 9999"
	} > "$TAP_DIR/skbox.sh"
	kns "$SKBOX" run --realtime --timeout 120 "$TAP_DIR/skbox.sh" > "$TAP_DIR/skbox.out" 2>&1 &
	TAP_PID=$!
}

tap_wait_ready() {
	for _ in $(seq 1 100); do
		kns ping -c 1 -W 1 -q $TAP_SIP > /dev/null 2>&1 && return 0
		kill -0 "$TAP_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "skbox did not come up on the TAP"
	cat "$TAP_DIR/skbox.out"
	exit 1
}

tap_stop() {
	local rc
	echo quit | kns timeout 10 nc -N $TAP_SIP 9999 > /dev/null 2>&1 ||
		echo quit | kns timeout 10 nc -q 1 $TAP_SIP 9999 > /dev/null 2>&1
	wait "$TAP_PID"
	rc=$?
	TAP_PID=
	return $rc
}
