/*
 * core-int.h — what the files of src/core/ share.
 */
#ifndef OGPO_CORE_INT_H
#define OGPO_CORE_INT_H

#include "ogpo/core.h"
#include "ogpo/util.h"

#ifndef OGPO_SYSCONF
#define OGPO_SYSCONF "/etc/ogpo.conf"
#endif

struct core {
	struct store	*store;
	char		 login[OGPO_LOGIN_MAX + 1];
};

/* Append the audit record of one change (before or after may be NULL). */
int	core_audit(struct core *c, struct store_txn *t, enum entity_kind kind,
	    uint32_t action, const void *before, const void *after,
	    char **cause);

#endif
