/* -j LOG (net/netfilter/xt_LOG.c with nf_log_syslog.c): one line per
 * packet in the world's kernel log (`dmesg`), in the kernel's format:
 * "[time] PREFIXIN=eth0 OUT= MAC=... SRC=... DST=... LEN=... TOS=0x00
 * PREC=0x00 TTL=64 ID=0 DF PROTO=ICMP TYPE=8 CODE=0 ID=1 SEQ=1 ", and for
 * IPv6 "SRC=2001:db8::1 DST=... LEN=104 TC=0 HOPLIMIT=64 FLOWLBL=0
 * PROTO=ICMPv6 TYPE=128 CODE=0 ID=1 SEQ=1 ".
 * As in Linux with net.netfilter.nf_log_all_netns = 0 (the default),
 * only the first namespace (init_net) logs; LOG elsewhere writes nothing. */
#include <errno.h>
#include <stdio.h>
#include <arpa/inet.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_targets.h"
#include "uapi/linux/netfilter/xt_tcpudp.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/trace.h"
#include "net/net_namespace.h"

static void log_mac(FILE *f, const struct sk_buff *skb, const struct net_device *in)
{
	const unsigned char *p = skb_mac_header(skb);

	fputs("MAC=", f);
	if (in->hard_header_len && skb->mac_header != skb->network_header) {
		fprintf(f, "%02x", p[0]);
		for (unsigned int i = 1; i < in->hard_header_len; i++)
			fprintf(f, ":%02x", p[i]);
	}
	fputc(' ', f);
}

static void log_tcp(FILE *f, const u8 *th, const struct xt_log_info *info)
{
	static const char *const flags[] = { "FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR" };
	static const int order[] = { 7, 6, 5, 4, 3, 2, 1, 0 };

	fprintf(f, "SPT=%u DPT=%u ", th[0] << 8 | th[1], th[2] << 8 | th[3]);
	if (info->logflags & XT_LOG_TCPSEQ)
		fprintf(f, "SEQ=%u ACK=%u ", (unsigned)th[4] << 24 | th[5] << 16 | th[6] << 8 | th[7],
			(unsigned)th[8] << 24 | th[9] << 16 | th[10] << 8 | th[11]);
	fprintf(f, "WINDOW=%u RES=0x%02x ", th[14] << 8 | th[15], (th[12] & 0x0f) << 0);
	for (unsigned int i = 0; i < 8; i++)
		if (th[13] & (1u << order[i]))
			fprintf(f, "%s ", flags[order[i]]);
	fprintf(f, "URGP=%u ", th[18] << 8 | th[19]);
}

static void log_transport(FILE *f, const struct sk_buff *skb, const struct iphdr *iph,
			  unsigned int thoff, const struct xt_log_info *info)
{
	u8 buf[20];
	const u8 *h;

	switch (iph->protocol) {
	case 6:
		fputs("PROTO=TCP ", f);
		if ((h = xt_header_pointer(skb, (int)thoff, 20, buf)))
			log_tcp(f, h, info);
		else
			fprintf(f, "INCOMPLETE [%u bytes] ", skb->len - thoff);
		break;
	case 17:
		fputs("PROTO=UDP ", f);
		if ((h = xt_header_pointer(skb, (int)thoff, 8, buf)))
			fprintf(f, "SPT=%u DPT=%u LEN=%u ", h[0] << 8 | h[1], h[2] << 8 | h[3],
				h[4] << 8 | h[5]);
		break;
	case 1:
		fputs("PROTO=ICMP ", f);
		if (!(h = xt_header_pointer(skb, (int)thoff, 8, buf)))
			break;
		fprintf(f, "TYPE=%u CODE=%u ", h[0], h[1]);
		if (h[0] == 0 || h[0] == 8)
			fprintf(f, "ID=%u SEQ=%u ", h[4] << 8 | h[5], h[6] << 8 | h[7]);
		break;
	default:
		fprintf(f, "PROTO=%u ", iph->protocol);
	}
}

static void log_ipv4(FILE *f, const struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct iphdr *iph = ip_hdr(skb);
	u32 s = ntohl(iph->saddr), d = ntohl(iph->daddr);
	u16 frag = ntohs(iph->frag_off);

	fprintf(f, "SRC=%u.%u.%u.%u DST=%u.%u.%u.%u ", s >> 24, (s >> 16) & 255, (s >> 8) & 255,
		s & 255, d >> 24, (d >> 16) & 255, (d >> 8) & 255, d & 255);
	fprintf(f, "LEN=%u TOS=0x%02X PREC=0x%02X TTL=%u ID=%u ", ntohs(iph->tot_len),
		iph->tos & 0x1e, iph->tos & 0xe0, iph->ttl, ntohs(iph->id));
	if (frag & IP_CE)
		fputs("CE ", f);
	if (frag & IP_DF)
		fputs("DF ", f);
	if (frag & IP_MF)
		fputs("MF ", f);
	if (frag & IP_OFFSET) {
		fprintf(f, "FRAG:%u ", frag & IP_OFFSET);
		fprintf(f, "PROTO=%u ", iph->protocol);
		return;
	}
	log_transport(f, skb, iph, par->thoff, par->targinfo);
}

/* dump_ipv6_packet(): "SRC=%pI6 DST=%pI6 LEN TC HOPLIMIT FLOWLBL", a
 * fragment header's offset and id, then the upper layer */
static void log_ipv6(FILE *f, const struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct ipv6hdr *ih = ipv6_hdr(skb);
	const struct xt_log_info *info = par->targinfo;
	unsigned int ptr = (unsigned int)skb_network_offset(skb) + sizeof(*ih);
	char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
	u32 w0 = ntohl(*(const __be32 *)ih);
	u8 cur = ih->nexthdr, buf[20];
	bool fragment = false;
	const u8 *h;

	inet_ntop(AF_INET6, &ih->saddr, s, sizeof(s));
	inet_ntop(AF_INET6, &ih->daddr, d, sizeof(d));
	fprintf(f, "SRC=%s DST=%s LEN=%u TC=%u HOPLIMIT=%u FLOWLBL=%u ", s, d,
		ntohs(ih->payload_len) + 40u, (w0 & 0x0ff00000) >> 20, ih->hop_limit, w0 & 0xfffff);
	/* the extension headers, as the kernel skips them without --log-ip-options */
	while (cur == NEXTHDR_HOP || cur == NEXTHDR_ROUTING || cur == NEXTHDR_FRAGMENT ||
	       cur == NEXTHDR_DEST || cur == 51) {
		unsigned int hdrlen;

		h = xt_header_pointer(skb, (int)ptr, 8, buf);
		if (!h) {
			fputs("TRUNCATED", f);
			return;
		}
		if (cur == NEXTHDR_FRAGMENT) {
			u16 off = (u16)(h[2] << 8 | h[3]);

			fprintf(f, "FRAG:%u ", off & 0xFFF8);
			if (off & 1)
				fputs("INCOMPLETE ", f);
			fprintf(f, "ID:%08x ", (unsigned)h[4] << 24 | h[5] << 16 | h[6] << 8 | h[7]);
			fragment = (off & 0xFFF8) != 0;
			hdrlen = 8;
		} else {
			hdrlen = cur == 51 ? (h[1] + 2u) << 2 : (h[1] + 1u) << 3;
		}
		cur = h[0];
		ptr += hdrlen;
		if (fragment)
			break;
	}
	switch (cur) {
	case 6:
		fputs("PROTO=TCP ", f);
		if (fragment)
			break;
		if ((h = xt_header_pointer(skb, (int)ptr, 20, buf)))
			log_tcp(f, h, info);
		else
			fprintf(f, "INCOMPLETE [%u bytes] ", skb->len - ptr);
		break;
	case 17:
		fputs("PROTO=UDP ", f);
		if (!fragment && (h = xt_header_pointer(skb, (int)ptr, 8, buf)))
			fprintf(f, "SPT=%u DPT=%u LEN=%u ", h[0] << 8 | h[1], h[2] << 8 | h[3],
				h[4] << 8 | h[5]);
		break;
	case 58:
		fputs("PROTO=ICMPv6 ", f);
		if (fragment)
			break;
		if (!(h = xt_header_pointer(skb, (int)ptr, 8, buf))) {
			fprintf(f, "INCOMPLETE [%u bytes] ", skb->len - ptr);
			break;
		}
		fprintf(f, "TYPE=%u CODE=%u ", h[0], h[1]);
		if (h[0] == 128 || h[0] == 129)
			fprintf(f, "ID=%u SEQ=%u ", h[4] << 8 | h[5], h[6] << 8 | h[7]);
		else if (h[0] == 4)
			fprintf(f, "POINTER=%08x ", (unsigned)h[4] << 24 | h[5] << 16 | h[6] << 8 | h[7]);
		if (h[0] == 2)
			fprintf(f, "MTU=%u ", (unsigned)h[4] << 24 | h[5] << 16 | h[6] << 8 | h[7]);
		break;
	default:
		fprintf(f, "PROTO=%u ", cur);
	}
}

static unsigned int log_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_log_info *info = par->targinfo;
	struct world *w = skb_world(skb);
	const struct net_device *in = xt_in(par), *out = xt_out(par);
	FILE *f = w->log;

	if (!f || xt_net(par) != w->init_net)
		return XT_CONTINUE;
	fprintf(f, "[%5llu.%06llu] %sIN=%s OUT=%s ", (unsigned long long)(w->now / NSEC_PER_SEC),
		(unsigned long long)(w->now % NSEC_PER_SEC / 1000), info->prefix,
		in ? in->name : "", out ? out->name : "");
	if (skb->nf_bridge && skb->nf_bridge->physindev)
		fprintf(f, "PHYSIN=%s ", skb->nf_bridge->physindev->name);
	if (skb->nf_bridge && skb->nf_bridge->physoutdev)
		fprintf(f, "PHYSOUT=%s ", skb->nf_bridge->physoutdev->name);
	if (in)
		log_mac(f, skb, in);
	if (xt_family(par) == NFPROTO_IPV6)
		log_ipv6(f, skb, par);
	else
		log_ipv4(f, skb, par);
	if (skb->mark)
		fprintf(f, "MARK=0x%x ", skb->mark);
	fputc('\n', f);
	return XT_CONTINUE;
}

static int log_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_log_info *info = par->targinfo;

	if (info->level >= 8)
		return -EINVAL;
	return info->prefix[sizeof(info->prefix) - 1] != '\0' ? -EINVAL : 0;
}

const struct xt_target xt_log_target = {
	.name = "LOG", .family = NFPROTO_UNSPEC, .target = log_tg, .checkentry = log_tg_check,
	.targetsize = sizeof(struct xt_log_info),
};
