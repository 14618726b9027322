/*
 * cmd-user.c — `ogpo user add|list|remove`: who may use the database and
 * what each may do. `ogpo user` alone tells you your own role.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

struct cmd_user {
	const char	*login;
	const char	*role;
	const char	*agencies;	/* "MOI,MOTC", or NULL */
	int		 changed;	/* out: the user existed */
	char		 scope[2048];	/* out: an editor's agencies */
};

/*
 * An editor's agencies: their codes, "MOI,MOTC" (for lists and
 * scripts), or with names, 勞動部（MOL）、內政部（MOI） (said back to a
 * person); an agency gone is its number.
 */
static void
cmd_user_scope(struct store_txn *t, const struct user *u, int names,
    char *buf, size_t n)
{
	struct agency a;
	size_t used = 0;
	uint32_t i;
	const char *sep = names ? "、" : ",";

	buf[0] = '\0';
	for (i = 0; i < u->nscope && i < OGPO_COLLAB_MAX && used < n; i++) {
		if (store_agency_get(t, u->scope[i], &a, NULL) != 0)
			used += (size_t)snprintf(buf + used, n - used, "%s#%u",
			    i ? sep : "", u->scope[i]);
		else if (names)
			used += (size_t)snprintf(buf + used, n - used,
			    "%s%s（%s）", i ? sep : "", a.name, a.code);
		else
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
			    i ? sep : "", a.code);
	}
	str_utf8_cut(buf);
}

static int
cmd_user_add_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	struct cmd_user *a = arg;
	struct user u;
	char *assign;
	int rc;

	rc = store_user_get(t, a->login, &u, cause);
	if (rc != 0 && rc != OGPO_NOTFOUND)
		return rc;
	a->changed = rc == 0;
	if (rc == OGPO_NOTFOUND) {
		memset(&u, 0, sizeof u);
		if (str_copy(u.login, a->login, sizeof u.login) != 0)
			return err_set(cause, OGPO_INVALID, "login '%s' is "
			    "longer than %d characters", a->login,
			    OGPO_LOGIN_MAX);
	}
	if (model_enum_parse(&model_user_roles, a->role, &u.role) != 0)
		return err_set(cause, OGPO_INVALID, "--role '%s': say admin, "
		    "editor or viewer", a->role);
	if (a->agencies != NULL) {
		assign = xasprintf("scope=%s", a->agencies);
		rc = cmd_assign(t, &schema_user, &u, assign, cause);
		free(assign);
		if (rc != 0)
			return err_prefix(cause, rc, "--agency");
	} else if (u.role != UROLE_EDITOR)
		u.nscope = 0;
	if (u.role == UROLE_EDITOR && u.nscope == 0)
		return err_set(cause, OGPO_INVALID, "an editor needs the "
		    "agencies they may edit: --agency CODE[,CODE...]");
	if (u.role != UROLE_EDITOR && u.nscope != 0)
		return err_set(cause, OGPO_INVALID, u.role == UROLE_ADMIN ?
		    N_("only an editor has a scope: %s may edit every "
		    "agency") : N_("only an editor has a scope: %s may read "
		    "every agency"), a->login);
	u.h.version = 0;
	if ((rc = core_save(c, t, ENTITY_USER, &u, cause)) != 0)
		return rc;
	cmd_user_scope(t, &u, 1, a->scope, sizeof a->scope);
	return 0;
}

static int
cmd_user_remove_txn(struct core *c, struct store_txn *t, void *arg,
    char **cause)
{
	return core_user_remove(c, t, ((struct cmd_user *)arg)->login, cause);
}

/* Print the users, as a table or as TSV. */
static int
cmd_user_list(struct core *c, int tsv, char **cause)
{
	static const struct cmd_column cols[] = {
		{ N_("LOGIN"), 16 }, { N_("ROLE"), 8 }, { N_("SCOPE"), 24 },
		{ N_("CHANGED"), 0 },
	};
	struct store_txn *t;
	struct store_cursor *cur;
	struct user u;
	char scope[512], when[32], changed[OGPO_LOGIN_MAX + 64];
	const char *cells[4];
	int rc;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0)
		return rc;
	if ((rc = store_cursor_open(t, IX_USER, NULL, &cur, cause)) != 0) {
		store_read_end(t);
		return rc;
	}
	if (tsv)
		printf("login\trole\tscope\tupdated_at\tupdated_by\n");
	else
		cmd_table_header(stdout, cols, 4);
	while (store_cursor_move(cur, STORE_NEXT) == 0) {
		if ((rc = store_cursor_get(cur, &u, cause)) != 0)
			break;
		cmd_user_scope(t, &u, 0, scope, sizeof scope);
		time_format(u.h.updated_at, when, sizeof when);
		if (tsv) {
			cmd_tsv_cell(stdout, u.login);
			printf("\t%s\t",
			    model_enum_name(&model_user_roles, u.role));
			cmd_tsv_cell(stdout, scope);
			printf("\t%s\t", when);
			cmd_tsv_cell(stdout, u.h.updated_by);
			putchar('\n');
			continue;
		}
		time_show(u.h.updated_at, when, sizeof when);
		snprintf(changed, sizeof changed, _("%s by %s"), when,
		    u.h.updated_by);
		cells[0] = u.login;
		cells[1] = _(model_enum_label(&model_user_roles, u.role));
		cells[2] = u.role == UROLE_EDITOR ? scope : _("(all)");
		cells[3] = changed;
		cmd_table_row(stdout, cols, 4, cells);
	}
	store_cursor_close(cur);
	store_read_end(t);
	return rc;
}

/* `ogpo user`: who the database takes you for. */
static int
cmd_user_whoami(struct core *c, char **cause)
{
	struct store_txn *t;
	struct user u;
	char scope[512], *shown;
	int rc, known;

	if ((rc = store_read_begin(core_store(c), &t, cause)) != 0)
		return rc;
	known = core_whoami(c, t, &u);
	cmd_user_scope(t, &u, 0, scope, sizeof scope);
	store_read_end(t);
	shown = cmd_safe(core_login(c));
	printf(_("You are %s: "), shown);
	free(shown);
	if (!known)
		printf(_("not a user of this database, so you may only read "
		    "it.\n"));
	else if (u.role == UROLE_ADMIN)
		printf(_("an admin; you may change everything, users too.\n"));
	else if (u.role == UROLE_EDITOR) {
		shown = cmd_safe(scope);
		printf(_("an editor of %s and the agencies below them.\n"),
		    shown);
		free(shown);
	}
	else
		printf(_("a viewer; you may only read.\n"));
	return 0;
}

static int
cmd_user_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "agency", required_argument, NULL, 'a' },
		{ "tsv", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_user a = { NULL, NULL, NULL, 0, "" };
	const char *verb = argc >= 2 ? argv[1] : "";
	struct core *c;
	char *cause = NULL, *shown;
	int ch, tsv = 0, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			a.role = optarg;
			break;
		case 'a':
			a.agencies = optarg;
			break;
		case 't':
			tsv = 1;
			break;
		case 'h':
			cmd_usage(&cmd_user_entry, stdout);
			return CMD_OK;
		default:
			cmd_usage(&cmd_user_entry, stderr);
			return CMD_USAGE;
		}
	}
	verb = optind < argc ? argv[optind] : "";
	if (strcmp(verb, "add") == 0 || strcmp(verb, "remove") == 0) {
		if (optind + 2 != argc)
			return cmd_error(&cmd_user_entry, CMD_USAGE, "say "
			    "which login: ogpo user %s LOGIN", verb);
		a.login = argv[optind + 1];
		if (*verb == 'a' && a.role == NULL)
			return cmd_error(&cmd_user_entry, CMD_USAGE, "say "
			    "which role: --role admin, editor or viewer");
	} else if (strcmp(verb, "list") != 0 && *verb != '\0') {
		return cmd_error(&cmd_user_entry, CMD_USAGE, "'%s': say add, "
		    "list or remove", verb);
	} else if (optind + (*verb != '\0') != argc) {
		return cmd_error(&cmd_user_entry, CMD_USAGE, "too many "
		    "arguments");
	}
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	if (*verb == '\0')
		rc = cmd_user_whoami(c, &cause);
	else if (strcmp(verb, "list") == 0)
		rc = cmd_user_list(c, tsv, &cause);
	else if (*verb == 'a') {
		if ((rc = core_run(c, cmd_user_add_txn, &a, &cause)) == 0) {
			shown = cmd_safe(a.login);
			/* An editor's scope said back: the agencies the
			 * codes typed name, and that those below count. */
			if (a.scope[0] != '\0') {
				char *scope = cmd_safe(a.scope);

				printf(a.changed ? _("Changed %s: an editor of "
				    "%s and the agencies below them.\n") :
				    _("Added %s: an editor of %s and the "
				    "agencies below them.\n"), shown, scope);
				free(scope);
			} else
				printf(a.changed ? _("Changed %s: %s.\n") :
				    _("Added %s: %s.\n"), shown, a.role);
			if (getpwnam(a.login) == NULL)
				printf(_("Note: this system has no account named "
				    "%s (yet).\n"), shown);
			free(shown);
		}
	} else if ((rc = core_run(c, cmd_user_remove_txn, &a, &cause)) == 0) {
		shown = cmd_safe(a.login);
		printf(_("Removed %s; they may now only read (or not open the "
		    "database at all, if it lets only its users in).\n"),
		    shown);
		free(shown);
	}
	if (rc != 0)
		cmd_error(&cmd_user_entry, CMD_FAIL, "%s", cause);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_user_entry = {
	.name = "user",
	.args = "[add LOGIN --role admin|editor|viewer [--agency CODE[,CODE...]]"
	    "\n           | list [--tsv] | remove LOGIN]",
	.summary = N_("Say who may use the database and what each may do."),
	.help = N_("An admin may change everything, users too; an editor may "
	    "change the\nagencies given with --agency, the agencies below "
	    "them, their officers, and\nthe meetings and issues they lead; "
	    "a viewer may only read. Logins the\nlist does not name may "
	    "only read (or, with unknown_users = refuse in\n/etc/ogpo.conf, "
	    "not open the database). Root is always an admin. Adding a\n"
	    "login that is there already changes it. With no arguments: "
	    "your own role.\n"),
	.exec = cmd_user_exec,
};
