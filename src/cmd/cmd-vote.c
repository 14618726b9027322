/*
 * cmd-vote.c — `ogpo vote list|tally|ballot|import|close`: the month's
 * topic vote from a script. Votes and candidates are added with `ogpo
 * add vote|candidate`; ballots are typed here one by one or read from
 * the collected sheet, all of it or none. Only the tally is printed:
 * who approved what stays with the admins who entered it.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/cmd.h"
#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "ogpo/table.h"
#include "ogpo/vote.h"

/* One voter's ballot as read or typed, before the write. */
struct cmd_vote_ballot {
	char		 voter[OGPO_EMAIL_MAX + 1];	/* id or e-mail */
	char		 where[64];			/* "row 3" */
	uint32_t	 n;
	uint32_t	 choice[OGPO_COLLAB_MAX];
};

struct cmd_vote {
	uint32_t		 vote;
	struct cmd_vote_ballot	*b;
	size_t			 nb;
	uint32_t		 picks[VOTE_CHOSEN];
	size_t			 npicks;
	size_t			 added, replaced;
};

/* The officer a voter names: a number or an e-mail address. */
static int
cmd_vote_voter(struct store_txn *t, const struct cmd_vote_ballot *vb,
    struct officer *o, char **cause)
{
	uint32_t id;
	int rc;

	if (str_to_id(vb->voter, &id) == 0)
		rc = store_officer_get(t, id, o, NULL);
	else
		rc = store_officer_by_email(t, vb->voter, o, NULL);
	if (rc != 0)
		return err_set(cause, OGPO_INVALID, "%s%sno officer is '%s' "
		    "(give the number or the e-mail of ogpo list officers)",
		    vb->where, vb->where[0] ? ": " : "", vb->voter);
	return 0;
}

/* Write every ballot, each replacing the voter's earlier one. */
static int
cmd_vote_ballots_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct cmd_vote *cv = arg;
	struct officer o;
	uint32_t *seen = xcalloc(cv->nb ? cv->nb : 1, sizeof *seen);
	size_t i, j;
	int rc = 0, replaced;

	cv->added = cv->replaced = 0;
	for (i = 0; i < cv->nb && rc == 0; i++) {
		if ((rc = cmd_vote_voter(t, &cv->b[i], &o, cause)) != 0)
			break;
		seen[i] = o.h.id;
		for (j = 0; j < i; j++)
			if (seen[j] == o.h.id) {
				rc = err_set(cause, OGPO_INVALID, "%s%s%s "
				    "votes twice (also %s); keep one of the "
				    "two ballots", cv->b[i].where,
				    cv->b[i].where[0] ? ": " : "", o.email,
				    cv->b[j].where);
				break;
			}
		if (rc != 0)
			break;
		if ((rc = core_vote_ballot(c, t, cv->vote, o.h.id,
		    cv->b[i].choice, cv->b[i].n, &replaced, cause)) != 0) {
			if (cv->b[i].where[0] != '\0')
				rc = err_prefix(cause, rc, "%s",
				    cv->b[i].where);
			break;
		}
		replaced ? cv->replaced++ : cv->added++;
	}
	free(seen);
	return rc;
}

void
cmd_vote_candidate_note(const void *rec)
{
	const struct candidate *cd = rec;

	if (!core_candidate_join_unlinked(cd))
		return;
	fprintf(stderr, _("Candidate topic #%u is a Join proposal with no "
	    "case linked: neither of its deadlines (the proposer contacted "
	    "within 7 days, the answer within two months of passing) is "
	    "tracked, and the vote will not close choosing it. Add its case "
	    "(ogpo add case source=join join_no=... passed=...) and link it: "
	    "ogpo set candidate %u issue=ID.\n"), cd->h.id, cd->h.id);
}

/* "3,5" or "#3,#5": candidate numbers into vb. */
static int
cmd_vote_choices(const char *s, struct cmd_vote_ballot *vb)
{
	char *copy = xstrdup(s), *p, *save = NULL;
	uint32_t id;
	int rc = 0;

	vb->n = 0;
	for (p = strtok_r(copy, ", ", &save); p != NULL && rc == 0;
	    p = strtok_r(NULL, ", ", &save)) {
		if (*p == '#')
			p++;
		if (str_to_id(p, &id) != 0 || vb->n >= OGPO_COLLAB_MAX)
			rc = -1;
		else
			vb->choice[vb->n++] = id;
	}
	free(copy);
	return rc;
}

static void
cmd_vote_print_tally(struct store_txn *t, uint32_t vote)
{
	struct vote_tally k;
	struct candidate cd;
	struct vote v;
	struct issue *is;
	char *cause = NULL, n[16], *line;
	size_t i;

	if (core_vote_tally(t, vote, &k, &cause) != 0 ||
	    store_get(t, ENTITY_VOTE, vote, &v, NULL) != 0) {
		cmd_error(&cmd_vote_entry, CMD_FAIL, "%s", cause ? cause :
		    _("failed"));
		free(cause);
		return;
	}
	line = xasprintf(_("Vote #%u, %s (%s): %s. %zu of %zu eligible POs "
	    "voted."), vote, v.title, v.date,
	    _(model_enum_label(&model_vote_statuses, v.status)), k.ballots,
	    k.eligible);
	cmd_put_safe(stdout, line);
	fputc('\n', stdout);
	free(line);
	for (i = 0; i < k.n; i++) {
		if (store_get(t, ENTITY_CANDIDATE, k.c[i].candidate, &cd,
		    NULL) != 0)
			continue;
		snprintf(n, sizeof n, "#%u", cd.h.id);
		line = xasprintf(_("%6u  %-5s %s (%s)"), k.c[i].approvals, n,
		    cd.title, cd.source);
		cmd_put_safe(stdout, line);
		fputc('\n', stdout);
		free(line);
	}
	if (v.status == VOTE_OPEN && k.tie)
		printf(_("A tie decides the second place: close the vote with "
		    "--pick ID,ID.\n"));
	is = xmalloc(sizeof *is);
	for (i = 0; i < v.nchosen && i < OGPO_COLLAB_MAX; i++)
		if (store_issue_get(t, v.chosen[i], is, NULL) == 0) {
			line = xasprintf(_("Chosen: case %s %s (#%u)"),
			    is->serial, is->title, v.chosen[i]);
			cmd_put_safe(stdout, line);
			fputc('\n', stdout);
			free(line);
		}
	free(is);
}

static int
cmd_vote_list(struct core *c)
{
	static const struct cmd_column cols[] = {
		{ N_("ID"), 4 }, { N_("DATE"), 10 }, { N_("STATUS"), 8 },
		{ N_("VOTED"), 9 }, { N_("TITLE"), 0 },
	};
	struct store_txn *t;
	struct store_cursor *cur;
	struct vote v;
	struct vote_tally k;
	char id[16], voted[32], day[16], *cause = NULL;
	int rc;

	if ((rc = store_read_begin(core_store(c), &t, &cause)) != 0)
		goto out;
	cmd_table_header(stdout, cols, 5);
	if ((rc = store_cursor_open(t, IX_VOTE, NULL, &cur, &cause)) == 0) {
		while (store_cursor_move(cur, STORE_NEXT) == 0) {
			if (store_cursor_get(cur, &v, NULL) != 0 ||
			    core_vote_tally(t, v.h.id, &k, NULL) != 0)
				continue;
			snprintf(id, sizeof id, "%u", v.h.id);
			snprintf(voted, sizeof voted, "%zu/%zu", k.ballots,
			    k.eligible);
			const char *cells[] = { id, date_show(v.date, day,
				sizeof day), _(model_enum_label(
				&model_vote_statuses, v.status)), voted,
				v.title };
			cmd_table_row(stdout, cols, 5, cells);
		}
		store_cursor_close(cur);
	}
	store_read_end(t);
out:
	if (rc != 0)
		cmd_error(&cmd_vote_entry, CMD_FAIL, "%s", cause);
	free(cause);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

/* A cell that marks an approval: anything but empty, 0, 否, no, -. */
static int
cmd_vote_marked(const char *s)
{
	return *s != '\0' && strcmp(s, "0") != 0 && strcmp(s, "否") != 0 &&
	    strcasecmp(s, "no") != 0 && strcasecmp(s, "n") != 0 &&
	    strcmp(s, "-") != 0;
}

/*
 * The collected sheet: a header with 電子郵件 (or e-mail, 編號) for the
 * voter and one column per candidate (its title, or #number); a row a
 * voter, a mark under each topic approved. Read whole before the write.
 */
static int
cmd_vote_read(struct core *c, struct cmd_vote *cv, const char *path,
    char **cause)
{
	struct table_options to;
	struct table_parsed *p = NULL;
	struct table_reader *r = NULL;
	const struct table_row *row;
	struct store_txn *t;
	struct store_cursor *cur;
	struct candidate cd;
	struct spool sp;
	uint32_t col_cand[OGPO_COLLAB_MAX * 4];
	size_t i, ncol = 0, vcol = (size_t)-1, cap = 0;
	int rc, got, head = 1;

	if ((rc = spool_in(&sp, path, NULL, NULL, cause)) != 0)
		return rc;
	memset(&to, 0, sizeof to);
	/* A set-id ogpo reads the file in a process of its own. */
	if ((rc = table_parse(&p, path, sp.data, sp.len, &to, priv_setid(),
	    cause)) != 0 || (rc = table_parsed_open(&r, p, cause)) != 0)
		goto out;
	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0)
		goto out;
	while ((got = table_reader_next(r, &row, cause)) == 1) {
		if (head) {
			ncol = row->nfields < OGPO_COLLAB_MAX * 4 ?
			    row->nfields : OGPO_COLLAB_MAX * 4;
			for (i = 0; i < ncol; i++) {
				const char *h = str_trim(row->fields[i]);

				col_cand[i] = 0;
				if (strcmp(h, "電子郵件") == 0 ||
				    strcasecmp(h, "e-mail") == 0 ||
				    strcasecmp(h, "email") == 0) {
					vcol = i;
					continue;
				}
				if (store_cursor_open(t, IX_VOTE_CANDIDATE,
				    &cv->vote, &cur, NULL) != 0)
					continue;
				while (store_cursor_move(cur, STORE_NEXT) == 0)
					if (store_cursor_get(cur, &cd, NULL) ==
					    0 && (strcmp(cd.title, h) == 0 ||
					    (h[0] == '#' && (uint32_t)atol(h +
					    1) == cd.h.id)))
						col_cand[i] = cd.h.id;
				store_cursor_close(cur);
			}
			head = 0;
			if (vcol == (size_t)-1) {
				rc = err_set(cause, OGPO_INVALID, "%s: the "
				    "first row names no 電子郵件 (e-mail) "
				    "column for the voters", path);
				break;
			}
			continue;
		}
		if (vcol >= row->nfields || row->fields[vcol][0] == '\0')
			continue;
		if (cv->nb == cap) {
			cap = cap ? 2 * cap : 64;
			cv->b = xreallocarray(cv->b, cap, sizeof *cv->b);
		}
		memset(&cv->b[cv->nb], 0, sizeof cv->b[cv->nb]);
		str_copy(cv->b[cv->nb].voter, str_trim(row->fields[vcol]),
		    sizeof cv->b[cv->nb].voter);
		table_row_name(row, cv->b[cv->nb].where,
		    sizeof cv->b[cv->nb].where);
		for (i = 0; i < ncol && i < row->nfields; i++)
			if (col_cand[i] != 0 &&
			    cmd_vote_marked(str_trim(row->fields[i])) &&
			    cv->b[cv->nb].n < OGPO_COLLAB_MAX)
				cv->b[cv->nb].choice[cv->b[cv->nb].n++] =
				    col_cand[i];
		cv->nb++;
	}
	if (got < 0)
		rc = OGPO_INVALID;
	store_read_end(t);
out:
	if (r != NULL)
		table_reader_close(r);
	table_parsed_free(p);
	spool_free(&sp);
	return rc;
}

static int
cmd_vote_close_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct cmd_vote *cv = arg;

	return core_vote_close(c, t, cv->vote, cv->picks, cv->npicks, cause);
}

static int
cmd_vote_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_vote cv;
	struct cmd_vote_ballot one;
	struct store_txn *t;
	struct core *c;
	char *cause = NULL;
	const char *what;
	int rc = 0, i;

	memset(&cv, 0, sizeof cv);
	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		cmd_usage(&cmd_vote_entry, argc < 2 ? stderr : stdout);
		return argc < 2 ? CMD_USAGE : CMD_OK;
	}
	what = argv[1];
	if (strcmp(what, "list") != 0 && (argc < 3 ||
	    str_to_id(argv[2], &cv.vote) != 0))
		return cmd_error(&cmd_vote_entry, CMD_USAGE, "say which vote: "
		    "ogpo vote %s VOTE (see ogpo vote list)", what);
	if (strcmp(what, "ballot") == 0) {
		memset(&one, 0, sizeof one);
		if (argc != 5 || cmd_vote_choices(argv[4], &one) != 0)
			return cmd_error(&cmd_vote_entry, CMD_USAGE, "write a "
			    "ballot as: ogpo vote ballot VOTE OFFICER "
			    "CANDIDATE,CANDIDATE (numbers; OFFICER may be an "
			    "e-mail)");
		str_copy(one.voter, argv[3], sizeof one.voter);
		cv.b = &one;
		cv.nb = 1;
	} else if (strcmp(what, "close") == 0) {
		for (i = 3; i < argc; i++) {
			struct cmd_vote_ballot p;

			if (strcmp(argv[i], "--pick") != 0 || i + 1 >= argc ||
			    cmd_vote_choices(argv[i + 1], &p) != 0 ||
			    p.n > VOTE_CHOSEN)
				return cmd_error(&cmd_vote_entry, CMD_USAGE,
				    "close takes --pick ID,ID: the two "
				    "candidates chosen where a tie decides");
			memcpy(cv.picks, p.choice, p.n * sizeof *p.choice);
			cv.npicks = p.n;
			i++;
		}
	} else if (strcmp(what, "import") == 0 && argc != 4)
		return cmd_error(&cmd_vote_entry, CMD_USAGE, "say which file: "
		    "ogpo vote import VOTE FILE");
	else if (strcmp(what, "list") != 0 && strcmp(what, "tally") != 0 &&
	    strcmp(what, "import") != 0)
		return cmd_error(&cmd_vote_entry, CMD_USAGE, "'%s' is not a "
		    "vote command; choose list, tally, ballot, import or close",
		    what);
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (strcmp(what, "list") == 0) {
		rc = cmd_vote_list(c);
		core_close(c);
		return rc;
	}
	if (strcmp(what, "tally") == 0) {
		if ((rc = store_read_begin(core_store(c), &t, &cause)) == 0) {
			cmd_vote_print_tally(t, cv.vote);
			store_read_end(t);
		}
	} else if (strcmp(what, "close") == 0) {
		rc = core_run(c, cmd_vote_close_txn, &cv, &cause);
		if (rc == 0 && store_read_begin(core_store(c), &t,
		    &cause) == 0) {
			cmd_vote_print_tally(t, cv.vote);
			store_read_end(t);
		}
	} else {
		if (strcmp(what, "import") == 0)
			rc = cmd_vote_read(c, &cv, argv[3], &cause);
		if (rc == 0)
			rc = core_run(c, cmd_vote_ballots_txn, &cv, &cause);
		if (rc == 0)
			printf(_("Entered %zu ballots (%zu new, %zu replaced) "
			    "in vote #%u.\n"), cv.added + cv.replaced,
			    cv.added, cv.replaced, cv.vote);
		if (cv.b != &one)
			free(cv.b);
	}
	if (rc != 0)
		cmd_error(&cmd_vote_entry, CMD_FAIL, "%s", cause ? cause :
		    _("failed"));
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_vote_entry = {
	.name = "vote",
	.args = "list | tally VOTE | ballot VOTE OFFICER CANDIDATE,... | "
	    "import VOTE FILE | close VOTE [--pick ID,ID]",
	.summary = N_("The month's topic vote: ballots, the tally, the chosen "
	    "topics."),
	.help = N_("A vote and its candidates are added with ogpo add:\n"
	    "  ogpo add vote date=2026-07-10 title=7月議題票選\n"
	    "  ogpo add candidate vote=1 title=... source=Join lead=MOI\n"
	    "Only the POs in office on the vote's date vote, each once (a\n"
	    "later ballot replaces theirs); an admin enters the ballots, typed\n"
	    "or from the collected sheet (.ods, .xlsx or CSV: a 電子郵件 column\n"
	    "and one column per candidate, by title or #number, marked where\n"
	    "approved); all of a sheet is entered, or none. Only the tally is\n"
	    "shown. close makes the two most approved topics numbered cases\n"
	    "at the stage selected (選定); where a tie decides, --pick names\n"
	    "the two.\n"),
	.exec = cmd_vote_exec,
};
