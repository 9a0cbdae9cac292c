/* IPv4 multicast group membership (include/linux/igmp.h, net/ipv4/igmp.c):
 * the groups an in_device has joined, the IGMP reports that announce them
 * (RFC 2236 v2, RFC 3376 v3) and the check the input route makes. */
#ifndef SKBOX_LINUX_IGMP_H
#define SKBOX_LINUX_IGMP_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/timer.h"

struct in_device;
struct sk_buff;
struct world;

#define IGMP_HOST_MEMBERSHIP_QUERY	0x11
#define IGMP_HOST_MEMBERSHIP_REPORT	0x12	/* v1 */
#define IGMPV2_HOST_MEMBERSHIP_REPORT	0x16
#define IGMP_HOST_LEAVE_MESSAGE		0x17
#define IGMPV3_HOST_MEMBERSHIP_REPORT	0x22

#define IGMPV3_MODE_IS_EXCLUDE		2
#define IGMPV3_CHANGE_TO_INCLUDE	3
#define IGMPV3_CHANGE_TO_EXCLUDE	4

#define IGMP_ALL_HOSTS		htonl(0xE0000001L)	/* 224.0.0.1 */
#define IGMP_ALL_ROUTER		htonl(0xE0000002L)	/* 224.0.0.2 */
#define IGMPV3_ALL_MCR		htonl(0xE0000016L)	/* 224.0.0.22 */

/* one joined group of a device (struct ip_mc_list) */
struct ip_mc_list {
	struct list_head list;		/* in ip_mc_dev.groups, newest first (/proc/net/igmp order) */
	struct in_device *interface;
	__be32 multiaddr;
	int users;
	bool loaded;			/* its MAC is in the device's filter (ip_mc_filter_add) */
	bool reporter;			/* v1/v2: we sent the last report, so we send the leave */
	u8 unsolicit_count;		/* v1/v2: reports still to send after the join */
	u8 crcount;			/* v3: how often its TO_EX record is still sent */
	struct timer_list timer;	/* v1/v2: the next report */
};

/* the IGMP state of one in_device (the in_device's mc_* fields in Linux) */
struct ip_mc_dev {
	struct in_device *in_dev;
	struct list_head groups;	/* struct ip_mc_list */
	struct list_head tombs;		/* v3: left groups whose TO_IN record is still sent */
	struct timer_list ifc_timer;	/* v3: state-change reports */
	u8 ifc_count;
	struct timer_list gq_timer;	/* v3: the answer to a general query */
	u64 v1_seen, v2_seen;		/* ns: an older querier was heard until then */
};

int ip_mc_inc_group(struct in_device *in_dev, __be32 addr);
int ip_mc_dec_group(struct in_device *in_dev, __be32 addr);
/* the device joined the group (ip_check_mc_rcu; no source filters here) */
bool ip_check_mc_rcu(struct in_device *in_dev, __be32 mc_addr, __be32 src_addr, u8 proto);
void ip_mc_up(struct in_device *in_dev);
void ip_mc_down(struct in_device *in_dev);
void ip_mc_destroy_dev(struct in_device *in_dev);
/* the groups, for `ip maddr` (NULL: none) */
const struct list_head *ip_mc_groups(const struct in_device *in_dev);
int igmp_rcv(struct sk_buff *skb);
void igmp_proto_init(struct world *w);

#endif
