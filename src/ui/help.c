/*
 * help.c — the help screen, generated from the active keymap and the
 * action table, so it shows exactly the keys that work: first those of
 * the view in front (what its keys do there, found as a key press is),
 * then every binding of the keymap, context by context.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

/* Every key that does a in ctx (none shadowed), as "a <Ins>"; with
 * typing, where characters are typed, the others only. */
static void
help_keys(struct ui *ui, enum ui_ctx ctx, enum ui_action a, int typing,
    char *keys, size_t n)
{
	char name[64];
	size_t i, j, count = keymap_count(ui->km), used = 0;
	int c, k, act, k2, c2, act2, dup;

	keys[0] = '\0';
	for (i = 0; i < count; i++) {
		if (keymap_get(ui->km, i, &c, &k, &act) != 0 ||
		    ui_lookup(ui, ctx, k) != a ||
		    (typing && ui_key_printable(k)))
			continue;
		/* A key bound in two contexts is listed once. */
		for (j = 0, dup = 0; j < i && !dup; j++)
			dup = keymap_get(ui->km, j, &c2, &k2, &act2) == 0 &&
			    k2 == k;
		if (dup)
			continue;
		keymap_key_name(k, name, sizeof name);
		used += (size_t)snprintf(keys + used, used < n ? n - used : 0,
		    "%s%s", used ? " " : "", name);
		if (used >= n) {
			keys[n - 1] = '\0';
			break;
		}
	}
}

/* The key column, in cells: "  <Enter>          what it does". */
#define HELP_KEYS	16

/* One row of the key column, padded in cells, then what, if any. */
static char *
help_row(char *old, const char *keys, size_t len, const char *what)
{
	char *row = xmalloc(len + 1), *text;
	size_t w;

	memcpy(row, keys, len);
	row[len] = '\0';
	w = text_width(row);
	text = what == NULL ? xasprintf("%s  %s\n", old, row) :
	    xasprintf("%s  %s%*s %s\n", old, row,
	    w < HELP_KEYS ? (int)(HELP_KEYS - w) : 0, "", what);
	free(row);
	free(old);
	return text;
}

/*
 * "  KEYS             what it does" added to text: the keys padded to
 * the column in display cells (a keymap may bind a Chinese character),
 * so every description starts at one column. Keys wider than it go on
 * in rows of their own under it, split between key names, each row with
 * the description in its column (a key alone on a row, <Enter> under
 * the form's <Tab> <Down>, read as doing nothing); each row leaves two
 * spaces before the description, by which a long one wraps under itself.
 */
static char *
help_add(char *text, const char *keys, const char *what)
{
	const char *row = keys, *p, *end;
	int said = 0;

	while (*row != '\0') {
		/* As many names as fit in the column, at least one. */
		end = row + strcspn(row, " ");
		while (*end == ' ') {
			p = end + 1 + strcspn(end + 1, " ");
			if (text_col_of(row, (size_t)(p - row)) >
			    HELP_KEYS - 1)
				break;
			end = p;
		}
		if (text_col_of(row, (size_t)(end - row)) < HELP_KEYS) {
			text = help_row(text, row, (size_t)(end - row), what);
			said = 1;
		} else
			text = help_row(text, row, (size_t)(end - row), NULL);
		row = end;
		while (*row == ' ')
			row++;
	}
	if (!said)
		text = help_row(text, "", 0, what);
	return text;
}

/*
 * What a does in ctx, where that is more than the action's general
 * words: Esc in a text window closes it, and there is nothing to save
 * (nor a list to search as one types: / asks for words to find);
 * v on the agency tree shows the agency's 歷程 (history), as the status
 * line calls it.
 */
static const char *
help_what(enum ui_ctx ctx, enum ui_action a)
{
	if (ctx == UI_CTX_HELP && a == UA_CANCEL)
		return _("close the window");
	if (ctx == UI_CTX_HELP && a == UA_SEARCH)
		return _("find words in the window");
	if (ctx == UI_CTX_AGENCIES && a == UA_DETAIL)
		return _("history: the agency, and who has been its PO, "
		    "alternate and supervisor when");
	return _(ui_actions[a].help);
}

/* "  KEYS             what it does" into *text, when a has a key. */
static void
help_line(struct ui *ui, char **text, enum ui_ctx ctx, enum ui_action a,
    int typing)
{
	char keys[256], *old = *text;

	help_keys(ui, ctx, a, typing, keys, sizeof keys);
	if (keys[0] == '\0')
		return;
	*text = help_add(old, keys, help_what(ctx, a));
}

static void help_show(struct ui *, const struct ui_view *, int);

/* The key that opens the command line, as "<:>"-less text: ":". */
static const char *
help_key(struct ui *ui, char *buf, size_t n)
{
	if (*ui_key_label(ui, UI_CTX_GLOBAL, UA_COMMAND, buf, n) == '\0')
		snprintf(buf, n, "%s", _("no key opens it in this keymap"));
	return buf;
}

void
ui_help(struct ui *ui)
{
	struct ui_view v;

	ui_current_view(ui, &v);
	help_show(ui, &v, 0);
}

void
ui_help_view(struct ui *ui, const struct ui_view *v)
{
	help_show(ui, v, 1);
}

/* The help, the keys of v first; a window's (modal) without the tabs',
 * and without the characters, which are typed there. */
static void
help_show(struct ui *ui, const struct ui_view *vp, int modal)
{
	static const char *const ctx_titles[UI_CTX_COUNT] = {
		N_("Everywhere"), N_("Lists"), N_("The agency tree"),
		N_("Forms"), N_("Questions"), N_("Help and text windows"),
		N_("Taking attendance"), N_("Agencies"), N_("Officers"),
		N_("Meetings"), N_("Cases"), N_("Compliance"), N_("Audit"),
		N_("Users"), N_("An officer's training and rewards"),
		N_("A meeting's resolutions"), N_("The topic vote"),
		N_("The meetings a low-attendance finding counts"),
	};
	static const enum ui_action moves[] = { UA_UP, UA_DOWN, UA_PAGE_UP,
		UA_PAGE_DOWN, UA_HOME, UA_END };
	static const enum ui_action everywhere[] = { UA_UNDO, UA_HELP,
		UA_COMMAND,
		UA_TAB_AGENCIES, UA_TAB_OFFICERS, UA_TAB_MEETINGS,
		UA_TAB_ISSUES, UA_TAB_COMPLIANCE, UA_TAB_AUDIT, UA_TAB_USERS,
		UA_NEXT_TAB, UA_PREV_TAB, UA_WHO, UA_REDRAW, UA_QUIT };
	const struct ui_view v = *vp;
	/* Where characters type (a form, a pick list), keys that are
	 * characters are typed, not the window's; a question's y and n
	 * are its own. */
	const int typing = modal && v.typed;
	const struct ui_hint *h;
	char *text = NULL, *old, *cmds, keys[256], name[64];
	size_t i, j, n = keymap_count(ui->km), used;
	int ctx, a, c, k, act;

	text = xasprintf(_("Keys here: %s\n"), _(v.title));
	for (h = v.hints; h != NULL && h->action != UA_NONE; h++) {
		/* Listed once, though a view may offer it twice. */
		for (j = 0; v.hints[j].action != h->action; j++)
			;
		if (&v.hints[j] != h || h->action == UA_UNDO)
			continue;
		if (v.keys != NULL && v.keys[j] != NULL) {
			/* A key the window reads as it is, named as the
			 * keymap names keys. */
			snprintf(keys, sizeof keys, strlen(v.keys[j]) > 1 ?
			    "<%s>" : "%s", v.keys[j]);
			text = help_add(text, keys, _(h->label));
		} else
			help_line(ui, &text, v.ctx, h->action, typing);
	}
	/* A form moves by fields, and a window on top takes no tab or
	 * global key but help. */
	for (i = 0; i < sizeof moves / sizeof moves[0] &&
	    v.ctx != UI_CTX_FORM; i++) {
		/* Not twice: a text window offers PgDn among its own. */
		for (h = v.hints; h != NULL && h->action != UA_NONE &&
		    h->action != moves[i]; h++)
			;
		if (h == NULL || h->action != moves[i])
			help_line(ui, &text, v.ctx, moves[i], typing);
	}
	for (i = 0; i < sizeof everywhere / sizeof everywhere[0]; i++)
		if ((everywhere[i] != UA_TAB_USERS || ui->admin) &&
		    (!modal || everywhere[i] == UA_HELP))
			help_line(ui, &text, v.ctx, everywhere[i],
			    typing);

	cmds = ui_command_help();
	old = text;
	/* In a form or a question the key is typed: the commands are for
	 * once it is closed. */
	text = modal ? xasprintf(_("%s\nCommands (once this window is "
	    "closed: %s on a list or a page, then Tab completes the command, "
	    "its words and options):\n%s"), old, help_key(ui, name,
	    sizeof name), cmds) : xasprintf(_("%s\nCommands (%s, then Tab "
	    "completes the command, its words and options):\n%s"), old,
	    help_key(ui, name, sizeof name), cmds);
	free(old);
	free(cmds);
	old = text;
	text = xasprintf(_("%s\nEvery key of the active keymap, by where it "
	    "works (--keymap picks another; keymaps/*.keymap shows the "
	    "format).\n"), old);
	free(old);
	for (ctx = 0; ctx < UI_CTX_COUNT; ctx++) {
		old = text;
		text = xasprintf("%s\n%s\n", old, _(ctx_titles[ctx]));
		free(old);
		for (a = 0; a < UA_COUNT; a++) {
			keys[0] = '\0';
			used = 0;
			for (i = 0; i < n; i++) {
				if (keymap_get(ui->km, i, &c, &k, &act) != 0 ||
				    c != ctx || act != a)
					continue;
				keymap_key_name(k, name, sizeof name);
				used += (size_t)snprintf(keys + used,
				    sizeof keys - used, "%s%s",
				    used ? " " : "", name);
				if (used >= sizeof keys)
					break;
			}
			if (keys[0] == '\0')
				continue;
			text = help_add(text, keys, help_what(ctx, a));
		}
	}
	ui_help_popup(ui, text);
	free(text);
}
