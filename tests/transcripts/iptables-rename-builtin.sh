# iptables -E renames user chains only: a built-in chain is not found (fuzz_restore:
# a renamed INPUT became a user chain the next restore could not give a policy)
iptables -E INPUT FOO; echo rc=$?
iptables -t nat -E POSTROUTING X; echo rc=$?
iptables -N A
iptables -E A INPUT; echo rc=$?
iptables -E A B; echo rc=$?
iptables -S
