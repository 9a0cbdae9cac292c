/* Unit tests for NAT's packet rewriting (net/netfilter/nf_nat_proto.c):
 * after an address and port change every checksum (IP header, TCP and UDP
 * with their pseudo-header, ICMP) must still verify, computed from scratch,
 * though only RFC 1624 incremental updates were applied; a UDP checksum of
 * 0 stays 0; an ICMP error about a SNATed connection gets its outer
 * destination and its quoted packet translated back; the same for IPv6
 * (NAT66: TCP, UDP behind a hop-by-hop header, ICMPv6 echo id and pseudo
 * header).  Every skb goes back
 * to its pool (leak check). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include "linux/skbuff.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/netfilter/nf_nat.h"
#include "net/ipv6.h"

static __be32 A(const char *s)
{
	struct in_addr a;

	inet_pton(AF_INET, s, &a);
	return a.s_addr;
}

static void put_be16(u8 *p, u16 v)
{
	p[0] = (u8)(v >> 8);
	p[1] = (u8)v;
}

/* The sum over a transport segment and its pseudo-header: 0 when valid. */
static u16 l4_csum(const u8 *iph)
{
	unsigned int ihl = (iph[0] & 15) * 4u, tot = (unsigned int)(iph[2] << 8 | iph[3]);
	u8 pseudo[12];
	u32 sum;

	memcpy(pseudo, iph + 12, 8);
	pseudo[8] = 0;
	pseudo[9] = iph[9];
	put_be16(pseudo + 10, (u16)(tot - ihl));
	sum = csum_partial(pseudo, 12, 0);
	sum = csum_partial(iph + ihl, (int)(tot - ihl), sum);
	return csum_fold(sum);
}

/* IPv4 header + l4len bytes of transport (checksum filled when csum_off >= 0). */
static void build_ip(u8 *p, u8 proto, const char *src, const char *dst, unsigned int l4len)
{
	__be32 s = A(src), d = A(dst);
	u16 c;

	memset(p, 0, 20);
	p[0] = 0x45;
	put_be16(p + 2, (u16)(20 + l4len));
	p[8] = 64;
	p[9] = proto;
	memcpy(p + 12, &s, 4);
	memcpy(p + 16, &d, 4);
	c = ip_fast_csum(p, 5);
	memcpy(p + 10, &c, 2);
}

static void fill_l4_csum(u8 *p, unsigned int off)
{
	u16 c;

	memset(p + 20 + off, 0, 2);
	c = l4_csum(p);
	memcpy(p + 20 + off, &c, 2);
}

static struct sk_buff *skb_from(struct skb_pool *pool, const u8 *pkt, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(pool, 256 + len);

	assert_non_null(skb);
	skb_reserve(skb, 64);
	skb_put_data(skb, pkt, len);
	skb_reset_network_header(skb);
	return skb;
}

static struct nf_conntrack_tuple tuple(const char *s, u16 sp, const char *d, u16 dp, u8 proto)
{
	struct nf_conntrack_tuple t;

	memset(&t, 0, sizeof(t));
	t.src.ip = A(s);
	t.src.u.all = htons(sp);
	t.dst.ip = A(d);
	t.dst.u.all = htons(dp);
	t.dst.protonum = proto;
	return t;
}

static void test_tcp_snat_dnat_checksums(void **state)
{
	struct skb_pool pool;
	struct nf_conntrack_tuple t = tuple("192.168.0.1", 10007, "10.244.1.5", 8080, 6);
	struct sk_buff *skb;
	u8 pkt[40];

	(void)state;
	skb_pool_init(&pool);
	build_ip(pkt, 6, "10.0.1.2", "10.96.0.10", 20);
	memset(pkt + 20, 0, 20);
	put_be16(pkt + 20, 5555);
	put_be16(pkt + 22, 80);
	pkt[32] = 5 << 4;
	pkt[33] = 0x02;
	fill_l4_csum(pkt, 16);
	skb = skb_from(&pool, pkt, sizeof(pkt));
	assert_true(nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_SRC));
	assert_true(nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_DST));
	assert_int_equal(ip_hdr(skb)->saddr, A("192.168.0.1"));
	assert_int_equal(ip_hdr(skb)->daddr, A("10.244.1.5"));
	assert_int_equal(skb->data[20] << 8 | skb->data[21], 10007);
	assert_int_equal(skb->data[22] << 8 | skb->data[23], 8080);
	assert_int_equal(ip_fast_csum(skb->data, 5), 0);
	assert_int_equal(l4_csum(skb->data), 0);
	kfree_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_udp_checksum_zero_stays_zero(void **state)
{
	struct skb_pool pool;
	struct nf_conntrack_tuple t = tuple("192.168.0.1", 40000, "8.8.8.8", 53, 17);
	struct sk_buff *skb;
	u8 pkt[36];

	(void)state;
	skb_pool_init(&pool);
	build_ip(pkt, 17, "10.0.1.2", "8.8.8.8", 16);
	memset(pkt + 20, 0, 16);
	put_be16(pkt + 20, 5353);
	put_be16(pkt + 22, 53);
	put_be16(pkt + 24, 16);
	memcpy(pkt + 28, "question", 8);
	skb = skb_from(&pool, pkt, sizeof(pkt));
	assert_true(nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_SRC));
	assert_int_equal(skb->data[26] | skb->data[27], 0);	/* no checksum: none after */
	assert_int_equal(skb->data[20] << 8 | skb->data[21], 40000);
	assert_int_equal(ip_fast_csum(skb->data, 5), 0);
	kfree_skb(skb);

	fill_l4_csum(pkt, 6);
	skb = skb_from(&pool, pkt, sizeof(pkt));
	assert_true(nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_SRC));
	assert_int_equal(l4_csum(skb->data), 0);
	kfree_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_icmp_echo_id(void **state)
{
	struct skb_pool pool;
	struct nf_conntrack_tuple t = tuple("192.168.0.1", 0x4242, "192.168.1.2", 0, 1);
	struct sk_buff *skb;
	u8 pkt[36];
	u16 c;

	(void)state;
	skb_pool_init(&pool);
	build_ip(pkt, 1, "10.0.1.2", "192.168.1.2", 16);
	memset(pkt + 20, 0, 16);
	pkt[20] = ICMP_ECHO;
	put_be16(pkt + 24, 0x1234);
	put_be16(pkt + 26, 1);
	c = ip_compute_csum(pkt + 20, 16);
	memcpy(pkt + 22, &c, 2);
	skb = skb_from(&pool, pkt, sizeof(pkt));
	assert_true(nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_SRC));
	assert_int_equal(skb->data[24] << 8 | skb->data[25], 0x4242);
	assert_int_equal(ip_compute_csum(skb->data + 20, 16), 0);
	assert_int_equal(ip_fast_csum(skb->data, 5), 0);
	kfree_skb(skb);
	skb_pool_destroy(&pool);
}

/* 10.0.1.2 id 0x1234 → MASQUERADE 192.168.0.1 id 0x1234; a router
 * (192.168.0.2) answers "TTL exceeded" to 192.168.0.1; arriving at
 * PRE_ROUTING it must be turned into an error for 10.0.1.2 about its own
 * packet. */
static void test_icmp_error_translated(void **state)
{
	struct skb_pool pool;
	struct nf_conn ct;
	struct sk_buff *skb;
	u8 pkt[20 + 8 + 20 + 8];
	u16 c;

	(void)state;
	skb_pool_init(&pool);
	memset(&ct, 0, sizeof(ct));
	ct.tuplehash[IP_CT_DIR_ORIGINAL].tuple = tuple("10.0.1.2", 0x1234, "192.168.1.2", 0, 1);
	ct.tuplehash[IP_CT_DIR_REPLY].tuple = tuple("192.168.1.2", 0x1234, "192.168.0.1", 0, 1);
	ct.tuplehash[IP_CT_DIR_REPLY].tuple.dst.u.icmp.type = ICMP_ECHOREPLY;
	ct.tuplehash[IP_CT_DIR_ORIGINAL].tuple.dst.u.icmp.type = ICMP_ECHO;
	ct.tuplehash[IP_CT_DIR_REPLY].tuple.dst.dir = IP_CT_DIR_REPLY;
	ct.status = IPS_SRC_NAT | IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE | IPS_CONFIRMED;

	build_ip(pkt, 1, "192.168.0.2", "192.168.0.1", 36);
	memset(pkt + 20, 0, 8);
	pkt[20] = ICMP_TIME_EXCEEDED;
	build_ip(pkt + 28, 1, "192.168.0.1", "192.168.1.2", 8);
	pkt[28 + 8] = 1;				/* the TTL it died with */
	memset(pkt + 28 + 10, 0, 2);
	c = ip_fast_csum(pkt + 28, 5);
	memcpy(pkt + 28 + 10, &c, 2);
	memset(pkt + 48, 0, 8);
	pkt[48] = ICMP_ECHO;
	put_be16(pkt + 52, 0x1234);
	c = ip_compute_csum(pkt + 48, 8);
	memcpy(pkt + 50, &c, 2);
	c = ip_compute_csum(pkt + 20, 36);
	memcpy(pkt + 22, &c, 2);
	skb = skb_from(&pool, pkt, sizeof(pkt));
	assert_int_equal(nf_nat_icmp_reply_translation(skb, &ct, IP_CT_RELATED_REPLY,
						       NF_INET_PRE_ROUTING), 1);
	assert_int_equal(ip_hdr(skb)->daddr, A("10.0.1.2"));
	assert_int_equal(ip_hdr(skb)->saddr, A("192.168.0.2"));
	assert_memory_equal(skb->data + 28 + 12, &(__be32){ A("10.0.1.2") }, 4);
	assert_int_equal(ip_fast_csum(skb->data, 5), 0);
	assert_int_equal(ip_fast_csum(skb->data + 28, 5), 0);
	assert_int_equal(ip_compute_csum(skb->data + 20, 36), 0);
	kfree_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	skb_pool_destroy(&pool);
}

/* ---- NAT66 (nf_nat_ipv6_manip_pkt) ---- */
static struct in6_addr A6(const char *s)
{
	struct in6_addr a;

	inet_pton(AF_INET6, s, &a);
	return a;
}

/* IPv6 header + hop-by-hop (PadN) when hbh, then l4len bytes of proto */
static unsigned int build_ip6(u8 *p, u8 proto, const char *src, const char *dst,
			      unsigned int l4len, bool hbh)
{
	struct in6_addr s = A6(src), d = A6(dst);
	unsigned int ext = hbh ? 8 : 0;

	memset(p, 0, 40 + ext + l4len);	/* the transport header's unset fields too */
	p[0] = 0x60;
	put_be16(p + 4, (u16)(ext + l4len));
	p[6] = hbh ? 0 : proto;
	p[7] = 64;
	memcpy(p + 8, &s, 16);
	memcpy(p + 24, &d, 16);
	if (hbh) {
		p[40] = proto;
		p[42] = 1;	/* PadN, 4 bytes of padding */
		p[43] = 4;
	}
	return 40 + ext;
}

/* The transport checksum over the pseudo header: 0 when valid. */
static u16 l4_csum6(const u8 *p, unsigned int off, u8 proto)
{
	unsigned int len = (unsigned int)(p[4] << 8 | p[5]) + 40 - off;
	struct in6_addr s, d;

	memcpy(&s, p + 8, 16);
	memcpy(&d, p + 24, 16);
	return csum_ipv6_magic(&s, &d, len, proto, ipv6_csum_partial(p + off, len, 0));
}

static void fill_l4_csum6(u8 *p, unsigned int off, unsigned int csum_off, u8 proto)
{
	u16 c;

	memset(p + off + csum_off, 0, 2);
	c = l4_csum6(p, off, proto);
	memcpy(p + off + csum_off, &c, 2);
}

static struct nf_conntrack_tuple6 tuple6(const char *s, u16 sp, const char *d, u16 dp, u8 proto)
{
	struct nf_conntrack_tuple6 t;

	memset(&t, 0, sizeof(t));
	t.src = A6(s);
	t.dst = A6(d);
	t.t.src.ip = nf_ct_addr6_fold(&t.src);
	t.t.dst.ip = nf_ct_addr6_fold(&t.dst);
	t.t.src.u.all = htons(sp);
	t.t.dst.u.all = htons(dp);
	t.t.dst.protonum = proto;
	t.t.dst.v6 = 1;
	t.t.dst.wrapped = 1;
	return t;
}

static void test_ipv6_tcp_udp_checksums(void **state)
{
	struct nf_conntrack_tuple6 t = tuple6("2001:db8:2::1", 10007, "2001:db8:1::5", 8080, 6);
	struct nf_conntrack_tuple6 u = tuple6("2001:db8:2::1", 10008, "2001:db8:1::5", 53, 17);
	struct in6_addr a;
	struct skb_pool pool;
	struct sk_buff *skb;
	unsigned int off;
	u8 pkt[80];

	(void)state;
	skb_pool_init(&pool);
	/* TCP straight after the IPv6 header */
	off = build_ip6(pkt, 6, "2001:db8:1::2", "2001:db8:2::1", 20, false);
	put_be16(pkt + off, 5555);
	put_be16(pkt + off + 2, 8080);
	pkt[off + 12] = 5 << 4;
	pkt[off + 13] = 0x02;
	fill_l4_csum6(pkt, off, 16, 6);
	skb = skb_from(&pool, pkt, off + 20);
	assert_true(nf_nat_ipv6_manip_pkt(skb, 0, &t.t, NF_NAT_MANIP_SRC));
	assert_true(nf_nat_ipv6_manip_pkt(skb, 0, &t.t, NF_NAT_MANIP_DST));
	memcpy(&a, skb->data + 8, 16);
	assert_true(ipv6_addr_equal(&a, &t.src));
	memcpy(&a, skb->data + 24, 16);
	assert_true(ipv6_addr_equal(&a, &t.dst));
	assert_int_equal(skb->data[off] << 8 | skb->data[off + 1], 10007);
	assert_int_equal(skb->data[off + 2] << 8 | skb->data[off + 3], 8080);
	assert_int_equal(l4_csum6(skb->data, off, 6), 0);
	kfree_skb(skb);
	/* UDP behind a hop-by-hop header */
	off = build_ip6(pkt, 17, "2001:db8:1::2", "2001:db8:2::9", 12, true);
	put_be16(pkt + off, 4000);
	put_be16(pkt + off + 2, 53);
	put_be16(pkt + off + 4, 12);
	memcpy(pkt + off + 8, "abcd", 4);
	fill_l4_csum6(pkt, off, 6, 17);
	skb = skb_from(&pool, pkt, off + 12);
	assert_true(nf_nat_ipv6_manip_pkt(skb, 0, &u.t, NF_NAT_MANIP_SRC));
	assert_true(nf_nat_ipv6_manip_pkt(skb, 0, &u.t, NF_NAT_MANIP_DST));
	assert_int_equal(skb->data[off] << 8 | skb->data[off + 1], 10008);
	assert_int_equal(l4_csum6(skb->data, off, 17), 0);
	kfree_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_ipv6_icmpv6_echo(void **state)
{
	struct nf_conntrack_tuple6 t = tuple6("2001:db8:2::1", 777, "2001:db8:2::2", 0, 58);
	struct skb_pool pool;
	struct sk_buff *skb;
	unsigned int off;
	u8 pkt[64];

	(void)state;
	skb_pool_init(&pool);
	off = build_ip6(pkt, 58, "2001:db8:1::2", "2001:db8:2::2", 16, false);
	memset(pkt + off, 0, 16);
	pkt[off] = 128;		/* echo request */
	put_be16(pkt + off + 4, 31270);
	put_be16(pkt + off + 6, 1);
	fill_l4_csum6(pkt, off, 2, 58);
	skb = skb_from(&pool, pkt, off + 16);
	assert_true(nf_nat_ipv6_manip_pkt(skb, 0, &t.t, NF_NAT_MANIP_SRC));
	assert_int_equal(skb->data[off + 4] << 8 | skb->data[off + 5], 777);
	assert_int_equal(l4_csum6(skb->data, off, 58), 0);
	kfree_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	skb_pool_destroy(&pool);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_snat_dnat_checksums),
		cmocka_unit_test(test_udp_checksum_zero_stays_zero),
		cmocka_unit_test(test_icmp_echo_id),
		cmocka_unit_test(test_icmp_error_translated),
		cmocka_unit_test(test_ipv6_tcp_udp_checksums),
		cmocka_unit_test(test_ipv6_icmpv6_echo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
