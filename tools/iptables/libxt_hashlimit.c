/* The tool side of -m hashlimit, revision 3 (iptables' libxt_hashlimit.c):
 * rates in packets per second/minute/hour/day or bytes per second
 * ("4kb/s"), bursts, --hashlimit-mode, the table's size, max, gc interval
 * and expiry, masks, --hashlimit-rate-match; -L and -S print back only
 * what differs from the defaults, as iptables does. */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_more.h"

#define HL_BURST 5
#define HL_BURST_MAX 1000000
#define HL_BYTE_EXPIRE 15
#define HL_BYTE_EXPIRE_BURST 60
#define HL_GCINTERVAL 1000

enum { O_UPTO, O_ABOVE, O_LIMIT, O_MODE, O_SRCMASK, O_DSTMASK, O_NAME, O_BURST, O_SIZE, O_MAX,
       O_GCINT, O_EXPIRE, O_RATEMATCH, O_INTERVAL };

static const struct xt_option hashlimit_opts[] = {
	{ "hashlimit-upto", O_UPTO, true }, { "hashlimit-above", O_ABOVE, true },
	{ "hashlimit", O_UPTO, true }, { "hashlimit-srcmask", O_SRCMASK, true },
	{ "hashlimit-dstmask", O_DSTMASK, true }, { "hashlimit-burst", O_BURST, true },
	{ "hashlimit-htable-size", O_SIZE, true }, { "hashlimit-htable-max", O_MAX, true },
	{ "hashlimit-htable-gcinterval", O_GCINT, true },
	{ "hashlimit-htable-expire", O_EXPIRE, true }, { "hashlimit-mode", O_MODE, true },
	{ "hashlimit-name", O_NAME, true }, { "hashlimit-rate-match", O_RATEMATCH, false },
	{ "hashlimit-rate-interval", O_INTERVAL, true }, { NULL, 0, false },
};

static const struct { const char *name; u64 mult; } hl_rates[] = {
	{ "day", XT_HASHLIMIT_SCALE_v2 * 24 * 60 * 60 }, { "hour", XT_HASHLIMIT_SCALE_v2 * 60 * 60 },
	{ "min", XT_HASHLIMIT_SCALE_v2 * 60 }, { "sec", XT_HASHLIMIT_SCALE_v2 },
};

static const struct { const char *name; u32 thresh; } hl_units[] = {
	{ "m", 1024 * 1024 }, { "k", 1024 }, { "", 1 },
};

static u64 cost_to_bytes(u64 cost)
{
	u64 r = cost ? 0xFFFFFFFFu / cost : 0xFFFFFFFFu;

	return (r - 1) << XT_HASHLIMIT_BYTE_SHIFT;
}

static u64 bytes_to_cost(u64 bytes)
{
	u32 r = (u32)(bytes >> XT_HASHLIMIT_BYTE_SHIFT);

	return 0xFFFFFFFFu / ((u64)r + 1);
}

static u32 get_factor(char c)
{
	return c == 'm' ? 1024 * 1024 : c == 'k' ? 1024 : 1;
}

/* "4kb/s": 1 and the cost, 0 when not a byte rate, -1 after an error */
static int parse_bytes(struct xt_parse *p, const char *rate, u64 *avg)
{
	const char *mode = strstr(rate, "b/s");
	u64 r, cost;

	if (!mode || mode == rate || !(r = strtoull(rate, NULL, 10)))
		return 0;
	r *= get_factor(mode[-1]);
	cost = bytes_to_cost(r);
	if (!cost)
		return xt_param_error(p, "Rate too high \"%s\"", rate);
	*avg = cost;
	return 1;
}

/* "10/sec", "1/min": the period in 1/SCALE seconds, *mult the unit */
static bool parse_rate(struct xt_parse *p, const char *rate, u64 *avg, u32 *mult, bool *err)
{
	static const struct { const char *name; u32 mult; } units[] = {
		{ "second", 1 }, { "minute", 60 }, { "hour", 3600 }, { "day", 86400 },
	};
	const char *delim = strchr(rate, '/');
	u64 r;

	*mult = 1;
	if (delim) {
		size_t n = strlen(delim + 1), i;

		for (i = 0; n && i < 4 && strncasecmp(delim + 1, units[i].name, n); i++)
			;
		if (!n || i == 4)
			return false;
		*mult = units[i].mult;
	}
	r = strtoull(rate, NULL, 10);
	if (!r)
		return false;
	*avg = XT_HASHLIMIT_SCALE_v2 * *mult / r;
	if (!*avg) {
		*err = true;
		xt_param_error(p, "Rate too fast \"%s\"", rate);
	}
	return true;
}

static int hl_parse_limit(struct xt_parse *p, int id, const char *arg, bool inv,
			  struct xt_hashlimit_mtinfo3 *info)
{
	bool err = false;
	int b;

	if (inv ^ (id == O_ABOVE))
		info->cfg.mode |= XT_HASHLIMIT_INVERT;
	b = parse_bytes(p, arg, &info->cfg.avg);
	if (b < 0)
		return -1;
	if (b) {
		info->cfg.mode |= XT_HASHLIMIT_BYTES;
		info->tool_mult = HL_BYTE_EXPIRE;
		return 0;
	}
	if (!parse_rate(p, arg, &info->cfg.avg, &info->tool_mult, &err))
		return xt_param_error(p, "hashlimit: Bad value for \"--hashlimit-%s\" option: \"%s\"",
				      id == O_ABOVE ? "above" : "upto", arg);
	return err ? -1 : 0;
}

static int hl_parse_burst(struct xt_parse *p, const char *arg, u64 *burst)
{
	char *end;
	u64 v;

	errno = 0;
	v = strtoull(arg, &end, 0);
	if (errno || *arg == '-' || end == arg || v < 1 || (!*end && v > HL_BURST_MAX))
		return xt_param_error(p, "bad value for option \"--hashlimit-burst\", or out of "
				      "range (1-%u).", HL_BURST_MAX);
	*burst = v * get_factor(*end);
	return 0;
}

static int hl_parse_mode(struct xt_parse *p, const char *arg, u64 *mode)
{
	static const struct { const char *name; u64 bit; } modes[] = {
		{ "dstip", XT_HASHLIMIT_HASH_DIP }, { "srcip", XT_HASHLIMIT_HASH_SIP },
		{ "srcport", XT_HASHLIMIT_HASH_SPT }, { "dstport", XT_HASHLIMIT_HASH_DPT },
	};
	char buf[128], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (char *t = strtok_r(buf, ",|", &save); t; t = strtok_r(NULL, ",|", &save)) {
		size_t i;

		for (i = 0; i < 4 && strcmp(t, modes[i].name); i++)
			;
		if (i == 4)
			return xt_param_error(p, "hashlimit: Bad value for \"--hashlimit-mode\" "
					      "option: \"%s\"", arg);
		*mode |= modes[i].bit;
	}
	return 0;
}

static int hl_parse_u32(struct xt_parse *p, int id, const char *arg, u32 max, u32 *out)
{
	const char *name = NULL;

	for (const struct xt_option *o = hashlimit_opts; o->name; o++)
		if (o->id == id)
			name = o->name;
	if (!xtables_strtoui(arg, out, 0, max))
		return xt_param_error(p, "hashlimit: bad value for option \"--%s\", or out of range "
				      "(0-%u).\n", name, max);
	return 0;
}

static int hashlimit_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_hashlimit_mtinfo3 *info = data;
	struct hashlimit_cfg3 *cfg = &info->cfg;
	u32 v;

	if ((id == O_UPTO && (p->xflags & 1u << O_ABOVE)) ||
	    (id == O_ABOVE && (p->xflags & 1u << O_UPTO)))
		return xtables_excl_error(p, "hashlimit", "hashlimit-upto", "hashlimit-above");
	switch (id) {
	case O_UPTO: case O_ABOVE:
		return hl_parse_limit(p, id, arg, inv, info);
	case O_BURST: return hl_parse_burst(p, arg, &cfg->burst);
	case O_MODE: return hl_parse_mode(p, arg, &cfg->mode);
	case O_SIZE: return hl_parse_u32(p, id, arg, 0xFFFFFFFFu, &cfg->size);
	case O_MAX: return hl_parse_u32(p, id, arg, 0xFFFFFFFFu, &cfg->max);
	case O_GCINT: return hl_parse_u32(p, id, arg, 0xFFFFFFFFu, &cfg->gc_interval);
	case O_EXPIRE: return hl_parse_u32(p, id, arg, 0xFFFFFFFFu, &cfg->expire);
	case O_RATEMATCH:
		cfg->mode |= XT_HASHLIMIT_RATE_MATCH;
		return 0;
	case O_INTERVAL:
		if (atoi(arg) <= 0)
			return xt_param_error(p, "hashlimit: Bad value for "
					      "\"--hashlimit-rate-interval\" option: \"%s\"", arg);
		cfg->interval = (u32)atoi(arg);
		return 0;
	case O_NAME:
		if (!*arg || strlen(arg) >= sizeof(info->name))
			return xt_param_error(p, "hashlimit: Bad value for \"--hashlimit-name\" "
					      "option: \"%s\"", arg);
		snprintf(info->name, sizeof(info->name), "%s", arg);
		return 0;
	}
	if (hl_parse_u32(p, id, arg, 32, &v))
		return -1;
	*(id == O_SRCMASK ? &cfg->srcmask : &cfg->dstmask) = (u8)v;
	return 0;
}

static void hashlimit_init(void *data)
{
	struct xt_hashlimit_mtinfo3 *info = data;

	info->cfg.burst = HL_BURST;
	info->cfg.gc_interval = HL_GCINTERVAL;
	info->cfg.srcmask = info->cfg.dstmask = 32;
}

/* Byte mode: the burst in bytes becomes a number of seconds' worth. */
static int hl_final_bytes(struct xt_parse *p, struct hashlimit_cfg3 *cfg)
{
	u64 per = cost_to_bytes(cfg->avg), burst = 0;

	if (p->xflags & 1u << O_BURST) {
		if (cfg->burst < per)
			return xt_param_error(p, "burst cannot be smaller than %" PRIu64 "b", per);
		burst = cfg->burst / per + (cfg->burst % per ? 1 : 0);
		if (!(p->xflags & 1u << O_EXPIRE))
			cfg->expire = HL_BYTE_EXPIRE_BURST * 1000;
	}
	cfg->burst = burst;
	return 0;
}

static int hashlimit_final(struct xt_parse *p, void *data)
{
	struct xt_hashlimit_mtinfo3 *info = data;
	struct hashlimit_cfg3 *cfg = &info->cfg;

	if (!(p->xflags & (1u << O_UPTO | 1u << O_ABOVE)))
		return xt_param_error(p, "You have to specify --hashlimit");
	if (!(p->xflags & 1u << O_EXPIRE))
		cfg->expire = info->tool_mult * 1000;
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		if (hl_final_bytes(p, cfg))
			return -1;
	} else if (cfg->burst > HL_BURST_MAX) {
		return xt_param_error(p, "bad value for option \"--hashlimit-burst\", or out of "
				      "range (1-%u).", HL_BURST_MAX);
	}
	if (p->xflags & 1u << O_RATEMATCH) {
		if (!(cfg->mode & XT_HASHLIMIT_BYTES))
			cfg->avg /= info->tool_mult;
		if (!cfg->interval)
			cfg->interval = cfg->mode & XT_HASHLIMIT_BYTES ? 1 : info->tool_mult;
	}
	info->tool_mult = 0;
	return 0;
}

/* " 10/sec"; returns the unit in ms (the default expiry) */
static u32 print_rate(FILE *out, u64 period)
{
	size_t i;

	if (!period) {
		fputs(" inf", out);
		return 0;
	}
	for (i = 1; i < 4; i++)
		if (period > hl_rates[i].mult || hl_rates[i].mult / period < hl_rates[i].mult % period)
			break;
	fprintf(out, " %" PRIu64 "/%s", hl_rates[i - 1].mult / period, hl_rates[i - 1].name);
	return (u32)(hl_rates[i - 1].mult / XT_HASHLIMIT_SCALE_v2 * 1000);
}

static u32 print_bytes(FILE *out, u64 avg, u64 burst, const char *prefix)
{
	u64 r = cost_to_bytes(avg);
	size_t i;

	for (i = 0; i < 2; i++)
		if (r >= hl_units[i].thresh &&
		    bytes_to_cost(r & ~((u64)hl_units[i].thresh - 1)) == avg)
			break;
	fprintf(out, " %" PRIu64 "%sb/s", r / hl_units[i].thresh, hl_units[i].name);
	if (!burst)
		return HL_BYTE_EXPIRE * 1000;
	r *= burst;
	for (i = 0; i < 2 && r < hl_units[i].thresh; i++)
		;
	fprintf(out, " %sburst %" PRIu64 "%sb", prefix, r / hl_units[i].thresh, hl_units[i].name);
	return HL_BYTE_EXPIRE_BURST * 1000;
}

static void print_mode(FILE *out, u64 mode, char sep)
{
	static const struct { u64 bit; const char *name; } order[] = {
		{ XT_HASHLIMIT_HASH_SIP, "srcip" }, { XT_HASHLIMIT_HASH_SPT, "srcport" },
		{ XT_HASHLIMIT_HASH_DIP, "dstip" }, { XT_HASHLIMIT_HASH_DPT, "dstport" },
	};
	bool prev = false;

	fputc(' ', out);
	for (size_t i = 0; i < 4; i++)
		if (mode & order[i].bit) {
			if (prev)
				fputc(sep, out);
			fputs(order[i].name, out);
			prev = true;
		}
}

/* The options after the rate, -L (dashes "") or -S (dashes "--hashlimit-"). */
static void hl_show_tail(FILE *out, const struct hashlimit_cfg3 *cfg, u32 quantum,
			 const char *dashes)
{
	if (cfg->size)
		fprintf(out, " %shtable-size %u", dashes, cfg->size);
	if (cfg->max)
		fprintf(out, " %shtable-max %u", dashes, cfg->max);
	if (cfg->gc_interval != HL_GCINTERVAL)
		fprintf(out, " %shtable-gcinterval %u", dashes, cfg->gc_interval);
	if (cfg->expire != quantum)
		fprintf(out, " %shtable-expire %u", dashes, cfg->expire);
	if (cfg->srcmask != 32)
		fprintf(out, " %ssrcmask %u", dashes, cfg->srcmask);
	if (cfg->dstmask != 32)
		fprintf(out, " %sdstmask %u", dashes, cfg->dstmask);
	if (cfg->mode & XT_HASHLIMIT_RATE_MATCH) {
		fprintf(out, " %srate-match", dashes);
		if (cfg->interval != 1)
			fprintf(out, " %srate-interval %u", dashes, cfg->interval);
	}
}

#define HL_HASH_ANY (XT_HASHLIMIT_HASH_SIP | XT_HASHLIMIT_HASH_SPT | XT_HASHLIMIT_HASH_DIP | \
		     XT_HASHLIMIT_HASH_DPT)

static void hashlimit_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_hashlimit_mtinfo3 *info = data;
	const struct hashlimit_cfg3 *cfg = &info->cfg;
	u32 quantum;

	(void)ip;
	(void)numeric;
	fputs(cfg->mode & XT_HASHLIMIT_INVERT ? " limit: above" : " limit: up to", out);
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		quantum = print_bytes(out, cfg->avg, cfg->burst, "");
	} else {
		quantum = print_rate(out, cfg->avg * (cfg->interval ? cfg->interval : 1));
		fprintf(out, " burst %" PRIu64, cfg->burst);
	}
	if (cfg->mode & HL_HASH_ANY) {
		fputs(" mode", out);
		print_mode(out, cfg->mode, '-');
	}
	hl_show_tail(out, cfg, quantum, "");
}

static void hashlimit_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_hashlimit_mtinfo3 *info = data;
	const struct hashlimit_cfg3 *cfg = &info->cfg;
	u32 quantum;

	(void)ip;
	fputs(cfg->mode & XT_HASHLIMIT_INVERT ? " --hashlimit-above" : " --hashlimit-upto", out);
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		quantum = print_bytes(out, cfg->avg, cfg->burst, "--hashlimit-");
	} else {
		quantum = print_rate(out, cfg->avg);
		fprintf(out, " --hashlimit-burst %" PRIu64, cfg->burst);
	}
	if (cfg->mode & HL_HASH_ANY) {
		fputs(" --hashlimit-mode", out);
		print_mode(out, cfg->mode, ',');
	}
	fprintf(out, " --hashlimit-name %s", info->name);
	hl_show_tail(out, cfg, quantum, "--hashlimit-");
}

const struct xtables_match libxt_hashlimit = {
	.name = "hashlimit", .revision = 3, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_hashlimit_mtinfo3), .init = hashlimit_init,
	.opts = hashlimit_opts, .parse = hashlimit_parse, .final_check = hashlimit_final,
	.print = hashlimit_print, .save = hashlimit_save,
	.userspacesize = offsetof(struct xt_hashlimit_mtinfo3, hinfo), .mand = 1u << O_NAME,
};
