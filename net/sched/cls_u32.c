/* The u32 classifier (net/sched/cls_u32.c), its one-bucket form: a root hash
 * table per classifier ("fh 800:") holding key nodes ("800::800"), each a
 * selector of 32-bit value/mask keys at offsets from the network header; a
 * node matches when all its keys do.  Hash table ids are shared by the u32
 * classifiers of a qdisc (tc_u_common): the first gets 800:, the next ones
 * 801:, 802:… cyclically, even for a classifier whose filter was then
 * refused, until the last of them goes. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/pkt_cls.h"
#include "net/sch_generic.h"

#define TC_U32_HTID(h)	((h) & 0xFFF00000U)
#define TC_U32_NODE(h)	((h) & 0xFFFU)

static bool u32_key_match(const struct sk_buff *skb, const struct tc_u32_key *k)
{
	const unsigned char *p = skb_network_header(skb) + k->off;
	__be32 v;

	if (p < skb->head)
		return false;
	if (p >= skb->data && p + 4 <= skb->data + skb_headlen(skb))
		memcpy(&v, p, 4);
	else if (p < skb->data)
		memcpy(&v, p, 4);	/* in the headroom: the link header */
	else if (skb_copy_bits(skb, (int)(p - skb->data), &v, 4))
		return false;
	return !((v ^ k->val) & k->mask);
}

static bool u32_match(const struct sk_buff *skb, const struct tcf_proto *tp,
		      const struct tcf_filter *f)
{
	(void)tp;
	for (int i = 0; i < f->nkeys; i++)
		if (!u32_key_match(skb, &f->keys[i]))
			return false;
	return true;
}

/* gen_new_htid() */
static int u32_init(struct tcf_proto *tp)
{
	struct Qdisc *q = tp->block->q;

	if (!q->u32_tps) {
		q->u32_htid = 0;
		tp->htid = 0x80000000U;
	} else {
		q->u32_htid = q->u32_htid % 0x7FE + 1;
		tp->htid = (q->u32_htid | 0x800U) << 20;
	}
	tp->u32_next = q->u32_tps;
	q->u32_tps = tp;
	return 0;
}

static void u32_destroy(struct tcf_proto *tp)
{
	struct tcf_proto **pp = &tp->block->q->u32_tps;

	while (*pp != tp)
		pp = &(*pp)->u32_next;
	*pp = tp->u32_next;
}

/* u32_get(): the hash table of the handle's id among the qdisc's (the
 * handle itself when it names no node), else the node in it */
static bool u32_get(const struct tcf_proto *tp, u32 handle)
{
	const struct tcf_proto *t = tp->block->q->u32_tps;

	if (TC_U32_HTID(handle) == 0xFFF00000U)
		t = tp;
	else
		while (t && t->htid != TC_U32_HTID(handle))
			t = t->u32_next;
	if (!t || !TC_U32_NODE(handle))
		return t != NULL;
	for (const struct tcf_filter *f = t->filters; f; f = f->next)
		if (TC_U32_NODE(f->handle) == TC_U32_NODE(handle))
			return true;
	return false;
}

/* u32_change(): a node of the root table; its number the lowest free from
 * 0x800 unless given */
static int u32_change(struct tcf_proto *tp, const struct tc_filter_cfg *cfg, u32 *handle,
		      const char **extack)
{
	u32 node = 0x800;

	if (!cfg->nkeys) {
		*extack = "cls_u32: Selector not specified";
		return -EINVAL;
	}
	if (cfg->has_handle && TC_U32_HTID(cfg->handle) && TC_U32_HTID(cfg->handle ^ tp->htid)) {
		*extack = "Handle specified hash table address mismatch";
		return -EINVAL;
	}
	if (cfg->has_handle && TC_U32_NODE(cfg->handle)) {
		*handle = tp->htid | TC_U32_NODE(cfg->handle);
		return 0;
	}
	for (const struct tcf_filter *f = tp->filters; f; f = f->next)
		if (TC_U32_NODE(f->handle) == node)
			node++;
	if (node > 0xFFF)
		return -ENOMEM;
	*handle = tp->htid | node;
	return 0;
}

static void u32_print_handle(FILE *out, u32 h)
{
	fprintf(out, "%x:", h >> 20);
	if (TC_U32_NODE(h))
		fprintf(out, ":%x", TC_U32_NODE(h));
}

/* f_u32.c's u32_print_opt(): the table line, then each node's */
static void u32_dump(const struct tcf_proto *tp, const struct tcf_filter *f, FILE *out,
		     const char *head)
{
	if (!f) {
		fprintf(out, "%sfh %x: ht divisor 1 \n", head, tp->htid >> 20);
		return;
	}
	fputs("fh ", out);
	u32_print_handle(out, f->handle);
	fprintf(out, " order %u key ht %x bkt 0 ", TC_U32_NODE(f->handle), tp->htid >> 20);
	if (f->terminal)
		fputs("terminal ", out);
	if (f->has_classid) {
		fprintf(out, "%sflowid %x:", f->terminal ? "" : "*", f->classid >> 16);
		if (f->classid & 0xFFFF)
			fprintf(out, "%x", f->classid & 0xFFFF);
		fputc(' ', out);
	} else if (f->terminal) {
		fputs("flowid ", out);
	}
	if (f->flags & TCA_CLS_FLAGS_SKIP_HW)
		fputs("skip_hw ", out);
	if (f->flags & TCA_CLS_FLAGS_SKIP_SW)
		fputs("skip_sw ", out);
	fputs("not_in_hw ", out);
	for (int i = 0; i < f->nkeys; i++)
		fprintf(out, "\n  match %08x/%08x at %d", ntohl(f->keys[i].val),
			ntohl(f->keys[i].mask), f->keys[i].off);
}

const struct tcf_proto_ops cls_u32_ops = {
	.kind = "u32",
	.match = u32_match,
	.get = u32_get,
	.init = u32_init,
	.destroy = u32_destroy,
	.change = u32_change,
	.dump = u32_dump,
};
