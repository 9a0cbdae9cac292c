/* Shared declarations of the `bridge` command (iproute2's bridge/br_common.h). */
#ifndef SKBOX_TOOLS_BR_COMMON_H
#define SKBOX_TOOLS_BR_COMMON_H

#include "skbox/cmd.h"

/* bridge_link.c: `bridge link set|change ...` (brlink_modify()) */
int bridge_link_modify(struct cmd_ctx *ctx, int argc, char **argv);
/* bridge_vlan.c: `bridge vlan ...` (do_vlan()) */
int do_bridge_vlan(struct cmd_ctx *ctx, int argc, char **argv);

#endif
