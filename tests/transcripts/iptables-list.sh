# iptables listing formats: -L, -L -n -v, -x, --line-numbers, -S, iptables-save [-c], and error messages
iptables -L
iptables -A INPUT -p tcp --dst 192.168.10.3 -j DROP
iptables -A INPUT -s 10.0.0.0/8 ! -d 1.2.3.4 -i eth+ -p udp --dport 53 -j ACCEPT -m comment --comment "dns ok"
iptables -N MYCHAIN
iptables -A MYCHAIN -p icmp --icmp-type echo-request -j RETURN
iptables -A FORWARD -j MYCHAIN
iptables -A FORWARD -g MYCHAIN
iptables -I INPUT 2 -p tcp --sport 1000:2000 --tcp-flags SYN,ACK SYN -j REJECT --reject-with tcp-reset
iptables -L
iptables -L -n -v
iptables -L -n -v -x --line-numbers
iptables -S
iptables -S INPUT
iptables-save
iptables-save -c
iptables -L INPUT -n
iptables -D INPUT 5; echo rc=$?
iptables -D INPUT -p tcp -j ACCEPT; echo rc=$?
iptables -A NOPE -j ACCEPT; echo rc=$?
iptables -t foo -L; echo rc=$?
iptables --bogus; echo rc=$?
iptables -A INPUT -p tcp --dport x -j ACCEPT; echo rc=$?
iptables -X MYCHAIN; echo rc=$?
iptables -N MYCHAIN; echo rc=$?
iptables -P MYCHAIN DROP; echo rc=$?
iptables -P INPUT BOGUS; echo rc=$?
iptables -C INPUT -p tcp --dst 192.168.10.3 -j DROP; echo rc=$?
iptables -C INPUT -p tcp --dst 192.168.10.4 -j DROP; echo rc=$?
iptables -E MYCHAIN OTHER; echo rc=$?
iptables -L OTHER; echo rc=$?
iptables -t raw -L
iptables -t mangle -L
