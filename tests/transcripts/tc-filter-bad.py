#!/usr/bin/env python3
# Writes malformed tc filter commands (each valid line with one word dropped, replaced,
# repeated or cut short) for a transcript; record NAME.linux with tests/kernel/kernel-run.sh.
# tc-filter-bad2.sh: seed 12.  tc-filter-bad.sh: seed 11, written before the first five
# VALID lines (tbf, a second u32 node, del/change by handle, a handle in another table) were
# added.  Usage: tc-filter-bad.py SEED > FILE
import random
import sys
random.seed(int(sys.argv[1]))
SETUP = ["ip link add v0 type veth peer name v1", "ip link set v0 up", "ip link set v1 up",
         "tc qdisc add dev v0 clsact", "tc qdisc add dev v1 ingress"]
VALID = [
 "tc qdisc add dev v0 root handle 1: tbf rate 1mbit burst 10k latency 50ms",
 "tc filter add dev v1 ingress pref 3 protocol ip u32 match ip src 1.2.3.4 match ip dst 5.6.7.8/24 action mirred egress redirect dev v0 action mirred ingress mirror dev v0",
 "tc filter del dev v1 ingress pref 3 handle 800::800 u32",
 "tc filter change dev v1 ingress pref 3 handle 800::800 protocol ip u32 match ip src 1.2.3.4",
 "tc filter add dev v0 egress protocol ip pref 7 handle 800::805 u32 match u8 6 0xff at 9 classid 1:3",
 "tc filter add dev v0 ingress protocol ip pref 10 u32 match ip src 10.0.0.1/32 action mirred egress redirect dev v1",
 "tc filter add dev v0 egress protocol ip u32 match ip dst 10.0.0.0/8 match ip protocol 6 0xff action mirred egress mirror dev v1",
 "tc filter add dev v0 egress protocol arp u32 match u32 0 0 action mirred ingress redirect dev v1",
 "tc filter add dev v1 ingress protocol ip u32 match ip sport 80 0xffff match ip dport 53 0xffff flowid 1:1",
 "tc filter add dev v0 ingress protocol all u32 match u16 0x0800 0xffff at -2 action mirred egress mirror dev v1 index 5",
 "tc filter replace dev v0 ingress pref 20 protocol ip u32 match ip tos 0x10 0xff action mirred ingress mirror dev v1",
 "tc filter del dev v0 ingress pref 10",
 "tc filter show dev v0 ingress",
 "tc filter show dev v0 egress pref 49152 protocol ip",
 "tc qdisc add dev v1 clsact",
 "tc qdisc del dev v0 clsact",
 "tc filter add dev v1 parent ffff: protocol ip u32 match ip dst 10.1.2.3 classid 1:2",
]
JUNK = ["foo", "0x10000", "-1", "999999999999", "ip", "u32", "dev", "match", "action", "mirred",
        "egress", "ingress", "redirect", "10.0.0.300", "1:2:3", "pref", "protocol", "zz:", "", "help"]
out = []
for line in VALID:
    w = line.split()
    for _ in range(12):
        v = list(w)
        op = random.choice(["drop", "replace", "repeat", "cut", "replace"])
        i = random.randrange(2, len(v))
        if op == "drop":
            del v[i]
        elif op == "replace":
            v[i] = random.choice(JUNK) or "''"
        elif op == "repeat":
            v.insert(i, v[i])
        else:
            v = v[:i]
        s = " ".join(v)
        if s not in out:
            out.append(s)
print("# Malformed tc filter and tc qdisc ingress/clsact commands (one word dropped, replaced,")
print("# repeated or cut short from a valid one; fixed seed): status and message as the real tc's.")
for s in SETUP: print(s)
for s in out:
    print(s + "; echo rc=$?")
