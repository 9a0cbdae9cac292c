# `host-underlay` (the vxlan's datagrams through a real host UDP socket)
# needs real time; in virtual time the device is refused, as a host TAP is.
# `dev` names a world device, so it cannot go with host-underlay; a group
# needs no `dev` then (the host joins on the interface of `local`).
ip link add vxlan0 type vxlan id 42 dstport 4789 remote 10.9.0.1 host-underlay; echo rc=$?
ip link add eth0 type dummy
ip link add vxlan0 type vxlan id 42 dstport 4789 remote 10.9.0.1 dev eth0 host-underlay; echo rc=$?
ip link add vxlan0 type vxlan id 42 dstport 4789 group 239.1.1.1 host-underlay; echo rc=$?
ip link add vxlan0 type vxlan id 42 dstport 4789 group 239.1.1.1; echo rc=$?
ip link add vxlan0 type vxlan id 42 dstport 4789 host-underlays; echo rc=$?
ip link show
