# tc qdiscs this kernel has (pfifo, bfifo; netem is tested in tests/scenarios/tc-netem.sh):
# add, replace, change, del, show, -s, the errors and exit codes, and ip link's qdisc column.
ip link add veth1 type veth peer name veth2
ip link add d0 type bridge
tc qdisc show
tc qdisc change dev veth1 root pfifo limit 5; echo rc=$?
tc qdisc del dev veth1 root; echo rc=$?
tc qdisc add dev veth9 root pfifo; echo rc=$?
tc qdisc add dev veth1 root pfifo limit x; echo rc=$?
tc qdisc add dev veth1 root blah; echo rc=$?
tc qdisc add dev veth1 root pfifo limit 10; echo rc=$?
tc qdisc add dev veth1 root pfifo limit 10; echo rc=$?
tc qdisc show dev veth1
tc qdisc replace dev veth1 root bfifo limit 3000; echo rc=$?
tc qdisc show
tc -s qdisc show dev veth1
ip link set veth1 up
ip link set veth2 up
ip addr add 10.9.0.1/24 dev veth1
ip neigh add 10.9.0.2 lladdr 02:00:00:00:00:02 dev veth1
ping -c 2 -i 0.2 -q 10.9.0.2
tc -s qdisc show dev veth1
ip link show veth1
tc qdisc show
tc qdisc del dev veth1 root; echo rc=$?
tc qdisc show dev veth1
tc qdisc show dev d0
ip link show veth1
tc qdisc foo; echo rc=$?
tc foo; echo rc=$?
