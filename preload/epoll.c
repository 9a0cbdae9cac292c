/* epoll_create/epoll_create1/epoll_ctl/epoll_wait/epoll_pwait over world
 * sockets and host fds together (asyncio, selectors.EpollSelector).
 *
 * The epoll fd is the host's, and host fds go on it as usual.  A world
 * socket cannot: its fd is a connection to the world, whose readiness is
 * not the socket's.  So each epoll fd made here keeps its world sockets in
 * a list of its own, and epoll_wait() with any of them polls them together
 * with the epoll fd itself (poll.c: one LSOCK_POLL per world socket), then
 * takes the host events with a zero-timeout epoll_wait on the real fd.
 *
 * Level-triggered by default, as the kernel; EPOLLONESHOT disables an item
 * until EPOLL_CTL_MOD; an EPOLLET item is not reported again for what it
 * reported until the program makes a call on that socket (a read or write
 * re-arms it: the approximation of "something new happened").  The last
 * close() of a world socket takes it off every epoll, as the kernel does
 * when the file goes.  Errors as epoll_ctl(2): EEXIST, ENOENT, EBADF,
 * EINVAL (epfd not an epoll, or fd == epfd), EFAULT. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include "preload.h"

#define EP_PRIVATE (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)

struct pep_item {
	int fd;
	struct wsock *ws;
	struct epoll_event ev;		/* events with EPOLLERR | EPOLLHUP */
	uint32_t fired;			/* EPOLLET: reported since ws->gen was armed */
	unsigned long gen;
};

struct pep {
	int epfd;
	struct pep_item *items;
	size_t n, cap;
};

static struct pep **peps;
static size_t npeps;

static struct pep *pep_find(int epfd)
{
	for (size_t i = 0; i < npeps; i++)
		if (peps[i]->epfd == epfd)
			return peps[i];
	return NULL;
}

static int pep_new(int epfd)
{
	struct pep **t, *p;

	if (epfd < 0)
		return epfd;
	p = calloc(1, sizeof(*p));
	t = p ? realloc(peps, (npeps + 1) * sizeof(*peps)) : NULL;
	if (!t) {
		free(p);
		real.close(epfd);
		return errno = ENOMEM, -1;
	}
	peps = t;
	p->epfd = epfd;
	peps[npeps++] = p;
	return epfd;
}

int epoll_create1(int flags)
{
	preload_ready();
	return pep_new(real.epoll_create1(flags));
}

int epoll_create(int size)
{
	preload_ready();
	return pep_new(real.epoll_create(size));
}

/* close(): an epoll fd forgets its list. */
void pep_close_fd(int fd)
{
	for (size_t i = 0; i < npeps; i++) {
		if (peps[i]->epfd != fd)
			continue;
		free(peps[i]->items);
		free(peps[i]);
		peps[i] = peps[--npeps];
		return;
	}
}

static void pep_del(struct pep *p, size_t i)
{
	p->items[i] = p->items[--p->n];
}

/* The last close() of a world socket: off every epoll (eventpoll_release). */
void pep_forget_ws(const struct wsock *ws)
{
	for (size_t i = 0; i < npeps; i++)
		for (size_t j = peps[i]->n; j-- > 0;)
			if (peps[i]->items[j].ws == ws)
				pep_del(peps[i], j);
}

static struct pep_item *pep_item(struct pep *p, int fd)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].fd == fd)
			return &p->items[i];
	return NULL;
}

static int pep_add(struct pep *p, int fd, struct wsock *ws, const struct epoll_event *ev)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 8;
		struct pep_item *t = realloc(p->items, cap * sizeof(*t));

		if (!t)
			return errno = ENOMEM, -1;
		p->items = t;
		p->cap = cap;
	}
	p->items[p->n++] = (struct pep_item){ .fd = fd, .ws = ws, .ev = *ev };
	return 0;
}

static int pep_ctl(struct pep *p, int op, int fd, struct wsock *ws, struct epoll_event *event)
{
	struct pep_item *it = pep_item(p, fd);
	struct epoll_event ev;

	if (op != EPOLL_CTL_DEL) {
		if (!event)
			return errno = EFAULT, -1;
		ev = *event;
		ev.events |= EPOLLERR | EPOLLHUP;
	}
	switch (op) {
	case EPOLL_CTL_ADD:
		return it ? (errno = EEXIST, -1) : pep_add(p, fd, ws, &ev);
	case EPOLL_CTL_MOD:
		if (!it)
			return errno = ENOENT, -1;
		*it = (struct pep_item){ .fd = fd, .ws = ws, .ev = ev };
		return 0;
	case EPOLL_CTL_DEL:
		if (!it)
			return errno = ENOENT, -1;
		pep_del(p, (size_t)(it - p->items));
		return 0;
	}
	return errno = EINVAL, -1;
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	struct wsock *ws = ws_get(fd);
	struct pep *p;

	if (!ws)
		return real.epoll_ctl(epfd, op, fd, event);
	p = pep_find(epfd);
	if (!p || fd == epfd)
		return errno = real.fcntl(epfd, F_GETFD) < 0 ? EBADF : EINVAL, -1;
	return pep_ctl(p, op, fd, ws, event);
}

/* What the item waits for now: nothing when a oneshot fired, and for
 * EPOLLET not what it reported since the program last used the socket. */
static uint32_t pep_armed(struct pep_item *it)
{
	uint32_t ev = it->ev.events & ~(uint32_t)EP_PRIVATE;

	if ((it->ev.events & EPOLLET) && it->gen != it->ws->gen)
		it->fired = 0;
	return (it->ev.events & EPOLLET) ? ev & ~it->fired : ev;
}

static void pep_fired(struct pep_item *it, uint32_t revents)
{
	if (it->ev.events & EPOLLONESHOT)
		it->ev.events &= EP_PRIVATE;
	if (it->ev.events & EPOLLET) {
		it->fired |= revents;
		it->gen = it->ws->gen;
	}
}

/* One round: poll the epoll fd and the armed world sockets, then collect. */
static int pep_round(struct pep *p, struct epoll_event *events, int maxevents, int timeout,
		     struct pollfd *pf, size_t *idx)
{
	size_t k = 1;
	int n = 0, rc;

	pf[0] = (struct pollfd){ .fd = p->epfd, .events = POLLIN };
	for (size_t i = 0; i < p->n; i++) {
		uint32_t armed = pep_armed(&p->items[i]);

		if (!armed)
			continue;
		idx[k] = i;
		pf[k++] = (struct pollfd){ .fd = p->items[i].fd, .events = (short)armed };
	}
	rc = poll(pf, k, timeout);
	if (rc <= 0)
		return rc;
	if (pf[0].revents & POLLIN) {
		n = real.epoll_wait(p->epfd, events, maxevents, 0);
		if (n < 0)
			return -1;
	}
	for (size_t j = 1; j < k && n < maxevents; j++) {
		struct pep_item *it = &p->items[idx[j]];
		uint32_t re = (uint32_t)(unsigned short)pf[j].revents & pep_armed(it);

		if (!re)
			continue;
		events[n].events = re;
		events[n++].data = it->ev.data;
		pep_fired(it, re);
	}
	return n;
}

static long long pep_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)
{
	struct pep *p = pep_find(epfd);
	long long deadline = timeout < 0 ? -1 : pep_now_ms() + timeout;
	struct pollfd *pf;
	size_t *idx;
	int n;

	preload_ready();
	if (!p || !p->n || maxevents <= 0)
		return real.epoll_wait(epfd, events, maxevents, timeout);
	pf = calloc(p->n + 1, sizeof(*pf));
	idx = calloc(p->n + 1, sizeof(*idx));
	if (!pf || !idx) {
		free(pf);
		free(idx);
		return errno = ENOMEM, -1;
	}
	for (;;) {
		long long left = deadline < 0 ? -1 : deadline - pep_now_ms();

		n = pep_round(p, events, maxevents, left < -1 ? 0 : (int)left, pf, idx);
		if (n != 0 || (deadline >= 0 && pep_now_ms() >= deadline))
			break;
	}
	free(pf);
	free(idx);
	return n;
}

int epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout,
		const sigset_t *mask)
{
	struct pep *p = pep_find(epfd);
	sigset_t old;
	int rc;

	preload_ready();
	if (!p || !p->n)
		return real.epoll_pwait(epfd, events, maxevents, timeout, mask);
	if (mask)
		sigprocmask(SIG_SETMASK, mask, &old);
	rc = epoll_wait(epfd, events, maxevents, timeout);
	if (mask) {
		int err = errno;

		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = err;
	}
	return rc;
}
