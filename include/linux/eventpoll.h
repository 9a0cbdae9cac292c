/* epoll instances inside the world (fs/eventpoll.c): what net/socket.c needs
 * to know about them.  An epoll fd sits in the world's fd table as a struct
 * socket with eventpoll_ops and no sock. */
#ifndef SKBOX_LINUX_EVENTPOLL_H
#define SKBOX_LINUX_EVENTPOLL_H

#include <stdbool.h>

struct world;
struct socket;
struct wait_queue_head;

/* net/socket.c: the fd table */
struct socket *sockfd_lookup(struct world *w, int fd);
int fd_install(struct world *w, struct socket *sock);

bool is_file_epoll(const struct socket *sock);
/* The wait queue a poller of this fd parks on: the sock's, or the epoll's. */
struct wait_queue_head *sock_wait_head(struct socket *sock);
/* close(): the fd leaves every epoll interest list it is on. */
void eventpoll_release(struct socket *sock);

#endif
