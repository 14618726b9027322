/*
 * draw.c — putting text on the screen measured in display cells. Every
 * string from the database goes through text_fit, so control characters
 * and bidi overrides are drawn escaped, never sent to the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

#define DRAW_BUF(w) (4 * (size_t)(w) + 8)

void
ui_put(struct ui *ui, int y, int x, int w, const char *s, enum ui_attr a)
{
	char buf[DRAW_BUF(UI_ROWS_MAX)];

	if (w <= 0 || y < 0 || y >= ui->rows || x >= ui->cols)
		return;
	if (x + w > ui->cols)
		w = ui->cols - x;
	if (w > UI_ROWS_MAX)
		w = UI_ROWS_MAX;
	text_fit(s ? s : "", (size_t)w, 1, buf, sizeof buf);
	attrset(ui->attrs[a]);
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
}

void
ui_putr(struct ui *ui, int y, int x, int w, const char *s, enum ui_attr a)
{
	int sw = (int)text_width(s);

	if (sw < w) {
		ui_fill(ui, y, x, w - sw, a);
		ui_put(ui, y, x + w - sw, sw, s, a);
	} else
		ui_put(ui, y, x, w, s, a);
}

void
ui_fill(struct ui *ui, int y, int x, int w, enum ui_attr a)
{
	if (w <= 0 || y < 0 || y >= ui->rows)
		return;
	if (x + w > ui->cols)
		w = ui->cols - x;
	attrset(ui->attrs[a]);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void
ui_clear_area(struct ui *ui, int y, int x, int h, int w)
{
	int i;

	for (i = 0; i < h; i++)
		ui_fill(ui, y + i, x, w, UI_NORMAL);
}

/*
 * The line-drawing characters are East Asian Ambiguous: a terminal that
 * draws them two cells wide (ambiguous_width = 2) would push every border
 * out of place, so then they are plain ASCII.
 */
chtype
ui_line(struct ui *ui, enum ui_line which)
{
	static const char ascii[] = "-|++++";

	(void)ui;
	if (text_ambiguous() == 2)
		return (chtype)(unsigned char)ascii[which];
	switch (which) {
	case UI_LINE_H:
		return ACS_HLINE;
	case UI_LINE_V:
		return ACS_VLINE;
	case UI_LINE_UL:
		return ACS_ULCORNER;
	case UI_LINE_UR:
		return ACS_URCORNER;
	case UI_LINE_LL:
		return ACS_LLCORNER;
	default:
		return ACS_LRCORNER;
	}
}

/* Arrows and dashes in running text: ASCII when ambiguous is wide. */
const char *
ui_sym(enum ui_sym which)
{
	int a = text_ambiguous() == 2;

	switch (which) {
	case UI_SYM_ARROW:
		return a ? "->" : "\u2192";
	case UI_SYM_DASH:
		return a ? "-" : "\u2013";
	default:
		return a ? "..." : "\u2026";
	}
}

void
ui_box(struct ui *ui, int y, int x, int h, int w, const char *title)
{
	char t[256];

	ui_clear_area(ui, y, x, h, w);
	attrset(ui->attrs[UI_NORMAL]);
	mvhline(y, x + 1, ui_line(ui, UI_LINE_H), w - 2);
	mvhline(y + h - 1, x + 1, ui_line(ui, UI_LINE_H), w - 2);
	mvvline(y + 1, x, ui_line(ui, UI_LINE_V), h - 2);
	mvvline(y + 1, x + w - 1, ui_line(ui, UI_LINE_V), h - 2);
	mvaddch(y, x, ui_line(ui, UI_LINE_UL));
	mvaddch(y, x + w - 1, ui_line(ui, UI_LINE_UR));
	mvaddch(y + h - 1, x, ui_line(ui, UI_LINE_LL));
	mvaddch(y + h - 1, x + w - 1, ui_line(ui, UI_LINE_LR));
	if (title != NULL && *title != '\0' && w > 6) {
		text_fit(title, (size_t)w - 6, 0, t, sizeof t);
		mvaddstr(y, x + 2, " ");
		attrset(ui->attrs[UI_TITLE] & ~A_UNDERLINE);
		addstr(t);
		attrset(A_NORMAL);
		addstr(" ");
	}
}

char **
ui_columns(const char *const *cells, size_t nrows, size_t ncols, size_t max)
{
	size_t *w = xcalloc(ncols ? ncols : 1, sizeof *w), r, c, cw, used;
	char **rows = xcalloc(nrows ? nrows : 1, sizeof *rows), *buf, *cell;
	size_t cap = ncols * (4 * max + 8) + 1;

	for (r = 0; r < nrows; r++)
		for (c = 0; c + 1 < ncols; c++) {
			cw = text_width(cells[r * ncols + c]);
			if (cw > w[c])
				w[c] = cw > max ? max : cw;
		}
	cell = xmalloc(4 * max + 8);
	for (r = 0; r < nrows; r++) {
		buf = xmalloc(cap);
		used = 0;
		buf[0] = '\0';
		for (c = 0; c < ncols && used + 1 < cap; c++) {
			text_fit(cells[r * ncols + c], c + 1 < ncols ? w[c] :
			    max, c + 1 < ncols, cell, 4 * max + 8);
			used += (size_t)snprintf(buf + used, cap - used, "%s%s",
			    c ? "  " : "", cell);
		}
		rows[r] = buf;
	}
	free(cell);
	free(w);
	return rows;
}
