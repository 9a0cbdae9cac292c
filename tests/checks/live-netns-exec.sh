#!/bin/bash
# ip netns exec NS CMD runs any program (bash, awk) with the namespace passed
# on to the shims it starts ($SKBOX_NETNS); nested exec switches namespace;
# ip netns identify names it; skbox exec --netns runs a shell there too.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add red && ip netns add blue
ip -n red link add d0 type veth peer name d1
out=$(ip netns exec red bash -c 'ip netns identify; ip -br link | awk "{print \$1}" | sort | tr "\n" " "')
expect "bash -c in red" "red
d0@d1 d1@d0 lo " "$out"
out=$(ip netns exec red bash -c 'ip netns exec blue bash -c "ip netns identify; ip -br link | wc -l"')
expect "nested exec" "blue
1" "$out"
expect "identify outside" "" "$(ip netns identify)"
out=$("$SKBOX" exec --netns red bash -c 'for i in 1 2 3; do ip addr add 10.3.0.$i/32 dev lo; done; ip -4 -o addr show dev lo | wc -l')
expect "skbox exec --netns bash (lo down: no 127.0.0.1)" 3 "$out"
ip netns exec red bash -c 'exit 42'
expect "status through exec" 42 "$?"
live_down
echo ok
