/*
 * import.h — loading officer and agency lists from spreadsheet CSV files,
 * and taking an import back. The whole file is one write transaction:
 * every good row lands, or (by default, when any row is bad) none does.
 */
#ifndef OGPO_IMPORT_H
#define OGPO_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/core.h"
#include "ogpo/spool.h"
#include "ogpo/table.h"

/* Spreadsheet headers, English or Chinese, to record fields. */
enum import_col {
	COL_NONE = 0,
	COL_NAME,
	COL_AGENCY,		/* agency by exact name */
	COL_AGENCY_CODE,
	COL_TITLE,
	COL_ROLE,
	COL_SUPERVISOR,		/* 副首長 / 資訊長 */
	COL_FUNCTION,
	COL_EMAIL,
	COL_PHONE,
	COL_EXT,
	COL_CIVIL_SERVANT,
	COL_START_DATE,
	COL_END_DATE,
	COL_NOTE,
	COL_CODE,		/* agency import: its own code */
	COL_PARENT,		/* agency import: parent code or name */
	COL_LEVEL,
	COL_ERROR,		/* 錯誤原因, in a rejects file sent back */
	COL_MEETING,		/* attendance: the meeting's number */
	COL_DATE,		/* attendance: the meeting's date */
	COL_KIND,		/* attendance: the meeting's kind */
	COL_MEETING_TITLE,	/* attendance: 會議名稱, to tell two apart */
	COL_STATUS,		/* attendance: 出席情形 */
	COL_PROXY,		/* attendance: 代理人 */
	COL_UPN,		/* attendance: a meeting tool's sign-in name
				 * (Teams' UPN), the e-mail where that is
				 * empty */
	COL_MAX
};

struct import_header {
	int	 col[COL_MAX];		/* column index + 1, 0: absent */
	size_t	 ncols;
	char	 unknown[512];		/* unknown columns, listed */
	int	 sheet;			/* cells from .ods or .xlsx, not CSV */
};

/*
 * Map a header row for kind (ENTITY_OFFICER, ENTITY_AGENCY or
 * ENTITY_ATTENDANCE). Names are
 * matched ignoring case, spaces, '_' and '-'. Returns 0, or OGPO_INVALID
 * when a required column is missing (cause names it and what was found).
 * The importer tries the first rows of a file in turn, so that title
 * rows above the header are passed over. given: IMPORT_GIVEN_* for what
 * the command gives every row, so that the file need not have it.
 */
#define IMPORT_GIVEN_MEETING	0x1	/* attendance: --meeting */
#define IMPORT_GIVEN_STATUS	0x2	/* attendance: --status */
#define IMPORT_SCREEN		0x4	/* the full-screen program's: what to
					   do is answering its questions, not
					   an option */
int	import_header_map(const struct table_row *row, enum entity_kind kind,
	    unsigned given, struct import_header *h, char **cause);

/*
 * Values as offices write them. Each returns 0, or -1 with *why set to
 * a static sentence.
 */
int	import_date(const char *in, char *iso, const char **why);
/* Full-width digits, letters, punctuation and spaces to ASCII (n bytes). */
void	import_fold(const char *in, char *out, size_t n);
/* What a spreadsheet may have taken from a phone number of digits alone
 * (the leading zero, or the + of +886), or 0. */
#define IMPORT_PHONE_ZERO	1	/* nine digits: the 0 gone */
#define IMPORT_PHONE_SHORT	2	/* eight: the 0, or no area code */
#define IMPORT_PHONE_PLUS	3	/* 886…: the + gone */
int	import_phone_lost_zero(const char *phone);
/* 1 if phone ends in an extension (分機123, ext. 123): its digits into
 * ext (n bytes), phone cut before it. */
int	import_phone_ext(char *phone, char *ext, size_t n);
/* 1 if text holds '?' or U+FFFD where a conversion lost a character. */
int	import_garbled(const char *text);
/* 1 if now is was with some of its characters lost to ?, □ or U+FFFD. */
int	import_lost(const char *was, const char *now);
/* 1 if now is was as a spreadsheet shows it as a number (007 as 7). */
int	import_same_number(const char *was, const char *now);
/* SUPV_CIO or SUPV_DEPUTY_HEAD if the title names one, else 0. */
uint32_t import_title_supervisor(const char *title);
int	import_role(const char *in, uint32_t *role, uint32_t *supervisor,
	    const char **why);
int	import_yesno(const char *in, uint32_t *v, const char **why);
/* An attendance status as sheets write it: 出席, 缺席, 請假, 代理 …,
 * present, absent, excused, proxy … */
int	import_attend_status(const char *in, uint32_t *status,
	    const char **why);
/* The proxy's name in a mark 代理：林小華, or NULL. */
const char *import_attend_proxy(const char *in);

enum import_stage {
	IMPORT_COPYING = 1,
	IMPORT_CHECKING
};

struct import_options {
	enum entity_kind kind;		/* ENTITY_OFFICER, ENTITY_AGENCY or
					   ENTITY_ATTENDANCE */
	struct csv_options csv;
	int		 dry_run;	/* work it all out, write nothing */
	int		 skip_bad;	/* load the good rows anyway */
	int		 create_agencies;
	/* Attendance from a file of one meeting that says neither the
	 * meeting nor how people came (a meeting tool's report of who
	 * joined, a sign-in sheet): the meeting of rows that name none,
	 * and the status of rows that give none; 0: the row must. */
	uint32_t	 meeting;
	uint32_t	 status;
	const char	*rejects;	/* write rejected rows here */
	int		 screen;	/* reasons point to the full-screen
					   program's tabs, not to options */
	/*
	 * Called as the file is read: first while it is copied aside
	 * (IMPORT_COPYING; total 0 from a pipe), then while its rows are
	 * checked and written (IMPORT_CHECKING), with bytes done of total.
	 * While checking, the database is held and others' saves wait: the
	 * call must not wait on anything (a terminal written to only
	 * without blocking, see spool_tty_nowait).
	 */
	void		(*progress)(void *arg, int stage, uint64_t done,
			    uint64_t total);
	/*
	 * Called per rejected row and per change ("added 王小明"); where
	 * names the row as a spreadsheet numbers it ("row 12", and for CSV
	 * "row 12 (line 14)" where they differ), column by the file's own
	 * header.
	 */
	void		(*on_reject)(void *arg, const char *where,
			    const char *column, const char *reason);
	void		(*on_change)(void *arg, const char *where,
			    const char *what);
	void		*arg;
	/*
	 * keep: the run hands its copy of the file over to *keep (release
	 * it with spool_free) rather than let it go. input: a copy a dry run
	 * kept, read instead of the file, so that what is written is what
	 * the person was shown, whatever became of the file since (in a
	 * folder others write, another may have put a file of their own at
	 * its name meanwhile). Either may be NULL.
	 */
	struct spool	*keep;
	const struct spool *input;
};

struct import_result {
	size_t	 added, updated, unchanged, rejected, rows;
	uint64_t seq;			/* the import's audit record */
	char	 encoding[16];
	int	 delimiter;
	char	 unknown[512];		/* columns ignored */
	int	 written;		/* 1 if the database changed */
	char	 sheet[64];		/* the sheet read (.ods, .xlsx) */
	/* What the reader let pass (an agency's own Big5 characters), a
	 * sentence a line, or NULL. Free it. */
	char	*warnings;
	/* The rejects file could not be written (the import itself
	 * stands): why, or NULL. Free it. */
	char	*rejects_error;
	/* Officers of the agencies the file lists, in office but not in
	 * it, whom the import leaves as they are: a sentence an agency,
	 * with what to do to end or remove them, or NULL. Free it. */
	char	*absent;
};

/*
 * Import path. The file is copied aside first (the database is not held
 * while it is read: a FIFO or a slow pipe holds up no one else), then
 * checked and written in one write transaction; a dry run does the same
 * in store_dry's private layer, so it takes no writer's lock at all. The
 * rejects file is written after the transaction ends. Returns 0 when the
 * file was read through (even with rejected rows under skip_bad or
 * dry_run), OGPO_INVALID when rows were rejected and nothing was written,
 * or another status with *cause.
 */
int	import_run(struct core *c, const char *path,
	    const struct import_options *o, struct import_result *res,
	    char **cause);

/*
 * Tracked cases (ENTITY_ISSUE) or progress reports (ENTITY_PROGRESS)
 * from a table headed by field names, as export_records writes it, or
 * resolutions (ENTITY_RESOLUTION) as export_resolutions writes them
 * (headed 編號, 會議編號 … or by field names): a row with an id updates
 * that record with the columns given, a resolution row without one
 * updates the one its meeting (會議編號, or 會議日期 and 會議) and number
 * (案次) name, any other row adds one. Each save goes through core's
 * door, so permissions and rules are those of an edit by hand. One
 * transaction (a dry run: store_dry's layer): every row lands, or none
 * does and *cause names each refused row by file, row, column and value.
 * What lands is one import of the audit trail (res->seq), which `ogpo
 * import undo` takes back.
 */
struct records_options {
	enum entity_kind kind;
	int		 dry_run;
	/* Per row added or changed ("updated resolution 3 of meeting #12:
	 * 狀態 持續列管 → 解除列管"); NULL: not told. */
	void		(*on_change)(void *arg, const char *where,
			    const char *what);
	void		*arg;
	/*
	 * keep: the run hands its copy of the file over to *keep (release
	 * it with spool_free) rather than let it go. input: a copy a dry run
	 * kept, read instead of the file, so that what is written is what
	 * the person was shown, whatever became of the file since (in a
	 * folder others write, another may have put a file of their own at
	 * its name meanwhile). Either may be NULL.
	 */
	struct spool	*keep;
	const struct spool *input;
};

struct records_result {
	size_t	 rows, added, updated, unchanged, rejected;
	int	 written;
	uint64_t seq;		/* the import's audit record, when written */
};

int	records_import(struct core *c, const char *path,
	    const struct records_options *o, struct records_result *res,
	    char **cause);

/* Past imports, newest first: calls fn for each; stops when it says 1. */
int	import_list(struct core *c, int (*fn)(void *arg, uint64_t seq,
	    const struct audit *a, const struct import_record *ir,
	    int undone), void *arg, char **cause);

/*
 * Take import seq (0: the newest not undone) back in one transaction:
 * records it added are deleted, records it changed get their earlier
 * values. Refused, naming them, where anyone changed a record since.
 */
int	import_undo(struct core *c, uint64_t seq, struct import_record *ir,
	    char **cause);

#endif
