/*
 * model.c — the names of enum values and the field table of every record.
 * The CBOR keys here are the stored format: append, never renumber.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/schema.h"
#include "ogpo/util.h"


static const char *const role_names[] = { NULL, "po", "alternate",
	"supervisor", "member", "minister" };
static const char *const role_labels[] = { NULL, N_("PO"), N_("Alternate"),
	N_("Supervisor"), N_("Member"), N_("Minister") };
static const char *const role_zh[] = { NULL, "聯絡人", "代理人", "督導",
	"工作小組", "政務委員" };
const struct enum_names model_roles = { role_names, role_labels, role_zh,
	ROLE_PO, ROLE_MAX };

static const char *const supv_names[] = { "none", "deputy_head", "cio" };
static const char *const supv_labels[] = { "-", N_("Deputy head"), N_("CIO") };
static const char *const supv_zh[] = { "-", "副首長", "資訊長" };
const struct enum_names model_supervisor_kinds = { supv_names, supv_labels,
	supv_zh, SUPV_NONE, SUPV_MAX };

static const char *const func_names[] = { "none", "parliamentary", "press",
	"it", "evaluation", "business" };
static const char *const func_labels[] = { "-", N_("Parliamentary liaison"),
	N_("Press liaison"), N_("IT"), N_("Performance control"), N_("Business") };
static const char *const func_zh[] = { "-", "國會聯絡", "新聞聯絡", "資訊",
	"管考", "業務" };
const struct enum_names model_functions = { func_names, func_labels, func_zh,
	FUNC_NONE, FUNC_MAX };

static const char *const level_names[] = { NULL, "1", "2", "3", "4" };
static const char *const level_labels[] = { NULL, N_("Executive Yuan"),
	N_("Second-level"), N_("Third-level"), N_("Fourth-level") };
static const char *const level_zh[] = { NULL, "行政院", "二級機關",
	"三級機關", "四級機關" };
const struct enum_names model_levels = { level_names, level_labels, level_zh,
	LEVEL_CABINET, LEVEL_MAX };

static const char *const mkind_names[] = { NULL, "policy", "work", "issue" };
static const char *const mkind_labels[] = { NULL, N_("Policy coordination"),
	N_("PO work meeting"), N_("Issue collaboration") };
static const char *const mkind_zh[] = { NULL, "政策協調聯繫會議",
	"工作推動會議", "議題協作會議" };
const struct enum_names model_meeting_kinds = { mkind_names, mkind_labels,
	mkind_zh, MEETING_POLICY, MEETING_KIND_MAX };

static const char *const mstatus_names[] = { NULL, "planned", "held",
	"cancelled" };
static const char *const mstatus_labels[] = { NULL, N_("Planned"), N_("Held"),
	N_("Cancelled") };
static const char *const mstatus_zh[] = { NULL, "預定", "已召開", "取消" };
const struct enum_names model_meeting_statuses = { mstatus_names,
	mstatus_labels, mstatus_zh, MEETING_PLANNED, MEETING_STATUS_MAX };

static const char *const attend_names[] = { NULL, "invited", "present",
	"online", "proxy", "excused", "absent" };
static const char *const attend_labels[] = { NULL, N_("Invited"), N_("Present"),
	N_("Online"), N_("Proxy"), N_("Excused"), N_("Absent") };
static const char *const attend_zh[] = { NULL, "受邀", "出席", "線上",
	"代理出席", "請假", "缺席" };
const struct enum_names model_attend_statuses = { attend_names,
	attend_labels, attend_zh, ATTEND_INVITED, ATTEND_MAX };

static const char *const istatus_names[] = { NULL, "open", "assessing",
	"collaborating", "escalated", "resolved", "closed" };
static const char *const istatus_labels[] = { NULL, N_("Open"), N_("Assessing"),
	N_("Collaborating"), N_("Escalated"), N_("Resolved"), N_("Closed") };
static const char *const istatus_zh[] = { NULL, "開啟", "評估中", "協作中",
	"已陳報", "已解決", "已結案" };
const struct enum_names model_issue_statuses = { istatus_names,
	istatus_labels, istatus_zh, ISSUE_OPEN, ISSUE_STATUS_MAX };

static const char *const stage_names[] = { "none", "planning", "drafting",
	"implementation", "review" };
static const char *const stage_labels[] = { "-", N_("Planning"), N_("Drafting"),
	N_("Implementation"), N_("Review") };
static const char *const stage_zh[] = { "-", "規劃", "研擬", "執行",
	"檢討" };
const struct enum_names model_issue_stages = { stage_names, stage_labels,
	stage_zh, STAGE_NONE, STAGE_MAX };

static const char *const source_names[] = { NULL, "join", "agency",
	"minister", "other" };
static const char *const source_labels[] = { NULL, N_("Join proposal"),
	N_("Agency proposal"), N_("Minister's office"), N_("Other") };
static const char *const source_zh[] = { NULL, "公共政策網路參與平臺提案",
	"機關提案", "政務委員辦公室", "其他" };
const struct enum_names model_case_sources = { source_names, source_labels,
	source_zh, SOURCE_JOIN, SOURCE_MAX };

static const char *const cstage_names[] = { NULL, "proposed", "selected",
	"working", "premeeting", "collaboration", "response", "closed",
	"withdrawn" };
static const char *const cstage_labels[] = { NULL, N_("Proposed"),
	N_("Selected"), N_("Work meeting"), N_("Pre-meeting"),
	N_("Collaboration"), N_("Response"),
	/* A tracked case closed is 解除列管, not the generic "Closed". */
	NC_("case stage", "Closed"), N_("Withdrawn") };
static const char *const cstage_zh[] = { NULL, "提案", "選定", "工作會議",
	"會前會", "協作會議", "機關回應", "解除列管", "撤案" };
const struct enum_names model_case_stages = { cstage_names, cstage_labels,
	cstage_zh, CASE_PROPOSED, CASE_STAGE_MAX };

static const char *const urole_names[] = { NULL, "viewer", "editor",
	"admin" };
static const char *const urole_labels[] = { NULL, N_("Viewer"), N_("Editor"),
	N_("Admin") };
static const char *const urole_zh[] = { NULL, "檢視者", "編輯者",
	"管理者" };
const struct enum_names model_user_roles = { urole_names, urole_labels,
	urole_zh, UROLE_VIEWER, UROLE_MAX };

static const char *const action_names[] = { NULL, "create", "update",
	"delete", "import", "undo" };
static const char *const action_labels[] = { NULL, N_("Created"), N_("Updated"),
	N_("Deleted"), N_("Imported"), N_("Took back") };
static const char *const action_zh[] = { NULL, "新增", "修改", "刪除",
	"匯入", "復原" };
const struct enum_names model_audit_actions = { action_names, action_labels,
	action_zh, AUDIT_CREATE, AUDIT_ACTION_MAX };

static const char *const entity_names[] = { NULL, "agency", "officer",
	"meeting", "attendance", "issue", "user", "audit", "import",
	"training", "reward", "progress", "resolution", "vote", "candidate",
	"ballot" };
static const char *const entity_labels[] = { NULL, N_("Agency"),
	N_("Officer"), N_("Meeting"), N_("Attendance"), N_("Case"), N_("User"),
	N_("Audit"), N_("Import"), N_("Training"), N_("Reward"),
	N_("Progress"), N_("Resolution"), N_("Vote"), N_("Candidate"),
	N_("Ballot") };
static const char *const entity_zh[] = { NULL, "機關", "聯絡人", "會議",
	"出席", "列管案件", "使用者", "稽核", "匯入", "培訓", "獎勵",
	"辦理情形", "決議", "票選", "候選議題", "選票" };
const struct enum_names model_entities = { entity_names, entity_labels,
	entity_zh, ENTITY_AGENCY, ENTITY_MAX };

static const char *const resol_names[] = { NULL, "open", "closed" };
static const char *const resol_labels[] = { NULL, N_("Followed"),
	N_("Released") };
static const char *const resol_zh[] = { NULL, "持續列管", "解除列管" };
const struct enum_names model_resolution_statuses = { resol_names,
	resol_labels, resol_zh, RESOL_OPEN, RESOL_STATUS_MAX };

static const char *const vstatus_names[] = { NULL, "open", "closed" };
static const char *const vstatus_labels[] = { NULL, N_("Voting"),
	NC_("vote status", "Closed") };	/* 已截止, not a case's 已結案 */
static const char *const vstatus_zh[] = { NULL, "投票中", "已截止" };
const struct enum_names model_vote_statuses = { vstatus_names,
	vstatus_labels, vstatus_zh, VOTE_OPEN, VOTE_STATUS_MAX };

const char *
model_enum_other(const struct enum_names *e, uint32_t v)
{
	const char *l = _(model_enum_label(e, v));

	if (v >= e->min && v <= e->max && strcmp(l, e->zh[v]) == 0)
		return NULL;
	return l;
}

/* The lower-case nouns messages use; entity_names are syntax, not words. */
static const char *const model_nouns[] = { NULL, N_("agency"),
	N_("officer"), N_("meeting"), N_("attendance"), N_("case"),
	N_("user"), N_("audit record"), N_("import"),
	N_("training record"), N_("reward"), N_("progress report"),
	N_("resolution"), N_("vote"), N_("candidate"), N_("ballot") };

/* The noun untranslated (the msgid), for a caller that chooses. */
const char *
model_noun_msgid(enum entity_kind kind)
{
	if (kind < ENTITY_AGENCY || kind > ENTITY_MAX)
		return N_("record");
	return model_nouns[kind];
}

const char *
model_noun(enum entity_kind kind)
{
	return _(model_noun_msgid(kind));
}

const char *
model_enum_name(const struct enum_names *e, uint32_t v)
{
	if (v < e->min || v > e->max)
		return "?";
	return e->names[v];
}

const char *
model_enum_label(const struct enum_names *e, uint32_t v)
{
	if (v < e->min || v > e->max)
		return "?";
	return e->labels[v];
}

/* An enum's choices as a file or a command line may write them:
 * "持續列管 (open), …". */
void
model_enum_choices(const struct enum_names *e, char *buf, size_t n)
{
	size_t used = 0;
	uint32_t i;

	buf[0] = '\0';
	for (i = e->min; i <= e->max && used < n; i++) {
		if (i > e->min)
			used += (size_t)snprintf(buf + used, n - used, "%s",
			    _(", "));
		if (used < n)
			used += (size_t)snprintf(buf + used, n - used,
			    _("%s (%s)"), e->zh[i], e->names[i]);
	}
}

int
model_enum_parse(const struct enum_names *e, const char *s, uint32_t *v)
{
	uint32_t i;

	for (i = e->min; i <= e->max; i++) {
		if (strcasecmp(s, e->names[i]) == 0 ||
		    strcasecmp(s, e->labels[i]) == 0 ||
		    strcmp(s, e->zh[i]) == 0 ||
		    strcmp(s, _(e->labels[i])) == 0) {
			*v = i;
			return 0;
		}
	}
	return -1;
}

void
model_triggers_format(uint32_t t, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s",
	    (t & TRIGGER_STAKEHOLDERS) ? "stakeholders" : "",
	    (t & TRIGGER_STAKEHOLDERS) && (t & (TRIGGER_DIVIDED |
	    TRIGGER_HEATED)) ? "," : "",
	    (t & TRIGGER_DIVIDED) ? "divided" : "",
	    (t & TRIGGER_DIVIDED) && (t & TRIGGER_HEATED) ? "," : "",
	    (t & TRIGGER_HEATED) ? "heated" : "");
}

/* For people: the triggers in words, in the reader's language. */
void
model_triggers_words(uint32_t t, char *buf, size_t n)
{
	static const char *const words[3] = {
		N_("complex stakeholder interests"), N_("divided opinion"),
		N_("heated public participation") };
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < 3 && used < n; i++)
		if (t & (1u << i))
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    used ? _(", ") : "", _(words[i]));
}

const char *const model_competence_names[4] = { "communication",
	"facilitation", "recording", "civic_tech" };
const char *const model_competence_labels[4] = {
	N_("stakeholder communication, open data, translation"),
	N_("facilitation"), N_("recording"),
	N_("online tools and civic tech") };
const char *const model_competence_zh[4] = { "溝通轉譯", "主持",
	"記錄", "公民科技" };

/* The kinds of reward of the civil service's merit rules (嘉獎, 記功,
 * 記大功) and the other usual ones (獎狀, 獎金). */
static const char *const model_reward_kinds[] = { N_("Commendation"),
	N_("Merit"), N_("Major merit"), N_("Certificate"), N_("Bonus"),
	NULL };

const char *const *
model_suggestions(enum entity_kind kind, const char *field)
{
	if (kind == ENTITY_REWARD && strcmp(field, "kind") == 0)
		return model_reward_kinds;
	return NULL;
}

void
model_competencies_format(uint32_t c, char *buf, size_t n)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < 4 && used < n; i++)
		if (c & (1u << i))
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    used ? "," : "", model_competence_names[i]);
}

/* For people: the short words, translated, the Chinese comma between. */
void
model_competencies_words(uint32_t c, char *buf, size_t n)
{
	static const char *const words[4] = { N_("communication"),
		N_("facilitation"), N_("recording"), N_("civic tech") };
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < 4 && used < n; i++)
		if (c & (1u << i))
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    used ? _(", ") : "", _(words[i]));
}

int
model_competencies_parse(const char *s, uint32_t *c)
{
	char *copy = xstrdup(s), *p, *w, *save;
	int i, found, rc = 0;

	/* The Chinese comma and 、 separate too (whole characters: strtok
	 * alone would split inside other characters' bytes). */
	for (p = w = copy; *p != '\0'; ) {
		if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0) {
			*w++ = ',';
			p += 3;
		} else
			*w++ = *p++;
	}
	*w = '\0';
	*c = 0;
	for (p = strtok_r(copy, ",", &save); p != NULL && rc == 0;
	    p = strtok_r(NULL, ",", &save)) {
		str_trim(p);
		if (*p == '\0')
			continue;
		for (i = 0, found = 0; i < 4 && !found; i++)
			if (strcasecmp(p, model_competence_names[i]) == 0 ||
			    strcasecmp(p, model_competence_labels[i]) == 0 ||
			    strcmp(p, model_competence_zh[i]) == 0) {
				*c |= 1u << i;
				found = 1;
			}
		if (!found)
			rc = -1;
	}
	free(copy);
	return rc;
}

/*
 * Field table rows. The head is keys 1–4 in every record; a record's own
 * fields start at 10.
 */
#define MEMBER(type, m) offsetof(type, m), sizeof(((type *)0)->m)
#define HEAD(type)							\
	{ 1, "id", N_("ID"), FIELD_U32, FORM_PLAIN, MEMBER(type, h.id), 0,	\
	  NULL, 0, FIELD_HEAD },						\
	{ 2, "version", N_("Version"), FIELD_U32, FORM_PLAIN,		\
	  MEMBER(type, h.version), 0, NULL, 0, FIELD_HEAD },		\
	{ 3, "updated_at", N_("Updated"), FIELD_I64, FORM_PLAIN,		\
	  MEMBER(type, h.updated_at), 0, NULL, 0, FIELD_HEAD },	\
	{ 4, "updated_by", N_("Updated by"), FIELD_STR, FORM_LOGIN,	\
	  MEMBER(type, h.updated_by), 0, NULL, 0, FIELD_HEAD }
#define STR(k, type, m, label, form, flags)				\
	{ k, #m, label, FIELD_STR, form, MEMBER(type, m), 0, NULL, 0, flags }
#define U32(k, type, m, label, form, enums, ref, flags)		\
	{ k, #m, label, FIELD_U32, form, MEMBER(type, m), 0, enums, ref, flags }
#define LIST(k, type, m, n, label, ref)					\
	{ k, #m, label, FIELD_U32LIST, FORM_PLAIN, MEMBER(type, m),	\
	  offsetof(type, n), NULL, ref, 0 }
#define SCHEMA(var, nm, kind, type, table)				\
	const struct schema var = { nm, kind, sizeof(type), table,	\
		sizeof table / sizeof table[0] }

static const struct field agency_fields[] = {
	HEAD(struct agency),
	STR(10, struct agency, code, N_("Code"), FORM_CODE, FIELD_REQUIRED),
	STR(11, struct agency, name, NC_("agency", "Name"), FORM_PLAIN,
	    FIELD_REQUIRED),
	U32(12, struct agency, parent, N_("Parent"), FORM_PLAIN, NULL,
	    ENTITY_AGENCY, 0),
	U32(13, struct agency, level, N_("Level"), FORM_PLAIN, &model_levels, 0,
	    FIELD_REQUIRED),
	STR(14, struct agency, note, N_("Note"), FORM_PLAIN, 0),
};
SCHEMA(schema_agency, "agency", ENTITY_AGENCY, struct agency, agency_fields);

static const struct field officer_fields[] = {
	HEAD(struct officer),
	STR(10, struct officer, name, N_("Name"), FORM_PLAIN, FIELD_REQUIRED),
	U32(11, struct officer, agency, N_("Agency"), FORM_PLAIN, NULL,
	    ENTITY_AGENCY, FIELD_REQUIRED),
	U32(12, struct officer, role, N_("Role"), FORM_PLAIN, &model_roles, 0,
	    FIELD_REQUIRED),
	U32(13, struct officer, supervisor, N_("Supervisor kind"), FORM_PLAIN,
	    &model_supervisor_kinds, 0, 0),
	U32(14, struct officer, function, N_("Function"), FORM_PLAIN,
	    &model_functions, 0, 0),
	U32(15, struct officer, civil_servant, N_("Civil servant"), FORM_BOOL,
	    NULL, 0, 0),
	STR(16, struct officer, title, NC_("job", "Title"), FORM_PLAIN, 0),
	STR(17, struct officer, email, N_("E-mail"), FORM_EMAIL, FIELD_REQUIRED),
	STR(18, struct officer, phone, N_("Phone"), FORM_PHONE, 0),
	STR(19, struct officer, ext, N_("Extension"), FORM_PHONE, 0),
	STR(20, struct officer, start_date, N_("Start date"), FORM_DATE, 0),
	STR(21, struct officer, end_date, N_("End date"), FORM_DATE, 0),
	STR(22, struct officer, note, N_("Note"), FORM_PLAIN, 0),
};
SCHEMA(schema_officer, "officer", ENTITY_OFFICER, struct officer,
    officer_fields);

static const struct field meeting_fields[] = {
	HEAD(struct meeting),
	U32(10, struct meeting, kind, N_("Kind"), FORM_PLAIN, &model_meeting_kinds,
	    0, FIELD_REQUIRED),
	STR(11, struct meeting, title, N_("Title"), FORM_PLAIN, FIELD_REQUIRED),
	STR(12, struct meeting, date, N_("Date"), FORM_DATE, FIELD_REQUIRED),
	STR(13, struct meeting, time, N_("Time"), FORM_TIME, 0),
	STR(14, struct meeting, place, N_("Place"), FORM_PLAIN, 0),
	STR(15, struct meeting, chair, N_("Chair"), FORM_PLAIN, 0),
	U32(16, struct meeting, agency, N_("Convening agency"), FORM_PLAIN, NULL,
	    ENTITY_AGENCY, 0),
	U32(17, struct meeting, status, N_("Status"), FORM_PLAIN,
	    &model_meeting_statuses, 0, FIELD_REQUIRED),
	U32(18, struct meeting, issue, N_("Case"), FORM_PLAIN, NULL, ENTITY_ISSUE,
	    0),
	STR(19, struct meeting, minutes_url, N_("Minutes"), FORM_URL, 0),
	STR(20, struct meeting, video_url, N_("Video"), FORM_URL, 0),
	STR(21, struct meeting, audio_url, N_("Audio"), FORM_URL, 0),
	STR(22, struct meeting, note, N_("Note"), FORM_PLAIN, 0),
};
SCHEMA(schema_meeting, "meeting", ENTITY_MEETING, struct meeting,
    meeting_fields);

static const struct field attendance_fields[] = {
	HEAD(struct attendance),
	U32(10, struct attendance, meeting, N_("Meeting"), FORM_PLAIN, NULL,
	    ENTITY_MEETING, FIELD_REQUIRED),
	U32(11, struct attendance, officer, N_("Officer"), FORM_PLAIN, NULL,
	    ENTITY_OFFICER, FIELD_REQUIRED),
	U32(12, struct attendance, agency, N_("Agency"), FORM_PLAIN, NULL, 0, 0),
	U32(13, struct attendance, role, N_("Role"), FORM_PLAIN, &model_roles, 0,
	    0),
	U32(14, struct attendance, status, N_("Status"), FORM_PLAIN,
	    &model_attend_statuses, 0, FIELD_REQUIRED),
	STR(15, struct attendance, proxy, N_("Proxy"), FORM_PLAIN, 0),
	STR(16, struct attendance, note, N_("Note"), FORM_PLAIN, 0),
	STR(17, struct attendance, name, N_("Name"), FORM_PLAIN, 0),
	STR(18, struct attendance, organisation, N_("Organisation"), FORM_PLAIN,
	    0),
};
SCHEMA(schema_attendance, "attendance", ENTITY_ATTENDANCE, struct attendance,
    attendance_fields);

static const struct field issue_fields[] = {
	HEAD(struct issue),
	STR(10, struct issue, title, N_("Title"), FORM_PLAIN, FIELD_REQUIRED),
	U32(11, struct issue, lead, N_("Lead agency"), FORM_PLAIN, NULL,
	    ENTITY_AGENCY, FIELD_REQUIRED),
	LIST(12, struct issue, collab, ncollab, N_("Collaborating agencies"),
	    ENTITY_AGENCY),
	U32(13, struct issue, po, N_("PO in charge"), FORM_PLAIN, NULL,
	    ENTITY_OFFICER, 0),
	STR(26, struct issue, serial, N_("Case number"), FORM_SERIAL, 0),
	U32(27, struct issue, stage, N_("Stage"), FORM_PLAIN, &model_case_stages,
	    0, FIELD_REQUIRED),
	U32(28, struct issue, source, N_("Source"), FORM_PLAIN,
	    &model_case_sources, 0, FIELD_REQUIRED),
	STR(29, struct issue, join_no, N_("Join proposal number"), FORM_PLAIN,
	    0),
	STR(30, struct issue, passed, N_("Passed on"), FORM_DATE, 0),
	STR(31, struct issue, extended_on, N_("Extension noticed on"),
	    FORM_DATE, 0),
	STR(32, struct issue, extended_to, N_("Extended to"), FORM_DATE, 0),
	STR(33, struct issue, contacted, N_("Proposer contacted on"), FORM_DATE,
	    0),
	U32(14, struct issue, status, N_("Status"), FORM_PLAIN,
	    &model_issue_statuses, 0, FIELD_SYSTEM),
	U32(15, struct issue, policy_stage, N_("Policy stage"), FORM_PLAIN,
	    &model_issue_stages, 0, 0),
	U32(16, struct issue, triggers, N_("Triggers"), FORM_TRIGGERS, NULL, 0, 0),
	STR(17, struct issue, description, N_("Description"), FORM_PLAIN, 0),
	/* Table order is form order; the key (25) is what is stored. */
	STR(25, struct issue, stakeholders, N_("Stakeholders"), FORM_PLAIN, 0),
	STR(18, struct issue, transparency, N_("Transparency"), FORM_PLAIN, 0),
	STR(19, struct issue, participation, N_("Participation"), FORM_PLAIN, 0),
	STR(20, struct issue, accountability, N_("Accountability"), FORM_PLAIN,
	    0),
	STR(21, struct issue, inclusiveness, N_("Inclusiveness"), FORM_PLAIN, 0),
	STR(34, struct issue, demands, N_("Demands"), FORM_PLAIN, 0),
	STR(35, struct issue, position, N_("Agency position"), FORM_PLAIN, 0),
	STR(36, struct issue, data, N_("Data"), FORM_PLAIN, 0),
	STR(37, struct issue, contacts, N_("Proposer contacts"), FORM_PLAIN, 0),
	STR(22, struct issue, links, N_("Links"), FORM_URL, 0),
	STR(23, struct issue, note, N_("Note"), FORM_PLAIN, 0),
	U32(38, struct issue, close_meeting, N_("Closed at meeting"), FORM_PLAIN,
	    NULL, ENTITY_MEETING, 0),
	STR(39, struct issue, response, N_("Public response"), FORM_PLAIN, 0),
	STR(40, struct issue, responded, N_("Responded on"), FORM_DATE, 0),
	STR(24, struct issue, status_since, N_("Stage since"), FORM_DATE,
	    FIELD_SYSTEM),
};
SCHEMA(schema_issue, "issue", ENTITY_ISSUE, struct issue, issue_fields);

static const struct field user_fields[] = {
	HEAD(struct user),
	STR(10, struct user, login, N_("Login"), FORM_LOGIN,
	    FIELD_REQUIRED | FIELD_KEY),
	U32(11, struct user, role, N_("Role"), FORM_PLAIN, &model_user_roles, 0,
	    FIELD_REQUIRED),
	LIST(12, struct user, scope, nscope, N_("Scope"), ENTITY_AGENCY),
};
SCHEMA(schema_user, "user", ENTITY_USER, struct user, user_fields);

static const struct field audit_fields[] = {
	{ 1, "seq", N_("Seq"), FIELD_U64, FORM_PLAIN, MEMBER(struct audit, seq),
	  0, NULL, 0, 0 },
	{ 2, "time", N_("Time"), FIELD_I64, FORM_PLAIN, MEMBER(struct audit, time),
	  0, NULL, 0, 0 },
	STR(3, struct audit, login, N_("Login"), FORM_LOGIN, 0),
	U32(4, struct audit, action, N_("Action"), FORM_PLAIN, &model_audit_actions,
	    0, FIELD_REQUIRED),
	U32(5, struct audit, entity, N_("Entity"), FORM_PLAIN, &model_entities, 0,
	    FIELD_REQUIRED),
	U32(6, struct audit, id, N_("Record"), FORM_PLAIN, NULL, 0, 0),
	U32(7, struct audit, id2, N_("Record 2"), FORM_PLAIN, NULL, 0, 0),
	{ 8, "before", N_("Before"), FIELD_BYTES, FORM_PLAIN,
	  MEMBER(struct audit, before), offsetof(struct audit, before_len),
	  NULL, 0, 0 },
	{ 9, "after", N_("After"), FIELD_BYTES, FORM_PLAIN,
	  MEMBER(struct audit, after), offsetof(struct audit, after_len),
	  NULL, 0, 0 },
	{ 10, "prev", "Previous", FIELD_BYTES, FORM_PLAIN,
	  MEMBER(struct audit, prev), offsetof(struct audit, prev_len),
	  NULL, 0, 0 },
	{ 11, "group", N_("Change"), FIELD_U64, FORM_PLAIN,
	  MEMBER(struct audit, group), 0, NULL, 0, 0 },
	{ 12, "undoes", N_("Undoes"), FIELD_U64, FORM_PLAIN,
	  MEMBER(struct audit, undoes), 0, NULL, 0, 0 },
};
SCHEMA(schema_audit, "audit", ENTITY_AUDIT, struct audit, audit_fields);

#define U64(k, type, m, label)						\
	{ k, #m, label, FIELD_U64, FORM_PLAIN, MEMBER(type, m), 0, NULL, 0, 0 }

static const struct field import_fields[] = {
	HEAD(struct import_record),
	U32(10, struct import_record, kind, N_("What"), FORM_PLAIN,
	    &model_entities, 0, 0),
	U32(11, struct import_record, added, N_("Added"), FORM_PLAIN, NULL, 0, 0),
	U32(12, struct import_record, updated, N_("Updated"), FORM_PLAIN, NULL, 0,
	    0),
	U32(13, struct import_record, unchanged, N_("Unchanged"), FORM_PLAIN, NULL,
	    0, 0),
	U32(14, struct import_record, rejected, N_("Rejected"), FORM_PLAIN, NULL,
	    0, 0),
	U64(15, struct import_record, first_seq, N_("First change")),
	U64(16, struct import_record, last_seq, N_("Last change")),
	U64(17, struct import_record, undoes, N_("Undoes")),
	STR(18, struct import_record, file, N_("File"), FORM_PLAIN, 0),
	STR(19, struct import_record, encoding, N_("Encoding"), FORM_PLAIN, 0),
};
SCHEMA(schema_import, "import", ENTITY_IMPORT, struct import_record,
    import_fields);

static const struct field training_fields[] = {
	HEAD(struct training),
	U32(10, struct training, officer, N_("Officer"), FORM_PLAIN, NULL,
	    ENTITY_OFFICER, FIELD_REQUIRED),
	STR(11, struct training, date, N_("Date"), FORM_DATE, FIELD_REQUIRED),
	STR(12, struct training, course, N_("Course"), FORM_PLAIN, FIELD_REQUIRED),
	U32(13, struct training, competencies, N_("Competencies"),
	    FORM_COMPETENCIES, NULL, 0, FIELD_REQUIRED),
	STR(14, struct training, hours, N_("Hours"), FORM_NUMBER, 0),
	STR(15, struct training, provider, N_("Provider"), FORM_PLAIN, 0),
	STR(16, struct training, note, N_("Note"), FORM_PLAIN, 0),
};
SCHEMA(schema_training, "training", ENTITY_TRAINING, struct training,
    training_fields);

static const struct field reward_fields[] = {
	HEAD(struct reward),
	U32(10, struct reward, officer, N_("Officer"), FORM_PLAIN, NULL,
	    ENTITY_OFFICER, FIELD_REQUIRED),
	STR(11, struct reward, date, N_("Date"), FORM_DATE, FIELD_REQUIRED),
	STR(12, struct reward, kind, N_("Kind"), FORM_PLAIN, FIELD_REQUIRED),
	STR(13, struct reward, reason, N_("Reason"), FORM_PLAIN, 0),
};
SCHEMA(schema_reward, "reward", ENTITY_REWARD, struct reward,
    reward_fields);

static const struct field progress_fields[] = {
	HEAD(struct progress),
	/* Table order is form order: what was done comes first. */
	STR(13, struct progress, text, N_("Progress"), FORM_PLAIN,
	    FIELD_REQUIRED),
	U32(10, struct progress, issue, N_("Case"), FORM_PLAIN, NULL,
	    ENTITY_ISSUE, FIELD_REQUIRED),
	STR(11, struct progress, date, N_("Date"), FORM_DATE, FIELD_REQUIRED),
	U32(12, struct progress, agency, N_("Agency"), FORM_PLAIN, NULL,
	    ENTITY_AGENCY, FIELD_REQUIRED),
	U32(14, struct progress, meeting, N_("Reported at"), FORM_PLAIN, NULL,
	    ENTITY_MEETING, 0),
};
SCHEMA(schema_progress, "progress", ENTITY_PROGRESS, struct progress,
    progress_fields);
static const struct field resolution_fields[] = {
	HEAD(struct resolution),
	U32(10, struct resolution, meeting, N_("Meeting"), FORM_PLAIN, NULL,
	    ENTITY_MEETING, FIELD_REQUIRED),
	U32(11, struct resolution, number, N_("Number"), FORM_PLAIN, NULL, 0, 0),
	STR(12, struct resolution, text, N_("Resolution"), FORM_PLAIN,
	    FIELD_REQUIRED),
	LIST(13, struct resolution, owner, nowner, N_("Owner agencies"),
	    ENTITY_AGENCY),
	STR(14, struct resolution, due, N_("Due"), FORM_DATE, 0),
	U32(15, struct resolution, status, N_("Status"), FORM_PLAIN,
	    &model_resolution_statuses, 0, FIELD_REQUIRED),
	U32(16, struct resolution, issue, N_("Case"), FORM_PLAIN, NULL,
	    ENTITY_ISSUE, 0),
	U32(17, struct resolution, decided, N_("Decided at"), FORM_PLAIN, NULL,
	    ENTITY_MEETING, 0),
	STR(18, struct resolution, note, N_("Progress"), FORM_PLAIN, 0),
};
SCHEMA(schema_resolution, "resolution", ENTITY_RESOLUTION, struct resolution,
    resolution_fields);

static const struct field vote_fields[] = {
	HEAD(struct vote),
	STR(10, struct vote, date, N_("Date"), FORM_DATE, FIELD_REQUIRED),
	STR(11, struct vote, title, N_("Title"), FORM_PLAIN, FIELD_REQUIRED),
	U32(12, struct vote, status, N_("Status"), FORM_PLAIN,
	    &model_vote_statuses, 0, FIELD_REQUIRED),
	LIST(13, struct vote, chosen, nchosen, N_("Chosen cases"),
	    ENTITY_ISSUE),
	STR(14, struct vote, note, N_("Note"), FORM_PLAIN, 0),
};
SCHEMA(schema_vote, "vote", ENTITY_VOTE, struct vote, vote_fields);

static const struct field candidate_fields[] = {
	HEAD(struct candidate),
	U32(10, struct candidate, vote, N_("Vote"), FORM_PLAIN, NULL,
	    ENTITY_VOTE, FIELD_REQUIRED),
	STR(11, struct candidate, title, N_("Title"), FORM_PLAIN,
	    FIELD_REQUIRED),
	STR(12, struct candidate, source, N_("Source"), FORM_PLAIN, 0),
	U32(13, struct candidate, lead, N_("Lead agency"), FORM_PLAIN, NULL,
	    ENTITY_AGENCY, FIELD_REQUIRED),
	U32(14, struct candidate, issue, N_("Case"), FORM_PLAIN, NULL,
	    ENTITY_ISSUE, 0),
	STR(15, struct candidate, note, N_("Note"), FORM_PLAIN, 0),
};
SCHEMA(schema_candidate, "candidate", ENTITY_CANDIDATE, struct candidate,
    candidate_fields);

static const struct field ballot_fields[] = {
	HEAD(struct ballot),
	U32(10, struct ballot, vote, N_("Vote"), FORM_PLAIN, NULL, ENTITY_VOTE,
	    FIELD_REQUIRED),
	U32(11, struct ballot, officer, N_("Officer"), FORM_PLAIN, NULL,
	    ENTITY_OFFICER, FIELD_REQUIRED),
	LIST(12, struct ballot, choice, nchoice, N_("Approved"),
	    ENTITY_CANDIDATE),
};
SCHEMA(schema_ballot, "ballot", ENTITY_BALLOT, struct ballot, ballot_fields);

const struct schema *
schema_of(enum entity_kind kind)
{
	static const struct schema *const all[] = { NULL, &schema_agency,
		&schema_officer, &schema_meeting, &schema_attendance,
		&schema_issue, &schema_user, &schema_audit, &schema_import,
		&schema_training, &schema_reward, &schema_progress,
		&schema_resolution,
		&schema_vote, &schema_candidate, &schema_ballot };

	if (kind < ENTITY_AGENCY || kind > ENTITY_MAX)
		return NULL;
	return all[kind];
}

const struct field *
schema_field(const struct schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	return NULL;
}

void
schema_label(const struct schema *s, const void *rec, char *buf, size_t n)
{
	static const char *const names[] = { "name", "title", "code",
		"login", "course", "kind", "text" };
	const struct field *f;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		f = schema_field(s, names[i]);
		if (f != NULL && ((const char *)rec)[f->offset] != '\0') {
			snprintf(buf, n, "%s", (const char *)rec + f->offset);
			str_utf8_cut(buf);
			return;
		}
	}
	snprintf(buf, n, "#%u", ((const struct record_head *)rec)->id);
}

char *
schema_format(const struct field *f, const void *rec, char *buf, size_t n)
{
	const char *p = (const char *)rec + f->offset;
	uint32_t u, i, count;
	size_t used;

	buf[0] = '\0';
	switch (f->type) {
	case FIELD_U32:
		memcpy(&u, p, sizeof u);
		if (f->enums != NULL)
			snprintf(buf, n, "%s", model_enum_name(f->enums, u));
		else if (f->form == FORM_TRIGGERS)
			model_triggers_format(u, buf, n);
		else if (f->form == FORM_COMPETENCIES)
			model_competencies_format(u, buf, n);
		else if (f->ref != 0 && u == 0)
			buf[0] = '\0';
		else
			snprintf(buf, n, "%u", u);
		break;
	case FIELD_U64: {
		uint64_t v;

		memcpy(&v, p, sizeof v);
		snprintf(buf, n, "%llu", (unsigned long long)v);
		break;
	}
	case FIELD_I64: {
		int64_t v;

		memcpy(&v, p, sizeof v);
		snprintf(buf, n, "%lld", (long long)v);
		break;
	}
	case FIELD_STR:
		snprintf(buf, n, "%s", p);
		break;
	case FIELD_U32LIST:
		memcpy(&count, (const char *)rec + f->count, sizeof count);
		for (i = 0, used = 0; i < count && used + 1 < n; i++) {
			memcpy(&u, p + i * sizeof u, sizeof u);
			used += (size_t)snprintf(buf + used, n - used, "%s%u",
			    i ? "," : "", u);
		}
		break;
	case FIELD_BYTES: {
		size_t len;

		memcpy(&len, (const char *)rec + f->count, sizeof len);
		snprintf(buf, n, "(%zu bytes)", len);
		break;
	}
	}
	return buf;
}
