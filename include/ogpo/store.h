/*
 * store.h — ogpo's database: one LMDB environment shared by every user's
 * process. This header is the store's whole contract; nothing outside
 * src/store/ sees LMDB. Records go in and come out as the structs of
 * model.h, copied out inside the transaction.
 *
 * Every call returns an enum ogpo_status and, where it takes a cause,
 * fills it with a sentence a person can act on.
 */
#ifndef OGPO_STORE_H
#define OGPO_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "ogpo/model.h"
#include "ogpo/util.h"

#define STORE_SCHEMA_VERSION	6	/* 2: officer_stroke; 3: undone;
					   4: officer_gram; 5: issues become
					   tracked cases, with progress;
					   6: resolutions, votes */
#define STORE_MAP_INITIAL	(64UL << 20)	/* bytes; grows by itself */

struct store;
struct store_txn;
struct store_cursor;

struct store_options {
	size_t	 map_size;	/* starting map size, 0 for the default */
	int	 read_only;	/* open for reading; never creates */
	int	 create;	/* create the directory and database */
	/*
	 * The shared database of a set-group-id install, opened with the
	 * rights of group: nothing is opened there that is not what the
	 * install made (see store_open).
	 */
	int	 shared;
	gid_t	 group;
};

/*
 * Open the environment in directory dir. Refuses a directory on NFS or
 * CIFS, clears stale reader slots, creates the sub-databases and runs any
 * schema migration. On error *sp is NULL and *cause says why.
 *
 * With opt->shared, dir is first checked as the group's: it and every
 * directory above it can be changed by root alone (dir itself by the
 * group too), and each file LMDB opens there is a regular file of the
 * group with one link and no rights for others, or absent (a link, a
 * FIFO, a device or another's file is refused, naming it and the fix).
 */
int	 store_open(struct store **sp, const char *dir,
	    const struct store_options *opt, char **cause);
void	 store_close(struct store *s);
const char *store_dir(const struct store *s);

/*
 * Who holds the database for writing (writer.c): filled in h, 1 if someone
 * does, 0 if no one does. pid 0 when the holder has not said who yet.
 */
struct store_holder {
	long		 pid;
	unsigned	 uid;
	int64_t		 since_ms;	/* ms since the epoch */
	char		 what[32];	/* "import", "ogpo set" … */
	int		 stopped;	/* Ctrl-Z or kill -STOP */
	int		 nice;		/* its nice value (renice) */
	int		 idle;		/* put last for the processor
					   (chrt -i: SCHED_IDLE) */
	int		 behind;	/* so by a cgroup of its owner's */
	int64_t		 throttled_ms;	/* kept off the processor by a
					   quota of its owner's, in all */
};
int	 store_writer(struct store *s, struct store_holder *h);

/*
 * While this process waits for another's write to end, fn is called
 * (every 20 ms or so, after half a second) with the holder and how long
 * it has waited: to say so on a screen. A holder kept from working is
 * not waited for long: stopped, or waiting for the processor at a
 * priority or in a cgroup its owner lowered, for five seconds in all
 * (however short each time), the write fails with OGPO_BUSY and a
 * sentence naming it.
 * fn must not write to the database.
 */
typedef void (*store_wait_fn)(void *arg, const struct store_holder *h,
    int64_t waited_ms);
void	 store_set_wait(struct store *s, store_wait_fn fn, void *arg);

/* What this process's writes are for, as others see it ("import"). */
void	 store_set_activity(struct store *s, const char *what);

/*
 * With on, the last step of this process's commits, the meta page that
 * makes them the database's state, is put on disk later, by store_sync,
 * rather than before store_write returns: a screen shows the change
 * first and flushes it before it takes the next key. A commit is written
 * to the file before store_write returns, so it outlives this process
 * however it ends; only a failure of the machine itself before
 * store_sync can take it back, and never the commits before it.
 * store_close syncs too.
 */
void	 store_set_lazy_sync(struct store *s, int on);

/*
 * Put this process's commits since the last call on disk; at once if
 * there are none. 0, or OGPO_IO with *cause.
 */
int	 store_sync(struct store *s, char **cause);

/*
 * The processes reading a snapshot of the database now: out[0..max),
 * returns how many there are. behind: how many commits the snapshot is
 * behind the newest; held_ms: how long at least it has been held (-1 if
 * unknown or if it is up to date, when it holds nothing back).
 */
struct store_reader {
	long		 pid;
	unsigned	 uid;		/* (unsigned)-1 if the process is gone */
	uint64_t	 txnid, behind;
	int64_t		 held_ms;
	int		 lost;		/* begun before the oldest commit
					   the ring remembers: held_ms is
					   only the least it can be */
};
size_t	 store_readers(struct store *s, struct store_reader *out,
	    size_t max);

/* The id of the newest committed transaction, by anyone. */
uint64_t store_last_txnid(struct store *s);

/*
 * Let go of the pages of the map this process has read: they stay in
 * the system's cache, for the next reader, but no longer count in this
 * process's resident memory. A walk through a large index maps far more
 * than it reads (the kernel maps the neighbours of each page it faults
 * in); a screen that stays open for hours calls this after such a walk.
 */
void	 store_release(struct store *s);

/* Current map size in bytes (it grows on demand). */
size_t	 store_map_size(struct store *s);

/*
 * Grow the map, if need be, so that at least bytes more fit: a large
 * write transaction then runs once instead of filling the map and
 * starting over. Call with no transaction of this process open.
 */
int	 store_reserve(struct store *s, size_t bytes, char **cause);

/*
 * Run fn inside one write transaction and commit it when fn returns 0.
 * When the map fills, the transaction is thrown away, the map grown and
 * fn run again from the start: fn must keep its effects inside the
 * transaction (and reset what it writes into arg). On any error nothing
 * is written and fn's status and cause are returned.
 */
typedef int (*store_write_fn)(struct store_txn *t, void *arg, char **cause);
int	 store_write(struct store *s, store_write_fn fn, void *arg,
	    char **cause);

/*
 * Run fn as store_write would, as a dry run: fn sees a snapshot of the
 * database and every change it makes, but the changes go to a private
 * layer that is thrown away, and no other process waits for it (the
 * writer's lock is never taken). Returns fn's status.
 */
int	 store_dry(struct store *s, store_write_fn fn, void *arg,
	    char **cause);

/*
 * In a dry run t, the private layer's changed pages are written to its
 * file (a temporary one of its own) every changes changes (0: the
 * default), so that the layer's memory stays bounded whatever the run
 * writes. Elsewhere nothing.
 */
void	 store_dry_settle(struct store_txn *t, size_t changes);

/*
 * A savepoint in write transaction t (one at a time): what is written
 * after it can be taken back alone (keep 0) or kept (keep 1) by
 * store_savepoint_end. An open one is taken back when t ends.
 */
int	 store_savepoint(struct store_txn *t, char **cause);
int	 store_savepoint_end(struct store_txn *t, int keep, char **cause);

/*
 * For a write of many records (an import): the rest of write transaction
 * t writes the changes to indexes that allow duplicates in batches, each
 * sorted by key, instead of one by one. Reads see every change as before.
 * A batch holds up to batch bytes of changes (0: 8 MB, about 90,000 rows)
 * and is written when full, before such an index is read, and at commit.
 */
void	 store_defer(struct store_txn *t, size_t batch);

/*
 * The bytes store_*_put stored for rec, if rec is the record written last
 * in t: copied into buf (n bytes) and their length returned, else 0. The
 * audit trail's after-image, without encoding the record twice.
 */
size_t	 store_image(struct store_txn *t, const void *rec, uint8_t *buf,
	    size_t n);

/*
 * A read transaction: a consistent snapshot. Keep it short: never hold
 * one while waiting for a person.
 */
int	 store_read_begin(struct store *s, struct store_txn **tp,
	    char **cause);
void	 store_read_end(struct store_txn *t);

/* The store and the login of the transaction, for audit and messages. */
struct store *store_txn_store(struct store_txn *t);

/*
 * A number no other transaction of this process has had (a map-full
 * rerun of store_write gets a new one): the key of a cache that must not
 * outlive the transaction it was filled in.
 */
uint64_t store_txn_serial(const struct store_txn *t);

/*
 * The committed state t reads (LMDB's transaction id): two transactions
 * with the same snapshot see the same records, in any process.
 */
uint64_t store_txn_snapshot(const struct store_txn *t);

/*
 * Records by id. get returns OGPO_NOTFOUND when there is none (cause
 * untouched) and OGPO_CORRUPT with a cause when the bytes do not decode.
 *
 * put stores rec whole: id 0 takes the next id (written back into rec),
 * the version becomes the stored one plus one, and every index is brought
 * in step in the same transaction. A unique key held by another record
 * fails with OGPO_EXISTS, naming the holder. put does not judge content:
 * that is core's work.
 *
 * del removes the record and its index entries. It does not look at who
 * refers to the record (core does, with store_count and the indexes).
 */
int	 store_agency_get(struct store_txn *t, uint32_t id, struct agency *a,
	    char **cause);
int	 store_agency_put(struct store_txn *t, struct agency *a, char **cause);
int	 store_agency_del(struct store_txn *t, uint32_t id, char **cause);
int	 store_agency_by_code(struct store_txn *t, const char *code,
	    struct agency *a, char **cause);

int	 store_officer_get(struct store_txn *t, uint32_t id, struct officer *o,
	    char **cause);
int	 store_officer_put(struct store_txn *t, struct officer *o,
	    char **cause);
int	 store_officer_del(struct store_txn *t, uint32_t id, char **cause);
int	 store_officer_by_email(struct store_txn *t, const char *email,
	    struct officer *o, char **cause);

int	 store_meeting_get(struct store_txn *t, uint32_t id, struct meeting *m,
	    char **cause);
int	 store_meeting_put(struct store_txn *t, struct meeting *m,
	    char **cause);
int	 store_meeting_del(struct store_txn *t, uint32_t id, char **cause);

/* Attendance is keyed by (meeting, officer), both set in the record. */
int	 store_attendance_get(struct store_txn *t, uint32_t meeting,
	    uint32_t officer, struct attendance *a, char **cause);
int	 store_attendance_put(struct store_txn *t, struct attendance *a,
	    char **cause);
int	 store_attendance_del(struct store_txn *t, uint32_t meeting,
	    uint32_t officer, char **cause);

int	 store_issue_get(struct store_txn *t, uint32_t id, struct issue *i,
	    char **cause);
int	 store_issue_put(struct store_txn *t, struct issue *i, char **cause);
int	 store_issue_del(struct store_txn *t, uint32_t id, char **cause);

/* Training (point 8) and rewards (point 9), each by id and by officer. */
int	 store_training_put(struct store_txn *t, struct training *r,
	    char **cause);
int	 store_training_del(struct store_txn *t, uint32_t id, char **cause);
int	 store_reward_put(struct store_txn *t, struct reward *r, char **cause);
int	 store_reward_del(struct store_txn *t, uint32_t id, char **cause);

/* The case numbered serial ("115-07"); OGPO_NOTFOUND if none. */
int	 store_case_by_serial(struct store_txn *t, const char *serial,
	    struct issue *is, char **cause);

/* A case's progress reports, by id and by case. */
int	 store_progress_put(struct store_txn *t, struct progress *p,
	    char **cause);
int	 store_progress_del(struct store_txn *t, uint32_t id, char **cause);
/* A meeting's resolutions (決議事項), by id, meeting and owner agency. */
int	 store_resolution_get(struct store_txn *t, uint32_t id,
	    struct resolution *r, char **cause);
int	 store_resolution_put(struct store_txn *t, struct resolution *r,
	    char **cause);
int	 store_resolution_del(struct store_txn *t, uint32_t id, char **cause);

/* Topic votes, their candidates and ballots (by vote: the group). */
int	 store_vote_put(struct store_txn *t, struct vote *v, char **cause);
int	 store_candidate_put(struct store_txn *t, struct candidate *cd,
	    char **cause);
int	 store_ballot_put(struct store_txn *t, struct ballot *b, char **cause);
/* Delete a vote, a candidate or a ballot (kind says which). */
int	 store_vote_rec_del(struct store_txn *t, enum entity_kind kind,
	    uint32_t id, char **cause);

int	 store_user_get(struct store_txn *t, const char *login, struct user *u,
	    char **cause);
int	 store_user_put(struct store_txn *t, struct user *u, char **cause);
int	 store_user_del(struct store_txn *t, const char *login, char **cause);

/* Append an audit record; a->seq is assigned. */
int	 store_audit_append(struct store_txn *t, struct audit *a,
	    char **cause);
int	 store_audit_get(struct store_txn *t, uint64_t seq, struct audit *a,
	    char **cause);
/* The seq the next audit record will take. */
uint64_t store_audit_next(struct store_txn *t);

/*
 * Which undo took back the change whose group is group (struct audit):
 * 0 and *undo set to the undo's audit seq, or OGPO_NOTFOUND when it
 * stands. put records that fact, in the undo's own transaction; a
 * group is taken back once.
 */
int	 store_undone_get(struct store_txn *t, uint64_t group, uint64_t *undo);
int	 store_undone_put(struct store_txn *t, uint64_t group, uint64_t undo,
	    char **cause);

/*
 * The audit chain's head: the SHA-256 of the newest audit record, and
 * its seq (0 when the trail is empty). Written down elsewhere, it lets
 * a later `ogpo verify` prove that the trail up to it is untouched.
 */
int	 store_audit_head(struct store_txn *t, uint8_t head[OGPO_HASH_LEN],
	    uint64_t *seq, char **cause);
/* The SHA-256 of audit record seq as stored. */
int	 store_audit_hash(struct store_txn *t, uint64_t seq,
	    uint8_t hash[OGPO_HASH_LEN], char **cause);

/*
 * Marks that last one write transaction, kept in the map rather than the
 * heap (an import remembers the codes it has seen, or the e-mails of rows
 * it turned away). store_mark sets key to value and returns the value it
 * had, 0 if none; store_mark_peek only returns it. store_marks_clear
 * forgets them all; call it before and after use.
 */
int	 store_mark(struct store_txn *t, const char *key, uint32_t value,
	    uint32_t *prev, char **cause);
uint32_t store_mark_peek(struct store_txn *t, const char *key);
int	 store_marks_clear(struct store_txn *t, char **cause);

/* 1 if a record of kind (keyed by id) with this id exists; no decoding. */
int	 store_exists(struct store_txn *t, enum entity_kind kind, uint32_t id);

/*
 * The generic form of the get calls, for code that works on any entity
 * keyed by id (agency, officer, meeting, issue).
 */
int	 store_get(struct store_txn *t, enum entity_kind kind, uint32_t id,
	    void *rec, char **cause);

/*
 * As store_get, but only the fields in the mask (codec_mask) are read
 * into rec; the rest of it is left as it was (codec_decode_some).
 */
int	 store_get_some(struct store_txn *t, enum entity_kind kind,
	    uint32_t id, void *rec, uint64_t fields, char **cause);

/*
 * Indexes a cursor can walk. Each walk yields records of one entity in
 * the index's order; a group narrows it to one parent key.
 */
enum store_index {
	IX_AGENCY = 1,		/* agencies by id */
	IX_AGENCY_CODE,		/* agencies by code */
	IX_AGENCY_CHILD,	/* agencies by parent (group: parent id) */
	IX_OFFICER,		/* officers by id */
	IX_OFFICER_EMAIL,	/* officers by lower-cased e-mail */
	IX_OFFICER_AGENCY,	/* officers by agency (group: agency id) */
	IX_OFFICER_NAME,	/* officers by name, then id */
	IX_OFFICER_ROLE,	/* officers by agency, role, end date */
	IX_MEETING,		/* meetings by id */
	IX_MEETING_DATE,	/* meetings by date, then id */
	IX_ATTENDANCE,		/* attendance by meeting (group), officer */
	IX_ATTENDANCE_OFFICER,	/* attendance by officer (group), meeting */
	IX_ISSUE,		/* issues by id */
	IX_AGENCY_ISSUE,	/* issues by agency, lead or collaborating
				   (group: agency id) */
	IX_USER,		/* users by login */
	IX_AUDIT,		/* audit records by sequence */
	IX_TRAINING,		/* training records by id */
	IX_OFFICER_TRAINING,	/* training by officer (group) */
	IX_REWARD,		/* rewards by id */
	IX_OFFICER_REWARD,	/* rewards by officer (group) */
	IX_OFFICER_STROKE,	/* officers by the stroke order of their name
				   (筆畫; collate.h), then id */
	IX_OFFICER_GRAM,	/* officers by every three characters of
				   their name, e-mail and title (a search
				   reads it; see store_officer_find) */
	IX_CASE_SERIAL,		/* cases by number (unique) */
	IX_PROGRESS,		/* progress reports by id */
	IX_ISSUE_PROGRESS,	/* progress by case (group), oldest first */
	IX_RESOLUTION,		/* meetings' resolutions by id */
	IX_MEETING_RESOLUTION,	/* resolutions by meeting (group) */
	IX_AGENCY_RESOLUTION,	/* resolutions by owner agency (group) */
	IX_VOTE,		/* topic votes by id */
	IX_CANDIDATE,		/* candidate topics by id */
	IX_VOTE_CANDIDATE,	/* candidates by vote (group) */
	IX_BALLOT,		/* ballots by id */
	IX_VOTE_BALLOT,		/* ballots by vote (group) */
	IX_MAX = IX_VOTE_BALLOT
};

/* Which entity an index yields, and its name ("officer_agency"). */
enum entity_kind store_index_entity(enum store_index ix);
/* The index of an entity's records themselves, in key order (IX_OFFICER). */
enum store_index store_entity_index(enum entity_kind kind);
const char *store_index_name(enum store_index ix);

/*
 * A position in an index, to come back to after the transaction is gone
 * (a list's top row). Opaque; compare with store_pos_cmp.
 */
#define STORE_POS_MAX	272
struct store_pos {
	uint16_t klen, vlen;
	uint8_t	 b[STORE_POS_MAX];
};

enum store_move {
	STORE_FIRST = 1,
	STORE_LAST,
	STORE_NEXT,
	STORE_PREV
};

/*
 * Open a cursor on index ix; with group not NULL, only the entries of
 * that group (ix must be grouped: agencies under parent 0 are the roots).
 * The cursor starts unpositioned; it lives no longer than t.
 */
int	 store_cursor_open(struct store_txn *t, enum store_index ix,
	    const uint32_t *group, struct store_cursor **cp, char **cause);
void	 store_cursor_close(struct store_cursor *c);

/*
 * Move. Returns 0, or OGPO_NOTFOUND past either end (the cursor then
 * stays where it was).
 */
int	 store_cursor_move(struct store_cursor *c, enum store_move how);

/* Go to pos, or to the first entry after it; OGPO_NOTFOUND if none. */
int	 store_cursor_seek(struct store_cursor *c, const struct store_pos *pos);

/*
 * Go to the record with id in the records of an entity keyed by id
 * (IX_OFFICER …); OGPO_NOTFOUND if there is none. Ids asked for in
 * rising order are found mostly on the page the cursor is on, without
 * a search from the root (a meeting's invitees, in id order).
 */
int	 store_cursor_seek_id(struct store_cursor *c, uint32_t id);

/*
 * Go to the first entry whose key starts at or after the text prefix
 * (IX_OFFICER_NAME, IX_OFFICER_EMAIL, IX_AGENCY_CODE, IX_USER) or the
 * date (IX_MEETING_DATE, "YYYY-MM-DD").
 */
int	 store_cursor_seek_text(struct store_cursor *c, const char *text);

void	 store_cursor_pos(struct store_cursor *c, struct store_pos *pos);
int	 store_pos_cmp(const struct store_pos *a, const struct store_pos *b);

/* The id of the record at the cursor (attendance: the officer). */
uint32_t store_cursor_id(struct store_cursor *c);

/* Decode the record at the cursor into rec (the index's entity). */
int	 store_cursor_get(struct store_cursor *c, void *rec, char **cause);

/* As store_cursor_get, only the fields in the mask (codec_mask). */
int	 store_cursor_get_some(struct store_cursor *c, void *rec,
	    uint64_t fields, char **cause);

/*
 * The ids of one group of ix, in index order, as a new array in *ids
 * (free it; NULL when empty). Returns how many. For short groups, such as
 * an agency's children, that are walked while other cursors come and go.
 */
size_t	 store_group_ids(struct store_txn *t, enum store_index ix,
	    uint32_t group, uint32_t **ids);

/* How many entries ix holds, or its group holds when group != NULL. */
size_t	 store_count(struct store_txn *t, enum store_index ix,
	    const uint32_t *group);

/*
 * How many officers of agency hold role on date (YYYY-MM-DD): their
 * designation started by then and has not ended before it (the rule of
 * core_officer_active). Reads only the officer_role index: the cost grows
 * with the distinct designation periods, not with the officers.
 */
size_t	 store_officers_in_role(struct store_txn *t, uint32_t agency,
	    uint32_t role, const char *date);

/* A set of ids (of officers), as bits; all zero is empty. */
struct store_idset {
	uint64_t	*w;
	size_t		 nw;	/* words */
};
void	 store_idset_add(struct store_idset *s, uint32_t id);
int	 store_idset_has(const struct store_idset *s, uint32_t id);
void	 store_idset_clear(struct store_idset *s);
void	 store_idset_free(struct store_idset *s);
size_t	 store_idset_count(const struct store_idset *s);

/*
 * Add to set the officers whose name, e-mail or title holds text, A-Z
 * and a-z alike (as a search compares them), from the officer_gram
 * index: the cost follows the entries of the text's grams, not the
 * number of officers. Agencies are not looked at (store_group_add).
 */
int	 store_officer_find(struct store_txn *t, const char *text,
	    struct store_idset *set, char **cause);

/* Add the ids of one group of index ix (an agency's officers) to set. */
int	 store_group_add(struct store_txn *t, enum store_index ix,
	    uint32_t group, struct store_idset *set);

/*
 * From the cursor's entry, move in direction how (STORE_NEXT or
 * STORE_PREV) to the nearest entry whose id is in set, without decoding
 * anything. Returns the steps taken, or 0 when there is none before the
 * end (the cursor then stays where it was).
 */
size_t	 store_cursor_find(struct store_cursor *c, enum store_move how,
	    const struct store_idset *set);

/*
 * Check everything: every record decodes, every index entry a record
 * implies exists, every index entry is implied by its record, every
 * reference resolves and the id sequences are ahead of the ids. report
 * is called once per problem with a sentence (NULL: only count them);
 * returns how many.
 */
typedef void (*store_report_fn)(void *arg, const char *problem);
size_t	 store_verify(struct store_txn *t, store_report_fn report, void *arg);

/*
 * Hot, compacted copy of the environment into directory dir (created if
 * missing, must not hold a database), consistent while others write.
 */
int	 store_backup(struct store *s, const char *dir, char **cause);

/* Counts for a summary line: records of each entity, map use. */
struct store_stats {
	size_t	 records[ENTITY_MAX + 1];
	size_t	 map_used, map_size;
	unsigned readers, max_readers;
	/* Reader slots of dead processes cleared, at open and now. */
	int	 stale_cleared;
};
int	 store_stats(struct store *s, struct store_stats *st, char **cause);

#endif
