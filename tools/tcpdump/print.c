/* The packet printers: tcpdump's print-ether.c, print-arp.c, print-ip.c,
 * print-icmp.c, print-udp.c and print-tcp.c, reduced to what the world
 * carries, printing the same words (netdissect, -n always: no DNS here). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netdb.h>
#include <arpa/inet.h>
#include "tcpdump.h"

static uint16_t g16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t g32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static const char *ipstr(const uint8_t *p, char *buf)
{
	sprintf(buf, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
	return buf;
}

static const char *macstr(const uint8_t *p, char *buf)
{
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
	return buf;
}

/* etheraddr_string(): without -n, "Broadcast" or the MAC and its OUI's
 * name (only the all-zero "Ethernet" OUI is known here) */
static const char *etheraddr(const struct tcpdump *td, const uint8_t *p, char *buf)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	if (!td->nflag && !memcmp(p, bcast, 6))
		return "Broadcast";
	macstr(p, buf);
	if (!td->nflag)
		strcat(buf, p[0] | p[1] | p[2] ? " (oui Unknown)" : " (oui Ethernet)");
	return buf;
}

static uint16_t csum_add(uint32_t sum, const uint8_t *p, uint32_t len)
{
	for (; len > 1; len -= 2, p += 2)
		sum += g16(p);
	if (len)
		sum += (uint32_t)p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* The /etc/services names, read once per process as tcpdump's
 * init_servarray() does (getservbyport() read the file for every port):
 * the first name given to each TCP and UDP port. */
static char **serv_names[2];	/* [0] TCP, [1] UDP: 65536 names each */
static pthread_once_t serv_once = PTHREAD_ONCE_INIT;

static void serv_init(void)
{
	struct servent *se;

	serv_names[0] = calloc(65536, sizeof(char *));
	serv_names[1] = calloc(65536, sizeof(char *));
	if (!serv_names[0] || !serv_names[1])
		return;
	setservent(0);
	while ((se = getservent())) {
		int k = !strcmp(se->s_proto, "tcp") ? 0 : !strcmp(se->s_proto, "udp") ? 1 : -1;
		uint16_t port = ntohs((uint16_t)se->s_port);

		if (k >= 0 && !serv_names[k][port])
			serv_names[k][port] = strdup(se->s_name);
	}
	endservent();
}

static const char *serv_name(uint8_t proto, uint16_t port)
{
	int k = proto == 6 ? 0 : 1;

	pthread_once(&serv_once, serv_init);
	return serv_names[k] ? serv_names[k][port] : NULL;
}

/* tcpport_string()/udpport_string(): the /etc/services name without -n */
static void print_port(const struct tcpdump *td, FILE *o, uint8_t proto, uint16_t port)
{
	const char *name = td->nflag ? NULL : serv_name(proto, port);

	if (name)
		fputs(name, o);
	else
		fprintf(o, "%u", port);
}

static bool is_ip6(const uint8_t *ip)
{
	return (ip[0] >> 4) == 6;
}

/* The source (which 0) or destination address of an IPv4 or IPv6 header,
 * and its length */
static const uint8_t *l3_addr(const uint8_t *ip, int which, unsigned int *alen)
{
	*alen = is_ip6(ip) ? 16 : 4;
	return is_ip6(ip) ? ip + 8 + 16 * which : ip + 12 + 4 * which;
}

static const char *ip6str(const uint8_t *p, char *buf)
{
	return inet_ntop(AF_INET6, p, buf, INET6_ADDRSTRLEN);
}

/* "src > dst: ", with ports when th is the TCP/UDP header (proto).  Over
 * IPv6, ip6_print() printed the addresses already unless TCP/UDP follows
 * the IPv6 header directly; after an extension header only the ports. */
static void print_addrs(const struct tcpdump *td, const uint8_t *ip, const uint8_t *th,
			uint8_t proto)
{
	FILE *o = td->out;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	bool v6 = is_ip6(ip), with_addrs = !v6 || ip[6] == 6 || ip[6] == 17;

	if (!th) {
		if (with_addrs)
			fprintf(o, "%s > %s: ", v6 ? ip6str(ip + 8, a) : ipstr(ip + 12, a),
				v6 ? ip6str(ip + 24, b) : ipstr(ip + 16, b));
		return;
	}
	if (with_addrs)
		fprintf(o, "%s.", v6 ? ip6str(ip + 8, a) : ipstr(ip + 12, a));
	print_port(td, o, proto, g16(th));
	fputs(" > ", o);
	if (with_addrs)
		fprintf(o, "%s.", v6 ? ip6str(ip + 24, a) : ipstr(ip + 16, a));
	print_port(td, o, proto, g16(th + 2));
	fputs(": ", o);
}

/* print-arp.c: arp_print() for Ethernet/IPv4 */
static void arp_print(struct tcpdump *td, const uint8_t *p, uint32_t len)
{
	FILE *o = td->out;
	char a[48], b[48];
	uint16_t op;

	if (!td->eflag)
		fputs("ARP, ", o);
	if (len < 28 || g16(p) != 1 || g16(p + 2) != 0x0800) {
		fprintf(o, "[|ARP], length %u", len);
		return;
	}
	if (td->vflag)
		fprintf(o, "Ethernet (len %u), IPv4 (len %u), ", p[4], p[5]);
	op = g16(p + 6);
	if (op == 1) {
		static const uint8_t zero[6];

		fprintf(o, "Request who-has %s", ipstr(p + 24, a));
		if (memcmp(p + 18, zero, 6))
			fprintf(o, " (%s)", etheraddr(td, p + 18, b));
		fprintf(o, " tell %s", ipstr(p + 14, a));
	} else if (op == 2) {
		fprintf(o, "Reply %s is-at %s", ipstr(p + 14, a), etheraddr(td, p + 8, b));
	} else {
		fprintf(o, "Unknown (%u)", op);
	}
	fprintf(o, ", length %u", len);
}

/* print-tcp.c: relative sequence numbers per conversation (without -S) */
static void tcp_relative(struct tcpdump *td, const uint8_t *ip, const uint8_t *th,
			 uint32_t *seq, uint32_t *ack)
{
	uint16_t sport = g16(th), dport = g16(th + 2);
	unsigned int alen;
	const uint8_t *sa = l3_addr(ip, 0, &alen), *da = l3_addr(ip, 1, &alen);
	int rev = sport > dport || (sport == dport && memcmp(sa, da, alen) > 0);
	struct td_seq key, *s = NULL;

	memset(&key, 0, sizeof(key));
	memcpy(key.src, rev ? da : sa, alen);
	memcpy(key.dst, rev ? sa : da, alen);
	key.port = rev ? ((uint32_t)dport << 16 | sport) : ((uint32_t)sport << 16 | dport);
	for (int i = 0; i < td->nseq; i++)
		if (!memcmp(td->seqs[i].src, key.src, 16) && !memcmp(td->seqs[i].dst, key.dst, 16) &&
		    td->seqs[i].port == key.port)
			s = &td->seqs[i];
	if (s && !(th[13] & 0x02)) {
		*seq -= rev ? s->ack : s->seq;
		*ack -= rev ? s->seq : s->ack;
		return;
	}
	if (!s)
		s = &td->seqs[td->nseq < TD_NSEQ ? td->nseq++ : TD_NSEQ - 1];
	*s = key;
	s->seq = rev ? *ack - 1 : *seq;
	s->ack = rev ? *seq : *ack - 1;
}

static void tcp_options(FILE *o, const uint8_t *p, uint32_t len)
{
	const char *sep = "";

	fputs(", options [", o);
	while (len > 0) {
		uint8_t kind = p[0], olen = kind <= 1 ? 1 : (len > 1 ? p[1] : 0);

		fputs(sep, o);
		sep = ",";
		if (kind == 0)
			fputs("eol", o);
		else if (kind == 1)
			fputs("nop", o);
		else if (olen < 2 || olen > len) {
			fputs("bad opt", o);
			break;
		} else if (kind == 2 && olen == 4)
			fprintf(o, "mss %u", g16(p + 2));
		else if (kind == 3 && olen == 3)
			fprintf(o, "wscale %u", p[2]);
		else if (kind == 4)
			fputs("sackOK", o);
		else if (kind == 8 && olen == 10)
			fprintf(o, "TS val %u ecr %u", g32(p + 2), g32(p + 6));
		else if (kind == 5) {
			fputs("sack", o);
			fprintf(o, " %u ", (olen - 2) / 8);
			for (int i = 2; i + 8 <= olen; i += 8)
				fprintf(o, "{%u:%u}", g32(p + i), g32(p + i + 4));
		} else
			fprintf(o, "opt-%u:", kind);
		p += olen;
		len -= olen;
	}
	fputc(']', o);
}

/* ", cksum 0x1234 (correct)" or "(incorrect -> 0xabcd)" */
static void print_cksum(FILE *o, const uint8_t *ip, const uint8_t *p, uint32_t len,
			uint8_t proto, uint16_t field)
{
	unsigned int alen;
	const uint8_t *sa = l3_addr(ip, 0, &alen), *da = l3_addr(ip, 1, &alen);
	uint32_t pseudo = csum_add(csum_add(proto + (len >> 16) + (len & 0xffff), sa, alen), da, alen);
	uint32_t s = csum_add(pseudo, p, len);
	uint16_t without = csum_add(s + (uint16_t)~field, NULL, 0);

	fprintf(o, ", cksum 0x%04x", field);
	if (s == 0xffff)
		fputs(" (correct)", o);
	else
		fprintf(o, " (incorrect -> 0x%04x)", (uint16_t)~without);
}

static void tcp_flags(FILE *o, uint8_t f)
{
	static const char bits[] = "FSRP.UEW";
	char buf[9];
	int n = 0;

	for (int i = 0; i < 8; i++)
		if (f & (1 << i))
			buf[n++] = bits[i];
	buf[n] = 0;
	fprintf(o, "Flags [%s]", n ? buf : "none");
}

static void tcp_print(struct tcpdump *td, const uint8_t *ip, const uint8_t *th, uint32_t len)
{
	FILE *o = td->out;
	uint32_t hlen, seq, ack;
	uint8_t flags;

	if (len < 20 || (hlen = (uint32_t)(th[12] >> 4) * 4) < 20 || hlen > len) {
		if (is_ip6(ip) && len >= 4) {	/* tcpdump prints the ports it has */
			print_addrs(td, ip, th, 6);
			fputc(' ', o);
		} else {
			print_addrs(td, ip, NULL, 6);
		}
		fputs("[|tcp]", o);
		return;
	}
	print_addrs(td, ip, th, 6);
	if (td->qflag) {
		fprintf(o, "tcp %u", len - hlen);
		return;
	}
	flags = th[13];
	seq = g32(th + 4);
	ack = g32(th + 8);
	if (flags & 0x10)
		tcp_relative(td, ip, th, &seq, &ack);
	tcp_flags(o, flags);
	if (td->vflag)
		print_cksum(o, ip, th, len, 6, g16(th + 16));
	if (len - hlen > 0 || (flags & 0x07)) {
		fprintf(o, ", seq %u", seq);
		if (len - hlen > 0)
			fprintf(o, ":%u", seq + (len - hlen));
	}
	if (flags & 0x10)
		fprintf(o, ", ack %u", ack);
	fprintf(o, ", win %u", g16(th + 14));
	if (flags & 0x20)
		fprintf(o, ", urg %u", g16(th + 18));
	if (hlen > 20)
		tcp_options(o, th + 20, hlen - 20);
	fprintf(o, ", length %u", len - hlen);
}

static void ether_payload_print(struct tcpdump *td, const uint8_t *p, uint32_t len);

/* print-vxlan.c: the header, then the inner frame on a line of its own */
static void vxlan_print(struct tcpdump *td, const uint8_t *vx, uint32_t len)
{
	FILE *o = td->out;

	if (len < 8) {
		fputs("[|VXLAN]", o);
		return;
	}
	fprintf(o, "VXLAN, flags [%s] (0x%02x), vni %u\n", vx[0] == 0x08 ? "I" : ".", vx[0],
		g32(vx + 4) >> 8);
	ether_payload_print(td, vx + 8, len - 8);
}

static void udp_print(struct tcpdump *td, const uint8_t *ip, const uint8_t *uh, uint32_t len)
{
	FILE *o = td->out;
	uint32_t ulen;

	if (len < 8) {
		print_addrs(td, ip, NULL, 17);
		fputs("[|udp]", o);
		return;
	}
	print_addrs(td, ip, uh, 17);
	ulen = g16(uh + 4);
	if (ulen < 8) {
		fprintf(o, "truncated-udplength %u", ulen);
		return;
	}
	ulen -= 8;
	if (!td->qflag && (g16(uh) == 53 || g16(uh + 2) == 53) && ulen < 12) {
		fprintf(o, "domain [length %u < 12] (invalid)", ulen);
		return;
	}
	if (!td->qflag && (g16(uh) == 4789 || g16(uh + 2) == 4789) && ulen <= len - 8) {
		vxlan_print(td, uh + 8, ulen);
		return;
	}
	if (ulen > len - 8)
		fprintf(o, "UDP, bad length %u > %u", ulen, len - 8);
	else
		fprintf(o, "UDP, length %u", ulen);
}

static const char *const unreach_fmt[16] = {
	"net %s unreachable", "host %s unreachable", NULL, NULL, NULL,
	"%s unreachable - source route failed", "net %s unreachable - unknown net",
	"host %s unreachable - unknown host", "%s unreachable - source host isolated",
	"net %s unreachable - admin prohibited", "host %s unreachable - admin prohibited",
	"net %s unreachable - tos prohibited", "host %s unreachable - tos prohibited",
	"host %s unreachable - admin prohibited filter",
	"host %s unreachable - host precedence violation",
	"host %s unreachable - precedence cutoff",
};

/* avail: the bytes captured from ic on (the inner header's ports may be
 * past them: a capture cut short by its snapshot length) */
static void icmp_unreach(const struct tcpdump *td, const uint8_t *ic, uint32_t avail)
{
	FILE *o = td->out;
	const uint8_t *in = ic + 8;
	uint32_t ihl = (uint32_t)(in[0] & 15) * 4;
	uint8_t code = ic[1];
	char a[32];

	ipstr(in + 16, a);
	if (code == 2) {
		fprintf(o, "%s protocol %u unreachable", a, in[9]);
	} else if (code == 3) {
		uint16_t dport = avail >= 8 + ihl + 4 ? g16(in + ihl + 2) : 0;

		if (in[9] == 6 || in[9] == 17) {
			fprintf(o, "%s %s port ", a, in[9] == 6 ? "tcp" : "udp");
			print_port(td, o, in[9], dport);
			fputs(" unreachable", o);
		} else
			fprintf(o, "%s protocol %u port %u unreachable", a, in[9], dport);
	} else if (code == 4) {
		fprintf(o, "%s unreachable - need to frag", a);
		if (g16(ic + 6))
			fprintf(o, " (mtu %u)", g16(ic + 6));
	} else if (code < 16) {
		fprintf(o, unreach_fmt[code], a);
	} else {
		fprintf(o, "%s unreachable - #%u", a, code);
	}
}

static bool icmp_is_error(uint8_t type)
{
	return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
}

static void icmp_text(const struct tcpdump *td, const uint8_t *ic, uint32_t len, uint32_t avail)
{
	FILE *o = td->out;
	char a[32], b[32];

	switch (ic[0]) {
	case 0: case 8:
		fprintf(o, "echo %s, id %u, seq %u", ic[0] ? "request" : "reply",
			g16(ic + 4), g16(ic + 6));
		break;
	case 3:
		icmp_unreach(td, ic, len < avail ? len : avail);
		break;
	case 4:
		fputs("source quench", o);
		break;
	case 5:
		fprintf(o, "redirect %s to %s %s", ipstr(ic + 8 + 16, a),
			ic[1] & 1 ? "host" : "net", ipstr(ic + 4, b));
		break;
	case 11:
		if (ic[1] < 2)
			fputs(ic[1] ? "ip reassembly time exceeded" : "time exceeded in-transit", o);
		else
			fprintf(o, "time exceeded-#%u", ic[1]);
		break;
	case 12:
		fprintf(o, "parameter problem - octet %u", ic[4]);
		break;
	default:
		fprintf(o, "type-#%u", ic[0]);
	}
}

static void ip_print(struct tcpdump *td, const uint8_t *p, uint32_t len);

static void icmp_print(struct tcpdump *td, const uint8_t *ip, const uint8_t *ic,
		       uint32_t len, uint32_t avail)
{
	FILE *o = td->out;

	print_addrs(td, ip, NULL, 0);
	/* print-icmp.c's ND_TCHECKs: the quoted header, and for a port
	 * unreachable the quoted destination port */
	if (avail < 8 || (icmp_is_error(ic[0]) && avail < 8 + 20) ||
	    (ic[0] == 3 && ic[1] == 3 && avail < 8 + (uint32_t)(ic[8] & 15) * 4 + 4)) {
		fputs(" [|icmp]", o);	/* nd_print_trunc() */
		return;
	}
	fputs("ICMP ", o);
	icmp_text(td, ic, len, avail);
	fprintf(o, ", length %u", len);
	if (td->vflag && icmp_is_error(ic[0])) {
		fputs("\n\t", o);
		ip_print(td, ic + 8, avail - 8);
	}
}

/* print-igmp.c: igmp_print() (v3 queries print as "igmp query v3") */
static void igmp_print(struct tcpdump *td, const uint8_t *ip, const uint8_t *ig, uint32_t len)
{
	static const char *const rec[7] = { "", "is_in", "is_ex", "to_in", "to_ex", "allow",
					    "block" };
	FILE *o = td->out;
	char b[16];

	print_addrs(td, ip, NULL, 0);
	if (len < 8) {
		fputs("[|igmp]", o);
		return;
	}
	switch (ig[0]) {
	case 0x11:
		fputs("igmp query", o);
		if (len >= 12)
			fputs(" v3", o);
		else if (ig[1])
			fprintf(o, ig[1] != 100 ? " v2 [max resp time %u]" : " v2", ig[1]);
		else
			fputs(" v1", o);
		if (g32(ig + 4))
			fprintf(o, " [gaddr %s]", ipstr(ig + 4, b));
		break;
	case 0x12: case 0x16: case 0x17:
		fprintf(o, ig[0] == 0x17 ? "igmp leave %s" : ig[0] == 0x12 ? "igmp v1 report %s" :
			"igmp v2 report %s", ipstr(ig + 4, b));
		break;
	case 0x22:
		fprintf(o, "igmp v3 report, %u group record(s)", g16(ig + 6));
		for (uint32_t i = 0, off = 8; td->vflag && i < g16(ig + 6) && off + 8 <= len; i++) {
			fprintf(o, " [gaddr %s %s, %u source(s)]", ipstr(ig + off + 4, b),
				ig[off] < 7 ? rec[ig[off]] : "?", g16(ig + off + 2));
			off += 8 + 4u * g16(ig + off + 2) + 4u * ig[off + 1];
		}
		break;
	default:
		fprintf(o, "igmp-%u", ig[0]);
	}
}

static const char *ipproto_name(uint8_t p)
{
	switch (p) {
	case 1: return "ICMP";
	case 2: return "IGMP";
	case 4: return "IPIP";
	case 6: return "TCP";
	case 17: return "UDP";
	case 47: return "GRE";
	case 50: return "ESP";
	case 51: return "AH";
	case 58: return "ICMP6";
	case 132: return "SCTP";
	default: return "unknown";
	}
}

static void ip_print_v(FILE *o, const uint8_t *ip)
{
	static const char *const fl[8] = {
		"none", "+", "DF", "+, DF", "rsvd", "+, rsvd", "DF, rsvd", "+, DF, rsvd",
	};
	uint16_t off = g16(ip + 6);
	int f = (off & 0x2000 ? 1 : 0) | (off & 0x4000 ? 2 : 0) | (off & 0x8000 ? 4 : 0);
	static const char *const ecn[4] = { "", ",ECT(1)", ",ECT(0)", ",CE" };

	fprintf(o, "(tos 0x%x%s, ttl %u, id %u, offset %u, flags [%s], proto %s (%u), length %u",
		ip[1] & ~3u, ecn[ip[1] & 3], ip[8], g16(ip + 4), (off & 0x1fff) * 8u, fl[f],
		ipproto_name(ip[9]), ip[9], g16(ip + 2));
	if (csum_add(0, ip, (uint32_t)(ip[0] & 15) * 4) != 0xffff) {
		/* in_cksum_shouldbe(): what the field should hold */
		uint8_t h[60];

		memcpy(h, ip, (size_t)(ip[0] & 15) * 4);
		h[10] = h[11] = 0;
		fprintf(o, ", bad cksum %x (->%x)!", g16(ip + 10),
			(uint16_t)~csum_add(0, h, (uint32_t)(ip[0] & 15) * 4));
	}
	if ((ip[0] & 15) > 5)	/* ip_optprint(): Router Alert is the one skbox sends */
		fputs(ip[20] == 148 ? ", options (RA)" : ", options (unknown)", o);
	fputs(")\n    ", o);
}

/* print-ip.c: ip_print().  len is what the layer below carried. */
static void ip_print(struct tcpdump *td, const uint8_t *ip, uint32_t len)
{
	FILE *o = td->out;
	uint32_t hl, tot, avail;

	if (!td->eflag)
		fputs("IP ", o);
	if (len < 20 || (ip[0] >> 4) != 4 || (hl = (uint32_t)(ip[0] & 15) * 4) < 20 || hl > len) {
		fputs("[|ip]", o);
		return;
	}
	tot = g16(ip + 2);
	avail = tot > len ? len : tot;	/* an ICMP error quotes only a head */
	if (tot < hl)
		tot = avail = hl;
	if (td->vflag)
		ip_print_v(o, ip);
	if (g16(ip + 6) & 0x1fff) {
		struct protoent *pe = td->nflag ? NULL : getprotobynumber(ip[9]);

		print_addrs(td, ip, NULL, 0);
		if (pe)
			fputs(pe->p_name, o);
		else
			fprintf(o, "ip-proto-%u", ip[9]);
		return;
	}
	if (ip[9] == 1)
		icmp_print(td, ip, ip + hl, tot - hl, avail - hl);
	else if (ip[9] == 6)
		tcp_print(td, ip, ip + hl, avail - hl);
	else if (ip[9] == 17 && avail - hl >= 8)
		udp_print(td, ip, ip + hl, tot - hl);
	else if (ip[9] == 2)
		igmp_print(td, ip, ip + hl, avail - hl);
	else if (ip[9] == 4 && avail - hl >= 20) {	/* print-ip.c: IPIP, then the inner packet */
		print_addrs(td, ip, NULL, 0);
		ip_print(td, ip + hl, avail - hl);
		fputs(" (ipip-proto-4)", o);
	}
	else {
		print_addrs(td, ip, NULL, 0);
		fprintf(o, "ip-proto-%u %u", ip[9], tot - hl);
	}
}

/* ---- IPv6 (print-ip6.c, print-icmp6.c, print-frag6.c, print-rt6.c) ---- */

static void ip6_print(struct tcpdump *td, const uint8_t *ip6, uint32_t len);

/* The upper-layer header of a quoted IPv6 packet past its extension
 * headers (get_upperlayer()); NULL when cut or a later fragment. */
static const uint8_t *icmp6_upper(const uint8_t *in, uint32_t avail, uint8_t *proto)
{
	uint8_t nh = in[6];
	uint32_t off = 40;

	while (nh == 0 || nh == 43 || nh == 60 || nh == 44) {
		if (off + 8 > avail)
			return NULL;
		if (nh == 44) {
			if (g16(in + off + 2) & 0xfff8)
				return NULL;
			nh = in[off];
			off += 8;
		} else {
			uint8_t next = in[off];

			off += (in[off + 1] + 1u) * 8;
			nh = next;
		}
	}
	*proto = nh;
	return off + 4 <= avail ? in + off : NULL;
}

/* icmp6_print()'s destination unreachable; false when cut ([|icmp6]) */
static bool icmp6_unreach(const struct tcpdump *td, const uint8_t *ic, uint32_t avail)
{
	FILE *o = td->out;
	const uint8_t *in = ic + 8, *up;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	uint8_t proto = 0;

	if (avail < 8 + 40)
		return false;
	ip6str(in + 24, a);
	switch (ic[1]) {
	case 0:
		fprintf(o, "unreachable route %s", a);
		break;
	case 1:
		fprintf(o, " unreachable prohibited %s", a);
		break;
	case 2:
		fprintf(o, "beyond scope %s, source address %s", a, ip6str(in + 8, b));
		break;
	case 3:
		fprintf(o, "unreachable address %s", a);
		break;
	case 4:
		up = icmp6_upper(in, avail - 8, &proto);
		if (!up || (proto != 6 && proto != 17)) {
			fputs("unreachable port", o);
			return false;
		}
		fprintf(o, "unreachable port, %s %s port ", a, proto == 6 ? "tcp" : "udp");
		print_port(td, o, proto, g16(up + 2));
		break;
	default:
		fprintf(o, "unknown unreach code (%u)", ic[1]);
		return true;
	}
	return true;
}

static const char *const icmp6_paramprob[4] = {
	"erroneous", "next header", "option", "incomplete header chain",
};

/* The words after "ICMP6, "; false when the message is cut */
static bool icmp6_text(const struct tcpdump *td, const uint8_t *ic, uint32_t len,
		       uint32_t avail)
{
	FILE *o = td->out;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	if (avail < 8 && ic[0] != 133 && ic[0] != 134) {	/* the fixed part is cut */
		if (ic[0] == 128 || ic[0] == 129)
			fprintf(o, "echo %s", ic[0] == 128 ? "request" : "reply");
		return false;
	}
	switch (ic[0]) {
	case 1:
		fputs("destination unreachable, ", o);
		return icmp6_unreach(td, ic, avail);
	case 2:
		fprintf(o, "packet too big, mtu %u", g32(ic + 4));
		return true;
	case 3:
		if (ic[1] == 1)
			fputs("time exceeded in-transit (reassembly)", o);
		else if (ic[1])
			fprintf(o, "time exceeded in-transit, unknown code (%u)", ic[1]);
		else if (avail >= 8 + 40)
			fprintf(o, "time exceeded in-transit for %s", ip6str(ic + 8 + 24, a));
		else
			return false;
		return true;
	case 4:
		if (ic[1] < 4)
			fprintf(o, "parameter problem, %s - octet %u", icmp6_paramprob[ic[1]],
				g32(ic + 4));
		else
			fprintf(o, "parameter problem, code-#%u", ic[1]);
		return true;
	case 128: case 129:
		fprintf(o, "echo %s, id %u, seq %u", ic[0] == 128 ? "request" : "reply",
			g16(ic + 4), g16(ic + 6));
		return true;
	case 130: case 131: case 132:
		if (ic[0] == 130 && len >= 28 && avail >= 28) {
			fprintf(o, "multicast listener query v2 [gaddr %s]", ip6str(ic + 8, a));
			return true;
		}
		if (avail < 24)
			return false;
		fprintf(o, "multicast listener %smax resp delay: %u addr: %s",
			ic[0] == 130 ? "query" : ic[0] == 131 ? "report" : "done", g16(ic + 4),
			ip6str(ic + 8, a));
		return true;
	case 133:
		fputs("router solicitation", o);
		return true;
	case 134:
		fputs("router advertisement", o);
		return true;
	case 135: case 136:
		if (avail < 24)
			return false;
		fprintf(o, ic[0] == 135 ? "neighbor solicitation, who has %s" :
			"neighbor advertisement, tgt is %s", ip6str(ic + 8, a));
		return true;
	case 137:
		if (avail < 40)
			return false;
		fprintf(o, "redirect, %s to %s", ip6str(ic + 24, a), ip6str(ic + 8, b));
		return true;
	case 143:
		fprintf(o, "multicast listener report v2, %u group record(s)", g16(ic + 6));
		return true;
	default:
		fprintf(o, "type-#%u", ic[0]);
		return true;
	}
}

/* -v: "[icmp6 sum ok] " or "[bad icmp6 cksum 0x… -> 0x…!] " */
static void icmp6_cksum(FILE *o, const uint8_t *ip6, const uint8_t *ic, uint32_t len)
{
	uint32_t sum = csum_add(58 + (len >> 16) + (len & 0xffff), ip6 + 8, 32);

	sum = csum_add(sum, ic, len);
	if (sum == 0xffff)
		fputs("[icmp6 sum ok] ", o);
	else
		fprintf(o, "[bad icmp6 cksum 0x%04x -> 0x%04x!] ", g16(ic + 2),
			(uint16_t)~csum_add(sum + (uint16_t)~g16(ic + 2), NULL, 0));
}

static void icmp6_print(struct tcpdump *td, const uint8_t *ip6, const uint8_t *ic,
			uint32_t len, uint32_t avail, bool frag)
{
	FILE *o = td->out;

	if (avail < 2) {
		fputs("[|icmp6]", o);
		return;
	}
	if (td->vflag && !frag && avail >= len)
		icmp6_cksum(o, ip6, ic, len);
	fputs("ICMP6, ", o);
	if (!icmp6_text(td, ic, len, avail)) {
		fputs(" [|icmp6]", o);
		return;
	}
	if (!(ic[0] == 1 && ic[1] > 4))
		fprintf(o, ", length %u", len);
}

/* print-rt6.c: rt6_print() for types 0, 2 and 4 (addresses listed) */
static uint32_t rt6_print(FILE *o, const uint8_t *rh, uint32_t avail)
{
	char a[INET6_ADDRSTRLEN];
	uint32_t n = rh[1] / 2;

	if (rh[2] != 0 && rh[2] != 2 && rh[2] != 4) {
		fprintf(o, "RT6 (len=%u, type=%u, segleft=%u (unknown type) (invalid)", rh[1],
			rh[2], rh[3]);
		return 0;
	}
	fprintf(o, "RT6 (len=%u, type=%u%s, segleft=%u, ", rh[1], rh[2],
		rh[2] == 0 ? " [Deprecated]" : "", rh[3]);
	if (rh[2] == 4)
		fprintf(o, "last-entry=%u, tag=%u, ", rh[4], g16(rh + 6));
	for (uint32_t i = 0; i < n && 8 + 16 * (i + 1) <= avail; i++)
		fprintf(o, "%s[%u]%s", i ? ", " : "", i, ip6str(rh + 8 + 16 * i, a));
	fputs(") ", o);
	return (rh[1] + 1u) * 8;
}

/* ip6_print -v: "(flowlabel 0x…, hlim N, next-header NAME (N) payload length: N) " */
static void ip6_print_v(FILE *o, const uint8_t *ip6)
{
	uint32_t flow = g32(ip6);
	const char *nh;

	switch (ip6[6]) {
	case 0: nh = "Options"; break;
	case 6: nh = "TCP"; break;
	case 17: nh = "UDP"; break;
	case 43: nh = "Routing"; break;
	case 44: nh = "Fragment"; break;
	case 58: nh = "ICMPv6"; break;
	default: nh = "unknown";
	}
	fputc('(', o);
	if (flow & 0x0ff00000)
		fprintf(o, "class 0x%02x, ", (flow >> 20) & 0xff);
	if (flow & 0x000fffff)
		fprintf(o, "flowlabel 0x%05x, ", flow & 0x000fffff);
	fprintf(o, "hlim %u, next-header %s (%u) payload length: %u) ", ip6[7], nh, ip6[6],
		g16(ip6 + 4));
}

/* One header of the chain at cp (ip6_print's loop): its length, 0 when
 * the packet was printed to its end. */
static uint32_t ip6_print_one(struct tcpdump *td, const uint8_t *ip6, const uint8_t *cp,
			      uint8_t nh, uint32_t len, uint32_t avail, bool *frag)
{
	FILE *o = td->out;

	switch (nh) {
	case 0: case 60:
		if (avail < 2)
			break;
		fputs(nh ? "DSTOPT " : "HBH ", o);
		return (cp[1] + 1u) * 8;
	case 43:
		return avail < 8 ? 0 : rt6_print(o, cp, avail);
	case 44:
		if (avail < 8)
			break;
		fprintf(o, "frag (%u|%u)", g16(cp + 2) & 0xfff8, len - 8);
		if (g16(cp + 2) & 0xfff8)
			return 0;	/* a later fragment: nothing to decode */
		fputc(' ', o);
		*frag = true;
		return 8;
	}
	switch (nh) {
	case 6:
		tcp_print(td, ip6, cp, avail);
		break;
	case 17:
		if (*frag && avail >= 8) {	/* udp_print(…, fragmented): no length check */
			print_addrs(td, ip6, cp, 17);
			fprintf(o, "UDP, length %u", g16(cp + 4) - 8u);
		} else {
			udp_print(td, ip6, cp, avail < len ? avail : len);
		}
		break;
	case 58:
		icmp6_print(td, ip6, cp, len, avail, *frag);
		break;
	case 59:
		fputs("no next header", o);
		break;
	case 4:
		ip_print(td, cp, avail);
		break;
	case 41:
		ip6_print(td, cp, avail);
		break;
	default:
		fprintf(o, " ip-proto-%u %u", nh, len);
	}
	return 0;
}

/* print-ip6.c: ip6_print().  len is what the layer below carried. */
static void ip6_print(struct tcpdump *td, const uint8_t *ip6, uint32_t len)
{
	FILE *o = td->out;
	uint32_t plen, off = 40, adv;
	bool frag = false;
	uint8_t nh;

	if (!td->eflag)
		fputs("IP6 ", o);
	if (len < 40) {
		fprintf(o, "[|ip6]");
		return;
	}
	plen = g16(ip6 + 4);
	if (len < 40 + plen)
		fprintf(o, "truncated-ip6 - %u bytes missing!", 40 + plen - len);
	if (td->vflag)
		ip6_print_v(o, ip6);
	nh = ip6[6];
	if (nh != 6 && nh != 17) {	/* TCP and UDP print them with the ports */
		char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

		fprintf(o, "%s > %s: ", ip6str(ip6 + 8, a), ip6str(ip6 + 24, b));
	}
	if (len > 40 + plen)
		len = 40 + plen;
	while (off < len) {
		adv = ip6_print_one(td, ip6, ip6 + off, nh, 40 + plen - off, len - off, &frag);
		if (!adv)
			return;
		nh = ip6[off];
		off += adv;
	}
	if (off == len && nh == 59)
		fputs("no next header", o);
}

static const char *ethertype_name(uint16_t t)
{
	switch (t) {
	case 0x0800: return "IPv4";
	case 0x0806: return "ARP";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q";
	case 0x8035: return "Reverse ARP";
	default: return "Unknown";
	}
}

static void print_ts(FILE *o, const struct timeval *ts)
{
	long s = (long)(ts->tv_sec % 86400);

	fprintf(o, "%02ld:%02ld:%02ld.%06ld ", s / 3600, s / 60 % 60, s % 60, (long)ts->tv_usec);
}

/* print-ether.c: ether_print() and the line around it */
/* ether_print() of an encapsulated frame: the link layer only with -e */
static void ether_payload_print(struct tcpdump *td, const uint8_t *p, uint32_t len)
{
	FILE *o = td->out;
	char a[48], b[48];
	uint16_t type;

	if (len < 14) {
		fputs("[|ether]", o);
		return;
	}
	type = g16(p + 12);
	if (td->eflag || (type != 0x0800 && type != 0x0806 && type != 0x86dd))
		fprintf(o, "%s > %s, ethertype %s (0x%04x), length %u: ", etheraddr(td, p + 6, a),
			etheraddr(td, p, b), ethertype_name(type), type, len);
	if (type == 0x0800)
		ip_print(td, p + 14, len - 14);
	else if (type == 0x86dd)
		ip6_print(td, p + 14, len - 14);
	else if (type == 0x0806)
		arp_print(td, p + 14, len - 14);
}

void td_print_packet(struct tcpdump *td, const struct timeval *ts,
		     const uint8_t *p, uint32_t len)
{
	FILE *o = td->out;
	char a[48], b[48];
	uint16_t type;
	uint32_t wire;

	if (!td->tflag)
		print_ts(o, ts);
	if (len < 14) {
		fprintf(o, "[|ether]\n");
		return;
	}
	type = g16(p + 12);
	wire = td->wire_len > len ? td->wire_len : len;	/* a record cut by the snaplen */
	if (td->eflag && td->qflag)
		fprintf(o, "%s > %s, %s, length %u: ", etheraddr(td, p + 6, a),
			etheraddr(td, p, b), ethertype_name(type), wire);
	else if (td->eflag || (type != 0x0800 && type != 0x0806 && type != 0x86dd))
		fprintf(o, "%s > %s, ethertype %s (0x%04x), length %u: ", etheraddr(td, p + 6, a),
			etheraddr(td, p, b), ethertype_name(type), type, wire);
	if (type == 0x0800)
		ip_print(td, p + 14, len - 14);
	else if (type == 0x86dd)
		ip6_print(td, p + 14, len - 14);
	else if (type == 0x0806)
		arp_print(td, p + 14, len - 14);
	fputc('\n', o);
}
