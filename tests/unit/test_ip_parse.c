/* Unit tests for the parsing helpers of `ip` (tools/ip/utils.c):
 * iproute2's matches(), IPv4 prefixes, MAC addresses and names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>
#include "../../tools/ip/ip_common.h"

static void test_matches(void **state)
{
	(void)state;
	assert_int_equal(matches("a", "address"), 0);
	assert_int_equal(matches("addr", "address"), 0);
	assert_int_equal(matches("ru", "route"), 1);
	assert_int_equal(matches("ru", "rule"), 0);
	assert_int_equal(matches("", "link"), 1);
	assert_int_equal(matches("links", "link"), 1);
}

static void test_prefix(void **state)
{
	struct inet_prefix p;

	(void)state;
	assert_int_equal(parse_prefix(&p, "10.1.2.0/24"), 0);
	assert_int_equal(p.addr, htonl(0x0a010200));
	assert_int_equal(p.bitlen, 24);
	assert_int_equal(parse_prefix(&p, "1.2.3.4"), 0);
	assert_int_equal(p.bitlen, -1);
	assert_int_equal(parse_prefix(&p, "10/8"), 0);
	assert_int_equal(p.addr, htonl(0x0a000000));
	assert_int_equal(parse_prefix(&p, "default"), 0);
	assert_true(p.is_default);
	assert_int_equal(parse_prefix(&p, "1.2.3.4/33"), -1);
	assert_int_equal(parse_prefix(&p, "300.1.1.1"), -1);
	assert_int_equal(parse_prefix(&p, "blah"), -1);
	assert_int_equal(parse_prefix(&p, "10.0.0.0/255.255.0.0"), 0);
	assert_int_equal(p.bitlen, 16);
}

static void test_lladdr(void **state)
{
	uint8_t mac[6];
	char buf[32];

	(void)state;
	assert_int_equal(parse_lladdr(mac, "02:00:00:00:01:0a"), 0);
	assert_int_equal(mac[5], 0x0a);
	format_lladdr(buf, mac, 6);
	assert_string_equal(buf, "02:00:00:00:01:0a");
	assert_int_equal(parse_lladdr(mac, "02:00:00:00:01"), -1);
	assert_int_equal(parse_lladdr(mac, "zz:00:00:00:01:02"), -1);
	assert_int_equal(parse_lladdr(mac, "02:00:00:00:01:02:03"), -1);
}

static void test_names(void **state)
{
	char b[16];
	uint32_t t;
	unsigned int v;

	(void)state;
	assert_string_equal(rt_table_name(b, 254), "main");
	assert_string_equal(rt_table_name(b, 100), "100");
	assert_int_equal(rt_table_parse(&t, "local"), 0);
	assert_int_equal(t, 255);
	assert_int_equal(rt_scope_parse(&v, "link"), 0);
	assert_int_equal(v, 253);
	assert_int_equal(rt_proto_parse(&v, "kernel"), 0);
	assert_int_equal(v, 2);
	assert_int_equal(rt_type_parse(&v, "blackhole"), 0);
	assert_int_equal(v, 6);
	assert_int_equal(rt_type_parse(&v, "10.0.0.0"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_lladdr),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
