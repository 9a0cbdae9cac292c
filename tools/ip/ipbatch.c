/* `ip -batch FILE` (iproute2 lib/utils.c do_batch(), getcmdline(),
 * makeargs()): one `ip` command per line, '#' starts a comment, a '\' at
 * the end of a line continues it, words may be quoted.  The first failing
 * line stops the batch ("Command failed FILE:LINE") unless -force.  From
 * stdin ("-") the lines are read as they arrive: in live mode a line runs
 * as soon as the client has sent it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ip_common.h"

#define IP_BATCH_MAX_ARGS 512

struct ip_batch_src {
	struct cmd_ctx *ctx;
	FILE *f;			/* NULL: stdin */
	char *buf;			/* one physical line */
	size_t cap;
};

static ssize_t ip_batch_read_line(struct ip_batch_src *src)
{
	if (src->f)
		return getline(&src->buf, &src->cap, src->f);
	return cmd_getline(src->ctx, &src->buf, &src->cap);
}

/* getcmdline(): a logical line (continuations joined, comment cut) into
 * *line; -1 at the end.  *lineno counts physical lines. */
static int ip_batch_getcmdline(struct ip_batch_src *src, char **line, size_t *len, int *lineno)
{
	size_t n = 0;

	for (;;) {
		ssize_t r = ip_batch_read_line(src);
		char *hash, *p;

		if (r <= 0)
			return n ? 0 : -1;
		++*lineno;
		hash = strchr(src->buf, '#');
		if (hash)
			*hash = '\0';
		r = (ssize_t)strlen(src->buf);
		while (r > 0 && (src->buf[r - 1] == '\n' || src->buf[r - 1] == '\r'))
			src->buf[--r] = '\0';
		p = realloc(*line, n + (size_t)r + 2);
		if (!p)
			return -1;
		*line = p;
		memcpy(*line + n, src->buf, (size_t)r + 1);
		n += (size_t)r;
		*len = n;
		if (r > 0 && (*line)[n - 1] == '\\' && !hash) {
			(*line)[--n] = ' ';
			continue;
		}
		return 0;
	}
}

/* makeargs(): words split at blanks, "…" and '…' quoted, in place. */
static int ip_batch_makeargs(char *line, char **argv, int maxargs)
{
	int argc = 0;
	char *p = line;

	while (*p && argc < maxargs - 1) {
		char quote = 0;
		char *w;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (*p == '"' || *p == '\'')
			quote = *p++;
		w = p;
		while (*p && (quote ? *p != quote : (*p != ' ' && *p != '\t')))
			p++;
		if (*p)
			*p++ = '\0';
		argv[argc++] = w;
	}
	argv[argc] = NULL;
	return argc;
}

static int ip_batch_run(struct ip_ctx *base, struct ip_batch_src *src,
			int (*do_cmd)(struct ip_ctx *ipc, int argc, char **argv))
{
	char *line = NULL, *largv[IP_BATCH_MAX_ARGS];
	size_t len = 0;
	int lineno = 0, ret = 0;

	while (ip_batch_getcmdline(src, &line, &len, &lineno) == 0) {
		struct ip_ctx ipc = *base;
		int largc = ip_batch_makeargs(line, largv, IP_BATCH_MAX_ARGS);

		if (!largc)
			continue;
		ipc.batch = NULL;
		jw_init(&ipc.jw, ipc.out, ipc.pretty);
		if (do_cmd(&ipc, largc, largv)) {
			fprintf(ipc.err, "Command failed %s:%d\n", base->batch, lineno);
			ret = 1;
			if (!base->force)
				break;
		}
		fflush(ipc.out);
	}
	free(line);
	return ret;
}

int ip_batch(struct ip_ctx *ipc, int (*do_cmd)(struct ip_ctx *ipc, int argc, char **argv))
{
	struct ip_batch_src src = { .ctx = ipc->ctx };
	int ret;

	if (strcmp(ipc->batch, "-")) {
		src.f = fopen(ipc->batch, "r");
		if (!src.f) {
			fprintf(ipc->err, "Cannot open file \"%s\" for reading: %s\n", ipc->batch,
				strerror(errno));
			return 1;
		}
	}
	ret = ip_batch_run(ipc, &src, do_cmd);
	if (src.f)
		fclose(src.f);
	free(src.buf);
	return ret;
}
