/*
 * util.c — status sentences, allocation that cannot fail quietly, bounded
 * strings, dates and the real login.
 */
#include <ctype.h>
#include <stdint.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/priv.h"
#include "ogpo/util.h"

int
err_set(char **cause, int rc, const char *fmt, ...)
{
	va_list ap;

	if (cause == NULL)
		return rc;
	free(*cause);
	va_start(ap, fmt);
	*cause = xvasprintf(_(fmt), ap);
	va_end(ap);
	return rc;
}

int
err_prefix(char **cause, int rc, const char *fmt, ...)
{
	va_list ap;
	char *prefix;

	if (cause == NULL)
		return rc;
	va_start(ap, fmt);
	prefix = xvasprintf(_(fmt), ap);
	va_end(ap);
	if (*cause != NULL) {
		char *both = xasprintf("%s: %s", prefix, *cause);

		free(prefix);
		free(*cause);
		*cause = both;
	} else
		*cause = prefix;
	return rc;
}

/* Out of memory leaves nothing sensible to do; say so and stop. */
static void
util_oom(void)
{
	static const char msg[] = "ogpo: out of memory\n";

	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		util_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		util_oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		util_oom();
	if ((p = realloc(p, n != 0 && size != 0 ? n * size : 1)) == NULL)
		util_oom();
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n;

	if (need <= *cap)
		return p;
	for (n = *cap ? *cap : 16; n < need; n *= 2)
		if (n > SIZE_MAX / 2)
			util_oom();
	*cap = n;
	return xreallocarray(p, n, size);
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		util_oom();
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		util_oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
xappendf(char **sp, const char *fmt, ...)
{
	va_list ap;
	char *more, *all;

	va_start(ap, fmt);
	more = xvasprintf(fmt, ap);
	va_end(ap);
	if (*sp == NULL) {
		*sp = more;
		return;
	}
	all = xasprintf("%s%s", *sp, more);
	free(*sp);
	free(more);
	*sp = all;
}

int
str_copy(char *dst, const char *src, size_t n)
{
	size_t len = strlen(src);

	if (n == 0)
		return -1;
	if (len >= n) {
		memcpy(dst, src, n - 1);
		dst[n - 1] = '\0';
		return -1;
	}
	memcpy(dst, src, len + 1);
	return 0;
}

void
str_lower(char *dst, const char *src, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	/* ASCII only, whatever the locale: index keys must not depend on
	 * the LC_CTYPE of the process that wrote them. */
	for (i = 0; src[i] != '\0' && i < n - 1; i++)
		dst[i] = src[i] >= 'A' && src[i] <= 'Z' ?
		    (char)(src[i] - 'A' + 'a') : src[i];
	dst[i] = '\0';
}

void
str_utf8_cut(char *s)
{
	size_t len = strlen(s), start, need;
	unsigned char c;

	/* Find where the last character starts and how long it should be. */
	for (start = len; start > 0 && len - start < 4; start--)
		if (((unsigned char)s[start - 1] & 0xc0) != 0x80)
			break;
	if (start == 0)
		return;
	c = (unsigned char)s[start - 1];
	need = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (len - (start - 1) < need)
		s[start - 1] = '\0';
}

int
str_to_id(const char *s, uint32_t *id)
{
	unsigned long long v = 0;
	const char *p = s;

	if (*p == '#')
		p++;
	if (*p == '\0')
		return -1;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
		if (v > UINT32_MAX)
			return -1;
	}
	if (v == 0)
		return -1;
	*id = (uint32_t)v;
	return 0;
}

/* A blank str_trim takes away. */
static int
str_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *
str_trim(char *s)
{
	size_t len;
	char *p = s;

	while (str_blank(*p))
		p++;
	len = strlen(p);
	while (len > 0 && str_blank(p[len - 1]))
		len--;
	if (p != s)
		memmove(s, p, len);
	s[len] = '\0';
	return s;
}

static int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
date_valid(const char *s)
{
	int y, m, d, i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	if (s[10] != '\0')
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

/*
 * OGPO_NOW ("YYYY-MM-DD HH:MM[:SS]", or T for the space, local time; a
 * date alone is its midnight) sets the clock to that moment as the program starts, and it
 * runs on from there: a screen can then be seen crossing midnight. Never when running set-id, where the
 * clock stamps a shared audit trail.
 */
static int64_t
time_offset(void)
{
	static int known;
	static int64_t offset;
	const char *env;
	char day[11], s[32];
	struct tm tm;
	time_t when;

	if (known)
		return offset;
	known = 1;
	if (priv_setid() || (env = getenv("OGPO_NOW")) == NULL ||
	    strlen(env) < 10 || strlen(env) >= sizeof s)
		return offset;
	/* ISO 8601's T between the day and the time, as date -Is writes. */
	memcpy(s, env, strlen(env) + 1);
	if (s[10] == 'T')
		s[10] = ' ';
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_valid(day) || (s[10] != '\0' && strlen(s) < 16))
		return offset;
	memset(&tm, 0, sizeof tm);
	if (sscanf(s, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) !=
	    (s[10] == '\0' ? 3 : s[16] == '\0' ? 5 : 6) ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60 ||
	    tm.tm_hour < 0 || tm.tm_min < 0 || tm.tm_sec < 0)
		return offset;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	if ((when = mktime(&tm)) != (time_t)-1)
		offset = (int64_t)when - (int64_t)time(NULL);
	return offset;
}

int64_t
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
time_now(void)
{
	return (int64_t)time(NULL) + time_offset();
}

void
date_today(char *buf)
{
	time_t now = (time_t)time_now();
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

void
time_format(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
}

void
time_show(int64_t t, char *buf, size_t n)
{
	char iso[32], day[16];

	time_format(t, iso, sizeof iso);
	if (strlen(iso) < 11) {
		snprintf(buf, n, "%s", iso);
		return;
	}
	iso[10] = '\0';
	date_show(iso, day, sizeof day);
	snprintf(buf, n, "%s %s", day, iso + 11);
}

void
date_add_months(const char *in, int months, char *out)
{
	int y = atoi(in), m = atoi(in + 5), d = atoi(in + 8);
	int total = y * 12 + (m - 1) + months;
	unsigned uy, um, ud;

	y = total / 12;
	m = total % 12 + 1;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	uy = (unsigned)y % 10000;
	um = (unsigned)m % 13;
	ud = (unsigned)d % 32;
	snprintf(out, 11, "%04u-%02u-%02u", uy, um, ud);
}

/*
 * A period of months as the Administrative Procedure Act (art. 48) counts
 * it: from the day after in, to the day before the same day that many
 * months on, or that month's last day when it lacks one. That is in's day
 * of the month moved on, except from a month's last day: the period then
 * starts on the 1st, runs whole months and ends on a month's last day
 * (passed on 11/30, two months run to 1/31, not 1/30).
 */
void
date_period_end(const char *in, int months, char *out)
{
	int y = atoi(in), m = atoi(in + 5), d = atoi(in + 8);

	date_add_months(in, months, out);
	if (m < 1 || m > 12 || d != date_days_in_month(y, m))
		return;
	y = atoi(out);
	m = atoi(out + 5);
	snprintf(out + 8, 3, "%02u", (unsigned)date_days_in_month(y, m) % 32);
}

void
date_add_days(const char *in, int days, char *out)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = atoi(in) - 1900;
	tm.tm_mon = atoi(in + 5) - 1;
	tm.tm_mday = atoi(in + 8) + days;
	tm.tm_hour = 12;	/* clear of any daylight-saving edge */
	t = mktime(&tm);
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

const char *
user_login(void)
{
	static char login[256];
	struct passwd *pw;

	if (login[0] != '\0')
		return login;
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_name != NULL)
		str_copy(login, pw->pw_name, sizeof login);
	else
		snprintf(login, sizeof login, "uid%lu", (unsigned long)getuid());
	return login;
}

char *
user_dir(const char *var, const char *fallback, const char *sub)
{
	const char *env = getenv(var), *home = getenv("HOME");
	struct passwd *pw;

	if (env != NULL && env[0] == '/')
		return xasprintf("%s/%s", env, sub);
	if ((home == NULL || *home == '\0') &&
	    (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return xasprintf("%s/%s/%s", home != NULL ? home : ".", fallback, sub);
}

int64_t
date_midnight(const char *s)
{
	struct tm tm;

	if (!date_valid(s))
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = atoi(s) - 1900;
	tm.tm_mon = atoi(s + 5) - 1;
	tm.tm_mday = atoi(s + 8);
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int
date_relative(const char *s, char *out)
{
	char today[11], *end;
	long n;

	if (date_valid(s)) {
		snprintf(out, 11, "%s", s);
		return 0;
	}
	date_today(today);
	if (strcmp(s, "today") == 0) {
		memcpy(out, today, 11);
		return 0;
	}
	if (strcmp(s, "yesterday") == 0) {
		date_add_days(today, -1, out);
		return 0;
	}
	if (s[0] == '-' && s[1] >= '0' && s[1] <= '9') {
		n = strtol(s + 1, &end, 10);
		if (strcmp(end, "d") == 0 && n <= 36500) {
			date_add_days(today, -(int)n, out);
			return 0;
		}
	}
	return -1;
}

/* v as exactly n decimal digits at p (no terminator): a date's part. */
static void
date_digits(char *p, unsigned v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Step over word at *p (年, 月, 日); 1 if it was there. */
static int
date_word(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n) != 0)
		return 0;
	*p += n;
	return 1;
}

/* Step over a '/', '-' or '.' at *p; 1 if one was there. */
static int
date_mark(const char **p)
{
	if (**p != '/' && **p != '-' && **p != '.')
		return 0;
	(*p)++;
	return 1;
}

/* Up to n digits at *p as a number; -1 if none. */
static int
date_number(const char **p, int n)
{
	int v = 0, k = 0;

	while (k < n && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k ? v : -1;
}

/*
 * ISO, slashed, dotted and ROC forms, with or without 民國 and 年月日, and
 * the compact ones a clerk types into a sheet (which a General cell keeps
 * as a number): 20240508, and 1130508 of the Republic. A year of three
 * digits or fewer is a year of the Republic (+1911). Six digits (240508,
 * 990508) could be either calendar's and are refused.
 */
int
date_parse(const char *in, char *iso, const char **why)
{
	const char *p = in;
	size_t n;
	int y, m, d, roc = 0;

	iso[0] = '\0';
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	if (date_word(&p, "民國"))
		roc = 1;
	n = strspn(p, "0123456789");
	if ((n == 7 || n == 8) && p[n + strspn(p + n, " ")] == '\0') {
		/* yyyymmdd or yyymmdd: the year is what is left of mmdd. */
		y = date_number(&p, (int)n - 4);
		m = date_number(&p, 2);
		d = date_number(&p, 2);
	} else {
		/* 年, /, - or . between the parts. */
		y = date_number(&p, 4);
		if (date_word(&p, "年"))
			roc |= y < 1000;
		else if (!date_mark(&p))
			y = -1;
		m = date_number(&p, 2);
		if (!date_word(&p, "月") && !date_mark(&p))
			m = -1;
		d = date_number(&p, 2);
		date_word(&p, "日");
	}
	while (*p == ' ')
		p++;
	if (y < 0 || m < 0 || d < 0 || *p != '\0') {
		*why = _("is not a date: write 2024-05-08, 2024/5/8, 20240508 "
		    "or the ROC form 113/05/08 (民國113年5月8日, 1130508)");
		return -1;
	}
	/* Three digits or fewer are a year of the Republic (民國). */
	if (roc || y < 1000)
		y += 1911;
	if (y > 9999 || m > 99 || d > 99) {
		*why = _("is not a real calendar date");
		return -1;
	}
	/* A real date, but not one kept (date_valid): 1797/03/01 is what a
	 * spreadsheet showing ROC dates shows for 115/3/1 taken for the year
	 * 115, and "not a real calendar date" would not say so. */
	if (y < 1900 || y > 2999) {
		*why = _("is outside the years 1900 to 2999 that ogpo keeps; "
		    "write it as 2024-05-08 or the ROC form 113/05/08");
		return -1;
	}
	date_digits(iso, (unsigned)y, 4);
	iso[4] = '-';
	date_digits(iso + 5, (unsigned)m, 2);
	iso[7] = '-';
	date_digits(iso + 8, (unsigned)d, 2);
	iso[10] = '\0';
	if (!date_valid(iso)) {
		*why = _("is not a real calendar date");
		iso[0] = '\0';
		return -1;
	}
	return 0;
}

/* in with full-width digits, colon and space (as a Chinese input method
 * types them) folded to ASCII, into out (n bytes). */
static void
time_fold(const char *in, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t k = 0;

	while (*p != '\0' && k + 1 < n) {
		if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 &&
		    p[2] <= 0x9a) {		/* U+FF10–FF19 ０–９, U+FF1A ： */
			out[k++] = p[2] == 0x9a ? ':' : (char)('0' + p[2] - 0x90);
			p += 3;
		} else if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
			out[k++] = ' ';		/* U+3000 ideographic space */
			p += 3;
		} else
			out[k++] = (char)*p++;
	}
	out[k] = '\0';
}

/*
 * A time of day as people type it: 14:30, 1430, 9, 2:30 pm, 下午2點,
 * 下午2點半, 上午9時15分, 14點, in full-width digits too.
 */
int
time_parse(const char *in, char *hhmm, const char **why)
{
	char buf[64];
	const char *p = buf;
	int h = -1, m = 0, half = 0, am = 0, pm = 0, k;

	hhmm[0] = '\0';
	time_fold(in, buf, sizeof buf);
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	if (date_word(&p, "上午") || date_word(&p, "早上") ||
	    date_word(&p, "凌晨"))
		am = 1;
	else if (date_word(&p, "下午") || date_word(&p, "晚上") ||
	    date_word(&p, "傍晚"))
		pm = 1;
	else if (date_word(&p, "中午"))
		pm = 2;		/* 中午12點 is noon, 中午1點 one o'clock */
	while (*p == ' ')
		p++;
	for (k = 0; isdigit((unsigned char)p[k]); k++)
		;
	if (k == 3 || k == 4) {		/* 1430, 930 */
		h = date_number(&p, k - 2);
		m = date_number(&p, 2);
	} else if (k == 1 || k == 2) {
		h = date_number(&p, 2);
		if (*p == ':' || *p == '.' || date_word(&p, "點") ||
		    date_word(&p, "時")) {
			if (*p == ':' || *p == '.')
				p++;
			if (date_word(&p, "半"))
				half = 1;
			else if (isdigit((unsigned char)*p)) {
				m = date_number(&p, 2);
				date_word(&p, "分");
			}
		}
	}
	if (half)
		m = 30;
	while (*p == ' ')
		p++;
	if (!am && !pm && (strcasecmp(p, "am") == 0 ||
	    strcasecmp(p, "a.m.") == 0))
		am = 1, p += strlen(p);
	else if (!am && !pm && (strcasecmp(p, "pm") == 0 ||
	    strcasecmp(p, "p.m.") == 0))
		pm = 1, p += strlen(p);
	if (h < 0 || m < 0 || *p != '\0' || (am && h > 12)) {
		*why = _("is not a time: write 14:30, 1430 or 下午2點半");
		return -1;
	}
	if (pm == 1 && h < 12)
		h += 12;
	else if (pm == 2 && h < 6)
		h += 12;
	else if (am && h == 12)
		h = 0;
	if (h > 23 || m > 59) {
		*why = _("is not a time of day: hours run 0 to 23, minutes "
		    "0 to 59");
		return -1;
	}
	hhmm[0] = (char)('0' + h / 10);
	hhmm[1] = (char)('0' + h % 10);
	hhmm[2] = ':';
	hhmm[3] = (char)('0' + m / 10);
	hhmm[4] = (char)('0' + m % 10);
	hhmm[5] = '\0';
	return 0;
}

/* 民國 years start in 1912; an earlier date, or text that is no ISO date,
 * is shown as it is. */
char *
date_show(const char *iso, char *out, size_t n)
{
	int y;

	if (i18n_date_style() != I18N_DATE_ROC || !date_valid(iso) ||
	    (y = atoi(iso)) < 1912) {
		snprintf(out, n, "%s", iso);
		return out;
	}
	snprintf(out, n, "%d/%.2s/%.2s", y - 1911, iso + 5, iso + 8);
	return out;
}
