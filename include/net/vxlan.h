/* VXLAN (include/net/vxlan.h, RFC 7348): an Ethernet segment carried in
 * UDP datagrams of the world's own IPv4 stack.  The device's configuration
 * (what `ip link add ... type vxlan ...` asks for), its forwarding database
 * (remote VTEPs by inner MAC, `bridge fdb ... dev vxlan0`) and the UDP
 * encapsulation socket that receives on the destination port. */
#ifndef SKBOX_NET_VXLAN_H
#define SKBOX_NET_VXLAN_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/netdevice.h"
#include "net/neighbour.h"

struct net;
struct sock;
struct sk_buff;
struct netlink_ext_ack;

#define VXLAN_HLEN		16	/* UDP (8) + VXLAN (8) */
#define VXLAN_HEADROOM		50	/* IPv4 (20) + VXLAN_HLEN + inner Ethernet (14) */
#define VXLAN_N_VID		(1u << 24)
#define IANA_VXLAN_UDP_PORT	4789
#define VXLAN_LINUX_PORT	8472	/* the kernel's default, from before IANA */
#define VXLAN_FDB_HASH_BITS	8
#define VXLAN_FDB_HASH_SIZE	(1u << VXLAN_FDB_HASH_BITS)
#define FDB_AGE_DEFAULT		300	/* seconds */

/* the VXLAN header: flags (the I bit: a VNI is present) and VNI << 8 */
struct vxlanhdr {
	__be32 vx_flags;
	__be32 vx_vni;
};

#define VXLAN_HF_VNI 0x08000000u	/* host order, in vx_flags */

/* cfg.flags (include/net/vxlan.h VXLAN_F_*) */
#define VXLAN_F_LEARN			0x01
#define VXLAN_F_PROXY			0x02
#define VXLAN_F_RSC			0x04
#define VXLAN_F_L2MISS			0x08
#define VXLAN_F_L3MISS			0x10
#define VXLAN_F_UDP_ZERO_CSUM_TX	0x40
#define VXLAN_F_TTL_INHERIT		0x10000
/* skbox: the underlay is the host's real network (`host-underlay`): the
 * datagrams go through a real UDP socket of the process (vxlan_host.c) */
#define VXLAN_F_HOST_UNDERLAY		0x80000000u

/* What IFLA_VXLAN_* attributes carry (a link_req's info_data for "vxlan"). */
struct vxlan_config {
	u32 vni;			/* host order, < 2^24 */
	__be32 remote_ip;		/* remote or group */
	__be32 saddr;			/* local */
	int remote_ifindex;		/* dev PHYS_DEV */
	u16 dst_port;			/* host order; 0 = the kernel default 8472 */
	u16 port_min, port_max;		/* srcport MIN MAX; 0 0 = ip_local_port_range */
	u8 ttl;				/* 0 = auto */
	u8 tos;				/* 1 = inherit */
	u32 flags;			/* VXLAN_F_* */
	u32 age_interval;		/* seconds, 0 = no ageing */
	u32 addrmax;			/* 0 = unlimited */
};

/* one destination of an FDB entry */
struct vxlan_rdst {
	struct list_head list;
	__be32 remote_ip;
	u16 remote_port;		/* host order */
	u32 remote_vni;
	int remote_ifindex;
};

/* an FDB entry: an inner MAC (00:00:00:00:00:00 = everything unknown) and
 * its remote VTEPs; more than one remote is head-end replication */
struct vxlan_fdb {
	struct list_head hlist;		/* in vxlan_dev.fdb_head[hash] */
	struct list_head fdb_node;	/* in vxlan_dev.fdb_list, newest first (the dump order) */
	struct list_head remotes;
	u8 eth_addr[ETH_ALEN];
	u16 state;			/* NUD_* */
	u8 flags;			/* NTF_* */
	u64 updated;			/* ns, virtual time */
	u64 used;
};

/* the encapsulation socket of one UDP port, shared by the devices using it */
struct vxlan_sock {
	struct sock *sk;
	struct list_head devs;		/* struct vxlan_dev by vs_node */
	int refcnt;
	u16 port;
};

struct vxlan_dev {
	struct net_device *dev;
	struct net *net;		/* where the socket and the underlay live */
	struct vxlan_config cfg;
	struct vxlan_rdst default_dst;
	struct vxlan_sock *vn4_sock;
	struct list_head vs_node;
	struct list_head fdb_head[VXLAN_FDB_HASH_SIZE];
	struct list_head fdb_list;
	unsigned int addrcnt;
	int host_fd;			/* host UDP socket (host-underlay), -1 = none */
	u8 *host_buf;			/* host reads land here */
	u64 host_rx_errors;		/* datagrams the host socket gave that were not VXLAN */
};

bool netif_is_vxlan(const struct net_device *dev);
static inline struct vxlan_dev *vxlan_from_dev(const struct net_device *dev)
{
	return netif_is_vxlan(dev) ? (struct vxlan_dev *)netdev_priv(dev) : NULL;
}

/* `bridge fdb add|append|replace|del` (vxlan_fdb_add / vxlan_fdb_delete):
 * nlflags NLM_F_CREATE|EXCL (add), |APPEND (append), |REPLACE (replace). */
struct vxlan_fdb_req {
	u8 mac[ETH_ALEN];
	__be32 ip;
	bool has_ip;
	u16 port;			/* 0 = the device's */
	u32 vni;
	bool has_vni;
	int ifindex;			/* via DEV */
	u16 state;
	u32 nlflags;
};

int vxlan_fdb_add(struct net_device *dev, const struct vxlan_fdb_req *req);
int vxlan_fdb_delete(struct net_device *dev, const struct vxlan_fdb_req *req);
/* entries in the kernel's dump order; ageing first */
void vxlan_fdb_walk(struct net_device *dev,
		    void (*fn)(void *arg, const struct vxlan_fdb *f, const struct vxlan_rdst *rd),
		    void *arg);
struct net_device *vxlan_lower_dev(const struct net_device *dev);
/* receive, shared by the world's encap socket and the host socket: the
 * VNI of a VXLAN header (-EINVAL: no I flag or reserved bits set), and the
 * inner frame (skb->data at the inner Ethernet header) from src_ip */
int vxlan_hdr_vni(struct sk_buff *skb, const struct vxlanhdr *vxh);
int vxlan_rcv_inner(struct vxlan_dev *vxlan, struct sk_buff *skb, __be32 src_ip);

/* drivers/net/vxlan_host.c: the host UDP underlay (skbox only) */
int vxlan_host_open(struct vxlan_dev *vxlan, struct netlink_ext_ack *extack);
void vxlan_host_close(struct vxlan_dev *vxlan);
void vxlan_host_xmit(struct vxlan_dev *vxlan, struct sk_buff *skb, const struct vxlan_rdst *rd);

/* the netdevice notifier: a vxlan goes with its lower device */
int vxlan_netdevice_event(struct net_device *dev, unsigned long event);

#endif
