// SPDX-License-Identifier: GPL-2.0
/* Unit tests for IPv6 address configuration: the ND option parser and the
 * router advertisement checks (malformed options), MLD query parsing,
 * duplicate address detection between two namespaces (dadfailed and the
 * kernel message, accept_dad=2), address lifetimes, and router
 * advertisements received (default route, SLAAC, malformed ones ignored). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "helpers.h"
#include "skbox/socket.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/mld.h"
#include "net/ndisc.h"
#include "uapi/rtnetlink.h"

static struct in6_addr A6(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

/* ---- parsers ---- */

static void test_parse_options(void **state)
{
	struct ndisc_options o;
	u8 buf[128] = { 0 };

	(void)state;
	assert_int_equal(ndisc_parse_options(buf, 0, &o), 0);
	/* a zero length, an overrun, one byte left */
	memset(buf, 0, sizeof(buf));
	buf[0] = ND_OPT_SOURCE_LL_ADDR;
	assert_int_equal(ndisc_parse_options(buf, 8, &o), -EINVAL);
	buf[1] = 2;
	assert_int_equal(ndisc_parse_options(buf, 8, &o), -EINVAL);
	buf[1] = 1;
	assert_int_equal(ndisc_parse_options(buf, 9, &o), -EINVAL);
	/* the first of a duplicate kept, unknown skipped, prefixes listed */
	memset(buf, 0, sizeof(buf));
	buf[0] = ND_OPT_SOURCE_LL_ADDR, buf[1] = 1, buf[2] = 0xaa;
	buf[8] = ND_OPT_SOURCE_LL_ADDR, buf[9] = 1, buf[10] = 0xbb;
	buf[16] = 200, buf[17] = 1;
	buf[24] = ND_OPT_PREFIX_INFO, buf[25] = 4;
	buf[56] = ND_OPT_MTU, buf[57] = 1;
	assert_int_equal(ndisc_parse_options(buf, 64, &o), 0);
	assert_ptr_equal(o.src_lladdr, buf);
	assert_int_equal(o.src_lladdr[2], 0xaa);
	assert_int_equal(o.n_pi, 1);
	assert_ptr_equal(o.pi[0], buf + 24);
	assert_ptr_equal(o.mtu, buf + 56);
	assert_null(o.nonce);
	/* more prefixes than kept: the rest ignored, not an error */
	for (int i = 0; i < 16; i++)
		buf[8 * i] = ND_OPT_PREFIX_INFO, buf[8 * i + 1] = 1;
	assert_int_equal(ndisc_parse_options(buf, 128, &o), 0);
	assert_int_equal(o.n_pi, 16);
}

static void test_ra_check(void **state)
{
	struct in6_addr ll = A6("fe80::1"), global = A6("2001:db8::1");
	struct ndisc_options o;
	u8 ra[64];

	(void)state;
	memset(ra, 0, sizeof(ra));
	ra[0] = NDISC_ROUTER_ADVERTISEMENT;
	assert_int_equal(ndisc_ra_check(ra, 16, &ll, &o), 0);
	assert_int_equal(ndisc_ra_check(ra, 16, &global, &o),
			 SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
	assert_int_equal(ndisc_ra_check(ra, 12, &ll, &o), SKB_DROP_REASON_PKT_TOO_SMALL);
	/* an option with length 0 */
	ra[16] = ND_OPT_SOURCE_LL_ADDR;
	assert_int_equal(ndisc_ra_check(ra, 24, &ll, &o), SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
	/* an MTU option of 16 bytes */
	ra[16] = ND_OPT_MTU, ra[17] = 2;
	assert_int_equal(ndisc_ra_check(ra, 32, &ll, &o), SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
	/* good: source link-layer address and MTU */
	ra[16] = ND_OPT_SOURCE_LL_ADDR, ra[17] = 1;
	ra[24] = ND_OPT_MTU, ra[25] = 1;
	assert_int_equal(ndisc_ra_check(ra, 32, &ll, &o), 0);
	assert_non_null(o.src_lladdr);
	assert_non_null(o.mtu);
}

static void test_mld_query(void **state)
{
	struct in6_addr g;
	u32 ms;
	bool v2;
	u8 q[64];

	(void)state;
	memset(q, 0, sizeof(q));
	q[0] = ICMPV6_MGM_QUERY;
	q[4] = 0x27, q[5] = 0x10;	/* 10000 ms */
	assert_int_equal(mld_parse_query(q, 24, &g, &ms, &v2), 0);
	assert_false(v2);
	assert_int_equal(ms, 10000);
	assert_true(ipv6_addr_any(&g));
	assert_int_equal(mld_parse_query(q, 26, &g, &ms, &v2), SKB_DROP_REASON_PKT_TOO_SMALL);
	assert_int_equal(mld_parse_query(q, 20, &g, &ms, &v2), SKB_DROP_REASON_PKT_TOO_SMALL);
	assert_int_equal(mld_parse_query(q, 28, &g, &ms, &v2), 0);
	assert_true(v2);
	/* exponent form: 0x8000 | exp 1 | mant 0 = (0x1000) << 4 */
	q[4] = 0x90, q[5] = 0x00;
	assert_int_equal(mld_parse_query(q, 28, &g, &ms, &v2), 0);
	assert_int_equal(ms, 0x1000 << 4);
	/* sources announced but missing */
	q[27] = 2;
	assert_int_equal(mld_parse_query(q, 28 + 16, &g, &ms, &v2), SKB_DROP_REASON_PKT_TOO_SMALL);
	assert_int_equal(mld_parse_query(q, 28 + 32, &g, &ms, &v2), 0);
	/* a group that is not multicast */
	q[27] = 0;
	q[8] = 0x20, q[9] = 0x01;
	assert_int_not_equal(mld_parse_query(q, 28, &g, &ms, &v2), 0);
}

/* ---- two namespaces over veth ---- */

struct rig {
	struct world *w;
	struct net *a, *b;
	struct net_device *va, *vb;
	int errs;
	const u8 *ra;
	size_t ra_len;
};

static void rig_build(struct rig *r, int accept_dad_b, bool same_mac)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(11);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	r->b->ipv6.devconf_dflt.data[DEVCONF_ACCEPT_DAD] = accept_dad_b;
	/* a probes at once, b up to 5 s later: a's probe reaches b first */
	r->a->ipv6.devconf_dflt.data[DEVCONF_ROUTER_SOLICITATION_DELAY] = 0;
	r->b->ipv6.devconf_dflt.data[DEVCONF_ROUTER_SOLICITATION_DELAY] = 5;
	r->va = h_link(r->a, "veth", "va", "vb", r->b);
	assert_non_null(r->va);
	r->vb = __dev_get_by_name(r->b, "vb");
	assert_non_null(r->vb);
	if (same_mac)
		memcpy(r->vb->dev_addr, r->va->dev_addr, ETH_ALEN);
	assert_int_equal(h_up(r->a, "va"), 0);
	assert_int_equal(h_up(r->b, "vb"), 0);
}

static struct inet6_ifaddr *ifa_of(struct net *net, const char *a)
{
	struct in6_addr x = A6(a);

	return ipv6_get_ifaddr(net, &x, NULL);
}

static bool log_has(struct world *w, const char *s)
{
	fflush(w->log);
	return w->log_buf && strstr(w->log_buf, s);
}

static void test_dad_failure(void **state)
{
	struct inet6_ifaddr *ifa;
	struct rig r;
	char msg[128];

	(void)state;
	rig_build(&r, 1, false);
	assert_int_equal(h_run(r.w, r.a, "ip addr add 2001:db8::1/64 dev va", T_SEC, NULL), 0);
	ifa = ifa_of(r.a, "2001:db8::1");
	assert_non_null(ifa);
	assert_true(ifa->flags & IFA_F_TENTATIVE);
	assert_false(ipv6_chk_addr(r.a, &ifa->addr, NULL));
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_false(ifa->flags & IFA_F_TENTATIVE);
	assert_true(ipv6_chk_addr(r.a, &ifa->addr, NULL));
	/* the same address on b: a defends it, b's DAD fails */
	assert_int_equal(h_run(r.w, r.b, "ip addr add 2001:db8::1/64 dev vb", T_SEC, NULL), 0);
	h_advance_to(r.w, r.w->now + 7 * T_SEC);
	ifa = ifa_of(r.b, "2001:db8::1");
	assert_non_null(ifa);
	assert_int_equal(ifa->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED),
			 IFA_F_TENTATIVE | IFA_F_DADFAILED);
	snprintf(msg, sizeof(msg),
		 "IPv6: vb: IPv6 duplicate address 2001:db8::1 used by %02x:%02x:%02x:%02x:%02x:%02x "
		 "detected!", r.va->dev_addr[0], r.va->dev_addr[1], r.va->dev_addr[2],
		 r.va->dev_addr[3], r.va->dev_addr[4], r.va->dev_addr[5]);
	assert_true(log_has(r.w, msg));
	assert_int_equal(r.a->ipv6.icmp6msg_out[NDISC_NEIGHBOUR_ADVERTISEMENT], 1);
	/* a still has it, usable */
	assert_false(ifa_of(r.a, "2001:db8::1")->flags & IFA_F_TENTATIVE);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* accept_dad=2: the MAC-based link-local address is taken, IPv6 goes off */
static void test_accept_dad_2(void **state)
{
	struct inet6_dev *idev;
	struct rig r;

	(void)state;
	rig_build(&r, 2, true);
	h_advance_to(r.w, r.w->now + 7 * T_SEC);
	idev = __in6_dev_get(r.vb);
	assert_int_equal(idev->cnf.data[DEVCONF_DISABLE_IPV6], 1);
	assert_true(list_empty(&idev->addr_list));
	assert_true(log_has(r.w, "IPv6: vb: IPv6 being disabled!"));
	/* a probed first: b failed before its own probe, a's address is usable */
	idev = __in6_dev_get(r.va);
	assert_false(list_empty(&idev->addr_list));
	assert_false(list_first_entry(&idev->addr_list, struct inet6_ifaddr, if_list)->flags &
		     (IFA_F_DADFAILED | IFA_F_TENTATIVE));
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_lifetimes(void **state)
{
	struct inet6_ifaddr *ifa;
	u32 valid, pref;
	struct rig r;

	(void)state;
	rig_build(&r, 1, false);
	assert_int_equal(h_run(r.w, r.a, "ip addr add 2001:db8::7/64 dev va nodad "
				       "valid_lft 10 preferred_lft 5", T_SEC, NULL), 0);
	ifa = ifa_of(r.a, "2001:db8::7");
	assert_non_null(ifa);
	assert_false(ifa->flags & IFA_F_PERMANENT);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	inet6_ifa_lifetimes(ifa, &valid, &pref);
	assert_int_equal(valid, 7);
	assert_int_equal(pref, 2);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_true(ifa->flags & IFA_F_DEPRECATED);
	h_advance_to(r.w, r.w->now + 5 * T_SEC);
	assert_null(ifa_of(r.a, "2001:db8::7"));
	/* preferred above valid is refused */
	assert_int_not_equal(h_run(r.w, r.a, "ip addr add 2001:db8::8/64 dev va "
					   "valid_lft 5 preferred_lft 10", T_SEC, NULL), 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* ---- router advertisements from a raw socket in a ---- */

static int ra_task(void *arg)
{
	struct rig *r = arg;
	struct sockaddr_in6 to = { .sin6_family = AF_INET6 };
	int fd = skbox_socket(r->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6), hops = 255;

	if (fd < 0) {
		r->errs++;
		return 0;
	}
	skbox_setsockopt(r->w, fd, IPPROTO_IPV6, 16 /* IPV6_UNICAST_HOPS */, &hops, sizeof(hops));
	skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops, sizeof(hops));
	to.sin6_addr = A6("ff02::1");
	to.sin6_scope_id = (u32)r->va->ifindex;
	if (skbox_sendto(r->w, fd, r->ra, r->ra_len, 0, (struct sockaddr *)&to, sizeof(to)) !=
	    (ssize_t)r->ra_len)
		r->errs++;
	skbox_close(r->w, fd);
	return 0;
}

static void send_ra(struct rig *r, const u8 *ra, size_t len)
{
	struct task *t;

	r->ra = ra;
	r->ra_len = len;
	t = task_spawn(r->w, r->a, "ra", ra_task, r);
	h_advance_to(r->w, r->w->now + 100 * T_MS);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r->errs, 0);
}

static int count_routes(struct fib6_info *f, void *arg)
{
	(void)f;
	(*(int *)arg)++;
	return 0;
}

static int main_routes(struct net *net)
{
	int n = 0;

	fib6_walk(fib6_get_table(net, RT_TABLE_MAIN), count_routes, &n);
	return n;
}

static void put32(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 24), p[1] = (u8)(v >> 16), p[2] = (u8)(v >> 8), p[3] = (u8)v;
}

static void test_ra(void **state)
{
	struct inet6_dev *idev;
	struct inet6_ifaddr *ifa;
	struct rig r;
	u8 ra[16 + 32 + 32 + 8 + 8];
	int base;

	(void)state;
	rig_build(&r, 1, false);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);	/* link-local addresses usable */
	idev = __in6_dev_get(r.vb);
	base = main_routes(r.b);			/* fe80::/64 */
	memset(ra, 0, sizeof(ra));
	ra[0] = NDISC_ROUTER_ADVERTISEMENT;
	ra[4] = 50;					/* cur hop limit */
	ra[6] = 0x07, ra[7] = 0x08;			/* lifetime 1800 */
	/* a malformed one first: an option of length 0 — ignored */
	ra[16] = ND_OPT_SOURCE_LL_ADDR;
	send_ra(&r, ra, 24);
	assert_int_equal(main_routes(r.b), base);
	assert_int_equal(idev->cnf.data[DEVCONF_HOP_LIMIT], 64);
	/* prefix 2001:db8:5::/64 (L, A, 7200/3600), a /48 prefix (A only:
	 * no address), an MTU below 1280 (ignored), the source address */
	ra[16] = ND_OPT_PREFIX_INFO, ra[17] = 4, ra[18] = 64, ra[19] = 0xc0;
	put32(ra + 20, 7200), put32(ra + 24, 3600);
	memcpy(ra + 32, A6("2001:db8:5::").s6_addr, 16);
	ra[48] = ND_OPT_PREFIX_INFO, ra[49] = 4, ra[50] = 48, ra[51] = 0x40;
	put32(ra + 52, 7200), put32(ra + 56, 3600);
	memcpy(ra + 64, A6("2001:db8:6::").s6_addr, 16);
	ra[80] = ND_OPT_MTU, ra[81] = 1;
	put32(ra + 84, 1000);
	ra[88] = ND_OPT_SOURCE_LL_ADDR, ra[89] = 1;
	memcpy(ra + 90, r.va->dev_addr, ETH_ALEN);
	send_ra(&r, ra, sizeof(ra));
	assert_int_equal(main_routes(r.b), base + 2);	/* prefix route + default */
	assert_int_equal(idev->cnf.data[DEVCONF_HOP_LIMIT], 50);
	assert_int_equal(idev->cnf.data[DEVCONF_MTU], 1500);
	assert_true(idev->ra_rcvd);
	ifa = list_first_entry(&idev->addr_list, struct inet6_ifaddr, if_list);
	{
		struct in6_addr p5 = A6("2001:db8:5::");

		assert_true(ipv6_prefix_equal(&ifa->addr, &p5, 64));
	}
	assert_int_equal(ifa->ifa_proto, IFAPROT_KERNEL_RA);
	assert_false(ifa->flags & IFA_F_PERMANENT);
	assert_true(ifa->flags & IFA_F_TENTATIVE);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_false(ifa->flags & IFA_F_TENTATIVE);
	/* router lifetime 0: the default route goes; valid 0: the prefix route */
	ra[6] = ra[7] = 0;
	put32(ra + 20, 0), put32(ra + 24, 0);
	send_ra(&r, ra, sizeof(ra));
	assert_int_equal(main_routes(r.b), base);
	/* RFC 4862 5.5.3 e: the address keeps two hours, not 0 */
	{
		u32 valid, pref;

		inet6_ifa_lifetimes(ifa, &valid, &pref);
		assert_true(valid > 7000);
	}
	assert_int_equal(r.b->ipv6.icmp6msg_in[NDISC_ROUTER_ADVERTISEMENT], 3);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_options),
		cmocka_unit_test(test_ra_check),
		cmocka_unit_test(test_mld_query),
		cmocka_unit_test(test_dad_failure),
		cmocka_unit_test(test_accept_dad_2),
		cmocka_unit_test(test_lifetimes),
		cmocka_unit_test(test_ra),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
