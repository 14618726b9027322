/*
 * term.c — the terminal ogpo draws on. A file of its own: the terminal
 * database's header names its capabilities as macros (lines, columns …)
 * that would take the panes' own words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ui-int.h"

/* After ui-int.h, whose words its macros would take. */
#include <term.h>

/*
 * The screen, on the terminal TERM names. A login from a terminal this
 * server has no description of (kitty, WezTerm, Alacritty, without the
 * descriptions Debian keeps in ncurses-term) was turned away by ncurses
 * with a line of its own; nearly every terminal speaks xterm's language,
 * so ogpo draws as the nearest it knows. Returns "" on TERM's own terms,
 * the type drawn as instead, or NULL when nothing can be drawn.
 */
const char *
ui_term_open(void)
{
	static const char *const like[] = { "xterm-256color", "xterm",
		"vt100", NULL };
	const char *t = getenv("TERM");
	int i, err, ok;

	/* Asked first of the terminal database alone: a screen newterm
	 * failed to make leaves ncurses reading no keys after. */
	if (t != NULL && *t != '\0' &&
	    setupterm(t, STDOUT_FILENO, &err) == OK) {
		/* One that cannot place the cursor (dumb: an editor's shell
		 * window) has no screen to draw; another type would only
		 * fill it with escapes. */
		ok = cursor_address != NULL;
		del_curterm(cur_term);
		if (!ok)
			return NULL;
		return newterm(t, stdout, stdin) != NULL ? "" : NULL;
	}
	for (i = 0; like[i] != NULL; i++)
		if (setupterm(like[i], STDOUT_FILENO, &err) == OK) {
			del_curterm(cur_term);
			return newterm(like[i], stdout, stdin) != NULL ?
			    like[i] : NULL;
		}
	return NULL;
}
