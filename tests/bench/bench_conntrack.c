/* bench conntrack-1m: one namespace with N (1,000,000) UDP entries made by
 * nf_conntrack_in + confirm, then a lookup pass over all of them.  Prints
 * the memory per entry (malloc'd bytes: entries and table, measured with
 * mallinfo2) and the CPU time of nf_conntrack_in + confirm for a packet of
 * a known flow (with the skb made and freed around it). */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include "net/world.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/ip.h"

static struct sk_buff *udp_skb(struct world *w, u32 i)
{
	struct sk_buff *skb = alloc_skb(&w->skb_pool, 128);
	struct iphdr *iph;
	u16 *udp;

	skb_reserve(skb, 64);
	skb_reset_network_header(skb);
	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = 17;
	iph->tot_len = htons(28);
	iph->saddr = htonl(0x0a000000u | (i >> 16));
	iph->daddr = htonl(0x0b000001u);
	skb_set_transport_header(skb, 20);
	udp = skb_put_zero(skb, 8);
	udp[0] = htons((u16)(i & 0xffff));
	udp[1] = htons(53);
	udp[2] = htons(8);
	return skb;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);	/* the machine is shared */
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void pass(struct world *w, struct net *net, u32 i)
{
	struct nf_hook_state st = { .hook = NF_INET_PRE_ROUTING, .pf = NFPROTO_IPV4, .net = net };
	struct sk_buff *skb = udp_skb(w, i);

	nf_conntrack_in(skb, &st);
	nf_conntrack_confirm(skb);
	consume_skb(skb);
}

int main(int argc, char **argv)
{
	u32 n = argc > 1 ? (u32)strtoul(argv[1], NULL, 10) : 1000000;
	struct world *w = world_new(1);
	struct net *net = w->init_net;
	size_t before, after;
	double t0, t1;

	w->log = NULL;
	nf_ct_pernet(net)->sysctl.max = 0;		/* no limit */
	nf_ct_netns_get(net);
	before = mallinfo2().uordblks + mallinfo2().hblkhd;
	for (u32 i = 0; i < n; i++)
		pass(w, net, i);
	after = mallinfo2().uordblks + mallinfo2().hblkhd;
	t0 = now_s();
	for (u32 i = 0; i < n; i++)
		pass(w, net, i);
	t1 = now_s();
	printf("entries %u bytes_per_entry %.0f lookup_ns %.1f sizeof_nf_conn %zu\n",
	       nf_ct_entries(net), (double)(after - before) / n, (t1 - t0) * 1e9 / n,
	       sizeof(struct nf_conn));
	nf_ct_netns_put(net);
	return world_free(w, stderr) ? 1 : 0;
}
