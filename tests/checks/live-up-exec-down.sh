#!/bin/bash
# skbox up / exec / env / shell / down: a private directory (0700) and socket
# (0600); commands by `skbox exec`, by the shims in PATH and through an
# attached shell see one world; errors as iproute2 prints them; down reports
# no leaks and removes the socket.
. "$(dirname "$0")/live-lib.bash"
out=$(SKBOX_DIR= "$SKBOX" exec ip link 2>&1); rc=$?
expect "exec without a world" 2 "$rc"
live_up
expect "dir mode" 700 "$(stat -c %a "$W/w")"
expect "socket mode" 600 "$(stat -c %a "$W/w/sock")"
expect "env" "export SKBOX_DIR='$W/w';
export PATH='$W/w/bin':\"\$PATH\";" "$("$SKBOX" env)"
[ "$(command -v ip)" = "$W/w/bin/ip" ] || live_fail "the ip shim is not first in PATH"
"$SKBOX" up --dir "$W/w" >/dev/null 2>&1 && live_fail "a second up in the same dir"
"$SKBOX" exec ip link add name br0 type bridge || live_fail "exec ip link add"
ip netns add red || live_fail "shim ip netns add"
"$SKBOX" exec --netns red ip link set lo up
expect "link in netns" "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000" \
	"$(ip -n red link show lo | head -n 1)"
expect "bridge seen by the shim" "br0" "$(ip -br link show type bridge | awk '{print $1}')"
out=$(ip link show nosuch 2>&1); rc=$?
expect "error text" 'Device "nosuch" does not exist.' "$out"
expect "error status" 1 "$rc"
out=$(ip netns exec blue true 2>&1); rc=$?
expect "missing netns" 'Cannot open network namespace "blue": No such file or directory' "$out"
expect "missing netns status" 255 "$rc"
out=$(ip netns exec red /no/such/program 2>&1); rc=$?
expect "missing program" 'exec of "/no/such/program" failed: No such file or directory' "$out"
expect "missing program status" 255 "$rc"
out=$(printf 'ip netns exec red ip -br addr show lo\nexit 3\n' | "$SKBOX" shell 2>&1); rc=$?
expect "attached shell" "lo               UNKNOWN        127.0.0.1/8 ::1/128 " "$out"
expect "attached shell status" 3 "$rc"
# iptables-restore reads its stdin through the shim
printf '*filter\n-A INPUT -p icmp -j DROP\nCOMMIT\n' | ip netns exec red iptables-restore ||
	live_fail "iptables-restore from stdin"
expect "rule from stdin" "-A INPUT -p icmp -j DROP" "$(ip netns exec red iptables -S INPUT | tail -n 1)"
live_down
out=$("$SKBOX" exec --dir "$W/w" ip link 2>&1); rc=$?
expect "exec after down" 127 "$rc"
echo ok
