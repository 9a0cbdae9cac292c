/* The IPsec header matches: -m esp (xt_esp.c, the SPI of an ESP header),
 * -m ah (ipt_ah.c, the SPI of an AH header) and -m ipcomp (xt_ipcomp.c,
 * the CPI of an IPComp header).  First fragments only; a header too short
 * to read drops the packet (hotdrop). */
#include <errno.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_proto.h"

static bool spi_match(u32 min, u32 max, u32 spi, bool invert)
{
	return (spi >= min && spi <= max) ^ invert;
}

/* The 32-bit big-endian word at offset off of the transport header. */
static bool read_be32(const struct sk_buff *skb, struct xt_action_param *par, unsigned int off,
		      u32 *v)
{
	u8 buf[4];
	const u8 *p = xt_header_pointer(skb, (int)(par->thoff + off), 4, buf);

	if (!p) {
		par->hotdrop = true;
		return false;
	}
	*v = (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
	return true;
}

static bool esp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_spi_info *info = par->matchinfo;
	u32 spi;

	if (par->fragoff != 0 || !read_be32(skb, par, 0, &spi))
		return false;
	return spi_match(info->spis[0], info->spis[1], spi, info->invflags & XT_SPI_INV);
}

static bool ah_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_spi_info *info = par->matchinfo;
	u32 spi;

	/* nexthdr, hdrlen, reserved, then the SPI */
	if (par->fragoff != 0 || !read_be32(skb, par, 4, &spi))
		return false;
	return spi_match(info->spis[0], info->spis[1], spi, info->invflags & XT_SPI_INV);
}

static bool ipcomp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_spi_info *info = par->matchinfo;
	u32 word;

	/* nexthdr, flags, then the 16-bit CPI */
	if (par->fragoff != 0 || !read_be32(skb, par, 0, &word))
		return false;
	return spi_match(info->spis[0], info->spis[1], word & 0xFFFF, info->invflags & XT_SPI_INV);
}

static int spi_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_spi_info *info = par->matchinfo;

	return (info->invflags & ~XT_SPI_INV) ? -EINVAL : 0;
}

const struct xt_match xt_esp_match = {
	.name = "esp", .family = NFPROTO_UNSPEC, .match = esp_mt, .checkentry = spi_mt_check,
	.matchsize = sizeof(struct xt_spi_info), .proto = IPPROTO_ESP,
};

const struct xt_match xt_ah_match = {
	.name = "ah", .family = NFPROTO_IPV4, .match = ah_mt, .checkentry = spi_mt_check,
	.matchsize = sizeof(struct xt_spi_info), .proto = IPPROTO_AH,
};

const struct xt_match xt_ipcomp_match = {
	.name = "ipcomp", .family = NFPROTO_UNSPEC, .match = ipcomp_mt, .checkentry = spi_mt_check,
	.matchsize = sizeof(struct xt_spi_info), .proto = IPPROTO_COMP,
};
