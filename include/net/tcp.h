/* TCP (include/net/tcp.h, include/linux/tcp.h, include/net/inet_connection_sock.h):
 * struct tcp_sock over inet_connection_sock over sock (which carries the
 * inet_sock fields), the per-segment control block, the states, the
 * per-namespace hash tables and sysctls, and the functions the TCP files
 * share. */
#ifndef SKBOX_NET_TCP_H
#define SKBOX_NET_TCP_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/skbuff.h"
#include "linux/timer.h"
#include "net/sock.h"

/* Linux's TCP states (include/net/tcp_states.h), same numbers as /proc. */
enum {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING,
};

#define TCPHDR_FIN 0x01
#define TCPHDR_SYN 0x02
#define TCPHDR_RST 0x04
#define TCPHDR_PSH 0x08
#define TCPHDR_ACK 0x10
#define TCPHDR_URG 0x20

#define RCV_SHUTDOWN 1
#define SEND_SHUTDOWN 2
#define SHUTDOWN_MASK 3

#define TCPOPT_NOP 1
#define TCPOPT_EOL 0
#define TCPOPT_MSS 2
#define TCPOPT_WINDOW 3
#define TCPOPT_SACK_PERM 4
#define TCPOPT_SACK 5
#define TCPOPT_TIMESTAMP 8

/* SOL_TCP option names (include/uapi/linux/tcp.h); this header does not
 * mix with <netinet/tcp.h>. */
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6
#define TCP_SYNCNT 7
#define TCP_QUICKACK 12
#define TCP_CONGESTION 13
#define TCP_INFO 11
#define TCP_USER_TIMEOUT 18
#define TCP_INQ 36

#define TCPI_OPT_TIMESTAMPS 1
#define TCPI_OPT_SACK 2
#define TCPI_OPT_WSCALE 4

/* getsockopt(TCP_INFO), the layout of include/uapi/linux/tcp.h (what ss
 * and iperf3 read) */
struct tcp_info {
	u8	tcpi_state;
	u8	tcpi_ca_state;
	u8	tcpi_retransmits;
	u8	tcpi_probes;
	u8	tcpi_backoff;
	u8	tcpi_options;
	u8	tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4;
	u8	tcpi_delivery_rate_app_limited:1, tcpi_fastopen_client_fail:2;

	u32	tcpi_rto;
	u32	tcpi_ato;
	u32	tcpi_snd_mss;
	u32	tcpi_rcv_mss;

	u32	tcpi_unacked;
	u32	tcpi_sacked;
	u32	tcpi_lost;
	u32	tcpi_retrans;
	u32	tcpi_fackets;

	/* Times. */
	u32	tcpi_last_data_sent;
	u32	tcpi_last_ack_sent;     /* Not remembered, sorry. */
	u32	tcpi_last_data_recv;
	u32	tcpi_last_ack_recv;

	/* Metrics. */
	u32	tcpi_pmtu;
	u32	tcpi_rcv_ssthresh;
	u32	tcpi_rtt;
	u32	tcpi_rttvar;
	u32	tcpi_snd_ssthresh;
	u32	tcpi_snd_cwnd;
	u32	tcpi_advmss;
	u32	tcpi_reordering;

	u32	tcpi_rcv_rtt;
	u32	tcpi_rcv_space;

	u32	tcpi_total_retrans;

	u64	tcpi_pacing_rate;
	u64	tcpi_max_pacing_rate;
	u64	tcpi_bytes_acked;    /* RFC4898 tcpEStatsAppHCThruOctetsAcked */
	u64	tcpi_bytes_received; /* RFC4898 tcpEStatsAppHCThruOctetsReceived */
	u32	tcpi_segs_out;	     /* RFC4898 tcpEStatsPerfSegsOut */
	u32	tcpi_segs_in;	     /* RFC4898 tcpEStatsPerfSegsIn */

	u32	tcpi_notsent_bytes;
	u32	tcpi_min_rtt;
	u32	tcpi_data_segs_in;	/* RFC4898 tcpEStatsDataSegsIn */
	u32	tcpi_data_segs_out;	/* RFC4898 tcpEStatsDataSegsOut */

	u64   tcpi_delivery_rate;

	u64	tcpi_busy_time;      /* Time (usec) busy sending data */
	u64	tcpi_rwnd_limited;   /* Time (usec) limited by receive window */
	u64	tcpi_sndbuf_limited; /* Time (usec) limited by send buffer */

	u32	tcpi_delivered;
	u32	tcpi_delivered_ce;

	u64	tcpi_bytes_sent;     /* RFC4898 tcpEStatsPerfHCDataOctetsOut */
	u64	tcpi_bytes_retrans;  /* RFC4898 tcpEStatsPerfOctetsRetrans */
	u32	tcpi_dsack_dups;     /* RFC4898 tcpEStatsStackDSACKDups */
	u32	tcpi_reord_seen;     /* reordering events seen */

	u32	tcpi_rcv_ooopack;    /* Out-of-order packets received */

	u32	tcpi_snd_wnd;	     /* peer's advertised receive window after
				      * scaling (bytes)
				      */
};

#define TCP_MSS_DEFAULT 536
#define TCP_INIT_CWND 10
#define TCP_MAX_WSCALE 14
#define TCP_RTO_MIN_NS (200 * NSEC_PER_MSEC)
#define TCP_RTO_MAX_NS (120 * NSEC_PER_SEC)
#define TCP_TIMEOUT_INIT_NS (1 * NSEC_PER_SEC)
#define TCP_DELACK_MIN_NS (40 * NSEC_PER_MSEC)
#define TCP_DELACK_MAX_NS (200 * NSEC_PER_MSEC)
#define TCP_TIMEWAIT_LEN_NS (60 * NSEC_PER_SEC)
#define TCP_NUM_SACKS 4

struct tcphdr {
	__be16 source;
	__be16 dest;
	__be32 seq;
	__be32 ack_seq;
	u8 res1:4, doff:4;
	u8 flags;
	__be16 window;
	__sum16 check;
	__be16 urg_ptr;
};

static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{
	return (struct tcphdr *)skb_transport_header(skb);
}

/* skb->cb while TCP owns the skb (struct tcp_skb_cb) */
struct tcp_skb_cb {
	u32 seq;
	u32 end_seq;
	u32 ack_seq;
	u64 when;		/* last (re)transmission, ns */
	u8 tcp_flags;
	u8 sacked;		/* TCPCB_* */
	u16 window;		/* raw window field of a received segment */
	u32 tsval, tsecr;	/* received timestamps (saw_tstamp) */
	u8 saw_tstamp;
};

#define TCPCB_SACKED_ACKED 0x01
#define TCPCB_RETRANS 0x02
#define TCPCB_EVER_RETRANS 0x04
#define TCPCB_LOST 0x08		/* the scoreboard says lost (stays on when it goes again) */

/* net.ipv4.tcp_recovery bits (Linux's TCP_RACK_*) */
#define TCP_RACK_LOSS_DETECTION 0x1
#define TCP_RACK_STATIC_REO_WND 0x2
#define TCP_RACK_NO_DUPTHRESH 0x4
#define TCP_RACK_RECOVERY_THRESH 16	/* recoveries a grown reo_wnd persists */
#define TCP_MAX_REORDERING 300		/* net.ipv4.tcp_max_reordering */
#define TCP_INFINITE_SSTHRESH 0x7fffffff

/* RFC 6675 DupThresh / Linux's default reordering */
#define TCP_FASTRETRANS_THRESH 3

#define TCP_SKB_CB(skb) ((struct tcp_skb_cb *)&(skb)->cb[0])

/* Options seen on a segment (struct tcp_options_received) */
struct tcp_options_received {
	u16 mss_clamp;
	u8 wscale_ok:1, snd_wscale:4, sack_ok:1, tstamp_ok:1, saw_tstamp:1;
	u32 rcv_tsval, rcv_tsecr;
	u8 num_sacks;
	u32 sack[TCP_NUM_SACKS][2];
};

struct tcp_sock;

/* struct tcp_congestion_ops: one registered congestion control */
struct tcp_congestion_ops {
	const char *name;
	u32 (*ssthresh)(struct tcp_sock *tp);
	void (*cong_avoid)(struct tcp_sock *tp, u32 acked);
	void (*init)(struct tcp_sock *tp);
};

enum { TCP_CA_Open, TCP_CA_Disorder, TCP_CA_CWR, TCP_CA_Recovery, TCP_CA_Loss };

/* tcp_ack()'s flags (Linux's FLAG_*, tcp_input.c): what the ACK did */
#define FLAG_DATA		0x01	/* the segment carries data */
#define FLAG_WIN_UPDATE		0x02
#define FLAG_DATA_ACKED		0x04
#define FLAG_RETRANS_DATA_ACKED	0x08
#define FLAG_SYN_ACKED		0x10
#define FLAG_DATA_SACKED	0x20
#define FLAG_LOST_RETRANS	0x80
#define FLAG_ORIG_SACK_ACKED	0x200	/* never-retransmitted data (S)ACKed */
#define FLAG_SND_UNA_ADVANCED	0x400
#define FLAG_DSACKING_ACK	0x800
#define FLAG_SET_XMIT_TIMER	0x1000	/* arm the TLP or RTO timer */
#define FLAG_DSACK_TLP		0x20000	/* the DSACK is for the loss probe */
#define FLAG_ACKED		(FLAG_DATA_ACKED | FLAG_SYN_ACKED)
#define FLAG_NOT_DUP		(FLAG_DATA | FLAG_WIN_UPDATE | FLAG_ACKED)
#define FLAG_CA_ALERT		(FLAG_DATA_SACKED | FLAG_DSACKING_ACK)
#define FLAG_FORWARD_PROGRESS	(FLAG_ACKED | FLAG_DATA_SACKED)

/* What icsk_retransmit_timer is armed for (icsk_pending, Linux's numbers) */
enum {
	ICSK_TIME_RETRANS = 1,
	ICSK_TIME_PROBE0 = 3,
	ICSK_TIME_LOSS_PROBE = 5,
	ICSK_TIME_REO_TIMEOUT = 6,
};

/* struct inet_connection_sock_af_ops: what the TCP engine asks of the
 * network layer (ipv4_specific, ipv6_specific) */
struct inet_connection_sock_af_ops {
	/* send_check + the network header + ip_queue_xmit/inet6_csk_xmit, for
	 * a segment whose TCP header is at skb->data */
	int (*queue_xmit)(struct sock *sk, struct sk_buff *skb, u8 flags);
	/* the route of a listener's child (rebuild_header/route_req) */
	int (*rebuild_header)(struct sock *lsk, struct sock *sk);
	/* a child's addresses from the SYN (the syn_recv_sock half) */
	void (*syn_recv_addrs)(struct sock *sk, const struct sk_buff *skb);
	u16 net_header_len;
};

extern const struct inet_connection_sock_af_ops ipv4_specific;
extern const struct inet_connection_sock_af_ops ipv6_specific;

struct inet_connection_sock {
	struct sock sk;			/* with the inet_sock fields */
	const struct inet_connection_sock_af_ops *icsk_af_ops;
	struct timer_list icsk_retransmit_timer;
	struct timer_list icsk_delack_timer;
	struct timer_list sk_timer;	/* keepalive, FIN_WAIT2 and TIME_WAIT */
	u64 icsk_rto;
	u8 icsk_retransmits;
	u8 icsk_probes_out;
	u8 icsk_backoff;
	u8 icsk_ca_state;
	u8 icsk_pending;		/* ICSK_TIME_* of icsk_retransmit_timer */
	u8 icsk_ack_pending;
	u8 icsk_ack_quick;
	u8 icsk_ack_pingpong;		/* interactive: ACKs wait for data (inet_csk_in_pingpong_mode) */
	u64 icsk_ack_lrcvtime;		/* when data last arrived */
	u8 icsk_syn_retries;
	const struct tcp_congestion_ops *icsk_ca_ops;
	/* listener: request (SYN_RECV) children and the accept queue */
	struct list_head icsk_accept_queue;
	struct list_head icsk_syn_queue;
	int icsk_accept_len, icsk_syn_len, sk_max_ack_backlog;
};

struct tcp_sock {
	struct inet_connection_sock icsk;
	struct list_head bind_node;	/* per-namespace list of bound sockets */
	struct list_head accept_node;	/* in the parent's syn or accept queue */
	struct tcp_sock *parent;	/* listener of an embryonic/unaccepted child */
	struct sk_buff_head sk_write_queue;
	struct sk_buff *send_head;	/* first not yet sent skb in the queue */
	struct sk_buff_head out_of_order_queue;
	int sk_wmem_queued;
	u32 snd_una, snd_nxt, snd_wnd, snd_wl1, max_window, write_seq, iss;
	u32 rcv_nxt, rcv_wnd, rcv_wup, copied_seq, irs, rcv_ssthresh, window_clamp;
	u32 mss_cache, advmss, user_mss, rcv_mss;
	u8 snd_wscale, rcv_wscale, wscale_ok, tstamp_ok, sack_ok, nonagle;
	u8 linger2_orphan, fin_sent, keepalive;
	u8 bind_connect;		/* the port came from connect() (fastreuse -1 bucket) */
	u8 recvmsg_inq;			/* TCP_INQ: a TCP_CM_INQ cmsg on each recvmsg */
	u8 snd_sml_set;			/* a small segment was sent: snd_sml valid */
	u32 snd_sml;			/* end of the last small segment sent (Minshall) */
	u32 ts_recent, tsoffset;
	u64 srtt_ns, mdev_ns;
	u32 snd_cwnd, snd_ssthresh, snd_cwnd_cnt, packets_out, sacked_out, retrans_out;
	u32 high_seq, dup_acks, prior_cwnd;
	u32 lost_out;			/* skbs marked TCPCB_LOST */
	u32 max_packets_out;		/* most in flight since the last ACK */
	u8 is_cwnd_limited;		/* tcp_write_xmit stopped on cwnd */
	u64 cubic_epoch, cubic_k;	/* CUBIC state */
	u32 cubic_wmax;
	u8 num_sacks;
	u32 selective_acks[TCP_NUM_SACKS][2];
	u8 dsack;			/* duplicate_sack goes on the next ACK (RFC 2883) */
	u32 duplicate_sack[2];
	u32 lingertime;
	u64 rcv_tstamp;			/* last segment received (keepalive) */
	/* TCP_KEEPIDLE/INTVL (seconds), TCP_KEEPCNT: 0 means the sysctl */
	u32 keepalive_time, keepalive_intvl;
	u8 keepalive_probes;
	u32 user_timeout;		/* TCP_USER_TIMEOUT, ms; 0 off */
	u64 retrans_stamp;		/* when the head now being retransmitted first left */
	u32 total_retrans;		/* tcpi_total_retrans */
	u64 bytes_acked, bytes_received;
	u64 synq_overflow_ts;		/* listener: 1 + when a SYN last got a cookie */
	struct {			/* receive buffer autotuning (rcvq_space) */
		u32 space, seq;
		u64 time;
	} rcvq_space;
	/* RACK (RFC 8985): the most recently sent skb known delivered */
	struct tcp_rack {
		u64 mstamp;		/* its (re)transmission time */
		u64 rtt_ns;		/* the RTT it measured */
		u32 end_seq;
		u64 last_adjust;	/* when reo_wnd_steps last grew */
		u8 advanced;		/* mstamp moved since the last loss scan */
		u8 reo_wnd_steps;	/* reo_wnd in min_rtt/4 units (DSACK-grown) */
		u8 reo_wnd_persist;	/* recoveries the grown window stays */
		u8 dsack_seen;
	} rack;
	u64 min_rtt_ns;			/* smallest RTT seen (tcp_min_rtt) */
	u32 reordering;			/* segments of reordering seen (tp->reordering) */
	u32 reord_seen;
	u32 delivered;			/* segments (S)ACKed in all */
	u32 tlp_high_seq;		/* snd_nxt at the outstanding loss probe, 0 none */
	u8 tlp_retrans;			/* that probe was a retransmission */
	u8 frto;			/* F-RTO running after this RTO */
	u32 prr_delivered, prr_out;	/* PRR (RFC 6937) since recovery began */
	u32 prior_ssthresh;		/* before the reduction (undo) */
	u32 undo_marker;		/* snd_una when recovery began, 0: no undo */
	int undo_retrans;		/* retransmissions not yet DSACKed */
	u64 undo_stamp;			/* when the first retransmission of the episode left */
	u32 fack;			/* end of the highest SACKed skb (tcp_highest_sack_seq) */
	u32 ack_tsecr;			/* TS ecr of the ACK being processed, 0 none */
};

static inline struct tcp_sock *tcp_sk(const struct sock *sk)
{
	return (struct tcp_sock *)sk;
}

static inline struct inet_connection_sock *inet_csk(const struct sock *sk)
{
	return (struct inet_connection_sock *)sk;
}

static inline bool before(u32 a, u32 b)
{
	return (s32)(a - b) < 0;
}

static inline bool after(u32 a, u32 b)
{
	return before(b, a);
}

static inline bool between(u32 x, u32 lo, u32 hi)
{
	return hi - lo >= x - lo;
}

#define TCP_EHASH_SIZE 256

/* Per-namespace TCP state: hash tables (inet_hashinfo) and sysctls. */
struct tcp_net {
	struct list_head ehash[TCP_EHASH_SIZE];	/* 4-tuple: connected and TIME_WAIT */
	struct list_head lhash;			/* listeners */
	struct list_head bhash;			/* every socket with a local port */
	int sysctl_tcp_window_scaling, sysctl_tcp_timestamps, sysctl_tcp_sack;
	int sysctl_tcp_syn_retries, sysctl_tcp_synack_retries, sysctl_tcp_retries2;
	int sysctl_tcp_fin_timeout, sysctl_tcp_keepalive_time;
	int sysctl_tcp_keepalive_intvl, sysctl_tcp_keepalive_probes;
	int sysctl_tcp_syncookies, sysctl_tcp_max_syn_backlog;
	int sysctl_tcp_retries1, sysctl_tcp_orphan_retries, sysctl_tcp_dsack;
	int sysctl_tcp_mtu_probing, sysctl_tcp_base_mss, sysctl_tcp_min_snd_mss;
	int sysctl_tcp_moderate_rcvbuf, sysctl_tcp_adv_win_scale, sysctl_tcp_reordering;
	int sysctl_tcp_abort_on_overflow, sysctl_tcp_rfc1337, sysctl_tcp_tw_reuse;
	int sysctl_tcp_recovery, sysctl_tcp_early_retrans, sysctl_tcp_frto;
	int sysctl_tcp_min_tso_segs, sysctl_tcp_reflect_tos;
	u32 syncookie_secret[2];
	int sysctl_tcp_rmem[3], sysctl_tcp_wmem[3];
	const struct tcp_congestion_ops *ca_default;
};

struct tcp_net *tcp_pernet(const struct net *net);
void tcp_net_init(struct net *net);
void tcp_net_exit(struct net *net);
struct net_device;
void tcp_dev_unregister(struct net *net, const struct net_device *dev);

/* tcp_sysctl.c: net.ipv4.tcp_* (name after "net/ipv4/"; -ENOENT if not one) */
void tcp_sysctl_init(struct net *net);
int tcp_sysctl_read(struct net *net, const char *name, char *buf, size_t len);
int tcp_sysctl_write(struct net *net, const char *name, const char *val);
const char *tcp_sysctl_name(size_t i);

/* tcp.c */
extern const struct proto tcp_prot;
extern const struct proto_ops inet_stream_ops;
void tcp_set_state(struct sock *sk, int state);
void tcp_done(struct sock *sk);
void tcp_destroy_sock(struct sock *sk);
int tcp_rcv_space(const struct sock *sk);

/* tcp_ipv4.c / inet_hashtables.c */
int tcp_v4_rcv(struct sk_buff *skb);
int tcp_v4_err(struct sk_buff *skb, u32 info);
void tcp_v4_send_reset(struct sock *sk, struct sk_buff *skb);
int tcp_v4_queue_xmit(struct sock *sk, struct sk_buff *skb, u8 flags);
int tcp_v4_init_sock(struct sock *sk);
int tcp_v4_child_route(struct sock *lsk, struct sock *sk);
u32 inet_ehashfn(__be32 laddr, u16 lport, __be32 faddr, __be16 fport);
/* net/ipv6/tcp_ipv6.c */
void tcp_v6_send_reset(struct sock *sk, struct sk_buff *skb);
int tcp_v6_rcv(struct sk_buff *skb);
int tcp_v6_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info);
extern const struct proto tcpv6_prot;
void inet_ehash_insert(struct sock *sk);
void inet_unhash(struct sock *sk);
int inet_csk_get_port(struct sock *sk, u16 port);
int inet_reuseport_add_sock(struct sock *sk);
/* net/ipv4/tcp.c: getsockopt(TCP_INFO)'s answer, also for ss -i */
void tcp_get_info(struct sock *sk, struct tcp_info *info);
/* __inet_hash_connect(): a local port for connect() unique by 4-tuple */
int inet_hash_connect(struct sock *sk);
void inet_put_port(struct sock *sk);
struct sock *__inet_lookup(struct net *net, __be32 saddr, __be16 sport, __be32 daddr,
			   __be16 dport, int dif);
int tcp_v4_connect(struct sock *sk, const struct sockaddr *uaddr, int len);
int tcp_v4_do_rcv(struct sock *sk, struct sk_buff *skb);

/* tcp_input.c */
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb);
int tcp_conn_request(struct sock *sk, struct sk_buff *skb);
void tcp_parse_options(const struct sk_buff *skb, struct tcp_options_received *opt);
void tcp_reset(struct sock *sk);
void tcp_init_transfer(struct sock *sk);
bool tcp_stream_is_writeable(const struct sock *sk);
void tcp_sndbuf_expand(struct sock *sk);
void tcp_init_buffer_space(struct sock *sk);
void tcp_rcv_space_adjust(struct sock *sk);
int tcp_child_init(struct sock *lsk, struct sock *sk, struct sk_buff *skb,
		   const struct tcp_options_received *o);
struct sock *tcp_create_openreq_child(struct sock *lsk, struct sk_buff *skb);
void tcp_child_established(struct sock *sk);
int tcp_child_route(struct sock *lsk, struct sock *sk);

/* syncookies.c */
int cookie_v4_send_synack(struct sock *lsk, struct sock *sk, struct sk_buff *skb,
			  const struct tcp_options_received *o);
int cookie_v4_check(struct sock *lsk, struct sk_buff *skb);

/* tcp_output.c */
int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb);
int tcp_transmit_skbs(struct sock *sk, struct sk_buff *skb, unsigned int segs);
void tcp_write_xmit(struct sock *sk);
void tcp_push(struct sock *sk);
void tcp_send_ack(struct sock *sk);
void tcp_send_delayed_ack(struct sock *sk);
void tcp_send_fin(struct sock *sk);
void tcp_send_active_reset(struct sock *sk);
int tcp_connect(struct sock *sk);
int tcp_send_synack(struct sock *sk);
int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb);
int __tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb);
int tcp_retransmit_skbs(struct sock *sk, struct sk_buff *skb, unsigned int segs);
unsigned int tcp_rtx_tso_segs(struct sock *sk, struct sk_buff *skb, unsigned int room);
int tcp_fragment(struct sock *sk, struct sk_buff *skb, unsigned int len);
void tcp_write_xmit_one(struct sock *sk);
void tcp_xmit_retransmit_queue(struct sock *sk);
/* The path MTU fell: resend what is now too big, cut to mss_cache. */
void tcp_simple_retransmit(struct sock *sk);
void tcp_enter_loss(struct sock *sk);
void tcp_send_probe0(struct sock *sk);
void tcp_mtup_init(struct sock *sk);
u16 tcp_select_window(struct sock *sk);
void tcp_send_challenge_ack(struct sock *sk);
struct sk_buff *tcp_alloc_skb(struct sock *sk, unsigned int size);
u32 tcp_time_stamp(const struct sock *sk);

/* tcp_input.c: loss recovery shared with tcp_recovery.c and tcp_timer.c */
void tcp_mark_skb_lost(struct sock *sk, struct sk_buff *skb);
void tcp_enter_recovery(struct sock *sk);
void tcp_cwnd_reduction(struct sock *sk, u32 newly_acked_sacked, u32 newly_lost, bool una_advanced);
bool tcp_is_sack_rack(const struct sock *sk);

/* tcp_recovery.c: the scoreboard, RACK-TLP (RFC 8985), PRR, undo */
u32 tcp_ack_recovery(struct sock *sk, const struct tcp_options_received *o, u32 ack, int flag);
void tcp_rtt_estimator(struct sock *sk, u64 m);
int tcp_clean_rtx_queue(struct sock *sk, u32 ack, u32 prior_fack, u32 *acked);
void tcp_rack_advance(struct tcp_sock *tp, u8 sacked, u32 end_seq, u64 xmit_time, u64 now);
bool tcp_rack_mark_lost(struct sock *sk);
void tcp_rack_reo_timeout(struct sock *sk);
void tcp_rack_update_reo_wnd(struct sock *sk);
bool tcp_schedule_loss_probe(struct sock *sk, bool advancing_rto);
void tcp_send_loss_probe(struct sock *sk);

/* tcp_timer.c */
void tcp_init_xmit_timers(struct sock *sk);
void tcp_clear_xmit_timers(struct sock *sk);
void tcp_reset_xmit_timer(struct sock *sk, u64 when);
void inet_csk_reset_xmit_timer(struct sock *sk, u8 what, u64 when);
s64 tcp_rto_delta(const struct sock *sk);
void tcp_rearm_rto(struct sock *sk);
void tcp_set_keepalive_timer(struct sock *sk);
void tcp_time_wait(struct sock *sk);
void tcp_write_err(struct sock *sk);

/* tcp_cong.c */
extern const struct tcp_congestion_ops tcp_reno;
extern const struct tcp_congestion_ops cubictcp;
const struct tcp_congestion_ops *tcp_ca_find(const char *name);
const char *tcp_ca_names(void);
void tcp_slow_start_or_avoid(struct tcp_sock *tp, u32 acked);

static inline bool tcp_in_cwnd_reduction(const struct sock *sk)
{
	u8 st = inet_csk(sk)->icsk_ca_state;

	return st == TCP_CA_CWR || st == TCP_CA_Recovery;
}

/* RFC 6675's pipe: sent, less what was SACKed or is thought lost, plus
 * what went again (Linux's packets_out - left_out + retrans_out). */
static inline u32 tcp_packets_in_flight(const struct tcp_sock *tp)
{
	u32 left_out = tp->sacked_out + tp->lost_out;

	return (left_out < tp->packets_out ? tp->packets_out - left_out : 0) + tp->retrans_out;
}

/* net/ipv4/tcp_offload.c */
struct sk_buff *tcp4_gso_segment(struct sk_buff *skb);
struct sk_buff *tcp6_gso_segment(struct sk_buff *skb);	/* net/ipv6/tcpv6_offload.c */
struct sk_buff *tcp_gso_segment(struct sk_buff *skb,
				void (*fix)(struct sk_buff *n, unsigned int i, bool last, u32 seq));

/* keepalive_time_when() and friends: the socket's value or the sysctl's */
static inline u32 keepalive_time_when(const struct tcp_sock *tp, const struct tcp_net *tn)
{
	return tp->keepalive_time ? tp->keepalive_time : (u32)tn->sysctl_tcp_keepalive_time;
}

static inline u32 keepalive_intvl_when(const struct tcp_sock *tp, const struct tcp_net *tn)
{
	return tp->keepalive_intvl ? tp->keepalive_intvl : (u32)tn->sysctl_tcp_keepalive_intvl;
}

static inline u32 keepalive_probes(const struct tcp_sock *tp, const struct tcp_net *tn)
{
	return tp->keepalive_probes ? tp->keepalive_probes : (u32)tn->sysctl_tcp_keepalive_probes;
}

#endif
