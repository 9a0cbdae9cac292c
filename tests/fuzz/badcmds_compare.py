#!/usr/bin/env python3
"""Compares two transcripts of tests/fuzz/badcmds.sh (the real tools' and
skbox's, both through tests/kernel/normalize.py): per command, the exit
status and the messages.  A difference listed in tests/fuzz/badcmds.known
("status COMMAND" or "message COMMAND") is known; any other fails.
Usage: badcmds_compare.py LINUX SKBOX KNOWN"""
import sys


def blocks(path):
    out, cmd = {}, None
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("# "):
            cmd = line[2:]
            out[cmd] = {"rc": None, "msg": []}
        elif cmd is not None:
            if line.startswith("rc="):
                out[cmd]["rc"] = line[3:]
            else:
                out[cmd]["msg"].append(line)
    return out


def main():
    linux, skbox = blocks(sys.argv[1]), blocks(sys.argv[2])
    known = set()
    for line in open(sys.argv[3]):
        if line.strip() and not line.startswith("#"):
            known.add(line.rstrip("\n"))
    new, seen, n = [], set(), 0
    for cmd, want in linux.items():
        if want["rc"] is None:
            continue
        n += 1
        got = skbox.get(cmd, {"rc": "(not run)", "msg": []})
        for kind, differs in (("status", got["rc"] != want["rc"]),
                              ("message", got["msg"] != want["msg"])):
            if not differs:
                continue
            key = f"{kind} {cmd}"
            seen.add(key)
            if key not in known:
                new.append((key, want, got))
    for key, want, got in new:
        print(f"{key}\n  linux: rc={want['rc']} {' | '.join(want['msg'])[:300]}"
              f"\n  skbox: rc={got['rc']} {' | '.join(got['msg'])[:300]}")
    stale = sorted(known - seen)
    for key in stale:
        print(f"fixed (remove from badcmds.known): {key}")
    st = sum(1 for k in seen if k.startswith("status"))
    ms = sum(1 for k in seen if k.startswith("message"))
    print(f"{n} commands: {n - len({k.split(' ', 1)[1] for k in seen})} alike, "
          f"{st} statuses and {ms} messages differ ({len(new)} not known)")
    return 1 if new or stale else 0


sys.exit(main())
