/*
 * text.h — the one way text reaches the terminal. Records may hold any
 * bytes (escape sequences, bidi overrides, broken UTF-8), and one user's
 * data must never drive another user's terminal, so every string shown
 * goes through the "safe display form" defined here:
 *
 *   printable characters      themselves (CJK counts 2 cells)
 *   C0 controls and DEL       caret notation: ^[ (ESC), ^I (tab), ^?
 *   C1, bidi controls and
 *   other unprintable chars   <U+202E>
 *   invalid UTF-8 bytes       \xff, one byte at a time
 *   combining characters      kept, 0 cells
 *
 * Widths come from wcwidth(), so the caller must have called
 * setlocale(LC_ALL, "") with a UTF-8 locale; the decoding itself does not
 * depend on the locale. No function here allocates, prints or touches the
 * terminal.
 */
#ifndef OGPO_TEXT_H
#define OGPO_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * East Asian Ambiguous characters (─ ○ ※ “ ” … and the like) take 1 cell
 * by default, as wcwidth() says; text_set_ambiguous(2) counts them as 2,
 * as terminals set to draw them wide do (ambiguous_width = 2 in the
 * config), and then shows the punctuation ogpo's own words use (… → ←
 * – —) as two ASCII characters (.. -> <- --), which curses, counting
 * them as the terminal does, keeps in their columns. text_ambiguous()
 * says which is in force.
 */
void	text_set_ambiguous(int cells);
int	text_ambiguous(void);

/* 1 if c is East Asian Ambiguous in Unicode's EastAsianWidth.txt. */
int	text_is_ambiguous(uint32_t c);

/* Cells the safe display form of s takes on the terminal. */
size_t	text_width(const char *s);

/*
 * Fill a field of a screen: write the safe display form of s, cut to at
 * most cells cells, into out (always NUL-terminated, never more than
 * outsz bytes). A cut happens on a character boundary — never inside a
 * CJK character or an escape such as <U+202E> — and is marked by a
 * final "…" (1 cell; ".." when ambiguous characters are wide). With pad,
 * spaces fill the result to exactly cells cells (also where a wide
 * character would have straddled the edge). An out of 4 * cells + 4
 * bytes always holds the result unless s has runs of combining
 * characters; a smaller out only cuts earlier. Returns the cells written.
 */
size_t	text_fit(const char *s, size_t cells, int pad, char *out,
	    size_t outsz);

/*
 * The safe display form of s, whole: as much of it as fits in out (whole
 * characters, always NUL-terminated); its cells in *cells. Returns its
 * length in bytes, as snprintf does: it was all written if less than
 * outsz. One walk of s, where text_width and then text_fit take three.
 */
size_t	text_safe(const char *s, char *out, size_t outsz, size_t *cells);

/*
 * Cursor placement in an input field holding the user's plain UTF-8
 * buffer s, drawn in its safe display form. Offsets are byte offsets
 * into s and should be ones these functions returned (or 0 or strlen).
 */

/* Display column at which byte offset off is drawn. */
size_t	text_col_of(const char *s, size_t off);

/*
 * Byte offset of the character before off, for Backspace and Left; a
 * character takes its combining marks along. Returns 0 at the start.
 */
size_t	text_prev(const char *s, size_t off);

/*
 * Byte offset of the character after off, for Right and Delete, past
 * any combining marks. Returns strlen(s) at the end.
 */
size_t	text_next(const char *s, size_t off);

/*
 * Byte offset of the first character drawn at column col or later, so
 * a field wider than its window can scroll; strlen(s) when the text is
 * narrower than col.
 */
size_t	text_off_at_col(const char *s, size_t col);

/*
 * Escape one TSV field: tab, newline, carriage return and backslash
 * become \t \n \r \\; every other byte is copied unchanged. Returns out,
 * or NULL when outsz is too small, in which case out holds the part
 * that fitted. An out of 2 * strlen(s) + 1 bytes is always enough.
 */
char	*text_tsv(const char *s, char *out, size_t outsz);

/*
 * Whether the len bytes at s are well-formed UTF-8: no overlong forms,
 * surrogates or code points past U+10FFFF. A NUL byte counts as valid
 * (it is U+0000); reject it separately if the data is a C string.
 * Returns 1 if valid, 0 if not.
 */
int	text_utf8_valid(const char *s, size_t len);

/*
 * Decode one UTF-8 sequence from the n (> 0) bytes at p into *cp, refusing
 * overlong forms, surrogates and values past U+10FFFF. Returns its length,
 * or 0 if the first byte does not start a well-formed one.
 */
size_t	text_decode(const unsigned char *p, size_t n, uint32_t *cp);

/*
 * Copy s into out (outsz > 0 bytes, always NUL-terminated) as valid
 * UTF-8 that cannot drive a terminal, whatever s holds: a byte that does
 * not start a well-formed sequence becomes the four characters \xNN, a
 * control character ^X (^[ for ESC), a C1 control or a bidi override
 * <U+XXXX>, as the display shows them, and a cut falls between
 * characters. For names from outside, such as a file name in Big5 or
 * one holding ESC, on their way into a record: stored so, they are safe
 * on every output, a pipe included. Returns 0 if the whole of s fitted,
 * -1 if it was cut.
 */
int	text_utf8_clean(const char *s, char *out, size_t outsz);

#endif /* OGPO_TEXT_H */
