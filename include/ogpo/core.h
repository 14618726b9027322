/*
 * core.h — the one door for writes. Every change, from the full-screen
 * program, the command line or an import, comes through here: it is
 * validated, checked against the version the user started from, written,
 * and recorded in the audit trail (who, when, before and after) in the
 * same transaction.
 */
#ifndef OGPO_CORE_H
#define OGPO_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/model.h"
#include "ogpo/schema.h"
#include "ogpo/store.h"

struct core;

/*
 * Open the database in dir for the real user. With create, make it (and
 * record the user who created it as its first admin). On error *cp is
 * NULL and *cause says why.
 *
 * Whose rights open it: the shared database (the db line of the system's
 * settings, or a path to the same directory) is opened by the system's
 * path with the group's rights of a set-group-id ogpo, and its files are
 * checked first (store_options.shared); any other directory with the
 * user's own rights alone, the group's given up for good before it is
 * touched. Only root makes the shared database.
 */
int	 core_open(struct core **cp, const char *dir, int create,
	    char **cause);
/* core_open with create, admin (a login of this system) its first admin. */
int	 core_init(struct core **cp, const char *dir, const char *admin,
	    char **cause);
void	 core_close(struct core *c);
struct store *core_store(struct core *c);
const char *core_login(const struct core *c);

/*
 * Where the database lives: --db, $OGPO_DB, the db line of /etc/ogpo.conf
 * (config_get), the default; *origin says which ("--db", "$OGPO_DB",
 * "FILE:LINE", "the default"). It is also where the group's rights are
 * settled, before anything is touched: for any directory but the shared
 * one they are given up for good (see core_open), and for the shared one
 * the system's own path is returned. Running set-id, --db and $OGPO_DB
 * naming a directory the user could not use are refused (NULL, *cause
 * says why).
 */
char	*core_default_dir(const char *flag, const char **origin,
	    char **cause);

/* 1 if dir is the shared database of the system's settings. */
int	 core_dir_shared(const char *dir);

/*
 * The person at the keyboard as the database knows them in t: fills u
 * (role, scope). Returns 1 if they are a user, 0 if not (u then says
 * viewer: a login the user table does not name may only read). Root is
 * always an admin.
 */
int	 core_whoami(struct core *c, struct store_txn *t, struct user *u);
/* Whether the person is an admin now (*admin); 0, or an error. */
int	 core_is_admin(struct core *c, int *admin, char **cause);

/*
 * 0 if the person may write at all (an admin or an editor); else
 * OGPO_DENIED and *cause says which role is missing and how to get it.
 */
int	 core_may_write(struct core *c, struct store_txn *t, char **cause);

/*
 * 0 if the person may change the stored record old into rec (either may
 * be NULL: a new record, a deletion); else OGPO_DENIED, and *cause names
 * the role or the scope that is missing. Every write of core asks this;
 * a screen may ask before opening a form.
 */
int	 core_may(struct core *c, struct store_txn *t, enum entity_kind kind,
	    const void *old, const void *rec, char **cause);

/*
 * Where core_may refuses rec as a whole but allows a change of one field,
 * that field's name: "note" (辦理情形) of a resolution to an editor whose
 * scope holds one of its owners, not all. Else NULL. A form opens with
 * that field alone to type in.
 */
const char *core_may_only(struct core *c, struct store_txn *t,
	    enum entity_kind kind, const void *rec);

/*
 * Take login off the users (an admin's act, audited). The last admin
 * cannot be removed. On error nothing is changed.
 */
int	 core_user_remove(struct core *c, struct store_txn *t,
	    const char *login, char **cause);

/*
 * Run fn in one write transaction, as store_write does: everything fn
 * saves lands together, or nothing does.
 */
typedef int (*core_fn)(struct core *c, struct store_txn *t, void *arg,
    char **cause);
int	 core_run(struct core *c, core_fn fn, void *arg, char **cause);

/*
 * Run fn as core_run would, as a dry run (store_dry): every rule is
 * applied and fn sees its own changes, but nothing is written and no one
 * else waits for it.
 */
int	 core_dry(struct core *c, core_fn fn, void *arg, char **cause);

/*
 * Run fn as core_run would, but for anyone other than an admin look first
 * in a dry run: a change made of many rows, each judged against the
 * person's scope (an import), is refused, or found to change nothing,
 * without holding up anyone's saves; only if the look returns 0 is the
 * writer's lock taken and fn run again, against what is then current.
 * Returns the look's status if it is not 0, else core_run's.
 */
int	 core_run_looked(struct core *c, core_fn fn, void *arg, char **cause);

/* One complaint about one field, for a form to show beside it. */
struct core_fault {
	const struct field *field;	/* NULL: the record as a whole */
	char		    msg[512];
};

/* Tidy what people type, as saving does: outer spaces go, codes are
 * upper case. Call before core_check to judge what would be stored. */
void	 core_normalise(enum entity_kind kind, void *rec);

/*
 * Judge rec (of kind) against every rule: limits, forms, enums, references
 * and the regulation's structure. Fills up to max faults; returns how many
 * there are. Reads through t, writes nothing.
 */
size_t	 core_check(struct store_txn *t, enum entity_kind kind,
	    const void *rec, struct core_fault *faults, size_t max);

/*
 * core_check in two parts, for work done in two threads (an import's
 * rows): core_check_text judges the string fields alone (lengths,
 * UTF-8, forms), needs no database and returns how many faults it finds;
 * core_check_rest judges everything else. For a record core_check_text
 * finds nothing wrong with, core_check_rest finds what core_check would.
 */
size_t	 core_check_text(enum entity_kind kind, const void *rec);
size_t	 core_check_rest(struct store_txn *t, enum entity_kind kind,
	    const void *rec, struct core_fault *faults, size_t max);

/*
 * Save rec: with h.id 0, create it (the new id is written back); else
 * update it, provided the stored version is still h.version (else
 * OGPO_CONFLICT, naming who changed it and when). On success rec holds
 * what was stored. On any error nothing is written by this call; cause
 * names the field and the value.
 */
int	 core_save(struct core *c, struct store_txn *t, enum entity_kind kind,
	    void *rec, char **cause);

/*
 * core_save for a caller that has just called core_normalise and then
 * core_check on rec in the same transaction and found nothing (an
 * import row): neither is run twice.
 */
int	 core_save_checked(struct core *c, struct store_txn *t,
	    enum entity_kind kind, void *rec, char **cause);

/*
 * Delete the record (agency, officer, meeting or issue) id. Refused while
 * others refer to it, naming how many and which; a meeting takes its
 * attendance with it. version 0 skips the version check.
 */
int	 core_delete(struct core *c, struct store_txn *t, enum entity_kind kind,
	    uint32_t id, uint32_t version, char **cause);

/*
 * What deleting would remove or what stands in the way, as a sentence
 * for a confirmation dialog. Returns 0 if the delete may go ahead.
 */
int	 core_delete_check(struct core *c, struct store_txn *t,
	    enum entity_kind kind, uint32_t id, char **what);

/*
 * The same for a dialog about to ask, the record read once: first
 * whether this login may delete it at all, then core_delete_check's
 * sentence. *version is the version judged (0 when it is gone), for
 * core_delete to find it unchanged.
 */
int	 core_delete_ask(struct core *c, struct store_txn *t,
	    enum entity_kind kind, uint32_t id, uint32_t *version,
	    char **what);

/* The same, each in a transaction of its own. */
int	 core_save1(struct core *c, enum entity_kind kind, void *rec,
	    char **cause);
int	 core_delete1(struct core *c, enum entity_kind kind, uint32_t id,
	    uint32_t version, char **cause);

/*
 * Invite officer to meeting (status invited), copying the officer's agency
 * and role as of now. Inviting someone already invited changes nothing.
 */
int	 core_invite(struct core *c, struct store_txn *t, uint32_t meeting,
	    uint32_t officer, char **cause);

/* Record an invitee's attendance; proxy is required for ATTEND_PROXY. */
int	 core_attend(struct core *c, struct store_txn *t, uint32_t meeting,
	    uint32_t officer, uint32_t status, const char *proxy,
	    const char *note, char **cause);

/*
 * Whether status is too early for meeting m: presence and absence are
 * marked from the meeting's day on (an excused absence, or no mark, any
 * time). 1, with the sentence that says so in buf, if it is.
 */
int	 core_attend_early(const struct meeting *m, uint32_t status,
	    char *buf, size_t len);

/*
 * A roll call's marks, saved by a thread of their own (marks.c): a put
 * never waits for the disk or for another process's write; the marks
 * that come while a commit is in flight go in the next one, each through
 * core_attend with its audit record. From a put until core_marks_busy
 * says 0, the thread alone uses c and its store: the caller leaves both
 * alone (core_marks_wait, when it needs them sooner).
 */
struct core_marks;
struct core_mark {
	uint32_t	 officer, status;
	char		 proxy[OGPO_NAME_MAX + 1];
};
/* What became of the marks since the caller last looked. */
struct core_marks_news {
	size_t		 saved;
	/* A commit failed (rc, *cause): its marks and every one put
	 * after it up to this look are lost, not saved; first_lost is
	 * the person of the first. */
	int		 rc;
	char		*cause;
	size_t		 lost;
	uint32_t	 first_lost;
	int		 others;	/* another process wrote meanwhile */
	uint64_t	 txnid;		/* the last commit the thread saw */
};

/*
 * Save marks on meeting's attendance as c's user; seen is the commit the
 * caller's rows were read at. NULL if no thread could be started.
 */
struct core_marks *core_marks_start(struct core *c, uint32_t meeting,
	    uint64_t seen);
void	 core_marks_put(struct core_marks *m, uint32_t officer,
	    uint32_t status, const char *proxy);
/* How many marks are waiting or being committed. */
size_t	 core_marks_busy(struct core_marks *m);
/*
 * 1 and *out filled (the caller frees out->cause) when the thread is
 * idle and has news; else 0. With out NULL, only whether it has.
 */
int	 core_marks_news(struct core_marks *m, struct core_marks_news *out);
/* The caller's rows were read again, at commit txnid; only while idle. */
void	 core_marks_seen(struct core_marks *m, uint64_t txnid);
/* Until every mark put is committed or lost. */
void	 core_marks_wait(struct core_marks *m);
/* Wait as core_marks_wait, end the thread, free m (news unread is lost). */
void	 core_marks_stop(struct core_marks *m);

/* Fill a database with the demo data (DESIGN.md section 1). */
int	 core_demo(struct core *c, char **cause);

/*
 * Invite someone who is not an officer (a stakeholder, a civic group):
 * *officer gets their number in the meeting (ATTEND_EXTERNAL set).
 */
int	 core_invite_external(struct core *c, struct store_txn *t,
	    uint32_t meeting, const char *name, const char *organisation,
	    uint32_t *officer, char **cause);

/* Take an invitee (officer or external) off a meeting, audited. */
int	 core_uninvite(struct core *c, struct store_txn *t, uint32_t meeting,
	    uint32_t officer, char **cause);

/*
 * Whom point 7 says meeting m is for, as of its date: the supervisors of
 * every second-level agency (policy), their POs (work), or the POs of the
 * issue's lead and collaborating agencies (issue). Fills up to max ids;
 * returns how many.
 */
size_t	 core_propose_invitees(struct store_txn *t, const struct meeting *m,
	    uint32_t *ids, size_t max);

/*
 * End officer's designation on end (YYYY-MM-DD); with successor, that
 * officer takes the same role (and supervisor kind) from the next day.
 * Both saved and audited in t (業務傳承: the agency's history keeps both).
 */
int	 core_end_designation(struct core *c, struct store_txn *t,
	    uint32_t officer, const char *end, uint32_t successor,
	    char **cause);

/*
 * A planned meeting that an end of designation changes: the officer
 * leaving is taken off it, and the successor invited (in, when not
 * invited already). Held meetings keep who came, as it was.
 */
struct core_handover {
	uint32_t meeting;
	char	 date[OGPO_DATE_MAX + 1];
	char	 title[OGPO_TEXT_MAX + 1];
	int	 in;
};

/*
 * The planned meetings after end that officer is invited to, as
 * core_handover would change them: fills up to max, returns how many
 * there are. Reads only.
 */
size_t	 core_handover_meetings(struct store_txn *t, uint32_t officer,
	    const char *end, uint32_t successor, struct core_handover *h,
	    size_t max);

/* Take officer off the planned meetings after end; invite successor
 * (0: none) where they are not yet. Audited, in t. */
int	 core_handover(struct core *c, struct store_txn *t, uint32_t officer,
	    const char *end, uint32_t successor, char **cause);

/* What succeeding o, whose designation ends on end, makes of s: o's
 * role (and kind), from the next day, with no end. */
void	 core_successor(const struct officer *o, const char *end,
	    struct officer *s);

/* Set a meeting's status (held, cancelled, planned), audited. */
int	 core_meeting_status(struct core *c, struct store_txn *t,
	    uint32_t meeting, uint32_t status, char **cause);

/* How a meeting's invitees answered. */
struct core_tally {
	size_t	 invited;
	size_t	 present;	/* in person, online or by proxy */
	size_t	 unmarked;	/* no answer recorded yet */
};
void	 core_meeting_tally(struct store_txn *t, uint32_t meeting,
	    struct core_tally *k);

/*
 * 1 if m is still planned though its day has come (today, YYYY-MM-DD)
 * and its attendance has been taken: held in fact, not yet marked so.
 */
int	 core_meeting_unconfirmed(const struct meeting *m,
	    const struct core_tally *k, const char *today);

/* A meeting's invitees, and those present in person, online or by proxy. */
void	 core_meeting_counts(struct store_txn *t, uint32_t meeting,
	    size_t *present, size_t *invited);

/* 1 if o, saved over old, ends a designation or ends it sooner. */
int	 core_officer_ends(const struct officer *old, const struct officer *o);

/* 1 if the officer's designation is in force on date (YYYY-MM-DD). */
int	 core_officer_active(const struct officer *o, const char *date);

/*
 * Tracked cases (case.c). A case number is the ROC year, '-' and a
 * number ("115-07"): parse returns 0 and fills year and n (either may be
 * NULL), or -1.
 */
int	 core_serial_parse(const char *s, unsigned *year, unsigned *n);

/* Defaults (source other, stage proposed) and the status the stage
 * implies. */
void	 core_case_normalise(struct issue *is);

/*
 * Before a case is saved over old (NULL: new): a close needs the
 * deciding meeting, and a Join case its public response (else
 * OGPO_INVALID and a sentence); the stage's day and a new case's number
 * (the next of this ROC year) are set.
 */
int	 core_case_prepare(struct store_txn *t, const struct issue *old,
	    struct issue *is, char **cause);

/*
 * What closing a case (saved over old, NULL: new) still lacks, as faults
 * on the fields that hold it, for a form to mark: the meeting that
 * decided it (close_meeting), and for a Join case the agency's public
 * response (response). Returns how many (at most max are filled); 0
 * when is is not being closed or has both.
 */
size_t	 core_case_closing(const struct issue *old, const struct issue *is,
	    struct core_fault *faults, size_t max);

/*
 * A Join case's due dates: the response two calendar months after the
 * proposal passed (or the extension's new date), the first contact with
 * the proposer seven calendar days after. Empty for other cases.
 */
void	 core_case_due(const struct issue *is, char *due, char *contact_due);

/*
 * The day a case's next deadline falls on, into due ("" if none): the
 * contact with the proposer while it is not recorded, then the Join
 * response while it is not given; none once the case is closed or
 * withdrawn. Returns 1 if that day has passed. The Cases tab and ogpo
 * list cases show this one date.
 */
int	 core_case_next_due(const struct issue *is, char *due);

/*
 * A Join case's two deadlines in words, for its page, a line each to
 * line: the contact, then the response, each with its day and how long
 * until it or since it passed ("overdue 3 days"), or the day it was met.
 * Nothing for other cases; a closed or withdrawn case only those met.
 */
void	 core_case_due_lines(const struct issue *is,
	    void (*line)(void *arg, const char *s), void *arg);

/* Whole calendar days from date a to date b (negative if b is before). */
long	 core_days_between(const char *a, const char *b);

/*
 * Deadlines: what someone owes by a day. Cases give two each (Join
 * only); other records may add theirs to core_deadlines later.
 */
enum deadline_kind {
	DEADLINE_RESPONSE = 1,	/* the agency answers the Join proposal */
	DEADLINE_CONTACT,	/* the agency contacts the proposer */
	DEADLINE_RESOLUTION,	/* an owner carries out a resolution */
	DEADLINE_KIND_MAX = DEADLINE_RESOLUTION
};

struct core_deadline {
	enum entity_kind entity;	/* ENTITY_ISSUE or ENTITY_RESOLUTION */
	uint32_t	 id;
	uint32_t	 kind;		/* enum deadline_kind */
	uint32_t	 agency;	/* who owes it */
	int		 extended;	/* the due date is an extension's */
	char		 due[OGPO_DATE_MAX + 1];
	char		 done[OGPO_DATE_MAX + 1];	/* "": not yet */
	char		 what[OGPO_TEXT_MAX + OGPO_SERIAL_MAX + 2];
};

/* Non-zero from fn stops the walk and is returned. */
typedef int (*core_deadline_fn)(void *arg, const struct core_deadline *d);

/* Every case's deadline in t, met or not, to fn. */
int	 core_deadlines(struct store_txn *t, core_deadline_fn fn, void *arg);

/*
 * Those, then one per owner of each resolution still followed that has a
 * due date (DEADLINE_RESOLUTION; what: "2026-09-15-3 its text", the
 * meeting's date and the number, as agendas name it): what `ogpo due`
 * and the deadlines export list.
 */
int	 core_deadlines_all(struct store_txn *t, core_deadline_fn fn,
	    void *arg);

/*
 * What is owed: the deadlines not yet met, overdue or due within some
 * days of today, by agency (the tree's order) then due date. init sets
 * the window (and one agency, or 0 for all); collect reads them from t;
 * lines gives them in words, a line at a time ("" between agencies);
 * summary, allocated, counts those overdue and those due soon.
 */
struct core_due {
	char		 today[OGPO_DATE_MAX + 1];
	char		 until[OGPO_DATE_MAX + 1];
	long		 within;
	uint32_t	 agency;
	struct core_deadline *d;
	size_t		 n, cap, overdue;
};
void	 core_due_init(struct core_due *u, long within, uint32_t agency);
int	 core_due_collect(struct store_txn *t, struct core_due *u);
void	 core_due_lines(struct store_txn *t, const struct core_due *u,
	    void (*line)(void *arg, const char *s), void *arg);
char	*core_due_summary(const struct core_due *u);
void	 core_due_free(struct core_due *u);

/*
 * Sessions: each running full-screen ogpo says who runs it, since when
 * and in which pane, so others can see who is here. begin makes this
 * process's record, pane updates it, end (or core_close) removes it.
 */
struct core_session {
	long	 pid;
	char	 login[OGPO_LOGIN_MAX + 1];
	int64_t	 since;
	char	 pane[32];
};
void	 core_session_begin(struct core *c, const char *pane);
void	 core_session_pane(struct core *c, const char *pane);
void	 core_session_end(struct core *c);
/*
 * The live sessions, this one included: fills up to max, returns how
 * many there are. Records of processes that are gone are removed.
 */
size_t	 core_sessions(struct core *c, struct core_session *out, size_t max);

/*
 * A sentence naming whoever has held the database for writing for min_s
 * seconds or more, or is stopped while holding it: 1 and buf filled, or 0
 * (buf empty) when no one has.
 */
int	 core_writer_text(struct core *c, int min_s, char *buf, size_t n);

/* A reference as people know it: "內政部 (MOI)", "王小明 科長". */
void	 core_ref_text(struct store_txn *t, enum entity_kind kind,
	    uint32_t id, char *buf, size_t n);

/* How core_owners_text names each owner agency. */
enum core_owners_as {
	CORE_OWNERS_NAME,	/* 內政部 */
	CORE_OWNERS_CODE,	/* MOI */
};

/*
 * Resolution r's owner agencies, by name or by code, sep between, into
 * buf (n bytes), cut at a character's end where they do not fit; an
 * agency the store no longer holds is "#id".
 */
void	 core_owners_text(struct store_txn *t, const struct resolution *r,
	    enum core_owners_as as, const char *sep, char *buf, size_t n);

/*
 * Record rec's label for messages: its name or title ("王小明"), or for
 * an attendance row, which has no number or name of its own, the person
 * and the meeting ("王小明 at 2026-01-15 工作會議").
 */
void	 core_record_label(struct store_txn *t, enum entity_kind kind,
	    const void *rec, char *buf, size_t n);

/*
 * Field f of rec as people read it: references by name, enums by their
 * label, yes/no. Always terminated.
 */
void	 core_field_text(struct store_txn *t, const struct field *f,
	    const void *rec, char *buf, size_t n);

/*
 * What differs between old and rec (records of kind): "title 科長 → 專員;
 * agency 內政部 (MOI) → 交通部 (MOTC)". With old or rec NULL, the other's
 * fields that are set. Returns how many fields differ.
 */
size_t	 core_diff(struct store_txn *t, enum entity_kind kind,
	    const void *old, const void *rec, char *buf, size_t n);

/* An audit record in words. */
struct core_audit_text {
	char	 what[2 * OGPO_TEXT_MAX + 64];	/* the record: "王小明" */
	char	 changes[2048];			/* core_diff's words */
};
void	 core_audit_describe(struct store_txn *t, const struct audit *a,
	    struct core_audit_text *d);

/*
 * 1 if the person may see audit record a: an admin every record, an
 * editor their own and those about records in their scope, a viewer
 * their own.
 */
int	 core_audit_visible(struct core *c, struct store_txn *t,
	    const struct audit *a);

/* What to show of the audit trail: "" / 0 for any. */
struct core_audit_filter {
	char	 login[OGPO_LOGIN_MAX + 1];
	uint32_t entity;	/* enum entity_kind */
	int64_t	 since;		/* written at or after */
	int64_t	 until;		/* written before (0: no end) */
};

/* 1 if a passes f and the person may see it (core_audit_visible). */
int	 core_audit_match(struct core *c, struct store_txn *t,
	    const struct core_audit_filter *f, const struct audit *a);

/* The seq of the first audit record written at or after when. */
uint64_t core_audit_at(struct store_txn *t, int64_t when);

/*
 * Undo. A change is what one transaction wrote: a form saved, a
 * designation ended with the meetings that follow it, an import. Its
 * audit records share a group: the seq of the first of them.
 */
struct core_change {
	uint64_t group, last;	/* its first and last audit records */
	int64_t	 time;
	char	 login[OGPO_LOGIN_MAX + 1];
	size_t	 records;	/* records it changed */
	uint64_t undone;	/* the undo that took it back; 0: it stands */
	int	 undo;		/* it is itself an undo */
	char	 what[640];	/* in words: "officer 王小明: title 科長 → 專員" */
};

/* The group of an audit record (for records older than groups: itself,
 * or for an import, the first change it names). */
uint64_t core_audit_group(const struct audit *a);

/* The change audit record seq belongs to. */
int	 core_change_get(struct store_txn *t, uint64_t seq,
	    struct core_change *ch, char **cause);

/*
 * The newest change login made that stands (is not taken back) and is
 * not an undo: 0, or OGPO_NOTFOUND with a sentence.
 */
int	 core_change_last(struct store_txn *t, const char *login,
	    struct core_change *ch, char **cause);

/*
 * Could the change holding audit record seq be taken back now? 0, or a
 * status and *cause: taken back already, itself an undo, a record moved
 * on since ("officer 王小明 was changed by lin at 2026-01-05 14:02 after
 * it"), or one the person may not write. *ch (may be NULL) describes it.
 * Looks in a dry run (core_dry) and writes nothing: no one waits for it,
 * so a refusal is found before the writer's lock is taken (an editor
 * asking to undo another's large import would otherwise hold up every
 * save for as long as the refusal takes, as often as they like).
 */
int	 core_undo_check(struct core *c, uint64_t seq, struct core_change *ch,
	    char **cause);

/*
 * Before an undo takes the writer's lock: 0, or the refusal
 * core_undo_check finds. An admin's undo is not looked at twice (no scope
 * refuses it, and a large one would take longer); anyone else's refusal
 * is found without holding up anyone's saves.
 */
int	 core_undo_ready(struct core *c, uint64_t seq, char **cause);

/*
 * Take the change holding audit record seq back in t, as a new change:
 * every record it touched gets the value it had before it (records it
 * made go, records it deleted come back under their own ids), audited
 * like any change, then an undo record (for an import, carrying ir) and
 * the fact that the change was taken back. Refused as core_undo_check
 * says; on any error nothing is written. *undo: the undo record's seq.
 */
int	 core_undo(struct core *c, struct store_txn *t, uint64_t seq,
	    const struct import_record *ir, struct core_change *ch,
	    uint64_t *undo, char **cause);

#endif
