ip link add v0 address 02:00:00:00:00:10 type veth peer name v1 address 02:00:00:00:00:11
ip link add v2 address 02:00:00:00:00:12 type veth peer name v3 address 02:00:00:00:00:13
ip link add br0 address 02:00:00:00:00:01 type bridge
ip link set v1 master br0
ip link set v3 master br0
ip link set v0 up
ip link set v1 up
ip link set br0 up
bridge link set dev v1 cost 100 priority 7 hairpin on learning off; echo rc=$?
bridge -d link show dev v1
bridge link set dev v1 hairpin off guard on flood off mcast_flood off bcast_flood off isolated on; echo rc=$?
bridge -d link show dev v1
bridge link set dev v1 guard maybe; echo rc=$?
bridge link set dev v1 state bogus; echo rc=$?
bridge link set dev v1 state 2; echo rc=$?
bridge link show dev v1
bridge link set dev v1 state blocking; echo rc=$?
bridge link show dev v1
bridge link set dev v1 state 9; echo rc=$?
bridge link set dev v1 state forwarding; echo rc=$?
bridge link set dev v3 state learning; echo rc=$?
bridge link set dev v1 priority 64; echo rc=$?
bridge link set dev v1 cost 70000; echo rc=$?
bridge link set dev v1 cost 0; echo rc=$?
bridge link set dev v0 cost 5; echo rc=$?
bridge link set dev nosuch cost 5; echo rc=$?
bridge link set dev v1 self; echo rc=$?
bridge link set dev v1 hwmode vepa; echo rc=$?
bridge link set dev v1 hwmode x; echo rc=$?
bridge link set cost 5; echo rc=$?
bridge link change dev v1 learning on; echo rc=$?
bridge link show
bridge vlan show; echo rc=$?
bridge vlan show dev nosuch; echo rc=$?
bridge vlan add dev v1 vid 10 pvid untagged; echo rc=$?
bridge vlan add dev v0 vid 10; echo rc=$?
bridge vlan add dev br0 vid 10 self; echo rc=$?
bridge vlan add dev v1 vid 4095; echo rc=$?
bridge vlan add dev v1 vid 5000; echo rc=$?
bridge vlan add dev v1 vid 10-20; echo rc=$?
bridge vlan add dev v1 vid 20-10; echo rc=$?
bridge vlan add dev v1 vid 10-20 pvid; echo rc=$?
bridge vlan del dev v1 vid 10; echo rc=$?
bridge vlan del dev v1 vid 0; echo rc=$?
bridge vlan del dev v0 vid 10; echo rc=$?
bridge vlan add dev nosuch vid 10; echo rc=$?
tc -s -d qdisc show dev v0; echo rc=$?
tc -V; echo rc=$?
tc -x qdisc; echo rc=$?
tc qdisc add dev v0 root handle 1: pfifo limit 10; echo rc=$?
tc qdisc show dev v0
tc qdisc add dev v0 root handle 2: pfifo; echo rc=$?
tc qdisc del dev v0 handle 1:; echo rc=$?
tc qdisc del dev v0 handle 3:; echo rc=$?
tc qdisc del dev v0 root handle 3:; echo rc=$?
tc qdisc add dev v0 root handle 1: handle 2: pfifo; echo rc=$?
tc qdisc add dev v0 dev v1 root pfifo; echo rc=$?
tc qdisc add dev v0 root handle 10000: pfifo; echo rc=$?
tc qdisc del dev v0 root handle 1:; echo rc=$?
tc qdisc show dev v0
tc qdisc add dev v0 root prio bands 2 priomap 0 1 2; echo rc=$?
tc qdisc add dev v0 root prio priomap 0 1 x; echo rc=$?
tc qdisc add dev v0 root prio bands x; echo rc=$?
tc qdisc add dev v0 root prio priomap 0 priomap; echo rc=$?
tc qdisc add dev v0 root prio bands; echo rc=$?
tc qdisc add dev v0 root fq_codel target x; echo rc=$?
tc qdisc add dev v0 root fq_codel memory_limit 3q; echo rc=$?
tc qdisc add dev v0 root fq_codel ce_threshold_selector 3; echo rc=$?
tc qdisc add dev v0 root fq_codel quantum -1x; echo rc=$?
tc qdisc add dev v0 root pfifo limit; echo rc=$?
tc qdisc add dev v0 root bfifo help; echo rc=$?
tc qdisc del dev v0; echo rc=$?
tc qdisc del; echo rc=$?
tc qdisc replace dev v0 root handle 5: bfifo limit 3000; echo rc=$?
tc qdisc show dev v0
tc qdisc add dev v0 root fq_codel ce_threshold_selector 300/1; echo rc=$?
tc qdisc add dev v0 root fq_codel ce_threshold_selector 3/x; echo rc=$?
tc qdisc add dev v0 handle 7: pfifo; echo rc=$?
tc qdisc show dev v0
tc qdisc change dev v0 root pfifo limit 5; echo rc=$?
tc qdisc show dev v0
tc qdisc del dev v0 root; echo rc=$?
bridge link set dev v1 learning_sync on locked on; echo rc=$?
bridge -d link show dev v1
