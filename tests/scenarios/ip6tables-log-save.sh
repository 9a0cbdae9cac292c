# ip6tables in the first namespace: -j LOG's IPv6 line in dmesg (as nf_log_syslog's
# dump_ipv6_packet prints it: LEN TC HOPLIMIT FLOWLBL, PROTO=ICMPv6 TYPE CODE ID SEQ),
# -j HL in mangle seen by -m hl on the other side, ip6tables-save (-c), and
# ip6tables-restore (with --noflush, a -4 line skipped, an error's line number)
ip netns add a
ip link add va type veth peer name vb
ip link set va netns a
ip -n a addr add 2001:db8::1/64 dev va nodad
ip addr add 2001:db8::2/64 dev vb nodad
ip -n a link set va up
ip link set vb up
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -j LOG --log-prefix "ping6-in: "
ip6tables -A OUTPUT -p ipv6-icmp --icmpv6-type echo-reply -j LOG --log-prefix "ping6-out: " --log-level 6
ip6tables -A INPUT -p udp -j LOG --log-prefix "udp6: "
ip6tables -A INPUT -m hl --hl-eq 7 -p ipv6-icmp
ip netns exec a ip6tables -t mangle -A OUTPUT -p ipv6-icmp --icmpv6-type echo-request -j HL --hl-set 7
ip netns exec a ip6tables -t mangle -L OUTPUT -v -n
ip netns exec a ping -6 -c 1 -q 2001:db8::2
echo hi | ip netns exec a nc -u -w 1 -p 4000 2001:db8::2 5000
dmesg
ip6tables -L INPUT -v -n
ip6tables-save -c
ip6tables -F
ip6tables-restore -n tests/scenarios/ip6tables-log-save.rules; echo rc=$?
ip6tables -S
ip6tables-restore tests/scenarios/ip6tables-log-save.rules2; echo rc=$?
ip6tables-save -t filter
ip6tables -X FWD6
iptables-save
ip6tables-save
