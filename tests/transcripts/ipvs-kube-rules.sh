# The iptables and ipset half of kube-proxy's IPVS mode (scenario ipvs-kube has the
# whole node; ip_vs itself is missing from this machine's kernel, these parts are not).
ipset create KUBE-CLUSTER-IP hash:ip,port
ipset add KUBE-CLUSTER-IP 10.96.0.10,tcp:80
ipset add KUBE-CLUSTER-IP 10.96.0.10,udp:53
ipset add KUBE-CLUSTER-IP 10.96.0.20,tcp:80
ipset create KUBE-LOOP-BACK hash:ip,port,ip
ipset add KUBE-LOOP-BACK 10.244.0.2,tcp:8080,10.244.0.2
ipset add KUBE-LOOP-BACK 10.244.0.3,tcp:8080,10.244.0.3
iptables -t nat -N KUBE-SERVICES
iptables -t nat -N KUBE-MARK-MASQ
iptables -t nat -N KUBE-POSTROUTING
iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
iptables -t nat -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
iptables -t nat -A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE
iptables -t nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
iptables -t nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
iptables -t nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
iptables -t nat -A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ
iptables -t nat -A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT
iptables -t nat -S
iptables -t nat -L -n
ipset list KUBE-CLUSTER-IP
ipset test KUBE-CLUSTER-IP 10.96.0.10,tcp:80; echo rc=$?
ipset test KUBE-CLUSTER-IP 10.96.0.10,tcp:81; echo rc=$?
