# iptables-restore from a file: chains, policies, counters (-c), comments, --noflush, errors
iptables -A FORWARD -j DROP
iptables-restore tests/transcripts/iptables-restore.rules; echo rc=$?
iptables-save -t filter
iptables -t mangle -S
iptables-restore -c tests/transcripts/iptables-restore.rules; echo rc=$?
iptables-save -c -t filter
iptables-restore -n tests/transcripts/iptables-restore.rules2; echo rc=$?
iptables -S
iptables-restore --noflush tests/transcripts/iptables-restore.rules2; echo rc=$?
iptables -L INPUT -n --line-numbers
iptables-restore tests/transcripts/iptables-restore.rules2; echo rc=$?
iptables -S
iptables-restore tests/transcripts/iptables-bad.rules; echo rc=$?
iptables-restore tests/transcripts/nosuchfile; echo rc=$?
iptables -S
