/*
 * config.c — settings from the system's file and the user's, checked
 * against one table of the keys ogpo knows. Files are read with the
 * user's own rights: nothing here takes up the group's. The user's file
 * is read aside (aside.h), by a process that holds nothing of the shared
 * database; what it sends is checked against the same table.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ogpo/aside.h"
#include "ogpo/config.h"
#include "ogpo/priv.h"
#include "ogpo/util.h"

/* A keymap is a name (default, vi, emacs, one installed) or a path. */
static int
config_check_keymap(const char *v)
{
	const char *p;

	if (*v == '\0')
		return 0;
	if (strchr(v, '/') != NULL)
		return 1;
	for (p = v; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		    *p == '.'))
			return 0;
	return 1;
}

/* The threshold is checked here once, so ogpo check and the tab agree. */
static int
config_check_percent(const char *v)
{
	double d;

	return config_percent(v, &d) == 0;
}

/* The database directory must not depend on where ogpo is started. */
static int
config_check_dir(const char *v)
{
	return v[0] == '/';
}

const struct config_key config_keys[] = {
	{ "keymap", NULL, config_check_keymap,
	    N_("default, vi, emacs or a keymap file's path"), "default", 0,
	    N_("the keys: default, vi, emacs, or a keymap file's path") },
	{ "attendance_threshold", NULL, config_check_percent,
	    N_("a percentage (write 75%)"), "75%", 0,
	    N_("attendance below this is low (ogpo check, Compliance tab)") },
	{ "ui.lang", "zh_TW|en", NULL, NULL, NULL, 0,
	    N_("the language of the screens; unset, the locale's") },
	{ "date_style", "iso|roc", NULL, NULL, "iso", 0,
	    N_("dates as 2024-05-08 (iso) or 民國113年5月8日 (roc)") },
	{ "name_order", "locale|stroke", NULL, NULL, "locale", 0,
	    N_("sort names by the locale or by stroke count") },
	{ "ambiguous_width", "1|2", NULL, NULL, "1", 0,
	    N_("cells for East Asian ambiguous-width characters") },
	{ "theme", "default|light|mono", NULL, NULL, "default", 0,
	    N_("colours for a dark or a light terminal, or mono (attributes "
	    "only; NO_COLOR forces it)") },
	{ "mouse", "on|off", NULL, NULL, "off", 0,
	    N_("click a row or a tab, scroll with the wheel") },
	{ "export_encoding", "utf-8|big5", NULL, NULL, "utf-8", 0,
	    N_("ogpo export's encoding when --encoding is not given") },
	{ "db", NULL, config_check_dir, N_("an absolute directory path"), NULL,
	    CONFIG_SYSTEM,
	    N_("the shared database directory; unset, ~/.local/share/ogpo") },
	{ "unknown_users", "viewer|refuse", NULL, NULL, "viewer",
	    CONFIG_SYSTEM,
	    N_("a login with no role: may read (viewer), or is refused") },
};
const size_t config_nkeys = sizeof config_keys / sizeof config_keys[0];

#define CONFIG_NKEYS (sizeof config_keys / sizeof config_keys[0])

/* A problem of a load, in the order the lines came. */
struct config_note {
	char	*text;		/* the sentence; NULL for a bad value: */
	char	*where;		/* "FILE:LINE" */
	size_t	 key;
	char	*value;
};

static struct {
	int			 loaded;
	char			*value[CONFIG_NKEYS];	/* NULL: default */
	char			*origin[CONFIG_NKEYS];
	struct config_note	*notes;
	size_t			 nnotes;
	char			*problems;
	int			 nproblems;	/* its lines */
} config_state;

char *
config_path(void)
{
	return user_dir("XDG_CONFIG_HOME", ".config", "ogpo/config");
}

static const char *config_sysconf = OGPO_SYSCONF;

void
config_set_system_path(const char *path)
{
	config_sysconf = path;
}

const char *
config_system_path(void)
{
	const char *env = getenv("OGPO_SYSCONF");

	if (!priv_setid() && env != NULL && *env != '\0')
		return env;
	return config_sysconf;
}

int
config_percent(const char *s, double *fraction)
{
	char *end;
	double d;
	int percent;

	d = strtod(s, &end);
	/* "60%" is always a percentage; a bare number above 1 is one too. */
	percent = *end == '%' || d > 1;
	if (*end == '%')
		end++;
	if (end == s || *end != '\0' || !(d > 0) || (percent && d > 100) ||
	    (!percent && d > 1))
		return -1;
	*fraction = percent ? d / 100.0 : d;
	return 0;
}

/* The table's index of key, or -1. */
static int
config_index(const char *key)
{
	size_t i;

	for (i = 0; i < CONFIG_NKEYS; i++)
		if (strcmp(config_keys[i].name, key) == 0)
			return (int)i;
	return -1;
}

/* 1 if v is one of k's choices ("a|b|c"), or passes its check. */
static int
config_valid(const struct config_key *k, const char *v)
{
	const char *p = k->choices, *bar;
	size_t len = strlen(v);

	if (p == NULL)
		return k->check(v);
	for (;;) {
		bar = strchr(p, '|');
		if ((bar ? (size_t)(bar - p) : strlen(p)) == len &&
		    strncmp(p, v, len) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

/* What k accepts, for a complaint: "one of iso, roc". */
static char *
config_expect(const struct config_key *k)
{
	char *s, *t, *p;

	if (k->choices == NULL)
		return xstrdup(_(k->expect));
	s = xasprintf(_("one of %s"), k->choices);
	while ((p = strchr(s, '|')) != NULL) {
		*p = '\0';
		t = xasprintf("%s, %s", s, p + 1);
		free(s);
		s = t;
	}
	return s;
}

/* Note a problem of this load (text: a new string, or NULL). */
static struct config_note *
config_note(char *text)
{
	struct config_note *n;

	config_state.notes = xreallocarray(config_state.notes,
	    config_state.nnotes + 1, sizeof *config_state.notes);
	n = &config_state.notes[config_state.nnotes++];
	memset(n, 0, sizeof *n);
	n->text = text;
	return n;
}

/*
 * Put value in force for key i, as coming from origin. Either may be the
 * one in force now (config_set of what config_get gave): copied first.
 */
static void
config_store(size_t i, const char *value, const char *origin)
{
	char *v = xstrdup(value), *o = xstrdup(origin);

	free(config_state.value[i]);
	free(config_state.origin[i]);
	config_state.value[i] = v;
	config_state.origin[i] = o;
}

/* Take one line of path; system says whether it is the system's file. */
static void
config_line(const char *path, unsigned lineno, char *line, int system)
{
	char *p = str_trim(line), *eq, *key, *value, *where;
	struct config_note *n;
	int i;

	if (*p == '\0' || *p == '#')
		return;
	/* " # …" after a value is a comment too (what --print-config
	 * writes): a '#' with a blank before it. */
	for (eq = p; (eq = strchr(eq, '#')) != NULL; eq++)
		if (eq[-1] == ' ' || eq[-1] == '\t') {
			*eq = '\0';
			p = str_trim(p);
			break;
		}
	if ((eq = strchr(p, '=')) == NULL) {
		config_note(xasprintf(_("%s:%u: '%s' is not KEY = VALUE; the "
		    "line is ignored"), path, lineno, p));
		return;
	}
	*eq = '\0';
	key = str_trim(p);
	value = str_trim(eq + 1);
	if ((i = config_index(key)) < 0) {
		config_note(xasprintf(_("%s:%u: '%s' is not a setting ogpo "
		    "knows (ogpo --print-config lists them); the line is "
		    "ignored"), path, lineno, key));
		return;
	}
	if ((config_keys[i].flags & CONFIG_SYSTEM) && !system) {
		config_note(xasprintf(_("%s:%u: %s can only be set in %s, by "
		    "the administrator; the line is ignored"), path, lineno,
		    key, config_system_path()));
		return;
	}
	where = xasprintf("%s:%u", path, lineno);
	if (!config_valid(&config_keys[i], value)) {
		/* Told once every line is read, with the value then in
		 * force. */
		n = config_note(NULL);
		n->where = where;
		n->key = (size_t)i;
		n->value = xstrdup(value);
		return;
	}
	config_store((size_t)i, value, where);
	free(where);
}

/*
 * Who else than root may change a file or directory of uid and mode that
 * priv_roots_file found wanting for why, as words to follow "the file"
 * or "which": a new string.
 */
static char *
config_not_roots(enum priv_fault_why why, uid_t uid, mode_t mode)
{
	struct passwd *pw;

	if (why == PRIV_FAULT_OWNER) {
		if ((pw = getpwuid(uid)) != NULL)
			return xasprintf(_("belongs to %s"), pw->pw_name);
		return xasprintf(_("belongs to user %lu"),
		    (unsigned long)uid);
	}
	return xasprintf(_("may be written by others than root (mode %o)"),
	    (unsigned)(mode & 07777));
}

/*
 * The system's file says where the shared database is and who may use it
 * at all: a set-id ogpo takes it only when root alone may change it, the
 * file opened as fd and every directory above it (by the walk
 * store_check_path makes for the database's own, but that no directory
 * may be the group's to write). Else the login that may change it could
 * let in those the administrator shut out. 0, or -1 with the problem
 * noted.
 */
static int
config_check_system(const char *path, int fd)
{
	char real[PATH_MAX], *who;
	enum priv_fault_why why;
	struct priv_fault f;
	struct stat st;

	if (fstat(fd, &st) != 0 || realpath(path, real) == NULL) {
		config_note(xasprintf("%s: %s", path, strerror(errno)));
		return -1;
	}
	if ((why = priv_roots_file(&st, (gid_t)-1)) != PRIV_FAULT_NONE) {
		who = config_not_roots(why, st.st_uid, st.st_mode);
		config_note(xasprintf(_("%s: the file %s; ogpo takes the "
		    "system's settings only from a file root alone may "
		    "change, and does not use these (as root: chown "
		    "root:root %s && chmod go-w %s)"), path, who, path, path));
		free(who);
		return -1;
	}
	if (priv_roots_only(real, (gid_t)-1, &f) == 0)
		return 0;
	if (f.why == PRIV_FAULT_STAT)
		config_note(xasprintf("%s: %s", f.dir, strerror(f.error)));
	else {
		who = config_not_roots(f.why, f.uid, f.mode);
		config_note(xasprintf(_("%s: it lies in %s, which %s; ogpo "
		    "takes the system's settings only from a file root alone "
		    "may change, and does not use these (as root: chown root "
		    "%s && chmod go-w %s)"), path, f.dir, who, f.dir, f.dir));
		free(who);
	}
	free(f.dir);
	return -1;
}

/* Read one file; a missing one is no problem, an unreadable one is. */
static void
config_file(const char *path, int system)
{
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		if (access(path, F_OK) == 0)
			config_note(xasprintf(_("%s: cannot be read; its "
			    "settings are not used"), path));
		return;
	}
	if (system && priv_setid() &&
	    config_check_system(path, fileno(f)) != 0) {
		fclose(f);
		return;
	}
	while (getline(&line, &cap, f) != -1)
		config_line(path, ++lineno, line, system);
	free(line);
	fclose(f);
}

/* Add line (freed) to the problems told. */
static void
config_problem(char *line)
{
	char *all;

	all = xasprintf("%s%s%s", config_state.problems ?
	    config_state.problems : "", config_state.problems ? "\n" : "",
	    line);
	free(config_state.problems);
	free(line);
	config_state.problems = all;
	config_state.nproblems++;
}

/* The problems as one text, bad values saying what is used instead. */
static void
config_finish(void)
{
	struct config_note *n;
	const char *v;
	char *line, *expect;
	size_t i;

	for (i = 0; i < config_state.nnotes; i++) {
		n = &config_state.notes[i];
		if (n->text != NULL)
			line = xstrdup(n->text);
		else {
			expect = config_expect(&config_keys[n->key]);
			v = config_get(config_keys[n->key].name);
			line = v ? xasprintf(_("%s: %s '%s' is not %s; using "
			    "%s"), n->where, config_keys[n->key].name, n->value,
			    expect, v) : xasprintf(_("%s: %s '%s' is not %s; "
			    "the line is ignored"), n->where,
			    config_keys[n->key].name, n->value, expect);
			free(expect);
		}
		config_problem(line);
	}
}

void
config_reset(void)
{
	size_t i;

	for (i = 0; i < CONFIG_NKEYS; i++) {
		free(config_state.value[i]);
		free(config_state.origin[i]);
	}
	for (i = 0; i < config_state.nnotes; i++) {
		free(config_state.notes[i].text);
		free(config_state.notes[i].where);
		free(config_state.notes[i].value);
	}
	free(config_state.notes);
	free(config_state.problems);
	memset(&config_state, 0, sizeof config_state);
}

int
config_load_files(const char *system, const char *user)
{
	const char *nc = getenv("NO_COLOR");

	config_reset();
	config_state.loaded = 1;
	if (system != NULL)
		config_file(system, 1);
	if (user != NULL)
		config_file(user, 0);
	/* https://no-color.org: any value but the empty one. */
	if (nc != NULL && *nc != '\0')
		config_store((size_t)config_index("theme"), "mono", "NO_COLOR");
	config_finish();
	return config_state.nproblems;
}

#define CONFIG_ASIDE_MAX	(16 << 20)	/* what a child may send */

/* The two files, as config_send reads them. */
struct config_files {
	const char	*system, *user;
};

/* Aside: both files read, every value in force and the problems sent. */
static int
config_send(FILE *f, void *arg)
{
	const struct config_files *cf = arg;
	size_t i;

	config_load_files(cf->system, cf->user);
	aside_put_u32(f, (uint32_t)config_state.nproblems);
	for (i = 0; i < CONFIG_NKEYS; i++) {
		aside_put_str(f, config_state.value[i]);
		aside_put_str(f, config_state.origin[i]);
	}
	aside_put_str(f, config_state.problems);
	return ferror(f) ? -1 : 0;
}

/*
 * Every value must be one its key accepts, with its origin; the keys
 * only the system's file sets stay as they are.
 */
int
config_receive(const char *buf, size_t len)
{
	struct aside_in in = { buf, len, 0 };
	const char *value[CONFIG_NKEYS], *origin[CONFIG_NKEYS], *problems;
	uint32_t n;
	size_t i;

	if (!aside_take_u32(&in, &n) || n > INT32_MAX)
		return -1;
	for (i = 0; i < CONFIG_NKEYS; i++) {
		if (!aside_take_str(&in, &value[i], len, 1) ||
		    !aside_take_str(&in, &origin[i], len, 1) ||
		    (value[i] == NULL) != (origin[i] == NULL) ||
		    (value[i] != NULL && !config_valid(&config_keys[i],
		    value[i])))
			return -1;
	}
	if (!aside_take_str(&in, &problems, len, 1) || !aside_done(&in) ||
	    (n == 0) != (problems == NULL))
		return -1;
	for (i = 0; i < CONFIG_NKEYS; i++) {
		if (config_keys[i].flags & CONFIG_SYSTEM)
			continue;
		if (value[i] != NULL)
			config_store(i, value[i], origin[i]);
		else {
			free(config_state.value[i]);
			free(config_state.origin[i]);
			config_state.value[i] = config_state.origin[i] = NULL;
		}
	}
	free(config_state.problems);
	config_state.problems = problems ? xstrdup(problems) : NULL;
	config_state.nproblems = (int)n;
	return 0;
}

/*
 * The system's file is the administrator's and says where the shared
 * database is: read here. The user's is read aside, the system's again
 * with it so that the problems are told as one list in order.
 */
int
config_load(void)
{
	struct config_files cf;
	char *user, *buf = NULL, *cause = NULL;
	size_t len = 0;
	int rc;

	if (config_state.loaded)
		return config_state.nproblems;
	user = config_path();
	cf.system = config_system_path();
	cf.user = user;
	rc = aside_run(config_send, &cf, CONFIG_ASIDE_MAX, &buf, &len,
	    &cause);
	config_load_files(cf.system, NULL);
	if (rc != 0 || config_receive(buf, len) != 0) {
		if (rc == 0)
			cause = xstrdup(_("the process reading it sent what "
			    "settings are not"));
		config_problem(xasprintf(_("%s: could not be read: %s; its "
		    "settings are not used"), user, cause));
	}
	free(cause);
	free(buf);
	free(user);
	return config_state.nproblems;
}

const char *
config_problems(void)
{
	config_load();
	return config_state.problems;
}

const char *
config_get(const char *key)
{
	int i = config_index(key);

	if (i < 0)
		return NULL;
	config_load();
	return config_state.value[i] ? config_state.value[i] :
	    config_keys[i].def;
}

const char *
config_origin(const char *key)
{
	int i = config_index(key);

	if (i < 0)
		return NULL;
	config_load();
	return config_state.origin[i] ? config_state.origin[i] : "default";
}

int
config_set(const char *key, const char *value, const char *origin,
    char **cause)
{
	int i = config_index(key);
	char *expect;

	if (i < 0)
		return err_set(cause, -1, "'%s' is not a setting ogpo knows",
		    key);
	config_load();
	if (!config_valid(&config_keys[i], value)) {
		expect = config_expect(&config_keys[i]);
		err_set(cause, -1, "%s: '%s' is not %s", origin, value, expect);
		free(expect);
		return -1;
	}
	config_store((size_t)i, value, origin);
	return 0;
}

int
config_lookup(const char *key, char *value, size_t n, char *where, size_t wn)
{
	int i = config_index(key);

	if (i < 0)
		return 0;
	config_load();
	if (config_state.value[i] == NULL)
		return 0;
	str_copy(value, config_state.value[i], n);
	if (where != NULL)
		snprintf(where, wn, "%s", config_state.origin[i]);
	return 1;
}
