ipset create svc hash:ip,port
ipset add svc 10.96.0.10,tcp:80
ipset add svc 10.96.0.10,udp:53
ipset add svc 10.96.0.11,80
ipset create nets hash:net
ipset add nets 10.244.0.0/16
ipset add nets 192.168.1.7
ipset add nets 10.0.0.0/8
ipset create ips hash:ip timeout 0 maxelem 10 hashsize 64
ipset add ips 10.0.0.1
ipset add ips 10.0.0.1
ipset -exist add ips 10.0.0.1
ipset add ips 10.0.0.300
ipset test ips 10.0.0.1 && echo in
ipset test ips 10.0.0.2 || echo not-in
ipset list svc
ipset list -n
ipset list -t nets
ipset save
ipset create ips hash:ip
ipset add nosuch 1.2.3.4
ipset create bad hash:foo
ipset del ips 10.0.0.9
ipset del ips 10.0.0.1
iptables -A INPUT -m set --match-set nets src -j DROP
iptables -A INPUT -m set ! --match-set svc dst,dst -j ACCEPT
iptables -A INPUT -m set --match-set nosuch src -j DROP
iptables -S INPUT
iptables -L INPUT -n
iptables-save
ipset destroy nets
ipset flush svc
ipset list svc
ipset rename ips ips2
ipset swap ips2 svc
ipset list -n
ipset create t hash:ip timeout 300
ipset add t 1.1.1.1 timeout 10
ipset list -t t

ipset version
ipset
ipset create
ipset frob
ipset destroy
ipset list -n
