# -C and -D of rules whose target has no data (TRACE, NOTRACK, ACCEPT with a
# match of no data): found, deleted, then not found (fuzz_script finding: the
# comparison passed a NULL data buffer to memcmp)
iptables -t raw -A OUTPUT -p icmp -j TRACE
iptables -t raw -A PREROUTING -p udp -j NOTRACK
iptables -t raw -C OUTPUT -p icmp -j TRACE; echo rc=$?
iptables -t raw -C OUTPUT -p tcp -j TRACE; echo rc=$?
iptables -t raw -C PREROUTING -p udp -j NOTRACK; echo rc=$?
iptables -t raw -C PREROUTING -p udp -j TRACE; echo rc=$?
iptables -t raw -S
iptables -t raw -D OUTPUT -p icmp -j TRACE; echo rc=$?
iptables -t raw -C OUTPUT -p icmp -j TRACE; echo rc=$?
iptables -t raw -D PREROUTING -p udp -j NOTRACK; echo rc=$?
iptables -t raw -S
