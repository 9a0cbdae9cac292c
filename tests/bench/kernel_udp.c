/* The kernel's side of the bridge-udp and forward-udp benchmarks (run by
 * tests/bench/run.sh inside namespaces it creates): 64-byte UDP datagrams
 * with sendmmsg, a receiver that counts them with recvmmsg, and frames
 * injected on a device as bench_suite forward-udp injects them.
 *   kernel_udp send ADDR PORT N      sends N datagrams, 64 per sendmmsg
 *   kernel_udp recv PORT             counts until 0.5 s pass with nothing;
 *                                    prints "received N seconds S pps P"
 *   kernel_udp inject DEV DSTMAC N   sends N 106-byte frames (a 64-byte UDP
 *                                    datagram 10.1.0.2 -> 10.2.0.9, ports 9)
 *                                    out of DEV with a packet socket, 64 per
 *                                    sendmmsg, past the qdisc */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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

/* The IPv4 header checksum (RFC 1071) */
static unsigned short ip_csum(const unsigned char *p, int len)
{
	unsigned long sum = 0;

	for (int i = 0; i < len; i += 2)
		sum += (unsigned long)(p[i] << 8 | p[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (unsigned short)~sum;
}

static int do_inject(const char *dev, const char *dstmac, long n)
{
	unsigned char frame[14 + 20 + 8 + 64] = { 0 }, *ip = frame + 14;
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_halen = 6 };
	struct mmsghdr msgs[BATCH];
	struct iovec iov = { frame, sizeof(frame) };
	int fd = socket(AF_PACKET, SOCK_RAW, 0), one = 1;
	unsigned short c;
	struct ifreq ifr;

	if (fd < 0 || sscanf(dstmac, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &frame[0], &frame[1],
			     &frame[2], &frame[3], &frame[4], &frame[5]) != 6)
		return 1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) || !(ll.sll_ifindex = (int)if_nametoindex(dev)))
		return 1;
	memcpy(frame + 6, ifr.ifr_hwaddr.sa_data, 6);
	memcpy(ll.sll_addr, frame, 6);
	frame[12] = 0x08;
	ip[0] = 0x45;
	ip[3] = 20 + 8 + 64;
	ip[8] = 64;
	ip[9] = IPPROTO_UDP;
	inet_pton(AF_INET, "10.1.0.2", ip + 12);
	inet_pton(AF_INET, "10.2.0.9", ip + 16);
	c = ip_csum(ip, 20);
	ip[10] = (unsigned char)(c >> 8);
	ip[11] = (unsigned char)c;
	ip[20 + 1] = 9;				/* UDP ports 9 -> 9, no checksum */
	ip[20 + 3] = 9;
	ip[20 + 5] = 72;
	setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one));
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		msgs[i].msg_hdr.msg_iov = &iov;
		msgs[i].msg_hdr.msg_iovlen = 1;
		msgs[i].msg_hdr.msg_name = &ll;
		msgs[i].msg_hdr.msg_namelen = sizeof(ll);
	}
	for (long sent = 0; sent < n;) {
		int k = sendmmsg(fd, msgs, (unsigned int)(n - sent < BATCH ? n - sent : BATCH), 0);

		if (k > 0)
			sent += k;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "inject"))
		return do_inject(argv[2], argv[3], atol(argv[4]));
	if (argc == 5 && !strcmp(argv[1], "send"))
		return do_send(argv[2], atoi(argv[3]), atol(argv[4]));
	if (argc == 3 && !strcmp(argv[1], "recv"))
		return do_recv(atoi(argv[2]));
	fprintf(stderr, "usage: kernel_udp send ADDR PORT N | recv PORT | inject DEV DSTMAC N\n");
	return 2;
}
