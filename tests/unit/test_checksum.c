// SPDX-License-Identifier: GPL-2.0
/* Unit tests for lib/checksum.c: the Internet checksum (RFC 1071) and its
 * incremental update (RFC 1624). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "net/ip.h"

/* Reference: a straightforward big-endian one's complement sum, folded, not complemented. */
static uint16_t ref_sum(const uint8_t *p, int len)
{
	uint32_t s = 0;

	for (int i = 0; i + 1 < len; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		s += (uint32_t)p[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static void test_rfc1071_example(void **state)
{
	/* RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 → sum 0xddf2 (after
	 * folding 0x2ddf0), checksum ~0xddf2 = 0x220d, sent as bytes 22 0d. */
	static const uint8_t b[8] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	uint16_t c;
	uint8_t wire[2];

	(void)state;
	assert_int_equal(ref_sum(b, 8), 0xddf2);
	assert_int_equal(ntohs((uint16_t)~csum_fold(csum_partial(b, 8, 0))), 0xddf2);
	c = ip_compute_csum(b, 8);
	assert_int_equal(ntohs(c), 0x220d);
	memcpy(wire, &c, 2);
	assert_int_equal(wire[0], 0x22);
	assert_int_equal(wire[1], 0x0d);

	/* the sum is independent of how it is split (even-length pieces) */
	assert_int_equal(csum_fold(csum_partial(b + 4, 4, csum_partial(b, 4, 0))), c);
	assert_int_equal(csum_fold(csum_partial(b + 2, 6, csum_partial(b, 2, 0))), c);

	/* data plus its checksum sums to 0xffff: the receiver's check gives 0 */
	{
		uint8_t all[10];

		memcpy(all, b, 8);
		memcpy(all + 8, &c, 2);
		assert_int_equal(ip_compute_csum(all, 10), 0);
	}
}

static void test_ipv4_header(void **state)
{
	/* 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7 */
	static const uint8_t hdr[20] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};
	uint8_t h[20];
	uint16_t c;

	(void)state;
	/* a correct header verifies to 0 */
	assert_int_equal(ip_fast_csum(hdr, 5), 0);
	memcpy(h, hdr, 20);
	h[10] = h[11] = 0;
	c = ip_fast_csum(h, 5);
	assert_int_equal(ntohs(c), 0xb861);

	/* through struct iphdr and ip_send_check */
	memcpy(h, hdr, 20);
	((struct iphdr *)h)->check = 0x1234;
	ip_send_check((struct iphdr *)h);
	assert_memory_equal(h, hdr, 20);

	/* a flipped bit is detected */
	memcpy(h, hdr, 20);
	h[8] ^= 0x01;
	assert_int_not_equal(ip_fast_csum(h, 5), 0);
}

static void test_odd_lengths(void **state)
{
	uint8_t buf[64];
	uint32_t seed = 12345;

	(void)state;
	/* one byte: padded with a zero byte at the end (the high-order byte) */
	buf[0] = 0xab;
	assert_int_equal(ntohs(ip_compute_csum(buf, 1)), (uint16_t)~0xab00);
	/* three bytes: 01 02 03 → 0x0102 + 0x0300 */
	buf[0] = 1; buf[1] = 2; buf[2] = 3;
	assert_int_equal(ntohs(ip_compute_csum(buf, 3)), (uint16_t)~0x0402);
	/* zero length */
	assert_int_equal(ip_compute_csum(buf, 0), 0xffff);

	for (int round = 0; round < 200; round++) {
		for (int i = 0; i < 64; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (uint8_t)(seed >> 16);
		}
		for (int len = 0; len <= 64; len++) {
			uint16_t ref = ref_sum(buf, len);

			assert_int_equal(ntohs((uint16_t)~csum_fold(csum_partial(buf, len, 0))) == ref ||
					 /* 0x0000 and 0xffff are both zero in one's complement */
					 (ref == 0xffff && ntohs((uint16_t)~csum_fold(csum_partial(buf, len, 0))) == 0),
					 1);
			assert_int_equal(ntohs(ip_compute_csum(buf, len)), (uint16_t)~ref);
		}
	}
	/* all 0xff bytes: large sums carry correctly */
	memset(buf, 0xff, sizeof(buf));
	assert_int_equal(ip_compute_csum(buf, 64), 0);
	assert_int_equal(ntohs(ip_compute_csum(buf, 63)), (uint16_t)~ref_sum(buf, 63));
}

static void test_rfc1624_corner_case(void **state)
{
	/* RFC 1624 section 3: HC = 0xDD2F, m = 0x5555 → m' = 0x3285.
	 * Eqn. 3 gives HC' = 0x0000, which is what recomputing gives.
	 * The data: words 5555 cd7a (sum 0x22d0), checksum dd2f. */
	uint8_t d[6] = { 0x55, 0x55, 0xcd, 0x7a, 0xdd, 0x2f };
	__sum16 *sum = (__sum16 *)(d + 4);
	uint16_t from, to;

	(void)state;
	assert_int_equal(ip_compute_csum(d, 6), 0);	/* consistent */
	memcpy(&from, d, 2);
	to = htons(0x3285);
	csum_replace2(sum, from, to);
	assert_int_equal(ntohs(*sum), 0x0000);
	memcpy(d, &to, 2);
	/* recomputing: checksum field zeroed, sum of 3285 cd7a = 0xffff → ~ = 0 */
	{
		uint8_t r[6];

		memcpy(r, d, 6);
		r[4] = r[5] = 0;
		assert_int_equal(ntohs(ip_compute_csum(r, 6)), 0x0000);
	}
	/* and back: restores the original checksum */
	csum_replace2(sum, to, from);
	assert_int_equal(ntohs(*sum), 0xdd2f);
}

static void test_incremental_matches_recompute(void **state)
{
	uint8_t h[20] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};
	struct iphdr *iph = (struct iphdr *)h;
	uint32_t seed = 777;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		uint32_t v;
		uint16_t inc, ref;

		seed = seed * 1664525u + 1013904223u;
		v = seed;
		if (i & 1) {
			/* NAT-style: rewrite the source or destination address */
			__be32 from, to = htonl(v);

			if (i & 2) {
				from = iph->saddr;
				iph->saddr = to;
			} else {
				from = iph->daddr;
				iph->daddr = to;
			}
			csum_replace4(&iph->check, from, to);
		} else {
			/* TTL/protocol word, or the id */
			__be16 from, to = htons((uint16_t)(v >> 8));

			if (i & 2) {
				memcpy(&from, h + 8, 2);
				memcpy(h + 8, &to, 2);
			} else {
				memcpy(&from, h + 4, 2);
				memcpy(h + 4, &to, 2);
			}
			csum_replace2(&iph->check, from, to);
		}
		inc = iph->check;
		iph->check = 0;
		ref = ip_fast_csum(h, 5);
		iph->check = inc;
		assert_int_equal(inc, ref);
		assert_int_equal(ip_fast_csum(h, 5), 0);
	}
}

static void test_replace_identity_and_known(void **state)
{
	__sum16 s = htons(0x1234);

	(void)state;
	/* no change: no change (except +0/-0: 0xffff stays as recomputing would) */
	csum_replace4(&s, htonl(0xc0a80001), htonl(0xc0a80001));
	assert_int_equal(ntohs(s), 0x1234);
	csum_replace2(&s, htons(0xabcd), htons(0xabcd));
	assert_int_equal(ntohs(s), 0x1234);

	/* decrementing TTL 64 → 63 in the header above: b861 → b961 */
	{
		uint8_t h[20] = {
			0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
			0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
		};
		struct iphdr *iph = (struct iphdr *)h;
		__be16 from, to;

		memcpy(&from, h + 8, 2);
		h[8] = 0x3f;
		memcpy(&to, h + 8, 2);
		csum_replace2(&iph->check, from, to);
		assert_int_equal(ntohs(iph->check), 0xb961);
		assert_int_equal(ip_fast_csum(h, 5), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc1071_example),
		cmocka_unit_test(test_ipv4_header),
		cmocka_unit_test(test_odd_lengths),
		cmocka_unit_test(test_rfc1624_corner_case),
		cmocka_unit_test(test_incremental_matches_recompute),
		cmocka_unit_test(test_replace_identity_and_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
