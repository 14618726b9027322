/*
 * keymap.h — which key runs which action in which context, read from
 * keymap files in the user's own syntax:
 *
 *	# context  key        action
 *	bind global ?          help
 *	bind list   <Down>     down
 *	unbind form <C-p>
 *
 * The module knows no context or action: the caller passes its tables
 * of names, and bindings are stored as indexes into them. Context 0 is
 * the fallback ("global"). No global state; nothing here prints.
 *
 * A key is an int: a character is its Unicode code point ('j', 0x738b);
 * a control key its control code (<C-s> is 0x13, <Enter> 13, <Esc> 27,
 * <Tab> 9); a curses function key KEYMAP_FKEY | KEY_xxx; Meta/Alt (ESC
 * then x, folded by the UI) KEYMAP_META | x.
 */
#ifndef OGPO_KEYMAP_H
#define OGPO_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

#define KEYMAP_FKEY	0x40000000	/* | a curses KEY_xxx code */
#define KEYMAP_META	0x20000000	/* | the key pressed after ESC */

struct keymap;

/*
 * The text of keymaps/default.keymap, NUL-terminated, generated at build
 * time by tools/embed.sh; load it first, then the user's choice on top.
 */
extern const char keymap_default_text[];

/*
 * An empty keymap over the caller's tables of context and action names,
 * which must outlive it; contexts[0] is the fallback context. Returns
 * NULL if memory runs out.
 */
struct keymap	*keymap_new(const char *const *contexts, size_t ncontexts,
		    const char *const *actions, size_t nactions);

/* Free km and its bindings; NULL is allowed. */
void		 keymap_free(struct keymap *km);

/*
 * Add the bindings in text, the contents of a file called origin. A
 * later binding of the same context and key replaces the earlier one.
 * Each bad line is skipped and described as "origin:LINE: reason",
 * appended to *errors (a malloc'd, newline-separated string that the
 * caller frees; left NULL when all is well; errors may be NULL to drop
 * them); the other lines still load. Returns the number of bad lines.
 */
int		 keymap_load_string(struct keymap *km, const char *origin,
		    const char *text, char **errors);

/*
 * keymap_load_string() on the file at path, which names the lines in
 * the errors. Returns -1, with one error naming path and the system's
 * reason, if the file cannot be read; nothing is loaded then.
 */
int		 keymap_load_file(struct keymap *km, const char *path,
		    char **errors);

/*
 * Bind key to action in context, as a line of a file would, for bindings
 * read elsewhere (by a process of their own): the context and action
 * must be in the tables and the key one that a file can name. A binding
 * of the same context and key is replaced. Returns 0, or -1 with nothing
 * changed.
 */
int		 keymap_add(struct keymap *km, int context, int key,
		    int action);

/*
 * The bindings of km written to f for another process (aside.h), and
 * read back there into km, each through keymap_add: 0, or -1 at the
 * first that is not there or does not check (km is then to be thrown
 * away).
 */
struct aside_in;
void		 keymap_send(const struct keymap *km, FILE *f);
int		 keymap_receive(struct keymap *km, struct aside_in *in);

/*
 * Let context fall back to parent: a key context does not bind is
 * looked up in parent (and its parent's) before context 0. A view of
 * its own ("meetings") so adds to or changes a shared one ("list").
 */
void		 keymap_set_parent(struct keymap *km, int context, int parent);

/*
 * The action bound to key in context, or else in its parents, or else
 * in context 0; -1 if none. Equivalent keys are tried after the exact
 * one: '\n' and KEY_ENTER for <Enter>, 127 and 8 (^H) for <Backspace>.
 */
int		 keymap_lookup(const struct keymap *km, int context, int key);

/*
 * A key that runs action in context: the first bound in context, then
 * in its parents, then in context 0, that no nearer binding shadows;
 * for hints such as "? help". -1 if none does.
 */
int		 keymap_key_of(const struct keymap *km, int context,
		    int action);

/*
 * The same among keys that type no character (<F1>, not ?): for the
 * hints where characters are typed, a form's field or a pick list's
 * search. -1 if none does.
 */
int		 keymap_key_of_nonchar(const struct keymap *km, int context,
		    int action);

/*
 * Parse a key as written in a keymap file ("j", "王", "<Down>", "<C-s>",
 * "<M-v>", "<F5>"; names inside <> ignore case). Returns 0 and sets
 * *key, or -1 if name is not a key.
 */
int		 keymap_key_parse(const char *name, int *key);

/*
 * Write the name of key, as keymap_key_parse() reads it, into buf
 * (always NUL-terminated when n > 0). Keys without a name are shown as
 * "<U+001C>" or "<key 0x19a>". Returns the length the full name has,
 * like snprintf(); the name is at most 16 bytes.
 */
size_t		 keymap_key_name(int key, char *buf, size_t n);

/* Number of bindings, for walking them with keymap_get(). */
size_t		 keymap_count(const struct keymap *km);

/*
 * The i-th binding, in the order first bound, for the help screen.
 * Returns 0, or -1 if i is out of range.
 */
int		 keymap_get(const struct keymap *km, size_t i, int *context,
		    int *key, int *action);

#endif /* OGPO_KEYMAP_H */
