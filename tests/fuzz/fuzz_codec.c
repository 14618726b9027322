/*
 * fuzz_codec.c — libFuzzer target for the record decoder. Byte 0 picks
 * the schema, by entity kind modulo ENTITY_MAX (0 agency, 1 officer, 2
 * meeting, 3 attendance, 4 issue, 5 user, 6 audit, 7 import, 8 training,
 * 9 reward, and any kind added later), the rest is what the database
 * handed back. A decode either
 * fails with OGPO_CORRUPT and a cause, or gives a record that encodes,
 * decodes to the same bytes of struct, and encodes to the same CBOR; an
 * encoder short of room returns 0 and writes nothing past its buffer.
 * An audit record's images are decoded too, as the audit view does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/codec.h"
#include "ogpo/model.h"
#include "ogpo/schema.h"
#include "ogpo/util.h"

#define FUZZ_CAP	(2 * OGPO_RECORD_MAX + 4096)

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fuzz_fail(const struct schema *s, const char *what)
{
	fprintf(stderr, "fuzz_codec: %s record: %s\n", s->name, what);
	abort();
}

/* Every field as a listing shows it, into a roomy and a tiny buffer. */
static void
fuzz_format(const struct schema *s, const void *rec)
{
	char	big[OGPO_DESC_MAX + 64], tiny[5];
	size_t	i;

	for (i = 0; i < s->nfields; i++) {
		schema_format(&s->fields[i], rec, big, sizeof big);
		schema_format(&s->fields[i], rec, tiny, sizeof tiny);
		if (strlen(tiny) >= sizeof tiny)
			fuzz_fail(s, "schema_format overran its buffer");
	}
	schema_label(s, rec, big, sizeof big);
	schema_label(s, rec, tiny, sizeof tiny);
}

/* Decode len bytes at buf as s; on success check the round trip. */
static void
fuzz_decode(const struct schema *s, const uint8_t *buf, size_t len,
    int depth)
{
	void		*rec, *again;
	uint8_t		*enc, *enc2, *small;
	char		*cause = NULL;
	size_t		 n, n2, cap;
	int		 rc;

	if ((rec = malloc(s->size)) == NULL ||
	    (again = malloc(s->size)) == NULL)
		abort();
	rc = codec_decode(s, buf, len, rec, &cause);
	if (rc != 0) {
		if (rc != OGPO_CORRUPT || cause == NULL)
			fuzz_fail(s, "a failure without OGPO_CORRUPT and a "
			    "cause");
		free(cause);
		goto done;
	}
	if (cause != NULL)
		fuzz_fail(s, "a cause after success");
	fuzz_format(s, rec);

	/* Encode, decode, compare the structs and the bytes. */
	if ((enc = malloc(FUZZ_CAP)) == NULL ||
	    (enc2 = malloc(FUZZ_CAP)) == NULL)
		abort();
	if ((n = codec_encode(s, rec, enc, FUZZ_CAP)) == 0)
		fuzz_fail(s, "what decoded does not encode");
	if (s != &schema_audit && n > OGPO_RECORD_MAX)
		fuzz_fail(s, "encoded past OGPO_RECORD_MAX");
	if (codec_decode(s, enc, n, again, &cause) != 0) {
		fprintf(stderr, "fuzz_codec: %s\n", cause);
		fuzz_fail(s, "what was encoded does not decode");
	}
	if (memcmp(rec, again, s->size) != 0)
		fuzz_fail(s, "the record changed in a round trip");
	n2 = codec_encode(s, again, enc2, FUZZ_CAP);
	if (n2 != n || memcmp(enc, enc2, n) != 0)
		fuzz_fail(s, "the encoding changed in a round trip");

	/* Short of room: 0, and nothing written past the end (ASan). */
	cap = buf[0] % n;
	if ((small = malloc(cap ? cap : 1)) == NULL)
		abort();
	if (codec_encode(s, rec, small, cap) != 0)
		fuzz_fail(s, "an encoder short of room did not return 0");
	free(small);
	if ((small = malloc(n - 1 ? n - 1 : 1)) == NULL)
		abort();
	if (codec_encode(s, rec, small, n - 1) != 0)
		fuzz_fail(s, "an encoder one byte short did not return 0");
	free(small);

	/* The images inside an audit record, as the audit view reads them. */
	if (s == &schema_audit && depth == 0) {
		const struct audit *a = rec;
		const struct schema *in = schema_of((enum entity_kind)a->entity);

		if (in != NULL && in != &schema_audit) {
			fuzz_decode(in, a->before, a->before_len, 1);
			fuzz_decode(in, a->after, a->after_len, 1);
		}
	}
	free(enc2);
	free(enc);
done:
	free(again);
	free(rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t	*buf;

	if (size < 1)
		return 0;
	/* An exact copy, so that ASan sees a read one byte too far. */
	if ((buf = malloc(size - 1 ? size - 1 : 1)) == NULL)
		abort();
	memcpy(buf, data + 1, size - 1);
	fuzz_decode(schema_of((enum entity_kind)(data[0] % ENTITY_MAX + 1)),
	    buf, size - 1, 0);
	free(buf);
	return 0;
}
