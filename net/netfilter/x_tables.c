/* x_tables (net/netfilter/x_tables.c): the lookup of match and target
 * extensions by name and revision.  The rule tables themselves live in
 * net/ipv4/netfilter/ip_tables.c; the extensions are listed in const
 * registries (xt_registry.c for the core ones, xt_ct_registry.c for the
 * conntrack and NAT ones) that are searched in that order. */
#include <string.h>
#include "linux/netfilter/x_tables.h"

static bool xt_family_ok(u8 want, u8 have)
{
	return have == NFPROTO_UNSPEC || have == want;
}

static const struct xt_match *xt_match_in(const struct xt_match *const *reg, u8 af,
					  const char *name, u8 revision)
{
	for (; *reg; reg++)
		if (!strcmp((*reg)->name, name) && (*reg)->revision == revision &&
		    xt_family_ok(af, (*reg)->family))
			return *reg;
	return NULL;
}

static const struct xt_target *xt_target_in(const struct xt_target *const *reg, u8 af,
					    const char *name, u8 revision)
{
	for (; *reg; reg++)
		if (!strcmp((*reg)->name, name) && (*reg)->revision == revision &&
		    xt_family_ok(af, (*reg)->family))
			return *reg;
	return NULL;
}

const struct xt_match *xt_find_match(u8 af, const char *name, u8 revision)
{
	const struct xt_match *m = xt_match_in(xt_core_matches, af, name, revision);

	return m ? m : xt_match_in(xt_ct_matches, af, name, revision);
}

const struct xt_target *xt_find_target(u8 af, const char *name, u8 revision)
{
	const struct xt_target *t = xt_target_in(xt_core_targets, af, name, revision);

	return t ? t : xt_target_in(xt_ct_targets, af, name, revision);
}
