# -m time on the world's clock: virtual time starts at 1970-01-01 00:00:00 UTC, a
# Thursday (expected counts from Linux's net/netfilter/xt_time.c arithmetic; the
# kernel's clock cannot be set, so this is no transcript).  One ping in the first
# seconds, one after 40 s.  --contiguous with a daytime range over midnight counts
# the part after midnight as the day before (Wednesday).
ip netns add a
ip netns add b
ip link add e0 netns a type veth peer name e0 netns b
ip -n a addr add 10.0.0.1/24 dev e0
ip -n b addr add 10.0.0.2/24 dev e0
ip -n a link set e0 up
ip -n b link set e0 up
ip netns exec b iptables -A INPUT -p icmp -m time --datestart 1970-01-01T00:00:00 --datestop 1970-01-01T00:00:30
ip netns exec b iptables -A INPUT -p icmp -m time --timestart 00:00:30 --timestop 00:01
ip netns exec b iptables -A INPUT -p icmp -m time --weekdays Thu
ip netns exec b iptables -A INPUT -p icmp -m time ! --weekdays Thu
ip netns exec b iptables -A INPUT -p icmp -m time --monthdays 1 --weekdays 4
ip netns exec b iptables -A INPUT -p icmp -m time --monthdays 2,31
ip netns exec b iptables -A INPUT -p icmp -m time --timestart 23:00 --timestop 00:00:20 --weekdays Wed --contiguous
ip netns exec b iptables -A INPUT -p icmp -m time --timestart 23:00 --timestop 00:00:20 --weekdays Wed
ip netns exec b iptables -A INPUT -p icmp -m time --datestart 1970-01-02 --kerneltz
ip netns exec b iptables -S INPUT
ip netns exec a ping -c 1 -W 1 -q 10.0.0.2
sleep 40
ip netns exec a ping -c 1 -W 1 -q 10.0.0.2
ip netns exec b iptables -L INPUT -n -v -x
ip netns exec b iptables -A INPUT -m time --timestart 25:00; echo rc=$?
ip netns exec b iptables -A INPUT -m time --timestart 01:99; echo rc=$?
ip netns exec b iptables -A INPUT -m time --datestart 1969; echo rc=$?
ip netns exec b iptables -A INPUT -m time --datestart 2001-13; echo rc=$?
ip netns exec b iptables -A INPUT -m time --weekdays Xy; echo rc=$?
ip netns exec b iptables -A INPUT -m time --weekdays 0; echo rc=$?
ip netns exec b iptables -A INPUT -m time --monthdays 32; echo rc=$?
ip netns exec b iptables -A INPUT -m time --timestart 01:00 --timestop 02:00 --contiguous; echo rc=$?
ip netns exec b iptables -A INPUT -m time --utc --kerneltz; echo rc=$?
ip netns exec b iptables -A INPUT -m time ! --timestart 01:00; echo rc=$?
ip netns exec b iptables -A INPUT -m time --localtz; echo rc=$?
ip netns exec b iptables -S INPUT 10
