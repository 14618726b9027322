/*
 * cmd.c — what every subcommand shares: opening the database, messages,
 * usage, and printing tables for people and TSV for scripts.
 */
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/cmd.h"
#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "ogpo/text.h"

/*
 * Waiting for another's write to end: said once on standard error, so a
 * command that seems to hang says why (and, if the holder stays stopped,
 * the write fails with a sentence naming it).
 */
static void
cmd_waiting(void *arg, const struct store_holder *h, int64_t waited_ms)
{
	struct passwd *pw;
	int *said = arg;

	if (*said || waited_ms < 1000)
		return;
	*said = 1;
	pw = getpwuid((uid_t)h->uid);
	fprintf(stderr, _("ogpo: waiting for %s's ogpo (process %ld, %s) to "
	    "finish writing…\n"), pw ? pw->pw_name : "?", h->pid, h->what);
}

struct core *
cmd_open(const struct cmd_ctx *ctx, int create)
{
	static int said;
	char what[32];
	struct core *c;
	const char *origin;
	char *dir, *cause = NULL, *shown;

	/* The program's name as the lines after it write it (ogpo：). */
	if ((dir = core_default_dir(ctx->db_flag, &origin, &cause)) == NULL) {
		fprintf(stderr, _("%s: "), ctx->prog);
		cmd_put_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		return NULL;
	}
	if (core_open(&c, dir, create, &cause) != 0) {
		fprintf(stderr, _("%s: "), ctx->prog);
		cmd_put_safe(stderr, cause);
		fputc('\n', stderr);
		if (strcmp(origin, "--db") != 0) {
			shown = cmd_safe(dir);
			fprintf(stderr, _("%s: (the database directory %s "
			    "came from %s)\n"), ctx->prog, shown, _(origin));
			free(shown);
		}
		free(cause);
		c = NULL;
	}
	free(dir);
	/* Open, the database needs the group's rights no more: a command
	 * gives them up for good. The full-screen program keeps them for
	 * the who-else files, doctor and who to read them. Either way a
	 * spreadsheet is read in a process of its own, without them or any
	 * descriptor of the database (table_parse). */
	if (c != NULL && ctx->command != NULL &&
	    strcmp(ctx->command, "doctor") != 0 &&
	    strcmp(ctx->command, "who") != 0 && priv_drop() != 0) {
		fprintf(stderr, _("%s: cannot give up the group's rights\n"),
		    ctx->prog);
		core_close(c);
		return NULL;
	}
	if (c != NULL) {
		snprintf(what, sizeof what, "ogpo %s", ctx->command ?
		    ctx->command : "");
		store_set_activity(core_store(c), what);
		store_set_wait(core_store(c), cmd_waiting, &said);
	}
	return c;
}

char *
cmd_safe(const char *s)
{
	size_t cells, n = 2 * strlen(s) + 16, len;
	char *buf = xmalloc(n);

	/* Once over s (a dry run lists a line per row of the file): what
	 * text_fit writes whole into the room below, where it fits. */
	len = text_safe(s, buf, n, &cells);
	if (len < n && len < 4 * cells + 8)
		return buf;
	/* Runs of escapes or zero-width characters: cut as it cuts. */
	free(buf);
	n = 4 * cells + 8;
	buf = xmalloc(n);
	text_fit(s, cells, 0, buf, n);
	return buf;
}

void
cmd_put_safe(FILE *f, const char *s)
{
	char *buf = cmd_safe(s);

	fputs(buf, f);
	free(buf);
}

void
cmd_put_lines(FILE *f, const char *s)
{
	const char *nl;
	char *line;

	while ((nl = strchr(s, '\n')) != NULL) {
		line = xasprintf("%.*s", (int)(nl - s), s);
		cmd_put_safe(f, line);
		fputc('\n', f);
		free(line);
		s = nl + 1;
	}
	cmd_put_safe(f, s);
}

int
cmd_tty(FILE *f)
{
	static int known[3] = { -1, -1, -1 };
	int fd = fileno(f);

	if (fd < 0 || fd > 2)
		return fd >= 0 && isatty(fd);
	if (known[fd] < 0)	/* standard output may be kept aside */
		known[fd] = fd == STDOUT_FILENO ? spool_stdout_isatty() :
		    isatty(fd);
	return known[fd];
}

int
cmd_error(const struct cmd_entry *e, int status, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	fprintf(stderr, _("ogpo %s: "), e->name);
	cmd_put_lines(stderr, msg);
	fputc('\n', stderr);
	free(msg);
	return status;
}

void
cmd_usage(const struct cmd_entry *e, FILE *f)
{
	fprintf(f, _("usage: ogpo [--db DIR] %s %s\n%s\n"), e->name, e->args,
	    _(e->summary));
	if (e->help != NULL && *e->help != '\0')
		fprintf(f, "\n%s", _(e->help));
}

static void
cmd_table_cells(FILE *f, const struct cmd_column *cols, size_t n,
    const char *const *cells)
{
	char buf[1024];
	size_t i, w;

	for (i = 0; i < n; i++) {
		if (i + 1 < n) {
			/* A translated heading may be wider than the column. */
			w = *cols[i].title ? text_width(_(cols[i].title)) : 0;
			text_fit(cells[i] ? cells[i] : "", w > cols[i].width ?
			    w : cols[i].width, 1, buf, sizeof buf);
			fprintf(f, "%s  ", buf);
		} else {
			text_fit(cells[i] ? cells[i] : "", 200, 0, buf,
			    sizeof buf);
			fprintf(f, "%s\n", buf);
		}
	}
}

void
cmd_table_header(FILE *f, const struct cmd_column *cols, size_t n)
{
	const char *titles[16];
	size_t i;

	for (i = 0; i < n && i < 16; i++)
		titles[i] = *cols[i].title ? _(cols[i].title) : "";
	cmd_table_cells(f, cols, n, titles);
}

void
cmd_table_row(FILE *f, const struct cmd_column *cols, size_t n,
    const char *const *cells)
{
	cmd_table_cells(f, cols, n, cells);
}

void
cmd_tsv_header(FILE *f, const struct schema *s)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		fprintf(f, "%s%s", i ? "\t" : "", s->fields[i].name);
	fputc('\n', f);
}

void
cmd_tsv_row(FILE *f, const struct schema *s, const void *rec)
{
	char value[OGPO_DESC_MAX + 64];
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		schema_format(&s->fields[i], rec, value, sizeof value);
		if (i)
			fputc('\t', f);
		cmd_tsv_cell(f, value);
	}
	fputc('\n', f);
}

void
cmd_tsv_cell(FILE *f, const char *value)
{
	size_t n = 2 * strlen(value) + 1;
	char *esc = xmalloc(n);

	text_tsv(value, esc, n);
	if (cmd_tty(f))
		cmd_put_safe(f, esc);
	else
		fputs(esc, f);
	free(esc);
}

enum entity_kind
cmd_entity(const char *name)
{
	static const enum entity_kind editable[] = { ENTITY_AGENCY,
		ENTITY_OFFICER, ENTITY_MEETING, ENTITY_ISSUE, ENTITY_TRAINING,
		ENTITY_REWARD, ENTITY_PROGRESS, ENTITY_RESOLUTION, ENTITY_VOTE,
		ENTITY_CANDIDATE, ENTITY_BALLOT };
	size_t i;

	/* A tracked case is what an issue was; both names work. */
	if (strcmp(name, "case") == 0)
		return ENTITY_ISSUE;
	for (i = 0; i < sizeof editable / sizeof editable[0]; i++)
		if (strcmp(name, schema_of(editable[i])->name) == 0)
			return editable[i];
	return 0;
}

int
cmd_case_id(struct store_txn *t, const char *v, uint32_t *id)
{
	struct issue *is;
	int rc;

	if (str_to_id(v, id) == 0)
		return 0;
	is = xmalloc(sizeof *is);
	if ((rc = store_case_by_serial(t, v, is, NULL)) == 0)
		*id = is->h.id;
	free(is);
	return rc == 0 ? 0 : -1;
}

/* A reference typed as an agency code, "#id", or a bare id. */
static int
cmd_ref(struct store_txn *t, const struct field *f, const char *v,
    uint32_t *id, char **cause)
{
	struct agency a;

	if (*v == '\0') {
		*id = 0;
		return 0;
	}
	/* A code before an id: agency 0800 is not #800. */
	if (f->ref == ENTITY_AGENCY && *v != '#' &&
	    store_agency_by_code(t, v, &a, NULL) == 0) {
		*id = a.h.id;
		return 0;
	}
	if (str_to_id(v, id) == 0)
		return 0;
	if (f->ref == ENTITY_ISSUE && cmd_case_id(t, v, id) == 0)
		return 0;
	return err_set(cause, OGPO_INVALID, "%s: no %s '%s'%s", f->name,
	    model_noun(f->ref), v, f->ref == ENTITY_AGENCY ?
	    _(" (give an agency code, see ogpo list agencies)") : "");
}

int
cmd_assign(struct store_txn *t, const struct schema *s, void *rec,
    const char *assignment, char **cause)
{
	const char *eq = strchr(assignment, '=');
	char name[64], choices[256], *p, *list, *save;
	const char *why;
	const struct field *f;
	uint32_t v, n = 0, ids[OGPO_COLLAB_MAX];

	if (eq == NULL || eq == assignment ||
	    (size_t)(eq - assignment) >= sizeof name)
		return err_set(cause, OGPO_INVALID, "'%s' is not FIELD=VALUE",
		    assignment);
	memcpy(name, assignment, (size_t)(eq - assignment));
	name[eq - assignment] = '\0';
	if ((f = schema_field(s, name)) == NULL || (f->flags & FIELD_HEAD))
		return err_set(cause, OGPO_INVALID, "a %s has no field '%s'",
		    model_noun(s->kind), name);
	p = (char *)rec + f->offset;
	eq++;
	switch (f->type) {
	case FIELD_STR:
		/* Dates and times as the forms read them: 115/12/20,
		 * 民國115年12月20日, 下午2點半, 1430. */
		if (f->form == FORM_DATE && *eq != '\0') {
			if (date_parse(eq, p, &why) != 0)
				return err_set(cause, OGPO_INVALID, "%s: '%s' "
				    "%s", f->name, eq, why);
			return 0;
		}
		if (f->form == FORM_TIME && *eq != '\0') {
			if (time_parse(eq, p, &why) != 0)
				return err_set(cause, OGPO_INVALID, "%s: '%s' "
				    "%s", f->name, eq, why);
			return 0;
		}
		if (str_copy(p, eq, f->size) != 0)
			return err_set(cause, OGPO_INVALID, "%s is too long: at "
			    "most %zu bytes", f->name, f->size - 1);
		return 0;
	case FIELD_U32:
		if (f->enums != NULL) {
			if (*eq == '\0' && f->enums->min == 0)
				v = 0;
			else if (model_enum_parse(f->enums, eq, &v) != 0) {
				model_enum_choices(f->enums, choices,
				    sizeof choices);
				return err_set(cause, OGPO_INVALID, "%s: '%s' "
				    "is not one of the choices: %s", f->name,
				    eq, choices);
			}
		} else if (f->form == FORM_BOOL) {
			if (strcmp(eq, "yes") == 0 || strcmp(eq, "1") == 0 ||
			    strcmp(eq, "是") == 0)
				v = 1;
			else if (strcmp(eq, "no") == 0 || strcmp(eq, "0") == 0 ||
			    strcmp(eq, "否") == 0)
				v = 0;
			else
				return err_set(cause, OGPO_INVALID, "%s: say yes "
				    "or no, not '%s'", f->name, eq);
		} else if (f->form == FORM_COMPETENCIES) {
			if (model_competencies_parse(eq, &v) != 0)
				return err_set(cause, OGPO_INVALID, "%s: '%s' is "
				    "not a list of communication, facilitation, "
				    "recording and civic_tech", f->name, eq);
		} else if (f->form == FORM_TRIGGERS) {
			v = 0;
			list = xstrdup(eq);
			for (p = strtok_r(list, ",", &save); p != NULL;
			    p = strtok_r(NULL, ",", &save)) {
				if (strcmp(p, "stakeholders") == 0)
					v |= TRIGGER_STAKEHOLDERS;
				else if (strcmp(p, "divided") == 0)
					v |= TRIGGER_DIVIDED;
				else if (strcmp(p, "heated") == 0)
					v |= TRIGGER_HEATED;
				else {
					free(list);
					return err_set(cause, OGPO_INVALID,
					    "%s: '%s' is not stakeholders, "
					    "divided or heated", f->name, p);
				}
			}
			free(list);
		} else if (cmd_ref(t, f, eq, &v, cause) != 0)
			return OGPO_INVALID;
		memcpy((char *)rec + f->offset, &v, sizeof v);
		return 0;
	case FIELD_U32LIST:
		list = xstrdup(eq);
		for (p = strtok_r(list, ",", &save); p != NULL;
		    p = strtok_r(NULL, ",", &save)) {
			if (n == OGPO_COLLAB_MAX || cmd_ref(t, f, p, &ids[n],
			    cause) != 0) {
				free(list);
				return err_set(cause, OGPO_INVALID, "%s: '%s' "
				    "is not a list of up to %d agency codes",
				    f->name, eq, OGPO_COLLAB_MAX);
			}
			n++;
		}
		free(list);
		memcpy((char *)rec + f->offset, ids, n * sizeof(uint32_t));
		memcpy((char *)rec + f->count, &n, sizeof n);
		return 0;
	default:
		return err_set(cause, OGPO_INVALID, "%s cannot be set",
		    f->name);
	}
}
