/* epoll (fs/eventpoll.c) for the world's sockets: an eventpoll holds the
 * interest list (one epitem per fd), each item hooked on its socket's wait
 * queue (sk->sk_wq) by a wait entry whose callback, ep_poll_callback(),
 * puts the item on the ready list and wakes the tasks parked in
 * epoll_wait().  sk_data_ready, sk_write_space and sk_state_change all
 * wake sk_wq, so they all reach it.  epoll_wait() polls each ready item
 * again (ep_item_poll → proto_ops.poll) and reports what is ready and asked
 * for: a level-triggered item goes back on the ready list to be checked at
 * the next call, an EPOLLET item waits for the next wakeup, an
 * EPOLLONESHOT item is disabled until EPOLL_CTL_MOD.  skbox's wakeups carry
 * no poll key, so an item may be rechecked on a wakeup Linux would filter
 * out (a write-space wakeup for an EPOLLIN item): the recheck reports it
 * only if it is ready, so this costs time, never a wrong event — but an
 * EPOLLET item that is still ready is reported again on such a wakeup. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include "linux/eventpoll.h"
#include "linux/slab.h"
#include "net/sock.h"
#include "net/world.h"
#include "skbox/socket.h"

/* Bits of epoll_event.events that are not poll events (EP_PRIVATE_BITS) */
#define EP_PRIVATE_BITS (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EP_MAX_NESTS 4
#define EP_MAX_EVENTS (INT32_MAX / (int)sizeof(struct epoll_event))

struct eventpoll {
	struct socket file;		/* first: the fd table holds &ep->file */
	struct list_head items;		/* struct epitem.node: the interest list */
	struct list_head rdllist;	/* struct epitem.rdllink: ready */
	struct wait_queue_head wq;	/* epoll_wait()ers, and pollers of this fd */
};

struct epitem {
	struct list_head node;		/* ep->items */
	struct list_head rdllink;	/* ep->rdllist; self-linked when not ready */
	struct list_head fllink;	/* the target's ep_links */
	struct eventpoll *ep;
	struct socket *sock;		/* the target */
	int fd;
	struct epoll_event event;
	struct wait_queue_entry wait;	/* on the target's wait queue */
};

static unsigned int ep_eventpoll_poll(struct socket *sock);
static int ep_eventpoll_release(struct socket *sock);

static const struct proto_ops eventpoll_ops = {
	.release = ep_eventpoll_release,
	.poll = ep_eventpoll_poll,
};

static struct eventpoll *ep_of(struct socket *sock)
{
	return container_of(sock, struct eventpoll, file);
}

bool is_file_epoll(const struct socket *sock)
{
	return sock->ops == &eventpoll_ops;
}

struct wait_queue_head *sock_wait_head(struct socket *sock)
{
	return is_file_epoll(sock) ? &ep_of(sock)->wq : &sock->sk->sk_wq;
}

static void sock_ep_links_init(struct socket *sock)
{
	if (!sock->ep_links.next)	/* kzalloc'd: not yet on any epoll */
		INIT_LIST_HEAD(&sock->ep_links);
}

static unsigned int ep_item_poll(const struct epitem *epi)
{
	return epi->sock->ops->poll(epi->sock) & epi->event.events;
}

/* ep_poll_callback(): the target woke its queue; the item is (maybe) ready */
static void ep_poll_callback(struct wait_queue_entry *wait)
{
	struct epitem *epi = container_of(wait, struct epitem, wait);
	struct eventpoll *ep = epi->ep;

	if (!(epi->event.events & ~EP_PRIVATE_BITS))
		return;			/* a fired EPOLLONESHOT: disabled */
	if (list_empty(&epi->rdllink))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	wake_up(&ep->wq);
}

/* An epoll fd is readable when one of its ready items really is ready. */
static unsigned int ep_eventpoll_poll(struct socket *sock)
{
	struct eventpoll *ep = ep_of(sock);
	struct epitem *epi;

	list_for_each_entry(epi, &ep->rdllist, rdllink)
		if (ep_item_poll(epi))
			return POLLIN | POLLRDNORM;
	return 0;
}

static void ep_remove(struct epitem *epi)
{
	list_del(&epi->wait.entry);
	list_del(&epi->node);
	list_del(&epi->rdllink);
	list_del(&epi->fllink);
	free(epi);
}

static int ep_eventpoll_release(struct socket *sock)
{
	struct eventpoll *ep = ep_of(sock);
	struct epitem *epi, *n;

	list_for_each_entry_safe(epi, n, &ep->items, node)
		ep_remove(epi);
	return 0;
}

void eventpoll_release(struct socket *sock)
{
	struct epitem *epi, *n;

	if (!sock->ep_links.next)
		return;
	list_for_each_entry_safe(epi, n, &sock->ep_links, fllink)
		ep_remove(epi);
}

static struct epitem *ep_find(struct eventpoll *ep, const struct socket *sock, int fd)
{
	struct epitem *epi;

	list_for_each_entry(epi, &ep->items, node)
		if (epi->sock == sock && epi->fd == fd)
			return epi;
	return NULL;
}

/* The item may be ready now: put it on the ready list (ep_insert/ep_modify). */
static void ep_check_ready(struct epitem *epi)
{
	if (ep_item_poll(epi) && list_empty(&epi->rdllink)) {
		list_add_tail(&epi->rdllink, &epi->ep->rdllist);
		wake_up(&epi->ep->wq);
	}
}

static int ep_insert(struct eventpoll *ep, const struct epoll_event *event,
		     struct socket *sock, int fd)
{
	struct epitem *epi = kzalloc(sizeof(*epi));

	if (!epi)
		return -ENOMEM;
	epi->ep = ep;
	epi->sock = sock;
	epi->fd = fd;
	epi->event = *event;
	INIT_LIST_HEAD(&epi->rdllink);
	list_add_tail(&epi->node, &ep->items);
	sock_ep_links_init(sock);
	list_add_tail(&epi->fllink, &sock->ep_links);
	epi->wait.task = NULL;
	epi->wait.func = ep_poll_callback;
	list_add_tail(&epi->wait.entry, &sock_wait_head(sock)->head);
	ep_check_ready(epi);
	return 0;
}

static int ep_modify(struct epitem *epi, const struct epoll_event *event)
{
	epi->event = *event;
	ep_check_ready(epi);
	return 0;
}

/* ep_loop_check(): would watching `to` from `from` close a cycle, or nest
 * deeper than EP_MAX_NESTS? */
static bool ep_loop_check(struct eventpoll *from, struct eventpoll *to, int depth)
{
	struct epitem *epi;

	if (to == from || depth > EP_MAX_NESTS)
		return true;
	list_for_each_entry(epi, &to->items, node)
		if (is_file_epoll(epi->sock) && ep_loop_check(from, ep_of(epi->sock), depth + 1))
			return true;
	return false;
}

/* ep_send_events(): report the ready items that are still ready. */
static int ep_send_events(struct eventpoll *ep, struct epoll_event *events, int maxevents)
{
	struct list_head txlist;
	int n = 0;

	INIT_LIST_HEAD(&txlist);
	if (!list_empty(&ep->rdllist)) {	/* splice rdllist onto txlist */
		txlist.next = ep->rdllist.next;
		txlist.prev = ep->rdllist.prev;
		txlist.next->prev = &txlist;
		txlist.prev->next = &txlist;
		INIT_LIST_HEAD(&ep->rdllist);
	}
	while (!list_empty(&txlist) && n < maxevents) {
		struct epitem *epi = list_entry(txlist.next, struct epitem, rdllink);
		unsigned int revents;

		list_del(&epi->rdllink);
		revents = ep_item_poll(epi);
		if (!revents)
			continue;
		events[n].events = revents;
		events[n].data = epi->event.data;
		n++;
		if (epi->event.events & EPOLLONESHOT)
			epi->event.events &= EP_PRIVATE_BITS;
		else if (!(epi->event.events & EPOLLET))
			list_add_tail(&epi->rdllink, &ep->rdllist);
	}
	while (!list_empty(&txlist)) {	/* not reached: back first, in order */
		struct list_head *last = txlist.prev;

		list_del(last);
		list_add(last, &ep->rdllist);
	}
	return n;
}

int skbox_epoll_create1(struct world *w, int flags)
{
	struct eventpoll *ep;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	ep->file.ops = &eventpoll_ops;
	INIT_LIST_HEAD(&ep->items);
	INIT_LIST_HEAD(&ep->rdllist);
	init_waitqueue_head(&ep->wq);
	fd = fd_install(w, &ep->file);
	if (fd < 0)
		free(ep);
	return fd;
}

int skbox_epoll_create(struct world *w, int size)
{
	return size <= 0 ? -EINVAL : skbox_epoll_create1(w, 0);
}

static bool ep_op_has_event(int op)
{
	return op != EPOLL_CTL_DEL;
}

/* do_epoll_ctl(): the checks in Linux's order, then the operation */
int skbox_epoll_ctl(struct world *w, int epfd, int op, int fd, struct epoll_event *event)
{
	struct socket *file = sockfd_lookup(w, epfd), *tf;
	struct epoll_event ev;
	struct eventpoll *ep;
	struct epitem *epi;

	if (ep_op_has_event(op) && !event)
		return -EFAULT;
	if (!file)
		return -EBADF;
	tf = sockfd_lookup(w, fd);
	if (!tf)
		return -EBADF;
	if (ep_op_has_event(op)) {
		ev = *event;
		if ((ev.events & EPOLLEXCLUSIVE) &&
		    (op == EPOLL_CTL_MOD || (op == EPOLL_CTL_ADD && (is_file_epoll(tf) ||
		     (ev.events & ~(EPOLLEXCLUSIVE | EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP |
				    EPOLLRDHUP | EPOLLWAKEUP | EPOLLET | EPOLLRDNORM |
				    EPOLLRDBAND | EPOLLWRNORM | EPOLLWRBAND))))))
			return -EINVAL;
		ev.events |= EPOLLERR | EPOLLHUP;
	}
	if (file == tf || !is_file_epoll(file))
		return -EINVAL;
	ep = ep_of(file);
	epi = ep_find(ep, tf, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		if (epi)
			return -EEXIST;
		if (is_file_epoll(tf) && ep_loop_check(ep, ep_of(tf), 1))
			return -ELOOP;
		return ep_insert(ep, &ev, tf, fd);
	case EPOLL_CTL_DEL:
		if (!epi)
			return -ENOENT;
		ep_remove(epi);
		return 0;
	case EPOLL_CTL_MOD:
		if (!epi)
			return -ENOENT;
		if (epi->event.events & EPOLLEXCLUSIVE)
			return -EINVAL;
		return ep_modify(epi, &ev);
	}
	return -EINVAL;
}

/* ep_poll(): report what is ready, or park until a callback wakes us, the
 * timeout (ms; -1 forever, 0 never parks) passes, or a signal comes. */
int skbox_epoll_wait(struct world *w, int epfd, struct epoll_event *events, int maxevents,
		     int timeout_ms)
{
	struct socket *file = sockfd_lookup(w, epfd);
	u64 deadline = timeout_ms < 0 ? 0 : w->now + (u64)timeout_ms * NSEC_PER_MSEC;
	struct eventpoll *ep;

	if (maxevents <= 0 || maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	if (!events)
		return -EFAULT;
	if (!file)
		return -EBADF;
	if (!is_file_epoll(file))
		return -EINVAL;
	ep = ep_of(file);
	for (;;) {
		int n = ep_send_events(ep, events, maxevents), err;

		if (n || timeout_ms == 0 || !w->current)
			return n;
		if (timeout_ms > 0 && w->now >= deadline)
			return 0;
		err = task_wait(w, &ep->wq, timeout_ms < 0 ? 0 : deadline - w->now);
		if (err == -EINTR)
			return -EINTR;
	}
}
