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

#include "ogpo/ballots.h"
#include "ogpo/cmd.h"
#include "ogpo/vote.h"

struct cmd_vote {
	uint32_t		 vote;
	struct ballot_sheet	 bs;	/* read, or the one typed */
	uint32_t		 picks[VOTE_CHOSEN];
	size_t			 npicks;
	size_t			 added, replaced;
	int			 dry_run;
};

/* Write every ballot, each replacing the voter's earlier one. */
static int
cmd_vote_ballots_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct cmd_vote *cv = arg;

	return ballots_enter(c, t, cv->vote, &cv->bs, &cv->added,
	    &cv->replaced, cause);
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
cmd_vote_choices(const char *s, struct ballot_row *vb)
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
	struct ballot_row one;
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
		cv.bs.b = &one;
		cv.bs.nb = 1;
	} else if (strcmp(what, "close") == 0) {
		for (i = 3; i < argc; i++) {
			struct ballot_row p;

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
	} else if (strcmp(what, "import") == 0 && (argc < 4 || argc > 5 ||
	    (argc == 5 && strcmp(argv[4], "--dry-run") != 0 &&
	    strcmp(argv[4], "-n") != 0) || argv[3][0] == '-'))
		return cmd_error(&cmd_vote_entry, CMD_USAGE, "say which file: "
		    "ogpo vote import VOTE FILE [--dry-run]");
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
		if (strcmp(what, "import") == 0) {
			cv.dry_run = argc == 5;
			rc = ballots_read(c, cv.vote, argv[3], &cv.bs,
			    &cause);
		}
		if (rc == 0)
			rc = (cv.dry_run ? core_dry : core_run)(c,
			    cmd_vote_ballots_txn, &cv, &cause);
		if (rc == 0 && cv.bs.notes != NULL)
			cmd_put_lines(stdout, cv.bs.notes);
		if (rc == 0)
			printf(cv.dry_run ? _("Would enter %zu ballots (%zu "
			    "new, %zu replaced) in vote #%u (dry run, nothing "
			    "was written).\n") : _("Entered %zu ballots (%zu "
			    "new, %zu replaced) in vote #%u.\n"), cv.added +
			    cv.replaced, cv.added, cv.replaced, cv.vote);
		if (rc == 0 && cv.bs.superseded + cv.bs.empty > 0)
			printf(_("Not entered: %zu rows superseded by the "
			    "voter's later submission, %zu approving no "
			    "topic.\n"), cv.bs.superseded, cv.bs.empty);
		if (cv.bs.b != &one)
			ballots_free(&cv.bs);
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
	    "import VOTE FILE [--dry-run] | close VOTE [--pick ID,ID]",
	.summary = N_("The month's topic vote: ballots, the tally, the chosen "
	    "topics."),
	.help = N_("A vote and its candidates are added with ogpo add:\n"
	    "  ogpo add vote date=2026-07-10 title=7月議題票選\n"
	    "  ogpo add candidate vote=1 title=... source=Join lead=MOI\n"
	    "Only the POs in office on the vote's date vote, each once (a\n"
	    "later ballot replaces theirs); an admin enters the ballots,\n"
	    "typed or from the collected sheet (.ods, .xlsx or CSV): Google\n"
	    "Forms' or Microsoft Forms' responses as they download (the\n"
	    "e-mail, and the question's cell listing the topics ticked), or\n"
	    "a sheet with a 電子郵件 (or 機關) column and a column per topic,\n"
	    "by title or #number, marked V where approved. Of a voter's two\n"
	    "submissions the later counts; a row approving nothing is not\n"
	    "entered. All of a sheet is entered, or none; --dry-run says what\n"
	    "would be. Only the tally is shown. close makes the two most\n"
	    "approved topics numbered cases at the stage selected (選定);\n"
	    "where a tie decides, --pick names the two.\n"),
	.exec = cmd_vote_exec,
};
