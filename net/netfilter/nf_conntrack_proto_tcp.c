/* TCP tracking (net/netfilter/nf_conntrack_proto_tcp.c): Linux's state
 * table (SYN_SENT ... TIME_WAIT, CLOSE, SYN_SENT2) driven by the segment's
 * flags and direction, and the window checks of tcp_in_window() (Guido van
 * Rooij's "Real Stateful TCP Packet Filtering in IP Filter", with Linux's
 * changes): a segment must fall in the receiver's window and ACK nothing
 * unseen, unless nf_conntrack_tcp_be_liberal.  tcp_loose picks up a
 * connection in the middle. */
#include <limits.h>
#include <stdio.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/net_namespace.h"
#include "net/tcp.h"

#define IP_CT_TCP_FLAG_WINDOW_SCALE		0x01
#define IP_CT_TCP_FLAG_SACK_PERM		0x02
#define IP_CT_TCP_FLAG_CLOSE_INIT		0x04
#define IP_CT_TCP_FLAG_BE_LIBERAL		0x08
#define IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED	0x10
#define IP_CT_TCP_FLAG_MAXACK_SET		0x20
#define IP_CT_EXP_CHALLENGE_ACK			0x40
#define IP_CT_TCP_SIMULTANEOUS_OPEN		0x80

static const char *const tcp_conntrack_names[] = {
	"NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT", "CLOSE_WAIT",
	"LAST_ACK", "TIME_WAIT", "CLOSE", "SYN_SENT2",
};

const char *nf_ct_tcp_state_name(unsigned int state)
{
	if (state == TCP_CONNTRACK_SYN_SENT2)
		return "SYN_SENT2";
	return state < TCP_CONNTRACK_LISTEN ? tcp_conntrack_names[state] : "NONE";
}

#define sNO TCP_CONNTRACK_NONE
#define sSS TCP_CONNTRACK_SYN_SENT
#define sSR TCP_CONNTRACK_SYN_RECV
#define sES TCP_CONNTRACK_ESTABLISHED
#define sFW TCP_CONNTRACK_FIN_WAIT
#define sCW TCP_CONNTRACK_CLOSE_WAIT
#define sLA TCP_CONNTRACK_LAST_ACK
#define sTW TCP_CONNTRACK_TIME_WAIT
#define sCL TCP_CONNTRACK_CLOSE
#define sS2 TCP_CONNTRACK_SYN_SENT2
#define sIV TCP_CONNTRACK_MAX
#define sIG TCP_CONNTRACK_IGNORE

enum tcp_bit_set {
	TCP_SYN_SET,
	TCP_SYNACK_SET,
	TCP_FIN_SET,
	TCP_ACK_SET,
	TCP_RST_SET,
	TCP_NONE_SET,
};

/* [direction][flags][old state] -> new state; the state index is the
 * enum's, with SYN_SENT2 in the LISTEN slot's place (column 9). */
#define COL(s) ((s) == TCP_CONNTRACK_SYN_SENT2 ? 9 : (s))
static const u8 tcp_conntracks[2][6][10] = {
	{
/* ORIGINAL	     sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2 */
/*syn*/		   { sSS, sSS, sIG, sIG, sIG, sIG, sIG, sSS, sSS, sS2 },
/*synack*/	   { sIV, sIV, sSR, sIV, sIV, sIV, sIV, sIV, sIV, sSR },
/*fin*/		   { sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV },
/*ack*/		   { sES, sIV, sES, sES, sCW, sCW, sTW, sTW, sCL, sIV },
/*rst*/		   { sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL },
/*none*/	   { sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV },
	},
	{
/* REPLY	     sNO, sSS, sSR, sES, sFW, sCW, sLA, sTW, sCL, sS2 */
/*syn*/		   { sIV, sS2, sIV, sIV, sIV, sIV, sIV, sSS, sIV, sS2 },
/*synack*/	   { sIV, sSR, sIG, sIG, sIG, sIG, sIG, sIG, sIG, sSR },
/*fin*/		   { sIV, sIV, sFW, sFW, sLA, sLA, sLA, sTW, sCL, sIV },
/*ack*/		   { sIV, sIG, sSR, sES, sCW, sCW, sTW, sTW, sCL, sIG },
/*rst*/		   { sIV, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL, sCL },
/*none*/	   { sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV, sIV },
	},
};

static bool tcp_pkt_to_tuple(const struct sk_buff *skb, unsigned int dataoff,
			     struct nf_conntrack_tuple *tuple)
{
	__be16 _p[2];
	const __be16 *p = xt_header_pointer(skb, (int)dataoff, 4, _p);

	if (!p)
		return false;
	tuple->src.u.tcp.port = p[0];
	tuple->dst.u.tcp.port = p[1];
	return true;
}

static bool tcp_invert_tuple(struct nf_conntrack_tuple *inv, const struct nf_conntrack_tuple *orig)
{
	inv->src.u.tcp.port = orig->dst.u.tcp.port;
	inv->dst.u.tcp.port = orig->src.u.tcp.port;
	return true;
}

static unsigned int get_conntrack_index(const struct tcphdr *th)
{
	if (th->flags & TCPHDR_RST)
		return TCP_RST_SET;
	if (th->flags & TCPHDR_SYN)
		return th->flags & TCPHDR_ACK ? TCP_SYNACK_SET : TCP_SYN_SET;
	if (th->flags & TCPHDR_FIN)
		return TCP_FIN_SET;
	if (th->flags & TCPHDR_ACK)
		return TCP_ACK_SET;
	return TCP_NONE_SET;
}

static u32 segment_seq_plus_len(u32 seq, unsigned int len, unsigned int dataoff,
				const struct tcphdr *th)
{
	return seq + len - dataoff - th->doff * 4u + !!(th->flags & TCPHDR_SYN) +
	       !!(th->flags & TCPHDR_FIN);
}

#define MAXACKWINCONST 66000
#define MAXACKWINDOW(sender) ((sender)->td_maxwin > MAXACKWINCONST ? (sender)->td_maxwin : MAXACKWINCONST)

/* Window scale and SACK-permitted from the options (tcp_options). */
static void tcp_options(const struct sk_buff *skb, unsigned int dataoff,
			const struct tcphdr *th, struct ip_ct_tcp_state *state)
{
	unsigned char buf[40];
	int length = th->doff * 4 - (int)sizeof(struct tcphdr);
	const unsigned char *ptr;

	if (length <= 0)
		return;
	ptr = xt_header_pointer(skb, (int)(dataoff + sizeof(struct tcphdr)), length, buf);
	if (!ptr)
		return;
	state->td_scale = 0;
	state->flags = 0;
	while (length > 0) {
		int opcode = *ptr++, opsize;

		if (opcode == 0)		/* EOL */
			return;
		if (opcode == 1) {		/* NOP */
			length--;
			continue;
		}
		if (length < 2 || (opsize = *ptr++) < 2 || opsize > length)
			return;
		if (opcode == 4 && opsize == 2) {
			state->flags |= IP_CT_TCP_FLAG_SACK_PERM;
		} else if (opcode == 3 && opsize == 3) {
			state->td_scale = *ptr > 14 ? 14 : *ptr;
			state->flags |= IP_CT_TCP_FLAG_WINDOW_SCALE;
		}
		ptr += opsize - 2;
		length -= opsize;
	}
}

/* The highest right edge of the SACK blocks (tcp_sack). */
static void tcp_sack(const struct sk_buff *skb, unsigned int dataoff,
		     const struct tcphdr *th, u32 *sack)
{
	unsigned char buf[40];
	int length = th->doff * 4 - (int)sizeof(struct tcphdr);
	const unsigned char *ptr;

	if (length <= 0)
		return;
	ptr = xt_header_pointer(skb, (int)(dataoff + sizeof(struct tcphdr)), length, buf);
	if (!ptr)
		return;
	while (length > 0) {
		int opcode = *ptr++, opsize;

		if (opcode == 0)
			return;
		if (opcode == 1) {
			length--;
			continue;
		}
		if (length < 2 || (opsize = *ptr++) < 2 || opsize > length)
			return;
		if (opcode == 5 && opsize >= 10 && !((opsize - 2) % 8)) {
			for (int i = 0; i < opsize - 2; i += 8) {
				u32 edge = ((u32)ptr[i + 4] << 24) | ((u32)ptr[i + 5] << 16) |
					   ((u32)ptr[i + 6] << 8) | ptr[i + 7];

				if (after(edge, *sack))
					*sack = edge;
			}
			return;
		}
		ptr += opsize - 2;
		length -= opsize;
	}
}

enum nf_ct_tcp_action {
	NFCT_TCP_IGNORE,
	NFCT_TCP_INVALID,
	NFCT_TCP_ACCEPT,
};

static enum nf_ct_tcp_action tcp_log_invalid(const struct nf_conn *ct,
					     const struct ip_ct_tcp_state *sender,
					     enum nf_ct_tcp_action ret)
{
	if ((sender->flags & IP_CT_TCP_FLAG_BE_LIBERAL) ||
	    nf_ct_pernet(ct->net)->sysctl.tcp_be_liberal)
		return NFCT_TCP_ACCEPT;
	return ret;
}

/* The sender's state when it has none yet. */
static void tcp_init_sender(struct ip_ct_tcp_state *sender, struct ip_ct_tcp_state *receiver,
			    const struct sk_buff *skb, unsigned int dataoff,
			    const struct tcphdr *th, u32 end, u32 win, u32 sack)
{
	if (th->flags & TCPHDR_SYN) {
		/* SYN-ACK answering a SYN, or a SYN of a simultaneous open */
		sender->td_end = sender->td_maxend = end;
		sender->td_maxwin = win ? win : 1;
		tcp_options(skb, dataoff, th, sender);
		/* RFC 7323: scaling only when both sides offer it */
		if (!((sender->flags & IP_CT_TCP_FLAG_WINDOW_SCALE) &&
		      (receiver->flags & IP_CT_TCP_FLAG_WINDOW_SCALE)))
			sender->td_scale = receiver->td_scale = 0;
		return;
	}
	/* in the middle of a connection: take what the segment says */
	sender->td_end = end;
	win <<= sender->td_scale;
	sender->td_maxwin = win ? win : 1;
	sender->td_maxend = end + sender->td_maxwin;
	if (receiver->td_maxwin == 0)
		receiver->td_end = receiver->td_maxend = sack;
	else if (sack == receiver->td_end + 1)
		receiver->td_end++;		/* a reply to a keepalive */
}

/* The segment is within the window: move the window's edges, note data in
 * flight, and count retransmissions of the same ACK (the second half of
 * Linux's tcp_in_window). */
static void tcp_window_update(struct ip_ct_tcp *state, enum ip_conntrack_dir dir,
			      unsigned int index, const struct tcphdr *th, u32 seq, u32 ack,
			      u32 sack, u32 end)
{
	struct ip_ct_tcp_state *sender = &state->seen[dir], *receiver = &state->seen[!dir];
	u16 win_raw = ntohs(th->window);
	u32 win = win_raw, swin;

	if (!(th->flags & TCPHDR_SYN))
		win <<= sender->td_scale;
	swin = win + (sack - ack);
	if (sender->td_maxwin < swin)
		sender->td_maxwin = swin;
	if (after(end, sender->td_end)) {
		sender->td_end = end;
		sender->flags |= IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
	}
	if (th->flags & TCPHDR_ACK) {
		if (!(sender->flags & IP_CT_TCP_FLAG_MAXACK_SET)) {
			sender->td_maxack = ack;
			sender->flags |= IP_CT_TCP_FLAG_MAXACK_SET;
		} else if (after(ack, sender->td_maxack)) {
			sender->td_maxack = ack;
		}
	}
	if (receiver->td_maxwin != 0 && after(end, sender->td_maxend))
		receiver->td_maxwin += end - sender->td_maxend;
	if (after(sack + win, receiver->td_maxend - 1)) {
		receiver->td_maxend = sack + win;
		if (win == 0)
			receiver->td_maxend++;
	}
	if (ack == receiver->td_end)
		receiver->flags &= (u8)~IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED;
	if (index == TCP_ACK_SET) {
		if (state->last_dir == dir && state->last_seq == seq && state->last_ack == ack &&
		    state->last_end == end && state->last_win == win_raw) {
			state->retrans++;
		} else {
			state->last_dir = (u8)dir;
			state->last_seq = seq;
			state->last_ack = ack;
			state->last_end = end;
			state->last_win = win_raw;
			state->retrans = 0;
		}
	}
}

static enum nf_ct_tcp_action tcp_in_window(struct nf_conn *ct, enum ip_conntrack_dir dir,
					   unsigned int index, const struct sk_buff *skb,
					   unsigned int dataoff, const struct tcphdr *th)
{
	struct ip_ct_tcp *state = &ct->proto.tcp;
	struct ip_ct_tcp_state *sender = &state->seen[dir], *receiver = &state->seen[!dir];
	u32 seq = ntohl(th->seq), ack = ntohl(th->ack_seq), sack = ack;
	u16 win_raw = ntohs(th->window);
	u32 win = win_raw, end = segment_seq_plus_len(seq, skb->len, dataoff, th);

	if (receiver->flags & IP_CT_TCP_FLAG_SACK_PERM)
		tcp_sack(skb, dataoff, th, &sack);
	if (sender->td_maxwin == 0) {
		tcp_init_sender(sender, receiver, skb, dataoff, th, end, win, sack);
		if ((th->flags & TCPHDR_SYN) && !(th->flags & TCPHDR_ACK))
			return NFCT_TCP_ACCEPT;	/* simultaneous open */
	} else if ((th->flags & TCPHDR_SYN) && after(end, sender->td_end) &&
		   (state->state == TCP_CONNTRACK_SYN_SENT ||
		    state->state == TCP_CONNTRACK_SYN_RECV)) {
		/* RFC 793: a reinitialized TCP uses higher sequence numbers */
		sender->td_end = sender->td_maxend = end;
		sender->td_maxwin = win ? win : 1;
		tcp_options(skb, dataoff, th, sender);
	}
	if (!(th->flags & TCPHDR_ACK) ||
	    ((th->flags & (TCPHDR_ACK | TCPHDR_RST)) == (TCPHDR_ACK | TCPHDR_RST) && ack == 0))
		ack = sack = receiver->td_end;
	if ((th->flags & TCPHDR_RST) && seq == 0 && state->state == TCP_CONNTRACK_SYN_SENT)
		seq = end = sender->td_end;	/* RST answering a SYN */

	if (!before(seq, sender->td_maxend + 1)) {
		u32 overshot = end - sender->td_maxend + 1;
		bool ack_ok = after(sack, receiver->td_end - MAXACKWINDOW(sender) - 1);
		bool in_recv = receiver->td_maxwin &&
			       after(end, sender->td_end - receiver->td_maxwin - 1);

		if (in_recv && ack_ok && overshot <= receiver->td_maxwin &&
		    before(sack, receiver->td_end + 1))
			return NFCT_TCP_ACCEPT;	/* a few bytes over the window */
		return tcp_log_invalid(ct, sender, NFCT_TCP_INVALID);	/* SEQ over upper bound */
	}
	if (!before(sack, receiver->td_end + 1))
		return tcp_log_invalid(ct, sender, NFCT_TCP_INVALID);	/* ACK over upper bound */
	if (receiver->td_maxwin && !after(end, sender->td_end - receiver->td_maxwin - 1))
		return tcp_log_invalid(ct, sender, NFCT_TCP_IGNORE);	/* under lower bound */
	if (!after(sack, receiver->td_end - MAXACKWINDOW(sender) - 1))
		return tcp_log_invalid(ct, sender, NFCT_TCP_IGNORE);	/* ACK under lower bound */

	tcp_window_update(state, dir, index, th, seq, ack, sack, end);
	return NFCT_TCP_ACCEPT;
}

/* Which flag combinations are valid at all (tcp_valid_flags). */
static bool tcp_valid_flags(u8 flags)
{
	flags &= (u8)~(TCPHDR_PSH | 0x40 /* ECE */ | 0x80 /* CWR */);
	switch (flags) {
	case TCPHDR_SYN:
	case TCPHDR_SYN | TCPHDR_URG:
	case TCPHDR_SYN | TCPHDR_ACK:
	case TCPHDR_RST:
	case TCPHDR_RST | TCPHDR_ACK:
	case TCPHDR_FIN | TCPHDR_ACK:
	case TCPHDR_FIN | TCPHDR_ACK | TCPHDR_URG:
	case TCPHDR_ACK:
	case TCPHDR_ACK | TCPHDR_URG:
		return true;
	default:
		return false;
	}
}

/* A segment that opens an entry: a SYN, or anything picked up mid-way
 * with tcp_loose (tcp_new). */
static bool tcp_new(struct nf_conn *ct, const struct sk_buff *skb, unsigned int dataoff,
		    const struct tcphdr *th)
{
	u8 new_state = tcp_conntracks[0][get_conntrack_index(th)][TCP_CONNTRACK_NONE];
	struct ip_ct_tcp_state *s0 = &ct->proto.tcp.seen[0];

	if (new_state >= TCP_CONNTRACK_MAX)
		return false;
	memset(&ct->proto.tcp, 0, sizeof(ct->proto.tcp));
	s0->td_end = segment_seq_plus_len(ntohl(th->seq), skb->len, dataoff, th);
	s0->td_maxwin = ntohs(th->window) ? ntohs(th->window) : 1;
	if (new_state == TCP_CONNTRACK_SYN_SENT) {
		s0->td_maxend = s0->td_end;
		tcp_options(skb, dataoff, th, s0);
	} else {
		if (!nf_ct_pernet(ct->net)->sysctl.tcp_loose)
			return false;
		s0->td_maxend = s0->td_end + s0->td_maxwin;
		s0->flags = ct->proto.tcp.seen[1].flags =
			IP_CT_TCP_FLAG_SACK_PERM | IP_CT_TCP_FLAG_BE_LIBERAL;
	}
	ct->proto.tcp.last_index = TCP_NONE_SET;
	return true;
}

static bool tcp_error(const struct tcphdr *th, const struct sk_buff *skb, unsigned int dataoff)
{
	if (!th || th->doff * 4u < sizeof(struct tcphdr) || skb->len - dataoff < th->doff * 4u)
		return true;
	return !tcp_valid_flags(th->flags);
}

/* A packet in an ignored state: remember it, in case the other side
 * proves it right (state IGNORE in Linux's table). */
static int tcp_ignore(struct nf_conn *ct, const struct sk_buff *skb, unsigned int dataoff,
		      const struct tcphdr *th, enum ip_conntrack_dir dir, unsigned int index,
		      u8 old_state)
{
	struct ip_ct_tcp *t = &ct->proto.tcp;

	t->last_index = (u8)index;
	t->last_dir = (u8)dir;
	t->last_seq = ntohl(th->seq);
	t->last_end = segment_seq_plus_len(ntohl(th->seq), skb->len, dataoff, th);
	t->last_win = ntohs(th->window);
	if (index == TCP_SYN_SET && dir == IP_CT_DIR_ORIGINAL) {
		struct ip_ct_tcp_state seen = { 0 };

		t->last_flags = t->last_wscale = 0;
		tcp_options(skb, dataoff, th, &seen);
		if (seen.flags & IP_CT_TCP_FLAG_WINDOW_SCALE) {
			t->last_flags |= IP_CT_TCP_FLAG_WINDOW_SCALE;
			t->last_wscale = seen.td_scale;
		}
		if (seen.flags & IP_CT_TCP_FLAG_SACK_PERM)
			t->last_flags |= IP_CT_TCP_FLAG_SACK_PERM;
		if (old_state == TCP_CONNTRACK_LAST_ACK)
			t->last_flags |= IP_CT_EXP_CHALLENGE_ACK;
	}
	return NF_ACCEPT;
}

/* A SYN/ACK that answers a SYN we ignored: both ends are in sync, take
 * the SYN's values (case b of tcp_packet's IGNORE). */
static bool tcp_resync(struct nf_conn *ct, const struct tcphdr *th, enum ip_conntrack_dir dir,
		       unsigned int index)
{
	struct ip_ct_tcp *t = &ct->proto.tcp;
	struct ip_ct_tcp_state *s;

	if (index != TCP_SYNACK_SET || t->last_index != TCP_SYN_SET || t->last_dir == dir ||
	    ntohl(th->ack_seq) != t->last_end)
		return false;
	s = &t->seen[t->last_dir];
	s->td_end = s->td_maxend = t->last_end;
	s->td_maxwin = t->last_win ? t->last_win : 1;
	s->td_scale = t->last_wscale;
	s->flags = t->last_flags & (IP_CT_TCP_FLAG_WINDOW_SCALE | IP_CT_TCP_FLAG_SACK_PERM);
	memset(&t->seen[dir], 0, sizeof(t->seen[dir]));
	return true;
}

static unsigned int tcp_timeout(const struct nf_conn *ct, const struct nf_ct_sysctl *s,
				unsigned int index, u8 new_state)
{
	const int *to = s->tcp_timeouts;
	const struct ip_ct_tcp *t = &ct->proto.tcp;

	if (t->retrans >= s->tcp_max_retrans && to[new_state] > to[TCP_CONNTRACK_RETRANS])
		return (unsigned int)to[TCP_CONNTRACK_RETRANS];
	if (index == TCP_RST_SET)
		return (unsigned int)to[TCP_CONNTRACK_CLOSE];
	if (((t->seen[0].flags | t->seen[1].flags) & IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED) &&
	    to[new_state] > to[TCP_CONNTRACK_UNACK])
		return (unsigned int)to[TCP_CONNTRACK_UNACK];
	if (t->last_win == 0 && to[new_state] > to[TCP_CONNTRACK_RETRANS])
		return (unsigned int)to[TCP_CONNTRACK_RETRANS];
	return (unsigned int)to[new_state];
}

/* RST in CLOSE: check it against what the other side acknowledged. */
static int tcp_rst_check(struct nf_conn *ct, const struct tcphdr *th, enum ip_conntrack_dir dir,
			 u8 old_state, u8 *new_state)
{
	struct ip_ct_tcp *t = &ct->proto.tcp;
	u32 seq = ntohl(th->seq);
	bool established = t->state == TCP_CONNTRACK_ESTABLISHED;

	if ((t->seen[!dir].flags & IP_CT_TCP_FLAG_MAXACK_SET) && t->last_index == TCP_SYN_SET) {
		if (seq == 0 && !established)
			return 1;
		if (before(seq, t->seen[!dir].td_maxack) &&
		    !nf_ct_pernet(ct->net)->sysctl.tcp_ignore_invalid_rst)
			return -NF_ACCEPT;		/* invalid RST */
		if (!established || seq == t->seen[!dir].td_maxack)
			return 1;
		if (t->last_index == TCP_ACK_SET && t->last_dir == dir && seq == t->last_end)
			return 1;
		*new_state = old_state;		/* allow a challenge ACK */
	}
	if ((((ct->status & IPS_SEEN_REPLY) && t->last_index == TCP_SYN_SET) ||
	     (!(ct->status & IPS_ASSURED) && t->last_index == TCP_ACK_SET)) &&
	    ntohl(th->ack_seq) == t->last_end) {
		/* a RST to a SYN or ACK we let through: back out of sync */
		if (t->last_dir == IP_CT_DIR_ORIGINAL)
			*new_state = old_state;
		return 0;
	}
	return 1;
}

/* tcp_state_step's answer when the packet goes on to the window check */
#define TCP_STATE_GO_ON INT_MIN

/* The state table's answer for this segment, with the exceptions Linux
 * makes (a SYN on a closed connection, resync, challenge ACKs, simultaneous
 * open, RST checks).  Returns a verdict, or TCP_STATE_GO_ON with *old_state
 * and *new_state set. */
static int tcp_state_step(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
			  const struct tcphdr *th, enum ip_conntrack_dir dir, unsigned int index,
			  u8 *old_state, u8 *new_state)
{
	struct ip_ct_tcp *t = &ct->proto.tcp;
	int r;

	*old_state = t->state;
	*new_state = tcp_conntracks[dir][index][COL(*old_state)];
	switch (*new_state) {
	case TCP_CONNTRACK_SYN_SENT:
		if (*old_state < TCP_CONNTRACK_TIME_WAIT)
			break;
		/* a new SYN on a closed connection: kill the old entry, retry */
		if (((t->seen[dir].flags | t->seen[!dir].flags) & IP_CT_TCP_FLAG_CLOSE_INIT) ||
		    (t->last_dir == dir && t->last_index == TCP_RST_SET))
			return nf_ct_delete(ct) ? -NF_REPEAT : -NF_DROP;
		/* fall through */
	case TCP_CONNTRACK_IGNORE:
		if (tcp_resync(ct, th, dir, index)) {
			*old_state = TCP_CONNTRACK_SYN_SENT;
			*new_state = TCP_CONNTRACK_SYN_RECV;
			break;
		}
		return tcp_ignore(ct, skb, dataoff, th, dir, index, *old_state);
	case TCP_CONNTRACK_MAX:
		return -NF_ACCEPT;			/* invalid in this state */
	case TCP_CONNTRACK_TIME_WAIT:
		/* RFC 5961: a challenge ACK does not ACK the last FIN */
		if (*old_state == TCP_CONNTRACK_LAST_ACK && index == TCP_ACK_SET &&
		    t->last_dir != dir && t->last_index == TCP_SYN_SET &&
		    (t->last_flags & IP_CT_EXP_CHALLENGE_ACK)) {
			t->last_flags &= (u8)~IP_CT_EXP_CHALLENGE_ACK;
			return NF_ACCEPT;
		}
		break;
	case TCP_CONNTRACK_SYN_SENT2:
		t->last_flags |= IP_CT_TCP_SIMULTANEOUS_OPEN;
		break;
	case TCP_CONNTRACK_SYN_RECV:
		if (dir == IP_CT_DIR_REPLY && index == TCP_ACK_SET &&
		    (t->last_flags & IP_CT_TCP_SIMULTANEOUS_OPEN))
			*new_state = TCP_CONNTRACK_ESTABLISHED;
		break;
	case TCP_CONNTRACK_CLOSE:
		if (index != TCP_RST_SET)
			break;
		r = tcp_rst_check(ct, th, dir, *old_state, new_state);
		if (r < 0)
			return r;
		if (r == 0)
			return NF_ACCEPT;
		break;
	default:
		break;
	}
	return TCP_STATE_GO_ON;
}

/* The segment passed the window check: new state, events, ASSURED and the
 * timeout it earns. */
static int tcp_state_commit(struct nf_conn *ct, struct sk_buff *skb, enum ip_conntrack_info ctinfo,
			    const struct nf_ct_sysctl *s, const struct tcphdr *th,
			    unsigned int index, u8 old_state, u8 new_state)
{
	enum ip_conntrack_dir dir = CTINFO2DIR(ctinfo);
	struct ip_ct_tcp *t = &ct->proto.tcp;
	unsigned int timeout;

	t->last_index = (u8)index;
	t->last_dir = (u8)dir;
	t->state = new_state;
	if (old_state != new_state && new_state == TCP_CONNTRACK_FIN_WAIT)
		t->seen[dir].flags |= IP_CT_TCP_FLAG_CLOSE_INIT;
	timeout = tcp_timeout(ct, s, index, new_state);
	if (new_state != old_state && nf_ct_is_confirmed(ct))
		nf_conntrack_event_cache(IPCT_UPDATE, ct);

	if (!(ct->status & IPS_SEEN_REPLY)) {
		/* only a RST came back: the entry goes at once */
		if (th->flags & TCPHDR_RST) {
			nf_ct_refresh_acct(ct, ctinfo, skb, 0);
			nf_ct_delete(ct);
			return NF_ACCEPT;
		}
		/* a retransmitted SYN does not renew the timeout */
		if (index == TCP_SYN_SET && old_state == TCP_CONNTRACK_SYN_SENT) {
			nf_ct_refresh_acct(ct, ctinfo, skb, (unsigned int)nf_ct_expires(ct));
			return NF_ACCEPT;
		}
		if (new_state == TCP_CONNTRACK_ESTABLISHED &&
		    timeout > (unsigned int)s->tcp_timeouts[TCP_CONNTRACK_UNACK])
			timeout = (unsigned int)s->tcp_timeouts[TCP_CONNTRACK_UNACK];
	} else if (!(ct->status & IPS_ASSURED) &&
		   (old_state == TCP_CONNTRACK_SYN_RECV || old_state == TCP_CONNTRACK_ESTABLISHED) &&
		   new_state == TCP_CONNTRACK_ESTABLISHED) {
		ct->status |= IPS_ASSURED;
		nf_conntrack_event_cache(IPCT_UPDATE, ct);
	}
	nf_ct_refresh_acct(ct, ctinfo, skb, timeout);
	return NF_ACCEPT;
}

/* nf_conntrack_tcp_packet: state table, window check, then the update. */
static int tcp_packet(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
		      enum ip_conntrack_info ctinfo, const struct nf_hook_state *state)
{
	const struct nf_ct_sysctl *s = &nf_ct_pernet(state->net)->sysctl;
	enum ip_conntrack_dir dir = CTINFO2DIR(ctinfo);
	struct tcphdr _th;
	const struct tcphdr *th = xt_header_pointer(skb, (int)dataoff, sizeof(_th), &_th);
	unsigned int index;
	u8 old_state, new_state;
	int r;

	if (tcp_error(th, skb, dataoff))
		return -NF_ACCEPT;
	if (!nf_ct_is_confirmed(ct) && !tcp_new(ct, skb, dataoff, th))
		return -NF_ACCEPT;
	index = get_conntrack_index(th);
	r = tcp_state_step(ct, skb, dataoff, th, dir, index, &old_state, &new_state);
	if (r != TCP_STATE_GO_ON)
		return r;
	switch (tcp_in_window(ct, dir, index, skb, dataoff, th)) {
	case NFCT_TCP_IGNORE:
		return NF_ACCEPT;
	case NFCT_TCP_INVALID:
		return -NF_ACCEPT;
	case NFCT_TCP_ACCEPT:
		break;
	}
	return tcp_state_commit(ct, skb, ctinfo, s, th, index, old_state, new_state);
}

static const char *tcp_state_name(const struct nf_conn *ct)
{
	return nf_ct_tcp_state_name(ct->proto.tcp.state);
}

static int tcp_print_tuple(char *buf, size_t len, const struct nf_conntrack_tuple *t)
{
	return snprintf(buf, len, "sport=%u dport=%u ", ntohs(t->src.u.tcp.port),
			ntohs(t->dst.u.tcp.port));
}

const struct nf_conntrack_l4proto nf_conntrack_l4proto_tcp = {
	.l4proto = IPPROTO_TCP,
	.pkt_to_tuple = tcp_pkt_to_tuple,
	.invert_tuple = tcp_invert_tuple,
	.packet = tcp_packet,
	.state_name = tcp_state_name,
	.print_tuple = tcp_print_tuple,
};
