/*
 * aside.h — a small file of the person's own read where a parser gone
 * wrong cannot reach the shared database.
 *
 * The set-group-id program keeps the group as its saved group for as
 * long as it runs, and the full-screen program has the database open
 * and mapped: code a file could make a parser run would take the group
 * back up and write the database raw, past the audit trail. So the
 * settings, the keymap and the drafts are read by a child forked for
 * it, which first gives all of that up (priv_apart), and which sends
 * back plain values that the caller checks one by one before it takes
 * any. A program not set-id runs the same reader here, into memory, so
 * the same values go the same way and are checked the same.
 *
 * What goes between them: numbers in this machine's byte order, strings
 * as u32 length (~0 for none), the bytes, and a NUL.
 */
#ifndef OGPO_ASIDE_H
#define OGPO_ASIDE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Run fn(f, arg), what it writes to f coming back in *out (malloc'd,
 * *len bytes, a NUL after them): in a set-id program in a child given up
 * as priv_apart does, else here. fn returns 0, or -1 if it could not
 * say all it had to. Returns 0; or, with *cause (a new sentence, what
 * names the file to be put before it by the caller) and *out NULL:
 * ASIDE_SYSTEM when the child could not be started or heard (the system
 * refused a pipe, a fork, memory); ASIDE_FAILED when it was ended by a
 * signal or failed; ASIDE_TOO_MUCH when it sent more than max bytes, of
 * which the caller holds no more than one past max.
 */
int	 aside_run(int (*fn)(FILE *, void *), void *arg, size_t max,
	    char **out, size_t *len, char **cause);

#define ASIDE_SYSTEM	(-1)
#define ASIDE_FAILED	(-2)
#define ASIDE_TOO_MUCH	(-3)

#define ASIDE_NONE	0xffffffffu	/* the length of a string not there */

void	 aside_put_u32(FILE *f, uint32_t v);
void	 aside_put_i64(FILE *f, int64_t v);
/* s, or none for NULL. */
void	 aside_put_str(FILE *f, const char *s);

/* What came back, taken from the front; each returns 0 when it is not
 * there or not so, and the reader must then give the whole up. */
struct aside_in {
	const char	*buf;
	size_t		 len, pos;
};

int	 aside_take_u32(struct aside_in *in, uint32_t *v);
int	 aside_take_i64(struct aside_in *in, int64_t *v);
/*
 * A string: its NUL where its length says and none before, at most max
 * bytes. *s points into the buffer; NULL for none, which only a caller
 * passing may_be_none takes.
 */
int	 aside_take_str(struct aside_in *in, const char **s, size_t max,
	    int may_be_none);
/* 1 when everything was taken. */
int	 aside_done(const struct aside_in *in);

#endif /* OGPO_ASIDE_H */
