/*
 * demo_data.h — the facts the demo database is made of. Agency names are
 * public facts; people are invented. Plain const tables, no logic.
 */
#ifndef OGPO_DEMO_DATA_H
#define OGPO_DEMO_DATA_H

#include <stddef.h>

struct demo_agency {
	const char *code;	/* short unique code, ASCII upper case */
	const char *name;	/* official name, Traditional Chinese */
	const char *parent;	/* parent's code, NULL for the Executive Yuan */
	int level;		/* 1 行政院, 2 二級機關, 3 三級, 4 四級 */
};

/* Parents always come before their children. */
extern const struct demo_agency demo_agencies[];
extern const size_t demo_agencies_len;

/* Common Taiwanese surnames, one character each. */
extern const char *const demo_surnames[];
extern const size_t demo_surnames_len;

/* Two-character given names. */
extern const char *const demo_given[];
extern const size_t demo_given_len;

/* Job titles in a ministry; which fits which role is the consumer's call. */
extern const char *const demo_titles[];
extern const size_t demo_titles_len;

/* Trigger flags of regulation point 6. */
#define DEMO_TRIGGER_STAKEHOLDERS	1u	/* 利害關係複雜 */
#define DEMO_TRIGGER_DIVIDED		2u	/* 意見分歧 */
#define DEMO_TRIGGER_HEATED		4u	/* 民眾參與熱烈 */

struct demo_issue {
	const char *title;		/* cross-agency open-government issue */
	const char *description;	/* one or two sentences */
	const char *lead;		/* lead agency code */
	const char *collab[4];		/* collaborators, NULL-terminated */
	unsigned triggers;		/* DEMO_TRIGGER_* */
	const char *status;		/* "open" "assessing" "collaborating"
					   "escalated" "resolved" "closed" */
	const char *stage;		/* "planning" "drafting"
					   "implementation" "review" */
};

extern const struct demo_issue demo_issues[];
extern const size_t demo_issues_len;

/*
 * A year of tracked cases, dated back from the demo's day: the proposal
 * passed (or the case was raised) months_ago months before it.
 */
struct demo_case {
	const char *title;
	const char *lead;		/* lead agency code */
	const char *co;			/* one co-organiser, or NULL */
	const char *source;		/* "join" "agency" "minister" "other" */
	int months_ago;
	int days_ago;			/* and days (for the week-old ones) */
	const char *stage;		/* as model_case_stages names it */
	int contacted;			/* days after passing; -1: not yet */
	int responded;			/* 1: the public response is out */
	int extended;			/* 1: one extension of two months */
	const char *demands;
	const char *progress[3];	/* reported at the work meetings */
};

extern const struct demo_case demo_cases[];
extern const size_t demo_cases_len;

/* Meeting places, including the online one. */
extern const char *const demo_places[];
extern const size_t demo_places_len;

#endif /* OGPO_DEMO_DATA_H */
