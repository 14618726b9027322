/*
 * codec.c — records as CBOR maps, written with libcbor's encoders and read
 * with its streaming decoder, so neither direction allocates. A field that
 * is zero or empty is left out, and comes back as zero or empty.
 */
#include <string.h>

#include <cbor.h>

#include "ogpo/codec.h"
#include "ogpo/text.h"
#include "ogpo/util.h"

/* The one item the streaming decoder last reported. */
enum codec_kind {
	CODEC_UINT = 1,
	CODEC_NEGINT,
	CODEC_BYTES,
	CODEC_TEXT,
	CODEC_ARRAY,
	CODEC_MAP,
	CODEC_TAG,
	CODEC_SIMPLE,	/* bool, null, float …: skipped, never ours */
	CODEC_BAD	/* indefinite lengths: we never write them */
};

struct codec_item {
	enum codec_kind	 kind;
	uint64_t	 u;
	const uint8_t	*data;
	size_t		 len;
};

static void
codec_on_uint8(void *c, uint8_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_UINT, v, 0, 0 };
}

static void
codec_on_uint16(void *c, uint16_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_UINT, v, 0, 0 };
}

static void
codec_on_uint32(void *c, uint32_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_UINT, v, 0, 0 };
}

static void
codec_on_uint64(void *c, uint64_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_UINT, v, 0, 0 };
}

static void
codec_on_negint8(void *c, uint8_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_NEGINT, v, 0, 0 };
}

static void
codec_on_negint16(void *c, uint16_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_NEGINT, v, 0, 0 };
}

static void
codec_on_negint32(void *c, uint32_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_NEGINT, v, 0, 0 };
}

static void
codec_on_negint64(void *c, uint64_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_NEGINT, v, 0, 0 };
}

static void
codec_on_bytes(void *c, cbor_data d, size_t n)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_BYTES, 0, d, n };
}

static void
codec_on_text(void *c, cbor_data d, size_t n)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_TEXT, 0, d, n };
}

static void
codec_on_array(void *c, size_t n)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_ARRAY, n, 0, 0 };
}

static void
codec_on_map(void *c, size_t n)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_MAP, n, 0, 0 };
}

static void
codec_on_tag(void *c, uint64_t v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_TAG, v, 0, 0 };
}

static void
codec_on_indefinite(void *c)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_BAD, 0, 0, 0 };
}

static void
codec_on_simple(void *c)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_SIMPLE, 0, 0, 0 };
}

static void
codec_on_bool(void *c, bool v)
{
	*(struct codec_item *)c = (struct codec_item){ CODEC_SIMPLE, v, 0, 0 };
}

static void
codec_on_float(void *c, float v)
{
	(void)v;
	codec_on_simple(c);
}

static void
codec_on_double(void *c, double v)
{
	(void)v;
	codec_on_simple(c);
}

static const struct cbor_callbacks codec_callbacks = {
	.uint8 = codec_on_uint8,
	.uint16 = codec_on_uint16,
	.uint32 = codec_on_uint32,
	.uint64 = codec_on_uint64,
	.negint8 = codec_on_negint8,
	.negint16 = codec_on_negint16,
	.negint32 = codec_on_negint32,
	.negint64 = codec_on_negint64,
	.byte_string_start = codec_on_indefinite,
	.byte_string = codec_on_bytes,
	.string = codec_on_text,
	.string_start = codec_on_indefinite,
	.indef_array_start = codec_on_indefinite,
	.array_start = codec_on_array,
	.indef_map_start = codec_on_indefinite,
	.map_start = codec_on_map,
	.tag = codec_on_tag,
	.float2 = codec_on_float,
	.float4 = codec_on_float,
	.float8 = codec_on_double,
	.undefined = codec_on_simple,
	.null = codec_on_simple,
	.boolean = codec_on_bool,
	.indef_break = codec_on_indefinite,
};

struct codec_reader {
	const uint8_t	*buf;
	size_t		 len, pos;
	struct codec_item it;
};

/*
 * Read the next item; -1 at the end of the bytes or on malformed CBOR.
 * The heads of what ogpo writes (unsigned and negative integers, byte
 * and text strings, arrays and maps, each with a definite length) are
 * read here, as libcbor reads them; everything else (tags, simple
 * values, floats, indefinite lengths, reserved values) goes to libcbor.
 * Records are read by the million, and the library's call per item,
 * with a callback, was a tenth of an export's time.
 */
static int
codec_next(struct codec_reader *r)
{
	static const enum codec_kind kinds[] = { CODEC_UINT, CODEC_NEGINT,
		CODEC_BYTES, CODEC_TEXT, CODEC_ARRAY, CODEC_MAP };
	struct cbor_decoder_result res;
	const uint8_t *p = r->buf + r->pos;
	size_t left = r->len - r->pos, n, i;
	unsigned major, ai;
	uint64_t v;

	if (r->pos >= r->len)
		return -1;
	major = p[0] >> 5;
	ai = p[0] & 0x1f;
	if (major <= 5 && ai <= 27) {
		if (ai < 24) {
			v = ai;
			n = 1;
		} else {
			n = 1 + ((size_t)1 << (ai - 24));
			if (left < n)
				return -1;
			for (v = 0, i = 1; i < n; i++)
				v = v << 8 | p[i];
		}
		r->it.kind = kinds[major];
		r->it.u = v;
		r->it.data = NULL;
		r->it.len = 0;
		if (major == 2 || major == 3) {
			if (v > left - n)
				return -1;
			r->it.u = 0;
			r->it.data = p + n;
			r->it.len = (size_t)v;
			n += (size_t)v;
		}
		r->pos += n;
		return 0;
	}
	r->it.kind = CODEC_BAD;
	res = cbor_stream_decode(r->buf + r->pos, r->len - r->pos,
	    &codec_callbacks, &r->it);
	if (res.status != CBOR_DECODER_FINISHED || res.read == 0)
		return -1;
	r->pos += res.read;
	return r->it.kind == CODEC_BAD ? -1 : 0;
}

/* Skip one whole value (a field from a newer ogpo), nested ones too. */
static int
codec_skip(struct codec_reader *r)
{
	uint64_t left = 1;

	while (left > 0) {
		if (codec_next(r) != 0)
			return -1;
		left--;
		switch (r->it.kind) {
		case CODEC_ARRAY:
		case CODEC_MAP:
		case CODEC_TAG:
			/* Each item takes a byte at least: bound the count. */
			if (r->it.u > r->len - r->pos)
				return -1;
			left += r->it.kind == CODEC_MAP ? 2 * r->it.u :
			    r->it.kind == CODEC_ARRAY ? r->it.u : 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

static const struct field *
codec_field(const struct schema *s, uint64_t key, size_t *hint)
{
	size_t i;

	/* Records are written in table order: the next one is likely. */
	if (*hint < s->nfields && s->fields[*hint].key == key)
		return &s->fields[(*hint)++];
	for (i = 0; i < s->nfields; i++)
		if (s->fields[i].key == key) {
			*hint = i + 1;
			return &s->fields[i];
		}
	return NULL;
}

/* Decode the value of field f at r into rec. */
static int
codec_value(struct codec_reader *r, const struct field *f, void *rec,
    char **cause)
{
	char *p = (char *)rec + f->offset;
	uint32_t u, i, n;

	if (codec_next(r) != 0)
		return err_set(cause, OGPO_CORRUPT, "field %s: malformed value",
		    f->name);
	switch (f->type) {
	case FIELD_U32:
		if (r->it.kind != CODEC_UINT || r->it.u > UINT32_MAX)
			goto type;
		u = (uint32_t)r->it.u;
		if (f->enums != NULL && u != 0 &&
		    (u < f->enums->min || u > f->enums->max))
			return err_set(cause, OGPO_CORRUPT,
			    "field %s: %u is not a known value", f->name, u);
		if ((f->form == FORM_BOOL && u > 1) ||
		    (f->form == FORM_TRIGGERS && (u & ~TRIGGER_ALL)) ||
		    (f->form == FORM_COMPETENCIES && (u & ~COMPETENCE_ALL)))
			return err_set(cause, OGPO_CORRUPT,
			    "field %s: %u is out of range", f->name, u);
		memcpy(p, &u, sizeof u);
		return 0;
	case FIELD_U64:
		if (r->it.kind != CODEC_UINT)
			goto type;
		memcpy(p, &r->it.u, sizeof r->it.u);
		return 0;
	case FIELD_I64: {
		int64_t v;

		if (r->it.u > INT64_MAX)
			goto type;
		if (r->it.kind == CODEC_UINT)
			v = (int64_t)r->it.u;
		else if (r->it.kind == CODEC_NEGINT)
			v = -1 - (int64_t)r->it.u;
		else
			goto type;
		memcpy(p, &v, sizeof v);
		return 0;
	}
	case FIELD_STR:
		if (r->it.kind != CODEC_TEXT)
			goto type;
		if (r->it.len >= f->size)
			return err_set(cause, OGPO_CORRUPT,
			    "field %s: %zu bytes, more than the %zu allowed",
			    f->name, r->it.len, f->size - 1);
		if (memchr(r->it.data, '\0', r->it.len) != NULL ||
		    !text_utf8_valid((const char *)r->it.data, r->it.len))
			return err_set(cause, OGPO_CORRUPT,
			    "field %s: not valid UTF-8 text", f->name);
		memcpy(p, r->it.data, r->it.len);
		p[r->it.len] = '\0';
		return 0;
	case FIELD_U32LIST:
		if (r->it.kind != CODEC_ARRAY)
			goto type;
		if (r->it.u > f->size / sizeof u)
			return err_set(cause, OGPO_CORRUPT,
			    "field %s: %llu entries, more than %zu", f->name,
			    (unsigned long long)r->it.u, f->size / sizeof u);
		n = (uint32_t)r->it.u;
		for (i = 0; i < n; i++) {
			if (codec_next(r) != 0 || r->it.kind != CODEC_UINT ||
			    r->it.u > UINT32_MAX)
				goto type;
			u = (uint32_t)r->it.u;
			memcpy(p + i * sizeof u, &u, sizeof u);
		}
		memcpy((char *)rec + f->count, &n, sizeof n);
		return 0;
	case FIELD_BYTES:
		if (r->it.kind != CODEC_BYTES)
			goto type;
		if (r->it.len > f->size)
			return err_set(cause, OGPO_CORRUPT,
			    "field %s: %zu bytes, more than %zu", f->name,
			    r->it.len, f->size);
		memcpy(p, r->it.data, r->it.len);
		memcpy((char *)rec + f->count, &r->it.len, sizeof(size_t));
		return 0;
	}
type:
	return err_set(cause, OGPO_CORRUPT, "field %s: wrong type of value",
	    f->name);
}

/* Field f of rec as a record without it reads: zero, empty. */
static void
codec_clear(const struct field *f, void *rec)
{
	char *p = (char *)rec + f->offset;

	switch (f->type) {
	case FIELD_STR:
		p[0] = '\0';
		break;
	case FIELD_U32LIST:
		memset((char *)rec + f->count, 0, sizeof(uint32_t));
		break;
	case FIELD_BYTES:
		memset((char *)rec + f->count, 0, sizeof(size_t));
		break;
	default:
		memset(p, 0, f->size);
		break;
	}
}

/*
 * Decode the fields of s that want names (bit i: s->fields[i]) into rec;
 * the others are skipped, their values checked only for being CBOR.
 */
static int
codec_decode_fields(const struct schema *s, const uint8_t *buf, size_t len,
    void *rec, uint64_t want, char **cause)
{
	struct codec_reader r = { buf, len, 0, { 0, 0, 0, 0 } };
	uint64_t seen = 0, pairs, bit;
	size_t hint = 0;
	const struct field *f;
	int rc;

	if (codec_next(&r) != 0 || r.it.kind != CODEC_MAP)
		return err_set(cause, OGPO_CORRUPT,
		    "%s record: not a CBOR map", s->name);
	for (pairs = r.it.u; pairs > 0; pairs--) {
		if (codec_next(&r) != 0 || r.it.kind != CODEC_UINT)
			return err_set(cause, OGPO_CORRUPT,
			    "%s record: a key is not a small integer",
			    s->name);
		f = codec_field(s, r.it.u, &hint);
		bit = f != NULL ? 1ULL << (f - s->fields) : 0;
		if (bit & seen)
			return err_set(cause, OGPO_CORRUPT,
			    "%s record: field %s appears twice", s->name,
			    f->name);
		seen |= bit;
		if (!(bit & want)) {
			uint64_t key = r.it.u;	/* codec_skip reads on */

			if (codec_skip(&r) != 0)
				return err_set(cause, OGPO_CORRUPT,
				    "%s record: malformed value of key %llu",
				    s->name, (unsigned long long)key);
			continue;
		}
		if ((rc = codec_value(&r, f, rec, cause)) != 0)
			return err_prefix(cause, rc, "%s record", s->name);
	}
	if (r.pos != len)
		return err_set(cause, OGPO_CORRUPT,
		    "%s record: %zu stray bytes after the map", s->name,
		    len - r.pos);
	return 0;
}

int
codec_decode(const struct schema *s, const uint8_t *buf, size_t len,
    void *rec, char **cause)
{
	memset(rec, 0, s->size);
	return codec_decode_fields(s, buf, len, rec, UINT64_MAX, cause);
}

int
codec_decode_some(const struct schema *s, const uint8_t *buf, size_t len,
    void *rec, uint64_t fields, char **cause)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (fields & (1ULL << i))
			codec_clear(&s->fields[i], rec);
	return codec_decode_fields(s, buf, len, rec, fields, cause);
}

uint64_t
codec_mask(const struct schema *s, const char *const *names)
{
	const struct field *f;
	uint64_t mask = 0;

	for (; *names != NULL; names++)
		if ((f = schema_field(s, *names)) != NULL)
			mask |= 1ULL << (f - s->fields);
	return mask;
}

/* 1 if field f of rec holds its zero value, which is not written. */
static int
codec_is_empty(const struct field *f, const void *rec)
{
	const char *p = (const char *)rec + f->offset;
	uint32_t n;
	size_t z;

	switch (f->type) {
	case FIELD_STR:
		return p[0] == '\0';
	case FIELD_U32LIST:
		memcpy(&n, (const char *)rec + f->count, sizeof n);
		return n == 0;
	case FIELD_BYTES:
		memcpy(&z, (const char *)rec + f->count, sizeof z);
		return z == 0;
	default:
		for (z = 0; z < f->size; z++)
			if (p[z] != 0)
				return 0;
		return 1;
	}
}

struct codec_writer {
	uint8_t	*buf;
	size_t	 cap, pos;
	int	 full;
};

/*
 * A CBOR head: major type and argument, in the fewest bytes, as
 * libcbor's encoders write it (RFC 8949, 3 and 4.2.1). Written here, not
 * by a call into libcbor for each: a million officers' records and audit
 * records are some forty million heads.
 */
enum { CBOR_UINT, CBOR_NEGINT, CBOR_BYTES, CBOR_STRING, CBOR_ARRAY,
	CBOR_MAP };

static void
codec_head(struct codec_writer *w, unsigned major, uint64_t v)
{
	uint8_t *p;
	size_t n, i;

	n = v < 24 ? 1 : v <= UINT8_MAX ? 2 : v <= UINT16_MAX ? 3 :
	    v <= UINT32_MAX ? 5 : 9;
	if (w->full || n > w->cap - w->pos) {
		w->full = 1;
		return;
	}
	p = w->buf + w->pos;
	if (n == 1)
		p[0] = (uint8_t)(major << 5 | v);
	else {
		p[0] = (uint8_t)(major << 5 | (n == 2 ? 24 : n == 3 ? 25 :
		    n == 5 ? 26 : 27));
		for (i = n - 1; i > 0; i--, v >>= 8)
			p[i] = (uint8_t)v;
	}
	w->pos += n;
}

static void
codec_raw(struct codec_writer *w, const void *data, size_t n)
{
	if (w->full || n > w->cap - w->pos) {
		w->full = 1;
		return;
	}
	memcpy(w->buf + w->pos, data, n);
	w->pos += n;
}

static void
codec_field_encode(struct codec_writer *w, const struct field *f,
    const void *rec)
{
	const char *p = (const char *)rec + f->offset;
	uint32_t u, i, n;
	uint64_t v;
	int64_t sv;
	size_t len;

	codec_head(w, CBOR_UINT, f->key);
	switch (f->type) {
	case FIELD_U32:
		memcpy(&u, p, sizeof u);
		codec_head(w, CBOR_UINT, u);
		break;
	case FIELD_U64:
		memcpy(&v, p, sizeof v);
		codec_head(w, CBOR_UINT, v);
		break;
	case FIELD_I64:
		memcpy(&sv, p, sizeof sv);
		if (sv >= 0)
			codec_head(w, CBOR_UINT, (uint64_t)sv);
		else
			codec_head(w, CBOR_NEGINT, (uint64_t)(-1 - sv));
		break;
	case FIELD_STR:
		len = strnlen(p, f->size);
		codec_head(w, CBOR_STRING, len);
		codec_raw(w, p, len);
		break;
	case FIELD_U32LIST:
		memcpy(&n, (const char *)rec + f->count, sizeof n);
		if (n > f->size / sizeof u)
			n = (uint32_t)(f->size / sizeof u);
		codec_head(w, CBOR_ARRAY, n);
		for (i = 0; i < n; i++) {
			memcpy(&u, p + i * sizeof u, sizeof u);
			codec_head(w, CBOR_UINT, u);
		}
		break;
	case FIELD_BYTES:
		memcpy(&len, (const char *)rec + f->count, sizeof len);
		if (len > f->size)
			len = f->size;
		codec_head(w, CBOR_BYTES, len);
		codec_raw(w, p, len);
		break;
	}
}

size_t
codec_encode(const struct schema *s, const void *rec, uint8_t *buf,
    size_t cap)
{
	struct codec_writer w = { buf, cap, 0, 0 };
	const struct field *used[SCHEMA_FIELDS_MAX];
	size_t i, n = 0;

	/* Empty fields are left out: the map counts those that are not. */
	if (s->nfields > SCHEMA_FIELDS_MAX)
		return 0;
	for (i = 0; i < s->nfields; i++)
		if (!codec_is_empty(&s->fields[i], rec))
			used[n++] = &s->fields[i];
	codec_head(&w, CBOR_MAP, n);
	for (i = 0; i < n && !w.full; i++)
		codec_field_encode(&w, used[i], rec);
	return w.full ? 0 : w.pos;
}
