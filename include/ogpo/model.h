/*
 * model.h — the records ogpo keeps, their enums and every field limit.
 *
 * The structs are plain values with fixed-size strings, so a record can be
 * copied, compared and freed like an int. Every limit lives here and is
 * enforced twice: by validation (core), which explains it to a person, and
 * by the codec (store), which trusts nothing it reads back.
 */
#ifndef OGPO_MODEL_H
#define OGPO_MODEL_H

#include <stddef.h>
#include <stdint.h>

/* Field limits, in bytes of UTF-8 (a CJK character takes three). */
#define OGPO_LOGIN_MAX		64
#define OGPO_CODE_MAX		16
#define OGPO_NAME_MAX		96	/* agency or person name */
#define OGPO_TITLE_MAX		96	/* job title */
#define OGPO_EMAIL_MAX		128
#define OGPO_PHONE_MAX		32
#define OGPO_EXT_MAX		16
#define OGPO_DATE_MAX		10	/* YYYY-MM-DD */
#define OGPO_TIME_MAX		5	/* HH:MM */
#define OGPO_TEXT_MAX		255	/* meeting or issue title, place */
#define OGPO_URL_MAX		512
#define OGPO_NOTE_MAX		2000
#define OGPO_DESC_MAX		4000
#define OGPO_COLLAB_MAX		32	/* collaborating agencies of an issue */
#define OGPO_HASH_LEN		32	/* SHA-256, the audit chain's links */
#define OGPO_RECORD_MAX		16384	/* an encoded record never exceeds this */

/* What every stored record starts with: identity and accountability. */
struct record_head {
	uint32_t id;
	uint32_t version;	/* bumped on every write; 0 = never stored */
	int64_t	 updated_at;	/* seconds since the epoch */
	char	 updated_by[OGPO_LOGIN_MAX + 1];
};

enum agency_level {
	LEVEL_CABINET = 1,	/* 行政院 */
	LEVEL_2,		/* 二級機關 */
	LEVEL_3,
	LEVEL_4,
	LEVEL_MAX = LEVEL_4
};

struct agency {
	struct record_head h;
	uint32_t parent;	/* 0 for the Executive Yuan */
	uint32_t level;		/* enum agency_level */
	char	 code[OGPO_CODE_MAX + 1];
	char	 name[OGPO_NAME_MAX + 1];
	char	 note[OGPO_NOTE_MAX + 1];
};

enum role {
	ROLE_PO = 1,		/* 開放政府聯絡人 */
	ROLE_ALTERNATE,		/* 代理人 */
	ROLE_SUPERVISOR,	/* 督導 (副首長 or 資訊長) */
	ROLE_MEMBER,		/* 工作小組成員 */
	ROLE_MINISTER,		/* 政務委員 (point 2), on the Executive Yuan */
	ROLE_MAX = ROLE_MINISTER
};

enum supervisor_kind {
	SUPV_NONE = 0,
	SUPV_DEPUTY_HEAD,	/* 副首長 */
	SUPV_CIO,		/* 資訊長 */
	SUPV_MAX = SUPV_CIO
};

enum member_function {
	FUNC_NONE = 0,
	FUNC_PARLIAMENTARY,	/* 國會聯絡 */
	FUNC_PRESS,		/* 新聞聯絡 */
	FUNC_IT,		/* 資訊 */
	FUNC_EVALUATION,	/* 管考 */
	FUNC_BUSINESS,		/* 業務 */
	FUNC_MAX = FUNC_BUSINESS
};

struct officer {
	struct record_head h;
	uint32_t agency;
	uint32_t role;		/* enum role */
	uint32_t supervisor;	/* enum supervisor_kind, for ROLE_SUPERVISOR */
	uint32_t function;	/* enum member_function, for ROLE_MEMBER */
	uint32_t civil_servant;	/* 1: the agency's own civil servant (point 4) */
	char	 name[OGPO_NAME_MAX + 1];
	char	 title[OGPO_TITLE_MAX + 1];
	char	 email[OGPO_EMAIL_MAX + 1];
	char	 phone[OGPO_PHONE_MAX + 1];
	char	 ext[OGPO_EXT_MAX + 1];
	char	 start_date[OGPO_DATE_MAX + 1];
	char	 end_date[OGPO_DATE_MAX + 1];	/* empty: still designated */
	char	 note[OGPO_NOTE_MAX + 1];
};

enum meeting_kind {
	MEETING_POLICY = 1,	/* 開放政府政策協調聯繫會議, quarterly */
	MEETING_WORK,		/* 開放政府聯絡人工作推動會議, monthly */
	MEETING_ISSUE,		/* 開放政府議題協作會議, as needed */
	MEETING_KIND_MAX = MEETING_ISSUE
};

enum meeting_status {
	MEETING_PLANNED = 1,
	MEETING_HELD,
	MEETING_CANCELLED,
	MEETING_STATUS_MAX = MEETING_CANCELLED
};

struct meeting {
	struct record_head h;
	uint32_t kind;		/* enum meeting_kind */
	uint32_t status;	/* enum meeting_status */
	uint32_t agency;	/* convening agency, 0 if none */
	uint32_t issue;		/* for MEETING_ISSUE, 0 if none */
	char	 title[OGPO_TEXT_MAX + 1];
	char	 date[OGPO_DATE_MAX + 1];
	char	 time[OGPO_TIME_MAX + 1];
	char	 place[OGPO_TEXT_MAX + 1];
	char	 chair[OGPO_NAME_MAX + 1];
	char	 minutes_url[OGPO_URL_MAX + 1];
	char	 video_url[OGPO_URL_MAX + 1];
	char	 audio_url[OGPO_URL_MAX + 1];
	char	 note[OGPO_NOTE_MAX + 1];
};

enum attend_status {
	ATTEND_INVITED = 1,	/* no answer recorded yet */
	ATTEND_PRESENT,		/* 出席 */
	ATTEND_ONLINE,		/* 線上 */
	ATTEND_PROXY,		/* 代理出席 */
	ATTEND_EXCUSED,		/* 請假 */
	ATTEND_ABSENT,		/* 缺席 */
	ATTEND_MAX = ATTEND_ABSENT
};

/*
 * One invitee of one meeting. The key is (meeting, officer); agency and
 * role are copied from the officer when invited, so the attendance keeps
 * who the person was on the meeting's date.
 *
 * An external participant (a stakeholder, a civic group: not an officer)
 * has an officer number with ATTEND_EXTERNAL set, unique within the
 * meeting, and carries their own name and organisation.
 */
#define ATTEND_EXTERNAL	0x80000000u

struct attendance {
	struct record_head h;	/* h.id unused */
	uint32_t meeting;
	uint32_t officer;	/* an officer, or ATTEND_EXTERNAL | n */
	uint32_t agency;
	uint32_t role;
	uint32_t status;	/* enum attend_status */
	char	 proxy[OGPO_NAME_MAX + 1];
	char	 note[OGPO_NOTE_MAX + 1];
	char	 name[OGPO_NAME_MAX + 1];		/* externals */
	char	 organisation[OGPO_TEXT_MAX + 1];	/* externals */
};

enum issue_status {
	ISSUE_OPEN = 1,
	ISSUE_ASSESSING,
	ISSUE_COLLABORATING,
	ISSUE_ESCALATED,	/* the PO asked the minister to convene */
	ISSUE_RESOLVED,
	ISSUE_CLOSED,
	ISSUE_STATUS_MAX = ISSUE_CLOSED
};

/* The policy stage the issue is at (an older field; see case_stage). */
enum issue_stage {
	STAGE_NONE = 0,
	STAGE_PLANNING,
	STAGE_DRAFTING,
	STAGE_IMPLEMENTATION,
	STAGE_REVIEW,
	STAGE_MAX = STAGE_REVIEW
};

/* Point 6: what calls for an open process. */
#define TRIGGER_STAKEHOLDERS	0x1	/* 利害關係複雜 */
#define TRIGGER_DIVIDED		0x2	/* 意見分歧 */
#define TRIGGER_HEATED		0x4	/* 民眾參與熱烈 */
#define TRIGGER_ALL		0x7

/* Where a tracked case (列管案件) came from. */
enum case_source {
	SOURCE_JOIN = 1,	/* a Join proposal that passed 5,000 seconds */
	SOURCE_AGENCY,		/* the agency's own proposal */
	SOURCE_MINISTER,	/* a minister's office */
	SOURCE_OTHER,
	SOURCE_MAX = SOURCE_OTHER
};

/* The stages a tracked case moves through, in order. */
enum case_stage {
	CASE_PROPOSED = 1,	/* 提案 */
	CASE_SELECTED,		/* 選定 (the POs' vote) */
	CASE_WORKING,		/* 工作會議 */
	CASE_PREMEETING,	/* 會前會 */
	CASE_COLLABORATION,	/* 協作會議 */
	CASE_RESPONSE,		/* 機關回應 */
	CASE_CLOSED,		/* 解除列管 */
	CASE_WITHDRAWN,		/* 撤案 */
	CASE_STAGE_MAX = CASE_WITHDRAWN
};

#define OGPO_SERIAL_MAX		15	/* "115-07" */
#define OGPO_JOIN_NO_MAX	40	/* a Join proposal's number */
#define CASE_JOIN_MONTHS	2	/* a Join proposal is answered within */
#define CASE_EXTEND_MONTHS	2	/* one extension, of at most */
#define CASE_CONTACT_DAYS	7	/* the proposer is contacted within */

/*
 * An issue is a tracked case (列管案件): the record keeps its old name
 * (and its id), the case fields came with schema 5.
 */
struct issue {
	struct record_head h;
	uint32_t lead;		/* lead agency */
	uint32_t po;		/* PO in charge, 0 if none */
	uint32_t status;	/* enum issue_status, kept by core from stage */
	uint32_t policy_stage;	/* enum issue_stage */
	uint32_t stage;		/* enum case_stage */
	uint32_t source;	/* enum case_source */
	uint32_t close_meeting;	/* the meeting that decided to close */
	uint32_t triggers;	/* TRIGGER_* */
	uint32_t ncollab;
	uint32_t collab[OGPO_COLLAB_MAX];	/* collaborating agencies */
	char	 title[OGPO_TEXT_MAX + 1];
	char	 description[OGPO_DESC_MAX + 1];
	char	 transparency[OGPO_NOTE_MAX + 1];	/* 透明 */
	char	 participation[OGPO_NOTE_MAX + 1];	/* 參與 */
	char	 accountability[OGPO_NOTE_MAX + 1];	/* 課責 */
	char	 inclusiveness[OGPO_NOTE_MAX + 1];	/* 涵容 */
	char	 links[OGPO_URL_MAX + 1];
	char	 note[OGPO_NOTE_MAX + 1];
	char	 status_since[OGPO_DATE_MAX + 1];	/* set by core */
	/* External stakeholders: "name / organisation / contact", one per
	 * line or separated by ';'. */
	char	 stakeholders[OGPO_DESC_MAX + 1];
	char	 serial[OGPO_SERIAL_MAX + 1];	/* 案號 "115-07", unique */
	char	 join_no[OGPO_JOIN_NO_MAX + 1];	/* SOURCE_JOIN */
	char	 passed[OGPO_DATE_MAX + 1];	/* the day it passed */
	char	 extended_on[OGPO_DATE_MAX + 1];	/* the extension's notice */
	char	 extended_to[OGPO_DATE_MAX + 1];	/* its new due date */
	char	 contacted[OGPO_DATE_MAX + 1];	/* the proposer, first */
	/* The issue analysis (議題分析表). */
	char	 demands[OGPO_NOTE_MAX + 1];	/* the proposal's demands */
	char	 position[OGPO_NOTE_MAX + 1];	/* the agency's position */
	char	 data[OGPO_NOTE_MAX + 1];	/* data and materials */
	char	 contacts[OGPO_NOTE_MAX + 1];	/* "YYYY-MM-DD what", a line
						   each: the proposer */
	/* The close decision. */
	char	 response[OGPO_URL_MAX + 1];	/* link or reference of the
						   public response */
	char	 responded[OGPO_DATE_MAX + 1];	/* the day it was public */
};

/* One progress report (辦理情形) on a case, by an agency. */
struct progress {
	struct record_head h;
	uint32_t issue;		/* the case */
	uint32_t agency;	/* who reports */
	uint32_t meeting;	/* reported at, 0 if none */
	char	 date[OGPO_DATE_MAX + 1];
	char	 text[OGPO_NOTE_MAX + 1];
};

enum user_role {
	UROLE_VIEWER = 1,
	UROLE_EDITOR,
	UROLE_ADMIN,
	UROLE_MAX = UROLE_ADMIN
};

struct user {
	struct record_head h;	/* h.id unused; the key is the login */
	uint32_t role;		/* enum user_role */
	uint32_t nscope;
	uint32_t scope[OGPO_COLLAB_MAX];	/* agencies an editor may write */
	char	 login[OGPO_LOGIN_MAX + 1];
};

enum audit_action {
	AUDIT_CREATE = 1,
	AUDIT_UPDATE,
	AUDIT_DELETE,
	AUDIT_IMPORT,		/* after: a struct import_record */
	AUDIT_UNDO,		/* a change taken back (undoes: its group);
				   for an import, after: the import_record */
	AUDIT_ACTION_MAX = AUDIT_UNDO
};

/*
 * One change, appended in the same transaction as the change itself.
 * before/after are the encoded records (empty for create/delete).
 */
struct audit {
	uint64_t seq;
	int64_t	 time;
	uint32_t action;	/* enum audit_action */
	uint32_t entity;	/* enum entity_kind */
	uint32_t id;		/* the record's id (for attendance: meeting) */
	uint32_t id2;		/* attendance: officer; else 0 */
	/* The seq of the first audit record of the transaction that wrote
	 * this one (set by the store): one change a person made, perhaps of
	 * many records, is one group, and an undo takes back a whole group.
	 * 0 in records written before groups were kept. */
	uint64_t group;
	/* AUDIT_UNDO: the group it took back. */
	uint64_t undoes;
	char	 login[OGPO_LOGIN_MAX + 1];
	/* SHA-256 of the previous audit record as stored (set by the
	 * store): the trail is a chain, and a record changed or taken out
	 * breaks it. Empty in records written before the chain began. */
	size_t	 prev_len;
	uint8_t	 prev[OGPO_HASH_LEN];
	size_t	 before_len, after_len;
	uint8_t	 before[OGPO_RECORD_MAX];
	uint8_t	 after[OGPO_RECORD_MAX];
};

/* The kinds of record; the numbers are stored in the audit trail. */
enum entity_kind {
	ENTITY_AGENCY = 1,
	ENTITY_OFFICER,
	ENTITY_MEETING,
	ENTITY_ATTENDANCE,
	ENTITY_ISSUE,
	ENTITY_USER,
	ENTITY_AUDIT,
	ENTITY_IMPORT,		/* kept only inside audit records */
	ENTITY_TRAINING,	/* point 8 */
	ENTITY_REWARD,		/* point 9 */
	ENTITY_PROGRESS,	/* a case's progress report */
	ENTITY_RESOLUTION,	/* 決議事項 of a meeting */
	ENTITY_VOTE,		/* a month's topic vote */
	ENTITY_CANDIDATE,	/* a topic in a vote */
	ENTITY_BALLOT,		/* one PO's approval ballot */
	ENTITY_MAX = ENTITY_BALLOT
};

/* The four competencies of point 8, as bits of training.competencies. */
#define COMPETENCE_COMMUNICATION 0x1	/* 利害關係人溝通、開放資料、轉譯 */
#define COMPETENCE_FACILITATION	0x2	/* 協作會議、焦點座談、公聽會主持 */
#define COMPETENCE_RECORDING	0x4	/* 文字、影像、聲音記錄 */
#define COMPETENCE_CIVIC_TECH	0x8	/* 網路工具與公民科技 */
#define COMPETENCE_ALL		0xf

/* A course an officer took (point 8). */
struct training {
	struct record_head h;
	uint32_t officer;
	uint32_t competencies;	/* COMPETENCE_* */
	char	 date[OGPO_DATE_MAX + 1];
	char	 course[OGPO_TEXT_MAX + 1];
	char	 hours[8];	/* "3" or "1.5" */
	char	 provider[OGPO_NAME_MAX + 1];	/* e.g. 國家發展委員會 */
	char	 note[OGPO_NOTE_MAX + 1];
};

/* A reward an officer received (point 9). */
struct reward {
	struct record_head h;
	uint32_t officer;
	char	 date[OGPO_DATE_MAX + 1];
	char	 kind[OGPO_TITLE_MAX + 1];	/* 嘉獎, 記功 … */
	char	 reason[OGPO_NOTE_MAX + 1];
};

enum resolution_status {
	RESOL_OPEN = 1,		/* 持續列管: still followed */
	RESOL_CLOSED,		/* 解除列管: released by a later meeting */
	RESOL_STATUS_MAX = RESOL_CLOSED
};

/*
 * A numbered resolution (決議事項) of a meeting: what was decided, which
 * agencies carry it out and by when. The next meetings of the same kind
 * review it until one of them releases it (decided: that meeting).
 */
struct resolution {
	struct record_head h;
	uint32_t meeting;	/* the meeting that resolved it */
	uint32_t number;	/* within that meeting, from 1 */
	uint32_t status;	/* enum resolution_status */
	uint32_t issue;		/* the issue (case) it is about, 0 if none */
	uint32_t decided;	/* the meeting that last set its status, or 0 */
	uint32_t nowner;
	uint32_t owner[OGPO_COLLAB_MAX];	/* agencies that carry it out */
	char	 text[OGPO_NOTE_MAX + 1];
	char	 due[OGPO_DATE_MAX + 1];	/* "" when none was set */
	char	 note[OGPO_NOTE_MAX + 1];	/* how it stands (辦理情形) */
};

enum vote_status {
	VOTE_OPEN = 1,		/* ballots are being entered */
	VOTE_CLOSED,		/* tallied; the chosen topics became issues */
	VOTE_STATUS_MAX = VOTE_CLOSED
};

/*
 * A month's topic vote (議題票選): the POs registered on its date choose
 * any number of its candidates (approval voting); the two most approved
 * become issues when it is closed.
 */
struct vote {
	struct record_head h;
	uint32_t status;	/* enum vote_status */
	uint32_t nchosen;
	uint32_t chosen[OGPO_COLLAB_MAX];	/* the issues it chose */
	char	 date[OGPO_DATE_MAX + 1];	/* who may vote: POs then */
	char	 title[OGPO_TEXT_MAX + 1];
	char	 note[OGPO_NOTE_MAX + 1];
};

/* A topic put to a vote: its text, where it came from, its agency. */
struct candidate {
	struct record_head h;
	uint32_t vote;
	uint32_t lead;		/* the agency that would lead it */
	uint32_t issue;		/* the issue it is (or became), 0 if none */
	char	 title[OGPO_TEXT_MAX + 1];
	char	 source[OGPO_TEXT_MAX + 1];	/* Join proposal, agency … */
	char	 note[OGPO_NOTE_MAX + 1];
};

/*
 * One PO's ballot in a vote: the candidates they approve. Only admins
 * read or write ballots; others see the tally.
 */
struct ballot {
	struct record_head h;
	uint32_t vote;
	uint32_t officer;
	uint32_t nchoice;
	uint32_t choice[OGPO_COLLAB_MAX];	/* candidates approved */
};

/*
 * One import, as its audit record tells it. The changes it made are the
 * audit records first_seq to last_seq (written in the same transaction,
 * so nothing else comes between them).
 */
struct import_record {
	struct record_head h;	/* h.id unused */
	uint32_t kind;		/* ENTITY_OFFICER or ENTITY_AGENCY */
	uint32_t added, updated, unchanged, rejected;
	uint64_t first_seq, last_seq;
	uint64_t undoes;	/* AUDIT_UNDO: the import's own seq */
	char	 file[OGPO_URL_MAX + 1];
	char	 encoding[16];
};

/*
 * Names of enum values, as written in CSV/TSV and typed on the command
 * line ("po", "supervisor" …), and their labels for people. Index 0 of a
 * table is the "none" value where the enum has one, else NULL.
 */
struct enum_names {
	const char *const *names;	/* machine names */
	const char *const *labels;	/* English labels for people */
	const char *const *zh;		/* 中文 labels */
	uint32_t	   min, max;
};

extern const struct enum_names model_roles;
extern const struct enum_names model_supervisor_kinds;
extern const struct enum_names model_functions;
extern const struct enum_names model_levels;
extern const struct enum_names model_meeting_kinds;
extern const struct enum_names model_meeting_statuses;
extern const struct enum_names model_attend_statuses;
extern const struct enum_names model_issue_statuses;
extern const struct enum_names model_issue_stages;
extern const struct enum_names model_case_sources;
extern const struct enum_names model_case_stages;
extern const struct enum_names model_user_roles;
extern const struct enum_names model_audit_actions;
extern const struct enum_names model_entities;
extern const struct enum_names model_resolution_statuses;
extern const struct enum_names model_vote_statuses;

/* The machine name of value v, or "?" when it is out of range. */
const char *model_enum_name(const struct enum_names *e, uint32_t v);
/* The English label of v, or "?". */
/*
 * The value's label in the reader's language, or NULL when that is its
 * Chinese form already: where a screen shows both (出席 Present), a
 * Chinese reader sees it once.
 */
const char *model_enum_other(const struct enum_names *e, uint32_t v);

/* A kind of record as a noun in a sentence ("officer"), translated. */
const char *model_noun(enum entity_kind kind);
const char *model_noun_msgid(enum entity_kind kind);
const char *model_enum_label(const struct enum_names *e, uint32_t v);
/*
 * Parse a machine name, English label or Chinese label (case-insensitive
 * for ASCII). Returns 0 and sets *v, or -1 when s names no value.
 */
int model_enum_parse(const struct enum_names *e, const char *s, uint32_t *v);
void model_enum_choices(const struct enum_names *e, char *buf, size_t n);

/* Trigger flags as text: "stakeholders,divided" ("" when none). */
void model_triggers_format(uint32_t t, char *buf, size_t n);

/* Names and labels of the four competencies of point 8, by bit 0–3. */
extern const char *const model_competence_names[4];
extern const char *const model_competence_labels[4];
extern const char *const model_competence_zh[4];	/* 溝通轉譯 … */

/*
 * Values a free-text field is usually given (a reward's kind: 嘉獎, 記功
 * …), as labels to translate, NULL-terminated; NULL when the field has
 * none. The form offers them; the field still takes any text.
 */
const char *const *model_suggestions(enum entity_kind kind,
    const char *field);

/* Competence bits as text: "communication,recording" ("" when none). */
void model_competencies_format(uint32_t c, char *buf, size_t n);
/* The same as short words for people, in the reader's language. */
void model_triggers_words(uint32_t t, char *buf, size_t n);
void model_competencies_words(uint32_t c, char *buf, size_t n);
/* Parse "communication,facilitation" (names, labels or 中文); -1 if bad. */
int model_competencies_parse(const char *s, uint32_t *c);

#endif
