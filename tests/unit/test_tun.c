// SPDX-License-Identifier: GPL-2.0
/* Unit tests for drivers/net/tun.c inside a pure world: the file side of a
 * TUN is a queue a program reads and writes.  A "VPN program" here is the
 * test itself: it reads the echo request ping sent into tun0 and writes the
 * reply back, as a program holding /dev/net/tun would. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "helpers.h"
#include "net/tun.h"

static struct net_device *tun_add(struct net *net, const char *name, unsigned int flags)
{
	struct link_req r;
	struct netlink_ext_ack ea = {0};

	link_req_init(&r);
	snprintf(r.name, sizeof(r.name), "%s", name);
	r.kind = "tun";
	r.tun.flags = flags | IFF_PERSIST;
	if (rtnl_newlink(net, &r, &ea))
		return NULL;
	return __dev_get_by_name(net, name);
}

static u16 csum16(const u8 *p, size_t len)
{
	u32 sum = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (u32)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (u32)(p[len - 1] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

/* Turn an IPv4 ICMP echo request into its reply, in place. */
static void make_echo_reply(u8 *pkt, size_t len)
{
	size_t ihl = (size_t)(pkt[0] & 15) * 4;
	u8 tmp[4];
	u16 c;

	memcpy(tmp, pkt + 12, 4);
	memcpy(pkt + 12, pkt + 16, 4);
	memcpy(pkt + 16, tmp, 4);
	pkt[10] = pkt[11] = 0;
	c = csum16(pkt, ihl);
	pkt[10] = (u8)(c >> 8);
	pkt[11] = (u8)c;
	pkt[ihl] = 0;		/* echo reply */
	pkt[ihl + 2] = pkt[ihl + 3] = 0;
	c = csum16(pkt + ihl, len - ihl);
	pkt[ihl + 2] = (u8)(c >> 8);
	pkt[ihl + 3] = (u8)c;
}

static void test_tun_vpn_roundtrip(void **state)
{
	struct world *w = world_new(5);
	struct net *net = w->init_net;
	struct net_device *dev;
	struct h_job j;
	u8 pkt[2048];
	ssize_t n;

	(void)state;
	dev = tun_add(net, "tun0", IFF_TUN | IFF_NO_PI);
	assert_non_null(dev);
	assert_true(netif_is_tun(dev));
	assert_int_equal(dev->type, ARPHRD_NONE);
	assert_int_equal(h_addr(net, "tun0", "10.9.0.1", 24), 0);
	assert_int_equal(h_up(net, "tun0"), 0);
	/* nobody has the file open: no carrier, the packet is dropped */
	assert_int_not_equal(h_run(w, net, "ping -c 1 -W 1 10.9.0.2", 5 * T_SEC, NULL), 0);
	assert_true(dev->tx_dropped_core >= 1);
	assert_int_equal(tun_chr_read(dev, pkt, sizeof(pkt), false), -EBADFD);

	assert_int_equal(tun_chr_attach(dev), 0);
	assert_int_equal(tun_chr_attach(dev), -EBUSY);
	assert_int_equal(tun_chr_read(dev, pkt, sizeof(pkt), false), -EAGAIN);
	h_job_init(&j, w, net, "ping -c 1 -W 1 10.9.0.2");
	h_job_start(&j);
	assert_int_equal(h_advance_to(w, w->now + T_MS), -ETIMEDOUT);
	/* the echo request, a bare IPv4 packet (no PI, no Ethernet header) */
	n = tun_chr_read(dev, pkt, sizeof(pkt), false);
	assert_int_equal(n, 84);
	assert_int_equal(pkt[0], 0x45);
	assert_int_equal(pkt[9], 1);	/* ICMP */
	assert_int_equal(pkt[20], 8);	/* echo request */
	make_echo_reply(pkt, (size_t)n);
	assert_int_equal(tun_chr_write(dev, pkt, (size_t)n), n);
	/* garbage (not IPv4/IPv6) is refused */
	pkt[0] = 0x15;
	assert_int_equal(tun_chr_write(dev, pkt, (size_t)n), -EINVAL);
	assert_int_equal(world_run(w, h_task_dead, j.task, w->now + 5 * T_SEC), 0);
	assert_int_equal(j.rc, 0);
	h_job_finish(&j);
	assert_non_null(strstr(j.buf, "1 packets transmitted, 1 received"));
	h_job_free(&j);
	assert_int_equal(dev->stats.rx_packets, 1);
	tun_chr_detach(dev);
	assert_int_equal(world_free(w, stderr), 0);
}

/* A TAP with packet information: each read starts with flags and the
 * EtherType, then the Ethernet frame (here ping's ARP request). */
static void test_tap_pi_arp(void **state)
{
	struct world *w = world_new(6);
	struct net *net = w->init_net;
	struct net_device *dev;
	struct h_job j;
	u8 buf[2048];
	ssize_t n;

	(void)state;
	dev = tun_add(net, "tap0", IFF_TAP);
	assert_non_null(dev);
	assert_int_equal(dev->type, ARPHRD_ETHER);
	assert_int_equal(h_addr(net, "tap0", "10.8.0.1", 24), 0);
	assert_int_equal(h_up(net, "tap0"), 0);
	assert_int_equal(tun_chr_attach(dev), 0);
	h_job_init(&j, w, net, "ping -c 1 -W 1 10.8.0.2");
	h_job_start(&j);
	assert_int_equal(h_advance_to(w, w->now + T_MS), -ETIMEDOUT);
	n = tun_chr_read(dev, buf, sizeof(buf), false);
	assert_int_equal(n, 4 + 42);
	assert_int_equal(buf[2], 0x08);	/* pi.proto = ETH_P_ARP */
	assert_int_equal(buf[3], 0x06);
	assert_memory_equal(buf + 4, "\xff\xff\xff\xff\xff\xff", 6);
	/* a frame shorter than an Ethernet header is refused */
	assert_int_equal(tun_chr_write(dev, buf, 4 + 10), -EINVAL);
	assert_int_equal(world_run(w, h_task_dead, j.task, w->now + 10 * T_SEC), 0);
	h_job_free(&j);
	/* ARP retries are still queued: deleting the device frees them */
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tun_vpn_roundtrip),
		cmocka_unit_test(test_tap_pi_arp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
