# iptables error messages and exit codes
iptables -N A
iptables -N B
iptables -A INPUT -j NOPE; echo rc=$?
iptables -X INPUT; echo rc=$?
iptables -E A B; echo rc=$?
iptables -E Z Y; echo rc=$?
iptables -F NOPE; echo rc=$?
iptables -L NOPE; echo rc=$?
iptables -I INPUT 5 -j ACCEPT; echo rc=$?
iptables -R INPUT 1 -j ACCEPT; echo rc=$?
iptables -A INPUT -j ACCEPT
iptables -R INPUT 1 -j DROP; echo rc=$?
iptables -R INPUT 3 -j DROP; echo rc=$?
iptables -A A -j B
iptables -A INPUT -p udp -j REJECT --reject-with tcp-reset; echo rc=$?
iptables -t raw -A INPUT -j ACCEPT; echo rc=$?
iptables -t mangle -A PREROUTING -j REJECT; echo rc=$?
iptables -A INPUT -p foo -j ACCEPT; echo rc=$?
iptables -A INPUT -s 1.2.3.400 -j ACCEPT; echo rc=$?
iptables -A INPUT --dport 80 -j ACCEPT; echo rc=$?
iptables -A INPUT -m nosuch -j ACCEPT; echo rc=$?
iptables -A INPUT -j MARK --set-mark 1 --bogus; echo rc=$?
iptables -A; echo rc=$?
iptables -Q; echo rc=$?
iptables -A INPUT -p icmp --icmp-type foo -j ACCEPT; echo rc=$?
iptables -A INPUT -p tcp --dport x -j ACCEPT; echo rc=$?
iptables -A INPUT -o eth0 -j ACCEPT; echo rc=$?
iptables -X; echo rc=$?
iptables -D INPUT 5; echo rc=$?
iptables -D INPUT -p tcp -j ACCEPT; echo rc=$?
iptables -P A DROP; echo rc=$?
iptables -P INPUT BOGUS; echo rc=$?
iptables -t foo -L; echo rc=$?
iptables --bogus; echo rc=$?
iptables -F; iptables -X; echo rc=$?
iptables -S; echo rc=$?
iptables -L -v -n INPUT; echo rc=$?
iptables -A INPUT -j ACCEPT -j DROP
iptables -A INPUT -g FOO -j DROP
