/*
 * ahead.c — a table reader that reads ahead, in a thread of its own.
 *
 * A large import spends an eighth of its time reading: the file a chunk
 * at a time, iconv and libcsv (or unzipping and expat), counting lines.
 * None of that needs the database, so a second thread does it while the first checks and writes
 * rows. The reader thread copies rows into batches (a few hundred rows)
 * and at most AHEAD_QUEUE batches wait, so memory stays bounded whatever
 * the size of the file. Rows, the end and any error come out in the
 * order the reader met them, exactly as table_reader_next returns them.
 *
 * What a caller does to a row that needs nothing but the row (an
 * import's parsing of cells and checks of their forms) can be done here
 * too (table_ahead_start_prep): the thread runs it on each batch once
 * the batch is read, and the result travels with the rows.
 *
 * Once table_ahead_start has it, the reader belongs to the thread: the
 * caller asks table_ahead_bytes_read, not table_reader_bytes_read (what the
 * reader settled at open, its encoding and delimiter, may still be read).
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/table.h"
#include "ogpo/util.h"

#define AHEAD_ROWS	512		/* rows in a batch, by default */
#define AHEAD_TEXT	(256 * 1024)	/* or this much text, at most */
#define AHEAD_QUEUE	4		/* batches read and waiting */

/* Rows copied out of the reader; the last batch carries the outcome. */
struct ahead_batch {
	struct ahead_batch	*next;
	char			*text;		/* every field, NUL-terminated */
	size_t			 textlen, textcap;
	size_t			*starts;	/* each field's offset in text */
	size_t			 nstarts, startcap;
	char			**fields;	/* made once the batch is full */
	struct {
		size_t		 line, row, first, nfields;
	}			*rows;
	size_t			 nrows, rowcap, pos;
	char			*prepared;	/* prep.size bytes a row */
	uint64_t		 nread;		/* input read by the last row */
	int			 last;		/* rc and cause say how it ended */
	int			 rc;
	char			*cause;
};

struct table_ahead {
	struct table_reader	*r;
	size_t			 batch_rows;
	struct table_ahead_prep	 prep;		/* fn NULL: none */
	int			 threaded;	/* 0: read in the caller's thread */
	pthread_t		 thread;
	pthread_mutex_t		 lock;
	pthread_cond_t		 ready;		/* a batch is waiting */
	pthread_cond_t		 room;		/* the queue has room */
	struct ahead_batch	*head, *tail;
	size_t			 queued;
	int			 stop;		/* the caller is done */
	struct ahead_batch	*cur;		/* the caller's batch */
	struct table_row		 row;
};

static void
ahead_batch_free(struct ahead_batch *b)
{
	if (b == NULL)
		return;
	free(b->text);
	free(b->starts);
	free(b->fields);
	free(b->rows);
	free(b->prepared);
	free(b->cause);
	free(b);
}

/* Copy row into b. */
static void
ahead_batch_add(struct ahead_batch *b, const struct table_row *row)
{
	size_t i, len;

	b->rows = xgrow(b->rows, &b->rowcap, b->nrows + 1, sizeof *b->rows);
	b->rows[b->nrows].line = row->line;
	b->rows[b->nrows].row = row->row;
	b->rows[b->nrows].first = b->nstarts;
	b->rows[b->nrows].nfields = row->nfields;
	b->nrows++;
	for (i = 0; i < row->nfields; i++) {
		len = strlen(row->fields[i]) + 1;
		b->starts = xgrow(b->starts, &b->startcap, b->nstarts + 1,
		    sizeof *b->starts);
		b->text = xgrow(b->text, &b->textcap, b->textlen + len, 1);
		b->starts[b->nstarts++] = b->textlen;
		memcpy(b->text + b->textlen, row->fields[i], len);
		b->textlen += len;
	}
}

/* Read the next batch from the reader (in whichever thread reads). */
static struct ahead_batch *
ahead_fill(struct table_ahead *a)
{
	struct ahead_batch *b = xcalloc(1, sizeof *b);
	const struct table_row *row;
	size_t i;

	while (b->nrows < a->batch_rows && b->textlen < AHEAD_TEXT) {
		b->rc = table_reader_next(a->r, &row, &b->cause);
		if (b->rc != 1) {
			b->last = 1;
			break;
		}
		ahead_batch_add(b, row);
	}
	b->nread = table_reader_bytes_read(a->r);
	/* The text no longer moves: point at it. */
	b->fields = xreallocarray(NULL, b->nstarts + 1, sizeof *b->fields);
	for (i = 0; i < b->nstarts; i++)
		b->fields[i] = b->text + b->starts[i];
	if (a->prep.fn != NULL && b->nrows > 0) {
		struct table_row one;

		b->prepared = xreallocarray(NULL, b->nrows, a->prep.size);
		for (i = 0; i < b->nrows; i++) {
			one.line = b->rows[i].line;
			one.row = b->rows[i].row;
			one.nfields = b->rows[i].nfields;
			one.fields = b->fields + b->rows[i].first;
			a->prep.fn(a->prep.arg, &one, b->prepared +
			    i * a->prep.size);
		}
	}
	return b;
}

static void *
ahead_main(void *arg)
{
	struct table_ahead *a = arg;
	struct ahead_batch *b;
	int last;

	do {
		b = ahead_fill(a);
		last = b->last;
		pthread_mutex_lock(&a->lock);
		while (a->queued >= AHEAD_QUEUE && !a->stop)
			pthread_cond_wait(&a->room, &a->lock);
		if (a->stop) {
			pthread_mutex_unlock(&a->lock);
			ahead_batch_free(b);
			break;
		}
		if (a->tail != NULL)
			a->tail->next = b;
		else
			a->head = b;
		a->tail = b;
		a->queued++;
		pthread_cond_signal(&a->ready);
		pthread_mutex_unlock(&a->lock);
	} while (!last);
	return NULL;
}

struct table_ahead *
table_ahead_start(struct table_reader *r, size_t rows)
{
	return table_ahead_start_prep(r, rows, NULL);
}

struct table_ahead *
table_ahead_start_prep(struct table_reader *r, size_t rows,
    const struct table_ahead_prep *prep)
{
	struct table_ahead *a = xcalloc(1, sizeof *a);
	sigset_t all, old;

	a->r = r;
	a->batch_rows = rows != 0 ? rows : AHEAD_ROWS;
	if (prep != NULL && prep->fn != NULL && prep->size > 0)
		a->prep = *prep;
	/* (glibc's mutexes and conditions hold nothing to release, so
	 * one that did start is simply left when another did not.) */
	a->threaded = pthread_mutex_init(&a->lock, NULL) == 0 &&
	    pthread_cond_init(&a->ready, NULL) == 0 &&
	    pthread_cond_init(&a->room, NULL) == 0;
	if (a->threaded) {
		/* Signals stay with the program's own thread. */
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		a->threaded = pthread_create(&a->thread, NULL, ahead_main,
		    a) == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	/* Without a thread, rows are read as they are asked for. */
	return a;
}

/* The next batch, once the thread has one ready. */
static struct ahead_batch *
ahead_take(struct table_ahead *a)
{
	struct ahead_batch *b;

	if (!a->threaded)
		return ahead_fill(a);
	pthread_mutex_lock(&a->lock);
	while (a->head == NULL)
		pthread_cond_wait(&a->ready, &a->lock);
	b = a->head;
	if ((a->head = b->next) == NULL)
		a->tail = NULL;
	a->queued--;
	pthread_cond_signal(&a->room);
	pthread_mutex_unlock(&a->lock);
	return b;
}

int
table_ahead_next(struct table_ahead *a, const struct table_row **row,
    char **cause)
{
	struct ahead_batch *b;

	for (;;) {
		if ((b = a->cur) != NULL && b->pos < b->nrows) {
			a->row.line = b->rows[b->pos].line;
			a->row.row = b->rows[b->pos].row;
			a->row.nfields = b->rows[b->pos].nfields;
			a->row.fields = b->fields + b->rows[b->pos].first;
			b->pos++;
			*row = &a->row;
			return 1;
		}
		if (b != NULL && b->last) {
			/* The end, or the error, as often as asked. */
			if (b->rc < 0 && cause != NULL) {
				free(*cause);
				*cause = xstrdup(b->cause ? b->cause : "");
			}
			return b->rc;
		}
		ahead_batch_free(b);
		a->cur = ahead_take(a);
	}
}

void *
table_ahead_prepared(const struct table_ahead *a)
{
	const struct ahead_batch *b = a->cur;

	if (b == NULL || b->prepared == NULL || b->pos == 0 ||
	    b->pos > b->nrows)
		return NULL;
	return b->prepared + (b->pos - 1) * a->prep.size;
}

uint64_t
table_ahead_bytes_read(const struct table_ahead *a)
{
	return a->cur != NULL ? a->cur->nread : 0;
}

void
table_ahead_stop(struct table_ahead *a)
{
	struct ahead_batch *b;

	if (a == NULL)
		return;
	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		a->stop = 1;
		pthread_cond_signal(&a->room);
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->thread, NULL);
		pthread_cond_destroy(&a->room);
		pthread_cond_destroy(&a->ready);
		pthread_mutex_destroy(&a->lock);
	}
	while ((b = a->head) != NULL) {
		a->head = b->next;
		ahead_batch_free(b);
	}
	ahead_batch_free(a->cur);
	free(a);
}
