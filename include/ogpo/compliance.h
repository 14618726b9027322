/*
 * compliance.h — what breaks the regulation now: the rules of points 3,
 * 4 and 7 checked against the database, each finding naming the agency,
 * officer, issue or period and what is missing.
 */
#ifndef OGPO_COMPLIANCE_H
#define OGPO_COMPLIANCE_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/store.h"

enum compliance_rule {
	RULE_NO_PO = 1,		/* point 3: a level-2 agency without a PO */
	RULE_NO_SUPERVISOR,	/* point 3: … without a supervisor */
	RULE_NOT_CIVIL_SERVANT,	/* point 4 */
	RULE_NOT_MARKED_HELD,	/* point 7: attendance taken, still planned */
	RULE_NO_WORK_MEETING,	/* point 7: a month without one held */
	RULE_NO_POLICY_MEETING,	/* point 7: a quarter without one held */
	RULE_LOW_ATTENDANCE,	/* an agency's work-meeting attendance */
	RULE_ESCALATED_LONG,	/* an issue escalated for over 30 days */
	RULE_NO_TRAINING,	/* point 8: a PO with no training (asked) */
	RULE_OVERDUE,		/* a deadline passed (core_deadlines) */
	RULE_RESOLUTION_OVERDUE, /* a resolution still followed, past due */
	RULE_MAX = RULE_RESOLUTION_OVERDUE
};

extern const struct enum_names compliance_rules;

struct compliance_options {
	int		 year;		/* the year of the meeting rules */
	int		 rolling;	/* instead: the 12 months before today's */
	char		 today[11];	/* YYYY-MM-DD: "now" */
	double		 threshold;	/* attendance below this (0–1) */
	int		 escalated_days;
	int		 training;	/* also list POs without training */
};

struct compliance_finding {
	enum compliance_rule rule;
	uint32_t	 agency, officer, issue;	/* what it is about */
	uint32_t	 meeting;
	char		 subject[160];	/* "內政部", "2026-03", "#4 標題" */
	char		 detail[320];	/* a sentence: what is missing */
};

/* Defaults: this year, today, 75 %, 30 days (rolling off). */
void	compliance_defaults(struct compliance_options *o);

/*
 * Take attendance_threshold from the settings ("60%", "60" or "0.6";
 * config.h). Returns 0, or -1 with *warning (a new sentence naming the
 * file and line) when the value is not a percentage and the default stays.
 */
int	compliance_config(struct compliance_options *o, char **warning);

/*
 * Check every rule in t; call fn for each finding, in rule order.
 * Returns how many there were.
 */
size_t	compliance_check(struct store_txn *t,
	    const struct compliance_options *o,
	    void (*fn)(void *arg, const struct compliance_finding *f),
	    void *arg);

/*
 * What a low-attendance finding about agency is made of: the PO work
 * meetings of the window the rule judges (o as for compliance_check),
 * newest first, that the agency did not come to. fn(arg, m, at) for each
 * of its invitees who was not present, online or by proxy (excused,
 * absent, or never marked), and fn(arg, m, NULL) for a meeting none of it
 * was invited to. Returns how many calls there were.
 */
size_t	compliance_missed(struct store_txn *t,
	    const struct compliance_options *o, uint32_t agency,
	    void (*fn)(void *arg, const struct meeting *m,
	    const struct attendance *at), void *arg);

#endif
