/* The kernel's side of the bridge-udp benchmark (run by tests/bench/run.sh
 * inside namespaces it creates): 64-byte UDP datagrams with sendmmsg, and a
 * receiver that counts them with recvmmsg.
 *   kernel_udp send ADDR PORT N      sends N datagrams, 64 per sendmmsg
 *   kernel_udp recv PORT             counts until 0.5 s pass with nothing;
 *                                    prints "received N seconds S pps P" */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int do_send(const char *addr, int port, long n)
{
	struct sockaddr_in dst = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	struct mmsghdr msgs[BATCH];
	struct iovec iov[BATCH];
	char payload[64] = "skbox";
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0 || inet_pton(AF_INET, addr, &dst.sin_addr) != 1)
		return 1;
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		iov[i].iov_base = payload;
		iov[i].iov_len = sizeof(payload);
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
		msgs[i].msg_hdr.msg_name = &dst;
		msgs[i].msg_hdr.msg_namelen = sizeof(dst);
	}
	for (long sent = 0; sent < n;) {
		int k = sendmmsg(fd, msgs, (unsigned int)(n - sent < BATCH ? n - sent : BATCH), 0);

		if (k > 0)
			sent += k;
	}
	close(fd);
	return 0;
}

static int do_recv(int port)
{
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	struct timeval tv = { .tv_sec = 0, .tv_usec = 500000 };
	struct mmsghdr msgs[BATCH];
	struct iovec iov[BATCH];
	static char bufs[BATCH][256];
	int fd = socket(AF_INET, SOCK_DGRAM, 0), big = 64 << 20;
	long got = 0;
	double first = 0, last = 0;

	if (fd < 0 || bind(fd, (struct sockaddr *)&me, sizeof(me)))
		return 1;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		iov[i].iov_base = bufs[i];
		iov[i].iov_len = sizeof(bufs[i]);
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		int k = recvmmsg(fd, msgs, BATCH, 0, NULL);

		if (k <= 0) {
			if (got)
				break;
			continue;
		}
		if (!got)
			first = now_s();
		got += k;
		last = now_s();
	}
	printf("received %ld seconds %.3f pps %.0f\n", got, last - first,
	       last > first ? (double)got / (last - first) : 0.0);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "send"))
		return do_send(argv[2], atoi(argv[3]), atol(argv[4]));
	if (argc == 3 && !strcmp(argv[1], "recv"))
		return do_recv(atoi(argv[2]));
	fprintf(stderr, "usage: kernel_udp send ADDR PORT N | recv PORT\n");
	return 2;
}
