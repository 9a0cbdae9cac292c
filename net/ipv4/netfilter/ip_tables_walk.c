/* ipt_do_table (net/ipv4/netfilter/ip_tables.c): the walk of one table at
 * one hook.  Called from each table's hook function (iptable_filter.c,
 * ...) with the namespace's table as priv.  Rules are tried in order; a
 * rule that matches counts the packet (skb->len, the IP total length) and
 * applies its target: a verdict, a jump (return address pushed on a stack
 * on the C stack), a goto (nothing pushed), RETURN, or an extension.
 * Falling off a built-in chain applies its policy and counts it.  With the
 * packet trace on, the table notes its decision (one note per table). */
#include <stdio.h>
#include <string.h>
#include "ip_tables_priv.h"
#include "net/ip.h"
#include "net/trace.h"

bool ipt_ifname_match(const char *name, const char *rule, const unsigned char *mask)
{
	unsigned int diff = 0;

	for (unsigned int i = 0; i < IFNAMSIZ; i++)
		diff |= (unsigned int)((unsigned char)name[i] ^ (unsigned char)rule[i]) & mask[i];
	return diff == 0;
}

#define INV(cond, ip, flag) ((bool)(cond) ^ !!((ip)->invflags & (flag)))

static bool ip_packet_match(const struct iphdr *iph, const char *indev, const char *outdev,
			    const struct ipt_ip *ipinfo, bool isfrag)
{
	if (INV((iph->saddr & ipinfo->smsk) != ipinfo->src, ipinfo, IPT_INV_SRCIP) ||
	    INV((iph->daddr & ipinfo->dmsk) != ipinfo->dst, ipinfo, IPT_INV_DSTIP))
		return false;
	if (INV(!ipt_ifname_match(indev, ipinfo->iniface, ipinfo->iniface_mask), ipinfo,
		IPT_INV_VIA_IN))
		return false;
	if (INV(!ipt_ifname_match(outdev, ipinfo->outiface, ipinfo->outiface_mask), ipinfo,
		IPT_INV_VIA_OUT))
		return false;
	if (ipinfo->proto && INV(iph->protocol != ipinfo->proto, ipinfo, IPT_INV_PROTO))
		return false;
	if ((ipinfo->flags & IPT_F_FRAG) && INV(!isfrag, ipinfo, IPT_INV_FRAG))
		return false;
	return true;
}

static bool rule_matches(const struct sk_buff *skb, const struct ipt_rule *r,
			 struct xt_action_param *par)
{
	for (unsigned int m = 0; m < r->nmatches; m++) {
		par->match = r->matches[m].match;
		par->matchinfo = r->matches[m].data;
		if (!par->match->match(skb, par))
			return false;
	}
	return true;
}

/* Where the walk decided: chain index and rule (-1: the policy). */
struct ipt_where {
	int chain;
	int rule;
};

static const char *verdict_name(unsigned int v, const struct ipt_rule *r)
{
	static const char *const names[] = { "DROP", "ACCEPT", "STOLEN", "QUEUE", "REPEAT", "STOP" };

	if (r && r->target.target)
		return r->target.target->name;
	return (v & NF_VERDICT_MASK) <= NF_STOP ? names[v & NF_VERDICT_MASK] : "?";
}

static void ipt_trace_verdict(struct sk_buff *skb, const struct ipt_net_table *t,
			      unsigned int hook, struct ipt_where w, unsigned int verdict)
{
	const struct ipt_chain *ch = &t->info->chains[w.chain];
	const struct ipt_rule *r = w.rule >= 0 ? &ch->rules[w.rule] : NULL;
	const char *table = t->ops->table->name;
	const char *comment = r ? ipt_rule_comment(r) : NULL;
	bool v6 = t->ops->table->af == NFPROTO_IPV6;
	char note[160], hint[200];

	if (!r)
		snprintf(note, sizeof(note), "%s %s policy %s", table, ch->name,
			 verdict_name(verdict, NULL));
	else
		snprintf(note, sizeof(note), "%s %s%s%s rule %d %s%s%s%s", table,
			 ch->hook >= 0 ? "" : ipt_hook_name(hook), ch->hook >= 0 ? "" : " -> ",
			 ch->name, w.rule + 1, verdict_name(verdict, r), comment ? " (" : "",
			 comment ? comment : "", comment ? ")" : "");
	skb_trace_note(skb, v6 ? "ip6t_do_table" : "ipt_do_table", note);
	if ((verdict & NF_VERDICT_MASK) != NF_DROP)
		return;
	if (r)
		snprintf(hint, sizeof(hint), "%s -t %s -A %s rule %d%s%s%s", v6 ? "ip6tables" :
			 "iptables", table, ch->name, w.rule + 1, comment ? " (" : "",
			 comment ? comment : "", comment ? ")" : "");
	else
		snprintf(hint, sizeof(hint), "%s -t %s -P %s DROP", v6 ? "ip6tables" : "iptables",
			 table, ch->name);
	skb_drop_hint(skb, ipt_intern_hint(t->net, hint));
}

/* The policy of the hook's built-in chain ends the walk.  Its counters
 * move only once the tool gave the chain counters (policy_counters), as
 * nf_tables keeps base-chain counters only then. */
static unsigned int ipt_policy(const struct sk_buff *skb, const struct xt_table_info *info,
			       int hchain, struct ipt_where *w)
{
	struct ipt_chain *ch = &info->chains[hchain];

	if (ch->policy_counters) {
		ch->counters.pcnt++;
		ch->counters.bcnt += skb->len;
	}
	w->chain = hchain;
	w->rule = -1;
	return (unsigned int)(-ch->policy - 1);
}

struct ipt_walk {
	struct ipt_where stack[IPT_STACK_MAX];
	unsigned int sp;
};

/* Follows the standard verdict v of rule (chain, i).  Returns true when the
 * walk goes on at (*chain, *i), false with *verdict set when it ends. */
static bool ipt_standard(struct ipt_walk *wk, const struct xt_table_info *info,
			 const struct sk_buff *skb, int hchain, struct ipt_where *at,
			 unsigned int *verdict)
{
	const struct ipt_rule *r = &info->chains[at->chain].rules[at->rule];
	int v = r->target.verdict;

	if (v >= 0) {
		if (!(r->ip.flags & IPT_F_GOTO))
			wk->stack[wk->sp++] = *at;
		at->chain = v;
		at->rule = 0;
		return true;
	}
	if (v == XT_STD_CONTINUE) {
		at->rule++;
		return true;
	}
	if (v != XT_RETURN) {
		*verdict = (unsigned int)(-v - 1);
		return false;
	}
	if (!wk->sp) {
		*verdict = ipt_policy(skb, info, hchain, at);
		return false;
	}
	*at = wk->stack[--wk->sp];
	at->rule++;
	return true;
}

/* The address part of rule r against the packet, by family. */
static bool ipt_packet_match(const struct sk_buff *skb, const struct ipt_pkt *pk,
			     const char *indev, const char *outdev, const struct ipt_rule *r,
			     struct xt_action_param *par)
{
	if (pk->af == NFPROTO_IPV6)
		return ip6_packet_match(skb, indev, outdev, &r->ip, pk, par);
	return ip_packet_match(ip_hdr(skb), indev, outdev, &r->ip, par->fragoff != 0);
}

static unsigned int ipt_walk(struct sk_buff *skb, const struct ipt_net_table *t, int hchain,
			     struct xt_action_param *par, const struct ipt_pkt *pk,
			     struct ipt_where *at)
{
	const struct xt_table_info *info = t->info;
	static const char nulldevname[IFNAMSIZ];
	const char *indev = par->state->in ? par->state->in->name : nulldevname;
	const char *outdev = par->state->out ? par->state->out->name : nulldevname;
	struct ipt_walk wk;
	unsigned int verdict;

	wk.sp = 0;
	at->chain = hchain;
	at->rule = 0;
	for (;;) {
		struct ipt_chain *ch = &info->chains[at->chain];
		struct ipt_rule *r;

		if ((unsigned int)at->rule < ch->nrules && pk->af == NFPROTO_IPV4)
			at->rule = (int)ipt_index_next(t, (u32)at->chain, (u32)at->rule,
						       ip_hdr(skb)->daddr);
		if ((unsigned int)at->rule >= ch->nrules) {
			if (ch->hook >= 0 || !wk.sp)
				return ipt_policy(skb, info, hchain, at);
			*at = wk.stack[--wk.sp];
			at->rule++;
			continue;
		}
		r = &ch->rules[at->rule];
		if (!ipt_packet_match(skb, pk, indev, outdev, r, par) ||
		    !rule_matches(skb, r, par)) {
			if (par->hotdrop)
				return NF_DROP;
			at->rule++;
			continue;
		}
		r->counters.pcnt++;
		r->counters.bcnt += skb->len;
		if (!r->target.target) {
			if (ipt_standard(&wk, info, skb, hchain, at, &verdict))
				continue;
			return verdict;
		}
		par->target = r->target.target;
		par->targinfo = r->target.data;
		verdict = r->target.target->target(skb, par);
		if (verdict != XT_CONTINUE)
			return verdict;
		at->rule++;
	}
}

/* The walk of either family: par has the transport offset and fragment
 * offset the family's do_table found. */
unsigned int ipt_do_table_af(const struct ipt_net_table *t, struct sk_buff *skb,
			     const struct nf_hook_state *state, struct xt_action_param *par,
			     const struct ipt_pkt *pk)
{
	struct ipt_where at;
	unsigned int verdict;
	int hchain = state->hook < NF_INET_NUMHOOKS ? t->hook_chain[state->hook] : -1;

	if (hchain < 0)
		return NF_ACCEPT;
	par->state = state;
	par->table = t->ops->table->name;
	verdict = ipt_walk(skb, t, hchain, par, pk, &at);
	if (par->hotdrop)
		verdict = NF_DROP;
	if (skb_world(skb)->trace)
		ipt_trace_verdict(skb, t, state->hook, at, verdict);
	return verdict;
}

unsigned int ipt_do_table(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct ipt_pkt pk = { .af = NFPROTO_IPV4 };
	struct xt_action_param par;

	memset(&par, 0, sizeof(par));
	par.fragoff = ntohs(iph->frag_off) & IP_OFFSET;
	par.thoff = (unsigned int)skb_network_offset(skb) + iph->ihl * 4u;
	return ipt_do_table_af(priv, skb, state, &par, &pk);
}
