/*
 * cmd.h — subcommands. Each lives in src/cmd/cmd-NAME.c and exports one
 * entry; main.c lists them in one table and dispatches. A subcommand
 * prints to stdout, complains to stderr and returns the exit status.
 */
#ifndef OGPO_CMD_H
#define OGPO_CMD_H

#include <stdio.h>

#include "ogpo/core.h"

/* Exit statuses, the same for every subcommand. */
#define CMD_OK		0
#define CMD_FAIL	1	/* it did not work, or found problems */
#define CMD_USAGE	2	/* the command line was wrong */

struct cmd_ctx {
	const char	*db_flag;	/* --db, or NULL */
	const char	*keymap;	/* --keymap, or NULL */
	const char	*prog;		/* "ogpo" */
	const char	*command;	/* "import", or NULL: the screen */
};

struct cmd_entry {
	const char	*name;
	const char	*args;		/* "[--demo]" */
	const char	*summary;	/* one line for --help */
	const char	*help;		/* the rest of `ogpo NAME --help` */
	int		(*exec)(const struct cmd_ctx *ctx, int argc,
			    char **argv);
};

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_verify_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_delete_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_due_entry;
extern const struct cmd_entry cmd_close_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_user_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_doctor_entry;
extern const struct cmd_entry cmd_who_entry;
extern const struct cmd_entry cmd_undo_entry;
extern const struct cmd_entry cmd_vote_entry;

/*
 * Open the database the context names (or the default), printing the
 * reason to stderr on failure. Returns NULL then.
 */
struct core *cmd_open(const struct cmd_ctx *ctx, int create);

/*
 * Write s to f with control characters and bidi overrides escaped, as the
 * screen shows them: data must never drive the reader's terminal.
 */
void	 cmd_put_safe(FILE *f, const char *s);
/* As cmd_put_safe, line by line: the line breaks of s stay breaks. */
void	 cmd_put_lines(FILE *f, const char *s);

/* The same form of s as a new string (free it), for a translated format. */
char	*cmd_safe(const char *s);

/* Whether f is a terminal (asked once per stream). */
int	 cmd_tty(FILE *f);

/* Print "ogpo NAME: message" to stderr (escaped); returns status. */
int	 cmd_error(const struct cmd_entry *e, int status, const char *fmt, ...)
	    OGPO_PRINTF(3, 4);

/*
 * Set one field of rec from "name=value" as typed on a command line:
 * enums by name or label, agencies by code (or #id), yes/no, lists
 * comma-separated. Returns 0, or OGPO_INVALID with *cause naming the
 * field and the value.
 */
int	 cmd_assign(struct store_txn *t, const struct schema *s, void *rec,
	    const char *assignment, char **cause);

/* A case typed as its number ("115-07") or id: 0 and *id, or -1. */
int	 cmd_case_id(struct store_txn *t, const char *v, uint32_t *id);

/* The entity a command line names ("officer", "agency" …), or 0. */
enum entity_kind cmd_entity(const char *name);

/* Print e's usage line and help to f. */
void	 cmd_usage(const struct cmd_entry *e, FILE *f);

/*
 * A column of a plain-text table for people: cells measured in display
 * cells, cut with "…", control characters escaped.
 */
struct cmd_column {
	const char	*title;
	size_t		 width;		/* cells; the last column is free */
};
void	 cmd_table_header(FILE *f, const struct cmd_column *cols, size_t n);
void	 cmd_table_row(FILE *f, const struct cmd_column *cols, size_t n,
	    const char *const *cells);

/*
 * TSV: a header of field names and one line per record, every field of
 * schema s; tab, newline, CR and backslash escaped as \t \n \r \\. On a
 * terminal each cell is also shown in the safe display form (ESC as ^[,
 * U+202E as <U+202E>); to a pipe or a file the bytes are as stored.
 */
void	 cmd_tsv_header(FILE *f, const struct schema *s);
void	 cmd_tsv_row(FILE *f, const struct schema *s, const void *rec);
void	 cmd_tsv_cell(FILE *f, const char *value);

/*
 * After a candidate is saved: when it says it is a Join proposal but
 * names no case, tell on stderr that its deadlines go untracked and how
 * to link it (the vote will not close choosing it as it is).
 */
void	 cmd_vote_candidate_note(const void *rec);

#endif
