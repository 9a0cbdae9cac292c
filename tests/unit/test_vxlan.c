/* VXLAN: the bytes of an encapsulated frame as the underlay sees them (RFC
 * 7348 header, UDP to dstport from the flow-hash source port range with a
 * valid checksum, outer IPv4 without DF), head-end replication to every
 * remote of the all-zeros entry, learning, and malformed datagrams dropped
 * with the kernel's reasons and counted. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <netinet/in.h>
#include "helpers.h"
#include "net/addrconf.h"
#include "skbox/socket.h"
#include "net/ip.h"
#include "net/neighbour.h"
#include "net/trace.h"
#include "net/vxlan.h"
#include "net/ethernet.h"
#include <errno.h>

struct vx_rig {
	struct world *w;
	struct net *a, *b, *c;
	unsigned char got[2][256];
	ssize_t got_len[2];
	unsigned char craft[64];
	size_t craft_len;
};

static struct net_device *vx_link(struct net *net, const char *name, u32 vni, const char *remote,
				  const char *lower, u32 flags)
{
	struct vxlan_config conf;
	struct link_req r;
	struct netlink_ext_ack ea = { 0 };

	memset(&conf, 0, sizeof(conf));
	conf.vni = vni;
	conf.dst_port = 4789;
	conf.flags = flags;
	conf.age_interval = FDB_AGE_DEFAULT;
	if (remote)
		conf.remote_ip = h_ip(remote);
	if (lower)
		conf.remote_ifindex = __dev_get_by_name(net, lower)->ifindex;
	link_req_init(&r);
	snprintf(r.name, sizeof(r.name), "%s", name);
	r.kind = "vxlan";
	r.info_data = &conf;
	if (rtnl_newlink(net, &r, &ea)) {
		fprintf(stderr, "vxlan newlink: %s\n", ea._msg ? ea._msg : "");
		return NULL;
	}
	return __dev_get_by_name(net, name);
}

/* a, b and c on one bridge-less underlay: a—b by veth, a—c by veth */
static void build(struct vx_rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(7);
	addrconf_world_ipv6_off(r->w);	/* IPv4 packets counted: no MLD/DAD */
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	r->c = net_create(r->w, "c");
	assert_non_null(h_link(r->a, "veth", "ab", "ba", r->b));
	assert_non_null(h_link(r->a, "veth", "ac", "ca", r->c));
	assert_int_equal(h_addr(r->a, "ab", "10.1.0.1", 24), 0);
	assert_int_equal(h_addr(r->b, "ba", "10.1.0.2", 24), 0);
	assert_int_equal(h_addr(r->a, "ac", "10.3.0.1", 24), 0);
	assert_int_equal(h_addr(r->c, "ca", "10.3.0.3", 24), 0);
	h_up(r->a, "ab");
	h_up(r->b, "ba");
	h_up(r->a, "ac");
	h_up(r->c, "ca");
}

static int raw_reader(struct vx_rig *r, int slot)
{
	int fd = skbox_socket(r->w, AF_INET, SOCK_RAW, IPPROTO_UDP);
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	if (skbox_poll(r->w, &pfd, 1, 1000) > 0)
		r->got_len[slot] = skbox_recv(r->w, fd, r->got[slot], sizeof(r->got[slot]),
					      MSG_DONTWAIT);
	skbox_close(r->w, fd);
	return 0;
}

static int reader_b(void *arg)
{
	return raw_reader(arg, 0);
}

static int reader_c(void *arg)
{
	return raw_reader(arg, 1);
}

/* a UDP datagram into the overlay: 192.168.9.1 -> 192.168.9.2:5000 */
static int overlay_sender(void *arg)
{
	struct vx_rig *r = arg;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(5000) };
	int fd = skbox_socket(r->w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);

	inet_pton(AF_INET, "192.168.9.2", &to.sin_addr);
	skbox_sendto(r->w, fd, "overlay", 7, 0, (struct sockaddr *)&to, sizeof(to));
	skbox_close(r->w, fd);
	return 0;
}

/* a crafted datagram to 10.1.0.2:4789 (the payload is r->craft) */
static int craft_sender(void *arg)
{
	struct vx_rig *r = arg;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(4789) };
	int fd = skbox_socket(r->w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);

	inet_pton(AF_INET, "10.1.0.2", &to.sin_addr);
	skbox_sendto(r->w, fd, r->craft, r->craft_len, 0, (struct sockaddr *)&to, sizeof(to));
	skbox_close(r->w, fd);
	return 0;
}

static void run(struct vx_rig *r, int (*fn)(void *), bool readers)
{
	struct task *rb = NULL, *rc = NULL, *tx;

	if (readers) {
		rb = task_spawn(r->w, r->b, "rb", reader_b, r);
		rc = task_spawn(r->w, r->c, "rc", reader_c, r);
		task_run_queue(r->w);
	}
	tx = task_spawn(r->w, r->a, "tx", fn, r);
	h_advance_to(r->w, r->w->now + 2 * T_SEC);
	assert_int_equal(tx->state, TASK_DEAD);
	task_free(tx);
	if (rb) {
		task_free(rb);
		task_free(rc);
	}
}

static void overlay_setup(struct vx_rig *r, const char *remote)
{
	struct ndm_req n;
	struct netlink_ext_ack ea = { 0 };
	struct net_device *vx = vx_link(r->a, "vx0", 42, remote, remote ? "ab" : NULL,
					VXLAN_F_LEARN);

	assert_non_null(vx);
	assert_int_equal(vx->mtu, remote ? 1450u : 1500u);
	assert_int_equal(h_addr(r->a, "vx0", "192.168.9.1", 24), 0);
	assert_int_equal(h_up(r->a, "vx0"), 0);
	memset(&n, 0, sizeof(n));
	n.ifindex = vx->ifindex;
	n.dst = h_ip("192.168.9.2");
	n.has_lladdr = true;
	memcpy(n.lladdr, "\x02\x00\x00\x00\x09\x02", 6);
	n.state = NUD_PERMANENT;
	n.nlflags = NLM_F_CREATE | NLM_F_EXCL;
	assert_int_equal(neigh_add(r->a, &n, &ea), 0);
}

static u16 get16(const unsigned char *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static void test_encap_bytes(void **state)
{
	struct vx_rig r;
	const unsigned char *p;
	struct net_device *vx;
	u32 sum;
	u16 ulen, proto = htons(IPPROTO_UDP), nlen;

	(void)state;
	build(&r);
	overlay_setup(&r, "10.1.0.2");
	vx = __dev_get_by_name(r.a, "vx0");
	run(&r, overlay_sender, true);
	/* outer IPv4 (20) + UDP (8) + VXLAN (8) + Ethernet (14) + IPv4 (20) + UDP (8) + 7 */
	assert_int_equal(r.got_len[0], 20 + 8 + 8 + 14 + 20 + 8 + 7);
	p = r.got[0];
	assert_int_equal(p[0], 0x45);
	assert_int_equal(p[8], 64);			/* ttl auto: the default TTL */
	assert_int_equal(p[9], IPPROTO_UDP);
	assert_int_equal(get16(p + 6) & 0x4000, 0);	/* no DF */
	assert_memory_equal(p + 12, "\x0a\x01\x00\x01", 4);
	assert_memory_equal(p + 16, "\x0a\x01\x00\x02", 4);
	p += 20;
	assert_in_range(get16(p), 32768, 60999);	/* ip_local_port_range */
	assert_int_equal(get16(p + 2), 4789);
	ulen = get16(p + 4);
	assert_int_equal(ulen, 8 + 8 + 14 + 20 + 8 + 7);
	assert_int_not_equal(get16(p + 6), 0);		/* udpcsum, as this kernel */
	sum = csum_partial(r.got[0] + 12, 8, 0);
	sum = csum_partial(&proto, 2, sum);
	nlen = htons(ulen);
	sum = csum_partial(&nlen, 2, sum);
	sum = csum_partial(p, ulen, sum);
	assert_int_equal(csum_fold(sum), 0);
	p += 8;
	assert_memory_equal(p, "\x08\x00\x00\x00\x00\x00\x2a\x00", 8);	/* I flag, VNI 42 */
	p += 8;
	assert_memory_equal(p, "\x02\x00\x00\x00\x09\x02", 6);
	assert_memory_equal(p + 6, vx->dev_addr, 6);
	assert_int_equal(get16(p + 12), 0x0800);
	assert_memory_equal(p + 14 + 20 + 8, "overlay", 7);
	assert_int_equal(vx->stats.tx_packets, 1);
	assert_int_equal(vx->stats.tx_bytes, 20 + 8 + 7);	/* the inner L3 length */
	assert_int_equal(r.a->mib.udp[UDP_MIB_OUTDATAGRAMS], 1);	/* only the inner one */
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_head_end_replication(void **state)
{
	struct vx_rig r;
	struct vxlan_fdb_req q;
	struct net_device *vx;

	(void)state;
	build(&r);
	overlay_setup(&r, NULL);
	vx = __dev_get_by_name(r.a, "vx0");
	memset(&q, 0, sizeof(q));
	q.has_ip = true;
	q.state = NUD_PERMANENT | NUD_NOARP;
	q.nlflags = NLM_F_CREATE | NLM_F_APPEND;
	q.ip = h_ip("10.1.0.2");
	assert_int_equal(vxlan_fdb_add(vx, &q), 0);
	q.ip = h_ip("10.3.0.3");
	assert_int_equal(vxlan_fdb_add(vx, &q), 0);
	assert_int_equal(vxlan_fdb_add(vx, &q), 0);	/* the same remote once */
	run(&r, overlay_sender, true);
	assert_int_equal(r.got_len[0], 85);
	assert_int_equal(r.got_len[1], 85);
	assert_memory_equal(r.got[0] + 16, "\x0a\x01\x00\x02", 4);
	assert_memory_equal(r.got[1] + 16, "\x0a\x03\x00\x03", 4);
	assert_memory_equal(r.got[0] + 20, r.got[1] + 20, 6);	/* same ports and length */
	assert_memory_equal(r.got[0] + 28, r.got[1] + 28, 57);	/* same VXLAN payload */
	assert_int_equal(vx->stats.tx_packets, 2);
	/* add of an existing MAC is EEXIST; delete of an unknown one ENOENT */
	q.nlflags = NLM_F_CREATE | NLM_F_EXCL;
	assert_int_equal(vxlan_fdb_add(vx, &q), -EEXIST);
	memcpy(q.mac, "\x02\x00\x00\x00\x00\x99", 6);
	assert_int_equal(vxlan_fdb_delete(vx, &q), -ENOENT);
	assert_int_equal(world_free(r.w, stderr), 0);
}

struct remote_count {
	__be32 ip;
	unsigned int n;
};

static void count_fn(void *arg, const struct vxlan_fdb *f, const struct vxlan_rdst *rd)
{
	struct remote_count *c = arg;

	if (!is_zero_ether_addr(f->eth_addr) && rd->remote_ip == c->ip)
		c->n++;
}

/* learned (non-zero MAC) entries pointing at ip */
static unsigned int count_remote(struct net_device *dev, __be32 ip)
{
	struct remote_count c = { ip, 0 };

	vxlan_fdb_walk(dev, count_fn, &c);
	return c.n;
}

/* b decapsulates, learns a's MAC at 10.1.0.1, and forgets it after the
 * ageing time */
static void test_decap_and_learning(void **state)
{
	struct vx_rig r;
	struct net_device *vb;

	(void)state;
	build(&r);
	overlay_setup(&r, "10.1.0.2");
	vb = vx_link(r.b, "vx0", 42, "10.1.0.1", "ba", VXLAN_F_LEARN);
	assert_non_null(vb);
	assert_int_equal(h_up(r.b, "vx0"), 0);
	run(&r, overlay_sender, false);
	assert_int_equal(vb->stats.rx_packets, 1);
	assert_int_equal(vb->stats.rx_bytes, 20 + 8 + 7);
	assert_int_equal(r.b->mib.udp[UDP_MIB_INDATAGRAMS], 1);
	assert_int_equal(count_remote(vb, h_ip("10.1.0.1")), 1);
	h_advance_to(r.w, r.w->now + 301 * T_SEC);
	assert_int_equal(count_remote(vb, h_ip("10.1.0.1")), 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void crafted(const unsigned char *payload, size_t len, const char *reason,
		    bool counted)
{
	struct vx_rig r;
	struct net_device *vb;
	char err[128];
	size_t elen;
	const char *ev;

	build(&r);
	vb = vx_link(r.b, "vx0", 42, NULL, NULL, VXLAN_F_LEARN);
	assert_non_null(vb);
	assert_int_equal(h_up(r.b, "vx0"), 0);
	memcpy(r.craft, payload, len);
	r.craft_len = len;
	assert_int_equal(trace_start_flags(r.w, NULL, NULL, TRACE_RECORD, err, sizeof(err)), 0);
	run(&r, craft_sender, false);
	ev = trace_events(r.w, &elen);
	assert_non_null(strstr(ev, reason));
	trace_stop(r.w);
	assert_int_equal(vb->stats.rx_packets, 0);
	assert_int_equal(r.b->mib.udp[UDP_MIB_INDATAGRAMS], counted ? 1 : 0);
	assert_int_equal(r.b->mib.udp[UDP_MIB_NOPORTS], 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_malformed(void **state)
{
	/* VNI 42 with an inner frame from 02:..:01 */
	unsigned char ok[8 + 14 + 20] = { 0x08, 0, 0, 0, 0, 0, 0x2a, 0,
		0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00 };
	unsigned char buf[sizeof(ok)];

	(void)state;
	memcpy(buf, ok, sizeof(ok));
	buf[0] = 0;				/* no I flag */
	crafted(buf, sizeof(buf), "VXLAN_INVALID_HDR", true);
	memcpy(buf, ok, sizeof(ok));
	buf[6] = 0x2b;				/* VNI 43: no such device */
	crafted(buf, sizeof(buf), "VXLAN_VNI_NOT_FOUND", true);
	crafted(ok, 12, "PKT_TOO_SMALL", true);	/* shorter than VXLAN + Ethernet */
	memcpy(buf, ok, sizeof(ok));
	buf[14] = 0x01;				/* a multicast source MAC */
	crafted(buf, sizeof(buf), "MAC_INVALID_SOURCE", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encap_bytes),
		cmocka_unit_test(test_head_end_replication),
		cmocka_unit_test(test_decap_and_learning),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
