# ip6tables' own matches and targets (icmp6, hl, HL, ipv6header, frag, hbh, dst, rt, mh, ah,
# eui64, srh, REJECT, LOG): -L, -L -n, -S as ip6tables 1.8.9 (nf_tables), restore with -4/-6 lines
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip netns exec b ip6tables-restore -n tests/scenarios/ip6tables-log-save.rules; echo rc=$?
ip netns exec b ip6tables -S
ip netns exec b ip6tables-restore tests/scenarios/ip6tables-log-save.rules2; echo rc=$?
ip netns exec b ip6tables -X FWD6
ip netns exec b ip6tables -A INPUT -m hl --hl-eq 7 -p ipv6-icmp
ip netns exec b ip6tables -L INPUT -v -n
ip netns exec b ip6tables -t mangle -A OUTPUT -p ipv6-icmp --icmpv6-type echo-request -j HL --hl-set 7
ip netns exec b ip6tables -t mangle -L OUTPUT -v -n
ip netns exec b ip6tables -A INPUT -p udp -j LOG --log-prefix "udp6: "
ip netns exec b ip6tables -L INPUT -n
ip netns exec b ip6tables -A INPUT -m srh --srh-psid a::/64 ! --srh-nsid b::/128 --srh-lsid c::/0 --srh-tag 5
ip netns exec b ip6tables -A INPUT -m frag --fragid 1:42 ! --fraglen 42 --fragres --fragfirst -m ah ! --ahspi 5 -m rt ! --rt-type 1 ! --rt-segsleft 12:23 ! --rt-len 42 -m ipv6header --header hop-by-hop,dst,route,frag,auth,esp,none,prot --soft
ip netns exec b ip6tables -A INPUT -m hbh --hbh-len 42 --hbh-opts 1:2,23:42,4:6 -m dst ! --dst-len 42 -p mobility-header -m mh ! --mh-type 4:123
ip netns exec b ip6tables -A INPUT -m ipv6header ! --header ipv6-nonxt -j REJECT --reject-with icmp6-policy-fail
ip netns exec b ip6tables -A INPUT -p ipv6-icmp -m icmp6 ! --icmpv6-type 1/3 -m eui64
ip netns exec b ip6tables -L INPUT
ip netns exec b ip6tables -L INPUT -n
ip netns exec b ip6tables -S INPUT
ip netns del b
