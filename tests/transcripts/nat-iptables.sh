# The NAT targets on the command line: DNAT, SNAT, MASQUERADE, REDIRECT as iptables 1.8.9
# (nf_tables) parses, lists and saves them, with its error messages and exit codes.
iptables -t nat -A PREROUTING -p tcp -d 10.96.0.10 --dport 80 -j DNAT --to-destination 10.244.1.5:8080; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1000-2000; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1-10.0.0.5:1000-2000 --random --persistent; echo rc=$?
iptables -t nat -A PREROUTING -j DNAT --to-destination 10.0.0.1; echo rc=$?
iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination :53; echo rc=$?
iptables -t nat -A PREROUTING -j DNAT --to-destination 10.0.0.1:80; echo rc=$?
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 -j MASQUERADE; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-2000; echo rc=$?
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1024 --random; echo rc=$?
iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --random-fully; echo rc=$?
iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 1024; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:1000-2000; echo rc=$?
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4-1.2.3.9; echo rc=$?
iptables -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4 --persistent --random; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4 --random-fully; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080-8090 --random; echo rc=$?
iptables -t nat -A OUTPUT -p tcp -j REDIRECT; echo rc=$?
iptables -t nat -A PREROUTING -j REDIRECT --to-ports 80; echo rc=$?
iptables -t nat -A INPUT -j SNAT --to-source 1.1.1.1; echo rc=$?
iptables -t nat -A OUTPUT -j DNAT --to-destination 1.1.1.1; echo rc=$?
iptables -t nat -A INPUT -j DNAT --to-destination 1.1.1.1; echo rc=$?
iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.1.1.1; echo rc=$?
iptables -t nat -A PREROUTING -j SNAT --to-source 1.1.1.1; echo rc=$?
iptables -t nat -A PREROUTING -j MASQUERADE; echo rc=$?
iptables -t nat -A OUTPUT -j REDIRECT; echo rc=$?
iptables -t nat -A POSTROUTING -j REDIRECT; echo rc=$?
iptables -t nat -A PREROUTING -j DNAT; echo rc=$?
iptables -t nat -A PREROUTING -j SNAT; echo rc=$?
iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.400; echo rc=$?
iptables -t nat -A PREROUTING -j DNAT --to-destination foo; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:99999; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:abc; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:2000-1000; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.9-1.2.3.4; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:0; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80 --to-destination 1.2.3.5; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4/24; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80/90; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:http; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --random; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4 --random-fully; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports abc; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 0; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 100-50; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 100:200; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports abc; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 100:200; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 0; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 300-200; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4 --to-source 1.2.3.5; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:1000:2000; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 0.0.0.0; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j SNAT ! --to-source 1.2.3.4; echo rc=$?
iptables -t nat -A POSTROUTING -p icmp -j SNAT --to-source 1.2.3.4:5; echo rc=$?
iptables -t nat -A POSTROUTING -p sctp -j SNAT --to-source 1.2.3.4:5; echo rc=$?
iptables -t nat -A PREROUTING -p udp -m udp --dport 53 -j DNAT --to-destination 1.2.3.4:5353; echo rc=$?
iptables -t nat -D PREROUTING -p udp -m udp --dport 53 -j DNAT --to-destination 1.2.3.4:5353; echo rc=$?
iptables -t nat -D PREROUTING -p udp -m udp --dport 53 -j DNAT --to-destination 1.2.3.4:5354; echo rc=$?
iptables -t nat -C PREROUTING -p tcp -j REDIRECT --to-ports 8080; echo rc=$?
iptables -t nat -C PREROUTING -p tcp -j REDIRECT --to-ports 8081; echo rc=$?
iptables -t nat -D POSTROUTING -p udp -j MASQUERADE --random-fully; echo rc=$?
iptables -t nat -L -n
iptables -t nat -L
iptables -t nat -L -v -n -x --line-numbers
iptables -t nat -S
iptables -t nat -S POSTROUTING
iptables-save -t nat
iptables-save -c
iptables -A INPUT -j DNAT --to-destination 1.1.1.1; echo rc=$?
iptables -A INPUT -j MASQUERADE; echo rc=$?
