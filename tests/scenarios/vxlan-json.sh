# ip -j -d output of vxlan devices (info_data), checked by hand against the kernel's:
# the transcript normalizer drops JSON lines (they contain inet6_addr_gen_mode).
ip link add veth0 type veth peer name veth1
ip link add vxlan1 address 02:00:00:00:0a:01 type vxlan id 43 dstport 4789 remote 192.168.50.2 local 192.168.50.1 dev veth0 ttl 10 nolearning proxy
ip -j -d link show vxlan1
ip link add vxlan2 address 02:00:00:00:0a:02 type vxlan id 44 dstport 8472 srcport 1000 2000 tos inherit ttl inherit
ip -j -d link show vxlan2
