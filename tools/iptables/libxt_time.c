/* The tool side of -m time (iptables' extensions/libxt_time.c): --datestart
 * / --datestop (ISO 8601, UTC), --timestart / --timestop (hh:mm[:ss]),
 * [!] --weekdays, [!] --monthdays, --contiguous, --kerneltz (--localtz with
 * its warning), --utc.  -L and -S text as iptables 1.8.9 prints them. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "xtables.h"
#include "skbox/cmd.h"
#include "uapi/linux/netfilter/xt_time.h"

enum {
	O_DATE_START, O_DATE_STOP, O_TIME_START, O_TIME_STOP, O_TIME_CONTIGUOUS,
	O_MONTHDAYS, O_WEEKDAYS, O_LOCAL_TZ, O_UTC, O_KERNEL_TZ,
};

static const struct xt_option time_opts[] = {
	{ "datestart", O_DATE_START, true }, { "datestop", O_DATE_STOP, true },
	{ "timestart", O_TIME_START, true }, { "timestop", O_TIME_STOP, true },
	{ "contiguous", O_TIME_CONTIGUOUS, false }, { "weekdays", O_WEEKDAYS, true },
	{ "monthdays", O_MONTHDAYS, true }, { "localtz", O_LOCAL_TZ, false },
	{ "utc", O_UTC, false }, { "kerneltz", O_KERNEL_TZ, false }, { NULL, 0, false },
};

static const char *const time_names[] = {
	"datestart", "datestop", "timestart", "timestop", "contiguous", "monthdays",
	"weekdays", "localtz", "utc", "kerneltz",
};

static const char *const week_days[] = { NULL, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static void time_init(void *data)
{
	struct xt_time_info *info = data;

	info->monthdays_match = XT_TIME_ALL_MONTHDAYS;
	info->weekdays_match = XT_TIME_ALL_WEEKDAYS;
	info->daytime_start = XT_TIME_MIN_DAYTIME;
	info->daytime_stop = XT_TIME_MAX_DAYTIME;
	info->date_start = 0;
	info->date_stop = INT_MAX;
}

/* One number of a date or time, then the separator that must follow it
 * ('\0' always may); false when it is out of range or badly ended. */
static bool time_field(const char **s, unsigned int max, char sep, unsigned int *v)
{
	char *e;

	*v = (unsigned int)strtoul(*s, &e, 10);
	if ((*e != sep && *e != '\0') || *v > max)
		return false;
	*s = *e ? e + 1 : e;
	return true;
}

/* YYYY[-MM[-DD[Thh[:mm[:ss]]]]], as seconds since the epoch (UTC) */
static int time_parse_date(struct xt_parse *p, const char *arg, u32 *out)
{
	unsigned int f[6] = { 0, 1, 1, 0, 0, 0 };
	static const unsigned int max[6] = { 9999, 12, 31, 23, 59, 59 };
	static const char seps[6] = { '-', '-', 'T', ':', ':', '\0' };
	const char *s = arg;
	struct tm tm = { 0 };

	for (int i = 0; i < 6 && (i == 0 || *s); i++)
		if (!time_field(&s, max[i], seps[i], &f[i]) || 
		    (i == 0 && (f[0] < 1970 || f[0] > 2038)))
			return xt_param_error(p, "Invalid date \"%s\" specified. Should be "
					      "YYYY[-MM[-DD[Thh[:mm[:ss]]]]]", arg);
	tm.tm_year = (int)f[0] - 1900;
	tm.tm_mon = (int)f[1] - 1;
	tm.tm_mday = (int)f[2];
	tm.tm_hour = (int)f[3];
	tm.tm_min = (int)f[4];
	tm.tm_sec = (int)f[5];
	*out = (u32)timegm(&tm);
	return 0;
}

/* hh:mm[:ss] as seconds of the day */
static int time_parse_daytime(struct xt_parse *p, const char *arg, u32 *out)
{
	unsigned int h, m, sec = 0;
	const char *s = arg;
	char *e;

	h = (unsigned int)strtoul(s, &e, 10);
	if (*e != ':' || h > 23)
		goto bad;
	s = e + 1;
	if (!time_field(&s, 59, ':', &m) || (*s && !time_field(&s, 59, '\0', &sec)))
		goto bad;
	*out = 3600 * h + 60 * m + sec;
	return 0;
bad:
	return xt_param_error(p, "invalid time \"%s\" specified, should be hh:mm[:ss] format "
			      "and within the boundaries", s);
}

/* The next comma-separated item of *arg into buf (at most len-1 chars). */
static bool time_item(char *buf, size_t len, const char **arg)
{
	const char *sep;

	if (!*arg || !**arg)
		return false;
	sep = strchr(*arg, ',');
	if (!sep) {
		snprintf(buf, len, "%s", *arg);
		*arg = NULL;
		return true;
	}
	snprintf(buf, len, "%.*s", (int)(sep - *arg), *arg);
	*arg = sep + 1;
	return true;
}

static int time_parse_monthdays(struct xt_parse *p, const char *arg, u32 *out)
{
	char day[3], *err;
	unsigned long i;

	*out = 0;
	while (time_item(day, sizeof(day), &arg)) {
		i = strtoul(day, &err, 0);
		if ((*err != ',' && *err != '\0') || i > 31)
			return xt_param_error(p, "%s is not a valid day for --monthdays", day);
		*out |= 1u << i;
	}
	return 0;
}

static int time_parse_weekdays(struct xt_parse *p, const char *arg, u8 *out)
{
	char day[4], *err;
	unsigned long i;
	bool valid;

	*out = 0;
	while (time_item(day, sizeof(day), &arg)) {
		i = strtoul(day, &err, 0);
		if (*err == '\0') {
			if (i == 0)
				return xt_param_error(p, "No, the week does NOT begin with Sunday.");
			*out |= (u8)(1u << (i & 31));
			continue;
		}
		valid = false;
		for (i = 1; i < 8; i++)
			if (!strncmp(day, week_days[i], 2)) {
				*out |= (u8)(1u << i);
				valid = true;
			}
		if (!valid)
			return xt_param_error(p, "%s is not a valid day specifier", day);
	}
	return 0;
}

static int time_precheck(struct xt_parse *p, int id, bool inv)
{
	if (inv && id != O_WEEKDAYS && id != O_MONTHDAYS)
		return xt_param_error(p, "time: option \"--%s\" cannot be inverted.\n",
				      time_names[id]);
	if (p->xflags & (1u << id))
		return xt_param_error(p, "time: option \"--%s\" can only be used once.\n",
				      time_names[id]);
	return 0;
}

static int time_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_time_info *info = data;

	if (time_precheck(p, id, inv))
		return -1;
	switch (id) {
	case O_DATE_START:
		return time_parse_date(p, arg, &info->date_start);
	case O_DATE_STOP:
		return time_parse_date(p, arg, &info->date_stop);
	case O_TIME_START:
		return time_parse_daytime(p, arg, &info->daytime_start);
	case O_TIME_STOP:
		return time_parse_daytime(p, arg, &info->daytime_stop);
	case O_TIME_CONTIGUOUS:
		info->flags |= XT_TIME_CONTIGUOUS;
		return 0;
	case O_LOCAL_TZ:
		fprintf(p->ctx->err, "WARNING: --localtz is being replaced by --kerneltz, since "
			    "\"local\" is ambiguous. Note the kernel timezone has caveats - see "
			    "manpage for details.\n");
		/* fall through */
	case O_KERNEL_TZ:
		info->flags |= XT_TIME_LOCAL_TZ;
		return 0;
	case O_MONTHDAYS:
		if (time_parse_monthdays(p, arg, &info->monthdays_match))
			return -1;
		if (inv)
			info->monthdays_match ^= XT_TIME_ALL_MONTHDAYS;
		return 0;
	case O_WEEKDAYS:
		if (time_parse_weekdays(p, arg, &info->weekdays_match))
			return -1;
		if (inv)
			info->weekdays_match ^= XT_TIME_ALL_WEEKDAYS;
		return 0;
	}
	return 0;
}

static int time_final(struct xt_parse *p, void *data)
{
	const struct xt_time_info *info = data;

	if ((p->xflags & (1u << O_TIME_CONTIGUOUS)) && info->daytime_start < info->daytime_stop)
		return xt_param_error(p, "time: --contiguous only makes sense when stoptime is "
				      "smaller than starttime");
	/* then the exclusions, in the option table's order (xtables_options_fcheck) */
	if ((p->xflags & (1u << O_LOCAL_TZ)) && (p->xflags & (1u << O_UTC)))
		return xtables_excl_error(p, "time", "localtz", "utc");
	if ((p->xflags & (1u << O_UTC)) && (p->xflags & (1u << O_KERNEL_TZ)))
		return xtables_excl_error(p, "time", "utc", "kerneltz");
	return 0;
}

static void time_print_date(FILE *out, u32 date, const char *command)
{
	time_t t = (time_t)date;
	struct tm tm;

	if (date == 0 || date == (u32)LONG_MAX)
		return;
	gmtime_r(&t, &tm);
	fprintf(out, command ? " %s %04d-%02d-%02dT%02d:%02d:%02d" :
		"%s%04d-%02d-%02d %02d:%02d:%02d", command ? command : "", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		tm.tm_min, tm.tm_sec);
}

static void time_print_monthdays(FILE *out, u32 mask, bool human)
{
	static const char *const sfx[10] = {
		"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th",
	};
	unsigned int n = 0;

	fputc(' ', out);
	for (unsigned int i = 1; i <= 31; i++)
		if (mask & (1u << i))
			fprintf(out, "%s%u%s", n++ ? "," : "", i, human ? sfx[i % 10] : "");
}

static void time_print_weekdays(FILE *out, unsigned int mask)
{
	unsigned int n = 0;

	fputc(' ', out);
	for (unsigned int i = 1; i <= 7; i++)
		if (mask & (1u << i))
			fprintf(out, "%s%s", n++ ? "," : "", week_days[i]);
}

static void time_print_daytimes(FILE *out, const struct xt_time_info *info, const char *a,
				const char *b)
{
	u32 s = info->daytime_start, e = info->daytime_stop;

	if (s == XT_TIME_MIN_DAYTIME && e == XT_TIME_MAX_DAYTIME)
		return;
	fprintf(out, " %s %02u:%02u:%02u %s %02u:%02u:%02u", a, s / 3600, s / 60 % 60, s % 60, b,
		e / 3600, e / 60 % 60, e % 60);
}

static void time_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_time_info *info = data;

	(void)ip;
	(void)numeric;
	fputs(" TIME", out);
	time_print_daytimes(out, info, "from", "to");
	if (info->weekdays_match != XT_TIME_ALL_WEEKDAYS) {
		fputs(" on", out);
		time_print_weekdays(out, info->weekdays_match);
	}
	if (info->monthdays_match != XT_TIME_ALL_MONTHDAYS) {
		fputs(" on", out);
		time_print_monthdays(out, info->monthdays_match, true);
	}
	if (info->date_start != 0) {
		fputs(" starting from ", out);
		time_print_date(out, info->date_start, NULL);
	}
	if (info->date_stop != INT_MAX) {
		fputs(" until date ", out);
		time_print_date(out, info->date_stop, NULL);
	}
	if (!(info->flags & XT_TIME_LOCAL_TZ))
		fputs(" UTC", out);
	if (info->flags & XT_TIME_CONTIGUOUS)
		fputs(" contiguous", out);
}

static void time_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_time_info *info = data;

	(void)ip;
	time_print_daytimes(out, info, "--timestart", "--timestop");
	if (info->monthdays_match != XT_TIME_ALL_MONTHDAYS) {
		fputs(" --monthdays", out);
		time_print_monthdays(out, info->monthdays_match, false);
	}
	if (info->weekdays_match != XT_TIME_ALL_WEEKDAYS) {
		fputs(" --weekdays", out);
		time_print_weekdays(out, info->weekdays_match);
	}
	time_print_date(out, info->date_start, "--datestart");
	time_print_date(out, info->date_stop, "--datestop");
	if (info->flags & XT_TIME_LOCAL_TZ)
		fputs(" --kerneltz", out);
	if (info->flags & XT_TIME_CONTIGUOUS)
		fputs(" --contiguous", out);
}

const struct xtables_match libxt_time = {
	.name = "time", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_time_info),
	.init = time_init, .opts = time_opts, .parse = time_parse, .final_check = time_final,
	.print = time_print, .save = time_save,
};
