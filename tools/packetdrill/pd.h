/* `skbox packetdrill`: Google packetdrill's script language run against
 * skbox's TCP in virtual time (docs/PACKETDRILL.md). */
#ifndef SKBOX_TOOLS_PACKETDRILL_H
#define SKBOX_TOOLS_PACKETDRILL_H

#include <stdbool.h>
#include <stdint.h>

/* ---- syscall argument expressions ---- */
enum pd_expr_kind {
	PE_ELLIPSIS,			/* ... */
	PE_INT,
	PE_STRING,
	PE_LIST,			/* [a, b] */
	PE_STRUCT,			/* {name=a, b} */
	PE_CALL,			/* htons(8080), inet_addr("1.2.3.4") */
};

struct pd_expr {
	enum pd_expr_kind kind;
	long long num;
	char *str;			/* STRING text, CALL name, a field's name */
	char *field;			/* name= before it inside a STRUCT */
	int n;
	struct pd_expr **items;		/* LIST, STRUCT, CALL arguments */
};

/* ---- TCP options of a script packet ---- */
enum pd_opt_kind {
	PO_EOL = 0, PO_NOP = 1, PO_MSS = 2, PO_WSCALE = 3, PO_SACKOK = 4, PO_SACK = 5,
	PO_TS = 8, PO_ANY = 256,
};

struct pd_opt {
	int kind;
	uint32_t v[8];			/* mss; wscale; TS val, ecr; sack blocks (start,end)… */
	int nblocks;
};

#define PD_MAX_OPTS 16

enum pd_kind { EV_PACKET, EV_SYSCALL, EV_SHELL, EV_SKIP };

struct pd_event {
	enum pd_kind kind;
	int line;
	/* times in ns from the script's start; -1: any time ('*') */
	int64_t t, t_hi;		/* t_hi: end of a '~' range (else == t) */
	int64_t t_end;			/* a syscall's '...' end, or -1 */
	/* packet */
	bool inbound;
	unsigned int flags;		/* TH_* */
	uint32_t seq, seq_end;
	bool has_ack, has_win, opts_given, opts_any;
	uint32_t ack, win;
	int nopts;
	struct pd_opt opts[PD_MAX_OPTS];
	/* syscall */
	char *name;
	int nargs;
	struct pd_expr **args;
	long long ret;			/* expected result */
	bool ret_any;			/* = ... hmm, rarely used */
	int ret_errno;			/* with ret -1 */
	/* shell */
	char *cmd;
	const char *skip_why;		/* EV_SKIP: what was ignored */
};

struct pd_script {
	const char *path;
	int nevents;
	struct pd_event *events;
	int64_t tolerance_ns;
};

/* parse.c */
int pd_parse_file(const char *path, struct pd_script *s, char *err, size_t errlen);
void pd_script_free(struct pd_script *s);
void pd_expr_free(struct pd_expr *e);
/* Symbolic constants (SOCK_STREAM, TCP_NODELAY, ENOTCONN…): 0 if known. */
int pd_symbol(const char *name, long long *v);
const char *pd_errno_name(int e);

int packetdrill_main(int argc, char **argv);

#endif
