/* SPDX-License-Identifier: GPL-2.0 */
/* The socket-layer operations of AF_INET that other families share, as
 * Linux's include/net/inet_common.h. */
#ifndef _INET_COMMON_H
#define _INET_COMMON_H

#include <stddef.h>

struct msghdr;
struct net;
struct socket;

int inet_create(struct net *net, struct socket *sock, int type, int protocol);
int inet_setsockopt(struct socket *sock, int level, int name, const void *val,
		    unsigned int len);
int inet_getsockopt(struct socket *sock, int level, int name, void *val, unsigned int *len);
int inet_sendmsg(struct socket *sock, const struct msghdr *m, size_t len, int flags);
int inet_recvmsg(struct socket *sock, struct msghdr *m, size_t len, int flags);

#endif
