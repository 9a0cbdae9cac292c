# Per-rule and policy counters after pings over loopback; REJECT answers with ICMP; DROP, -Z, -D by number
ip link set lo up
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -A INPUT -p icmp -m length --length 84 -m comment --comment "replies" -j ACCEPT
iptables -A OUTPUT -m statistic --mode nth --every 3 --packet 0 -j ACCEPT
iptables -A OUTPUT -p icmp -j ACCEPT
ping -c 3 -i 0.2 -q 127.0.0.1
iptables -L -v -n
iptables -L -v -x -n --line-numbers
iptables-save -c
iptables -Z
iptables -L INPUT -v -n
iptables -I INPUT -p icmp -d 127.0.0.2 -j REJECT --reject-with icmp-host-prohibited
ping -c 1 -W 1 127.0.0.2; echo rc=$?
iptables -I INPUT -d 127.0.0.3 -j DROP
ping -c 1 -W 1 127.0.0.3; echo rc=$?
iptables -L INPUT -v -n --line-numbers
iptables -D INPUT 1
iptables -D INPUT -p icmp -d 127.0.0.2 -j REJECT --reject-with icmp-host-prohibited
iptables -S
iptables -t mangle -A OUTPUT -j MARK --set-mark 0x5
iptables -t mangle -A POSTROUTING -m mark --mark 0x5 -j ACCEPT
iptables -t raw -A OUTPUT -j TRACE
ping -c 1 -q 127.0.0.1
iptables -t mangle -L -v -n
iptables-save -c
