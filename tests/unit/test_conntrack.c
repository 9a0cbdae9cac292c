/* Connection tracking: entries made by traffic, timeouts in virtual time,
 * nf_conntrack_max, and a teardown that leaves no entry and no timer behind
 * and the TCP tracker segment by segment (states, timeouts, window, reopen,
 * loose pick-up, RST). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "skbox/cmd.h"
#include "net/world.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_conntrack.h"
#include "helpers.h"
#include "linux/netfilter.h"
#include "net/ip.h"
#include "net/tcp.h"

/* ---- the TCP tracker, segment by segment ---- */

struct tcp_seg {
	u32 saddr, daddr;
	u16 sport, dport;
	u32 seq, ack;
	u8 flags;
	u16 win;
	unsigned int datalen;
};

/* One segment through nf_conntrack_in at hook, then confirm; returns the
 * packet's ctinfo, or -1 for INVALID (no entry). */
static int ct_pass(struct world *w, struct net *net, const struct tcp_seg *g, unsigned int hook,
		   struct nf_conn **ctp)
{
	struct sk_buff *skb = alloc_skb(&w->skb_pool, 128 + g->datalen);
	struct nf_hook_state st = { .hook = (u8)hook, .pf = NFPROTO_IPV4, .net = net };
	enum ip_conntrack_info ctinfo;
	struct iphdr *iph;
	struct tcphdr *th;
	struct nf_conn *ct;
	int ret;

	assert_non_null(skb);
	skb_reserve(skb, 64);
	skb_reset_network_header(skb);
	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = 6;
	iph->tot_len = htons((u16)(40 + g->datalen));
	iph->saddr = htonl(g->saddr);
	iph->daddr = htonl(g->daddr);
	skb_set_transport_header(skb, 20);
	th = skb_put_zero(skb, sizeof(*th));
	th->source = htons(g->sport);
	th->dest = htons(g->dport);
	th->seq = htonl(g->seq);
	th->ack_seq = htonl(g->ack);
	th->doff = 5;
	th->flags = g->flags;
	th->window = htons(g->win);
	skb_put_zero(skb, g->datalen);
	assert_int_equal(nf_conntrack_in(skb, &st), NF_ACCEPT);
	ct = nf_ct_get(skb, &ctinfo);
	ret = ct ? (int)ctinfo : -1;
	if (ct)
		assert_int_equal(nf_conntrack_confirm(skb), NF_ACCEPT);
	*ctp = ct;
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
	return ret;
}

#define C 0x0a000001u	/* client 10.0.0.1 */
#define S 0x0a000002u	/* server 10.0.0.2 */

static void test_tcp_state_machine(void **state)
{
	struct world *w = world_new(1);
	struct net *net = w->init_net;
	const struct nf_ct_sysctl *s = &nf_ct_pernet(net)->sysctl;
	struct nf_conn *ct, *first;
	const struct {
		struct tcp_seg g;
		int ctinfo;
		u8 state;
		unsigned int timeout;
	} steps[] = {
		{ { C, S, 1000, 80, 100, 0, TCPHDR_SYN, 64240, 0 }, IP_CT_NEW,
		  TCP_CONNTRACK_SYN_SENT, 120 },
		{ { S, C, 80, 1000, 500, 101, TCPHDR_SYN | TCPHDR_ACK, 65160, 0 },
		  IP_CT_ESTABLISHED_REPLY, TCP_CONNTRACK_SYN_RECV, 60 },
		{ { C, S, 1000, 80, 101, 501, TCPHDR_ACK, 502, 0 }, IP_CT_ESTABLISHED,
		  TCP_CONNTRACK_ESTABLISHED, 432000 },
		{ { C, S, 1000, 80, 101, 501, TCPHDR_ACK | TCPHDR_PSH, 502, 10 }, IP_CT_ESTABLISHED,
		  TCP_CONNTRACK_ESTABLISHED, 300 },	/* data not yet ACKed */
		{ { S, C, 80, 1000, 501, 111, TCPHDR_ACK, 509, 0 }, IP_CT_ESTABLISHED_REPLY,
		  TCP_CONNTRACK_ESTABLISHED, 432000 },
		{ { C, S, 1000, 80, 111, 501, TCPHDR_FIN | TCPHDR_ACK, 502, 0 }, IP_CT_ESTABLISHED,
		  TCP_CONNTRACK_FIN_WAIT, 120 },
		{ { S, C, 80, 1000, 501, 112, TCPHDR_ACK, 509, 0 }, IP_CT_ESTABLISHED_REPLY,
		  TCP_CONNTRACK_CLOSE_WAIT, 60 },
		{ { S, C, 80, 1000, 501, 112, TCPHDR_FIN | TCPHDR_ACK, 509, 0 },
		  IP_CT_ESTABLISHED_REPLY, TCP_CONNTRACK_LAST_ACK, 30 },
		{ { C, S, 1000, 80, 112, 502, TCPHDR_ACK, 502, 0 }, IP_CT_ESTABLISHED,
		  TCP_CONNTRACK_TIME_WAIT, 120 },
	};

	(void)state;
	assert_int_equal(nf_ct_netns_get(net), 0);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		assert_int_equal(ct_pass(w, net, &steps[i].g, NF_INET_PRE_ROUTING, &ct), steps[i].ctinfo);
		assert_int_equal(ct->proto.tcp.state, steps[i].state);
		assert_int_equal(nf_ct_expires(ct), steps[i].timeout);
		if (i == 0)
			assert_false(ct->status & IPS_SEEN_REPLY);
		if (i == 2)
			assert_true(ct->status & IPS_ASSURED);
	}
	first = ct;
	/* a segment far beyond the window is INVALID */
	{
		struct tcp_seg g = { C, S, 1000, 80, 100000000, 502, TCPHDR_ACK, 502, 0 };

		assert_int_equal(ct_pass(w, net, &g, NF_INET_PRE_ROUTING, &ct), -1);
	}
	/* a new SYN on the TIME_WAIT entry reopens the connection */
	{
		struct tcp_seg g = { C, S, 1000, 80, 9000, 0, TCPHDR_SYN, 64240, 0 };

		assert_int_equal(ct_pass(w, net, &g, NF_INET_PRE_ROUTING, &ct), IP_CT_NEW);
		assert_ptr_not_equal(ct, first);
		assert_int_equal(ct->proto.tcp.state, TCP_CONNTRACK_SYN_SENT);
	}
	/* an ACK with no entry: picked up with tcp_loose, INVALID without */
	{
		struct tcp_seg g = { C, S, 2000, 80, 5, 7, TCPHDR_ACK, 1000, 0 };

		assert_int_equal(ct_pass(w, net, &g, NF_INET_PRE_ROUTING, &ct), IP_CT_NEW);
		assert_int_equal(ct->proto.tcp.state, TCP_CONNTRACK_ESTABLISHED);
		assert_int_equal(nf_ct_expires(ct), 300);	/* no reply yet: unacknowledged */
		nf_ct_pernet(net)->sysctl.tcp_loose = 0;
		g.sport = 2001;
		assert_int_equal(ct_pass(w, net, &g, NF_INET_PRE_ROUTING, &ct), -1);
	}
	/* a RST as the only answer kills the entry at once */
	{
		struct tcp_seg syn = { C, S, 3000, 81, 1, 0, TCPHDR_SYN, 64240, 0 };
		struct tcp_seg rst = { S, C, 81, 3000, 0, 2, TCPHDR_RST | TCPHDR_ACK, 0, 0 };
		unsigned int before = nf_ct_entries(net);

		assert_int_equal(ct_pass(w, net, &syn, NF_INET_PRE_ROUTING, &ct), IP_CT_NEW);
		assert_int_equal(nf_ct_entries(net), before + 1);
		assert_int_equal(ct_pass(w, net, &rst, NF_INET_PRE_ROUTING, &ct), IP_CT_ESTABLISHED_REPLY);
		assert_int_equal(nf_ct_entries(net), before);
	}
	assert_int_equal(s->tcp_timeouts[TCP_CONNTRACK_ESTABLISHED], 432000);
	assert_int_equal(world_free(w, stderr), 0);
}

static struct world *two_namespaces(struct net **b)
{
	static const char *const setup[] = {
		"ip netns add a", "ip netns add b", "ip link add va type veth peer name vb",
		"ip link set va netns a", "ip link set vb netns b",
		"ip -n a addr add 10.0.0.1/24 dev va", "ip -n b addr add 10.0.0.2/24 dev vb",
		"ip -n a link set va up", "ip -n b link set vb up",
		"ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW,ESTABLISHED",
	};
	struct world *w = world_new(1);

	assert_non_null(w);
	for (size_t i = 0; i < sizeof(setup) / sizeof(setup[0]); i++)
		assert_int_equal(h_run(w, w->init_net, setup[i], 10 * T_SEC, NULL), 0);
	*b = get_net_ns_by_name(w, "b");
	assert_non_null(*b);
	return w;
}

struct find {
	u8 proto;
	struct nf_conn *ct;
};

static int find_fn(struct nf_conn *ct, void *data)
{
	struct find *f = data;

	if (nf_ct_protonum(ct) != f->proto)
		return 0;
	f->ct = ct;
	return 1;
}

static struct nf_conn *find_proto(struct net *net, u8 proto)
{
	struct find f = { proto, NULL };

	nf_ct_iterate(net, find_fn, &f);
	return f.ct;
}

/* A ping makes one ICMP entry that times out after 30 s of virtual time. */
static void test_icmp_timeout(void **state)
{
	struct net *b;
	struct world *w = two_namespaces(&b);
	struct nf_conn *ct;

	(void)state;
	assert_int_equal(h_run(w, w->init_net, "ip netns exec a ping -c 1 10.0.0.2", 10 * T_SEC, NULL), 0);
	ct = find_proto(b, 1);
	assert_non_null(ct);
	assert_true(ct->status & IPS_SEEN_REPLY);
	assert_int_equal(nf_ct_expires(ct), 30);
	h_advance_to(w, w->now + 31 * T_SEC);
	assert_null(find_proto(b, 1));
	assert_int_equal(nf_ct_entries(b), 0);
	assert_int_equal(world_free(w, stderr), 0);
}

/* With nf_conntrack_max 1 the second flow finds the table full. */
static void test_table_full(void **state)
{
	struct net *b;
	struct world *w = two_namespaces(&b);
	char *out = NULL;

	(void)state;
	assert_int_equal(h_run(w, w->init_net, "sysctl -w net.netfilter.nf_conntrack_max=1", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, w->init_net, "ip netns exec a ping -c 1 10.0.0.2", 10 * T_SEC, NULL), 0);
	assert_int_not_equal(h_run(w, w->init_net, "ip netns exec b ping -c 1 -W 1 10.0.0.1", 10 * T_SEC, NULL), 0);
	assert_int_equal(nf_ct_pernet(b)->stat.drop, 1);
	assert_int_equal(h_run(w, w->init_net, "dmesg", T_SEC, &out), 0);
	assert_non_null(strstr(out, "nf_conntrack: table full, dropping packet"));
	free(out);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_state_machine),
		cmocka_unit_test(test_icmp_timeout),
		cmocka_unit_test(test_table_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
