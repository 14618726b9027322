/*
 * cmd.c — what every subcommand shares: opening the database, messages,
 * usage, and printing tables for people and TSV for scripts.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"
#include "ogpo/text.h"

struct core *
cmd_open(const struct cmd_ctx *ctx, int create)
{
	struct core *c;
	char *dir, *origin, *cause = NULL;

	dir = core_default_dir(ctx->db_flag, &origin);
	if (core_open(&c, dir, create, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", ctx->prog, cause);
		if (strcmp(origin, "--db") != 0)
			fprintf(stderr, "%s: (the database directory %s came "
			    "from %s)\n", ctx->prog, dir, origin);
		free(cause);
		c = NULL;
	}
	free(dir);
	return c;
}

int
cmd_error(const struct cmd_entry *e, int status, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ogpo %s: ", e->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

void
cmd_usage(const struct cmd_entry *e, FILE *f)
{
	fprintf(f, "usage: ogpo [--db DIR] %s %s\n%s\n", e->name, e->args,
	    e->summary);
	if (e->help != NULL && *e->help != '\0')
		fprintf(f, "\n%s", e->help);
}

static void
cmd_table_cells(FILE *f, const struct cmd_column *cols, size_t n,
    const char *const *cells)
{
	char buf[1024];
	size_t i;

	for (i = 0; i < n; i++) {
		if (i + 1 < n) {
			text_fit(cells[i] ? cells[i] : "", cols[i].width, 1,
			    buf, sizeof buf);
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
		titles[i] = cols[i].title;
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
	char value[OGPO_DESC_MAX + 64], *esc;
	size_t i;

	esc = xmalloc(2 * sizeof value + 1);
	for (i = 0; i < s->nfields; i++) {
		schema_format(&s->fields[i], rec, value, sizeof value);
		fprintf(f, "%s%s", i ? "\t" : "",
		    text_tsv(value, esc, 2 * sizeof value + 1));
	}
	fputc('\n', f);
	free(esc);
}
