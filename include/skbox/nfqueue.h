/* Reading an NFQUEUE from inside a world (the part of libnetfilter_queue
 * a program uses: bind a queue, receive packets, give verdicts).  Packets
 * that `-j NFQUEUE --queue-num N` sends to queue N of the namespace wait
 * for skbox_nfq_verdict(); without a reader they are dropped (or accepted
 * with --queue-bypass), as on Linux.
 *
 *	struct skbox_nfq *q = skbox_nfq_open(w, 3);	// in the task's namespace
 *	struct skbox_nfq_packet p;
 *	while (skbox_nfq_recv(w, q, &p, -1) == 0)
 *		skbox_nfq_verdict(q, p.id, NF_ACCEPT, NULL, NULL, 0);
 *	skbox_nfq_close(q);
 *
 * Results are >= 0 or -errno, as the socket API (include/skbox/socket.h).
 * A blocking recv parks the calling task (only inside a task).
 */
#ifndef SKBOX_NFQUEUE_H
#define SKBOX_NFQUEUE_H

#include <stddef.h>
#include <stdint.h>

struct world;
struct skbox_nfq;

/* Verdicts (the values of <linux/netfilter.h>) */
#define SKBOX_NF_DROP 0
#define SKBOX_NF_ACCEPT 1
#define SKBOX_NF_REPEAT 4
#define SKBOX_NF_STOP 5

/* Flags of skbox_nfq_set_flags (NFQA_CFG_F_*) */
#define SKBOX_NFQ_F_FAIL_OPEN 0x1	/* queue full: accept instead of dropping */

/* Copy modes (NFQNL_COPY_*) */
#define SKBOX_NFQ_COPY_NONE 0
#define SKBOX_NFQ_COPY_META 1
#define SKBOX_NFQ_COPY_PACKET 2

struct skbox_nfq_packet {
	uint32_t id;			/* answer with this */
	uint16_t hw_protocol;		/* ETH_P_IP, host order */
	uint8_t hook;			/* NF_INET_* */
	uint32_t mark;
	uint32_t indev, outdev;		/* ifindex, 0 = none */
	const uint8_t *payload;		/* from the IP header; valid until the next recv */
	size_t payload_len;		/* copied bytes (copy range) */
	size_t len;			/* the packet's length */
};

/* Bind queue queue_num of the current task's namespace (the world's first
 * namespace outside a task); copy mode PACKET, range 65535, maxlen 1024.
 * NULL with *err = -EBUSY when another reader has it. */
struct skbox_nfq *skbox_nfq_open(struct world *w, unsigned int queue_num, int *err);
/* Queued packets left unanswered are dropped, as when a reader exits. */
void skbox_nfq_close(struct skbox_nfq *q);
int skbox_nfq_set_maxlen(struct skbox_nfq *q, uint32_t maxlen);
int skbox_nfq_set_flags(struct skbox_nfq *q, uint32_t flags);
int skbox_nfq_set_mode(struct skbox_nfq *q, uint8_t mode, uint32_t range);
/* The next packet not yet received: 0; -EAGAIN after timeout_ms (0: do not
 * wait, -1: forever); -EINTR on a signal; -ENODEV when the namespace went. */
int skbox_nfq_recv(struct world *w, struct skbox_nfq *q, struct skbox_nfq_packet *pkt,
		   int timeout_ms);
/* The verdict for packet id; mark (if not NULL) sets skb->mark; payload
 * (if not NULL) replaces the packet from its IP header on.  -ENOENT for an
 * unknown id, -EINVAL for a bad verdict or payload. */
int skbox_nfq_verdict(struct skbox_nfq *q, uint32_t id, unsigned int verdict,
		      const uint32_t *mark, const void *payload, size_t len);
/* Lines of /proc/net/netfilter/nfnetlink_queue for the namespace of the
 * current task: queue, portid, waiting, copy mode, range, dropped, user
 * dropped, last id, 1.  Returns the length written (as snprintf). */
int skbox_nfq_proc(struct world *w, char *buf, size_t len);

#endif
