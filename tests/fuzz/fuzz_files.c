/*
 * fuzz_files.c — libFuzzer target for the small files of a person's own
 * that ogpo reads: a keymap, the settings file and a kept draft; and for
 * what the process that reads them sends back (aside.h), which ogpo
 * takes only after checking it, as a reader gone wrong could send
 * anything. Each file is read through the very function the program
 * calls, from a file, so NUL bytes, a missing last newline and every
 * length reach the parsers as they would from disk.
 *
 *   byte 0  (bits 0-6) % 6 picks: 3 the settings ('c'), 4 a draft ('d'),
 *           5 a keymap ('k'), so a text seed can start with the letter;
 *           0 ('`'), 1 ('a') and 2 ('b') what a reader of each sent;
 *           bit 7 reads settings as the system's file, and a keymap on
 *           top of the compiled-in default one
 *
 * What is read or taken must hold: a key bound reads back from its own
 * name, each binding's context and action are in the tables, each
 * setting in force is one the setting accepts, and a draft's values go
 * into a record of its kind, the record's label made, without a byte out
 * of place.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ogpo/aside.h"
#include "ogpo/config.h"
#include "ogpo/draft.h"
#include "ogpo/keymap.h"
#include "ogpo/schema.h"
#include "ogpo/util.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Where the drafts taken back must be, and their database. */
#define FUZZ_STATE	"/nonexistent/fuzz-state"
#define FUZZ_DRAFTS	FUZZ_STATE "/ogpo/drafts/"
#define FUZZ_DB		"/nonexistent/fuzz-db"

/* The program's contexts and actions, as the keymaps name them. */
static const char *const fuzz_contexts[] = {
	"global", "list", "tree", "form", "dialog", "help", "attend",
	"agencies", "officers", "meetings", "issues", "compliance", "audit",
	"users", "officer", "resolutions", "vote", "finding",
};
static const char *const fuzz_actions[] = {
	"absent", "add", "add_progress", "add_reward", "add_training",
	"agenda", "ballot", "cancel", "cancelled", "close", "close_vote",
	"collapse", "command", "deadlines", "decisions", "delete", "detail",
	"down", "edit", "end", "end_designation", "excused", "expand",
	"export", "filter_agency", "held", "help", "home", "import",
	"invite", "invite_external", "new_meeting", "next_field",
	"next_tab", "no", "note", "online", "open_vote", "page_down",
	"page_up", "pick", "present", "prev_field", "prev_tab", "propose",
	"proxy", "quit", "redraw", "release", "resolutions", "save",
	"save_rejects", "search", "search_clear", "search_next",
	"search_prev", "select", "show_all", "signin", "sort_next",
	"sort_reverse", "summary", "tab_agencies", "tab_audit",
	"tab_compliance", "tab_issues", "tab_meetings", "tab_officers",
	"tab_users", "toggle", "undo", "uninvite", "unmark", "up", "vote",
	"votes", "who", "yes",
};
#define FUZZ_NCTX	(sizeof fuzz_contexts / sizeof fuzz_contexts[0])
#define FUZZ_NACT	(sizeof fuzz_actions / sizeof fuzz_actions[0])

static void
fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_files: %s: %s\n", what, detail ? detail : "");
	abort();
}

/*
 * The bytes as a file of their own, by a real name: a draft is opened
 * with O_NOFOLLOW, which /proc/self/fd/N (a link) would never pass.
 */
static char fuzz_dir[] = "/tmp/ogpo-fuzz-files.XXXXXX";
static char fuzz_path[sizeof fuzz_dir + 16];

static void
fuzz_cleanup(void)
{
	unlink(fuzz_path);
	rmdir(fuzz_dir);
}

static void
fuzz_file(const uint8_t *data, size_t size)
{
	FILE *f;

	if ((f = fopen(fuzz_path, "wb")) == NULL ||
	    (size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
}

static void	fuzz_keymap_check(const struct keymap *);

static void
fuzz_keymap(const char *path, int on_default)
{
	struct keymap *km;
	char *errors = NULL;
	int bad;

	if ((km = keymap_new(fuzz_contexts, FUZZ_NCTX, fuzz_actions,
	    FUZZ_NACT)) == NULL)
		abort();
	keymap_set_parent(km, 7, 2);	/* agencies falls back to tree */
	keymap_set_parent(km, 6, 1);	/* attend to list */
	if (on_default)
		keymap_load_string(km, "default.keymap", keymap_default_text,
		    NULL);
	bad = keymap_load_file(km, path, &errors);
	if ((bad != 0) != (errors != NULL))
		fuzz_fail("bad lines and their reasons disagree", errors);
	fuzz_keymap_check(km);
	free(errors);
	keymap_free(km);
}

/* Bindings as a reader sent them. */
static void
fuzz_keymap_sent(const uint8_t *data, size_t size)
{
	struct aside_in in = { (const char *)data, size, 0 };
	struct keymap *km;

	if ((km = keymap_new(fuzz_contexts, FUZZ_NCTX, fuzz_actions,
	    FUZZ_NACT)) == NULL)
		abort();
	(void)keymap_receive(km, &in);
	fuzz_keymap_check(km);
	keymap_free(km);
}

/* Every binding km holds is one a file could have made. */
static void
fuzz_keymap_check(const struct keymap *km)
{
	static const int keys[] = { 'j', '?', '\r', '\n', 0x7f, 0x13,
		KEYMAP_FKEY | 0402, 0x738b, KEYMAP_META | 'v' };
	char name[64];
	size_t i, n;
	int ctx, key, act, back;

	n = keymap_count(km);
	for (i = 0; i < n; i++) {
		if (keymap_get(km, i, &ctx, &key, &act) != 0)
			fuzz_fail("a binding within the count is missing", "");
		if (ctx < 0 || (size_t)ctx >= FUZZ_NCTX || act < 0 ||
		    (size_t)act >= FUZZ_NACT)
			fuzz_fail("a binding outside the tables", "");
		if (keymap_key_name(key, name, sizeof name) >= sizeof name)
			fuzz_fail("a key's name is too long", name);
		if (keymap_key_parse(name, &back) != 0 || back != key)
			fuzz_fail("a key's name does not read back", name);
		if (i < 16)	/* a search of every binding each: a few */
			(void)keymap_key_of(km, ctx, act);
	}
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		for (ctx = 0; (size_t)ctx < FUZZ_NCTX; ctx++)
			(void)keymap_lookup(km, ctx, keys[i]);
}

static void	fuzz_config_check(void);

static void
fuzz_config(const char *path, int system)
{

	config_load_files(system ? path : NULL, system ? NULL : path);
	fuzz_config_check();
}

/* Settings as a reader sent them, over the defaults. */
static void
fuzz_config_sent(const uint8_t *data, size_t size)
{
	config_load_files(NULL, NULL);
	(void)config_receive((const char *)data, size);
	fuzz_config_check();
}

/* Every setting in force is one its key accepts. */
static void
fuzz_config_check(void)
{
	const char *v, *p;
	char *cause = NULL, value[64];
	size_t i;

	for (i = 0; i < config_nkeys; i++) {
		v = config_get(config_keys[i].name);
		(void)config_origin(config_keys[i].name);
		(void)config_lookup(config_keys[i].name, value, sizeof value,
		    NULL, 0);
		if (v == NULL)
			continue;
		if (config_set(config_keys[i].name, v, "fuzz", &cause) != 0)
			fuzz_fail("a setting in force is not valid", cause);
	}
	if ((p = config_problems()) != NULL && *p == '\0')
		fuzz_fail("problems that say nothing", "");
	config_reset();
}

/* A draft read or taken: of a kind and fields there are, into a record. */
static void
fuzz_draft_check(struct draft *d)
{
	const struct schema *s;
	char label[256], when[32];
	struct tm tm;
	time_t tt;
	void *rec;
	size_t i;

	if ((s = schema_of(d->kind)) == NULL || d->db == NULL ||
	    d->title == NULL)
		fuzz_fail("a draft read without its kind, db or title", "");
	for (i = 0; i < d->n; i++)
		if (strchr("omt", d->v[i].what) == NULL ||
		    schema_field(s, d->v[i].name) == NULL)
			fuzz_fail("a value not of the kind's fields",
			    d->v[i].name);
	/* As the offer of it shows it. */
	tt = (time_t)d->when;
	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
		fuzz_fail("a draft written at no time there is", d->title);
	if ((rec = calloc(1, s->size)) == NULL)
		abort();
	draft_get_record(d, 'o', rec);
	draft_get_record(d, 'm', rec);
	schema_label(s, rec, label, sizeof label);
	free(rec);
}

static void
fuzz_draft(const char *path)
{
	struct draft *d;

	if ((d = draft_read(path)) == NULL)
		return;
	fuzz_draft_check(d);
	draft_free(d);
}

/* Drafts as a reader sent them. */
static void
fuzz_draft_sent(const uint8_t *data, size_t size)
{
	struct draft **list;
	size_t n, i;

	n = draft_receive((const char *)data, size, FUZZ_DB, &list);
	for (i = 0; i < n; i++) {
		if (strncmp(list[i]->path, FUZZ_DRAFTS,
		    strlen(FUZZ_DRAFTS)) != 0 ||
		    strcmp(list[i]->db, FUZZ_DB) != 0)
			fuzz_fail("a draft taken from elsewhere", list[i]->path);
		fuzz_draft_check(list[i]);
	}
	draft_free_list(list, n);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("XDG_STATE_HOME", FUZZ_STATE, 1);
	if (mkdtemp(fuzz_dir) == NULL)
		abort();
	snprintf(fuzz_path, sizeof fuzz_path, "%s/input", fuzz_dir);
	atexit(fuzz_cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int flag;

	if (size < 1)
		return 0;
	flag = data[0] >> 7;
	switch ((data[0] & 0x7f) % 6) {
	case 0:
		fuzz_config_sent(data + 1, size - 1);
		return 0;
	case 1:
		fuzz_draft_sent(data + 1, size - 1);
		return 0;
	case 2:
		fuzz_keymap_sent(data + 1, size - 1);
		return 0;
	}
	fuzz_file(data + 1, size - 1);
	switch ((data[0] & 0x7f) % 6) {
	case 3:
		fuzz_config(fuzz_path, flag);
		break;
	case 4:
		fuzz_draft(fuzz_path);
		break;
	default:
		fuzz_keymap(fuzz_path, flag);
		break;
	}
	return 0;
}
