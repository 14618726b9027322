/*
 * ui.c — the full-screen program: start-up, the frame (header with tabs,
 * status line), the key loop, signals, and noticing other processes'
 * commits. Panes draw the middle; widgets stack on top as layers.
 */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/aside.h"
#include "ogpo/config.h"
#include "ogpo/draft.h"
#include "ogpo/priv.h"
#include "ui-int.h"

const char *const ui_context_names[UI_CTX_COUNT] = {
	"global", "list", "tree", "form", "dialog", "help", "attend",
	"agencies", "officers", "meetings", "issues", "compliance", "audit",
	"users", "officer", "resolutions", "vote", "finding",
};

const enum ui_ctx ui_ctx_parent[UI_CTX_COUNT] = {
	[UI_CTX_ATTEND] = UI_CTX_LIST,
	[UI_CTX_AGENCIES] = UI_CTX_TREE,
	[UI_CTX_OFFICERS] = UI_CTX_LIST,
	[UI_CTX_MEETINGS] = UI_CTX_LIST,
	[UI_CTX_ISSUES] = UI_CTX_LIST,
	[UI_CTX_COMPLIANCE] = UI_CTX_LIST,
	[UI_CTX_AUDIT] = UI_CTX_LIST,
	[UI_CTX_USERS] = UI_CTX_LIST,
	[UI_CTX_OFFICER] = UI_CTX_LIST,
	[UI_CTX_RESOLUTIONS] = UI_CTX_LIST,
	[UI_CTX_VOTE] = UI_CTX_LIST,
	[UI_CTX_FINDING] = UI_CTX_LIST,
};

const struct ui_action_def ui_actions[UA_COUNT] = {
	[UA_HELP]	  = { "help",		N_("show the keys of the active keymap") },
	[UA_QUIT]	  = { "quit",		N_("leave ogpo") },
	[UA_TAB_AGENCIES] = { "tab_agencies",	N_("go to the Agencies tab") },
	[UA_TAB_OFFICERS] = { "tab_officers",	N_("go to the Officers tab") },
	[UA_TAB_MEETINGS] = { "tab_meetings",	N_("go to the Meetings tab") },
	[UA_TAB_ISSUES]	  = { "tab_issues",	N_("go to the Cases tab") },
	[UA_TAB_COMPLIANCE] = { "tab_compliance", N_("go to the Compliance tab") },
	[UA_TAB_AUDIT]	  = { "tab_audit",	N_("go to the Audit tab: who changed what") },
	[UA_TAB_USERS]	  = { "tab_users",	N_("go to the Users tab (admins)") },
	[UA_NEXT_TAB]	  = { "next_tab",	N_("go to the next tab") },
	[UA_PREV_TAB]	  = { "prev_tab",	N_("go to the previous tab") },
	[UA_REDRAW]	  = { "redraw",		N_("redraw the whole screen") },
	[UA_UP]		  = { "up",		N_("move up one row") },
	[UA_DOWN]	  = { "down",		N_("move down one row") },
	[UA_PAGE_UP]	  = { "page_up",	N_("move up one screen") },
	[UA_PAGE_DOWN]	  = { "page_down",	N_("move down one screen") },
	[UA_HOME]	  = { "home",		N_("go to the first row") },
	[UA_END]	  = { "end",		N_("go to the last row") },
	[UA_SELECT]	  = { "select",		N_("open the row (in a pick list: choose it)") },
	[UA_DETAIL]	  = { "detail",		N_("show everything about the row") },
	[UA_ADD]	  = { "add",		N_("add a record") },
	[UA_EDIT]	  = { "edit",		N_("edit the selected record") },
	[UA_DELETE]	  = { "delete",		N_("delete the selected record (asks first)") },
	[UA_SEARCH]	  = { "search",		N_("search the list as you type") },
	[UA_SEARCH_NEXT]  = { "search_next",	N_("go to the next match") },
	[UA_SEARCH_PREV]  = { "search_prev",	N_("go to the previous match") },
	[UA_SEARCH_CLEAR] = { "search_clear",	N_("forget the search (in a pick list: cancel)") },
	[UA_SORT_NEXT]	  = { "sort_next",	N_("sort by the next column") },
	[UA_SORT_REVERSE] = { "sort_reverse",	N_("reverse the sort order") },
	[UA_FILTER_AGENCY] = { "filter_agency",	N_("narrow the list: officers to an agency; cases by stage, agency, what is overdue, what owes this month's progress report or trigger; the audit trail by who, kind, date or words") },
	[UA_SHOW_ALL]	  = { "show_all",	N_("show the whole list again (every agency's officers, every case, the whole audit trail)") },
	[UA_IMPORT]	  = { "import",		N_("load officers (Officers tab), or a meeting's attendance (its roll call), from a spreadsheet file (.ods, .xlsx or CSV)") },
	[UA_SAVE_REJECTS] = { "save_rejects",	N_("Officers tab, roll call: save the rows the last import there rejected, with the reason for each, to a file") },
	[UA_EXPORT]	  = { "export",		N_("write the month's attendance to a spreadsheet file") },
	[UA_PRESENT]	  = { "present",	N_("mark present (出席) and go to the next person") },
	[UA_ONLINE]	  = { "online",		N_("mark present online (線上) and go on") },
	[UA_PROXY]	  = { "proxy",		N_("mark present by proxy (代理出席): asks the proxy's name") },
	[UA_EXCUSED]	  = { "excused",	N_("mark excused (請假) and go on") },
	[UA_ABSENT]	  = { "absent",		N_("mark absent (缺席) and go on") },
	[UA_UNMARK]	  = { "unmark",		N_("back to invited (改回受邀): no answer yet") },
	[UA_INVITE]	  = { "invite",		N_("invite an officer") },
	[UA_INVITE_EXTERNAL] = { "invite_external", N_("invite someone who is not an officer") },
	[UA_UNINVITE]	  = { "uninvite",	N_("take the person off the meeting") },
	[UA_PROPOSE]	  = { "propose",	N_("invite whom the regulation names for this meeting") },
	[UA_NEW_MEETING]  = { "new_meeting",	N_("Cases: a meeting on this case, the one its stage is at") },
	[UA_ADD_PROGRESS] = { "add_progress",	N_("Cases: report progress (辦理情形) on this case") },
	[UA_END_DESIGNATION] = { "end_designation", N_("Officers: end the designation and name the successor") },
	[UA_ADD_TRAINING] = { "add_training",	N_("Officers: record a training course (point 8)") },
	[UA_ADD_REWARD]	  = { "add_reward",	N_("Officers: record a reward (point 9)") },
	[UA_EXPAND]	  = { "expand",		N_("open a branch of the tree") },
	[UA_COLLAPSE]	  = { "collapse",	N_("close a branch (or go to its parent)") },
	[UA_TOGGLE]	  = { "toggle",		N_("open or close a branch") },
	[UA_NEXT_FIELD]	  = { "next_field",	N_("go to the next field") },
	[UA_PREV_FIELD]	  = { "prev_field",	N_("go to the previous field") },
	[UA_SAVE]	  = { "save",		N_("save the form") },
	[UA_CANCEL]	  = { "cancel",		N_("close without saving") },
	[UA_PICK]	  = { "pick",		N_("choose the field's value from a list") },
	[UA_YES]	  = { "yes",		N_("answer yes") },
	[UA_NO]		  = { "no",		N_("answer no") },
	[UA_WHO]	  = { "who",		N_("list who else has the database open") },
	[UA_UNDO]	  = { "undo",		N_("undo (復原): take back your last change; on the Audit tab, the change chosen") },
	[UA_CLOSE]	  = { "close",		N_("close; what was marked is saved already, as each key is pressed") },
	[UA_NOTE]	  = { "note",		N_("write a note on the person's attendance") },
	[UA_MARK_HELD]	  = { "held",		N_("mark the meeting held (召開): it counts for the month") },
	[UA_MARK_CANCELLED] = { "cancelled",	N_("mark the meeting cancelled") },
	[UA_SIGNIN]	  = { "signin",		N_("write the meeting's sign-in sheet (簽到表) to a spreadsheet file") },
	[UA_SUMMARY]	  = { "summary",	N_("write the month's attendance summary, per agency, to a spreadsheet file") },
	[UA_RESOLUTIONS]  = { "resolutions",	N_("Meetings: the meeting's resolutions, and those of earlier meetings it reviews") },
	[UA_RELEASE]	  = { "release",	N_("a reviewed resolution: released (解除列管) by this meeting, or followed again") },
	[UA_AGENDA]	  = { "agenda",		N_("write the meeting's agenda to a spreadsheet file") },
	[UA_DECISIONS]	  = { "decisions",	N_("write what the meeting decided to a spreadsheet file") },
	[UA_VOTE]	  = { "vote",		N_("Cases: the month's topic vote (議題票選): candidates, voters, ballots, the tally") },
	[UA_OPEN_VOTE]	  = { "open_vote",	N_("the topic vote: open a new vote (the coordinator, an admin)") },
	[UA_BALLOT]	  = { "ballot",		N_("the topic vote: enter a voter's approval ballot from the sheet") },
	[UA_CLOSE_VOTE]	  = { "close_vote",	N_("the topic vote: close it; the two most approved become tracked cases") },
	[UA_VOTES]	  = { "votes",		N_("the topic vote: show another vote") },
	[UA_DEADLINES]	  = { "deadlines",	N_("Cases: what is overdue and due soon (期限), per agency, as ogpo due says") },
	[UA_COMMAND]	  = { "command",	N_("type a command (:export, :list, :audit, :q …; Tab completes)") },
};

static volatile sig_atomic_t ui_signalled;

static void
ui_on_signal(int sig)
{
	ui_signalled = sig;
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/*
 * Another process holds the database for writing and this one waits to
 * save: say for whom on the status line, drawn now (nothing is held while
 * waiting), a few times a second. Not when the wait is a thread's that
 * saves in the background (the roll call's): the screen is this thread's,
 * and the page says itself that it is still saving.
 */
static void
ui_waiting(void *arg, const struct store_holder *h, int64_t waited_ms)
{
	struct ui *ui = arg;
	struct passwd *pw;

	if (!pthread_equal(pthread_self(), ui->self))
		return;
	if (waited_ms / 250 == ui->waited_shown)
		return;
	ui->waited_shown = waited_ms / 250;
	pw = getpwuid((uid_t)h->uid);
	ui_message(ui, 0, h->stopped ? _("Waiting: %s's ogpo (%s) holds the "
	    "database and is stopped… %lld s") : _("Waiting for %s's ogpo "
	    "(%s) to finish writing… %lld s"), pw ? pw->pw_name : "?",
	    h->what, (long long)(waited_ms / 1000));
	ui_redraw(ui);
}

void
ui_layer_push(struct ui *ui, ui_layer_fn fn, void *arg)
{
	if (ui->nlayers < UI_LAYERS_MAX) {
		ui->layers[ui->nlayers].fn = fn;
		ui->layers[ui->nlayers].arg = arg;
		ui->layers[ui->nlayers].box = 0;
		ui->nlayers++;
	}
}

void
ui_layer_push_box(struct ui *ui, ui_layer_fn fn, void *arg,
    const struct ui_view *view)
{
	ui_layer_push_view(ui, fn, arg, view);
	if (ui->nlayers > 0 && ui->layers[ui->nlayers - 1].fn == fn)
		ui->layers[ui->nlayers - 1].box = 1;
}

void
ui_layer_push_view(struct ui *ui, ui_layer_fn fn, void *arg,
    const struct ui_view *view)
{
	ui_layer_push(ui, fn, arg);
	if (ui->nlayers > 0 && ui->layers[ui->nlayers - 1].fn == fn)
		ui->layers[ui->nlayers - 1].view = view;
}

void
ui_current_view(struct ui *ui, struct ui_view *v)
{
	const struct ui_pane *p = ui->panes[ui->tab];
	int i;

	for (i = ui->nlayers - 1; i >= 0; i--)
		if (ui->layers[i].view != NULL) {
			*v = *ui->layers[i].view;
			return;
		}
	v->title = p->title;
	v->ctx = p->ctx;
	v->hints = p->hints;
	v->typed = 0;
	v->keys = NULL;
}

/* How a hint names key: "Enter" rather than "<Enter>". */
static const char *
ui_key_label_of(int key, char *buf, size_t n)
{
	char name[64];
	size_t len;

	buf[0] = '\0';
	if (key < 0)
		return buf;
	keymap_key_name(key, name, sizeof name);
	len = strlen(name);
	/* In a hint, "Enter" reads better than "<Enter>", and "Ctrl-S",
	 * as the keyboard and a form's own last line name it, than the
	 * keymap's "C-s". */
	if (len == 5 && strncmp(name, "<C-", 3) == 0 && name[3] > ' ' &&
	    name[3] < 0x7f && name[4] == '>')
		snprintf(buf, n, "Ctrl-%c", name[3] >= 'a' && name[3] <= 'z' ?
		    name[3] - 'a' + 'A' : name[3]);
	else if (len > 4 && strncmp(name, "<S-", 3) == 0 &&
	    name[len - 1] == '>')
		snprintf(buf, n, "Shift-%.*s", (int)len - 4, name + 3);
	else if (len > 2 && name[0] == '<' && name[len - 1] == '>' &&
	    strcmp(name, "<lt>") != 0)
		snprintf(buf, n, "%.*s", (int)len - 2, name + 1);
	else if (strcmp(name, "<lt>") == 0)
		snprintf(buf, n, "<");
	else
		snprintf(buf, n, "%s", name);
	return buf;
}

const char *
ui_key_label(struct ui *ui, enum ui_ctx ctx, enum ui_action a, char *buf,
    size_t n)
{
	return ui_key_label_of(keymap_key_of(ui->km, (int)ctx, (int)a), buf,
	    n);
}

/* A key of a's in view v: where characters type, one that types none. */
static const char *
ui_hint_key(struct ui *ui, const struct ui_view *v, enum ui_action a,
    char *buf, size_t n)
{
	size_t i;

	/* The key a window reads as it is. */
	for (i = 0; v->keys != NULL && v->hints[i].action != UA_NONE; i++)
		if (v->hints[i].action == a && v->keys[i] != NULL) {
			snprintf(buf, n, "%s", v->keys[i]);
			return buf;
		}
	if (!v->typed)
		return ui_key_label(ui, v->ctx, a, buf, n);
	return ui_key_label_of(keymap_key_of_nonchar(ui->km, (int)v->ctx,
	    (int)a), buf, n);
}

/* Hints whose place on the status line is kept: the way back from a
 * slip, and the way out of a page over the tabs (a roll call's status
 * line, full of marks, had no room left to say how to leave it). */
static int
ui_hint_kept(enum ui_action a)
{
	return a == UA_UNDO || a == UA_CLOSE;
}

void
ui_hint_line(struct ui *ui, const struct ui_view *v, int width, char *buf,
    size_t n)
{
	char key[64], one[160], help[160];
	const struct ui_hint *h;
	int used = 0, w, room;

	buf[0] = '\0';
	/* "? help" always ends the line: room is kept for it. */
	help[0] = '\0';
	/* A view that lists help unshown (the help itself) leaves it off. */
	for (h = v->hints; h != NULL && h->action != UA_NONE; h++)
		if (h->action == UA_HELP && !h->shown)
			break;
	if ((h == NULL || h->action != UA_HELP) &&
	    *ui_hint_key(ui, v, UA_HELP, key, sizeof key) != '\0')
		snprintf(help, sizeof help, "%s %s", key, _("help"));
	room = width - (help[0] ? (int)text_width(help) + 2 : 0);
	/* So is undo's, where there is undo, and close's: they matter more
	 * than the keys before them. */
	for (h = v->hints; h != NULL && h->action != UA_NONE; h++)
		if (ui_hint_kept(h->action) && h->shown && *ui_hint_key(ui, v,
		    h->action, key, sizeof key) != '\0') {
			snprintf(one, sizeof one, "%s %s", key, _(h->label));
			room -= (int)text_width(one) + 2;
		}
	for (h = v->hints; h != NULL && h->action != UA_NONE; h++) {
		if (!h->shown || *ui_hint_key(ui, v, h->action, key,
		    sizeof key) == '\0')
			continue;
		snprintf(one, sizeof one, "%s %s", key, _(h->label));
		w = (int)text_width(one);
		if (ui_hint_kept(h->action))
			room += w + 2;	/* its place was kept */
		/* One that does not fit gives its place to a later one
		 * that does. */
		if (used + w + (used ? 2 : 0) > room)
			continue;
		if (buf[0] != '\0')
			used += 2;
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    buf[0] ? "  " : "", one);
		used += w;
	}
	if (help[0] != '\0')
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    buf[0] ? "  " : "", help);
}

void
ui_layer_keys(struct ui *ui, enum ui_ctx ctx, struct vlist *list,
    void (*action)(void *arg, enum ui_action a), void *arg)
{
	enum ui_action a;
	int key;

	while (!ui->quit && ui->go == UA_NONE &&
	    (key = ui_getkey(ui)) != UI_KEY_QUIT) {
		a = ui_lookup(ui, ctx, key);
		if (a == UA_CLOSE || a == UA_CANCEL || a == UA_QUIT ||
		    ui_layer_leave(ui, a))
			break;
		if (a == UA_NONE) {
			ui_unbound(ui, ctx, key);
			continue;
		}
		if (a == UA_HELP) {
			ui_help(ui);
			continue;
		}
		ui->msg[0] = '\0';
		if (a == UA_UP || a == UA_DOWN || a == UA_PAGE_UP ||
		    a == UA_PAGE_DOWN || a == UA_HOME || a == UA_END) {
			vlist_move(list, NULL, a);
			continue;
		}
		action(arg, a);
	}
}

int
ui_layer_leave(struct ui *ui, enum ui_action a)
{
	/* The tab actions are contiguous, as ui_global counts on. */
	if ((a >= UA_TAB_AGENCIES && a <= UA_TAB_USERS) ||
	    a == UA_NEXT_TAB || a == UA_PREV_TAB || a == UA_COMMAND) {
		ui->go = a;
		return 1;
	}
	return ui->go != UA_NONE;
}

void
ui_layer_pop(struct ui *ui)
{
	if (ui->nlayers > 0) {
		ui->nlayers--;
		ui->layers[ui->nlayers].view = NULL;
	}
}

void
ui_changed(struct ui *ui)
{
	int i;

	for (i = 0; i < ui->npanes; i++)
		ui->stale[i] = 1;
	ui->txnid = store_last_txnid(ui->store);
}

void
ui_switch_tab(struct ui *ui, int tab)
{
	if (tab < 0 || tab >= ui->npanes)
		return;
	ui->tab = tab;
	ui->msg[0] = '\0';
	core_session_pane(ui->core, ui->panes[tab]->title);
}

/* Count the others here now and then (a directory of a few files). */
static int
ui_count_others(struct ui *ui, int64_t now)
{
	size_t n;

	if (now - ui->others_at < UI_OTHERS_MS)
		return 0;
	ui->others_at = now;
	n = core_sessions(ui->core, NULL, 0);
	n = n > 0 ? n - 1 : 0;
	if (n == ui->others)
		return 0;
	ui->others = n;
	return 1;
}

/*
 * The Who list: everyone with the database open in the full screen, and
 * who holds it for writing; made again as they come, go or write.
 */
static char *
ui_who_text(struct ui *ui, void *arg, char *title, size_t tn)
{
	struct core_session s[64];
	char since[32], login[4 * 16 + 8], pane[4 * 10 + 8], *text = NULL, *old;
	char writer[512];
	size_t n, i;

	(void)arg;
	n = core_sessions(ui->core, s, 64);
	for (i = 0; i < n && i < 64; i++) {
		time_show(s[i].since, since, sizeof since);
		/* Padded in cells: a tab's name may be Chinese. */
		text_fit(s[i].login, 16, 1, login, sizeof login);
		text_fit(_(s[i].pane), 10, 1, pane, sizeof pane);
		old = text;
		text = xasprintf(_("%s%s since %s  in %s  (process %ld)%s\n"),
		    old ? old : "", login, since, pane, s[i].pid,
		    s[i].pid == (long)getpid() ? _(", you") : "");
		free(old);
	}
	if (core_writer_text(ui->core, 3, writer, sizeof writer))
		xappendf(&text, "\n%s\n", writer);
	str_copy(title, _("Who has the database open"), tn);
	return text != NULL ? text : xstrdup("");
}

static void
ui_who(struct ui *ui)
{
	ui_live_popup(ui, ui_who_text, NULL);
}

static void
ui_draw_header(struct ui *ui)
{
	char tab[64], right[256];
	int i, x = 0, w, need = 6, bare;

	ui_fill(ui, 0, 0, ui->cols, UI_HEADER);
	ui_put(ui, 0, 0, 6, " ogpo ", UI_HEADER);
	x = 6;
	/* "[1 Agencies]" where there is room for them and the database's
	 * place; "1 Agencies" where not. */
	snprintf(right, sizeof right, "%s  %s ", ui->dbdir,
	    core_login(ui->core));
	for (i = 0; i < ui->npanes; i++)
		need += (int)text_width(_(ui->panes[i]->title)) + 5;
	bare = need + (int)text_width(right) > ui->cols;
	for (i = 0; i < ui->npanes; i++) {
		snprintf(tab, sizeof tab, bare ? "%d %s" : "[%d %s]", i + 1,
		    _(ui->panes[i]->title));
		w = (int)text_width(tab);
		ui_put(ui, 0, x, w, tab, i == ui->tab ? UI_TAB : UI_HEADER);
		ui->tab_x[i] = x;	/* where a click finds it */
		ui->tab_w[i] = w;
		x += w + 1;
	}
	/* Too narrow for both: who you are counts more than where the
	 * database is. */
	if ((int)text_width(right) > ui->cols - x)
		snprintf(right, sizeof right, "%s ", core_login(ui->core));
	if (ui->cols - x > 8)
		ui_putr(ui, 0, x, ui->cols - x, right, UI_HEADER);
}

/* The position on the status line ("+2 here  12/157"), in pos. */
static void
ui_status_pos(struct ui *ui, char *pos, size_t n)
{
	char at[32];

	if (ui->nlayers == 0)
		vlist_position(ui->panes[ui->tab]->list, at, sizeof at);
	else
		at[0] = '\0';
	if (ui->others > 0)
		snprintf(pos, n, ngettext("+%zu here  %s", "+%zu here  %s",
		    ui->others), ui->others, at);
	else
		snprintf(pos, n, "%s", at);
}

/*
 * The rows a message takes when it is too long for the room left of the
 * position (w cells wide): 0 when it fits. A file's whole path is what a
 * person needs, so the message is wrapped, not cut.
 */
static int
ui_message_rows(struct ui *ui, int w)
{
	int n;

	if (ui->msg[0] == '\0' ||
	    (int)text_width(ui->msg) <= ui->cols - w - 1)
		return 0;
	n = ui_wrap_put(NULL, ui->msg, 0, 0, ui->cols - w - 1, 0, UI_STATUS);
	return n < ui->rows / 3 ? n : ui->rows / 3 > 1 ? ui->rows / 3 : 1;
}

/* A long message (ui_draw_status counted its rows), over the pane and any
 * page on it until the next key, the position kept at its right. */
static void
ui_draw_long_message(struct ui *ui)
{
	enum ui_attr a = ui->msg_error ? UI_ERROR : UI_STATUS;
	char pos[64];
	int n = ui->msg_rows, y, w;

	if (n == 0)
		return;
	ui_status_pos(ui, pos, sizeof pos);
	w = (int)text_width(pos);
	for (y = ui->rows - n; y < ui->rows; y++)
		ui_fill(ui, y, 0, ui->cols, a);
	ui_wrap_put(ui, ui->msg, ui->rows - n, 0, ui->cols - w - 1, n, a);
	ui_putr(ui, ui->rows - 1, ui->cols - w - 1, w + 1, pos, UI_STATUS);
}

void
ui_draw_status(struct ui *ui)
{
	struct ui_view v;
	char pos[64], hints[1024];
	int y = ui->rows - 1, w;

	ui_fill(ui, y, 0, ui->cols, UI_STATUS);
	ui_status_pos(ui, pos, sizeof pos);
	w = (int)text_width(pos);
	if ((ui->msg_rows = ui_message_rows(ui, w)) > 0)
		return;		/* drawn over everything, last */
	if (ui->msg[0] != '\0')
		ui_put(ui, y, 0, ui->cols - w - 1, ui->msg,
		    ui->msg_error ? UI_ERROR : UI_STATUS);
	else {
		ui_current_view(ui, &v);
		ui_hint_line(ui, &v, ui->cols - w - 2, hints, sizeof hints);
		ui_put(ui, y, 0, ui->cols - w - 1, hints, UI_STATUS);
	}
	ui_putr(ui, y, ui->cols - w - 1, w + 1, pos, UI_STATUS);
}

/* What a page saving in the background says (ui->bg); 0 if none does. */
static int
ui_bg(struct ui *ui)
{
	return ui->bg != NULL ? ui->bg(ui->bg_arg) : 0;
}

/*
 * Read the date afresh: a session left open past midnight counts,
 * dims and proposes as of the new day. Returns 1 (every pane then
 * reloads) when the day changed since the last look.
 */
static int
ui_new_day(struct ui *ui)
{
	char today[11];

	/* ui_changed reads the database, the saving thread's until it is
	 * done: the day is looked at on a redraw after that. */
	if (ui_bg(ui) == UI_BG_BUSY)
		return 0;
	date_today(today);
	if (strcmp(today, ui->today) == 0)
		return 0;
	memcpy(ui->today, today, sizeof ui->today);
	ui_changed(ui);
	return 1;
}

/* Draw everything: frame, pane, layers. curses sends only what changed. */
void
ui_redraw(struct ui *ui)
{
	const struct ui_pane *p;
	int i, covered;

	ui_new_day(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	erase();
	if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
		char msg[80];

		snprintf(msg, sizeof msg, _("terminal too small (need %dx%d)"),
		    UI_MIN_COLS, UI_MIN_ROWS);
		mvaddnstr(ui->rows / 2, 0, msg, ui->cols > 0 ? ui->cols : 0);
		curs_set(0);
		refresh();
		return;
	}
	p = ui->panes[ui->tab];
	/* A view on top (an attendance sheet) covers the pane whole: the
	 * pane is neither read again nor drawn beneath it. */
	for (i = 0, covered = 0; i < ui->nlayers; i++)
		covered |= ui->layers[i].view != NULL && !ui->layers[i].box;
	if (ui->stale[ui->tab] && !covered) {
		ui->stale[ui->tab] = 0;
		p->reload(ui);
	}
	curs_set(0);
	ui_draw_header(ui);
	if (!covered)
		p->draw(ui, 1, 0, ui->rows - 2, ui->cols);
	ui_draw_status(ui);
	ui->cur_on = 0;
	for (i = 0; i < ui->nlayers; i++)
		ui->layers[i].fn(ui, ui->layers[i].arg);
	ui_draw_long_message(ui);
	/* With no cursor to show, it may stay where drawing left it. */
	leaveok(stdscr, !ui->cur_on);
	if (ui->cur_on) {
		move(ui->cur_y, ui->cur_x);
		curs_set(1);
	}
	refresh();
}

/*
 * Give back a key read ahead of its turn: it is the next one read. A slow
 * link brings an Escape and the arrow typed after it in one packet.
 */
static void
ui_unget(int rc, wint_t wch)
{
	if (rc == KEY_CODE_YES)
		ungetch((int)wch);
	else
		unget_wch((wchar_t)wch);
}

/*
 * Read the rest of an escape sequence the terminal description did not
 * name (say Home as ESC [ 1 ~ under another TERM): the common ones become
 * their keys, the others are swallowed whole rather than typed.
 */
static int
ui_sequence(wint_t intro)
{
	static const struct {
		const char	*seq;
		int		 key;
	} known[] = {
		{ "[1~", KEY_HOME }, { "[7~", KEY_HOME }, { "[H", KEY_HOME },
		{ "OH", KEY_HOME }, { "[4~", KEY_END }, { "[8~", KEY_END },
		{ "[F", KEY_END }, { "OF", KEY_END }, { "[A", KEY_UP },
		{ "[B", KEY_DOWN }, { "[C", KEY_RIGHT }, { "[D", KEY_LEFT },
		{ "OA", KEY_UP }, { "OB", KEY_DOWN }, { "OC", KEY_RIGHT },
		{ "OD", KEY_LEFT }, { "[5~", KEY_PPAGE }, { "[6~", KEY_NPAGE },
		{ "[3~", KEY_DC }, { "[2~", KEY_IC }, { "[Z", KEY_BTAB },
	};
	char seq[16];
	size_t n = 0, i;
	wint_t wch;
	int rc;

	seq[n++] = (char)intro;
	while (n + 1 < sizeof seq && (rc = wget_wch(stdscr, &wch)) != ERR) {
		/* No sequence holds it (a key curses knew, a Chinese
		 * character): the link lost the sequence's end, and this is
		 * the key after it. */
		if (rc != OK || wch < 0x20 || wch > 0x7e) {
			ui_unget(rc, wch);
			break;
		}
		seq[n++] = (char)wch;
		if (wch >= 0x40 && wch <= 0x7e && n > 1)
			break;		/* the final byte */
	}
	seq[n] = '\0';
	if (n == 1)
		return KEYMAP_META | (int)intro;	/* just ESC [ */
	/* A mouse report (mouse = off, or curses let it through) carries
	 * three bytes after ESC [ M: they are not keys either. */
	if (strcmp(seq, "[M") == 0) {
		for (i = 0; i < 3 && wget_wch(stdscr, &wch) == OK; i++)
			;
		return UI_KEY_NONE;
	}
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(seq, known[i].seq) == 0)
			return KEYMAP_FKEY | known[i].key;
	return UI_KEY_NONE;
}

void
ui_background(struct ui *ui, int (*bg)(void *arg), void *arg)
{
	ui->bg = bg;
	ui->bg_arg = arg;
	/* The thread's commits are flushed as they are made, off the
	 * person's way. */
	store_set_lazy_sync(ui->store, bg == NULL);
}

/* Put the last change on disk; if the disk refuses, say so at once. */
static void
ui_sync(struct ui *ui)
{
	char *cause = NULL;

	if (store_sync(ui->store, &cause) == 0)
		return;
	ui_message(ui, 1, "%s", cause);
	free(cause);
	ui_redraw(ui);
}

int
ui_getkey(struct ui *ui)
{
	static int quick;	/* ERRs that came back at once: a dead tty */
	wint_t wch;
	int64_t start;
	int rc, key, bg;
	uint64_t id;

	/* The last key changed something: show it. After that the screen
	 * is drawn again only when it has to be (resize, others' commits),
	 * so an idle ogpo costs nothing. */
	ui_redraw(ui);
	/* What was drawn is committed; it goes to disk before the next
	 * key is taken (store_set_lazy_sync in ui_main). */
	if (ui_bg(ui) == 0)
		ui_sync(ui);
	for (;;) {
		if (ui_signalled || ui->quit)
			return UI_KEY_QUIT;
		start = clock_ms();
		rc = wget_wch(stdscr, &wch);
		if (ui_signalled)
			return UI_KEY_QUIT;
		if (rc == ERR) {
			if (clock_ms() - start < UI_POLL_MS / 4) {
				if (++quick > 50)
					return UI_KEY_QUIT;
			} else
				quick = 0;
			if ((bg = ui_bg(ui)) == UI_BG_NEWS)
				return UI_KEY_NONE;
			if (bg == UI_BG_BUSY)
				continue;	/* the database is the thread's */
			id = store_last_txnid(ui->store);
			if (id != ui->txnid) {
				ui_changed(ui);
				ui_redraw(ui);
			} else if (ui_count_others(ui, clock_ms()) ||
			    ui_new_day(ui))
				ui_redraw(ui);
			continue;
		}
		quick = 0;
		if (rc == KEY_CODE_YES) {
			if (wch == KEY_RESIZE) {
				ui_redraw(ui);
				continue;
			}
			return KEYMAP_FKEY | (int)wch;
		}
		key = (int)wch;
		if (key == 27) {
			/* ESC and a key at once is Meta-key; ESC [ or ESC O
			 * is a key sequence curses did not know. Another
			 * Escape, or a key curses read whole (an arrow), is
			 * a key of its own, the next one. */
			nodelay(stdscr, TRUE);
			rc = wget_wch(stdscr, &wch);
			if (rc == OK && (wch == '[' || wch == 'O'))
				key = ui_sequence(wch);
			else if (rc == OK && wch != 27)
				key = KEYMAP_META | (int)wch;
			else if (rc != ERR)
				ui_unget(rc, wch);
			nodelay(stdscr, FALSE);
			timeout(UI_POLL_MS);
			if (key == UI_KEY_NONE)
				continue;
		}
		return key;
	}
}

enum ui_action
ui_lookup(struct ui *ui, enum ui_ctx ctx, int key)
{
	int a = keymap_lookup(ui->km, (int)ctx, key);

	return a < 0 || a >= UA_COUNT ? UA_NONE : (enum ui_action)a;
}

static void
ui_colors(struct ui *ui)
{
	/*
	 * Dim text (ended designations, hints) is the terminal's dim
	 * attribute, never a colour: a grey or white fixed here vanishes on
	 * some background. The light theme keeps every text on the
	 * terminal's own colours or on a background of its own.
	 */
	static const struct {
		short	fg, bg;
		attr_t	mono;
	} dark[UI_ATTR_COUNT] = {
		[UI_NORMAL] = { -1, -1, A_NORMAL },
		[UI_HEADER] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE },
		[UI_TAB]    = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
		[UI_TITLE]  = { COLOR_CYAN, -1, A_UNDERLINE },
		[UI_SELECT] = { COLOR_BLACK, COLOR_YELLOW, A_REVERSE },
		[UI_STATUS] = { COLOR_WHITE, COLOR_BLUE, A_REVERSE },
		[UI_ERROR]  = { COLOR_RED, -1, A_BOLD },
		[UI_MARK]   = { COLOR_RED, -1, A_BOLD },
		[UI_DIM]    = { -1, -1, A_DIM },
		[UI_FIELD]  = { COLOR_WHITE, COLOR_BLACK, A_UNDERLINE },
	}, light[UI_ATTR_COUNT] = {
		[UI_NORMAL] = { -1, -1, A_NORMAL },
		[UI_HEADER] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
		[UI_TAB]    = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
		[UI_TITLE]  = { COLOR_BLUE, -1, A_UNDERLINE },
		[UI_SELECT] = { COLOR_BLACK, COLOR_YELLOW, A_REVERSE },
		[UI_STATUS] = { COLOR_BLACK, COLOR_CYAN, A_REVERSE },
		[UI_ERROR]  = { COLOR_RED, -1, A_BOLD },
		[UI_MARK]   = { COLOR_RED, -1, A_BOLD },
		[UI_DIM]    = { -1, -1, A_DIM },
		[UI_FIELD]  = { COLOR_BLACK, COLOR_CYAN, A_UNDERLINE },
	};
	const char *theme = config_get("theme");
	int i, lit = strcmp(theme, "light") == 0;

	/* theme = mono, or NO_COLOR (config.c sets the theme for it). */
	ui->color = has_colors() && strcmp(theme, "mono") != 0;
	if (ui->color) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < UI_ATTR_COUNT; i++) {
		short fg = lit ? light[i].fg : dark[i].fg;
		short bg = lit ? light[i].bg : dark[i].bg;

		if (i == UI_DIM)
			ui->attrs[i] = A_DIM;
		else if (ui->color && i != UI_NORMAL &&
		    init_pair((short)i, fg, bg) == OK)
			ui->attrs[i] = COLOR_PAIR(i) | (i == UI_TAB ||
			    i == UI_ERROR || i == UI_MARK ? A_BOLD : 0);
		else
			ui->attrs[i] = dark[i].mono;
	}
}

/*
 * mouse = on: a click on a tab goes to it, a click on a row selects it
 * (twice in a row opens it), the wheel moves three rows. Presses are
 * taken as they come (no click timing in curses), so nothing waits.
 */
static void
ui_mouse_start(struct ui *ui)
{
	if (strcmp(config_get("mouse"), "on") != 0) {
		/* Reports the terminal sends anyway arrive as bytes, and
		 * ui_sequence swallows them whole. */
		keyok(KEY_MOUSE, FALSE);
		return;
	}
	ui->mouse = 1;
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

/* One mouse event on the main screen (layers ignore the mouse). */
static void
ui_mouse_event(struct ui *ui, const MEVENT *ev)
{
	const struct ui_pane *p = ui->panes[ui->tab];
	int64_t now;
	int i;

	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		for (i = 0; i < 3; i++)
			p->action(ui, ev->bstate & BUTTON4_PRESSED ? UA_UP :
			    UA_DOWN);
		return;
	}
	if (!(ev->bstate & BUTTON1_PRESSED))
		return;
	if (ev->y == 0) {
		for (i = 0; i < ui->npanes; i++)
			if (ev->x >= ui->tab_x[i] &&
			    ev->x < ui->tab_x[i] + ui->tab_w[i])
				ui_switch_tab(ui, i);
		return;
	}
	if (!vlist_click(p->list, ev->y, ev->x))
		return;
	ui->msg[0] = '\0';
	now = clock_ms();
	if (ev->y == ui->click_y && now - ui->click_ms < 400) {
		now = 0;	/* a third click starts afresh */
		p->action(ui, UA_SELECT);
	}
	ui->click_ms = now;
	ui->click_y = ev->y;
}

/*
 * KEY_MOUSE: curses may have queued several events behind one key (a
 * double click that came in one read), so take them all.
 */
static void
ui_mouse(struct ui *ui)
{
	MEVENT ev;

	while (getmouse(&ev) == OK)
		ui_mouse_event(ui, &ev);
}

#define UI_KEYMAP_ASIDE_MAX	(16 << 20)	/* what a child may send */

/* An empty keymap over the program's contexts and actions. */
static struct keymap *
ui_keymap_new(void)
{
	static const char *action_names[UA_COUNT];
	struct keymap *km;
	int i;

	for (i = 0; i < UA_COUNT; i++)
		action_names[i] = ui_actions[i].name;
	km = keymap_new(ui_context_names, UI_CTX_COUNT, action_names,
	    UA_COUNT);
	if (km == NULL)
		abort();	/* out of memory, as xmalloc would stop */
	for (i = 0; i < UI_CTX_COUNT; i++)
		if (ui_ctx_parent[i] != UI_CTX_GLOBAL)
			keymap_set_parent(km, i, (int)ui_ctx_parent[i]);
	return km;
}

/* Load the keymap: the compiled-in default, then --keymap on top. */
static int
ui_keymap_read(struct keymap *km, char **errors)
{
	const char *choice = config_get("keymap");
	char *path = NULL;
	int i;

	keymap_load_string(km, "default.keymap", keymap_default_text,
	    errors);
	if (choice == NULL || strcmp(choice, "default") == 0)
		return 0;
	if (strchr(choice, '/') == NULL) {
		path = xasprintf("keymaps/%s.keymap", choice);
		if (access(path, R_OK) != 0) {
			free(path);
			path = xasprintf("%s/keymaps/%s.keymap", OGPO_DATADIR,
			    choice);
		}
		if (access(path, R_OK) != 0) {
			free(path);
			free(*errors);
			*errors = xasprintf(_("%s: no keymap called '%s' "
			    "(looked in ./keymaps and %s/keymaps; default, vi "
			    "and emacs come with ogpo); the default keymap is "
			    "in use"), config_origin("keymap"), choice,
			    OGPO_DATADIR);
			return 1;
		}
	} else if (strncmp(choice, "~/", 2) == 0 && getenv("HOME") != NULL)
		/* In a settings file no shell has expanded it. */
		path = xasprintf("%s%s", getenv("HOME"), choice + 1);
	else
		path = xstrdup(choice);
	i = keymap_load_file(km, path, errors);
	free(path);
	return i;
}

/* Aside (aside.h): the keymap read, its bindings and problems sent. */
static int
ui_keymap_send(FILE *f, void *arg)
{
	struct keymap *km = ui_keymap_new();
	char *errors = NULL;
	int rc;

	(void)arg;
	rc = ui_keymap_read(km, &errors);
	aside_put_i64(f, rc);
	keymap_send(km, f);
	aside_put_str(f, errors);
	free(errors);
	keymap_free(km);
	return ferror(f) ? -1 : 0;
}

/* Take what ui_keymap_send sent into km, each binding checked. */
static int
ui_keymap_take(struct keymap *km, const char *buf, size_t len, int *rc,
    char **errors)
{
	struct aside_in in = { buf, len, 0 };
	const char *e;
	int64_t r;

	if (!aside_take_i64(&in, &r) || r < -1 || r > INT32_MAX ||
	    keymap_receive(km, &in) != 0 ||
	    !aside_take_str(&in, &e, len, 1) || !aside_done(&in))
		return -1;
	*rc = (int)r;
	free(*errors);
	*errors = e != NULL ? xstrdup(e) : NULL;
	return 0;
}

/*
 * The keymap, read aside: a keymap file is the person's own, and this
 * process keeps the group as its saved group. Should that fail, the
 * default keymap, compiled in, and the reason.
 */
static int
ui_keymap(struct ui *ui, char **errors)
{
	char *buf, *cause = NULL;
	size_t len;
	int rc = 0;

	ui->km = ui_keymap_new();
	if (aside_run(ui_keymap_send, NULL, UI_KEYMAP_ASIDE_MAX, &buf, &len,
	    &cause) == 0 && ui_keymap_take(ui->km, buf, len, &rc,
	    errors) == 0) {
		free(buf);
		return rc;
	}
	free(buf);
	keymap_free(ui->km);
	ui->km = ui_keymap_new();
	free(*errors);
	*errors = NULL;
	keymap_load_string(ui->km, "default.keymap", keymap_default_text,
	    errors);
	free(*errors);
	*errors = xasprintf(_("%s: keymap '%s' could not be read: %s; the "
	    "default keymap is in use"), config_origin("keymap"),
	    config_get("keymap"), cause != NULL ? cause : _("the process "
	    "reading it sent what bindings are not"));
	free(cause);
	return 1;
}

/*
 * The settings' problems and the keymap's: on stderr, which shows again
 * when the screen is left, and the first on the status line with how
 * many there are (there is one line; each names its file and line).
 */
static void
ui_problems(struct ui *ui, const char *keymap_errors)
{
	const char *conf = config_problems();
	char *all, *p, *nl;
	int n = 1;

	if (conf == NULL && keymap_errors == NULL)
		return;
	all = xasprintf("%s%s%s", conf ? conf : "", conf && keymap_errors ?
	    "\n" : "", keymap_errors ? keymap_errors : "");
	for (p = all; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		n++;
	if (conf != NULL) {
		/* The keymap's lines went to stderr already. */
		for (p = xstrdup(conf), nl = strtok(p, "\n"); nl != NULL;
		    nl = strtok(NULL, "\n")) {
			fputs("ogpo: ", stderr);
			cmd_put_safe(stderr, nl);
			fputc('\n', stderr);
		}
		free(p);
	}
	if ((nl = strchr(all, '\n')) != NULL)
		*nl = '\0';
	if (n > 1)
		ui_message(ui, 1, _("(1 of %d, all on stderr) %s"), n, all);
	else
		ui_message(ui, 1, "%s", all);
	free(all);
}

static void
ui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: the read must return */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/*
 * Forms ogpo was closed under, unsaved, when this person last had this
 * database open (the connection dropped): each is offered, oldest first,
 * to open as it was left, keep for later or discard.
 */
static void
ui_drafts(struct ui *ui)
{
	const char *choices[] = { _("Open it as it was left"),
		_("Later: ask again when ogpo next opens"),
		_("Discard it") };
	struct draft **list;
	const struct schema *s;
	char when[32], label[256], *text;
	void *rec;
	size_t n, i, sel;
	int r;

	n = draft_list(ui->dbdir, &list);
	for (i = 0; i < n && !ui->quit; i++) {
		s = schema_of(list[i]->kind);
		rec = xcalloc(1, s->size);
		draft_get_record(list[i], 'm', rec);
		schema_label(s, rec, label, sizeof label);
		free(rec);
		time_show(list[i]->when, when, sizeof when);
		text = xasprintf(_("ogpo closed at %s while a form was open, "
		    "unsaved: %s (%s). What you typed was kept."), when,
		    list[i]->title, label);
		sel = 0;
		r = ui_ask(ui, _("An unsaved form"), text, choices, 3, &sel);
		free(text);
		if (r == UI_KEY_QUIT) {
			ui->quit = 1;
			break;
		}
		if (r != 1 || sel == 1)
			continue;
		if (sel == 2) {
			draft_remove(list[i]);
			ui_message(ui, 0, _("Discarded the unsaved form."));
			continue;
		}
		/* Left again, it is kept again, as a new draft. */
		r = ui_form_restore(ui, list[i]);
		draft_remove(list[i]);
		if (r == UI_KEY_QUIT)
			ui->quit = 1;
		else if (r == 1)
			ui_changed(ui);		/* the form said "Saved …" */
	}
	draft_free_list(list, n);
}

/* 1 if the person at the keyboard is an admin now. */
static int
ui_is_admin(struct core *c)
{
	struct store_txn *t;
	struct user u;

	if (store_read_begin(core_store(c), &t, NULL) != 0)
		return 0;
	core_whoami(c, t, &u);
	store_read_end(t);
	return u.role == UROLE_ADMIN;
}

/* What the keys do everywhere, and what a ":" command asks for. */
static void
ui_global(struct ui *ui, enum ui_action a)
{
	switch (a) {
	case UA_COMMAND:
		if ((a = ui_command(ui)) != UA_NONE && a != UA_COMMAND)
			ui_global(ui, a);
		break;
	case UA_QUIT:
		ui->quit = 1;
		break;
	case UA_HELP:
		ui_help(ui);
		break;
	case UA_TAB_AGENCIES:
	case UA_TAB_OFFICERS:
	case UA_TAB_MEETINGS:
	case UA_TAB_ISSUES:
	case UA_TAB_COMPLIANCE:
	case UA_TAB_AUDIT:
	case UA_TAB_USERS:
		if (a == UA_TAB_USERS && !ui->admin)
			ui_message(ui, 1, _("Users are for admins; you "
			    "are not one"));
		else
			ui_switch_tab(ui, a - UA_TAB_AGENCIES);
		break;
	case UA_WHO:
		ui_who(ui);
		break;
	case UA_UNDO:
		pane_undo(ui, 0);
		break;
	case UA_NEXT_TAB:
		ui_switch_tab(ui, (ui->tab + 1) % ui->npanes);
		break;
	case UA_PREV_TAB:
		ui_switch_tab(ui, (ui->tab + ui->npanes - 1) %
		    ui->npanes);
		break;
	case UA_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

/* A key that does nothing here: say so, and how to find the keys. */
void
ui_unbound(struct ui *ui, enum ui_ctx ctx, int key)
{
	char name[64], help[64];

	if (key == UI_KEY_NONE || key == (KEYMAP_FKEY | KEY_MOUSE) ||
	    key == (KEYMAP_FKEY | KEY_RESIZE))
		return;
	keymap_key_name(key, name, sizeof name);
	/* Ctrl-C is how a newcomer tries to leave a program: say how. */
	if (key == 0x03 && *ui_key_label(ui, ctx, UA_QUIT, help,
	    sizeof help) != '\0')
		ui_message(ui, 1, _("%s does not leave ogpo; %s leaves it"),
		    name, help);
	else if (*ui_key_label(ui, ctx, UA_HELP, help, sizeof help) != '\0')
		ui_message(ui, 1, _("%s does nothing here; %s shows the keys"),
		    name, help);
	else
		ui_message(ui, 1, _("%s does nothing here"), name);
}

int
ui_main(const struct cmd_ctx *ctx)
{
	struct ui ui;
	const char *like, *t = getenv("TERM");
	char *errors = NULL, term[64];
	int key, i;

	memset(&ui, 0, sizeof ui);
	ui.self = pthread_self();
	ui.go = UA_NONE;
	/* Read before the database is open, in a process of its own. */
	ui_keymap(&ui, &errors);
	if ((ui.core = cmd_open(ctx, 0)) == NULL) {
		keymap_free(ui.km);
		free(errors);
		return CMD_FAIL;
	}
	ui.store = core_store(ui.core);
	ui.dbdir = store_dir(ui.store);
	store_set_activity(ui.store, "ogpo");
	store_set_wait(ui.store, ui_waiting, &ui);
	/* A change is drawn before its flush, which ui_getkey does before
	 * it reads the next key: a roll call's mark shows at once. */
	store_set_lazy_sync(ui.store, 1);
	if (errors != NULL) {
		/* A keymap file is data: its lines are shown escaped. */
		char *line, *save, *copy = xstrdup(errors);

		for (line = strtok_r(copy, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			cmd_put_safe(stderr, line);
			fputc('\n', stderr);
		}
		free(copy);
	}
	/* ssh HOST ogpo, without -t, gives no terminal: the screen would
	 * go out as escape sequences, and the first key read end it. Asked
	 * once the database has said what it has to (no database, say). */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs(isatty(STDIN_FILENO) ? _("ogpo: the full-screen "
		    "program draws on a terminal, and its output goes "
		    "elsewhere. In a script, give a command (ogpo help lists "
		    "them).\n") : _("ogpo: the full-screen program needs a "
		    "terminal to read keys from. Over SSH, ask for one (ssh -t "
		    "HOST ogpo); in a script, give a command (ogpo help lists "
		    "them).\n"), stderr);
		keymap_free(ui.km);
		core_close(ui.core);
		free(errors);
		return CMD_USAGE;
	}
	ui.panes[0] = &ui_pane_agencies;
	ui.panes[1] = &ui_pane_officers;
	ui.panes[2] = &ui_pane_meetings;
	ui.panes[3] = &ui_pane_issues;
	ui.panes[4] = &ui_pane_compliance;
	ui.panes[5] = &ui_pane_audit;
	ui.panes[6] = &ui_pane_users;
	ui.admin = ui_is_admin(ui.core);
	ui.npanes = ui.admin ? 7 : 6;
	core_session_begin(ui.core, ui.panes[0]->title);
	ui_count_others(&ui, clock_ms());
	date_today(ui.today);
	ui_changed(&ui);
	ui_problems(&ui, errors);

	ui_signals();
	/* Lines and corners as Unicode characters, not the VT100 set that
	 * ESC ( 0 switches to: terminals in UTF-8 differ on that escape
	 * (PuTTY's settings, screen capture), every one of them draws
	 * U+2500 to U+257F. NCURSES_NO_UTF8_ACS=0 of the person's own
	 * stands. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	/* With the group's rights, ncurses sees a set-id program and trusts
	 * nothing of the environment's terminal description. */
	/* As the person set it, for the sentences below: printable. */
	snprintf(term, sizeof term, "%s", t != NULL ? t : "");
	for (i = 0; term[i] != '\0'; i++)
		if (term[i] < 0x21 || term[i] > 0x7e)
			term[i] = '?';
	priv_enter();
	like = ui_term_open();
	priv_leave();
	if (like == NULL) {
		fprintf(stderr, _("ogpo: this terminal cannot be drawn on "
		    "(TERM=%s): set TERM to your terminal's type, or to "
		    "xterm-256color, and start ogpo again\n"), term);
		core_close(ui.core);
		free(errors);
		return CMD_FAIL;
	}
	if (*like != '\0')
		ui_message(&ui, 1, _("Your terminal, TERM=%s, is unknown on this "
		    "server: drawn as %s. If the screen looks wrong, ask the "
		    "administrator to install ncurses-term."), term, like);
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(UI_POLL_MS);
	ui_colors(&ui);
	ui_mouse_start(&ui);
	ui_drafts(&ui);

	while ((key = ui_getkey(&ui)) != UI_KEY_QUIT) {
		const struct ui_pane *p = ui.panes[ui.tab];
		enum ui_action a;

		if (key == (KEYMAP_FKEY | KEY_MOUSE)) {
			if (ui.mouse)
				ui_mouse(&ui);
			continue;
		}
		a = ui_lookup(&ui, p->ctx, key);
		if (a == UA_NONE)
			ui_unbound(&ui, p->ctx, key);
		else if (!p->action(&ui, a))
			ui_global(&ui, a);
		/* A tab's key pressed on a page over the tabs, which has
		 * closed: done here. */
		while ((a = ui.go) != UA_NONE) {
			ui.go = UA_NONE;
			ui_global(&ui, a);
		}
	}
	endwin();
	for (i = 0; i < ui.npanes; i++) {
		vlist_free(ui.panes[i]->list);
		if (ui.panes[i]->fini != NULL)
			ui.panes[i]->fini();
	}
	keymap_free(ui.km);
	core_close(ui.core);
	free(errors);
	if (ui_signalled == SIGHUP || ui_signalled == SIGTERM)
		return 128 + ui_signalled;
	return CMD_OK;
}
