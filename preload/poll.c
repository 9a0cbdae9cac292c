/* poll/ppoll/select/pselect over world sockets and host fds together.
 *
 * Each world socket in the set gets one LSOCK_POLL request: its sockproxy
 * answers once the socket is ready.  Meanwhile the host fds and the world
 * connections are polled together; the first ready ends the wait, and the
 * world polls not answered yet are cancelled (each then answers with what
 * is ready at that moment, which counts too). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "preload.h"

struct wpoll {
	int fd;
	struct wsock *ws;
	short events;
	short revents;
	bool answered;
};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One entry per world socket (an fd twice, or two dups, merge). */
static size_t wpoll_build(struct pollfd *fds, nfds_t n, struct wpoll *wp)
{
	size_t k = 0;

	for (nfds_t i = 0; i < n; i++) {
		struct wsock *ws = ws_get(fds[i].fd);
		size_t j;

		if (!ws)
			continue;
		for (j = 0; j < k && wp[j].ws != ws; j++)
			;
		if (j == k)
			wp[k++] = (struct wpoll){ .fd = fds[i].fd, .ws = ws };
		wp[j].events |= fds[i].events;
	}
	return k;
}

static void wpoll_answer(struct wpoll *w)
{
	struct lsock_rep rep;

	w->answered = true;
	if (ws_reply(w->fd, w->ws, &rep, NULL))
		w->revents = POLLERR | POLLHUP;
	else
		w->revents = (short)rep.flags;
	w->ws->poll_pending = false;
}

/* Takes in what the connection has; answers the poll if its reply came. */
static void wpoll_take(struct wpoll *w, short revents)
{
	if (w->answered)
		return;
	if (revents && ws_pump(w->fd, w->ws, 0) < 0 && w->ws->dead) {
		w->answered = true;
		w->revents = POLLERR | POLLHUP;
		return;
	}
	if (ws_have_reply(w->ws))
		wpoll_answer(w);
}

static void wpoll_cancel(struct wpoll *wp, size_t k)
{
	for (size_t j = 0; j < k; j++) {
		if (wp[j].answered)
			continue;
		if (ws_request(wp[j].fd, wp[j].ws, LSOCK_CANCEL, 0, 0, NULL, 0, NULL, 0)) {
			wp[j].answered = true;
			wp[j].revents = POLLERR | POLLHUP;
			continue;
		}
		wpoll_answer(&wp[j]);
	}
}

/* The host fds as given, then each unanswered world connection (POLLIN). */
static int wpoll_round(struct pollfd *fds, nfds_t n, struct wpoll *wp, size_t k,
		       struct pollfd *pf, int timeout)
{
	size_t m = 0;
	int rc, ready = 0;

	for (nfds_t i = 0; i < n; i++)
		pf[m++] = ws_get(fds[i].fd) ? (struct pollfd){ .fd = -1 } : fds[i];
	for (size_t j = 0; j < k; j++)
		pf[m++] = (struct pollfd){ .fd = wp[j].answered ? -1 : wp[j].fd,
					   .events = POLLIN };
	rc = real.poll(pf, m, timeout);
	if (rc < 0)
		return -1;
	for (nfds_t i = 0; i < n; i++) {
		if (pf[i].fd >= 0)
			fds[i].revents = pf[i].revents;
		ready += pf[i].fd >= 0 && pf[i].revents;
	}
	for (size_t j = 0; j < k; j++) {
		wpoll_take(&wp[j], pf[n + j].revents);
		ready += wp[j].answered && wp[j].revents;
	}
	return ready;
}

static int wpoll_result(struct pollfd *fds, nfds_t n, struct wpoll *wp, size_t k)
{
	int ready = 0;

	for (nfds_t i = 0; i < n; i++) {
		struct wsock *ws = ws_get(fds[i].fd);

		for (size_t j = 0; ws && j < k; j++)
			if (wp[j].ws == ws)
				fds[i].revents = wp[j].revents &
						 (fds[i].events | POLLERR | POLLHUP | POLLNVAL);
		ready += fds[i].revents != 0;
	}
	return ready;
}

static int ws_poll(struct pollfd *fds, nfds_t n, int timeout, struct wpoll *wp, size_t k)
{
	struct pollfd *pf = calloc(n + k, sizeof(*pf));
	long long deadline = timeout < 0 ? -1 : now_ms() + timeout;
	int ready = 0, err = 0;

	if (!pf)
		return errno = ENOMEM, -1;
	for (nfds_t i = 0; i < n; i++)
		fds[i].revents = 0;
	for (size_t j = 0; j < k; j++) {
		if (ws_request(wp[j].fd, wp[j].ws, LSOCK_POLL, wp[j].events, 0, NULL, 0, NULL, 0))
			wp[j] = (struct wpoll){ .fd = wp[j].fd, .ws = wp[j].ws, .answered = true,
						.revents = POLLERR | POLLHUP };
		else
			wp[j].ws->poll_pending = true;
	}
	while (!ready) {
		long long left = deadline < 0 ? -1 : deadline - now_ms();

		if (deadline >= 0 && left < 0)
			left = 0;
		ready = wpoll_round(fds, n, wp, k, pf, (int)left);
		if (ready < 0) {
			err = errno;
			break;
		}
		if (!ready && left == 0)
			break;
	}
	wpoll_cancel(wp, k);
	free(pf);
	ready = wpoll_result(fds, n, wp, k);
	if (err && !ready)
		return errno = err, -1;
	return ready;
}

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	struct wpoll *wp;
	size_t k;
	int rc;

	preload_ready();
	if (!n || !(wp = calloc(n, sizeof(*wp))))
		return real.poll(fds, n, timeout);
	k = wpoll_build(fds, n, wp);
	rc = k ? ws_poll(fds, n, timeout, wp, k) : real.poll(fds, n, timeout);
	free(wp);
	return rc;
}

int __poll_chk(struct pollfd *fds, nfds_t n, int timeout, size_t fdslen)
{
	if (fdslen / sizeof(*fds) < n)
		abort();
	return poll(fds, n, timeout);
}

static int ts_ms(const struct timespec *ts)
{
	long long ms;

	if (!ts)
		return -1;
	ms = (long long)ts->tv_sec * 1000 + (ts->tv_nsec + 999999) / 1000000;
	return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

static bool any_world(struct pollfd *fds, nfds_t n)
{
	for (nfds_t i = 0; i < n; i++)
		if (ws_get(fds[i].fd))
			return true;
	return false;
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask)
{
	sigset_t old;
	int rc;

	if (!any_world(fds, n))
		return real.ppoll(fds, n, ts, mask);
	if (mask)
		sigprocmask(SIG_SETMASK, mask, &old);
	rc = poll(fds, n, ts_ms(ts));
	if (mask) {
		int err = errno;

		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = err;
	}
	return rc;
}

/* ---- select: the same over fd_sets ---- */

static bool sets_have_world(int nfds, fd_set *r, fd_set *w, fd_set *e)
{
	for (int fd = 0; fd < nfds && fd < FD_SETSIZE; fd++)
		if (((r && FD_ISSET(fd, r)) || (w && FD_ISSET(fd, w)) || (e && FD_ISSET(fd, e))) &&
		    ws_get(fd))
			return true;
	return false;
}

static int select_poll(int nfds, fd_set *r, fd_set *w, fd_set *e, int timeout)
{
	struct pollfd *pf = calloc((size_t)nfds, sizeof(*pf));
	nfds_t n = 0;
	int rc, count = 0;

	if (!pf)
		return errno = ENOMEM, -1;
	for (int fd = 0; fd < nfds; fd++) {
		short ev = (short)((r && FD_ISSET(fd, r) ? POLLIN : 0) |
				   (w && FD_ISSET(fd, w) ? POLLOUT : 0) |
				   (e && FD_ISSET(fd, e) ? POLLPRI : 0));

		if (ev)
			pf[n++] = (struct pollfd){ .fd = fd, .events = ev };
	}
	rc = poll(pf, n, timeout);
	if (rc >= 0) {
		for (nfds_t i = 0; i < n; i++) {
			int fd = pf[i].fd;
			short re = pf[i].revents;

			if (r && FD_ISSET(fd, r) && !(re & (POLLIN | POLLHUP | POLLERR)))
				FD_CLR(fd, r);
			if (w && FD_ISSET(fd, w) && !(re & (POLLOUT | POLLERR)))
				FD_CLR(fd, w);
			if (e && FD_ISSET(fd, e) && !(re & POLLPRI))
				FD_CLR(fd, e);
			count += (r && FD_ISSET(fd, r)) + (w && FD_ISSET(fd, w)) +
				 (e && FD_ISSET(fd, e));
		}
		rc = count;
	}
	free(pf);
	return rc;
}

int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
	int timeout;

	if (!sets_have_world(nfds, r, w, e))
		return real.select(nfds, r, w, e, tv);
	timeout = tv ? (int)(tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000) : -1;
	return select_poll(nfds, r, w, e, timeout);
}

int pselect(int nfds, fd_set *r, fd_set *w, fd_set *e, const struct timespec *ts,
	    const sigset_t *mask)
{
	sigset_t old;
	int rc;

	if (!sets_have_world(nfds, r, w, e))
		return real.pselect(nfds, r, w, e, ts, mask);
	if (mask)
		sigprocmask(SIG_SETMASK, mask, &old);
	rc = select_poll(nfds, r, w, e, ts_ms(ts));
	if (mask) {
		int err = errno;

		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = err;
	}
	return rc;
}
