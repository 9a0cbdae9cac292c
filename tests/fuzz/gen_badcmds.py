#!/usr/bin/env python3
"""Writes tests/fuzz/badcmds.sh: malformed ip/iptables/sysctl/tc/bridge command
lines (fixed seed), each followed by `echo rc=$?`.  Each is a valid command
with one word dropped, replaced by a wrong one, repeated or cut short, so that
the parsers get past their first word.  tests/kernel/kernel-run.sh records what
the real tools print (tests/fuzz/badcmds.linux); tests/checks/badcmds.sh
compares skbox's statuses and messages with it.
Batches: `gen_badcmds.py` writes the first (seed 8, badcmds.sh);
`gen_badcmds.py 2` the second (seed 9, badcmds2.sh: 400 more, from VALID and
VALID2)."""
import random
import sys

SETUP = ["ip link add v0 type veth peer name v1", "ip link add br0 type bridge",
         "ip netns add x1", "ip addr add 10.0.0.1/24 dev v0", "ip link set v0 up",
         "ip link set v1 up", "ip link set v1 master br0"]
VALID = [
    "ip link set v0 mtu 1400", "ip link set dev v0 address 02:00:00:00:00:05",
    "ip link add v2 type veth peer name v3", "ip link add d0 type dummy",
    "ip link add link v0 name v0.5 type vlan id 5", "ip link set v0 txqueuelen 500",
    "ip addr add 10.0.1.1/24 dev v0", "ip addr add 10.0.2.1/24 brd + dev v0 label v0:1",
    "ip addr del 10.9.9.9/24 dev v0", "ip route add 10.5.0.0/16 via 10.0.0.2",
    "ip route add 10.6.0.0/16 dev v0 metric 10 table 100",
    "ip route replace default via 10.0.0.2 dev v0", "ip route get 10.0.0.2",
    "ip route add blackhole 10.7.0.0/16", "ip rule add from 10.0.0.0/24 lookup 100 pref 10",
    "ip rule add fwmark 0x1/0xff table 100", "ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v0",
    "ip neigh replace 10.0.0.8 lladdr 02:00:00:00:00:08 dev v0 nud permanent",
    "ip netns exec x1 ip link set lo up", "ip -n x1 addr show",
    "ip -s link show dev v0", "ip -4 route show table main", "ip -j addr show dev v0",
    "iptables -A INPUT -p tcp --dport 22 -j ACCEPT", "iptables -A FORWARD -i v0 -o v1 -j DROP",
    "iptables -t nat -A POSTROUTING -o v0 -j MASQUERADE",
    "iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080",
    "iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
    "iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited",
    "iptables -t mangle -A POSTROUTING -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1200",
    "iptables -N mychain", "iptables -P FORWARD DROP", "iptables -D INPUT 1",
    "iptables -I INPUT 1 -s 10.0.0.0/8 -j LOG --log-prefix x",
    "iptables -A INPUT -m multiport -p udp --dports 53,67 -j ACCEPT",
    "iptables -A INPUT -m limit --limit 5/s --limit-burst 10 -j ACCEPT",
    "iptables -L INPUT -n -v --line-numbers", "iptables -t raw -A PREROUTING -j NOTRACK",
    "sysctl -w net.ipv4.ip_forward=1", "sysctl net.ipv4.conf.all.rp_filter",
    "sysctl -w net.ipv4.conf.v0.forwarding=1", "sysctl -w net.core.somaxconn=512",
    "tc qdisc add dev v0 root tbf rate 1mbit burst 32kbit latency 400ms",
    "tc qdisc add dev v0 root pfifo limit 100", "tc qdisc add dev v0 root handle 1: prio",
    "tc qdisc show dev v0", "tc qdisc del dev v0 root",
    "tc qdisc add dev v0 root fq_codel limit 1000",
    "bridge fdb add 02:00:00:00:00:07 dev v1 master static", "bridge link set dev v1 cost 10",
    "bridge vlan add dev v1 vid 10", "bridge fdb show br br0", "bridge link show",
    "bridge vlan del dev v1 vid 10",
]
# the second batch's commands too: more of ip route/addr/rule/neigh/link
VALID2 = [
    "ip addr add 10.0.3.1/24 dev v0 valid_lft 100 preferred_lft 50",
    "ip addr add 10.0.4.1 peer 10.0.4.2/32 dev v0 scope link",
    "ip addr change 10.0.0.1/24 dev v0 preferred_lft 0",
    "ip route add 10.8.0.0/16 via 10.0.0.2 mtu lock 1400 advmss 1360",
    "ip route add 10.9.0.0/16 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3",
    "ip route show table all proto kernel scope link", "ip route flush table 100",
    "ip route get 10.0.0.2 from 10.0.0.1 oif v0 mark 5",
    "ip route del 10.5.0.0/16 via 10.0.0.2 dev v0", "ip route show root 10.0.0.0/8",
    "ip rule add from 10.0.0.0/24 iif v0 tos 0x10 goto 32000 pref 20",
    "ip rule add to 10.1.0.0/16 ipproto tcp dport 80 table 200",
    "ip rule del pref 10", "ip rule show table 100",
    "ip neigh show dev v0 nud reachable", "ip neigh del 10.0.0.9 dev v0",
    "ip neigh add proxy 10.0.0.50 dev v0", "ip neigh flush dev v0",
    "ip link set v0 up promisc on", "ip link show type veth", "ip -s -s link show v0",
    "ip link set dev v0 name v9", "ip link del v2",
]
JUNK = ["", "zz", "-1", "999999999999", "0x", "1.2.3.4/33", "256.0.0.1", "02:00:zz",
        "nosuchdev", "--", "-", "/", "0", "4294967296", "10.0.0.0/-1", "a b", "%", "help",
        "tcp", "-j", "dev", "table", "--dport", "65536", ":", ",", "..", "0/0"]


def mutate(cmd):
    w = cmd.split()
    i = random.randrange(1, len(w))
    k = random.randrange(4)
    if k == 0:
        del w[i]
    elif k == 1:
        w[i] = random.choice(JUNK)
    elif k == 2:
        w.insert(i, w[i])
    else:
        w = w[:i]
    return " ".join(x for x in w if x != "") or cmd


def main():
    batch = sys.argv[1] if len(sys.argv) > 1 else ""
    random.seed(9 if batch == "2" else 8)
    pool = VALID + VALID2 if batch == "2" else VALID
    seen = set()
    lines = []
    while len(lines) < 400:
        m = mutate(random.choice(pool))
        if m in seen or "'" in m:
            continue
        seen.add(m)
        lines.append(m + "; echo rc=$?")
    with open(f"tests/fuzz/badcmds{batch}.sh", "w") as f:
        f.write("# Generated by tests/fuzz/gen_badcmds.py: malformed commands; statuses and\n"
                "# messages compared with the real tools (tests/checks/badcmds.sh).\n")
        f.write("\n".join(SETUP + lines) + "\n")


main()
