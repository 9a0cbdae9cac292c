/* Unit tests for ip6tables (net/ipv6/netfilter/, tools/iptables with
 * family IPv6): IPv4 and IPv6 tables are separate per namespace; the walk
 * follows extension headers to the upper layer (-p udp --dport behind
 * hop-by-hop, destination options and a first fragment), -m ipv6header,
 * frag, hbh, dst see them; a later fragment has no ports; a first fragment
 * whose headers end early is dropped by a rule naming a protocol
 * (hotdrop); IPv6 conntrack is on only while an IPv6 rule needs it, and
 * tracks a UDP flow behind extension headers, its fragments reassembled
 * first (nf_defrag_ipv6).  Each ends with the world
 * freed without leaks. */
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
#include "net/ipv6.h"
#include "net/netns/ipv6.h"
#include "linux/netfilter/x_tables.h"
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "net/netfilter/nf_conntrack.h"

struct t6 {
	struct world *w;
	char *out, *err;
	size_t outlen, errlen;
};

static unsigned int okfn_calls;
static char okfn_ct[256];	/* the packet's conntrack entry, as conntrack -L prints it */

static int run(struct t6 *t, const char *line)
{
	char buf[512], *argv[64], *save = NULL;
	int argc = 0, rc;
	struct cmd_ctx ctx = { .world = t->w, .net = t->w->init_net };

	free(t->out);
	free(t->err);
	ctx.out = open_memstream(&t->out, &t->outlen);
	ctx.err = open_memstream(&t->err, &t->errlen);
	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = strtok_r(buf, " ", &save); w && argc < 63; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	rc = cmd_run(&ctx, argc, argv);
	fclose(ctx.out);
	fclose(ctx.err);
	return rc;
}

static int setup(void **state)
{
	struct t6 *t = calloc(1, sizeof(*t));

	t->w = world_new(1);
	*state = t;
	return t->w ? 0 : -1;
}

static int teardown(void **state)
{
	struct t6 *t = *state;
	int leaks = world_free(t->w, stderr);

	free(t->out);
	free(t->err);
	free(t);
	return leaks;
}

static void test_tables_per_family(void **state)
{
	struct t6 *t = *state;
	struct net *net = t->w->init_net;

	assert_int_equal(run(t, "ip6tables -A INPUT -s 2001:db8::/32 -j DROP"), 0);
	assert_non_null(ip6t_table_peek(net, "filter"));
	assert_null(ipt_table_peek(net, "filter"));
	assert_int_equal(run(t, "iptables -S INPUT"), 0);
	assert_string_equal(t->out, "-P INPUT ACCEPT\n");
	assert_int_equal(run(t, "ip6tables -S INPUT"), 0);
	assert_string_equal(t->out, "-P INPUT ACCEPT\n-A INPUT -s 2001:db8::/32 -j DROP\n");
	assert_int_equal(ip6t_table_peek(net, "filter")->af, NFPROTO_IPV6);
	/* IPv4-only extensions are not there for IPv6, IPv6's not for IPv4 */
	assert_int_equal(run(t, "ip6tables -A INPUT -m ttl --ttl-eq 1"), 2);
	assert_int_equal(run(t, "iptables -A INPUT -m hl --hl-eq 1"), 2);
	/* conntrack for IPv6 only while an IPv6 rule needs it */
	assert_int_equal(nf_ct_pernet(net)->users6, 0);
	assert_int_equal(run(t, "ip6tables -A INPUT -m conntrack --ctstate NEW"), 0);
	assert_int_equal(nf_ct_pernet(net)->users6, 1);
	assert_int_equal(nf_ct_pernet(net)->users, 0);
	/* NAT66: the table alone does not start conntrack, its targets do */
	assert_int_equal(run(t, "ip6tables -t nat -L"), 0);
	assert_int_equal(nf_ct_pernet(net)->users6, 1);
	assert_int_equal(run(t, "ip6tables -t nat -A POSTROUTING -j MASQUERADE"), 0);
	assert_int_equal(nf_ct_pernet(net)->users6, 2);
	assert_int_equal(nf_ct_pernet(net)->users, 0);
	assert_int_equal(run(t, "ip6tables -t nat -F"), 0);
	assert_int_equal(run(t, "ip6tables -F"), 0);
	assert_int_equal(nf_ct_pernet(net)->users6, 0);
}

static int count_okfn(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	(void)net;
	(void)sk;
	okfn_calls++;
	okfn_ct[0] = 0;
	if (ct && !(ct->status & IPS_UNTRACKED))
		nf_ct_snprint(okfn_ct, sizeof(okfn_ct), ct, NF_CT_PRINT_EXTENDED);
	consume_skb(skb);
	return 0;
}

/* An IPv6 packet from 2001:db8::1 to 2001:db8::2 with body len bytes of
 * headers after the fixed header (first next header nh). */
static int send6(struct world *w, struct net *net, u8 nh, const u8 *body, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(&w->skb_pool, 256);
	struct ipv6hdr *ip6h;

	skb_reserve(skb, 64);
	skb_reset_network_header(skb);
	ip6h = skb_put_zero(skb, sizeof(*ip6h));
	ip6h->priority_version = 0x60;
	ip6h->nexthdr = nh;
	ip6h->hop_limit = 64;
	ip6h->payload_len = htons((u16)len);
	ip6h->saddr.s6_addr[0] = 0x20;
	ip6h->saddr.s6_addr[1] = 0x01;
	ip6h->saddr.s6_addr[15] = 1;
	ip6h->daddr = ip6h->saddr;
	ip6h->daddr.s6_addr[15] = 2;
	memcpy(skb_put(skb, len), body, len);
	skb->protocol = htons(0x86dd);
	return NF_HOOK(NFPROTO_IPV6, NF_INET_LOCAL_OUT, net, NULL, skb, NULL, NULL, count_okfn);
}

static u64 rule_pkts(struct net *net, unsigned int n)
{
	const struct xt_table_info *info = ip6t_table_peek(net, "filter");

	for (unsigned int c = 0; c < info->nchains; c++)
		if (!strcmp(info->chains[c].name, "OUTPUT"))
			return info->chains[c].rules[n].counters.pcnt;
	return ~0ull;
}

static void test_extension_headers(void **state)
{
	struct t6 *t = *state;
	struct net *net = t->w->init_net;
	/* hop-by-hop (PadN) -> destination options (PadN) -> fragment (offset
	 * 0, M, id 0x1234) -> UDP 1000 -> 53 */
	static const u8 first[] = {
		60, 0, 1, 4, 0, 0, 0, 0,
		44, 0, 1, 4, 0, 0, 0, 0,
		17, 0, 0x00, 0x01, 0x00, 0x00, 0x12, 0x34,
		0x03, 0xe8, 0x00, 0x35, 0x00, 0x08, 0x00, 0x00,
	};
	/* fragment at offset 8, last: no ports */
	static const u8 later[] = {
		17, 0, 0x00, 0x08, 0x00, 0x00, 0x12, 0x34,
		1, 2, 3, 4, 5, 6, 7, 8,
	};
	/* a hop-by-hop header cut short */
	static const u8 cut[] = { 17, 0, 1, 4 };

	assert_int_equal(run(t, "ip6tables -A OUTPUT -p udp --dport 53"), 0);
	assert_int_equal(run(t, "ip6tables -A OUTPUT -m ipv6header --header hop,dst,frag,prot"), 0);
	assert_int_equal(run(t, "ip6tables -A OUTPUT -m frag --fragid 4660 --fragmore --fragfirst"), 0);
	assert_int_equal(run(t, "ip6tables -A OUTPUT -m hbh --hbh-len 8 -m dst --dst-len 8"), 0);
	assert_int_equal(run(t, "ip6tables -A OUTPUT -p udp -m frag --fraglast"), 0);
	assert_int_equal(run(t, "ip6tables -A OUTPUT -m ipv6header --header frag --soft"), 0);

	okfn_calls = 0;
	assert_int_equal(send6(t->w, net, 0, first, sizeof(first)), 0);
	assert_int_equal(okfn_calls, 1);
	assert_int_equal(rule_pkts(net, 0), 1);
	assert_int_equal(rule_pkts(net, 1), 1);
	assert_int_equal(rule_pkts(net, 2), 1);
	assert_int_equal(rule_pkts(net, 3), 1);
	assert_int_equal(rule_pkts(net, 4), 0);
	assert_int_equal(rule_pkts(net, 5), 1);

	assert_int_equal(send6(t->w, net, 44, later, sizeof(later)), 0);
	assert_int_equal(okfn_calls, 2);
	assert_int_equal(rule_pkts(net, 0), 1);		/* no ports in a later fragment */
	assert_int_equal(rule_pkts(net, 1), 1);
	assert_int_equal(rule_pkts(net, 2), 1);
	assert_int_equal(rule_pkts(net, 4), 1);		/* -p udp still sees UDP */
	assert_int_equal(rule_pkts(net, 5), 2);

	/* headers end early: the -p udp rule drops it */
	send6(t->w, net, 0, cut, sizeof(cut));
	assert_int_equal(okfn_calls, 2);
	assert_int_equal(rule_pkts(net, 0), 1);
	assert_int_equal(run(t, "ip6tables -F"), 0);

	/* conntrack: nf_defrag_ipv6 holds the first fragment in its queue
	 * (the hook stole it), the later one completes the datagram, which
	 * goes on without its fragment header: the UDP flow behind the
	 * extension headers is tracked */
	assert_int_equal(run(t, "ip6tables -A OUTPUT -m state --state NEW,INVALID"), 0);
	okfn_calls = 0;
	assert_int_equal(send6(t->w, net, 0, first, sizeof(first)), 0);
	assert_int_equal(okfn_calls, 0);
	assert_false(list_empty(&net->ipv6.nf_frags.queues));
	assert_true(list_empty(&net->ipv6.frags.queues));
	assert_int_equal(send6(t->w, net, 44, later, sizeof(later)), 0);
	assert_int_equal(okfn_calls, 1);
	assert_true(list_empty(&net->ipv6.nf_frags.queues));
	assert_int_equal(net->ipv6.nf_frags.mem, 0);
	assert_string_equal(okfn_ct, "ipv6     10 udp      17 30 src=2001::1 dst=2001::2 sport=1000 "
			    "dport=53 [UNREPLIED] src=2001::2 dst=2001::1 sport=53 dport=1000 mark=0 "
			    "use=1\n");
	/* a fragment alone waits; the namespace's exit frees its queue */
	assert_int_equal(send6(t->w, net, 44, later, sizeof(later)), 0);
	assert_int_equal(okfn_calls, 1);
	assert_false(list_empty(&net->ipv6.nf_frags.queues));
	okfn_ct[0] = 0;
	assert_string_equal(okfn_ct, "");
	assert_int_equal(run(t, "ip6tables -F"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tables_per_family, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extension_headers, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
