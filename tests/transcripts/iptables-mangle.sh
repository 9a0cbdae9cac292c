# Header-rewriting targets (TCPOPTSTRIP takes the MSS option off a's SYN) and the new matches on real packets between two namespaces: TTL, DSCP, TOS and ECN rewrite a's pings in mangle OUTPUT; b's INPUT counts them with ttl, dscp, tos, ecn, length, quota, mac, string, hashlimit, connbytes, helper, recent and NFLOG (b has no listener on port 5000: the datagram still passes INPUT); owner in a's OUTPUT on a TCP SYN (b answers with a reset). (-m cpu is left out: Linux runs the packet on whichever CPU, skbox on CPU 0.)
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a link set va address 02:00:00:00:00:01
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a iptables -t mangle -A OUTPUT -p icmp -j TTL --ttl-set 33
ip netns exec a iptables -t mangle -A OUTPUT -p icmp -j DSCP --set-dscp-class AF11
ip netns exec a iptables -t mangle -A OUTPUT -p icmp -j ECN --ecn-ip-ect 1
ip netns exec a iptables -t mangle -A OUTPUT -p tcp --syn -j TCPOPTSTRIP --strip-options mss,7
ip netns exec b iptables -A INPUT -p tcp -m tcpmss --mss 1:65535
ip netns exec b iptables -A INPUT -p tcp -m tcpmss ! --mss 1:65535
ip netns exec b iptables -A INPUT -p tcp --tcp-option 2
ip netns exec a iptables -A OUTPUT -p tcp -m owner --uid-owner 0 --gid-owner 0-10
ip netns exec a iptables -A OUTPUT -p tcp -m owner --socket-exists
ip netns exec a iptables -A OUTPUT -p tcp -m owner ! --uid-owner 1-100
ip netns exec a iptables -A OUTPUT -p tcp -m owner ! --socket-exists
ip netns exec b iptables -A INPUT -p icmp -m ttl --ttl-eq 33
ip netns exec b iptables -A INPUT -p icmp -m ttl --ttl-eq 64
ip netns exec b iptables -A INPUT -p icmp -m dscp --dscp 0x0a
ip netns exec b iptables -A INPUT -p icmp -m tos --tos 0x29/0xff
ip netns exec b iptables -A INPUT -p icmp -m ecn --ecn-ip-ect 1
ip netns exec b iptables -A INPUT -p icmp -m ecn ! --ecn-ip-ect 1
ip netns exec b iptables -A INPUT -p icmp -m length --length 84
ip netns exec b iptables -A INPUT -p icmp -m quota --quota 200
ip netns exec b iptables -A INPUT -p icmp -m quota ! --quota 200
ip netns exec b iptables -A INPUT -p icmp -m mac --mac-source 02:00:00:00:00:01
ip netns exec b iptables -A INPUT -p icmp -m mac ! --mac-source 02:00:00:00:00:01
ip netns exec b iptables -A INPUT -p icmp -m hashlimit --hashlimit-upto 1/sec --hashlimit-burst 2 --hashlimit-mode srcip --hashlimit-name hl1
ip netns exec b iptables -A INPUT -p icmp -m hashlimit --hashlimit-above 1/sec --hashlimit-burst 2 --hashlimit-mode srcip,dstip --hashlimit-srcmask 24 --hashlimit-name hl2
ip netns exec b iptables -A INPUT -p icmp -m hashlimit --hashlimit-upto 1kb/s --hashlimit-burst 2kb --hashlimit-name hl3
ip netns exec b iptables -A INPUT -p icmp -m connbytes --connbytes 2: --connbytes-mode packets --connbytes-dir original
ip netns exec b iptables -A INPUT -p icmp -m connbytes ! --connbytes 100:200 --connbytes-mode bytes --connbytes-dir both
ip netns exec b iptables -A INPUT -p icmp -m connbytes --connbytes 84:84 --connbytes-mode avgpkt --connbytes-dir original
ip netns exec b iptables -A INPUT -p icmp -m helper --helper ftp
ip netns exec b iptables -A INPUT -p icmp -m helper ! --helper ftp
ip netns exec b sysctl net.netfilter.nf_conntrack_acct
ip netns exec b iptables -A INPUT -p icmp -m recent --rcheck --seconds 60 --hitcount 2 --name pings
ip netns exec b iptables -A INPUT -p icmp -m recent --set --name pings
ip netns exec b iptables -A INPUT -p icmp -m recent --update --hitcount 3 --name pings
ip netns exec b iptables -A INPUT -p icmp -m recent ! --rcheck --rdest --mask 255.255.255.0 --name pings
ip netns exec b iptables -A INPUT -p icmp -j NFLOG --nflog-group 5 --nflog-prefix "ping in"
ip netns exec b iptables -A INPUT -p udp -m string --string "hello" --algo bm
ip netns exec b iptables -A INPUT -p udp -m string --string "HELLO" --algo kmp --icase
ip netns exec b iptables -A INPUT -p udp -m string --hex-string "|68656c|lo" --algo bm --from 28
ip netns exec b iptables -A INPUT -p udp -m string --string "hello" --algo bm --to 30
ip netns exec b iptables -A INPUT -p udp -m string ! --string "bye" --algo bm
ip netns exec a ping -c 3 -i 0.2 -q 10.0.0.2
echo hello | ip netns exec a nc -u -w 1 10.0.0.2 5000
ip netns exec a nc -z -w 1 10.0.0.2 80; echo rc=$?
sleep 0.5
ip netns exec a iptables -t mangle -L OUTPUT -n -v -x
ip netns exec a iptables -L OUTPUT -n -v -x
ip netns exec b iptables -L INPUT -n -v -x
ip netns exec b iptables -S INPUT
ip netns exec a iptables -t mangle -S
ip netns exec a iptables -t filter -A INPUT -j TTL --ttl-set 1
ip netns exec a iptables -t mangle -A INPUT -m owner --uid-owner 0
ip netns exec a iptables -t mangle -A OUTPUT -m ecn --ecn-tcp-ece
ip netns exec a iptables -t mangle -A OUTPUT -p tcp -j ECN --ecn-tcp-remove
ip netns exec a iptables -t mangle -A OUTPUT -p udp -j ECN --ecn-tcp-remove
ip netns exec a iptables -A INPUT -m string --string x --algo foo
