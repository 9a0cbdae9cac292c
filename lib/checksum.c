/* The Internet checksum (RFC 1071) and its incremental update (RFC 1624),
 * as lib/checksum.c and include/net/checksum.h. */
#include <string.h>
#include "net/ip.h"

u32 csum_partial(const void *buf, int len, u32 sum)
{
	const u8 *p = buf;
	u64 acc = sum;

	/* eight bytes at a time, as two 32-bit words: 2^16 = 1 in one's
	 * complement arithmetic, so the folded sum is that of the 16-bit words;
	 * 32 bytes a round while there are (an ICMP echo is two rounds) */
	while (len >= 32) {
		u64 v[4];

		memcpy(v, p, 32);
		acc += (v[0] & 0xffffffffu) + (v[0] >> 32) + (v[1] & 0xffffffffu) + (v[1] >> 32) +
		       (v[2] & 0xffffffffu) + (v[2] >> 32) + (v[3] & 0xffffffffu) + (v[3] >> 32);
		p += 32;
		len -= 32;
	}
	while (len >= 8) {
		u64 v;

		memcpy(&v, p, 8);
		acc += (v & 0xffffffffu) + (v >> 32);
		p += 8;
		len -= 8;
	}
	while (len >= 2) {
		u16 w;

		memcpy(&w, p, 2);
		acc += w;
		p += 2;
		len -= 2;
	}
	if (len) {
		u16 w = 0;

		memcpy(&w, p, 1);
		acc += w;
	}
	while (acc >> 32)
		acc = (acc & 0xffffffffu) + (acc >> 32);
	return (u32)acc;
}

u16 csum_fold(u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

/* The IP header is whole 32-bit words (ihl of them, five as a rule):
 * summed a word at a time, as the kernel's x86 ip_fast_csum() does. */
u16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	const u8 *p = iph;
	unsigned int i = 0;
	u64 acc = 0;

	if (ihl >= 5) {
		u32 w[5];

		memcpy(w, p, sizeof(w));
		acc = (u64)w[0] + w[1] + w[2] + w[3] + w[4];
		i = 5;
	}
	for (; i < ihl; i++) {
		u32 w;

		memcpy(&w, p + 4 * i, 4);
		acc += w;
	}
	acc = (acc & 0xffffffffu) + (acc >> 32);
	acc = (acc & 0xffffffffu) + (acc >> 32);
	return csum_fold((u32)acc);
}

u16 ip_compute_csum(const void *buf, int len)
{
	return csum_fold(csum_partial(buf, len, 0));
}

/* RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m') */
void csum_replace4(__sum16 *sum, __be32 from, __be32 to)
{
	u32 s = (u16)~*sum;

	s += (u16)~from + (u16)~(from >> 16);
	s += (u16)to + (u16)(to >> 16);
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	*sum = (u16)~s;
}

void csum_replace2(__sum16 *sum, __be16 from, __be16 to)
{
	u32 s = (u16)~*sum;

	s += (u16)~from;
	s += to;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	*sum = (u16)~s;
}
