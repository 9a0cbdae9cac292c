/* JSON output of `ip -j` (iproute2 lib/json_writer.c): the same separator
 * and indentation rules, so compact output is `[{"a":1,"b":"x"}]` and -p
 * output is iproute2's 4-space pretty form. */
#include <string.h>
#include "json_print.h"

void jw_init(struct json_writer *jw, FILE *f, bool pretty)
{
	memset(jw, 0, sizeof(*jw));
	jw->f = f;
	jw->pretty = pretty;
}

static void jw_indent(struct json_writer *jw)
{
	for (int i = 0; i < jw->depth; i++)
		fputs("    ", jw->f);
}

static void jw_eol(struct json_writer *jw)
{
	if (!jw->pretty)
		return;
	putc('\n', jw->f);
	jw_indent(jw);
}

static void jw_eor(struct json_writer *jw)
{
	if (jw->sep)
		putc(jw->sep, jw->f);
	jw->sep = ',';
}

static void jw_quoted(struct json_writer *jw, const char *s)
{
	putc('"', jw->f);
	for (; *s; s++) {
		switch (*s) {
		case '"': fputs("\\\"", jw->f); break;
		case '\\': fputs("\\\\", jw->f); break;
		case '\n': fputs("\\n", jw->f); break;
		case '\t': fputs("\\t", jw->f); break;
		default: putc(*s, jw->f);
		}
	}
	putc('"', jw->f);
}

static void jw_name(struct json_writer *jw, const char *key)
{
	if (!key)
		return;
	jw_eor(jw);
	jw_eol(jw);
	jw->sep = 0;
	jw_quoted(jw, key);
	putc(':', jw->f);
	if (jw->pretty)
		putc(' ', jw->f);
}

static void jw_begin(struct json_writer *jw, const char *key, int c)
{
	jw_name(jw, key);
	jw_eor(jw);
	putc(c, jw->f);
	jw->depth++;
	jw->sep = 0;
}

static void jw_end(struct json_writer *jw, int c)
{
	if (jw->depth > 0)
		jw->depth--;
	if (jw->sep)
		jw_eol(jw);
	putc(c, jw->f);
	jw->sep = ',';
}

void jw_obj_open(struct json_writer *jw, const char *key)
{
	jw_begin(jw, key, '{');
}

void jw_obj_close(struct json_writer *jw)
{
	jw_end(jw, '}');
}

void jw_arr_open(struct json_writer *jw, const char *key)
{
	jw_begin(jw, key, '[');
	if (jw->pretty)
		putc(' ', jw->f);
}

void jw_arr_close(struct json_writer *jw)
{
	if (jw->pretty && jw->sep)
		putc(' ', jw->f);
	jw->sep = 0;
	jw_end(jw, ']');
}

void jw_string(struct json_writer *jw, const char *key, const char *val)
{
	jw_name(jw, key);
	jw_eor(jw);
	jw_quoted(jw, val);
}

void jw_uint(struct json_writer *jw, const char *key, uint64_t val)
{
	jw_name(jw, key);
	jw_eor(jw);
	fprintf(jw->f, "%llu", (unsigned long long)val);
}

void jw_int(struct json_writer *jw, const char *key, int64_t val)
{
	jw_name(jw, key);
	jw_eor(jw);
	fprintf(jw->f, "%lld", (long long)val);
}

void jw_bool(struct json_writer *jw, const char *key, bool val)
{
	jw_raw(jw, key, val ? "true" : "false");
}

void jw_null(struct json_writer *jw, const char *key)
{
	jw_raw(jw, key, "null");
}

void jw_raw(struct json_writer *jw, const char *key, const char *text)
{
	jw_name(jw, key);
	jw_eor(jw);
	fputs(text, jw->f);
}
