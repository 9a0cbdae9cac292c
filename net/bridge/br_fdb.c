/* The bridge forwarding database (net/bridge/br_fdb.c): which port a MAC
 * lives behind.  Learned entries age out after ageing_time (300 s); local
 * entries (ports' own MACs and the bridge's) are permanent. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "net/bridge.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/world.h"

static unsigned int br_mac_hash(const u8 *addr, u16 vid)
{
	u64 k = 0;

	/* the six bytes as one word, mixed by a multiply (fdb_mac_hash's
	 * jhash in Linux; this is cheaper and as good for a power-of-two table) */
	memcpy(&k, addr, ETH_ALEN);
	k = (k ^ ((u64)vid << 48)) * 0x9E3779B97F4A7C15ull;
	return (unsigned int)(k >> 56) % BR_HASH_SIZE;
}

static u64 br_now(const struct net_bridge *br)
{
	return dev_net(br->dev)->world->now;
}

struct net_bridge_fdb_entry *br_fdb_find(struct net_bridge *br, const u8 *addr, u16 vid)
{
	struct net_bridge_fdb_entry *f;

	for (f = br->hash[br_mac_hash(addr, vid)]; f; f = f->next)
		if (ether_addr_equal(f->addr, addr) && f->vlan_id == vid)
			return f;
	return NULL;
}

static struct net_bridge_fdb_entry *fdb_create(struct net_bridge *br,
					       struct net_bridge_port *p,
					       const u8 *addr, bool is_local,
					       bool is_static)
{
	struct net_bridge_fdb_entry *f = kzalloc(sizeof(*f));
	unsigned int h = br_mac_hash(addr, 0);

	if (!f)
		return NULL;
	memcpy(f->addr, addr, ETH_ALEN);
	f->dst = p;
	f->is_local = is_local;
	f->is_static = is_static;
	f->updated = f->used = br_now(br);
	f->next = br->hash[h];
	br->hash[h] = f;
	list_add_tail(&f->list, &br->fdb_list);
	br->fdb_count++;
	return f;
}

static void fdb_delete(struct net_bridge *br, struct net_bridge_fdb_entry *f)
{
	struct net_bridge_fdb_entry **pp = &br->hash[br_mac_hash(f->addr, f->vlan_id)];

	while (*pp && *pp != f)
		pp = &(*pp)->next;
	if (*pp)
		*pp = f->next;
	list_del(&f->list);
	br->fdb_count--;
	free(f);
}

static void br_fdb_arm_gc(struct net_bridge *br)
{
	struct net_bridge_fdb_entry *f;
	u64 next = UINT64_MAX;

	list_for_each_entry(f, &br->fdb_list, list)
		if (!f->is_static && f->updated + br->ageing_time < next)
			next = f->updated + br->ageing_time;
	if (next == UINT64_MAX)
		del_timer(&br->gc_timer);
	else if (!timer_pending(&br->gc_timer) || br->gc_timer.expires != next)
		mod_timer(&br->gc_timer, next);
}

/* br_fdb_cleanup(): drop learned entries not refreshed within ageing_time */
static void br_fdb_cleanup(struct timer_list *t)
{
	struct net_bridge *br = from_timer(br, t, gc_timer);
	struct net_bridge_fdb_entry *f, *n;
	u64 now = br_now(br);

	list_for_each_entry_safe(f, n, &br->fdb_list, list)
		if (!f->is_static && f->updated + br->ageing_time <= now)
			fdb_delete(br, f);
	br_fdb_arm_gc(br);
}

void br_fdb_init(struct net_bridge *br)
{
	INIT_LIST_HEAD(&br->fdb_list);
	timer_setup(&dev_net(br->dev)->world->timers, &br->gc_timer, br_fdb_cleanup);
}

void br_fdb_fini(struct net_bridge *br)
{
	struct net_bridge_fdb_entry *f, *n;

	del_timer(&br->gc_timer);
	list_for_each_entry_safe(f, n, &br->fdb_list, list)
		fdb_delete(br, f);
}

u64 br_gc_timer_remaining(const struct net_bridge *br)
{
	u64 now = br_now(br);

	if (!timer_pending(&br->gc_timer) || br->gc_timer.expires <= now)
		return 0;
	return br->gc_timer.expires - now;
}

int br_fdb_insert_local(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr)
{
	struct net_bridge_fdb_entry *f = br_fdb_find(br, addr, 0);

	if (f) {
		if (f->is_local)
			return 0;
		fdb_delete(br, f);	/* a learned entry gives way to a local one */
	}
	return fdb_create(br, p, addr, true, true) ? 0 : -ENOMEM;
}

void br_fdb_delete_by_port(struct net_bridge *br, struct net_bridge_port *p, bool do_all)
{
	struct net_bridge_fdb_entry *f, *n;

	list_for_each_entry_safe(f, n, &br->fdb_list, list) {
		if (f->dst != p)
			continue;
		if (!do_all && (f->is_static || f->added_by_user))
			continue;
		fdb_delete(br, f);
	}
	br_fdb_arm_gc(br);
}

/* The bridge's own MAC changed: its local entry (dst NULL) follows. */
void br_fdb_change_mac_address(struct net_bridge *br, const u8 *newaddr)
{
	struct net_bridge_fdb_entry *f = br_fdb_find(br, br->dev->dev_addr, 0);

	if (f && f->is_local && !f->dst)
		fdb_delete(br, f);
	if (!br_fdb_find(br, newaddr, 0))
		fdb_create(br, NULL, newaddr, true, true);
}

void br_fdb_changeaddr(struct net_bridge_port *p, const u8 *newaddr)
{
	struct net_bridge *br = p->br;
	struct net_bridge_fdb_entry *f, *n;

	list_for_each_entry_safe(f, n, &br->fdb_list, list)
		if (f->dst == p && f->is_local)
			fdb_delete(br, f);
	br_fdb_insert_local(br, p, newaddr);
}

/* br_fdb_update(): learn or refresh where a source MAC lives. */
void br_fdb_update(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr)
{
	struct net_bridge_fdb_entry *f = br_fdb_find(br, addr, 0);

	if (f) {
		if (f->is_local || f->is_static)
			return;		/* never move local or static entries */
		f->dst = p;
		f->updated = br_now(br);
	} else {
		f = fdb_create(br, p, addr, false, false);
		if (!f)
			return;
	}
	if (!timer_pending(&br->gc_timer))
		br_fdb_arm_gc(br);
}

int br_fdb_add_user(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr,
		    bool is_static, bool is_local)
{
	struct net_bridge_fdb_entry *f = br_fdb_find(br, addr, 0);

	if (f)
		return -EEXIST;
	f = fdb_create(br, p, addr, is_local, is_static || is_local);
	if (!f)
		return -ENOMEM;
	f->added_by_user = true;
	br_fdb_arm_gc(br);
	return 0;
}

int br_fdb_delete_user(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr)
{
	struct net_bridge_fdb_entry *f = br_fdb_find(br, addr, 0);

	if (!f || f->dst != p)
		return -ENOENT;
	fdb_delete(br, f);
	br_fdb_arm_gc(br);
	return 0;
}
