/*
 * import.c — officer and agency lists from spreadsheets into the database.
 * One write transaction for the whole file: rows match existing records
 * (officers by e-mail, agencies by code), new ones are added, changed ones
 * updated and identical ones left alone, each through core's door, so
 * every change is checked and audited like an edit by hand. An import is
 * recorded as one audit record that names the range of changes it made,
 * which is what lets it be taken back whole.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ogpo/codec.h"
#include "ogpo/import.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

#define IMPORT_DRY_RUN	1000	/* private status: roll the transaction back */

/* Agencies by exact name: a few thousand at most, looked up per row. */
struct import_agency {
	char		 name[OGPO_NAME_MAX + 1];
	uint32_t	 id;
};

struct import {
	struct core			*c;
	struct store_txn		*t;
	const char			*path;
	const struct import_options	*o;
	struct import_result		*res;
	struct table_reader		*r;
	struct table_ahead		*ahead;	/* r's rows after the header */
	struct csv_writer		*rej;
	FILE				*rejf;
	struct import_header		 h;
	const struct table_row		*header;
	char				**header_copy;
	size_t				 nheader;
	struct import_agency		*agencies;	/* by name */
	struct import_agency		*codes;		/* by code */
	size_t				 nagencies;
	/* --create-agencies: made only once the row is known good. */
	int				 pending;
	char				 pend_name[OGPO_NAME_MAX + 1];
	char				 pend_code[OGPO_CODE_MAX + 1];
	char				**cause;
	/*
	 * Officers seen in this file, to turn away a second row with the
	 * same e-mail: the line that matched each officer, by id (4 bytes
	 * an officer, where a mark in the map took a key and a page entry);
	 * a row turned away before it was saved leaves a mark under its
	 * e-mail instead, looked for only once there is one.
	 */
	uint32_t			*seen;
	size_t				 nseen;
	size_t				 marks;
	char				 email[OGPO_EMAIL_MAX + 1];
};

/* The line that matched officer id in this file, 0 if none. */
static uint32_t
import_seen(const struct import *im, uint32_t id)
{
	return id < im->nseen ? im->seen[id] : 0;
}

static void
import_see(struct import *im, uint32_t id, uint32_t line)
{
	size_t had = im->nseen;

	if (id >= had) {
		im->seen = xgrow(im->seen, &im->nseen, (size_t)id + 1,
		    sizeof *im->seen);
		memset(im->seen + had, 0, (im->nseen - had) * sizeof *im->seen);
	}
	im->seen[id] = line;
}

/*
 * The cell of column col in row, unguarded and trimmed, into buf (n
 * bytes); NULL if absent. A line break inside a cell is stored as LF,
 * whatever Excel wrote (CRLF, or CR alone). One pass: this runs for
 * every cell of a million rows.
 */
static const char *
import_cell(struct import *im, const struct table_row *row, enum import_col col,
    char *buf, size_t n)
{
	int i = im->h.col[col];
	const char *r;
	char *w = buf, *end = buf;	/* end: past the last non-blank */

	if (i == 0 || (size_t)i > row->nfields)
		return NULL;
	r = csv_cell_unguard(row->fields[i - 1]);
	while (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n')
		r++;
	for (; *r != '\0' && w < buf + n - 1; r++) {
		char ch = *r;

		if (ch == '\r') {
			ch = '\n';
			if (r[1] == '\n')
				r++;
		}
		*w++ = ch;
		if (ch != ' ' && ch != '\t' && ch != '\n')
			end = w;
	}
	*end = '\0';
	return buf;
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
	return strcmp(((const struct import_agency *)a)->name,
	    ((const struct import_agency *)b)->name);
}

/* Load every agency's name for lookups by name. */
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
			str_copy(im->agencies[im->nagencies].name, a.name,
			    sizeof a.name);
			str_copy(im->codes[im->nagencies].name, a.code,
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

	str_copy(key.name, name, sizeof key.name);
	found = bsearch(&key, im->agencies, im->nagencies,
	    sizeof *im->agencies, import_agency_cmp);
	return found ? found->id : 0;
}

/* An agency by code, in any case, without a read per row. */
static uint32_t
import_agency_by_code(struct import *im, const char *code)
{
	struct import_agency key, *found;
	char *p;

	str_copy(key.name, code, sizeof key.name);
	for (p = key.name; *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	found = bsearch(&key, im->codes, im->nagencies, sizeof *im->codes,
	    import_agency_cmp);
	return found ? found->id : 0;
}

/* A new agency for --create-agencies, under the Executive Yuan. */
static uint32_t
import_agency_create(struct import *im, const char *name, const char *code)
{
	struct agency a, ey;
	uint32_t root = 0, *roots;
	size_t n;

	memset(&a, 0, sizeof a);
	str_copy(a.name, name, sizeof a.name);
	n = store_group_ids(im->t, IX_AGENCY_CHILD, root, &roots);
	if (n > 0 && store_agency_get(im->t, roots[0], &ey, NULL) == 0) {
		a.parent = ey.h.id;
		a.level = ey.level + 1;
	}
	free(roots);
	if (code != NULL && *code != '\0')
		str_copy(a.code, code, sizeof a.code);
	else {
		/* The first NEWn no agency has taken. */
		unsigned long long k = store_count(im->t, IX_AGENCY, NULL) + 1;

		do
			snprintf(a.code, sizeof a.code, "NEW%llu", k++);
		while (import_agency_by_code(im, a.code) != 0);
	}
	if (core_save(im->c, im->t, ENTITY_AGENCY, &a, NULL) != 0)
		return 0;
	import_agencies_load(im);
	return a.h.id;
}

/*
 * An agency --create-agencies will make if the row turns out good: until
 * then the row is judged with a stand-in (any existing agency).
 */
static uint32_t
import_agency_pending(struct import *im, const char *name, const char *code)
{
	if (im->nagencies == 0)		/* nothing to stand in: make it now */
		return import_agency_create(im, name, code);
	im->pending = 1;
	str_copy(im->pend_name, name, sizeof im->pend_name);
	str_copy(im->pend_code, code ? code : "", sizeof im->pend_code);
	return im->agencies[0].id;
}

/* Remember a rejected row: count it, report it, send it back. */
static int
import_reject(struct import *im, const struct table_row *row,
    const char *column, const char *reason)
{
	const char **fields;
	char *msg;
	size_t i;
	int rc = 0;

	reason = _(reason);	/* a literal, marked by the Makefile */
	im->res->rejected++;
	if (im->email[0] != '\0') {
		/* A later row with this e-mail is a duplicate too. */
		uint32_t prev;

		if ((rc = store_mark(im->t, im->email, (uint32_t)row->line,
		    &prev, im->cause)) != 0)
			return rc;
		im->marks++;
	}
	if (im->o->on_reject != NULL)
		im->o->on_reject(im->o->arg, row->line, column, reason);
	if (im->rej == NULL)
		return 0;
	fields = xcalloc(im->nheader + 1, sizeof *fields);
	for (i = 0; i < im->nheader; i++)
		fields[i] = i < row->nfields ? row->fields[i] : "";
	msg = *column ? xasprintf(_("line %zu, column %s: %s"), row->line,
	    column, reason) : xasprintf(_("line %zu: %s"), row->line, reason);
	fields[im->nheader] = msg;
	rc = csv_writer_row(im->rej, fields, im->nheader + 1, im->cause);
	free(msg);
	free(fields);
	return rc;
}

/* Report a change to the caller. */
static void
import_change(struct import *im, size_t line, const char *fmt, ...)
    OGPO_PRINTF(3, 4);

static void
import_change(struct import *im, size_t line, const char *fmt, ...)
{
	va_list ap;
	char *what;

	if (im->o->on_change == NULL)
		return;
	va_start(ap, fmt);
	what = xvasprintf(_(fmt), ap);
	va_end(ap);
	im->o->on_change(im->o->arg, line, what);
	free(what);
}

/* Copy a cell into a string field; complain if it does not fit. */
static int
import_set(struct import *im, const struct table_row *row, enum import_col col,
    char *dst, size_t n)
{
	char cell[OGPO_DESC_MAX + 1];
	const char *v = import_cell(im, row, col, cell, sizeof cell);

	if (v == NULL)
		return 0;
	if (str_copy(dst, v, n) != 0) {
		import_reject(im, row, import_colname(im, col), "too long");
		return -1;
	}
	return 0;
}

/*
 * Save rec (kind) unless it equals what is stored; report the outcome.
 * Rows that break a rule are rejected naming the column at fault.
 */
static int
import_apply(struct import *im, const struct table_row *row,
    enum entity_kind kind, void *rec, const void *old, const char *label)
{
	struct core_fault faults[4];
	char diff[512], *why = NULL;
	const char *column = "";
	size_t n, i;
	int rc;

	core_normalise(kind, rec);
	if ((n = core_check(im->t, kind, rec, faults, 4)) > 0) {
		static const struct {
			const char	*field;
			enum import_col	 col;
		} cols[] = {
			{ "name", COL_NAME }, { "email", COL_EMAIL },
			{ "agency", COL_AGENCY }, { "title", COL_TITLE },
			{ "role", COL_ROLE }, { "supervisor", COL_SUPERVISOR },
			{ "function", COL_FUNCTION }, { "phone", COL_PHONE },
			{ "ext", COL_EXT }, { "start_date", COL_START_DATE },
			{ "end_date", COL_END_DATE }, { "note", COL_NOTE },
			{ "code", COL_CODE }, { "parent", COL_PARENT },
			{ "level", COL_LEVEL },
		};

		for (i = 0; faults[0].field != NULL &&
		    i < sizeof cols / sizeof cols[0]; i++)
			if (strcmp(cols[i].field, faults[0].field->name) == 0)
				column = import_colname(im, cols[i].col);
		if (*column == '\0' && faults[0].field != NULL &&
		    strcmp(faults[0].field->name, "agency") == 0)
			column = import_colname(im, COL_AGENCY_CODE);
		return import_reject(im, row, column, faults[0].msg);
	}
	if (kind == ENTITY_OFFICER && im->pending) {
		/* The row is good: now its new agency may be made. */
		im->pending = 0;
		((struct officer *)rec)->agency = import_agency_create(im,
		    im->pend_name, im->pend_code[0] ? im->pend_code : NULL);
		if (((struct officer *)rec)->agency == 0)
			return import_reject(im, row, import_colname(im,
			    COL_AGENCY), "the new agency could not be made "
			    "(its code is taken, or its name is not valid)");
	}
	if (old != NULL && core_diff(im->t, kind, old, rec, diff,
	    sizeof diff) == 0) {
		im->res->unchanged++;
		return 0;
	}
	if ((rc = core_save_checked(im->c, im->t, kind, rec, &why)) != 0) {
		if (rc == OGPO_FULL || rc == OGPO_IO || rc == OGPO_NOMEM) {
			err_set(im->cause, rc, "line %zu: %s", row->line, why);
			free(why);
			return rc;
		}
		rc = import_reject(im, row, "", why);
		free(why);
		return rc;
	}
	if (old != NULL) {
		im->res->updated++;
		import_change(im, row->line, "updated %s: %s", label, diff);
	} else {
		im->res->added++;
		import_change(im, row->line, "added %s", label);
	}
	return 0;
}

/* One officer row. Returns non-zero only for errors that end it all. */
static int
import_officer_row(struct import *im, const struct table_row *row)
{
	struct officer *o = xcalloc(2, sizeof *o), *old = NULL;
	char cell[OGPO_DESC_MAX + 1], email[OGPO_EMAIL_MAX + 1];
	char label[OGPO_NAME_MAX + OGPO_EMAIL_MAX + 8];
	const char *v, *why;
	uint32_t seen, supv, yes;
	int rc = 0;

	im->pending = 0;
	v = import_cell(im, row, COL_EMAIL, cell, sizeof cell);
	if (v == NULL || *v == '\0') {
		rc = import_reject(im, row, import_colname(im, COL_EMAIL),
		    "an e-mail address is required: it tells officers apart");
		goto done;
	}
	if (strlen(v) > OGPO_EMAIL_MAX) {
		rc = import_reject(im, row, import_colname(im, COL_EMAIL),
		    "the e-mail address is too long (at most 128 characters)");
		goto done;
	}
	str_lower(email, v, sizeof email);
	seen = im->marks > 0 ? store_mark_peek(im->t, email) : 0;
	if (seen == 0 && store_officer_by_email(im->t, email, &o[1],
	    NULL) == 0) {
		old = &o[1];
		o[0] = *old;
		if ((seen = import_seen(im, old->h.id)) == 0)
			import_see(im, old->h.id, (uint32_t)row->line);
	}
	str_copy(im->email, email, sizeof im->email);
	if (seen != 0) {
		char why2[128];

		snprintf(why2, sizeof why2, _("the same e-mail is on line %u too"),
		    seen);
		rc = import_reject(im, row, import_colname(im, COL_EMAIL),
		    why2);
		goto done;
	}
	if (old == NULL) {
		o->role = ROLE_PO;
		o->civil_servant = 1;
		str_copy(o->email, v, sizeof o->email);
	}
	if (import_set(im, row, COL_NAME, o->name, sizeof o->name) ||
	    import_set(im, row, COL_TITLE, o->title, sizeof o->title) ||
	    import_set(im, row, COL_PHONE, o->phone, sizeof o->phone) ||
	    import_set(im, row, COL_EXT, o->ext, sizeof o->ext) ||
	    import_set(im, row, COL_NOTE, o->note, sizeof o->note))
		goto done;
	if ((v = import_cell(im, row, COL_AGENCY_CODE, cell,
	    sizeof cell)) != NULL && *v != '\0') {
		char name[OGPO_NAME_MAX + 1];
		const char *nm = import_cell(im, row, COL_AGENCY, name,
		    sizeof name);

		if ((o->agency = import_agency_by_code(im, v)) == 0 &&
		    im->o->create_agencies)
			o->agency = import_agency_pending(im, nm && *nm ? nm :
			    v, v);
		if (o->agency == 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_AGENCY_CODE), "no agency has this code (see "
			    "ogpo list agencies, or use --create-agencies)");
			goto done;
		}
	} else if ((v = import_cell(im, row, COL_AGENCY, cell,
	    sizeof cell)) != NULL) {
		if ((o->agency = import_agency_by_name(im, v)) == 0 &&
		    im->o->create_agencies && *v != '\0')
			o->agency = import_agency_pending(im, v, NULL);
		if (o->agency == 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_AGENCY), "no agency has exactly this name (see "
			    "ogpo list agencies, or use --create-agencies)");
			goto done;
		}
	}
	/* An empty role cell keeps what is stored (a new officer: PO). */
	if ((v = import_cell(im, row, COL_ROLE, cell, sizeof cell)) != NULL &&
	    *v != '\0') {
		if (import_role(v, &o->role, &supv, &why) != 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_ROLE), why);
			goto done;
		}
		/* 督導 alone keeps a supervisor's stored kind. */
		o->supervisor = supv != 0 ? supv : old != NULL &&
		    old->role == ROLE_SUPERVISOR && o->role ==
		    ROLE_SUPERVISOR ? old->supervisor : 0;
		if (o->role != ROLE_MEMBER)
			o->function = FUNC_NONE;
	}
	if ((v = import_cell(im, row, COL_SUPERVISOR, cell,
	    sizeof cell)) != NULL && *v != '\0' && o->role == ROLE_SUPERVISOR) {
		if (import_role(v, &supv, &o->supervisor, &why) != 0 ||
		    o->supervisor == 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_SUPERVISOR), "should be 副首長 (deputy head) or "
			    "資訊長 (CIO)");
			goto done;
		}
	}
	if (o->role == ROLE_SUPERVISOR && o->supervisor == 0) {
		/* 督導 alone: the title may say which. */
		if (strstr(o->title, "資訊長") != NULL)
			o->supervisor = SUPV_CIO;
		else if (strstr(o->title, "副首長") != NULL ||
		    strstr(o->title, "次長") != NULL ||
		    strstr(o->title, "副主任委員") != NULL)
			o->supervisor = SUPV_DEPUTY_HEAD;
	}
	if ((v = import_cell(im, row, COL_FUNCTION, cell, sizeof cell)) !=
	    NULL && *v != '\0' && o->role == ROLE_MEMBER &&
	    model_enum_parse(&model_functions, v, &o->function) != 0) {
		rc = import_reject(im, row, import_colname(im, COL_FUNCTION),
		    "is not 國會聯絡, 新聞聯絡, 資訊, 管考 or 業務");
		goto done;
	}
	if ((v = import_cell(im, row, COL_CIVIL_SERVANT, cell,
	    sizeof cell)) != NULL && *v != '\0') {
		if (import_yesno(v, &yes, &why) != 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_CIVIL_SERVANT), why);
			goto done;
		}
		o->civil_servant = yes;
	}
	if ((v = import_cell(im, row, COL_START_DATE, cell, sizeof cell)) !=
	    NULL && import_date(v, o->start_date, &why) != 0) {
		rc = import_reject(im, row, import_colname(im, COL_START_DATE),
		    why);
		goto done;
	}
	if ((v = import_cell(im, row, COL_END_DATE, cell, sizeof cell)) !=
	    NULL && import_date(v, o->end_date, &why) != 0) {
		rc = import_reject(im, row, import_colname(im, COL_END_DATE),
		    why);
		goto done;
	}
	label[0] = '\0';	/* only a listener hears it */
	if (im->o->on_change != NULL)
		snprintf(label, sizeof label, "%s <%s>", o->name, o->email);
	rc = import_apply(im, row, ENTITY_OFFICER, o, old, label);
	if (rc == 0 && old == NULL && o->h.id != 0)
		import_see(im, o->h.id, (uint32_t)row->line);
done:
	free(o);
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
		char key[OGPO_CODE_MAX + 8];
		uint32_t seen;

		snprintf(key, sizeof key, "code:%s", v);
		for (char *p = key + 5; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		if ((rc = store_mark(im->t, key, (uint32_t)row->line, &seen,
		    im->cause)) != 0)
			goto done;
		if (seen != 0) {
			char why2[96];

			snprintf(why2, sizeof why2, _("the same code is on line "
			    "%u too"), seen);
			rc = import_reject(im, row, import_colname(im,
			    COL_CODE), why2);
			goto done;
		}
	}
	if (store_agency_by_code(im->t, v, &a[1], NULL) == 0) {
		old = &a[1];
		a[0] = *old;
	} else if (str_copy(a->code, v, sizeof a->code) != 0) {
		rc = import_reject(im, row, import_colname(im, COL_CODE),
		    "too long");
		goto done;
	}
	if (import_set(im, row, COL_NAME, a->name, sizeof a->name) ||
	    import_set(im, row, COL_NOTE, a->note, sizeof a->note))
		goto done;
	if ((v = import_cell(im, row, COL_PARENT, cell, sizeof cell)) != NULL &&
	    *v != '\0') {
		if (store_agency_by_code(im->t, v, &a[2], NULL) == 0)
			a->parent = a[2].h.id;
		else if ((a->parent = import_agency_by_name(im, v)) == 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_PARENT), "no agency has this code or name "
			    "(parents must come before their children)");
			goto done;
		}
	}
	if (a->parent != 0 && store_agency_get(im->t, a->parent, &a[2],
	    NULL) == 0)
		a->level = a[2].level + 1;	/* unless the file says */
	if ((v = import_cell(im, row, COL_LEVEL, cell, sizeof cell)) != NULL &&
	    *v != '\0') {
		if (model_enum_parse(&model_levels, v, &level) != 0) {
			rc = import_reject(im, row, import_colname(im,
			    COL_LEVEL), why);
			goto done;
		}
		a->level = level;
	}
	label[0] = '\0';
	if (im->o->on_change != NULL)
		snprintf(label, sizeof label, "%s (%s)", a->name, a->code);
	rc = import_apply(im, row, ENTITY_AGENCY, a, old, label);
	if (rc == 0 && old == NULL)
		import_agencies_load(im);
done:
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
	struct csv_writer_options wo;
	struct csv_reader *csv;
	const char **fields;
	size_t i;
	int rc;

	if (im->o->rejects == NULL)
		return 0;
	if ((im->rejf = fopen(im->o->rejects, "w")) == NULL)
		return err_set(im->cause, OGPO_IO, "%s: %s", im->o->rejects,
		    strerror(errno));
	memset(&wo, 0, sizeof wo);
	if ((csv = table_reader_csv(im->r)) != NULL) {
		wo.encoding = csv_reader_encoding(csv);
		wo.delimiter = csv_reader_delimiter(csv);
		wo.bom = csv_reader_bom(csv);
		wo.crlf = csv_reader_crlf(csv);
	} else
		wo.bom = wo.crlf = 1;	/* for Excel */
	if ((rc = csv_writer_open(&im->rej, im->rejf, im->o->rejects, &wo,
	    im->cause)) != 0)
		return rc;
	fields = xcalloc(im->nheader + 1, sizeof *fields);
	for (i = 0; i < im->nheader; i++)
		fields[i] = im->header_copy[i];
	fields[im->nheader] = "錯誤原因";
	rc = csv_writer_row(im->rej, fields, im->nheader + 1, im->cause);
	free(fields);
	return rc;
}

static void
import_close(struct import *im)
{
	size_t i;

	if (im->rej != NULL)
		csv_writer_close(im->rej, NULL);
	if (im->rejf != NULL)
		fclose(im->rejf);
	table_ahead_stop(im->ahead);
	im->ahead = NULL;
	table_reader_close(im->r);
	for (i = 0; i < im->nheader; i++)
		free(im->header_copy[i]);
	free(im->header_copy);
	free(im->agencies);
	free(im->codes);
	free(im->seen);
	im->seen = NULL;
	im->nseen = 0;
	im->marks = 0;
	im->codes = NULL;
	im->rej = NULL;
	im->rejf = NULL;
	im->r = NULL;
	im->header_copy = NULL;
	im->nheader = 0;
	im->agencies = NULL;
}

/* The import record that closes an import, naming its changes. */
static int
import_record_write(struct import *im, uint64_t first)
{
	struct import_record ir;
	struct audit *a = xcalloc(1, sizeof *a);
	int rc;

	memset(&ir, 0, sizeof ir);
	ir.kind = im->o->kind;
	ir.added = (uint32_t)im->res->added;
	ir.updated = (uint32_t)im->res->updated;
	ir.unchanged = (uint32_t)im->res->unchanged;
	ir.rejected = (uint32_t)im->res->rejected;
	ir.first_seq = first;
	ir.last_seq = store_audit_next(im->t) - 1;
	/* The codec takes only UTF-8, and a name may be Big5 or cut. */
	text_utf8_clean(im->path, ir.file, sizeof ir.file);
	str_copy(ir.encoding, im->res->encoding, sizeof ir.encoding);
	a->time = (int64_t)time(NULL);
	str_copy(a->login, core_login(im->c), sizeof a->login);
	a->action = AUDIT_IMPORT;
	a->entity = ENTITY_IMPORT;
	a->after_len = codec_encode(&schema_import, &ir, a->after,
	    sizeof a->after);
	rc = store_audit_append(im->t, a, im->cause);
	im->res->seq = a->seq;
	free(a);
	return rc;
}

/* Open the file as a table and note what it is. */
static int
import_open(struct import *im, char **cause)
{
	struct table_options to;
	struct csv_reader *csv;

	memset(&to, 0, sizeof to);
	to.csv = im->o->csv;
	if (table_reader_open(&im->r, im->path, &to, cause) != 0)
		return OGPO_INVALID;
	if ((csv = table_reader_csv(im->r)) != NULL) {
		str_copy(im->res->encoding, csv_reader_encoding(csv),
		    sizeof im->res->encoding);
		im->res->delimiter = csv_reader_delimiter(csv);
	} else {
		str_copy(im->res->encoding, table_format_name(
		    table_reader_format(im->r)), sizeof im->res->encoding);
		im->res->delimiter = 0;
	}
	return 0;
}

static int
import_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct import *im = arg;
	struct import_result *res = im->res;
	const struct table_row *row;
	uint64_t first;
	char *ragged;
	size_t i;
	int rc;

	/* The map may fill and this run again: start from nothing. */
	import_close(im);
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
	if ((rc = table_reader_next(im->r, &im->header, cause)) <= 0)
		return rc < 0 ? OGPO_INVALID : err_set(cause, OGPO_INVALID,
		    "%s is empty: there is no header line", im->path);
	if ((rc = import_header_map(im->header, im->o->kind, &im->h,
	    cause)) != 0)
		return err_prefix(cause, rc, "%s", im->path);
	str_copy(res->unknown, im->h.unknown, sizeof res->unknown);
	/* Keep the header: the reader's row is gone at the next call. */
	im->nheader = im->header->nfields;
	im->header_copy = xcalloc(im->nheader + 1, sizeof *im->header_copy);
	for (i = 0; i < im->nheader; i++)
		im->header_copy[i] = xstrdup(im->header->fields[i]);
	if ((rc = import_rejects_open(im)) != 0)
		return rc;
	/* The file is read in a thread of its own from here on. */
	im->ahead = table_ahead_start(im->r, 0);
	while ((rc = table_ahead_next(im->ahead, &row, cause)) == 1) {
		if (import_blank(row))
			continue;
		res->rows++;
		im->email[0] = '\0';	/* no row's e-mail is known yet */
		if (im->o->progress != NULL && res->rows % 1024 == 0)
			im->o->progress(im->o->arg,
			    table_ahead_bytes_read(im->ahead),
			    table_reader_bytes_total(im->r));
		if ((ragged = import_ragged(im, row)) != NULL)
			rc = import_reject(im, row, "", ragged);
		else
			rc = im->o->kind == ENTITY_AGENCY ?
			    import_agency_row(im, row) :
			    import_officer_row(im, row);
		free(ragged);
		if (rc != 0)
			return rc;
	}
	if (rc < 0)
		return OGPO_INVALID;
	if (im->o->progress != NULL)
		im->o->progress(im->o->arg, table_reader_bytes_total(im->r),
		    table_reader_bytes_total(im->r));
	if ((rc = store_marks_clear(t, cause)) != 0)
		return rc;
	if (res->rejected > 0 && !im->o->skip_bad && !im->o->dry_run)
		return err_set(cause, OGPO_INVALID, ngettext("%zu row was "
		    "rejected, so nothing was imported; correct %s and import "
		    "again, or use --skip-bad to load the good rows", "%zu rows "
		    "were rejected, so nothing was imported; correct %s and "
		    "import again, or use --skip-bad to load the good rows",
		    res->rejected), res->rejected, im->o->rejects ?
		    _("the rows in the rejects file") : _("those rows"));
	if (im->o->dry_run)
		return IMPORT_DRY_RUN;
	if (res->added + res->updated == 0)
		return 0;
	res->written = 1;
	return import_record_write(im, first);
}

int
import_run(struct core *c, const char *path, const struct import_options *o,
    struct import_result *res, char **cause)
{
	struct import im;
	int rc;
	struct stat st;

	memset(&im, 0, sizeof im);
	im.path = path;
	im.o = o;
	im.res = res;
	/* Room for the whole file up front (a database takes about six
	 * times the CSV: record, indexes, audit), rather than growing the map
	 * (and reading the file again) part-way through. Without the room
	 * (a nearly full disk) it is tried all the same: it may fit, and if
	 * it does not, growing says so cleanly. */
	if (!o->dry_run && stat(path, &st) == 0)
		(void)store_reserve(core_store(c), (size_t)st.st_size * 8,
		    NULL);
	rc = core_run(c, import_txn, &im, cause);
	if (rc != 0)
		res->written = 0;
	import_close(&im);
	if (rc == IMPORT_DRY_RUN)
		rc = 0;
	return rc;
}
