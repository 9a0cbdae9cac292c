/* -m cluster (iptables' libxt_cluster.c): --cluster-total-nodes N (1..32),
 * --cluster-local-node N or --cluster-local-nodemask MASK (either may be
 * negated), --cluster-hash-seed SEED; saved as the node mask. */
#include <stddef.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_extra.h"

enum { O_TOTAL, O_NODE, O_NODEMASK, O_SEED };

static const struct xt_option cluster_opts[] = {
	{ "cluster-total-nodes", O_TOTAL, true }, { "cluster-local-node", O_NODE, true },
	{ "cluster-local-nodemask", O_NODEMASK, true }, { "cluster-hash-seed", O_SEED, true },
	{ NULL, 0, false },
};

static const struct { const char *name; unsigned int min, max; } cluster_ranges[] = {
	[O_TOTAL] = { "cluster-total-nodes", 1, XT_CLUSTER_NODES_MAX },
	[O_NODE] = { "cluster-local-node", 1, XT_CLUSTER_NODES_MAX },
	[O_NODEMASK] = { "cluster-local-nodemask", 1, 0xFFFFFFFFu },
	[O_SEED] = { "cluster-hash-seed", 0, 0xFFFFFFFFu },
};

static int cluster_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_cluster_match_info *info = data;
	unsigned int v;

	if ((id == O_NODE && (p->xflags & (1 << O_NODEMASK))) ||
	    (id == O_NODEMASK && (p->xflags & (1 << O_NODE))))
		return xt_param_error(p, "cluster: \"--%s\" and \"--%s\" cannot be used together.",
				      cluster_ranges[O_NODEMASK].name, cluster_ranges[O_NODE].name);
	if (!xtables_strtoui(arg, &v, cluster_ranges[id].min, cluster_ranges[id].max))
		return xt_param_error(p, "cluster: bad value for option \"--%s\", or out of range "
				      "(%u-%u).\n", cluster_ranges[id].name, cluster_ranges[id].min,
				      cluster_ranges[id].max);
	switch (id) {
	case O_TOTAL:
		info->total_nodes = v;
		break;
	case O_NODE:
		info->node_mask = 1U << (v - 1);
		break;
	case O_NODEMASK:
		info->node_mask = v;
		break;
	case O_SEED:
		info->hash_seed = v;
		break;
	}
	if (inv && (id == O_NODE || id == O_NODEMASK))
		info->flags |= XT_CLUSTER_F_INV;
	return 0;
}

static int cluster_final(struct xt_parse *p, void *data)
{
	const struct xt_cluster_match_info *info = data;
	unsigned int f = p->xflags;

	if ((f & (1 << O_NODE)) && info->node_mask >= (1ULL << info->total_nodes))
		return xt_param_error(p, "cluster match: `--cluster-local-node' must be <= "
				      "`--cluster-total-nodes'");
	if ((f & (1 << O_NODEMASK)) && info->node_mask >= (1ULL << info->total_nodes))
		return xt_param_error(p, "cluster match: `--cluster-local-nodemask' too big for "
				      "`--cluster-total-nodes'");
	if (!(f & ((1 << O_NODE) | (1 << O_NODEMASK))))
		return xt_param_error(p, "cluster match: `--cluster-local-node' or"
				      "`--cluster-local-nodemask' is missing");
	return 0;
}

static void cluster_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_cluster_match_info *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " cluster %snode_mask=0x%08x total_nodes=%u hash_seed=0x%08x",
		info->flags & XT_CLUSTER_F_INV ? "!" : "", info->node_mask, info->total_nodes,
		info->hash_seed);
}

static void cluster_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_cluster_match_info *info = data;

	(void)ip;
	fprintf(out, "%s --cluster-local-nodemask 0x%08x --cluster-total-nodes %u "
		"--cluster-hash-seed 0x%08x", info->flags & XT_CLUSTER_F_INV ? " !" : "",
		info->node_mask, info->total_nodes, info->hash_seed);
}

const struct xtables_match libxt_cluster = {
	.name = "cluster", .revision = 0, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_cluster_match_info), .opts = cluster_opts,
	.parse = cluster_parse, .final_check = cluster_final, .print = cluster_print,
	.save = cluster_save, .mand = (1 << O_TOTAL) | (1 << O_SEED),
	.userspacesize = offsetof(struct xt_cluster_match_info, data),
};
