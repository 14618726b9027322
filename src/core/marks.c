/*
 * marks.c — a roll call's marks, saved by a thread of their own so that
 * the person at the sheet never waits for the disk's flush or for
 * another process's write. Marks that come while a commit is in flight
 * go in the next one (a group commit): each is the same core_attend, with
 * its audit record, as a mark saved alone.
 *
 * The store is not shared between threads: from a put until the queue
 * is empty and the commit done (core_marks_busy), the thread alone uses
 * the database; the rest of the time the caller alone does. The mutex
 * orders the two.
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core-int.h"

struct core_marks {
	struct core	*c;
	uint32_t	 meeting;
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 work;		/* a mark was put, or stop */
	pthread_cond_t	 idle;		/* a commit ended */
	struct core_mark *q, *batch;	/* waiting; in the commit */
	size_t		 nq, capq, nbatch, capbatch;
	int		 inflight, stop;
	uint64_t	 base;		/* the commit the caller's rows know */
	struct core_marks_news news;	/* since the caller last looked */
	int		 news_on;
};

/* One commit: every mark of the batch, in the order they were made. */
static int
core_marks_txn(struct core *c, struct store_txn *t, void *arg, char **cause)
{
	struct core_marks *m = arg;
	size_t i;
	int rc = 0;

	for (i = 0; i < m->nbatch && rc == 0; i++)
		rc = core_attend(c, t, m->meeting, m->batch[i].officer,
		    m->batch[i].status, m->batch[i].proxy, NULL, cause);
	return rc;
}

static void *
core_marks_main(void *arg)
{
	struct core_marks *m = arg;
	struct core_mark *swap;
	struct store *s = m->c->store;
	uint64_t before, after;
	char *cause;
	size_t cap;
	int rc;

	pthread_mutex_lock(&m->lock);
	for (;;) {
		while (m->nq == 0 && !m->stop)
			pthread_cond_wait(&m->work, &m->lock);
		if (m->nq == 0)
			break;
		/* The waiting marks become the batch; the queue starts
		 * empty in the batch's old room. */
		swap = m->batch, m->batch = m->q, m->q = swap;
		cap = m->capbatch, m->capbatch = m->capq, m->capq = cap;
		m->nbatch = m->nq;
		m->nq = 0;
		m->inflight = 1;
		pthread_mutex_unlock(&m->lock);

		cause = NULL;
		before = store_last_txnid(s);
		rc = core_run(m->c, core_marks_txn, m, &cause);
		after = store_last_txnid(s);

		pthread_mutex_lock(&m->lock);
		if (rc != 0) {
			/* Those made after it were made on a sheet that
			 * showed this one saved: they go too, and the
			 * caller reads back what is stored. */
			if (m->news.rc == 0) {
				m->news.rc = rc;
				m->news.cause = cause;
				m->news.first_lost = m->batch[0].officer;
				cause = NULL;
			}
			m->news.lost += m->nbatch + m->nq;
			m->nq = 0;
		} else {
			/* Another's commit between the rows' and ours, or
			 * between the look before ours and ours. */
			if (before != m->base ||
			    (after != before && after != before + 1))
				m->news.others = 1;
			m->news.saved += m->nbatch;
		}
		free(cause);
		m->base = after;
		m->news.txnid = after;
		m->news_on = 1;
		m->nbatch = 0;
		m->inflight = 0;
		pthread_cond_broadcast(&m->idle);
	}
	pthread_mutex_unlock(&m->lock);
	return NULL;
}

struct core_marks *
core_marks_start(struct core *c, uint32_t meeting, uint64_t seen)
{
	struct core_marks *m = xcalloc(1, sizeof *m);
	sigset_t all, old;

	m->c = c;
	m->meeting = meeting;
	m->base = seen;
	pthread_mutex_init(&m->lock, NULL);
	pthread_cond_init(&m->work, NULL);
	pthread_cond_init(&m->idle, NULL);
	/* Signals are the caller's to take: the thread blocks them all. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&m->thread, NULL, core_marks_main, m) != 0) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_cond_destroy(&m->idle);
		pthread_cond_destroy(&m->work);
		pthread_mutex_destroy(&m->lock);
		free(m);
		return NULL;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return m;
}

void
core_marks_put(struct core_marks *m, uint32_t officer, uint32_t status,
    const char *proxy)
{
	struct core_mark *k;

	pthread_mutex_lock(&m->lock);
	if (m->news.rc != 0) {
		/* A failure the caller has not seen yet: it reads back
		 * what is stored, this one with the rest. */
		m->news.lost++;
		pthread_mutex_unlock(&m->lock);
		return;
	}
	if (m->nq == m->capq) {
		m->capq = m->capq ? m->capq * 2 : 16;
		m->q = xreallocarray(m->q, m->capq, sizeof *m->q);
	}
	k = &m->q[m->nq++];
	k->officer = officer;
	k->status = status;
	str_copy(k->proxy, proxy ? proxy : "", sizeof k->proxy);
	pthread_cond_signal(&m->work);
	pthread_mutex_unlock(&m->lock);
}

size_t
core_marks_busy(struct core_marks *m)
{
	size_t n;

	pthread_mutex_lock(&m->lock);
	n = m->nq + m->nbatch;
	pthread_mutex_unlock(&m->lock);
	return n;
}

int
core_marks_news(struct core_marks *m, struct core_marks_news *out)
{
	int on;

	pthread_mutex_lock(&m->lock);
	on = m->news_on && m->nq == 0 && !m->inflight;
	if (on && out != NULL) {
		*out = m->news;
		memset(&m->news, 0, sizeof m->news);
		m->news_on = 0;
	}
	pthread_mutex_unlock(&m->lock);
	return on;
}

void
core_marks_seen(struct core_marks *m, uint64_t txnid)
{
	pthread_mutex_lock(&m->lock);
	m->base = txnid;
	pthread_mutex_unlock(&m->lock);
}

void
core_marks_wait(struct core_marks *m)
{
	pthread_mutex_lock(&m->lock);
	while (m->nq > 0 || m->inflight)
		pthread_cond_wait(&m->idle, &m->lock);
	pthread_mutex_unlock(&m->lock);
}

void
core_marks_stop(struct core_marks *m)
{
	if (m == NULL)
		return;
	pthread_mutex_lock(&m->lock);
	m->stop = 1;
	pthread_cond_signal(&m->work);
	pthread_mutex_unlock(&m->lock);
	pthread_join(m->thread, NULL);
	free(m->news.cause);
	free(m->q);
	free(m->batch);
	pthread_cond_destroy(&m->idle);
	pthread_cond_destroy(&m->work);
	pthread_mutex_destroy(&m->lock);
	free(m);
}
