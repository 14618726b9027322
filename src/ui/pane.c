/*
 * pane.c — what the panes share: moving through a list, the add, edit and
 * delete flows, and the detail text of a record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

int
pane_move(struct ui *ui, struct vlist *l, enum ui_action a)
{
	struct store_txn *t;

	switch (a) {
	case UA_UP:
	case UA_DOWN:
	case UA_PAGE_UP:
	case UA_PAGE_DOWN:
	case UA_HOME:
	case UA_END:
		break;
	default:
		return 0;
	}
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return 1;
	vlist_move(l, t, a);
	store_read_end(t);
	ui->msg[0] = '\0';
	return 1;
}

int
pane_edit(struct ui *ui, enum entity_kind kind, uint32_t id, void *fresh,
    const char *title)
{
	const struct schema *s = schema_of(kind);
	void *rec = xcalloc(1, s->size);
	struct store_txn *t;
	char *cause = NULL;
	int rc = 0;

	if (fresh != NULL)
		memcpy(rec, fresh, s->size);
	else if (store_read_begin(ui->store, &t, &cause) == 0) {
		rc = store_get(t, kind, id, rec, &cause);
		store_read_end(t);
	} else
		rc = OGPO_IO;
	if (rc != 0) {
		ui_message(ui, 1, "%s", cause ? cause : _("that record is gone"));
		free(cause);
		free(rec);
		return 0;
	}
	rc = ui_form_edit(ui, kind, rec, title);
	id = rc == 1 ? ((struct record_head *)rec)->id : 0;
	free(rec);
	if (rc == UI_KEY_QUIT)
		ui->quit = 1;
	return (int)id;
}

void
pane_delete(struct ui *ui, enum entity_kind kind, uint32_t id)
{
	struct store_txn *t;
	struct record_head h;
	char *what = NULL, *cause = NULL;
	void *rec;
	int rc, r;

	if (id == 0)
		return;
	if (store_read_begin(ui->store, &t, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	rc = core_delete_check(t, kind, id, &what);
	rec = xmalloc(schema_of(kind)->size);
	memset(&h, 0, sizeof h);
	if (store_get(t, kind, id, rec, NULL) == 0)
		memcpy(&h, rec, sizeof h);
	free(rec);
	store_read_end(t);
	if (rc != 0) {
		ui_alert(ui, _("Cannot delete"), what);
		free(what);
		return;
	}
	r = ui_confirm(ui, _("Delete"), what);
	free(what);
	if (r == UI_KEY_QUIT)
		ui->quit = 1;
	if (r != 1)
		return;
	/* The version we showed: if someone changed it since, we say so. */
	if (core_delete1(ui->core, kind, id, h.version, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_message(ui, 0, _("Deleted."));
	ui_changed(ui);
}

void
pane_text_add(char **text, const char *label, const char *value)
{
	char *old = *text;

	if (value == NULL || *value == '\0')
		return;
	/* An empty label continues the line above. */
	*text = *label ? xasprintf("%s%s: %s\n", old ? old : "", label,
	    value) : xasprintf("%s    %s\n", old ? old : "", value);
	free(old);
}

/* A reference as people know it: an agency's name, an officer's name. */
static void
pane_ref(struct store_txn *t, enum entity_kind kind, uint32_t id, char *buf,
    size_t n)
{
	union {
		struct agency	a;
		struct officer	o;
		struct issue	i;
	} *r;

	buf[0] = '\0';
	if (id == 0)
		return;
	r = xmalloc(sizeof *r);
	if (kind == ENTITY_AGENCY && store_agency_get(t, id, &r->a, NULL) == 0)
		snprintf(buf, n, "%s (%s)", r->a.name, r->a.code);
	else if (kind == ENTITY_OFFICER &&
	    store_officer_get(t, id, &r->o, NULL) == 0)
		snprintf(buf, n, "%s %s", r->o.name, r->o.title);
	else if (kind == ENTITY_ISSUE && store_issue_get(t, id, &r->i,
	    NULL) == 0)
		snprintf(buf, n, "#%u %s", id, r->i.title);
	else
		snprintf(buf, n, "#%u (gone)", id);
	free(r);
}

char *
pane_detail(struct store_txn *t, enum entity_kind kind, const void *rec)
{
	const struct schema *s = schema_of(kind);
	const struct field *f;
	char value[OGPO_DESC_MAX + 64], when[32], one[OGPO_TEXT_MAX + 32];
	char *text = NULL;
	uint32_t id, n, k, list[OGPO_COLLAB_MAX];
	size_t i, used;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (f->flags & FIELD_HEAD)
			continue;
		if (f->type == FIELD_U32 && f->ref != 0) {
			memcpy(&id, (const char *)rec + f->offset, sizeof id);
			pane_ref(t, f->ref, id, value, sizeof value);
		} else if (f->type == FIELD_U32LIST) {
			memcpy(&n, (const char *)rec + f->count, sizeof n);
			n = n > OGPO_COLLAB_MAX ? OGPO_COLLAB_MAX : n;
			memcpy(list, (const char *)rec + f->offset,
			    n * sizeof *list);
			for (k = 0, used = 0, value[0] = '\0'; k < n; k++) {
				pane_ref(t, f->ref, list[k], one, sizeof one);
				used += (size_t)snprintf(value + used,
				    sizeof value - used, "%s%s", k ? "; " : "",
				    one);
				if (used >= sizeof value)
					break;
			}
		} else if (f->form == FORM_COMPETENCIES) {
			memcpy(&id, (const char *)rec + f->offset, sizeof id);
			for (k = 0, used = 0, value[0] = '\0'; k < 4; k++)
				if (id & (1u << k))
					used += (size_t)snprintf(value + used,
					    sizeof value - used, "%s%s",
					    used ? "; " : "",
					    _(model_competence_labels[k]));
		} else if (f->form == FORM_TRIGGERS) {
			memcpy(&id, (const char *)rec + f->offset, sizeof id);
			snprintf(value, sizeof value, "%s%s%s",
			    id & TRIGGER_STAKEHOLDERS ? _("complex stakeholder "
			    "interests 利害關係複雜; ") : "",
			    id & TRIGGER_DIVIDED ? _("divided opinion "
			    "意見分歧; ") : "",
			    id & TRIGGER_HEATED ? _("heated public "
			    "participation 民眾參與熱烈") : "");
		} else if (f->enums != NULL) {
			memcpy(&id, (const char *)rec + f->offset, sizeof id);
			snprintf(value, sizeof value, "%s", id == 0 &&
			    f->enums->min != 0 ? "" :
			    model_enum_label(f->enums, id));
			if (strcmp(value, "-") == 0)
				value[0] = '\0';
		} else if (f->form == FORM_BOOL) {
			memcpy(&id, (const char *)rec + f->offset, sizeof id);
			snprintf(value, sizeof value, "%s", id ? _("yes") :
			    _("no"));
		} else
			schema_format(f, rec, value, sizeof value);
		pane_text_add(&text, _(f->label), value);
	}
	time_format(((const struct record_head *)rec)->updated_at, when,
	    sizeof when);
	snprintf(value, sizeof value, "%s, %s (version %u)",
	    ((const struct record_head *)rec)->updated_by, when,
	    ((const struct record_head *)rec)->version);
	pane_text_add(&text, _("Last change"), value);
	return text ? text : xstrdup("");
}
