# ip monitor address: RTM_NEWADDR/RTM_DELADDR with the device's index and
# name first; labels, brd, peer, lifetimes, secondaries taken with their
# primary or promoted (promote_secondaries), a replaced metric, flush; then
# `ip -o monitor` (one line each) and `ip -4 monitor address dev DEV`
ip link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01
timeout 8 ip monitor address & sleep 0.2
ip addr add 10.0.0.1/24 dev c0; sleep 0.1
ip addr add 10.0.0.2/24 brd + dev c0 label c0:1; sleep 0.1
ip addr add 10.0.0.3/24 dev c0; sleep 0.1
ip addr add 10.1.0.1 peer 10.1.0.2/32 dev r0; sleep 0.1
ip addr add 10.2.0.1/16 dev r0 valid_lft 100 preferred_lft 50; sleep 0.1
ip addr del 10.2.0.1/16 dev r0; sleep 0.1
ip addr add 10.3.0.1/24 dev r0 metric 20 noprefixroute; sleep 0.1
ip addr replace 10.3.0.1/24 dev r0 metric 30; sleep 0.1
ip addr del 10.0.0.1/24 dev c0; sleep 0.1
sysctl -qw net.ipv4.conf.r0.promote_secondaries=1
ip addr add 10.5.0.1/24 dev r0; sleep 0.1
ip addr add 10.5.0.2/24 dev r0; sleep 0.1
ip addr add 10.5.0.3/24 dev r0; sleep 0.1
ip addr del 10.5.0.1/24 dev r0; sleep 0.1
ip addr show dev r0
ip addr flush dev r0; sleep 0.1
wait
timeout 3 ip -o monitor address & sleep 0.2
ip addr add 10.6.0.1/24 dev c0; sleep 0.1
ip addr del 10.6.0.1/24 dev c0; sleep 0.1
wait
timeout 3 ip -4 monitor address dev c0 & sleep 0.2
ip addr add 10.7.0.1/24 dev r0; sleep 0.1
ip addr add 10.7.0.1/24 dev c0; sleep 0.1
wait
