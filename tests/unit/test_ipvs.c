/* Unit tests for the IPVS schedulers (net/netfilter/ipvs/ip_vs_sched.c) and
 * the control requests (ip_vs_ctl.c): the kernel's choice order, written
 * down from Linux's ip_vs_{rr,wrr,lc,wlc,sh,mh}.c.  A service's
 * destinations are listed newest first, so after adding A, B, C the round
 * robin gives C, B, A.  sh's expected buckets come from hash_32() computed
 * outside the code under test, mh's from a separate Python model of
 * ip_vs_mh.c (hsiphash = SipHash-1-3 with the module's fixed keys, the
 * permutation and populate loops).  The errors are the kernel's errnos. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include "net/ip_vs.h"
#include "net/net_namespace.h"
#include "net/world.h"

static __be32 A(const char *s)
{
	struct in_addr a;

	inet_pton(AF_INET, s, &a);
	return a.s_addr;
}

static struct ip_vs_service_user svc_user(const char *sched)
{
	struct ip_vs_service_user u = { .protocol = IPPROTO_TCP, .addr = A("10.96.0.10"),
					 .port = htons(80), .netmask = 0xffffffff };

	snprintf(u.sched_name, sizeof(u.sched_name), "%s", sched);
	return u;
}

static void add_dest(struct net *net, const struct ip_vs_service_user *u, const char *addr,
		     int weight)
{
	struct ip_vs_dest_user d = { .addr = A(addr), .port = htons(8080),
				     .conn_flags = IP_VS_CONN_F_MASQ, .weight = weight };

	assert_int_equal(ip_vs_add_dest(net, u, &d), 0);
}

/* The last octet of each scheduled destination, n times. */
static void schedule_seq(struct net *net, const char *saddr, int n, char *out)
{
	struct ip_vs_service *svc = ip_vs_service_find(net, IPPROTO_TCP, A("10.96.0.10"),
						       htons(80));

	for (int i = 0; i < n; i++) {
		struct ip_vs_dest *d = svc->scheduler->schedule(svc, NULL, A(saddr), htons(1234));

		out[i] = d ? (char)('0' + (ntohl(d->addr) & 255)) : '-';
	}
	out[n] = '\0';
}

static struct world *setup(const char *sched, const int *weights, int n)
{
	struct world *w = world_new(1);
	struct ip_vs_service_user u = svc_user(sched);
	char addr[32];

	assert_int_equal(ip_vs_add_service(w->init_net, &u), 0);
	for (int i = 0; i < n; i++) {
		snprintf(addr, sizeof(addr), "10.244.0.%d", i + 1);
		add_dest(w->init_net, &u, addr, weights[i]);
	}
	return w;
}

static void test_rr(void **state)
{
	static const int wt[] = { 1, 1, 1 };
	struct world *w = setup("rr", wt, 3);
	struct ip_vs_service_user u = svc_user("rr");
	struct ip_vs_dest_user d = { .addr = A("10.244.0.2"), .port = htons(8080), .weight = 0 };
	char seq[16];

	(void)state;
	schedule_seq(w->init_net, "10.0.0.1", 7, seq);
	assert_string_equal(seq, "3213213");
	/* weight 0: quiesced, skipped */
	assert_int_equal(ip_vs_edit_dest(w->init_net, &u, &d), 0);
	schedule_seq(w->init_net, "10.0.0.1", 4, seq);
	assert_string_equal(seq, "1313");
	/* deleting the current one hands its place to the one before it */
	d.addr = A("10.244.0.3");
	assert_int_equal(ip_vs_del_dest(w->init_net, &u, &d), 0);
	schedule_seq(w->init_net, "10.0.0.1", 3, seq);
	assert_string_equal(seq, "111");
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_wrr(void **state)
{
	static const int wt[] = { 1, 2, 3 };	/* list: .3 (3), .2 (2), .1 (1) */
	struct world *w = setup("wrr", wt, 3);
	char seq[16];

	(void)state;
	/* cw is 1 after the three adds (ip_vs_wrr_dest_changed keeps it), so
	 * the first round takes every weight >= 1, then 3, 2, 1 passes */
	schedule_seq(w->init_net, "10.0.0.1", 12, seq);
	assert_string_equal(seq, "321332321332");
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_wrr_gcd(void **state)
{
	static const int wt[] = { 4, 2 };	/* gcd 2: mw 3, di 2 */
	struct world *w = setup("wrr", wt, 2);
	char seq[16];

	(void)state;
	schedule_seq(w->init_net, "10.0.0.1", 6, seq);
	assert_string_equal(seq, "211211");
	assert_int_equal(world_free(w, stderr), 0);
}

static void set_conns(struct net *net, int idx, int active, int inact)
{
	struct ip_vs_service *svc = ip_vs_service_find(net, IPPROTO_TCP, A("10.96.0.10"),
						       htons(80));
	struct ip_vs_dest *d;

	list_for_each_entry(d, &svc->destinations, n_list)
		if ((int)(ntohl(d->addr) & 255) == idx) {
			d->activeconns = active;
			d->inactconns = inact;
		}
}

static void test_lc_wlc(void **state)
{
	static const int wt[] = { 1, 3, 1 };
	struct world *w = setup("lc", wt, 3);
	struct ip_vs_service_user u = svc_user("wlc");
	char seq[4];

	(void)state;
	/* overhead = active * 256 + inactive */
	set_conns(w->init_net, 1, 1, 0);	/* 256 */
	set_conns(w->init_net, 2, 0, 300);	/* 300 */
	set_conns(w->init_net, 3, 1, 5);	/* 261 */
	schedule_seq(w->init_net, "10.0.0.1", 1, seq);
	assert_string_equal(seq, "1");
	/* wlc: overhead / weight: .2 has 100 */
	assert_int_equal(ip_vs_edit_service(w->init_net, &u), 0);
	schedule_seq(w->init_net, "10.0.0.1", 1, seq);
	assert_string_equal(seq, "2");
	/* ties keep the first in list order (the newest, .3) */
	set_conns(w->init_net, 2, 0, 768);
	set_conns(w->init_net, 1, 1, 0);
	set_conns(w->init_net, 3, 1, 0);
	schedule_seq(w->init_net, "10.0.0.1", 1, seq);
	assert_string_equal(seq, "3");
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_sh(void **state)
{
	static const int wt[] = { 1, 1, 1 };	/* buckets: .3 .2 .1 .3 .2 .1 ... */
	struct world *w = setup("sh", wt, 3);
	static const struct { const char *src; char want; } t[] = {
		/* hash_32(addr, 8) = 39, 137, 235, 211, 115; % 3 picks .3/.2/.1 */
		{ "10.0.0.1", '3' }, { "10.0.0.2", '1' }, { "10.0.0.3", '2' },
		{ "192.168.1.7", '2' }, { "172.16.5.9", '2' },
	};
	char seq[4];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		schedule_seq(w->init_net, t[i].src, 3, seq);
		assert_int_equal(seq[0], t[i].want);
		assert_int_equal(seq[1], t[i].want);
	}
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_mh(void **state)
{
	static const int wt[] = { 1, 1, 2 };
	struct world *w = setup("mh", wt, 3);
	struct ip_vs_service_user u = svc_user("mh");
	struct ip_vs_dest_user d = { .addr = A("10.244.0.1"), .port = htons(8080), .weight = 0 };
	char seq[4], first[64], again[64];
	int count[4] = { 0 };

	(void)state;
	/* expected values: see the header */
	static const struct { const char *src; char want; } t[] = {
		{ "10.0.0.1", '3' }, { "10.0.0.2", '3' }, { "10.0.0.3", '2' },
		{ "192.168.1.7", '1' }, { "172.16.5.9", '1' },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		schedule_seq(w->init_net, t[i].src, 1, seq);
		assert_int_equal(seq[0], t[i].want);
	}
	for (int i = 0; i < 60; i++) {
		char src[32];

		snprintf(src, sizeof(src), "10.1.%d.%d", i / 7, i * 13 % 251);
		schedule_seq(w->init_net, src, 2, seq);
		assert_int_equal(seq[0], seq[1]);	/* a source keeps its server */
		first[i] = seq[0];
		count[seq[0] - '0']++;
	}
	/* weight 2 gets about twice the others' share of the table */
	assert_true(count[3] > count[1] && count[3] > count[2]);
	/* a quiesced server: its sources get no server (no sh-fallback) */
	assert_int_equal(ip_vs_edit_dest(w->init_net, &u, &d), 0);
	for (int i = 0; i < 60; i++) {
		char src[32];

		snprintf(src, sizeof(src), "10.1.%d.%d", i / 7, i * 13 % 251);
		schedule_seq(w->init_net, src, 1, seq);
		again[i] = seq[0];
		assert_true(first[i] == '1' ? again[i] == '-' : again[i] == first[i]);
	}
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_errors(void **state)
{
	struct world *w = world_new(1);
	struct ip_vs_service_user u = svc_user("rr"), bad = svc_user("nope");
	struct ip_vs_dest_user d = { .addr = A("10.244.0.1"), .port = htons(80), .weight = 1 };

	(void)state;
	assert_int_equal(ip_vs_add_dest(w->init_net, &u, &d), -ESRCH);
	assert_int_equal(ip_vs_add_service(w->init_net, &bad), -ENOENT);
	assert_int_equal(ip_vs_add_service(w->init_net, &u), 0);
	assert_int_equal(ip_vs_add_service(w->init_net, &u), -EEXIST);
	assert_int_equal(ip_vs_add_dest(w->init_net, &u, &d), 0);
	assert_int_equal(ip_vs_add_dest(w->init_net, &u, &d), -EEXIST);
	d.weight = -1;
	assert_int_equal(ip_vs_edit_dest(w->init_net, &u, &d), -ERANGE);
	d.addr = A("10.244.0.9");
	d.weight = 1;
	assert_int_equal(ip_vs_edit_dest(w->init_net, &u, &d), -ENOENT);
	assert_int_equal(ip_vs_del_dest(w->init_net, &u, &d), -ENOENT);
	d.addr = A("224.0.0.1");
	assert_int_equal(ip_vs_add_dest(w->init_net, &u, &d), -EINVAL);
	bad.port = htons(81);
	assert_int_equal(ip_vs_del_service(w->init_net, &bad), -ESRCH);
	assert_int_equal(ip_vs_flush(w->init_net), 0);
	assert_null(ip_vs_service_find(w->init_net, IPPROTO_TCP, u.addr, u.port));
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rr),
		cmocka_unit_test(test_wrr),
		cmocka_unit_test(test_wrr_gcd),
		cmocka_unit_test(test_lc_wlc),
		cmocka_unit_test(test_sh),
		cmocka_unit_test(test_mh),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
