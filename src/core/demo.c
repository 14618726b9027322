/*
 * demo.c — a demo database a newcomer can explore: the real second-level
 * agencies with some of their subordinates, invented officers in every
 * role, a year of held work and policy meetings with attendance, this
 * month's (held or still to come, by its day) and next month's planned,
 * and a handful of issues. Everything goes through the
 * same door as a person's edits, in one transaction, and is the same on
 * every run of the same day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"
#include "demo_data.h"
#include "ogpo/resolution.h"
#include "ogpo/vote.h"

#define DEMO_OFFICERS_MAX 1024

struct demo {
	struct core	*c;
	struct store_txn *t;
	uint32_t	 seed;
	char		 today[11];
	uint32_t	 agency_id[256];	/* by demo_agencies index */
	size_t		 nofficers;
	struct officer	*officers;		/* what was created */
	char		**cause;
};

/* A small deterministic generator: the demo is the same every time. */
static uint32_t
demo_rand(struct demo *d)
{
	d->seed = d->seed * 1103515245u + 12345u;
	return (d->seed >> 16) & 0x7fff;
}

static size_t
demo_index(const char *code)
{
	size_t i;

	for (i = 0; i < demo_agencies_len; i++)
		if (strcmp(demo_agencies[i].code, code) == 0)
			return i;
	return 0;
}

static int
demo_agencies_add(struct demo *d)
{
	struct agency a;
	size_t i;
	int rc;

	for (i = 0; i < demo_agencies_len && i < 256; i++) {
		memset(&a, 0, sizeof a);
		str_copy(a.code, demo_agencies[i].code, sizeof a.code);
		str_copy(a.name, demo_agencies[i].name, sizeof a.name);
		a.level = (uint32_t)demo_agencies[i].level;
		if (demo_agencies[i].parent != NULL)
			a.parent = d->agency_id[demo_index(
			    demo_agencies[i].parent)];
		if ((rc = core_save(d->c, d->t, ENTITY_AGENCY, &a,
		    d->cause)) != 0)
			return rc;
		d->agency_id[i] = a.h.id;
	}
	return 0;
}

/* Add one invented officer to agency index ai. */
static int
demo_officer(struct demo *d, size_t ai, uint32_t role, uint32_t kind,
    const char *start, const char *end)
{
	static const char *const role_tag[] = { "", "po", "alt", "sup",
		"wg", "min" };
	static const uint32_t functions[] = { FUNC_PRESS, FUNC_PARLIAMENTARY,
		FUNC_IT, FUNC_EVALUATION, FUNC_BUSINESS };
	struct officer *o;
	char code[OGPO_CODE_MAX + 1];
	int rc;

	if (d->nofficers >= DEMO_OFFICERS_MAX)
		return 0;
	o = &d->officers[d->nofficers];
	memset(o, 0, sizeof *o);
	o->agency = d->agency_id[ai];
	o->role = role;
	o->civil_servant = 1;
	snprintf(o->name, sizeof o->name, "%s%s",
	    demo_surnames[demo_rand(d) % demo_surnames_len],
	    demo_given[demo_rand(d) % demo_given_len]);
	str_lower(code, demo_agencies[ai].code, sizeof code);
	snprintf(o->email, sizeof o->email, "%s.%s%zu@ogpo.example", code,
	    role_tag[role], d->nofficers + 1);
	snprintf(o->phone, sizeof o->phone, "02-2%03u-%04u",
	    demo_rand(d) % 1000, demo_rand(d) % 10000);
	snprintf(o->ext, sizeof o->ext, "%u", 100 + demo_rand(d) % 900);
	switch (role) {
	case ROLE_SUPERVISOR:
		o->supervisor = kind;
		str_copy(o->title, kind == SUPV_CIO ? "資訊長" : "副首長",
		    sizeof o->title);
		break;
	case ROLE_MEMBER:
		o->function = functions[kind % 5];
		str_copy(o->title, demo_titles[demo_rand(d) %
		    (demo_titles_len - 2)], sizeof o->title);
		break;
	case ROLE_MINISTER:
		str_copy(o->title, "政務委員", sizeof o->title);
		break;
	default:
		/* The last two titles (資訊長, 副首長) are supervisors'. */
		str_copy(o->title, demo_titles[demo_rand(d) %
		    (demo_titles_len - 2)], sizeof o->title);
	}
	str_copy(o->start_date, start, sizeof o->start_date);
	str_copy(o->end_date, end ? end : "", sizeof o->end_date);
	if ((rc = core_save(d->c, d->t, ENTITY_OFFICER, o, d->cause)) != 0)
		return rc;
	d->nofficers++;
	return 0;
}

/*
 * Officers in every role. A few agencies are left without a supervisor
 * or a PO, and one PO is not a civil servant, so the demo shows what the
 * regulation's checks catch.
 */
static int
demo_officers_add(struct demo *d)
{
	char start[11], ended[11], after[11];
	size_t i, n2 = 0;
	int rc = 0;

	date_add_months(d->today, -36, start);
	date_add_months(d->today, -7, ended);
	date_add_days(ended, 1, after);
	if ((rc = demo_officer(d, 0, ROLE_MINISTER, 0, start, NULL)) != 0)
		return rc;
	for (i = 1; i < demo_agencies_len && rc == 0; i++) {
		if (demo_agencies[i].level == LEVEL_2) {
			n2++;
			if (n2 % 11 != 0)
				rc = demo_officer(d, i, ROLE_PO, 0,
				    n2 % 5 == 0 ? after : start, NULL);
			if (rc == 0 && n2 % 5 == 0)
				rc = demo_officer(d, i, ROLE_PO, 0, start,
				    ended);
			if (rc == 0 && n2 % 3 == 0)
				rc = demo_officer(d, i, ROLE_PO, 0, start,
				    NULL);
			if (rc == 0)
				rc = demo_officer(d, i, ROLE_ALTERNATE, 0,
				    start, NULL);
			if (rc == 0 && n2 % 8 != 7)
				rc = demo_officer(d, i, ROLE_SUPERVISOR,
				    n2 % 2 ? SUPV_DEPUTY_HEAD : SUPV_CIO, start,
				    NULL);
			if (rc == 0 && n2 % 2 == 0)
				rc = demo_officer(d, i, ROLE_MEMBER, n2, start,
				    NULL);
			if (rc == 0 && n2 % 4 == 0)
				rc = demo_officer(d, i, ROLE_MEMBER, n2 + 1,
				    start, NULL);
		} else if (demo_agencies[i].level == LEVEL_3 && i % 2 == 0)
			rc = demo_officer(d, i, ROLE_PO, 0, start, NULL);
	}
	/* One PO hired on contract (point 4 wants civil servants). */
	for (i = 0; i < d->nofficers && rc == 0; i++)
		if (d->officers[i].role == ROLE_PO && i > 20) {
			d->officers[i].civil_servant = 0;
			str_copy(d->officers[i].note, "約聘人員",
			    sizeof d->officers[i].note);
			rc = core_save(d->c, d->t, ENTITY_OFFICER,
			    &d->officers[i], d->cause);
			break;
		}
	return rc;
}

/* Invite by the rule of point 7, then record how it went if held. */
static int
demo_attendance(struct demo *d, const struct meeting *m)
{
	uint32_t *ids = xcalloc(DEMO_OFFICERS_MAX, sizeof *ids), r, status;
	char proxy[OGPO_NAME_MAX + 1];
	size_t i, n;
	int rc = 0;

	n = core_propose_invitees(d->t, m, ids, DEMO_OFFICERS_MAX);
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = core_invite(d->c, d->t, m->h.id, ids[i],
		    d->cause)) != 0 || m->status != MEETING_HELD)
			continue;
		r = demo_rand(d) % 20;
		status = r < 14 ? ATTEND_PRESENT : r < 16 ? ATTEND_ONLINE :
		    r < 17 ? ATTEND_PROXY : r < 19 ? ATTEND_EXCUSED :
		    ATTEND_ABSENT;
		snprintf(proxy, sizeof proxy, "%s%s",
		    demo_surnames[demo_rand(d) % demo_surnames_len],
		    demo_given[demo_rand(d) % demo_given_len]);
		rc = core_attend(d->c, d->t, m->h.id, ids[i], status,
		    status == ATTEND_PROXY ? proxy : "", NULL, d->cause);
	}
	free(ids);
	return rc;
}

static int
demo_meeting(struct demo *d, uint32_t kind, uint32_t status, const char *date,
    const char *title, uint32_t issue)
{
	struct meeting m;
	int rc;

	memset(&m, 0, sizeof m);
	m.kind = kind;
	m.status = status;
	str_copy(m.date, date, sizeof m.date);
	str_copy(m.time, kind == MEETING_POLICY ? "10:00" : "14:30",
	    sizeof m.time);
	str_copy(m.title, title, sizeof m.title);
	str_copy(m.place, demo_places[demo_rand(d) % demo_places_len],
	    sizeof m.place);
	str_copy(m.chair, d->officers[0].name, sizeof m.chair);
	m.agency = d->agency_id[demo_index("NDC")];
	m.issue = issue;
	if (status == MEETING_HELD)
		snprintf(m.minutes_url, sizeof m.minutes_url,
		    "https://ogpo.example/minutes/%.7s", date);
	if ((rc = core_save(d->c, d->t, ENTITY_MEETING, &m, d->cause)) != 0)
		return rc;
	return demo_attendance(d, &m);
}

/* Held if its day has come, else planned. */
static uint32_t
demo_held(const struct demo *d, const char *date)
{
	return strcmp(date, d->today) <= 0 ? MEETING_HELD : MEETING_PLANNED;
}

static int
demo_meetings_add(struct demo *d)
{
	char date[11], title[OGPO_TEXT_MAX + 1];
	uint32_t seed;
	int i, y, mo, rc;

	/*
	 * A year of them up to this month's, which is held (its roll call
	 * taken) once its day has come and planned (its invitations out)
	 * before: a PO's first day finds this month's meeting either way.
	 * Its draws come from a stream of their own, so that the rest is
	 * as it was (the same invitees, places and votes) on any day.
	 */
	seed = 0;
	for (i = 12; i >= 0; i--) {
		if (i == 0) {
			seed = d->seed;
			d->seed ^= 0x5eed0000u;
		}
		date_add_months(d->today, -i, date);
		memcpy(date + 8, "15", 2);
		y = atoi(date);
		mo = atoi(date + 5);
		snprintf(title, sizeof title, "%d年%d月開放政府聯絡人工作推動會議",
		    y, mo);
		if ((rc = demo_meeting(d, MEETING_WORK, demo_held(d, date),
		    date, title, 0)) != 0)
			return rc;
		if (mo % 3 != 2)
			continue;
		memcpy(date + 8, "25", 2);
		snprintf(title, sizeof title,
		    "%d年第%d季開放政府政策協調聯繫會議", y, (mo + 2) / 3);
		if ((rc = demo_meeting(d, MEETING_POLICY, demo_held(d, date),
		    date, title, 0)) != 0)
			return rc;
	}
	d->seed = seed;
	date_add_months(d->today, 1, date);
	memcpy(date + 8, "15", 2);
	snprintf(title, sizeof title, "%d年%d月開放政府聯絡人工作推動會議",
	    atoi(date), atoi(date + 5));
	return demo_meeting(d, MEETING_WORK, MEETING_PLANNED, date, title, 0);
}

/* The latest held work meeting: the one whose chair closes a case. */
static uint32_t
demo_last_work_meeting(struct demo *d)
{
	struct store_cursor *c;
	struct meeting *m;
	uint32_t id = 0;

	if (store_cursor_open(d->t, IX_MEETING_DATE, NULL, &c, NULL) != 0)
		return 0;
	m = xmalloc(sizeof *m);
	if (store_cursor_move(c, STORE_LAST) == 0)
		do {
			if (store_cursor_get(c, m, NULL) == 0 &&
			    m->kind == MEETING_WORK &&
			    m->status == MEETING_HELD)
				id = m->h.id;
		} while (id == 0 && store_cursor_move(c, STORE_PREV) == 0);
	free(m);
	store_cursor_close(c);
	return id;
}

static int
demo_issues_add(struct demo *d)
{
	const struct demo_issue *di;
	struct issue is;
	char date[11], title[OGPO_TEXT_MAX + 1];
	size_t i, j, k, meetings = 0;
	int rc;

	for (i = 0; i < demo_issues_len; i++) {
		di = &demo_issues[i];
		memset(&is, 0, sizeof is);
		str_copy(is.title, di->title, sizeof is.title);
		str_copy(is.description, di->description,
		    sizeof is.description);
		is.lead = d->agency_id[demo_index(di->lead)];
		for (j = 0; j < 3 && di->collab[j] != NULL; j++)
			is.collab[is.ncollab++] =
			    d->agency_id[demo_index(di->collab[j])];
		is.triggers = di->triggers & TRIGGER_ALL;
		model_enum_parse(&model_issue_statuses, di->status, &is.status);
		model_enum_parse(&model_issue_stages, di->stage, &is.policy_stage);
		if (is.status == ISSUE_CLOSED)
			is.close_meeting = demo_last_work_meeting(d);
		/* In its status for a while: one to eight months. */
		date_add_months(d->today, -(int)(1 + i % 8), is.status_since);
		for (k = 0; k < d->nofficers; k++)
			if (d->officers[k].agency == is.lead &&
			    d->officers[k].role == ROLE_PO &&
			    core_officer_active(&d->officers[k], d->today)) {
				is.po = d->officers[k].h.id;
				break;
			}
		if (is.triggers != 0)
			str_copy(is.participation, "於公共政策網路參與平臺"
			    "開放討論，並舉辦利害關係人座談。",
			    sizeof is.participation);
		if ((rc = core_save(d->c, d->t, ENTITY_ISSUE, &is,
		    d->cause)) != 0)
			return rc;
		if (is.ncollab == 0 || meetings >= 2 ||
		    (is.status != ISSUE_COLLABORATING &&
		    is.status != ISSUE_ESCALATED))
			continue;
		date_add_months(d->today, -(int)(2 + meetings), date);
		memcpy(date + 8, "08", 2);
		str_copy(title, is.title, 200);
		str_utf8_cut(title);
		str_copy(title + strlen(title), "議題協作會議",
		    sizeof title - strlen(title));
		if ((rc = demo_meeting(d, MEETING_ISSUE, MEETING_HELD, date,
		    title, is.h.id)) != 0)
			return rc;
		meetings++;
	}
	return 0;
}

/*
 * The held work meetings on or after day, oldest first, up to max: where
 * a case's progress is reported.
 */
static size_t
demo_work_meetings(struct demo *d, const char *day, uint32_t *ids,
    char (*dates)[11], size_t max)
{
	struct store_cursor *c;
	struct meeting *m;
	size_t n = 0;

	if (store_cursor_open(d->t, IX_MEETING_DATE, NULL, &c, NULL) != 0)
		return 0;
	m = xmalloc(sizeof *m);
	while (n < max && store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, m, NULL) == 0 &&
		    m->kind == MEETING_WORK && m->status == MEETING_HELD &&
		    strcmp(m->date, day) >= 0) {
			ids[n] = m->h.id;
			memcpy(dates[n++], m->date, 11);
		}
	free(m);
	store_cursor_close(c);
	return n;
}

/* A year of tracked cases, with progress and two overdue. */
static int
demo_cases_add(struct demo *d)
{
	const struct demo_case *dc;
	struct issue *is = xmalloc(sizeof *is);
	struct progress p;
	uint32_t mids[8], stage, close_meeting, year, now, num[2] = { 0, 8 };
	char mdates[8][11], passed[11];
	size_t i, k, nm;
	int rc = 0;

	/* Numbered by the year each was raised; this year's after the
	 * eight cases above. */
	now = (uint32_t)atoi(d->today) - 1911;

	for (i = 0; i < demo_cases_len && rc == 0; i++) {
		dc = &demo_cases[i];
		memset(is, 0, sizeof *is);
		str_copy(is->title, dc->title, sizeof is->title);
		str_copy(is->demands, dc->demands, sizeof is->demands);
		is->lead = d->agency_id[demo_index(dc->lead)];
		if (dc->co != NULL)
			is->collab[is->ncollab++] =
			    d->agency_id[demo_index(dc->co)];
		model_enum_parse(&model_case_sources, dc->source, &is->source);
		model_enum_parse(&model_case_stages, dc->stage, &stage);
		date_add_months(d->today, -dc->months_ago, passed);
		date_add_days(passed, -dc->days_ago, passed);
		memcpy(is->status_since, passed, sizeof passed);
		year = (uint32_t)atoi(passed) - 1911;
		snprintf(is->serial, sizeof is->serial, "%u-%02u", year % 1000,
		    ++num[year == now] % 100);
		if (is->source == SOURCE_JOIN) {
			snprintf(is->join_no, sizeof is->join_no,
			    "%.4s-%02zu-%03zu", passed, i + 1, 40 + 7 * i);
			memcpy(is->passed, passed, sizeof passed);
			if (dc->contacted >= 0)
				date_add_days(passed, dc->contacted,
				    is->contacted);
			if (dc->extended) {
				date_add_months(passed, CASE_JOIN_MONTHS,
				    is->extended_on);
				date_add_days(is->extended_on, -5,
				    is->extended_on);
				date_add_months(passed, CASE_JOIN_MONTHS +
				    CASE_EXTEND_MONTHS, is->extended_to);
			}
		}
		if (dc->responded) {
			date_add_months(passed, 1, is->responded);
			snprintf(is->response, sizeof is->response,
			    "https://join.gov.tw/policies/detail/demo-%zu",
			    i + 1);
		}
		nm = demo_work_meetings(d, passed, mids, mdates, 8);
		close_meeting = nm > 0 ? mids[nm - 1] : 0;
		/* Made as proposed, then moved to its stage: the timeline
		 * shows the step. */
		is->stage = stage == CASE_CLOSED ? CASE_RESPONSE : stage;
		if ((rc = core_save(d->c, d->t, ENTITY_ISSUE, is,
		    d->cause)) != 0)
			break;
		for (k = 0; k < 3 && dc->progress[k] != NULL && rc == 0; k++) {
			memset(&p, 0, sizeof p);
			p.issue = is->h.id;
			p.agency = is->lead;
			str_copy(p.text, dc->progress[k], sizeof p.text);
			if (k < nm) {
				p.meeting = mids[k];
				memcpy(p.date, mdates[k], sizeof p.date);
			} else
				memcpy(p.date, d->today, sizeof p.date);
			rc = core_save(d->c, d->t, ENTITY_PROGRESS, &p,
			    d->cause);
		}
		if (rc == 0 && stage == CASE_CLOSED && close_meeting != 0) {
			is->stage = CASE_CLOSED;
			is->close_meeting = close_meeting;
			rc = core_save(d->c, d->t, ENTITY_ISSUE, is, d->cause);
		}
	}
	free(is);
	return rc;
}

/* Courses for most POs (point 8), a few rewards (point 9). */
static int
demo_training_add(struct demo *d)
{
	static const char *const courses[] = {
		"利害關係人溝通與政策轉譯", "協作會議主持實務",
		"會議記錄與影音紀實", "公民科技與線上參與工具",
	};
	struct training tr;
	struct reward rw;
	size_t i, k = 0;
	int rc = 0;

	for (i = 0; i < d->nofficers && rc == 0; i++) {
		if (d->officers[i].role != ROLE_PO || i % 4 == 3)
			continue;
		memset(&tr, 0, sizeof tr);
		tr.officer = d->officers[i].h.id;
		date_add_months(d->today, -(int)(2 + k % 10), tr.date);
		str_copy(tr.course, courses[k % 4], sizeof tr.course);
		tr.competencies = 1u << (k % 4);
		str_copy(tr.hours, k % 2 ? "3" : "6", sizeof tr.hours);
		str_copy(tr.provider, "國家發展委員會", sizeof tr.provider);
		rc = core_save(d->c, d->t, ENTITY_TRAINING, &tr, d->cause);
		if (rc == 0 && k % 9 == 0) {
			memset(&rw, 0, sizeof rw);
			rw.officer = tr.officer;
			str_copy(rw.date, tr.date, sizeof rw.date);
			str_copy(rw.kind, "嘉獎一次", sizeof rw.kind);
			str_copy(rw.reason, "推動機關資料開放與公眾參與有功",
			    sizeof rw.reason);
			rc = core_save(d->c, d->t, ENTITY_REWARD, &rw,
			    d->cause);
		}
		k++;
	}
	return rc;
}

/* A meeting's review of what earlier ones resolved, then its own. */
static int
demo_meeting_resolutions(struct demo *d, const struct meeting *m,
    size_t *k)
{
	static const char *const texts[] = {
		"請各部會於期限內完成開放資料集盤點並回報辦理情形",
		"請主責機關於公共政策網路參與平臺公開回應並附辦理時程",
		"請各部會更新開放政府聯絡人名冊並報國家發展委員會",
		"請主責機關邀集利害關係人召開前導會議",
		"請主責機關整理議題分析表並於下次會議報告",
		"請各機關提報本年度公共參與案例",
		"請各部會完成聯絡人培訓課程報名",
		"請主責機關彙整協作會議結論並追蹤辦理",
	};
	struct resolution r;
	uint32_t *ids = NULL, level2[64];
	size_t n, i, nl = 0, want;
	int rc = 0;

	n = core_resolutions_review(d->t, m->h.id, &ids);
	for (i = 0; i < n && rc == 0; i++) {
		if (store_resolution_get(d->t, ids[i], &r, d->cause) != 0 ||
		    r.status != RESOL_OPEN)
			continue;
		/* Most are done by their day; some stay, a few overdue. */
		if (r.due[0] != '\0' && strcmp(r.due, m->date) < 0 &&
		    demo_rand(d) % 4 != 0)
			rc = core_resolution_decide(d->c, d->t, r.h.id, 0,
			    m->h.id, RESOL_CLOSED, "已完成，解除列管", d->cause);
	}
	free(ids);
	for (i = 0; i < demo_agencies_len && i < 256 && nl < 64; i++)
		if (demo_agencies[i].level == LEVEL_2)
			level2[nl++] = d->agency_id[i];
	want = m->kind == MEETING_WORK ? 2 : 1;
	for (i = 0; i < want && rc == 0 && nl > 0; i++, (*k)++) {
		memset(&r, 0, sizeof r);
		r.meeting = m->h.id;
		str_copy(r.text, texts[*k % (sizeof texts / sizeof texts[0])],
		    sizeof r.text);
		r.owner[r.nowner++] = level2[demo_rand(d) % nl];
		if (*k % 3 == 0 && r.owner[0] != level2[(*k + 5) % nl])
			r.owner[r.nowner++] = level2[(*k + 5) % nl];
		date_add_months(m->date, 1 + (int)(*k % 2), r.due);
		if (*k % 4 == 1 && store_exists(d->t, ENTITY_ISSUE,
		    (uint32_t)(1 + *k % 8)))
			r.issue = (uint32_t)(1 + *k % 8);
		rc = core_save(d->c, d->t, ENTITY_RESOLUTION, &r, d->cause);
	}
	return rc;
}

/* Resolutions across the year's held work and policy meetings. */
static int
demo_resolutions_add(struct demo *d)
{
	struct store_cursor *c;
	struct meeting *m = xmalloc(sizeof *m);
	uint32_t *ids = NULL;
	size_t n = 0, i, k = 0;
	int rc;

	/* Ids first: the walk writes to the table it would read. */
	if ((rc = store_cursor_open(d->t, IX_MEETING_DATE, NULL, &c,
	    d->cause)) != 0) {
		free(m);
		return rc;
	}
	ids = xcalloc(store_count(d->t, IX_MEETING, NULL) + 1, sizeof *ids);
	while (store_cursor_move(c, STORE_NEXT) == 0)
		ids[n++] = store_cursor_id(c);
	store_cursor_close(c);
	for (i = 0; i < n && rc == 0; i++)
		if (store_meeting_get(d->t, ids[i], m, d->cause) == 0 &&
		    m->status == MEETING_HELD && m->kind != MEETING_ISSUE)
			rc = demo_meeting_resolutions(d, m, &k);
	free(ids);
	free(m);
	return rc;
}

/*
 * Last month's topic vote, still open: four candidates and the ballots of
 * most of the POs in office on its date, so the tally has something to
 * count and the coordinator something to close.
 */
static int
demo_votes_add(struct demo *d)
{
	static const struct {
		const char *title, *source, *lead;
	} cands[] = {
		{ "推動公共運輸票證資料開放", "Join", "MOTC" },
		{ "校園午餐食材來源公開", "機關提案", "MOE" },
		{ "長照服務資源地圖", "Join", "MOHW" },
		{ "農地違章工廠資訊揭露", "機關提案", "MOA" },
	};
	struct vote v;
	struct candidate cd;
	struct ballot b;
	uint32_t ids[sizeof cands / sizeof cands[0]];
	size_t i, k, n = sizeof cands / sizeof cands[0];
	int rc;

	memset(&v, 0, sizeof v);
	date_add_months(d->today, -1, v.date);
	memcpy(v.date + 8, "20", 2);
	snprintf(v.title, sizeof v.title, "%.7s 議題票選", v.date);
	if ((rc = core_save(d->c, d->t, ENTITY_VOTE, &v, d->cause)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		memset(&cd, 0, sizeof cd);
		cd.vote = v.h.id;
		cd.lead = d->agency_id[demo_index(cands[i].lead)];
		str_copy(cd.title, cands[i].title, sizeof cd.title);
		str_copy(cd.source, cands[i].source, sizeof cd.source);
		if ((rc = core_save(d->c, d->t, ENTITY_CANDIDATE, &cd,
		    d->cause)) != 0)
			return rc;
		ids[i] = cd.h.id;
	}
	for (k = 0; k < d->nofficers; k++) {
		if (!core_vote_eligible(&d->officers[k], v.date) ||
		    demo_rand(d) % 4 == 0)
			continue;
		memset(&b, 0, sizeof b);
		b.vote = v.h.id;
		b.officer = d->officers[k].h.id;
		for (i = 0; i < n; i++)
			if (demo_rand(d) % 3 != 0 || (i == n - 1 &&
			    b.nchoice == 0))
				b.choice[b.nchoice++] = ids[i];
		if ((rc = core_save(d->c, d->t, ENTITY_BALLOT, &b,
		    d->cause)) != 0)
			return rc;
	}
	return 0;
}

static int
demo_fill(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct demo *d = arg;
	int rc;

	/* The map may fill and this run again: start from scratch. */
	d->c = c;
	d->t = t;
	d->seed = 20240508;
	d->nofficers = 0;
	d->cause = cause;
	memset(d->agency_id, 0, sizeof d->agency_id);
	if (store_count(t, IX_AGENCY, NULL) > 0)
		return err_set(cause, OGPO_EXISTS, "the database already holds "
		    "agencies; demo data goes only into a new database");
	if ((rc = demo_agencies_add(d)) != 0 ||
	    (rc = demo_officers_add(d)) != 0 ||
	    (rc = demo_meetings_add(d)) != 0 ||
	    (rc = demo_training_add(d)) != 0 ||
	    (rc = demo_issues_add(d)) != 0 ||
	    (rc = demo_cases_add(d)) != 0 ||
	    (rc = demo_resolutions_add(d)) != 0 ||
	    (rc = demo_votes_add(d)) != 0)
		return err_prefix(cause, rc, "demo data");
	return 0;
}

int
core_demo(struct core *c, char **cause)
{
	struct demo d;
	int rc;

	memset(&d, 0, sizeof d);
	date_today(d.today);
	d.officers = xcalloc(DEMO_OFFICERS_MAX, sizeof *d.officers);
	rc = core_run(c, demo_fill, &d, cause);
	free(d.officers);
	return rc;
}
