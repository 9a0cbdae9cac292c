# ip -t and -ts monitor: the time of each message (print_timestamp(): the
# world clock as a date, UTC; virtual time starts at the epoch)
timeout 2 ip -t monitor route & sleep 0.2
ip route add blackhole 10.1.0.0/16; sleep 0.2
wait
timeout 2 ip -ts monitor route label & sleep 0.25
ip route del blackhole 10.1.0.0/16; sleep 0.2
wait
