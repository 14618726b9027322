/*
 * util.h — small helpers every module uses: status codes, the cause
 * sentence, bounded string copies, dates and who is at the keyboard.
 */
#ifndef OGPO_UTIL_H
#define OGPO_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "ogpo/i18n.h"	/* _() and N_(): every module speaks to people */

/* Status codes shared by every layer; 0 is success. */
enum ogpo_status {
	OGPO_OK = 0,
	OGPO_NOTFOUND,		/* no such record */
	OGPO_EXISTS,		/* a unique key is taken */
	OGPO_INVALID,		/* input breaks a rule */
	OGPO_CONFLICT,		/* someone else changed the record */
	OGPO_DENIED,		/* not allowed: role, scope or references */
	OGPO_CORRUPT,		/* stored bytes do not decode */
	OGPO_IO,		/* the system refused: disk, permissions */
	OGPO_NOMEM,
	OGPO_FULL,		/* the map is full (store-internal, retried) */
	OGPO_BUSY		/* the readers table is full */
};

#if defined(__GNUC__)
#define OGPO_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define OGPO_PRINTF(a, b)
#endif

/*
 * Set *cause (when cause is not NULL) to a new sentence, replacing and
 * freeing what was there. fmt is looked up in the message catalogue
 * first (it is marked for xgettext by the Makefile), so a cause reads in
 * the user's language. Returns rc, so that `return err_set(cause, rc,
 * ...)` reads as one statement.
 */
int err_set(char **cause, int rc, const char *fmt, ...) OGPO_PRINTF(3, 4);

/* As err_set, with "prefix: " in front of the present cause. */
int err_prefix(char **cause, int rc, const char *fmt, ...) OGPO_PRINTF(3, 4);

/* malloc/calloc/reallocarray/strdup that end the program on exhaustion. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
/*
 * The array p, of *cap elements of size bytes, grown (doubling, from 16)
 * to hold at least need of them; *cap becomes its new length. The new
 * elements are not cleared.
 */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) OGPO_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) OGPO_PRINTF(1, 0);
/* What fmt makes, added to the end of *sp (NULL: nothing yet). */
void  xappendf(char **sp, const char *fmt, ...) OGPO_PRINTF(2, 3);

/*
 * Around one large write transaction (about bytes of pages changed):
 * the heap it will take those pages from grown once, in huge pages
 * where the system allows, and kept until bulkmem_end (bulkmem.c).
 */
void bulkmem_begin(size_t bytes);
/*
 * The write has used about bytes of that room by now: a thread faults
 * the pages a little past it in, beside the writer (bulkmem.c). Only
 * the thread that began it calls it.
 */
void bulkmem_used(size_t bytes);
void bulkmem_end(void);

/* Copy src into dst of size n; returns -1 (dst cut short) if it did not fit. */
int str_copy(char *dst, const char *src, size_t n);

/* Lower-case ASCII letters of s into dst (size n); others unchanged. */
void str_lower(char *dst, const char *src, size_t n);

/* Strip leading and trailing ASCII white space in place. */
char *str_trim(char *s);

/* 1 if s is a real calendar date written YYYY-MM-DD, else 0. */
int date_valid(const char *s);

/*
 * A date as typed into a form or a spreadsheet: 2024-05-08, 2024/5/8,
 * 2024.5.8, the ROC forms 113/05/08 and 民國113年5月8日. Writes the ISO
 * date into iso (11 bytes) and returns 0; an empty input gives "" and 0.
 * On error returns -1 and points *why at the reason, in the reader's
 * language ("is not a date: write ...").
 */
int date_parse(const char *in, char *iso, const char **why);

/*
 * A time of day as typed into a form: 14:30, 1430, 2:30 pm, 下午2點半,
 * 上午9時15分, in full-width digits too. Writes HH:MM into hhmm (6
 * bytes) and returns 0; an empty input gives "" and 0. On error returns
 * -1 and points *why at the reason, in the reader's language.
 */
int time_parse(const char *in, char *hhmm, const char **why);

/*
 * An ISO date as the reader wants it shown (date_style): 2024-05-08, or
 * 113/05/08 with date_style = roc. Anything else is copied unchanged.
 * Returns out (at least 11 bytes).
 */
char *date_show(const char *iso, char *out, size_t n);

/*
 * Now, in seconds since the epoch: the system's clock, or the one
 * OGPO_NOW sets for a test (see util.c). Every date ogpo reasons with
 * comes from here.
 */
int64_t time_now(void);

/* Milliseconds on a clock that only goes forward, for waits and
 * intervals (never a date: OGPO_NOW does not move it). */
int64_t clock_ms(void);

/* Today (local time) as YYYY-MM-DD into buf of at least 11 bytes. */
void date_today(char *buf);

/* t (seconds) as local "YYYY-MM-DD HH:MM" into buf of at least 17. */
void time_format(int64_t t, char *buf, size_t n);

/*
 * t as the reader wants it shown (date_style), for people: as
 * time_format, or "115/12/07 15:30" with date_style = roc. Files and
 * TSV keep time_format's.
 */
void time_show(int64_t t, char *buf, size_t n);

/* Shift an ISO date by months (day clamped to the month's end). */
void date_add_months(const char *in, int months, char *out);

/*
 * The last day of a period of months counted from the day after in, as
 * the Administrative Procedure Act (art. 48) counts it: in's day that
 * many months on (clamped to the month's end), or the month's last day
 * when in is the last of its month. out holds 11 bytes.
 */
void date_period_end(const char *in, int months, char *out);

/* Shift an ISO date by days, across months and years. */
void date_add_days(const char *in, int days, char *out);

/* The local time at which day YYYY-MM-DD begins, or -1 if s is no date. */
int64_t date_midnight(const char *s);

/*
 * A day as a person names it for a filter: YYYY-MM-DD, today, yesterday
 * or -Nd (N days before today, at most 36500), into out (11 bytes).
 * Returns 0, or -1 when s is none of these.
 */
int date_relative(const char *s, char *out);

/* Cut s short of a UTF-8 character its end splits (after a byte cut). */
void str_utf8_cut(char *s);

/*
 * A record number as typed: decimal, 1 to 4294967295, nothing else.
 * Returns 0 and sets *id, or -1.
 */
int  str_to_id(const char *s, uint32_t *id);

/* The real user's login name (getuid), never the environment's. */
const char *user_login(void);
/*
 * A per-user directory after the XDG base directory rules: "$var/sub"
 * when var names an absolute path, else "$HOME/fallback/sub" (the
 * password file's home when HOME is unset).  Allocated.
 */
char *user_dir(const char *var, const char *fallback, const char *sub);

#endif
