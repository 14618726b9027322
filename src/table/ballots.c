/*
 * ballots.c — a topic vote's ballots from the collected sheet: Google
 * Forms' responses (時間戳記, 電子郵件地址, then a question whose cell
 * lists the topics ticked, joined by ", "), Microsoft Forms' (ID,
 * 開始時間, 完成時間, 電子郵件, 名稱, then the question, its answers
 * joined by ";"), or a sheet typed by hand, a row a voter (電子郵件) or
 * an agency (機關, when it has one PO), a column a topic marked V where
 * approved. Read whole, every refusal gathered, before anything is
 * written; then entered in one transaction. Nothing here prints.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ogpo/ballots.h"
#include "ogpo/import.h"
#include "ogpo/priv.h"
#include "ogpo/spool.h"
#include "ogpo/table.h"
#include "ogpo/vote.h"

/* The officer a voter names: a number or an e-mail address. */
static int
ballots_voter(struct store_txn *t, const struct ballot_row *vb,
    struct officer *o, char **cause)
{
	uint32_t id;
	int rc;

	if (str_to_id(vb->voter, &id) == 0)
		rc = store_officer_get(t, id, o, NULL);
	else
		rc = store_officer_by_email(t, vb->voter, o, NULL);
	if (rc != 0)
		return err_set(cause, OGPO_INVALID, "%s%sno officer is '%s' "
		    "(give the number or the e-mail of ogpo list officers)",
		    vb->where, vb->where[0] ? ": " : "", vb->voter);
	return 0;
}

/* The sheet as read, and what each column is. */
struct ballots_file {
	const char	*path;
	uint32_t	 vote;
	char		 date[16];
	size_t		 ncand;
	struct {
		uint32_t id;
		char	 title[OGPO_TEXT_MAX + 1];
		char	 key[2 * OGPO_TEXT_MAX + 1];
	}		*cand;
	char		***rows;	/* each row's cells, NULL-ended */
	size_t		*rowno;		/* the row a spreadsheet shows */
	size_t		 nrows, head;	/* head: the header row's index */
	size_t		 ncol;
	enum { VS_OTHER, VS_VOTER, VS_AGENCY, VS_STAMP, VS_MARKS,
	    VS_LIST } *kind;
	uint32_t	*col_cand;	/* VS_MARKS: the topic */
	char		*errors;	/* every refusal, a line each */
	size_t		 nerrors;	/* rows refused */
	size_t		 last;		/* the last row refused, + 1 */
};

/* n bytes of s as a new string. */
static char *
ballots_strndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Headers (as ballots_key has them) naming the voter, or the agency
 * when a row stands for one: Google Forms writes 電子郵件地址 (Email
 * Address), Microsoft Forms 電子郵件 (Email). */
#define BALLOTS_VOTER_HEADS	"電子郵件|電子郵件地址|電子信箱|email|" \
	"emailaddress|信箱|使用者名稱|username"
#define BALLOTS_AGENCY_HEADS	"機關|機關名稱|機關代碼|單位|agency|" \
	"agencycode"

/* Text compared without spaces, case or full width: 臺 and 台 alike. */
static void
ballots_key(const char *in, char *out, size_t n)
{
	char folded[2 * OGPO_TEXT_MAX + 1];
	const char *p;
	size_t o = 0;

	import_fold(in, folded, sizeof folded);
	for (p = folded; *p != '\0' && o + 4 < n; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
		    *p == '_' || *p == '-' || *p == ':')
			continue;
		if (strncmp(p, "\xc2\xa0", 2) == 0) {	/* a no-break space */
			p++;
			continue;
		}
		if (strncmp(p, "台", 3) == 0) {
			memcpy(out + o, "臺", 3);
			o += 3;
			p += 2;
			continue;
		}
		out[o++] = (char)tolower((unsigned char)*p);
	}
	out[o] = '\0';
}

/* 1 if header h (as ballots_key has it) is one of names ("a|b|c"). */
static int
ballots_head_is(const char *h, const char *names)
{
	size_t n;

	while (*names != '\0') {
		n = strcspn(names, "|");
		if (strlen(h) == n && strncmp(h, names, n) == 0)
			return 1;
		names += n + (names[n] == '|');
	}
	return 0;
}

/* 1 if header key names the voter's e-mail: as the forms write it, or a
 * question asking for it (請填寫您的電子郵件, Your email). */
static int
ballots_voter_head(const char *key)
{
	return ballots_head_is(key, BALLOTS_VOTER_HEADS) ||
	    strstr(key, "電子郵件") != NULL || strstr(key, "email") != NULL;
}

static void
ballots_refuse(struct ballots_file *vs, size_t r, size_t col,
    const char *fmt, ...) OGPO_PRINTF(4, 5);

/* Refuse row r: "FILE: row 12, column 電子郵件: why". */
static void
ballots_refuse(struct ballots_file *vs, size_t r, size_t col,
    const char *fmt, ...)
{
	va_list ap;
	char *why;

	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	if (col < vs->ncol)
		xappendf(&vs->errors, _("%s%s: row %zu, column %s: %s"),
		    vs->errors ? "\n" : "", vs->path, vs->rowno[r],
		    vs->rows[vs->head][col], why);
	else
		xappendf(&vs->errors, _("%s%s: row %zu: %s"), vs->errors ?
		    "\n" : "", vs->path, vs->rowno[r], why);
	if (vs->last != r + 1)
		vs->nerrors++;
	vs->last = r + 1;
	free(why);
}

/* Cell col of row r, "" past its end. */
static const char *
ballots_cell(const struct ballots_file *vs, size_t r, size_t col)
{
	size_t i;

	for (i = 0; i < col && vs->rows[r][i] != NULL; i++)
		;
	return vs->rows[r][i] != NULL ? vs->rows[r][i] : "";
}

/* The topic text names: its title (spaces, width and 台/臺 aside), or
 * #number. 0 when none. */
static uint32_t
ballots_topic(const struct ballots_file *vs, const char *text)
{
	char key[2 * OGPO_TEXT_MAX + 1];
	uint32_t id;
	size_t i;

	ballots_key(text, key, sizeof key);
	if (key[0] == '#' && str_to_id(key + 1, &id) == 0) {
		for (i = 0; i < vs->ncand; i++)
			if (vs->cand[i].id == id)
				return id;
		return 0;
	}
	for (i = 0; i < vs->ncand; i++)
		if (key[0] != '\0' && strcmp(vs->cand[i].key, key) == 0)
			return vs->cand[i].id;
	return 0;
}

/* The vote's topics, "#3 甲; #4 乙", for a sentence. */
static char *
ballots_topics_text(const struct ballots_file *vs)
{
	char *s = NULL;
	size_t i;

	for (i = 0; i < vs->ncand; i++)
		xappendf(&s, "%s#%u %s", i ? "; " : "", vs->cand[i].id,
		    vs->cand[i].title);
	return s != NULL ? s : xstrdup("");
}

/*
 * The topics a cell of a question lists, into b (or counted only, when
 * b is NULL): the pieces between , ; ， ； 、 joined back as long as
 * that makes a topic's title, since a title may hold a comma itself.
 * Returns how many were known; unknown is set to the first piece that
 * is no topic (a new string), else NULL.
 */
static size_t
ballots_listed(const struct ballots_file *vs, const char *cell,
    struct ballot_row *b, char **unknown)
{
	size_t start[OGPO_COLLAB_MAX * 4], end[OGPO_COLLAB_MAX * 4];
	size_t np = 0, i, j, k, known = 0, len = strlen(cell), n;
	char *span;
	uint32_t id = 0;

	*unknown = NULL;
	for (i = 0; i <= len && np < OGPO_COLLAB_MAX * 4; ) {
		n = 0;
		for (k = i; k < len; k++) {
			if (strchr(",;\n", cell[k]) != NULL)
				n = 1;
			else if (strncmp(cell + k, "，", 3) == 0 ||
			    strncmp(cell + k, "；", 3) == 0 ||
			    strncmp(cell + k, "、", 3) == 0)
				n = 3;
			if (n)
				break;
		}
		/* The last piece there is room for takes the rest: read
		 * as no topic, it is refused rather than left out. */
		if (np == OGPO_COLLAB_MAX * 4 - 1) {
			k = len;
			n = 0;
		}
		start[np] = i;
		end[np++] = k;
		i = k + (n ? n : 1);
	}
	for (i = 0; i < np; i = j + 1) {
		id = 0;
		for (j = np; j-- > i; ) {
			span = ballots_strndup(cell + start[i],
			    end[j] - start[i]);
			id = ballots_topic(vs, span);
			free(span);
			if (id != 0)
				break;
		}
		if (id == 0) {
			j = i;
			span = ballots_strndup(cell + start[i],
			    end[i] - start[i]);
			if (*str_trim(span) == '\0' || *unknown != NULL)
				free(span);
			else
				*unknown = span;
			continue;
		}
		known++;
		if (b == NULL)
			continue;
		for (k = 0; k < b->n && b->choice[k] != id; k++)
			;
		if (k == b->n && b->n < OGPO_COLLAB_MAX)
			b->choice[b->n++] = id;
	}
	return known;
}

/* A mark: 1 approves (V ✓ 1 O ○ 是 …), 0 does not (empty, 0, 否, -),
 * -1 says neither (X could be either). */
static int
ballots_mark(const char *cell)
{
	char key[64];

	ballots_key(cell, key, sizeof key);
	if (ballots_head_is(key, "|0|否|不同意|不贊成|n|no|false|☐|□"))
		return 0;
	if (ballots_head_is(key, "v|1|✓|✔|☑|☑️|✅|o|○|◯|●|◎|y|yes|是|同意|"
	    "贊成|支持|true|勾選"))
		return 1;
	return -1;
}

/*
 * A sortable time from a form's 時間戳記 or 完成時間: 2026/11/18 下午
 * 2:15:30, 11/18/2026 2:15:30 PM, 2026-11-18 14:15. "" when it reads as
 * none of them.
 */
static void
ballots_stamp(const char *in, char *out, size_t n)
{
	char f[128];
	unsigned v[6] = { 0 };
	size_t k = 0;
	const char *p;
	int pm = -1;

	import_fold(in, f, sizeof f);
	for (p = f; *p != '\0'; ) {
		if (isdigit((unsigned char)*p)) {
			if (k < 6)
				v[k++] = (unsigned)strtoul(p, (char **)&p, 10);
			else
				p++;
			continue;
		}
		if (strncmp(p, "下午", 6) == 0 || strncasecmp(p, "pm", 2) == 0)
			pm = 1;
		else if (strncmp(p, "上午", 6) == 0 ||
		    strncasecmp(p, "am", 2) == 0)
			pm = 0;
		p++;
	}
	out[0] = '\0';
	if (k < 5)
		return;
	if (v[0] < 100 && v[2] >= 1000) {	/* M/D/YYYY */
		unsigned y = v[2];

		v[2] = v[1];
		v[1] = v[0];
		v[0] = y;
	}
	if (pm == 1 && v[3] < 12)
		v[3] += 12;
	else if (pm == 0 && v[3] == 12)
		v[3] = 0;
	if (v[0] < 1000 || v[0] > 9999 || v[1] < 1 || v[1] > 12 ||
	    v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60)
		return;
	snprintf(out, n, "%04u%02u%02u%02u%02u%02u", v[0], v[1], v[2], v[3],
	    v[4], v[5]);
}

/* Which column is what, once the header row is known. */
static void
ballots_columns(struct ballots_file *vs)
{
	char key[2 * OGPO_TEXT_MAX + 1], *unknown;
	const char *h, *open;
	size_t i, r, stamp = (size_t)-1;
	int done;

	for (i = 0; i < vs->ncol; i++) {
		h = vs->rows[vs->head][i];
		ballots_key(h, key, sizeof key);
		vs->kind[i] = VS_OTHER;
		if (ballots_voter_head(key))
			vs->kind[i] = VS_VOTER;
		else if (ballots_head_is(key, BALLOTS_AGENCY_HEADS))
			vs->kind[i] = VS_AGENCY;
		else if (ballots_head_is(key, "完成時間|completiontime") ||
		    (stamp == (size_t)-1 && ballots_head_is(key,
		    "時間戳記|timestamp"))) {
			if (stamp != (size_t)-1)
				vs->kind[stamp] = VS_OTHER;
			vs->kind[stamp = i] = VS_STAMP;
		} else if (ballots_head_is(key, "id|開始時間|starttime|名稱|"
		    "姓名|name|上次修改時間|lastmodifiedtime|分數|總分|score|"
		    "totalpoints|備註|說明|note|remark|職稱|電話|phone"))
			vs->kind[i] = VS_OTHER;
		else if ((vs->col_cand[i] = ballots_topic(vs, h)) != 0)
			vs->kind[i] = VS_MARKS;
		else if (h[strlen(h) > 0 ? strlen(h) - 1 : 0] == ']' &&
		    (open = strrchr(h, '[')) != NULL) {
			/* A checkbox grid: "問題 [topic]". */
			char *t = ballots_strndup(open + 1, strlen(open) - 2);

			if ((vs->col_cand[i] = ballots_topic(vs, t)) != 0)
				vs->kind[i] = VS_MARKS;
			free(t);
		}
		if (vs->kind[i] != VS_OTHER)
			continue;
		/* A question: some answer of it names a topic. */
		for (r = vs->head + 1, done = 0; r < vs->nrows && !done; r++) {
			done = ballots_listed(vs, ballots_cell(vs, r, i),
			    NULL, &unknown) > 0;
			free(unknown);
		}
		if (done)
			vs->kind[i] = VS_LIST;
	}
}

/* The agency whose name is name, into a: 0, or -1 when none is. */
static int
ballots_agency_named(struct store_txn *t, const char *name, struct agency *a)
{
	struct store_cursor *c;
	int rc = -1;

	if (store_cursor_open(t, IX_AGENCY, NULL, &c, NULL) != 0)
		return -1;
	while (rc != 0 && store_cursor_move(c, STORE_NEXT) == 0)
		if (store_cursor_get(c, a, NULL) == 0 &&
		    strcmp(a->name, name) == 0)
			rc = 0;
	store_cursor_close(c);
	return rc;
}

/*
 * 1 if row r names (in 名稱 or 姓名, as Microsoft Forms and typed sheets
 * have it) one PO in office on the vote's date, put in o: whose address
 * a form may have taken from another account.
 */
static int
ballots_named_po(struct store_txn *t, const struct ballots_file *vs,
    size_t r, struct officer *o)
{
	char key[2 * OGPO_TEXT_MAX + 1];
	const char *name = NULL;
	uint32_t *ids, one = 0;
	size_t i, n, found = 0;

	for (i = 0; i < vs->ncol && name == NULL; i++) {
		ballots_key(vs->rows[vs->head][i], key, sizeof key);
		if (ballots_head_is(key, "名稱|姓名|name|投票人") &&
		    *ballots_cell(vs, r, i) != '\0')
			name = ballots_cell(vs, r, i);
	}
	if (name == NULL)
		return 0;
	n = core_vote_voters(t, vs->date, &ids);
	for (i = 0; i < n && found < 2; i++)
		if (store_officer_get(t, ids[i], o, NULL) == 0 &&
		    strcmp(o->name, name) == 0) {
			found++;
			one = ids[i];
		}
	free(ids);
	return found == 1 && store_officer_get(t, one, o, NULL) == 0;
}

/* The voter a row names, into o; 0, or -1 refused (said). */
static int
ballots_row_voter(struct store_txn *t, struct ballots_file *vs, size_t r,
    struct officer *o)
{
	char folded[OGPO_EMAIL_MAX * 2 + 1], *open;
	const char *cell;
	struct agency a;
	uint32_t *ids, one = 0;
	size_t i, k, ncol = vs->ncol, found = 0, col;
	char *names = NULL;

	for (col = 0; col < ncol; col++)
		if (vs->kind[col] == VS_VOTER &&
		    *ballots_cell(vs, r, col) != '\0')
			break;
	if (col < ncol) {
		import_fold(ballots_cell(vs, r, col), folded, sizeof folded);
		/* A no-break space a copy from a web page brings. */
		while ((open = strstr(folded, "\xc2\xa0")) != NULL)
			memcpy(open, "  ", 2);
		cell = str_trim(folded);
		/* 廖書豪 <moi.po2@…>, as a mail program copies it. */
		if ((open = strrchr(cell, '<')) != NULL &&
		    cell[strlen(cell) - 1] == '>') {
			cell = open + 1;
			folded[strlen(folded) - 1] = '\0';
		}
		if (strncasecmp(cell, "mailto:", 7) == 0)
			cell += 7;
		if (strcasecmp(cell, "anonymous") == 0 ||
		    strcmp(cell, "匿名") == 0) {
			ballots_refuse(vs, r, col, _("the form recorded no "
			    "e-mail (anonymous); only POs vote, so a ballot "
			    "must say whose it is: type the voter's e-mail "
			    "into the cell, or delete the row"));
			return -1;
		}
		if (store_officer_by_email(t, cell, o, NULL) != 0) {
			if (ballots_named_po(t, vs, r, o))
				ballots_refuse(vs, r, col, _("no officer has "
				    "the e-mail '%s'; the row names %s, a PO "
				    "registered as <%s>: if it is their "
				    "ballot, write that address in the cell"),
				    cell, o->name, o->email);
			else
				ballots_refuse(vs, r, col, _("no officer has "
				    "the e-mail '%s' (see ogpo list officers): "
				    "correct it, or delete the row if it is "
				    "not a PO's ballot"), cell);
			return -1;
		}
	} else {
		for (col = 0; col < ncol; col++)
			if (vs->kind[col] == VS_AGENCY &&
			    *ballots_cell(vs, r, col) != '\0')
				break;
		if (col == ncol) {
			ballots_refuse(vs, r, (size_t)-1, _("the row names no "
			    "voter: fill in the e-mail (or, on a sheet of "
			    "agencies, the agency), or delete the row"));
			return -1;
		}
		import_fold(ballots_cell(vs, r, col), folded, sizeof folded);
		cell = str_trim(folded);
		if (store_agency_by_code(t, cell, &a, NULL) != 0 &&
		    ballots_agency_named(t, cell, &a) != 0) {
			ballots_refuse(vs, r, col, _("no agency is '%s' (its "
			    "code or name as ogpo list agencies shows it)"),
			    cell);
			return -1;
		}
		k = store_group_ids(t, IX_OFFICER_AGENCY, a.h.id, &ids);
		for (i = 0; i < k; i++)
			if (store_officer_get(t, ids[i], o, NULL) == 0 &&
			    core_vote_eligible(o, vs->date)) {
				found++;
				one = ids[i];
				xappendf(&names, "%s%s <%s>", names ? ", " : "",
				    o->name, o->email);
			}
		free(ids);
		if (found != 1) {
			if (found == 0)
				ballots_refuse(vs, r, col, _("%s has no PO in "
				    "office on %s, and only POs vote: delete "
				    "the row"), a.name, vs->date);
			else
				ballots_refuse(vs, r, col, _("%s has %zu "
				    "POs in "
				    "office on %s (%s), each with a vote of "
				    "their own: add a 電子郵件 column saying "
				    "whose ballot the row is"), a.name, found,
				    vs->date, names);
			free(names);
			return -1;
		}
		free(names);
		if (store_officer_get(t, one, o, NULL) != 0)
			return -1;
	}
	if (!core_vote_eligible(o, vs->date)) {
		ballots_refuse(vs, r, col, _("%s <%s> may not vote: only "
		    "the POs in office on the vote's date (%s) vote; delete "
		    "the row"),
		    o->name, o->email, vs->date);
		return -1;
	}
	return 0;
}

/* Row r's approvals into b, refusing what reads as no topic or mark. */
static void
ballots_row_choices(struct ballots_file *vs, size_t r,
    struct ballot_row *b)
{
	const char *cell;
	char *unknown, *topics, *hint;
	size_t col, i;
	int m;

	for (col = 0; col < vs->ncol; col++) {
		cell = ballots_cell(vs, r, col);
		if (vs->kind[col] == VS_MARKS) {
			if ((m = ballots_mark(cell)) < 0)
				ballots_refuse(vs, r, col, _("'%s' is no "
				    "mark: write V (or 1, ✓) where the topic "
				    "is approved and leave the cell empty where "
				    "it is not"), cell);
			for (i = 0; m == 1 && i < b->n &&
			    b->choice[i] != vs->col_cand[col]; i++)
				;
			if (m == 1 && i == b->n && b->n < OGPO_COLLAB_MAX)
				b->choice[b->n++] = vs->col_cand[col];
			continue;
		}
		if (vs->kind[col] != VS_LIST)
			continue;
		(void)ballots_listed(vs, cell, b, &unknown);
		if (unknown == NULL)
			continue;
		hint = NULL;
		for (i = 0; i < vs->ncand && hint == NULL; i++) {
			char key[2 * OGPO_TEXT_MAX + 1];

			ballots_key(unknown, key, sizeof key);
			if (key[0] != '\0' && (strstr(vs->cand[i].key, key) !=
			    NULL || strstr(key, vs->cand[i].key) != NULL))
				hint = xasprintf(_(" Is it #%u %s?"),
				    vs->cand[i].id, vs->cand[i].title);
		}
		topics = ballots_topics_text(vs);
		ballots_refuse(vs, r, col, _("'%s' is none of vote #%u's "
		    "topics (%s).%s Write the topic's title as the vote has "
		    "it, or its #number, or delete it from the cell"), unknown,
		    vs->vote, topics, hint ? hint : "");
		free(topics);
		free(hint);
		free(unknown);
	}
}

/* The file's rows, every cell copied. */
static int
ballots_sheet_load(struct ballots_file *vs, const char *path, char **cause)
{
	struct table_options to;
	struct table_parsed *p = NULL;
	struct table_reader *r = NULL;
	const struct table_row *row;
	struct spool sp;
	size_t i, cap = 0;
	int rc, got = 0;

	if ((rc = spool_in(&sp, path, NULL, NULL, cause)) != 0)
		return rc;
	memset(&to, 0, sizeof to);
	/* A set-id ogpo reads the file in a process of its own. */
	if ((rc = table_parse(&p, path, sp.data, sp.len, &to, priv_setid(),
	    cause)) != 0 || (rc = table_parsed_open(&r, p, cause)) != 0)
		goto out;
	while ((got = table_reader_next(r, &row, cause)) == 1) {
		if (vs->nrows == cap) {
			cap = cap ? 2 * cap : 64;
			vs->rows = xreallocarray(vs->rows, cap,
			    sizeof *vs->rows);
			vs->rowno = xreallocarray(vs->rowno, cap,
			    sizeof *vs->rowno);
		}
		vs->rows[vs->nrows] = xcalloc(row->nfields + 1, sizeof(char *));
		for (i = 0; i < row->nfields; i++)
			vs->rows[vs->nrows][i] = xstrdup(row->fields[i]);
		vs->rowno[vs->nrows++] = row->row;
	}
	if (got < 0)
		rc = OGPO_INVALID;
out:
	if (r != NULL)
		table_reader_close(r);
	table_parsed_free(p);
	spool_free(&sp);
	return rc;
}

static void
ballots_sheet_free(struct ballots_file *vs)
{
	size_t r, i;

	for (r = 0; r < vs->nrows; r++) {
		for (i = 0; vs->rows[r][i] != NULL; i++)
			free(vs->rows[r][i]);
		free(vs->rows[r]);
	}
	free(vs->rows);
	free(vs->rowno);
	free(vs->cand);
	free(vs->kind);
	free(vs->col_cand);
	free(vs->errors);
}

/* The vote's date and its topics, each with its key. */
static int
ballots_sheet_topics(struct store_txn *t, struct ballots_file *vs,
    char **cause)
{
	struct store_cursor *cur;
	struct candidate cd;
	struct vote v;

	if (store_get(t, ENTITY_VOTE, vs->vote, &v, NULL) != 0)
		return err_set(cause, OGPO_INVALID, "there is no vote #%u (see "
		    "ogpo vote list)", vs->vote);
	str_copy(vs->date, v.date, sizeof vs->date);
	vs->cand = xcalloc(VOTE_CANDIDATES_MAX, sizeof *vs->cand);
	if (store_cursor_open(t, IX_VOTE_CANDIDATE, &vs->vote, &cur,
	    cause) != 0)
		return OGPO_IO;
	while (vs->ncand < VOTE_CANDIDATES_MAX &&
	    store_cursor_move(cur, STORE_NEXT) == 0)
		if (store_cursor_get(cur, &cd, NULL) == 0) {
			vs->cand[vs->ncand].id = cd.h.id;
			str_copy(vs->cand[vs->ncand].title, cd.title,
			    sizeof vs->cand[vs->ncand].title);
			ballots_key(cd.title, vs->cand[vs->ncand].key,
			    sizeof vs->cand[vs->ncand].key);
			vs->ncand++;
		}
	store_cursor_close(cur);
	return 0;
}

/* The header: the first row naming a voter column as the forms do,
 * else one asking for it in other words (a title may sit above it, and
 * may speak of e-mail too). -1 when there is none. */
static int
ballots_sheet_head(struct ballots_file *vs)
{
	char key[2 * OGPO_TEXT_MAX + 1];
	size_t r, i;
	int loose;

	for (loose = 0; loose < 2; loose++)
		for (r = 0; r < vs->nrows && r < 10; r++)
			for (i = 0; vs->rows[r][i] != NULL; i++) {
				ballots_key(vs->rows[r][i], key, sizeof key);
				if ((loose ? ballots_voter_head(key) :
				    ballots_head_is(key,
				    BALLOTS_VOTER_HEADS)) ||
				    ballots_head_is(key,
				    BALLOTS_AGENCY_HEADS)) {
					vs->head = r;
					for (vs->ncol = 0; vs->rows[r][
					    vs->ncol] != NULL; vs->ncol++)
						;
					return 0;
				}
			}
	return -1;
}

/* 1 if every cell of row r is empty. */
static int
ballots_blank_row(const struct ballots_file *vs, size_t r)
{
	size_t i;

	for (i = 0; vs->rows[r][i] != NULL; i++)
		if (*vs->rows[r][i] != '\0' && strspn(vs->rows[r][i],
		    " \t") != strlen(vs->rows[r][i]))
			return 0;
	return 1;
}

/*
 * Say what a voter's two submissions came to: the later (by the form's
 * time where it says one, else further down) counts.
 */
static void
ballots_supersede(struct ballot_sheet *bs)
{
	struct ballot_row *a, *b;
	size_t i, j;

	for (i = 0; i < bs->nb; i++)
		for (j = i + 1; j < bs->nb; j++) {
			a = &bs->b[i];
			b = &bs->b[j];
			if (a->officer != b->officer || a->skip || b->skip)
				continue;
			if (a->stamp[0] && b->stamp[0] &&
			    strcmp(a->stamp, b->stamp) > 0) {
				a = &bs->b[j];
				b = &bs->b[i];
			}
			a->skip = 1;
			xappendf(&bs->notes, _("%s: %s <%s> submitted again "
			    "later (%s); only the later ballot counts\n"),
			    a->where, a->name, a->voter, b->where);
			bs->superseded++;
		}
}

int
ballots_read(struct core *c, uint32_t vote, const char *path,
    struct ballot_sheet *bs, char **cause)
{
	struct ballots_file vs;
	struct store_txn *t;
	struct officer *o = xmalloc(sizeof *o);
	struct ballot_row *b;
	char *topics, *heads = NULL;
	size_t r, i, stamp, cap = 0;
	int rc;

	memset(&vs, 0, sizeof vs);
	vs.path = path;
	memset(bs, 0, sizeof *bs);
	vs.vote = vote;
	if ((rc = ballots_sheet_load(&vs, path, cause)) != 0 ||
	    (rc = store_read_begin(core_store(c), &t, cause)) != 0)
		goto out;
	if ((rc = ballots_sheet_topics(t, &vs, cause)) != 0)
		goto end;
	if (ballots_sheet_head(&vs) != 0) {
		rc = err_set(cause, OGPO_INVALID, "%s: no row names the "
		    "voters: the header needs an e-mail column (電子郵件; "
		    "Google Forms writes 電子郵件地址 when it collects them) "
		    "or, on a sheet of a row per agency, 機關", path);
		goto end;
	}
	vs.kind = xcalloc(vs.ncol + 1, sizeof *vs.kind);
	vs.col_cand = xcalloc(vs.ncol + 1, sizeof *vs.col_cand);
	ballots_columns(&vs);
	for (i = 0, stamp = (size_t)-1; i < vs.ncol; i++) {
		if (vs.kind[i] == VS_STAMP)
			stamp = i;
		if (vs.kind[i] == VS_MARKS || vs.kind[i] == VS_LIST)
			break;
		xappendf(&heads, "%s%s", heads ? ", " : "",
		    vs.rows[vs.head][i]);
	}
	if (i == vs.ncol) {
		topics = ballots_topics_text(&vs);
		rc = err_set(cause, OGPO_INVALID, "%s: no column holds vote "
		    "#%u's topics (%s): not as headers, one a column marked "
		    "V where approved, nor in the answers of a question "
		    "(columns read: %s). Are the topics named as the vote "
		    "names them, and is it the right vote?", path, vs.vote,
		    topics, heads ? heads : "");
		free(topics);
		goto end;
	}
	for (r = vs.head + 1; r < vs.nrows; r++) {
		if (ballots_blank_row(&vs, r))
			continue;
		if (bs->nb == cap) {
			cap = cap ? 2 * cap : 64;
			bs->b = xreallocarray(bs->b, cap, sizeof *bs->b);
		}
		b = &bs->b[bs->nb];
		memset(b, 0, sizeof *b);
		snprintf(b->where, sizeof b->where, _("row %zu"), vs.rowno[r]);
		if (ballots_row_voter(t, &vs, r, o) != 0)
			continue;
		b->officer = o->h.id;
		str_copy(b->voter, o->email, sizeof b->voter);
		str_copy(b->name, o->name, sizeof b->name);
		if (stamp < vs.ncol)
			ballots_stamp(ballots_cell(&vs, r, stamp), b->stamp,
			    sizeof b->stamp);
		ballots_row_choices(&vs, r, b);
		bs->nb++;
	}
	if (vs.nerrors > 0) {
		rc = err_set(cause, OGPO_INVALID, "%zu of the sheet's rows "
		    "were refused, and no ballot was entered:\n%s", vs.nerrors,
		    vs.errors);
		goto end;
	}
	ballots_supersede(bs);
	for (i = 0; i < bs->nb; i++)
		if (!bs->b[i].skip && bs->b[i].n == 0) {
			bs->b[i].skip = 1;
			bs->empty++;
			xappendf(&bs->notes, _("%s: %s <%s> approves no topic: "
			    "not entered as a ballot\n"), bs->b[i].where,
			    bs->b[i].name, bs->b[i].voter);
		}
end:
	store_read_end(t);
out:
	free(heads);
	free(o);
	ballots_sheet_free(&vs);
	return rc;
}

int
ballots_enter(struct core *c, struct store_txn *t, uint32_t vote,
    const struct ballot_sheet *bs, size_t *added, size_t *replaced,
    char **cause)
{
	struct officer *o = xmalloc(sizeof *o);
	const struct ballot_row *b;
	size_t i;
	int rc = 0, again;

	*added = *replaced = 0;
	for (i = 0; i < bs->nb && rc == 0; i++) {
		b = &bs->b[i];
		if (b->skip)
			continue;
		if (b->officer != 0)
			o->h.id = b->officer;
		else if ((rc = ballots_voter(t, b, o, cause)) != 0)
			break;
		if ((rc = core_vote_ballot(c, t, vote, o->h.id, b->choice,
		    b->n, &again, cause)) != 0) {
			if (b->where[0] != '\0')
				rc = err_prefix(cause, rc, "%s", b->where);
			break;
		}
		again ? (*replaced)++ : (*added)++;
	}
	free(o);
	return rc;
}

void
ballots_free(struct ballot_sheet *bs)
{
	free(bs->b);
	free(bs->notes);
	memset(bs, 0, sizeof *bs);
}
