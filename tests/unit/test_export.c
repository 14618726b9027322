/*
 * test_export.c — spreadsheets out, byte for byte: a month's attendance
 * (BOM, CRLF, RFC 4180 quoting, the neutralised formula, a negative
 * number left alone, agency order, the agency a person had on the
 * meeting's date, meetings on the month's first and last day in and the
 * days around them out), the summary's figures, the matrix's cells, the
 * sign-in sheet, officers and agencies that import back unchanged, and
 * Big5 exports: one that fails naming the row and leaves no file, one
 * that works.
 */
#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "ogpo/core.h"
#include "ogpo/csv.h"
#include "ogpo/export.h"
#include "ogpo/import.h"
#include "ogpo/model.h"
#include "ogpo/spool.h"
#include "ogpo/store.h"
#include "ogpo/util.h"

#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("'%s' is not in '%s'", n_, h_ ? h_ : "(null)");\
} while (0)

/*
 * The database every test starts from:
 *
 *   行政院 EY ─┬─ 內政部 MOI ── 移民署 NIA   (NIA made last: tree order
 *              └─ 國家發展委員會 NDC          is EY MOI NIA NDC, not ids)
 *
 *   王小明 (MOI), 吳美華 (MOI, supervisor), =陳美玲 (NDC), 林志豪 (NIA,
 *   moved to NDC after May's meetings)
 *
 *   meetings 2024-05-31, 2024-05-01, 2024-06-01, 2024-04-30 (made in
 *   this order, so date order is not id order), and an external
 *   participant at 2024-05-31.
 */
struct fx {
	char		 dir[64];
	struct core	*c;
	uint32_t	 ey, moi, ndc, nia;
	uint32_t	 wang, wu, chen, lin;
	uint32_t	 m0531, m0501, m0601, m0430;
};

static void
test_save(struct core *c, enum entity_kind kind, void *rec)
{
	char *cause = NULL;

	if (core_save1(c, kind, rec, &cause) != 0)
		fail_msg("saving a %s: %s", schema_of(kind)->name, cause);
}

static uint32_t
test_agency(struct fx *f, const char *code, const char *name,
    uint32_t parent, uint32_t level)
{
	struct agency a;

	memset(&a, 0, sizeof a);
	strcpy(a.code, code);
	strcpy(a.name, name);
	a.parent = parent;
	a.level = level;
	test_save(f->c, ENTITY_AGENCY, &a);
	return a.h.id;
}

static uint32_t
test_officer(struct fx *f, uint32_t agency, const char *name,
    const char *title, const char *email, const char *note)
{
	struct officer o;

	memset(&o, 0, sizeof o);
	o.agency = agency;
	o.role = ROLE_PO;
	o.civil_servant = 1;
	strcpy(o.name, name);
	strcpy(o.title, title);
	strcpy(o.email, email);
	strcpy(o.note, note);
	test_save(f->c, ENTITY_OFFICER, &o);
	return o.h.id;
}

static uint32_t
test_meeting(struct fx *f, uint32_t kind, const char *date,
    const char *title)
{
	struct meeting m;

	memset(&m, 0, sizeof m);
	m.kind = kind;
	m.status = MEETING_HELD;
	m.agency = f->ndc;
	strcpy(m.date, date);
	strcpy(m.title, title);
	test_save(f->c, ENTITY_MEETING, &m);
	return m.h.id;
}

/* Change one officer through core, as an edit by hand would. */
static void
test_officer_edit(struct fx *f, uint32_t id, uint32_t agency,
    const char *name)
{
	struct store_txn *t;
	struct officer o;
	char *cause = NULL;

	assert_int_equal(store_read_begin(core_store(f->c), &t, &cause), 0);
	assert_int_equal(store_officer_get(t, id, &o, &cause), 0);
	store_read_end(t);
	if (agency != 0)
		o.agency = agency;
	if (name != NULL)
		strcpy(o.name, name);
	test_save(f->c, ENTITY_OFFICER, &o);
}

/* Invitations and answers before 林志豪 moved. */
static int
test_may(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct fx *f = arg;
	uint32_t ext;
	int rc;

	if ((rc = core_attend(c, t, f->m0501, f->wang, ATTEND_PRESENT, NULL,
	    NULL, cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0501, f->wu, ATTEND_ABSENT, NULL,
	    NULL, cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0501, f->chen, ATTEND_EXCUSED, NULL,
	    "-12", cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0501, f->lin, ATTEND_PROXY, "張三",
	    NULL, cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0531, f->wang, ATTEND_ONLINE, NULL,
	    NULL, cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0531, f->chen, ATTEND_ABSENT, NULL,
	    "遲到, \"交通\"", cause)) != 0 ||
	    (rc = core_invite(c, t, f->m0531, f->lin, cause)) != 0 ||
	    (rc = core_invite_external(c, t, f->m0531, "李大華",
	    "台灣開放政府聯盟", &ext, cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0531, ext, ATTEND_PRESENT, NULL,
	    NULL, cause)) != 0 ||
	    (rc = core_attend(c, t, f->m0430, f->wang, ATTEND_PRESENT, NULL,
	    NULL, cause)) != 0)
		return rc;
	return 0;
}

/* June's meeting, after 林志豪 moved to NDC. */
static int
test_june(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct fx *f = arg;
	int rc;

	if ((rc = core_invite(c, t, f->m0601, f->wang, cause)) != 0 ||
	    (rc = core_invite(c, t, f->m0601, f->lin, cause)) != 0)
		return rc;
	return 0;
}

static int
test_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct officer o;
	char *cause = NULL;

	if (f == NULL)
		return -1;
	strcpy(f->dir, "/tmp/ogpo-test-export.XXXXXX");
	if (mkdtemp(f->dir) == NULL || core_open(&f->c, f->dir, 1,
	    &cause) != 0) {
		fprintf(stderr, "setup: %s\n", cause ? cause : strerror(errno));
		free(f);
		return -1;
	}
	f->ey = test_agency(f, "EY", "行政院", 0, LEVEL_CABINET);
	f->moi = test_agency(f, "MOI", "內政部", f->ey, LEVEL_2);
	f->ndc = test_agency(f, "NDC", "國家發展委員會", f->ey, LEVEL_2);
	f->nia = test_agency(f, "NIA", "移民署", f->moi, LEVEL_3);

	f->wang = test_officer(f, f->moi, "王小明", "科長", "wang@moi.example",
	    "");
	f->wu = test_officer(f, f->moi, "吳美華", "專員", "wu@moi.example", "");
	f->chen = test_officer(f, f->ndc, "=陳美玲", "研究員",
	    "chen@ndc.example", "=SUM(A1)");
	f->lin = test_officer(f, f->nia, "林志豪", "秘書", "lin@nia.example",
	    "");
	/* Details the officer list must carry through the round trip. */
	{
		struct store_txn *t;

		if (store_read_begin(core_store(f->c), &t, &cause) != 0 ||
		    store_officer_get(t, f->wang, &o, &cause) != 0)
			return -1;
		store_read_end(t);
		strcpy(o.phone, "02-1234-5678");
		strcpy(o.ext, "12");
		strcpy(o.start_date, "2024-01-02");
		test_save(f->c, ENTITY_OFFICER, &o);
		if (store_read_begin(core_store(f->c), &t, &cause) != 0 ||
		    store_officer_get(t, f->wu, &o, &cause) != 0)
			return -1;
		store_read_end(t);
		o.role = ROLE_SUPERVISOR;
		o.supervisor = SUPV_CIO;
		o.civil_servant = 0;
		test_save(f->c, ENTITY_OFFICER, &o);
	}

	f->m0531 = test_meeting(f, MEETING_POLICY, "2024-05-31",
	    "第二季政策會議");
	f->m0501 = test_meeting(f, MEETING_WORK, "2024-05-01", "五月工作會議");
	f->m0601 = test_meeting(f, MEETING_WORK, "2024-06-01", "六月工作會議");
	f->m0430 = test_meeting(f, MEETING_WORK, "2024-04-30", "四月工作會議");
	if (core_run(f->c, test_may, f, &cause) != 0) {
		fprintf(stderr, "setup: %s\n", cause);
		return -1;
	}
	test_officer_edit(f, f->lin, f->ndc, NULL);
	if (core_run(f->c, test_june, f, &cause) != 0) {
		fprintf(stderr, "setup: %s\n", cause);
		return -1;
	}
	*state = f;
	return 0;
}

static int
test_teardown(void **state)
{
	struct fx *f = *state;

	core_close(f->c);
	fixture_rmdir(f->dir);
	free(f);
	return 0;
}

/* Run r into memory; returns the bytes (free them), sets *rows and *rc. */
static char *
test_export(struct fx *f, const struct export_request *r, size_t *rows,
    int *rc, char **cause)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	assert_non_null(m);
	*rc = export_run(f->c, r, m, "mem", rows, NULL, cause);
	assert_int_equal(fclose(m), 0);
	return buf;
}

/* Run r and compare every byte with want. */
static void
test_expect(struct fx *f, const struct export_request *r, const char *want,
    size_t want_rows)
{
	char *cause = NULL, *got;
	size_t rows = 99;
	int rc;

	got = test_export(f, r, &rows, &rc, &cause);
	if (rc != 0)
		fail_msg("export: %s", cause);
	assert_string_equal(got, want);
	assert_int_equal(rows, want_rows);
	free(got);
	free(cause);
}

#define BOM	"\xef\xbb\xbf"

/* The month through the lower layer: a transaction and a writer. */
static void
test_export_attendance(void **state)
{
	struct fx *f = *state;
	struct table_writer_options wo = { .format = TABLE_CSV,
		.csv = { .bom = 1, .crlf = 1, .guard = 1 } };
	struct table_writer *w;
	struct store_txn *t;
	char *buf = NULL, *cause = NULL;
	size_t len = 0, rows = 0;
	FILE *m = open_memstream(&buf, &len);
	const char *want = BOM
	    "日期,會議類別,會議名稱,機關代碼,機關,姓名,角色,出席情形,代理人,"
	    "備註\r\n"
	    /* The first of the month; MOI's two by name (吳 < 王). */
	    "2024-05-01,工作推動會議,五月工作會議,MOI,內政部,吳美華,督導,"
	    "缺席,,\r\n"
	    "2024-05-01,工作推動會議,五月工作會議,MOI,內政部,王小明,聯絡人,"
	    "出席,,\r\n"
	    /* NIA (under MOI) before NDC; 林志豪 where he was then. */
	    "2024-05-01,工作推動會議,五月工作會議,NIA,移民署,林志豪,聯絡人,"
	    "代理出席,張三,\r\n"
	    "2024-05-01,工作推動會議,五月工作會議,NDC,國家發展委員會,"
	    "'=陳美玲,聯絡人,請假,,-12\r\n"
	    /* The last of the month. */
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,MOI,內政部,王小明,"
	    "聯絡人,線上,,\r\n"
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,NIA,移民署,林志豪,"
	    "聯絡人,受邀,,\r\n"
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,NDC,國家發展委員會,"
	    "'=陳美玲,聯絡人,缺席,,\"遲到, \"\"交通\"\"\"\r\n"
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,,台灣開放政府聯盟,"
	    "李大華,外部人士,出席,,\r\n";

	assert_non_null(m);
	assert_int_equal(table_writer_open(&w, m, "mem", &wo, &cause), 0);
	assert_int_equal(store_read_begin(core_store(f->c), &t, &cause), 0);
	assert_int_equal(export_attendance(t, "2024-05", w, &rows, &cause), 0);
	store_read_end(t);
	assert_int_equal(table_writer_close(w, &cause), 0);
	assert_int_equal(fclose(m), 0);
	assert_string_equal(buf, want);
	assert_int_equal(rows, 8);
	free(buf);
	assert_null(cause);
}

/* The same through a request; a month without meetings is a header. */
static void
test_export_attendance_request(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_ATTENDANCE,
		.month = "2024-04" };
	char *cause = NULL, *got;
	size_t rows;
	int rc;

	/* April has only its last day's meeting, one invitee; plain LF. */
	test_expect(f, &r, "日期,會議類別,會議名稱,機關代碼,機關,姓名,角色,"
	    "出席情形,代理人,備註\n"
	    "2024-04-30,工作推動會議,四月工作會議,MOI,內政部,王小明,聯絡人,"
	    "出席,,\n", 1);
	strcpy(r.month, "2024-07");
	test_expect(f, &r, "日期,會議類別,會議名稱,機關代碼,機關,姓名,角色,"
	    "出席情形,代理人,備註\n", 0);

	/* A month that is no month is refused, saying how to write one. */
	strcpy(r.month, "2024-13");
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, OGPO_INVALID);
	assert_contains(cause, "write the month as 2024-05");
	free(got);
	free(cause);
}

/* Three more externals at the end of May, of two organisations. */
static int
test_externals(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct fx *f = arg;
	uint32_t ext;
	int rc;

	if ((rc = core_invite_external(c, t, f->m0531, "陳二", "甲協會", &ext,
	    cause)) != 0 ||
	    (rc = core_invite_external(c, t, f->m0531, "丁一",
	    "台灣開放政府聯盟", &ext, cause)) != 0)
		return rc;
	return core_invite_external(c, t, f->m0531, "王五", "甲協會", &ext,
	    cause);
}

/*
 * Externals come after every agency, by organisation, then name, in
 * whatever order they were invited (they share one rank: the sort by
 * rank leaves them to the names).
 */
static void
test_export_externals(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_ATTENDANCE,
		.month = "2024-05" };
	char *cause = NULL, *got, *tail;
	size_t rows = 0;
	int rc;

	assert_int_equal(core_run(f->c, test_externals, f, &cause), 0);
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, 11);
	assert_non_null(tail = strstr(got, "2024-05-31,政策協調聯繫會議,"
	    "第二季政策會議,NDC,"));
	assert_non_null(tail = strchr(tail, '\n'));
	assert_string_equal(tail + 1,
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,,台灣開放政府聯盟,"
	    "丁一,外部人士,受邀,,\n"
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,,台灣開放政府聯盟,"
	    "李大華,外部人士,出席,,\n"
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,,甲協會,王五,"
	    "外部人士,受邀,,\n"
	    "2024-05-31,政策協調聯繫會議,第二季政策會議,,甲協會,陳二,"
	    "外部人士,受邀,,\n");
	free(got);
	assert_null(cause);
}

/* A cancelled meeting in May, with 吳美華 invited. */
static int
test_cancelled(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct fx *f = arg;
	struct meeting m;
	int rc;

	memset(&m, 0, sizeof m);
	m.kind = MEETING_ISSUE;
	m.status = MEETING_CANCELLED;
	strcpy(m.date, "2024-05-20");
	strcpy(m.title, "取消的會議");
	if ((rc = core_save(c, t, ENTITY_MEETING, &m, cause)) != 0)
		return rc;
	return core_invite(c, t, m.h.id, f->wu, cause);
}

static void
test_export_summary(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_SUMMARY,
		.month = "2024-05" };
	const char *want = "機關代碼,機關,受邀,出席,請假,缺席,出席率\n"
	    "MOI,內政部,3,2,0,1,66.7%\n"
	    "NIA,移民署,2,1,0,0,50.0%\n"
	    "NDC,國家發展委員會,2,0,1,1,0.0%\n"
	    ",合計,7,3,1,2,42.9%\n";
	char *cause = NULL, *got;
	size_t rows;
	int rc;

	/*
	 * MOI: 王 present and online, 吳 absent; NIA: proxy and no answer;
	 * NDC: excused and absent; the external is not counted.
	 */
	test_expect(f, &r, want, 4);

	/* A cancelled meeting is listed but counts for nobody. */
	assert_int_equal(core_run(f->c, test_cancelled, f, &cause), 0);
	test_expect(f, &r, want, 4);
	r.what = EXPORT_ATTENDANCE;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, 9);
	assert_contains(got, "\n2024-05-20,議題協作會議,取消的會議,MOI,內政部,"
	    "吳美華,督導,受邀,,\n");
	free(got);
	r.what = EXPORT_MATRIX;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_null(strstr(got, "2024-05-20"));
	free(got);
	assert_null(cause);
}

static void
test_export_matrix(void **state)
{
	struct export_request r = { .what = EXPORT_MATRIX,
		.month = "2024-04", .to = "2024-06" };

	/* 林志豪 has a row for NIA (May) and one for NDC (June). */
	test_expect(*state, &r,
	    "機關代碼,機關,姓名,2024-04-30 工作推動會議,2024-05-01 工作推動會議,"
	    "2024-05-31 政策協調聯繫會議,2024-06-01 工作推動會議\n"
	    "MOI,內政部,吳美華,,缺席,,\n"
	    "MOI,內政部,王小明,出席,出席,線上,受邀\n"
	    "NIA,移民署,林志豪,,代理出席,受邀,\n"
	    "NDC,國家發展委員會,'=陳美玲,,請假,缺席,\n"
	    "NDC,國家發展委員會,林志豪,,,,受邀\n", 5);

	/* One month: May's two meetings only. */
	strcpy(r.month, "2024-05");
	strcpy(r.to, "2024-05");
	test_expect(*state, &r,
	    "機關代碼,機關,姓名,2024-05-01 工作推動會議,"
	    "2024-05-31 政策協調聯繫會議\n"
	    "MOI,內政部,吳美華,缺席,\n"
	    "MOI,內政部,王小明,出席,線上\n"
	    "NIA,移民署,林志豪,代理出席,受邀\n"
	    "NDC,國家發展委員會,'=陳美玲,請假,缺席\n", 4);
}

static void
test_export_signin(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_SIGNIN,
		.meeting = f->m0531, .excel = 1 };
	char *cause = NULL, *got;
	size_t rows;
	int rc;

	/* The heading, the invitees, five rows for proxies and walk-ins. */
	test_expect(f, &r, BOM "第二季政策會議　簽到表\r\n"
	    "會議類別：政策協調聯繫會議\r\n"
	    "時間：2024-05-31（五）\r\n"
	    "地點：\r\n"
	    "主席：\r\n"
	    "機關,姓名,職稱,簽名\r\n"
	    "內政部,王小明,科長,\r\n"
	    "移民署,林志豪,秘書,\r\n"
	    "國家發展委員會,'=陳美玲,研究員,\r\n"
	    "台灣開放政府聯盟,李大華,,\r\n"
	    ",,,\r\n,,,\r\n,,,\r\n,,,\r\n,,,\r\n", 4);

	/* In the ROC date style, the date is 民國. */
	r.roc = 1;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_contains(got, "\r\n時間：民國113年5月31日（五）\r\n");
	free(got);
	r.roc = 0;

	r.meeting = 999;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, OGPO_NOTFOUND);
	assert_contains(cause, "no meeting #999");
	free(got);
	free(cause);
}

static void
test_export_agencies(void **state)
{
	struct export_request r = { .what = EXPORT_AGENCIES };

	test_expect(*state, &r, "機關代碼,機關名稱,上級機關代碼,層級,備註\n"
	    "EY,行政院,,行政院,\n"
	    "MOI,內政部,EY,二級機關,\n"
	    "NIA,移民署,MOI,三級機關,\n"
	    "NDC,國家發展委員會,EY,二級機關,\n", 4);
}

/* Import path for kind; it must read through. */
static void
test_import(struct fx *f, const char *path, enum entity_kind kind,
    struct import_result *res)
{
	struct import_options io;
	char *cause = NULL;

	memset(&io, 0, sizeof io);
	io.kind = kind;
	if (import_run(f->c, path, &io, res, &cause) != 0)
		fail_msg("import %s: %s", path, cause);
	free(res->absent);	/* who stays though not in the file */
	res->absent = NULL;
}

/* The fixture's officers as the export writes them, quoted for Excel. */
static const char officers_csv[] =
    "姓名,機關代碼,機關,職稱,角色,督導類別,職能,電子郵件,電話,分機,"
    "是否為公務人員,到任日期,卸任日期,備註\n"
    "吳美華,MOI,內政部,專員,督導,資訊長,,wu@moi.example,,,否,,,\n"
    "王小明,MOI,內政部,科長,聯絡人,,,wang@moi.example,02-1234-5678,"
    "12,是,2024-01-02,,\n"
    "'=陳美玲,NDC,國家發展委員會,研究員,聯絡人,,,chen@ndc.example,,,"
    "是,,,'=SUM(A1)\n"
    "林志豪,NDC,國家發展委員會,秘書,聯絡人,,,lin@nia.example,,,是,,,"
    "\n";

/* Officers and agencies go out and come back in without a change. */
static void
test_export_round_trip(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_OFFICERS, .excel = 1 };
	struct import_result res;
	struct store_txn *t;
	struct officer o;
	char path[128], *cause = NULL;
	size_t rows = 0;

	test_expect(f, &(struct export_request){ .what = EXPORT_OFFICERS },
	    officers_csv, 4);
	/* Read one agency at a time, in walks of their own: the same. */
	export_officers_at_once = 1;
	test_expect(f, &(struct export_request){ .what = EXPORT_OFFICERS },
	    officers_csv, 4);
	export_officers_at_once = 256 * 1024;

	snprintf(path, sizeof path, "%s/officers.csv", f->dir);
	assert_int_equal(export_file(f->c, &r, path, &rows, NULL, &cause), 0);
	assert_int_equal(rows, 4);
	test_import(f, path, ENTITY_OFFICER, &res);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.updated, 0);
	assert_int_equal(res.unchanged, 4);
	assert_int_equal(res.rejected, 0);
	/* The guard's ' came off again: the note is itself. */
	assert_int_equal(store_read_begin(core_store(f->c), &t, &cause), 0);
	assert_int_equal(store_officer_get(t, f->chen, &o, &cause), 0);
	store_read_end(t);
	assert_string_equal(o.note, "=SUM(A1)");
	assert_string_equal(o.name, "=陳美玲");

	r.what = EXPORT_AGENCIES;
	snprintf(path, sizeof path, "%s/agencies.csv", f->dir);
	assert_int_equal(export_file(f->c, &r, path, &rows, NULL, &cause), 0);
	assert_int_equal(rows, 4);
	test_import(f, path, ENTITY_AGENCY, &res);
	assert_int_equal(res.added + res.updated, 0);
	assert_int_equal(res.unchanged, 4);
	assert_null(cause);
}

/*
 * One agency's officers: its own (NIA's one officer has moved to NDC, and
 * MOI's subordinates are not MOI), by name, as the whole export's rows of
 * that agency; imported back, nothing changes and nobody is taken away.
 */
static void
test_export_agency(void **state)
{
	static const char moi_csv[] =
	    "姓名,機關代碼,機關,職稱,角色,督導類別,職能,電子郵件,電話,分機,"
	    "是否為公務人員,到任日期,卸任日期,備註\n"
	    "吳美華,MOI,內政部,專員,督導,資訊長,,wu@moi.example,,,否,,,\n"
	    "王小明,MOI,內政部,科長,聯絡人,,,wang@moi.example,02-1234-5678,"
	    "12,是,2024-01-02,,\n";
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_OFFICERS, .agency = "MOI",
		.excel = 1 };
	struct import_result res;
	char path[128], *cause = NULL, *got;
	size_t rows = 0;
	int rc;

	test_expect(f, &(struct export_request){ .what = EXPORT_OFFICERS,
	    .agency = "MOI" }, moi_csv, 2);
	test_expect(f, &(struct export_request){ .what = EXPORT_OFFICERS,
	    .agency = "NIA" }, "姓名,機關代碼,機關,職稱,角色,督導類別,職能,"
	    "電子郵件,電話,分機,是否為公務人員,到任日期,卸任日期,備註\n", 0);
	test_expect(f, &(struct export_request){ .what = EXPORT_OFFICERS,
	    .agency = "NDC" }, "姓名,機關代碼,機關,職稱,角色,督導類別,職能,"
	    "電子郵件,電話,分機,是否為公務人員,到任日期,卸任日期,備註\n"
	    "'=陳美玲,NDC,國家發展委員會,研究員,聯絡人,,,chen@ndc.example,,,"
	    "是,,,'=SUM(A1)\n"
	    "林志豪,NDC,國家發展委員會,秘書,聯絡人,,,lin@nia.example,,,是,,,"
	    "\n", 2);

	got = test_export(f, &(struct export_request){ .what =
	    EXPORT_OFFICERS, .agency = "XX" }, &rows, &rc, &cause);
	assert_int_equal(rc, OGPO_NOTFOUND);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "no agency has the code 'XX'; see ogpo "
	    "list agencies"));
	free(cause);
	free(got);
	cause = NULL;

	snprintf(path, sizeof path, "%s/moi.csv", f->dir);
	assert_int_equal(export_file(f->c, &r, path, &rows, NULL, &cause), 0);
	assert_int_equal(rows, 2);
	test_import(f, path, ENTITY_OFFICER, &res);
	assert_int_equal(res.added + res.updated + res.rejected, 0);
	assert_int_equal(res.unchanged, 2);
	/* The others' officers, not in the file, are all still there. */
	test_expect(f, &(struct export_request){ .what = EXPORT_OFFICERS },
	    officers_csv, 4);

	r.format = TABLE_ODS;
	export_file_name(&r, path, sizeof path);
	assert_string_equal(path, "officers-MOI.ods");
	assert_null(cause);
}

static void
test_export_meetings_issues(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_MEETINGS };
	struct issue is;
	char *cause = NULL, *got;
	size_t rows;
	int rc;

	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, 4);
	/* By date, not id; the convening agency by code and name; counts. */
	assert_contains(got, "\n4,2024-04-30,,工作推動會議,四月工作會議,已召開,"
	    ",,NDC,國家發展委員會,,1,1,");
	assert_contains(got, "\n1,2024-05-31,,政策協調聯繫會議,第二季政策會議,"
	    "已召開,,,NDC,國家發展委員會,,4,2,");
	assert_true(strstr(got, "\n4,2024-04-30") < strstr(got, "\n2,2024-05-01"));
	assert_true(strstr(got, "\n2,2024-05-01") < strstr(got, "\n1,2024-05-31"));
	assert_true(strstr(got, "\n1,2024-05-31") < strstr(got, "\n3,2024-06-01"));
	free(got);

	memset(&is, 0, sizeof is);
	strcpy(is.title, "=開放資料");
	is.lead = f->moi;
	is.status = ISSUE_OPEN;
	is.collab[0] = f->ndc;
	is.collab[1] = f->nia;
	is.ncollab = 2;
	is.po = f->wang;
	is.triggers = TRIGGER_STAKEHOLDERS | TRIGGER_HEATED;
	test_save(f->c, ENTITY_ISSUE, &is);
	r.what = EXPORT_ISSUES;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, 1);
	assert_contains(got, "\n1,'=開放資料,開啟,,MOI,內政部,\"NDC,NIA\","
	    "國家發展委員會、移民署,王小明,利害關係複雜、民眾參與熱烈,");
	free(got);
	assert_null(cause);
}

/* got must be utf8 in Big5 (CP950), byte for byte. */
static void
test_big5_equal(const char *got, const char *utf8)
{
	char want[1024], *in = (char *)utf8, *out = want;
	size_t inleft = strlen(utf8), outleft = sizeof want - 1;
	iconv_t cd = iconv_open("CP950", "UTF-8");

	if (cd == (iconv_t)-1)
		cd = iconv_open("BIG5", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	*out = '\0';
	iconv_close(cd);
	assert_string_equal(got, want);
}

/* got (Big5) holds utf8 somewhere. */
static void
test_big5_contains(const char *got, const char *utf8)
{
	char want[256], *in = (char *)utf8, *out = want;
	size_t inleft = strlen(utf8), outleft = sizeof want - 1;
	iconv_t cd = iconv_open("CP950", "UTF-8");

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	*out = '\0';
	iconv_close(cd);
	if (strstr(got, want) == NULL)
		fail_msg("no %s in the Big5 export", utf8);
}

/* A name Big5 cannot hold fails the export, naming it; no file is left. */
static void
test_export_big5(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_OFFICERS,
		.encoding = "big5", .excel = 1 };
	struct stat st;
	char path[128], tmp[160], *cause = NULL, *got;
	size_t rows = 0;
	int rc;

	test_officer_edit(f, f->wang, 0, "王堃");
	snprintf(path, sizeof path, "%s/officers-big5.csv", f->dir);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	rc = export_file(f->c, &r, path, &rows, NULL, &cause);
	assert_int_equal(rc, OGPO_INVALID);
	/* Every such record, by name and e-mail, in one sentence. */
	assert_contains(cause, "1 record has characters Big5 cannot hold, so "
	    "nothing was written");
	assert_contains(cause, "\n王堃 <wang@moi.example>: 姓名 堃\n");
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(stat(tmp, &st), -1);
	free(cause);
	cause = NULL;

	/* The attendance of May names him too (in the attendance's row). */
	r.what = EXPORT_ATTENDANCE;
	strcpy(r.month, "2024-05");
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, OGPO_INVALID);
	assert_contains(cause, ":\n王堃: 姓名 堃\n");
	free(got);
	free(cause);
	cause = NULL;

	/* --replace writes □ in its place, and says whose. */
	r.replace = 1;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, 8);
	test_big5_contains(got, "王□");
	free(got);
	r.replace = 0;

	/* An export Big5 can hold is Big5 (no BOM), CRLF with --excel. */
	test_officer_edit(f, f->wang, 0, "王小明");
	memset(&r, 0, sizeof r);
	r.what = EXPORT_SIGNIN;
	r.meeting = f->m0501;
	r.encoding = "big5";
	r.excel = 1;
	got = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(rows, 4);
	test_big5_equal(got, "五月工作會議　簽到表\r\n"
	    "會議類別：工作推動會議\r\n"
	    "時間：2024-05-01（三）\r\n"
	    "地點：\r\n"
	    "主席：\r\n"
	    "機關,姓名,職稱,簽名\r\n"
	    "內政部,吳美華,專員,\r\n"
	    "內政部,王小明,科長,\r\n"
	    "移民署,林志豪,秘書,\r\n"
	    "國家發展委員會,'=陳美玲,研究員,\r\n"
	    ",,,\r\n,,,\r\n,,,\r\n,,,\r\n,,,\r\n");
	free(got);
	assert_null(cause);
}

/*
 * A file made afresh on a local disk is written straight, while the
 * snapshot is held (spool_out_local); a pipe or a device is not, and is
 * written only from the spool. Either way the bytes are the same, and a
 * failed export leaves no file (test_export_big5).
 */
static void
test_export_direct(void **state)
{
	struct fx *f = *state;
	struct export_request r = { .what = EXPORT_ATTENDANCE,
		.month = "2024-05", .excel = 1 };
	char path[128], *cause = NULL, *want, *got;
	size_t rows = 0, len;
	int rc, p[2];
	FILE *out;

	snprintf(path, sizeof path, "%s/local", f->dir);
	assert_non_null(out = fopen(path, "w"));
	assert_int_equal(spool_out_local(out), 1);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(pipe(p), 0);
	assert_non_null(out = fdopen(p[1], "w"));
	assert_int_equal(spool_out_local(out), 0);
	assert_int_equal(fclose(out), 0);
	close(p[0]);
	assert_non_null(out = fopen("/dev/null", "w"));
	assert_int_equal(spool_out_local(out), 0);
	assert_int_equal(fclose(out), 0);

	want = test_export(f, &r, &rows, &rc, &cause);
	assert_int_equal(rc, 0);
	snprintf(path, sizeof path, "%s/may.csv", f->dir);
	assert_int_equal(export_file(f->c, &r, path, &rows, NULL, &cause), 0);
	assert_non_null(out = fopen(path, "r"));
	got = xmalloc(strlen(want) + 2);
	len = fread(got, 1, strlen(want) + 2, out);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(got, want, len);
	free(got);
	free(want);
	assert_null(cause);
}

static void
test_export_helpers(void **state)
{
	struct export_request r = { .what = EXPORT_ATTENDANCE,
		.month = "2024-05" };
	char m[EXPORT_MONTH_MAX + 1], buf[64];

	(void)state;
	assert_int_equal(export_month_parse("2024-05", m), 0);
	assert_string_equal(m, "2024-05");
	assert_int_equal(export_month_parse("2024-12", m), 0);
	assert_int_equal(export_month_parse("2024-13", m), -1);
	assert_int_equal(export_month_parse("2024-00", m), -1);
	assert_int_equal(export_month_parse("2024-5", m), -1);
	assert_int_equal(export_month_parse("2024-05-01", m), -1);
	assert_int_equal(export_month_parse("113-05", m), -1);
	assert_int_equal(export_month_parse("", m), -1);
	export_last_month(m);
	assert_int_equal(export_month_parse(m, buf), 0);
	export_file_name(&r, buf, sizeof buf);
	assert_string_equal(buf, "attendance-2024-05.ods");
	r.format = TABLE_CSV;
	export_file_name(&r, buf, sizeof buf);
	assert_string_equal(buf, "attendance-2024-05.csv");
	assert_int_equal(export_excel_default("out.csv"), 1);
	assert_int_equal(export_excel_default("OUT.CSV"), 1);
	assert_int_equal(export_excel_default("out.txt"), 0);
	assert_int_equal(export_excel_default(".csv"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_export_attendance,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_attendance_request,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_summary,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_matrix,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_signin,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_agencies,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_agency,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_round_trip,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_meetings_issues,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_externals,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_direct,
		    test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_export_big5,
		    test_setup, test_teardown),
		cmocka_unit_test(test_export_helpers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
