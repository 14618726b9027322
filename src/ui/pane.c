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
	char *what = NULL, *cause = NULL, key[64];
	uint32_t version;
	int rc, r;

	if (id == 0)
		return;
	if (store_read_begin(ui->store, &t, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	rc = core_delete_ask(ui->core, t, kind, id, &version, &what);
	store_read_end(t);
	/* An officer with a history is ended, not deleted: say by which key. */
	if (rc == OGPO_DENIED && kind == ENTITY_OFFICER &&
	    *ui_key_label(ui, UI_CTX_OFFICERS, UA_END_DESIGNATION, key,
	    sizeof key) != '\0')
		xappendf(&what, _("\n\n%s on the Officers tab ends their "
		    "designation and asks who takes it over."), key);
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
	if (core_delete1(ui->core, kind, id, version, &cause) != 0) {
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
	char *old = *text, *v, *q;
	const char *p;
	size_t nl = 0;

	if (value == NULL || *value == '\0')
		return;
	/* The lines of a value (a note's) are indented as its own: none
	 * passes for a line of the panel ("Who: …" under a change). */
	for (p = value; *p != '\0'; p++)
		nl += *p == '\n';
	v = q = xmalloc(strlen(value) + 4 * nl + 1);
	for (p = value; *p != '\0'; p++)
		if ((*q++ = *p) == '\n') {
			memcpy(q, "    ", 4);
			q += 4;
		}
	*q = '\0';
	/* An empty label continues the line above. */
	/* TRANSLATORS: a label and its value in a detail panel. */
	*text = *label ? xasprintf(_("%s%s: %s\n"), old ? old : "", label,
	    v) : xasprintf("%s    %s\n", old ? old : "", v);
	free(v);
	free(old);
}

/* The record's fields, one a line; with every, the empty ones too. */
static char *
pane_detail_fields(struct store_txn *t, enum entity_kind kind,
    const void *rec, int every)
{
	const struct schema *s = schema_of(kind);
	const struct field *f;
	char value[OGPO_DESC_MAX + 64], when[32];
	char *text = NULL;
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (f->flags & FIELD_HEAD)
			continue;
		/* A case's state is its stage, as the Cases tab says it:
		 * the status of the issues it once was only follows the
		 * stage, but for an escalation to the minister (point 6),
		 * said here in words where the tab has a colour. */
		if (kind == ENTITY_ISSUE && strcmp(f->name, "status") == 0)
			continue;
		core_field_text(t, f, rec, value, sizeof value);
		if (kind == ENTITY_ISSUE && strcmp(f->name, "stage") == 0 &&
		    ((const struct issue *)rec)->status == ISSUE_ESCALATED)
			snprintf(value, sizeof value, _("%s (escalated to the "
			    "minister)"), _(model_enum_label(&model_case_stages,
			    ((const struct issue *)rec)->stage)));
		if (every && value[0] == '\0')
			snprintf(value, sizeof value, "%s", ui_sym(UI_SYM_DASH));
		pane_text_add(&text, _(f->label), value);
	}
	time_show(((const struct record_head *)rec)->updated_at, when,
	    sizeof when);
	snprintf(value, sizeof value, _("%s, %s (version %u)"),
	    ((const struct record_head *)rec)->updated_by, when,
	    ((const struct record_head *)rec)->version);
	pane_text_add(&text, _("Last change"), value);
	return text ? text : xstrdup("");
}

struct pane_undo {
	uint64_t		 seq;
	struct core_change	 ch;
};

static int
pane_undo_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct pane_undo *u = arg;

	return core_undo(c, t, u->seq, NULL, &u->ch, NULL, cause);
}

int
pane_undo(struct ui *ui, uint64_t seq)
{
	struct pane_undo u;
	struct store_txn *t;
	char when[32], *cause = NULL, *question;
	int rc, r;

	memset(&u, 0, sizeof u);
	u.seq = seq;
	if (seq == 0) {
		if ((rc = store_read_begin(ui->store, &t, &cause)) == 0) {
			rc = core_change_last(t, core_login(ui->core), &u.ch,
			    &cause);
			store_read_end(t);
		}
		if (rc != 0) {
			ui_message(ui, 1, "%s", cause ? cause : _("failed"));
			free(cause);
			return 0;
		}
		u.seq = u.ch.last;
	}
	/* Look first: a refusal says why, before any question. */
	if (core_undo_check(ui->core, u.seq, &u.ch, &cause) != 0) {
		ui_alert(ui, _("This change cannot be taken back"), cause ?
		    cause : _("failed"));
		free(cause);
		return 0;
	}
	time_show(u.ch.time, when, sizeof when);
	question = strcmp(u.ch.login, core_login(ui->core)) == 0 ?
	    xasprintf(_("Take back your change of %s?\n%s"), when,
	    u.ch.what) : xasprintf(_("Take back %s's change of %s?\n%s"),
	    u.ch.login, when, u.ch.what);
	r = ui_confirm(ui, _("Undo"), question);
	free(question);
	if (r != 1) {
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		return 0;
	}
	if (core_run(ui->core, pane_undo_txn, &u, &cause) != 0) {
		ui_alert(ui, _("This change cannot be taken back"), cause ?
		    cause : _("failed"));
		free(cause);
		return 0;
	}
	ui_changed(ui);
	ui_message(ui, 0, _("Taken back: %s"), u.ch.what);
	return 1;
}

char *
pane_detail(struct store_txn *t, enum entity_kind kind, const void *rec)
{
	return pane_detail_fields(t, kind, rec, 0);
}

char *
pane_detail_lines(struct store_txn *t, enum entity_kind kind,
    const void *rec)
{
	return pane_detail_fields(t, kind, rec, 1);
}
