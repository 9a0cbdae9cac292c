/* -m socket (iptables' libxt_socket.c, revision 3): --transparent,
 * --nowildcard, --restore-skmark */
#include "xtables.h"
#include "uapi/linux/netfilter/xt_extra.h"

static const struct xt_option socket_opts[] = {
	{ "transparent", 0, false }, { "nowildcard", 1, false }, { "restore-skmark", 2, false },
	{ NULL, 0, false },
};

static int socket_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_socket_mtinfo *info = data;

	(void)p;
	(void)arg;
	(void)inv;
	info->flags |= (u8)(1 << id);	/* XT_SOCKET_TRANSPARENT, _NOWILDCARD, _RESTORESKMARK */
	return 0;
}

static void socket_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_socket_mtinfo *info = data;

	(void)ip;
	if (info->flags & XT_SOCKET_TRANSPARENT)
		fputs(" --transparent", out);
	if (info->flags & XT_SOCKET_NOWILDCARD)
		fputs(" --nowildcard", out);
	if (info->flags & XT_SOCKET_RESTORESKMARK)
		fputs(" --restore-skmark", out);
}

static void socket_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)numeric;
	fputs(" socket", out);
	socket_save(out, ip, data);
}

const struct xtables_match libxt_socket = {
	.name = "socket", .revision = 3, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_socket_mtinfo), .opts = socket_opts,
	.parse = socket_parse, .print = socket_print, .save = socket_save,
};
