#!/bin/bash
# Stdin streamed into world commands as the client sends it (docs/LIVE.md
# "Stdin").  Timing-insensitive: each step waits until the world has acted on
# what was sent so far before sending more, so a command that got its stdin
# only at EOF would stall (and time out) instead of passing.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a && ip netns add b || live_fail setup
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up

# wait_file FILE TEXT: until FILE holds TEXT (10 s at most)
wait_file() {
	for _ in $(seq 1 200); do
		grep -qxF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	live_fail "timed out waiting for '$2' in $1: [$(cat "$1" 2>/dev/null)]"
}

# 1. (echo a; …; echo b) | nc: "a" reaches the listener before "b" is written
mkfifo "$W/in1"
ip netns exec b nc -l 7001 > "$W/got1" < /dev/null &
wait_count "$W/w/log" ": nc in netns b" 1
ip netns exec a nc -N 10.1.0.2 7001 < "$W/in1" &
exec 3> "$W/in1"
echo a >&3
wait_file "$W/got1" a
echo b >&3
wait_file "$W/got1" b
exec 3>&-
wait
expect "stream order" "$(printf 'a\nb')" "$(cat "$W/got1")"

# 2. both ends typed at: a conversation, each line answered before the next
mkfifo "$W/cin" "$W/sin"
ip netns exec b nc -N -l 7002 < "$W/sin" > "$W/sout" &
exec 4> "$W/sin"
wait_count "$W/w/log" ": nc in netns b" 2
ip netns exec a nc -N 10.1.0.2 7002 < "$W/cin" > "$W/cout" 4>&- &
exec 3> "$W/cin"
echo hello >&3
wait_file "$W/sout" hello
echo "hi there" >&4
wait_file "$W/cout" "hi there"
echo bye >&3
wait_file "$W/sout" bye
exec 3>&- 4>&-
wait
expect "conversation, server side" "$(printf 'hello\nbye')" "$(cat "$W/sout")"
expect "conversation, client side" "hi there" "$(cat "$W/cout")"

# 3. ip -batch -: each line runs as it arrives
mkfifo "$W/batch"
{ ip -n a -batch - < "$W/batch" > "$W/batch.out" 2>&1; echo $? > "$W/batch.rc"; } &
exec 3> "$W/batch"
echo "addr add 10.3.0.1/32 dev va" >&3
for _ in $(seq 1 200); do
	ip -n a -4 -o addr show dev va | grep -q 10.3.0.1 && break
	sleep 0.05
done
ip -n a -4 -o addr show dev va | grep -q 10.3.0.1 || live_fail "batch line 1 not run before line 2 was sent"
printf 'addr add 10.3.0.2/32 dev va\naddr add 10.3.0.2/32 dev va\naddr add 10.3.0.3/32 dev va\n' >&3
exec 3>&-
wait
expect "batch status ($(cat "$W/batch.out"))" 1 "$(cat "$W/batch.rc")"
expect "batch errors" "$(printf 'Error: ipv4: Address already assigned.\nCommand failed -:3')" "$(cat "$W/batch.out")"
expect "batch stopped at the error" "10.3.0.1 10.3.0.2" \
	"$(ip -n a -4 -o addr show dev va | grep -o '10\.3\.0\.[0-9]*' | xargs)"

# 4. a large stream with the world as the slow side: every byte, in order
ip netns exec b nc -l 7003 < /dev/null | md5sum > "$W/md5.got" &
wait_count "$W/w/log" ": nc in netns b" 3
seq 1 400000 | ip netns exec a nc -N 10.1.0.2 7003 || live_fail "nc of a large stream"
wait
expect "large stream" "$(seq 1 400000 | md5sum)" "$(cat "$W/md5.got")"

# 5. `yes | nc`, the reader closing early: the pipeline ends, the world cleans up
ip netns exec b nc -l 7004 < /dev/null | head -n 3 > "$W/head" &
wait_count "$W/w/log" ": nc in netns b" 4
yes | timeout 20 ip netns exec a nc 10.1.0.2 7004
rc=$?
[ "$rc" != 124 ] || live_fail "yes | nc did not end after its reader left"
wait
expect "yes | head" "$(printf 'y\ny\ny')" "$(cat "$W/head")"
# the world still serves, and the ports are free again
ip netns exec b nc -l 7004 < /dev/null > "$W/again" &
wait_count "$W/w/log" ": nc in netns b" 5
echo again | ip netns exec a nc -N 10.1.0.2 7004
wait
expect "port free again" again "$(cat "$W/again")"

# 6. the same streaming in `skbox run --bash`
cat > "$W/script.sh" <<'EOF'
ip netns add x
ip -n x link set lo up
mkfifo "$1/rb"
ip netns exec x nc -l 7005 < /dev/null > "$1/rb.got" &
until grep -q ': nc in netns x' "$SKBOX_DIR/log" 2>/dev/null; do sleep 0.05; done
ip netns exec x nc -N 127.0.0.1 7005 < "$1/rb" &
exec 3> "$1/rb"
echo first >&3
until grep -qx first "$1/rb.got"; do sleep 0.05; done
echo second >&3
exec 3>&-
wait
cat "$1/rb.got"
EOF
expect "run --bash" "$(printf 'first\nsecond')" \
	"$(timeout 60 "$SKBOX" run --bash "$W/script.sh" "$W")"
live_down
echo ok
