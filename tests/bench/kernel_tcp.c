/* The kernel's side of the TCP benchmarks (run by tests/bench/kernel.sh in
 * namespaces it creates):
 *   kernel_tcp stream-server PORT          accepts one flow, reads to the end
 *   kernel_tcp stream-client ADDR PORT MB  sends MB megabytes in 64 KB writes;
 *                                          prints "bytes N seconds S gbps G"
 *   kernel_tcp crr-server PORT             per connection: read 1 byte, answer 1, close
 *   kernel_tcp crr-client ADDR PORT N      N times connect, send 1, read 1, close;
 *                                          prints "transactions N seconds S tps T" */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int listener(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1024))
		exit(1);
	printf("ready\n");
	fflush(stdout);
	return fd;
}

static int dial(const char *addr, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	inet_pton(AF_INET, addr, &a.sin_addr);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
		exit(1);
	return fd;
}

int main(int argc, char **argv)
{
	static char buf[65536];

	if (argc == 3 && !strcmp(argv[1], "stream-server")) {
		int l = listener(atoi(argv[2])), c = accept(l, NULL, NULL);

		while (read(c, buf, sizeof(buf)) > 0)
			;
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "stream-client")) {
		int fd = dial(argv[2], atoi(argv[3]));
		long long total = atoll(argv[4]) << 20, sent = 0;
		double t0 = now_s(), dt;

		while (sent < total) {
			ssize_t k = write(fd, buf, sizeof(buf));

			if (k <= 0)
				return 1;
			sent += k;
		}
		shutdown(fd, SHUT_WR);
		while (read(fd, buf, sizeof(buf)) > 0)
			;
		dt = now_s() - t0;
		printf("bytes %lld seconds %.3f gbps %.3f\n", sent, dt, (double)sent * 8 / dt / 1e9);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "crr-server")) {
		int l = listener(atoi(argv[2]));

		for (;;) {
			int c = accept(l, NULL, NULL);

			if (c < 0)
				return 1;
			if (read(c, buf, 1) == 1 && write(c, buf, 1) != 1)
				return 1;
			close(c);
		}
	}
	if (argc == 5 && !strcmp(argv[1], "crr-client")) {
		long n = atol(argv[4]);
		double t0 = now_s(), dt;

		for (long i = 0; i < n; i++) {
			int fd = dial(argv[2], atoi(argv[3]));

			if (write(fd, "x", 1) != 1 || read(fd, buf, 1) != 1)
				return 1;
			close(fd);
		}
		dt = now_s() - t0;
		printf("transactions %ld seconds %.3f tps %.0f\n", n, dt, (double)n / dt);
		return 0;
	}
	fprintf(stderr, "usage: see the comment at the top of kernel_tcp.c\n");
	return 2;
}
