#!/bin/bash
# tcpdump -r - reads the capture from standard input (as tcpdump does, with
# "reading from file -"): the same lines as -r FILE, for a pipe and for a
# redirection; an empty input is libpcap's "truncated dump file" (status 1).
# fuzz_pcap reads its inputs this way (docs/FUZZING.md).
set -u
SKBOX=$(realpath "$SKBOX")
pcap=$(realpath tests/fuzz/corpus/pcap/frag.pcap)
d=$(mktemp -d "${TMPDIR:-/tmp}/tdstdin.XXXXXX")
trap 'rm -rf "$d"' EXIT
cat > "$d/script.sh" <<SCRIPT
tcpdump -r "$pcap" -nn -v > "$d/file.out" 2>&1
tcpdump -r - -nn -v < "$pcap" > "$d/redir.out" 2>&1
cat "$pcap" | tcpdump -r - -nn -v > "$d/pipe.out" 2>&1
tcpdump -r - < /dev/null > "$d/empty.out" 2>&1; echo "empty rc=\$?" >> "$d/empty.out"
SCRIPT
"$SKBOX" run --bash "$d/script.sh" || { echo "skbox run --bash failed"; exit 1; }
fail=0
sed 's|^reading from file [^,]*,|reading from file -,|' "$d/file.out" > "$d/file.norm"
for f in redir pipe; do
	if ! cmp -s "$d/file.norm" "$d/$f.out"; then
		echo "tcpdump -r - ($f) differs from -r FILE:"
		diff "$d/file.norm" "$d/$f.out" | head -10
		fail=1
	fi
done
[ "$(wc -l < "$d/file.norm")" -gt 3 ] || { echo "too few lines:"; cat "$d/file.norm"; fail=1; }
want='tcpdump: truncated dump file; tried to read 4 file header bytes, only got 0
empty rc=1'
if [ "$(cat "$d/empty.out")" != "$want" ]; then
	echo "empty input:"; cat "$d/empty.out"; fail=1
fi
exit $fail
