/* Stateful fuzz target: a world with a bridge, a router with iptables rules
 * and sockets, fed a stream of mutated Ethernet frames on several devices.
 * After each input the world runs 50 ms of virtual time and the sockets are
 * drained; every 512 inputs (and at exit) the world is freed and must report
 * no leak (an abort is a finding).
 *
 * Input: records of [selector:1][len:2 little-endian][frame:len].  The
 * selector's low bits pick where the frame comes from; bit 7 asks the
 * harness to make the frame plausible first (destination MAC of the
 * receiving device, IPv4 total length and header checksum, ICMP/UDP
 * checksums), so that mutations reach past the first checks. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "fuzz_common.h"

/* Where frames enter: the device we transmit on (its peer receives). */
static const char *const sources[][2] = {
	{ "a", "eth0" },	/* into router r on ra */
	{ "b", "eth0" },	/* into router r on rb */
	{ "c1", "eth0" },	/* into the bridge in the root namespace */
	{ "c2", "eth0" },
	{ "r", "ra" },		/* into a from the router */
};
#define NSOURCES (sizeof(sources) / sizeof(sources[0]))

static const char *const setup[] = {
	"ip netns add r", "ip netns add a", "ip netns add b", "ip netns add c1", "ip netns add c2",
	"ip link add ra netns r type veth peer name eth0 netns a",
	"ip link add rb netns r type veth peer name eth0 netns b",
	"ip link add br0 type bridge",
	"ip link add p1 type veth peer name eth0 netns c1",
	"ip link add p2 type veth peer name eth0 netns c2",
	"ip link set p1 master br0", "ip link set p2 master br0",
	"ip link set p1 up", "ip link set p2 up", "ip link set br0 up",
	"ip addr add 192.168.9.1/24 dev br0",
	"ip -n c1 addr add 192.168.9.2/24 dev eth0", "ip -n c1 link set eth0 up",
	"ip -n c2 addr add 192.168.9.3/24 dev eth0", "ip -n c2 link set eth0 up",
	"ip -n r addr add 10.1.0.1/24 dev ra", "ip -n r addr add 10.2.0.1/24 dev rb",
	"ip -n r link set ra up", "ip -n r link set rb up", "ip -n r link set lo up",
	"ip -n a addr add 10.1.0.2/24 dev eth0", "ip -n a link set eth0 up",
	"ip -n a route add default via 10.1.0.1",
	"ip -n b addr add 10.2.0.2/24 dev eth0", "ip -n b link set eth0 up",
	"ip -n b route add default via 10.2.0.1",
	"ip netns exec r sysctl -q -w net.ipv4.ip_forward=1",
	"ip netns exec r iptables -A FORWARD -p udp --dport 7 -j DROP",
	"ip netns exec r iptables -A FORWARD -p icmp --icmp-type echo-request -j ACCEPT",
	"ip netns exec r iptables -A INPUT -p tcp --syn -j REJECT --reject-with tcp-reset",
	"ip netns exec r iptables -t mangle -A POSTROUTING -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1200",
	"iptables -A FORWARD -m physdev --physdev-in p1 -j ACCEPT",
};

struct rig {
	struct world *w;
	struct net_device *src[NSOURCES];
	struct net_device *dst[NSOURCES];	/* the peer that receives */
	int udp_fd, raw_fd;
	unsigned int inputs;
};

static struct rig rig;

static void rig_build(void)
{
	struct net *b;

	memset(&rig, 0, sizeof(rig));
	rig.w = world_new(1);
	for (size_t i = 0; i < sizeof(setup) / sizeof(setup[0]); i++)
		if (fuzz_sh(rig.w, setup[i]))
			abort();
	for (size_t i = 0; i < NSOURCES; i++) {
		struct net *n = get_net_ns_by_name(rig.w, sources[i][0]);

		rig.src[i] = __dev_get_by_name(n, sources[i][1]);
		rig.dst[i] = rig.src[i]->netdev_ops->ndo_get_peer(rig.src[i]);
	}
	b = get_net_ns_by_name(rig.w, "b");
	rig.udp_fd = fuzz_udp_socket(rig.w, b, 53);
	rig.raw_fd = fuzz_raw_socket(rig.w, b);
}

static void rig_free(void)
{
	if (!rig.w)
		return;
	fuzz_close(rig.w, rig.udp_fd);
	fuzz_close(rig.w, rig.raw_fd);
	if (world_free(rig.w, stderr))
		abort();		/* a leak is a finding */
	rig.w = NULL;
}

static void fix_l4(u8 *l4, unsigned int len, const struct iphdr *iph)
{
	if (iph->protocol == IPPROTO_ICMP && len >= 4) {
		u16 c;

		l4[2] = l4[3] = 0;
		c = ip_compute_csum(l4, (int)len);
		memcpy(l4 + 2, &c, 2);
	} else if (iph->protocol == IPPROTO_UDP && len >= 8) {
		struct { __be32 s, d; u8 z, p; __be16 l; } ph = {
			iph->saddr, iph->daddr, 0, IPPROTO_UDP, htons((u16)len) };
		u16 c;

		l4[6] = l4[7] = 0;
		c = csum_fold(csum_partial(&ph, sizeof(ph), csum_partial(l4, (int)len, 0)));
		if (!c)
			c = 0xffff;
		memcpy(l4 + 6, &c, 2);
	}
}

/* Makes the frame look right where the first checks look. */
static void make_plausible(u8 *f, unsigned int len, const struct net_device *to)
{
	struct iphdr *iph = (struct iphdr *)(f + ETH_HLEN);
	unsigned int ihl;

	if (len < ETH_HLEN)
		return;
	if (!(f[0] & 1))
		memcpy(f, to->dev_addr, ETH_ALEN);
	if (f[12] != 0x08 || f[13] != 0x00 || len < ETH_HLEN + sizeof(*iph))
		return;
	ihl = iph->ihl * 4u;
	if (ihl < 20 || ETH_HLEN + ihl > len)
		return;
	iph->version = 4;
	iph->tot_len = htons((u16)(len - ETH_HLEN));
	ip_send_check(iph);
	if (!(iph->frag_off & htons(IP_MF | IP_OFFSET)))
		fix_l4(f + ETH_HLEN + ihl, len - ETH_HLEN - ihl, iph);
}

static void inject(unsigned int sel, const u8 *data, unsigned int len)
{
	unsigned int i = (sel & 0x7f) % NSOURCES;
	struct sk_buff *skb = alloc_skb(&rig.w->skb_pool, NET_SKB_PAD + 2 + len);

	if (!skb)
		return;
	skb_reserve(skb, NET_SKB_PAD + 2);
	skb_put_data(skb, data, len);
	if (sel & 0x80)
		make_plausible(skb->data, len, rig.dst[i]);
	skb->dev = rig.src[i];
	skb->protocol = len >= ETH_HLEN ? ((const struct ethhdr *)data)->h_proto : 0;
	dev_queue_xmit(skb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!rig.w) {
		rig_build();
		atexit(rig_free);
	}
	while (size >= 3) {
		unsigned int sel = data[0], len = (unsigned int)(data[1] | data[2] << 8) % 1600;

		data += 3;
		size -= 3;
		if (len > size)
			len = (unsigned int)size;
		inject(sel, data, len);
		data += len;
		size -= len;
	}
	fuzz_run_for(rig.w, 50 * 1000 * 1000ULL);
	fuzz_drain(rig.w, rig.udp_fd);
	fuzz_drain(rig.w, rig.raw_fd);
	if (++rig.inputs % 512 == 0)
		rig_free();
	return 0;
}
