/*
 * search.c — "/" searches the current list as you type: each character
 * moves the selection to the first row at or after where the search
 * started that matches; n and N go on; Esc forgets it.
 */
#include <ctype.h>
#include <string.h>

#include "ui-int.h"

int
ui_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return 1;
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n; i++)
			if (hay[i] == '\0' || tolower((unsigned char)hay[i]) !=
			    tolower((unsigned char)needle[i]))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

const char *
ui_search_hint(const struct ui_search *s)
{
	return s->text;
}

struct search_line {
	struct ui_search	*s;
	struct ui_edit		 edit;
	int			 failed;
};

static void
search_draw(struct ui *ui, void *arg)
{
	struct search_line *sl = arg;
	int y = ui->rows - 1;

	ui_fill(ui, y, 0, ui->cols, UI_STATUS);
	ui_put(ui, y, 0, 2, "/", UI_STATUS);
	ui_edit_draw(ui, &sl->edit, y, 1, ui->cols / 2, UI_STATUS);
	/* A bare "/" said nothing of how a search ends. */
	if (sl->failed)
		ui_put(ui, y, ui->cols / 2 + 2, ui->cols / 2 - 2,
		    _("no match"), UI_ERROR);
	else
		ui_put(ui, y, ui->cols / 2 + 2, ui->cols / 2 - 2,
		    _("Enter: accept    Esc: cancel"), UI_STATUS);
}

static int
search_run(struct ui *ui, struct ui_search *s, struct vlist *l, int dir,
    int (*match)(struct store_txn *t, uint32_t id, void *arg),
    const char *text)
{
	struct store_txn *t;
	int found;

	if (store_read_begin(ui->store, &t, NULL) != 0)
		return 0;
	found = vlist_search(l, t, dir, match, s->find, text);
	store_read_end(t);
	return found;
}

/*
 * A search may have walked far through an index: what it mapped of the
 * database need not stay resident while the screen waits for a person.
 */
static void
search_done(struct ui *ui)
{
	store_release(ui->store);
}

/*
 * Nothing matched: in a list narrowed to an agency or a stage the one
 * looked for may well be outside it, and the heading's "F shows all" is
 * far from the eye at the bottom line.
 */
static void
search_failed(struct ui *ui, const struct ui_search *s)
{
	char key[32];

	if (s->narrowed != UI_CTX_GLOBAL && *ui_key_label(ui, s->narrowed,
	    UA_SHOW_ALL, key, sizeof key) != '\0')
		ui_message(ui, 1, _("no match for \"%s\" in the part of the "
		    "list shown; %s shows all"), s->text, key);
	else
		ui_message(ui, 1, _("no match for \"%s\""), s->text);
}

int
ui_search_action(struct ui *ui, struct ui_search *s, struct vlist *l,
    enum ui_action a,
    int (*match)(struct store_txn *t, uint32_t id, void *arg))
{
	struct search_line sl;
	struct store_txn *t;
	struct vlist start;
	int key, done = 0, here;

	switch (a) {
	case UA_SEARCH:
		break;
	case UA_SEARCH_NEXT:
	case UA_SEARCH_PREV:
		if (s->text[0] == '\0') {
			ui_message(ui, 0, _("no search yet: press / to search"));
			return 1;
		}
		if (!search_run(ui, s, l, a == UA_SEARCH_NEXT ? 1 : -1, match,
		    s->text))
			search_failed(ui, s);
		else
			ui_message(ui, 0, "/%s", s->text);
		search_done(ui);
		return 1;
	case UA_SEARCH_CLEAR:
		s->text[0] = '\0';
		ui->msg[0] = '\0';
		return 1;
	default:
		return 0;
	}

	/* Typing: each change searches again from where we started. */
	memset(&sl, 0, sizeof sl);
	sl.s = s;
	s->text[0] = '\0';
	ui_edit_init(&sl.edit, s->text, sizeof s->text);
	start = *l;
	start.ids = NULL;	/* a copy of the position, not the ids */
	ui_layer_push(ui, search_draw, &sl);
	while (!done && (key = ui_getkey(ui)) != UI_KEY_QUIT) {
		if (key == '\r' || key == '\n' ||
		    key == (KEYMAP_FKEY | KEY_ENTER))
			done = 1;
		else if (key == 27 || key == 0x07) {
			s->text[0] = '\0';
			done = 2;
		} else if (ui_edit_key(&sl.edit, key)) {
			/* Back to the start, then to the first match. */
			l->top = start.top;
			l->sel = start.sel;
			l->index = start.index;
			l->top_i = start.top_i;
			here = 0;
			if (store_read_begin(ui->store, &t, NULL) == 0) {
				vlist_load(l, t, l->height);
				/* The starting row itself may match. */
				here = s->text[0] == '\0' ||
				    match(t, vlist_selected(l), s->text);
				store_read_end(t);
			}
			sl.failed = !here && !search_run(ui, s, l, 1, match,
			    s->text);
		}
	}
	ui_layer_pop(ui);
	search_done(ui);
	if (done == 2) {
		l->top = start.top;
		l->sel = start.sel;
		l->index = start.index;
		l->top_i = start.top_i;
		ui->msg[0] = '\0';
	} else if (s->text[0] != '\0' && sl.failed)
		search_failed(ui, s);
	else if (s->text[0] != '\0')
		ui_message(ui, 0, "/%s", s->text);
	return 1;
}
