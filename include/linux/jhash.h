/* Bob Jenkins' lookup3 hash as Linux's include/linux/jhash.h has it: the
 * netfilter extensions whose result a user sees (-m cluster's node,
 * -j HMARK's mark) hash as Linux does, so that the same flow gets the
 * same answer. */
#ifndef SKBOX_LINUX_JHASH_H
#define SKBOX_LINUX_JHASH_H

#include "linux/types.h"

#define JHASH_INITVAL 0xdeadbeef

static inline u32 jhash_rol32(u32 w, unsigned int s)
{
	return (w << s) | (w >> (32 - s));
}

#define __jhash_mix(a, b, c) do { \
	a -= c; a ^= jhash_rol32(c, 4); c += b; b -= a; b ^= jhash_rol32(a, 6); a += c; \
	c -= b; c ^= jhash_rol32(b, 8); b += a; a -= c; a ^= jhash_rol32(c, 16); c += b; \
	b -= a; b ^= jhash_rol32(a, 19); a += c; c -= b; c ^= jhash_rol32(b, 4); b += a; \
} while (0)

#define __jhash_final(a, b, c) do { \
	c ^= b; c -= jhash_rol32(b, 14); a ^= c; a -= jhash_rol32(c, 11); \
	b ^= a; b -= jhash_rol32(a, 25); c ^= b; c -= jhash_rol32(b, 16); \
	a ^= c; a -= jhash_rol32(c, 4); b ^= a; b -= jhash_rol32(a, 14); \
	c ^= b; c -= jhash_rol32(b, 24); \
} while (0)

static inline u32 __jhash_nwords(u32 a, u32 b, u32 c, u32 initval)
{
	a += initval;
	b += initval;
	c += initval;
	__jhash_final(a, b, c);
	return c;
}

static inline u32 jhash_3words(u32 a, u32 b, u32 c, u32 initval)
{
	return __jhash_nwords(a, b, c, initval + JHASH_INITVAL + (3 << 2));
}

static inline u32 jhash_1word(u32 a, u32 initval)
{
	return __jhash_nwords(a, 0, 0, initval + JHASH_INITVAL + (1 << 2));
}

/* jhash2() of four words (an IPv6 address) */
static inline u32 jhash2_4(const u32 *k, u32 initval)
{
	u32 a, b, c;

	a = b = c = JHASH_INITVAL + (4 << 2) + initval;
	a += k[0];
	b += k[1];
	c += k[2];
	__jhash_mix(a, b, c);
	a += k[3];
	__jhash_final(a, b, c);
	return c;
}

#endif
