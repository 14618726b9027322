/*
 * records.c — tracked cases and their progress reports as tables, out
 * and back in: one column per field under the field's own name (as
 * `ogpo list cases --tsv` heads them), agencies by code, a case by its
 * number, choices by name. A file exported and imported again changes
 * nothing. An import is one transaction: every row lands or none does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/export.h"
#include "ogpo/import.h"
#include "ogpo/schema.h"

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

/* One cell: references as a person names them, the rest as listed. */
static void
records_cell(struct store_txn *t, const struct field *f, const void *rec,
    char *buf, size_t n)
{
	struct agency a;
	struct issue *is;
	uint32_t v, cnt, i, list[OGPO_COLLAB_MAX];
	size_t used = 0;

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
	int rc;

	*rows = 0;
	for (i = 0; i < n; i++) {
		cols[i].name = f[i]->name;
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
			records_cell(t, f[i], rec, text[i], sizeof text[i]);
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

struct records_row {
	char	 name[48];	/* "row 12" */
	char	**cells;
	size_t	 n;
};

struct records_import {
	enum entity_kind	 kind;
	const struct schema	*s;
	const struct field	*col[RECORDS_COLS_MAX];	/* NULL: blank */
	size_t			 ncols;
	struct records_row	*rows;
	size_t			 nrows;
	const struct records_options *o;
	struct records_result	*res;
	char			*errors;	/* every refusal, a line each */
	size_t			 nerrors;
};

static void
records_refuse(struct records_import *ri, const char *row, const char *why)
{
	char *all = xasprintf("%s%s%s: %s", ri->errors ? ri->errors : "",
	    ri->errors ? "\n" : "", row, why);

	free(ri->errors);
	ri->errors = all;
	ri->nerrors++;
}

/* A typed value into field f of rec; -1 with *why (a new string). */
static int
records_assign(struct store_txn *t, const struct field *f, void *rec,
    const char *v, char **why)
{
	char *p = (char *)rec + f->offset, *copy, *tok, *save;
	uint32_t u = 0, n = 0, list[OGPO_COLLAB_MAX];
	struct agency a;
	struct issue *is;
	const char *bad;

	switch (f->type) {
	case FIELD_STR:
		if (f->form == FORM_DATE && *v != '\0') {
			if (import_date(v, p, &bad) != 0) {
				*why = xasprintf("%s '%s': %s", f->name, v,
				    bad);
				return -1;
			}
			return 0;
		}
		if (str_copy(p, v, f->size) != 0) {
			*why = xasprintf(_("%s is too long: at most %zu bytes"),
			    f->name, f->size - 1);
			return -1;
		}
		return 0;
	case FIELD_U32LIST:
		copy = xstrdup(v);
		for (tok = strtok_r(copy, ",、 ", &save); tok != NULL;
		    tok = strtok_r(NULL, ",、 ", &save)) {
			if (n == OGPO_COLLAB_MAX ||
			    (str_to_id(tok, &list[n]) != 0 &&
			    store_agency_by_code(t, tok, &a, NULL) != 0)) {
				*why = n == OGPO_COLLAB_MAX ? xasprintf(_("%s: "
				    "at most %d agencies"), f->name,
				    OGPO_COLLAB_MAX) : xasprintf(_("%s: no "
				    "agency has the code '%s'"), f->name, tok);
				free(copy);
				return -1;
			}
			if (str_to_id(tok, &list[n]) != 0)
				list[n] = a.h.id;
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
			*why = xasprintf(_("%s: '%s' is not one of the "
			    "choices"), f->name, v);
			return -1;
		}
	} else if (f->form == FORM_TRIGGERS) {
		copy = xstrdup(v);
		for (tok = strtok_r(copy, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			if (strcmp(tok, "stakeholders") == 0)
				u |= TRIGGER_STAKEHOLDERS;
			else if (strcmp(tok, "divided") == 0)
				u |= TRIGGER_DIVIDED;
			else if (strcmp(tok, "heated") == 0)
				u |= TRIGGER_HEATED;
			else {
				*why = xasprintf(_("%s: '%s' is not "
				    "stakeholders, divided or heated"),
				    f->name, tok);
				free(copy);
				return -1;
			}
		}
		free(copy);
	} else if (f->ref == ENTITY_AGENCY && str_to_id(v, &u) != 0) {
		if (store_agency_by_code(t, v, &a, NULL) != 0) {
			*why = xasprintf(_("%s: no agency has the code '%s'"),
			    f->name, v);
			return -1;
		}
		u = a.h.id;
	} else if (f->ref == ENTITY_ISSUE && str_to_id(v, &u) != 0) {
		is = xmalloc(sizeof *is);
		if (store_case_by_serial(t, v, is, NULL) != 0) {
			free(is);
			*why = xasprintf(_("%s: there is no case numbered "
			    "'%s'"), f->name, v);
			return -1;
		}
		u = is->h.id;
		free(is);
	} else if (str_to_id(v, &u) != 0) {
		*why = xasprintf(_("%s: '%s' is not a number"), f->name, v);
		return -1;
	}
	memcpy(p, &u, sizeof u);
	return 0;
}

/* Every row, in one transaction (or its dry run). */
static int
records_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct records_import *ri = arg;
	const struct field *f;
	void *rec = xmalloc(ri->s->size);
	char *why;
	uint32_t id;
	size_t r, k;
	int had;

	/* A map-full rerun starts again from nothing. */
	free(ri->errors);
	ri->errors = NULL;
	ri->nerrors = 0;
	memset(ri->res, 0, sizeof *ri->res);
	for (r = 0; r < ri->nrows; r++) {
		struct records_row *row = &ri->rows[r];

		memset(rec, 0, ri->s->size);
		had = 0;
		why = NULL;
		for (k = 0; k < ri->ncols && k < row->n; k++)
			if (ri->col[k] != NULL &&
			    strcmp(ri->col[k]->name, "id") == 0 &&
			    row->cells[k][0] != '\0') {
				if (str_to_id(row->cells[k], &id) != 0)
					why = xasprintf(_("id '%s' is not a "
					    "number"), row->cells[k]);
				else if (store_get(t, ri->kind, id, rec,
				    NULL) != 0)
					why = xasprintf(_("there is no %s #%u "
					    "to update; leave id empty to add "
					    "it"), model_noun(ri->kind), id);
				else
					had = 1;
			}
		for (k = 0; why == NULL && k < ri->ncols && k < row->n; k++) {
			f = ri->col[k];
			if (f == NULL || (f->flags & (FIELD_HEAD |
			    FIELD_SYSTEM)))
				continue;
			if (records_assign(t, f, rec, row->cells[k], &why) != 0)
				break;
		}
		if (why == NULL) {
			uint32_t was = ((struct record_head *)rec)->version;

			if (core_save(c, t, ri->kind, rec, &why) != 0) {
				if (why == NULL)
					why = xstrdup(_("refused"));
			} else if (!had)
				ri->res->added++;
			else if (((struct record_head *)rec)->version == was)
				ri->res->unchanged++;
			else
				ri->res->updated++;
		}
		if (why != NULL) {
			records_refuse(ri, row->name, why);
			free(why);
			ri->res->rejected++;
		}
	}
	free(rec);
	if (ri->nerrors > 0)
		return err_set(cause, OGPO_INVALID, ngettext("%zu row was "
		    "refused; nothing was written:\n%s", "%zu rows were "
		    "refused; nothing was written:\n%s", ri->nerrors),
		    ri->nerrors, ri->errors);
	return 0;
}

/* Read the whole file before anything is held: cases are few. */
static int
records_read(struct records_import *ri, const char *path, char **cause)
{
	struct table_reader *r;
	const struct table_row *row;
	const struct field *f;
	char unknown[512] = "";
	size_t i, cap = 0;
	int rc, head = 0;

	if ((rc = table_reader_open(&r, path, NULL, cause)) != 0)
		return rc;
	while ((rc = table_reader_next(r, &row, cause)) == 1) {
		if (!head) {
			/* The header: field names, as the export wrote. */
			for (i = 0; i < row->nfields && i < RECORDS_COLS_MAX;
			    i++) {
				f = schema_field(ri->s, row->fields[i]);
				if (f == NULL && row->fields[i][0] != '\0') {
					size_t u = strlen(unknown);

					snprintf(unknown + u, sizeof unknown - u,
					    "%s'%s'", u ? ", " : "",
					    row->fields[i]);
				}
				ri->col[i] = f;
			}
			ri->ncols = i;
			if (unknown[0] != '\0') {
				rc = err_set(cause, OGPO_INVALID, "%s: the "
				    "header names no field of a %s: %s; write "
				    "the columns as ogpo export %s heads them",
				    path, model_noun(ri->kind), unknown,
				    ri->kind == ENTITY_ISSUE ? "cases" :
				    "progress");
				break;
			}
			head = 1;
			continue;
		}
		ri->rows = xgrow(ri->rows, &cap, ri->nrows + 1,
		    sizeof *ri->rows);
		table_row_name(row, ri->rows[ri->nrows].name,
		    sizeof ri->rows[ri->nrows].name);
		ri->rows[ri->nrows].n = row->nfields;
		ri->rows[ri->nrows].cells = xcalloc(row->nfields,
		    sizeof(char *));
		for (i = 0; i < row->nfields; i++)
			ri->rows[ri->nrows].cells[i] = xstrdup(row->fields[i]);
		ri->nrows++;
	}
	table_reader_close(r);
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
	ri.o = o;
	ri.res = res;
	if (ri.s == NULL || (o->kind != ENTITY_ISSUE &&
	    o->kind != ENTITY_PROGRESS))
		return err_set(cause, OGPO_INVALID, "internal error: import "
		    "of kind %d", (int)o->kind);
	rc = records_read(&ri, path, cause);
	if (rc == 0) {
		rc = o->dry_run ? core_dry(c, records_txn, &ri, cause) :
		    core_run(c, records_txn, &ri, cause);
		res->rows = ri.nrows;
		res->written = rc == 0 && !o->dry_run &&
		    res->added + res->updated > 0;
	}
	for (i = 0; i < ri.nrows; i++) {
		for (k = 0; k < ri.rows[i].n; k++)
			free(ri.rows[i].cells[k]);
		free(ri.rows[i].cells);
	}
	free(ri.rows);
	free(ri.errors);
	return rc;
}
