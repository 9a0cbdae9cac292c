/* Allocation fault injection (mm/failslab.c and the fail_nth file of
 * lib/fault-inject.c in Linux): the state include/linux/slab.h asks. */
#include "linux/slab.h"

struct failslab failslab;

bool __should_failslab(void)
{
	if (++failslab.count != failslab.fail_nth)
		return false;
	failslab.failed++;
	return true;
}
