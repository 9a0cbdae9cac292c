/* A small JSON writer with iproute2's output shapes (lib/json_writer.c and
 * lib/json_print.c): compact `[{"k":v,...}]` or, with -p, iproute2's
 * pretty form. */
#ifndef SKBOX_TOOLS_JSON_PRINT_H
#define SKBOX_TOOLS_JSON_PRINT_H

#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>

#define JSON_MAX_DEPTH 16

struct json_writer {
	FILE *f;
	bool pretty;
	int depth;
	char sep;			/* what precedes the next value: ',' or 0 */
};

void jw_init(struct json_writer *jw, FILE *f, bool pretty);
void jw_obj_open(struct json_writer *jw, const char *key);
void jw_obj_close(struct json_writer *jw);
void jw_arr_open(struct json_writer *jw, const char *key);
void jw_arr_close(struct json_writer *jw);
void jw_string(struct json_writer *jw, const char *key, const char *val);
void jw_uint(struct json_writer *jw, const char *key, uint64_t val);
void jw_int(struct json_writer *jw, const char *key, int64_t val);
void jw_bool(struct json_writer *jw, const char *key, bool val);
void jw_null(struct json_writer *jw, const char *key);
/* A raw number text such as "0.00". */
void jw_raw(struct json_writer *jw, const char *key, const char *text);

#endif
