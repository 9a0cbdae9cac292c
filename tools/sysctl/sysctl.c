/* procps-ng `sysctl` over the namespace's /proc/sys/net tree
 * (net/core/sysctl_net.c): read `KEY`, write `-w KEY=VAL` or `KEY=VAL`,
 * `-n` values only, `-q` quiet writes, `-e` ignore unknown keys, `-a` all;
 * keys with '.' or '/' separators; procps' messages and exit statuses. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "net/sysctl_net.h"

struct sysctl_opts {
	struct cmd_ctx *ctx;
	bool names_only, values_only, quiet, ignore, write;
	int count;
};

/* "net.ipv4.conf.all.rp_filter" → path; display name back with dots.  As
 * procps' slashdot(): when the first separator is a '.', dots and slashes
 * swap ("a.b/c" is a/b.c); when it is a '/', the key is a path already. */
static void key_to_path(char *path, size_t len, const char *key)
{
	char *p;

	while (*key == '/')
		key++;
	snprintf(path, len, "%s", key);
	p = strpbrk(path, "/.");
	if (!p || *p == '/')
		return;
	for (; p; p = strpbrk(p + 1, "/."))
		*p = *p == '.' ? '/' : '.';
}

/* The key's path in a buffer of the key's size: procps prints a long unknown
 * key whole.  NULL when out of memory. */
static char *key_path(const char *key)
{
	size_t len = strlen(key) + 1;
	char *path = kmalloc(len);

	if (path)
		key_to_path(path, len, key);
	return path;
}

static int sysctl_nomem(struct sysctl_opts *o)
{
	fprintf(o->ctx->err, "sysctl: %s\n", strerror(ENOMEM));
	return 1;
}

/* A key that names /proc/sys itself ("/", "//"): procps' realpath() check. */
static bool key_outside(struct sysctl_opts *o, const char *key)
{
	if (key[strspn(key, "/")])
		return false;
	fprintf(o->ctx->err, "sysctl: Path is not under /proc/sys/: /proc/sys/%s\n", key);
	return true;
}

static void path_to_name(char *name, size_t len, const char *path)
{
	snprintf(name, len, "%s", path);
	for (char *p = name; *p; p++)
		if (*p == '/')
			*p = '.';
}

static int print_kv(const char *path, const char *val, void *arg)
{
	struct sysctl_opts *o = arg;
	char name[256];

	path_to_name(name, sizeof(name), path);
	o->count++;
	if (o->values_only)
		fprintf(o->ctx->out, "%s\n", val);
	else if (o->names_only)
		fprintf(o->ctx->out, "%s\n", name);
	else
		fprintf(o->ctx->out, "%s = %s\n", name, val);
	return 0;
}

static int sysctl_read(struct sysctl_opts *o, const char *key)
{
	char *path, val[128];
	int rc = 0;

	if (key_outside(o, key))
		return -1;	/* exit status 255 */
	if (!(path = key_path(key)))
		return sysctl_nomem(o);
	switch (sysctl_net_read(o->ctx->net, path, val, sizeof(val))) {
	case 0:
		rc = print_kv(path, val, o);
		goto out;
	case -EACCES:	/* a write-only key (net.ipv6.route.flush): procps says nothing */
		goto out;
	}
	o->count = 0;
	sysctl_net_for_each(o->ctx->net, path, print_kv, o);
	if (!o->count && !o->ignore) {
		fprintf(o->ctx->err, "sysctl: cannot stat /proc/sys/%s: No such file or directory\n",
			path);
		rc = 1;
	}
out:
	kfree(path);
	return rc;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		*--e = 0;
	return s;
}

/* ARG is KEY=VALUE (the caller checked the '='), of any length. */
static int sysctl_write(struct sysctl_opts *o, const char *arg)
{
	char *buf, *path = NULL, *key, *val, probe[128];
	int err, rc = 1;

	if (!(buf = kstrdup(arg)))
		return sysctl_nomem(o);
	val = strchr(buf, '=');
	*val++ = 0;
	key = trim(buf);
	val = trim(val);
	if (!(path = key_path(key))) {
		rc = sysctl_nomem(o);
		goto out;
	}
	err = sysctl_net_write(o->ctx->net, path, val);
	/* ENOENT from an existing key is the handler's (an unknown congestion control) */
	if (err == -ENOENT && sysctl_net_read(o->ctx->net, path, probe, sizeof(probe))) {
		if (o->ignore)
			rc = 0;
		else
			fprintf(o->ctx->err,
				"sysctl: cannot stat /proc/sys/%s: No such file or directory\n", path);
		goto out;
	}
	path_to_name(key, strlen(key) + 1, path);	/* the display name, as long as the key */
	if (err) {
		fprintf(o->ctx->err, "sysctl: setting key \"%s\": %s\n", key, strerror(-err));
		goto out;
	}
	rc = 0;
	if (o->quiet)
		goto out;
	if (o->values_only)
		fprintf(o->ctx->out, "%s\n", val);
	else
		fprintf(o->ctx->out, "%s = %s\n", key, val);
out:
	kfree(path);
	kfree(buf);
	return rc;
}

static int sysctl_flags(struct sysctl_opts *o, const char *arg, bool *all)
{
	for (const char *p = arg + 1; *p; p++) {
		switch (*p) {
		case 'n': o->values_only = true; break;
		case 'N': o->names_only = true; break;
		case 'q': o->quiet = true; break;
		case 'e': o->ignore = true; break;
		case 'w': o->write = true; break;
		case 'a': case 'A': case 'X': *all = true; break;
		case 'b': o->values_only = true; break;
		default:
			fprintf(o->ctx->err, "sysctl: invalid option -- '%c'\n", *p);
			return 1;
		}
	}
	return 0;
}

/* procps' Usage(stderr), printed for a bare `sysctl`. */
static int sysctl_usage(struct cmd_ctx *ctx)
{
	fputs("\nUsage:\n sysctl [options] [variable[=value] ...]\n\nOptions:\n"
	      "  -a, --all            display all variables\n"
	      "  -A                   alias of -a\n"
	      "  -X                   alias of -a\n"
	      "      --deprecated     include deprecated parameters to listing\n"
	      "      --dry-run        Print the key and values but do not write\n"
	      "  -b, --binary         print value without new line\n"
	      "  -e, --ignore         ignore unknown variables errors\n"
	      "  -N, --names          print variable names without values\n"
	      "  -n, --values         print only values of the given variable(s)\n"
	      "  -p, --load[=<file>]  read values from file\n"
	      "  -f                   alias of -p\n"
	      "      --system         read values from all system directories\n"
	      "  -r, --pattern <expression>\n"
	      "                       select setting that match expression\n"
	      "  -q, --quiet          do not echo variable set\n"
	      "  -w, --write          enable writing a value to variable\n"
	      "  -o                   does nothing\n"
	      "  -x                   does nothing\n"
	      "  -d                   alias of -h\n\n"
	      " -h, --help     display this help and exit\n"
	      " -V, --version  output version information and exit\n\n"
	      "For more details see sysctl(8).\n", ctx->err);
	return 1;
}

int do_sysctl(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct sysctl_opts o = { .ctx = ctx };
	bool all = false;
	int rc = 0, i;

	if (argc < 2)
		return sysctl_usage(ctx);
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {	/* getopt: the end of the options */
			i++;
			break;
		}
		if (!strcmp(argv[i], "--all"))
			all = true;
		else if (!strcmp(argv[i], "--values"))
			o.values_only = true;
		else if (!strcmp(argv[i], "--write"))
			o.write = true;
		else if (!strcmp(argv[i], "--quiet"))
			o.quiet = true;
		else if (sysctl_flags(&o, argv[i], &all))
			return 1;
	}
	if (all)
		return sysctl_net_for_each(ctx->net, "", print_kv, &o) ? 1 : 0;
	if (i >= argc) {
		fprintf(ctx->err, "sysctl: no variables specified\n"
			"Try `sysctl --help' for more information.\n");
		return 1;
	}
	for (; i < argc; i++) {
		if (strchr(argv[i], '='))
			rc |= sysctl_write(&o, argv[i]);	/* procps: ReturnCode |= */
		else if (o.write) {
			/* parse_setting_line(): a key under 2 characters, or a
			 * comment, is refused without a word */
			const char *k = argv[i] + strspn(argv[i], " \t");

			if (strlen(k) >= 2 && k[0] != '#' && k[0] != ';')
				fprintf(ctx->err, "sysctl: command line(0): invalid syntax, "
					"continuing...\n");
			rc |= 1;
		} else
			rc += sysctl_read(&o, argv[i]);
	}
	return rc & 0xff;	/* procps sums its statuses; -1 is 255 */
}
