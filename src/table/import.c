/*
 * import.c — officer and agency lists, and who came to a meeting (a
 * sign-in sheet, a meeting tool's report), from spreadsheets into the
 * database. One write transaction for the whole file: rows match existing
 * records (officers by e-mail, agencies by code, a meeting's attendance
 * by the officer's e-mail or name and agency), new ones are added,
 * changed ones updated and identical ones left alone, each through core's
 * door, so every change is checked and audited like an edit by hand. An
 * import is recorded as one audit record that names the range of changes
 * it made, which is what lets it be taken back whole.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ogpo/codec.h"
#include "ogpo/import.h"
#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "ogpo/text.h"
#include "ogpo/util.h"
#include "table-int.h"

/* A private status: let the transaction go rather than commit it (a dry
 * run, or a file that changes nothing). */
#define IMPORT_LET_GO	1000
/* The pages a write keeps changed until its commit, about, for each byte
 * of the rows that changed something (record, indexes, audit). */
#define IMPORT_DIRTY	6

/* An officer invited to the meeting at hand, as a sheet names them. */
struct import_invitee {
	uint32_t	 agency;	/* as invited (who they were then) */
	uint32_t	 officer;
	char		 name[OGPO_NAME_MAX + 1];
};

/*
 * An agency by its exact name (in import.agencies) or by its code (in
 * import.codes): a few thousand at most, looked up per row.
 */
struct import_agency {
	char		 key[OGPO_NAME_MAX + 1];
	uint32_t	 id;
};

struct import {
	/* The last name import_agency_named met that several agencies
	 * share (a person's cell "王小明 (name)"), "" if none: said when
	 * the row is refused. */
	char		 shared[OGPO_NAME_MAX + 1];
	struct core			*c;
	struct store_txn		*t;
	const char			*path;
	const struct import_options	*o;
	struct import_result		*res;
	struct table_reader		*r;
	struct table_ahead		*ahead;	/* r's rows after the header */
	struct table_writer		*rej;
	FILE				*rejf;	/* a spool, copied after */
	struct table_parsed		*rows;	/* the file's, read once */
	struct import_header		 h;
	const struct table_row		*header;
	char				**header_copy;
	size_t				 nheader;
	struct import_agency		*agencies;	/* by name */
	struct import_agency		*codes;		/* by code */
	size_t				 nagencies;
	/* --create-agencies: an agency made for this row, inside a
	 * savepoint that is taken back if the row is rejected. */
	int				 savepoint;
	char				**cause;
	/* An officer row's record and the one stored, kept from row to
	 * row (a row's record is a few KB: cleared for each, it cost as
	 * much as the parsing did). */
	struct officer			*officers;
	/*
	 * Officers seen in this file, to turn away a second row with the
	 * same e-mail: the line that matched each officer, by id (4 bytes
	 * an officer, where a mark in the map took a key and a page entry);
	 * a row turned away before it was saved leaves a mark under its
	 * e-mail (the row's, in email) instead, looked for only once there
	 * is one (marks, how many).
	 */
	uint32_t			*seen;
	size_t				 capseen;
	size_t				 marks;
	char				 email[OGPO_EMAIL_MAX + 1];
	/* The agencies the file's officer rows name, in their order:
	 * whose officers missing from it are told (import_absent); in an
	 * agency list, the parents its rows sit under (0 the top), whose
	 * agencies missing from it are told (import_agencies_absent). */
	uint32_t			*covered;
	size_t				 ncovered, capcovered;
	/*
	 * Attendance: the meeting of the rows before (a sheet lists a
	 * meeting's invitees together), found again only when a row names
	 * another; and its invitees by agency and name.
	 */
	struct meeting			*meeting;
	char				 meeting_key[OGPO_TEXT_MAX + 64];
	struct import_invitee		*invitees;
	size_t				 ninvitees;
	/*
	 * Attendance: the officers found by e-mail so far, an open-addressing
	 * table by the lower-cased address (a month's sheet names each
	 * officer once a meeting, and the index and record lookups were the
	 * largest part of a row).
	 */
	struct import_email		*emails;
	size_t				 nemails, capemails;	/* a power
								   of 2 */
};

struct import_email {
	char		*email;		/* NULL: a free slot */
	uint32_t	 id;
};

static size_t
import_email_hash(const char *email)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (; *email != '\0'; email++)
		h = (h ^ (unsigned char)*email) * 0x100000001b3ULL;
	return (size_t)(h ^ h >> 32);
}

/* The slot of email in the table: where it is, or the free one for it. */
static struct import_email *
import_email_slot(struct import_email *v, size_t cap, const char *email)
{
	size_t i;

	for (i = import_email_hash(email) & (cap - 1); v[i].email != NULL &&
	    strcmp(v[i].email, email) != 0; i = (i + 1) & (cap - 1))
		;
	return &v[i];
}

/* The officer found before by this (lower-cased) e-mail, 0 if none. */
static uint32_t
import_email_find(const struct import *im, const char *email)
{
	if (im->nemails == 0)
		return 0;
	return import_email_slot(im->emails, im->capemails, email)->id;
}

static void
import_email_keep(struct import *im, const char *email, uint32_t id)
{
	struct import_email *old = im->emails, *e;
	size_t oldcap = im->capemails, i;

	if ((im->nemails + 1) * 2 > im->capemails) {
		im->capemails = oldcap ? oldcap * 2 : 1024;
		im->emails = xcalloc(im->capemails, sizeof *im->emails);
		for (i = 0; i < oldcap; i++)
			if (old[i].email != NULL)
				*import_email_slot(im->emails, im->capemails,
				    old[i].email) = old[i];
		free(old);
	}
	e = import_email_slot(im->emails, im->capemails, email);
	e->email = xstrdup(email);
	e->id = id;
	im->nemails++;
}

static void
import_emails_free(struct import *im)
{
	size_t i;

	for (i = 0; i < im->capemails; i++)
		free(im->emails[i].email);
	free(im->emails);
	im->emails = NULL;
	im->nemails = im->capemails = 0;
}

/* The line that matched officer id in this file, 0 if none. */
static uint32_t
import_seen(const struct import *im, uint32_t id)
{
	return id < im->capseen ? im->seen[id] : 0;
}

static void
import_see(struct import *im, uint32_t id, uint32_t line)
{
	size_t had = im->capseen;

	if (id >= had) {
		im->seen = xgrow(im->seen, &im->capseen, (size_t)id + 1,
		    sizeof *im->seen);
		memset(im->seen + had, 0, (im->capseen - had) *
		    sizeof *im->seen);
	}
	im->seen[id] = line;
}

/*
 * The length of the blank that begins at p and looks like none, which
 * the cell's edges lose as they lose spaces: the ideographic space a
 * Chinese input method types (U+3000), and the no-break space a copy
 * from a web page brings (U+00A0); 0 for anything else.
 */
static size_t
import_wide_blank(const char *p)
{
	if (strncmp(p, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (strncmp(p, "\xc2\xa0", 2) == 0)
		return 2;
	return 0;
}

/* Blanks of either kind, ASCII or not, cut from the end of buf. */
static void
import_trim_wide(char *buf)
{
	size_t n = strlen(buf);

	for (;;)
		if (n > 0 && strchr(" \t\n", buf[n - 1]) != NULL)
			n--;
		else if (n >= 3 && import_wide_blank(buf + n - 3) == 3)
			n -= 3;
		else if (n >= 2 && import_wide_blank(buf + n - 2) == 2)
			n -= 2;
		else
			break;
	buf[n] = '\0';
}

/*
 * The cell of column col in row, unguarded and trimmed (of the blanks
 * import_wide_blank knows too), into buf (n bytes); NULL if absent.
 * Needs nothing but the header: the reading thread runs it too
 * (import_officer_prep). A line break inside a cell is stored as LF,
 * whatever Excel wrote (CRLF, or CR alone). One pass: this runs for
 * every cell of a million rows.
 */
static const char *
import_cell_of(const struct import_header *h, const struct table_row *row,
    enum import_col col, char *buf, size_t n)
{
	int i = h->col[col];
	const char *r;
	char *w = buf, *end = buf;	/* end: past the last non-blank */
	unsigned high = 0;		/* the cell's bytes, or'd */

	if (i == 0 || (size_t)i > row->nfields)
		return NULL;
	r = csv_cell_unguard(row->fields[i - 1]);
	for (;;)
		if (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n')
			r++;
		else if ((unsigned char)*r >= 0x80 && import_wide_blank(r) != 0)
			r += import_wide_blank(r);
		else
			break;
	for (; *r != '\0' && w < buf + n - 1; r++) {
		char ch = *r;

		if (ch == '\r') {
			ch = '\n';
			if (r[1] == '\n')
				r++;
		}
		*w++ = ch;
		high |= (unsigned char)ch;
		if (ch != ' ' && ch != '\t' && ch != '\n')
			end = w;
	}
	*end = '\0';
	/* What only ASCII means anything in: typed full-width, folded
	 * (each form below starts with a byte past 0x7f; most such
	 * cells have none, and are not looked at again). */
	if (!(high & 0x80))
		return buf;
	import_trim_wide(buf);
	switch (col) {
	case COL_EMAIL: case COL_UPN: case COL_PHONE: case COL_EXT:
	case COL_AGENCY_CODE:
	case COL_CODE: case COL_START_DATE: case COL_END_DATE:
	case COL_MEETING: case COL_DATE:
		if (strchr(buf, '\xef') != NULL || strstr(buf, "\xe3\x80\x80")
		    != NULL || strstr(buf, "\xe2\x80") != NULL) {
			char *copy = xstrdup(buf);

			import_fold(copy, buf, n);
			free(copy);
		}
		break;
	default:
		break;
	}
	return buf;
}

static const char *
import_cell(struct import *im, const struct table_row *row, enum import_col col,
    char *buf, size_t n)
{
	return import_cell_of(&im->h, row, col, buf, n);
}

/* The header text of column col, for messages ("電子郵件"). */
static const char *
import_colname(const struct import *im, enum import_col col)
{
	int i = im->h.col[col];

	if (i == 0 || (size_t)i > im->nheader)
		return "";
	return im->header_copy[i - 1];
}

static int
import_agency_cmp(const void *a, const void *b)
{
	return strcmp(((const struct import_agency *)a)->key,
	    ((const struct import_agency *)b)->key);
}

/* Load every agency's name and code, sorted, for lookups by either. */
static int
import_agencies_load(struct import *im)
{
	struct store_cursor *cur;
	struct agency a;
	size_t n = store_count(im->t, IX_AGENCY, NULL), cap = n + 64;
	int rc;

	free(im->agencies);
	free(im->codes);
	im->agencies = xcalloc(cap, sizeof *im->agencies);
	im->codes = xcalloc(cap, sizeof *im->codes);
	im->nagencies = 0;
	if ((rc = store_cursor_open(im->t, IX_AGENCY, NULL, &cur,
	    im->cause)) != 0)
		return rc;
	while (im->nagencies < n && store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, &a, NULL) == 0) {
			str_copy(im->agencies[im->nagencies].key, a.name,
			    sizeof a.name);
			str_copy(im->codes[im->nagencies].key, a.code,
			    sizeof a.code);
			im->codes[im->nagencies].id = a.h.id;
			im->agencies[im->nagencies++].id = a.h.id;
		}
	store_cursor_close(cur);
	qsort(im->agencies, im->nagencies, sizeof *im->agencies,
	    import_agency_cmp);
	qsort(im->codes, im->nagencies, sizeof *im->codes, import_agency_cmp);
	return 0;
}

static uint32_t
import_agency_by_name(struct import *im, const char *name)
{
	struct import_agency key, *found;

	/* A longer name is no agency's: never matched by its beginning. */
	if (str_copy(key.key, name, sizeof key.key) != 0)
		return 0;
	found = bsearch(&key, im->agencies, im->nagencies,
	    sizeof *im->agencies, import_agency_cmp);
	/* A name several agencies share (kept from before such names were
	 * refused) is none of them: the caller says which to choose from. */
	if (found == NULL || (found > im->agencies &&
	    strcmp(found[-1].key, key.key) == 0) ||
	    (found + 1 < im->agencies + im->nagencies &&
	    strcmp(found[1].key, key.key) == 0))
		return 0;
	return found->id;
}

/*
 * When several agencies have the name, the sentence that refuses a row
 * naming it, their codes to choose from and fix, what to do (a new
 * string); else NULL.
 */
static char *
import_agency_shared(struct import *im, const char *name, const char *fix)
{
	struct import_agency key, *found, *p;
	struct agency a;
	char them[512];
	size_t used = 0, n = 0;

	if (str_copy(key.key, name, sizeof key.key) != 0 ||
	    (found = bsearch(&key, im->agencies, im->nagencies,
	    sizeof *im->agencies, import_agency_cmp)) == NULL)
		return NULL;
	while (found > im->agencies && strcmp(found[-1].key, name) == 0)
		found--;
	them[0] = '\0';
	for (p = found; p < im->agencies + im->nagencies &&
	    strcmp(p->key, name) == 0; p++, n++)
		if (store_agency_get(im->t, p->id, &a, NULL) == 0 &&
		    used < sizeof them) {
			used += (size_t)snprintf(them + used,
			    sizeof them - used, "%s%s (#%u)", used ? _(", ") :
			    "", a.code, a.h.id);
			str_utf8_cut(them);
		}
	if (n < 2)
		return NULL;
	return xasprintf(_("%zu agencies have this name: %s; %s (or give "
	    "them their full names), and import again"), n, them, fix);
}

/*
 * A name as a clerk may type another's: without spaces (U+3000 too), and
 * with the variants 内 for 內 and 台 for 臺 read as the standard forms.
 */
static void
import_name_fold(const char *in, char *out, size_t n)
{
	size_t o = 0;

	while (*in != '\0' && o + 4 < n) {
		if (*in == ' ' || *in == '\t')
			in++;
		else if (strncmp(in, "\xe3\x80\x80", 3) == 0)	/* U+3000 */
			in += 3;
		else if (strncmp(in, "\xe5\x86\x85", 3) == 0) {	/* 内 */
			memcpy(out + o, "\xe5\x85\xa7", 3);	/* 內 */
			o += 3;
			in += 3;
		} else if (strncmp(in, "\xe5\x8f\xb0", 3) == 0) {	/* 台 */
			memcpy(out + o, "\xe8\x87\xba", 3);	/* 臺 */
			o += 3;
			in += 3;
		} else
			out[o++] = *in++;
	}
	out[o] = '\0';
}

/*
 * When name is no agency's but one's as typed differently (spaces, 内
 * for 內, 台 for 臺) or the end of one's full name (警政署 for
 * 內政部警政署): the sentence that refuses it, naming them (a new
 * string); else NULL.
 */
static char *
import_agency_near(struct import *im, const char *name)
{
	char want[OGPO_NAME_MAX * 2 + 8], have[OGPO_NAME_MAX * 2 + 8];
	char them[512];
	size_t i, wl, hl, used = 0, n = 0;
	struct agency a;

	import_name_fold(name, want, sizeof want);
	/* Two characters at least: 部 alone ends too many. */
	if ((wl = strlen(want)) < 6)
		return NULL;
	them[0] = '\0';
	for (i = 0; i < im->nagencies; i++) {
		import_name_fold(im->agencies[i].key, have, sizeof have);
		hl = strlen(have);
		if (hl < wl || strcmp(have + hl - wl, want) != 0 ||
		    store_agency_get(im->t, im->agencies[i].id, &a, NULL) != 0)
			continue;
		if (n++ < 3 && used < sizeof them) {
			used += (size_t)snprintf(them + used, sizeof them -
			    used, "%s%s (%s)", used ? _(", ") : "", a.name,
			    a.code);
			str_utf8_cut(them);
		}
	}
	if (n == 0)
		return NULL;
	return xasprintf(_("is no agency's name as ogpo has it, but %s%s "
	    "is near it; write the agency's full name as it has it, or its "
	    "code in a 機關代碼 column, and import again"), them,
	    n > 3 ? _(", …") : "");
}

/* An agency by code, in any case, without a read per row. */
static uint32_t
import_agency_by_code(struct import *im, const char *code)
{
	struct import_agency key, *found;
	char *p;

	if (str_copy(key.key, code, sizeof key.key) != 0)
		return 0;
	for (p = key.key; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	found = bsearch(&key, im->codes, im->nagencies, sizeof *im->codes,
	    import_agency_cmp);
	return found ? found->id : 0;
}

/*
 * The agency a code cell names, knowing what a spreadsheet does to a code
 * of digits: 0800 in a CSV opened in LibreOffice or Excel comes back as
 * 800, which is no agency's code, or another agency's. A code of digits
 * that some agency's code with leading zeros reads as is taken for one
 * of them only when the row says which: prefer, the agency the row names
 * beside the code (its name), or keep, the one the record has now (0:
 * none; a cell holding its code as a spreadsheet shows it as a number is
 * that agency, as a cell holding any stored text so is). Otherwise it is
 * refused, *why saying which agencies it may be and what to do (free it),
 * ambiguous ending with hint: never taken for the one or the other.
 * Returns the agency's id; 0 with *why NULL when no agency has the code.
 */
static uint32_t
import_agency_code(struct import *im, const char *code, uint32_t prefer,
    uint32_t keep, const char *hint, char **why)
{
	char padded[OGPO_CODE_MAX + 1], them[512];
	uint32_t exact, id, kept = 0, preferred = 0;
	size_t len = strlen(code), k, n = 0;
	struct agency a;

	*why = NULL;
	exact = import_agency_by_code(im, code);
	if (len == 0 || len >= OGPO_CODE_MAX || code[0] == '0' ||
	    strspn(code, "0123456789") != len)
		return exact;
	them[0] = '\0';
	for (k = 1; k + len <= OGPO_CODE_MAX; k++) {
		memset(padded, '0', k);
		memcpy(padded + k, code, len + 1);
		if ((id = import_agency_by_code(im, padded)) == 0)
			continue;
		if (id == keep)
			kept = id;
		if (id == prefer)
			preferred = id;
		if (n++ < 3 && store_agency_get(im->t, id, &a, NULL) == 0) {
			size_t used = strlen(them);

			snprintf(them + used, sizeof them - used, "%s%s (%s)",
			    used ? _(", ") : "", a.code, a.name);
			str_utf8_cut(them);
		}
	}
	if (n == 0 || (prefer != 0 && prefer == exact))
		return exact;
	if (preferred != 0)
		return preferred;
	if (keep != 0 && keep == exact)
		return exact;
	if (kept != 0)
		return kept;
	if (exact == 0)
		*why = xasprintf(_("is no agency's code, but %s is, with its "
		    "leading zero: a spreadsheet took the code for a number "
		    "and dropped the zero; type the code again as text (the "
		    "cell formatted as text), or send the list as .ods or "
		    ".xlsx, and import again"), them);
	else if (store_agency_get(im->t, exact, &a, NULL) == 0)
		*why = xasprintf(_("is the code of %s, but may also be %s with "
		    "its leading zero dropped by a spreadsheet that took the "
		    "code for a number; %s"), a.name, them, hint);
	return 0;
}

/* Agency id is one the file lists officers of (or agencies under). */
static void
import_cover(struct import *im, uint32_t id)
{
	size_t i;

	/* The rows of one agency come together: the last is checked first. */
	for (i = im->ncovered; i > 0; i--)
		if (im->covered[i - 1] == id)
			return;
	if (im->ncovered == im->capcovered)
		im->covered = xgrow(im->covered, &im->capcovered,
		    im->ncovered + 1, sizeof *im->covered);
	im->covered[im->ncovered++] = id;
}

/*
 * A row deleted from a sheet removes no one, and a coordinator who
 * deleted a departed officer's row expects them gone: say, per agency the
 * file lists, who in office is not in it and stays, and how to end or
 * remove them. Into im->res->absent; 0 or a status with *cause.
 */
static int
import_absent(struct import *im)
{
	struct officer *o = xmalloc(sizeof *o);
	struct agency a;
	char today[OGPO_DATE_MAX + 1], *all = NULL, *names = NULL;
	uint32_t *ids, first = 0;
	size_t i, k, n, gone;

	date_today(today);
	for (i = 0; i < im->ncovered; i++) {
		if (store_agency_get(im->t, im->covered[i], &a, NULL) != 0)
			continue;
		n = store_group_ids(im->t, IX_OFFICER_AGENCY, a.h.id, &ids);
		gone = 0;
		for (k = 0; k < n; k++) {
			if (import_seen(im, ids[k]) != 0 ||
			    store_officer_get(im->t, ids[k], o, NULL) != 0 ||
			    (o->end_date[0] != '\0' &&
			    strcmp(o->end_date, today) < 0))
				continue;
			if (gone++ == 0)
				first = o->h.id;
			/* TRANSLATORS: the list's separator, then an
			 * officer's name and record number. */
			if (gone <= 5)
				xappendf(&names, _("%s%s (#%u)"), names ?
				    _(", ") : "", o->name, o->h.id);
			else if (gone == 6)
				xappendf(&names, "%s", _(", …"));
		}
		free(ids);
		if (gone == 0)
			continue;
		xappendf(&all, ngettext("%s %s: %zu officer in office is not "
		    "in the file and stays as they are (an import removes no "
		    "one): %s. ", "%s %s: %zu officers in office are not in "
		    "the file and stay as they are (an import removes no one): "
		    "%s. ", gone), a.code, a.name, gone, names);
		free(names);
		names = NULL;
		if (im->o->screen)
			xappendf(&all, "%s", _("To end a designation, E on "
			    "the Officers tab; a record made in error, d "
			    "there."));
		else if (gone == 1)
			xappendf(&all, _("To end the designation: ogpo set "
			    "officer %u end_date=YYYY-MM-DD; a record made in "
			    "error: ogpo delete officer %u."), first, first);
		else
			xappendf(&all, "%s", _("To end a designation: ogpo "
			    "set officer ID end_date=YYYY-MM-DD, ID as listed; "
			    "a record made in error: ogpo delete officer ID."));
		xappendf(&all, "\n");
	}
	free(o);
	free(im->res->absent);
	im->res->absent = all;
	return 0;
}

/* The mark an agency row leaves under its code (any case): "code:MOI". */
static void
import_code_key(char *key, size_t n, const char *code)
{
	snprintf(key, n, "code:%s", code);
	for (char *p = key + 5; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

/*
 * A row deleted from an agency list removes no agency either: say, per
 * parent the file lists agencies under (or the top of the tree), which
 * agencies under it are not in the file and stay, and how to remove one.
 * A row's code was marked as the row was read (store_mark "code:"), so
 * this runs before the marks are cleared. Into im->res->absent.
 */
static int
import_agencies_absent(struct import *im)
{
	struct agency a, p;
	char key[OGPO_CODE_MAX + 8], one[OGPO_NAME_MAX + OGPO_CODE_MAX + 24];
	char *all = NULL, *names = NULL;
	uint32_t *ids, first = 0;
	size_t i, k, n, gone;

	for (i = 0; i < im->ncovered; i++) {
		n = store_group_ids(im->t, IX_AGENCY_CHILD, im->covered[i],
		    &ids);
		gone = 0;
		for (k = 0; k < n; k++) {
			if (store_agency_get(im->t, ids[k], &a, NULL) != 0)
				continue;
			import_code_key(key, sizeof key, a.code);
			if (store_mark_peek(im->t, key) != 0)
				continue;
			if (gone++ == 0)
				first = a.h.id;
			/* TRANSLATORS: an agency's name, code and record
			 * number. */
			snprintf(one, sizeof one, _("%s (%s, #%u)"), a.name,
			    a.code, a.h.id);
			if (gone <= 5)
				xappendf(&names, "%s%s", names ? _(", ") : "",
				    one);
			else if (gone == 6)
				xappendf(&names, "%s", _(", …"));
		}
		free(ids);
		if (gone == 0)
			continue;
		if (im->covered[i] != 0 && store_agency_get(im->t,
		    im->covered[i], &p, NULL) == 0)
			xappendf(&all, ngettext("%s %s: %zu agency under it is "
			    "not in the file and stays as it is (an import "
			    "removes no agency): %s. ", "%s %s: %zu agencies "
			    "under it are not in the file and stay as they are "
			    "(an import removes no agency): %s. ", gone), p.code,
			    p.name, gone, names);
		else
			xappendf(&all, ngettext("At the top of the tree, %zu "
			    "agency is not in the file and stays as it is (an "
			    "import removes no agency): %s. ", "At the top of "
			    "the tree, %zu agencies are not in the file and "
			    "stay as they are (an import removes no agency): "
			    "%s. ", gone), gone, names);
		free(names);
		names = NULL;
		if (im->o->screen)
			xappendf(&all, "%s", _("To remove an agency, d on the "
			    "Agencies tab."));
		else if (gone == 1)
			xappendf(&all, _("To remove it: ogpo delete agency "
			    "%u."), first);
		else
			xappendf(&all, "%s", _("To remove one: ogpo delete "
			    "agency ID, ID as listed."));
		xappendf(&all, "\n");
	}
	free(im->res->absent);
	im->res->absent = all;
	return 0;
}

/*
 * A row turned away by a step that needs no database (and may run in the
 * reading thread): the column, the value refused and why, for
 * import_refuse to say once the row is the writer's.
 */
struct import_refusal {
	enum import_col	 col;
	const char	*reason;	/* a literal, or buf */
	char		 value[OGPO_DESC_MAX + 1];
	char		 buf[128];
};

static int
import_refusal(struct import_refusal *r, enum import_col col,
    const char *value, const char *reason)
{
	r->col = col;
	str_copy(r->value, value, sizeof r->value);
	r->reason = reason;
	return -1;
}

static int import_reject(struct import *im, const struct table_row *row,
    const char *column, const char *reason);
static int import_refuse(struct import *im, const struct table_row *row,
    enum import_col col, const char *value, const char *reason);

/*
 * A new agency for --create-agencies, under the Executive Yuan, made
 * inside a savepoint before the row is judged, so the row is judged
 * against the agency it will really belong to; if the row is turned
 * away, the savepoint takes the agency back (import_reject). Returns its
 * id, or 0 with the row rejected (a code or name that would not fit is
 * refused, never cut). A status that ends it all goes to *rc.
 */
static uint32_t
import_agency_create(struct import *im, const struct table_row *row,
    enum import_col col, const char *name, const char *code, int *rc)
{
	struct agency a, ey;
	uint32_t root = 0, *roots;
	char *why = NULL, *msg;
	size_t n;

	*rc = 0;
	memset(&a, 0, sizeof a);
	if (str_copy(a.name, name, sizeof a.name) != 0) {
		msg = xasprintf(_("the new agency's name '%s' is longer than "
		    "%d bytes"), name, OGPO_NAME_MAX);
		*rc = import_reject(im, row, import_colname(im, col), msg);
		free(msg);
		return 0;
	}
	if (code != NULL && *code != '\0' &&
	    str_copy(a.code, code, sizeof a.code) != 0) {
		msg = xasprintf(_("the agency code '%s' is longer than %d "
		    "characters"), code, OGPO_CODE_MAX);
		*rc = import_reject(im, row, import_colname(im,
		    COL_AGENCY_CODE), msg);
		free(msg);
		return 0;
	}
	n = store_group_ids(im->t, IX_AGENCY_CHILD, root, &roots);
	if (n > 0 && store_agency_get(im->t, roots[0], &ey, NULL) == 0) {
		a.parent = ey.h.id;
		a.level = ey.level + 1;
	}
	free(roots);
	if (a.code[0] == '\0') {
		/* The first NEWn no agency has taken. */
		unsigned long long k = store_count(im->t, IX_AGENCY, NULL) + 1;

		do
			snprintf(a.code, sizeof a.code, "NEW%llu", k++);
		while (import_agency_by_code(im, a.code) != 0);
	}
	if ((*rc = store_savepoint(im->t, im->cause)) != 0)
		return 0;
	im->savepoint = 1;
	if ((*rc = core_save(im->c, im->t, ENTITY_AGENCY, &a, &why)) != 0) {
		if (*rc == OGPO_FULL || *rc == OGPO_IO || *rc == OGPO_NOMEM) {
			char where[64];

			table_row_name(row, where, sizeof where);
			err_set(im->cause, *rc, "%s: %s", where, why);
			free(why);
			return 0;
		}
		msg = xasprintf(_("the new agency could not be made: %s"), why);
		*rc = import_reject(im, row, import_colname(im, col), msg);
		free(msg);
		free(why);
		return 0;
	}
	if ((*rc = import_agencies_load(im)) != 0)
		return 0;
	return a.h.id;
}

/* The row's new agency stays (the row was stored). */
static int
import_agency_keep(struct import *im)
{
	if (!im->savepoint)
		return 0;
	im->savepoint = 0;
	return store_savepoint_end(im->t, 1, im->cause);
}

/* Remember a rejected row: count it, report it, send it back. */
static int
import_reject(struct import *im, const struct table_row *row,
    const char *column, const char *reason)
{
	const char **fields;
	char *msg, where[64];
	size_t i;
	int rc = 0;

	reason = _(reason);	/* a literal, marked by the Makefile */
	if (im->savepoint) {
		/* The agency made for this row goes with it. */
		im->savepoint = 0;
		if ((rc = store_savepoint_end(im->t, 0, im->cause)) != 0 ||
		    (rc = import_agencies_load(im)) != 0)
			return rc;
	}
	im->res->rejected++;
	if (im->email[0] != '\0') {
		/* A later row with this e-mail is a duplicate too. */
		uint32_t prev;

		if ((rc = store_mark(im->t, im->email, (uint32_t)row->row,
		    &prev, im->cause)) != 0)
			return rc;
		im->marks++;
	}
	table_row_name(row, where, sizeof where);
	if (im->o->on_reject != NULL)
		im->o->on_reject(im->o->arg, where, column, reason);
	if (im->rej == NULL)
		return 0;
	fields = xcalloc(im->nheader + 1, sizeof *fields);
	for (i = 0; i < im->nheader; i++)
		fields[i] = i < row->nfields ? row->fields[i] : "";
	msg = *column ? xasprintf(_("%s, column %s: %s"), where, column,
	    reason) : xasprintf(_("%s: %s"), where, reason);
	fields[im->nheader] = msg;
	rc = table_writer_row(im->rej, fields, im->nheader + 1, im->cause);
	if (rc == TABLE_LACKS)
		rc = 0;		/* the rejects file keeps the rest */
	free(msg);
	free(fields);
	return rc;
}

/*
 * Reject a row quoting the value refused: "'113/13/01' is not a date
 * ..." for a reason that says what the value is, else "'XYZ': no agency
 * has this code ...". A long value is cut, on a character.
 */
static int
import_refuse(struct import *im, const struct table_row *row,
    enum import_col col, const char *value, const char *reason)
{
	char shown[128];
	char *msg;
	int rc;

	reason = _(reason);
	str_copy(shown, value, sizeof shown);
	if (strlen(value) > 60) {
		shown[57] = '\0';
		str_utf8_cut(shown);
		strcat(shown, "…");
	} else
		str_utf8_cut(shown);
	if (strncmp(reason, "is ", 3) == 0 || strncmp(reason, "should ",
	    7) == 0 || strncmp(reason, "could ", 6) == 0 ||
	    strncmp(reason, "looks ", 6) == 0 || strncmp(reason, "holds ",
	    6) == 0)
		msg = xasprintf(_("'%s' %s"), shown, reason);
	else
		msg = xasprintf(_("'%s': %s"), shown, reason);
	rc = import_reject(im, row, import_colname(im, col), msg);
	free(msg);
	return rc;
}

/* Report a change, or a row passed over, to the caller. */
static void
import_change(struct import *im, const struct table_row *row,
    const char *fmt, ...) OGPO_PRINTF(3, 4);

static void
import_change(struct import *im, const struct table_row *row,
    const char *fmt, ...)
{
	va_list ap;
	char *what, where[64];

	if (im->o->on_change == NULL)
		return;
	va_start(ap, fmt);
	what = xvasprintf(_(fmt), ap);
	va_end(ap);
	table_row_name(row, where, sizeof where);
	im->o->on_change(im->o->arg, where, what);
	free(what);
}

/* The column of the file that holds a record's field, by its name. */
static const struct {
	const char	*field;
	enum import_col	 col;
} import_fields[] = {
	{ "name", COL_NAME }, { "email", COL_EMAIL },
	{ "agency", COL_AGENCY }, { "title", COL_TITLE },
	{ "role", COL_ROLE }, { "supervisor", COL_SUPERVISOR },
	{ "function", COL_FUNCTION }, { "phone", COL_PHONE },
	{ "ext", COL_EXT }, { "civil_servant", COL_CIVIL_SERVANT },
	{ "start_date", COL_START_DATE }, { "end_date", COL_END_DATE },
	{ "note", COL_NOTE }, { "code", COL_CODE }, { "parent", COL_PARENT },
	{ "level", COL_LEVEL }, { "status", COL_STATUS },
	{ "proxy", COL_PROXY },
};

/* The file's own header for field, or "" when it has no such column. */
static const char *
import_field_col(const struct import *im, const char *field)
{
	size_t i;

	for (i = 0; i < sizeof import_fields / sizeof import_fields[0]; i++)
		if (strcmp(import_fields[i].field, field) == 0) {
			if (im->h.col[import_fields[i].col] != 0)
				return import_colname(im, import_fields[i].col);
			if (import_fields[i].col == COL_AGENCY)
				return import_colname(im, COL_AGENCY_CODE);
			return "";
		}
	return "";
}

/* import_diff_text's column names, for the officer and agency sheets. */
static const char *
import_diff_col(const void *arg, const char *field)
{
	return import_field_col(arg, field);
}

size_t
import_diff_text(struct store_txn *t, enum entity_kind kind, const void *old,
    const void *rec, const char *(*col)(const void *arg, const char *field),
    const void *arg, char *buf, size_t n)
{
	const struct schema *s = schema_of(kind);
	char a[OGPO_DESC_MAX + 64], b[OGPO_DESC_MAX + 64];
	const char *name;
	size_t i, used = 0, count = 0;

	buf[0] = '\0';
	for (i = 0; i < s->nfields; i++) {
		if (s->fields[i].flags & FIELD_HEAD)
			continue;
		schema_format(&s->fields[i], old, a, sizeof a);
		schema_format(&s->fields[i], rec, b, sizeof b);
		if (strcmp(a, b) == 0)
			continue;
		core_field_text(t, &s->fields[i], old, a, sizeof a);
		core_field_text(t, &s->fields[i], rec, b, sizeof b);
		if (strcmp(a, b) == 0)
			continue;
		count++;
		if (used >= n)
			continue;
		name = col(arg, s->fields[i].name);
		if (*name == '\0')
			name = _(s->fields[i].label);
		used += (size_t)snprintf(buf + used, n - used, "%s%s %s → %s",
		    used ? _("; ") : "", name, a[0] ? a : _("(empty)"),
		    b[0] ? b : _("(empty)"));
	}
	if (used >= n && n > 4)
		strcpy(buf + n - 4, "…");	/* cut on a character */
	return count;
}

static size_t
import_diff(struct import *im, enum entity_kind kind, const void *old,
    const void *rec, char *buf, size_t n)
{
	return import_diff_text(im->t, kind, old, rec, import_diff_col, im,
	    buf, n);
}

/* Copy a cell into a string field; -1 with *r filled if it does not fit. */
static int
import_set_of(const struct import_header *h, const struct table_row *row,
    enum import_col col, char *dst, size_t n, struct import_refusal *r)
{
	char cell[OGPO_DESC_MAX + 1];
	const char *v = import_cell_of(h, row, col, cell, sizeof cell);

	/* dst holds what is stored: a spreadsheet's number of it keeps it. */
	if (v == NULL || import_same_number(dst, v))
		return 0;
	if (import_lost(dst, v))
		return import_refusal(r, col, v, "holds ? or � where a "
		    "character was: the file was probably saved as Big5 (ANSI) "
		    "by a program that had no Big5 form for it; save it as "
		    "UTF-8 or .ods and import again");
	if (str_copy(dst, v, n) != 0) {
		snprintf(r->buf, sizeof r->buf, _("is too long (at most %zu "
		    "bytes)"), n - 1);
		return import_refusal(r, col, v, r->buf);
	}
	return 0;
}

/* 1 if the row has col and something is written in it. */
static int
import_filled(struct import *im, const struct table_row *row,
    enum import_col col)
{
	char cell[OGPO_DESC_MAX + 1];
	const char *v = import_cell(im, row, col, cell, sizeof cell);

	return v != NULL && *v != '\0';
}

/* Copy a cell into a string field; complain if it does not fit. */
static int
import_set(struct import *im, const struct table_row *row, enum import_col col,
    char *dst, size_t n)
{
	struct import_refusal r;

	if (import_set_of(&im->h, row, col, dst, n, &r) != 0) {
		import_refuse(im, row, r.col, r.value, r.reason);
		return -1;
	}
	return 0;
}

/* What the reading thread found of a record it made (import_apply). */
#define APPLY_NORMAL	0x1	/* core_normalise would change nothing */
#define APPLY_CHECKED	0x2	/* core_check_text finds nothing wrong */

/*
 * Save rec (kind) unless it equals what is stored; report the outcome.
 * Rows that break a rule are rejected naming the column at fault.
 * known: APPLY_* of rec, or 0.
 */
static int
import_apply(struct import *im, const struct table_row *row,
    enum entity_kind kind, void *rec, const void *old, const char *label,
    int known)
{
	struct core_fault faults[4];
	char diff[512], *why = NULL;
	const char *column = "";
	size_t n;
	int rc;

	/* Text the reading thread found in order is not looked at again:
	 * what is left finds what core_check would. */
	if (!(known & APPLY_NORMAL))
		core_normalise(kind, rec);
	if ((n = (known & APPLY_CHECKED) ? core_check_rest(im->t, kind, rec,
	    faults, 4) :
	    core_check(im->t, kind, rec, faults, 4)) > 0) {
		if (faults[0].field != NULL)
			column = import_field_col(im, faults[0].field->name);
		return import_reject(im, row, column, faults[0].msg);
	}
	if (old != NULL && import_diff(im, kind, old, rec, diff,
	    sizeof diff) == 0) {
		im->res->unchanged++;
		return 0;
	}
	if ((rc = core_save_checked(im->c, im->t, kind, rec, &why)) != 0) {
		if (rc == OGPO_FULL || rc == OGPO_IO || rc == OGPO_NOMEM) {
			char where[64];

			table_row_name(row, where, sizeof where);
			err_set(im->cause, rc, "%s: %s", where, why);
			free(why);
			return rc;
		}
		rc = import_reject(im, row, "", why);
		free(why);
		return rc;
	}
	if (old != NULL) {
		im->res->updated++;
		import_change(im, row, "updated %s: %s", label, diff);
	} else {
		im->res->added++;
		import_change(im, row, "added %s", label);
	}
	return 0;
}

/*
 * The steps of an officer row that need no database, in two parts taken
 * before and after the agency (which may be made for the row): the
 * cells copied into o, then the role and the rest read and looked over.
 * old is the officer stored, NULL for a new one. Each returns 0, or -1
 * with *r saying why the row is turned away.
 */
static int
import_officer_cells(const struct import_header *h,
    const struct table_row *row, struct officer *o, struct import_refusal *r)
{
	char cell[OGPO_DESC_MAX + 1], ext[sizeof o->ext];
	const char *v;

	if (import_set_of(h, row, COL_NAME, o->name, sizeof o->name, r) ||
	    import_set_of(h, row, COL_TITLE, o->title, sizeof o->title, r) ||
	    import_set_of(h, row, COL_PHONE, o->phone, sizeof o->phone, r) ||
	    import_set_of(h, row, COL_EXT, o->ext, sizeof o->ext, r) ||
	    import_set_of(h, row, COL_NOTE, o->note, sizeof o->note, r))
		return -1;
	/* 02-2345-6789 分機123 in the phone's cell: the extension goes
	 * where it belongs, unless the row's own extension says otherwise. */
	if (import_phone_ext(o->phone, ext, sizeof ext)) {
		v = import_cell_of(h, row, COL_EXT, cell, sizeof cell);
		if (v != NULL && *v != '\0' && strcmp(v, ext) != 0) {
			snprintf(r->buf, sizeof r->buf, _("ends in the "
			    "extension %s, but the extension column holds %s; "
			    "write the extension in one of them, and import "
			    "again"), ext, v);
			return import_refusal(r, COL_PHONE, import_cell_of(h,
			    row, COL_PHONE, cell, sizeof cell), r->buf);
		}
		str_copy(o->ext, ext, sizeof o->ext);
	}
	return 0;
}

static int
import_officer_rest(const struct import_header *h,
    const struct table_row *row, struct officer *o, const struct officer *old,
    struct import_refusal *r)
{
	char cell[OGPO_DESC_MAX + 1];
	const char *v, *why;
	uint32_t supv, yes;
	int lost;

	/* An empty role cell keeps what is stored (a new officer: PO). */
	if ((v = import_cell_of(h, row, COL_ROLE, cell, sizeof cell)) !=
	    NULL && *v != '\0') {
		if (import_role(v, &o->role, &supv, &why) != 0)
			return import_refusal(r, COL_ROLE, v, why);
		/* 督導 alone keeps a supervisor's stored kind. */
		o->supervisor = supv != 0 ? supv : old != NULL &&
		    old->role == ROLE_SUPERVISOR && o->role ==
		    ROLE_SUPERVISOR ? old->supervisor : 0;
		if (o->role != ROLE_MEMBER)
			o->function = FUNC_NONE;
	}
	if ((v = import_cell_of(h, row, COL_SUPERVISOR, cell,
	    sizeof cell)) != NULL && *v != '\0' && o->role == ROLE_SUPERVISOR) {
		if (import_role(v, &supv, &o->supervisor, &why) != 0 ||
		    o->supervisor == 0)
			return import_refusal(r, COL_SUPERVISOR, v, "should be "
			    "副首長 (deputy head) or 資訊長 (CIO)");
	}
	if (o->role == ROLE_SUPERVISOR && o->supervisor == 0)
		/* 督導 alone: the title may say which (副部長, 資訊長 …). */
		o->supervisor = import_title_supervisor(o->title);
	if ((v = import_cell_of(h, row, COL_FUNCTION, cell, sizeof cell)) !=
	    NULL && *v != '\0' && o->role == ROLE_MEMBER &&
	    model_enum_parse(&model_functions, v, &o->function) != 0)
		return import_refusal(r, COL_FUNCTION, v, "is not 國會聯絡, "
		    "新聞聯絡, 資訊, 管考 or 業務");
	if ((v = import_cell_of(h, row, COL_CIVIL_SERVANT, cell,
	    sizeof cell)) != NULL && *v != '\0') {
		if (import_yesno(v, &yes, &why) != 0)
			return import_refusal(r, COL_CIVIL_SERVANT, v, why);
		o->civil_servant = yes;
	}
	if ((v = import_cell_of(h, row, COL_START_DATE, cell, sizeof cell)) !=
	    NULL && import_date(v, o->start_date, &why) != 0)
		return import_refusal(r, COL_START_DATE, v, why);
	if ((v = import_cell_of(h, row, COL_END_DATE, cell, sizeof cell)) !=
	    NULL && import_date(v, o->end_date, &why) != 0)
		return import_refusal(r, COL_END_DATE, v, why);
	/* 民國99年 typed as 99/3/1 is 1999-03-01 to a spreadsheet: any
	 * two-digit year is 19xx or 20xx to it, and nothing in the cell
	 * says which was typed. A day of those years that would land is
	 * refused; one already stored passes unchanged. */
	if (table_two_digit(o->start_date, old ? old->start_date : ""))
		return import_refusal(r, COL_START_DATE, import_cell_of(h,
		    row, COL_START_DATE, cell, sizeof cell), IMPORT_TWO_DIGIT);
	if (table_two_digit(o->end_date, old ? old->end_date : ""))
		return import_refusal(r, COL_END_DATE, import_cell_of(h, row,
		    COL_END_DATE, cell, sizeof cell), IMPORT_TWO_DIGIT);
	/* What spreadsheets and conversions do to data, said as such; a
	 * number stored already is no news. */
	if ((old == NULL || strcmp(old->phone, o->phone) != 0) &&
	    (lost = import_phone_lost_zero(o->phone)) != 0) {
		if (lost == IMPORT_PHONE_PLUS)
			return import_refusal(r, COL_PHONE, o->phone, N_("looks "
			    "like an international phone number that lost its "
			    "leading + (a spreadsheet took it for a number); "
			    "write it as text, as +886-2-2345-6789, and import "
			    "again"));
		if (lost == IMPORT_PHONE_SHORT)
			return import_refusal(r, COL_PHONE, o->phone, !h->sheet ?
			    N_("looks like a phone number that lost its leading "
			    "zero (a spreadsheet took it for a number), or one "
			    "without its area code; write it as text, whole, "
			    "as 07-123-4567, or send the list as .ods, and "
			    "import again") :
			    N_("looks like a phone number that lost its leading "
			    "zero, or one without its area code: the cell holds "
			    "a number; format the cell as text, type the number "
			    "again whole, as 07-123-4567, and import again"));
		/* A sheet already keeps text as text: its cell is a number. */
		return import_refusal(r, COL_PHONE, o->phone, !h->sheet ?
		    N_("looks like a phone number that lost its leading zero "
		    "(a spreadsheet took it for a number); write it as text, "
		    "with the 0, or send the list as .ods, and import again") :
		    N_("looks like a phone number that lost its leading zero: "
		    "the cell holds a number; format the cell as text, type "
		    "the number again with its 0, and import again"));
	}
	if (import_garbled(o->name) || import_garbled(o->title)) {
		int title = !import_garbled(o->name);

		return import_refusal(r, title ? COL_TITLE : COL_NAME,
		    title ? o->title : o->name, "holds ? or � where a "
		    "character was: the file was probably saved as Big5 "
		    "(ANSI) by a program that had no Big5 form for it; save "
		    "it as UTF-8 or .ods and import again");
	}
	return 0;
}

/*
 * An officer row as the reading thread takes it ahead of the writer
 * (table_ahead_start_prep): the officer it makes if its e-mail is new to
 * the database, which is most rows of a large import, and whether that
 * officer's text passes the checks that need no database.
 */
struct import_prep {
	int		 ok;		/* no step refuses a new officer */
	int		 known;		/* and APPLY_* of it */
	struct officer	 o;		/* without its agency */
};

static void
import_officer_prep(void *arg, const struct table_row *row, void *out)
{
	const struct import_header *h = arg;
	struct import_prep *p = out;
	struct import_refusal r;
	char cell[OGPO_DESC_MAX + 1];
	const char *v;

	memset(p, 0, sizeof *p);
	v = import_cell_of(h, row, COL_EMAIL, cell, sizeof cell);
	if (v == NULL || *v == '\0' || strlen(v) > OGPO_EMAIL_MAX)
		return;		/* the writer says so */
	/* As import_officer_row starts a new officer. */
	p->o.role = ROLE_PO;
	p->o.civil_servant = 1;
	str_copy(p->o.email, v, sizeof p->o.email);
	if (import_officer_cells(h, row, &p->o, &r) != 0 ||
	    import_officer_rest(h, row, &p->o, NULL, &r) != 0)
		return;
	p->ok = 1;
	{
		struct officer *n = xmalloc(sizeof *n);

		*n = p->o;
		core_normalise(ENTITY_OFFICER, n);
		/* Normal already, as a file's cells mostly are: the
		 * writer need not go over it again (a twentieth of its
		 * time). */
		if (memcmp(n, &p->o, sizeof *n) == 0)
			p->known |= APPLY_NORMAL;
		if (core_check_text(ENTITY_OFFICER, n) == 0)
			p->known |= APPLY_CHECKED;
		free(n);
	}
}

/*
 * One officer row. prep, if not NULL, is what the reading thread made
 * of it (import_officer_prep), used (and changed) when the row is a new
 * officer.
 * Returns non-zero only for errors that end it all.
 */
static int
import_officer_row(struct import *im, const struct table_row *row,
    struct import_prep *prep)
{
	struct officer *o, *stored, *old = NULL;
	struct import_refusal r;
	char cell[OGPO_DESC_MAX + 1], email[OGPO_EMAIL_MAX + 1];
	char label[OGPO_NAME_MAX + OGPO_EMAIL_MAX + 8];
	const char *v;
	uint32_t seen;
	int rc = 0, ahead;

	if (im->officers == NULL)
		im->officers = xmalloc(2 * sizeof *im->officers);
	o = &im->officers[0];
	stored = &im->officers[1];
	v = import_cell(im, row, COL_EMAIL, cell, sizeof cell);
	if (v == NULL || *v == '\0') {
		rc = import_reject(im, row, import_colname(im, COL_EMAIL),
		    "an e-mail address is required: it tells officers apart");
		goto done;
	}
	if (strlen(v) > OGPO_EMAIL_MAX) {
		rc = import_refuse(im, row, COL_EMAIL, v, "is too long for an "
		    "e-mail address (at most 128 characters)");
		goto done;
	}
	str_lower(email, v, sizeof email);
	seen = im->marks > 0 ? store_mark_peek(im->t, email) : 0;
	if (seen == 0 && store_officer_by_email(im->t, email, stored,
	    NULL) == 0) {
		old = stored;
		*o = *old;
		if ((seen = import_seen(im, old->h.id)) == 0)
			import_see(im, old->h.id, (uint32_t)row->row);
	}
	str_copy(im->email, email, sizeof im->email);
	if (seen != 0) {
		char why2[128];

		snprintf(why2, sizeof why2, _("the same e-mail is on row %u too"),
		    seen);
		rc = import_refuse(im, row, COL_EMAIL, v, why2);
		goto done;
	}
	/* A new officer the reading thread has made already, with every
	 * step but the agency's taken as below: worked on where it lies. */
	ahead = old == NULL && prep != NULL && prep->ok;
	if (ahead)
		o = &prep->o;
	else if (old == NULL) {
		memset(o, 0, sizeof *o);
		o->role = ROLE_PO;
		o->civil_servant = 1;
		str_copy(o->email, v, sizeof o->email);
	}
	if (!ahead && import_officer_cells(&im->h, row, o, &r) != 0) {
		rc = import_refuse(im, row, r.col, r.value, r.reason);
		goto done;
	}
	if ((v = import_cell(im, row, COL_AGENCY_CODE, cell,
	    sizeof cell)) != NULL && *v != '\0') {
		char name[OGPO_NAME_MAX + 1];
		const char *nm = import_cell(im, row, COL_AGENCY, name,
		    sizeof name);
		char *why = NULL;

		o->agency = import_agency_code(im, v, nm && *nm ?
		    import_agency_by_name(im, nm) : 0, old ? old->agency : 0,
		    _("write the agency's name beside it, in the 機關 column, "
		    "and import again"), &why);
		if (why != NULL) {
			rc = import_refuse(im, row, COL_AGENCY_CODE, v, why);
			free(why);
			goto done;
		}
		if (o->agency == 0 && im->o->create_agencies) {
			o->agency = import_agency_create(im, row,
			    nm && *nm ? COL_AGENCY : COL_AGENCY_CODE,
			    nm && *nm ? nm : v, v, &rc);
			if (o->agency == 0)
				goto done;
		}
		if (o->agency == 0) {
			rc = im->o->screen ? import_refuse(im, row,
			    COL_AGENCY_CODE, v, "no agency has this code (the "
			    "Agencies tab lists them)") : import_refuse(im,
			    row, COL_AGENCY_CODE, v, "no agency has this code "
			    "(see ogpo list agencies, or use "
			    "--create-agencies)");
			goto done;
		}
	} else if ((v = import_cell(im, row, COL_AGENCY, cell,
	    sizeof cell)) != NULL) {
		char *shared = import_agency_shared(im, v,
		    _("write the code of the one you mean in the 機關代碼 "
		    "column"));

		if (shared != NULL) {
			rc = import_refuse(im, row, COL_AGENCY, v, shared);
			free(shared);
			goto done;
		}
		if ((o->agency = import_agency_by_name(im, v)) == 0 &&
		    *v != '\0' && (shared = import_agency_near(im, v)) !=
		    NULL) {
			/* Not made anew under --create-agencies either. */
			rc = import_refuse(im, row, COL_AGENCY, v, shared);
			free(shared);
			goto done;
		}
		if (o->agency == 0 && im->o->create_agencies && *v != '\0') {
			o->agency = import_agency_create(im, row, COL_AGENCY, v,
			    NULL, &rc);
			if (o->agency == 0)
				goto done;
		}
		if (o->agency == 0) {
			rc = im->o->screen ? import_refuse(im, row,
			    COL_AGENCY, v, "no agency has exactly this name "
			    "(the Agencies tab lists them)") : import_refuse(im,
			    row, COL_AGENCY, v, "no agency has exactly this "
			    "name (see ogpo list agencies, or use "
			    "--create-agencies)");
			goto done;
		}
	}
	if (o->agency != 0)
		import_cover(im, o->agency);
	if (!ahead && import_officer_rest(&im->h, row, o, old, &r) != 0) {
		rc = import_refuse(im, row, r.col, r.value, r.reason);
		goto done;
	}
	label[0] = '\0';	/* only a listener hears it */
	if (im->o->on_change != NULL)
		snprintf(label, sizeof label, "%s <%s>", o->name, o->email);
	rc = import_apply(im, row, ENTITY_OFFICER, o, old, label,
	    ahead ? prep->known : 0);
	if (rc == 0 && old == NULL && o->h.id != 0)
		import_see(im, o->h.id, (uint32_t)row->row);
done:
	if (rc == 0)
		rc = import_agency_keep(im);
	return rc;
}

/* One agency row: code, name, parent (code or exact name), level. */
static int
import_agency_row(struct import *im, const struct table_row *row)
{
	struct agency *a = xcalloc(3, sizeof *a), *old = NULL;
	char cell[OGPO_NAME_MAX * 2], label[OGPO_NAME_MAX + 32];
	const char *v, *why = _("is not a level (1 to 4)");
	uint32_t level;
	int rc = 0;

	v = import_cell(im, row, COL_CODE, cell, sizeof cell);
	if (v == NULL || *v == '\0') {
		rc = import_reject(im, row, import_colname(im, COL_CODE),
		    "a code is required: it tells agencies apart");
		goto done;
	}
	{
		char name[OGPO_NAME_MAX * 2], *why2 = NULL;
		const char *nm = import_cell(im, row, COL_NAME, name,
		    sizeof name);
		uint32_t id, named;

		/* 0800 that a spreadsheet made 800 is found by the name
		 * beside it, never taken for agency 800; a name no agency
		 * has is a new agency 800, as the dry run lists it. */
		named = nm && *nm ? import_agency_by_name(im, nm) : 0;
		id = import_agency_code(im, v, named, 0, _("if the row "
		    "renames the agency, rename it by hand first, and import "
		    "again"), &why2);
		if (why2 != NULL && named == 0 &&
		    import_agency_by_code(im, v) == 0) {
			free(why2);
			why2 = NULL;
		}
		if (why2 != NULL) {
			rc = import_refuse(im, row, COL_CODE, v, why2);
			free(why2);
			goto done;
		}
		if ((id != 0 && store_agency_get(im->t, id, &a[1],
		    NULL) == 0) || (id == 0 && store_agency_by_code(im->t, v,
		    &a[1], NULL) == 0)) {
			old = &a[1];
			a[0] = *old;
		}
	}
	{
		char key[OGPO_CODE_MAX + 8];
		uint32_t seen;

		import_code_key(key, sizeof key, old ? old->code : v);
		if ((rc = store_mark(im->t, key, (uint32_t)row->row, &seen,
		    im->cause)) != 0)
			goto done;
		if (seen != 0) {
			char why2[96];

			snprintf(why2, sizeof why2, _("the same code is on row "
			    "%u too"), seen);
			rc = import_refuse(im, row, COL_CODE, v, why2);
			goto done;
		}
	}
	if (old == NULL && str_copy(a->code, v, sizeof a->code) != 0) {
		rc = import_refuse(im, row, COL_CODE, v, "is too long for an "
		    "agency code");
		goto done;
	}
	if (import_set(im, row, COL_NAME, a->name, sizeof a->name) ||
	    import_set(im, row, COL_NOTE, a->note, sizeof a->note))
		goto done;
	if (import_garbled(a->name)) {
		rc = import_refuse(im, row, COL_NAME, a->name, "holds ? or � "
		    "where a character was: the file was probably saved as "
		    "Big5 (ANSI) by a program that had no Big5 form for it; "
		    "save it as UTF-8 or .ods and import again");
		goto done;
	}
	if ((v = import_cell(im, row, COL_PARENT, cell, sizeof cell)) != NULL &&
	    *v != '\0') {
		char code[sizeof cell], *shared;

		/* A code or a name: a code typed in full width (ＭＯＩ) is
		 * folded as the code columns are; a name is matched as it
		 * is written. */
		import_fold(v, code, sizeof code);
		if (store_agency_by_code(im->t, v, &a[2], NULL) == 0)
			a->parent = a[2].h.id;
		else {
			char *why2 = NULL;

			/* 0800 made 800 by a spreadsheet: the parent it
			 * has now, else refused. */
			a->parent = import_agency_code(im, code, 0, old ?
			    old->parent : 0, _("write the parent's name "
			    "instead of its code, and import again"), &why2);
			if (why2 != NULL) {
				rc = import_refuse(im, row, COL_PARENT, v,
				    why2);
				free(why2);
				goto done;
			}
		}
		if (a->parent == 0 && (shared = import_agency_shared(im, v,
		    _("write the parent's code instead of its name"))) !=
		    NULL) {
			rc = import_refuse(im, row, COL_PARENT, v, shared);
			free(shared);
			goto done;
		}
		if (a->parent == 0 &&
		    (a->parent = import_agency_by_name(im, v)) == 0) {
			rc = import_refuse(im, row, COL_PARENT, v, "no agency "
			    "has this code or name (parents must come before "
			    "their children)");
			goto done;
		}
	}
	if (a->parent != 0 && store_agency_get(im->t, a->parent, &a[2],
	    NULL) == 0)
		a->level = a[2].level + 1;	/* unless the file says */
	if ((v = import_cell(im, row, COL_LEVEL, cell, sizeof cell)) != NULL &&
	    *v != '\0') {
		if (model_enum_parse(&model_levels, v, &level) != 0) {
			rc = import_refuse(im, row, COL_LEVEL, v, why);
			goto done;
		}
		a->level = level;
	}
	import_cover(im, a->parent);
	label[0] = '\0';
	if (im->o->on_change != NULL)
		snprintf(label, sizeof label, _("%s (%s)"), a->name, a->code);
	rc = import_apply(im, row, ENTITY_AGENCY, a, old, label, 0);
	if (rc == 0 && old == NULL)
		import_agencies_load(im);
done:
	free(a);
	return rc;
}

static int
import_invitee_cmp(const void *a, const void *b)
{
	const struct import_invitee *x = a, *y = b;

	if (x->agency != y->agency)
		return x->agency < y->agency ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The officers invited to the meeting at hand, by agency and name. */
static int
import_invitees_load(struct import *im)
{
	struct store_cursor *cur;
	struct attendance *a = xmalloc(sizeof *a);
	struct officer *o = xmalloc(sizeof *o);
	size_t cap = store_count(im->t, IX_ATTENDANCE, &im->meeting->h.id);
	int rc;

	free(im->invitees);
	im->invitees = xcalloc(cap ? cap : 1, sizeof *im->invitees);
	im->ninvitees = 0;
	if ((rc = store_cursor_open(im->t, IX_ATTENDANCE, &im->meeting->h.id,
	    &cur, im->cause)) != 0)
		goto out;
	while (im->ninvitees < cap && store_cursor_move(cur, STORE_NEXT) == 0) {
		struct import_invitee *v = &im->invitees[im->ninvitees];

		if (store_cursor_get(cur, a, NULL) != 0 ||
		    (a->officer & ATTEND_EXTERNAL) ||
		    store_officer_get(im->t, a->officer, o, NULL) != 0)
			continue;
		v->agency = a->agency;
		v->officer = a->officer;
		str_copy(v->name, o->name, sizeof v->name);
		im->ninvitees++;
	}
	store_cursor_close(cur);
	qsort(im->invitees, im->ninvitees, sizeof *im->invitees,
	    import_invitee_cmp);
out:
	free(a);
	free(o);
	return rc;
}

/*
 * The meeting a row names: by its number, or by its date and kind (and,
 * where two such meetings share a day, its title). Returns 0 with
 * im->meeting set, -1 with the row rejected, or a status that ends it.
 */
static int
import_meeting_find(struct import *im, const struct table_row *row, int *rc)
{
	char idc[32], datec[64], kindc[128], titlec[OGPO_TEXT_MAX + 1];
	char key[sizeof im->meeting_key], iso[OGPO_DATE_MAX + 1];
	const char *id, *date, *kind, *title, *why;
	struct store_cursor *cur;
	struct meeting *m;
	uint32_t k, found = 0, n = 0, titled = 0;
	unsigned long v;
	char *end;

	*rc = 0;
	id = import_cell(im, row, COL_MEETING, idc, sizeof idc);
	date = import_cell(im, row, COL_DATE, datec, sizeof datec);
	kind = import_cell(im, row, COL_KIND, kindc, sizeof kindc);
	title = import_cell(im, row, COL_MEETING_TITLE, titlec, sizeof titlec);
	if ((id == NULL || *id == '\0') && (date == NULL || *date == '\0') &&
	    im->o->meeting != 0) {
		snprintf(idc, sizeof idc, "%u", im->o->meeting);
		id = idc;
	}
	snprintf(key, sizeof key, "%s|%s|%s|%.200s", id ? id : "",
	    date ? date : "", kind ? kind : "", title ? title : "");
	if (im->meeting != NULL && strcmp(key, im->meeting_key) == 0)
		return 0;
	free(im->meeting);
	im->meeting = NULL;
	im->meeting_key[0] = '\0';
	m = xmalloc(sizeof *m);
	if (id != NULL && *id != '\0') {
		if (*id == '#')
			id++;
		errno = 0;
		v = strtoul(id, &end, 10);
		if (*end != '\0' || v == 0 || v > UINT32_MAX || errno != 0) {
			*rc = import_refuse(im, row, COL_MEETING, id, "is not a "
			    "meeting number (see ogpo list meetings)");
			goto fail;
		}
		if (store_meeting_get(im->t, (uint32_t)v, m, NULL) != 0) {
			*rc = import_refuse(im, row, COL_MEETING, id, "no "
			    "meeting has this number (see ogpo list meetings)");
			goto fail;
		}
		goto found;
	}
	if (date == NULL || *date == '\0') {
		*rc = import_reject(im, row, import_colname(im, im->h.col[
		    COL_DATE] ? COL_DATE : COL_MEETING), "the meeting is "
		    "required: its number, or its date and kind");
		goto fail;
	}
	if (import_date(date, iso, &why) != 0 || iso[0] == '\0') {
		*rc = import_refuse(im, row, COL_DATE, date, iso[0] == '\0' ?
		    "is not a date" : why);
		goto fail;
	}
	if (kind == NULL || *kind == '\0' ||
	    model_enum_parse(&model_meeting_kinds, kind, &k) != 0) {
		*rc = import_refuse(im, row, COL_KIND, kind ? kind : "", "is "
		    "not a meeting kind: write 政策協調聯繫會議, 工作推動會議 or "
		    "議題協作會議 (policy, work or issue)");
		goto fail;
	}
	if ((*rc = store_cursor_open(im->t, IX_MEETING_DATE, NULL, &cur,
	    im->cause)) != 0)
		goto fail;
	for (int at = store_cursor_seek_text(cur, iso); at == 0;
	    at = store_cursor_move(cur, STORE_NEXT)) {
		if (store_cursor_get(cur, m, NULL) != 0 ||
		    strcmp(m->date, iso) != 0)
			break;
		if (m->kind != k)
			continue;
		n++;
		if (found == 0)
			found = m->h.id;
		if (title != NULL && *title != '\0' &&
		    strcmp(m->title, title) == 0 && titled++ == 0)
			found = m->h.id;
	}
	store_cursor_close(cur);
	if (n == 0) {
		/* The kind's label may end in "meeting" itself (PO work
		 * meeting): named apart, it is not said twice. */
		char *msg = xasprintf(_("no meeting of the kind '%s' is dated "
		    "%s (see ogpo list meetings)"), _(model_enum_label(
		    &model_meeting_kinds, k)), iso);

		*rc = import_reject(im, row, import_colname(im, COL_DATE), msg);
		free(msg);
		goto fail;
	}
	if (n > 1 && titled != 1) {
		char *msg = xasprintf(_("%u meetings of this kind are dated %s; "
		    "name the meeting by its number (會議編號) or its exact "
		    "title (會議名稱)"), n, iso);

		*rc = import_reject(im, row, import_colname(im, COL_DATE), msg);
		free(msg);
		goto fail;
	}
	if (store_meeting_get(im->t, found, m, im->cause) != 0) {
		*rc = OGPO_IO;
		goto fail;
	}
found:
	im->meeting = m;
	str_copy(im->meeting_key, key, sizeof im->meeting_key);
	if ((*rc = import_invitees_load(im)) != 0)
		return -1;
	return 0;
fail:
	free(m);
	return -1;
}

/* The last of either opening bracket in s, or NULL. */
static char *
import_last_open(char *s)
{
	char *p, *last = NULL;

	for (p = s; *p != '\0'; p++)
		if (*p == '(' || strncmp(p, "（", strlen("（")) == 0)
			last = p;
	return last;
}

/* s without the blanks (of either width) at its ends, in place. */
static char *
import_trim(char *s)
{
	size_t n;

	for (;;) {
		if (*s == ' ')
			s++;
		else if (strncmp(s, "　", strlen("　")) == 0)
			s += strlen("　");
		else
			break;
	}
	for (n = strlen(s); n > 0;) {
		if (s[n - 1] == ' ')
			n--;
		else if (n >= strlen("　") && strcmp(s + n - strlen("　"),
		    "　") == 0)
			n -= strlen("　");
		else
			break;
		s[n] = '\0';
	}
	return s;
}

/* The agency whose exact name or code part is, or 0. */
static uint32_t
import_agency_named(struct import *im, const char *part)
{
	uint32_t agency;

	char *shared;

	if (*part == '\0')
		return 0;
	if ((agency = import_agency_by_name(im, part)) == 0)
		agency = import_agency_by_code(im, part);
	if (agency == 0 && (shared = import_agency_shared(im, part,
	    "")) != NULL) {
		str_copy(im->shared, part, sizeof im->shared);
		free(shared);
	}
	return agency;
}

/*
 * The agency a name cell says beside the name, as a meeting tool shows
 * a person who typed it there: 王小明 (內政部), 王小明（內政部）,
 * (內政部)王小明, 【內政部】王小明, 內政部-王小明, 內政部 王小明,
 * 王小明_MOI. Taken only when the part is exactly an agency's name or
 * code: then cell is cut to the name, in place (empty when there was
 * none, 內政部-), and the agency returned; else 0, cell as it was.
 */
static uint32_t
import_name_agency(struct import *im, char *cell)
{
	static const char *const seps[] = { "－", "-", "_", "／", "/", "　",
		" " };
	static const char *const fronts[][2] = { { "(", ")" },
		{ "（", "）" }, { "【", "】" } };
	char left[OGPO_NAME_MAX * 2], right[sizeof left], *open = NULL;
	char *close, *name = NULL;
	const char *at;
	size_t i, len;
	uint32_t agency = 0;

	im->shared[0] = '\0';
	if (str_copy(left, cell, sizeof left) != 0)
		return 0;
	len = strlen(left);
	/* In front, as an agency's staff label their sign-in: (內政部)王小明,
	 * （內政部）王小明, 【內政部】王小明. */
	for (i = 0; i < sizeof fronts / sizeof fronts[0]; i++) {
		if (strncmp(left, fronts[i][0], strlen(fronts[i][0])) != 0 ||
		    (close = strstr(left, fronts[i][1])) == NULL)
			continue;
		*close = '\0';
		open = left;
		agency = import_agency_named(im, import_trim(left +
		    strlen(fronts[i][0])));
		name = import_trim(close + strlen(fronts[i][1]));
		break;
	}
	if (open == NULL && (open = import_last_open(left)) != NULL &&
	    open > left &&
	    ((len > 1 && left[len - 1] == ')') || (len > strlen("）") &&
	    strcmp(left + len - strlen("）"), "）") == 0))) {
		left[len - (left[len - 1] == ')' ? 1 : strlen("）"))] = '\0';
		agency = import_agency_named(im, import_trim(open +
		    (*open == '(' ? 1 : strlen("（"))));
		*open = '\0';
		name = import_trim(left);
	}
	for (i = 0; open == NULL && agency == 0 && i < sizeof seps /
	    sizeof seps[0]; i++) {
		if ((at = strstr(cell, seps[i])) == NULL || at == cell)
			continue;
		str_copy(left, cell, sizeof left);
		left[at - cell] = '\0';
		str_copy(right, at + strlen(seps[i]), sizeof right);
		if ((agency = import_agency_named(im, import_trim(left))) != 0)
			name = import_trim(right);
		else if ((agency = import_agency_named(im,
		    import_trim(right))) != 0)
			name = import_trim(left);
	}
	/* 內政部- with no name: the agency, and cell left empty. */
	if (agency == 0)
		return 0;
	memmove(cell, name, strlen(name) + 1);
	return agency;
}

/*
 * The person a row names: an officer by e-mail, or by name and agency
 * (code or name), first among the meeting's invitees (as they were when
 * invited), then among the agency's officers; or an external participant
 * of the meeting by name and organisation. Returns the officer number,
 * or 0 with the row rejected (*rc: a status that ends it all).
 */
static uint32_t
import_person_find(struct import *im, const struct table_row *row, int *rc)
{
	char emailc[OGPO_EMAIL_MAX + 64], namec[OGPO_NAME_MAX * 2];
	char typed[sizeof namec], codec[64], agc[OGPO_TEXT_MAX + 1], lower[OGPO_EMAIL_MAX + 1];
	const char *email, *name, *code, *ag;
	struct import_invitee key, *v;
	struct store_cursor *cur;
	struct officer *o;
	struct attendance *a;
	uint32_t agency = 0, found = 0, n = 0;
	enum import_col mcol = COL_EMAIL;

	*rc = 0;
	im->shared[0] = '\0';
	email = import_cell(im, row, COL_EMAIL, emailc, sizeof emailc);
	/* A report's row with no e-mail: its sign-in (UPN), when that is
	 * an address. */
	if ((email == NULL || *email == '\0') && im->h.col[COL_UPN] != 0) {
		email = import_cell(im, row, COL_UPN, emailc, sizeof emailc);
		if (email != NULL && strchr(email, '@') != NULL)
			mcol = COL_UPN;
		else
			email = NULL;
	}
	if (email != NULL && *email != '\0') {
		str_lower(lower, email, sizeof lower);
		if (strlen(email) <= OGPO_EMAIL_MAX &&
		    (found = import_email_find(im, lower)) == 0) {
			o = xmalloc(sizeof *o);
			if (store_officer_by_email(im->t, lower, o, NULL) == 0)
				import_email_keep(im, lower, found = o->h.id);
			free(o);
		}
		if (found == 0)
			*rc = im->o->screen ? import_refuse(im, row,
			    mcol, email, "no officer has this e-mail "
			    "address (the Officers tab lists them)") :
			    import_refuse(im, row, mcol, email, "no "
			    "officer has this e-mail address (see ogpo list "
			    "officers)");
		return found;
	}
	name = import_cell(im, row, COL_NAME, namec, sizeof namec);
	code = import_cell(im, row, COL_AGENCY_CODE, codec, sizeof codec);
	ag = import_cell(im, row, COL_AGENCY, agc, sizeof agc);
	if (name == NULL || *name == '\0') {
		*rc = import_reject(im, row, import_colname(im,
		    im->h.col[COL_NAME] ? COL_NAME : COL_EMAIL), "the person "
		    "is required: their e-mail, or their name and agency");
		return 0;
	}
	str_copy(typed, name, sizeof typed);
	if ((code == NULL || *code == '\0') && (ag == NULL || *ag == '\0') &&
	    (agency = import_name_agency(im, namec)) != 0) {
		if (*namec == '\0') {
			*rc = import_refuse(im, row, COL_NAME, typed, "names "
			    "an agency but no person: write the person's name "
			    "beside it, as 內政部-王小明, and import again");
			return 0;
		}
		name = namec;
	} else if (code != NULL && *code != '\0') {
		char *why = NULL;

		/* 0800 made 800 by a spreadsheet: the agency named beside
		 * it, never agency 800 unless it is the one named. */
		agency = import_agency_code(im, code, ag != NULL && *ag !=
		    '\0' ? import_agency_by_name(im, ag) : 0, 0, _("write "
		    "the agency's name beside it, in the 機關 column, and "
		    "import again"), &why);
		if (why != NULL) {
			*rc = import_refuse(im, row, COL_AGENCY_CODE, code,
			    why);
			free(why);
			return 0;
		}
		if (agency == 0) {
			*rc = im->o->screen ? import_refuse(im, row,
			    COL_AGENCY_CODE, code, "no agency has this code "
			    "(the Agencies tab lists them)") : import_refuse(im,
			    row, COL_AGENCY_CODE, code, "no agency has this "
			    "code (see ogpo list agencies)");
			return 0;
		}
	} else if (ag != NULL && *ag != '\0') {
		char *shared = import_agency_shared(im, ag,
		    _("write the code of the one you mean in the 機關代碼 "
		    "column"));

		if (shared != NULL) {
			*rc = import_refuse(im, row, COL_AGENCY, ag, shared);
			free(shared);
			return 0;
		}
		agency = import_agency_by_name(im, ag);
	}
	if (agency == 0) {
		/* Not an agency: an external participant's organisation? */
		a = xmalloc(sizeof *a);
		if (store_cursor_open(im->t, IX_ATTENDANCE, &im->meeting->h.id,
		    &cur, im->cause) == 0) {
			while (store_cursor_move(cur, STORE_NEXT) == 0)
				if ((store_cursor_id(cur) & ATTEND_EXTERNAL) &&
				    store_cursor_get(cur, a, NULL) == 0 &&
				    strcmp(a->name, name) == 0 &&
				    strcmp(a->organisation, ag ? ag : "") == 0) {
					found = a->officer;
					break;
				}
			store_cursor_close(cur);
		}
		free(a);
		if (found == 0 && ag != NULL && *ag != '\0')
			*rc = import_refuse(im, row, COL_AGENCY, ag, "no agency "
			    "has exactly this name, and no participant from "
			    "outside of this name was invited to the meeting");
		else if (found == 0 && im->h.sheet && (im->h.col[COL_AGENCY] !=
		    0 || im->h.col[COL_AGENCY_CODE] != 0)) {
			/* A sheet's merges are read: not one lost to CSV. */
			char *msg = xasprintf(_("the agency of %s is required "
			    "beside the name (or give the e-mail)"), name);

			*rc = import_reject(im, row, import_colname(im,
			    im->h.col[COL_AGENCY] ? COL_AGENCY :
			    COL_AGENCY_CODE), msg);
			free(msg);
		} else if (found == 0 && (im->h.col[COL_AGENCY] != 0 ||
		    im->h.col[COL_AGENCY_CODE] != 0)) {
			/* A sign-in sheet's agency merged down over its
			 * people is read on each of their rows from .ods and
			 * .xlsx; saved as CSV, only the first row keeps it. */
			const char *col = import_colname(im,
			    im->h.col[COL_AGENCY] ? COL_AGENCY :
			    COL_AGENCY_CODE);
			char *msg = xasprintf(_("the agency of %s is required "
			    "beside the name (or give the e-mail); %s cells "
			    "merged over several people keep the agency only "
			    "in their first row once the sheet is saved as "
			    "CSV: send the sheet itself (.ods or .xlsx), or "
			    "fill the agency in on every row"), name, col);

			*rc = import_reject(im, row, col, msg);
			free(msg);
		} else if (found == 0 && im->shared[0] != '\0') {
			/* 王小明 (a name two agencies have): never one of
			 * them, guessed. */
			char *msg = import_agency_shared(im, im->shared,
			    _("write the code of the one you mean into the "
			    "name, as 王小明 (MOI)"));

			*rc = import_refuse(im, row, COL_NAME, name, msg);
			free(msg);
		} else if (found == 0)
			/* A meeting tool's display name, with no e-mail. */
			*rc = import_refuse(im, row, COL_NAME, name, "names no "
			    "agency ogpo knows, and the row has no e-mail: write the "
			    "agency into the name as 王小明 (內政部) or "
			    "內政部-王小明 (the agency's exact name or code), or "
			    "give the e-mail, and import again");
		return found;
	}
	memset(&key, 0, sizeof key);
	key.agency = agency;
	str_copy(key.name, name, sizeof key.name);
	if ((v = bsearch(&key, im->invitees, im->ninvitees, sizeof key,
	    import_invitee_cmp)) != NULL) {
		if ((v > im->invitees && import_invitee_cmp(v - 1, &key) == 0) ||
		    (v + 1 < im->invitees + im->ninvitees &&
		    import_invitee_cmp(v + 1, &key) == 0)) {
			*rc = import_refuse(im, row, COL_NAME, name, "names two "
			    "invitees of this agency; give the e-mail (電子郵件) "
			    "instead");
			return 0;
		}
		return v->officer;
	}
	/* Not invited yet: the agency's officers of that name, those in
	 * office on the meeting's day first. The name index holds each name
	 * once with its officers after it: walking it costs the officers of
	 * that name, not the agency's. */
	o = xmalloc(sizeof *o);
	if ((*rc = store_cursor_open(im->t, IX_OFFICER_NAME, NULL, &cur,
	    im->cause)) != 0) {
		free(o);
		return 0;
	}
	{
		uint32_t active = 0, nactive = 0;
		int at;

		for (at = store_cursor_seek_text(cur, name); at == 0 &&
		    store_cursor_get(cur, o, NULL) == 0 &&
		    strcmp(o->name, name) == 0;
		    at = store_cursor_move(cur, STORE_NEXT))
			if (o->agency == agency) {
				n++;
				found = o->h.id;
				if (core_officer_active(o, im->meeting->date)) {
					nactive++;
					active = o->h.id;
				}
			}
		if (n > 1 && nactive == 1) {
			n = 1;
			found = active;
		}
	}
	store_cursor_close(cur);
	free(o);
	if (n == 0 && import_garbled(name))
		*rc = import_refuse(im, row, COL_NAME, name, "holds ? or � "
		    "where a character was: the file was probably saved as "
		    "Big5 (ANSI) by a program that had no Big5 form for it; "
		    "save it as UTF-8 or .ods and import again");
	else if (n == 0 && im->o->screen)
		*rc = import_refuse(im, row, COL_NAME, name, "no officer of "
		    "this agency has this name (the Officers tab lists "
		    "them)");
	else if (n == 0)
		*rc = import_refuse(im, row, COL_NAME, name, "no officer of "
		    "this agency has this name (see ogpo list officers)");
	else if (n > 1)
		*rc = import_refuse(im, row, COL_NAME, name, "names more than "
		    "one officer of this agency; give the e-mail (電子郵件) "
		    "instead");
	return n == 1 ? found : 0;
}

/* 1 if status says the person came, in person, online or by proxy. */
static int
import_attend_came(uint32_t status)
{
	return status == ATTEND_PRESENT || status == ATTEND_ONLINE ||
	    status == ATTEND_PROXY;
}

/*
 * One attendance row: who came to which meeting, and how. Someone not
 * yet invited is invited by the row. Returns non-zero only for errors
 * that end it all.
 */
static int
import_attendance_row(struct import *im, const struct table_row *row)
{
	struct attendance *a = xcalloc(2, sizeof *a), *old = NULL;
	struct officer *o = NULL;
	char cell[OGPO_NOTE_MAX + 1], mark[48], label[OGPO_NAME_MAX * 2 +
	    OGPO_TEXT_MAX * 2 + 64 + 256];
	const char *v, *why, *proxy = NULL;
	uint32_t officer, status, seen;
	int rc = 0, given;

	if (import_meeting_find(im, row, &rc) != 0)
		goto done;
	if ((officer = import_person_find(im, row, &rc)) == 0)
		goto done;
	/* A second row for the same person at the same meeting. */
	snprintf(mark, sizeof mark, "att:%u:%u", im->meeting->h.id, officer);
	if ((rc = store_mark(im->t, mark, (uint32_t)row->row, &seen,
	    im->cause)) != 0)
		goto done;
	if (seen != 0) {
		char why2[128];

		snprintf(why2, sizeof why2, _("the same person at the same "
		    "meeting is on row %u too"), seen);
		rc = import_reject(im, row, "", why2);
		goto done;
	}
	if (store_attendance_get(im->t, im->meeting->h.id, officer, &a[1],
	    NULL) == 0) {
		old = &a[1];
		a[0] = *old;
	} else {
		/* Invited by the row, as the officer is on this day. */
		o = xmalloc(sizeof *o);
		if (store_officer_get(im->t, officer, o, im->cause) != 0) {
			rc = OGPO_IO;
			goto done;
		}
		a->meeting = im->meeting->h.id;
		a->officer = officer;
		a->agency = o->agency;
		a->role = o->role;
		a->status = ATTEND_INVITED;
	}
	v = import_cell(im, row, COL_STATUS, cell, sizeof cell);
	given = v != NULL && *v != '\0';
	/*
	 * --status, for a row with none, undoes no answer recorded before
	 * that says more: a sheet's unmarked row (absent) leaves 請假 sent
	 * ahead, or 線上 from the meeting tool's report; a report of who
	 * joined (online) leaves 出席 in the room, but is the answer for
	 * one marked absent.
	 */
	if ((v == NULL || *v == '\0') && im->o->status != 0) {
		status = im->o->status;
		if (old != NULL && (import_attend_came(status) ?
		    import_attend_came(old->status) :
		    old->status != ATTEND_INVITED))
			status = old->status;
	}
	else if ((v == NULL || *v == '\0') && im->o->screen) {
		rc = import_reject(im, row, import_colname(im, COL_STATUS),
		    "a status is required: 出席, 線上, 代理出席, 請假, 缺席 or "
		    "受邀 (present, online, proxy, excused, absent, invited); "
		    "for the rows of a sign-in sheet that no one marked, "
		    "import it again and answer Absent when asked how the "
		    "people it lists came");
		goto done;
	} else if (v == NULL || *v == '\0') {
		rc = import_reject(im, row, import_colname(im, COL_STATUS),
		    "a status is required: 出席, 線上, 代理出席, 請假, 缺席 or "
		    "受邀 (present, online, proxy, excused, absent, invited); "
		    "for the rows of a sign-in sheet that no one marked, add "
		    "--status absent (缺席) to the command");
		goto done;
	} else if ((proxy = import_attend_proxy(v)) != NULL)
		status = ATTEND_PROXY;		/* 代理：林小華 */
	else if (import_attend_status(v, &status, &why) != 0) {
		/* ✓ saved as Big5, which has no such character. */
		rc = import_refuse(im, row, COL_STATUS, v, import_garbled(v) ?
		    "holds ? or � where a mark was: the file was probably "
		    "saved as Big5 (ANSI), which has no ✓; save it as UTF-8 or "
		    ".ods and import again, or mark with ○ or V" : why);
		goto done;
	}
	a->status = status;
	if (proxy != NULL) {
		char pcell[OGPO_NAME_MAX + 1];
		const char *pv = import_cell(im, row, COL_PROXY, pcell,
		    sizeof pcell);

		if (pv != NULL && *pv != '\0' && strcmp(pv, proxy) != 0) {
			char *msg = xasprintf(_("names %s as the proxy, but "
			    "the column %s names %s: leave one of them"), proxy,
			    import_colname(im, COL_PROXY), pv);

			rc = import_refuse(im, row, COL_STATUS, v, msg);
			free(msg);
			goto done;
		}
		if (str_copy(a->proxy, proxy, sizeof a->proxy) != 0) {
			rc = import_refuse(im, row, COL_STATUS, v, "is too long "
			    "a name for the proxy");
			goto done;
		}
	} else if (im->h.col[COL_PROXY] != 0 && (given ||
	    import_filled(im, row, COL_PROXY))) {
		if (import_set(im, row, COL_PROXY, a->proxy, sizeof a->proxy))
			goto done;
	} else if (status != ATTEND_PROXY)
		a->proxy[0] = '\0';
	/* A row that says nothing of how the person came (--status) says
	 * nothing either of a proxy or note recorded before: only a cell
	 * written in changes them. */
	if ((given || import_filled(im, row, COL_NOTE)) &&
	    import_set(im, row, COL_NOTE, a->note, sizeof a->note))
		goto done;
	label[0] = '\0';
	if (im->o->on_change != NULL) {
		if (officer & ATTEND_EXTERNAL)
			snprintf(label, sizeof label, _("%s (%s), %s %s"),
			    a->name, a->organisation, im->meeting->date,
			    im->meeting->title);
		else {
			char who[OGPO_NAME_MAX + 1];

			core_ref_text(im->t, ENTITY_OFFICER, officer, who,
			    sizeof who);
			snprintf(label, sizeof label, _("%s, %s %s"), who,
			    im->meeting->date, im->meeting->title);
		}
		if (old == NULL) {
			/* Invited by the row, and how they came: said as a
			 * change from the invitation. */
			struct attendance *inv = &a[1];
			char diff[256];
			size_t n = strlen(label);

			*inv = a[0];
			inv->status = ATTEND_INVITED;
			inv->proxy[0] = inv->note[0] = '\0';
			if (import_diff(im, ENTITY_ATTENDANCE, inv, a, diff,
			    sizeof diff) > 0)
				snprintf(label + n, sizeof label - n, _(": %s"),
				    diff);
		}
	}
	rc = import_apply(im, row, ENTITY_ATTENDANCE, a, old, label, 0);
done:
	free(o);
	free(a);
	return rc;
}

/*
 * A row whose cells do not line up with the header (a comma that needed
 * quotes, a cell lost): a sentence saying so, or NULL. Empty cells past
 * the header's end are Excel's habit and harmless.
 */
static char *
import_ragged(const struct import *im, const struct table_row *row)
{
	size_t i;

	/* A sheet leaves its empty cells out; only CSV can be ragged. */
	if (table_reader_format(im->r) != TABLE_CSV)
		return NULL;
	if (row->nfields < im->nheader)
		return xasprintf(_("the row has %zu cells but the header %zu; a "
		    "cell is missing"), row->nfields, im->nheader);
	for (i = im->nheader; i < row->nfields; i++)
		if (row->fields[i][0] != '\0')
			return xasprintf(_("the row has %zu cells but the header "
			    "%zu; a comma inside a cell that was not quoted?"),
			    row->nfields, im->nheader);
	return NULL;
}

/*
 * 1 if the row heads a section of a report, as a meeting tool writes
 * one under another (Teams: 1. Summary, 2. Participants, 3. In-Meeting
 * Activities): a number and a point, text, and no other cell.
 */
static int
import_section(const struct table_row *row)
{
	const char *v;
	size_t i, n;

	if (row->nfields == 0)
		return 0;
	for (i = 1; i < row->nfields; i++)
		if (row->fields[i][0] != '\0')
			return 0;
	v = row->fields[0];
	n = strspn(v, "0123456789");
	return n > 0 && n <= 2 && v[n] == '.' && v[n + 1] == ' ' &&
	    v[n + 2] != '\0' && v[n + 2] != ' ';
}

/*
 * 1 if the row under a numbered line is a header of its own (Name,
 * Join Time, Email...), as under a report's next section; a row typed
 * under 2. 備註 is not, and is read.
 */
static int
import_section_header(const struct table_row *row)
{
	struct import_header h;
	char *why = NULL;
	int rc;

	rc = import_header_map(row, ENTITY_ATTENDANCE, IMPORT_GIVEN_MEETING |
	    IMPORT_GIVEN_STATUS, &h, &why);
	free(why);
	return rc == 0;
}

/* A copy of a row, kept past the reader's next one. */
static struct table_row *
import_row_dup(const struct table_row *row)
{
	struct table_row *copy;
	size_t i;

	copy = xcalloc(1, sizeof *copy);
	*copy = *row;
	copy->fields = xcalloc(row->nfields + 1, sizeof *copy->fields);
	for (i = 0; i < row->nfields; i++)
		copy->fields[i] = xstrdup(row->fields[i]);
	return copy;
}

static void
import_row_free(struct table_row *row)
{
	size_t i;

	for (i = 0; i < row->nfields; i++)
		free(row->fields[i]);
	free(row->fields);
	free(row);
}

/* 1 if every cell of the row is empty (Excel leaves such rows). */
static int
import_blank(const struct table_row *row)
{
	size_t i;

	for (i = 0; i < row->nfields; i++)
		if (row->fields[i][0] != '\0')
			return 0;
	return 1;
}

/* Open the file of rejects, in the input's encoding and delimiter. */
static int
import_rejects_open(struct import *im)
{
	struct table_writer_options wo;
	struct table_column *cols;
	struct table_csv_info ci;
	size_t i;
	int rc;

	if (im->o->rejects == NULL)
		return 0;
	/* Kept aside; written to the file once the database is let go.
	 * A rerun (the map grew) starts it afresh. */
	if (im->rejf != NULL && (fflush(im->rejf) != 0 ||
	    ftruncate(fileno(im->rejf), 0) != 0 ||
	    fseeko(im->rejf, 0, SEEK_SET) != 0)) {
		fclose(im->rejf);
		im->rejf = NULL;
	}
	if (im->rejf == NULL && (im->rejf = spool_tmpfile()) == NULL)
		return err_set(im->cause, OGPO_IO, "cannot keep the rejected "
		    "rows aside for %s: %s", im->o->rejects, strerror(errno));
	/* As the file's name says, else as the input was. */
	memset(&wo, 0, sizeof wo);
	if ((wo.format = table_format_of_name(im->o->rejects)) ==
	    TABLE_FORMAT_NONE)
		wo.format = table_reader_format(im->r);
	/* The sheet's name as the input's, or, from a CSV, what it holds
	 * in the desks' language (as an export names its sheet). */
	if ((wo.sheet = table_reader_sheet(im->r)) == NULL ||
	    *wo.sheet == '\0')
		wo.sheet = "退回資料";
	if (table_reader_csv_info(im->r, &ci)) {
		wo.csv.encoding = ci.encoding;
		wo.csv.delimiter = ci.delimiter;
		wo.csv.bom = ci.bom;
		wo.csv.crlf = ci.crlf;
	} else
		wo.csv.bom = wo.csv.crlf = 1;	/* for Excel */
	/* What came in as an agency's own character goes back as □; a
	 * cell that would start a formula where the file is opened goes
	 * back as text, as ogpo's exports write it. */
	wo.csv.replace = "□";
	wo.csv.guard = 1;
	if ((rc = table_writer_open(&im->rej, im->rejf, im->o->rejects, &wo,
	    im->cause)) != 0)
		return rc;
	cols = xcalloc(im->nheader + 1, sizeof *cols);
	for (i = 0; i < im->nheader; i++)
		cols[i].name = im->header_copy[i];
	cols[im->nheader].name = "錯誤原因";
	rc = table_writer_head(im->rej, cols, im->nheader + 1, im->cause);
	free(cols);
	return rc;
}

static void
import_close(struct import *im)
{
	size_t i;

	if (im->rej != NULL)
		table_writer_close(im->rej, NULL);
	table_ahead_stop(im->ahead);
	im->ahead = NULL;
	table_reader_close(im->r);
	for (i = 0; i < im->nheader; i++)
		free(im->header_copy[i]);
	free(im->header_copy);
	free(im->agencies);
	free(im->codes);
	free(im->seen);
	free(im->covered);
	im->covered = NULL;
	im->ncovered = im->capcovered = 0;
	free(im->officers);
	im->officers = NULL;
	free(im->meeting);
	free(im->invitees);
	import_emails_free(im);
	im->meeting = NULL;
	im->invitees = NULL;
	im->ninvitees = 0;
	im->meeting_key[0] = '\0';
	im->seen = NULL;
	im->capseen = 0;
	im->marks = 0;
	im->codes = NULL;
	im->rej = NULL;
	im->r = NULL;
	im->header_copy = NULL;
	im->nheader = 0;
	im->agencies = NULL;
}

int
import_record_append(struct core *c, struct store_txn *t,
    struct import_record *ir, const char *path, uint64_t *seq, char **cause)
{
	struct audit *a = xcalloc(1, sizeof *a);
	int rc;

	ir->last_seq = store_audit_next(t) - 1;
	/* The codec takes only UTF-8, and a name may be Big5 or cut. */
	text_utf8_clean(path, ir->file, sizeof ir->file);
	a->time = time_now();
	str_copy(a->login, core_login(c), sizeof a->login);
	a->action = AUDIT_IMPORT;
	a->entity = ENTITY_IMPORT;
	a->after_len = codec_encode(&schema_import, ir, a->after,
	    sizeof a->after);
	rc = store_audit_append(t, a, cause);
	*seq = a->seq;
	free(a);
	return rc;
}

/* The import record that closes an import, naming its changes. */
static int
import_record_write(struct import *im, uint64_t first)
{
	struct import_record ir;

	memset(&ir, 0, sizeof ir);
	ir.kind = im->o->kind;
	ir.added = (uint32_t)im->res->added;
	ir.updated = (uint32_t)im->res->updated;
	ir.unchanged = (uint32_t)im->res->unchanged;
	ir.rejected = (uint32_t)im->res->rejected;
	ir.first_seq = first;
	str_copy(ir.encoding, im->res->encoding, sizeof ir.encoding);
	return import_record_append(im->c, im->t, &ir, im->path,
	    &im->res->seq, im->cause);
}

/* Open the file as a table and note what it is. */
static int
import_open(struct import *im, char **cause)
{
	struct table_csv_info ci;

	if (table_parsed_open(&im->r, im->rows, cause) != 0)
		return OGPO_INVALID;
	if (table_reader_csv_info(im->r, &ci)) {
		str_copy(im->res->encoding, ci.encoding,
		    sizeof im->res->encoding);
		im->res->delimiter = ci.delimiter;
	} else {
		str_copy(im->res->encoding, table_format_name(
		    table_reader_format(im->r)), sizeof im->res->encoding);
		im->res->delimiter = 0;
	}
	return 0;
}

#define IMPORT_HEADER_ROWS	20	/* rows a header is looked for in */

/*
 * The header row: the first of the first IMPORT_HEADER_ROWS rows that
 * names the columns the import needs. Rows above it are passed over:
 * the title most government sheets have (113年度開放政府聯絡人名冊,
 * often merged across the columns), a date, a blank row.
 */
static int
import_header_find(struct import *im, char **cause)
{
	char *first = NULL, *why, *where, nearest[64] = "";
	size_t seen = 0, best = 0, n, k;
	unsigned given = 0;
	int rc;

	if (im->o->kind == ENTITY_ATTENDANCE)
		given = (im->o->meeting ? IMPORT_GIVEN_MEETING : 0) |
		    (im->o->status ? IMPORT_GIVEN_STATUS : 0) |
		    (im->o->screen ? IMPORT_SCREEN : 0);
	for (;;) {
		if ((rc = table_reader_next(im->r, &im->header, cause)) < 0) {
			free(first);
			return OGPO_INVALID;
		}
		if (rc == 0)
			break;
		if (import_blank(im->header))
			continue;
		why = NULL;
		if (import_header_map(im->header, im->o->kind, given, &im->h,
		    &why) == 0) {
			im->h.sheet = table_reader_csv(im->r) == NULL;
			free(first);
			return 0;
		}
		/* The row that names the most columns is the one to quote
		 * (a report's summary lines come before its table). */
		for (n = 0, k = 0; k < COL_MAX; k++)
			n += im->h.col[k] != 0;
		if (first == NULL || n > best) {
			free(first);
			first = why;
			best = n;
			table_row_name(im->header, nearest, sizeof nearest);
		} else
			free(why);
		if (++seen == IMPORT_HEADER_ROWS)
			break;
	}
	if (first == NULL)
		return err_set(cause, OGPO_INVALID, "%s is empty: there is no "
		    "header row", im->path);
	/* A sheet put in front of the list (說明, 填表須知) is the one read. */
	if (table_reader_csv(im->r) == NULL)
		where = xasprintf(_("%s, sheet '%s' (an import reads the "
		    "first sheet of a file)"), im->path,
		    table_reader_sheet(im->r));
	else
		where = xstrdup(im->path);
	if (seen == 1)
		rc = err_set(cause, OGPO_INVALID, "%s: %s", where, first);
	else
		rc = err_set(cause, OGPO_INVALID, "%s: none of the first %zu "
		    "rows is a header; the nearest, %s: %s", where, seen,
		    nearest, first);
	if (table_reader_csv(im->r) == NULL && cause != NULL &&
	    *cause != NULL) {
		/* What to do, where the list may be on another sheet. */
		char *said = *cause;

		*cause = xasprintf(_("%s; if the list is on another sheet, "
		    "move that sheet first, and import again"), said);
		free(said);
	}
	free(where);
	free(first);
	return rc;
}

/* Read one row of the table into the import: 0, or a status that ends it. */
static int
import_row(struct import *im, const struct table_row *row)
{
	struct import_result *res = im->res;
	char label[64], *ragged;
	int rc;

	if (table_total_row(row, label, sizeof label)) {
		import_change(im, row, N_("passed over: a total row (%s), not "
		    "a record"), label);
		return 0;
	}
	res->rows++;
	im->email[0] = '\0';	/* no row's e-mail is known yet */
	if (res->rows % 1024 == 0) {
		uint64_t done = table_ahead_bytes_read(im->ahead);

		if (im->o->progress != NULL)
			im->o->progress(im->o->arg, IMPORT_CHECKING, done,
			    table_reader_bytes_total(im->r));
		/* The heap for the pages changed so far, and a little more,
		 * faulted in beside the writer. */
		bulkmem_used((size_t)(done / res->rows * IMPORT_DIRTY *
		    (res->added + res->updated)));
	}
	if ((ragged = import_ragged(im, row)) != NULL)
		rc = import_reject(im, row, "", ragged);
	else
		rc = im->o->kind == ENTITY_AGENCY ?
		    import_agency_row(im, row) :
		    im->o->kind == ENTITY_ATTENDANCE ?
		    import_attendance_row(im, row) :
		    import_officer_row(im, row,
		    table_ahead_prepared(im->ahead));
	free(ragged);
	return rc;
}

static int
import_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct import *im = arg;
	struct import_result *res = im->res;
	const struct table_row *row;
	uint64_t first;
	size_t i;
	int rc;

	/* The map may fill and this run again: start from nothing. */
	import_close(im);
	free(res->absent);
	memset(res, 0, sizeof *res);
	im->c = c;
	im->t = t;
	im->cause = cause;
	first = store_audit_next(t);
	/* A dry run shows a viewer what each row would meet; a real one
	 * is refused once, not row by row. */
	if (!im->o->dry_run && (rc = core_may_write(c, t, cause)) != 0)
		return rc;
	store_defer(t, 0);
	if ((rc = store_marks_clear(t, cause)) != 0 ||
	    (rc = import_agencies_load(im)) != 0 ||
	    (rc = import_open(im, cause)) != 0)
		return rc;
	if ((rc = import_header_find(im, cause)) != 0)
		return rc;
	/* Known once the sheet is under way. */
	str_copy(res->sheet, table_reader_sheet(im->r), sizeof res->sheet);
	str_utf8_cut(res->sheet);
	str_copy(res->unknown, im->h.unknown, sizeof res->unknown);
	/* Keep the header: the reader's row is gone at the next call. */
	im->nheader = im->header->nfields;
	im->header_copy = xcalloc(im->nheader + 1, sizeof *im->header_copy);
	for (i = 0; i < im->nheader; i++)
		im->header_copy[i] = xstrdup(im->header->fields[i]);
	if ((rc = import_rejects_open(im)) != 0)
		return rc;
	if (im->o->meeting != 0) {
		struct meeting *m = xmalloc(sizeof *m);

		rc = store_meeting_get(t, im->o->meeting, m, cause);
		free(m);
		/* Only a miss is no such meeting: a record that cannot be
		 * read is said as that, with the store's cause. */
		if (rc != 0 && rc != OGPO_NOTFOUND) {
			if (cause != NULL && *cause != NULL) {
				char *said = *cause;

				*cause = im->o->screen ? xasprintf(_("meeting "
				    "#%u cannot be read: %s"), im->o->meeting,
				    said) : xasprintf(_("--meeting %u: the "
				    "meeting cannot be read: %s"),
				    im->o->meeting, said);
				free(said);
			}
			return rc;
		}
		if (rc != 0 && im->o->screen)
			return err_set(cause, OGPO_INVALID, "meeting #%u is "
			    "no longer there: another deleted it meanwhile",
			    im->o->meeting);
		if (rc != 0)
			return err_set(cause, OGPO_INVALID, "--meeting %u: no "
			    "meeting has this number (see ogpo list meetings)",
			    im->o->meeting);
	}
	/* The file is read in a thread of its own from here on, and an
	 * officer row's cells are read and looked over there too. */
	if (im->o->kind == ENTITY_OFFICER) {
		struct table_ahead_prep prep = { import_officer_prep, &im->h,
		    sizeof(struct import_prep) };

		im->ahead = table_ahead_start_prep(im->r, 0, &prep);
	} else
		im->ahead = table_ahead_start(im->r, 0);
	while ((rc = table_ahead_next(im->ahead, &row, cause)) == 1) {
		if (import_blank(row))
			continue;
		/* (Under the table, never a note under its header.) */
		if (im->o->kind == ENTITY_ATTENDANCE && res->rows > 0 &&
		    import_section(row)) {
			struct table_row *held = import_row_dup(row);

			while ((rc = table_ahead_next(im->ahead, &row,
			    cause)) == 1 && import_blank(row))
				continue;
			if (rc == 1 && !import_section_header(row)) {
				/* No header of its own under it: a line typed
				 * among the rows (2. 備註), read as one. */
				if ((rc = import_row(im, held)) == 0)
					rc = import_row(im, row);
				import_row_free(held);
				if (rc != 0)
					return rc;
				continue;
			}
			if (rc >= 0)
				import_change(im, held, N_("passed over: '%s' "
				    "and the rows under it, the report's next "
				    "section"), held->fields[0]);
			import_row_free(held);
			break;
		}
		if ((rc = import_row(im, row)) != 0)
			return rc;
	}
	if (rc < 0)
		return OGPO_INVALID;
	if (im->o->progress != NULL)
		im->o->progress(im->o->arg, IMPORT_CHECKING,
		    table_reader_bytes_total(im->r),
		    table_reader_bytes_total(im->r));
	if (im->o->kind == ENTITY_AGENCY &&
	    (rc = import_agencies_absent(im)) != 0)
		return rc;
	if ((rc = store_marks_clear(t, cause)) != 0)
		return rc;
	if (im->o->kind == ENTITY_OFFICER && (rc = import_absent(im)) != 0)
		return rc;
	if (res->rejected > 0 && !im->o->skip_bad && !im->o->dry_run)
		return err_set(cause, OGPO_INVALID, ngettext("%zu row was "
		    "rejected, so nothing was imported; correct %s and import "
		    "again, or use --skip-bad to load the good rows", "%zu rows "
		    "were rejected, so nothing was imported; correct %s and "
		    "import again, or use --skip-bad to load the good rows",
		    res->rejected), res->rejected, im->o->rejects ?
		    _("the rows in the rejects file") : _("those rows"));
	/* A dry run, or nothing to change: the transaction is let go
	 * rather than committed, so the file is not touched at all. */
	if (im->o->dry_run || res->added + res->updated == 0)
		return IMPORT_LET_GO;
	res->written = 1;
	return import_record_write(im, first);
}

/* The progress of copying the file aside, to the caller's callback. */
struct import_copying {
	const struct import_options *o;
};

static void
import_copy_progress(void *arg, uint64_t done, uint64_t total)
{
	const struct import_options *o = ((struct import_copying *)arg)->o;

	o->progress(o->arg, IMPORT_COPYING, done, total);
}

/* The rejects kept aside, into the file the user named, with their
 * rights, now that the database is let go. */
static void
import_rejects_write(struct import *im)
{
	char *tmp;
	FILE *f;
	int ok;

	if (im->rejf == NULL || im->o->rejects == NULL)
		return;
	/* Whole or not at all, and never through what another put where
	 * it goes (a link to a file of the person's). */
	if ((f = spool_out_open(im->o->rejects, &tmp,
	    &im->res->rejects_error)) == NULL)
		return;
	ok = spool_copy(im->rejf, f) == 0;
	if (!ok)
		im->res->rejects_error = xasprintf(_("writing %s: %s"),
		    im->o->rejects, strerror(errno));
	(void)spool_out_close(f, tmp, im->o->rejects, ok, ok ?
	    &im->res->rejects_error : NULL);
}

/* The run's copy of the file: kept as asked, or let go (not a given one). */
static void
import_spool_done(const struct import_options *o, struct spool *sp)
{
	if (o->input != NULL)
		return;
	if (o->keep != NULL)
		*o->keep = *sp;
	else
		spool_free(sp);
}

int
import_run(struct core *c, const char *path, const struct import_options *o,
    struct import_result *res, char **cause)
{
	struct import_copying copying = { o };
	struct table_options to;
	struct import im;
	struct spool sp;
	int rc;

	memset(&im, 0, sizeof im);
	memset(res, 0, sizeof *res);
	im.path = path;
	im.o = o;
	im.res = res;
	/* The only read of the user's file, before the database is held
	 * (none, when a dry run's copy of it is given). */
	if (o->input != NULL)
		sp = *o->input;
	else if ((rc = spool_in(&sp, path, o->progress ?
	    import_copy_progress : NULL, &copying, cause)) != 0)
		return rc;
	/* Read once: a set-id ogpo reads it in a process of its own that
	 * holds nothing of the database (table_parse). */
	memset(&to, 0, sizeof to);
	to.csv = o->csv;
	if ((rc = table_parse(&im.rows, path, sp.data, sp.len, &to,
	    priv_setid(), cause)) != 0) {
		import_spool_done(o, &sp);
		return rc;
	}
	/* Room for the whole file up front (a database takes about six
	 * times the CSV: record, indexes, audit; eight times is reserved, to
	 * spare), rather than growing the map (and reading the file again)
	 * part-way through. Without the room (a nearly full disk) it is
	 * tried all the same: it may fit, and if it does not, growing says
	 * so cleanly. */
	if (!o->dry_run) {
		(void)store_reserve(core_store(c), sp.len * 8, NULL);
		/* The pages it changes, kept in memory until the commit. */
		bulkmem_begin(sp.len * IMPORT_DIRTY);
	}
	/* Anyone but an admin is looked at in a snapshot first: rows their
	 * scope refuses, or a file that changes nothing, hold no one up. */
	rc = o->dry_run ? core_dry(c, import_txn, &im, cause) :
	    core_run_looked(c, import_txn, &im, cause);
	bulkmem_end();
	if (rc != 0 && rc != IMPORT_LET_GO)
		res->written = 0;
	if (im.r != NULL && table_reader_warnings(im.r) != NULL)
		res->warnings = xstrdup(table_reader_warnings(im.r));
	import_close(&im);
	if (rc == 0 || rc == IMPORT_LET_GO || (rc == OGPO_INVALID &&
	    res->rows > 0))
		import_rejects_write(&im);
	if (im.rejf != NULL)
		fclose(im.rejf);
	table_parsed_free(im.rows);
	import_spool_done(o, &sp);
	if (rc == IMPORT_LET_GO)
		rc = 0;
	return rc;
}
