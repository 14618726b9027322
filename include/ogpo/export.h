/*
 * export.h — spreadsheets out: a month's attendance (one row per invitee,
 * a summary per agency, or a matrix of officers by meetings), a meeting's
 * sign-in sheet (簽到表), and the officer, agency, meeting and issue
 * lists. Officers and agencies carry the importer's own headers, so a
 * file exported and imported again changes nothing.
 *
 * Headers and values are in Chinese, as the desks that open the files
 * write them (enum values by their 中文 labels). Agencies come in the
 * order of the agency tree: depth first, children in id order, as
 * `ogpo list agencies` prints them. Names sort by their bytes (code
 * point order), so the same data always gives the same file.
 *
 * The export_* writers read through the caller's transaction and write
 * through the caller's csv_writer; they never print. Each returns 0 and
 * sets *rows to the records written after the header, or a status with
 * *cause: a row the writer refuses (a name Big5 cannot hold) comes back
 * as OGPO_INVALID with the writer's sentence, which names the row and the
 * field. What was written before a failure stays written; export_file is
 * the call that leaves no partial file behind.
 */
#ifndef OGPO_EXPORT_H
#define OGPO_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ogpo/core.h"
#include "ogpo/table.h"

#define EXPORT_MONTH_MAX	7	/* YYYY-MM */

enum export_what {
	EXPORT_ATTENDANCE = 1,	/* one row per invitee per meeting of a month */
	EXPORT_SUMMARY,		/* one row per agency for a month, and a total */
	EXPORT_MATRIX,		/* officers down, meetings across */
	EXPORT_SIGNIN,		/* a meeting's sign-in sheet, 簽到表 */
	EXPORT_OFFICERS,	/* as `ogpo import officers` reads them */
	EXPORT_AGENCIES,	/* as `ogpo import agencies` reads them */
	EXPORT_MEETINGS,
	EXPORT_ISSUES,
	EXPORT_TRAINING,	/* every training record (point 8) */
	EXPORT_REWARDS,		/* every reward record (point 9) */
	EXPORT_CASES,		/* 列管表: every case, as import reads it */
	EXPORT_PROGRESS,	/* every progress report, likewise */
	EXPORT_RESOLUTIONS,	/* every meeting's resolutions */
	EXPORT_AGENDA,		/* a meeting's agenda (議程) */
	EXPORT_DECISIONS,	/* what a meeting decided (決議紀錄) */
	EXPORT_DEADLINES,	/* what is owed by when (ogpo due, 期限) */
	EXPORT_WHAT_MAX = EXPORT_DEADLINES
};

/* One export, as the command line or the full-screen program asks. */
struct export_request {
	enum export_what what;
	char		 month[EXPORT_MONTH_MAX + 1];	/* YYYY-MM: attendance
							   and summary; the
							   matrix's first */
	char		 to[EXPORT_MONTH_MAX + 1];	/* the matrix's last
							   month ("": month) */
	uint32_t	 meeting;	/* signin, agenda, decisions */
	const char	*agency;	/* officers, training, rewards: only
					   this agency's own officers' (its
					   code), as ogpo list officers
					   --agency; NULL: every agency's */
	enum table_format format;	/* ODS, XLSX or CSV (0: CSV) */
	int		 roc;		/* dates shown 民國 (ODS, XLSX, the
					   sign-in sheet's heading) */
	int		 excel;		/* CSV: a UTF-8 BOM and CRLF ends */
	const char	*encoding;	/* CSV: NULL or "utf-8"; "big5" */
	int		 replace;	/* Big5: □ for what it cannot hold */
};

/*
 * Attendance of the meetings dated in month (YYYY-MM), read as one range
 * of the date index: date, kind, title, agency code, agency, name, role,
 * status, proxy, note; by date, meeting, agency order, name. The agency
 * is the one the attendance record keeps (who the person was on the
 * meeting's date). External participants come after the agencies, with
 * their organisation as the agency, no code, and the role 外部人士.
 */
int	export_attendance(struct store_txn *t, const char *month,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * One row per agency with invitees in month: invited, present (in
 * person, online or by proxy), excused, absent and the rate present /
 * invited ("87.5%"), in agency order, then a total row (合計).
 * Cancelled meetings and external participants are not counted.
 */
int	export_summary(struct store_txn *t, const char *month,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * Officers down (agency order, then name; an officer invited for two
 * agencies in the range has a row for each), the meetings of months from
 * to to across (header "YYYY-MM-DD 工作推動會議"), each cell the status's
 * label (出席, 線上, 代理出席, 請假, 缺席, 受邀), empty where not invited.
 * Cancelled meetings and external participants are left out.
 */
int	export_matrix(struct store_txn *t, const char *from, const char *to,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * The sign-in sheet of meeting, a printed form: the title, kind, date
 * and time (民國 when roc), place and chair above; then agency, name,
 * title and an empty 簽名 column, by agency order, then name, externals
 * last; then blank rows for proxies and walk-ins. OGPO_NOTFOUND when
 * there is no such meeting.
 */
int	export_signin(struct store_txn *t, uint32_t meeting, int roc,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * How many officers export_officers reads into memory at once: it walks
 * the officers' records once per so many, agencies whole (tests make it
 * small to walk more than once).
 */
extern size_t export_officers_at_once;

/*
 * Every officer, in agency order then name, under the importer's headers
 * (姓名, 機關代碼, 機關, 職稱, 角色, 督導類別, 職能, 電子郵件, 電話, 分機,
 * 是否為公務人員, 到任日期, 卸任日期, 備註).
 */
int	export_officers(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);

/*
 * The officers of agency alone (not of its subordinate agencies), by
 * name, in export_officers' columns: what the Officers tab shows when
 * narrowed to it. The importer reads the file back and finds nothing
 * changed; other agencies' officers are not in it and are left alone.
 */
int	export_officers_of(struct store_txn *t, uint32_t agency,
	    struct table_writer *w, size_t *rows, char **cause);

/* Every agency in tree order: 機關代碼, 機關名稱, 上級機關代碼, 層級, 備註. */
int	export_agencies(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);

/* Every meeting by date, every field; agencies and issues by name. */
int	export_meetings(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);

/* Every issue by number, every field; agencies by code and name. */
int	export_issues(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);

/*
 * Every training record by number: the officer (name, e-mail, agency
 * code and name), date, course, the competencies (溝通轉譯、主持…), hours,
 * provider, note. Rewards: the officer, date, kind, reason.
 */
int	export_training(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);
int	export_rewards(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);

/*
 * The same, of agency's own officers alone (not of its subordinate
 * agencies'): the rows of export_training or export_rewards whose
 * 機關代碼 is the agency's, in the same order. Agency 0: every record.
 */
int	export_training_of(struct store_txn *t, uint32_t agency,
	    struct table_writer *w, size_t *rows, char **cause);
int	export_rewards_of(struct store_txn *t, uint32_t agency,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * Every case (kind ENTITY_ISSUE) or progress report by number, a column
 * per field under its own name, as `ogpo import cases|progress` reads
 * them back: agencies by code, a case by its number, choices by name.
 */
int	export_records(struct store_txn *t, enum entity_kind kind,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * Every resolution, by meeting date and number: 編號, 會議編號, 會議日期,
 * 會議, 案次, 決議事項, 主責機關代碼, 主責機關, 期限, 狀態 (持續列管 or
 * 解除列管), 關聯議題編號, 決定會議編號, 辦理情形.
 */
int	export_resolutions(struct store_txn *t, struct table_writer *w,
	    size_t *rows, char **cause);

/*
 * A meeting's agenda, one row per item under 議程 (the part), 案號, 內容,
 * 主責機關代碼, 主責機關, 期限, 狀態, 辦理情形: first the resolutions of
 * earlier meetings of its kind it reviews (core_resolutions_review), then
 * every issue not yet resolved or closed with its status and latest
 * note; a work meeting's ends with the new candidates (新候選議題) of the
 * topic votes of its month: each with its lead agency, the vote's date,
 * its state in the vote and its source. A policy coordination meeting's
 * are grouped by agency (a resolution of several owners has a row for
 * each), and add the resolutions that the quarter's work meetings made.
 */
int	export_agenda(struct store_txn *t, uint32_t meeting,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * What a meeting decided: the resolutions it made (本次決議), then the
 * status it gave each earlier one it reviewed (前次決議審查), in the
 * agenda's columns.
 */
int	export_decisions(struct store_txn *t, uint32_t meeting,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * Every deadline not yet met (core_deadlines_all: Join cases' response
 * and contact, resolutions' due dates per owner), by agency in tree
 * order, then due date: 機關代碼, 機關, 期限, 剩餘天數 (calendar days
 * from today; negative when overdue), 情形 (逾期 3 天, 今日到期, 尚餘 5
 * 天), 類別 (回應 Join 提案, 聯繫提案人, 執行決議事項), 對象 (列管案件 or
 * 決議事項), 編號 (the record's), 案號 (a case's number, a resolution's
 * meeting date and number), 內容, 展延 (是 when an extension's date). A
 * view: changes go back through the cases or resolutions import.
 */
int	export_deadlines(struct store_txn *t, const char *today,
	    struct table_writer *w, size_t *rows, char **cause);

/* Run r's export through t into w (the export_* call r names). */
int	export_write(struct store_txn *t, const struct export_request *r,
	    struct table_writer *w, size_t *rows, char **cause);

/*
 * The writer options r asks for: the format, a Chinese sheet name, the
 * date style, the sign-in sheet as a printed form; for CSV the formula
 * guard always on, comma, RFC 4180 quoting, and --excel's BOM and CRLF.
 */
void	export_writer_options(const struct export_request *r,
	    struct table_writer_options *o);

/*
 * Write r's export to f (the caller's to close) under one short read
 * transaction; name is used in sentences. Records with characters the
 * encoding lacks (Big5) are all named in one sentence and fail the
 * export; with r->replace they are written with □ and *notice (when
 * notice is not NULL; free it) names them. OGPO_IO when a write failed.
 */
int	export_run(struct core *c, const struct export_request *r, FILE *f,
	    const char *name, size_t *rows, char **notice, char **cause);

/*
 * Write r's export to path whole or not at all: into path.tmp, renamed
 * over path on success, removed on any failure.
 */
int	export_file(struct core *c, const struct export_request *r,
	    const char *path, size_t *rows, char **notice, char **cause);

/* 0 if s is a month written YYYY-MM (01 to 12), copied into month; else -1. */
int	export_month_parse(const char *s, char month[EXPORT_MONTH_MAX + 1]);

/* Last month (local time) as YYYY-MM: what the Meetings pane offers. */
void	export_last_month(char month[EXPORT_MONTH_MAX + 1]);

/* The file name r suggests: "attendance-2024-05.ods", "officers.csv" … */
void	export_file_name(const struct export_request *r, char *buf, size_t n);

/* 1 if path names a .csv file, which gets --excel unless told --plain. */
int	export_excel_default(const char *path);

#endif /* OGPO_EXPORT_H */
