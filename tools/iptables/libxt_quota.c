/* The tool side of -m quota, -m cpu, -m mac, -m owner (iptables'
 * libxt_quota.c, libxt_cpu.c, libxt_mac.c, libxt_owner.c). */
#include <errno.h>
#include <grp.h>
#include <inttypes.h>
#include <pwd.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_more.h"

/* "EXT: option \"--OPT\" cannot be inverted." */
static int no_invert(struct xt_parse *p, const char *ext, const char *opt)
{
	return xt_param_error(p, "%s: option \"--%s\" cannot be inverted.\n", ext, opt);
}

/* ---- quota ---- */
static const struct xt_option quota_opts[] = { { "quota", 0, true }, { NULL, 0, false } };

static int quota_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_quota_info *q = data;
	char *end;

	(void)id;
	errno = 0;
	q->quota = strtoull(arg, &end, 0);
	if (!*arg || *arg == '-' || *end || errno)
		return xt_param_error(p, "quota: bad value for option \"--quota\", or out of range "
				      "(0-18446744073709551615).\n");
	q->flags = inv ? XT_QUOTA_INVERT : 0;
	return 0;
}

static void quota_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fprintf(out, " quota: %" PRIu64 " bytes", ((const struct xt_quota_info *)data)->quota);
}

static void quota_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_quota_info *q = data;

	(void)ip;
	fprintf(out, "%s --quota %" PRIu64, (q->flags & XT_QUOTA_INVERT) ? " !" : "", q->quota);
}

/* ---- cpu ---- */
static const struct xt_option cpu_opts[] = { { "cpu", 0, true }, { NULL, 0, false } };

static int cpu_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_cpu_info *c = data;

	(void)id;
	if (!xtables_strtoui(arg, &c->cpu, 0, 0xFFFFFFFFu))
		return xt_param_error(p, "cpu: bad value for option \"--cpu\", or out of range "
				      "(0-4294967295).\n");
	c->invert = inv;
	return 0;
}

static void cpu_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_cpu_info *c = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " cpu %s%u", c->invert ? "! " : "", c->cpu);
}

static void cpu_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_cpu_info *c = data;

	(void)ip;
	fprintf(out, "%s --cpu %u", c->invert ? " !" : "", c->cpu);
}

/* ---- mac ---- */
static const struct xt_option mac_opts[] = { { "mac-source", 0, true }, { NULL, 0, false } };

static int mac_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_mac_info *m = data;
	unsigned int b[6];
	char tail;

	(void)id;
	if (strlen(arg) != 17 ||
	    sscanf(arg, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) != 6)
		return xt_param_error(p, "Bad mac address \"%s\"", arg);
	for (int i = 0; i < 6; i++)
		m->srcaddr[i] = (unsigned char)b[i];
	m->invert = inv;
	return 0;
}

static void mac_show(FILE *out, const unsigned char *a)
{
	fprintf(out, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
}

static void mac_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_mac_info *m = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " MAC %s", m->invert ? "! " : "");
	mac_show(out, m->srcaddr);
}

static void mac_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_mac_info *m = data;

	(void)ip;
	fprintf(out, "%s --mac-source ", m->invert ? " !" : "");
	mac_show(out, m->srcaddr);
}

/* ---- owner ---- */
enum { O_USER, O_GROUP, O_SOCK_EXISTS, O_SUPPL_GROUPS };

static const struct xt_option owner_opts[] = {
	{ "uid-owner", O_USER, true }, { "gid-owner", O_GROUP, true },
	{ "socket-exists", O_SOCK_EXISTS, false }, { "suppl-groups", O_SUPPL_GROUPS, false },
	{ NULL, 0, false },
};

/* "N", "N-M" or "N:M" (at most 2^32 - 2: -1 is the invalid id) */
static int owner_range(struct xt_parse *p, const char *arg, const char *opt, u32 *lo, u32 *hi)
{
	char buf[64], *sep;

	snprintf(buf, sizeof(buf), "%s", arg);
	sep = strpbrk(buf, "-:");
	if (sep == buf)
		sep = NULL;
	if (sep)
		*sep = '\0';
	if (!xtables_strtoui(buf, lo, 0, 0xFFFFFFFEu) ||
	    (sep && !xtables_strtoui(sep + 1, hi, 0, 0xFFFFFFFEu)))
		return xt_param_error(p, "owner: Bad value for \"%s\" option: \"%s\"", opt, arg);
	if (!sep)
		*hi = *lo;
	return 0;
}

static int owner_id(struct xt_parse *p, int id, const char *arg, struct xt_owner_match_info *o)
{
	const struct passwd *pw = id == O_USER ? getpwnam(arg) : NULL;
	const struct group *gr = id == O_GROUP ? getgrnam(arg) : NULL;
	u32 *lo = id == O_USER ? &o->uid_min : &o->gid_min;
	u32 *hi = id == O_USER ? &o->uid_max : &o->gid_max;

	if (pw || gr) {
		*lo = *hi = pw ? pw->pw_uid : gr->gr_gid;
		return 0;
	}
	return owner_range(p, arg, id == O_USER ? "--uid-owner" : "--gid-owner", lo, hi);
}

static int owner_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const u8 flag[] = { XT_OWNER_UID, XT_OWNER_GID, XT_OWNER_SOCKET,
				   XT_OWNER_SUPPL_GROUPS };
	struct xt_owner_match_info *o = data;

	if (id == O_SUPPL_GROUPS) {
		if (inv)
			return no_invert(p, "owner", "suppl-groups");
		if (!(o->match & XT_OWNER_GID))
			return xt_param_error(p, "owner: Bad value for \"--suppl-groups\" option: "
					      "\"you need to use --gid-owner first\"");
	}
	if ((id == O_USER || id == O_GROUP) && owner_id(p, id, arg, o))
		return -1;
	o->match |= flag[id];
	o->invert |= inv ? flag[id] : 0;
	return 0;
}

static int owner_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "owner: At least one of --uid-owner, --gid-owner or "
				      "--socket-exists is required");
	return 0;
}

static void owner_item(FILE *out, const struct xt_owner_match_info *o, const char *label,
		       u8 flag, bool numeric)
{
	u32 lo = flag == XT_OWNER_UID ? o->uid_min : o->gid_min;
	u32 hi = flag == XT_OWNER_UID ? o->uid_max : o->gid_max;

	if (!(o->match & flag))
		return;
	fprintf(out, "%s %s", (o->invert & flag) ? " !" : "", label);
	if (flag != XT_OWNER_UID && flag != XT_OWNER_GID)
		return;
	if (lo != hi) {
		fprintf(out, " %u-%u", lo, hi);
		return;
	}
	if (!numeric) {
		const struct passwd *pw = flag == XT_OWNER_UID ? getpwuid(lo) : NULL;
		const struct group *gr = flag == XT_OWNER_GID ? getgrgid(lo) : NULL;

		if (pw || gr) {
			fprintf(out, " %s", pw ? pw->pw_name : gr->gr_name);
			return;
		}
	}
	fprintf(out, " %u", lo);
}

static void owner_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	owner_item(out, data, "owner socket exists", XT_OWNER_SOCKET, numeric);
	owner_item(out, data, "owner UID match", XT_OWNER_UID, numeric);
	owner_item(out, data, "owner GID match", XT_OWNER_GID, numeric);
	owner_item(out, data, "incl. suppl. groups", XT_OWNER_SUPPL_GROUPS, numeric);
}

static void owner_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	owner_item(out, data, "--socket-exists", XT_OWNER_SOCKET, true);
	owner_item(out, data, "--uid-owner", XT_OWNER_UID, true);
	owner_item(out, data, "--gid-owner", XT_OWNER_GID, true);
	owner_item(out, data, "--suppl-groups", XT_OWNER_SUPPL_GROUPS, true);
}

const struct xtables_match libxt_quota = {
	.name = "quota", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_quota_info),
	.opts = quota_opts, .parse = quota_parse, .print = quota_print, .save = quota_save,
	.userspacesize = offsetof(struct xt_quota_info, remain), .mand = 1,
};

const struct xtables_match libxt_cpu = {
	.name = "cpu", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_cpu_info),
	.opts = cpu_opts, .parse = cpu_parse, .print = cpu_print, .save = cpu_save, .mand = 1,
};

const struct xtables_match libxt_mac = {
	.name = "mac", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_mac_info),
	.opts = mac_opts, .parse = mac_parse, .print = mac_print, .save = mac_save, .mand = 1,
};

const struct xtables_match libxt_owner = {
	.name = "owner", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_owner_match_info), .opts = owner_opts, .parse = owner_parse,
	.final_check = owner_final, .print = owner_print, .save = owner_save,
};
