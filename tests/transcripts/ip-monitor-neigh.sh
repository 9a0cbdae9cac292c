# ip monitor neigh: a connection attempt resolves its neighbour (INCOMPLETE is not told,
# REACHABLE is), the target learns the pinger as STALE; an address nobody has
# ends FAILED after its probes; reachable time passes (STALE); ip neigh
# add/change/replace/del (a delete says FAILED, then Deleted) and flush
ip netns add a
ip netns add b
ip -n a link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01 netns b
ip -n a link set c0 up
ip -n b link set r0 up
ip -n a addr add 10.0.0.1/24 dev c0
ip -n b addr add 10.0.0.2/24 dev r0
timeout 90 ip -n a monitor neigh & sleep 0.2
ip netns exec a nc -z -w 1 10.0.0.2 80; sleep 0.1
ip netns exec a ping -c 1 -W 1 10.0.0.9; sleep 5
ip -n a neigh show 10.0.0.9
ip -n a neigh show 10.0.0.2
sleep 60
ip -n a neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev c0; sleep 0.1
ip -n a neigh change 10.0.0.7 lladdr 02:00:00:00:00:77 dev c0 nud reachable; sleep 0.1
ip -n a neigh replace 10.0.0.8 lladdr 02:00:00:00:00:08 dev c0 nud stale; sleep 0.1
ip -n a neigh del 10.0.0.7 dev c0; sleep 0.1
ip -n a neigh del 10.0.0.8 dev c0; sleep 0.1
ip -n a neigh flush to 10.0.0.9; sleep 0.1
ip -n a neigh flush dev c0; sleep 0.1
ip -n a neigh show
wait
