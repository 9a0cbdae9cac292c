/* TUN (L3) and TAP (L2) devices (drivers/net/tun.c).  The other end of a
 * tun/tap device is a file: inside a pure world a queue that a task reads
 * and writes (tun_chr_read/tun_chr_write, like read()/write() on the fd of
 * /dev/net/tun); with a host interface, the real /dev/net/tun fd of a TAP
 * (or TUN) interface on the host, watched by the world's loop. */
#ifndef SKBOX_NET_TUN_H
#define SKBOX_NET_TUN_H

#include <sys/types.h>
#include "linux/types.h"

struct net_device;

/* include/uapi/linux/if_tun.h */
#define IFF_TUN		0x0001
#define IFF_TAP		0x0002
#define IFF_NAPI	0x0010
#define IFF_MULTI_QUEUE	0x0100
#define IFF_PERSIST	0x0800
#define IFF_NO_PI	0x1000
#define IFF_ONE_QUEUE	0x2000
#define IFF_VNET_HDR	0x4000
#define IFF_TUN_EXCL	0x8000
#define TUN_TYPE_MASK	0x000f

/* What `ip tuntap add` or `ip link add … type tap host-name H` asks for. */
struct tun_req {
	unsigned int flags;		/* IFF_TUN or IFF_TAP, IFF_NO_PI … ; 0 = none */
	char host[16];			/* host interface to join ("" = none) */
};

bool netif_is_tun(const struct net_device *dev);
unsigned int tun_get_flags(const struct net_device *dev);
/* The file side, as a program holding the fd sees it.  Attaching turns the
 * carrier on; a packet the stack sends waits in the queue (up to
 * tx_queue_len, then it is dropped) until read.  tun_chr_read() returns
 * the packet's length (truncated to len), -EAGAIN when the queue is empty
 * and !block, -EBADFD when not attached; blocking waits in the task.
 * tun_chr_write() injects one frame (TAP: Ethernet, TUN: an IP packet,
 * with a 4-byte packet-information header first unless IFF_NO_PI). */
int tun_chr_attach(struct net_device *dev);
void tun_chr_detach(struct net_device *dev);
ssize_t tun_chr_read(struct net_device *dev, void *buf, size_t len, bool block);
ssize_t tun_chr_write(struct net_device *dev, const void *buf, size_t len);

#endif
