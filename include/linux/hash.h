/* Hashing small keys (include/linux/hash.h, jhash.h in spirit): a full
 * avalanche mix, so that keys differing only in a few bits (addresses in
 * network byte order differ in their high bytes on x86) spread over every
 * bucket whichever bits a table uses. */
#ifndef SKBOX_LINUX_HASH_H
#define SKBOX_LINUX_HASH_H

#include "linux/types.h"

/* murmur3's fmix32 */
static inline u32 hash_mix32(u32 h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

static inline u32 hash_3words(u32 a, u32 b, u32 c)
{
	return hash_mix32(hash_mix32(hash_mix32(a) ^ b) ^ c);
}

#endif
