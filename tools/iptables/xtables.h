/* The iptables tool's extension interface (iptables' include/xtables.h):
 * each libxt_NAME.c / libipt_NAME.c describes how one match or target is
 * parsed from the command line and printed back by `iptables -L`,
 * `iptables -S` and `iptables-save`.  The bytes it fills are the kernel
 * extension's info struct (include/uapi/linux/netfilter/xt_*.h).
 *
 * Registries are const arrays: xtables_core_matches[]/targets[] for the
 * plain extensions, xtables_ct_matches[]/targets[] for the conntrack and
 * NAT ones. */
#ifndef SKBOX_TOOLS_IPTABLES_XTABLES_H
#define SKBOX_TOOLS_IPTABLES_XTABLES_H

#include <stdbool.h>
#include <stdio.h>
#include "linux/netfilter/x_tables.h"

struct cmd_ctx;

/* One long option of an extension (`--dport`).  id is passed back to
 * parse(); has_arg says whether the option takes an argument. */
struct xt_option {
	const char *name;
	int id;
	bool has_arg;
};

/* mand: the options (1 << id) that must be given (iptables' XTOPT_MAND):
 * the core prints "NAME: option \"--OPT\" must be specified" otherwise. */

/* The parse context: where errors go and how the rule looks so far. */
struct xt_parse {
	struct cmd_ctx *ctx;
	const char *prog;		/* "iptables", "ip6tables-restore" ... */
	u8 af;				/* NFPROTO_IPV4 or NFPROTO_IPV6 */
	struct ipt_ip *ip;		/* the rule's ipt_ip (proto known after -p) */
	unsigned int flags;		/* the extension's own "seen" bits */
	unsigned int xflags;		/* options of this extension given so far: 1 << id */
	unsigned int line;		/* iptables-restore: the input line, else 0 */
};

/* Prints iptables' error for a bad option value and returns -1, e.g.
 * xt_param_error(p, "Bad value for \"--dport\" option: \"x\"") prints
 * "iptables v1.8.9 (nf_tables): Bad value ...\nTry `iptables -h' ..." */
int xt_param_error(struct xt_parse *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct xtables_match {
	const char *name;
	u8 revision;
	u8 family;			/* NFPROTO_IPV4 or NFPROTO_UNSPEC */
	unsigned int size;		/* equals the kernel match's matchsize */
	void (*help)(FILE *out);
	void (*init)(void *data);
	const struct xt_option *opts;	/* terminated by { NULL } */
	/* 0 on success, -1 after printing an error */
	int (*parse)(struct xt_parse *p, int id, const char *arg, bool invert, void *data);
	int (*final_check)(struct xt_parse *p, void *data);
	/* iptables -L: the text after the addresses ("tcp dpt:80") */
	void (*print)(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric);
	/* iptables -S / iptables-save: " --dport 80" (after "-m NAME" is printed) */
	void (*save)(FILE *out, const struct ipt_ip *ip, const void *data);
	/* bytes that -D/-C compare (the rest is kernel state); 0: size */
	unsigned int userspacesize;
	/* the option that takes two words (--tcp-flags MASK COMP), passed to
	 * parse() joined by a space; NULL: none */
	const char *two_args_opt;
	unsigned int mand;
	/* iptables-nft turning a rule of the kernel's back into its match
	 * (every rule of the table, before -L, -S or -save prints): what the
	 * extension says then (connlabel: the label file it cannot open) */
	void (*loaded)(FILE *err, const void *data);
};

struct xtables_target {
	const char *name;
	u8 revision;
	u8 family;
	unsigned int size;
	void (*help)(FILE *out);
	void (*init)(void *data);
	const struct xt_option *opts;
	int (*parse)(struct xt_parse *p, int id, const char *arg, bool invert, void *data);
	int (*final_check)(struct xt_parse *p, void *data);
	void (*print)(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric);
	void (*save)(FILE *out, const struct ipt_ip *ip, const void *data);
	unsigned int mand;
};

extern const struct xtables_match *const xtables_core_matches[];
extern const struct xtables_target *const xtables_core_targets[];
extern const struct xtables_match *const xtables_ct_matches[];
extern const struct xtables_target *const xtables_ct_targets[];

/* ip6tables' own (libip6t_*.c), searched first for NFPROTO_IPV6 */
extern const struct xtables_match *const xtables_ip6_matches[];
extern const struct xtables_target *const xtables_ip6_targets[];

/* The extension of that name for family af: ip6tables' own first for IPv6;
 * one marked for the other family is not returned. */
const struct xtables_match *xtables_find_match(u8 af, const char *name);
const struct xtables_target *xtables_find_target(u8 af, const char *name);

/* Helpers every extension uses (tools/iptables/xtables.c). */
bool xtables_strtoui(const char *s, unsigned int *value, unsigned int min, unsigned int max);
/* "80", "http", "1000:2000", ":1024", "1024:" for proto "tcp"/"udp" */
int xtables_parse_port(const char *port, const char *proto);
const char *xtables_ipaddr_to_numeric(__be32 addr);	/* static buffer per call site */
/* "a.b.c.d" into buf (at least 16 bytes); returns buf */
const char *xtables_ipaddr_to_buf(__be32 addr, char *buf);
bool xtables_parse_ipaddr(const char *s, __be32 *addr);
/* IPv6: "a::b" as inet_ntop prints it, into buf (at least 46 bytes) */
const char *xtables_ip6addr_to_buf(const struct in6_addr *addr, char *buf);
/* a mask's prefix length, -1 when it is not contiguous */
int xtables_ip6mask_to_cidr(const struct in6_addr *mask);
/* "ADDR[/MASK]" (prefix or dotted mask; XTTYPE_HOSTMASK); addr not masked;
 * 0, -1 (bad address) or -2 (bad mask) */
int xtables_parse_hostmask(const char *s, __be32 *addr, __be32 *mask);
/* the error of xtables_parse_hostmask()'s result rc for extension ext's
 * option opt, as libxtables prints it; returns -1 */
int xtables_hostmask_error(struct xt_parse *p, int rc, const char *ext, const char *opt,
			   const char *arg);
/* "24" or "255.255.255.0" (XTTYPE_PLENMASK); false when neither */
bool xtables_parse_plenmask(const char *s, __be32 *mask);
/* a contiguous mask's prefix length, -1 when it has holes */
int xtables_mask_to_bits(__be32 mask);
/* iptables' quoting of a string argument in -S / iptables-save output */
void xtables_save_string(FILE *out, const char *value);
/* an interface name with a trailing '+' wildcard into name and mask;
 * false when it is IFNAMSIZ or longer (nothing is filled then) */
bool xtables_parse_interface(const char *arg, char *vianame, unsigned char *mask);
/* "80" or "http" for proto; -1 when unknown */
int xtables_service_to_port(const char *name, const char *proto);
void xtables_print_port(FILE *out, u16 port, const char *proto, bool numeric);
/* a DiffServ class name (CS0..CS7, BE, AFxy, EF) to its DSCP; -1 after the error */
int xtables_dscp_class(struct xt_parse *p, const char *name);
/* iptables' message for two options that exclude each other; returns -1 */
int xtables_excl_error(struct xt_parse *p, const char *ext, const char *a, const char *b);
/* "a", "a:b", ":b", "a:" into out[0..1] (XTTYPE_UINT*RC); 0 or -1 after
 * iptables' message naming extension ext and option opt */
int xtables_parse_range(struct xt_parse *p, const char *ext, const char *opt, const char *arg,
			unsigned int max, unsigned int out[2], unsigned int *n);

#endif
