/* Mirror and redirect (net/sched/act_mirred.c): a copy of the packet (mirror)
 * or the packet itself (redirect) goes out of another device
 * (dev_queue_xmit) or into its receive path (netif_receive_skb at ingress,
 * netif_rx from egress).  The link header is pushed back or pulled off when
 * the direction changes.  Redirects within redirects stop at
 * MIRRED_NEST_LIMIT (4): the packet is dropped and the kernel log says why,
 * as Linux does. */
#include "linux/netdevice.h"
#include "linux/printk.h"
#include "net/net_namespace.h"
#include "net/pkt_cls.h"
#include "net/trace.h"
#include "net/world.h"

static bool tcf_mirred_is_act_redirect(int eaction)
{
	return eaction == TCA_EGRESS_REDIR || eaction == TCA_INGRESS_REDIR;
}

static bool tcf_mirred_act_wants_ingress(int eaction)
{
	return eaction == TCA_INGRESS_REDIR || eaction == TCA_INGRESS_MIRROR;
}

static int tcf_mirred_forward(bool at_ingress, bool want_ingress, struct sk_buff *skb)
{
	if (!want_ingress)
		return dev_queue_xmit(skb);
	if (!at_ingress)
		return netif_rx(skb);
	return netif_receive_skb(skb);
}

/* The packet itself goes when it is redirected at ingress (Linux's
 * dont_clone); otherwise a clone, and the caller frees the original. */
static int tcf_mirred_to_dev(struct sk_buff *skb, struct tc_action *a, struct net_device *dev,
			     int retval, bool *cant_do)
{
	bool is_redirect = tcf_mirred_is_act_redirect(a->eaction);
	bool at_ingress = skb->tc_at_ingress;
	bool want_ingress = tcf_mirred_act_wants_ingress(a->eaction);
	bool dont_clone = at_ingress && is_redirect && retval == TC_ACT_STOLEN;
	struct sk_buff *to_send = skb;
	bool at_nh = skb->data == skb_network_header(skb);

	if (!(dev->flags & IFF_UP) || !netif_carrier_ok(dev)) {
		if (net_ratelimit(skb_world(skb)))
			klog(skb_world(skb), "tc mirred to Houston: device %s is down\n", dev->name);
		*cant_do = true;
		return retval;
	}
	if (!dont_clone && !(to_send = skb_clone(skb))) {
		*cant_do = true;
		return retval;
	}
	nf_reset_ct(to_send);
	if (want_ingress && !at_ingress)
		skb_dst_drop(to_send);
	if (at_nh != want_ingress) {	/* ethernet devices want the header on xmit */
		unsigned int mac_len = at_ingress ? skb->mac_len : (unsigned int)skb_network_offset(skb);

		if (want_ingress)
			skb_pull(to_send, mac_len);
		else
			skb_push(to_send, mac_len);
	}
	to_send->skb_iif = skb->dev->ifindex;
	to_send->dev = dev;
	to_send->tc_at_ingress = 0;
	skb_trace_note(to_send, "tcf_mirred_act", dev->name);
	if (tcf_mirred_forward(at_ingress, want_ingress, to_send))
		a->overlimits++;
	return is_redirect && to_send == skb ? TC_ACT_CONSUMED : retval;
}

static int tcf_mirred_act(struct sk_buff *skb, struct tc_action *a, struct tcf_result *res)
{
	struct world *w = skb_world(skb);
	bool is_redirect = tcf_mirred_is_act_redirect(a->eaction);
	struct net_device *dev;
	int retval = a->tcfa_action;
	bool cant_do = false;

	(void)res;
	if (++w->mirred_nest_level > MIRRED_NEST_LIMIT) {
		if (net_ratelimit(w))
			klog(w, "Packet exceeded mirred recursion limit on dev %s\n", skb->dev->name);
		w->mirred_nest_level--;
		return TC_ACT_SHOT;
	}
	tcf_action_update_stats(a, skb);
	dev = __dev_get_by_index(dev_net(skb->dev), a->ifindex);
	if (dev)
		retval = tcf_mirred_to_dev(skb, a, dev, retval, &cant_do);
	if (!dev || cant_do) {	/* err_cant_do */
		if (is_redirect)
			retval = TC_ACT_SHOT;
		a->overlimits++;
	}
	w->mirred_nest_level--;
	return retval;
}

static const char *mirred_n2a(int eaction)
{
	switch (eaction) {
	case TCA_EGRESS_REDIR:
		return "Egress Redirect";
	case TCA_INGRESS_REDIR:
		return "Ingress Redirect";
	case TCA_EGRESS_MIRROR:
		return "Egress Mirror";
	default:
		return "Ingress Mirror";
	}
}

static void tcf_mirred_dump(const struct tc_action *a, struct net *net, FILE *out)
{
	struct net_device *dev = __dev_get_by_index(net, a->ifindex);

	fprintf(out, "mirred (%s to device %s)", mirred_n2a(a->eaction), dev ? dev->name : "*");
	tcf_action_print_control(out, " ", a->tcfa_action, "\n\t");
}

const struct tc_action_ops act_mirred_ops = {
	.kind = "mirred",
	.act = tcf_mirred_act,
	.dump = tcf_mirred_dump,
};
