/*
 * table-tool.c — the table layer from a script, for the tests that hold
 * it up against LibreOffice:
 *
 *   table-tool dump FILE        every row read, as "ROW[:LINE]<TAB>cells"
 *                               (TAB-separated; \n, \t and \\ escaped)
 *   table-tool write FORMAT OUT KINDS [TITLE...] < TSV
 *                               a table from TSV lines (the first is the
 *                               header, escapes as above); KINDS is one
 *                               letter a column: t text, d date, c count,
 *                               r rate, s signature; with TITLEs, a
 *                               printed form. ROC=1 shows dates 民國.
 *
 * Exit 0, or 1 with the cause on standard error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/table.h"
#include "ogpo/util.h"

static void
dump_cell(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\\')
			fputs("\\\\", stdout);
		else
			putchar(*s);
	}
}

static int
dump(const char *path)
{
	struct table_reader *r;
	const struct table_row *row;
	char *cause = NULL;
	size_t i;
	int rc;

	if (table_reader_open(&r, path, NULL, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return 1;
	}
	while ((rc = table_reader_next(r, &row, &cause)) == 1) {
		if (row->line != 0)
			printf("%zu:%zu", row->row, row->line);
		else
			printf("%zu", row->row);
		for (i = 0; i < row->nfields; i++) {
			putchar('\t');
			dump_cell(row->fields[i]);
		}
		putchar('\n');
	}
	if (table_reader_warnings(r) != NULL)
		fprintf(stderr, "%s", table_reader_warnings(r));
	table_reader_close(r);
	if (rc < 0) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return 1;
	}
	return 0;
}

/* Split a TSV line in place, undoing the escapes. */
static size_t
split(char *line, char **cells, size_t max)
{
	size_t n = 0;
	char *r = line, *w = line;

	cells[n++] = w;
	for (; *r != '\0' && *r != '\n'; r++) {
		if (*r == '\t' && n < max) {
			*w++ = '\0';
			cells[n++] = w;
		} else if (*r == '\\' && r[1] == 'n') {
			*w++ = '\n';
			r++;
		} else if (*r == '\\' && r[1] == 't') {
			*w++ = '\t';
			r++;
		} else if (*r == '\\' && r[1] == '\\') {
			*w++ = '\\';
			r++;
		} else
			*w++ = *r;
	}
	*w = '\0';
	return n;
}

static int
write_table(const char *format, const char *out, const char *kinds,
    int ntitles, char **titles)
{
	struct table_writer_options o;
	struct table_column cols[64];
	struct table_writer *w;
	char line[65536], *cells[64], *cause = NULL;
	const char *roc = getenv("ROC");
	size_t n, i;
	int rc = 0, t;
	FILE *f;

	memset(&o, 0, sizeof o);
	if ((o.format = table_format_parse(format)) == TABLE_FORMAT_NONE) {
		fprintf(stderr, "no format %s\n", format);
		return 1;
	}
	o.sheet = "工作表";
	o.roc = roc != NULL && strcmp(roc, "1") == 0;
	o.flags = ntitles > 0 ? TABLE_PRINT : 0;
	o.csv.guard = 1;
	if ((f = fopen(out, "wb")) == NULL) {
		perror(out);
		return 1;
	}
	if (table_writer_open(&w, f, out, &o, &cause) != 0)
		goto fail;
	for (t = 0; t < ntitles; t++)
		if (table_writer_title(w, titles[t], &cause) != 0)
			goto fail;
	if (fgets(line, sizeof line, stdin) == NULL)
		goto fail;
	n = split(line, cells, 64);
	for (i = 0; i < n; i++) {
		cols[i].name = cells[i];
		cols[i].width = 0;
		switch (kinds[i < strlen(kinds) ? i : 0]) {
		case 'd':
			cols[i].kind = TABLE_DATE;
			break;
		case 'c':
			cols[i].kind = TABLE_COUNT;
			break;
		case 'r':
			cols[i].kind = TABLE_RATE;
			break;
		case 's':
			cols[i].kind = TABLE_SIGN;
			break;
		default:
			cols[i].kind = TABLE_TEXT;
		}
	}
	if (table_writer_head(w, cols, n, &cause) != 0)
		goto fail;
	while (fgets(line, sizeof line, stdin) != NULL) {
		n = split(line, cells, 64);
		if (table_writer_row(w, (const char *const *)cells, n,
		    &cause) != 0)
			goto fail;
	}
	rc = table_writer_close(w, &cause);
	w = NULL;
	if (fclose(f) != 0 || rc != 0)
		goto fail2;
	return 0;

fail:
	table_writer_abort(w);
	fclose(f);
fail2:
	fprintf(stderr, "%s\n", cause ? cause : "failed");
	free(cause);
	return 1;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "dump") == 0)
		return dump(argv[2]);
	if (argc >= 5 && strcmp(argv[1], "write") == 0)
		return write_table(argv[2], argv[3], argv[4], argc - 5,
		    argv + 5);
	fprintf(stderr, "usage: table-tool dump FILE | write FORMAT OUT "
	    "KINDS [TITLE...] < TSV\n");
	return 2;
}
