/*
 * map.c — what spreadsheet columns and cells mean: headers in English or
 * Chinese, roles as offices name them (聯絡人, 代理人, 督導 …), yes/no in
 * either language, and dates in ISO, slashed or ROC (民國) form.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/import.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

static const struct {
	enum import_col	 col;
	const char	*names;	/* '|'-separated, already normalised */
} map_names[] = {
	{ COL_NAME, "姓名|名字|name|fullname|officername" },
	{ COL_AGENCY, "機關|機關名稱|單位|單位名稱|agency|agencyname" },
	{ COL_AGENCY_CODE, "機關代碼|agencycode" },
	{ COL_TITLE, "職稱|title|jobtitle|position" },
	{ COL_ROLE, "角色|身分|身份|類別|role" },
	{ COL_SUPERVISOR, "督導類別|督導身分|supervisorkind|supervisor" },
	{ COL_FUNCTION, "職能|工作小組職能|function" },
	{ COL_EMAIL, "電子郵件|電子信箱|電子郵件信箱|email|mail|emailaddress" },
	{ COL_PHONE, "電話|聯絡電話|phone|telephone|tel" },
	{ COL_EXT, "分機|ext|extension" },
	{ COL_CIVIL_SERVANT, "是否為公務人員|公務人員|civilservant" },
	{ COL_START_DATE, "到任日期|指派日期|起始日期|startdate|start" },
	{ COL_END_DATE, "卸任日期|結束日期|enddate|end" },
	{ COL_NOTE, "備註|說明|note|notes|remark|remarks" },
	{ COL_CODE, "代碼|code" },
	{ COL_PARENT, "上級機關|上級機關代碼|parent|parentcode|parentagency" },
	{ COL_LEVEL, "層級|level" },
	{ COL_ERROR, "錯誤原因|error" },
};

/*
 * Header text without case, spaces, '_' or '-', for comparing; nor the
 * line break typed (Alt+Enter) to fit a header in a narrow column, the
 * ideographic and the no-break space, or the * (＊) a form marks what
 * is required with.
 */
static void
map_normalise(const char *in, char *out, size_t n)
{
	size_t o = 0;

	for (; *in != '\0' && o + 1 < n; in++) {
		if (strchr(" _-\t\r\n*", *in) != NULL)
			continue;
		if (strncmp(in, "\xef\xbb\xbf", 3) == 0 ||	/* a stray BOM */
		    strncmp(in, "\xe3\x80\x80", 3) == 0 ||	/* U+3000 */
		    strncmp(in, "\xef\xbc\x8a", 3) == 0) {	/* ＊ */
			in += 2;
			continue;
		}
		if (strncmp(in, "\xc2\xa0", 2) == 0) {	/* U+00A0 */
			in++;
			continue;
		}
		out[o++] = (char)tolower((unsigned char)*in);
	}
	out[o] = '\0';
}

static enum import_col map_column_exact(const char *header,
	    enum entity_kind kind);

/*
 * The column a header names: as it is, or by what comes before a note
 * in brackets after it (電話（含分機）, 機關(全銜)).
 */
static enum import_col
map_column(const char *header, enum entity_kind kind)
{
	enum import_col found = map_column_exact(header, kind);
	const char *a = strchr(header, '('), *b = strstr(header,
	    "\xef\xbc\x88");				/* （ */
	char head[256];

	if (found != COL_NONE)
		return found;
	if (a == NULL || (b != NULL && b < a))
		a = b;
	if (a == NULL || a == header)
		return COL_NONE;
	if ((size_t)(a - header) >= sizeof head)
		return COL_NONE;
	memcpy(head, header, (size_t)(a - header));
	head[a - header] = '\0';
	return map_column_exact(head, kind);
}

static enum import_col
map_column_exact(const char *header, enum entity_kind kind)
{
	char norm[256], *names, *p, *save;
	size_t i;
	enum import_col found = COL_NONE;

	map_normalise(header, norm, sizeof norm);
	/* An attendance sheet names its meeting, and how each person came. */
	if (kind == ENTITY_ATTENDANCE) {
		static const struct {
			enum import_col	 col;
			const char	*names;
		} att[] = {
			{ COL_MEETING, "會議編號|會議號碼|meeting|meetingid|"
			    "meetingno" },
			{ COL_DATE, "日期|會議日期|date|meetingdate" },
			{ COL_KIND, "會議類別|會議種類|kind|meetingkind" },
			{ COL_MEETING_TITLE, "會議名稱|會議主題|meetingtitle|"
			    "meetingname" },
			/* 簽到 and 簽名: a sign-in sheet's column of marks,
			 * as ogpo export signin heads it. */
			{ COL_STATUS, "出席情形|出席狀況|出缺席|出席|狀態|"
			    "簽到|簽名|status|attendance" },
			{ COL_PROXY, "代理人|代理人姓名|代理出席者|proxy|"
			    "proxyname" },
			/* Microsoft Teams' report, in English and as it
			 * is set to Chinese (zh-TW): the person's shown
			 * name, and their sign-in, mostly the e-mail. */
			{ COL_NAME, "名稱|全名|顯示名稱|參與者|displayname" },
			{ COL_UPN, "參與者識別碼(upn)|參與者識別碼（upn）|"
			    "參與者識別碼|participantid(upn)|participantid|"
			    "upn" },
		};

		for (i = 0; i < sizeof att / sizeof att[0] && found ==
		    COL_NONE; i++) {
			names = xstrdup(att[i].names);
			for (p = strtok_r(names, "|", &save); p != NULL;
			    p = strtok_r(NULL, "|", &save))
				if (strcmp(p, norm) == 0) {
					found = att[i].col;
					break;
				}
			free(names);
		}
		if (found != COL_NONE)
			return found;
	}
	/* An agency list's own code and name are its "code" and "name". */
	if (kind == ENTITY_AGENCY) {
		if (strcmp(norm, "機關代碼") == 0 || strcmp(norm, "code") == 0 ||
		    strcmp(norm, "agencycode") == 0)
			return COL_CODE;
		if (strcmp(norm, "機關名稱") == 0 || strcmp(norm, "機關") == 0)
			return COL_NAME;
	}
	for (i = 0; i < sizeof map_names / sizeof map_names[0] &&
	    found == COL_NONE; i++) {
		names = xstrdup(map_names[i].names);
		for (p = strtok_r(names, "|", &save); p != NULL;
		    p = strtok_r(NULL, "|", &save))
			if (strcmp(p, norm) == 0) {
				found = map_names[i].col;
				break;
			}
		free(names);
	}
	return found;
}

int
import_header_map(const struct table_row *row, enum entity_kind kind,
    unsigned given, struct import_header *h, char **cause)
{
	size_t i, used = 0;
	enum import_col col;
	const char *missing = NULL, *hint = "";

	memset(h, 0, sizeof *h);
	h->ncols = row->nfields;
	for (i = 0; i < row->nfields; i++) {
		col = map_column(row->fields[i], kind);
		if (col != COL_NONE && h->col[col] == 0)
			h->col[col] = (int)i + 1;
		else if (row->fields[i][0] != '\0' && col != COL_ERROR)
			used += (size_t)snprintf(h->unknown + used,
			    used < sizeof h->unknown ? sizeof h->unknown - used :
			    0, "%s%s", used ? ", " : "", row->fields[i]);
		if (used >= sizeof h->unknown)
			used = sizeof h->unknown - 1;
	}
	if (kind == ENTITY_OFFICER) {
		if (h->col[COL_NAME] == 0)
			missing = "姓名 (name)";
		else if (h->col[COL_EMAIL] == 0)
			missing = "電子郵件 (email)";
		else if (h->col[COL_AGENCY] == 0 && h->col[COL_AGENCY_CODE] == 0)
			missing = "機關 or 機關代碼 (agency or agency_code)";
	} else if (kind == ENTITY_ATTENDANCE) {
		if (h->col[COL_MEETING] == 0 && h->col[COL_DATE] == 0 &&
		    !(given & IMPORT_GIVEN_MEETING)) {
			missing = "會議編號 or 日期 (meeting or date)";
			hint = _("; a file of one meeting (a meeting tool's "
			    "report, a sign-in sheet) is imported with --meeting "
			    "and the meeting's number (see ogpo list meetings)");
		} else if (h->col[COL_MEETING] == 0 && h->col[COL_KIND] == 0 &&
		    h->col[COL_DATE] != 0)
			missing = "會議類別 (kind)";
		else if (h->col[COL_EMAIL] == 0 && h->col[COL_NAME] == 0)
			missing = "電子郵件 or 姓名 (email or name)";
		/* Names alone may carry their agency, 王小明 (內政部): a
		 * row whose name does not is refused on its own. */
		else if (h->col[COL_STATUS] == 0 &&
		    !(given & IMPORT_GIVEN_STATUS)) {
			missing = "出席情形 (status)";
			hint = given & IMPORT_SCREEN ? _("; import it again "
			    "and answer how the people it lists came (Online "
			    "for a meeting tool's report)") : _("; a list of "
			    "who joined (a meeting tool's report) is imported "
			    "with --status online, or --status present");
		}
	} else {
		if (h->col[COL_CODE] == 0)
			missing = "機關代碼 (code)";
		else if (h->col[COL_NAME] == 0)
			missing = "機關名稱 (name)";
	}
	if (missing != NULL) {
		char found[512];
		size_t k, n = 0;

		found[0] = '\0';
		for (k = 0; k < row->nfields && n + 1 < sizeof found; k++)
			n += (size_t)snprintf(found + n, sizeof found - n,
			    "%s%s", k ? _(", ") : "", row->fields[k]);
		str_utf8_cut(found);
		return err_set(cause, OGPO_INVALID, "the header has no %s "
		    "column, so no row was read; the header reads: %s%s",
		    missing, found[0] ? found : _("(empty)"), hint);
	}
	return 0;
}

/*
 * Fold what a Chinese input method types in full width to ASCII: digits
 * and letters (０-９ Ａ-Ｚ ａ-ｚ), punctuation (（）－＠．／：＋ …, the
 * whole U+FF01-FF5E block) and the ideographic space. Other characters
 * are kept. For phone numbers, e-mail addresses, codes and dates, where
 * only ASCII means anything.
 */
void
import_fold(const char *in, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0, k;
	uint32_t c;

	while (*p != '\0' && o + 1 < n) {
		k = text_decode(p, strlen((const char *)p), &c);
		if (k == 0) {
			out[o++] = (char)*p++;
			continue;
		}
		if (c >= 0xff01 && c <= 0xff5e)
			out[o++] = (char)(c - 0xff01 + 0x21);
		else if (c == 0x3000)
			out[o++] = ' ';
		else if (c == 0x2010 || c == 0x2011 || c == 0x2012 ||
		    c == 0x2013 || c == 0x2212)
			out[o++] = '-';		/* dashes a word processor made */
		else {
			if (o + k >= n)
				break;
			memcpy(out + o, p, k);
			o += k;
		}
		p += k;
	}
	out[o] = '\0';
}

/*
 * Dates in a spreadsheet are read as forms read them (date_parse), after
 * folding full-width digits; but M/D/YY and M/D/YYYY, which a spreadsheet
 * set to the United States writes, are refused rather than read as a
 * year of the Republic: 5/8/13 is May 8, 2013, not 民國5年8月13日.
 */
int
import_date(const char *in, char *iso, const char **why)
{
	char buf[64];
	unsigned a, b, c;
	int n = 0;

	import_fold(in, buf, sizeof buf);
	/* (No '/', no such date: sscanf is not asked, twice a row.) */
	if (strchr(buf, '/') != NULL &&
	    sscanf(buf, "%u/%u/%u%n", &a, &b, &c, &n) == 3 &&
	    buf[n + strspn(buf + n, " ")] == '\0' && strspn(buf, "0123456789")
	    <= 2 && a >= 1 && a <= 12 && b >= 1 && b <= 31 &&
	    (strlen(strrchr(buf, '/') + 1) == 2 ||
	    strlen(strrchr(buf, '/') + 1) == 4)) {
		*why = _("could be a United States date (month/day/year) that "
		    "a spreadsheet wrote; write it as 2024-05-08 or the ROC "
		    "form 113/05/08");
		iso[0] = '\0';
		return -1;
	}
	if (date_parse(buf, iso, why) == 0)
		return 0;
	/* 45352 is the day a date cell holds, shown once the cell's
	 * format became a number's (1930 to 2099). */
	if (strlen(buf) == 5 && strspn(buf, "0123456789") == 5 &&
	    atoi(buf) >= 10959 && atoi(buf) <= 73050)
		*why = _("is the number a spreadsheet keeps for a day, shown "
		    "because the cell is formatted as a number, not a date; "
		    "format the cell as a date (or type the date again, as "
		    "2024-05-08), and import again");
	return -1;
}

/*
 * What a spreadsheet that took a phone number for a number left of it,
 * digits and nothing else: IMPORT_PHONE_ZERO, nine digits without their
 * leading zero (0912345678 became 912345678, 02-2345-6789 typed as
 * 0223456789 became 223456789); IMPORT_PHONE_SHORT, eight, which is what
 * 07-123-4567, 06-234-5678 or 037-123456 typed as one number become (or
 * a local number without its area code, which reaches no one from
 * elsewhere either); IMPORT_PHONE_PLUS, 886 and a national number, the
 * + of +886 gone. 0 for anything else.
 */
int
import_phone_lost_zero(const char *phone)
{
	size_t n = strlen(phone);

	if (n == 0 || strspn(phone, "0123456789") != n || phone[0] == '0')
		return 0;
	if (n == 9)
		return IMPORT_PHONE_ZERO;
	if (n == 8)
		return IMPORT_PHONE_SHORT;
	if ((n == 11 || n == 12) && strncmp(phone, "886", 3) == 0 &&
	    phone[3] != '0')
		return IMPORT_PHONE_PLUS;
	return 0;
}

/* The words that begin an extension written after a phone number. */
static const char *const map_ext_words[] = {
	"分機", "轉", "ext.", "ext", "x",
};

/*
 * A phone number with its extension written after it, as offices write
 * it ("02-2345-6789 分機123", "(02)2345-6789 轉 123", "02-2345-6789
 * ext. 123", "02-2345-6789(分機123)"; full-width already folded): 1 with
 * the extension's digits into ext (n bytes) and phone cut before it; 0,
 * both untouched, when phone holds no such thing. '#' is a phone's own
 * character and stays.
 */
int
import_phone_ext(char *phone, char *ext, size_t n)
{
	size_t i, w, len, d;
	char *at, *p, *cut;

	for (at = phone; *at != '\0'; at++)
		for (i = 0; i < sizeof map_ext_words /
		    sizeof map_ext_words[0]; i++) {
			w = strlen(map_ext_words[i]);
			if (strncasecmp(at, map_ext_words[i], w) != 0)
				continue;
			p = at + w;
			p += strspn(p, " .:");
			if (strncmp(p, "\xef\xbc\x9a", 3) == 0)	/* ： */
				p += 3;
			p += strspn(p, " ");
			if ((d = strspn(p, "0123456789")) == 0 || d >= n)
				continue;
			len = strspn(p + d, " )");
			if (p[d + len] != '\0')
				continue;
			/* What comes before is the number, nothing else. */
			cut = at;
			while (cut > phone && strchr(" ,;/(", cut[-1]) != NULL)
				cut--;
			if (cut == phone || strspn(phone, "0123456789 +-()#")
			    < (size_t)(cut - phone))
				continue;
			memcpy(ext, p, d);
			ext[d] = '\0';
			*cut = '\0';
			return 1;
		}
	return 0;
}

/*
 * 1 if text holds what a conversion leaves where a character was: '?'
 * (a program saved as Big5 what Big5 lacks) or U+FFFD (bytes that were
 * not the encoding it read).
 */
int
import_garbled(const char *text)
{
	return strchr(text, '?') != NULL || strstr(text, "\xef\xbf\xbd") !=
	    NULL;
}

/*
 * 1 if now is was with characters other than ASCII lost: each turned
 * into '?' (saved as Big5 by a program with no Big5 form for it), □
 * (ogpo export --encoding big5 --replace) or U+FFFD (read as an encoding
 * it was not). Nothing else may differ, so
 * a real change that writes a ? is not taken for a loss.
 */
int
import_lost(const char *was, const char *now)
{
	size_t n;
	int lost = 0;

	while (*was != '\0' && *now != '\0') {
		if (*was == *now) {
			was++;
			now++;
			continue;
		}
		if ((unsigned char)*was < 0x80)
			return 0;
		if (*now == '?')
			n = 1;
		else if (strncmp(now, "\xef\xbf\xbd", 3) == 0 ||
		    strncmp(now, "\xe2\x96\xa1", 3) == 0)
			n = 3;
		else
			return 0;
		/* One character of was, however many bytes it took. */
		for (was++; ((unsigned char)*was & 0xc0) == 0x80; was++)
			;
		now += n;
		lost = 1;
	}
	return lost && *was == '\0' && *now == '\0';
}

/*
 * The number s is as a spreadsheet writes it back, into out (n bytes):
 * no + sign, no leading zeros, no trailing zeros after the point. -1 if
 * s is not a plain decimal number (a sign, digits, a point and digits).
 */
static int
import_number_shown(const char *s, char *out, size_t n)
{
	const char *int0, *frac = NULL, *end;
	size_t w = 0;

	if (*s == '-' && w + 1 < n)
		out[w++] = '-';
	if (*s == '+' || *s == '-')
		s++;
	int0 = s;
	s += strspn(s, "0123456789");
	if (s == int0)
		return -1;
	if (*s == '.') {
		frac = ++s;
		s += strspn(s, "0123456789");
		if (s == frac)
			return -1;
	}
	if (*s != '\0')
		return -1;
	end = frac != NULL ? frac - 1 : s;
	while (int0 + 1 < end && *int0 == '0')
		int0++;
	while (int0 < end && w + 1 < n)
		out[w++] = *int0++;
	if (frac != NULL) {
		while (s > frac && s[-1] == '0')
			s--;
		if (s > frac && w + 1 < n)
			out[w++] = '.';
		while (frac < s && w + 1 < n)
			out[w++] = *frac++;
	}
	out[w] = '\0';
	return 0;
}

/*
 * 1 if now is the text was as a spreadsheet showed it once it took it
 * for a number: 000123 as 123, +886 as 886, 1.50 as 1.5. Such a cell
 * keeps the stored text (a CSV cannot say a cell is text).
 */
int
import_same_number(const char *was, const char *now)
{
	char a[64], b[64];

	if (strcmp(was, now) == 0 || strlen(was) >= sizeof a ||
	    strlen(now) >= sizeof b)
		return 0;
	return import_number_shown(was, a, sizeof a) == 0 &&
	    import_number_shown(now, b, sizeof b) == 0 && strcmp(a, b) == 0 &&
	    strcmp(b, now) == 0;
}

/*
 * The kind of supervisor a title names, as point 3 of the regulation
 * has it: 資訊長 a CIO; a deputy head (副首長) by any of the ways agencies
 * title one: 副 and the head's title (副部長, 副署長, 副局長, 副主任委員,
 * 副主委, 副院長, 副總裁, 副主計長, 副人事長, 副首長 …), or 次長 (政務次長,
 * 常務次長). Division deputies (副處長, 副組長, 副科長) are not. 0 if the
 * title does not say.
 */
uint32_t
import_title_supervisor(const char *title)
{
	static const char *const heads[] = { "首長", "部長", "署長", "局長",
		"主任委員", "主委", "院長", "總裁", "主計長", "人事長",
		"執行長", "總幹事", "館長" };
	const char *p;
	size_t i;

	if (strstr(title, "資訊長") != NULL)
		return SUPV_CIO;
	if (strstr(title, "次長") != NULL)
		return SUPV_DEPUTY_HEAD;
	for (p = strstr(title, "副"); p != NULL; p = strstr(p + 3, "副"))
		for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
			if (strncmp(p + 3, heads[i], strlen(heads[i])) == 0)
				return SUPV_DEPUTY_HEAD;
	return 0;
}

int
import_role(const char *in, uint32_t *role, uint32_t *supervisor,
    const char **why)
{
	static const struct {
		const char	*word;
		uint32_t	 role, supervisor;
	} words[] = {
		{ "開放政府聯絡人", ROLE_PO, 0 }, { "聯絡人", ROLE_PO, 0 },
		{ "代理人", ROLE_ALTERNATE, 0 }, { "副首長", ROLE_SUPERVISOR,
		    SUPV_DEPUTY_HEAD }, { "資訊長", ROLE_SUPERVISOR, SUPV_CIO },
		{ "督導", ROLE_SUPERVISOR, 0 }, { "工作小組", ROLE_MEMBER, 0 },
		{ "工作小組成員", ROLE_MEMBER, 0 }, { "政務委員",
		    ROLE_MINISTER, 0 }, { "deputy head", ROLE_SUPERVISOR,
		    SUPV_DEPUTY_HEAD }, { "cio", ROLE_SUPERVISOR, SUPV_CIO },
	};
	size_t i;

	*supervisor = 0;
	if (*in == '\0') {
		*role = ROLE_PO;
		return 0;
	}
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(in, words[i].word) == 0) {
			*role = words[i].role;
			*supervisor = words[i].supervisor;
			return 0;
		}
	if (model_enum_parse(&model_roles, in, role) == 0)
		return 0;
	*why = _("is not a role: write 聯絡人 (PO), 代理人 (alternate), 副首長 or "
	    "資訊長 (supervisor), or 工作小組 (member)");
	return -1;
}

int
import_yesno(const char *in, uint32_t *v, const char **why)
{
	static const char *const yes[] = { "是", "yes", "y", "1", "true",
		"v", "○", "Y" };
	static const char *const no[] = { "否", "no", "n", "0", "false",
		"x", "×" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(in, yes[i]) == 0) {
			*v = 1;
			return 0;
		}
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(in, no[i]) == 0) {
			*v = 0;
			return 0;
		}
	*why = _("should be 是 or 否 (yes or no)");
	return -1;
}

int
import_attend_status(const char *in, uint32_t *status, const char **why)
{
	/* What sign-in sheets and meeting tools write besides the labels. */
	static const struct {
		const char	*word;
		uint32_t	 status;
	} words[] = {
		{ "代理", ATTEND_PROXY }, { "代理人出席", ATTEND_PROXY },
		{ "派員代理", ATTEND_PROXY }, { "by proxy", ATTEND_PROXY },
		{ "親自出席", ATTEND_PRESENT }, { "已出席", ATTEND_PRESENT },
		{ "到", ATTEND_PRESENT }, { "attended", ATTEND_PRESENT },
		{ "視訊", ATTEND_ONLINE }, { "線上出席", ATTEND_ONLINE },
		{ "視訊出席", ATTEND_ONLINE }, { "remote", ATTEND_ONLINE },
		{ "未出席", ATTEND_ABSENT }, { "未到", ATTEND_ABSENT },
		{ "leave", ATTEND_EXCUSED }, { "on leave", ATTEND_EXCUSED },
		{ "未回覆", ATTEND_INVITED }, { "邀請", ATTEND_INVITED },
		/* The marks a sign-in sheet typed in has for "came". */
		{ "✓", ATTEND_PRESENT }, { "✔", ATTEND_PRESENT },
		{ "√", ATTEND_PRESENT }, { "○", ATTEND_PRESENT },
		{ "〇", ATTEND_PRESENT }, { "v", ATTEND_PRESENT },
		{ "簽到", ATTEND_PRESENT }, { "已簽到", ATTEND_PRESENT },
		/* ○ typed as a letter, and the X of an O/X sheet. */
		{ "o", ATTEND_PRESENT }, { "x", ATTEND_ABSENT },
		{ "×", ATTEND_ABSENT }, { "✗", ATTEND_ABSENT },
		{ "✘", ATTEND_ABSENT },
	};
	size_t i;

	if (model_enum_parse(&model_attend_statuses, in, status) == 0)
		return 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(in, words[i].word) == 0) {
			*status = words[i].status;
			return 0;
		}
	*why = _("is not a status: write 出席 (or a mark: ✓ ○ V 到), 線上, "
	    "代理出席 (or 代理：and the proxy's name), 請假, 缺席 (or X) or "
	    "受邀 (present, online, proxy, excused, absent or invited)");
	return -1;
}

/*
 * The proxy's name in a sign-in sheet's mark for one who came in
 * another's place, 代理：林小華 (代理人, a colon of either width or a
 * space before the name): the name, or NULL if in is no such mark.
 */
const char *
import_attend_proxy(const char *in)
{
	static const char *const words[] = { "代理人", "代理" };
	static const char *const seps[] = { "：", ":", "　", " " };
	size_t i, k, len;
	int sep;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		len = strlen(words[i]);
		if (strncmp(in, words[i], len) != 0)
			continue;
		in += len;
		for (sep = 0;; sep = 1) {
			for (k = 0; k < sizeof seps / sizeof seps[0] &&
			    strncmp(in, seps[k], strlen(seps[k])) != 0; k++)
				;
			if (k == sizeof seps / sizeof seps[0])
				break;
			in += strlen(seps[k]);
		}
		return sep && *in != '\0' ? in : NULL;
	}
	return NULL;
}
