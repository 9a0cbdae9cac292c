/* The command table: every program a script, the shell or `ip netns exec`
 * can run inside a world.  Order is alphabetical; lookup is by exact name. */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "linux/sched.h"
#include "net/net_namespace.h"
#include "net/world.h"

static const struct command commands[] = {
	{ "bridge", do_bridge },
	{ "brctl", do_brctl },
	{ "conntrack", do_conntrack },
	{ "curl", do_curl },
	{ "dmesg", do_dmesg },
	{ "echo", do_echo },
	{ "ethtool", do_ethtool },
	{ "false", do_false },
	{ "hping3", do_hping3 },
	{ "httpd", do_httpd },
	{ "ip", do_ip },
	{ "iperf3", do_iperf3 },
	{ "ip6tables", do_ip6tables },
	{ "ip6tables-legacy", do_ip6tables },
	{ "ip6tables-nft", do_ip6tables },
	{ "ip6tables-nft-restore", do_ip6tables_restore },
	{ "ip6tables-nft-save", do_ip6tables_save },
	{ "ip6tables-restore", do_ip6tables_restore },
	{ "ip6tables-save", do_ip6tables_save },
	{ "ipset", do_ipset },
	{ "iptables", do_iptables },
	{ "iptables-legacy", do_iptables },
	{ "iptables-nft", do_iptables },
	{ "iptables-nft-restore", do_iptables_restore },
	{ "iptables-nft-save", do_iptables_save },
	{ "iptables-restore", do_iptables_restore },
	{ "iptables-save", do_iptables_save },
	{ "ipvsadm", do_ipvsadm },
	{ "nc", do_nc },
	{ "nettest", do_nettest },
	{ "nfqueue", do_nfqueue },
	{ "nstat", do_nstat },
	{ "ping", do_ping },
	{ "ping6", do_ping },
	{ "radvd", do_radvd },
	{ "reuseport", do_reuseport },
	{ "seq", do_seq },
	{ "sleep", do_sleep },
	{ "sockproxy", do_sockproxy },
	{ "ss", do_ss },
	{ "sysctl", do_sysctl },
	{ "tc", do_tc },
	{ "tclass", do_tclass },
	{ "pingsock", do_pingsock },
	{ "tcpdump", do_tcpdump },
	{ "timeout", do_timeout },
	{ "trace", do_trace },
	{ "true", do_true },
	{ "v4mapped", do_v4mapped },
};

const struct command *cmd_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* The calling task runs in the command's namespace (`ip netns exec`): the
 * sockets it opens belong there. */
static int cmd_run_in_net(struct cmd_ctx *ctx, cmd_fn fn, int argc, char **argv)
{
	struct task *t = ctx->world ? current_task(ctx->world) : NULL;
	struct net *saved;
	int rc;

	if (!t || !ctx->net)
		return fn(ctx, argc, argv);
	saved = t->net;
	t->net = get_net(ctx->net);	/* `ip netns del` of it waits for us */
	rc = fn(ctx, argc, argv);
	t->net = saved;
	put_net(ctx->net);
	return rc;
}

int cmd_run(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct command *c;

	if (argc < 1)
		return 0;
	c = cmd_find(argv[0]);
	if (!c) {
		fprintf(ctx->err, "bash: line 1: %s: command not found\n", argv[0]);
		return 127;
	}
	/* exec: the task now shows the program's name (ss -p, like /proc/PID/comm) */
	if (ctx->world && ctx->world->current)
		snprintf(ctx->world->current->comm, sizeof(ctx->world->current->comm), "%s",
			 argv[0]);
	return cmd_run_in_net(ctx, c->fn, argc, argv);
}

unsigned int cmd_sockaddr(struct sockaddr_storage *ss, const char *a, int port)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (strchr(a, ':')) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((unsigned short)port);
		inet_pton(AF_INET6, a, &sin6->sin6_addr);
		return sizeof(*sin6);
	}
	sin->sin_family = AF_INET;
	sin->sin_port = htons((unsigned short)port);
	inet_pton(AF_INET, a, &sin->sin_addr);
	return sizeof(*sin);
}
