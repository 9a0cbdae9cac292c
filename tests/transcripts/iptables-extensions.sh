# Every core match and target: how -L, -L -n and iptables-save show them
iptables -A INPUT -m comment --comment "first" -p tcp --dport 80 -j ACCEPT
iptables -A INPUT -p tcp -m multiport --dports 80,443,1000:2000 -j ACCEPT
iptables -A INPUT -m mark --mark 0x10/0xff -j ACCEPT
iptables -A INPUT -m mark ! --mark 5 -j ACCEPT
iptables -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT
iptables -A INPUT -m addrtype --src-type ! BROADCAST --limit-iface-in -j ACCEPT
iptables -A INPUT -m statistic --mode random --probability 0.25 -j ACCEPT
iptables -A INPUT -m statistic --mode nth --every 3 --packet 1 -j ACCEPT
iptables -A INPUT -m limit --limit 5/min --limit-burst 10 -j ACCEPT
iptables -A INPUT -m limit -j ACCEPT
iptables -A FORWARD -m physdev --physdev-in veth0 --physdev-is-bridged -j ACCEPT
iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 ! --dst-range 10.1.0.1-10.1.0.2 -j ACCEPT
iptables -A INPUT -m length --length 100:200 -j ACCEPT
iptables -A INPUT -m ttl --ttl-gt 5 -j ACCEPT
iptables -A INPUT -m tos --tos 0x10 -j ACCEPT
iptables -A INPUT -m dscp --dscp 10 -j ACCEPT
iptables -A INPUT -m pkttype --pkt-type broadcast -j DROP
iptables -A INPUT -p icmp --icmp-type 3/4 -j ACCEPT
iptables -A INPUT -p icmp ! --icmp-type any -j ACCEPT
iptables -A INPUT -p tcp --syn -j ACCEPT
iptables -A INPUT -p tcp ! --syn --tcp-option 2 -j ACCEPT
iptables -A INPUT -f -j DROP
iptables -A INPUT ! -p udp ! -i lo -o eth0 -j LOG --log-prefix "in: " --log-level 4
iptables -A INPUT -j LOG
iptables -A INPUT -p 47 -j ACCEPT
iptables -A INPUT -p gre -j ACCEPT
iptables -A INPUT -p udp --sport 53 -j REJECT
iptables -A OUTPUT -j MARK --set-mark 0x5
iptables -A OUTPUT -j MARK --set-xmark 0x5/0xf
iptables -A OUTPUT -j MARK --and-mark 0x5
iptables -A OUTPUT -j MARK --or-mark 0x5
iptables -A OUTPUT -j MARK --xor-mark 0x5
iptables -A OUTPUT -j MARK --set-mark 7/0xff
iptables -A OUTPUT -j NFQUEUE --queue-num 3
iptables -A OUTPUT -j NFQUEUE --queue-bypass
iptables -A OUTPUT -j NFQUEUE --queue-balance 2:4
iptables -A OUTPUT -j CLASSIFY --set-class 1:10
iptables -A OUTPUT -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
iptables -A OUTPUT -s 1.2.3.0/255.255.0.255 -j ACCEPT
iptables -A OUTPUT -p tcp --dport 22 -j REJECT --reject-with icmp-host-prohibited
iptables -A OUTPUT -p tcp --dport 22 -j REJECT --reject-with icmp-admin-prohibited
iptables -A OUTPUT -p tcp --dport 22 -j REJECT --reject-with icmp-net-unreachable
iptables -A OUTPUT -p tcp --dport 22 -j REJECT --reject-with icmp-proto-unreachable
iptables -t raw -A PREROUTING -p icmp -j TRACE
iptables -L -v
iptables -L -n
iptables-save
