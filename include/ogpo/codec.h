/*
 * codec.h — records to bytes and back: a CBOR map with the small integer
 * keys of schema.h. Decoding trusts nothing: every length, type and enum
 * is checked, unknown keys (from a newer ogpo) are skipped.
 */
#ifndef OGPO_CODEC_H
#define OGPO_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/schema.h"

/*
 * Encode rec (a struct of schema s) into buf of cap bytes. Returns the
 * encoded length, or 0 if it would not fit (never for cap >=
 * OGPO_RECORD_MAX, except for an audit record, whose images are bounded
 * by their own sizes).
 */
size_t codec_encode(const struct schema *s, const void *rec, uint8_t *buf,
    size_t cap);

/*
 * Decode len bytes into rec (zeroed first). Returns 0, or OGPO_CORRUPT
 * with *cause naming the field and what is wrong with it; rec is then
 * partly filled and must not be used.
 */
int codec_decode(const struct schema *s, const uint8_t *buf, size_t len,
    void *rec, char **cause);

/*
 * Decode only the fields of s named in fields (bit i: s->fields[i], see
 * codec_mask) into rec, checked as codec_decode checks them; each is
 * emptied first, and the rest of rec is left as it was. The other
 * fields are skipped: their values are checked for being CBOR, not for
 * what they hold. For readers that want a few fields of many records.
 */
int codec_decode_some(const struct schema *s, const uint8_t *buf, size_t len,
    void *rec, uint64_t fields, char **cause);

/* The fields of s named in names (NULL-terminated) as codec_decode_some's
 * mask; a name s does not have adds nothing. */
uint64_t codec_mask(const struct schema *s, const char *const *names);

#endif
