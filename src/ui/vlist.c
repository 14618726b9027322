/*
 * vlist.c — the rows a list shows. A paged list walks an index with a
 * cursor and remembers only its top row's position, so a million officers
 * cost one screenful; a held list keeps its ids in an array, for short
 * lists sorted in ways no index gives (a tree, one agency's officers).
 * No transaction is kept between calls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

/*
 * The records that match a search text, as a set of ids, kept for n and
 * N and for typing on. From the pane's index (find) when it has one: the
 * answer for any text, at the cost of what matches. Else worked out in
 * one walk of the records in id order, which reads the map front to
 * back, where a walk in the list's order reads the records in no order
 * at all; as the text grows, only the rows its beginning matched are
 * looked at again. Another text or a newer snapshot of the database
 * works it out afresh.
 */
struct vlist_found {
	int		(*match)(struct store_txn *, uint32_t, void *);
	vlist_find_fn	 find;
	char		*text;
	uint64_t	 snapshot;	/* the database it was worked out in */
	struct store_idset set;
	int		 any;		/* the set is not empty */
};

static void
vlist_found_free(struct vlist *l)
{
	if (l->found != NULL) {
		free(l->found->text);
		store_idset_free(&l->found->set);
		free(l->found);
		l->found = NULL;
	}
}

/* Is any id in the set? */
static int
vlist_found_any(const struct store_idset *set)
{
	size_t i;

	for (i = 0; i < set->nw; i++)
		if (set->w[i] != 0)
			return 1;
	return 0;
}

/* The matches of text in l's entity as t sees it, worked out if need be. */
static const struct vlist_found *
vlist_found_get(struct vlist *l, struct store_txn *t,
    int (*match)(struct store_txn *, uint32_t, void *), vlist_find_fn find,
    const char *text)
{
	struct vlist_found *f = l->found;
	struct store_cursor *c;
	uint64_t snap = store_txn_snapshot(t);
	size_t i, b;
	uint32_t id;
	int narrow = 0, rc = OGPO_NOTFOUND;

	if (f != NULL && f->match == match && f->find == find &&
	    f->snapshot == snap) {
		if (strcmp(f->text, text) == 0)
			return f;
		narrow = find == NULL && f->text[0] != '\0' &&
		    strncmp(text, f->text, strlen(f->text)) == 0;
	}
	if (f == NULL)
		f = l->found = xcalloc(1, sizeof *f);
	if (narrow) {
		for (i = 0; i < f->set.nw; i++)
			for (b = 0; f->set.w[i] != 0 && b < 64; b++) {
				id = (uint32_t)(i * 64 + b);
				if ((f->set.w[i] >> b & 1) &&
				    !match(t, id, (void *)text))
					f->set.w[i] &= ~((uint64_t)1 << b);
			}
	} else if (find != NULL) {
		store_idset_clear(&f->set);
		rc = find(t, text, &f->set) == 0 ? OGPO_NOTFOUND : OGPO_IO;
	} else {
		store_idset_clear(&f->set);
		rc = store_cursor_open(t, store_entity_index(
		    store_index_entity(l->ix)), NULL, &c, NULL);
		if (rc == 0) {
			while ((rc = store_cursor_move(c, STORE_NEXT)) == 0)
				if (match(t, (id = store_cursor_id(c)),
				    (void *)text))
					store_idset_add(&f->set, id);
			store_cursor_close(c);
		}
	}
	free(f->text);
	f->text = xstrdup(text);
	f->match = match;
	f->find = find;
	f->any = vlist_found_any(&f->set);
	/* A walk that could not start is an answer for now, not to keep. */
	f->snapshot = narrow || rc == OGPO_NOTFOUND ? snap : 0;
	return f;
}

void
vlist_paged(struct vlist *l, enum store_index ix, const uint32_t *group,
    int desc)
{
	free(l->ids);
	vlist_found_free(l);
	memset(l, 0, sizeof *l);
	l->paged = 1;
	l->ix = ix;
	l->grouped = group != NULL;
	l->group = group ? *group : 0;
	l->desc = desc;
}

void
vlist_held(struct vlist *l)
{
	uint32_t *ids = l->ids;
	size_t cap = l->cap;
	uint32_t keep = l->want ? l->want : vlist_selected(l);
	int height = l->height, sel = l->sel;

	vlist_found_free(l);
	memset(l, 0, sizeof *l);
	l->ids = ids;
	l->cap = cap;
	l->height = height;
	l->want = keep;		/* vlist_load puts the selection back */
	l->sel = sel;		/* on the line of the screen it was on */
}

void
vlist_held_again(struct vlist *l)
{
	size_t index = l->index;

	vlist_held(l);
	l->index = index;
}

void
vlist_held_add(struct vlist *l, uint32_t id)
{
	l->ids = xgrow(l->ids, &l->cap, l->n + 1, sizeof *l->ids);
	l->ids[l->n++] = id;
	l->count = l->n;
}

void
vlist_free(struct vlist *l)
{
	free(l->ids);
	vlist_found_free(l);
	memset(l, 0, sizeof *l);
}

uint32_t
vlist_selected(const struct vlist *l)
{
	if (l->nrows == 0 || l->sel < 0 || l->sel >= l->nrows)
		return 0;
	return l->rows[l->sel];
}

void
vlist_position(const struct vlist *l, char *buf, size_t n)
{
	if (l->count == 0)
		snprintf(buf, n, "0/0");
	else
		snprintf(buf, n, "%zu/%zu", l->index + 1, l->count);
}

static enum store_move
vlist_fwd(const struct vlist *l)
{
	return l->desc ? STORE_PREV : STORE_NEXT;
}

static enum store_move
vlist_back(const struct vlist *l)
{
	return l->desc ? STORE_NEXT : STORE_PREV;
}

static int
vlist_open(struct vlist *l, struct store_txn *t, struct store_cursor **c)
{
	return store_cursor_open(t, l->ix, l->grouped ? &l->group : NULL, c,
	    NULL);
}

/* Put the cursor on the top row (or the first one, if none is set). */
static int
vlist_seek_top(struct vlist *l, struct store_cursor *c)
{
	if (l->top.klen == 0 || store_cursor_seek(c, &l->top) != 0)
		return store_cursor_move(c, l->desc ? STORE_LAST : STORE_FIRST);
	if (l->desc) {
		struct store_pos here;

		/* Seek lands at or after; going backwards, the row at or
		 * before the position is the one we mean. */
		store_cursor_pos(c, &here);
		if (store_pos_cmp(&here, &l->top) > 0 &&
		    store_cursor_move(c, STORE_PREV) != 0)
			return store_cursor_move(c, STORE_FIRST);
	}
	return 0;
}

static void
vlist_load_paged(struct vlist *l, struct store_txn *t)
{
	struct store_cursor *c;
	int back;

	l->nrows = 0;
	l->count = store_count(t, l->ix, l->grouped ? &l->group : NULL);
	if (l->count == 0 || vlist_open(l, t, &c) != 0) {
		l->index = 0;
		l->sel = 0;
		return;
	}
	if (vlist_seek_top(l, c) == 0) {
		store_cursor_pos(c, &l->top);
		do
			l->rows[l->nrows++] = store_cursor_id(c);
		while (l->nrows < l->height &&
		    store_cursor_move(c, vlist_fwd(l)) == 0);
	}
	/* Near the end: pull earlier rows in so the screen stays full. */
	if (l->nrows < l->height && l->nrows > 0 &&
	    (size_t)l->nrows < l->count) {
		store_cursor_seek(c, &l->top);
		for (back = 0; l->nrows + back < l->height &&
		    store_cursor_move(c, vlist_back(l)) == 0; back++)
			;
		store_cursor_pos(c, &l->top);
		l->sel += back;
		l->nrows = 0;
		do
			l->rows[l->nrows++] = store_cursor_id(c);
		while (l->nrows < l->height &&
		    store_cursor_move(c, vlist_fwd(l)) == 0);
	}
	store_cursor_close(c);
	if (l->sel >= l->nrows)
		l->sel = l->nrows > 0 ? l->nrows - 1 : 0;
	if (l->index >= l->count)
		l->index = l->count - 1;
	if (l->index < (size_t)l->sel)
		l->index = (size_t)l->sel;
}

static void
vlist_load_held(struct vlist *l)
{
	size_t i;

	if (l->height < 1)
		l->height = 1;
	l->count = l->n;
	if (l->want != 0) {
		/* After a rebuild: find the row that was selected. */
		for (i = 0; i < l->n; i++)
			if (l->ids[i] == l->want) {
				l->index = i;
				break;
			}
		/* The list scrolled as it was (gone, the row in its
		 * place: vlist_held_again). */
		l->top_i = l->index > (size_t)l->sel ? l->index -
		    (size_t)l->sel : 0;
		l->want = 0;
	}
	if (l->n == 0) {
		l->index = l->top_i = 0;
		l->nrows = l->sel = 0;
		return;
	}
	if (l->index >= l->n)
		l->index = l->n - 1;
	if (l->index < l->top_i)
		l->top_i = l->index;
	if (l->index >= l->top_i + (size_t)l->height)
		l->top_i = l->index - (size_t)l->height + 1;
	if (l->top_i + (size_t)l->height > l->n)
		l->top_i = l->n > (size_t)l->height ? l->n -
		    (size_t)l->height : 0;
	for (l->nrows = 0; l->nrows < l->height &&
	    l->top_i + (size_t)l->nrows < l->n; l->nrows++)
		l->rows[l->nrows] = l->ids[l->top_i + (size_t)l->nrows];
	l->sel = (int)(l->index - l->top_i);
}

void
vlist_load(struct vlist *l, struct store_txn *t, int height)
{
	if (height > UI_ROWS_MAX)
		height = UI_ROWS_MAX;
	if (height < 1)
		height = 1;
	l->height = height;
	if (l->paged)
		vlist_load_paged(l, t);
	else
		vlist_load_held(l);
}

/* Move the top of a paged list by up to n rows; returns rows moved. */
static size_t
vlist_scroll(struct vlist *l, struct store_txn *t, size_t n, int down)
{
	struct store_cursor *c;
	size_t moved = 0;

	if (vlist_open(l, t, &c) != 0)
		return 0;
	if (vlist_seek_top(l, c) == 0) {
		while (moved < n && store_cursor_move(c, down ? vlist_fwd(l) :
		    vlist_back(l)) == 0)
			moved++;
		store_cursor_pos(c, &l->top);
	}
	store_cursor_close(c);
	return moved;
}

static int
vlist_move_paged(struct vlist *l, struct store_txn *t, enum ui_action a)
{
	struct store_cursor *c;
	size_t h = (size_t)l->height, moved;

	switch (a) {
	case UA_DOWN:
		if (l->sel + 1 < l->nrows) {
			l->sel++;
			l->index++;
			return 1;
		}
		if (vlist_scroll(l, t, 1, 1) == 0)
			return 0;
		l->index++;
		return 1;
	case UA_UP:
		if (l->sel > 0) {
			l->sel--;
			l->index--;
			return 1;
		}
		if (vlist_scroll(l, t, 1, 0) == 0)
			return 0;
		l->index--;
		return 1;
	case UA_PAGE_DOWN:
		moved = vlist_scroll(l, t, h, 1);
		l->index += moved;
		if (moved < h) {
			/* The last page: the selection goes to the end. */
			vlist_load_paged(l, t);
			l->index += (size_t)(l->nrows - 1 - l->sel);
			l->sel = l->nrows - 1;
		}
		return 1;
	case UA_PAGE_UP:
		moved = vlist_scroll(l, t, h, 0);
		l->index -= moved;
		if (moved < h) {
			l->index -= (size_t)l->sel;
			l->sel = 0;
		}
		return 1;
	case UA_HOME:
		memset(&l->top, 0, sizeof l->top);
		l->sel = 0;
		l->index = 0;
		return 1;
	case UA_END:
		if (vlist_open(l, t, &c) != 0)
			return 0;
		if (store_cursor_move(c, l->desc ? STORE_FIRST : STORE_LAST)
		    == 0) {
			for (moved = 1; moved < h && store_cursor_move(c,
			    vlist_back(l)) == 0; moved++)
				;
			store_cursor_pos(c, &l->top);
			l->sel = (int)moved - 1;
			l->index = l->count - 1;
		}
		store_cursor_close(c);
		return 1;
	default:
		return 0;
	}
}

void
vlist_recount(struct vlist *l, struct store_txn *t)
{
	struct store_cursor *c;
	struct store_pos here;
	size_t i = 0;

	if (!l->paged || l->top.klen == 0 || vlist_open(l, t, &c) != 0)
		return;
	if (store_cursor_move(c, l->desc ? STORE_LAST : STORE_FIRST) == 0)
		do {
			store_cursor_pos(c, &here);
			if (l->desc ? store_pos_cmp(&here, &l->top) <= 0 :
			    store_pos_cmp(&here, &l->top) >= 0)
				break;
			i++;
		} while (store_cursor_move(c, vlist_fwd(l)) == 0);
	store_cursor_close(c);
	l->index = i + (size_t)l->sel;
}

int
vlist_move(struct vlist *l, struct store_txn *t, enum ui_action a)
{
	size_t h = (size_t)l->height;
	int r;

	if (l->paged) {
		r = vlist_move_paged(l, t, a);
		vlist_load_paged(l, t);
		return r;
	}
	if (l->want != 0)
		vlist_load_held(l);	/* a rebuild's selection comes first */
	switch (a) {
	case UA_DOWN:
		if (l->index + 1 >= l->n)
			return 0;
		l->index++;
		break;
	case UA_UP:
		if (l->index == 0)
			return 0;
		l->index--;
		break;
	case UA_PAGE_DOWN:
		l->index = l->index + h < l->n ? l->index + h :
		    (l->n ? l->n - 1 : 0);
		l->top_i += h;
		break;
	case UA_PAGE_UP:
		l->index = l->index > h ? l->index - h : 0;
		l->top_i = l->top_i > h ? l->top_i - h : 0;
		break;
	case UA_HOME:
		l->index = 0;
		break;
	case UA_END:
		l->index = l->n ? l->n - 1 : 0;
		break;
	default:
		return 0;
	}
	vlist_load_held(l);
	return 1;
}

int
vlist_select_id(struct vlist *l, struct store_txn *t, uint32_t id)
{
	struct store_cursor *c;
	size_t i;

	if (!l->paged) {
		l->want = 0;
		for (i = 0; i < l->n; i++)
			if (l->ids[i] == id) {
				l->index = i;
				vlist_load_held(l);
				return 1;
			}
		return 0;
	}
	/* Paged: walk from the start (counting, for the position). */
	if (vlist_open(l, t, &c) != 0)
		return 0;
	i = 0;
	if (store_cursor_move(c, l->desc ? STORE_LAST : STORE_FIRST) == 0)
		do {
			if (store_cursor_id(c) == id) {
				store_cursor_pos(c, &l->top);
				store_cursor_close(c);
				l->sel = 0;
				l->index = i;
				vlist_load_paged(l, t);
				return 1;
			}
			i++;
		} while (store_cursor_move(c, vlist_fwd(l)) == 0);
	store_cursor_close(c);
	return 0;
}

int
vlist_search(struct vlist *l, struct store_txn *t, int dir,
    int (*match)(struct store_txn *t, uint32_t id, void *arg),
    vlist_find_fn find, const char *text)
{
	const struct vlist_found *f = NULL;
	struct store_cursor *c;
	struct store_pos pos;
	enum store_move how;
	size_t i, steps, idx;
	uint32_t id;
	int found;

	if (l->count == 0)
		return 0;
	if (!l->paged) {
		if (find != NULL && !(f = vlist_found_get(l, t, match, find,
		    text))->any)
			return 0;
		for (i = 1; i <= l->n; i++) {
			size_t at = (l->index + l->n + (dir > 0 ? i : l->n -
			    i % l->n)) % l->n;

			if (f != NULL ? store_idset_has(&f->set, l->ids[at]) :
			    match(t, l->ids[at], (void *)text)) {
				l->index = at;
				vlist_load_held(l);
				return 1;
			}
		}
		return 0;
	}
	/* Which rows match, then the first of them in the list's order. */
	f = vlist_found_get(l, t, match, find, text);
	if (!f->any || vlist_open(l, t, &c) != 0)
		return 0;
	/* From the selected row on, then from the list's far end: the
	 * selected row itself last. */
	found = vlist_seek_top(l, c) == 0;
	for (i = 0; found && i < (size_t)l->sel; i++)
		store_cursor_move(c, vlist_fwd(l));
	how = dir > 0 ? vlist_fwd(l) : vlist_back(l);
	idx = l->index;
	if (found && (steps = store_cursor_find(c, how, &f->set)) > 0)
		idx = dir > 0 ? idx + steps : idx - steps;
	else if ((found = store_cursor_move(c, (dir > 0) == !l->desc ?
	    STORE_FIRST : STORE_LAST) == 0)) {
		idx = dir > 0 ? 0 : l->count - 1;
		if (!store_idset_has(&f->set, store_cursor_id(c))) {
			steps = store_cursor_find(c, how, &f->set);
			found = steps > 0;
			idx = dir > 0 ? steps : l->count - 1 - steps;
		}
	}
	if (found) {
		id = store_cursor_id(c);
		store_cursor_pos(c, &pos);
		l->index = idx;
		for (i = 0; i < (size_t)l->nrows && l->rows[i] != id; i++)
			;
		if (i < (size_t)l->nrows)
			l->sel = (int)i;	/* on this page already */
		else {
			l->top = pos;
			l->sel = 0;
		}
	}
	store_cursor_close(c);
	if (found)
		vlist_load_paged(l, t);
	return found;
}

void
vlist_place(struct vlist *l, int y, int x, int w)
{
	l->scr_y = y;
	l->scr_x = x;
	l->scr_w = w;
}

int
vlist_click(struct vlist *l, int y, int x)
{
	int row = y - l->scr_y;

	if (l->scr_w <= 0 || row < 0 || row >= l->nrows || x < l->scr_x ||
	    x >= l->scr_x + l->scr_w)
		return 0;
	if (l->paged) {
		/* The rows on screen are consecutive: the place follows. */
		l->index = l->index - (size_t)l->sel + (size_t)row;
		l->sel = row;
		return 1;
	}
	if (l->want != 0)
		vlist_load_held(l);	/* a rebuild's selection comes first */
	l->index = l->top_i + (size_t)row;
	vlist_load_held(l);
	return 1;
}
