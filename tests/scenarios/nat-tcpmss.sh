# TCPMSS in mangle POSTROUTING lowers a local SYN's MSS to 50 (tcpdump -v shows mss 50, checksum
# correct); the same rule in the nat table changes nothing (no NAT target keeps conntrack on).
ip link set lo up
ip addr add 192.168.10.3/32 dev lo
nc -kl 192.168.10.3 8888 &
iptables -t nat -A POSTROUTING -p tcp --syn --dst 192.168.10.3 -j TCPMSS --set-mss 50
tcpdump -t -nnnvvvv -i lo -c 1 'tcp[tcpflags] == tcp-syn' & sleep 1
nc -z -w 2 192.168.10.3 8888; echo rc=$?
sleep 1
iptables -t mangle -A POSTROUTING -p tcp --syn --dst 192.168.10.3 -j TCPMSS --set-mss 50
tcpdump -t -nnnvvvv -i lo -c 1 'tcp[tcpflags] == tcp-syn' & sleep 1
nc -z -w 2 192.168.10.3 8888; echo rc=$?
sleep 1
iptables -t nat -L POSTROUTING -v -n -x
iptables -t mangle -L POSTROUTING -v -n -x
