# ip monitor rule: RTM_NEWRULE/RTM_DELRULE as `ip rule` prints them, for
# IPv4 and IPv6 rules; `ip -4 monitor rule` hears only IPv4's; `label`
# puts [RULE] before each
timeout 6 ip monitor rule & sleep 0.2
ip rule add from 10.0.0.0/24 lookup 100; sleep 0.1
ip rule add to 192.168.0.0/16 iif lo table 200 pref 1000; sleep 0.1
ip rule add fwmark 0x10/0xff priority 500 prohibit; sleep 0.1
ip rule add not from 10.1.0.0/16 ipproto tcp dport 80 lookup main; sleep 0.1
ip -6 rule add from 2001:db8::/32 lookup 300; sleep 0.1
ip rule del pref 1000; sleep 0.1
ip -6 rule del from 2001:db8::/32 lookup 300; sleep 0.1
ip rule del from 10.0.0.0/24 lookup 100; sleep 0.1
wait
timeout 3 ip -4 monitor rule label & sleep 0.2
ip rule add from 10.9.0.0/16 lookup 100; sleep 0.1
ip -6 rule add from 2001:db8:9::/48 lookup 100; sleep 0.1
ip rule del from 10.9.0.0/16 lookup 100; sleep 0.1
wait
