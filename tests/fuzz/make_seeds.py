#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/NAME/) from
readable descriptions, so that the binary seeds can be regenerated and reviewed."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def ip(s):
    return bytes(int(x) for x in s.split("."))


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def eth(proto, payload, dst=b"\x02" * 6, src=b"\x02\x00\x00\x00\x00\x09"):
    return dst + src + struct.pack("!H", proto) + payload


def ipv4(src, dst, proto, payload, ttl=64, frag=0, ident=1, opts=b""):
    ihl = 5 + len(opts) // 4
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, 20 + len(opts) + len(payload), ident, frag,
                    ttl, proto, 0, ip(src), ip(dst)) + opts
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def icmp(typ, code, rest=b"\0\0\0\0", data=b"x" * 16):
    b = struct.pack("!BBH", typ, code, 0) + rest + data
    return b[:2] + struct.pack("!H", csum(b)) + b[4:]


def udp(sport, dport, data=b"hello"):
    return struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data


def tcp(sport, dport, flags=0x02, opts=b"\x02\x04\x05\xb4\x04\x02\x01\x03\x03\x07"):
    off = (20 + len(opts)) // 4
    return struct.pack("!HHIIBBHHH", sport, dport, 1000, 0, off << 4, flags, 64240, 0, 0) + opts


def arp(op, sha, sip, tha, tip):
    return struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, op, sha, ip(sip), tha, ip(tip))


def rec(sel, frame, plausible=True):
    return bytes([sel | (0x80 if plausible else 0)]) + struct.pack("<H", len(frame)) + frame


SRC_A, SRC_B, SRC_C1, SRC_C2, SRC_R = range(5)
mac_a = b"\x02\x00\x00\x00\x00\x0a"
seeds = {
    "arp-request": rec(SRC_A, eth(0x0806, arp(1, mac_a, "10.1.0.2", b"\0" * 6, "10.1.0.1"),
                                   dst=b"\xff" * 6)),
    "ping-router": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 1, icmp(8, 0)))),
    "ping-through": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 1, icmp(8, 0)))),
    "udp-dns": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 17, udp(1234, 53)))),
    "udp-echo-dropped": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 17, udp(1234, 7)))),
    "tcp-syn-router": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 6, tcp(40000, 80)))),
    "ttl-1": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 1, icmp(8, 0), ttl=1))),
    "fragments": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 17, udp(1, 53, b"a" * 24)[:16],
                                               frag=0x2000, ident=7)))
    + rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 17, b"b" * 16, frag=2, ident=7))),
    "ip-options": rec(SRC_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 1, icmp(8, 0),
                                               opts=b"\x07\x07\x04\0\0\0\0\x00"))),
    "icmp-error-inner": rec(SRC_B, eth(0x0800, ipv4("10.2.0.2", "10.1.0.2", 1, icmp(
        3, 3, data=ipv4("10.1.0.2", "10.2.0.2", 17, udp(1234, 9)))))),
    "bridge-c1-c2": rec(SRC_C1, eth(0x0800, ipv4("192.168.9.2", "192.168.9.3", 1, icmp(8, 0)))),
    "bridge-broadcast": rec(SRC_C2, eth(0x0806, arp(1, mac_a, "192.168.9.3", b"\0" * 6,
                                                    "192.168.9.1"), dst=b"\xff" * 6)),
    "garbage": rec(SRC_R, b"\x01\x02\x03", plausible=False),
}
out = os.path.join(HERE, "corpus", "frames")
os.makedirs(out, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} seeds in {out}")


# fuzz_stateful: records [selector][advance ms][len:2][frame]; selectors
# a->r, b->r, c1->bridge, c2->bridge, r->a, r->root, r->b
def srec(sel, frame, adv=1, plausible=True):
    return bytes([sel | (0x80 if plausible else 0), adv]) + struct.pack("<H", len(frame)) + frame


S_A, S_B, S_C1, S_C2, S_RA, S_RC, S_RB = range(7)
syn = tcp(40000, 8080)
stateful = {
    "arp-a": srec(S_A, eth(0x0806, arp(1, mac_a, "10.1.0.2", b"\0" * 6, "10.1.0.1"),
                           dst=b"\xff" * 6)),
    "dnat-tcp-syn": srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 6, syn)), adv=5)
    + srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 6, tcp(40000, 8080, 0x10, b""))), adv=200),
    "dnat-udp": srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 17, udp(1234, 5353)))),
    "forward-dropped": srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 6, tcp(40001, 80)))),
    "reject-22": srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 6, tcp(40002, 22)))),
    "listener-r": srec(S_B, eth(0x0800, ipv4("10.2.0.2", "10.2.0.1", 6, tcp(40003, 80))), adv=100),
    "masq-out": srec(S_B, eth(0x0800, ipv4("10.2.0.2", "10.1.0.2", 17, udp(5000, 53)))),
    "masq-tcp-out": srec(S_B, eth(0x0800, ipv4("10.2.0.2", "10.1.0.2", 6, tcp(40004, 80)))),
    "bridge-tcp": srec(S_C1, eth(0x0800, ipv4("192.168.9.2", "192.168.9.3", 6, tcp(40005, 80)))),
    "bridge-to-wan": srec(S_C1, eth(0x0800, ipv4("192.168.9.2", "10.1.0.2", 1, icmp(8, 0)))),
    "bridge-udp-drop": srec(S_C2, eth(0x0800, ipv4("192.168.9.3", "192.168.9.1", 17, udp(7, 9)))),
    "root-uplink": srec(S_RC, eth(0x0800, ipv4("10.3.0.1", "192.168.9.3", 6, tcp(40006, 80)))),
    "server-syn-ack": srec(S_RB, eth(0x0800, ipv4("10.1.0.2", "10.2.0.2", 6, tcp(40007, 80, 0x12)))),
    "icmp-error-nat": srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 1, icmp(
        3, 3, data=ipv4("10.1.0.1", "10.1.0.2", 17, udp(1234, 9)))))),
    "fragments-dnat": srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 17, udp(1, 5353, b"a" * 24)[:16],
                                                 frag=0x2000, ident=9)))
    + srec(S_A, eth(0x0800, ipv4("10.1.0.2", "10.1.0.1", 17, b"b" * 16, frag=2, ident=9)), adv=255),
    "to-a": srec(S_RA, eth(0x0800, ipv4("10.1.0.1", "10.1.0.2", 1, icmp(8, 0)))),
}
out = os.path.join(HERE, "corpus", "stateful")
os.makedirs(out, exist_ok=True)
for name, data in stateful.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"{len(stateful)} seeds in {out}")
