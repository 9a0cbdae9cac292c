# tc filter add/del/replace/change/show with u32 and mirred on ingress and clsact blocks:
# preferences, u32 hash tables and nodes, action indexes, and the errors of tc and the kernel.
ip link add veth1 type veth peer name veth2
ip link set veth1 up
ip link set veth2 up
tc filter add dev veth1 ingress protocol ip u32 match ip src 10.0.0.1; echo rc=$?
tc filter add dev veth1 egress protocol ip u32 match ip src 10.0.0.1; echo rc=$?
tc filter show dev veth1 ingress; echo rc=$?
tc qdisc add dev veth1 ingress
tc filter add dev veth1 egress protocol ip u32 match ip src 10.0.0.1; echo rc=$?
tc filter add dev veth1 ingress pref 5 protocol ip u32 match ip src 10.0.0.1; echo rc=$?
tc filter add dev veth1 ingress pref 5 protocol arp u32 match ip src 10.0.0.1; echo rc=$?
tc filter add dev veth1 ingress pref 5 protocol ip u32 match ip dst 10.0.0.2 action mirred egress redirect dev veth2; echo rc=$?
tc filter add dev veth1 ingress pref 5 protocol ip bpf; echo rc=$?
tc filter add dev veth1 ingress protocol all u32 match ip tos 0x10 0xff match ip sport 80 0xffff match ip dport 53 0xffff; echo rc=$?
tc filter add dev veth1 ingress pref 7 u32 match u16 0x0800 0xffff at -2 match u8 1 0xff at 9; echo rc=$?
tc filter show dev veth1 ingress
tc filter show dev veth1 root
tc filter show
tc filter show dev veth1 ingress pref 5
tc filter show dev veth1 ingress protocol all
tc filter del dev veth1 ingress pref 5 handle 800::801 u32; echo rc=$?
tc filter del dev veth1 ingress pref 5 handle 800::805 u32; echo rc=$?
tc filter del dev veth1 ingress pref 99; echo rc=$?
tc filter replace dev veth1 ingress pref 5 handle 800::800 u32 match ip src 10.0.0.9 action mirred egress mirror dev veth2; echo rc=$?
tc filter show dev veth1 ingress pref 5
tc filter change dev veth1 ingress pref 9 protocol ip u32 match ip src 10.0.0.9; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 match ip src 10.0.0.9 action mirred egress redirect dev veth1; echo rc=$?
tc -s filter show dev veth1 ingress pref 49151
tc filter add dev veth1 ingress protocol ip u32 match ip src 10.0.0.9 action mirred blah redirect dev veth1; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 match ip src 10.0.0.9 action mirred egress blah dev veth1; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 match ip src 10.0.0.9 action mirred egress mirror dev veth2 index 9 action mirred ingress mirror dev veth2; echo rc=$?
tc filter show dev veth1 ingress pref 49150
tc filter add dev veth1 ingress protocol ip u32 match ip src 10.0.0.300; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 match ip src; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 match; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 foo; echo rc=$?
tc filter add dev veth1 ingress protocol ip u32 match ip dst 1.2.3.0/24 flowid 1:1; echo rc=$?
tc filter add dev veth1 ingress protocol ip pref 3 u32 match ip dst 1.2.3.0/24 classid 1:1 action mirred egress redirect dev veth2; echo rc=$?
tc filter show dev veth1 ingress pref 3
tc filter add dev veth1 ingress protocol ip; echo rc=$?
tc filter add dev veth1 ingress blah; echo rc=$?
tc filter add dev veth1 ingress handle 1 ; echo rc=$?
tc filter add dev veth1 ingress ingress u32 ; echo rc=$?
tc filter add dev veth1 parent ffff: protocol ip pref 4 u32 match ip dst 1.2.3.4; echo rc=$?
tc filter show dev veth1 parent ffff:
tc filter add dev veth1 parent zz protocol ip pref 4 u32 match ip dst 1.2.3.4; echo rc=$?
tc filter help; echo rc=$?
tc filter show dev veth7; echo rc=$?
tc filter show dev veth1 foo; echo rc=$?
tc qdisc del dev veth1 ingress; echo rc=$?
tc -s qdisc show dev veth1 ingress
tc qdisc add dev veth1 clsact; echo rc=$?
tc filter add dev veth1 egress protocol ip u32 match ip dst 1.2.3.4 action mirred egress redirect dev veth2 index 20; echo rc=$?
tc filter show dev veth1 egress
tc qdisc del dev veth1 clsact; echo rc=$?
tc qdisc add dev veth1 ingress; echo rc=$?
tc qdisc add dev veth1 clsact; echo rc=$?
tc qdisc del dev veth1 clsact; echo rc=$?
tc qdisc show dev veth1 root
tc qdisc show dev veth1 clsact
tc qdisc add dev veth1 clsact; echo rc=$?
tc qdisc replace dev veth1 clsact; echo rc=$?
tc qdisc add dev veth1 ingress; echo rc=$?
tc qdisc show dev veth1 ingress
tc qdisc add dev veth1 ingress ingress; echo rc=$?
tc qdisc add dev veth1 ingress foo; echo rc=$?
tc qdisc add dev veth1 root clsact; echo rc=$?
tc f; echo rc=$?
tc qdisc add dev veth2 ingress
tc filter add dev veth2 ingress protocol ip handle ::800 u32 match ip src 1.2.3.4
tc filter add dev veth2 ingress protocol ip pref 49152 handle ::800 u32 match ip src 1.2.3.5; echo rc=$?
tc filter show dev veth2 ingress
