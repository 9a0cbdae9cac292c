# SYN cookies for an IPv6 listener (net.ipv4.tcp_syncookies=2 answers every SYN with one):
# the connection is made from the cookie alone and carries data; the counters
sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip link set lo up
sysctl -w net.ipv4.tcp_syncookies=2
nc -6 -l ::1 5000 & sleep 0.5
echo hello | nc -6 -w1 ::1 5000
wait
nstat -az TcpExtSyncookiesSent TcpExtSyncookiesRecv TcpExtSyncookiesFailed TcpPassiveOpens
