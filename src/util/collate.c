/*
 * collate.c — stroke order of names. The table (build/gen/strokes.c) is
 * made at build time by tools/unicode.sh from Unihan: one byte per
 * ideograph in runs of consecutive code points, about 100 KB for the
 * 98,000 ideographs Unicode 15 has, searched by run.
 */
#include <string.h>

#include "ogpo/collate.h"
#include "ogpo/text.h"

extern const uint8_t collate_strokes_table[];
extern const uint32_t collate_stroke_runs[][3];
extern const size_t collate_stroke_nruns;

/* A binary search over the runs: a dozen of them, so a few steps. */
unsigned
collate_strokes(uint32_t cp)
{
	size_t lo = 0, hi = collate_stroke_nruns, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cp < collate_stroke_runs[mid][0])
			hi = mid;
		else if (cp > collate_stroke_runs[mid][1])
			lo = mid + 1;
		else
			return collate_strokes_table[collate_stroke_runs[mid][2] +
			    cp - collate_stroke_runs[mid][0]];
	}
	return 0;
}

/* Stroke byte, then the character's own bytes: UTF-8 is prefix-free, so
 * two characters of one count compare by code point. */
size_t
collate_stroke_key(const char *name, uint8_t *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t len = 0, left = strlen(name), n;
	unsigned s;
	uint32_t cp;

	while (left > 0) {
		/* A byte that starts no character (names are validated, so
		 * this is defensive) is a non-ideograph of its own. */
		if ((n = text_decode(p, left, &cp)) == 0) {
			n = 1;
			cp = 0;
		}
		s = cp ? collate_strokes(cp) : 0;
		if (len + 1 + n > outsz)
			break;
		out[len++] = (uint8_t)(s ? s : 0xff);
		memcpy(out + len, p, n);
		len += n;
		p += n;
		left -= n;
	}
	return len;
}
