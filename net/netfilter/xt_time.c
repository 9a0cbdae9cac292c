/* -m time (net/netfilter/xt_time.c): the packet's arrival time — the
 * world's clock, seconds since the epoch (virtual time starts at
 * 1970-01-01 00:00:00 UTC) — within a date range, a daytime range, on
 * given weekdays (Monday 1 .. Sunday 7) and days of the month.  The
 * kernel's timezone (--kerneltz) is UTC here (sys_tz 0).  A daytime
 * range whose stop is before its start wraps over midnight; with
 * --contiguous the part after midnight counts as the day before. */
#include <errno.h>
#include <time.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_time.h"
#include "net/trace.h"
#include "net/world.h"

#define SECONDS_PER_DAY 86400

/* 1970-01-01 was a Thursday (4); Monday is 1, Sunday 7 */
static unsigned int time_weekday(s64 stamp)
{
	return (unsigned int)((4 + stamp / SECONDS_PER_DAY - 1) % 7 + 1);
}

static unsigned int time_monthday(s64 stamp)
{
	time_t t = (time_t)stamp;
	struct tm tm;

	gmtime_r(&t, &tm);
	return (unsigned int)tm.tm_mday;
}

static bool time_daytime_ok(const struct xt_time_info *info, unsigned int packet_time,
			    s64 *stamp)
{
	if (info->daytime_start < info->daytime_stop)
		return packet_time >= info->daytime_start && packet_time <= info->daytime_stop;
	if (packet_time < info->daytime_start && packet_time > info->daytime_stop)
		return false;
	if ((info->flags & XT_TIME_CONTIGUOUS) && packet_time <= info->daytime_stop)
		*stamp -= SECONDS_PER_DAY;
	return true;
}

static bool time_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_time_info *info = par->matchinfo;
	s64 stamp = (s64)(world_now(skb_world(skb)) / NSEC_PER_SEC);

	if (stamp < info->date_start || stamp > info->date_stop)
		return false;
	if (!time_daytime_ok(info, (unsigned int)(stamp % SECONDS_PER_DAY), &stamp))
		return false;
	if (!(info->weekdays_match & (1u << time_weekday(stamp))))
		return false;
	if (info->monthdays_match != XT_TIME_ALL_MONTHDAYS &&
	    !(info->monthdays_match & (1u << time_monthday(stamp))))
		return false;
	return true;
}

static int time_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_time_info *info = par->matchinfo;

	if (info->daytime_start > XT_TIME_MAX_DAYTIME || info->daytime_stop > XT_TIME_MAX_DAYTIME)
		return -EDOM;
	if (info->flags & ~XT_TIME_ALL_FLAGS)
		return -EINVAL;
	return 0;
}

const struct xt_match xt_time_match = {
	.name = "time", .family = NFPROTO_UNSPEC, .match = time_mt, .checkentry = time_mt_check,
	.matchsize = sizeof(struct xt_time_info),
};
