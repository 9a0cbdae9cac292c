#!/bin/bash
# skbox run --bash: the system's bash runs a real script — functions, loops,
# $(...), `| awk`, arithmetic, here-strings — driving ip, ping and nstat through
# the shims in a fresh world; the world goes down with its leak check.
set -u
SKBOX=$(realpath "$SKBOX")
d=$(mktemp -d "${TMPDIR:-/tmp}/livebash.XXXXXX")
trap 'rm -rf "$d"' EXIT
cat > "$d/script.sh" <<'SCRIPT'
set -e
setup_host() {	# NAME ADDR: a namespace on the bridge
	local ns=$1 addr=$2
	ip netns add "$ns"
	ip link add "v-$ns" type veth peer name eth0 netns "$ns"
	ip link set "v-$ns" master br0 up
	ip -n "$ns" addr add "$addr/24" dev eth0
	ip -n "$ns" link set eth0 up
}
ip link add br0 type bridge
ip link set br0 up
for i in 1 2 3; do
	setup_host "h$i" "10.0.0.$i"
done
echo "namespaces: $(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')"
ports=$(bridge link | awk '{sub(/@.*/, "", $2); print $2}' | sort | tr '\n' ' ')
echo "bridge ports: $ports"
n=0
while read -r src dst; do
	if ip netns exec "$src" ping -c 1 -W 1 "$dst" > /dev/null; then
		n=$((n + 1))
	fi
done <<< "h1 10.0.0.2
h2 10.0.0.3
h3 10.0.0.1
h1 10.0.0.9"
echo "reachable: $n of 4"
loss=$(ip netns exec h1 ping -c 3 -i 0.2 10.0.0.3 | awk -F', ' '/packet loss/ {print $3}')
echo "h1 -> h3: $loss"
# a name pattern after the options (nstat once moved it within the argv the
# server frees: a double free that took the world down)
echo "h1 echo replies: $(ip netns exec h1 nstat -az IcmpInEchoReps | awk '/^IcmpInEchoReps/ {print $2}')"
mac=$(ip -n h2 -j link show eth0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["address"])')
ip -n h1 neigh show 10.0.0.2 | grep -q "$mac" && echo "h1 knows h2's MAC"
case "$(ip netns exec h3 ip netns identify)" in
	h3) echo "identify: h3" ;;
	*) echo "identify: wrong" ;;
esac
exit 7
SCRIPT
out=$("$SKBOX" run --bash "$d/script.sh" 2>&1); rc=$?
want="namespaces: h1 h2 h3 
bridge ports: v-h1 v-h2 v-h3 
reachable: 3 of 4
h1 -> h3: 0% packet loss
h1 echo replies: 4
h1 knows h2's MAC
identify: h3"
if [ "$out" != "$want" ] || [ "$rc" != 7 ]; then
	echo "wanted (status 7):"; echo "$want"; echo "got (status $rc):"; echo "$out"
	exit 1
fi
echo ok
