#!/bin/bash
# Run a command script against the real Linux kernel in fresh net+mount namespaces, with IPv6
# disabled everywhere (so transcripts carry no IPv6 noise), and print a transcript: each
# non-empty, non-comment line as "# LINE", then its stdout+stderr.  A leading shell prompt
# such as "[root@localhost ~]# " is stripped first (the stripped command is echoed).
# Same form as /work/shared/tools/kernel-run.   Usage: kernel-run.sh FILE
[ -r "$1" ] || { echo "usage: $0 FILE" >&2; exit 2; }
script=$(readlink -f "$1")
# programs that have another name on the kernel side (tests/kernel/bin: httpd)
export PATH="$(dirname "$(readlink -f "$0")")/bin:$PATH"
exec unshare --net --mount --propagation private bash -c '
  mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns && mount -t sysfs sysfs /sys
  nov6() { sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
             net.ipv6.conf.lo.disable_ipv6=1 >/dev/null 2>&1; }
  nov6
  # "ip netns add NAME" also disables IPv6 inside the new namespace, silently.
  ip() {
    command ip "$@"; local rc=$?
    if [ $rc -eq 0 ] && [ "$1" = netns ] && [ "$2" = add ] && [ -n "$3" ]; then
      command ip netns exec "$3" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
        net.ipv6.conf.default.disable_ipv6=1 net.ipv6.conf.lo.disable_ipv6=1 >/dev/null 2>&1
    fi
    return $rc
  }
  while IFS= read -r line || [ -n "$line" ]; do
    line=$(printf "%s" "$line" | sed -E "s/^\[[^]]*\][#$] +//; s/^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ ]*[#$] +//")
    case "$line" in ""|"#"*) continue;; esac
    echo "# $line"
    eval "$line" 2>&1 </dev/null
  done < "$0"
  # background jobs, and what they started in the namespaces the script made
  # (a job "ip netns exec X nc -l ..." runs nc as a grandchild that kill misses)
  for ns in $(command ip netns list 2>/dev/null | cut -d" " -f1); do
    command ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
  done
  kill $(jobs -p) 2>/dev/null; wait 2>/dev/null' "$script"
