/*
 * record.c — records and their indexes. Each index is described once (which
 * entries a record contributes, and how an entry leads back to its record);
 * put and del keep every index in step in the caller's transaction, and
 * verify checks the same descriptions both ways. Nothing here commits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ogpo/codec.h"
#include "ogpo/collate.h"
#include "store-int.h"

/* Primary keys. */

static size_t
record_key_id(const void *rec, uint8_t *pk)
{
	store_u32_put(pk, ((const struct record_head *)rec)->id);
	return 4;
}

static size_t
record_key_attendance(const void *rec, uint8_t *pk)
{
	const struct attendance *a = rec;

	store_u32_put(pk, a->meeting);
	store_u32_put(pk + 4, a->officer);
	return 8;
}

static size_t
record_key_user(const void *rec, uint8_t *pk)
{
	const struct user *u = rec;
	size_t n = strlen(u->login);

	memcpy(pk, u->login, n);
	return n;
}

static size_t
record_key_audit(const void *rec, uint8_t *pk)
{
	store_u64_put(pk, ((const struct audit *)rec)->seq);
	return 8;
}

/* Index entries, one small function per index. */

static size_t
record_ent(struct store_ixent *e, const void *k, size_t kl, uint32_t v)
{
	memcpy(e->k, k, kl);
	e->kl = (uint16_t)kl;
	store_u32_put(e->v, v);
	e->vl = 4;
	return 1;
}

static size_t
record_ent_u32(struct store_ixent *e, uint32_t k, uint32_t v)
{
	uint8_t b[4];

	store_u32_put(b, k);
	return record_ent(e, b, 4, v);
}

static size_t
record_ix_agency_code(const void *rec, struct store_ixent *out, size_t max)
{
	const struct agency *a = rec;

	(void)max;
	return record_ent(out, a->code, strlen(a->code), a->h.id);
}

static size_t
record_ix_agency_child(const void *rec, struct store_ixent *out, size_t max)
{
	const struct agency *a = rec;

	(void)max;
	return record_ent_u32(out, a->parent, a->h.id);
}

static size_t
record_ix_officer_email(const void *rec, struct store_ixent *out, size_t max)
{
	const struct officer *o = rec;
	char lower[OGPO_EMAIL_MAX + 1];

	(void)max;
	if (o->email[0] == '\0')
		return 0;
	str_lower(lower, o->email, sizeof lower);
	return record_ent(out, lower, strlen(lower), o->h.id);
}

static size_t
record_ix_officer_agency(const void *rec, struct store_ixent *out, size_t max)
{
	const struct officer *o = rec;

	(void)max;
	return record_ent_u32(out, o->agency, o->h.id);
}

static size_t
record_ix_officer_name(const void *rec, struct store_ixent *out, size_t max)
{
	const struct officer *o = rec;

	(void)max;
	if (o->name[0] == '\0')
		return 0;
	return record_ent(out, o->name, strlen(o->name), o->h.id);
}

/* officer_stroke: the name's stroke-order key (collate.h) → officer. */
static size_t
record_ix_officer_stroke(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct officer *o = rec;
	uint8_t key[STORE_KEY_MAX];
	size_t n;

	(void)max;
	if (o->name[0] == '\0')
		return 0;
	n = collate_stroke_key(o->name, key, sizeof key);
	return record_ent(out, key, n, o->h.id);
}

/*
 * officer_role: agency, role, end date, start date → officer. The
 * designations in force on a day are the keys from (agency, role, day)
 * on whose start date is not after it; an open end sorts as 9999-12-31,
 * an open start as 0000-00-00.
 */
static size_t
record_ix_officer_role(const void *rec, struct store_ixent *out, size_t max)
{
	const struct officer *o = rec;
	uint8_t k[4 + 1 + 2 * OGPO_DATE_MAX];

	(void)max;
	store_u32_put(k, o->agency);
	k[4] = (uint8_t)o->role;
	memcpy(k + 5, o->end_date[0] ? o->end_date : "9999-12-31",
	    OGPO_DATE_MAX);
	memcpy(k + 5 + OGPO_DATE_MAX, o->start_date[0] ? o->start_date :
	    "0000-00-00", OGPO_DATE_MAX);
	return record_ent(out, k, sizeof k, o->h.id);
}

static size_t
record_ix_officer_training(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct training *r = rec;

	(void)max;
	return record_ent_u32(out, r->officer, r->h.id);
}

static size_t
record_ix_officer_reward(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct reward *r = rec;

	(void)max;
	return record_ent_u32(out, r->officer, r->h.id);
}

static size_t
record_ix_meeting_resolution(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct resolution *r = rec;

	(void)max;
	return record_ent_u32(out, r->meeting, r->h.id);
}

/* Each owner agency once. */
static size_t
record_ix_agency_resolution(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct resolution *r = rec;
	size_t n = 0, i, j;

	for (i = 0; i < r->nowner && i < OGPO_COLLAB_MAX && n < max; i++) {
		for (j = 0; j < n; j++)
			if (store_u32_get(out[j].k) == r->owner[i])
				break;
		if (j == n && r->owner[i] != 0)
			n += record_ent_u32(&out[n], r->owner[i], r->h.id);
	}
	return n;
}

static size_t
record_ix_vote_candidate(const void *rec, struct store_ixent *out,
    size_t max)
{
	(void)max;
	return record_ent_u32(out, ((const struct candidate *)rec)->vote,
	    ((const struct candidate *)rec)->h.id);
}

static size_t
record_ix_vote_ballot(const void *rec, struct store_ixent *out, size_t max)
{
	(void)max;
	return record_ent_u32(out, ((const struct ballot *)rec)->vote,
	    ((const struct ballot *)rec)->h.id);
}

static size_t
record_ix_meeting_date(const void *rec, struct store_ixent *out, size_t max)
{
	const struct meeting *m = rec;

	(void)max;
	return record_ent(out, m->date, strlen(m->date), m->h.id);
}

static size_t
record_ix_attendance_officer(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct attendance *a = rec;

	(void)max;
	return record_ent_u32(out, a->officer, a->meeting);
}

static size_t
record_ix_agency_issue(const void *rec, struct store_ixent *out, size_t max)
{
	const struct issue *is = rec;
	size_t n = 0, i, j;

	if (is->lead != 0)
		n += record_ent_u32(&out[n], is->lead, is->h.id);
	for (i = 0; i < is->ncollab && i < OGPO_COLLAB_MAX && n < max; i++) {
		for (j = 0; j < n; j++)
			if (store_u32_get(out[j].k) == is->collab[i])
				break;
		if (j == n && is->collab[i] != 0)
			n += record_ent_u32(&out[n], is->collab[i], is->h.id);
	}
	return n;
}

/* case_serial: the case's number → the case; none while it has none. */
static size_t
record_ix_case_serial(const void *rec, struct store_ixent *out, size_t max)
{
	const struct issue *is = rec;

	(void)max;
	if (is->serial[0] == '\0')
		return 0;
	return record_ent(out, is->serial, strlen(is->serial), is->h.id);
}

static size_t
record_ix_issue_progress(const void *rec, struct store_ixent *out,
    size_t max)
{
	const struct progress *p = rec;

	(void)max;
	return record_ent_u32(out, p->issue, p->h.id);
}

/* Entry → primary key. */

static size_t
record_target_self(const MDB_val *k, const MDB_val *v, uint8_t *pk)
{
	(void)v;
	memcpy(pk, k->mv_data, k->mv_size);
	return k->mv_size;
}

static size_t
record_target_value(const MDB_val *k, const MDB_val *v, uint8_t *pk)
{
	(void)k;
	memcpy(pk, v->mv_data, 4);
	return 4;
}

/*
 * officer_gram: a block of entries, its key the gram, 0, and the first
 * entry's id and place; the officer a cursor stands on is that first
 * entry's (the value is the block's own encoding, not an id).
 */
static size_t
record_target_gram(const MDB_val *k, const MDB_val *v, uint8_t *pk)
{
	(void)v;
	if (k->mv_size < 5) {
		memset(pk, 0, 4);
		return 4;
	}
	memcpy(pk, (const uint8_t *)k->mv_data + k->mv_size - 5, 4);
	return 4;
}

/* attendance_officer: officer → meeting; the record is (meeting, officer) */
static size_t
record_target_swap(const MDB_val *k, const MDB_val *v, uint8_t *pk)
{
	memcpy(pk, v->mv_data, 4);
	memcpy(pk + 4, k->mv_data, 4);
	return 8;
}

const struct store_ixdesc store_ix[IX_MAX + 1] = {
	[IX_AGENCY] = { "agency", DB_AGENCY, ENTITY_AGENCY, IXF_PRIMARY,
		NULL, record_target_self },
	[IX_AGENCY_CODE] = { "agency_code", DB_AGENCY_CODE, ENTITY_AGENCY,
		IXF_UNIQUE, record_ix_agency_code, record_target_value },
	[IX_AGENCY_CHILD] = { "agency_child", DB_AGENCY_CHILD, ENTITY_AGENCY,
		IXF_DUP, record_ix_agency_child, record_target_value },
	[IX_OFFICER] = { "officer", DB_OFFICER, ENTITY_OFFICER, IXF_PRIMARY,
		NULL, record_target_self },
	[IX_OFFICER_EMAIL] = { "officer_email", DB_OFFICER_EMAIL,
		ENTITY_OFFICER, IXF_UNIQUE, record_ix_officer_email,
		record_target_value },
	[IX_OFFICER_AGENCY] = { "officer_agency", DB_OFFICER_AGENCY,
		ENTITY_OFFICER, IXF_DUP, record_ix_officer_agency,
		record_target_value },
	[IX_OFFICER_NAME] = { "officer_name", DB_OFFICER_NAME, ENTITY_OFFICER,
		IXF_DUP, record_ix_officer_name, record_target_value },
	[IX_OFFICER_ROLE] = { "officer_role", DB_OFFICER_ROLE, ENTITY_OFFICER,
		IXF_DUP, record_ix_officer_role, record_target_value },
	[IX_MEETING] = { "meeting", DB_MEETING, ENTITY_MEETING, IXF_PRIMARY,
		NULL, record_target_self },
	[IX_MEETING_DATE] = { "meeting_date", DB_MEETING_DATE, ENTITY_MEETING,
		IXF_DUP, record_ix_meeting_date, record_target_value },
	[IX_ATTENDANCE] = { "attendance", DB_ATTENDANCE, ENTITY_ATTENDANCE,
		IXF_PRIMARY | IXF_PREFIX, NULL, record_target_self },
	[IX_ATTENDANCE_OFFICER] = { "attendance_officer",
		DB_ATTENDANCE_OFFICER, ENTITY_ATTENDANCE, IXF_DUP,
		record_ix_attendance_officer, record_target_swap },
	[IX_ISSUE] = { "issue", DB_ISSUE, ENTITY_ISSUE, IXF_PRIMARY, NULL,
		record_target_self },
	[IX_AGENCY_ISSUE] = { "agency_issue", DB_AGENCY_ISSUE, ENTITY_ISSUE,
		IXF_DUP, record_ix_agency_issue, record_target_value },
	[IX_USER] = { "user", DB_USER, ENTITY_USER, IXF_PRIMARY, NULL,
		record_target_self },
	[IX_AUDIT] = { "audit", DB_AUDIT, ENTITY_AUDIT, IXF_PRIMARY, NULL,
		record_target_self },
	[IX_TRAINING] = { "training", DB_TRAINING, ENTITY_TRAINING,
		IXF_PRIMARY, NULL, record_target_self },
	[IX_OFFICER_TRAINING] = { "officer_training", DB_OFFICER_TRAINING,
		ENTITY_TRAINING, IXF_DUP, record_ix_officer_training,
		record_target_value },
	[IX_REWARD] = { "reward", DB_REWARD, ENTITY_REWARD, IXF_PRIMARY, NULL,
		record_target_self },
	[IX_OFFICER_REWARD] = { "officer_reward", DB_OFFICER_REWARD,
		ENTITY_REWARD, IXF_DUP, record_ix_officer_reward,
		record_target_value },
	[IX_OFFICER_STROKE] = { "officer_stroke", DB_OFFICER_STROKE,
		ENTITY_OFFICER, IXF_DUP, record_ix_officer_stroke,
		record_target_value },
	[IX_OFFICER_GRAM] = { "officer_gram", DB_OFFICER_GRAM,
		ENTITY_OFFICER, IXF_GRAM, store_gram_entries,
		record_target_gram },
	[IX_CASE_SERIAL] = { "case_serial", DB_CASE_SERIAL, ENTITY_ISSUE,
		IXF_UNIQUE, record_ix_case_serial, record_target_value },
	[IX_PROGRESS] = { "progress", DB_PROGRESS, ENTITY_PROGRESS,
		IXF_PRIMARY, NULL, record_target_self },
	[IX_ISSUE_PROGRESS] = { "issue_progress", DB_ISSUE_PROGRESS,
		ENTITY_PROGRESS, IXF_DUP, record_ix_issue_progress,
		record_target_value },
	[IX_RESOLUTION] = { "resolution", DB_RESOLUTION, ENTITY_RESOLUTION,
		IXF_PRIMARY, NULL, record_target_self },
	[IX_MEETING_RESOLUTION] = { "meeting_resolution",
		DB_MEETING_RESOLUTION, ENTITY_RESOLUTION, IXF_DUP,
		record_ix_meeting_resolution, record_target_value },
	[IX_AGENCY_RESOLUTION] = { "agency_resolution", DB_AGENCY_RESOLUTION,
		ENTITY_RESOLUTION, IXF_DUP, record_ix_agency_resolution,
		record_target_value },
	[IX_VOTE] = { "vote", DB_VOTE, ENTITY_VOTE, IXF_PRIMARY, NULL,
		record_target_self },
	[IX_CANDIDATE] = { "candidate", DB_CANDIDATE, ENTITY_CANDIDATE,
		IXF_PRIMARY, NULL, record_target_self },
	[IX_VOTE_CANDIDATE] = { "vote_candidate", DB_VOTE_CANDIDATE,
		ENTITY_CANDIDATE, IXF_DUP, record_ix_vote_candidate,
		record_target_value },
	[IX_BALLOT] = { "ballot", DB_BALLOT, ENTITY_BALLOT, IXF_PRIMARY, NULL,
		record_target_self },
	[IX_VOTE_BALLOT] = { "vote_ballot", DB_VOTE_BALLOT, ENTITY_BALLOT,
		IXF_DUP, record_ix_vote_ballot, record_target_value },
};

static const enum store_index record_agency_ix[] = { IX_AGENCY_CODE,
	IX_AGENCY_CHILD, 0 };
static const enum store_index record_officer_ix[] = { IX_OFFICER_EMAIL,
	IX_OFFICER_AGENCY, IX_OFFICER_NAME, IX_OFFICER_ROLE,
	IX_OFFICER_STROKE, IX_OFFICER_GRAM, 0 };
static const enum store_index record_meeting_ix[] = { IX_MEETING_DATE, 0 };
static const enum store_index record_attendance_ix[] = {
	IX_ATTENDANCE_OFFICER, 0 };
static const enum store_index record_issue_ix[] = { IX_AGENCY_ISSUE,
	IX_CASE_SERIAL, 0 };
static const enum store_index record_progress_ix[] = { IX_ISSUE_PROGRESS,
	0 };
static const enum store_index record_no_ix[] = { 0 };
static const enum store_index record_training_ix[] = { IX_OFFICER_TRAINING,
	0 };
static const enum store_index record_reward_ix[] = { IX_OFFICER_REWARD, 0 };
static const enum store_index record_candidate_ix[] = { IX_VOTE_CANDIDATE,
	0 };
static const enum store_index record_ballot_ix[] = { IX_VOTE_BALLOT, 0 };
static const enum store_index record_resolution_ix[] = {
	IX_MEETING_RESOLUTION, IX_AGENCY_RESOLUTION, 0 };

static const struct store_entity record_entities[ENTITY_MAX + 1] = {
	[ENTITY_AGENCY] = { ENTITY_AGENCY, &schema_agency, IX_AGENCY,
		"seq.agency", record_key_id, record_agency_ix },
	[ENTITY_OFFICER] = { ENTITY_OFFICER, &schema_officer, IX_OFFICER,
		"seq.officer", record_key_id, record_officer_ix },
	[ENTITY_MEETING] = { ENTITY_MEETING, &schema_meeting, IX_MEETING,
		"seq.meeting", record_key_id, record_meeting_ix },
	[ENTITY_ATTENDANCE] = { ENTITY_ATTENDANCE, &schema_attendance,
		IX_ATTENDANCE, NULL, record_key_attendance,
		record_attendance_ix },
	[ENTITY_ISSUE] = { ENTITY_ISSUE, &schema_issue, IX_ISSUE, "seq.issue",
		record_key_id, record_issue_ix },
	[ENTITY_USER] = { ENTITY_USER, &schema_user, IX_USER, NULL,
		record_key_user, record_no_ix },
	[ENTITY_AUDIT] = { ENTITY_AUDIT, &schema_audit, IX_AUDIT, "seq.audit",
		record_key_audit, record_no_ix },
	/* ENTITY_IMPORT lives inside audit records: no table. */
	[ENTITY_TRAINING] = { ENTITY_TRAINING, &schema_training, IX_TRAINING,
		"seq.training", record_key_id, record_training_ix },
	[ENTITY_REWARD] = { ENTITY_REWARD, &schema_reward, IX_REWARD,
		"seq.reward", record_key_id, record_reward_ix },
	[ENTITY_PROGRESS] = { ENTITY_PROGRESS, &schema_progress, IX_PROGRESS,
		"seq.progress", record_key_id, record_progress_ix },
	[ENTITY_RESOLUTION] = { ENTITY_RESOLUTION, &schema_resolution,
		IX_RESOLUTION, "seq.resolution", record_key_id,
		record_resolution_ix },
	[ENTITY_VOTE] = { ENTITY_VOTE, &schema_vote, IX_VOTE, "seq.vote",
		record_key_id, record_no_ix },
	[ENTITY_CANDIDATE] = { ENTITY_CANDIDATE, &schema_candidate,
		IX_CANDIDATE, "seq.candidate", record_key_id,
		record_candidate_ix },
	[ENTITY_BALLOT] = { ENTITY_BALLOT, &schema_ballot, IX_BALLOT,
		"seq.ballot", record_key_id, record_ballot_ix },
};

const struct store_entity *
store_entity(enum entity_kind kind)
{
	if (kind < ENTITY_AGENCY || kind > ENTITY_MAX ||
	    record_entities[kind].schema == NULL)
		return NULL;
	return &record_entities[kind];
}

enum entity_kind
store_index_entity(enum store_index ix)
{
	return store_ix[ix].entity;
}

enum store_index
store_entity_index(enum entity_kind kind)
{
	const struct store_entity *e = store_entity(kind);

	return e != NULL ? e->primary : 0;
}

const char *
store_index_name(enum store_index ix)
{
	return store_ix[ix].name;
}

int
store_rec_get(struct store_txn *t, const struct store_entity *e,
    const uint8_t *pk, size_t pkl, void *rec, char **cause)
{
	return store_rec_get_some(t, e, pk, pkl, rec, UINT64_MAX, cause);
}

int
store_rec_get_some(struct store_txn *t, const struct store_entity *e,
    const uint8_t *pk, size_t pkl, void *rec, uint64_t fields, char **cause)
{
	MDB_val k = { pkl, (void *)pk }, v;
	int rc;

	rc = store_kv_get(t, store_ix[e->primary].db, &k, &v);
	if (rc != 0)
		return store_error(t, rc, "reading a record", cause);
	if (fields == UINT64_MAX)
		return codec_decode(e->schema, v.mv_data, v.mv_size, rec,
		    cause);
	return codec_decode_some(e->schema, v.mv_data, v.mv_size, rec, fields,
	    cause);
}

/* The scratch record of a write transaction, big enough for any entity. */
static void *
record_scratch(struct store_txn *t)
{
	if (t->old == NULL)
		t->old = xmalloc(sizeof(struct audit));
	return t->old;
}

static int
record_ent_eq(const struct store_ixent *a, const struct store_ixent *b)
{
	return a->kl == b->kl && a->vl == b->vl &&
	    memcmp(a->k, b->k, a->kl) == 0 && memcmp(a->v, b->v, a->vl) == 0;
}

int
store_ixent_in(const struct store_ixent *e, const struct store_ixent *set,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (record_ent_eq(e, &set[i]))
			return 1;
	return 0;
}

/*
 * The transaction's room for a record's index entries: which 0 before a
 * write, 1 after. Two arrays of STORE_ENT_MAX, kept for the transaction.
 */
static struct store_ixent *
record_ents(struct store_txn *t, int which)
{
	if (t->ents == NULL)
		t->ents = xreallocarray(NULL, 2 * STORE_ENT_MAX,
		    sizeof *t->ents);
	return t->ents + (which ? STORE_ENT_MAX : 0);
}

/*
 * Refuse a unique entry already held by another record, naming the holder
 * ("e-mail wang@moi.gov.tw is already used by officer 王小明 (#12)").
 */
static int
record_check_unique(struct store_txn *t, const struct store_ixdesc *ix,
    const struct store_ixent *e, char **cause)
{
	const struct store_entity *ent = store_entity(ix->entity);
	MDB_val k = { e->kl, (void *)e->k }, v;
	uint8_t pk[STORE_KEY_MAX];
	char label[OGPO_NAME_MAX + 16];
	void *holder;
	int rc;

	/* Looked up and missed, with no index changed since. */
	if (t->miss_ix != 0 && &store_ix[t->miss_ix] == ix &&
	    t->miss_kl == e->kl && memcmp(t->miss_key, e->k, e->kl) == 0)
		return 0;
	rc = store_kv_get(t, ix->db, &k, &v);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return store_error(t, rc, "checking a unique key", cause);
	if (v.mv_size == e->vl && memcmp(v.mv_data, e->v, e->vl) == 0)
		return 0;
	holder = xmalloc(ent->schema->size);
	ix->target(&k, &v, pk);
	if (store_rec_get(t, ent, pk, 4, holder, NULL) == 0)
		schema_label(ent->schema, holder, label, sizeof label);
	else
		snprintf(label, sizeof label, "?");
	rc = err_set(cause, OGPO_EXISTS, "%s '%.*s' is already used by %s "
	    "%s (#%u)", ix == &store_ix[IX_AGENCY_CODE] ? "code" :
	    ix == &store_ix[IX_CASE_SERIAL] ? "case number" : "e-mail",
	    (int)e->kl, (const char *)e->k, ent->schema->name, label,
	    store_u32_get(v.mv_data));
	free(holder);
	return rc;
}

/* Apply the difference between two entry sets of one index. */
static int
record_ix_update(struct store_txn *t, const struct store_ixdesc *ix,
    const struct store_ixent *old, size_t nold,
    const struct store_ixent *new, size_t nnew, char **cause)
{
	enum store_index ixn = (enum store_index)(ix - store_ix);
	int defer = store_defer_on(t, ixn);
	MDB_val k, v;
	size_t i;
	int rc;

	t->miss_ix = 0;		/* a miss remembered may be a hit now */
	if (ix->flags & IXF_GRAM)
		return store_gram_update(t, old, nold, new, nnew, cause);
	for (i = 0; i < nold; i++) {
		if (store_ixent_in(&old[i], new, nnew))
			continue;
		if (defer) {
			if ((rc = store_defer_add(t, ixn, &old[i], 1,
			    cause)) != 0)
				return rc;
			continue;
		}
		k = (MDB_val){ old[i].kl, (void *)old[i].k };
		v = (MDB_val){ old[i].vl, (void *)old[i].v };
		rc = store_kv_del(t, ix->db, &k, (ix->flags & IXF_DUP) ? &v :
		    NULL);
		if (rc != 0 && rc != MDB_NOTFOUND)
			return store_error(t, rc, "updating an index", cause);
	}
	for (i = 0; i < nnew; i++) {
		if (store_ixent_in(&new[i], old, nold))
			continue;
		if (defer) {
			if ((rc = store_defer_add(t, ixn, &new[i], 0,
			    cause)) != 0)
				return rc;
			continue;
		}
		k = (MDB_val){ new[i].kl, (void *)new[i].k };
		v = (MDB_val){ new[i].vl, (void *)new[i].v };
		rc = store_kv_put(t, ix->db, &k, &v, (ix->flags & IXF_DUP) ?
		    MDB_NODUPDATA : 0);
		if (rc != 0 && rc != MDB_KEYEXIST)
			return store_error(t, rc, "updating an index", cause);
	}
	return 0;
}

/*
 * Store rec of entity e, replacing what is stored under its key, and
 * bring the indexes in step. Unique keys are checked before anything is
 * written, so a refusal leaves the transaction as it was. If hash is not
 * NULL it receives the SHA-256 of the bytes stored (the audit chain's
 * link), hashed here rather than read back.
 */
static int
record_write(struct store_txn *t, const struct store_entity *e, void *rec,
    uint8_t *hash, char **cause)
{
	struct record_head *h = rec;
	struct store_ixent *old = record_ents(t, 0), *new = record_ents(t, 1);
	size_t nold, nnew, pkl, len, i;
	uint8_t pk[STORE_KEY_MAX], buf[2 * OGPO_RECORD_MAX + 256];
	void *prev = record_scratch(t);
	const struct store_ixdesc *ix;
	int rc, had, fresh;
	uint64_t id;
	MDB_val k, v;

	if (!t->write)
		return err_set(cause, OGPO_INVALID, "internal error: a write "
		    "in a read transaction");
	if (e->kind != ENTITY_AUDIT)
		t->image_rec = NULL;
	/* A new record (id 0) and the audit trail replace nothing. */
	fresh = e->seq != NULL && e->kind != ENTITY_AUDIT && h->id == 0;
	rc = OGPO_NOTFOUND;
	if (!fresh && e->kind != ENTITY_AUDIT) {
		pkl = e->key(rec, pk);
		rc = store_rec_get(t, e, pk, pkl, prev, cause);
		if (rc != 0 && rc != OGPO_NOTFOUND)
			return rc;
	}
	had = rc == 0;

	/* Check unique keys before anything is written, the id included. */
	for (i = 0; e->secondary[i] != 0; i++) {
		ix = &store_ix[e->secondary[i]];
		if ((ix->flags & IXF_UNIQUE) &&
		    ix->entries(rec, new, STORE_ENT_MAX) == 1 &&
		    (rc = record_check_unique(t, ix, &new[0], cause)) != 0)
			return rc;
	}
	if (fresh) {
		if ((rc = store_seq_next(t, e->seq, &id, cause)) != 0)
			return rc;
		if (id > UINT32_MAX)
			return err_set(cause, OGPO_FULL, "no %s ids left",
			    e->schema->name);
		h->id = (uint32_t)id;
	}
	pkl = e->key(rec, pk);
	if (e->kind != ENTITY_AUDIT)
		h->version = had ? ((struct record_head *)prev)->version + 1 : 1;
	if ((len = codec_encode(e->schema, rec, buf, sizeof buf)) == 0)
		return err_set(cause, OGPO_INVALID, "the %s record is too "
		    "large to store", e->schema->name);
	for (i = 0; e->secondary[i] != 0; i++) {
		ix = &store_ix[e->secondary[i]];
		if ((ix->flags & IXF_GRAM) && !had && t->defer != NULL) {
			/* A new officer in bulk: gathered beside us. */
			t->miss_ix = 0;
			if ((rc = store_gram_add(t, rec, cause)) != 0)
				return rc;
			continue;
		}
		nold = had ? ix->entries(prev, old, STORE_ENT_MAX) : 0;
		nnew = ix->entries(rec, new, STORE_ENT_MAX);
		rc = record_ix_update(t, ix, old, nold, new, nnew, cause);
		if (rc != 0)
			return rc;
	}
	k = (MDB_val){ pkl, pk };
	v = (MDB_val){ len, buf };
	rc = store_kv_put(t, store_ix[e->primary].db, &k, &v,
	    e->kind == ENTITY_AUDIT ? MDB_APPEND : 0);
	if (rc != 0)
		return store_error(t, rc, "writing a record", cause);
	if (hash != NULL)
		store_hash(buf, len, hash);
	if (e->kind != ENTITY_AUDIT && len <= OGPO_RECORD_MAX) {
		if (t->image == NULL)
			t->image = xmalloc(OGPO_RECORD_MAX);
		memcpy(t->image, buf, len);
		t->image_len = len;
		t->image_rec = rec;
	}
	return 0;
}

size_t
store_image(struct store_txn *t, const void *rec, uint8_t *buf, size_t n)
{
	if (rec != t->image_rec || t->image_len > n)
		return 0;
	/* Once: rec's memory may hold another record next. */
	t->image_rec = NULL;
	memcpy(buf, t->image, t->image_len);
	return t->image_len;
}

static int
record_put(struct store_txn *t, const struct store_entity *e, void *rec,
    char **cause)
{
	return record_write(t, e, rec, NULL, cause);
}

/* Remove the record under pk and its index entries. */
static int
record_del(struct store_txn *t, const struct store_entity *e,
    const uint8_t *pk, size_t pkl, char **cause)
{
	struct store_ixent *old = record_ents(t, 0);
	void *prev = record_scratch(t);
	MDB_val k = { pkl, (void *)pk };
	size_t i, n;
	int rc;

	t->image_rec = NULL;
	if ((rc = store_rec_get(t, e, pk, pkl, prev, cause)) != 0)
		return rc;
	for (i = 0; e->secondary[i] != 0; i++) {
		n = store_ix[e->secondary[i]].entries(prev, old,
		    STORE_ENT_MAX);
		rc = record_ix_update(t, &store_ix[e->secondary[i]], old, n,
		    NULL, 0, cause);
		if (rc != 0)
			return rc;
	}
	rc = store_kv_del(t, store_ix[e->primary].db, &k, NULL);
	if (rc != 0)
		return store_error(t, rc, "deleting a record", cause);
	return 0;
}

int
store_get(struct store_txn *t, enum entity_kind kind, uint32_t id, void *rec,
    char **cause)
{
	return store_get_some(t, kind, id, rec, UINT64_MAX, cause);
}

int
store_get_some(struct store_txn *t, enum entity_kind kind, uint32_t id,
    void *rec, uint64_t fields, char **cause)
{
	const struct store_entity *e = store_entity(kind);
	uint8_t pk[4];

	if (e == NULL || e->key != record_key_id)
		return err_set(cause, OGPO_INVALID, "internal error: entity %d "
		    "is not keyed by id", (int)kind);
	store_u32_put(pk, id);
	return store_rec_get_some(t, e, pk, 4, rec, fields, cause);
}

int
store_keyed_by_id(const struct store_entity *e)
{
	return e != NULL && e->key == record_key_id;
}

int
store_exists(struct store_txn *t, enum entity_kind kind, uint32_t id)
{
	const struct store_entity *e = store_entity(kind);
	uint8_t pk[4];
	MDB_val k = { 4, pk }, v;

	if (e == NULL || e->key != record_key_id)
		return 0;
	store_u32_put(pk, id);
	return store_kv_get(t, store_ix[e->primary].db, &k,
	    &v) == 0;
}

static int
record_del_id(struct store_txn *t, enum entity_kind kind, uint32_t id,
    char **cause)
{
	uint8_t pk[4];

	store_u32_put(pk, id);
	return record_del(t, store_entity(kind), pk, 4, cause);
}

/* Look a record up through a unique index (code, e-mail). */
static int
record_by_unique(struct store_txn *t, enum store_index ixn, const char *key,
    void *rec, char **cause)
{
	const struct store_ixdesc *ix = &store_ix[ixn];
	char lower[STORE_KEY_MAX];
	MDB_val k, v;
	uint8_t pk[STORE_KEY_MAX];
	int rc;

	if (ixn == IX_OFFICER_EMAIL) {
		str_lower(lower, key, sizeof lower);
		key = lower;
	} else if (ixn == IX_AGENCY_CODE) {
		/* Codes are stored upper case; people type either. */
		size_t i;

		for (i = 0; key[i] != '\0' && i + 1 < sizeof lower; i++)
			lower[i] = (char)(key[i] >= 'a' && key[i] <= 'z' ?
			    key[i] - 'a' + 'A' : key[i]);
		lower[i] = '\0';
		key = lower;
	}
	k = (MDB_val){ strlen(key), (void *)key };
	if (k.mv_size == 0 || k.mv_size > STORE_KEY_MAX)
		return OGPO_NOTFOUND;
	if ((rc = store_kv_get(t, ix->db, &k, &v)) != 0) {
		if (rc == MDB_NOTFOUND && k.mv_size <= sizeof t->miss_key) {
			/* Likely saved next: record_check_unique need not
			 * look again. */
			t->miss_ix = ixn;
			t->miss_kl = k.mv_size;
			memcpy(t->miss_key, k.mv_data, k.mv_size);
		}
		return store_error(t, rc, "looking up a key", cause);
	}
	ix->target(&k, &v, pk);
	return store_rec_get(t, store_entity(ix->entity), pk, 4, rec, cause);
}

int
store_agency_get(struct store_txn *t, uint32_t id, struct agency *a,
    char **cause)
{
	return store_get(t, ENTITY_AGENCY, id, a, cause);
}

int
store_agency_put(struct store_txn *t, struct agency *a, char **cause)
{
	return record_put(t, store_entity(ENTITY_AGENCY), a, cause);
}

int
store_agency_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_AGENCY, id, cause);
}

int
store_agency_by_code(struct store_txn *t, const char *code, struct agency *a,
    char **cause)
{
	return record_by_unique(t, IX_AGENCY_CODE, code, a, cause);
}

int
store_officer_get(struct store_txn *t, uint32_t id, struct officer *o,
    char **cause)
{
	return store_get(t, ENTITY_OFFICER, id, o, cause);
}

int
store_officer_put(struct store_txn *t, struct officer *o, char **cause)
{
	return record_put(t, store_entity(ENTITY_OFFICER), o, cause);
}

int
store_officer_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_OFFICER, id, cause);
}

int
store_officer_by_email(struct store_txn *t, const char *email,
    struct officer *o, char **cause)
{
	return record_by_unique(t, IX_OFFICER_EMAIL, email, o, cause);
}

int
store_meeting_get(struct store_txn *t, uint32_t id, struct meeting *m,
    char **cause)
{
	return store_get(t, ENTITY_MEETING, id, m, cause);
}

int
store_meeting_put(struct store_txn *t, struct meeting *m, char **cause)
{
	return record_put(t, store_entity(ENTITY_MEETING), m, cause);
}

int
store_meeting_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_MEETING, id, cause);
}

int
store_attendance_get(struct store_txn *t, uint32_t meeting, uint32_t officer,
    struct attendance *a, char **cause)
{
	uint8_t pk[8];

	store_u32_put(pk, meeting);
	store_u32_put(pk + 4, officer);
	return store_rec_get(t, store_entity(ENTITY_ATTENDANCE), pk, 8, a,
	    cause);
}

int
store_attendance_put(struct store_txn *t, struct attendance *a, char **cause)
{
	return record_put(t, store_entity(ENTITY_ATTENDANCE), a, cause);
}

int
store_attendance_del(struct store_txn *t, uint32_t meeting, uint32_t officer,
    char **cause)
{
	uint8_t pk[8];

	store_u32_put(pk, meeting);
	store_u32_put(pk + 4, officer);
	return record_del(t, store_entity(ENTITY_ATTENDANCE), pk, 8, cause);
}

int
store_issue_get(struct store_txn *t, uint32_t id, struct issue *i,
    char **cause)
{
	return store_get(t, ENTITY_ISSUE, id, i, cause);
}

int
store_issue_put(struct store_txn *t, struct issue *i, char **cause)
{
	return record_put(t, store_entity(ENTITY_ISSUE), i, cause);
}

int
store_issue_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_ISSUE, id, cause);
}

int
store_user_get(struct store_txn *t, const char *login, struct user *u,
    char **cause)
{
	size_t n = strlen(login);

	if (n == 0 || n > OGPO_LOGIN_MAX)
		return OGPO_NOTFOUND;
	return store_rec_get(t, store_entity(ENTITY_USER),
	    (const uint8_t *)login, n, u, cause);
}

int
store_user_put(struct store_txn *t, struct user *u, char **cause)
{
	return record_put(t, store_entity(ENTITY_USER), u, cause);
}

int
store_user_del(struct store_txn *t, const char *login, char **cause)
{
	size_t n = strlen(login);

	if (n == 0 || n > OGPO_LOGIN_MAX)
		return OGPO_NOTFOUND;
	return record_del(t, store_entity(ENTITY_USER),
	    (const uint8_t *)login, n, cause);
}

int
store_audit_append(struct store_txn *t, struct audit *a, char **cause)
{
	int rc;

	if ((rc = store_chain_load(t, cause)) != 0)
		return rc;
	memcpy(a->prev, t->head, OGPO_HASH_LEN);
	a->prev_len = OGPO_HASH_LEN;
	if ((rc = store_seq_next(t, "seq.audit", &a->seq, cause)) != 0)
		return rc;
	if (t->group == 0)
		t->group = a->seq;
	a->group = t->group;
	/* The link is to the bytes as stored: what verify will hash. */
	if ((rc = record_write(t, store_entity(ENTITY_AUDIT), a, t->head,
	    cause)) != 0)
		return rc;
	t->head_dirty = 1;
	return 0;
}

int
store_audit_get(struct store_txn *t, uint64_t seq, struct audit *a,
    char **cause)
{
	uint8_t pk[8];

	store_u64_put(pk, seq);
	return store_rec_get(t, store_entity(ENTITY_AUDIT), pk, 8, a, cause);
}

uint64_t
store_audit_next(struct store_txn *t)
{
	uint64_t v = 0;

	store_seq_peek(t, "seq.audit", &v);
	return v + 1;
}

int
store_mark(struct store_txn *t, const char *key, uint32_t value,
    uint32_t *prev, char **cause)
{
	MDB_val k = { strlen(key), (void *)key }, v;
	uint8_t b[4];
	int rc;

	*prev = 0;
	if (k.mv_size == 0 || k.mv_size > STORE_KEY_MAX)
		return err_set(cause, OGPO_INVALID, "a mark key of %zu bytes",
		    k.mv_size);
	*prev = store_mark_peek(t, key);
	store_u32_put(b, value);
	v = (MDB_val){ 4, b };
	if ((rc = store_kv_put(t, DB_SCRATCH, &k, &v, 0)) != 0)
		return store_error(t, rc, "keeping a mark", cause);
	return 0;
}

uint32_t
store_mark_peek(struct store_txn *t, const char *key)
{
	MDB_val k = { strlen(key), (void *)key }, v;

	if (k.mv_size == 0 || k.mv_size > STORE_KEY_MAX ||
	    store_kv_get(t, DB_SCRATCH, &k, &v) != 0 ||
	    v.mv_size != 4)
		return 0;
	return store_u32_get(v.mv_data);
}

int
store_marks_clear(struct store_txn *t, char **cause)
{
	int rc = store_kv_drop(t, DB_SCRATCH);

	return rc ? store_error(t, rc, "clearing marks", cause) : 0;
}

int
store_training_put(struct store_txn *t, struct training *r, char **cause)
{
	return record_put(t, store_entity(ENTITY_TRAINING), r, cause);
}

int
store_training_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_TRAINING, id, cause);
}

int
store_reward_put(struct store_txn *t, struct reward *r, char **cause)
{
	return record_put(t, store_entity(ENTITY_REWARD), r, cause);
}

int
store_reward_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_REWARD, id, cause);
}

int
store_resolution_get(struct store_txn *t, uint32_t id, struct resolution *r,
    char **cause)
{
	return store_get(t, ENTITY_RESOLUTION, id, r, cause);
}

int
store_resolution_put(struct store_txn *t, struct resolution *r, char **cause)
{
	return record_put(t, store_entity(ENTITY_RESOLUTION), r, cause);
}

int
store_resolution_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_RESOLUTION, id, cause);
}

int
store_vote_put(struct store_txn *t, struct vote *v, char **cause)
{
	return record_put(t, store_entity(ENTITY_VOTE), v, cause);
}

int
store_candidate_put(struct store_txn *t, struct candidate *cd, char **cause)
{
	return record_put(t, store_entity(ENTITY_CANDIDATE), cd, cause);
}

int
store_ballot_put(struct store_txn *t, struct ballot *b, char **cause)
{
	return record_put(t, store_entity(ENTITY_BALLOT), b, cause);
}

int
store_vote_rec_del(struct store_txn *t, enum entity_kind kind, uint32_t id,
    char **cause)
{
	if (kind != ENTITY_VOTE && kind != ENTITY_CANDIDATE &&
	    kind != ENTITY_BALLOT)
		return err_set(cause, OGPO_INVALID, "internal error: not a "
		    "vote's record");
	return record_del_id(t, kind, id, cause);
}

/*
 * A new index over records already stored (a schema migration): every
 * record of the index's entity contributes its entries, in the caller's
 * write transaction.
 */
int
store_index_fill(struct store_txn *t, enum store_index ixn, char **cause)
{
	const struct store_ixdesc *ix = &store_ix[ixn];
	const struct store_entity *e = store_entity(ix->entity);
	struct store_ixent *ents = record_ents(t, 1);
	void *rec = xmalloc(e->schema->size);
	MDB_cursor *mc;
	MDB_val k, v;
	size_t n;
	int op, rc;

	rc = mdb_cursor_open(t->txn, t->s->dbi[store_ix[e->primary].db], &mc);
	if (rc != 0) {
		free(rec);
		return store_error(t, rc, "building an index", cause);
	}
	for (op = MDB_FIRST; (rc = mdb_cursor_get(mc, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if ((rc = codec_decode(e->schema, v.mv_data, v.mv_size, rec,
		    cause)) != 0)
			goto out;
		n = ix->entries(rec, ents, STORE_ENT_MAX);
		if ((rc = record_ix_update(t, ix, NULL, 0, ents, n,
		    cause)) != 0)
			goto out;
	}
	rc = rc == MDB_NOTFOUND ? 0 : store_error(t, rc, "building an index",
	    cause);
out:
	mdb_cursor_close(mc);
	free(rec);
	return rc;
}

int
store_progress_put(struct store_txn *t, struct progress *p, char **cause)
{
	return record_put(t, store_entity(ENTITY_PROGRESS), p, cause);
}

int
store_progress_del(struct store_txn *t, uint32_t id, char **cause)
{
	return record_del_id(t, ENTITY_PROGRESS, id, cause);
}

/* Schema 4's issue status as the stage of a tracked case. */
static uint32_t
record_stage_of_status(uint32_t status)
{
	switch (status) {
	case ISSUE_ASSESSING:
		return CASE_WORKING;
	case ISSUE_COLLABORATING:
	case ISSUE_ESCALATED:
		return CASE_COLLABORATION;
	case ISSUE_RESOLVED:
		return CASE_RESPONSE;
	case ISSUE_CLOSED:
		return CASE_CLOSED;
	default:
		return CASE_PROPOSED;
	}
}

/*
 * 4 → 5: every issue becomes a tracked case under its own id: its stage
 * follows from its status (which it keeps), its source is "other", and it
 * takes a number in the ROC year its status was set (else last written),
 * numbered in the order of the ids.
 */
int
store_cases_migrate(struct store_txn *t, char **cause)
{
	struct store_cursor *c;
	struct issue *is;
	struct tm tm;
	time_t when;
	uint32_t *ids = NULL, years[256], counts[256], year;
	size_t n = 0, cap = 0, i, ny = 0, y;
	int rc;

	if ((rc = store_cursor_open(t, IX_ISSUE, NULL, &c, cause)) != 0)
		return rc;
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[n++] = store_cursor_id(c);
	}
	store_cursor_close(c);
	is = xmalloc(sizeof *is);
	for (i = 0, rc = 0; i < n && rc == 0; i++) {
		if ((rc = store_issue_get(t, ids[i], is, cause)) != 0)
			break;
		if (is->stage == 0)
			is->stage = record_stage_of_status(is->status);
		if (is->source == 0)
			is->source = SOURCE_OTHER;
		if (is->serial[0] == '\0') {
			if (date_valid(is->status_since))
				year = (uint32_t)atoi(is->status_since);
			else {
				when = (time_t)is->h.updated_at;
				localtime_r(&when, &tm);
				year = (uint32_t)tm.tm_year + 1900;
			}
			year = year > 1911 ? year - 1911 : 1;
			for (y = 0; y < ny && years[y] != year; y++)
				;
			if (y == ny && ny < 256) {
				years[ny] = year;
				counts[ny++] = 0;
			}
			if (y == 256)
				y = 255;	/* 256 years of issues: share */
			snprintf(is->serial, sizeof is->serial, "%u-%02u",
			    year % 1000, ++counts[y] % 100000);
		}
		rc = store_issue_put(t, is, cause);
	}
	free(is);
	free(ids);
	return rc;
}

int
store_case_by_serial(struct store_txn *t, const char *serial,
    struct issue *is, char **cause)
{
	return record_by_unique(t, IX_CASE_SERIAL, serial, is, cause);
}
