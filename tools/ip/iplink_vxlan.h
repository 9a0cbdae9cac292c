/* The vxlan kind of `ip link` (tools/ip/iplink_vxlan.c). */
#ifndef SKBOX_TOOLS_IPLINK_VXLAN_H
#define SKBOX_TOOLS_IPLINK_VXLAN_H

struct ip_ctx;
struct net_device;
struct vxlan_config;

/* the words after "type vxlan"; 0 or the exit status after a message */
int vxlan_parse_opt(struct ip_ctx *ipc, int argc, char **argv, struct vxlan_config *conf);
/* the rest of the "    vxlan " line of `ip -d link show` */
void vxlan_print_opt(struct ip_ctx *ipc, const struct net_device *dev);
/* the info_data object of `ip -j -d link show` */
void vxlan_print_opt_json(struct ip_ctx *ipc, const struct net_device *dev);

#endif
