/*
 * pane-users.c — who may use the database (admins only): each login's
 * role and, for an editor, the agencies of their scope. a adds, e edits,
 * d removes; core refuses anyone but an admin, and the last admin's
 * removal, whatever the screen shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

static struct {
	struct vlist	 list;		/* 1-based places in users[] */
	struct user	*users;
	size_t		 n;
} usr;

static void
users_reload(struct ui *ui)
{
	struct store_cursor *c;
	struct store_txn *t;
	struct user u;
	size_t i;

	usr.n = 0;
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	if (store_cursor_open(t, IX_USER, NULL, &c, NULL) == 0) {
		while (store_cursor_move(c, STORE_NEXT) == 0)
			if (store_cursor_get(c, &u, NULL) == 0) {
				usr.users = xreallocarray(usr.users, usr.n + 1,
				    sizeof *usr.users);
				usr.users[usr.n++] = u;
			}
		store_cursor_close(c);
	}
	store_read_end(t);
	vlist_held(&usr.list);
	for (i = 0; i < usr.n; i++)
		vlist_held_add(&usr.list, (uint32_t)i + 1);
}

static void
users_draw(struct ui *ui, int y, int x, int h, int w)
{
	const struct field *scope = schema_field(&schema_user, "scope");
	struct store_txn *t;
	const struct user *u;
	char when[32], changed[OGPO_LOGIN_MAX + 48], sc[1024];
	int row, sw = w - 17 - 9 - 30;
	enum ui_attr at;

	ui_put(ui, y, x, w, _("Who may use the database: admins change "
	    "everything, editors their agencies and those below, viewers "
	    "read"), UI_NORMAL);
	ui_put(ui, y + 1, x, 16, _("Login"), UI_TITLE);
	ui_put(ui, y + 1, x + 17, 8, _("Role"), UI_TITLE);
	ui_put(ui, y + 1, x + 26, sw - 1, _("Scope"), UI_TITLE);
	ui_put(ui, y + 1, x + 26 + sw, 30, _("Last change"), UI_TITLE);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return;
	vlist_load(&usr.list, NULL, h - 2);
	for (row = 0; row < usr.list.nrows; row++) {
		u = &usr.users[usr.list.rows[row] - 1];
		at = row == usr.list.sel ? UI_SELECT : UI_NORMAL;
		time_show(u->h.updated_at, when, sizeof when);
		snprintf(changed, sizeof changed, "%s %s", when,
		    u->h.updated_by);
		if (u->role == UROLE_EDITOR)
			core_field_text(t, scope, u, sc, sizeof sc);
		else
			snprintf(sc, sizeof sc, "%s", u->role == UROLE_ADMIN ?
			    _("(everything)") : _("(reads only)"));
		ui_fill(ui, y + 2 + row, x, w, at);
		ui_put(ui, y + 2 + row, x, 16, u->login, at);
		ui_put(ui, y + 2 + row, x + 17, 8,
		    _(model_enum_label(&model_user_roles, u->role)), at);
		ui_put(ui, y + 2 + row, x + 26, sw - 1, sc, at);
		ui_put(ui, y + 2 + row, x + 26 + sw, 30, changed, at);
	}
	store_read_end(t);
}

/* Take the selected login off the users, after asking. */
static int
users_remove_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	return core_user_remove(c, t, arg, cause);
}

static void
users_remove(struct ui *ui, const struct user *u)
{
	char *q, *cause = NULL;
	int r;

	q = xasprintf(_("Take %s off the users? They may then only read (or, "
	    "where only users may open the database, not open it)."),
	    u->login);
	r = ui_confirm(ui, _("Remove user"), q);
	free(q);
	if (r == UI_KEY_QUIT)
		ui->quit = 1;
	if (r != 1)
		return;
	if (core_run(ui->core, users_remove_txn, (void *)u->login,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	ui_message(ui, 0, _("Removed %s."), u->login);
	ui_changed(ui);
}

static int
users_action(struct ui *ui, enum ui_action a)
{
	uint32_t sel = vlist_selected(&usr.list);
	struct user u;
	char *title;
	int rc;

	if (pane_move(ui, &usr.list, a))
		return 1;
	switch (a) {
	case UA_ADD:
		memset(&u, 0, sizeof u);
		u.role = UROLE_EDITOR;
		rc = ui_form_edit(ui, ENTITY_USER, &u, _("New user"));
		break;
	case UA_EDIT:
	case UA_SELECT:
		if (sel == 0)
			return 1;
		u = usr.users[sel - 1];
		title = xasprintf(_("Edit user %s"), u.login);
		rc = ui_form_edit(ui, ENTITY_USER, &u, title);
		free(title);
		break;
	case UA_DELETE:
		if (sel == 0)
			return 1;
		/* A copy: under the question the list is read again when
		 * someone else commits, and another user takes the row. */
		u = usr.users[sel - 1];
		users_remove(ui, &u);
		return 1;
	default:
		return 0;
	}
	if (rc == UI_KEY_QUIT)
		ui->quit = 1;
	else if (rc == 1)
		ui_changed(ui);
	return 1;
}

static void
users_fini(void)
{
	free(usr.users);
	memset(&usr, 0, sizeof usr);
}

static const struct ui_hint users_hints[] = {
	{ UA_ADD, N_("add"), 1 },
	{ UA_EDIT, N_("edit"), 1 },
	{ UA_DELETE, N_("remove"), 1 },
	{ UA_UNDO, N_("undo"), 1 },
	{ UA_WHO, N_("who"), 1 },
	{ UA_NONE, NULL, 0 }
};

const struct ui_pane ui_pane_users = {
	.title = N_("Users"),
	.ctx = UI_CTX_USERS,
	.draw = users_draw,
	.action = users_action,
	.reload = users_reload,
	.list = &usr.list,
	.fini = users_fini,
	.hints = users_hints,
};
