/* What tc.c and tc_filter.c share (iproute2 tc/tc_common.h, tc_util.h). */
#ifndef SKBOX_TOOLS_TC_COMMON_H
#define SKBOX_TOOLS_TC_COMMON_H

#include <stdbool.h>
#include "skbox/cmd.h"

/* `tc filter …` (tc_filter.c): an exit status */
int do_filter(struct cmd_ctx *ctx, int argc, char **argv, bool stats);

#endif
