/*
 * ui-int.h — what the files of src/ui/ share: the screen state, the action
 * table, the pane operations, and the widgets (virtual list, form, dialog,
 * pick list). Only src/ui/ includes curses.
 */
#ifndef OGPO_UI_INT_H
#define OGPO_UI_INT_H

#include <curses.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>

#include "ogpo/core.h"
#include "ogpo/keymap.h"
#include "ogpo/text.h"
#include "ogpo/ui.h"

#include "ogpo/i18n.h"

#define UI_MIN_COLS	80
#define UI_MIN_ROWS	24
#define UI_WIDE_COLS	120	/* a detail panel beside the list from here */
#define UI_POLL_MS	250	/* how often to look for others' commits */
#define UI_OTHERS_MS	2000	/* how often to count who else is here */
#define UI_ROWS_MAX	512	/* visible rows of a list, at most */

/* Keymap contexts, in the order the keymap files name them. */
enum ui_ctx {
	UI_CTX_GLOBAL = 0,
	UI_CTX_LIST,
	UI_CTX_TREE,
	UI_CTX_FORM,
	UI_CTX_DIALOG,
	UI_CTX_HELP,
	UI_CTX_ATTEND,		/* taking a meeting's attendance */
	/* The views, each falling back to list or tree (ui_ctx_parent):
	 * a keymap binds a key for one view only by naming it. */
	UI_CTX_AGENCIES,
	UI_CTX_OFFICERS,
	UI_CTX_MEETINGS,
	UI_CTX_ISSUES,
	UI_CTX_COMPLIANCE,
	UI_CTX_AUDIT,
	UI_CTX_USERS,
	UI_CTX_OFFICER,		/* one officer's training and rewards */
	UI_CTX_RESOLUTIONS,	/* a meeting's resolutions */
	UI_CTX_VOTE,		/* the month's topic vote */
	UI_CTX_FINDING,		/* what a compliance finding is made of */
	UI_CTX_COUNT
};

/* The context each falls back to before global (0: none). */
extern const enum ui_ctx ui_ctx_parent[UI_CTX_COUNT];

/* Every user action: one entry in ui_actions[] (name, help text). */
enum ui_action {
	UA_NONE = -1,
	UA_HELP = 0,
	UA_QUIT,
	UA_TAB_AGENCIES,
	UA_TAB_OFFICERS,
	UA_TAB_MEETINGS,
	UA_TAB_ISSUES,
	UA_TAB_COMPLIANCE,
	UA_TAB_AUDIT,
	UA_TAB_USERS,
	UA_NEXT_TAB,
	UA_PREV_TAB,
	UA_REDRAW,
	UA_UP,
	UA_DOWN,
	UA_PAGE_UP,
	UA_PAGE_DOWN,
	UA_HOME,
	UA_END,
	UA_SELECT,
	UA_DETAIL,
	UA_ADD,
	UA_EDIT,
	UA_DELETE,
	UA_SEARCH,
	UA_SEARCH_NEXT,
	UA_SEARCH_PREV,
	UA_SEARCH_CLEAR,
	UA_SORT_NEXT,
	UA_SORT_REVERSE,
	UA_FILTER_AGENCY,
	UA_SHOW_ALL,
	UA_IMPORT,
	UA_EXPORT,
	UA_PRESENT,
	UA_ONLINE,
	UA_PROXY,
	UA_EXCUSED,
	UA_ABSENT,
	UA_UNMARK,
	UA_INVITE,
	UA_INVITE_EXTERNAL,
	UA_UNINVITE,
	UA_PROPOSE,
	UA_NEW_MEETING,
	UA_ADD_PROGRESS,
	UA_END_DESIGNATION,
	UA_ADD_TRAINING,
	UA_ADD_REWARD,
	UA_EXPAND,
	UA_COLLAPSE,
	UA_TOGGLE,
	UA_NEXT_FIELD,
	UA_PREV_FIELD,
	UA_SAVE,
	UA_CANCEL,
	UA_PICK,
	UA_YES,
	UA_NO,
	UA_WHO,
	UA_UNDO,
	UA_CLOSE,
	UA_NOTE,
	UA_MARK_HELD,
	UA_MARK_CANCELLED,
	UA_SIGNIN,
	UA_SUMMARY,
	UA_RESOLUTIONS,
	UA_RELEASE,
	UA_AGENDA,
	UA_DECISIONS,
	UA_VOTE,
	UA_OPEN_VOTE,
	UA_BALLOT,
	UA_CLOSE_VOTE,
	UA_VOTES,
	UA_DEADLINES,
	UA_COMMAND,
	UA_SAVE_REJECTS,
	UA_COUNT
};

struct ui_action_def {
	const char	*name;	/* as in keymap files */
	const char	*help;	/* one line for the help screen */
};

extern const struct ui_action_def ui_actions[UA_COUNT];
extern const char *const ui_context_names[UI_CTX_COUNT];

/* Colour pairs (attributes only where the terminal has no colour). */
enum ui_attr {
	UI_NORMAL = 0,
	UI_HEADER,	/* top line */
	UI_TAB,		/* the current tab */
	UI_TITLE,	/* column titles */
	UI_SELECT,	/* the selected row */
	UI_STATUS,	/* bottom line */
	UI_ERROR,	/* messages that went wrong, bad fields */
	UI_MARK,	/* a regulation mark: no PO, no supervisor */
	UI_DIM,		/* ended designations, hints */
	UI_FIELD,	/* an input field */
	UI_ATTR_COUNT
};

struct ui;

/*
 * What a view offers, most used first: its status line shows as many as
 * fit, with the keys that do them there (found in the active keymap), and
 * its help lists them all. A hint not shown is for the help alone.
 */
struct ui_hint {
	enum ui_action	 action;
	const char	*label;		/* a word or two: "add", "sign-in" */
	int		 shown;		/* on the status line */
};

/* A view: its keymap context and what it offers (ends with UA_NONE). */
struct ui_view {
	const char		*title;	/* for the help: "Meetings" */
	enum ui_ctx		 ctx;
	const struct ui_hint	*hints;
	int			 typed;	/* characters type here: the hints
					 * name keys that type none (F1) */
	/* NULL, or per hint the key itself ("Enter"): a window that reads
	 * keys as they are (a prompt), not as the keymap binds them. */
	const char *const	*keys;
};

/*
 * A pane: one tab of the main screen. Each lives in pane-NAME.c and
 * exports one of these; ui.c lists them in tab order.
 */
struct ui_pane {
	const char	*title;		/* "Agencies" */
	enum ui_ctx	 ctx;		/* keymap context of its list */
	/* Draw into the area below the header and above the status line. */
	void		(*draw)(struct ui *ui, int y, int x, int h, int w);
	/* Handle an action; returns 1 if it was the pane's. */
	int		(*action)(struct ui *ui, enum ui_action a);
	/* The database moved on (or first show): reload what is shown. */
	void		(*reload)(struct ui *ui);
	/* The pane's list: its position ("12/340") goes on the status
	 * line, and it is freed at exit. */
	struct vlist	*list;
	/* Free anything else the pane holds, at exit (may be NULL). */
	void		(*fini)(void);
	/* Its keys, for the status line and the help. */
	const struct ui_hint *hints;
};

extern const struct ui_pane ui_pane_agencies;
extern const struct ui_pane ui_pane_officers;
extern const struct ui_pane ui_pane_meetings;
extern const struct ui_pane ui_pane_issues;
extern const struct ui_pane ui_pane_compliance;
extern const struct ui_pane ui_pane_audit;
extern const struct ui_pane ui_pane_users;

#define UI_PANES_MAX	7

/* A modal layer on top of the pane: redrawn whenever the screen is. */
typedef void (*ui_layer_fn)(struct ui *ui, void *arg);

#define UI_LAYERS_MAX 8

struct ui {
	struct core		*core;
	struct store		*store;
	struct keymap		*km;
	const char		*dbdir;
	const struct ui_pane	*panes[UI_PANES_MAX];
	int			 npanes, tab;
	int			 rows, cols;
	int			 color;
	attr_t			 attrs[UI_ATTR_COUNT];
	uint64_t		 txnid;		/* last commit we showed */
	int			 stale[UI_PANES_MAX];	/* pane must reload */
	int			 admin;		/* the Users tab is shown */
	size_t			 others;	/* other sessions open */
	int64_t			 others_at;	/* when counted (ms) */
	char			 msg[512];
	int			 msg_error;
	int			 msg_rows;	/* it takes, when too long */
	int			 quit;
	/* A tab's key (or the command line's) pressed on a page over the
	 * tabs: the pages close and it is done then (UA_NONE: none). */
	enum ui_action		 go;
	char			 today[11];
	uint32_t		 agency;	/* officers narrowed to this */
	uint32_t		 want_issue;	/* the Issues tab selects it */
	struct {
		ui_layer_fn	 fn;
		void		*arg;
		const struct ui_view *view;	/* NULL: a dialog */
		int		 box;	/* a box over the page, which
					 * stays drawn beneath it */
	}			 layers[UI_LAYERS_MAX];
	int			 nlayers;
	int			 cur_on, cur_y, cur_x;	/* where the cursor
							   shows, if at all */
	int			 mouse;		/* mouse = on */
	int			 tab_x[UI_PANES_MAX], tab_w[UI_PANES_MAX];
						/* tabs on row 0 */
	int64_t			 click_ms;	/* the last click, for */
	int			 click_y;	/* a double click */
	int64_t		 waited_shown;	/* ui_waiting's last quarter second */
	/* A page that saves in the background (a roll call's marks): bg
	 * says UI_BG_BUSY while another thread uses the database, which
	 * the loop then leaves alone, UI_BG_NEWS when the page has news to
	 * show (ui_getkey returns UI_KEY_NONE for it), else 0. */
	int			(*bg)(void *arg);
	void			*bg_arg;
	pthread_t		 self;		/* the thread that draws */
	/* The meeting whose roll call is open (0: none), for the commands
	 * typed over it; a command for the tabs beneath, kept while the
	 * roll call closes (ui_command). */
	uint32_t		 roll;
	char			 command[512];
};

#define UI_BG_BUSY	1
#define UI_BG_NEWS	2

/* ui.c: the loop, keys, the frame. */
#define UI_KEY_QUIT	(-1)	/* signal or hang-up: unwind and leave */
#define UI_KEY_NONE	(-2)	/* nothing typed (the screen was redrawn) */

/*
 * Wait for a key, redrawing on resize and reloading when another process
 * commits. Returns the key, or UI_KEY_QUIT when the program must end.
 */
int	ui_getkey(struct ui *ui);
enum ui_action ui_lookup(struct ui *ui, enum ui_ctx ctx, int key);
void	ui_redraw(struct ui *ui);
/* The status line (drawn before the layers): again, by a layer that read
 * the database afresh and now offers other keys. */
void	ui_draw_status(struct ui *ui);
/*
 * A page begins (bg not NULL) or ends saving in a thread of its own; see
 * ui->bg. Called while that thread does not use the database.
 */
void	ui_background(struct ui *ui, int (*bg)(void *arg), void *arg);
void	ui_message(struct ui *ui, int error, const char *fmt, ...)
	    OGPO_PRINTF(3, 4);
/*
 * Start curses on the terminal $TERM names, or on the nearest one this
 * server knows: "" when on TERM's own, the type drawn as instead, NULL
 * when nothing can be drawn (term.c).
 */
const char *ui_term_open(void);
void	ui_layer_push(struct ui *ui, ui_layer_fn fn, void *arg);
/* A layer that is a view of its own: its keys on the status line. */
void	ui_layer_push_view(struct ui *ui, ui_layer_fn fn, void *arg,
	    const struct ui_view *view);
/* The same for a box over the page (a question, a prompt, the command
 * line): its keys on the status line, the page still drawn beneath. */
void	ui_layer_push_box(struct ui *ui, ui_layer_fn fn, void *arg,
	    const struct ui_view *view);
/* The view the keys go to now: the top layer's, else the pane's. */
void	ui_current_view(struct ui *ui, struct ui_view *v);
/*
 * The status line's hints for view v, "Enter attendance  a add  …  ?
 * help", as many as fit in width cells, most used first; into buf.
 */
void	ui_hint_line(struct ui *ui, const struct ui_view *v, int width,
	    char *buf, size_t n);
/*
 * The key that does a in context ctx, as a person reads it ("Enter",
 * "C-s", "a"); "" if no key does. Returns buf.
 */
const char *ui_key_label(struct ui *ui, enum ui_ctx ctx, enum ui_action a,
	    char *buf, size_t n);
void	ui_layer_pop(struct ui *ui);
/*
 * The keys of a page pushed over the tabs (an officer's, a meeting's
 * resolutions): moves go to list, help to the help, the rest to action
 * with arg, until it is closed. The caller pops the layer.
 */
void	ui_layer_keys(struct ui *ui, enum ui_ctx ctx, struct vlist *list,
	    void (*action)(void *arg, enum ui_action a), void *arg);
/*
 * On a page over the tabs: 1 when a (a tab's key, the command line's)
 * leaves the pages to be done on the tabs (ui->go holds it), or when
 * an earlier key did so; the page's loop then ends.
 */
int	ui_layer_leave(struct ui *ui, enum ui_action a);
/* A key that does nothing in ctx: the status line says so. */
void	ui_unbound(struct ui *ui, enum ui_ctx ctx, int key);
void	ui_switch_tab(struct ui *ui, int tab);
/* Mark every pane stale, e.g. after our own write. */
void	ui_changed(struct ui *ui);

/* draw.c: text in cells, boxes. */
void	ui_put(struct ui *ui, int y, int x, int w, const char *s,
	    enum ui_attr a);
void	ui_putr(struct ui *ui, int y, int x, int w, const char *s,
	    enum ui_attr a);	/* right-aligned */
void	ui_fill(struct ui *ui, int y, int x, int w, enum ui_attr a);
void	ui_box(struct ui *ui, int y, int x, int h, int w, const char *title);
/*
 * Rows of a pick list in columns lined up by display width (CJK takes two
 * cells): cells holds nrows * ncols strings, row by row; each column is
 * as wide as its widest cell, up to max cells (the last is never padded).
 * Returns nrows new strings, for the caller to free.
 */
char	**ui_columns(const char *const *cells, size_t nrows, size_t ncols,
	    size_t max);

/* Box lines, as ACS characters or, when ambiguous characters are drawn
 * wide, as ASCII. */
enum ui_line {
	UI_LINE_H = 0,
	UI_LINE_V,
	UI_LINE_UL,
	UI_LINE_UR,
	UI_LINE_LL,
	UI_LINE_LR
};
chtype	ui_line(struct ui *ui, enum ui_line which);

/* Symbols in running text: → – …, or -> - ... when ambiguous is wide. */
enum ui_sym {
	UI_SYM_ARROW = 0,
	UI_SYM_DASH,
	UI_SYM_ELLIPSIS
};
const char *ui_sym(enum ui_sym which);
void	ui_clear_area(struct ui *ui, int y, int x, int h, int w);

/* vlist.c: a list of ids on screen, paged through an index or held. */
struct vlist {
	/* Paged: walk index ix (group if grouped), backwards if desc. */
	int			 paged;
	enum store_index	 ix;
	int			 grouped;
	uint32_t		 group;
	int			 desc;
	struct store_pos	 top;	/* first visible row */
	/* Held: the ids themselves, in order. */
	uint32_t		*ids;
	size_t			 n, cap, top_i;
	uint32_t		 want;	/* select this id once rebuilt */
	/* Both. */
	size_t			 count;	/* rows in the whole list */
	size_t			 index;	/* the selected row's place in it */
	int			 sel;	/* the selected row on screen */
	int			 height;
	uint32_t		 rows[UI_ROWS_MAX];	/* visible ids */
	int			 nrows;
	/* Where the rows were drawn last (vlist_place), for the mouse. */
	int			 scr_y, scr_x, scr_w;
	/* Paged: the rows the last search matched (see vlist_search). */
	struct vlist_found	*found;
};

void	vlist_paged(struct vlist *l, enum store_index ix, const uint32_t *group,
	    int desc);
/*
 * The database moved on: count the place of the top row afresh (rows may
 * have come or gone before it). Costs a walk of the keys up to it.
 */
void	vlist_recount(struct vlist *l, struct store_txn *t);
void	vlist_held(struct vlist *l);
/*
 * vlist_held for the same list again (after a change, or others'): if
 * the selected row is gone, the one that took its place is selected, on
 * the same line of the screen, rather than the first.
 */
void	vlist_held_again(struct vlist *l);
void	vlist_held_add(struct vlist *l, uint32_t id);
void	vlist_free(struct vlist *l);
/* Fill rows[] for a screen of height rows, keeping the selection. */
void	vlist_load(struct vlist *l, struct store_txn *t, int height);
/* Move for a list action (up, down, page, home, end): 1 if moved. */
int	vlist_move(struct vlist *l, struct store_txn *t, enum ui_action a);
uint32_t vlist_selected(const struct vlist *l);
/* The pane drew row 0 at screen line y, columns x to x + w - 1. */
void	vlist_place(struct vlist *l, int y, int x, int w);
/*
 * The screen cell (y, x) was clicked: select the row drawn there.
 * Returns 1 if a row was there.
 */
int	vlist_click(struct vlist *l, int y, int x);
/* Put id on the selected row (held: by index; paged: seek to pos). */
int	vlist_select_id(struct vlist *l, struct store_txn *t, uint32_t id);
void	vlist_position(const struct vlist *l, char *buf, size_t n);
/*
 * The ids of the rows that hold text, all at once (from an index): for
 * lists too long to look at row by row. Adds them to set; returns 0, or
 * an error status when the answer cannot be had.
 */
typedef int (*vlist_find_fn)(struct store_txn *t, const char *text,
    struct store_idset *set);

/*
 * Walk from the selection (exclusive) in direction dir (+1/-1) until
 * match(t, id, text) says yes; select it. Returns 1 if found. match must
 * look for text within the row, so that a row that matches a text also
 * matches every beginning of it: a paged list works out the matching ids
 * in one walk of the records and, as text grows, looks again only among
 * those. With find (NULL if none), the matching ids come from it
 * instead, for a paged list and a held one alike, and the walk in the
 * list's order reads no record.
 */
int	vlist_search(struct vlist *l, struct store_txn *t, int dir,
	    int (*match)(struct store_txn *t, uint32_t id, void *arg),
	    vlist_find_fn find, const char *text);

/* dialog.c: questions, messages, pick lists, text prompts. */
int	ui_confirm(struct ui *ui, const char *title, const char *question);
void	ui_alert(struct ui *ui, const char *title, const char *text);
/*
 * Offer choices (labels[i], n of them), starting at *sel; typing narrows
 * them, starting with the key first (0 for none: the key that opened the
 * list is the first letter of what the user looks for). Returns 1 and
 * sets *sel when one is chosen, 0 on cancel, UI_KEY_QUIT to leave.
 */
int	ui_pick(struct ui *ui, const char *title, const char *const *labels,
	    size_t n, size_t *sel, int first);
/*
 * A question: text (wrapped) above its answers, numbered from 1 (at most
 * 9), each taken by its number, or by the arrows and Enter; typing
 * narrows nothing. Returns as ui_pick; Esc answers none (0).
 */
int	ui_ask(struct ui *ui, const char *title, const char *text,
	    const char *const *labels, size_t n, size_t *sel);
/* ui_pick with text (wrapped) shown above the choices. */
int	ui_pick_text(struct ui *ui, const char *title, const char *text,
	    const char *const *labels, size_t n, size_t *sel, int first);
/*
 * Choose any of n items: on[i] says which (and starts as given). Returns 1
 * when confirmed, 0 on cancel, UI_KEY_QUIT to leave.
 */
int	ui_checklist(struct ui *ui, const char *title,
	    const char *const *labels, size_t n, char *on);
/* Choose an agency from the tree (type to narrow); 0 on cancel. */
uint32_t ui_pick_agency(struct ui *ui, uint32_t current, int first);
/* Ask for one line of text; 1 if entered, 0 on cancel. */
int	ui_prompt(struct ui *ui, const char *title, char *buf, size_t n);
/* The same for a file's path: Tab completes it (ui_complete_path). */
int	ui_prompt_path(struct ui *ui, const char *title, char *buf,
	    size_t n);
/*
 * The same with buf's text chosen whole, as a filter in force is offered
 * again: a character typed replaces it, an arrow or Backspace edits it.
 */
int	ui_prompt_replace(struct ui *ui, const char *title, char *buf,
	    size_t n);
/* Show a record in a scrollable popup (lines separated by \n). */
void	ui_text_popup(struct ui *ui, const char *title, const char *text);
/* The help: the same, with the help window's keys. */
void	ui_help_popup(struct ui *ui, const char *text);
/*
 * The same for what others change while it is read: make returns the
 * text, malloc'd (the popup frees it), and fills title, or NULL when
 * there is nothing to show (the record is gone); it is called again
 * whenever another commit or another session comes, and the popup shows
 * the new text where it was scrolled to. arg must outlive the popup.
 */
typedef char *(*ui_popup_make)(struct ui *, void *arg, char *title,
	    size_t n);
void	ui_live_popup(struct ui *ui, ui_popup_make make, void *arg);

/* edit.c: one line of text being typed, cursor by characters. */
struct ui_edit {
	char	*buf;
	size_t	 size;	/* bytes of buf, NUL included */
	size_t	 cur;	/* byte offset of the cursor */
	size_t	 scroll;	/* byte offset of the first shown char */
	int	 full;	/* a character did not fit (set, not cleared) */
};
void	ui_edit_init(struct ui_edit *e, char *buf, size_t size);
/* Apply a key (character, Backspace, Delete, arrows, C-a/C-e/C-u/C-k);
 * returns 1 if the key was for the line. */
int	ui_edit_key(struct ui_edit *e, int key);
/* Draw the line in w cells and put the screen cursor in it. */
void	ui_edit_draw(struct ui *ui, struct ui_edit *e, int y, int x, int w,
	    enum ui_attr a);
/* 1 if key is a character to type (not a control or function key). */
int	ui_key_printable(int key);

/*
 * complete.c: Tab completion. ui_complete_common puts into e what all n
 * matches (found) share past the wlen bytes typed, and with one match its
 * end too (end: " " after a word); it lists the matches into choices, two
 * spaces apart, when there are several and Tab added nothing (or always,
 * with list). ui_complete_path does it for the file name typed from byte
 * start to the cursor: ~/ becomes the home directory, a directory ends
 * in '/', hidden files only when a '.' is typed. Both return 1 if the
 * text grew.
 */
int	ui_complete_common(struct ui_edit *e, const char *const *found,
	    size_t n, size_t wlen, const char *end, int list, char *choices,
	    size_t csize);
int	ui_complete_path(struct ui_edit *e, size_t start, int list,
	    char *choices, size_t csize);

/* Wrap s to lines of at most w cells: calls line(arg, text, len). */
void	ui_wrap(const char *s, int w, void (*line)(void *arg, const char *p,
	    size_t len), void *arg);
/*
 * The same, the rest of a wrapped indented line hanging under its text
 * ("  KEYS      what it does" goes on under "what"): line() is told how
 * many cells to indent each piece, which then fits in w - indent.
 */
void	ui_wrap_indent(const char *s, int w, void (*line)(void *arg,
	    const char *p, size_t len, int indent), void *arg);
/*
 * s wrapped to w cells and drawn from row y, column x, in attribute a,
 * at most max rows (each cut with … where it does not fit); with ui NULL
 * nothing is drawn. Returns how many rows s takes, drawn or not.
 */
int	ui_wrap_put(struct ui *ui, const char *s, int y, int x, int w,
	    int max, enum ui_attr a);

/* search.c: the search line shared by the panes. */
struct ui_search {
	char		 text[128];
	int		 active;	/* typing */
	vlist_find_fn	 find;		/* the pane's index, if it has one */
	enum ui_ctx	 narrowed;	/* the list shows part: the context
					 * of its show-all key (0: whole) */
};
/*
 * Handle the search actions for a pane's list: "/" starts typing (the
 * list jumps to the first match as the text grows), n/N go on, Esc
 * clears. Returns 1 if a was a search action.
 */
int	ui_search_action(struct ui *ui, struct ui_search *s, struct vlist *l,
	    enum ui_action a,
	    int (*match)(struct store_txn *t, uint32_t id, void *arg));
/* The search text as a status-line suffix ("/王"), or "". */
const char *ui_search_hint(const struct ui_search *s);
/* Case-insensitive (ASCII) substring test, for match callbacks. */
int	ui_contains(const char *hay, const char *needle);

/* form.c: a form for one record; one left unsaved when ogpo closed,
 * put back as it was (draft.h). */
int	ui_form_edit(struct ui *ui, enum entity_kind kind, void *rec,
	    const char *title);
struct draft;
int	ui_form_restore(struct ui *ui, const struct draft *d);

/* sheets.c: the Officers pane's Import, and a roll call's (kind
 * ENTITY_ATTENDANCE into meeting); exports from the Meetings pane,
 * an attendance sheet and the command line (what: EXPORT_ATTENDANCE,
 * EXPORT_SUMMARY of month, EXPORT_SIGNIN of meeting, or any other of
 * export.h). With file (and month where one is needed) nothing is asked
 * but whether to write over a file that exists; an import of file (NULL:
 * chosen from the spreadsheets here) shows what it would change and asks
 * before it writes. */
void	ui_import(struct ui *ui, enum entity_kind kind, uint32_t meeting,
	    const char *file);
/* The rows the last import of kind (into meeting) rejected, with the
 * reason for each, into a file next to its input (the name offered:
 * FILE.rejected.csv). */
void	ui_import_rejects(struct ui *ui, enum entity_kind kind,
	    uint32_t meeting);
void	ui_export(struct ui *ui, int what, uint32_t meeting,
	    const char *month, const char *file);

/*
 * pane-meetings.c: a new meeting from fresh (the form, then its invitees
 * proposed by point 7, then its attendance).
 */
void	ui_meeting_new(struct ui *ui, struct meeting *fresh);

/* attend.c: a meeting's invitees and their attendance. */
void	ui_attendance(struct ui *ui, uint32_t meeting);

/* resolutions.c: a meeting's resolutions, those it reviews first. */
void	ui_resolutions(struct ui *ui, uint32_t meeting);

/*
 * vote.c: the topic vote (議題票選) of the month, or the latest: its
 * candidates and tally, the voters, ballots entered from the sheet.
 */
void	ui_vote(struct ui *ui);

/*
 * finding.c: a low-attendance finding opened: the work meetings the
 * agency missed in the window o judges (Enter takes one's attendance).
 */
struct compliance_finding;
struct compliance_options;
void	ui_finding(struct ui *ui, const struct compliance_finding *f,
	    const struct compliance_options *o);

/* officer.c: one officer, their training and rewards to keep. */
void	ui_officer(struct ui *ui, uint32_t officer);
/*
 * Before an officer's form is saved: when it ends the designation, say
 * which planned meetings they are taken off and ask (1: save).
 */
int	ui_officer_save_ask(struct ui *ui, const struct officer *o);
/* The designation in words as of today: "ended (卸任) on 2026-01-15". */
void	ui_officer_state(const struct officer *o, const char *today,
	    char *buf, size_t n);

/*
 * pane-audit.c: show the Audit tab's records that pass text, as its
 * filter reads it ("login:NAME kind:KIND since:DATE words"). -1 (said on
 * the status line) when text is not a filter.
 */
int	pane_audit_filter(struct ui *ui, const char *text);

/*
 * pane-issues.c: narrow the Cases tab to the cases agency leads or
 * co-organises, as f does (0: show them all again).
 */
void	pane_issues_narrow(struct ui *ui, uint32_t agency);

/*
 * cmdline.c: the ":" command line, the command line's own commands
 * where they make sense on the screen. Returns a global action for the
 * main loop to do (quit, help, who, undo), or UA_NONE.
 */
enum ui_action ui_command(struct ui *ui);
/* Its commands, a line of use and one of help each (a new string). */
char	*ui_command_help(void);

/* help.c: the keys of the view in front first, then all the keymap's. */
void	ui_help(struct ui *ui);
/*
 * The same opened on the keys of v, a window on top that is no view of
 * its own (a form, a pick list): only its keys, not the tabs' or the
 * lists' that do nothing there.
 */
void	ui_help_view(struct ui *ui, const struct ui_view *v);

/* pane.c: take back your last change (seq 0) or the change holding
 * audit record seq, after a look and a question. 1 if it was. */
int	pane_undo(struct ui *ui, uint64_t seq);

#endif
