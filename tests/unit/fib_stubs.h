/* Stubs for building test_fib.c with only the FIB files (isolated build):
 *   echo '#include "fib_stubs.h"' > /tmp/stubs.c
 *   gcc -std=c11 -D_GNU_SOURCE -Iinclude -Itests/unit /tmp/stubs.c tests/unit/test_fib.c \
 *       net/ipv4/fib_{trie,semantics,frontend}.c net/core/fib_rules.c net/ipv4/devinet.c -lcmocka
 * Not included by test_fib.c itself: the real build links libskbox.a. */
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include <string.h>
struct net_device *__dev_get_by_index(struct net *net, int ifindex)
{ struct net_device *d; for_each_netdev(net, d) if (d->ifindex == ifindex) return d; return NULL; }
struct net_device *__dev_get_by_name(struct net *net, const char *name)
{ struct net_device *d; for_each_netdev(net, d) if (!strcmp(d->name, name)) return d; return NULL; }
int list_netdevice(struct net *net, struct net_device *dev)
{ list_add_tail(&dev->dev_list, &net->dev_base_head); return 0; }
void rt_cache_flush(struct net *net) { (void)net; }
void rt_flush_dev(struct net_device *dev) { (void)dev; }
void dst_release(struct dst_entry *dst) { (void)dst; }
