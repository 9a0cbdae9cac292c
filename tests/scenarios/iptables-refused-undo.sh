# A refused rule gives back what the checked rules before it took: the named
# hashlimit/recent tables and the conntrack reference stay owned by the rules that
# remain, and nothing leaks at teardown (ipt_check_table undoes its checkentry calls,
# as Linux's cleanup_match/cleanup_entry).
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name foo -j ACCEPT
iptables -A INPUT -m recent --name bar --set -j ACCEPT
iptables -A INPUT -m conntrack --ctstate NEW -j ACCEPT
iptables -A INPUT -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name baz -p tcp -j TCPMSS --clamp-mss-to-pmtu
iptables -S INPUT
iptables -F INPUT
iptables -A INPUT -m hashlimit --hashlimit-upto 2/sec --hashlimit-name foo -j ACCEPT
iptables -S INPUT
