# Kernel checks (hooks, protocols, loops), -S -v counters, -L -Z, listing one rule, -s lists, -c, flag and port inversions
iptables -A INPUT -p tcp -j TCPMSS --set-mss 50; echo rc=$?
iptables -A FORWARD -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu; echo rc=$?
iptables -A INPUT -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu; echo rc=$?
iptables -A INPUT -j TRACE; echo rc=$?
iptables -A INPUT -j CLASSIFY --set-class 1:1; echo rc=$?
iptables -A INPUT -j MARK --set-mark 1; echo rc=$?
iptables -A OUTPUT -m addrtype --src-type LOCAL --limit-iface-in -j ACCEPT; echo rc=$?
iptables -A INPUT -m multiport --dports 80 -j ACCEPT; echo rc=$?
iptables -A INPUT ! -p tcp --dport 80 -j ACCEPT; echo rc=$?
iptables -A INPUT -p tcp -j TCPMSS; echo rc=$?
iptables -N A
iptables -N B
iptables -A A -j B
iptables -A B -j A; echo rc=$?
iptables -A INPUT -j A; echo rc=$?
iptables -S -v
iptables -L -Z -v
iptables -L INPUT 1
iptables -S INPUT 2
iptables -D INPUT -j MARK --set-mark 2; echo rc=$?
iptables -A INPUT -s 10.0.0.1,10.0.0.2 -j ACCEPT; echo rc=$?
iptables -S INPUT
iptables -A INPUT -p tcp --tcp-flags ALL NONE -j DROP
iptables -A INPUT -p tcp --tcp-flags SYN,FIN SYN,FIN -j DROP
iptables -A INPUT -p udp ! --sport 1:1023 ! --dport 53 -j DROP
iptables -A INPUT -p icmp --icmp-type 255 -j DROP
iptables -A INPUT -c 5 10 -j DROP; echo rc=$?
iptables -L INPUT -n -v -x
