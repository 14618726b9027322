/*
 * collate.h — the stroke order of names (筆畫順序), as Taiwan's
 * registers and ballots list people: by the stroke count of the first
 * character, the same character together, then the second character, and
 * so on. Counts come from Unihan (Debian's unicode-data) in Taiwan's
 * standard forms; see tools/unicode.sh.
 */
#ifndef OGPO_COLLATE_H
#define OGPO_COLLATE_H

#include <stddef.h>
#include <stdint.h>

/* Strokes of the ideograph cp, or 0 when cp is not one Unihan knows. */
unsigned	collate_strokes(uint32_t cp);

/*
 * The byte string that sorts name in stroke order under memcmp: per
 * character its stroke count (one byte; 0xff for a character that is not
 * an ideograph, so Latin names come after) and then its UTF-8 bytes, so
 * equal counts group the same character and order by code point. An
 * invalid byte counts as a non-ideograph of its own. Writes at most outsz
 * bytes, cut on a character; returns the length.
 */
size_t		collate_stroke_key(const char *name, uint8_t *out,
		    size_t outsz);

#endif
