/* Multicast Listener Discovery (include/net/mld.h, include/net/if_inet6.h's
 * struct ifmcaddr6): the IPv6 groups a device has joined, MLDv1 (RFC 2710)
 * and MLDv2 (RFC 3810) messages. */
#ifndef SKBOX_NET_MLD_H
#define SKBOX_NET_MLD_H

#include <netinet/in.h>
#include "linux/types.h"
#include "linux/list.h"
#include "linux/timer.h"
#include "linux/skbuff.h"

struct net_device;
struct inet6_dev;

#define ICMPV6_MGM_QUERY 130
#define ICMPV6_MGM_REPORT 131
#define ICMPV6_MGM_REDUCTION 132
#define ICMPV6_MLD2_REPORT 143

/* MLDv2 group record types (RFC 3810 5.2.12) */
#define MLD2_MODE_IS_INCLUDE 1
#define MLD2_MODE_IS_EXCLUDE 2
#define MLD2_CHANGE_TO_INCLUDE 3
#define MLD2_CHANGE_TO_EXCLUDE 4

#define MLD_QRV_DEFAULT 2			/* robustness variable */
#define MLD_V1_UNSOLICITED_MS 10000
#define MLD_V2_UNSOLICITED_MS 1000

/* mca_flags */
#define MAF_TIMER_RUNNING 0x01
#define MAF_LAST_REPORTER 0x02
#define MAF_LOADED 0x04
#define MAF_NOREPORT 0x08

struct ifmcaddr6 {
	struct in6_addr mca_addr;
	struct inet6_dev *idev;
	struct list_head list;		/* in idev->mc_list, newest first */
	int mca_users;
	unsigned int mca_flags;
	int mca_crcount;		/* state-change records still to send */
	struct timer_list mca_timer;	/* v1 report / answer to a group query */
};

/* a left group's records still to send (idev->mc_tomb) */
struct ifmcaddr6_tomb {
	struct in6_addr mca_addr;
	struct list_head list;
	int mca_crcount;
};

/* net/ipv6/mcast.c */
int ipv6_dev_mc_inc(struct net_device *dev, const struct in6_addr *addr);
int ipv6_dev_mc_dec(struct net_device *dev, const struct in6_addr *addr);
bool ipv6_chk_mcast_addr(struct net_device *dev, const struct in6_addr *group);
void ipv6_mc_init_dev(struct inet6_dev *idev);
void ipv6_mc_destroy_dev(struct inet6_dev *idev);
void ipv6_mc_up(struct inet6_dev *idev);
void ipv6_mc_down(struct inet6_dev *idev);
void ipv6_mc_dad_complete(struct inet6_dev *idev);
int igmp6_event_query(struct sk_buff *skb);	/* consumes skb */
int igmp6_event_report(struct sk_buff *skb);	/* consumes skb */
/* parse a query (for tests): 0, or the drop reason */
int mld_parse_query(const u8 *msg, unsigned int len, struct in6_addr *group, u32 *max_delay_ms,
		    bool *v2);

#endif
