/* `ip netns` (iproute2 ip/ipnetns.c): named namespaces of the world
 * (struct world->nets, net/core/net_namespace.c).  There is no /run/netns
 * here, but messages name the files iproute2 would have touched. */
#include <string.h>
#include "ip_common.h"
#include "net/net_namespace.h"
#include "net/world.h"

static int netns_list(struct ip_ctx *ipc)
{
	struct world *w = ipc->ctx->world;
	struct list_head *pos;

	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	/* newest first, as readdir() of /run/netns happens to list them */
	for (pos = w->nets.prev; pos != &w->nets; pos = pos->prev) {
		struct net *net = list_entry(pos, struct net, list);
		int id;

		if (!net->name[0])
			continue;
		id = peernet2id(ipc->net, net);
		if (ipc->json) {
			jw_obj_open(&ipc->jw, NULL);
			jw_string(&ipc->jw, "name", net->name);
			if (id >= 0)
				jw_int(&ipc->jw, "id", id);
			jw_obj_close(&ipc->jw);
		} else if (id >= 0) {
			fprintf(ipc->out, "%s (id: %d)\n", net->name, id);
		} else {
			fprintf(ipc->out, "%s\n", net->name);
		}
	}
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

static int netns_add(struct ip_ctx *ipc, int argc, char **argv)
{
	struct world *w = ipc->ctx->world;

	if (argc < 1) {
		fprintf(ipc->err, "No netns name specified\n");
		return 255;
	}
	if (strchr(argv[0], '/') || !strcmp(argv[0], ".") || !strcmp(argv[0], "..") ||
	    strlen(argv[0]) >= NETNS_NAME_MAX) {
		fprintf(ipc->err, "Invalid netns name \"%s\"\n", argv[0]);
		return 255;
	}
	if (get_net_ns_by_name(w, argv[0])) {
		fprintf(ipc->err, "Cannot create namespace file \"/run/netns/%s\": File exists\n",
			argv[0]);
		return 1;
	}
	if (!net_create(w, argv[0])) {
		fprintf(ipc->err, "Failed to create a new network namespace \"%s\": %s\n",
			argv[0], "Cannot allocate memory");
		return 1;
	}
	return 0;
}

static int netns_del(struct ip_ctx *ipc, int argc, char **argv)
{
	struct net *net;

	if (argc < 1) {
		fprintf(ipc->err, "No netns name specified\n");
		return 255;
	}
	net = get_net_ns_by_name(ipc->ctx->world, argv[0]);
	if (!net || !argv[0][0]) {
		fprintf(ipc->err, "Cannot remove namespace file \"/run/netns/%s\": %s\n",
			argv[0], "No such file or directory");
		return 1;
	}
	/* the file goes; the namespace with it unless a command or a socket
	 * still uses it (Linux: the mount's reference) */
	net_unname(net);
	put_net(net);
	return 0;
}

static int netns_exec(struct ip_ctx *ipc, int argc, char **argv)
{
	struct cmd_ctx sub;
	struct net *net;

	if (argc < 1) {
		fprintf(ipc->err, "No netns name specified\n");
		return 255;
	}
	if (argc < 2) {
		fprintf(ipc->err, "No command specified\n");
		return 1;
	}
	net = get_net_ns_by_name(ipc->ctx->world, argv[0]);
	if (!net || !argv[0][0]) {
		fprintf(ipc->err, "Cannot open network namespace \"%s\": %s\n", argv[0],
			"No such file or directory");
		return 255;
	}
	if (!cmd_find(argv[1])) {	/* cmd_exec(): the child's execvp() failed */
		fprintf(ipc->err, "exec of \"%s\" failed: No such file or directory\n", argv[1]);
		return 1;
	}
	sub = *ipc->ctx;
	sub.net = net;
	fflush(ipc->out);
	return cmd_run(&sub, argc - 1, argv + 1);
}

/* `ip netns pids NS`: the processes in NS.  The world's tasks are not host
 * processes (scripts do `ip netns pids NS | xargs -r kill -9`): none. */
static int netns_pids(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1) {
		fprintf(ipc->err, "No netns name specified\n");
		return 1;
	}
	if (argc > 1) {
		fprintf(ipc->err, "extra arguments specified\n");
		return 1;
	}
	if (!argv[0][0] || !get_net_ns_by_name(ipc->ctx->world, argv[0])) {
		fprintf(ipc->err, "Cannot open network namespace: No such file or directory\n");
		return 1;
	}
	return 0;
}

int do_ipnetns(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return netns_list(ipc);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") ||
	    !matches(argv[0], "lst"))
		return netns_list(ipc);
	if (!matches(argv[0], "add"))
		return netns_add(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "delete"))
		return netns_del(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "exec"))
		return netns_exec(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "pids"))
		return netns_pids(ipc, argc - 1, argv + 1);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip netns help\".\n", argv[0]);
	return 255;
}
