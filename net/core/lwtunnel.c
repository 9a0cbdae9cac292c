/* net/core/lwtunnel.c — lightweight tunnel state on routes.
 *
 * Corresponds to Linux net/core/lwtunnel.c and the ip/ip6 encap ops of
 * net/ipv4/ip_tunnel_core.c (ip_tun_build_state, ip6_tun_build_state).
 * `ip route add … encap ip|ip6 …` → fib_create_info()/fib6 nexthop →
 * lwtunnel_build_state(): the nexthop keeps the tunnel key and hands it to
 * the routes (dst) made from it.  Linux's ip and ip6 encaps have no output
 * hook of their own: a collect_md tunnel device (vxlan/gre `external`) reads
 * the key from the packet's route; skbox has no such device, so the key is
 * kept, listed and compared, and packets go out as Linux sends them through
 * any other device (docs/ROUTING.md).  Other encap types (mpls, ila, seg6,
 * bpf, seg6local, rpl, ioam6, xfrm) are refused as by a kernel without
 * their modules.
 */
#include <errno.h>
#include <string.h>

#include "linux/slab.h"
#include "net/lwtunnel.h"
#include "net/rtnetlink.h"

int lwtunnel_valid_encap_type(u16 type, struct netlink_ext_ack *extack)
{
	if (type == LWTUNNEL_ENCAP_NONE || type > LWTUNNEL_ENCAP_MAX) {
		NL_SET_ERR_MSG(extack, "Unknown LWT encapsulation type");
		return -EINVAL;
	}
	if (type != LWTUNNEL_ENCAP_IP && type != LWTUNNEL_ENCAP_IP6) {
		NL_SET_ERR_MSG(extack, "lwt encapsulation type not supported");
		return -EOPNOTSUPP;
	}
	return 0;
}

int lwtunnel_build_state(const struct lwtunnel_encap_cfg *cfg, struct lwtunnel_state **ts,
			 struct netlink_ext_ack *extack)
{
	struct lwtunnel_state *s;
	int err;

	*ts = NULL;
	if (!cfg || cfg->type == LWTUNNEL_ENCAP_NONE)
		return 0;
	if ((err = lwtunnel_valid_encap_type(cfg->type, extack)))
		return err;
	s = kzalloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->type = cfg->type;
	s->refcnt = 1;
	s->key = cfg->key;
	*ts = s;
	return 0;
}

void lwtstate_put(struct lwtunnel_state *ts)
{
	if (ts && --ts->refcnt <= 0)
		kfree(ts);
}

static bool ip_tunnel_key_equal(const struct ip_tunnel_key *a, const struct ip_tunnel_key *b)
{
	return a->tun_id == b->tun_id && a->src4 == b->src4 && a->dst4 == b->dst4 &&
	       !memcmp(&a->src6, &b->src6, sizeof(a->src6)) &&
	       !memcmp(&a->dst6, &b->dst6, sizeof(a->dst6)) &&
	       a->tos == b->tos && a->ttl == b->ttl && a->tun_flags == b->tun_flags;
}

/* ip_tun_cmp_encap(): the whole tunnel info */
int lwtunnel_cmp_encap(const struct lwtunnel_state *a, const struct lwtunnel_state *b)
{
	if (!a && !b)
		return 0;
	if (!a || !b || a->type != b->type)
		return 1;
	return !ip_tunnel_key_equal(&a->key, &b->key);
}

bool lwtunnel_cfg_match(const struct lwtunnel_encap_cfg *cfg, const struct lwtunnel_state *ts)
{
	struct lwtunnel_state want = { .type = cfg->type, .key = cfg->key };

	return !lwtunnel_cmp_encap(&want, ts);
}
