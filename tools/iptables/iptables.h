/* Private to tools/iptables: a table being edited (a copy of the kernel's,
 * handed back whole on commit), one parsed rule, and the listing formats
 * (iptables' iptables/xshared.h). */
#ifndef SKBOX_TOOLS_IPTABLES_H
#define SKBOX_TOOLS_IPTABLES_H

#include "xtables.h"

struct net;

/* A table being edited: chain names hashed, so that a restore of 80,000
 * rules resolves each -A and -j in constant time. */
struct ipt_handle {
	struct net *net;
	u8 af;				/* NFPROTO_IPV4: iptables, NFPROTO_IPV6: ip6tables */
	const char *table;
	struct xt_table_info *info;	/* the copy being edited */
	unsigned int *hash;		/* chain index + 1, 0 = empty */
	unsigned int hash_size;
	bool dirty;
};

int ipt_handle_open(struct ipt_handle *h, struct net *net, u8 af, const char *table);
int ipt_handle_commit(struct ipt_handle *h);
void ipt_handle_close(struct ipt_handle *h);
int ipt_chain_find(struct ipt_handle *h, const char *name);	/* index or -1 */
int ipt_chain_add(struct ipt_handle *h, const char *name);	/* index or -errno */
int ipt_chain_delete(struct ipt_handle *h, unsigned int idx);
int ipt_chain_rename(struct ipt_handle *h, unsigned int idx, const char *name);
int ipt_rule_insert(struct ipt_chain *c, unsigned int pos, struct ipt_rule *r);
void ipt_rule_free(struct ipt_rule *r);
/* A deep copy of src (match and target data) into dst; 0 or -ENOMEM. */
int ipt_rule_clone(struct ipt_rule *dst, const struct ipt_rule *src);

/* The listing format bits (iptables' FMT_*). */
#define FMT_NUMERIC	0x0001
#define FMT_NOCOUNTS	0x0002
#define FMT_KILOMEGAGIGA 0x0004
#define FMT_OPTIONS	0x0008
#define FMT_NOTABLE	0x0010
#define FMT_NOTARGET	0x0020
#define FMT_VIA		0x0040
#define FMT_NONEWLINE	0x0080
#define FMT_LINENUMBERS	0x0100

/* The chain in -L form, or only rule rulenum (1-based) when not 0. */
void ipt_print_chain(FILE *out, const struct xt_table_info *info, unsigned int c,
		     unsigned int format, unsigned int rulenum);

#define IPT_COUNTERS_NONE	0
#define IPT_COUNTERS_PREFIX	1	/* iptables-save -c: "[p:b] -A ..." */
#define IPT_COUNTERS_INLINE	2	/* iptables -S -v: "... -c p b -j ..." */
/* One rule as -S / iptables-save print it ("-A CHAIN ..."), with counters. */
void ipt_save_rule(FILE *out, const struct xt_table_info *info, unsigned int c,
		   const struct ipt_rule *r, unsigned int counters);
void ipt_save_policy(FILE *out, const struct ipt_chain *ch, bool counters);
/* "iptables" or "ip6tables" */
const char *ipt_prog_name(u8 af);
const char *ipt_proto_name(u16 proto);
/* tcp, udp, icmp, all... without reading /etc/protocols */
bool ipt_proto_number(const char *name, unsigned int *num);
/* The target of a rule as shown in -L ("ACCEPT", "MYCHAIN", "REJECT"). */
const char *ipt_target_name(const struct xt_table_info *info, const struct ipt_rule *r);

/* iptables' command line on an open handle (shared with iptables-restore,
 * where commit happens at COMMIT).  Returns the exit status. */
int ipt_do_command(struct cmd_ctx *ctx, struct ipt_handle *h, int argc, char **argv,
		   const char *table, unsigned int restore_line);
/* The same for family af (ipt_do_command is NFPROTO_IPV4). */
int ipt_do_command_af(struct cmd_ctx *ctx, u8 af, struct ipt_handle *h, int argc, char **argv,
		      const char *table, unsigned int restore_line);
/* The order chains are shown in: built-in chains, then user chains sorted
 * by name, as nf_tables lists them.  malloc'd, NULL on failure. */
unsigned int *ipt_chain_order(const struct xt_table_info *info);
/* Each match's loaded() hook over every rule of the table (to err) */
void ipt_rules_loaded(FILE *err, const struct xt_table_info *info);
/* The table a command line names with -t (default "filter"). */
const char *ipt_cmdline_table(int argc, char **argv);

#endif
