/*
 * pane-audit.c — the audit trail, newest first: when, who, what was done
 * to which record, and what changed. An admin sees every record, an
 * editor their own and those about records in their scope, a viewer their
 * own (core_audit_visible). f narrows it (login:NAME kind:officer
 * since:DAY until:DAY and any words), F shows all again, Enter shows one
 * change field by field.
 *
 * The list holds the numbers of the newest matching records, at most
 * AUDIT_SHOWN of them, and when the database moves on only the records
 * written since are read: a trail of millions costs no more than its end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

#define AUDIT_SHOWN	10000	/* newest matching records listed */
#define AUDIT_SCAN	200000	/* records read back, at most, to find them */

static struct {
	struct vlist	 list;
	struct ui_search search;
	uint32_t	*seqs;		/* newest first */
	size_t		 n;
	uint64_t	 seen;		/* newest seq read */
	int		 capped;	/* older matches were left out */
	/* The filter. */
	char		 text[128];	/* as typed */
	struct core_audit_filter f;
	char		 words[128];
} aud;

/* Do the record's words, its login or what changed hold text? */
static int
audit_says(struct store_txn *t, const struct audit *a, const char *text)
{
	struct core_audit_text d;

	core_audit_describe(t, a, &d);
	return ui_contains(d.what, text) || ui_contains(d.changes, text) ||
	    ui_contains(a->login, text);
}

/* Does audit record a pass the filter (and may it be seen)? */
static int
audit_pass(struct ui *ui, struct store_txn *t, const struct audit *a)
{
	return core_audit_match(ui->core, t, &aud.f, a) &&
	    (aud.words[0] == '\0' || audit_says(t, a, aud.words));
}

/*
 * Read the records written after aud.seen (all of them, the first time
 * or after a new filter), newest first, and put the matches in front.
 */
static void
audit_reload(struct ui *ui)
{
	struct store_txn *t;
	struct audit *a;
	uint32_t *fresh, want = vlist_selected(&aud.list);
	/* At the top, follow the newest (as tail -f); else stay put. */
	int follow = aud.list.index == 0;
	uint64_t seq, end, stop;
	size_t nf = 0, keep;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	end = store_audit_next(t);
	stop = aud.seen + 1;
	if (end > AUDIT_SCAN && stop < end - AUDIT_SCAN) {
		stop = end - AUDIT_SCAN;
		aud.capped = 1;
	}
	a = xmalloc(sizeof *a);
	fresh = xcalloc(AUDIT_SHOWN, sizeof *fresh);
	for (seq = end; seq > stop && nf < AUDIT_SHOWN; seq--)
		if (store_audit_get(t, seq - 1, a, NULL) == 0 &&
		    audit_pass(ui, t, a))
			fresh[nf++] = (uint32_t)(seq - 1);
	if (seq > stop)
		aud.capped = 1;
	aud.seen = end - 1;
	free(a);
	store_read_end(t);
	/* The new ones first, then as many of the old as fit. */
	keep = aud.n < AUDIT_SHOWN - nf ? aud.n : AUDIT_SHOWN - nf;
	if (keep < aud.n)
		aud.capped = 1;
	aud.seqs = xreallocarray(aud.seqs, nf + keep + 1, sizeof *aud.seqs);
	memmove(aud.seqs + nf, aud.seqs, keep * sizeof *aud.seqs);
	memcpy(aud.seqs, fresh, nf * sizeof *fresh);
	aud.n = nf + keep;
	free(fresh);
	vlist_held(&aud.list);
	for (keep = 0; keep < aud.n; keep++)
		vlist_held_add(&aud.list, aud.seqs[keep]);
	aud.list.want = follow && aud.n > 0 ? aud.seqs[0] : want;
}

/* Forget what was read: the next reload reads afresh. */
static void
audit_restart(struct ui *ui)
{
	aud.n = 0;
	aud.seen = 0;
	aud.capped = 0;
	vlist_held(&aud.list);
	audit_reload(ui);
}

/* Parse "login:NAME kind:KIND since:DAY until:DAY words" into the
 * filter (DAY: 2026-11-01, today, yesterday, -7d). */
static int
audit_filter_parse(struct ui *ui, const char *text)
{
	char buf[128], day[11], *tok, *save, *v;
	size_t used = 0;

	memset(&aud.f, 0, sizeof aud.f);
	aud.words[0] = '\0';
	str_copy(buf, text, sizeof buf);
	for (tok = strtok_r(buf, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		if (strncmp(tok, "login:", 6) == 0)
			str_copy(aud.f.login, tok + 6, sizeof aud.f.login);
		else if (strncmp(tok, "kind:", 5) == 0) {
			v = tok + 5;
			if (model_enum_parse(&model_entities, v,
			    &aud.f.entity) != 0) {
				ui_message(ui, 1, _("kind:%s is not a kind of "
				    "record (agency, officer, meeting, "
				    "attendance, issue, user, import…)"), v);
				return -1;
			}
		} else if (strncmp(tok, "since:", 6) == 0 ||
		    strncmp(tok, "until:", 6) == 0) {
			v = tok + 6;
			if (date_relative(v, day) != 0) {
				ui_message(ui, 1, _("%.6s%s is not a day: write "
				    "2026-11-01, today, yesterday or -7d"), tok,
				    v);
				return -1;
			}
			if (tok[0] == 's')
				aud.f.since = date_midnight(day);
			else	/* the whole of that day */
				aud.f.until = date_midnight(day) + 86400;
		} else
			used += (size_t)snprintf(aud.words + used,
			    used < sizeof aud.words ? sizeof aud.words - used :
			    0, "%s%s", used ? " " : "", tok);
	}
	return 0;
}

int
pane_audit_filter(struct ui *ui, const char *text)
{
	char buf[sizeof aud.text];

	if (audit_filter_parse(ui, text) != 0)
		return -1;
	str_copy(buf, text, sizeof buf);
	str_copy(aud.text, str_trim(buf), sizeof aud.text);
	audit_restart(ui);
	return 0;
}

static void
audit_draw(struct ui *ui, int y, int x, int h, int w)
{
	struct store_txn *t;
	struct audit *a;
	struct core_audit_text d;
	char when[32], head[256], rec[sizeof d.what + 32];
	int row, tw = w < 100 ? 11 : 16, rx = tw + 24;
	int rw = (w - rx) * 2 / 5, cw = w - rx - rw - 1;
	enum ui_attr at;

	if (aud.text[0] != '\0')
		snprintf(head, sizeof head, _("Audit trail, %s (F shows all)"),
		    aud.text);
	else
		snprintf(head, sizeof head, _("Audit trail, newest first: who "
		    "changed what"));
	if (aud.capped)
		snprintf(head + strlen(head), sizeof head - strlen(head),
		    _("; the newest %zu shown"), aud.n);
	ui_put(ui, y, x, w, head, UI_NORMAL);
	ui_put(ui, y + 1, x, tw, _("When"), UI_TITLE);
	ui_put(ui, y + 1, x + tw + 1, 12, _("Who"), UI_TITLE);
	ui_put(ui, y + 1, x + tw + 14, 9, _("Action"), UI_TITLE);
	ui_put(ui, y + 1, x + rx, rw, _("Record"), UI_TITLE);
	ui_put(ui, y + 1, x + rx + rw + 1, cw, _("Changes"), UI_TITLE);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_load(&aud.list, t, h - 2);
	a = xmalloc(sizeof *a);
	for (row = 0; row < aud.list.nrows; row++) {
		if (store_audit_get(t, aud.list.rows[row], a, NULL) != 0)
			continue;
		core_audit_describe(t, a, &d);
		time_show(a->time, when, sizeof when);
		if (a->entity == ENTITY_IMPORT || a->entity == ENTITY_AUDIT)
			snprintf(rec, sizeof rec, "%s", d.what);
		else
			snprintf(rec, sizeof rec, "%s %s",
			    _(model_enum_label(&model_entities, a->entity)),
			    d.what);
		at = row == aud.list.sel ? UI_SELECT : UI_NORMAL;
		ui_fill(ui, y + 2 + row, x, w, at);
		/* Narrow: "11-27 14:08", the year goes (115/ too). */
		ui_put(ui, y + 2 + row, x, tw, tw < 16 &&
		    strpbrk(when, "-/") != NULL ? strpbrk(when, "-/") + 1 :
		    when, at);
		ui_put(ui, y + 2 + row, x + tw + 1, 12, a->login, at);
		ui_put(ui, y + 2 + row, x + tw + 14, 9,
		    _(model_enum_label(&model_audit_actions, a->action)), at);
		ui_put(ui, y + 2 + row, x + rx, rw, rec, at);
		ui_put(ui, y + 2 + row, x + rx + rw + 1, cw, d.changes, at);
	}
	free(a);
	store_read_end(t);
	if (aud.n == 0)
		ui_put(ui, y + 2, x, w, aud.text[0] ? _("Nothing matches.") :
		    _("Nothing you may see has been changed yet."), UI_DIM);
}

/* One change, field by field. */
static void
audit_detail(struct ui *ui, uint32_t seq)
{
	struct store_txn *t;
	struct audit *a;
	struct core_audit_text d;
	char when[32], line[64], *text = NULL, *p, *save;

	if (seq == 0 || store_read_begin(ui->store, &t, NULL) != 0)
		return;
	a = xmalloc(sizeof *a);
	if (store_audit_get(t, seq, a, NULL) == 0) {
		core_audit_describe(t, a, &d);
		time_show(a->time, when, sizeof when);
		snprintf(line, sizeof line, "%u", seq);
		pane_text_add(&text, _("Number"), line);
		pane_text_add(&text, _("When"), when);
		pane_text_add(&text, _("Who"), a->login);
		pane_text_add(&text, _("Action"),
		    _(model_enum_label(&model_audit_actions, a->action)));
		pane_text_add(&text, _(model_enum_label(&model_entities,
		    a->entity)), d.what);
		for (p = strtok_r(d.changes, ";", &save); p != NULL;
		    p = strtok_r(NULL, ";", &save))
			pane_text_add(&text, p == d.changes ? _("Changes") :
			    "", str_trim(p));
	}
	free(a);
	store_read_end(t);
	if (text != NULL)
		ui_text_popup(ui, _("A change in the audit trail"), text);
	free(text);
}

static int
audit_match(struct store_txn *t, uint32_t seq, void *arg)
{
	struct audit *a = xmalloc(sizeof *a);
	int r;

	r = store_audit_get(t, seq, a, NULL) == 0 && audit_says(t, a, arg);
	free(a);
	return r;
}

static int
audit_action(struct ui *ui, enum ui_action a)
{
	char text[sizeof aud.text], key[64];

	aud.search.narrowed = aud.text[0] != '\0' ? UI_CTX_AUDIT :
	    UI_CTX_GLOBAL;
	if (pane_move(ui, &aud.list, a) ||
	    ui_search_action(ui, &aud.search, &aud.list, a, audit_match))
		return 1;
	switch (a) {
	case UA_SELECT:
	case UA_DETAIL:
		audit_detail(ui, vlist_selected(&aud.list));
		return 1;
	case UA_FILTER_AGENCY:
		str_copy(text, aud.text, sizeof text);
		/* The filter in force, to edit; typed over, it goes. */
		if (ui_prompt_replace(ui, _("Show only (login:NAME "
		    "kind:officer since:-7d until:today words)"), text,
		    sizeof text) != 1)
			return 1;
		if (audit_filter_parse(ui, text) != 0)
			return 1;
		str_copy(aud.text, str_trim(text), sizeof aud.text);
		audit_restart(ui);
		return 1;
	case UA_SHOW_ALL:
		aud.text[0] = '\0';
		audit_filter_parse(ui, "");
		audit_restart(ui);
		return 1;
	case UA_UNDO:
		/* The change chosen, whoever made it, as a new change. */
		if (vlist_selected(&aud.list) != 0)
			pane_undo(ui, vlist_selected(&aud.list));
		return 1;
	case UA_ADD:
	case UA_EDIT:
	case UA_DELETE:
		ui_message(ui, 1, _("The audit trail is written by ogpo "
		    "alone: no one adds, edits or deletes its records; %s "
		    "takes a change back"), ui_key_label(ui, UI_CTX_AUDIT,
		    UA_UNDO, key, sizeof key));
		return 1;
	default:
		return 0;
	}
}

static void
audit_fini(void)
{
	free(aud.seqs);
	memset(&aud, 0, sizeof aud);
}

static const struct ui_hint audit_hints[] = {
	{ UA_SELECT, N_("the change"), 1 },
	{ UA_UNDO, N_("take it back"), 1 },
	{ UA_FILTER_AGENCY, N_("filter"), 1 },
	{ UA_SHOW_ALL, N_("all"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_WHO, N_("who"), 1 },
	{ UA_DETAIL, N_("the change"), 0 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_audit = {
	.title = N_("Audit"),
	.ctx = UI_CTX_AUDIT,
	.draw = audit_draw,
	.action = audit_action,
	.reload = audit_reload,
	.list = &aud.list,
	.fini = audit_fini,
	.hints = audit_hints,
};
