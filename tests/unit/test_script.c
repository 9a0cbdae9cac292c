/* Unit tests for the script runner's parser (tools/skbox/parse.c, run.c):
 * prompts, quoting, continuation-free word splitting, separators,
 * expansion, assignments and refused constructs.  No world is needed: only
 * the shell's own builtins (assignments, set, exit, :) run here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../tools/skbox/run.h"

struct parsed {
	int n;
	char text[RUN_MAX_CMDS][256];	/* words joined by '|' */
	enum run_sep sep[RUN_MAX_CMDS];
	const char *what;		/* refused construct, or NULL */
};

static void runner_setup(struct runner *r, FILE *out)
{
	struct run_opts o = { .echo = false, .timeout_ns = 0 };

	runner_init(r, NULL, out, &o);
	r->file = "t.sh";
	r->lineno = 7;
}

static void join_words(const struct run_cmd *c, char *buf, size_t len)
{
	buf[0] = 0;
	for (int i = 0; i < c->argc; i++) {
		if (i)
			strncat(buf, "|", len - strlen(buf) - 1);
		strncat(buf, c->argv[i], len - strlen(buf) - 1);
	}
	assert_null(c->argv[c->argc]);
}

/* Parse every command of one line (as runner_line does, without running). */
static void parse_all(struct runner *r, const char *line, struct parsed *out)
{
	const char *p = line;

	memset(out, 0, sizeof(*out));
	while (*p && out->n < RUN_MAX_CMDS) {
		struct run_line l;

		if (run_parse_cmd(r, &p, &l, &out->what))
			return;
		if (l.cmds[0].argc) {
			join_words(&l.cmds[0], out->text[out->n], sizeof(out->text[0]));
			out->sep[out->n++] = l.cmds[0].sep;
		}
		run_line_free(&l);
	}
}

static void parse_one(const char *line, struct parsed *out)
{
	struct runner r;

	runner_setup(&r, stdout);
	run_var_set(&r, "NAME", "two words");
	run_var_set(&r, "X", "1");
	parse_all(&r, line, out);
	run_vars_free(&r);
}

static void expect_words(const char *line, const char *joined)
{
	struct parsed p;

	parse_one(line, &p);
	assert_null(p.what);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.text[0], joined);
}

static void expect_refused(const char *line, const char *what)
{
	struct parsed p;

	parse_one(line, &p);
	assert_non_null(p.what);
	assert_string_equal(p.what, what);
}

static void test_prompts(void **state)
{
	(void)state;
	assert_string_equal(run_strip_prompt("[root@localhost ~]# ip link add x type dummy"),
			    "ip link add x type dummy");
	assert_string_equal(run_strip_prompt("[user@host tmp]$ echo hi"), "echo hi");
	assert_string_equal(run_strip_prompt("root@debian:~# curl 192.168.10.3 8888"),
			    "curl 192.168.10.3 8888");
	assert_string_equal(run_strip_prompt("me@box:/srv$ ls"), "ls");
	assert_string_equal(run_strip_prompt("$ ping -c 1 10.0.0.1"), "ping -c 1 10.0.0.1");
	assert_string_equal(run_strip_prompt("  echo plain"), "echo plain");
	/* not prompts */
	assert_string_equal(run_strip_prompt("echo [a]# b"), "echo [a]# b");
	assert_string_equal(run_strip_prompt("echo $HOME"), "echo $HOME");
	assert_string_equal(run_strip_prompt("# a comment"), "# a comment");
}

static void test_quoting(void **state)
{
	(void)state;
	expect_words("echo  a\tb", "echo|a|b");
	expect_words("echo 'single $NAME \\n'", "echo|single $NAME \\n");
	expect_words("echo \"d \\\"q\\\" \\\\ \\$X $X\"", "echo|d \"q\" \\ $X 1");
	expect_words("echo \"a\\nb\"", "echo|a\\nb");
	expect_words("echo 'it''s' \"q\"'r'x", "echo|its|qrx");
	expect_words("echo \\$X \\' \\\" a\\ b", "echo|$X|'|\"|a b");
	expect_words("echo ''", "echo|");
	expect_words("echo a#b # comment", "echo|a#b");
	expect_words("echo '#not' \"#comment\"", "echo|#not|#comment");
}

static void test_expansion(void **state)
{
	struct runner r;
	struct parsed p;

	(void)state;
	expect_words("echo $NAME ${NAME}", "echo|two words|two words");
	expect_words("echo \"$NAME\"x ${X}y $Xy end", "echo|two wordsx|1y||end");
	expect_words("echo $UNSET_VAR_SKBOX. $ a$", "echo|.|$|a$");
	runner_setup(&r, stdout);
	r.last_status = 42;
	parse_all(&r, "echo $? \"${?}\"", &p);
	assert_null(p.what);
	assert_string_equal(p.text[0], "echo|42|42");
	run_vars_free(&r);
}

static void test_separators(void **state)
{
	struct parsed p;

	(void)state;
	parse_one("a 1; b&&c||d & e;", &p);
	assert_null(p.what);
	assert_int_equal(p.n, 5);
	assert_string_equal(p.text[0], "a|1");
	assert_int_equal(p.sep[0], SEP_END);
	assert_string_equal(p.text[1], "b");
	assert_int_equal(p.sep[1], SEP_AND);
	assert_string_equal(p.text[2], "c");
	assert_int_equal(p.sep[2], SEP_OR);
	assert_string_equal(p.text[3], "d");
	assert_int_equal(p.sep[3], SEP_BG);
	assert_string_equal(p.text[4], "e");
	assert_int_equal(p.sep[4], SEP_END);
	parse_one("echo 'a;b' \"c&&d\" e\\;f", &p);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.text[0], "echo|a;b|c&&d|e;f");
	parse_one("sleep 2 & echo started", &p);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.sep[0], SEP_BG);
	parse_one("&& echo x", &p);
	assert_string_equal(p.what, "syntax error near separator");
}

static void test_refused(void **state)
{
	(void)state;
	expect_refused("ip link show | grep lo", "pipe '|'");
	expect_refused("echo a |& b", "pipe '|'");
	expect_refused("echo a > f", "redirection '>'");
	expect_refused("echo a 2>&1", "redirection '>'");
	expect_refused("echo a >> f", "redirection '>>'");
	expect_refused("cat < f", "redirection '<'");
	expect_refused("cat <<EOF", "here-document '<<'");
	expect_refused("echo a &> f", "redirection '&>'");
	expect_refused("echo $(date)", "command substitution");
	expect_refused("echo \"$(date)\"", "command substitution");
	expect_refused("echo `date`", "command substitution");
	expect_refused("echo $((1 + 2))", "arithmetic expansion '$(('");
	expect_refused("echo ${X:-d}", "parameter expansion '${...}'");
	expect_refused("echo \"${#X}\"", "parameter expansion '${...}'");
	expect_refused("(echo a)", "subshell '('");
	expect_refused("f() { echo; }", "function definition");
	expect_refused("echo \"open", "unterminated quote");
}

/* Reserved words are found after parsing, on the command's first word. */
static void test_reserved_words(void **state)
{
	static const char *const lines[][2] = {
		{ "for i in 1 2; do echo $i; done", "for" },
		{ "if true; then echo; fi", "if" },
		{ "while true; do :; done", "while" },
		{ "function f { :; }", "function" },
		{ "! true", "!" },
		{ "[[ -n x ]]", "[[" },
	};
	struct runner r;

	(void)state;
	runner_setup(&r, stdout);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		const char *p = lines[i][0], *what = NULL;
		struct run_line l;

		assert_int_equal(run_parse_cmd(&r, &p, &l, &what), 0);
		assert_string_equal(run_unsupported_cmd(&l.cmds[0]), lines[i][1]);
		run_line_free(&l);
	}
	{
		const char *p = "echo if for", *what = NULL;
		struct run_line l;

		assert_int_equal(run_parse_cmd(&r, &p, &l, &what), 0);
		assert_null(run_unsupported_cmd(&l.cmds[0]));
		run_line_free(&l);
	}
	run_vars_free(&r);
}

/* Builtins only: assignments, :, set, exit, with && || and $?. */
static void test_builtins(void **state)
{
	struct runner r;
	struct parsed p;

	(void)state;
	runner_setup(&r, stdout);
	assert_int_equal(runner_line(&r, "A=1; B=\"x y\"; : && C=yes || C=no"), 0);
	parse_all(&r, "echo $A $B $C", &p);
	assert_string_equal(p.text[0], "echo|1|x y|yes");
	assert_int_equal(runner_line(&r, "A=2 # trailing comment"), 0);
	parse_all(&r, "echo $A", &p);
	assert_string_equal(p.text[0], "echo|2");
	assert_int_equal(runner_line(&r, "set -e; set +e"), 0);
	assert_false(r.errexit);
	assert_false(r.exited);
	assert_int_equal(runner_line(&r, "exit 300"), 300 & 0xff);
	assert_true(r.exited);
	runner_fini(&r);
}

static void test_refusal_message(void **state)
{
	struct runner r;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(out);
	runner_setup(&r, out);
	/* nothing on the line runs when any part of it is refused */
	assert_int_equal(runner_line(&r, "A=ran; echo x | grep x"), 2);
	assert_true(r.exited);
	assert_int_equal(r.last_status, 2);
	fflush(out);
	assert_string_equal(buf, "skbox: t.sh:7: unsupported shell construct: pipe '|'\n");
	{
		struct parsed p;

		parse_all(&r, "echo $A.", &p);
		assert_string_equal(p.text[0], "echo|.");
	}
	runner_fini(&r);
	/* the interactive shell carries on */
	runner_setup(&r, out);
	r.interactive = true;
	assert_int_equal(runner_line(&r, "for x in 1; do :; done"), 2);
	assert_false(r.exited);
	runner_fini(&r);
	fclose(out);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prompts),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_expansion),
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_reserved_words),
		cmocka_unit_test(test_builtins),
		cmocka_unit_test(test_refusal_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
