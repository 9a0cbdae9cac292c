// SPDX-License-Identifier: GPL-2.0
/* Unit tests for net/core/rtnl_notify.c: the messages a listener hears
 * (types, NLM_F_REPLACE, the routes an address takes with it), the bound
 * of its queue (a listener nobody reads keeps at most its receive buffer,
 * loses the rest, counts it and is told ENOBUFS once), a namespace going
 * away under a listener, `ip monitor` as a task, and no leak. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <cmocka.h>

#include "helpers.h"
#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/rtnl_notify.h"

struct rec {
	int types[256];
	u32 flags[256];
	int n;
};

/* a listener that records what it hears and queues a fixed-size text */
static void rec_rcv(struct rtnl_listener *l, const struct rtnl_msg *m)
{
	struct rec *r = l->priv;
	char text[100];

	if (r->n < 256) {
		r->types[r->n] = m->type;
		r->flags[r->n] = m->nlflags;
		r->n++;
	}
	memset(text, 'x', sizeof(text));
	rtnl_listener_queue(l, text, sizeof(text));
}

static struct world *build(struct net **a)
{
	struct world *w = world_new(1);

	assert_non_null(w);
	*a = net_create(w, "a");
	assert_non_null(*a);
	assert_non_null(h_link(*a, "veth", "va", "vb", NULL));
	assert_int_equal(h_up(*a, "va"), 0);
	assert_int_equal(h_up(*a, "vb"), 0);
	assert_int_equal(h_addr(*a, "va", "10.0.0.1", 24), 0);
	return w;
}

static int count(const struct rec *r, int type)
{
	int n = 0;

	for (int i = 0; i < r->n; i++)
		n += r->types[i] == type;
	return n;
}

static void test_route_messages(void **state)
{
	struct rtnl_listener l;
	struct rec r = { .n = 0 };
	struct world *w;
	struct net *a;
	char *text;
	size_t len;

	(void)state;
	w = build(&a);
	rtnl_listener_init(&l, RTNLGRP_BIT(RTNLGRP_IPV4_ROUTE) | RTNLGRP_BIT(RTNLGRP_IPV4_IFADDR),
			   rec_rcv, &r);
	rtnl_listener_add(a, &l);
	assert_int_equal(h_run(w, a, "ip route add 10.9.0.0/16 via 10.0.0.2", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, a, "ip route replace 10.9.0.0/16 via 10.0.0.3", T_SEC, NULL), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.types[1], RTM_NEWROUTE);
	assert_true(r.flags[1] & NLM_F_REPLACE);
	/* the address takes its local, prefix and broadcast routes; the route
	 * through it goes silently (fib_sync_down_dev + fib_flush) */
	r.n = 0;
	assert_int_equal(h_run(w, a, "ip addr del 10.0.0.1/24 dev va", T_SEC, NULL), 0);
	assert_int_equal(count(&r, RTM_DELADDR), 1);
	assert_int_equal(count(&r, RTM_DELROUTE), 3);
	assert_int_equal(r.types[0], RTM_DELADDR);
	assert_int_equal(rtnl_listener_recv(&l, &text, &len), 0);
	assert_int_equal(len, 6 * 100);
	kfree(text);
	rtnl_listener_del(&l);
	assert_int_equal(world_free(w, stderr), 0);
}

/* Nobody reads: the queue stops at the receive buffer, the rest is lost
 * and counted; the reader gets what fitted, then ENOBUFS once, then new
 * messages again. */
static void test_overrun_bounded(void **state)
{
	struct rtnl_listener l;
	struct rec r = { .n = 0 };
	struct world *w;
	struct net *a;
	char cmd[64], *text;
	size_t len;

	(void)state;
	w = build(&a);
	rtnl_listener_init(&l, RTNLGRP_BIT(RTNLGRP_IPV4_ROUTE), rec_rcv, &r);
	l.rcvbuf = 4096;
	rtnl_listener_add(a, &l);
	for (int i = 0; i < 50; i++) {
		snprintf(cmd, sizeof(cmd), "ip route add 10.9.%d.0/24 via 10.0.0.2", i);
		assert_int_equal(h_run(w, a, cmd, T_SEC, NULL), 0);
		assert_true(l.rmem_alloc <= l.rcvbuf + 100 + RTNL_MSG_OVERHEAD);
	}
	/* 4096 bytes hold 7 messages of 676: the 8th passes the buffer */
	assert_int_equal(l.rmem_alloc, 7 * (100 + RTNL_MSG_OVERHEAD));
	assert_int_equal(l.drops, 43);
	assert_int_equal(rtnl_listener_recv(&l, &text, &len), 0);
	assert_int_equal(len, 700);
	kfree(text);
	assert_int_equal(l.rmem_alloc, 0);
	assert_int_equal(rtnl_listener_recv(&l, &text, &len), -ENOBUFS);
	assert_null(text);
	assert_int_equal(h_run(w, a, "ip route add 10.8.0.0/16 via 10.0.0.2", T_SEC, NULL), 0);
	assert_int_equal(rtnl_listener_recv(&l, &text, &len), 0);
	assert_int_equal(len, 100);
	kfree(text);
	rtnl_listener_del(&l);
	assert_int_equal(world_free(w, stderr), 0);
}

/* A queue that cannot grow (the allocation fails) loses the message the
 * same way. */
static void test_alloc_failure_drops(void **state)
{
	struct rtnl_listener l;
	struct rec r = { .n = 0 };
	struct world *w;
	struct net *a;
	char *text;
	size_t len;

	(void)state;
	w = build(&a);
	rtnl_listener_init(&l, RTNLGRP_BIT(RTNLGRP_IPV4_ROUTE), rec_rcv, &r);
	rtnl_listener_add(a, &l);
	failslab_set(1);
	assert_int_equal(rtnl_listener_queue(&l, "abc", 3), -ENOBUFS);
	failslab_set(0);
	assert_int_equal(l.drops, 1);
	assert_int_equal(rtnl_listener_recv(&l, &text, &len), -ENOBUFS);
	rtnl_listener_del(&l);
	assert_int_equal(world_free(w, stderr), 0);
}

/* The namespace goes: the listener is detached, its reader told. */
static void test_netns_gone(void **state)
{
	struct rtnl_listener l;
	struct rec r = { .n = 0 };
	struct world *w;
	struct net *a;
	char *text;
	size_t len;

	(void)state;
	w = build(&a);
	rtnl_listener_init(&l, RTNLGRP_BIT(RTNLGRP_LINK), rec_rcv, &r);
	rtnl_listener_add(a, &l);
	net_destroy(a);
	assert_null(l.net);
	assert_int_equal(r.n, 0);	/* nothing told about the devices that went with it */
	assert_int_equal(rtnl_listener_recv(&l, &text, &len), -ENODEV);
	rtnl_listener_del(&l);
	assert_int_equal(world_free(w, stderr), 0);
}

/* `ip -4 monitor route` as a task: it prints what the next commands change,
 * and ends on SIGINT. */
static void test_ip_monitor_task(void **state)
{
	struct h_job mon;
	struct world *w;
	struct net *a;

	(void)state;
	w = build(&a);
	h_job_init(&mon, w, a, "ip -4 monitor route");
	assert_non_null(h_job_start(&mon));
	assert_int_equal(h_run(w, a, "ip route add 10.9.0.0/16 via 10.0.0.2", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, a, "ip route del 10.9.0.0/16", T_SEC, NULL), 0);
	task_signal(mon.task, SIGINT);
	assert_int_equal(world_run(w, h_task_dead, mon.task, UINT64_MAX), 0);
	assert_int_equal(mon.rc, 0);
	fflush(mon.ctx.out);
	assert_string_equal(mon.buf, "10.9.0.0/16 via 10.0.0.2 dev va \n"
				     "Deleted 10.9.0.0/16 via 10.0.0.2 dev va \n");
	h_job_free(&mon);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_route_messages),
		cmocka_unit_test(test_overrun_bounded),
		cmocka_unit_test(test_alloc_failure_drops),
		cmocka_unit_test(test_netns_gone),
		cmocka_unit_test(test_ip_monitor_task),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
