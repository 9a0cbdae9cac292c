#!/bin/bash
# A client killed mid-command (SIGKILL: no goodbye): the world kills and
# frees that command's task (its socket closed, its timers gone), logs it,
# and goes on serving; a client interrupted with SIGINT passes ^C on.
. "$(dirname "$0")/live-lib.bash"
live_up
ip netns add a
ip -n a link set lo up
ip netns exec a ping -i 0.1 127.0.0.1 > "$W/ping.out" &
pid=$!
ip netns exec a nc -l 9000 > /dev/null &
ncpid=$!
# both commands run in the world before their clients die (slow under load)
wait_for() { wait_count "$1" "$2" 1; }
wait_for "$W/ping.out" "64 bytes from"
wait_for "$W/w/log" ": nc in netns a"
kill -KILL "$pid" "$ncpid"
wait "$pid" "$ncpid" 2>/dev/null
wait_for "$W/w/log" "gone while 'ping' runs"
wait_for "$W/w/log" "gone while 'nc' runs"
grep -q "gone while 'ping' runs: killed" "$W/w/log" || live_fail "no kill logged for ping"
grep -q "gone while 'nc' runs: killed" "$W/w/log" || live_fail "no kill logged for nc"
grep -q "64 bytes from 127.0.0.1" "$W/ping.out" || live_fail "ping did not run"
# the port is free again: nc's socket was closed with its task
ip netns exec a nc -l 9000 > "$W/nc.out" &
wait_count "$W/w/log" ": nc in netns a" 2
echo again | ip netns exec a nc -N 127.0.0.1 9000
wait
expect "port reused" again "$(cat "$W/nc.out")"
# ^C: ping prints its statistics and ends
ip netns exec a ping -i 0.1 127.0.0.1 > "$W/ping2.out" &
pid=$!
wait_count "$W/ping2.out" "64 bytes" 2
kill -INT "$pid"
wait "$pid"
grep -q "packets transmitted" "$W/ping2.out" || live_fail "ping did not print statistics on ^C"
live_down
echo ok
