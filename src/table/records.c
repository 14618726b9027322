/*
 * records.c — tracked cases and their progress reports as tables, out
 * and back in: one column per field, under the field's own name (as
 * `ogpo list cases --tsv` heads them) with choices by name where the
 * messages are English, under a Chinese header with the choices' Chinese
 * words for a Chinese reader, either read back; agencies by code, a case
 * by its number; and meetings' resolutions back in from the
 * table export_resolutions writes (its Chinese headers, or field names).
 * A file exported and imported again changes nothing. An import is one
 * transaction and one import of the audit trail (ogpo import undo takes
 * it back): every row lands or none does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/csv.h"
#include "ogpo/export.h"
#include "ogpo/import.h"
#include "ogpo/priv.h"
#include "ogpo/schema.h"
#include "ogpo/spool.h"
#include "table-int.h"

/* The words of a case's triggers, as its tables write them for a
 * Chinese reader; the import reads these and the names alike. */
static const char *const records_triggers_zh[3] = { "利害關係複雜",
	"意見分歧", "民眾參與熱烈" };

/* A column that is no field of the record: shown for people, read only
 * to find a resolution's meeting when its number is left out. */
enum records_view {
	RECORDS_FIELD = 0,
	RECORDS_MEETING_DATE,	/* 會議日期 */
	RECORDS_MEETING_TITLE,	/* 會議 */
	RECORDS_SHOWN		/* 主責機關: the owners' names, from codes */
};

/*
 * The headers the exports write for a Chinese reader, besides the field
 * names they write where the messages are English: the import reads
 * either, so a table sent out before and one sent out now both come back.
 * A column of codes or numbers says so (主責機關代碼), as the other
 * exports head theirs.
 */
static const struct records_alias {
	enum entity_kind kind;
	const char	*header;
	const char	*field;		/* NULL: a view */
	enum records_view view;
} records_aliases[] = {
	{ ENTITY_RESOLUTION, "編號", "id", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "會議編號", "meeting", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "會議日期", NULL, RECORDS_MEETING_DATE },
	{ ENTITY_RESOLUTION, "會議", NULL, RECORDS_MEETING_TITLE },
	{ ENTITY_RESOLUTION, "案次", "number", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "決議事項", "text", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "主責機關代碼", "owner", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "主責機關", NULL, RECORDS_SHOWN },
	{ ENTITY_RESOLUTION, "期限", "due", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "狀態", "status", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "關聯議題編號", "issue", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "決定會議編號", "decided", RECORDS_FIELD },
	{ ENTITY_RESOLUTION, "辦理情形", "note", RECORDS_FIELD },
	{ ENTITY_ISSUE, "編號", "id", RECORDS_FIELD },
	{ ENTITY_ISSUE, "案名", "title", RECORDS_FIELD },
	{ ENTITY_ISSUE, "主責機關代碼", "lead", RECORDS_FIELD },
	{ ENTITY_ISSUE, "協辦機關代碼", "collab", RECORDS_FIELD },
	{ ENTITY_ISSUE, "負責聯絡人編號", "po", RECORDS_FIELD },
	{ ENTITY_ISSUE, "案號", "serial", RECORDS_FIELD },
	{ ENTITY_ISSUE, "階段", "stage", RECORDS_FIELD },
	{ ENTITY_ISSUE, "來源", "source", RECORDS_FIELD },
	{ ENTITY_ISSUE, "平臺提案編號", "join_no", RECORDS_FIELD },
	{ ENTITY_ISSUE, "成案日", "passed", RECORDS_FIELD },
	{ ENTITY_ISSUE, "延長公告日", "extended_on", RECORDS_FIELD },
	{ ENTITY_ISSUE, "延長至", "extended_to", RECORDS_FIELD },
	{ ENTITY_ISSUE, "聯繫提案人日", "contacted", RECORDS_FIELD },
	{ ENTITY_ISSUE, "狀態", "status", RECORDS_FIELD },
	{ ENTITY_ISSUE, "政策階段", "policy_stage", RECORDS_FIELD },
	{ ENTITY_ISSUE, "觸發條件", "triggers", RECORDS_FIELD },
	{ ENTITY_ISSUE, "說明", "description", RECORDS_FIELD },
	{ ENTITY_ISSUE, "利害關係人", "stakeholders", RECORDS_FIELD },
	{ ENTITY_ISSUE, "透明", "transparency", RECORDS_FIELD },
	{ ENTITY_ISSUE, "參與", "participation", RECORDS_FIELD },
	{ ENTITY_ISSUE, "課責", "accountability", RECORDS_FIELD },
	{ ENTITY_ISSUE, "涵容", "inclusiveness", RECORDS_FIELD },
	{ ENTITY_ISSUE, "提案訴求", "demands", RECORDS_FIELD },
	{ ENTITY_ISSUE, "機關立場", "position", RECORDS_FIELD },
	{ ENTITY_ISSUE, "相關資料", "data", RECORDS_FIELD },
	{ ENTITY_ISSUE, "與提案人聯繫紀錄", "contacts", RECORDS_FIELD },
	{ ENTITY_ISSUE, "連結", "links", RECORDS_FIELD },
	{ ENTITY_ISSUE, "備註", "note", RECORDS_FIELD },
	{ ENTITY_ISSUE, "解除列管會議編號", "close_meeting", RECORDS_FIELD },
	{ ENTITY_ISSUE, "公開回應", "response", RECORDS_FIELD },
	{ ENTITY_ISSUE, "回應日", "responded", RECORDS_FIELD },
	{ ENTITY_ISSUE, "階段起始日", "status_since", RECORDS_FIELD },
	{ ENTITY_PROGRESS, "編號", "id", RECORDS_FIELD },
	{ ENTITY_PROGRESS, "辦理情形", "text", RECORDS_FIELD },
	{ ENTITY_PROGRESS, "案號", "issue", RECORDS_FIELD },
	{ ENTITY_PROGRESS, "日期", "date", RECORDS_FIELD },
	{ ENTITY_PROGRESS, "機關代碼", "agency", RECORDS_FIELD },
	{ ENTITY_PROGRESS, "報告會議編號", "meeting", RECORDS_FIELD },
};

/* The columns: every field but the record head's bookkeeping. */
static size_t
records_columns(const struct schema *s, const struct field **out)
{
	size_t i, n = 0;

	for (i = 0; i < s->nfields; i++)
		if (!(s->fields[i].flags & FIELD_HEAD) ||
		    strcmp(s->fields[i].name, "id") == 0)
			out[n++] = &s->fields[i];
	return n;
}

/*
 * Whether a table goes to a Chinese reader: where the messages are
 * English, the columns keep the field names scripts and `ogpo list cases
 * --tsv` know; in any other language they are headed, and their choices
 * written, in Chinese, as every other export is.
 */
static int
records_chinese(const struct schema *s)
{
	return i18n_translated(s->fields[0].label);
}

/* Column f's header: its field name, or its Chinese header (zh). */
static const char *
records_header(enum entity_kind kind, const struct field *f, int zh)
{
	size_t j;

	for (j = 0; zh && j < sizeof records_aliases /
	    sizeof records_aliases[0]; j++)
		if (records_aliases[j].kind == kind &&
		    records_aliases[j].field != NULL &&
		    strcmp(records_aliases[j].field, f->name) == 0)
			return records_aliases[j].header;
	return f->name;
}

/*
 * One cell: references as a person names them, choices by name (or, zh,
 * by their Chinese words), the rest as listed.
 */
static void
records_cell(struct store_txn *t, const struct field *f, const void *rec,
    int zh, char *buf, size_t n)
{
	struct agency a;
	struct issue *is;
	uint32_t v, cnt, i, list[OGPO_COLLAB_MAX];
	size_t used = 0;

	if (zh && f->type == FIELD_U32 && f->enums != NULL) {
		memcpy(&v, (const char *)rec + f->offset, sizeof v);
		snprintf(buf, n, "%s", v >= f->enums->min &&
		    v <= f->enums->max ? f->enums->zh[v] : "?");
		/* None (a case's policy stage not set) is an empty cell,
		 * as the officers export leaves 督導類別: a "-" would go
		 * out guarded against formulas, read in Excel as '-. */
		if (strcmp(buf, "-") == 0)
			buf[0] = '\0';
		return;
	}
	if (zh && f->type == FIELD_U32 && f->form == FORM_TRIGGERS) {
		memcpy(&v, (const char *)rec + f->offset, sizeof v);
		buf[0] = '\0';
		for (i = 0; i < 3 && used < n; i++)
			if (v & (1u << i))
				used += (size_t)snprintf(buf + used, n - used,
				    "%s%s", used ? "、" : "",
				    records_triggers_zh[i]);
		return;
	}

	if (f->type == FIELD_U32 && f->ref == ENTITY_AGENCY) {
		memcpy(&v, (const char *)rec + f->offset, sizeof v);
		if (v != 0 && store_agency_get(t, v, &a, NULL) == 0)
			snprintf(buf, n, "%s", a.code);
		else
			schema_format(f, rec, buf, n);
		return;
	}
	if (f->type == FIELD_U32 && f->ref == ENTITY_ISSUE) {
		memcpy(&v, (const char *)rec + f->offset, sizeof v);
		is = xmalloc(sizeof *is);
		if (v != 0 && store_issue_get(t, v, is, NULL) == 0 &&
		    is->serial[0] != '\0')
			snprintf(buf, n, "%s", is->serial);
		else
			schema_format(f, rec, buf, n);
		free(is);
		return;
	}
	if (f->type == FIELD_U32LIST && f->ref == ENTITY_AGENCY) {
		memcpy(&cnt, (const char *)rec + f->count, sizeof cnt);
		if (cnt > OGPO_COLLAB_MAX)
			cnt = OGPO_COLLAB_MAX;
		memcpy(list, (const char *)rec + f->offset,
		    cnt * sizeof list[0]);
		buf[0] = '\0';
		for (i = 0; i < cnt && used + 1 < n; i++) {
			if (store_agency_get(t, list[i], &a, NULL) != 0)
				snprintf(a.code, sizeof a.code, "%u", list[i]);
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    i ? "," : "", a.code);
		}
		return;
	}
	schema_format(f, rec, buf, n);
}

int
export_records(struct store_txn *t, enum entity_kind kind,
    struct table_writer *w, size_t *rows, char **cause)
{
	const struct schema *s = schema_of(kind);
	const struct field *f[SCHEMA_FIELDS_MAX];
	struct table_column cols[SCHEMA_FIELDS_MAX];
	const char *cells[SCHEMA_FIELDS_MAX];
	char (*text)[OGPO_DESC_MAX + 64];
	struct store_cursor *c;
	void *rec;
	size_t n = records_columns(s, f), i;
	int rc, zh = records_chinese(s);

	*rows = 0;
	for (i = 0; i < n; i++) {
		cols[i].name = records_header(kind, f[i], zh);
		cols[i].kind = f[i]->form == FORM_DATE ? TABLE_DATE :
		    TABLE_TEXT;
		cols[i].width = 0;
	}
	if ((rc = table_writer_head(w, cols, n, cause)) != 0)
		return rc;
	if ((rc = store_cursor_open(t, store_entity_index(kind), NULL, &c,
	    cause)) != 0)
		return rc;
	rec = xmalloc(s->size);
	text = xmalloc(n * sizeof *text);
	while (store_cursor_move(c, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(c, rec, cause)) != 0)
			break;
		for (i = 0; i < n; i++) {
			records_cell(t, f[i], rec, zh, text[i],
			    sizeof text[i]);
			cells[i] = text[i];
		}
		if ((rc = table_writer_row(w, cells, n, cause)) != 0)
			break;
		(*rows)++;
	}
	free(text);
	free(rec);
	store_cursor_close(c);
	return rc;
}

/* --- import ---------------------------------------------------------- */

#define RECORDS_COLS_MAX	256
#define RECORDS_NOTHING	1000	/* private status: nothing to change, let go */

struct records_row {
	char	 name[48];	/* "row 12" */
	char	**cells;
	size_t	 n;
};

struct records_import {
	enum entity_kind	 kind;
	const struct schema	*s;
	const char		*path;
	const struct field	*col[RECORDS_COLS_MAX];	/* NULL: no field */
	enum records_view	 view[RECORDS_COLS_MAX];
	char			*head[RECORDS_COLS_MAX];	/* as written */
	size_t			 ncols;
	struct records_row	*rows;
	size_t			 nrows;
	char			 encoding[16];
	const struct records_options *o;
	struct records_result	*res;
	char			*errors;	/* every refusal, a line each */
	size_t			 nerrors;
};

/* The command that writes kind's table, for sentences. */
static const char *
records_export_name(enum entity_kind kind)
{
	return kind == ENTITY_ISSUE ? "cases" : kind == ENTITY_PROGRESS ?
	    "progress" : "resolutions";
}

/* Refuse row: "FILE: row 12, column 狀態: why" (column k, or none). */
static void
records_refuse(struct records_import *ri, const struct records_row *row,
    size_t k, const char *why)
{
	char *line = k < ri->ncols ? xasprintf(_("%s: %s, column %s: %s"),
	    ri->path, row->name, ri->head[k], why) : xasprintf(_("%s: %s: %s"),
	    ri->path, row->name, why);
	char *all = xasprintf("%s%s%s", ri->errors ? ri->errors : "",
	    ri->errors ? "\n" : "", line);

	free(line);
	free(ri->errors);
	ri->errors = all;
	ri->nerrors++;
	ri->res->rejected++;
}

/* "'2027-13-01' is not a real calendar date", as the importers say it. */
static char *
records_quote(const char *v, const char *reason)
{
	reason = _(reason);
	if (strncmp(reason, "is ", 3) == 0 || strncmp(reason, "should ",
	    7) == 0 || strncmp(reason, "looks ", 6) == 0 ||
	    strncmp(reason, "holds ", 6) == 0)
		return xasprintf(_("'%s' %s"), v, reason);
	return xasprintf(_("'%s': %s"), v, reason);
}

/*
 * The agency v names in a code column: its code, as the export writes it,
 * before an id (0800 is agency 0800, not #800). A code of digits that a
 * spreadsheet took for a number (800 for 0800) is the agency of had, the
 * nhad the record names now, if it is one of them; any other such code
 * is refused rather than taken for another agency or an id. A bare number
 * that no code reads as is an id, as ogpo set takes it. 0, or -1 with
 * *why (a new string).
 */
static int
records_agency(struct store_txn *t, const char *v, const uint32_t *had,
    size_t nhad, uint32_t *id, char **why)
{
	char padded[OGPO_CODE_MAX + 1], them[512];
	char exact_name[OGPO_NAME_MAX + 1];
	size_t len = strlen(v), k, i, n = 0;
	struct agency a;
	uint32_t kept = 0, exact = 0;

	if (store_agency_by_code(t, v, &a, NULL) == 0) {
		exact = a.h.id;
		str_copy(exact_name, a.name, sizeof exact_name);
		for (i = 0; i < nhad; i++)
			if (had[i] == exact)
				kept = exact;	/* what the record has */
	}
	them[0] = '\0';
	for (k = 1; len > 0 && v[0] != '0' && strspn(v, "0123456789") ==
	    len && k + len <= OGPO_CODE_MAX; k++) {
		memset(padded, '0', k);
		memcpy(padded + k, v, len + 1);
		if (store_agency_by_code(t, padded, &a, NULL) != 0)
			continue;
		for (i = 0; i < nhad && kept == 0; i++)
			if (had[i] == a.h.id)
				kept = a.h.id;
		if (n++ < 3) {
			size_t used = strlen(them);

			snprintf(them + used, sizeof them - used, "%s%s (%s)",
			    used ? _(", ") : "", a.code, a.name);
			str_utf8_cut(them);
		}
	}
	if (kept != 0 || (n == 0 && exact != 0)) {
		*id = kept != 0 ? kept : exact;
		return 0;
	}
	if (exact != 0) {
		*why = xasprintf(_("'%s' is the code of %s, but may also be %s "
		    "with its leading zero dropped by a spreadsheet that took "
		    "the code for a number; set this record's agency by hand "
		    "first (the cell is then read as the agency it has), and "
		    "import again"),
		    v, exact_name, them);
		return -1;
	}
	if (n > 0) {
		*why = xasprintf(_("'%s' is no agency's code, but %s is, with "
		    "its leading zero: a spreadsheet took the code for a "
		    "number and dropped the zero; type the code again as text "
		    "(the cell formatted as text), or send the table as .ods "
		    "or .xlsx, and import again"), v, them);
		return -1;
	}
	if (str_to_id(v, id) == 0)
		return 0;
	*why = xasprintf(_("no agency has the code '%s'"), v);
	return -1;
}

/* A typed value into field f of rec; -1 with *why (a new string). */
static int
records_assign(struct store_txn *t, const struct field *f, void *rec,
    const char *v, char **why)
{
	char *p = (char *)rec + f->offset, *copy, *tok, *save;
	char choices[256];
	uint32_t u = 0, n = 0, list[OGPO_COLLAB_MAX];
	uint32_t had, was[OGPO_COLLAB_MAX];
	struct meeting *m;
	struct issue *is;
	const char *bad;

	switch (f->type) {
	case FIELD_STR:
		if (f->form == FORM_DATE && *v != '\0') {
			char iso[OGPO_DATE_MAX + 8];

			if (import_date(v, iso, &bad) != 0) {
				*why = records_quote(v, bad);
				return -1;
			}
			/* 民國99年 typed 99/3/1, read as 1999. */
			if (table_two_digit(iso, p)) {
				*why = records_quote(v, IMPORT_TWO_DIGIT);
				return -1;
			}
			str_copy(p, iso, f->size);
			return 0;
		}
		/* The stored text, as a spreadsheet showed it as a number
		 * (a join_no 000123 as 123), is the stored text. */
		if (import_same_number(p, v))
			return 0;
		if (str_copy(p, v, f->size) != 0) {
			*why = xasprintf(_("too long: at most %zu bytes"),
			    f->size - 1);
			return -1;
		}
		return 0;
	case FIELD_U32LIST:
		copy = xstrdup(v);
		memcpy(&had, (char *)rec + f->count, sizeof had);
		if (had > OGPO_COLLAB_MAX)
			had = 0;
		memcpy(was, p, had * sizeof was[0]);
		for (tok = strtok_r(copy, ",、 ", &save); tok != NULL;
		    tok = strtok_r(NULL, ",、 ", &save)) {
			if (n == OGPO_COLLAB_MAX) {
				*why = xasprintf(_("at most %d agencies"),
				    OGPO_COLLAB_MAX);
				free(copy);
				return -1;
			}
			if (records_agency(t, tok, was, had, &list[n],
			    why) != 0) {
				free(copy);
				return -1;
			}
			n++;
		}
		free(copy);
		memcpy(p, list, n * sizeof list[0]);
		memcpy((char *)rec + f->count, &n, sizeof n);
		return 0;
	case FIELD_U32:
		break;
	default:
		return 0;
	}
	if (*v == '\0')
		u = 0;
	else if (f->enums != NULL) {
		if (model_enum_parse(f->enums, v, &u) != 0) {
			model_enum_choices(f->enums, choices, sizeof choices);
			*why = xasprintf(_("'%s' is not one of the choices: %s"),
			    v, choices);
			return -1;
		}
	} else if (f->form == FORM_TRIGGERS) {
		copy = xstrdup(v);
		/* 、 between the Chinese words: a comma (strtok would cut
		 * characters that share its bytes). */
		for (tok = copy; (tok = strstr(tok, "、")) != NULL; )
			memset(tok, ',', strlen("、"));
		for (tok = strtok_r(copy, ", ", &save); tok != NULL;
		    tok = strtok_r(NULL, ", ", &save)) {
			if (strcmp(tok, "stakeholders") == 0 ||
			    strcmp(tok, records_triggers_zh[0]) == 0)
				u |= TRIGGER_STAKEHOLDERS;
			else if (strcmp(tok, "divided") == 0 ||
			    strcmp(tok, records_triggers_zh[1]) == 0)
				u |= TRIGGER_DIVIDED;
			else if (strcmp(tok, "heated") == 0 ||
			    strcmp(tok, records_triggers_zh[2]) == 0)
				u |= TRIGGER_HEATED;
			else {
				*why = xasprintf(_("'%s' is not stakeholders "
				    "(%s), divided (%s) or heated (%s)"), tok,
				    records_triggers_zh[0],
				    records_triggers_zh[1],
				    records_triggers_zh[2]);
				free(copy);
				return -1;
			}
		}
		free(copy);
	} else if (f->ref == ENTITY_AGENCY) {
		memcpy(&u, p, sizeof u);
		if (records_agency(t, v, &u, 1, &u, why) != 0)
			return -1;
	} else if (f->ref == ENTITY_ISSUE && str_to_id(v, &u) != 0) {
		is = xmalloc(sizeof *is);
		if (store_case_by_serial(t, v, is, NULL) != 0) {
			free(is);
			*why = xasprintf(_("there is no case numbered '%s'"),
			    v);
			return -1;
		}
		u = is->h.id;
		free(is);
	} else if (str_to_id(v, &u) != 0) {
		*why = xasprintf(_("'%s' is not a number"), v);
		return -1;
	} else if (f->ref == ENTITY_MEETING) {
		m = xmalloc(sizeof *m);
		if (store_meeting_get(t, u, m, NULL) != 0) {
			free(m);
			*why = xasprintf(_("there is no meeting #%u; see ogpo "
			    "list meetings"), u);
			return -1;
		}
		free(m);
	}
	memcpy(p, &u, sizeof u);
	return 0;
}

/* Column k of row, "" where the row is short. */
static const char *
records_at(const struct records_row *row, size_t k)
{
	return k < row->n ? row->cells[k] : "";
}

/* The cell of the row under the field of that name, or "". */
static const char *
records_cell_of(const struct records_import *ri, const struct records_row *row,
    const char *field, size_t *k)
{
	size_t i;

	for (i = 0; i < ri->ncols; i++)
		if (ri->col[i] != NULL && strcmp(ri->col[i]->name, field) == 0) {
			*k = i;
			return records_at(row, i);
		}
	*k = ri->ncols;
	return "";
}

/* The cell of the row under a view, or "". */
static const char *
records_view_cell(const struct records_import *ri,
    const struct records_row *row, enum records_view view, size_t *k)
{
	size_t i;

	for (i = 0; i < ri->ncols; i++)
		if (ri->view[i] == view) {
			*k = i;
			return records_at(row, i);
		}
	*k = ri->ncols;
	return "";
}

/*
 * The meeting a resolution row names: by its number (會議編號), else by
 * its date (會議日期) and, where two share the day, its title (會議).
 * 0 with nothing said when the row names none; -1 refused (*k the
 * column, *why a new string).
 */
static int
records_meeting(struct store_txn *t, const struct records_import *ri,
    const struct records_row *row, uint32_t *id, size_t *k, char **why)
{
	struct resolution r;
	struct store_cursor *c;
	struct meeting *m;
	const char *date, *title, *bad;
	char iso[OGPO_DATE_MAX + 1];
	size_t kt, found = 0;
	const struct field *f = schema_field(ri->s, "meeting");

	*id = 0;
	memset(&r, 0, sizeof r);
	if (*records_cell_of(ri, row, "meeting", k) != '\0') {
		if (records_assign(t, f, &r, records_at(row, *k), why) != 0)
			return -1;
		*id = r.meeting;
		return 0;
	}
	date = records_view_cell(ri, row, RECORDS_MEETING_DATE, k);
	if (*date == '\0')
		return 0;
	if (import_date(date, iso, &bad) != 0) {
		*why = records_quote(date, bad);
		return -1;
	}
	title = records_view_cell(ri, row, RECORDS_MEETING_TITLE, &kt);
	if (store_cursor_open(t, IX_MEETING_DATE, NULL, &c, NULL) != 0)
		return 0;
	m = xmalloc(sizeof *m);
	if (store_cursor_seek_text(c, iso) == 0)
		do {
			if (store_cursor_get(c, m, NULL) != 0 ||
			    strcmp(m->date, iso) != 0)
				break;
			if (*title != '\0' && strcmp(m->title, title) != 0)
				continue;
			*id = m->h.id;
			found++;
		} while (store_cursor_move(c, STORE_NEXT) == 0);
	store_cursor_close(c);
	free(m);
	if (found == 1)
		return 0;
	*id = 0;
	*why = found == 0 ? xasprintf(*title != '\0' ? _("no meeting on %s "
	    "is titled as the row says; see ogpo list meetings") :
	    _("no meeting was held on %s; see ogpo list meetings"), iso) :
	    xasprintf(_("%zu meetings were held on %s; give the meeting's "
	    "number (會議編號) or its title (會議)"), found, iso);
	return -1;
}

/*
 * A resolution row without an id: the one its meeting and number name,
 * into rec (*had 1), if there is one. 0, or -1 refused as above.
 */
static int
records_resolution_find(struct store_txn *t, struct records_import *ri,
    const struct records_row *row, void *rec, int *had, uint32_t *meeting,
    size_t *k, char **why)
{
	struct resolution *r = rec;
	struct store_cursor *c;
	const char *no;
	uint32_t number;

	if (records_meeting(t, ri, row, meeting, k, why) != 0)
		return -1;
	no = records_cell_of(ri, row, "number", k);
	if (*meeting == 0 || *no == '\0')
		return 0;
	if (str_to_id(no, &number) != 0) {
		*why = xasprintf(_("'%s' is not a number"), no);
		return -1;
	}
	if (store_cursor_open(t, IX_MEETING_RESOLUTION, meeting, &c,
	    NULL) != 0)
		return 0;
	while (!*had && store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, r, NULL) == 0 && r->number == number)
			*had = 1;
	store_cursor_close(c);
	if (!*had)
		memset(rec, 0, sizeof *r);
	return 0;
}

/* A blank cell that keeps what is stored: a resolution's meeting,
 * number and status, which a row that names it by its id may leave out. */
static int
records_keeps(const struct records_import *ri, const struct field *f)
{
	return ri->kind == ENTITY_RESOLUTION && (strcmp(f->name, "meeting")
	    == 0 || strcmp(f->name, "number") == 0 ||
	    strcmp(f->name, "status") == 0);
}

/* The file's own header of a field, for the dry run's sentences. */
static const char *
records_col_name(const void *arg, const char *field)
{
	const struct records_import *ri = arg;
	size_t i;

	for (i = 0; i < ri->ncols; i++)
		if (ri->col[i] != NULL && strcmp(ri->col[i]->name, field) == 0)
			return ri->head[i];
	return "";
}

/* "resolution 3 of meeting #12" or "case 115-07 路邊停車". */
static void
records_label(const struct records_import *ri, const void *rec, char *buf,
    size_t n)
{
	const struct resolution *r = rec;
	char label[OGPO_TEXT_MAX + 1];

	if (ri->kind == ENTITY_RESOLUTION) {
		snprintf(buf, n, _("resolution %u of meeting #%u"), r->number,
		    r->meeting);
		return;
	}
	schema_label(ri->s, rec, label, sizeof label);
	snprintf(buf, n, "%s %s", model_noun(ri->kind), label);
}

/* Tell the caller what a row did (a dry run lists it). */
static void
records_change(struct store_txn *t, struct records_import *ri,
    const struct records_row *row, const void *old, const void *rec)
{
	char label[OGPO_TEXT_MAX + 64], diff[1024];
	char *what;

	if (ri->o->on_change == NULL)
		return;
	records_label(ri, rec, label, sizeof label);
	if (old == NULL)
		what = xasprintf(_("added %s"), label);
	else {
		(void)import_diff_text(t, ri->kind, old, rec,
		    records_col_name, ri, diff, sizeof diff);
		what = xasprintf(_("updated %s: %s"), label, diff);
	}
	ri->o->on_change(ri->o->arg, row->name, what);
	free(what);
}

/* 1 if every cell of the row is empty (a sheet's trailing rows). */
static int
records_blank(const struct records_row *row)
{
	size_t k;

	for (k = 0; k < row->n; k++)
		if (row->cells[k][0] != '\0')
			return 0;
	return 1;
}

/* One row: refused (counted, said) or saved. 0, or an error that ends
 * it all (the map is full, the disk failed). */
static int
records_row(struct core *c, struct store_txn *t, struct records_import *ri,
    const struct records_row *row, void *rec, void *old, char **cause)
{
	const struct field *f;
	const char *v;
	char *why = NULL;
	struct core_fault fault;
	uint32_t id, meeting = 0, was;
	size_t k = ri->ncols;
	int had = 0, rc;

	memset(rec, 0, ri->s->size);
	v = records_cell_of(ri, row, "id", &k);
	if (*v != '\0') {
		if (str_to_id(v, &id) != 0)
			why = xasprintf(_("'%s' is not a number"), v);
		else if (store_get(t, ri->kind, id, rec, NULL) != 0)
			why = xasprintf(_("there is no %s #%u to update; leave "
			    "it empty to add one"), model_noun(ri->kind), id);
		else
			had = 1;
	} else if (ri->kind == ENTITY_RESOLUTION)
		(void)records_resolution_find(t, ri, row, rec, &had, &meeting,
		    &k, &why);
	memcpy(old, rec, ri->s->size);
	/* The row's cells over what is stored; k names a refused one. */
	if (why == NULL)
		for (k = 0; k < ri->ncols && k < row->n; k++) {
			f = ri->col[k];
			if (f == NULL ||
			    (f->flags & (FIELD_HEAD | FIELD_SYSTEM)))
				continue;
			if (had && row->cells[k][0] == '\0' &&
			    records_keeps(ri, f))
				continue;
			if (records_assign(t, f, rec, row->cells[k],
			    &why) != 0)
				break;
		}
	/* What a Big5 save or a wrong encoding lost, said, not written. */
	if (why == NULL)
		for (k = 0; k < ri->ncols && k < row->n; k++) {
			const char *now;

			f = ri->col[k];
			if (f == NULL || f->type != FIELD_STR ||
			    (f->flags & (FIELD_HEAD | FIELD_SYSTEM)))
				continue;
			now = (const char *)rec + f->offset;
			if ((had && import_lost((const char *)old +
			    f->offset, now)) ||
			    strstr(now, "\xef\xbf\xbd") != NULL) {
				why = records_quote(now, N_("holds ? or � "
				    "where a character was: the file was "
				    "probably saved as Big5 (ANSI) by a "
				    "program that had no Big5 form for it; "
				    "save it as UTF-8 or .ods and import "
				    "again"));
				break;
			}
		}
	if (why == NULL && ri->kind == ENTITY_RESOLUTION &&
	    ((struct resolution *)rec)->meeting == 0)
		((struct resolution *)rec)->meeting = meeting;
	if (why != NULL) {
		records_refuse(ri, row, k, why);
		free(why);
		return 0;
	}
	was = ((struct record_head *)rec)->version;
	if ((rc = core_save(c, t, ri->kind, rec, &why)) != 0) {
		if (rc == OGPO_FULL || rc == OGPO_IO || rc == OGPO_NOMEM) {
			err_set(cause, rc, "%s: %s: %s", ri->path, row->name,
			    why ? why : "");
			free(why);
			return rc;
		}
		/* A rule about one field is said under its column, as the
		 * sender finds the cell to mend (期限 of a due date before
		 * its meeting). */
		k = ri->ncols;
		if (rc == OGPO_INVALID && core_check(t, ri->kind, rec, &fault,
		    1) > 0 && fault.field != NULL)
			for (k = 0; k < ri->ncols && ri->col[k] !=
			    fault.field; k++)
				;
		records_refuse(ri, row, k, why ? why : _("refused"));
		free(why);
		return 0;
	}
	if (!had) {
		ri->res->added++;
		records_change(t, ri, row, NULL, rec);
	} else if (((struct record_head *)rec)->version == was)
		ri->res->unchanged++;
	else {
		ri->res->updated++;
		records_change(t, ri, row, old, rec);
	}
	return 0;
}

/* Every row, in one transaction (or its dry run). */
static int
records_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct records_import *ri = arg;
	struct import_record ir;
	void *rec = xmalloc(ri->s->size), *old = xmalloc(ri->s->size);
	uint64_t first = store_audit_next(t);
	size_t r;
	int rc = 0;

	/* A map-full rerun starts again from nothing. */
	free(ri->errors);
	ri->errors = NULL;
	ri->nerrors = 0;
	memset(ri->res, 0, sizeof *ri->res);
	for (r = 0; rc == 0 && r < ri->nrows; r++)
		if (!records_blank(&ri->rows[r]))
			rc = records_row(c, t, ri, &ri->rows[r], rec, old,
			    cause);
	free(old);
	free(rec);
	if (rc != 0)
		return rc;
	if (ri->nerrors > 0)
		return err_set(cause, OGPO_INVALID, ngettext("%zu row was "
		    "refused; nothing was written:\n%s", "%zu rows were "
		    "refused; nothing was written:\n%s", ri->nerrors),
		    ri->nerrors, ri->errors);
	if (ri->o->dry_run)
		return 0;
	if (ri->res->added + ri->res->updated == 0)
		return RECORDS_NOTHING;
	/* The record that names the changes: ogpo import undo takes them
	 * back together. */
	memset(&ir, 0, sizeof ir);
	ir.kind = ri->kind;
	ir.added = (uint32_t)ri->res->added;
	ir.updated = (uint32_t)ri->res->updated;
	ir.unchanged = (uint32_t)ri->res->unchanged;
	ir.first_seq = first;
	str_copy(ir.encoding, ri->encoding, sizeof ir.encoding);
	return import_record_append(c, t, &ir, ri->path, &ri->res->seq,
	    cause);
}

/* Map header cell h to column i: a field's name, or an export's own. */
static int
records_head(struct records_import *ri, size_t i, const char *h)
{
	size_t j;

	ri->head[i] = xstrdup(h);
	ri->col[i] = schema_field(ri->s, h);
	ri->view[i] = RECORDS_FIELD;
	if (ri->col[i] != NULL || *h == '\0')
		return 0;
	for (j = 0; j < sizeof records_aliases / sizeof records_aliases[0];
	    j++)
		if (records_aliases[j].kind == ri->kind &&
		    strcmp(records_aliases[j].header, h) == 0) {
			ri->view[i] = records_aliases[j].view;
			if (records_aliases[j].field != NULL)
				ri->col[i] = schema_field(ri->s,
				    records_aliases[j].field);
			return 0;
		}
	return -1;
}

/* Read the whole file before anything is held: cases are few. */
static int
records_read(struct records_import *ri, const char *path, char **cause)
{
	struct table_reader *r;
	struct table_parsed *p;
	struct table_csv_info ci;
	const struct table_row *row;
	struct spool sp;
	char unknown[512] = "";
	size_t i, cap = 0;
	int rc, head = 0;

	/* Copied aside, and read (a set-id ogpo: in a process of its own
	 * that holds nothing of the database) before anything is held. */
	if ((rc = spool_in(&sp, path, NULL, NULL, cause)) != 0)
		return rc;
	rc = table_parse(&p, path, sp.data, sp.len, NULL, priv_setid(),
	    cause);
	if (rc == 0 && (rc = table_parsed_open(&r, p, cause)) != 0)
		table_parsed_free(p);
	if (rc != 0) {
		spool_free(&sp);
		return rc;
	}
	if (table_reader_csv_info(r, &ci))
		str_copy(ri->encoding, ci.encoding, sizeof ri->encoding);
	else
		str_copy(ri->encoding, table_format_name(
		    table_reader_format(r)), sizeof ri->encoding);
	while ((rc = table_reader_next(r, &row, cause)) == 1) {
		if (!head) {
			size_t filled = 0, known = 0;

			/* The header: field names, as the export wrote. */
			for (i = 0; i < row->nfields && i < RECORDS_COLS_MAX;
			    i++) {
				if (row->fields[i][0] != '\0')
					filled++;
				if (records_head(ri, i, row->fields[i]) != 0) {
					size_t u = strlen(unknown);

					snprintf(unknown + u, sizeof unknown - u,
					    "%s'%s'", u ? ", " : "",
					    row->fields[i]);
				} else if (row->fields[i][0] != '\0')
					known++;
			}
			ri->ncols = i;
			if (known == 0 && filled <= 2) {
				/* A title or a note typed above the header
				 * (merged across it or not), or a row left
				 * empty: passed over, as the officers' import
				 * passes it. */
				for (i = 0; i < ri->ncols; i++) {
					free(ri->head[i]);
					ri->head[i] = NULL;
				}
				ri->ncols = 0;
				unknown[0] = '\0';
				continue;
			}
			if (unknown[0] != '\0') {
				rc = err_set(cause, OGPO_INVALID, "%s: the "
				    "header names no field of a %s: %s; write "
				    "the columns as ogpo export %s heads them",
				    path, model_noun(ri->kind), unknown,
				    records_export_name(ri->kind));
				break;
			}
			head = 1;
			continue;
		}
		{
			char label[64], where[64], *what;

			/* 合計 and a count under the table: no record. */
			if (table_total_row(row, label, sizeof label)) {
				if (ri->o->on_change != NULL) {
					table_row_name(row, where,
					    sizeof where);
					what = xasprintf(_("passed over: a "
					    "total row (%s), not a record"),
					    label);
					ri->o->on_change(ri->o->arg, where,
					    what);
					free(what);
				}
				continue;
			}
		}
		ri->rows = xgrow(ri->rows, &cap, ri->nrows + 1,
		    sizeof *ri->rows);
		table_row_name(row, ri->rows[ri->nrows].name,
		    sizeof ri->rows[ri->nrows].name);
		ri->rows[ri->nrows].n = row->nfields;
		ri->rows[ri->nrows].cells = xcalloc(row->nfields,
		    sizeof(char *));
		/* Less the ' a CSV puts before = + - @, as the other
		 * imports read it. */
		for (i = 0; i < row->nfields; i++)
			ri->rows[ri->nrows].cells[i] = xstrdup(
			    csv_cell_unguard(row->fields[i]));
		ri->nrows++;
	}
	table_reader_close(r);
	table_parsed_free(p);
	spool_free(&sp);
	if (rc == 0 && !head)
		rc = err_set(cause, OGPO_INVALID, "%s is empty: it has no "
		    "header row", path);
	return rc < 0 ? OGPO_INVALID : rc;
}

int
records_import(struct core *c, const char *path,
    const struct records_options *o, struct records_result *res,
    char **cause)
{
	struct records_import ri;
	size_t i, k;
	int rc;

	memset(&ri, 0, sizeof ri);
	memset(res, 0, sizeof *res);
	ri.kind = o->kind;
	ri.s = schema_of(o->kind);
	ri.path = path;
	ri.o = o;
	ri.res = res;
	if (ri.s == NULL || (o->kind != ENTITY_ISSUE &&
	    o->kind != ENTITY_PROGRESS && o->kind != ENTITY_RESOLUTION))
		return err_set(cause, OGPO_INVALID, "internal error: import "
		    "of kind %d", (int)o->kind);
	rc = records_read(&ri, path, cause);
	if (rc == 0) {
		/* Refused rows, or none that change anything, are found
		 * without the writer's lock (core_run_looked). */
		rc = o->dry_run ? core_dry(c, records_txn, &ri, cause) :
		    core_run_looked(c, records_txn, &ri, cause);
		if (rc == RECORDS_NOTHING)
			rc = 0;
		res->rows = ri.nrows;
		res->written = rc == 0 && !o->dry_run &&
		    res->added + res->updated > 0;
	}
	for (i = 0; i < ri.nrows; i++) {
		for (k = 0; k < ri.rows[i].n; k++)
			free(ri.rows[i].cells[k]);
		free(ri.rows[i].cells);
	}
	for (i = 0; i < ri.ncols; i++)
		free(ri.head[i]);
	free(ri.rows);
	free(ri.errors);
	return rc;
}
