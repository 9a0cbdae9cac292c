# -j AUDIT goes on to the next rule (its record is the audit subsystem's business).
# -m policy without IPsec (none configured on either side): no packet has a secpath
# or an xfrm route, so "--pol none" counts every packet and "--pol ipsec" none; the
# option checks, the kernel's hook checks and the -S/-L text as iptables 1.8.9.
ip netns add a
ip link add e0 netns a address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02
ip -n a addr add 10.0.0.1/24 dev e0
ip addr add 10.0.0.2/24 dev e1
ip -n a link set e0 up
ip link set e1 up
iptables -A OUTPUT -p icmp -j AUDIT --type accept
iptables -A OUTPUT -p icmp -m policy --dir out --pol none
iptables -A OUTPUT -p icmp -m policy --dir out --pol ipsec
iptables -A OUTPUT -p icmp -m policy --dir out --pol ipsec --strict --proto esp --mode transport
iptables -A INPUT -p icmp -m policy --dir in --pol none
iptables -A FORWARD -m policy --dir out --pol ipsec --strict --reqid 1 --spi 0x1 --proto esp --mode tunnel --tunnel-dst 10.0.0.0/8 --tunnel-src 10.1.0.0/255.255.0.0 --next ! --reqid 2
iptables -A INPUT -p icmp -m policy --dir in --pol ipsec ! --proto 50
iptables -A INPUT -m policy --dir out --pol none; echo rc=$?
iptables -A OUTPUT -m policy --dir in --pol none; echo rc=$?
iptables -A INPUT -m policy --pol none; echo rc=$?
iptables -A INPUT -m policy --dir sideways; echo rc=$?
iptables -A INPUT -m policy --dir in --pol maybe; echo rc=$?
iptables -A INPUT -m policy --dir in --dir out; echo rc=$?
iptables -A INPUT -m policy ! --dir in; echo rc=$?
iptables -A INPUT -m policy --dir in --pol none --strict; echo rc=$?
iptables -A INPUT -m policy --dir in --pol none --reqid 1; echo rc=$?
iptables -A INPUT -m policy --dir in --reqid 1 --next --reqid 2; echo rc=$?
iptables -A INPUT -m policy --dir in --reqid 1 --reqid 2; echo rc=$?
iptables -A INPUT -m policy --dir in --proto tcp; echo rc=$?
iptables -A INPUT -m policy --dir in --mode bus; echo rc=$?
iptables -A INPUT -m policy --dir in --spi x; echo rc=$?
iptables -A INPUT -m policy --dir in --strict --reqid 1 --next --reqid 2 --next --reqid 3 --next --reqid 4; echo rc=$?
iptables -A INPUT -j AUDIT; echo rc=$?
iptables -A INPUT -j AUDIT --type wrong; echo rc=$?
iptables -A INPUT -j AUDIT --type drop --type accept; echo rc=$?
iptables -A INPUT -j AUDIT ! --type drop; echo rc=$?
iptables -A FORWARD -j AUDIT --type REJECT; echo rc=$?
ip netns exec a ping -c 2 -i 0.2 -W 1 -q 10.0.0.2
iptables -S
iptables -L -v -x
iptables -L -n
