/*
 * draft.h — a form's unsaved values, kept when ogpo is closed under it.
 *
 * A connection that drops (SSH's hangup), a terminal closed, a kill: the
 * full-screen program ends in the middle of a form, and what the person
 * typed would be lost. Instead it is written to a file of their own,
 * readable by them alone, under $XDG_STATE_HOME/ogpo/drafts (else
 * ~/.local/state/ogpo/drafts), and offered when ogpo next opens the same
 * database. The file holds the record as the form opened it (its id and
 * version, so a change made meanwhile by someone else is caught on
 * saving, as it would have been) and as the fields stood, text typed
 * included, valid or not.
 *
 * The file is text, one value a line: "o NAME VALUE" (the record as
 * opened), "m NAME VALUE" (as the fields stood), "t NAME TEXT" (a text
 * field as typed, where its "m" value would not show it as it was: a
 * date, text trimmed), each separated by a tab, with \\ \t \n \r
 * escaped.
 */
#ifndef OGPO_DRAFT_H
#define OGPO_DRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/model.h"

struct draft_value {
	char	 what;		/* 'o', 'm' or 't' */
	char	*name;		/* a field of the kind's schema */
	char	*value;
};

struct draft {
	char			*path;	/* the file (draft_read, draft_write) */
	char			*db;	/* the database's directory, resolved */
	enum entity_kind	 kind;
	char			*title;	/* the form's */
	int64_t			 when;	/* written, seconds since 1970 */
	uint32_t		 id, version;	/* as opened: id 0 is new */
	struct draft_value	*v;
	size_t			 n, cap;
};

/* Add value (copied) to d. */
void	 draft_add(struct draft *d, char what, const char *name,
	    const char *value);
/* The value of field name of kind what, or NULL. */
const char *draft_get(const struct draft *d, char what, const char *name);
/*
 * rec's fields (all but the record head and bytes) into d as what; and
 * back: d's values of what into rec (a value too long is cut at a
 * character, a list at its room; fields d does not name are left).
 */
void	 draft_put_record(struct draft *d, char what, const void *rec);
void	 draft_get_record(const struct draft *d, char what, void *rec);

/*
 * Write d to a new file in the drafts directory (made, mode 700, with the
 * caller's rights), readable by the owner alone; d->path is set to it.
 * Returns 0, or -1 with *cause (a new string naming the file).
 */
int	 draft_write(struct draft *d, char **cause);
/* The drafts kept for the database in db (its directory), oldest first:
 * each read whole, aside (aside.h); a file that is no draft is passed
 * over, and none is offered if what was read aside does not check. */
size_t	 draft_list(const char *db, struct draft ***out);
/*
 * Take what draft_list's reader of the files sent (draft_list's own
 * step, public for its fuzz target): the drafts for db, each checked as
 * draft_read checks a file, and of the drafts directory; all or none.
 */
size_t	 draft_receive(const char *buf, size_t len, const char *db,
	    struct draft ***out);
/* Read the draft in path, or NULL. */
struct draft *draft_read(const char *path);
/* Remove d's file. */
void	 draft_remove(const struct draft *d);
void	 draft_free(struct draft *d);
void	 draft_free_list(struct draft **list, size_t n);

#endif /* OGPO_DRAFT_H */
