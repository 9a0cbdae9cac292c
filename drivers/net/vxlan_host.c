/* VXLAN over the host's real network (skbox only; `ip link add NAME type
 * vxlan id VNI ... host-underlay`).
 *
 * The inner side is the world's: the vxlan device sits on the world's
 * bridges and routes, learns, replicates head-end, keeps its FDB, exactly
 * as a device whose underlay is the world's IPv4 stack (vxlan.c).  The outer
 * IP and UDP headers are the host's: each datagram (VXLAN header + inner
 * frame) goes out through a real UDP socket of the skbox process, bound to
 * `local` (or any address) and `dstport`, and every datagram that socket
 * receives comes in as if from the world's encap socket.  So a world on one
 * machine and a Linux vxlan device (or another world) on another share an
 * Ethernet segment.
 *
 * With `group G` the socket joins G (IP_ADD_MEMBERSHIP on the interface of
 * `local`, the host's IGMP report): BUM traffic goes to G with TTL `ttl`
 * (1 when auto, as the kernel), and whatever any member sends to G comes in.
 *
 * The socket is opened when the device is created (so errors show at
 * `ip link add`), is non-blocking and watched by the world's loop; the
 * world must run in real time (skbox run --realtime). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <grp.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/trace.h"
#include "net/vxlan.h"
#include "net/world.h"


#define VXLAN_HOST_BURST	64		/* datagrams read per wake-up */
#define VXLAN_HOST_MAX		65536

static struct world *vxlan_world(const struct vxlan_dev *vxlan)
{
	return vxlan->net->world;
}

/* ---- transmit ---- */

void vxlan_host_xmit(struct vxlan_dev *vxlan, struct sk_buff *skb, const struct vxlan_rdst *rd)
{
	struct net_device *dev = vxlan->dev;
	u16 dport = rd->remote_port ? rd->remote_port : vxlan->cfg.dst_port;
	unsigned int inner_len = skb->len - ETH_HLEN;
	struct sockaddr_in to = { .sin_family = AF_INET };
	struct vxlanhdr vxh;
	ssize_t n;

	if (skb_cow_head(skb, sizeof(vxh))) {
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return;
	}
	/* the inner frame need not be 4-byte aligned here */
	vxh.vx_flags = htonl(VXLAN_HF_VNI);
	vxh.vx_vni = htonl(rd->remote_vni << 8);
	memcpy(skb_push(skb, sizeof(vxh)), &vxh, sizeof(vxh));
	to.sin_addr.s_addr = rd->remote_ip;
	to.sin_port = htons(dport);
	n = sendto(vxlan->host_fd, skb->data, skb->len, MSG_DONTWAIT, (struct sockaddr *)&to,
		   sizeof(to));
	if (n < 0) {
		/* EAGAIN: the host's socket buffer is full; ENETUNREACH ... */
		dev->stats.tx_errors++;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			dev->stats.tx_aborted_errors++;
		else
			dev->stats.tx_carrier_errors++;
		skb_drop_hint(skb, "the host UDP socket did not take the datagram");
		kfree_skb_reason(skb, SKB_DROP_REASON_FULL_RING);
		return;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += inner_len;
	consume_skb(skb);
}

/* ---- receive ---- */

/* one datagram (VXLAN header + inner frame) from the host socket */
static void vxlan_host_rcv(struct vxlan_dev *vxlan, const u8 *data, size_t len, __be32 from)
{
	struct sk_buff *skb;
	int vni;

	if (len < sizeof(struct vxlanhdr) + ETH_HLEN) {
		vxlan->host_rx_errors++;
		vxlan->dev->rx_dropped_core++;
		return;
	}
	/* NET_IP_ALIGN: the inner IPv4 header lands on a 4-byte boundary */
	skb = alloc_skb(&vxlan_world(vxlan)->skb_pool, NET_SKB_PAD + 2 + (unsigned int)len);
	if (!skb) {
		vxlan->dev->rx_dropped_core++;
		return;
	}
	skb_reserve(skb, NET_SKB_PAD + 2);
	skb_put_data(skb, data, (unsigned int)len);
	vni = vxlan_hdr_vni(skb, (const struct vxlanhdr *)skb->data);
	if (vni < 0) {
		vxlan->host_rx_errors++;
		kfree_skb_reason(skb, SKB_DROP_REASON_VXLAN_INVALID_HDR);
		return;
	}
	if ((u32)vni != vxlan->cfg.vni) {
		skb_drop_hint(skb, "no vxlan device with this VNI on the host socket");
		kfree_skb_reason(skb, SKB_DROP_REASON_VXLAN_VNI_NOT_FOUND);
		return;
	}
	skb_pull(skb, sizeof(struct vxlanhdr));
	vxlan_rcv_inner(vxlan, skb, from);
}

static void vxlan_host_readable(struct world *w, int fd, short revents, void *arg)
{
	struct vxlan_dev *vxlan = arg;

	if (revents & POLLNVAL) {
		world_unwatch_fd(w, fd);
		return;
	}
	for (int i = 0; i < VXLAN_HOST_BURST; i++) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(fd, vxlan->host_buf, VXLAN_HOST_MAX, MSG_DONTWAIT,
				     (struct sockaddr *)&from, &fl);

		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
			/* an ICMP error for an earlier datagram: nothing to read */
			continue;
		}
		if (n < 0)
			break;
		vxlan_host_rcv(vxlan, vxlan->host_buf, (size_t)n, from.sin_addr.s_addr);
	}
}

/* ---- the socket ---- */

/* as the host TAP (tun.c): once the socket is open no privilege can be
 * gained any more, and with `skbox run --user NAME` root becomes NAME */
static int vxlan_host_drop_privileges(struct world *w, struct netlink_ext_ack *extack)
{
	if (world_drop_privileges(w)) {
		NL_SET_ERR_MSG(extack, "cannot drop privileges (--user)");
		return -EPERM;
	}
	return 0;
}

static int vxlan_host_error(struct netlink_ext_ack *extack, const char *what, int err)
{
	static char msg[128];

	snprintf(msg, sizeof(msg), "host underlay: %s: %s", what, strerror(err));
	NL_SET_ERR_MSG(extack, msg);
	return -err;
}

/* the group's membership (the host sends the IGMP report), the interface
 * and TTL of what goes to it; our own datagrams do not come back */
static int vxlan_host_join(struct vxlan_dev *vxlan, int fd, struct netlink_ext_ack *extack)
{
	struct ip_mreq mreq = { 0 };
	struct in_addr ifaddr = { .s_addr = vxlan->cfg.saddr };
	int ttl = vxlan->cfg.ttl ? vxlan->cfg.ttl : 1, loop = 0;

	mreq.imr_multiaddr.s_addr = vxlan->cfg.remote_ip;
	mreq.imr_interface.s_addr = vxlan->cfg.saddr;
	if (setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq, sizeof(mreq)))
		return vxlan_host_error(extack, "cannot join the group", errno);
	if ((vxlan->cfg.saddr &&
	     setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &ifaddr, sizeof(ifaddr))) ||
	    setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof(ttl)) ||
	    setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof(loop)))
		return vxlan_host_error(extack, "cannot set the multicast options", errno);
	return 0;
}

/* a UDP socket on local:dstport (any:dstport with a group, whose datagrams
 * are addressed to the group) with the device's TTL and TOS */
static int vxlan_host_socket(struct vxlan_dev *vxlan, struct netlink_ext_ack *extack)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	bool group = ipv4_is_multicast(vxlan->cfg.remote_ip);
	int fd, err, v;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return vxlan_host_error(extack, "socket", errno);
	sin.sin_port = htons(vxlan->cfg.dst_port);
	sin.sin_addr.s_addr = group ? 0 : vxlan->cfg.saddr;
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin))) {
		err = vxlan_host_error(extack, "cannot bind the UDP socket", errno);
		close(fd);
		return err;
	}
	v = vxlan->cfg.ttl;
	if (v && setsockopt(fd, IPPROTO_IP, IP_TTL, &v, sizeof(v)))
		goto opt;
	v = vxlan->cfg.tos;
	if (v > 1 && setsockopt(fd, IPPROTO_IP, IP_TOS, &v, sizeof(v)))
		goto opt;
	v = IP_PMTUDISC_DONT;	/* df unset: the host may fragment the outer packet */
	if (setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &v, sizeof(v)))
		goto opt;
	if (group && (err = vxlan_host_join(vxlan, fd, extack))) {
		close(fd);
		return err;
	}
	return fd;
opt:
	err = vxlan_host_error(extack, "setsockopt", errno);
	close(fd);
	return err;
}

int vxlan_host_open(struct vxlan_dev *vxlan, struct netlink_ext_ack *extack)
{
	struct world *w = vxlan_world(vxlan);
	int fd, err;

	if (vxlan->cfg.remote_ifindex) {
		NL_SET_ERR_MSG(extack, "host underlay: 'dev' names a world device, not a host one");
		return -EINVAL;
	}
	if (!w->realtime) {
		NL_SET_ERR_MSG(extack, "a host underlay needs real time (skbox run --realtime)");
		return -EINVAL;
	}
	vxlan->host_buf = kmalloc(VXLAN_HOST_MAX);
	if (!vxlan->host_buf)
		return -ENOMEM;
	fd = vxlan_host_socket(vxlan, extack);
	if (fd < 0) {
		free(vxlan->host_buf);
		vxlan->host_buf = NULL;
		return fd;
	}
	err = world_watch_fd(w, fd, POLLIN, vxlan_host_readable, vxlan);
	if (!err)
		err = vxlan_host_drop_privileges(w, extack);
	vxlan->host_fd = fd;
	if (err)
		vxlan_host_close(vxlan);
	return err;
}

void vxlan_host_close(struct vxlan_dev *vxlan)
{
	if (vxlan->host_fd >= 0) {
		world_unwatch_fd(vxlan_world(vxlan), vxlan->host_fd);
		close(vxlan->host_fd);
		vxlan->host_fd = -1;
	}
	free(vxlan->host_buf);
	vxlan->host_buf = NULL;
}
