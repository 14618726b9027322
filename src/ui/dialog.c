/*
 * dialog.c — small windows over the pane: a yes/no question, a message,
 * a pick list that narrows as you type, a one-line prompt and a
 * scrollable text. Each runs its own key loop through ui_getkey, so
 * resizing, others' commits and hang-ups are handled the same everywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

#define DIALOG_LINES_MAX 400

/* Wrapped lines of a text, kept as offsets into it. */
struct dialog_text {
	const char	*s;
	size_t		 off[DIALOG_LINES_MAX], len[DIALOG_LINES_MAX];
	int		 indent[DIALOG_LINES_MAX];	/* a wrapped line's rest */
	int		 n;
};

static void
dialog_text_line(void *arg, const char *p, size_t len, int indent)
{
	struct dialog_text *t = arg;

	if (t->n < DIALOG_LINES_MAX) {
		t->off[t->n] = (size_t)(p - t->s);
		t->len[t->n] = len;
		t->indent[t->n] = indent;
		t->n++;
	}
}

static void
dialog_text_wrap(struct dialog_text *t, const char *s, int w)
{
	t->s = s;
	t->n = 0;
	ui_wrap_indent(s, w, dialog_text_line, t);
}

/* Draw line i of t at (y, x) in w cells. */
static void
dialog_text_put(struct ui *ui, const struct dialog_text *t, int i, int y,
    int x, int w, enum ui_attr a)
{
	char line[2048];
	size_t n = t->len[i] < sizeof line - 1 ? t->len[i] : sizeof line - 1;

	memcpy(line, t->s + t->off[i], n);
	line[n] = '\0';
	if (t->indent[i] > 0 && t->indent[i] < w)
		ui_put(ui, y, x + t->indent[i], w - t->indent[i], line, a);
	else
		ui_put(ui, y, x, w, line, a);
}

/* A centred box of the given inner size, clipped to the screen. */
static void
dialog_frame(struct ui *ui, int *h, int *w, int *y, int *x, const char *title)
{
	if (*w > ui->cols - 4)
		*w = ui->cols - 4;
	if (*h > ui->rows - 4)
		*h = ui->rows - 4;
	*y = (ui->rows - *h - 2) / 2;
	*x = (ui->cols - *w - 4) / 2;
	ui_box(ui, *y, *x, *h + 2, *w + 4, title);
	*y += 1;
	*x += 2;
}

struct confirm {
	const char	*title, *question, *keys;
	int		 alert;
};

static void
dialog_confirm_draw(struct ui *ui, void *arg)
{
	struct confirm *c = arg;
	struct dialog_text t;
	int h, w = 60, y, x, i;

	dialog_text_wrap(&t, c->question, w);
	h = t.n + 2;
	dialog_frame(ui, &h, &w, &y, &x, c->title);
	if (t.n <= h - 2 || h < 5) {
		for (i = 0; i < t.n && i < h - 2; i++)
			dialog_text_put(ui, &t, i, y + i, x, w, UI_NORMAL);
	} else {
		/* Taller than the screen: the end is the question, which
		 * stays; what is cut is said. */
		for (i = 0; i < h - 4; i++)
			dialog_text_put(ui, &t, i, y + i, x, w, UI_NORMAL);
		ui_put(ui, y + h - 4, x, w, _("  … (more than the screen "
		    "holds)"), UI_DIM);
		dialog_text_put(ui, &t, t.n - 1, y + h - 3, x, w, UI_NORMAL);
	}
	ui_put(ui, y + h - 1, x, w, c->keys, UI_DIM);
}

/* A question's keys: the status line says them, not the page's under it,
 * which do nothing while it is asked. */
static const struct ui_hint dialog_confirm_hints[] = {
	{ UA_YES, N_("yes"), 1 },
	{ UA_NO, N_("no"), 1 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view dialog_confirm_view = {
	N_("A question (yes or no)"), UI_CTX_DIALOG, dialog_confirm_hints, 0, NULL
};

int
ui_confirm(struct ui *ui, const char *title, const char *question)
{
	struct confirm c = { title, question, _("y: yes    n or Esc: no"), 0 };
	int key, r = -1;

	ui_layer_push_box(ui, dialog_confirm_draw, &c, &dialog_confirm_view);
	while (r < 0) {
		if ((key = ui_getkey(ui)) == UI_KEY_QUIT) {
			r = UI_KEY_QUIT;
			break;
		}
		switch (ui_lookup(ui, UI_CTX_DIALOG, key)) {
		case UA_HELP:
			ui_help_view(ui, &dialog_confirm_view);
			break;
		case UA_YES:
			r = 1;
			break;
		case UA_NO:
		case UA_CANCEL:
			r = 0;
			break;
		default:
			break;
		}
	}
	ui_layer_pop(ui);
	return r;
}

/* A notice's one key, read as it is (Esc too, and y or n). */
static const struct ui_hint dialog_alert_hints[] = {
	{ UA_CLOSE, N_("close"), 1 },
	{ UA_NONE, NULL, 0 }
};
static const char *const dialog_alert_keys[] = { "Enter" };

static const struct ui_view dialog_alert_view = {
	N_("A notice"), UI_CTX_DIALOG, dialog_alert_hints, 0,
	dialog_alert_keys
};

void
ui_alert(struct ui *ui, const char *title, const char *text)
{
	struct confirm c = { title, text, _("Enter or Esc: close"), 1 };
	int key;

	ui_layer_push_box(ui, dialog_confirm_draw, &c, &dialog_alert_view);
	while ((key = ui_getkey(ui)) != UI_KEY_QUIT) {
		enum ui_action a = ui_lookup(ui, UI_CTX_DIALOG, key);

		if (a == UA_HELP) {
			ui_help_view(ui, &dialog_alert_view);
			continue;
		}
		if (a == UA_YES || a == UA_NO || key == '\r' || key == '\n' ||
		    key == 27)
			break;
	}
	ui_layer_pop(ui);
}

/*
 * Move a selection *sel among n rows for a movement action, a page being
 * page rows. Returns 1 if a was a movement.
 */
static int
dialog_move(enum ui_action a, size_t *sel, size_t n, size_t page)
{
	size_t last = n ? n - 1 : 0;

	switch (a) {
	case UA_UP:
		*sel = *sel > 0 ? *sel - 1 : 0;
		return 1;
	case UA_DOWN:
		*sel = *sel < last ? *sel + 1 : last;
		return 1;
	case UA_PAGE_UP:
		*sel = *sel > page ? *sel - page : 0;
		return 1;
	case UA_PAGE_DOWN:
		*sel = *sel + page < last ? *sel + page : last;
		return 1;
	case UA_HOME:
		*sel = 0;
		return 1;
	case UA_END:
		*sel = last;
		return 1;
	default:
		return 0;
	}
}

struct pick {
	const char		*title;
	const char		*text;		/* above the choices, or NULL */
	const char *const	*labels;
	const char *const	*also;		/* more to find each by, or
						   NULL */
	size_t			 n;
	int			 question;	/* numbered, never narrowed */
	char			 filter[64];
	struct ui_edit		 edit;
	size_t			*shown;		/* indexes matching filter */
	size_t			 nshown, sel, top;
};

static void
dialog_pick_filter(struct pick *p)
{
	size_t i, keep = p->nshown ? p->shown[p->sel] : 0;

	p->nshown = 0;
	for (i = 0; i < p->n; i++)
		if (p->filter[0] == '\0' || ui_contains(p->labels[i],
		    p->filter) || (p->also != NULL && p->also[i] != NULL &&
		    ui_contains(p->also[i], p->filter)))
			p->shown[p->nshown++] = i;
	p->sel = 0;
	for (i = 0; i < p->nshown; i++)
		if (p->shown[i] == keep)
			p->sel = i;
}

static void
dialog_pick_draw(struct ui *ui, void *arg)
{
	struct pick *p = arg;
	struct dialog_text t;
	size_t i, widest = 20;
	int h, w, y, x, rows, j;

	for (i = 0; i < p->n && i < 2000; i++)
		if (text_width(p->labels[i]) + 2 > widest)
			widest = text_width(p->labels[i]) + 2;
	if (text_width(p->title) + 4 > widest)
		widest = text_width(p->title) + 4;	/* the title shows whole */
	if (p->text != NULL && widest < 60)
		widest = 60;
	w = (int)widest + 2;
	if (w > ui->cols - 4)
		w = ui->cols - 4;
	t.n = 0;
	if (p->text != NULL)
		dialog_text_wrap(&t, p->text, w);
	h = (int)p->n + 2 + (t.n > 0 ? t.n + 1 : 0);
	if (h < 6)
		h = 6;
	dialog_frame(ui, &h, &w, &y, &x, p->title);
	/* The text first, then as many choices as the rest holds (at least
	 * one: the text gives way to them on a small screen). */
	for (j = 0; j < t.n && j < h - 3; j++)
		dialog_text_put(ui, &t, j, y + j, x, w, UI_NORMAL);
	if (j > 0) {
		y += j + 1;
		h -= j + 1;
	}
	rows = h - 2;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)rows)
		p->top = p->sel - (size_t)rows + 1;
	for (i = 0; i < (size_t)rows && p->top + i < p->nshown; i++) {
		char line[512];
		size_t k = p->shown[p->top + i];

		/* A question's choices by their keys: "1 Open it". */
		if (p->question)
			snprintf(line, sizeof line, "%zu %s", k + 1,
			    p->labels[k]);
		else
			snprintf(line, sizeof line, "%s", p->labels[k]);
		ui_put(ui, y + (int)i, x, w, line,
		    p->top + i == p->sel ? UI_SELECT : UI_NORMAL);
	}
	if (p->nshown == 0)
		ui_put(ui, y, x, w, _("(nothing matches)"), UI_DIM);
	if (p->question) {
		char keys[128];

		snprintf(keys, sizeof keys, _("Press 1 to %zu, or Enter on "
		    "a choice    Esc: cancel"), p->n);
		ui_put(ui, y + h - 1, x, w, keys, UI_DIM);
		return;
	}
	ui_put(ui, y + h - 1, x, 8, _("Find: "), UI_DIM);
	ui_edit_draw(ui, &p->edit, y + h - 1, x + 6, w - 6, UI_FIELD);
}

/* A pick list's keys, for the help F1 opens in it (typing narrows it). */
static const struct ui_hint dialog_pick_hints[] = {
	{ UA_SELECT, N_("choose"), 1 },
	/* Esc, which a list binds to clear its search: here it cancels. */
	{ UA_SEARCH_CLEAR, N_("cancel"), 1 },
	{ UA_NONE, NULL, 0 }
};

static const struct ui_view dialog_pick_view = {
	N_("A pick list (type to narrow it)"), UI_CTX_LIST, dialog_pick_hints,
	1, NULL
};

static const struct ui_view dialog_question_view = {
	N_("A question (each answer by its number)"), UI_CTX_LIST,
	dialog_pick_hints, 0, NULL
};

int
ui_pick(struct ui *ui, const char *title, const char *const *labels,
    size_t n, size_t *sel, int first)
{
	return ui_pick_text(ui, title, NULL, labels, n, sel, first);
}

static int dialog_pick_run(struct ui *, const char *, const char *,
    const char *const *, const char *const *, size_t, size_t *, int);

int
ui_pick_text(struct ui *ui, const char *title, const char *text,
    const char *const *labels, size_t n, size_t *sel, int first)
{
	return dialog_pick_run(ui, title, text, labels, NULL, n, sel, first);
}

int
ui_ask(struct ui *ui, const char *title, const char *text,
    const char *const *labels, size_t n, size_t *sel)
{
	/* first = -1: a question, whose keys are its answers'. */
	return dialog_pick_run(ui, title, text, labels, NULL, n, sel, -1);
}

/* A pick list whose choice i is also found by what also[i] holds. */
static int
dialog_pick_run(struct ui *ui, const char *title, const char *text,
    const char *const *labels, const char *const *also, size_t n,
    size_t *sel, int first)
{
	struct pick p;
	enum ui_action a;
	int key, r = -1, rows;
	size_t i;

	memset(&p, 0, sizeof p);
	p.title = title;
	p.text = text;
	p.labels = labels;
	p.also = also;
	p.n = n;
	p.question = first == -1 && n <= 9;
	p.shown = xcalloc(n ? n : 1, sizeof *p.shown);
	ui_edit_init(&p.edit, p.filter, sizeof p.filter);
	dialog_pick_filter(&p);
	for (i = 0; i < p.nshown; i++)
		if (p.shown[i] == *sel)
			p.sel = i;
	if (ui_key_printable(first) && first != ' ') {
		ui_edit_key(&p.edit, first);
		dialog_pick_filter(&p);
	}
	/* The status line says the list's keys, not the page's under it,
	 * which typing here would only narrow by; the page stays drawn
	 * beneath the box. */
	ui_layer_push_box(ui, dialog_pick_draw, &p, p.question ?
	    &dialog_question_view : &dialog_pick_view);
	while (r < 0) {
		if ((key = ui_getkey(ui)) == UI_KEY_QUIT) {
			r = UI_KEY_QUIT;
			break;
		}
		rows = ui->rows - 8 > 1 ? ui->rows - 8 : 1;
		/* A question takes its answers' numbers, and narrows
		 * nothing: a letter typed there is no search, and would
		 * hide every answer. */
		if (p.question && key >= '1' && key < '1' + (int)p.n) {
			*sel = (size_t)(key - '1');
			r = 1;
			break;
		}
		if (p.question && key == 27) {
			r = 0;
			break;
		}
		if (key == 27) {
			if (p.filter[0] == '\0') {
				r = 0;
				break;
			}
			p.filter[0] = '\0';
			p.edit.cur = 0;
			dialog_pick_filter(&p);
			continue;
		}
		/* Characters and Backspace narrow the list; Home, End and
		 * the arrows move in it. */
		if (!p.question && (ui_key_printable(key) || key == 0x7f ||
		    key == 0x08 || key == (KEYMAP_FKEY | KEY_BACKSPACE)) &&
		    ui_edit_key(&p.edit, key)) {
			dialog_pick_filter(&p);
			continue;
		}
		a = ui_lookup(ui, UI_CTX_LIST, key);
		if (dialog_move(a, &p.sel, p.nshown, (size_t)rows))
			continue;
		switch (a) {
		case UA_HELP:	/* F1: ? narrows the list */
			ui_help_view(ui, p.question ? &dialog_question_view :
			    &dialog_pick_view);
			break;
		case UA_SELECT:
		case UA_DETAIL:
			if (p.nshown > 0) {
				*sel = p.shown[p.sel];
				r = 1;
			}
			break;
		case UA_SEARCH_CLEAR:
		case UA_CANCEL:
			r = 0;
			break;
		default:
			break;
		}
	}
	ui_layer_pop(ui);
	free(p.shown);
	return r;
}

/* Agencies in tree order with their labels, for the pick list. */
struct agency_pick {
	uint32_t	*ids;
	char		**labels;
	const char	**also;		/* the agency's common short names */
	size_t		 n, cap;
};

/*
 * The short names people call the Executive Yuan's agencies by (國發會
 * for 國家發展委員會): the agency picker finds an agency by these as
 * well as by its name and code, so 國發 finds 國家發展委員會.
 */
static const struct {
	const char	*name, *short_names;
} dialog_short_names[] = {
	{ "行政院",			"政院 院本部" },
	{ "經濟部",			"經部" },
	{ "交通部",			"交部" },
	{ "勞動部",			"勞部" },
	{ "農業部",			"農部 農委會" },
	{ "衛生福利部",			"衛福部 衛福" },
	{ "環境部",			"環境部 環保署 環部" },
	{ "文化部",			"文部" },
	{ "數位發展部",			"數位部 數發部" },
	{ "運動部",			"運動部 體育署" },
	{ "國家發展委員會",		"國發會" },
	{ "國家科學及技術委員會",	"國科會" },
	{ "大陸委員會",			"陸委會" },
	{ "金融監督管理委員會",		"金管會" },
	{ "海洋委員會",			"海委會" },
	{ "僑務委員會",			"僑委會" },
	{ "國軍退除役官兵輔導委員會",	"退輔會" },
	{ "原住民族委員會",		"原民會" },
	{ "客家委員會",			"客委會" },
	{ "公共工程委員會",		"工程會 公共工程會" },
	{ "行政院公共工程委員會",	"工程會 公共工程會" },
	{ "行政院主計總處",		"主計總處 主計處" },
	{ "行政院人事行政總處",		"人事總處 人事行政總處" },
	{ "中央銀行",			"央行" },
	{ "國立故宮博物院",		"故宮" },
	{ "中央選舉委員會",		"中選會" },
	{ "公平交易委員會",		"公平會" },
	{ "國家通訊傳播委員會",		"通傳會" },
	{ "核能安全委員會",		"核安會" },
	{ "內政部警政署",		"警政署" },
	{ "內政部消防署",		"消防署" },
	{ "內政部移民署",		"移民署" }
};

static const char *
dialog_short_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof dialog_short_names /
	    sizeof dialog_short_names[0]; i++)
		if (strcmp(dialog_short_names[i].name, name) == 0)
			return dialog_short_names[i].short_names;
	return NULL;
}

static void
dialog_agency_walk(struct store_txn *t, uint32_t parent, int depth,
    struct agency_pick *ap)
{
	struct agency a;
	char label[OGPO_NAME_MAX + OGPO_CODE_MAX + 16];
	uint32_t *kids;
	size_t n, i;

	if (depth > 8)
		return;
	n = store_group_ids(t, IX_AGENCY_CHILD, parent, &kids);
	for (i = 0; i < n; i++) {
		if (store_agency_get(t, kids[i], &a, NULL) != 0)
			continue;
		if (ap->n == ap->cap) {
			ap->cap = ap->cap ? ap->cap * 2 : 128;
			ap->ids = xreallocarray(ap->ids, ap->cap,
			    sizeof *ap->ids);
			ap->labels = xreallocarray(ap->labels, ap->cap,
			    sizeof *ap->labels);
			ap->also = xreallocarray(ap->also, ap->cap,
			    sizeof *ap->also);
		}
		ap->ids[ap->n] = a.h.id;
		ap->also[ap->n] = dialog_short_name(a.name);
		snprintf(label, sizeof label, _("%s (%s)"), a.name, a.code);
		ap->labels[ap->n] = xasprintf("%*s%s", depth * 2, "", label);
		ap->n++;
		dialog_agency_walk(t, a.h.id, depth + 1, ap);
	}
	free(kids);
}

uint32_t
ui_pick_agency(struct ui *ui, uint32_t current, int first)
{
	struct agency_pick ap;
	struct store_txn *t;
	size_t i, sel = 0;
	uint32_t id = 0;

	memset(&ap, 0, sizeof ap);
	if (store_read_begin(ui->store, &t, NULL) != 0)
		return 0;
	dialog_agency_walk(t, 0, 0, &ap);
	store_read_end(t);
	for (i = 0; i < ap.n; i++)
		if (ap.ids[i] == current)
			sel = i;
	if (dialog_pick_run(ui, _("Choose an agency (type to narrow)"), NULL,
	    (const char *const *)ap.labels, ap.also, ap.n, &sel, first) == 1)
		id = ap.ids[sel];
	for (i = 0; i < ap.n; i++)
		free(ap.labels[i]);
	free(ap.labels);
	free(ap.also);
	free(ap.ids);
	return id;
}

struct prompt {
	const char	*title;
	struct ui_edit	 edit;
	int		 chosen;	/* the text is chosen whole: a
					   character typed replaces it */
	int		 path;		/* a file's: Tab completes it */
	char		 choices[1024];	/* the files Tab found */
};

static void
dialog_prompt_draw(struct ui *ui, void *arg)
{
	struct prompt *p = arg;
	int h = p->path ? 3 : 2, w = 60, y, x, tw, lines = 0;
	char full[128];

	/* The title is the question (and often the syntax to answer in):
	 * the box widens to show it whole, and where the screen is too
	 * narrow for that, it is wrapped inside the box instead. */
	tw = (int)text_width(p->title) + 2;
	if (tw > w)
		w = tw < ui->cols - 4 ? tw : ui->cols - 4;
	if (tw > w) {
		lines = ui_wrap_put(NULL, p->title, 0, 0, w, 0, UI_TITLE);
		h += lines;
	}
	dialog_frame(ui, &h, &w, &y, &x, lines ? NULL : p->title);
	if (lines)
		y += ui_wrap_put(ui, p->title, y, x, w, lines, UI_TITLE);
	ui_edit_draw(ui, &p->edit, y, x, w, p->chosen ? UI_SELECT : UI_FIELD);
	if (p->path) {
		ui_put(ui, y + 1, x, w, p->choices, UI_NORMAL);
		y++;
	}
	if (p->edit.full) {
		/* Said, never dropped unseen. */
		snprintf(full, sizeof full, _("At most %zu bytes: that "
		    "character was not taken"), p->edit.size - 1);
		ui_put(ui, y + 1, x, w, full, UI_ERROR);
	} else
		ui_put(ui, y + 1, x, w, p->path ? _("Tab: complete    "
		    "Enter: accept    Esc: cancel") : _("Enter: accept    "
		    "Esc: cancel"), UI_DIM);
}

/*
 * A prompt's keys, read as they are (Enter, Esc, Tab), whatever the
 * keymap: the status line says them rather than the page's under it,
 * which typed here would only be typed; help on F1, where ? types.
 */
static const struct ui_hint dialog_prompt_hints[] = {
	{ UA_SELECT, N_("accept"), 1 },
	{ UA_CANCEL, N_("cancel"), 1 },
	{ UA_NONE, NULL, 0 }
};
static const char *const dialog_prompt_keys[] = { "Enter", "Esc" };

static const struct ui_hint dialog_path_hints[] = {
	{ UA_NEXT_FIELD, N_("complete"), 1 },
	{ UA_SELECT, N_("accept"), 1 },
	{ UA_CANCEL, N_("cancel"), 1 },
	{ UA_NONE, NULL, 0 }
};
static const char *const dialog_path_keys[] = { "Tab", "Enter", "Esc" };

static const struct ui_view dialog_prompt_view = {
	N_("A question to answer in words"), UI_CTX_DIALOG,
	dialog_prompt_hints, 1, dialog_prompt_keys
};

static const struct ui_view dialog_path_view = {
	N_("A file's name to give"), UI_CTX_DIALOG, dialog_path_hints, 1,
	dialog_path_keys
};

static int
dialog_prompt(struct ui *ui, const char *title, char *buf, size_t n,
    int chosen, int path)
{
	const struct ui_view *view = path ? &dialog_path_view :
	    &dialog_prompt_view;
	struct prompt p;
	int key, r = -1;

	memset(&p, 0, sizeof p);
	p.title = title;
	p.path = path;
	p.chosen = chosen && buf[0] != '\0';
	ui_edit_init(&p.edit, buf, n);
	ui_layer_push_box(ui, dialog_prompt_draw, &p, view);
	while (r < 0) {
		if ((key = ui_getkey(ui)) == UI_KEY_QUIT) {
			r = UI_KEY_QUIT;
			break;
		}
		if (!ui_key_printable(key) &&
		    ui_lookup(ui, UI_CTX_DIALOG, key) == UA_HELP)
			ui_help_view(ui, view);
		else if (key == '\r' || key == '\n' || key == (KEYMAP_FKEY |
		    KEY_ENTER))
			r = 1;
		else if (key == 27 || key == 0x07 || key == 0x03)
			r = 0;
		else if (key == '\t' && p.path) {
			/* The whole line is the file's name. */
			p.chosen = 0;
			ui_complete_path(&p.edit, 0, 0, p.choices,
			    sizeof p.choices);
		} else {
			p.choices[0] = '\0';
			if (p.chosen && ui_key_printable(key)) {
				buf[0] = '\0';
				ui_edit_init(&p.edit, buf, n);
			}
			p.chosen = 0;
			ui_edit_key(&p.edit, key);
		}
	}
	ui_layer_pop(ui);
	return r;
}

int
ui_prompt(struct ui *ui, const char *title, char *buf, size_t n)
{
	return dialog_prompt(ui, title, buf, n, 0, 0);
}

int
ui_prompt_path(struct ui *ui, const char *title, char *buf, size_t n)
{
	const char *home = getenv("HOME");
	char *full;
	int r = dialog_prompt(ui, title, buf, n, 0, 1);

	/* ~/ typed and not completed is the home folder, as in a shell. */
	if (r == 1 && strncmp(buf, "~/", 2) == 0 && home != NULL &&
	    home[0] == '/') {
		full = xasprintf("%s%s", home, buf + 1);
		if (strlen(full) < n)
			str_copy(buf, full, n);
		free(full);
	}
	return r;
}

int
ui_prompt_replace(struct ui *ui, const char *title, char *buf, size_t n)
{
	return dialog_prompt(ui, title, buf, n, 1, 0);
}

struct popup {
	const char		*title;
	struct dialog_text	 text;
	const char		*s;
	int			 top, rows;
	int			 wrapped;	/* the width text was wrapped to */
	char			 find[128];
	/* A record's popup (ui_live_popup) is made again from the database
	 * when another commit or another session came since it was made,
	 * or the day changed: "due today" is overdue after midnight. */
	ui_popup_make		 make;
	void			*arg;
	uint64_t		 txnid;
	size_t			 others;
	char			 today[11];	/* ui->today when made */
	char			*own;
	char			 own_title[OGPO_TEXT_MAX + 1];
	int			 help;	/* the help itself */
};

/* Scroll to the next (dir 1) or previous (-1) line holding p->find. */
static int
dialog_popup_find(struct popup *p, int dir)
{
	char line[2048];
	size_t n;
	int i, at;

	for (i = 1; i <= p->text.n; i++) {
		at = ((p->top + dir * i) % p->text.n + p->text.n) % p->text.n;
		n = p->text.len[at] < sizeof line - 1 ? p->text.len[at] :
		    sizeof line - 1;
		memcpy(line, p->s + p->text.off[at], n);
		line[n] = '\0';
		if (ui_contains(line, p->find)) {
			p->top = at;
			return 1;
		}
	}
	return 0;
}

static void
dialog_popup_draw(struct ui *ui, void *arg)
{
	struct popup *p = arg;
	int h, w = ui->cols - 8, y, x, i;

	if (w > 100)
		w = 100;
	if (p->make != NULL && (p->txnid != ui->txnid ||
	    p->others != ui->others || strcmp(p->today, ui->today) != 0)) {
		char *s, title[sizeof p->own_title];

		/* Where it was scrolled to stays; a record gone keeps
		 * what was last shown of it. */
		p->txnid = ui->txnid;
		p->others = ui->others;
		memcpy(p->today, ui->today, sizeof p->today);
		str_copy(title, p->own_title, sizeof title);
		if ((s = p->make(ui, p->arg, title, sizeof title)) != NULL) {
			free(p->own);
			p->s = p->own = s;
			str_copy(p->own_title, title, sizeof p->own_title);
			p->wrapped = 0;
		}
	}
	/* Wrapped once per width: a long text (the help) costs nothing to
	 * scroll through. */
	if (p->wrapped != w) {
		dialog_text_wrap(&p->text, p->s, w);
		p->wrapped = w;
	}
	h = p->text.n + 1;
	dialog_frame(ui, &h, &w, &y, &x, p->title);
	p->rows = h - 1;
	if (p->top > p->text.n - p->rows)
		p->top = p->text.n - p->rows;
	if (p->top < 0)
		p->top = 0;
	for (i = 0; i < p->rows && p->top + i < p->text.n; i++)
		dialog_text_put(ui, &p->text, p->top + i, y + i, x, w,
		    UI_NORMAL);
	ui_put(ui, y + h - 1, x, w, _("arrows, PgUp/PgDn: scroll    Esc: close"),
	    UI_DIM);
}

/*
 * A text window's keys, on the status line in place of the page's
 * beneath, which do nothing while it is open: the help's own, without
 * "? help" (UA_HELP not shown), and a record's or a list's, whose ? lists
 * them. Esc is named, as the window's last line names it: q, which the
 * keymap binds first, closes the help but may read as quitting ogpo.
 */
static const struct ui_hint dialog_popup_hints[] = {
	{ UA_PAGE_DOWN, N_("next page"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_CANCEL, N_("close"), 1 },
	{ UA_SEARCH_NEXT, N_("next match"), 0 },
	{ UA_SEARCH_PREV, N_("previous match"), 0 },
	{ UA_NONE, NULL, 0 }
};
static const struct ui_hint dialog_help_hints[] = {
	{ UA_PAGE_DOWN, N_("next page"), 1 },
	{ UA_SEARCH, N_("search"), 1 },
	{ UA_CANCEL, N_("close"), 1 },
	{ UA_HELP, N_("help"), 0 },
	{ UA_NONE, NULL, 0 }
};
static const char *const dialog_popup_keys[] = { NULL, NULL, "Esc", NULL,
	NULL, NULL };

static const struct ui_view dialog_popup_view = {
	N_("A text window"), UI_CTX_HELP, dialog_popup_hints, 0,
	dialog_popup_keys
};
static const struct ui_view dialog_help_view = {
	N_("Help"), UI_CTX_HELP, dialog_help_hints, 0, dialog_popup_keys
};

/*
 * A key the window does not use: one of the page's beneath (m, which a
 * case's window says starts a meeting) is said to wait until the window
 * is closed, rather than doing nothing unsaid.
 */
static void
dialog_popup_unbound(struct ui *ui, const struct ui_view *under, int key)
{
	char name[64];

	if (key == UI_KEY_NONE || key == (KEYMAP_FKEY | KEY_MOUSE) ||
	    key == (KEYMAP_FKEY | KEY_RESIZE))
		return;
	keymap_key_name(key, name, sizeof name);
	if (ui_lookup(ui, under->ctx, key) != UA_NONE)
		ui_message(ui, 1, _("%s is a key of the page beneath this "
		    "window: Esc closes the window, then press %s"), name,
		    name);
	else
		ui_message(ui, 1, _("%s does nothing in this window; Esc "
		    "closes it"), name);
}

/* The popup's keys, until it is closed. */
static void
dialog_popup_run(struct ui *ui, struct popup *pp)
{
	struct popup p = *pp;
	struct ui_view under;
	int key, done = 0;

	if (p.make != NULL) {	/* its own copies of title and text */
		p.title = p.own_title;
		p.s = p.own;
	}
	ui_current_view(ui, &under);
	ui_layer_push_box(ui, dialog_popup_draw, &p, p.help ?
	    &dialog_help_view : &dialog_popup_view);
	while (!done && (key = ui_getkey(ui)) != UI_KEY_QUIT) {
		enum ui_action a = ui_lookup(ui, UI_CTX_HELP, key);

		if (key != UI_KEY_NONE)
			ui->msg[0] = '\0';
		switch (a) {
		case UA_UP:
			p.top--;
			break;
		case UA_DOWN:
			p.top++;
			break;
		case UA_PAGE_UP:
			p.top -= p.rows;
			break;
		case UA_PAGE_DOWN:
			p.top += p.rows;
			break;
		case UA_HOME:
			p.top = 0;
			break;
		case UA_END:
			p.top = p.text.n;
			break;
		case UA_CANCEL:
		case UA_QUIT:
			done = 1;
			break;
		case UA_SEARCH:
			p.find[0] = '\0';
			if (ui_prompt(ui, _("Find"), p.find, sizeof p.find) ==
			    UI_KEY_QUIT)
				done = 1;
			else if (p.find[0] != '\0' && p.text.n > 0 &&
			    !dialog_popup_find(&p, 1))
				ui_message(ui, 1, _("no match for \"%s\""),
				    p.find);
			break;
		case UA_SEARCH_NEXT:
		case UA_SEARCH_PREV:
			if (p.find[0] != '\0' && p.text.n > 0 &&
			    !dialog_popup_find(&p, a == UA_SEARCH_NEXT ? 1 : -1))
				ui_message(ui, 1, _("no match for \"%s\""),
				    p.find);
			break;
		case UA_HELP:
			if (!p.help)
				ui_help_view(ui, &dialog_popup_view);
			break;
		default:
			if (key == '\r' || key == ' ' || key == 27)
				done = 1;
			else
				dialog_popup_unbound(ui, &under, key);
			break;
		}
	}
	ui_layer_pop(ui);
	free(p.own);
}

void
ui_text_popup(struct ui *ui, const char *title, const char *text)
{
	struct popup p;

	memset(&p, 0, sizeof p);
	p.title = title;
	p.s = text;
	dialog_popup_run(ui, &p);
}

void
ui_help_popup(struct ui *ui, const char *text)
{
	struct popup p;

	memset(&p, 0, sizeof p);
	p.title = _("Help");
	p.s = text;
	p.help = 1;
	dialog_popup_run(ui, &p);
}

void
ui_live_popup(struct ui *ui, ui_popup_make make, void *arg)
{
	struct popup p;

	memset(&p, 0, sizeof p);
	if ((p.own = make(ui, arg, p.own_title, sizeof p.own_title)) == NULL)
		return;
	p.s = p.own;
	p.title = p.own_title;
	p.make = make;
	p.arg = arg;
	p.txnid = ui->txnid;
	p.others = ui->others;
	memcpy(p.today, ui->today, sizeof p.today);
	dialog_popup_run(ui, &p);
}

struct checklist {
	const char		*title;
	const char *const	*labels;
	char			*on;
	size_t			 n, sel, top;
};

static void
dialog_checklist_draw(struct ui *ui, void *arg)
{
	struct checklist *cl = arg;
	char line[512];
	size_t i, on = 0;
	int h = (int)cl->n + 2, w = 70, y, x, rows;

	if (h < 6)
		h = 6;
	for (i = 0; i < cl->n; i++)
		on += cl->on[i] != 0;
	/* Wide enough for the keys' line, as far as the screen allows. */
	snprintf(line, sizeof line, _("%zu of %zu chosen.  Space: tick and "
	    "move down   Enter: go ahead   Esc: cancel"), on, cl->n);
	if ((int)text_width(line) > w)
		w = (int)text_width(line);
	dialog_frame(ui, &h, &w, &y, &x, cl->title);
	rows = h - 2;
	if (cl->sel < cl->top)
		cl->top = cl->sel;
	if (cl->sel >= cl->top + (size_t)rows)
		cl->top = cl->sel - (size_t)rows + 1;
	for (i = 0; i < (size_t)rows && cl->top + i < cl->n; i++) {
		snprintf(line, sizeof line, "[%c] %s",
		    cl->on[cl->top + i] ? 'x' : ' ', cl->labels[cl->top + i]);
		ui_put(ui, y + (int)i, x, w, line, cl->top + i == cl->sel ?
		    UI_SELECT : UI_NORMAL);
	}
	snprintf(line, sizeof line, _("%zu of %zu chosen.  Space: tick and "
	    "move down   Enter: go ahead   Esc: cancel"), on, cl->n);
	ui_put(ui, y + h - 1, x, w, line, UI_DIM);
}

/* A checklist's keys, read as they are, on the status line in place of
 * the page's beneath (a roll call's marks, which do nothing here). */
static const struct ui_hint dialog_checklist_hints[] = {
	{ UA_DETAIL, N_("tick"), 1 },
	{ UA_SELECT, N_("go ahead"), 1 },
	{ UA_CANCEL, N_("cancel"), 1 },
	{ UA_NONE, NULL, 0 }
};
static const char *const dialog_checklist_keys[] = { "Space", "Enter",
	"Esc" };
static const struct ui_view dialog_checklist_view = {
	N_("A list to tick"), UI_CTX_LIST, dialog_checklist_hints, 0,
	dialog_checklist_keys
};

int
ui_checklist(struct ui *ui, const char *title, const char *const *labels,
    size_t n, char *on)
{
	struct checklist cl = { title, labels, on, n, 0, 0 };
	enum ui_action a;
	int key, r = -1;

	ui_layer_push_box(ui, dialog_checklist_draw, &cl,
	    &dialog_checklist_view);
	while (r < 0) {
		if ((key = ui_getkey(ui)) == UI_KEY_QUIT) {
			r = UI_KEY_QUIT;
			break;
		}
		if (key == ' ' && n > 0) {
			on[cl.sel] = !on[cl.sel];
			if (cl.sel + 1 < n)
				cl.sel++;
			continue;
		}
		a = ui_lookup(ui, UI_CTX_LIST, key);
		if (dialog_move(a, &cl.sel, n, 10))
			continue;
		switch (a) {
		case UA_HELP:
			ui_help_view(ui, &dialog_checklist_view);
			break;
		case UA_SELECT:
			r = 1;
			break;
		case UA_SEARCH_CLEAR:
		case UA_CANCEL:
			r = 0;
			break;
		default:
			break;
		}
	}
	ui_layer_pop(ui);
	return r;
}
