/* ipset, as Debian's ipset 7.17 parses and prints it: create, add, del,
 * test, list (-name, -terse, -output save, -sorted), save, restore, flush,
 * destroy, rename, swap, version; the hash:ip, hash:net, hash:ip,port,
 * hash:net,port and hash:ip,port,ip types (include/net/netfilter/ipset.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "net/netfilter/ipset.h"
#include "net/world.h"
#include <arpa/inet.h>

#define IPSET_PFX "ipset v7.17: "

struct ipset_opts {
	bool exist, quiet, name_only, terse, save_fmt, sorted;
	unsigned int lineno;	/* restore: the input line */
};

static int ipset_err(struct cmd_ctx *ctx, const struct ipset_opts *o, bool usage,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int ipset_err(struct cmd_ctx *ctx, const struct ipset_opts *o, bool usage,
		     const char *fmt, ...)
{
	va_list ap;

	fputs(IPSET_PFX, ctx->err);
	/* restore: ipset names the line first ("Error in line 3: …") */
	if (o && o->lineno)
		fprintf(ctx->err, "Error in line %u: ", o->lineno);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
	if (usage)
		fputs("Try `ipset help' for more information.\n", ctx->err);
	return 1;
}

static struct ip_set *need_set(struct cmd_ctx *ctx, const struct ipset_opts *o, const char *name)
{
	struct ip_set *s = ip_set_find(ctx->net, name);

	if (!s)
		ipset_err(ctx, o, false, "The set with the given name does not exist");
	return s;
}

/* ---- list / save ---- */
struct elem_list {
	struct ip_set_elem *v;
	size_t n, cap;
};

static void collect(const struct ip_set_elem *e, void *arg)
{
	struct elem_list *l = arg;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct ip_set_elem *v = krealloc(l->v, cap * sizeof(*v));

		if (!v)
			return;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *e;
}

static int elem_cmp(const void *a, const void *b)
{
	const struct ip_set_elem *x = a, *y = b;
	u32 xa = ntohl(x->ip), ya = ntohl(y->ip);

	if (xa != ya)
		return xa < ya ? -1 : 1;
	if (x->cidr != y->cidr)
		return x->cidr < y->cidr ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	if (x->port != y->port)
		return ntohs(x->port) < ntohs(y->port) ? -1 : 1;
	return ntohl(x->ip2) < ntohl(y->ip2) ? -1 : ntohl(x->ip2) > ntohl(y->ip2);
}

static void print_timeout(struct cmd_ctx *ctx, const struct ip_set *s, const struct ip_set_elem *e)
{
	u64 now = ctx->world->now;

	if (!s->with_timeout)
		return;
	fprintf(ctx->out, " timeout %llu",
		e->expires ? (unsigned long long)((e->expires - now) / NSEC_PER_SEC) : 0ULL);
}

static void print_header(struct cmd_ctx *ctx, const struct ip_set *s)
{
	fprintf(ctx->out, "family inet hashsize %u maxelem %u", s->hashsize, s->maxelem);
	if (s->with_timeout)
		fprintf(ctx->out, " timeout %u", s->timeout);
	fprintf(ctx->out, " bucketsize 12 initval 0x%08x", s->initval);
}

static void list_one(struct cmd_ctx *ctx, const struct ipset_opts *o, struct ip_set *s)
{
	struct elem_list l = { 0 };

	if (o->name_only) {
		fprintf(ctx->out, "%s\n", s->name);
		return;
	}
	if (!o->terse)
		ip_set_walk(ctx->net, s, collect, &l);
	else
		ip_set_walk(ctx->net, s, collect, &l);	/* the count drops expired ones */
	if (o->sorted && l.n)
		qsort(l.v, l.n, sizeof(*l.v), elem_cmp);
	if (o->save_fmt) {
		fprintf(ctx->out, "create %s %s ", s->name, ip_set_type_name(s->kind));
		print_header(ctx, s);
		fputc('\n', ctx->out);
		for (size_t i = 0; i < l.n; i++) {
			fprintf(ctx->out, "add %s ", s->name);
			ip_set_print_elem(ctx->out, s->kind, &l.v[i]);
			print_timeout(ctx, s, &l.v[i]);
			fputc('\n', ctx->out);
		}
		free(l.v);
		return;
	}
	fprintf(ctx->out, "Name: %s\nType: %s\nRevision: %d\nHeader: ", s->name,
		ip_set_type_name(s->kind), ip_set_type_revision(s->kind));
	print_header(ctx, s);
	fprintf(ctx->out, "\nSize in memory: %zu\nReferences: %d\nNumber of entries: %zu\n",
		ip_set_memsize(s), s->ref, l.n);
	if (!o->terse) {
		fputs("Members:\n", ctx->out);
		for (size_t i = 0; i < l.n; i++) {
			ip_set_print_elem(ctx->out, s->kind, &l.v[i]);
			print_timeout(ctx, s, &l.v[i]);
			fputc('\n', ctx->out);
		}
	}
	free(l.v);
}

static int do_list(struct cmd_ctx *ctx, struct ipset_opts *o, const char *name)
{
	bool first = true;

	if (name) {
		struct ip_set *s = need_set(ctx, o, name);

		if (!s)
			return 1;
		list_one(ctx, o, s);
		return 0;
	}
	for (struct ip_set *s = ip_set_first(ctx->net); s; s = s->next) {
		if (!first && !o->name_only && !o->save_fmt)
			fputc('\n', ctx->out);
		list_one(ctx, o, s);
		first = false;
	}
	return 0;
}

/* ---- create ---- */
static int parse_u32(const char *s, u32 *v)
{
	char *end;
	unsigned long x;

	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	x = strtoul(s, &end, 0);
	if (errno || *end || x > 0xffffffffUL)
		return -1;
	*v = (u32)x;
	return 0;
}

static int do_create(struct cmd_ctx *ctx, struct ipset_opts *o, int argc, char **argv)
{
	enum ip_set_kind kind;
	u32 hashsize = 1024, maxelem = 65536, timeout = 0, v;
	bool with_timeout = false;
	int err;

	if (argc < 2)
		return ipset_err(ctx, o, true, "Missing mandatory argument to command create");
	if (strlen(argv[0]) >= IPSET_MAXNAMELEN)
		return ipset_err(ctx, o, false, "Syntax error: setname '%s' is longer than %d "
				 "characters", argv[0], IPSET_MAXNAMELEN - 1);
	if (ip_set_type_lookup(argv[1], &kind))
		return ipset_err(ctx, o, false, "Syntax error: typename '%s' is unknown", argv[1]);
	for (int i = 2; i < argc; i++) {
		const char *k = argv[i];

		if (!strcmp(k, "family") || !strcmp(k, "hashsize") || !strcmp(k, "maxelem") ||
		    !strcmp(k, "timeout") || !strcmp(k, "bucketsize") || !strcmp(k, "initval")) {
			if (i + 1 >= argc)
				return ipset_err(ctx, o, false, "Syntax error: Missing argument to "
						 "option '%s'", k);
			if (!strcmp(k, "family")) {
				if (strcmp(argv[i + 1], "inet"))
					return ipset_err(ctx, o, false, "Syntax error: unknown "
							 "family '%s'", argv[i + 1]);
			} else if (parse_u32(argv[i + 1], &v)) {
				return ipset_err(ctx, o, false, "Syntax error: '%s' is invalid as "
						 "number", argv[i + 1]);
			} else if (!strcmp(k, "hashsize")) {
				hashsize = v;
			} else if (!strcmp(k, "maxelem")) {
				maxelem = v;
			} else if (!strcmp(k, "timeout")) {
				timeout = v;
				with_timeout = true;
			}
			i++;
		} else if (!strcmp(k, "-exist") || !strcmp(k, "-!")) {
			o->exist = true;
		} else {
			return ipset_err(ctx, o, false, "Syntax error: Unknown argument: '%s'", k);
		}
	}
	err = ip_set_create(ctx->net, argv[0], kind, hashsize, maxelem, with_timeout, timeout);
	if (err == -EEXIST) {
		struct ip_set *s = ip_set_find(ctx->net, argv[0]);

		if (o->exist && s->kind == kind)
			return 0;
		return ipset_err(ctx, o, false, "Set cannot be created: set with the same name "
				 "already exists");
	}
	return err ? ipset_err(ctx, o, false, "Set cannot be created: %s", strerror(-err)) : 0;
}

/* ---- add / del / test ---- */
static int do_elem(struct cmd_ctx *ctx, struct ipset_opts *o, const char *cmd, int argc,
		   char **argv)
{
	struct ip_set *s;
	struct ip_set_elem e;
	char err[256];
	long timeout = -1;
	int rc;

	if (argc < 2)
		return ipset_err(ctx, o, true, "Missing mandatory argument to command %s", cmd);
	s = need_set(ctx, o, argv[0]);
	if (!s)
		return 1;
	if (ip_set_parse_elem(s->kind, argv[1], &e, err, sizeof(err)))
		return ipset_err(ctx, o, false, "%s", err);
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "timeout") && i + 1 < argc && !strcmp(cmd, "add")) {
			u32 t;

			if (!s->with_timeout)
				return ipset_err(ctx, o, false, "Kernel error received: ipset "
						 "protocol error");
			if (parse_u32(argv[i + 1], &t))
				return ipset_err(ctx, o, false, "Syntax error: '%s' is invalid as "
						 "number", argv[i + 1]);
			timeout = t;
			i++;
		} else if (!strcmp(argv[i], "-exist") || !strcmp(argv[i], "-!")) {
			o->exist = true;
		} else {
			return ipset_err(ctx, o, false, "Syntax error: Unknown argument: '%s'",
					 argv[i]);
		}
	}
	if (!strcmp(cmd, "test")) {
		if (ip_set_test(ctx->net, s, &e)) {
			fprintf(ctx->err, "Warning: %s is in set %s.\n", argv[1], s->name);
			return 0;
		}
		fprintf(ctx->err, "%s is NOT in set %s.\n", argv[1], s->name);
		return 1;
	}
	if (!strcmp(cmd, "add")) {
		rc = ip_set_add(ctx->net, s, &e, o->exist, timeout);
		if (rc == -EEXIST)
			return ipset_err(ctx, o, false, "Element cannot be added to the set: it's "
					 "already added");
		if (rc == -ERANGE)
			return ipset_err(ctx, o, false, "Hash is full, cannot add more elements");
		return rc ? ipset_err(ctx, o, false, "%s", strerror(-rc)) : 0;
	}
	rc = ip_set_del(ctx->net, s, &e);
	if (rc == -ENOENT && !o->exist)
		return ipset_err(ctx, o, false, "Element cannot be deleted from the set: it's "
				 "not added");
	return 0;
}

/* ---- the rest ---- */
static int do_destroy(struct cmd_ctx *ctx, struct ipset_opts *o, const char *name)
{
	if (name) {
		struct ip_set *s = need_set(ctx, o, name);

		if (!s)
			return 1;
		if (ip_set_destroy(ctx->net, s))
			return ipset_err(ctx, o, false, "Set cannot be destroyed: it is in use by "
					 "a kernel component");
		return 0;
	}
	for (struct ip_set *s = ip_set_first(ctx->net); s; s = s->next)
		if (s->ref)
			return ipset_err(ctx, o, false, "Set cannot be destroyed: it is in use by "
					 "a kernel component");
	while (ip_set_first(ctx->net))
		ip_set_destroy(ctx->net, ip_set_first(ctx->net));
	return 0;
}

static int run_command(struct cmd_ctx *ctx, struct ipset_opts *o, int argc, char **argv);

/* One restore line: create/add commands run, comments and COMMIT skip. */
static int restore_one(struct cmd_ctx *ctx, struct ipset_opts *o, char *buf, unsigned int line)
{
	char *args[64], *save = NULL;
	int n = 0, rc;

	for (char *t = strtok_r(buf, " \t\r\n", &save); t && n < 63;
	     t = strtok_r(NULL, " \t\r\n", &save))
		args[n++] = t;
	if (!n || args[0][0] == '#' || !strcmp(args[0], "COMMIT"))
		return 0;
	if (strcmp(args[0], "create") && strcmp(args[0], "add") && strcmp(args[0], "-N") &&
	    strcmp(args[0], "-A") && strcmp(args[0], "n") && strcmp(args[0], "a"))
		return ipset_err(ctx, o, false, "Error in line %u: Restore command must be "
				 "create or add", line);
	o->lineno = line;
	rc = run_command(ctx, o, n, args);
	o->lineno = 0;
	return rc;
}

/* stdin a line at a time (cmd_getline(): in live mode each line runs as it
 * arrives, as ipset reading a pipe does) */
static int do_restore(struct cmd_ctx *ctx, struct ipset_opts *o)
{
	char *buf = NULL;
	size_t cap = 0;
	unsigned int line = 0;
	ssize_t len;
	int rc = 0;

	while (!rc && (len = cmd_getline(ctx, &buf, &cap)) > 0) {
		line++;
		if (len > 1023)
			buf[1023] = '\0';
		rc = restore_one(ctx, o, buf, line);
	}
	free(buf);
	return rc;
}

static const struct {
	const char *name, *alias, *dash;
} ipset_cmds[] = {
	{ "create", "n", "-N" }, { "add", "a", "-A" }, { "del", "d", "-D" },
	{ "test", "t", "-T" }, { "destroy", "x", "-X" }, { "list", "l", "-L" },
	{ "save", "s", "-S" }, { "restore", "r", "-R" }, { "flush", "f", "-F" },
	{ "rename", "e", "-E" }, { "swap", "w", "-W" }, { "version", "v", "-V" },
	{ "help", "h", "-h" },
};

static const char *command_of(const char *w)
{
	for (size_t i = 0; i < sizeof(ipset_cmds) / sizeof(ipset_cmds[0]); i++)
		if (!strcmp(w, ipset_cmds[i].name) || !strcmp(w, ipset_cmds[i].alias) ||
		    !strcmp(w, ipset_cmds[i].dash) ||
		    (!strcmp(ipset_cmds[i].name, "version") && !strcmp(w, "-v")))
			return ipset_cmds[i].name;
	return NULL;
}

/* the options that may come anywhere after the command word; the rest
 * are the command's arguments (at most 63) */
static int parse_anywhere_opts(struct ipset_opts *o, int argc, char **argv, char **args)
{
	int n = 0;

	for (int i = 1; i < argc && n < 63; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-exist") || !strcmp(a, "-!"))
			o->exist = true;
		else if (!strcmp(a, "-q") || !strcmp(a, "-quiet"))
			o->quiet = true;
		else if (!strcmp(a, "-n") || !strcmp(a, "-name"))
			o->name_only = true;
		else if (!strcmp(a, "-t") || !strcmp(a, "-terse"))
			o->terse = true;
		else if (!strcmp(a, "-s") || !strcmp(a, "-sorted"))
			o->sorted = true;
		else if ((!strcmp(a, "-o") || !strcmp(a, "-output")) && i + 1 < argc)
			o->save_fmt = !strcmp(argv[++i], "save");
		else
			args[n++] = argv[i];
	}
	return n;
}

static int do_flush(struct cmd_ctx *ctx, struct ipset_opts *o, const char *name)
{
	if (name) {
		struct ip_set *s = need_set(ctx, o, name);

		if (!s)
			return 1;
		ip_set_flush(s);
		return 0;
	}
	for (struct ip_set *s = ip_set_first(ctx->net); s; s = s->next)
		ip_set_flush(s);
	return 0;
}

static int do_rename_swap(struct cmd_ctx *ctx, struct ipset_opts *o, const char *cmd, int n,
			  char **args)
{
	struct ip_set *a, *b;

	if (n < 2)
		return ipset_err(ctx, o, true, "Missing mandatory argument to command %s", cmd);
	if (!(a = need_set(ctx, o, args[0])))
		return 1;
	if (!strcmp(cmd, "rename")) {
		if (ip_set_rename(ctx->net, a, args[1]))
			return ipset_err(ctx, o, false, "Set cannot be renamed: a set with "
					 "the new name already exists");
		return 0;
	}
	if (!(b = need_set(ctx, o, args[1])))
		return 1;
	if (ip_set_swap(ctx->net, a, b))
		return ipset_err(ctx, o, false, "The sets cannot be swapped: their type "
				 "does not match");
	return 0;
}

static int print_usage(struct cmd_ctx *ctx)
{
	fputs("ipset v7.17\n\nUsage: ipset [options] COMMAND\n\nCommands:\n"
	      "create SETNAME TYPENAME [type-specific-options]\n"
	      "add SETNAME ENTRY\ndel SETNAME ENTRY\ntest SETNAME ENTRY\n"
	      "destroy [SETNAME]\nlist [SETNAME]\nsave [SETNAME]\nrestore\n"
	      "flush [SETNAME]\nrename FROM-SETNAME TO-SETNAME\n"
	      "swap FROM-SETNAME TO-SETNAME\nhelp [TYPENAME]\nversion\n", ctx->out);
	return 0;
}

/* argv[0] is the command word; options may come anywhere */
static int run_command(struct cmd_ctx *ctx, struct ipset_opts *o, int argc, char **argv)
{
	const char *cmd = command_of(argv[0]);
	char *args[64];
	int n = parse_anywhere_opts(o, argc, argv, args);

	if (!strcmp(cmd, "create"))
		return do_create(ctx, o, n, args);
	if (!strcmp(cmd, "add") || !strcmp(cmd, "del") || !strcmp(cmd, "test"))
		return do_elem(ctx, o, cmd, n, args);
	if (!strcmp(cmd, "destroy"))
		return do_destroy(ctx, o, n ? args[0] : NULL);
	if (!strcmp(cmd, "list"))
		return do_list(ctx, o, n ? args[0] : NULL);
	if (!strcmp(cmd, "save")) {
		o->save_fmt = true;
		return do_list(ctx, o, n ? args[0] : NULL);
	}
	if (!strcmp(cmd, "restore"))
		return do_restore(ctx, o);
	if (!strcmp(cmd, "flush"))
		return do_flush(ctx, o, n ? args[0] : NULL);
	if (!strcmp(cmd, "rename") || !strcmp(cmd, "swap"))
		return do_rename_swap(ctx, o, cmd, n, args);
	if (!strcmp(cmd, "version")) {
		fputs("ipset v7.17, protocol version: 7\n", ctx->out);
		return 0;
	}
	return print_usage(ctx);
}

int do_ipset(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ipset_opts o = { 0 };
	int i = 1;

	/* global options before the command */
	for (; i < argc && argv[i][0] == '-' && !command_of(argv[i]); i++) {
		if (!strcmp(argv[i], "-exist") || !strcmp(argv[i], "-!"))
			o.exist = true;
		else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "-quiet"))
			o.quiet = true;
		else if (!strcmp(argv[i], "-n") || !strcmp(argv[i], "-name"))
			o.name_only = true;
		else if (!strcmp(argv[i], "-t") || !strcmp(argv[i], "-terse"))
			o.terse = true;
		else if (!strcmp(argv[i], "-s") || !strcmp(argv[i], "-sorted"))
			o.sorted = true;
		else if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "-output")) && i + 1 < argc)
			o.save_fmt = !strcmp(argv[++i], "save");
		else
			return ipset_err(ctx, NULL, true, "No command specified: unknown argument %s",
					 argv[i]);
	}
	if (i >= argc)
		return ipset_err(ctx, NULL, true, "No command specified.");
	if (!command_of(argv[i]))
		return ipset_err(ctx, NULL, true, "No command specified: unknown argument %s",
				 argv[i]);
	return run_command(ctx, &o, argc - i, argv + i);
}
