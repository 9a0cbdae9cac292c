/* Shared helpers for the unit tests that build topologies in a world:
 * make links, add addresses, bring devices up, run a command in a task. */
#ifndef SKBOX_TESTS_UNIT_HELPERS_H
#define SKBOX_TESTS_UNIT_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "net/world.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "linux/netdevice.h"
#include "linux/sched.h"
#include "skbox/cmd.h"

#define T_NS	UINT64_C(1)
#define T_MS	(UINT64_C(1000000))
#define T_SEC	(UINT64_C(1000000000))

/* Create a link of `kind` named `name` in net; for veth, `peer` in `pnet`
 * (NULL: the same namespace).  Returns the new device or NULL. */
static inline struct net_device *h_link(struct net *net, const char *kind, const char *name,
					const char *peer, struct net *pnet)
{
	struct link_req r, p;
	struct netlink_ext_ack ea = {0};
	int err;

	link_req_init(&r);
	link_req_init(&p);
	snprintf(r.name, sizeof(r.name), "%s", name);
	r.kind = kind;
	if (peer) {
		snprintf(p.name, sizeof(p.name), "%s", peer);
		p.net = pnet;
		r.peer = &p;
	}
	err = rtnl_newlink(net, &r, &ea);
	if (err) {
		fprintf(stderr, "newlink %s: %d %s\n", name, err, ea._msg ? ea._msg : "");
		return NULL;
	}
	return __dev_get_by_name(net, name);
}

static inline int h_addr(struct net *net, const char *dev, const char *a, int plen)
{
	struct ifa_req q;
	struct netlink_ext_ack ea = {0};
	struct net_device *d = __dev_get_by_name(net, dev);
	int err;

	if (!d)
		return -19;
	memset(&q, 0, sizeof(q));
	q.ifindex = d->ifindex;
	inet_pton(AF_INET, a, &q.local);
	q.address = q.local;
	q.prefixlen = (u8)plen;
	q.valid_lft = q.preferred_lft = 0xffffffff;
	err = inet_rtm_newaddr(net, &q, &ea);
	if (err)
		fprintf(stderr, "addr %s: %d %s\n", a, err, ea._msg ? ea._msg : "");
	return err;
}

static inline int h_up(struct net *net, const char *dev)
{
	struct net_device *d = __dev_get_by_name(net, dev);

	return d ? dev_open(d) : -19;
}

static inline u32 h_ip(const char *s)
{
	u32 a = 0;

	inet_pton(AF_INET, s, &a);
	return a;
}

/* ---- running a command in a task ---- */
struct h_job {
	struct cmd_ctx ctx;
	int argc;
	char *argv[32];
	char *buf;		/* captured stdout+stderr (memstream) */
	size_t len;
	int rc;
	struct task *task;
};

static inline int h_job_fn(void *a)
{
	struct h_job *j = a;

	j->rc = cmd_run(&j->ctx, j->argc, j->argv);
	fflush(j->ctx.out);
	return j->rc;
}

static inline bool h_task_dead(void *a)
{
	return ((struct task *)a)->state == TASK_DEAD;
}

static inline bool h_never(void *a)
{
	(void)a;
	return false;
}

/* Split cmdline on spaces into j->argv (the strings are strdup'd). */
static inline void h_job_init(struct h_job *j, struct world *w, struct net *net,
			      const char *cmdline)
{
	char *s = strdup(cmdline), *save = NULL, *tok;

	memset(j, 0, sizeof(*j));
	for (tok = strtok_r(s, " ", &save); tok && j->argc < 31; tok = strtok_r(NULL, " ", &save))
		j->argv[j->argc++] = strdup(tok);
	free(s);
	j->ctx.world = w;
	j->ctx.net = net;
	j->ctx.out = open_memstream(&j->buf, &j->len);
	j->ctx.err = j->ctx.out;
	j->rc = -1;
}

/* Start the job as a task (does not run the world). */
static inline struct task *h_job_start(struct h_job *j)
{
	j->task = task_spawn(j->ctx.world, j->ctx.net, j->argv[0], h_job_fn, j);
	return j->task;
}

/* Free the task and close the capture; j->buf stays valid until h_job_free. */
static inline void h_job_finish(struct h_job *j)
{
	if (j->task) {
		task_free(j->task);
		j->task = NULL;
	}
	if (j->ctx.out) {
		fclose(j->ctx.out);
		j->ctx.out = j->ctx.err = NULL;
	}
}

static inline void h_job_free(struct h_job *j)
{
	h_job_finish(j);
	for (int i = 0; i < j->argc; i++)
		free(j->argv[i]);
	free(j->buf);
	j->buf = NULL;
}

/* Run cmdline in net until it exits (or `timeout` ns of virtual time pass).
 * Returns its exit status, or -1000 + world_run's error if it never ended.
 * If out is not NULL, *out gets a malloc'd copy of the output. */
static inline int h_run(struct world *w, struct net *net, const char *cmdline,
			u64 timeout, char **out)
{
	struct h_job j;
	int r, rc;

	h_job_init(&j, w, net, cmdline);
	h_job_start(&j);
	r = world_run(w, h_task_dead, j.task, w->now + timeout);
	rc = (r == 0) ? j.rc : -1000 + r;
	h_job_finish(&j);
	if (out)
		*out = strdup(j.buf ? j.buf : "");
	h_job_free(&j);
	return rc;
}

static inline void h_nop_timer(struct timer_list *t)
{
	(void)t;
}

/* Let virtual time pass until `until` (absolute ns).  A timer of our own
 * at `until` keeps an idle world from returning -EDEADLK before the clock
 * got there.  Returns world_run's result (-ETIMEDOUT normally). */
static inline int h_advance_to(struct world *w, u64 until)
{
	struct timer_list t;
	int r;

	if (until <= w->now)
		return 0;
	timer_setup(&w->timers, &t, h_nop_timer);
	mod_timer(&t, until + 1);
	r = world_run(w, h_never, NULL, until);
	del_timer(&t);
	return r;
}

/* ---- the seed topology: bridge testbr + veth1/veth2 in test1/test2 ---- */
struct h_seed {
	struct world *w;
	struct net *root, *t1, *t2;
	struct net_device *br, *brv1, *brv2, *v1, *v2;
};

static inline int h_seed_build(struct h_seed *s, struct world *w)
{
	memset(s, 0, sizeof(*s));
	s->w = w;
	s->root = w->init_net;
	s->t1 = net_create(w, "test1");
	s->t2 = net_create(w, "test2");
	s->br = h_link(s->root, "bridge", "testbr", NULL, NULL);
	if (!s->br || !h_link(s->root, "veth", "veth1", "br-veth1", NULL) ||
	    !h_link(s->root, "veth", "veth2", "br-veth2", NULL))
		return -1;
	if (dev_change_net_namespace(__dev_get_by_name(s->root, "veth1"), s->t1, NULL) ||
	    dev_change_net_namespace(__dev_get_by_name(s->root, "veth2"), s->t2, NULL))
		return -2;
	s->brv1 = __dev_get_by_name(s->root, "br-veth1");
	s->brv2 = __dev_get_by_name(s->root, "br-veth2");
	s->v1 = __dev_get_by_name(s->t1, "veth1");
	s->v2 = __dev_get_by_name(s->t2, "veth2");
	if (do_set_master(s->brv1, s->br, NULL) || do_set_master(s->brv2, s->br, NULL))
		return -3;
	if (h_addr(s->t1, "veth1", "172.16.0.2", 24) || h_addr(s->t2, "veth2", "172.16.0.3", 24))
		return -4;
	if (h_up(s->t1, "veth1") || h_up(s->t2, "veth2") || h_up(s->root, "br-veth1") ||
	    h_up(s->root, "br-veth2") || h_up(s->root, "testbr"))
		return -5;
	return 0;
}

#endif
