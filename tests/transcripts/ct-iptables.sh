# conntrack, state, connmark matches and CONNMARK, CT, NOTRACK targets: parsing, -L, -S, iptables-save and errors as iptables 1.8.9 (nf_tables)
iptables -A INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -A INPUT -m state ! --state INVALID
iptables -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED,UNTRACKED,SNAT,DNAT -j ACCEPT
iptables -A INPUT -m conntrack ! --ctstate NEW
iptables -A INPUT -m conntrack --ctproto tcp --ctorigsrc 10.0.0.1 --ctorigdst 10.0.0.0/24 --ctreplsrc 1.2.3.4 ! --ctrepldst 5.6.7.8/16
iptables -A INPUT -m conntrack --ctorigsrcport 1000 --ctorigdstport 80:90 --ctreplsrcport 53 ! --ctrepldstport 1:2
iptables -A INPUT -m conntrack --ctstatus ASSURED,SEEN_REPLY --ctexpire 10:100 --ctdir ORIGINAL
iptables -A INPUT -m conntrack ! --ctstatus EXPECTED,CONFIRMED ! --ctexpire 5 --ctdir REPLY
iptables -A INPUT -m conntrack ! --ctproto 17
iptables -A INPUT -m connmark --mark 5
iptables -A INPUT -m connmark ! --mark 0x10/0xff
iptables -A OUTPUT -j CONNMARK --set-mark 1
iptables -A OUTPUT -j CONNMARK --set-mark 1/0xff
iptables -A OUTPUT -j CONNMARK --set-xmark 0x3/0xf
iptables -A OUTPUT -j CONNMARK --save-mark
iptables -A OUTPUT -j CONNMARK --restore-mark
iptables -A OUTPUT -j CONNMARK --save-mark --nfmask 0xff --ctmask 0xf
iptables -A OUTPUT -j CONNMARK --restore-mark --mask 0xff
iptables -A OUTPUT -j CONNMARK --and-mark 0xf
iptables -A OUTPUT -j CONNMARK --or-mark 0x10
iptables -A OUTPUT -j CONNMARK --xor-mark 0x10
iptables -t raw -A PREROUTING -j CT --notrack
iptables -t raw -A OUTPUT -j NOTRACK
iptables -t raw -A OUTPUT -p tcp -j CT --zone 1
iptables -L -n
iptables -L
iptables -t raw -L -n -v
iptables -S
iptables -t raw -S
iptables-save
iptables -A INPUT -m state --state FOO
iptables -A INPUT -m conntrack --ctstate BAR
iptables -A INPUT -m conntrack
iptables -A INPUT -m conntrack --ctstatus FOO
iptables -A INPUT -m conntrack --ctdir FOO
iptables -A INPUT -j CONNMARK
iptables -A INPUT -m connmark
iptables -A INPUT -j CT --notrack
iptables -A INPUT -m conntrack --ctorigsrcport 1000 
iptables -A INPUT -p tcp -m conntrack --ctproto tcp --ctorigsrcport 1000 
iptables -A INPUT -m conntrack --ctproto tcp --ctorigsrcport http
iptables -A INPUT -m conntrack --ctexpire 100:10
iptables -A INPUT -m state
iptables -D INPUT -m state --state NEW,ESTABLISHED -j ACCEPT
iptables -D INPUT -m state --state ESTABLISHED,NEW -j ACCEPT
iptables -S INPUT
