/*
 * cmd-audit.c — `ogpo audit`: the audit trail, who changed what and
 * when, oldest first. An admin sees every record; an editor their own and
 * those about records in their scope; a viewer their own.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

#define AUDIT_LIMIT_DEFAULT	100

struct cmd_audit {
	struct core_audit_filter f;
	int64_t		 until;		/* 0: open */
	size_t		 limit;		/* 0: all */
	int		 tsv, head;
};

/* The columns of the table for people; the TSV has its own names. */
static const struct cmd_column cmd_audit_cols[] = {
	{ N_("SEQ"), 7 }, { N_("WHEN"), 16 }, { N_("WHO"), 12 },
	{ N_("ACTION"), 7 }, { N_("RECORD"), 30 }, { N_("CHANGES"), 0 },
};

/*
 * A word of the text table: the name itself (create, officer) where the
 * messages are English, as scripts and `ogpo set` know them; the word,
 * translated, in any other language.
 */
static const char *
cmd_audit_word(const char *name, const char *label)
{
	return i18n_translated(label) ? _(label) : name;
}

static void
cmd_audit_print(struct store_txn *t, const struct cmd_audit *o,
    const struct audit *a)
{
	struct core_audit_text d;
	char seq[24], when[32], record[sizeof d.what + 32];
	const char *cells[6];
	const char *kind = model_enum_name(&model_entities, a->entity);

	core_audit_describe(t, a, &d);
	snprintf(seq, sizeof seq, "%llu", (unsigned long long)a->seq);
	time_format(a->time, when, sizeof when);
	if (o->tsv) {
		printf("%s\t%s\t", seq, when);
		cmd_tsv_cell(stdout, a->login);
		printf("\t%s\t%s\t%u\t%u\t",
		    model_enum_name(&model_audit_actions, a->action), kind,
		    a->id, a->id2);
		cmd_tsv_cell(stdout, d.what);
		putchar('\t');
		cmd_tsv_cell(stdout, d.changes);
		putchar('\n');
		return;
	}
	/* "import of FILE", "change 1234" say it. */
	if (a->entity == ENTITY_IMPORT || a->entity == ENTITY_AUDIT)
		snprintf(record, sizeof record, "%s", d.what);
	else
		snprintf(record, sizeof record, "%s %s", cmd_audit_word(kind,
		    model_noun_msgid(a->entity)), d.what);
	cells[0] = seq;
	time_show(a->time, when, sizeof when);	/* for people */
	cells[1] = when;
	cells[2] = a->login;
	cells[3] = cmd_audit_word(model_enum_name(&model_audit_actions,
	    a->action), model_enum_label(&model_audit_actions, a->action));
	cells[4] = record;
	cells[5] = d.changes;
	cmd_table_row(stdout, cmd_audit_cols, 6, cells);
}

static int
cmd_audit_list(struct core *c, const struct cmd_audit *o, char **cause)
{
	struct store_txn *t;
	struct audit *a = xmalloc(sizeof *a);
	uint64_t seq, first, end, *keep = NULL;
	size_t n = 0, i;
	int rc, more = 0;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0) {
		free(a);
		return rc;
	}
	end = store_audit_next(t);
	if (o->until != 0)
		end = core_audit_at(t, o->until);
	first = o->f.since != 0 ? core_audit_at(t, o->f.since) : 1;
	if (o->tsv)
		printf("seq\ttime\tlogin\taction\tentity\tid\tid2\trecord\t"
		    "changes\n");
	else
		cmd_table_header(stdout, cmd_audit_cols, 6);
	if (o->f.since == 0 && o->limit != 0) {
		/* The newest limit records that match, shown oldest first. */
		keep = xcalloc(o->limit, sizeof *keep);
		for (seq = end; seq > first && !more; seq--) {
			if (store_audit_get(t, seq - 1, a, NULL) != 0 ||
			    !core_audit_match(c, t, &o->f, a))
				continue;
			if (n == o->limit)
				more = 1;
			else
				keep[n++] = seq - 1;
		}
		for (i = n; i > 0; i--)
			if (store_audit_get(t, keep[i - 1], a, cause) == 0)
				cmd_audit_print(t, o, a);
	} else {
		for (seq = first; seq < end; seq++) {
			if (store_audit_get(t, seq, a, NULL) != 0 ||
			    !core_audit_match(c, t, &o->f, a))
				continue;
			if (o->limit != 0 && n == o->limit) {
				more = 1;
				break;
			}
			n++;
			cmd_audit_print(t, o, a);
		}
	}
	store_read_end(t);
	if (more)
		fprintf(stderr, o->f.since == 0 ? _("(the newest %zu shown; "
		    "--since, --until, --login or --limit 0 for others)\n") :
		    _("(the first %zu shown; --since, --until, --login or "
		    "--limit 0 for others)\n"), n);
	free(keep);
	free(a);
	return 0;
}

static int
cmd_audit_head(struct core *c, char **cause)
{
	struct store_txn *t;
	uint8_t head[OGPO_HASH_LEN];
	uint64_t seq;
	size_t i;
	int rc;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0)
		return rc;
	rc = store_audit_head(t, head, &seq, cause);
	store_read_end(t);
	if (rc != 0)
		return rc;
	printf("%llu:", (unsigned long long)seq);
	for (i = 0; i < sizeof head; i++)
		printf("%02x", head[i]);
	printf("\n");
	return 0;
}

static int
cmd_audit_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "login", required_argument, NULL, 'l' },
		{ "entity", required_argument, NULL, 'e' },
		{ "limit", required_argument, NULL, 'n' },
		{ "tsv", no_argument, NULL, 't' },
		{ "head", no_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_audit o;
	struct core *c;
	char *cause = NULL, *end, day[11];
	int ch, rc;

	memset(&o, 0, sizeof o);
	o.limit = AUDIT_LIMIT_DEFAULT;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 's':
		case 'u':
			if (date_relative(optarg, day) != 0)
				return cmd_error(&cmd_audit_entry, CMD_USAGE,
				    "--%s '%s' is not a date (YYYY-MM-DD, today, "
				    "yesterday or -7d)",
				    ch == 's' ? "since" : "until", optarg);
			if (ch == 's')
				o.f.since = date_midnight(day);
			else	/* the whole of that day */
				o.until = date_midnight(day) + 86400;
			break;
		case 'l':
			if (str_copy(o.f.login, optarg, sizeof o.f.login) != 0)
				return cmd_error(&cmd_audit_entry, CMD_USAGE,
				    "--login '%s': no login is that long",
				    optarg);
			break;
		case 'e':
			if ((o.f.entity = cmd_entity(optarg)) == 0 &&
			    strcmp(optarg, "user") != 0 &&
			    strcmp(optarg, "attendance") != 0 &&
			    strcmp(optarg, "import") != 0)
				return cmd_error(&cmd_audit_entry, CMD_USAGE,
				    "--entity '%s': say agency, officer, "
				    "meeting, attendance, issue, training, "
				    "reward, user or import", optarg);
			if (strcmp(optarg, "user") == 0)
				o.f.entity = ENTITY_USER;
			else if (strcmp(optarg, "import") == 0)
				o.f.entity = ENTITY_IMPORT;
			else if (strcmp(optarg, "attendance") == 0)
				o.f.entity = ENTITY_ATTENDANCE;
			break;
		case 'n':
			o.limit = (size_t)strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0')
				return cmd_error(&cmd_audit_entry, CMD_USAGE,
				    "--limit '%s' is not a number", optarg);
			break;
		case 't':
			o.tsv = 1;
			break;
		case 'H':
			o.head = 1;
			break;
		case 'h':
			cmd_usage(&cmd_audit_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_audit_entry, stderr);
			return CMD_USAGE;
		}
	}
	if (optind != argc) {
		cmd_usage(&cmd_audit_entry, stderr);
		return CMD_USAGE;
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	rc = o.head ? cmd_audit_head(c, &cause) :
	    cmd_audit_list(c, &o, &cause);
	if (rc != 0)
		cmd_error(&cmd_audit_entry, CMD_FAIL, "%s", cause);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_audit_entry = {
	.name = "audit",
	.args = "[--since DATE] [--until DATE] [--login LOGIN] "
	    "[--entity KIND]\n           [--limit N] [--tsv] | --head",
	.summary = N_("Show who changed what and when, from the audit trail."),
	.help = N_("Oldest first. Without --since, the newest 100 records that "
	    "match (--limit N\nfor another number, 0 for all). An admin sees "
	    "every record, an editor\ntheir own and those about records in "
	    "their scope, a viewer their own.\n--tsv prints every column "
	    "tab-separated. --head prints the newest record's\nnumber and "
	    "the SHA-256 the trail's hash chain ends with: noted down "
	    "elsewhere,\nit lets a later `ogpo verify --head SEQ:HASH` show that\nnothing "
	    "up to it was rewritten.\n"),
	.exec = cmd_audit_exec,
};
