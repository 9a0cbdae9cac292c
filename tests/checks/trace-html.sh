#!/bin/bash
# skbox run --trace-html writes a page that a real browser (Debian's chromium,
# headless) renders, and the hops it draws are the trace's events: the same
# count, the same (packet id, stage) sequence, drops marked.  The scenario
# pings through the seed bridge and once to a host that does not answer ARP
# (NEIGH_FAILED drops), so the page shows both paths and drops.
set -u
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "chromium not installed"; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/tracehtml.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat > "$dir/script.sh" <<'SCRIPT'
ip link add name testbr type bridge
ip link add name veth1 type veth peer name br-veth1
ip link add name veth2 type veth peer name br-veth2
ip netns add test1
ip netns add test2
ip link set netns test1 dev veth1
ip link set netns test2 dev veth2
ip link set master testbr dev br-veth1
ip link set master testbr dev br-veth2
ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
ip netns exec test1 ip link set veth1 up
ip netns exec test2 ip link set veth2 up
ip link set br-veth1 up
ip link set br-veth2 up
ip link set testbr up
ip netns exec test1 ping -c 1 172.16.0.3
ip netns exec test1 ping -c 1 -W 5 172.16.0.9
SCRIPT
"$SKBOX" run --trace --trace-format=json --trace-html "$dir/page.html" "$dir/script.sh" \
	> "$dir/out.txt" 2>&1
grep '^{' "$dir/out.txt" > "$dir/events.jsonl"
[ -s "$dir/page.html" ] || { echo "no page written"; exit 1; }
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom \
	"file://$dir/page.html" > "$dir/dom.html" 2> "$dir/browser.err"
[ -s "$dir/dom.html" ] || { echo "browser rendered nothing"; cat "$dir/browser.err"; exit 1; }
python3 - "$dir/events.jsonl" "$dir/dom.html" <<'PY'
import json, re, sys
events = [json.loads(l) for l in open(sys.argv[1])]
dom = open(sys.argv[2]).read()
hops = re.findall(r'<circle class="(hop(?: drop)?)"[^>]*data-id="(\d+)" data-stage="([^"]*)"', dom)
want = [(e["id"], e["stage"]) for e in events]
got = [(int(i), s) for _, i, s in hops]
drops = sum(1 for e in events if e["stage"] == "DROP")
fail = []
if not events:
    fail.append("trace is empty")
if got != want:
    fail.append(f"drawn hops {len(got)} != trace events {len(want)} (or order differs)")
if sum(1 for c, _, _ in hops if c == "hop drop") != drops or drops == 0:
    fail.append(f"drops drawn != {drops}")
if f'data-hops="{len(events)}"' not in dom:
    fail.append("data-hops missing")
for name in ("netns test1", "netns test2", "br-veth1", "testbr"):
    if name not in dom:
        fail.append(f"{name} not drawn")
if fail:
    print("\n".join(fail)); sys.exit(1)
print(f"{len(events)} hops drawn, {drops} drops in red")
PY
