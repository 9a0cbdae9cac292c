// SPDX-License-Identifier: GPL-2.0
/* Unit tests for net/core/neighbour.c through the whole stack: two
 * namespaces on a veth pair, ping, and the ARP entries' NUD states over
 * virtual time (REACHABLE → STALE → DELAY → PROBE → FAILED). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "helpers.h"
#include "net/neighbour.h"

struct pair {
	struct world *w;
	struct net *a, *b;
	struct net_device *va, *vb;
};

static void pair_build(struct pair *p, u64 seed)
{
	p->w = world_new(seed);
	assert_non_null(p->w);
	p->a = net_create(p->w, "a");
	p->b = net_create(p->w, "b");
	assert_non_null(h_link(p->a, "veth", "va", "vb", p->b));
	p->va = __dev_get_by_name(p->a, "va");
	p->vb = __dev_get_by_name(p->b, "vb");
	assert_non_null(p->va);
	assert_non_null(p->vb);
	assert_int_equal(h_addr(p->a, "va", "10.0.0.1", 24), 0);
	assert_int_equal(h_addr(p->b, "vb", "10.0.0.2", 24), 0);
	assert_int_equal(h_up(p->a, "va"), 0);
	assert_int_equal(h_up(p->b, "vb"), 0);
}

static void pair_free(struct pair *p)
{
	assert_int_equal(world_free(p->w, stderr), 0);
}

/* The state of the entry for addr on dev, or -1 when there is none. */
static int nud(struct net *net, struct net_device *dev, const char *addr)
{
	u32 key = h_ip(addr);
	struct neighbour *n = neigh_lookup(&net->ipv4.arp_tbl, &key, dev);
	int st;

	if (!n)
		return -1;
	st = n->nud_state;
	neigh_release(n);
	return st;
}

static struct neighbour *get(struct net *net, struct net_device *dev, const char *addr)
{
	u32 key = h_ip(addr);

	return neigh_lookup(&net->ipv4.arp_tbl, &key, dev);
}

#define assert_nud(net, dev, addr, want)						\
	do {										\
		int _st = nud(net, dev, addr);						\
		if (_st != (want))							\
			fail_msg("%s: state %s (0x%x), want %s", addr,		\
				 _st < 0 ? "none" : neigh_state_name((u8)_st), _st,	\
				 neigh_state_name(want));				\
	} while (0)

static void test_ping_states(void **state)
{
	struct pair p;
	char *out = NULL;

	(void)state;
	pair_build(&p, 1);
	assert_int_equal(nud(p.a, p.va, "10.0.0.2"), -1);
	assert_int_equal(h_run(p.w, p.a, "ping -c 1 10.0.0.2", 10 * T_SEC, &out), 0);
	assert_non_null(strstr(out, "1 packets transmitted, 1 received"));
	free(out);
	/* the pinger resolved it: REACHABLE */
	assert_nud(p.a, p.va, "10.0.0.2", NUD_REACHABLE);
	/* the target learned the pinger STALE from the request, then used it
	 * for the reply: DELAY */
	assert_nud(p.b, p.vb, "10.0.0.1", NUD_DELAY);
	pair_free(&p);
}

static void test_reachable_to_stale_to_failed(void **state)
{
	struct pair p;
	struct neighbour *n;
	u64 expire, t0;
	struct ifa_req q;
	struct netlink_ext_ack ea = {0};
	char *out = NULL;
	int rc;

	(void)state;
	pair_build(&p, 2);
	/* start later than the delay_probe_time so that a zero "confirmed"
	 * is not mistaken for a recent confirmation */
	h_advance_to(p.w, 100 * T_SEC);
	assert_int_equal(p.w->now, 100 * T_SEC);
	assert_int_equal(h_run(p.w, p.a, "ping -c 1 10.0.0.2", 10 * T_SEC, NULL), 0);
	n = get(p.a, p.va, "10.0.0.2");
	assert_non_null(n);
	assert_int_equal(n->nud_state, NUD_REACHABLE);
	/* reachable_time is random in [base/2, 3*base/2] = [15 s, 45 s] */
	assert_true(n->parms->reachable_time >= 15 * T_SEC);
	assert_true(n->parms->reachable_time <= 45 * T_SEC);
	expire = n->confirmed + n->parms->reachable_time;
	neigh_release(n);

	/* the target's DELAY entry: 5 s later it probes (unicast) and the
	 * pinger answers: REACHABLE */
	assert_nud(p.b, p.vb, "10.0.0.1", NUD_DELAY);
	h_advance_to(p.w, p.w->now + 6 * T_SEC);
	assert_nud(p.b, p.vb, "10.0.0.1", NUD_REACHABLE);

	/* still REACHABLE just before reachable_time ends, STALE after */
	assert_true(expire > p.w->now);
	h_advance_to(p.w, expire - T_MS);
	assert_nud(p.a, p.va, "10.0.0.2", NUD_REACHABLE);
	h_advance_to(p.w, expire + 10 * T_MS);
	assert_nud(p.a, p.va, "10.0.0.2", NUD_STALE);
	h_advance_to(p.w, p.w->now + 60 * T_SEC);
	assert_nud(p.a, p.va, "10.0.0.2", NUD_STALE);

	/* The peer stops answering.  (Taking its device down would drop the
	 * carrier of va and, as in Linux, flush va's neighbours; removing the
	 * address keeps the link up but nobody answers for 10.0.0.2.) */
	memset(&q, 0, sizeof(q));
	q.ifindex = p.vb->ifindex;
	q.local = q.address = h_ip("10.0.0.2");
	q.prefixlen = 24;
	assert_int_equal(inet_rtm_deladdr(p.b, &q, &ea), 0);

	/* traffic on a STALE entry: DELAY at once */
	t0 = p.w->now;
	rc = h_run(p.w, p.a, "ping -c 1 -W 1 10.0.0.2", 10 * T_SEC, &out);
	assert_int_equal(rc, 1);
	assert_non_null(strstr(out, "1 packets transmitted, 0 received"));
	free(out);
	n = get(p.a, p.va, "10.0.0.2");
	assert_non_null(n);
	assert_int_equal(n->nud_state, NUD_DELAY);
	assert_true(n->updated >= t0 && n->updated < t0 + T_MS);
	neigh_release(n);

	/* 5 s without confirmation: PROBE */
	h_advance_to(p.w, t0 + 5 * T_SEC + 10 * T_MS);
	assert_nud(p.a, p.va, "10.0.0.2", NUD_PROBE);
	/* probes every retrans_time (1 s); after 3 unanswered: FAILED */
	h_advance_to(p.w, t0 + 7 * T_SEC + 500 * T_MS);
	assert_nud(p.a, p.va, "10.0.0.2", NUD_PROBE);
	n = get(p.a, p.va, "10.0.0.2");
	assert_int_equal(n->probes, 3);
	neigh_release(n);
	h_advance_to(p.w, t0 + 8 * T_SEC + 10 * T_MS);
	assert_nud(p.a, p.va, "10.0.0.2", NUD_FAILED);
	pair_free(&p);
}

static void test_absent_host_unreachable(void **state)
{
	struct pair p;
	char *out = NULL;
	int rc;
	u64 t0;

	(void)state;
	pair_build(&p, 3);
	/* the error comes back to ping through lo: with lo down Linux is silent */
	dev_open(p.a->loopback_dev);
	t0 = p.w->now;
	rc = h_run(p.w, p.a, "ping -c 1 10.0.0.99", 30 * T_SEC, &out);
	/* iputils: one error for one packet ends ping, exit status 1 */
	assert_int_equal(rc, 1);
	if (!strstr(out, "From 10.0.0.1 icmp_seq=1 Destination Host Unreachable"))
		fail_msg("now %llu state %x ping output:\n%s", (unsigned long long)(p.w->now - t0), nud(p.a, p.va, "10.0.0.99"), out);
	assert_non_null(strstr(out, "1 packets transmitted, 0 received, +1 errors"));
	free(out);
	/* 3 broadcast probes, 1 s apart: FAILED after ~3 s */
	assert_nud(p.a, p.va, "10.0.0.99", NUD_FAILED);
	assert_true(p.w->now >= t0 + 3 * T_SEC && p.w->now < t0 + 4 * T_SEC);
	/* the target never heard of 10.0.0.99 as a sender */
	assert_int_equal(nud(p.b, p.vb, "10.0.0.99"), -1);
	pair_free(&p);
}

/* The table starts at 8 buckets and doubles while it holds more entries
 * than buckets (neigh_hash_grow); every entry stays findable across growth. */
static void test_hash_grows(void **state)
{
	struct pair p;
	struct neigh_table *tbl;
	char a[32];

	(void)state;
	pair_build(&p, 7);
	tbl = &p.a->ipv4.arp_tbl;
	assert_int_equal(tbl->hash_buckets, 8);
	for (int i = 0; i < 100; i++) {
		u32 key;
		struct neighbour *n;

		snprintf(a, sizeof(a), "10.0.1.%d", i + 1);
		key = h_ip(a);
		n = __neigh_lookup(tbl, &key, p.va, 1);
		assert_non_null(n);
		neigh_release(n);
	}
	assert_int_equal(tbl->hash_buckets, 128);
	for (int i = 0; i < 100; i++) {
		snprintf(a, sizeof(a), "10.0.1.%d", i + 1);
		assert_int_equal(nud(p.a, p.va, a), NUD_NONE);
	}
	assert_int_equal(nud(p.a, p.va, "10.0.1.101"), -1);
	pair_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ping_states),
		cmocka_unit_test(test_reachable_to_stale_to_failed),
		cmocka_unit_test(test_absent_host_unreachable),
		cmocka_unit_test(test_hash_grows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
