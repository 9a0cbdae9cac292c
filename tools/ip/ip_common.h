/* Shared declarations of the `ip` command (iproute2's ip/ip_common.h and
 * include/utils.h): the per-invocation options, the parsing helpers of
 * lib/utils.c and the printing helpers shared by link/addr/route/... */
#ifndef SKBOX_TOOLS_IP_COMMON_H
#define SKBOX_TOOLS_IP_COMMON_H

#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>
#include "skbox/cmd.h"
#include "json_print.h"

struct net;
struct net_device;
struct netlink_ext_ack;

/* Global options (-s, -d, -j ...) and the context of one `ip` run. */
struct ip_ctx {
	struct cmd_ctx *ctx;
	struct net *net;
	FILE *out, *err;
	int family;			/* 0 or AF_INET (-4) */
	int show_stats;			/* -s, repeatable */
	int show_details;
	bool brief, json, pretty, oneline;
	bool color;			/* -c / -color[=always|auto|never], not with -j */
	bool force;			/* -force: a batch goes on after errors */
	bool monitor;			/* ip monitor: print_linkinfo()/print_addrinfo() as do_monitor */
	unsigned int rcvbuf;		/* -rcvbuf SIZE: the monitor's socket buffer (0: default) */
	int timestamp;			/* -t, -ts: the monitor's print_timestamp() */
	bool tshort;
	const char *batch;		/* -batch FILE ("-": stdin) */
	struct json_writer jw;
};

/* An address or prefix as iproute2's inet_prefix. */
struct inet_prefix {
	uint32_t addr;			/* network order */
	int bitlen;			/* prefix length, -1 when none given */
	bool is_default;		/* "default", "all", "any" */
};

/* Does `arg` abbreviate `pattern` (iproute2 matches(): 0 = yes). */
int matches(const char *arg, const char *pattern);
int get_unsigned(unsigned int *val, const char *arg, int base);
int get_u32(uint32_t *val, const char *arg, int base);
int get_u8(uint8_t *val, const char *arg, int base);
int get_integer(int *val, const char *arg, int base);
/* Parse "A.B.C.D"; 0 ok, -1 bad. */
int parse_ipv4(uint32_t *addr, const char *s);
/* iproute2 get_prefix_1(): A[/N] or default/any/all; 0 ok, -1 bad. */
int parse_prefix(struct inet_prefix *p, const char *arg);
/* MAC "xx:xx:xx:xx:xx:xx" into 6 bytes; 0 ok, -1 bad. */
int parse_lladdr(uint8_t *mac, const char *arg);
void format_lladdr(char *buf, const uint8_t *mac, int len);
const char *format_ipv4(char *buf, uint32_t addr);

/* Error printers: each prints iproute2's message and returns the exit
 * status iproute2 would exit with. */
int ip_invarg(struct ip_ctx *ipc, const char *msg, const char *arg);
int ip_incomplete(struct ip_ctx *ipc);
/* Route words' values (utils.c): realms [SRC/]DST (names "cosmos" or
 * 0..255, else a raw number), a family name for `via` (AF_UNSPEC when the
 * word is none), a time NUMBER[s|ms…] (get_time_rtt); 0 or -1 */
int realms_parse(unsigned int *realms, const char *arg);
int route_read_family(const char *w);
int route_time(const char *arg);
/* the words of an IPv4 route that iproute2 checks and the route does not
 * keep (as, from, expires, pref, ttl-propagate, fastopen_no_cookie,
 * realms): 0, -1 when the word is none of them, else the exit status */
int route_word_unkept(struct ip_ctx *ipc, int *family, int *argc, char ***argv);
/* Is an `ip route` request without -4/-6 an IPv6 one (iproute2's family
 * inference; modify: add/del/replace…, else show/flush/get)? */
bool route_args_inet6(int argc, char **argv, bool modify);
/* iproute2's NEXT_ARG(): step to the word after a keyword; false when the
 * line ends at the keyword (the caller answers ip_incomplete()) */
static inline bool ip_next_arg(int *argc, char ***argv)
{
	if (*argc < 2)
		return false;
	(*argc)--;
	(*argv)++;
	return true;
}
int ip_duparg(struct ip_ctx *ipc, const char *key, const char *arg);
/* iproute_lwtunnel.c: `encap TYPE …` (at "encap"; leaves *argv at the
 * encap's last word) and its display */
struct lwtunnel_encap_cfg;
struct lwtunnel_state;
int lwt_parse_encap(struct ip_ctx *ipc, int *argc, char ***argv, struct lwtunnel_encap_cfg *e);
void lwt_print_encap(struct ip_ctx *ipc, const struct lwtunnel_state *ts);
int ip_duparg2(struct ip_ctx *ipc, const char *key, const char *arg);
int ip_bad_prefix(struct ip_ctx *ipc, const char *arg);
int ip_bad_addr(struct ip_ctx *ipc, const char *arg);
/* the same for a request of family `family` (0: "any valid") */
int ip_bad_prefix_af(struct ip_ctx *ipc, int family, const char *arg);
int ip_bad_addr_af(struct ip_ctx *ipc, int family, const char *arg);
int ip_no_dev(struct ip_ctx *ipc, const char *name);
int ip_rtnl_err(struct ip_ctx *ipc, int err, const struct netlink_ext_ack *ext);
/* Resolve a device; prints "Cannot find device" and returns NULL. */
struct net_device *ip_dev_get(struct ip_ctx *ipc, const char *name);

/* ipbatch.c: iproute2's do_batch(): each line of FILE ("-": stdin, read
 * as it comes) runs as `ip OBJECT …` with the global options of ipc. */
int ip_batch(struct ip_ctx *ipc, int (*do_cmd)(struct ip_ctx *ipc, int argc, char **argv));

/* iproute_usage.c: `ip route help`. */
int iproute_usage(struct ip_ctx *ipc);
/* `ip address help` (same file) */
int ip_addr_usage(struct ip_ctx *ipc);

/* Names (lib/rt_names.c). */
const char *rt_table_name(char *buf, uint32_t id);
int rt_table_parse(uint32_t *id, const char *arg);
const char *rt_scope_name(char *buf, unsigned int scope);
int rt_scope_parse(unsigned int *scope, const char *arg);
const char *rt_proto_name(char *buf, unsigned int proto);
int rt_proto_parse(unsigned int *proto, const char *arg);
const char *rt_type_name(char *buf, unsigned int type);
int rt_type_parse(unsigned int *type, const char *arg);
const char *inet_proto_n2a(char *buf, uint8_t proto);
int inet_proto_a2n(uint8_t *proto, const char *arg);
int route_get_l4_word(struct ip_ctx *ipc, uint8_t *proto, uint16_t *sport, uint16_t *dport,
		      int *uid, const char *k, const char *v);

/* ipaddress.c / iplink.c shared printing */
void ip_print_link(struct ip_ctx *ipc, struct net_device *dev, bool addr_mode);
void ip_print_link_flags(struct ip_ctx *ipc, unsigned int flags, bool mdown);
void ip_print_link_brief(struct ip_ctx *ipc, struct net_device *dev, bool addr_mode);
const char *ip_dev_qdisc(const struct net_device *dev);
void ip_link_ifname(struct ip_ctx *ipc, const struct net_device *dev, char *buf, size_t len);

int do_iplink(struct ip_ctx *ipc, int argc, char **argv);
int do_ipaddr(struct ip_ctx *ipc, int argc, char **argv);
int do_iproute(struct ip_ctx *ipc, int argc, char **argv);
int do_iprule(struct ip_ctx *ipc, int argc, char **argv);

/* -color (iproute2 lib/color.c, its light palette): print_color_string()
 * prints fmt's output between the color's escape and the reset */
enum ip_color {
	COLOR_NONE, COLOR_IFNAME, COLOR_MAC, COLOR_INET, COLOR_INET6,
	COLOR_OPERSTATE_UP, COLOR_OPERSTATE_DOWN,
};
void ip_color_printf(struct ip_ctx *ipc, enum ip_color c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
enum ip_color ip_oper_state_color(const char *state);
int ip_matches_color(const char *arg, int *val);
int do_ipnexthop(struct ip_ctx *ipc, int argc, char **argv);
int do_ipneigh(struct ip_ctx *ipc, int argc, char **argv);
int do_ipmaddr(struct ip_ctx *ipc, int argc, char **argv);	/* ipmaddr.c */
struct ip_tunnel_parm;
int iptnl_parse_opt(struct ip_ctx *ipc, int argc, char **argv, struct ip_tunnel_parm *p);
int do_ipnetns(struct ip_ctx *ipc, int argc, char **argv);
/* ipmonitor.c, and the print functions it shares with `show` (one object
 * as a notification names it; the caller prints "Deleted " first) */
int do_ipmonitor(struct ip_ctx *ipc, int argc, char **argv);
struct fib_alias;
struct in_ifaddr;
struct inet6_ifaddr;
struct fib6_info;
struct neighbour;
struct fib_rule;
struct nexthop;
void ip_route_print_one(struct ip_ctx *ipc, uint32_t tb_id, uint32_t dst, int plen,
			const struct fib_alias *fa);
void ip_route6_print_one(struct ip_ctx *ipc, const struct fib6_info *rt);
void ip_addr_print_one(struct ip_ctx *ipc, const struct in_ifaddr *ifa);
void ip_addr6_print_one(struct ip_ctx *ipc, const struct inet6_ifaddr *ifa);
void ip_neigh_print_one(struct ip_ctx *ipc, const struct neighbour *n);
void ip_rule_print_one(struct ip_ctx *ipc, const struct fib_rule *r);
void ip_nexthop_print_one(struct ip_ctx *ipc, const struct nexthop *nh);

/* IPv6 (ipaddress6.c, iproute6.c) */
struct in6_addr;
int ip6_parse_prefix(struct in6_addr *a, int *plen, const char *arg);
bool ip_args_inet6(int argc, char **argv);
void ip6_print_dev_addrs(struct ip_ctx *ipc, const struct net_device *dev);
bool ip6_dev_has_addr(const struct net_device *dev);
int do_ipaddr6(struct ip_ctx *ipc, int argc, char **argv);
int do_iproute6(struct ip_ctx *ipc, int argc, char **argv);
const char *ip_dev_operstate(const struct net_device *dev);

#define NEXT_ARG_OK() (argc > 1)

/* iptuntap.c */
struct link_req;
int do_iptuntap(struct ip_ctx *ipc, int argc, char **argv);
int tap_link_parse(struct ip_ctx *ipc, const char *type, int argc, char **argv,
		   struct link_req *req);

#endif
