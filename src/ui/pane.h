/*
 * pane.h — helpers the pane files share (pane.c).
 */
#ifndef OGPO_UI_PANE_H
#define OGPO_UI_PANE_H

#include "ui-int.h"

/* Move a list for a movement action; 1 if a was one. */
int	 pane_move(struct ui *ui, struct vlist *l, enum ui_action a);

/*
 * Open the form on record id (or on fresh, a new record). Returns the
 * id of the saved record, 0 if nothing was saved.
 */
int	 pane_edit(struct ui *ui, enum entity_kind kind, uint32_t id,
	    void *fresh, const char *title);

/* Ask, then delete record id, saying what goes with it or what stops it. */
void	 pane_delete(struct ui *ui, enum entity_kind kind, uint32_t id);

/* Every field of rec as "Label: value" lines (a new string). */
char	*pane_detail(struct store_txn *t, enum entity_kind kind,
	    const void *rec);
/*
 * The same with every field on a line of its own, a dash for an empty
 * one: a panel beside a list keeps its layout as the selection moves,
 * so a move rewrites the values that differ, not every line below the
 * first that came or went.
 */
char	*pane_detail_lines(struct store_txn *t, enum entity_kind kind,
	    const void *rec);
/* Add "Label: value" (an empty label: an indented continuation line). */
void	 pane_text_add(char **text, const char *label, const char *value);

#endif
