/*
 * config.h — settings: the system's file (/etc/ogpo.conf) and then the
 * user's (~/.config/ogpo/config, or $XDG_CONFIG_HOME/ogpo/config), later
 * wins; "key = value" lines, "#" comments (a whole line, or after a
 * blank). Every key ogpo knows is in one table, config_keys[], with
 * what it accepts, its default and its help. A line the table does not
 * accept is a problem named "FILE:LINE: why" and is ignored; the rest
 * still loads.
 */
#ifndef OGPO_CONFIG_H
#define OGPO_CONFIG_H

#include <stddef.h>

/* The system's settings file; a build for tests may name another. */
#ifndef OGPO_SYSCONF
#define OGPO_SYSCONF "/etc/ogpo.conf"
#endif

#define CONFIG_SYSTEM	0x1	/* only the system's file may set it */

/* One setting ogpo knows. */
struct config_key {
	const char	*name;		/* "date_style" */
	const char	*choices;	/* "iso|roc", or NULL: check() says */
	/* A free-form value (choices NULL): 1 if acceptable. */
	int		(*check)(const char *value);
	const char	*expect;	/* a good value, for complaints */
	const char	*def;		/* the default, or NULL: see help */
	unsigned	 flags;		/* CONFIG_SYSTEM */
	const char	*help;		/* one line: what it does */
};

extern const struct config_key config_keys[];
extern const size_t config_nkeys;

/*
 * Read the system's file and then the user's (once; later calls return
 * at once), with the user's own rights, the user's aside (aside.h): if
 * that fails, its settings are not used and a problem says why. Returns
 * the number of problems found; config_problems() says what they were.
 */
int	 config_load(void);

/*
 * As config_load, from these two files (either may be NULL), forgetting
 * whatever was loaded or set before: for tests.
 */
int	 config_load_files(const char *system, const char *user);

/*
 * Take what config_load's reader of the files sent (config_load's own
 * step, public for its fuzz target) over the settings now in force,
 * every value checked. Returns 0, or -1 with nothing taken.
 */
int	 config_receive(const char *buf, size_t len);

/* The problems of the last load, one "FILE:LINE: why" a line, or NULL. */
const char *config_problems(void);

/* Forget everything loaded or set (the next call loads again). */
void	 config_reset(void);

/*
 * The value of key in effect: from the files, the command line or the
 * environment, else its default (which may be NULL). NULL also for a
 * key config_keys[] does not know.
 */
const char *config_get(const char *key);

/*
 * Where key's value came from: "default", "FILE:LINE", or what
 * config_set named ("--keymap", "NO_COLOR"). NULL for an unknown key.
 */
const char *config_origin(const char *key);

/*
 * Set key from elsewhere than a file (a command-line option), origin
 * saying from where. Returns 0, or -1 with *cause saying why the value
 * is not acceptable (nothing is changed then).
 */
int	 config_set(const char *key, const char *value, const char *origin,
	    char **cause);

/*
 * Look key up. Returns 1 and fills value (and where, the origin, if not
 * NULL) when a file, the command line or the environment sets it; 0 when
 * nothing does (the caller uses its default), or the key is unknown.
 */
int	 config_lookup(const char *key, char *value, size_t n, char *where,
	    size_t wn);

/* The path of the user's config file (a new string). */
char	*config_path(void);

/*
 * The path of the system's file: OGPO_SYSCONF, or $OGPO_SYSCONF when ogpo
 * does not run set-id (so a test can point elsewhere, and a user of a
 * set-id ogpo cannot).
 */
const char *config_system_path(void);

/*
 * Where the system's file is for this build of the program (main's
 * OGPO_SYSCONF, which `make install SYSCONFFILE=...` sets); before
 * config_load.
 */
void	 config_set_system_path(const char *path);

/*
 * A threshold as people write it: "75%", "75" or "0.75" (a value with
 * "%", or above 1, is a percentage). Returns 0 and sets *fraction
 * (0 < f <= 1), or -1.
 */
int	 config_percent(const char *s, double *fraction);

#endif
