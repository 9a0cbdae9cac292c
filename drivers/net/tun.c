/* TUN and TAP devices (drivers/net/tun.c).  `ip tuntap add mode tun|tap
 * name N` makes one; its other end is a file.  What the stack sends on the
 * device (tun_net_xmit) goes to that file; what the file writes comes in
 * through netif_rx() (tun_get_user), as if received.
 *
 * Two kinds of file:
 *  - inside a pure world, a queue a task reads and writes
 *    (tun_chr_read/tun_chr_write): a scripted VPN program sees what a
 *    program holding /dev/net/tun would;
 *  - `ip link add N type tap host-name H`: the real /dev/net/tun fd of the
 *    host interface H (IFF_TAP|IFF_NO_PI, non-blocking), watched by the
 *    world's loop.  Needs real time (skbox run --realtime).
 *
 * A TAP is an Ethernet device; a TUN is point-to-point, NOARP, without a
 * link-layer header (ARPHRD_NONE, "link/none").  No file attached: no
 * carrier, and whatever is sent is dropped (DEV_READY), as in Linux. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <grp.h>
#include <sys/ioctl.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "linux/sched.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/sch_generic.h"
#include "net/tun.h"
#include "net/world.h"
#include "net/trace.h"

/* include/uapi/linux/if_tun.h: TUNSETIFF = _IOW('T', 202, int) */
#define TUNSETIFF	_IOW('T', 202, int)
#define TUN_HOST_BURST	64		/* frames read per wake-up, then the stack runs */
#define TUN_MAX_FRAME	65536

/* struct ifreq as TUNSETIFF reads it (name, then flags) */
struct tun_ifreq {
	char name[16];
	short flags;
	char pad[22];
};

struct tun_pi {
	__be16 flags;
	__be16 proto;
};

struct tun_struct {
	struct net_device *dev;
	unsigned int flags;		/* IFF_TUN/IFF_TAP | IFF_NO_PI | … */
	bool attached;			/* a file is open on it */
	struct sk_buff_head txq;	/* sent by the stack, not yet read */
	struct wait_queue_head wq;	/* readers */
	int host_fd;			/* host /dev/net/tun fd, -1 = none */
	char host[IFNAMSIZ];
	u8 *buf;			/* host reads land here */
};

extern const struct rtnl_link_ops tun_link_ops;

bool netif_is_tun(const struct net_device *dev)
{
	return dev->rtnl_link_ops == &tun_link_ops;
}

unsigned int tun_get_flags(const struct net_device *dev)
{
	return ((struct tun_struct *)netdev_priv(dev))->flags;
}

static struct world *tun_world(const struct tun_struct *tun)
{
	return dev_net(tun->dev)->world;
}

/* ---- the stack's side ---- */

static void tun_host_write(struct tun_struct *tun, struct sk_buff *skb)
{
	struct net_device *dev = tun->dev;
	unsigned int len = skb->len;
	ssize_t n;

	if (skb_linearize(skb)) {
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return;
	}
	n = write(tun->host_fd, skb->data, len);
	if (n != (ssize_t)len) {
		/* EAGAIN: the host's queue is full; a real NIC would drop too */
		skb_drop_hint(skb, "the host TAP did not take the frame");
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_FULL_RING);
		return;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	consume_skb(skb);
}

static netdev_tx_t tun_net_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct tun_struct *tun = netdev_priv(dev);

	if (!tun->attached) {
		skb_drop_hint(skb, "no program has the tun/tap file open");
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
		return NETDEV_TX_OK;
	}
	skb_orphan(skb);
	skb_dst_drop(skb);
	if (tun->host_fd >= 0) {
		tun_host_write(tun, skb);
		return NETDEV_TX_OK;
	}
	if (skb_queue_len(&tun->txq) >= dev->tx_queue_len) {
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_FULL_RING);
		return NETDEV_TX_OK;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	__skb_queue_tail(&tun->txq, skb);
	wake_up(&tun->wq);
	return NETDEV_TX_OK;
}

/* ---- the file's side: a frame written becomes a received packet ---- */

static int tun_get_user(struct tun_struct *tun, const u8 *data, size_t len)
{
	struct net_device *dev = tun->dev;
	struct sk_buff *skb;
	unsigned int align;
	__be16 proto = 0;

	if (!(tun->flags & IFF_NO_PI)) {
		struct tun_pi pi;

		if (len < sizeof(pi))
			return -EINVAL;
		memcpy(&pi, data, sizeof(pi));
		proto = pi.proto;
		data += sizeof(pi);
		len -= sizeof(pi);
	}
	if ((tun->flags & IFF_TAP) ? len < ETH_HLEN : len < 1)
		return -EINVAL;
	if (len > TUN_MAX_FRAME)
		return -EINVAL;
	/* NET_IP_ALIGN: after a 14-byte Ethernet header the IP header lands
	 * on a 4-byte boundary */
	align = (tun->flags & IFF_TAP) ? 2 : 0;
	skb = alloc_skb(&tun_world(tun)->skb_pool, NET_SKB_PAD + align + (unsigned int)len);
	if (!skb) {
		dev->rx_dropped_core++;
		return -ENOMEM;
	}
	skb_reserve(skb, NET_SKB_PAD + (int)align);
	skb_put_data(skb, data, (unsigned int)len);
	if (tun->flags & IFF_TAP) {
		skb->protocol = eth_type_trans(skb, dev);
	} else {
		/* TUN without packet information: the IP version says */
		if (!proto) {
			u8 v = data[0] >> 4;

			proto = v == 4 ? htons(ETH_P_IP) : v == 6 ? htons(ETH_P_IPV6) : 0;
		}
		if (!proto) {
			dev->rx_dropped_core++;
			kfree_skb_reason(skb, SKB_DROP_REASON_INVALID_PROTO);
			return -EINVAL;
		}
		skb->dev = dev;
		skb->protocol = proto;
		skb->pkt_type = PACKET_HOST;
		skb_reset_mac_header(skb);
	}
	skb_reset_network_header(skb);
	if (netif_rx(skb) == 0) {
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += len;
	}
	return 0;
}

/* ---- the in-world file ---- */

int tun_chr_attach(struct net_device *dev)
{
	struct tun_struct *tun = netdev_priv(dev);

	if (tun->attached)
		return -EBUSY;
	tun->attached = true;
	if (dev->flags & IFF_UP)
		netif_carrier_on(dev);
	return 0;
}

void tun_chr_detach(struct net_device *dev)
{
	struct tun_struct *tun = netdev_priv(dev);

	tun->attached = false;
	skb_queue_purge_reason(&tun->txq, SKB_DROP_REASON_DEV_READY);
	netif_carrier_off(dev);
	wake_up(&tun->wq);
}

ssize_t tun_chr_read(struct net_device *dev, void *buf, size_t len, bool block)
{
	struct tun_struct *tun = netdev_priv(dev);
	struct sk_buff *skb;
	size_t n = 0;

	while (skb_queue_empty(&tun->txq)) {
		int err;

		if (!tun->attached || tun->host_fd >= 0)
			return -EBADFD;
		if (!block)
			return -EAGAIN;
		err = task_wait(tun_world(tun), &tun->wq, 0);
		if (err)
			return err;
	}
	skb = __skb_dequeue(&tun->txq);
	if (!(tun->flags & IFF_NO_PI)) {
		struct tun_pi pi = { .flags = 0, .proto = skb->protocol };

		memcpy(buf, &pi, len < sizeof(pi) ? len : sizeof(pi));
		n = len < sizeof(pi) ? len : sizeof(pi);
	}
	if (n < len) {
		size_t m = len - n < skb->len ? len - n : skb->len;

		skb_copy_bits(skb, 0, (u8 *)buf + n, (int)m);
		n += m;
	}
	consume_skb(skb);
	return (ssize_t)n;
}

ssize_t tun_chr_write(struct net_device *dev, const void *buf, size_t len)
{
	struct tun_struct *tun = netdev_priv(dev);
	int err;

	if (!tun->attached || tun->host_fd >= 0)
		return -EBADFD;
	if (!(dev->flags & IFF_UP))
		return -EIO;
	err = tun_get_user(tun, buf, len);
	return err ? err : (ssize_t)len;
}

/* ---- the host TAP ---- */

static void tun_host_readable(struct world *w, int fd, short revents, void *arg)
{
	struct tun_struct *tun = arg;

	(void)w;
	if (revents & (POLLERR | POLLNVAL)) {
		/* the host interface went away: no carrier from now on */
		world_unwatch_fd(w, fd);
		netif_carrier_off(tun->dev);
		return;
	}
	for (int i = 0; i < TUN_HOST_BURST; i++) {
		ssize_t n = read(fd, tun->buf, TUN_MAX_FRAME);

		if (n <= 0)
			break;
		/* frames come in while the device is down too; Linux drops them */
		if (!(tun->dev->flags & IFF_UP))
			continue;
		if (tun_get_user(tun, tun->buf, (size_t)n))
			tun->dev->stats.rx_errors++;
	}
}

/* After the fd is open nothing else needs privileges: no privilege can be
 * gained any more (PR_SET_NO_NEW_PRIVS, kept across exec), and with
 * `skbox run --user NAME` a root process becomes NAME (supplementary
 * groups cleared, then gid, then uid: every capability goes with uid 0).
 * The open fd keeps working. */
static void tun_host_close(struct tun_struct *tun);

static int tun_drop_privileges(struct world *w, struct netlink_ext_ack *extack)
{
	if (world_drop_privileges(w)) {
		NL_SET_ERR_MSG(extack, "cannot drop privileges (--user)");
		return -EPERM;
	}
	return 0;
}

/* Open /dev/net/tun for the host interface (created when missing: that
 * needs CAP_NET_ADMIN; a TAP made with `ip tuntap add … user U` can be
 * opened by U without any privilege), non-blocking, and watch it. */
static int tun_host_open(struct tun_struct *tun, struct netlink_ext_ack *extack)
{
	struct tun_ifreq ifr = { .flags = (short)((tun->flags & TUN_TYPE_MASK) | IFF_NO_PI) };
	int fd, err;

	if (!tun_world(tun)->realtime) {
		NL_SET_ERR_MSG(extack, "a host TAP needs real time (skbox run --realtime)");
		return -EINVAL;
	}
	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		NL_SET_ERR_MSG(extack, "cannot open /dev/net/tun");
		return err;
	}
	snprintf(ifr.name, sizeof(ifr.name), "%s", tun->host);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		err = -errno;
		close(fd);
		NL_SET_ERR_MSG(extack, "cannot attach to the host interface (TUNSETIFF)");
		return err;
	}
	tun->buf = kmalloc(TUN_MAX_FRAME);
	if (!tun->buf) {
		close(fd);
		return -ENOMEM;
	}
	err = world_watch_fd(tun_world(tun), fd, POLLIN, tun_host_readable, tun);
	if (err) {
		free(tun->buf);
		tun->buf = NULL;
		close(fd);
		return err;
	}
	tun->host_fd = fd;
	tun->flags |= IFF_NO_PI;
	tun->attached = true;
	err = tun_drop_privileges(tun_world(tun), extack);
	if (err)
		tun_host_close(tun);
	return err;
}

static void tun_host_close(struct tun_struct *tun)
{
	if (tun->host_fd < 0)
		return;
	world_unwatch_fd(tun_world(tun), tun->host_fd);
	close(tun->host_fd);
	tun->host_fd = -1;
	free(tun->buf);
	tun->buf = NULL;
}

/* ---- the device ---- */

/* A tun/tap is not IFF_NO_QUEUE: Linux gives it the default qdisc when it
 * first goes up.  The driver never pushes back, so passing each packet
 * straight through (no enqueue) behaves as pfifo_fast would. */
struct Qdisc *qdisc_alloc(struct net_device *dev, const struct Qdisc_ops *ops);
static const struct Qdisc_ops tun_default_qdisc_ops = { .id = "pfifo_fast" };

static int tun_net_open(struct net_device *dev)
{
	struct tun_struct *tun = netdev_priv(dev);

	if (!dev->qdisc)
		dev->qdisc = qdisc_alloc(dev, &tun_default_qdisc_ops);
	if (tun->attached)
		netif_carrier_on(dev);
	return 0;
}

static int tun_net_close(struct net_device *dev)
{
	netif_carrier_off(dev);
	return 0;
}

static int tun_net_change_mtu(struct net_device *dev, int mtu)
{
	dev->mtu = (unsigned int)mtu;
	return 0;
}

static const struct net_device_ops tun_netdev_ops = {
	.ndo_open = tun_net_open,
	.ndo_stop = tun_net_close,
	.ndo_start_xmit = tun_net_xmit,
	.ndo_change_mtu = tun_net_change_mtu,
};

static void tun_setup(struct net_device *dev)
{
	struct tun_struct *tun = netdev_priv(dev);

	ether_setup(dev);
	dev->netdev_ops = &tun_netdev_ops;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE;
	dev->min_mtu = 68;
	dev->max_mtu = 65535 - ETH_HLEN;	/* MAX_MTU - hard_header_len */
	dev->carrier = 0;
	tun->dev = dev;
	tun->host_fd = -1;
	__skb_queue_head_init(&tun->txq);
	init_waitqueue_head(&tun->wq);
}

/* A TUN: no link-layer header, point-to-point, no ARP (tun_net_initialize). */
static void tun_setup_l3(struct net_device *dev)
{
	dev->header_ops = NULL;
	dev->type = ARPHRD_NONE;
	dev->hard_header_len = 0;
	dev->addr_len = 0;
	dev->max_mtu = 65535;
	dev->tx_queue_len = 500;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP | IFF_MULTICAST;
	memset(dev->dev_addr, 0, ETH_ALEN);
	memset(dev->broadcast, 0, ETH_ALEN);
}

static int tun_newlink(struct net *src_net, struct net_device *dev, struct link_req *req,
		       struct netlink_ext_ack *extack)
{
	struct tun_struct *tun = netdev_priv(dev);
	unsigned int type = req->tun.flags & TUN_TYPE_MASK;
	int err;

	if (type != IFF_TUN && type != IFF_TAP) {
		/* only the char device makes them (tun_validate) */
		NL_SET_ERR_MSG(extack, "tun/tap creation via rtnetlink is not supported.");
		return -EOPNOTSUPP;
	}
	tun->flags = req->tun.flags & ~IFF_TUN_EXCL;
	if (type == IFF_TUN)
		tun_setup_l3(dev);
	if (req->tun.host[0]) {
		snprintf(tun->host, sizeof(tun->host), "%s", req->tun.host);
		tun->flags &= ~IFF_PERSIST;
		err = tun_host_open(tun, extack);
		if (err)
			return err;
	}
	err = register_netdevice(req->net ? req->net : src_net, dev);
	if (err)
		tun_host_close(tun);
	return err;
}

static void tun_dellink(struct net_device *dev, struct list_head *head)
{
	struct tun_struct *tun = netdev_priv(dev);

	(void)head;
	tun_host_close(tun);
	tun->attached = false;
	skb_queue_purge_reason(&tun->txq, SKB_DROP_REASON_DEV_READY);
	unregister_netdevice(dev);
	free_netdev(dev);
}

/* `ip -d link show`: "tun type tap pi off vnet_hdr off persist on " */
static void tun_fill_info(const struct net_device *dev, void *out)
{
	const struct tun_struct *tun = netdev_priv(dev);
	FILE *f = out;

	fprintf(f, "type %s pi %s vnet_hdr %s ", (tun->flags & IFF_TUN) ? "tun" : "tap",
		(tun->flags & IFF_NO_PI) ? "off" : "on", (tun->flags & IFF_VNET_HDR) ? "on" : "off");
	if (tun->flags & IFF_MULTI_QUEUE)
		fputs("multi_queue numqueues 1 numdisabled 0 ", f);
	fprintf(f, "persist %s ", (tun->flags & IFF_PERSIST) ? "on" : "off");
	if (tun->host[0])
		fprintf(f, "host-name %s ", tun->host);
}

const struct rtnl_link_ops tun_link_ops = {
	.kind = "tun",
	.priv_size = sizeof(struct tun_struct),
	.setup = tun_setup,
	.newlink = tun_newlink,
	.dellink = tun_dellink,
	.fill_info = tun_fill_info,
};
