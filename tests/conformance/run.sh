#!/bin/bash
# make conformance: Linux's own network selftests, unmodified, against the
# machine's kernel and against skbox (docs/LIVE.md).
#
#   1. linux-source-6.12 (Debian) installed with apt-get at test time, its
#      tools/testing/selftests/net extracted into build/conformance/;
#   2. each script runs twice, each time inside a fresh network namespace
#      (unshare -n; nothing reaches the host's network):
#        Linux:  bash SCRIPT            (the kernel's ip, ping, …)
#        skbox:  bash SCRIPT with the shims of a world (skbox up) first in PATH
#      with the same `dummy` substitute in front on both sides (ip-dummy.sh);
#   3. per script: the cases passed on each side and the list that differ
#      (mode fn: only the named test functions of the script run);
#   4. iptables' extensions/*.t through iptables-test.py against skbox's
#      iptables (iptables.sh).
# Never fails the build: it reports.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
SKBOX=$(realpath "${SKBOX:-build/skbox}")
OUT=${CONFORMANCE_DIR:-$ROOT/build/conformance}
TMO=${CONFORMANCE_TIMEOUT:-900}
mkdir -p "$OUT"
NET=$OUT/linux-source-6.12/tools/testing/selftests/net

if [ ! -d "$NET" ]; then
	if [ ! -f /usr/src/linux-source-6.12.tar.xz ]; then
		apt-get install -y -q linux-source-6.12 >"$OUT/apt.log" 2>&1 ||
			{ echo "conformance: cannot install linux-source-6.12 (see $OUT/apt.log)"; exit 0; }
	fi
	echo "conformance: extracting tools/testing/selftests/net from linux-source-6.12"
	tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$OUT" --wildcards \
		'linux-source-6.12/tools/testing/selftests/net/*' ||
		{ echo "conformance: extraction failed"; exit 0; }
fi
# tools the scripts call that Debian packages: socat (nf_nat_edemux), traceroute
for tool in socat traceroute; do
	command -v "$tool" >/dev/null || apt-get install -y -q "$tool" >>"$OUT/apt.log" 2>&1 ||
		echo "conformance: $tool not installed: its cases skip on both sides"
done

# nettest: the selftests' own socket tool, built from the same tree
if [ ! -x "$NET/nettest" ]; then
	gcc -O2 -o "$NET/nettest" "$NET/nettest.c" >>"$OUT/build.log" 2>&1 ||
		echo "conformance: nettest did not build: its cases skip on both sides"
fi

WRAP=$OUT/wrap
mkdir -p "$WRAP"
ln -sf "$ROOT/tests/conformance/ip-dummy.sh" "$WRAP/ip"

# name | directory under net/ | script | arguments | cases counted (regex on the TEST line; sections)
SPECS=(
	"fib_rule_tests|.|fib_rule_tests.sh||"
	# fib_tests' functions run `set -e` setups: one that stops (tc mirred in
	# rp_filter, VRF in ipv4_del_addr) ends the script, so those run apart
	# from the route add/replace/metric ones (ipv4_notify too: its case is
	# counted on its own)
	"fib_tests-ipv4|.|fib_tests.sh|-t|ipv4_rt ipv4_addr_metric ipv4_route_metrics"
	"fib_tests-ipv4-notify|.|fib_tests.sh|-t|ipv4_notify"
	"fib_tests-rp_filter|.|fib_tests.sh|-t|rp_filter"
	"fib_tests-ipv4-del-addr|.|fib_tests.sh|-t|ipv4_del_addr"
	"fib_tests-ipv4-misc|.|fib_tests.sh|-t|ipv4_mangle ipv4_bcast_neigh ipv4_mpath_list"
	# the IPv6 sections, each apart for the same reason (VRF in
	# ipv6_del_addr ends the script under set -e)
	"fib_tests-ipv6-rt|.|fib_tests.sh|-t|ipv6_rt"
	"fib_tests-ipv6-metrics|.|fib_tests.sh|-t|ipv6_addr_metric ipv6_route_metrics"
	"fib_tests-ipv6-notify|.|fib_tests.sh|-t|ipv6_notify"
	"fib_tests-ipv6-del-addr|.|fib_tests.sh|-t|ipv6_del_addr"
	"fib_tests-ipv6-misc|.|fib_tests.sh|-t|ipv6_mangle ipv6_gc ipv6_mpath_list"
	"fib_tests-ipv4-route-v6-gw|.|fib_tests.sh|-t|ipv4_route_v6_gw"
	# both families: device events, nexthop objects, suppress_prefixlength
	"fib_tests-dev|.|fib_tests.sh|-t|unregister down carrier nexthop suppress"
	"unicast_extensions|.|unicast_extensions.sh||"
	"traceroute|.|traceroute.sh||"
	"traceroute-ipv4|.|traceroute.sh|fn|run_traceroute"
	"route_localnet|.|route_localnet.sh||"
	"pmtu-ipv4|.|pmtu.sh|pos|pmtu_ipv4_exception pmtu_ipv4_dscp_icmp_exception pmtu_ipv4_dscp_udp_exception pmtu_ipv4_route_change pmtu_ipv4_mp_exceptions"
	"icmp_redirect-ipv4-novrf|.|icmp_redirect.sh||"
	"nf_nat_edemux|netfilter|nf_nat_edemux.sh||"
)
[ $# -gt 0 ] && { keep=(); for s in "${SPECS[@]}"; do for w in "$@"; do [[ ${s%%|*} == $w* ]] && keep+=("$s"); done; done; SPECS=("${keep[@]}"); }

# helpers the 6.12 tree's scripts call but its lib.sh lacks (lib-compat.bash)
export BASH_ENV=$ROOT/tests/conformance/lib-compat.bash

# One side: $1 = linux|skbox, $2 = log file, then the command line.
run_side() {
	local side=$1 log=$2
	shift 2
	if [ "$side" = linux ]; then
		( cd "$dir" && PATH="$WRAP:$PATH:$dir:$NET" timeout -k 10 "$TMO" unshare -n "$@" ) >"$log" 2>&1
		return
	fi
	local w
	w=$(mktemp -d /tmp/skbox-conf.XXXXXX)
	"$SKBOX" up --dir "$w" >/dev/null || { echo "skbox up failed" >"$log"; return; }
	( cd "$dir" && SKBOX_DIR=$w PATH="$WRAP:$w/bin:$PATH:$dir:$NET" timeout -k 10 "$TMO" unshare -n "$@" ) >"$log" 2>&1
	"$SKBOX" down --dir "$w" >>"$log" 2>&1 || echo "skbox: down reported leaks" >>"$log"
	cp "$w/log" "$log.world" 2>/dev/null
	rm -rf "$w"
}

# Cases of a log, one per line: "STATUS<TAB>NAME" (repeated names numbered).
cases() {
	python3 - "$1" "$2" <<'PY'
import re, sys
log, spec = sys.argv[1], sys.argv[2]
seen, section, current = {}, "", None
for line in open(log, errors="replace"):
    r = re.match(r"^run (\S+) test$", line.strip())
    if r:
        current = r.group(1)
        continue
    if line.strip() in ("ok", "fail") and current:
        name, st = current, "OK" if line.strip() == "ok" else "FAIL"
        current = None
        seen[name] = 1
        print(st + "\t" + name)
        continue
    s = re.match(r"^(?:#+\s*)?(Legacy routing.*|Routing with nexthop objects.*)$", line.strip())
    if s:
        section = s.group(1)
        continue
    m = re.match(r"^\s*TEST:\s*(.*?)\s*\[\s*(OK|FAIL|XFAIL|SKIP)\s*\]\s*$", line)
    if not m:
        m2 = re.match(r"^(PASS|FAIL|SKIP): (.*)$", line.strip())
        if not m2:
            continue
        name, st = m2.group(2), {"PASS": "OK"}.get(m2.group(1), m2.group(1))
    else:
        name, st = m.group(1), m.group(2)
    if spec == "icmp_redirect-ipv4-novrf":
        if "VRF" in section or not name.startswith("IPv4"):
            continue
        name = section + ": " + name
    name = re.sub(r"\s+", " ", name)
    seen[name] = seen.get(name, 0) + 1
    if seen[name] > 1:
        name += " #%d" % seen[name]
    print(st + "\t" + name)
PY
}

report=$OUT/report.txt
: >"$report"
for spec in "${SPECS[@]}"; do
	IFS='|' read -r name sub script mode arg <<<"$spec"
	dir=$NET/$sub
	case $mode in
	-t) cmd=(bash "$script" -t "$arg") ;;
	pos) read -ra pos <<<"$arg"; cmd=(bash "$script" "${pos[@]}") ;;
	# the script's own functions, its main part left out: only the named
	# tests run (traceroute.sh runs its IPv6 test first, under set -e)
	fn) cmd=(bash -c 'source <(sed "/^# Run tests/,\$d" "$0"); for f; do "$f"; done; exit "${EXIT_STATUS:-0}"' "$script" $arg) ;;
	*) cmd=(bash "$script") ;;
	esac
	echo "conformance: $name: Linux…"
	run_side linux "$OUT/$name.linux.log" "${cmd[@]}"
	echo "conformance: $name: skbox…"
	run_side skbox "$OUT/$name.skbox.log" "${cmd[@]}"
	cases "$OUT/$name.linux.log" "$name" >"$OUT/$name.linux.cases"
	cases "$OUT/$name.skbox.log" "$name" >"$OUT/$name.skbox.cases"
	python3 - "$name" "$OUT/$name.linux.cases" "$OUT/$name.skbox.cases" >>"$report" <<'PY'
import sys
name, lf, sf = sys.argv[1:4]
def load(f):
    d = {}
    for l in open(f):
        st, n = l.rstrip("\n").split("\t", 1)
        d[n] = st
    return d
L, S = load(lf), load(sf)
ok = lambda d: sum(1 for v in d.values() if v in ("OK", "XFAIL"))
print(f"{name}: Linux {ok(L)}/{len(L)} passed, skbox {ok(S)}/{len(S)} passed")
if not S and L:
    log = sf.replace(".cases", ".log")
    first = next((l.strip() for l in open(log, errors="replace") if l.strip()), "")
    print(f"    no case reached a result on skbox; its log begins: {first}")
    sys.exit(0)
for n in sorted(set(L) | set(S)):
    a, b = L.get(n, "-"), S.get(n, "-")
    if (a in ("OK", "XFAIL")) != (b in ("OK", "XFAIL")):
        print(f"    differs: {n}: Linux {a}, skbox {b}")
PY
	tail -n +1 "$report" | grep "^$name:" 
done
if [ -z "${CONFORMANCE_NO_IPTABLES:-}" ] && [ $# -eq 0 ]; then
	bash "$ROOT/tests/conformance/iptables.sh" "$OUT" "$SKBOX" >>"$report" 2>&1
fi
echo
echo "=== conformance report ($report)"
cat "$report"
exit 0
