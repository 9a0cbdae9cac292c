/* Unit tests for iptables: the tool's command line (tools/iptables) and
 * the kernel side it drives (net/ipv4/netfilter/ip_tables*.c): tables on
 * demand, jump/goto references, loop rejection, rule order, -D by rule,
 * and a restore of many chains (hashed names).  Each ends with the world
 * freed without leaks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "skbox/cmd.h"
#include "net/world.h"
#include "net/net_namespace.h"
#include "linux/netfilter/x_tables.h"

struct ipt_test {
	struct world *w;
	char *out, *err;
	size_t outlen, errlen;
};

/* Runs one command line (split on spaces) in the first namespace. */
static int run(struct ipt_test *t, const char *line)
{
	char buf[512], *argv[64], *save = NULL;
	int argc = 0, rc;
	struct cmd_ctx ctx = { .world = t->w, .net = t->w->init_net };

	free(t->out);
	free(t->err);
	ctx.out = open_memstream(&t->out, &t->outlen);
	ctx.err = open_memstream(&t->err, &t->errlen);
	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = strtok_r(buf, " ", &save); w && argc < 63; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	rc = cmd_run(&ctx, argc, argv);
	fclose(ctx.out);
	fclose(ctx.err);
	return rc;
}

static int setup(void **state)
{
	struct ipt_test *t = calloc(1, sizeof(*t));

	t->w = world_new(1);
	*state = t;
	return t->w ? 0 : -1;
}

static int teardown(void **state)
{
	struct ipt_test *t = *state;
	int leaks = world_free(t->w, stderr);

	free(t->out);
	free(t->err);
	free(t);
	return leaks;
}

static void test_tables_on_demand(void **state)
{
	struct ipt_test *t = *state;
	struct net *net = t->w->init_net;

	assert_null(ipt_table_peek(net, "filter"));
	assert_int_equal(run(t, "iptables -S"), 0);
	assert_non_null(ipt_table_peek(net, "filter"));
	assert_string_equal(t->out, "-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
	assert_int_equal(run(t, "iptables -t foo -L"), 3);
	assert_null(ipt_get_table(net, "foo"));
	assert_int_equal(run(t, "iptables -t raw -S"), 0);
	assert_string_equal(t->out, "-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n");
}

static void test_jumps_and_references(void **state)
{
	struct ipt_test *t = *state;
	const struct xt_table_info *info;

	assert_int_equal(run(t, "iptables -N A"), 0);
	assert_int_equal(run(t, "iptables -N B"), 0);
	assert_int_equal(run(t, "iptables -A INPUT -j A"), 0);
	assert_int_equal(run(t, "iptables -A A -g B"), 0);
	info = ipt_get_table(t->w->init_net, "filter");
	assert_int_equal(info->nchains, 5);
	assert_int_equal(info->chains[3].references, 1);
	assert_int_equal(info->chains[4].references, 1);
	/* B -> A would close a loop: the kernel refuses the table */
	assert_int_equal(run(t, "iptables -A B -j A"), 4);
	assert_non_null(strstr(t->err, "Too many links"));
	assert_int_equal(run(t, "iptables -X B"), 4);
	assert_int_equal(run(t, "iptables -D A -g B"), 0);
	assert_int_equal(run(t, "iptables -X B"), 0);
	assert_int_equal(run(t, "iptables -S A"), 0);
	assert_string_equal(t->out, "-N A\n");
}

static void test_insert_replace_delete(void **state)
{
	struct ipt_test *t = *state;

	assert_int_equal(run(t, "iptables -A OUTPUT -p udp --dport 53 -j ACCEPT"), 0);
	assert_int_equal(run(t, "iptables -I OUTPUT -s 10.1.2.3/16 -j DROP"), 0);
	assert_int_equal(run(t, "iptables -I OUTPUT 2 -p icmp --icmp-type echo-request"), 0);
	assert_int_equal(run(t, "iptables -R OUTPUT 3 -p udp --dport 54 -j ACCEPT"), 0);
	assert_int_equal(run(t, "iptables -S OUTPUT"), 0);
	assert_string_equal(t->out, "-P OUTPUT ACCEPT\n"
			    "-A OUTPUT -s 10.1.0.0/16 -j DROP\n"
			    "-A OUTPUT -p icmp -m icmp --icmp-type 8\n"
			    "-A OUTPUT -p udp -m udp --dport 54 -j ACCEPT\n");
	assert_int_equal(run(t, "iptables -C OUTPUT -p udp --dport 53 -j ACCEPT"), 1);
	assert_int_equal(run(t, "iptables -D OUTPUT -s 10.1.0.0/16 -j DROP"), 0);
	assert_int_equal(run(t, "iptables -D OUTPUT 1"), 0);
	assert_int_equal(run(t, "iptables -D OUTPUT 2"), 1);
	assert_string_equal(t->err, "iptables: Index of deletion too big.\n");
}

static void test_restore_many_chains(void **state)
{
	struct ipt_test *t = *state;
	size_t cap = 1 << 20, len = 0;
	char *in = malloc(cap);
	struct cmd_ctx ctx = { .world = t->w, .net = t->w->init_net };
	char *argv[] = { "iptables-restore", NULL };
	const struct xt_table_info *info;

	len += (size_t)sprintf(in + len, "*filter\n:INPUT ACCEPT [0:0]\n");
	for (int i = 0; i < 2000; i++)
		len += (size_t)sprintf(in + len, ":C%d - [0:0]\n", i);
	for (int i = 0; i < 2000; i++)
		len += (size_t)sprintf(in + len, "-A %s -j C%d\n",
				       i ? "C0" : "INPUT", i ? i : 0);
	len += (size_t)sprintf(in + len, "COMMIT\n");
	ctx.in = in;
	ctx.in_len = len;
	ctx.out = stdout;
	ctx.err = stderr;
	assert_int_equal(cmd_run(&ctx, 1, argv), 0);
	info = ipt_get_table(t->w->init_net, "filter");
	assert_int_equal(info->nchains, 2003);
	assert_int_equal(info->chains[3].nrules, 1999);	/* C0 */
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tables_on_demand, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jumps_and_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_insert_replace_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_many_chains, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
