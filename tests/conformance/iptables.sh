#!/bin/bash
# iptables' own tests: extensions/*.t through iptables-test.py (Debian's
# source package `iptables`), against the machine's iptables (nft variant)
# and against skbox's iptables through the shims.  deb-src is enabled in a
# private apt configuration (the system's sources stay as they are).
# Usage: iptables.sh OUTDIR SKBOX
set -u
OUT=$1
SKBOX=$2
APT=$OUT/apt
mkdir -p "$APT/lists/partial" "$OUT/src"
. /etc/os-release
echo "deb-src http://deb.debian.org/debian ${VERSION_CODENAME:-bookworm} main" >"$APT/sources.list"
A=(-o "Dir::Etc::SourceList=$APT/sources.list" -o Dir::Etc::SourceParts=/dev/null
   -o "Dir::State::Lists=$APT/lists")
src=$(ls -d "$OUT"/src/iptables-*/ 2>/dev/null | head -n 1)
if [ -z "$src" ]; then
	command -v dpkg-source >/dev/null || apt-get install -y -q dpkg-dev >>"$OUT/apt.log" 2>&1
	( apt-get "${A[@]}" update && cd "$OUT/src" && apt-get "${A[@]}" source iptables ) \
		>>"$OUT/apt.log" 2>&1 || { echo "iptables: cannot fetch the source package"; exit 0; }
	src=$(ls -d "$OUT"/src/iptables-*/ | head -n 1)
fi
cd "$src" || exit 0
# The test runs "xtables-nft-multi iptables ARGS": on the skbox side that
# name hands over to the shim (and refuses what the world does not have).
WRAP=$OUT/xtables-wrap
mkdir -p "$WRAP"
cat >"$WRAP/xtables-nft-multi" <<'SH'
#!/bin/bash
[ -x "$SKBOX_DIR/bin/$1" ] || { echo "$1: not a command of skbox" >&2; exit 127; }
exec "$SKBOX_DIR/bin/$@"
SH
chmod +x "$WRAP/xtables-nft-multi"
count() { grep -E '^nft: ' "$1" | tail -n 1; }
# Linux (the host's iptables 1.8.9, nft variant), its own network namespace
if command -v xtables-nft-multi >/dev/null; then
	timeout 1800 python3 iptables-test.py -H -n >"$OUT/iptables-test.linux.log" 2>&1
	echo "iptables-test.py extensions/*.t on Linux: $(count "$OUT/iptables-test.linux.log")"
fi
w=$(mktemp -d /tmp/skbox-ipt.XXXXXX)
"$SKBOX" up --dir "$w" >/dev/null
SKBOX_DIR=$w PATH="$WRAP:$w/bin:$PATH" timeout 1800 python3 iptables-test.py -H -n \
	>"$OUT/iptables-test.skbox.log" 2>&1
cp /tmp/iptables-test.log "$OUT/iptables-test.skbox.detail.log" 2>/dev/null
"$SKBOX" down --dir "$w" >>"$OUT/iptables-test.skbox.log" 2>&1 || echo "iptables: skbox down reported leaks"
rm -rf "$w"
echo "iptables-test.py extensions/*.t on skbox: $(count "$OUT/iptables-test.skbox.log")"
exit 0
