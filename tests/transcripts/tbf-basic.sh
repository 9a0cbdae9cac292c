# tbf: adding, changing, showing and removing a token bucket filter; the option errors
ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
tc qdisc add dev v0 root tbf rate 10mbit burst 32kbit latency 400ms
tc -s qdisc show dev v0
tc qdisc add dev v0 root tbf rate 1mbit burst 10k latency 10ms
tc qdisc change dev v0 root tbf rate 5mbit burst 5k latency 50ms
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k limit 3000 peakrate 2mbit mtu 1500
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k limit 10000
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 1mbit burst 10kbit latency 1ms
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 100kbit burst 1540 latency 70ms
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 2gbit burst 1m latency 1s
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 1mbit burst 1k latency 1.5ms
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 5gbit burst 5m latency 5s
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k latency 10ms peakrate 1mbit mtu 1500
tc qdisc replace dev v0 root tbf rate 10mbit
tc qdisc replace dev v0 root tbf rate 10mbit burst 10k
tc qdisc replace dev v0 root tbf burst 10k latency 10ms
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k latency 10ms limit 100
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k latency 10ms peakrate 2mbit
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k latency 10ms foo
tc qdisc replace dev v0 root tbf rate 1mbit burst 10k latency 10ms mtu
tc qdisc replace dev v0 root tbf rate 5xx burst 5k latency 50ms
tc qdisc replace dev v0 root tbf rate 5mbit burst 5kk latency 50ms
tc qdisc replace dev v0 root tbf rate 5mbit burst 5k latency 50mss
tc qdisc replace dev v0 root tbf rate 5mbit burst 5k limit x
tc qdisc change dev v1 root tbf rate 1mbit burst 10k latency 10ms
tc qdisc show dev v0
tc qdisc del dev v0 root
tc qdisc show dev v0
