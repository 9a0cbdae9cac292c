# The outer UDP source port: a hash of the inner flow scaled into `srcport MIN MAX`
# (udp_flow_src_port: MIN <= port < MAX; no range, or MIN == MAX, means
# net.ipv4.ip_local_port_range), and the kernel's check of the range.
ip netns add h1
ip netns add h2
ip link add eth0 netns h1 address 02:00:00:00:00:01 type veth peer name eth0 netns h2 address 02:00:00:00:00:02
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 link add vx0 type vxlan id 7 remote 10.0.0.2 dstport 4789 srcport 2000 1000; echo rc=$?
ip -n h1 link add vx0 address 0a:00:00:00:00:01 type vxlan id 7 remote 10.0.0.2 dstport 4789 srcport 5000 5001 dev eth0
ip -n h2 link add vx0 address 0a:00:00:00:00:02 type vxlan id 7 remote 10.0.0.1 dstport 4789 srcport 6000 6001 dev eth0
ip -n h1 -d link show vx0
ip -n h1 addr add 192.168.7.1/24 dev vx0
ip -n h2 addr add 192.168.7.2/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip netns exec h2 tcpdump -t -n -i eth0 -c 4 'udp port 4789' & sleep 1
echo x | ip netns exec h1 nc -u -w 1 -p 4000 192.168.7.2 9; wait
# a range of one port pinned the port; MIN == MAX is no range at all
ip -n h1 link add vx1 type vxlan id 8 remote 10.0.0.2 dstport 4790 srcport 7000 7000 dev eth0
ip -n h1 -d link show vx1
ip -n h1 link set vx1 up
ip -n h1 neigh add 192.168.8.2 lladdr 02:00:00:00:08:02 dev vx1
ip -n h1 addr add 192.168.8.1/24 dev vx1
ip netns exec h1 iptables -A OUTPUT -p udp --dport 4790 --sport 7000
ip netns exec h1 iptables -A OUTPUT -p udp --dport 4790 --sport 32768:60998
ip netns exec h1 ping -c 3 -i 0.2 -W 1 192.168.8.2
ip netns exec h1 iptables -L OUTPUT -v -n -x
