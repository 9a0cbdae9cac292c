/* World sockets for host programs (docs/LIVE.md, "Host programs with world
 * sockets").  build/libskbox-preload.so, preloaded into a program that
 * `ip netns exec` or `skbox run --bash` starts, turns each socket(AF_INET or
 * AF_INET6) into a connection to the world: an exec frame of the hidden
 * command `sockproxy`, whose stdin carries the socket calls and whose stdout
 * their results.  The program's fd is that connection, so fork, dup and exec
 * share it as they share a socket, and its last close is the socket's.
 *
 *   exec argv:  sockproxy COMM DOMAIN TYPE PROTOCOL   a new socket
 *               sockproxy COMM -a FD                  adopt an accepted one
 *   then:       one reply (ret: the world's fd, or -errno), and a request /
 *               reply loop until stdin ends (the socket is closed).
 *
 * Both ends are on one machine: host byte order, no padding surprises
 * (fixed-size fields only). */
#ifndef SKBOX_TOOLS_LIVE_SOCK_H
#define SKBOX_TOOLS_LIVE_SOCK_H

#include <stdint.h>

#define LSOCK_CMD "sockproxy"
#define LSOCK_DATA_MAX (256u << 10)	/* bytes of one send or recv */
#define LSOCK_ADDR_MAX 128
#define LSOCK_CTRL_MAX 1024
#define LSOCK_OPT_MAX 1024

enum lsock_op {
	LSOCK_BIND = 1,		/* payload: address */
	LSOCK_CONNECT,		/* a: non-blocking; payload: address */
	LSOCK_LISTEN,		/* a: backlog */
	LSOCK_ACCEPT,		/* a: non-blocking; reply: the new fd, address */
	LSOCK_SENDMSG,		/* a: flags; payload: u32 namelen, u32 ctrllen, name, ctrl, data */
	LSOCK_RECVMSG,		/* a: flags, b: length; payload: u32 ctrl room, u32 name room */
	LSOCK_SETSOCKOPT,	/* a: level, b: name; payload: value */
	LSOCK_GETSOCKOPT,	/* a: level, b: name; payload: u32 room; reply data: value */
	LSOCK_GETSOCKNAME,	/* reply: address */
	LSOCK_GETPEERNAME,	/* reply: address */
	LSOCK_SHUTDOWN,		/* a: how */
	LSOCK_POLL,		/* a: events; the reply (flags: revents) comes once one
				 * is ready, or at once after a LSOCK_CANCEL */
	LSOCK_CANCEL,		/* ends a pending LSOCK_POLL; no reply of its own */
	LSOCK_FIONREAD,		/* reply ret: bytes readable */
	LSOCK_IOCTL,		/* a: SIOCINQ, SIOCOUTQ or SIOCOUTQNSD; reply ret: its value */
	LSOCK_OP_MAX,
};

#define LSOCK_F_NONBLOCK 0x100u	/* or'ed into op: the program's fd is O_NONBLOCK */

struct lsock_req {
	uint32_t op;
	int32_t a;
	int32_t b;
	uint32_t len;		/* payload bytes that follow */
};

struct lsock_rep {
	int64_t ret;		/* >= 0, or -errno */
	int32_t flags;		/* msg_flags of a recvmsg; revents of a poll */
	uint32_t addrlen;	/* then the address, */
	uint32_t ctrllen;	/* the control messages, */
	uint32_t datalen;	/* and the data */
};

#endif
