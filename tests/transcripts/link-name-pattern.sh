# a device name with '%' is a pattern only as one "%d" (Linux's
# __dev_alloc_name); "veth%2", "a%s", "x%d%d" are refused (fuzz_script
# finding: skbox used the name as a printf format)
ip link add va%d type veth peer name vb%d
ip -br link show type veth
ip link add veth1 type veth peer name veth%2; echo rc=$?
ip link add a%s type veth peer name b0; echo rc=$?
ip link add x%d%d type veth peer name y0; echo rc=$?
ip link add %d type veth peer name z%d; echo rc=$?
ip link add q%dq type veth peer name r%; echo rc=$?
ip -br link show type veth
