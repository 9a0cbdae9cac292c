/* Stateful fuzz target: one persistent world with a bridge, routing through
 * two routers, conntrack, NAT (MASQUERADE out of the router's WAN side,
 * DNAT of ports 8080/tcp and 5353/udp to a server behind it) and TCP and
 * UDP listeners, fed a stream of mutated frames on seven interfaces.
 *
 * Input: records [selector:1][advance:1][len:2 little-endian][frame:len].
 * The selector's low bits pick the interface the frame enters on; bit 7
 * asks the harness to make it plausible (destination MAC of the receiving
 * device, IPv4 length and checksum, ICMP/UDP/TCP checksums).  After each
 * frame the world runs `advance` milliseconds of virtual time (at least
 * 1 ms), so that timers (retransmissions, conntrack and reassembly
 * timeouts, ARP) fire between frames.
 *
 * After each input: listeners accept, connected and UDP sockets are read
 * and closed on EOF, and invariants are checked (an abort is a finding):
 *  - every dropped skb has a drop reason of the enum (drop hook);
 *  - in every namespace the IPv4 input counters add up: the outcomes of
 *    received datagrams (header, address, no-route, truncated, unknown
 *    protocol errors, discards, delivered, forwarded) never exceed
 *    IpInReceives; TcpInSegs never exceeds IpInDelivers (but for the
 *    bridge's namespace: br_netfilter counts header errors alone, as Linux);
 *  - conntrack: the count is the length of the entry list and at most
 *    nf_conntrack_max; the hash holds both tuples of every confirmed entry
 *    that is not dying, and nothing else; their timeout timers are pending.
 * Every 1024 inputs (and at exit) the world is freed: every skb, socket,
 * conntrack entry, neighbour, route and timer must be gone (fuzz_common.h). */
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include "skbox/cmd.h"
#include "linux/netdevice.h"
#include "linux/timer.h"
#include "net/dropreason.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/snmp.h"
#include "fuzz_common.h"

/* Where frames enter: the device we transmit on (its peer receives). */
static const char *const sources[][2] = {
	{ "a", "eth0" },	/* 0: into router r's WAN side (NAT) */
	{ "b", "eth0" },	/* 1: into r from the server's LAN */
	{ "c1", "eth0" },	/* 2: into the bridge */
	{ "c2", "eth0" },	/* 3: into the bridge */
	{ "r", "ra" },		/* 4: into a from the router */
	{ "r", "rc" },		/* 5: into the root namespace's uplink */
	{ "r", "rb" },		/* 6: into the server b */
};
#define NSOURCES (sizeof(sources) / sizeof(sources[0]))
#define RESET_EVERY 1024

static const char *const setup[] = {
	"ip netns add r", "ip netns add a", "ip netns add b", "ip netns add c1", "ip netns add c2",
	"ip link add ra netns r type veth peer name eth0 netns a",
	"ip link add rb netns r type veth peer name eth0 netns b",
	"ip link add rc netns r type veth peer name up0",
	"ip link add br0 type bridge",
	"ip link add p1 type veth peer name eth0 netns c1",
	"ip link add p2 type veth peer name eth0 netns c2",
	"ip link set p1 master br0", "ip link set p2 master br0",
	"ip link set p1 up", "ip link set p2 up", "ip link set br0 up", "ip link set up0 up",
	"ip addr add 192.168.9.1/24 dev br0", "ip addr add 10.3.0.2/24 dev up0",
	"ip route add default via 10.3.0.1",
	"sysctl -q -w net.ipv4.ip_forward=1",
	"ip -n c1 addr add 192.168.9.2/24 dev eth0", "ip -n c1 link set eth0 up",
	"ip -n c1 route add default via 192.168.9.1",
	"ip -n c2 addr add 192.168.9.3/24 dev eth0", "ip -n c2 link set eth0 up",
	"ip -n c2 route add default via 192.168.9.1",
	"ip -n r addr add 10.1.0.1/24 dev ra", "ip -n r addr add 10.2.0.1/24 dev rb",
	"ip -n r addr add 10.3.0.1/24 dev rc",
	"ip -n r link set ra up", "ip -n r link set rb up", "ip -n r link set rc up",
	"ip -n r link set lo up",
	"ip -n r route add 192.168.9.0/24 via 10.3.0.2",
	"ip -n a addr add 10.1.0.2/24 dev eth0", "ip -n a link set eth0 up",
	"ip -n a route add default via 10.1.0.1",
	"ip -n b addr add 10.2.0.2/24 dev eth0", "ip -n b link set eth0 up",
	"ip -n b route add default via 10.2.0.1",
	"ip netns exec r sysctl -q -w net.ipv4.ip_forward=1",
	"ip netns exec r iptables -t nat -A POSTROUTING -o ra -j MASQUERADE",
	"ip netns exec r iptables -t nat -A PREROUTING -i ra -p tcp --dport 8080 -j DNAT --to-destination 10.2.0.2:80",
	"ip netns exec r iptables -t nat -A PREROUTING -i ra -p udp --dport 5353 -j DNAT --to-destination 10.2.0.2:53",
	"ip netns exec r iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP",
	"ip netns exec r iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
	"ip netns exec r iptables -A FORWARD -i ra -m conntrack --ctstate DNAT -j ACCEPT",
	"ip netns exec r iptables -A FORWARD -i ra -j DROP",
	"ip netns exec r iptables -A INPUT -p tcp --syn --dport 22 -j REJECT --reject-with tcp-reset",
	"iptables -A INPUT -m conntrack --ctstate NEW -p udp --dport 9 -j DROP",
	"iptables -t nat -A POSTROUTING -s 192.168.9.0/24 -o up0 -j MASQUERADE",
};

#define MAX_CONNS 16

struct rig {
	struct world *w;
	struct net_device *src[NSOURCES];
	struct net_device *dst[NSOURCES];	/* the peer that receives */
	int listen_fd[3], udp_fd[3];
	int conns[MAX_CONNS];
	unsigned int inputs;
};

static struct rig rig;

static void drop_hook(void *arg, struct sk_buff *skb, enum skb_drop_reason reason, void *loc)
{
	(void)arg;
	(void)skb;
	(void)loc;
	if ((unsigned int)reason >= SKB_DROP_REASON_MAX)
		abort();
}

static int tcp_listener(struct net *net, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	int fd = fuzz_socket_in(rig.w, net, SOCK_STREAM, IPPROTO_TCP);

	if (fd < 0 || skbox_bind(rig.w, fd, (struct sockaddr *)&a, sizeof(a)) ||
	    skbox_listen(rig.w, fd, 8))
		abort();
	return fd;
}

static void rig_sockets(void)
{
	static const char *const where[3] = { "b", "c2", "r" };

	for (int i = 0; i < 3; i++) {
		struct net *n = get_net_ns_by_name(rig.w, where[i]);

		rig.listen_fd[i] = tcp_listener(n, 80);
		rig.udp_fd[i] = fuzz_udp_socket(rig.w, n, 53);
	}
	for (int i = 0; i < MAX_CONNS; i++)
		rig.conns[i] = -1;
}

static void rig_build(void)
{
	memset(&rig, 0, sizeof(rig));
	rig.w = world_new(1);
	for (size_t i = 0; i < sizeof(setup) / sizeof(setup[0]); i++)
		if (fuzz_sh(rig.w, setup[i]))
			abort();
	for (size_t i = 0; i < NSOURCES; i++) {
		struct net *n = sources[i][0] ? get_net_ns_by_name(rig.w, sources[i][0]) : NULL;

		rig.src[i] = __dev_get_by_name(n, sources[i][1]);
		rig.dst[i] = rig.src[i]->netdev_ops->ndo_get_peer(rig.src[i]);
	}
	rig_sockets();
	rig.w->skb_pool.drop_hook = drop_hook;
}

static void rig_free(void)
{
	if (!rig.w)
		return;
	for (int i = 0; i < 3; i++) {
		fuzz_close(rig.w, rig.listen_fd[i]);
		fuzz_close(rig.w, rig.udp_fd[i]);
	}
	for (int i = 0; i < MAX_CONNS; i++)
		fuzz_close(rig.w, rig.conns[i]);
	world_free(rig.w, stderr);	/* a leak aborts */
	rig.w = NULL;
}

static void fix_l4(u8 *l4, unsigned int len, const struct iphdr *iph)
{
	static const u8 csum_off[256] = { [IPPROTO_ICMP] = 2, [IPPROTO_UDP] = 6, [IPPROTO_TCP] = 16 };
	unsigned int off = csum_off[iph->protocol];
	struct { __be32 s, d; u8 z, p; __be16 l; } ph = {
		iph->saddr, iph->daddr, 0, iph->protocol, htons((u16)len) };
	u16 c;

	if (!off || len < off + 2u)
		return;
	l4[off] = l4[off + 1] = 0;
	if (iph->protocol == IPPROTO_ICMP)
		c = ip_compute_csum(l4, (int)len);
	else
		c = csum_fold(csum_partial(&ph, sizeof(ph), csum_partial(l4, (int)len, 0)));
	if (!c && iph->protocol == IPPROTO_UDP)
		c = 0xffff;
	memcpy(l4 + off, &c, 2);
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

/* The applications: accept, read, close what the peer closed. */
static void serve(void)
{
	char buf[2048];

	for (int i = 0; i < 3; i++) {
		int fd;

		fuzz_drain(rig.w, rig.udp_fd[i]);
		while ((fd = skbox_accept(rig.w, rig.listen_fd[i], NULL, NULL)) >= 0) {
			int slot = (int)(rig.inputs % MAX_CONNS);

			fuzz_close(rig.w, rig.conns[slot]);	/* the oldest goes */
			rig.conns[slot] = fd;
		}
	}
	for (int i = 0; i < MAX_CONNS; i++) {
		ssize_t n;

		if (rig.conns[i] < 0)
			continue;
		while ((n = skbox_recv(rig.w, rig.conns[i], buf, sizeof(buf), MSG_DONTWAIT)) > 0)
			;
		if (n == 0 || (n < 0 && n != -EAGAIN)) {
			skbox_close(rig.w, rig.conns[i]);
			rig.conns[i] = -1;
		}
	}
}

/* The outcomes of received IPv4 datagrams never exceed the receipts. */
static void check_mib(const struct net *net)
{
	const u64 *ip = net->mib.ip;
	u64 out = ip[IPSTATS_MIB_INHDRERRORS] + ip[IPSTATS_MIB_INADDRERRORS] +
		  ip[IPSTATS_MIB_INNOROUTES] + ip[IPSTATS_MIB_INTRUNCATEDPKTS] +
		  ip[IPSTATS_MIB_INUNKNOWNPROTOS] + ip[IPSTATS_MIB_INDISCARDS] +
		  ip[IPSTATS_MIB_INDELIVERS] + ip[IPSTATS_MIB_OUTFORWDATAGRAMS];

	if (out > ip[IPSTATS_MIB_INRECEIVES]) {
		fprintf(stderr, "IPv4 input counters in %s: %llu outcomes > %llu IpInReceives (hdr %llu addr %llu noroute %llu trunc %llu proto %llu disc %llu deliv %llu forw %llu)\n", net->name,
			(unsigned long long)out, (unsigned long long)ip[IPSTATS_MIB_INRECEIVES], (unsigned long long)ip[1], (unsigned long long)ip[2], (unsigned long long)ip[IPSTATS_MIB_INNOROUTES], (unsigned long long)ip[IPSTATS_MIB_INTRUNCATEDPKTS], (unsigned long long)ip[4], (unsigned long long)ip[5], (unsigned long long)ip[6], (unsigned long long)ip[3]);
		abort();
	}
	if (net->mib.tcp[TCP_MIB_INSEGS] > ip[IPSTATS_MIB_INDELIVERS]) {
		fprintf(stderr, "TcpInSegs %llu > IpInDelivers %llu\n",
			(unsigned long long)net->mib.tcp[TCP_MIB_INSEGS],
			(unsigned long long)ip[IPSTATS_MIB_INDELIVERS]);
		abort();
	}
}

/* The entry list, the count and the hash agree. */
static void check_conntrack(const struct net *net)
{
	const struct nf_conntrack_net *cn = nf_ct_pernet(net);
	const struct nf_conn *ct;
	unsigned int n = 0, confirmed = 0, hashed = 0;

	if (!cn)
		return;
	list_for_each_entry(ct, &cn->all, list) {
		n++;
		/* a dying entry left the hash; skbs may still hold it */
		if (!nf_ct_is_confirmed(ct) || nf_ct_is_dying(ct))
			continue;
		confirmed++;
		if (!timer_pending(&ct->timer)) {
			fprintf(stderr, "conntrack in %s: confirmed entry proto %u status %#lx "
				"timeout %llu (now %llu) has no timer\n", net->name,
				nf_ct_protonum(ct), (unsigned long)ct->status, (unsigned long long)ct->timeout,
				(unsigned long long)rig.w->now);
			abort();
		}
	}
	for (unsigned int b = 0; cn->hash && b < cn->htable_size; b++)
		for (const struct nf_conntrack_tuple_hash *h = cn->hash[b]; h; h = h->next)
			hashed++;
	if (n != cn->count || hashed != 2 * confirmed ||
	    (int)cn->count > nf_ct_pernet(rig.w->init_net)->sysctl.max) {
		fprintf(stderr, "conntrack: %u listed, count %u, %u hashed for %u confirmed\n",
			n, cn->count, hashed, confirmed);
		abort();
	}
}

static void check_invariants(void)
{
	struct net *net;

	list_for_each_entry(net, &rig.w->nets, list) {
		/* br_netfilter counts the bridged datagrams' header errors in
		 * IpInHdrErrors without IpInReceives, as Linux's
		 * br_validate_ipv4(): not in the namespace of the bridge */
		if (net != rig.w->init_net)
			check_mib(net);
		check_conntrack(net);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!rig.w) {
		rig_build();
		atexit(rig_free);
	}
	while (size >= 4) {
		unsigned int sel = data[0], adv = data[1] ? data[1] : 1;
		unsigned int len = (unsigned int)(data[2] | data[3] << 8) % 1600;

		data += 4;
		size -= 4;
		if (len > size)
			len = (unsigned int)size;
		inject(sel, data, len);
		data += len;
		size -= len;
		fuzz_run_for(rig.w, adv * 1000000ULL);
		serve();
	}
	fuzz_run_for(rig.w, 10 * 1000000ULL);
	serve();
	check_invariants();
	if (++rig.inputs % RESET_EVERY == 0)
		rig_free();
	return 0;
}
