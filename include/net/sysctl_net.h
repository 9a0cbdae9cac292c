/* The namespace's /proc/sys/net tree (net/core/sysctl_net.c): what procps
 * `sysctl` reads and writes.  Keys are paths relative to /proc/sys with '/'
 * separators ("net/ipv4/conf/all/rp_filter"); values are the text the
 * kernel's proc handlers print (no trailing newline) and parse. */
#ifndef SKBOX_NET_SYSCTL_NET_H
#define SKBOX_NET_SYSCTL_NET_H

#include <stddef.h>

struct net;

/* 0, or -ENOENT (no such key), -EISDIR (a directory), -ENOSPC. */
int sysctl_net_read(struct net *net, const char *key, char *buf, size_t len);
/* 0, or -ENOENT, -EINVAL (the handler rejected the value). */
int sysctl_net_write(struct net *net, const char *key, const char *val);
/* Every key under `prefix` ("" = all, else a directory path such as
 * "net/ipv4/conf/lo"), in the order `ls -R /proc/sys` would list them
 * (alphabetical per directory).  Stops when fn returns non-zero. */
int sysctl_net_for_each(struct net *net, const char *prefix,
			int (*fn)(const char *key, const char *val, void *arg), void *arg);

#endif
