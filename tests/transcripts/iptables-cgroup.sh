# -m cgroup (revision 2) in OUTPUT on a TCP connection's packets: every socket is
# below the root cgroup "/" and has net_cls classid 0 (no net_cls hierarchy is set
# up), so --path / and --cgroup 0 count, their inversions and --cgroup 1 do not.
# The kernel refuses a path that does not exist, --path with --cgroup, and neither.
ip netns add srv
ip link add e0 address 02:00:00:00:01:01 type veth peer name e0 netns srv address 02:00:00:00:01:02
ip addr add 10.0.0.1/24 dev e0
ip -n srv addr add 10.0.0.2/24 dev e0
ip link set e0 up
ip -n srv link set e0 up
ip netns exec srv nc -kl 80 &
sleep 1
iptables -A OUTPUT -p tcp --dport 80 -m cgroup --path /
iptables -A OUTPUT -p tcp --dport 80 -m cgroup ! --path /
iptables -A OUTPUT -p tcp --dport 80 -m cgroup --cgroup 0
iptables -A OUTPUT -p tcp --dport 80 -m cgroup --cgroup 1
iptables -A OUTPUT -p tcp --dport 80 -m cgroup ! --cgroup 1
iptables -t mangle -A POSTROUTING -p tcp --dport 80 -m cgroup --path "/"
nc -z -v -w 2 10.0.0.2 80; echo rc=$?
iptables -L OUTPUT -n -v -x
iptables -t mangle -S POSTROUTING
iptables -A OUTPUT -m cgroup --path /no/such/cgroup; echo rc=$?
iptables -A OUTPUT -m cgroup --cgroup 1 --path /; echo rc=$?
iptables -A OUTPUT -m cgroup; echo rc=$?
iptables -A OUTPUT -m cgroup --cgroup x; echo rc=$?
iptables -A OUTPUT -m cgroup --cgroup 1 --cgroup 2; echo rc=$?
iptables -A FORWARD -m cgroup --cgroup 1; echo rc=$?
iptables -t mangle -A PREROUTING -m cgroup --cgroup 1; echo rc=$?
iptables -S OUTPUT
