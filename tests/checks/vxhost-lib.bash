# Sourced by tests/checks/vxhost-*.sh: skbox worlds whose vxlan underlay is
# the host's real network (`ip link add ... type vxlan ... host-underlay`).
# Everything happens in kernel network namespaces the test creates and
# removes: a "switch" namespace with a bridge, and one namespace per node
# joined to it by a veth (eth0 there, 10.9.0.N/24).  A node is either a Linux
# vxlan device (vxh_kernel_vtep) or an skbox process running inside the
# node's namespace (vxh_start), so its host UDP socket is there.  Nothing
# touches the host's network.
#   vxh_require              exit 77 (SKIP) without root, unshare --net, ip netns, vxlan
#   vxh_setup                the switch namespace
#   vxh_node N               namespace $VXH-N with eth0 10.9.0.N/24 on the switch
#   vxh_kernel_vtep N ARGS   a Linux vxlan vx0 (id 42 dstport 4789 local 10.9.0.N dev eth0
#                            ARGS) with 10.200.0.N/24, in node N
#   vxh_start N SCRIPT       skbox --realtime in node N on SCRIPT; output $VXH_DIR/N.out
#   vxh_wait_udp N           wait until node N's skbox has its UDP socket on 4789
#   vxh_wait_ping N IP       wait until node N (a kernel node) can ping IP
#   vxh_wait N               wait for node N's skbox, return its exit status
#   nsx N CMD...             run CMD in node N's namespace
set -u

vxh_require() {
	[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespaces)"; exit 77; }
	unshare --net true 2>/dev/null || { echo "SKIP: unshare --net is not permitted here"; exit 77; }
	unshare --net sh -c 'ip link add vxt type vxlan id 1 dstport 4789 2>/dev/null' ||
		{ echo "SKIP: this kernel has no vxlan"; exit 77; }
	command -v ethtool > /dev/null || { echo "SKIP: ethtool not installed (scripts/deps.sh)"; exit 77; }
}

vxh_cleanup() {
	local p
	for p in ${VXH_PIDS:-}; do kill "$p" 2>/dev/null; done
	for n in ${VXH_NODES:-} sw; do
		ip netns pids "$VXH-$n" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "$VXH-$n" 2>/dev/null
	done
	[ -n "${VXH_KEEP:-}" ] && [ -n "${VXH_DIR:-}" ] && cp "$VXH_DIR"/*.out "$VXH_KEEP"/ 2>/dev/null
	[ -n "${VXH_DIR:-}" ] && rm -rf "$VXH_DIR"
}

nsx() { local n=$1; shift; ip netns exec "$VXH-$n" "$@"; }

vxh_setup() {
	VXH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/skbox-vxhost.XXXXXX")
	VXH=skbvx$$
	VXH_NODES=
	VXH_PIDS=
	trap vxh_cleanup EXIT
	trap "exit 1" TERM INT
	ip netns add "$VXH-sw" || { echo "SKIP: ip netns add failed"; exit 77; }
	nsx sw ip link add br0 type bridge
	nsx sw ip link set br0 up
}

vxh_node() {
	local n=$1
	ip netns add "$VXH-$n"
	VXH_NODES="$VXH_NODES $n"
	ip link add "u$n" netns "$VXH-sw" type veth peer name eth0 netns "$VXH-$n"
	nsx sw ip link set "u$n" master br0 up
	nsx "$n" ip link set lo up
	nsx "$n" ip addr add "10.9.0.$n/24" dev eth0
	nsx "$n" ip link set eth0 up
	# a veth hands a local UDP socket the kernel's inner TCP/UDP checksums
	# unfilled (CHECKSUM_PARTIAL: a NIC would fill them on the wire)
	nsx "$n" ethtool -K eth0 tx off > /dev/null
}

vxh_kernel_vtep() {
	local n=$1
	shift
	nsx "$n" ip link add vx0 type vxlan id 42 dstport 4789 local "10.9.0.$n" dev eth0 "$@"
	nsx "$n" ip addr add "10.200.0.$n/24" dev vx0
	nsx "$n" ip link set vx0 up
}

vxh_start() {
	local n=$1
	shift
	nsx "$n" "$SKBOX" run --realtime --timeout 60 "$@" > "$VXH_DIR/$n.out" 2>&1 &
	eval "VXH_PID_$n=$!"
	VXH_PIDS="$VXH_PIDS $!"
}

vxh_wait_udp() {
	local n=$1
	for _ in $(seq 1 100); do
		nsx "$n" ss -Huln 'sport = :4789' | grep -q 4789 && return 0
		sleep 0.1
	done
	echo "node $n's skbox did not open its UDP socket"
	cat "$VXH_DIR/$n.out"
	exit 1
}

vxh_wait_ping() {
	for _ in $(seq 1 100); do
		nsx "$1" ping -c 1 -W 1 -q "$2" > /dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "node $1 cannot ping $2 over the overlay"
	for f in "$VXH_DIR"/*.out; do echo "--- $f"; cat "$f"; done
	exit 1
}

vxh_wait() {
	local pid rc
	eval "pid=\$VXH_PID_$1"
	wait "$pid"
	rc=$?
	VXH_PIDS=$(echo " $VXH_PIDS " | sed "s/ $pid / /")
	return $rc
}

# tell a world's script to end (its last command is `nc -l 9999`) from node N
vxh_quit() {
	echo quit | nsx "$1" timeout 10 nc -N "$2" 9999 > /dev/null 2>&1
}
