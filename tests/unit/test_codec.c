/*
 * test_codec.c — records to CBOR and back: every schema survives a round
 * trip with every field at its limits (CJK text, strings of exactly the
 * field's size, 0 and UINT32_MAX, negative times), and decoding refuses
 * every malformed, truncated or hostile byte string with OGPO_CORRUPT
 * and a cause naming the field, never crashing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cbor.h>
#include <cmocka.h>

#include "ogpo/codec.h"
#include "ogpo/model.h"
#include "ogpo/schema.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

#define TEST_CJK	"行政院國家發展委員會"
#define TEST_AUDIT_CAP	(2 * OGPO_RECORD_MAX + 256)

/* Fail with both strings shown unless needle is in hay. */
#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
	if (h_ == NULL || strstr(h_, n_) == NULL)			\
		fail_msg("'%s' is not in '%s'", n_, h_ ? h_ : "(null)");\
} while (0)

/*
 * Fill dst (a char[size]) with exactly size - 1 bytes of valid UTF-8:
 * as many copies of unit as fit, then ASCII 'x' to the end.
 */
static void
test_fill(char *dst, size_t size, const char *unit)
{
	size_t ul = strlen(unit), n = 0;

	while (n + ul <= size - 1) {
		memcpy(dst + n, unit, ul);
		n += ul;
	}
	while (n < size - 1)
		dst[n++] = 'x';
	dst[n] = '\0';
	assert_int_equal(strlen(dst), size - 1);
	assert_true(text_utf8_valid(dst, size - 1));
}

#define FILL(field, unit) test_fill((field), sizeof(field), (unit))

/*
 * Encode rec, decode it into a fresh buffer and compare every byte;
 * encoding the decoded record again gives the same bytes. Returns the
 * encoded length.
 */
static size_t
test_roundtrip(const struct schema *s, const void *rec, size_t cap)
{
	uint8_t *buf = malloc(cap), *again = malloc(cap);
	void *out = malloc(s->size);
	char *cause = NULL;
	size_t len, len2;
	int rc;

	assert_non_null(buf);
	assert_non_null(again);
	assert_non_null(out);
	len = codec_encode(s, rec, buf, cap);
	assert_true(len > 0);
	assert_true(len <= cap);
	memset(out, 0xa5, s->size);
	rc = codec_decode(s, buf, len, out, &cause);
	if (rc != 0)
		fail_msg("%s does not decode: %s", s->name, cause);
	assert_null(cause);
	assert_memory_equal(out, rec, s->size);
	len2 = codec_encode(s, out, again, cap);
	assert_int_equal(len2, len);
	assert_memory_equal(again, buf, len);
	free(out);
	free(again);
	free(buf);
	return len;
}

static void
test_head_max(struct record_head *h)
{
	h->id = UINT32_MAX;
	h->version = UINT32_MAX;
	h->updated_at = -1234567890123LL;
	FILL(h->updated_by, "a");
}

static void
test_codec_agency(void **state)
{
	struct agency a;

	(void)state;
	memset(&a, 0, sizeof a);
	test_head_max(&a.h);
	a.parent = UINT32_MAX;
	a.level = LEVEL_4;
	FILL(a.code, "MOI-");
	FILL(a.name, "委");
	FILL(a.note, TEST_CJK);
	test_roundtrip(&schema_agency, &a, OGPO_RECORD_MAX);

	/* The Executive Yuan: parent 0, short CJK name, empty note. */
	memset(&a, 0, sizeof a);
	a.h.id = 1;
	a.h.version = 1;
	a.h.updated_at = -1;
	a.level = LEVEL_CABINET;
	strcpy(a.code, "EY");
	strcpy(a.name, TEST_CJK);
	test_roundtrip(&schema_agency, &a, OGPO_RECORD_MAX);
}

static void
test_codec_officer(void **state)
{
	struct officer o;

	(void)state;
	memset(&o, 0, sizeof o);
	test_head_max(&o.h);
	o.agency = UINT32_MAX;
	o.role = ROLE_MAX;
	o.supervisor = SUPV_MAX;
	o.function = FUNC_MAX;
	o.civil_servant = 1;
	FILL(o.name, "王");
	FILL(o.title, "開放政府聯絡人");
	FILL(o.email, "wang.xiaoming@ndc.gov.tw");
	FILL(o.phone, "02-2316-5300 ");
	FILL(o.ext, "123");
	strcpy(o.start_date, "2024-02-29");
	strcpy(o.end_date, "2999-12-31");
	FILL(o.note, "約聘人員\n\t");
	test_roundtrip(&schema_officer, &o, OGPO_RECORD_MAX);

	/* Empty strings and zeros stay empty and zero. */
	memset(&o, 0, sizeof o);
	o.h.id = 7;
	o.h.updated_at = INT64_MIN;
	o.role = ROLE_PO;
	strcpy(o.name, "王小明");
	strcpy(o.email, "wang@ndc.gov.tw");
	test_roundtrip(&schema_officer, &o, OGPO_RECORD_MAX);
}

static void
test_codec_meeting(void **state)
{
	struct meeting m;

	(void)state;
	memset(&m, 0, sizeof m);
	test_head_max(&m.h);
	m.kind = MEETING_KIND_MAX;
	m.status = MEETING_STATUS_MAX;
	m.agency = UINT32_MAX;
	m.issue = UINT32_MAX;
	FILL(m.title, "開放政府聯絡人工作推動會議");
	strcpy(m.date, "2024-05-08");
	strcpy(m.time, "14:30");
	FILL(m.place, "行政院第一會議室");
	FILL(m.chair, "李");
	FILL(m.minutes_url, "https://example.gov.tw/");
	FILL(m.video_url, "https://youtu.be/x");
	FILL(m.audio_url, "https://a.example/");
	FILL(m.note, "會議紀錄");
	test_roundtrip(&schema_meeting, &m, OGPO_RECORD_MAX);

	memset(&m, 0, sizeof m);
	m.kind = MEETING_POLICY;
	m.status = MEETING_PLANNED;
	strcpy(m.title, TEST_CJK);
	strcpy(m.date, "2025-01-15");
	test_roundtrip(&schema_meeting, &m, OGPO_RECORD_MAX);
}

static void
test_codec_attendance(void **state)
{
	struct attendance a;

	(void)state;
	memset(&a, 0, sizeof a);
	test_head_max(&a.h);
	a.meeting = UINT32_MAX;
	a.officer = UINT32_MAX;
	a.agency = UINT32_MAX;
	a.role = ROLE_MINISTER;
	a.status = ATTEND_PROXY;
	FILL(a.proxy, "陳");
	FILL(a.note, "代理出席");
	test_roundtrip(&schema_attendance, &a, OGPO_RECORD_MAX);

	memset(&a, 0, sizeof a);
	a.meeting = 1;
	a.officer = 2;
	a.status = ATTEND_INVITED;
	test_roundtrip(&schema_attendance, &a, OGPO_RECORD_MAX);
}

static void
test_codec_issue(void **state)
{
	struct issue *is = calloc(1, sizeof *is);
	uint32_t i;

	(void)state;
	assert_non_null(is);
	test_head_max(&is->h);
	is->lead = UINT32_MAX;
	is->po = UINT32_MAX;
	is->status = ISSUE_STATUS_MAX;
	is->stage = STAGE_MAX;
	is->triggers = TRIGGER_ALL;
	is->ncollab = OGPO_COLLAB_MAX;
	for (i = 0; i < OGPO_COLLAB_MAX; i++)
		is->collab[i] = i == 0 ? UINT32_MAX : i * 1000003u;
	FILL(is->title, "公共政策網路參與平臺");
	FILL(is->description, "議題說明");
	FILL(is->transparency, "透明");
	FILL(is->participation, "參與");
	FILL(is->accountability, "課責");
	FILL(is->inclusiveness, "涵容");
	FILL(is->links, "https://join.gov.tw/");
	FILL(is->note, "備註");
	test_roundtrip(&schema_issue, is, OGPO_RECORD_MAX);

	/* A short list: the unused entries stay zero. */
	memset(is, 0, sizeof *is);
	is->h.id = 3;
	is->lead = 2;
	is->status = ISSUE_OPEN;
	is->ncollab = 3;
	is->collab[0] = 5;
	is->collab[1] = 0;
	is->collab[2] = UINT32_MAX;
	strcpy(is->title, TEST_CJK);
	test_roundtrip(&schema_issue, is, OGPO_RECORD_MAX);
	free(is);
}

static void
test_codec_user(void **state)
{
	struct user u;
	uint32_t i;

	(void)state;
	memset(&u, 0, sizeof u);
	test_head_max(&u.h);
	u.role = UROLE_MAX;
	u.nscope = OGPO_COLLAB_MAX;
	for (i = 0; i < OGPO_COLLAB_MAX; i++)
		u.scope[i] = UINT32_MAX - i;
	FILL(u.login, "ab_");
	test_roundtrip(&schema_user, &u, OGPO_RECORD_MAX);

	memset(&u, 0, sizeof u);
	u.role = UROLE_VIEWER;
	u.nscope = 1;
	u.scope[0] = 0;
	strcpy(u.login, "po");
	test_roundtrip(&schema_user, &u, OGPO_RECORD_MAX);
}

static void
test_codec_audit(void **state)
{
	struct audit *a = calloc(1, sizeof *a);
	size_t i, len;

	(void)state;
	assert_non_null(a);
	a->seq = UINT64_MAX;
	a->time = INT64_MIN;
	a->action = AUDIT_ACTION_MAX;
	a->entity = ENTITY_MAX;
	a->id = UINT32_MAX;
	a->id2 = UINT32_MAX;
	FILL(a->login, "z");
	a->before_len = sizeof a->before;
	a->after_len = sizeof a->after;
	for (i = 0; i < sizeof a->before; i++) {
		a->before[i] = (uint8_t)(i * 7);
		a->after[i] = (uint8_t)(255 - i);
	}
	len = test_roundtrip(&schema_audit, a, TEST_AUDIT_CAP);
	assert_true(len > 2 * OGPO_RECORD_MAX);
	/* Two full images cannot fit in one record's room. */
	{
		uint8_t *small = malloc(OGPO_RECORD_MAX);

		assert_non_null(small);
		assert_int_equal(codec_encode(&schema_audit, a, small,
		    OGPO_RECORD_MAX), 0);
		free(small);
	}

	/* A create: no before image, a short after image, time > 0. */
	memset(a, 0, sizeof *a);
	a->seq = 1;
	a->time = 1715140800;
	a->action = AUDIT_CREATE;
	a->entity = ENTITY_OFFICER;
	a->id = 12;
	strcpy(a->login, "wang");
	a->after_len = 3;
	memcpy(a->after, "\xa1\x01\x0c", 3);
	test_roundtrip(&schema_audit, a, TEST_AUDIT_CAP);
	free(a);
}

/* A record with nothing set is an empty map, and reads back as zeros. */
static void
test_codec_empty(void **state)
{
	const struct schema *all[] = { &schema_agency, &schema_officer,
		&schema_meeting, &schema_attendance, &schema_issue,
		&schema_user, &schema_audit, &schema_import, &schema_training,
		&schema_reward };
	uint8_t buf[16];
	char *cause = NULL;
	size_t i, k;
	void *rec, *zero;

	(void)state;
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		/* More fields than the encoder has room to list: never
		 * encoded at all. */
		if (all[i]->nfields > SCHEMA_FIELDS_MAX)
			fail_msg("%s has %zu fields; SCHEMA_FIELDS_MAX is %d",
			    all[i]->name, all[i]->nfields, SCHEMA_FIELDS_MAX);
		zero = calloc(1, all[i]->size);
		rec = malloc(all[i]->size);
		assert_non_null(zero);
		assert_non_null(rec);
		assert_int_equal(codec_encode(all[i], zero, buf, sizeof buf),
		    1);
		assert_int_equal(buf[0], 0xa0);
		memset(rec, 0x5a, all[i]->size);
		assert_int_equal(codec_decode(all[i], buf, 1, rec, &cause), 0);
		assert_null(cause);
		for (k = 0; k < all[i]->size; k++)
			if (((uint8_t *)rec)[k] != 0)
				fail_msg("%s: byte %zu is %#x after {}",
				    all[i]->name, k, ((uint8_t *)rec)[k]);
		free(rec);
		free(zero);
	}
}

/* An officer with most fields set, for the corruption tests. */
static void
test_officer_sample(struct officer *o)
{
	memset(o, 0, sizeof *o);
	o->h.id = 300;
	o->h.version = 2;
	o->h.updated_at = -5;
	strcpy(o->h.updated_by, "admin");
	o->agency = 70000;
	o->role = ROLE_SUPERVISOR;
	o->supervisor = SUPV_CIO;
	o->civil_servant = 1;
	strcpy(o->name, "王小明");
	strcpy(o->title, "資訊長");
	strcpy(o->email, "wang@ndc.gov.tw");
	strcpy(o->phone, "02-2316-5300");
	strcpy(o->start_date, "2024-01-01");
	strcpy(o->note, "note");
}

/* Every proper prefix of a valid encoding is refused. */
static void
test_codec_truncated(void **state)
{
	struct officer o, out;
	uint8_t buf[OGPO_RECORD_MAX];
	char *cause = NULL;
	size_t len, n;

	(void)state;
	test_officer_sample(&o);
	len = codec_encode(&schema_officer, &o, buf, sizeof buf);
	assert_true(len > 50);
	for (n = 0; n < len; n++) {
		if (codec_decode(&schema_officer, buf, n, &out, &cause) !=
		    OGPO_CORRUPT)
			fail_msg("a prefix of %zu of %zu bytes decodes", n,
			    len);
		assert_non_null(cause);
		free(cause);
		cause = NULL;
	}
	assert_int_equal(codec_decode(&schema_officer, buf, len, &out,
	    &cause), 0);
	assert_memory_equal(&out, &o, sizeof o);
}

/* Whatever decodes from damaged bytes is a sane record. */
static void
test_record_sane(const struct schema *s, const void *rec)
{
	const struct field *f;
	const char *p;
	uint32_t u;
	size_t i, len;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		p = (const char *)rec + f->offset;
		switch (f->type) {
		case FIELD_STR:
			len = strnlen(p, f->size);
			assert_true(len < f->size);
			assert_true(text_utf8_valid(p, len));
			break;
		case FIELD_U32:
			memcpy(&u, p, sizeof u);
			if (f->enums != NULL && u != 0)
				assert_in_range(u, f->enums->min,
				    f->enums->max);
			break;
		case FIELD_U32LIST:
			memcpy(&u, (const char *)rec + f->count, sizeof u);
			assert_true(u <= f->size / sizeof u);
			break;
		case FIELD_BYTES:
			memcpy(&len, (const char *)rec + f->count, sizeof len);
			assert_true(len <= f->size);
			break;
		default:
			break;
		}
	}
}

/* Flip each byte to a few telling values: refused or sane, never a crash. */
static void
test_codec_flip(const struct schema *s, const void *rec)
{
	static const uint8_t values[] = { 0x00, 0xff, 0x7f, 0x1f, 0x5f,
		0xbf };
	uint8_t *buf = malloc(TEST_AUDIT_CAP), *bad;
	void *out = malloc(s->size);
	char *cause = NULL;
	size_t len, i, v, decoded = 0, refused = 0;
	int rc;

	assert_non_null(buf);
	assert_non_null(out);
	len = codec_encode(s, rec, buf, TEST_AUDIT_CAP);
	assert_true(len > 0);
	for (i = 0; i < len; i++) {
		for (v = 0; v < sizeof values; v++) {
			if (buf[i] == values[v])
				continue;
			/* An exact-size copy, so ASan sees any overread. */
			bad = malloc(len);
			assert_non_null(bad);
			memcpy(bad, buf, len);
			bad[i] = values[v];
			rc = codec_decode(s, bad, len, out, &cause);
			if (rc == 0) {
				decoded++;
				test_record_sane(s, out);
			} else {
				if (rc != OGPO_CORRUPT)
					fail_msg("%s byte %zu = %#x: status %d",
					    s->name, i, values[v], rc);
				assert_non_null(cause);
				refused++;
			}
			free(cause);
			cause = NULL;
			free(bad);
		}
	}
	/* Both outcomes happen: the test did look at the bytes. */
	assert_true(decoded > 0);
	assert_true(refused > 0);
	free(out);
	free(buf);
}

static void
test_codec_flipped_bytes(void **state)
{
	struct officer o;
	struct issue *is = calloc(1, sizeof *is);
	struct audit *a = calloc(1, sizeof *a);
	uint8_t img[OGPO_RECORD_MAX];

	(void)state;
	assert_non_null(is);
	assert_non_null(a);
	test_officer_sample(&o);
	test_codec_flip(&schema_officer, &o);

	is->h.id = 9;
	is->lead = 2;
	is->po = 300;
	is->status = ISSUE_COLLABORATING;
	is->stage = STAGE_DRAFTING;
	is->triggers = TRIGGER_DIVIDED;
	is->ncollab = 4;
	is->collab[0] = 3;
	is->collab[1] = 400;
	is->collab[2] = 70000;
	is->collab[3] = UINT32_MAX;
	strcpy(is->title, TEST_CJK);
	strcpy(is->links, "https://join.gov.tw/");
	test_codec_flip(&schema_issue, is);

	a->seq = 77;
	a->time = -1;
	a->action = AUDIT_UPDATE;
	a->entity = ENTITY_OFFICER;
	a->id = 300;
	strcpy(a->login, "admin");
	a->before_len = codec_encode(&schema_officer, &o, img, sizeof img);
	memcpy(a->before, img, a->before_len);
	strcpy(o.name, "李美玲");
	a->after_len = codec_encode(&schema_officer, &o, img, sizeof img);
	memcpy(a->after, img, a->after_len);
	test_codec_flip(&schema_audit, a);
	free(a);
	free(is);
}

/* A hand-made CBOR byte string. */
struct test_cbor {
	uint8_t	b[8192];
	size_t	n;
};

static void
test_cbor_put(struct test_cbor *c, size_t n)
{
	assert_true(n > 0);
	c->n += n;
}

static void
test_cbor_map(struct test_cbor *c, size_t n)
{
	test_cbor_put(c, cbor_encode_map_start(n, c->b + c->n,
	    sizeof c->b - c->n));
}

static void
test_cbor_array(struct test_cbor *c, size_t n)
{
	test_cbor_put(c, cbor_encode_array_start(n, c->b + c->n,
	    sizeof c->b - c->n));
}

static void
test_cbor_uint(struct test_cbor *c, uint64_t v)
{
	test_cbor_put(c, cbor_encode_uint(v, c->b + c->n, sizeof c->b - c->n));
}

static void
test_cbor_negint(struct test_cbor *c, uint64_t v)
{
	test_cbor_put(c, cbor_encode_negint(v, c->b + c->n,
	    sizeof c->b - c->n));
}

static void
test_cbor_text(struct test_cbor *c, const char *s, size_t len)
{
	test_cbor_put(c, cbor_encode_string_start(len, c->b + c->n,
	    sizeof c->b - c->n));
	assert_true(len <= sizeof c->b - c->n);
	memcpy(c->b + c->n, s, len);
	c->n += len;
}

static void
test_cbor_str(struct test_cbor *c, const char *s)
{
	test_cbor_text(c, s, strlen(s));
}

static void
test_cbor_bytes(struct test_cbor *c, const void *p, size_t len)
{
	test_cbor_put(c, cbor_encode_bytestring_start(len, c->b + c->n,
	    sizeof c->b - c->n));
	assert_true(len <= sizeof c->b - c->n);
	memcpy(c->b + c->n, p, len);
	c->n += len;
}

static void
test_cbor_raw(struct test_cbor *c, const void *p, size_t len)
{
	assert_true(len <= sizeof c->b - c->n);
	memcpy(c->b + c->n, p, len);
	c->n += len;
}

/*
 * Decoding c must fail with OGPO_CORRUPT and a cause holding want. All is
 * freed before judging, so that a failure leaks nothing.
 */
static void
test_refused(const struct schema *s, const struct test_cbor *c,
    const char *want)
{
	void *rec = malloc(s->size);
	uint8_t *copy = malloc(c->n ? c->n : 1);
	char *cause = NULL, msg[512];
	int rc;

	assert_non_null(rec);
	assert_non_null(copy);
	memcpy(copy, c->b, c->n);
	rc = codec_decode(s, copy, c->n, rec, &cause);
	snprintf(msg, sizeof msg, "%s", cause ? cause : "(no cause)");
	free(cause);
	free(copy);
	free(rec);
	if (rc != OGPO_CORRUPT)
		fail_msg("decoded with status %d, wanted a refusal naming "
		    "'%s'", rc, want);
	assert_contains(msg, want);
}

/* Decoding c must succeed (into rec, of s->size bytes). */
static void
test_accepted(const struct schema *s, const struct test_cbor *c, void *rec)
{
	uint8_t *copy = malloc(c->n ? c->n : 1);
	char *cause = NULL;
	int rc;

	assert_non_null(copy);
	memcpy(copy, c->b, c->n);
	rc = codec_decode(s, copy, c->n, rec, &cause);
	if (rc != 0)
		fail_msg("refused: %s", cause);
	assert_null(cause);
	free(copy);
}

/*
 * codec_decode_some: the fields asked for, as codec_decode gives them
 * (emptied first), the rest of the record untouched; a field asked for
 * is checked as fully as ever, the others only for being CBOR; and every
 * prefix of the bytes is still refused.
 */
static void
test_codec_decode_some(void **state)
{
	static const char *const names[] = { "name", "title", "role",
		"nosuch", NULL };
	struct officer o, out;
	struct test_cbor c;
	uint8_t buf[OGPO_RECORD_MAX];
	uint64_t mask = codec_mask(&schema_officer, names);
	char *cause = NULL;
	size_t len, n;

	(void)state;
	assert_int_equal(mask, (1ULL << (schema_field(&schema_officer,
	    "name") - schema_officer.fields)) | (1ULL << (schema_field(
	    &schema_officer, "title") - schema_officer.fields)) |
	    (1ULL << (schema_field(&schema_officer, "role") -
	    schema_officer.fields)));
	test_officer_sample(&o);
	len = codec_encode(&schema_officer, &o, buf, sizeof buf);
	memset(&out, 'z', sizeof out);
	strcpy(out.email, "left@alone");
	assert_int_equal(codec_decode_some(&schema_officer, buf, len, &out,
	    mask, &cause), 0);
	assert_null(cause);
	assert_string_equal(out.name, "王小明");
	assert_string_equal(out.title, "資訊長");
	assert_int_equal(out.role, ROLE_SUPERVISOR);
	assert_string_equal(out.email, "left@alone");
	assert_int_equal(out.h.id, 0x7a7a7a7a);	/* not asked for */
	for (n = 0; n < len; n++) {
		assert_int_equal(codec_decode_some(&schema_officer, buf, n,
		    &out, mask, &cause), OGPO_CORRUPT);
		free(cause);
		cause = NULL;
	}

	/* A field asked for and absent is empty, not what was there. */
	o.title[0] = '\0';
	len = codec_encode(&schema_officer, &o, buf, sizeof buf);
	memset(&out, 'z', sizeof out);
	assert_int_equal(codec_decode_some(&schema_officer, buf, len, &out,
	    mask, &cause), 0);
	assert_string_equal(out.title, "");

	/* Text that is not UTF-8: refused where asked for, skipped not. */
	c.n = 0;
	test_cbor_map(&c, 2);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "王小明");
	test_cbor_uint(&c, 17);
	test_cbor_text(&c, "\xff@x", 3);
	assert_int_equal(codec_decode_some(&schema_officer, c.b, c.n, &out,
	    mask, &cause), 0);
	assert_string_equal(out.name, "王小明");
	assert_int_equal(codec_decode_some(&schema_officer, c.b, c.n, &out,
	    codec_mask(&schema_officer, (const char *const[]){ "email",
	    NULL }), &cause), OGPO_CORRUPT);
	assert_contains(cause, "field email");
	free(cause);
	cause = NULL;
	/* A field twice is refused, asked for or not. */
	c.n = 0;
	test_cbor_map(&c, 2);
	test_cbor_uint(&c, 17);
	test_cbor_str(&c, "a@b");
	test_cbor_uint(&c, 17);
	test_cbor_str(&c, "a@b");
	assert_int_equal(codec_decode_some(&schema_officer, c.b, c.n, &out,
	    mask, &cause), OGPO_CORRUPT);
	assert_contains(cause, "appears twice");
	free(cause);
}

/* Strings: longer than the field, broken UTF-8, NUL, wrong type. */
static void
test_codec_bad_strings(void **state)
{
	struct test_cbor c;
	struct officer o;
	char name[3 * 33];

	(void)state;
	/* 96 bytes fit the name exactly ... */
	memset(name, 'a', sizeof name);
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_text(&c, name, OGPO_NAME_MAX);
	test_accepted(&schema_officer, &c, &o);
	assert_int_equal(strlen(o.name), OGPO_NAME_MAX);
	/* ... 97 are refused, naming the field. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_text(&c, name, OGPO_NAME_MAX + 1);
	test_refused(&schema_officer, &c, "field name");
	test_refused(&schema_officer, &c, "97 bytes");
	/* 32 CJK characters (96 bytes) fit; 33 do not. */
	for (size_t i = 0; i < 33; i++)
		memcpy(name + 3 * i, "王", 3);
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_text(&c, name, 3 * 32);
	test_accepted(&schema_officer, &c, &o);
	assert_int_equal(strlen(o.name), 96);
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_text(&c, name, 3 * 33);
	test_refused(&schema_officer, &c, "field name");

	/* Invalid UTF-8: a lone continuation byte, a cut CJK character. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 17);
	test_cbor_str(&c, "wang\xff@x.gov.tw");
	test_refused(&schema_officer, &c, "field email");
	test_refused(&schema_officer, &c, "UTF-8");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "\xe7\x8e");
	test_refused(&schema_officer, &c, "UTF-8");
	/* An overlong '/' and an encoded surrogate. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "\xc0\xaf");
	test_refused(&schema_officer, &c, "UTF-8");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "\xed\xa0\x80");
	test_refused(&schema_officer, &c, "UTF-8");
	/* A NUL inside the text would cut the C string short. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_text(&c, "ab\0cd", 5);
	test_refused(&schema_officer, &c, "field name");

	/* A string field holding a number, a number holding a string. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_uint(&c, 5);
	test_refused(&schema_officer, &c, "field name");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 11);
	test_cbor_str(&c, "1");
	test_refused(&schema_officer, &c, "field agency");
	/* A byte string is not text. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_bytes(&c, "abc", 3);
	test_refused(&schema_officer, &c, "field name");
}

/* Numbers: enums, booleans, triggers and widths are checked. */
static void
test_codec_bad_numbers(void **state)
{
	struct test_cbor c;
	struct officer o;
	struct audit *a = malloc(sizeof *a);

	(void)state;
	assert_non_null(a);
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_uint(&c, 99);
	test_refused(&schema_officer, &c, "field role");
	test_refused(&schema_officer, &c, "99");
	/* The last role is fine, one more is not. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_uint(&c, ROLE_MAX);
	test_accepted(&schema_officer, &c, &o);
	assert_int_equal(o.role, ROLE_MAX);
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_uint(&c, ROLE_MAX + 1);
	test_refused(&schema_officer, &c, "field role");
	/* supervisor kind 3, civil_servant 2. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 13);
	test_cbor_uint(&c, SUPV_MAX + 1);
	test_refused(&schema_officer, &c, "field supervisor");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 15);
	test_cbor_uint(&c, 2);
	test_refused(&schema_officer, &c, "field civil_servant");
	/* A u32 field given 2^32, or a negative number. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 11);
	test_cbor_uint(&c, (uint64_t)UINT32_MAX + 1);
	test_refused(&schema_officer, &c, "field agency");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 11);
	test_cbor_negint(&c, 0);
	test_refused(&schema_officer, &c, "field agency");
	/* updated_at: -2^63 is the floor, -2^63 - 1 is refused. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 3);
	test_cbor_negint(&c, (uint64_t)INT64_MAX);
	test_accepted(&schema_officer, &c, &o);
	assert_true(o.h.updated_at == INT64_MIN);
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 3);
	test_cbor_negint(&c, (uint64_t)INT64_MAX + 1);
	test_refused(&schema_officer, &c, "field updated_at");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 3);
	test_cbor_uint(&c, (uint64_t)INT64_MAX + 1);
	test_refused(&schema_officer, &c, "field updated_at");

	/* Issue: a trigger bit that does not exist, 33 collaborators. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 16);
	test_cbor_uint(&c, 8);
	test_refused(&schema_issue, &c, "field triggers");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_array(&c, OGPO_COLLAB_MAX + 1);
	for (int i = 0; i <= OGPO_COLLAB_MAX; i++)
		test_cbor_uint(&c, 1);
	test_refused(&schema_issue, &c, "field collab");
	/* A list entry that is not a number; a list that is a map. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_array(&c, 2);
	test_cbor_uint(&c, 1);
	test_cbor_str(&c, "2");
	test_refused(&schema_issue, &c, "field collab");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_map(&c, 0);
	test_refused(&schema_issue, &c, "field collab");
	/* A list that claims more entries than the bytes hold. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 12);
	test_cbor_array(&c, 3);
	test_cbor_uint(&c, 1);
	test_refused(&schema_issue, &c, "field collab");

	/* Audit: an image one byte too large. */
	{
		size_t hn = 16 + OGPO_RECORD_MAX + 1, n = 0;
		uint8_t *heap = calloc(1, hn);
		char *cause = NULL;

		assert_non_null(heap);
		n += cbor_encode_map_start(1, heap + n, hn - n);
		n += cbor_encode_uint(8, heap + n, hn - n);
		n += cbor_encode_bytestring_start(OGPO_RECORD_MAX + 1, heap + n,
		    hn - n);
		assert_true(n > 3 && n <= 16);
		assert_int_equal(codec_decode(&schema_audit, heap,
		    n + OGPO_RECORD_MAX + 1, a, &cause), OGPO_CORRUPT);
		assert_contains(cause, "field before");
		free(cause);
		free(heap);
	}
	/* An image given as text. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 9);
	test_cbor_str(&c, "abc");
	test_refused(&schema_audit, &c, "field after");
	/* Audit action 0 is absent, 4 is unknown. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 4);
	test_cbor_uint(&c, AUDIT_ACTION_MAX + 1);
	test_refused(&schema_audit, &c, "field action");
	free(a);
}

/* The map itself: duplicates, trailing bytes, not a map, odd keys. */
static void
test_codec_bad_maps(void **state)
{
	static const uint8_t huge_map[] = { 0xbb, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff };
	struct test_cbor c, ok;
	struct officer o;

	(void)state;
	c.n = 0;
	test_cbor_map(&c, 2);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "王小明");
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "李美玲");
	test_refused(&schema_officer, &c, "twice");
	test_refused(&schema_officer, &c, "name");

	/* A valid record with one stray byte after it. */
	ok.n = 0;
	test_cbor_map(&ok, 2);
	test_cbor_uint(&ok, 10);
	test_cbor_str(&ok, "王小明");
	test_cbor_uint(&ok, 17);
	test_cbor_str(&ok, "wang@x.gov.tw");
	test_accepted(&schema_officer, &ok, &o);
	c = ok;
	test_cbor_raw(&c, "\x00", 1);
	test_refused(&schema_officer, &c, "stray");
	c = ok;
	test_cbor_map(&c, 0);
	test_refused(&schema_officer, &c, "stray");

	/* Not a map at all. */
	c.n = 0;
	test_cbor_array(&c, 2);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "x");
	test_refused(&schema_officer, &c, "not a CBOR map");
	c.n = 0;
	test_cbor_uint(&c, 5);
	test_refused(&schema_officer, &c, "not a CBOR map");
	c.n = 0;
	test_cbor_str(&c, "王小明");
	test_refused(&schema_officer, &c, "not a CBOR map");
	c.n = 0;
	test_refused(&schema_officer, &c, "not a CBOR map");
	/* Indefinite-length maps are never written. */
	c.n = 0;
	test_cbor_raw(&c, "\xbf\x0a\x61x\xff", 5);
	test_refused(&schema_officer, &c, "officer record");

	/* A key that is a string or a negative number. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_str(&c, "name");
	test_cbor_str(&c, "x");
	test_refused(&schema_officer, &c, "key");
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_negint(&c, 9);
	test_cbor_str(&c, "x");
	test_refused(&schema_officer, &c, "key");

	/* 2^64 - 1 pairs claimed: refused at once, no long loop. */
	c.n = 0;
	test_cbor_raw(&c, huge_map, sizeof huge_map);
	test_refused(&schema_officer, &c, "officer record");
	/* An indefinite-length string value. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 10);
	test_cbor_raw(&c, "\x7f\x61x\xff", 4);
	test_refused(&schema_officer, &c, "field name");
}

/* Keys from a newer ogpo are skipped, whatever their value holds. */
static void
test_codec_unknown_keys(void **state)
{
	struct test_cbor c;
	struct officer o;

	(void)state;
	c.n = 0;
	test_cbor_map(&c, 5);
	test_cbor_uint(&c, 10);
	test_cbor_str(&c, "王小明");
	/* 200: [1, {2: "x", 3: [4, -5]}, h'0102', 1("t"), []] */
	test_cbor_uint(&c, 200);
	test_cbor_array(&c, 5);
	test_cbor_uint(&c, 1);
	test_cbor_map(&c, 2);
	test_cbor_uint(&c, 2);
	test_cbor_str(&c, "x");
	test_cbor_uint(&c, 3);
	test_cbor_array(&c, 2);
	test_cbor_uint(&c, 4);
	test_cbor_negint(&c, 4);
	test_cbor_bytes(&c, "\x01\x02", 2);
	test_cbor_put(&c, cbor_encode_tag(1, c.b + c.n, sizeof c.b - c.n));
	test_cbor_str(&c, "t");
	test_cbor_array(&c, 0);
	test_cbor_uint(&c, 17);
	test_cbor_str(&c, "wang@x.gov.tw");
	/* 99: true */
	test_cbor_uint(&c, 99);
	test_cbor_put(&c, cbor_encode_bool(true, c.b + c.n, sizeof c.b - c.n));
	test_cbor_uint(&c, 12);
	test_cbor_uint(&c, ROLE_PO);
	test_accepted(&schema_officer, &c, &o);
	assert_string_equal(o.name, "王小明");
	assert_string_equal(o.email, "wang@x.gov.tw");
	assert_int_equal(o.role, ROLE_PO);
	assert_int_equal(o.agency, 0);

	/* An unknown key whose nested value is cut short is refused. */
	c.n = 0;
	test_cbor_map(&c, 2);
	test_cbor_uint(&c, 200);
	test_cbor_array(&c, 3);
	test_cbor_uint(&c, 1);
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 2);
	test_refused(&schema_officer, &c, "officer record");
	/* ... and so is one that claims a billion entries. */
	c.n = 0;
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 200);
	test_cbor_array(&c, 1000000000);
	test_cbor_uint(&c, 1);
	test_refused(&schema_officer, &c, "officer record");
}

/*
 * BUG (src/store/codec.c, codec_decode, "malformed value of key %llu"):
 * the cause names the last key read inside the skipped value (here 2),
 * not the unknown key whose value is malformed (200), because
 * codec_skip overwrites r.it before the message is formatted. Keep the
 * key in a local before skipping. This test fails until then.
 */
static void
test_codec_unknown_key_named(void **state)
{
	struct test_cbor c;

	(void)state;
	c.n = 0;
	test_cbor_map(&c, 2);
	test_cbor_uint(&c, 200);
	test_cbor_array(&c, 3);
	test_cbor_uint(&c, 1);
	test_cbor_map(&c, 1);
	test_cbor_uint(&c, 2);
	test_refused(&schema_officer, &c, "key 200");
}

/* Too small a buffer gives 0 and writes nothing past its end. */
static void
test_codec_small_buffer(void **state)
{
	struct officer o;
	uint8_t buf[OGPO_RECORD_MAX + 16], want[OGPO_RECORD_MAX];
	size_t len, cap, i;

	(void)state;
	test_officer_sample(&o);
	len = codec_encode(&schema_officer, &o, want, sizeof want);
	assert_true(len > 0);
	for (cap = 0; cap < len; cap++) {
		memset(buf, 0xee, sizeof buf);
		if (codec_encode(&schema_officer, &o, buf, cap) != 0)
			fail_msg("%zu bytes of %zu were enough", cap, len);
		for (i = cap; i < sizeof buf; i++)
			if (buf[i] != 0xee)
				fail_msg("cap %zu: byte %zu written", cap, i);
	}
	memset(buf, 0xee, sizeof buf);
	assert_int_equal(codec_encode(&schema_officer, &o, buf, len), len);
	assert_memory_equal(buf, want, len);
	assert_int_equal(buf[len], 0xee);
	/* No room even for the empty map. */
	memset(&o, 0, sizeof o);
	assert_int_equal(codec_encode(&schema_officer, &o, buf, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codec_agency),
		cmocka_unit_test(test_codec_officer),
		cmocka_unit_test(test_codec_meeting),
		cmocka_unit_test(test_codec_attendance),
		cmocka_unit_test(test_codec_issue),
		cmocka_unit_test(test_codec_user),
		cmocka_unit_test(test_codec_audit),
		cmocka_unit_test(test_codec_empty),
		cmocka_unit_test(test_codec_truncated),
		cmocka_unit_test(test_codec_decode_some),
		cmocka_unit_test(test_codec_flipped_bytes),
		cmocka_unit_test(test_codec_bad_strings),
		cmocka_unit_test(test_codec_bad_numbers),
		cmocka_unit_test(test_codec_bad_maps),
		cmocka_unit_test(test_codec_unknown_keys),
		cmocka_unit_test(test_codec_unknown_key_named),
		cmocka_unit_test(test_codec_small_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
