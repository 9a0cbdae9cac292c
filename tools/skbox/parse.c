/* Parsing script lines the way bash would for a small subset: quotes,
 * backslashes, $VAR/${VAR}/$? expansion, ';', '&&', '||', '&', '|' into a
 * command of the world (the left side runs to completion first, its output
 * becomes the right side's stdin), comments.  Anything else (redirections, $(…), loops) is
 * refused by name rather than misread. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "run.h"

struct run_vars {
	int n;
	char *names[64];
	char *values[64];
};

/* "[user@host dir]# " / "[user@host dir]$ " */
static const char *strip_bracket_prompt(const char *p)
{
	const char *end = strstr(p, "]# ");

	if (!end)
		end = strstr(p, "]$ ");
	if (end && memchr(p, '@', (size_t)(end - p)))
		return end + 3;
	return NULL;
}

const char *run_strip_prompt(const char *line)
{
	const char *p = line, *q;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '[' && (q = strip_bracket_prompt(p)) != NULL)
		return q;
	/* a bare "$ " prompt (never a command in bash) */
	if (p[0] == '$' && (p[1] == ' ' || p[1] == '\t' || !p[1]))
		return p + 1 + strspn(p + 1, " \t");
	/* user@host:dir# , user@host:dir$ , user@host$ */
	for (q = p; *q && *q != ' ' && *q != '\t'; q++) {
		if ((*q == '#' || *q == '$') && (q[1] == ' ' || !q[1]) &&
		    memchr(p, '@', (size_t)(q - p)))
			return q + 1 + strspn(q + 1, " \t");
	}
	return p;
}

static const char *var_get(struct runner *r, const char *name, size_t len, char *num)
{
	struct run_vars *v = r->vars;

	if (len == 1 && name[0] == '?') {
		snprintf(num, 16, "%d", r->last_status);
		return num;
	}
	for (int i = 0; v && i < v->n; i++)
		if (strlen(v->names[i]) == len && !strncmp(v->names[i], name, len))
			return v->values[i];
	{
		char key[128];
		const char *env;

		if (len >= sizeof(key))
			return "";
		memcpy(key, name, len);
		key[len] = 0;
		env = getenv(key);
		return env && (!strcmp(key, "HOME") || !strcmp(key, "USER")) ? env : "";
	}
}

void run_var_set(struct runner *r, const char *name, const char *value)
{
	struct run_vars *v = r->vars;

	if (!v)
		v = r->vars = calloc(1, sizeof(*v));
	for (int i = 0; i < v->n; i++) {
		if (!strcmp(v->names[i], name)) {
			free(v->values[i]);
			v->values[i] = strdup(value);
			return;
		}
	}
	if (v->n < 64) {
		v->names[v->n] = strdup(name);
		v->values[v->n++] = strdup(value);
	}
}

void run_vars_free(struct runner *r)
{
	struct run_vars *v = r->vars;

	for (int i = 0; v && i < v->n; i++) {
		free(v->names[i]);
		free(v->values[i]);
	}
	free(v);
	r->vars = NULL;
}

static void put(struct run_line *l, char c)
{
	if (l->used + 1 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->store = realloc(l->store, l->cap);
	}
	l->store[l->used++] = c;
}

/* n plain characters at once (the runner's per-character path, with the
 * fuzzer's comparison callbacks on every test, was a sixth of fuzz_script) */
static void put_n(struct run_line *l, const char *s, size_t n)
{
	if (l->used + n >= l->cap) {
		while (l->used + n >= l->cap)
			l->cap = l->cap ? l->cap * 2 : 256;
		l->store = realloc(l->store, l->cap);
	}
	memcpy(l->store + l->used, s, n);
	l->used += n;
}

static void puts_l(struct run_line *l, const char *s)
{
	while (*s)
		put(l, *s++);
}

/* $NAME, ${NAME}, $?: returns the characters consumed after '$' */
static size_t expand(struct runner *r, const char *p, struct run_line *l)
{
	char num[16];
	size_t n = 0;

	if (*p == '?') {
		puts_l(l, var_get(r, "?", 1, num));
		return 1;
	}
	if (*p == '{') {
		const char *end = strchr(p, '}');

		if (!end)
			return 0;
		puts_l(l, var_get(r, p + 1, (size_t)(end - p - 1), num));
		return (size_t)(end - p) + 1;
	}
	while (isalnum((unsigned char)p[n]) || p[n] == '_')
		n++;
	if (!n) {
		put(l, '$');
		return 0;
	}
	puts_l(l, var_get(r, p, n, num));
	return n;
}

struct word_state {
	bool in_word;
	size_t start;
};

static void word_end(struct run_line *l, struct word_state *ws, struct run_cmd *c)
{
	if (!ws->in_word)
		return;
	put(l, 0);
	if (c->argc < RUN_MAX_WORDS)
		c->argv[c->argc++] = (char *)(uintptr_t)(ws->start + 1);	/* offset, fixed later */
	ws->in_word = false;
}

static void word_begin(struct run_line *l, struct word_state *ws)
{
	if (!ws->in_word) {
		ws->in_word = true;
		ws->start = l->used;
	}
}

/* "${NAME}" and "${?}" are expanded; "${NAME:-x}", "${#NAME}"… are not. */
static bool bad_braces(const char *p)
{
	const char *end;

	if (p[0] != '$' || p[1] != '{')
		return false;
	end = strchr(p + 2, '}');
	if (!end || end == p + 2)
		return true;
	if (end == p + 3 && p[2] == '?')
		return false;
	for (const char *q = p + 2; q < end; q++)
		if (!(isalnum((unsigned char)*q) || *q == '_'))
			return true;
	return false;
}

/* The construct at p that the subset refuses, by name; NULL if none.
 * in_word: p continues a word ("f()" is a function definition). */
static const char *unsupported(const char *p, bool in_word)
{
	if (p[0] == '&' && p[1] == '>')
		return "redirection '&>'";
	if (*p == '|')
		return "pipe '|'";
	if (p[0] == '>' && p[1] == '>')
		return "redirection '>>'";
	if (p[0] == '<' && p[1] == '<')
		return "here-document '<<'";
	if (*p == '>')
		return "redirection '>'";
	if (*p == '<')
		return "redirection '<'";
	if (p[0] == '$' && p[1] == '(' && p[2] == '(')
		return "arithmetic expansion '$(('";
	if (*p == '`' || (p[0] == '$' && p[1] == '('))
		return "command substitution";
	if (bad_braces(p))
		return "parameter expansion '${...}'";
	if (p[0] == '(' && (in_word || p[1] == ')'))
		return "function definition";
	if (*p == '(' || *p == ')')
		return "subshell '('";
	return NULL;
}

static int quoted(struct runner *r, const char **pp, struct run_line *l)
{
	const char *p = *pp;
	char q = *p++;

	for (; *p && *p != q; p++) {
		if (q == '"' && *p == '\\' && p[1] && strchr("\"\\$`", p[1])) {
			put(l, *++p);
		} else if (q == '"' && (*p == '`' || (*p == '$' && p[1] == '('))) {
			return -1;
		} else if (q == '"' && bad_braces(p)) {
			return -3;
		} else if (q == '"' && *p == '$') {
			p += expand(r, p + 1, l);
		} else {
			put(l, *p);
		}
	}
	if (!*p)
		return -2;
	*pp = p + 1;
	return 0;
}

/* A pipe is taken only into a command of the world (`echo hi | nc …`);
 * into anything else (grep, wc…) it stays refused by name. */
static bool pipe_into_command(const char *p)
{
	char name[32];
	size_t n;

	p += strspn(p, " \t");
	n = strcspn(p, " \t;&|");
	if (!n || n >= sizeof(name))
		return false;
	memcpy(name, p, n);
	name[n] = 0;
	return cmd_find(name) != NULL;
}

static bool sep_at(const char **pp, enum run_sep *sep)
{
	const char *p = *pp;

	if (p[0] == '&' && p[1] == '&') {
		*sep = SEP_AND;
		*pp = p + 2;
	} else if (p[0] == '|' && p[1] == '|') {
		*sep = SEP_OR;
		*pp = p + 2;
	} else if (p[0] == '|' && p[1] != '&' && pipe_into_command(p + 1)) {
		*sep = SEP_PIPE;
		*pp = p + 1;
	} else if (p[0] == '&' && p[1] != '>') {
		*sep = SEP_BG;
		*pp = p + 1;
	} else if (p[0] == ';') {
		*sep = SEP_END;
		*pp = p + 1;
	} else {
		return false;
	}
	return true;
}

static void fix_argv(struct run_line *out)
{
	for (int i = 0; i < out->ncmds; i++) {
		struct run_cmd *c = &out->cmds[i];

		for (int j = 0; j < c->argc; j++)
			c->argv[j] = out->store + ((uintptr_t)c->argv[j] - 1);
		c->argv[c->argc] = NULL;
	}
}

/* One piece of a word at *pp: a quoted string, an escaped character, an
 * expansion or a plain character.  Returns NULL, or what was refused. */
static const char *word_char(struct runner *r, const char **pp, struct run_line *out)
{
	const char *p = *pp;

	if (*p == '\'' || *p == '"') {
		int e = quoted(r, &p, out);

		if (e)
			return e == -1 ? "command substitution" :
			       e == -3 ? "parameter expansion '${...}'" : "unterminated quote";
	} else if (*p == '\\' && p[1]) {
		put(out, p[1]);
		p += 2;
	} else if (*p == '$') {
		p += 1 + expand(r, p + 1, out);
	} else {
		put(out, *p++);
	}
	*pp = p;
	return NULL;
}

/* The bytes run_parse_cmd() looks at one by one: blanks, the separators,
 * comments, quotes, escapes, expansions and what unsupported() refuses.  A
 * run of any other bytes is part of a word, copied as it stands. */
static const bool special[256] = {
	[0] = true, [' '] = true, ['\t'] = true, ['#'] = true, ['&'] = true, ['|'] = true,
	[';'] = true, ['>'] = true, ['<'] = true, ['$'] = true, ['`'] = true, ['('] = true,
	[')'] = true, ['\''] = true, ['"'] = true, ['\\'] = true,
};

int run_parse_cmd(struct runner *r, const char **pp, struct run_line *out,
		  const char **what)
{
	struct word_state ws = { 0 };
	struct run_cmd *c;
	const char *p = *pp;

	memset(out, 0, sizeof(*out));
	c = &out->cmds[0];
	out->ncmds = 1;
	while (*p) {
		enum run_sep sep;

		if (!special[(unsigned char)*p]) {
			size_t n = 1;

			while (!special[(unsigned char)p[n]])
				n++;
			word_begin(out, &ws);
			put_n(out, p, n);
			p += n;
			continue;
		}
		if (!ws.in_word && *p == '#')
			break;
		if (*p == ' ' || *p == '\t') {
			word_end(out, &ws, c);
			p++;
			continue;
		}
		if (sep_at(&p, &sep)) {
			word_end(out, &ws, c);
			c->sep = sep;
			if (!c->argc && sep != SEP_END) {
				*what = "syntax error near separator";
				goto err;
			}
			if (c->argc)
				break;
			continue;
		}
		*what = unsupported(p, ws.in_word);
		if (*what)
			goto err;
		word_begin(out, &ws);
		*what = word_char(r, &p, out);
		if (*what)
			goto err;
	}
	if (!*p || *p == '#')
		word_end(out, &ws, c);
	if (*p == '#')
		p += strlen(p);
	*pp = p;
	fix_argv(out);
	return 0;
err:
	run_line_free(out);
	return -1;
}

void run_line_free(struct run_line *l)
{
	free(l->store);
	memset(l, 0, sizeof(*l));
}
