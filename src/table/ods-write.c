/*
 * ods-write.c — OpenDocument spreadsheets out (ODF 1.3, the format
 * CNS 15251 adopts). No C library writes ODF, so this is written once and
 * small: the rows go to a temporary file as they come; at the end, once
 * every column's width is known, content.xml is put together (the
 * columns, the styles, then the rows) and zipped with its siblings by
 * libzip, the mimetype first and stored, as ODF asks. Cells are typed:
 * text as text (a text cell is never a formula, so nothing is guarded),
 * dates as dates in the user's date style (民國 through the ROC calendar
 * LibreOffice knows), counts as numbers and rates as percentages. The
 * header row is bold, frozen, and repeated on every printed page.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sheetlib.h"
#include "table-int.h"

/* A4 portrait less 1.5 cm margins: what a printed form may be wide. */
#define ODS_PAGE_CM	18.0
/* The rows of a sheet in LibreOffice (and Excel). */
#define ODS_SHEET_ROWS	((size_t)1048576)

struct ods_out {
	char	*body;		/* the rows, as they come */
	FILE	*bf;
	char	*content;	/* content.xml, put together at the end */
	char	*styles, *settings, *meta, *manifest;
};

static const char ods_ns[] =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:"
    "xsl-fo-compatible:1.0\""
    " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:"
    "datastyle:1.0\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\""
    " office:version=\"1.3\"";

/* s as XML text or an attribute value; characters XML lacks are left out. */
static void
ods_escape(FILE *f, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		switch (p[i]) {
		case '&':
		case '<':
		case '>':
		case '"':
			if (run)
				fwrite(s + i - run, 1, run, f);
			run = 0;
			fputs(p[i] == '&' ? "&amp;" : p[i] == '<' ? "&lt;" :
			    p[i] == '>' ? "&gt;" : "&quot;", f);
			break;
		default:
			if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') {
				if (run)
					fwrite(s + i - run, 1, run, f);
				run = 0;
				break;
			}
			/* U+FFFE and U+FFFF are not XML characters either. */
			if (p[i] == 0xef && i + 2 < len && p[i + 1] == 0xbf &&
			    (p[i + 2] == 0xbe || p[i + 2] == 0xbf)) {
				if (run)
					fwrite(s + i - run, 1, run, f);
				run = 0;
				i += 2;
				break;
			}
			run++;
		}
	}
	if (run)
		fwrite(s + len - run, 1, run, f);
}

static void
ods_attr(FILE *f, const char *s)
{
	ods_escape(f, s, strlen(s));
}

/* <text:s/> for n spaces, as ODF keeps them. */
static void
ods_spaces(FILE *f, size_t n)
{
	if (n == 1)
		fputs("<text:s/>", f);
	else if (n > 1)
		fprintf(f, "<text:s text:c=\"%zu\"/>", n);
}

/*
 * The paragraphs of a text cell: one per line. A space stays a space
 * only between two other characters; the rest (runs, and spaces that
 * start or end a line) are written as ODF spells them, and tabs too, so
 * that the cell comes back as it was.
 */
static void
ods_paras(FILE *f, const char *s)
{
	size_t len, i, k;

	for (;;) {
		len = strcspn(s, "\n");
		fputs("<text:p>", f);
		for (i = 0; i < len; i += k) {
			if (s[i] == ' ') {
				k = strspn(s + i, " ");
				if (k > len - i)
					k = len - i;
				if (i > 0 && i + k < len) {
					fputc(' ', f);
					ods_spaces(f, k - 1);
				} else
					ods_spaces(f, k);
			} else if (s[i] == '\t') {
				fputs("<text:tab/>", f);
				k = 1;
			} else {
				k = strcspn(s + i, " \t\n");
				ods_escape(f, s + i, k);
			}
		}
		fputs("</text:p>", f);
		if (s[len] != '\n')
			break;
		s += len + 1;
	}
}

static int
ods_open(struct table_writer *w, char **cause)
{
	struct ods_out *o;
	int rc;

	/* Before any work: the zip is made at the end. */
	if ((rc = sheetlib_load(cause)) != 0)
		return rc;
	o = xcalloc(1, sizeof *o);
	w->impl = o;
	if ((o->body = table_tmp_path(cause)) == NULL)
		return OGPO_IO;
	if ((o->bf = fopen(o->body, "w")) == NULL)
		return err_set(cause, OGPO_IO, "%s: cannot write %s: %s",
		    w->name, o->body, strerror(errno));
	return 0;
}

static int
ods_head(struct table_writer *w, char **cause)
{
	struct ods_out *o = w->impl;
	FILE *f = o->bf;
	size_t i;

	(void)cause;
	for (i = 0; i < w->ntitles; i++) {
		fprintf(f, "<table:table-row table:style-name=\"%s\">"
		    "<table:table-cell table:style-name=\"%s\" "
		    "office:value-type=\"string\" "
		    "table:number-columns-spanned=\"%zu\" "
		    "table:number-rows-spanned=\"1\">", i == 0 ? "ro-title" :
		    "ro-sub", i == 0 ? "ce-title" : "ce-sub", w->ncols);
		ods_paras(f, w->titles[i]);
		fputs("</table:table-cell>", f);
		if (w->ncols > 1)
			fprintf(f, "<table:covered-table-cell "
			    "table:style-name=\"ce-sub\" "
			    "table:number-columns-repeated=\"%zu\"/>",
			    w->ncols - 1);
		fputs("</table:table-row>\n", f);
	}
	fputs("<table:table-header-rows><table:table-row>", f);
	for (i = 0; i < w->ncols; i++) {
		fputs("<table:table-cell table:style-name=\"ce-head\" "
		    "office:value-type=\"string\">", f);
		ods_paras(f, w->cols[i].name);
		fputs("</table:table-cell>", f);
	}
	fputs("</table:table-row></table:table-header-rows>\n", f);
	return 0;
}

static int
ods_row(struct table_writer *w, const char *const *cells, size_t n,
    char **cause)
{
	struct ods_out *o = w->impl;
	FILE *f = o->bf;
	const char *s;
	double v;
	int y, m, d;
	size_t i;
	char shown[32];

	(void)cause;
	fputs((w->o.flags & TABLE_PRINT) ?
	    "<table:table-row table:style-name=\"ro-sign\">" :
	    "<table:table-row>", f);
	for (i = 0; i < w->ncols; i++) {
		s = i < n && cells[i] != NULL ? cells[i] : "";
		if (*s == '\0' || w->cols[i].kind == TABLE_SIGN) {
			fputs("<table:table-cell/>", f);
			continue;
		}
		switch (w->cols[i].kind) {
		case TABLE_DATE:
			if (!table_date_split(s, &y, &m, &d))
				break;
			if (w->o.roc && y > 1911)
				snprintf(shown, sizeof shown, "%d/%02d/%02d",
				    y - 1911, m, d);
			else
				snprintf(shown, sizeof shown, "%s", s);
			fprintf(f, "<table:table-cell office:value-type="
			    "\"date\" office:date-value=\"%s\"><text:p>%s"
			    "</text:p></table:table-cell>", s, shown);
			continue;
		case TABLE_COUNT:
			if (!table_count_value(s, &v))
				break;
			fprintf(f, "<table:table-cell office:value-type="
			    "\"float\" office:value=\"%s\"><text:p>%s"
			    "</text:p></table:table-cell>", s, s);
			continue;
		case TABLE_RATE:
			if (!table_rate_value(s, &v))
				break;
			fprintf(f, "<table:table-cell office:value-type="
			    "\"percentage\" office:value=\"%.6g\"><text:p>",
			    v);
			ods_attr(f, s);
			fputs("</text:p></table:table-cell>", f);
			continue;
		default:
			break;
		}
		fputs("<table:table-cell office:value-type=\"string\">", f);
		ods_paras(f, s);
		fputs("</table:table-cell>", f);
	}
	fputs("</table:table-row>\n", f);
	if (ferror(f))
		return err_set(cause, OGPO_IO, "%s: cannot write: %s",
		    w->name, strerror(errno));
	return 0;
}

/* The automatic styles: columns, rows, data and cell styles. */
static void
ods_auto_styles(struct table_writer *w, FILE *f)
{
	int print = (w->o.flags & TABLE_PRINT) != 0;
	const char *border = print ? " fo:border=\"0.5pt solid #000000\"" : "";
	double total = 0, scale = 0.2;
	size_t i;

	for (i = 0; i < w->ncols; i++)
		total += table_col_width(w, i);
	if (print && total > 0)
		scale = (ODS_PAGE_CM - 0.1) / total;
	fputs("<office:automatic-styles>", f);
	for (i = 0; i < w->ncols; i++)
		fprintf(f, "<style:style style:name=\"co%zu\" "
		    "style:family=\"table-column\"><style:table-column-"
		    "properties fo:break-before=\"auto\" "
		    "style:column-width=\"%.2fcm\"/></style:style>", i + 1,
		    table_col_width(w, i) * scale + (print ? 0 : 0.4));
	fputs("<style:style style:name=\"ro-title\" style:family=\"table-row\">"
	    "<style:table-row-properties style:row-height=\"1.0cm\" "
	    "style:use-optimal-row-height=\"false\"/></style:style>"
	    "<style:style style:name=\"ro-sub\" style:family=\"table-row\">"
	    "<style:table-row-properties style:row-height=\"0.6cm\" "
	    "style:use-optimal-row-height=\"false\"/></style:style>"
	    "<style:style style:name=\"ro-sign\" style:family=\"table-row\">"
	    "<style:table-row-properties style:row-height=\"1.1cm\" "
	    "style:use-optimal-row-height=\"false\"/></style:style>"
	    "<style:style style:name=\"ta1\" style:family=\"table\" "
	    "style:master-page-name=\"mp1\"><style:table-properties "
	    "table:display=\"true\" style:writing-mode=\"lr-tb\"/>"
	    "</style:style>"
	    "<number:text-style style:name=\"N-text\"><number:text-content/>"
	    "</number:text-style>"
	    "<number:number-style style:name=\"N-count\"><number:number "
	    "number:decimal-places=\"0\" number:min-decimal-places=\"0\" "
	    "number:min-integer-digits=\"1\"/></number:number-style>"
	    "<number:percentage-style style:name=\"N-rate\"><number:number "
	    "number:decimal-places=\"1\" number:min-decimal-places=\"1\" "
	    "number:min-integer-digits=\"1\"/><number:text>%</number:text>"
	    "</number:percentage-style>", f);
	if (w->o.roc)
		/* The ROC calendar belongs to Taiwan's locale. */
		fputs("<number:date-style style:name=\"N-date\" "
		    "number:language=\"zh\" number:country=\"TW\">"
		    "<number:year number:calendar=\"ROC\"/>"
		    "<number:text>/</number:text>"
		    "<number:month number:style=\"long\" "
		    "number:calendar=\"ROC\"/><number:text>/</number:text>"
		    "<number:day number:style=\"long\" number:calendar=\"ROC\"/>"
		    "</number:date-style>", f);
	else
		fputs("<number:date-style style:name=\"N-date\">"
		    "<number:year number:style=\"long\"/><number:text>-"
		    "</number:text><number:month number:style=\"long\"/>"
		    "<number:text>-</number:text><number:day "
		    "number:style=\"long\"/></number:date-style>", f);
	fprintf(f, "<style:style style:name=\"ce-head\" "
	    "style:family=\"table-cell\" style:parent-style-name=\"Default\" "
	    "style:data-style-name=\"N-text\"><style:table-cell-properties%s "
	    "style:vertical-align=\"middle\"/><style:paragraph-properties "
	    "fo:text-align=\"center\"/><style:text-properties "
	    "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" "
	    "style:font-weight-complex=\"bold\"/></style:style>", border);
	fputs("<style:style style:name=\"ce-title\" style:family=\"table-cell\" "
	    "style:parent-style-name=\"Default\"><style:table-cell-properties "
	    "style:vertical-align=\"middle\"/><style:paragraph-properties "
	    "fo:text-align=\"center\"/><style:text-properties "
	    "fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" "
	    "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"/>"
	    "</style:style>"
	    "<style:style style:name=\"ce-sub\" style:family=\"table-cell\" "
	    "style:parent-style-name=\"Default\"><style:text-properties "
	    "fo:font-size=\"11pt\" style:font-size-asian=\"11pt\"/>"
	    "</style:style>", f);
	/* Text longer than its column wraps in it, not cut off where the
	 * next column's cell starts (a form's rows keep their height). */
	fprintf(f, "<style:style style:name=\"ce-text\" "
	    "style:family=\"table-cell\" style:parent-style-name=\"Default\" "
	    "style:data-style-name=\"N-text\"><style:table-cell-properties%s "
	    "style:vertical-align=\"%s\"%s/></style:style>", border,
	    print ? "middle" : "top", print ? "" : " fo:wrap-option=\"wrap\"");
	fprintf(f, "<style:style style:name=\"ce-date\" "
	    "style:family=\"table-cell\" style:parent-style-name=\"Default\" "
	    "style:data-style-name=\"N-date\"><style:table-cell-properties%s "
	    "style:vertical-align=\"top\"/></style:style>", border);
	fprintf(f, "<style:style style:name=\"ce-count\" "
	    "style:family=\"table-cell\" style:parent-style-name=\"Default\" "
	    "style:data-style-name=\"N-count\"><style:table-cell-properties%s "
	    "style:vertical-align=\"top\"/></style:style>", border);
	fprintf(f, "<style:style style:name=\"ce-rate\" "
	    "style:family=\"table-cell\" style:parent-style-name=\"Default\" "
	    "style:data-style-name=\"N-rate\"><style:table-cell-properties%s "
	    "style:vertical-align=\"top\"/></style:style>", border);
	fputs("</office:automatic-styles>", f);
}

static const char *
ods_cell_style(enum table_kind k)
{
	switch (k) {
	case TABLE_DATE:
		return "ce-date";
	case TABLE_COUNT:
		return "ce-count";
	case TABLE_RATE:
		return "ce-rate";
	default:
		return "ce-text";
	}
}

/* content.xml: styles and columns, the rows from the body file, the end. */
static int
ods_content(struct table_writer *w, char **cause)
{
	struct ods_out *o = w->impl;
	char buf[65536];
	FILE *f, *in;
	size_t i, n, rows, keep;
	int rc = 0;

	if ((o->content = table_tmp_path(cause)) == NULL)
		return OGPO_IO;
	if ((f = fopen(o->content, "w")) == NULL)
		return err_set(cause, OGPO_IO, "%s: cannot write %s: %s",
		    w->name, o->content, strerror(errno));
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<office:document-content%s>", ods_ns);
	ods_auto_styles(w, f);
	fputs("<office:body><office:spreadsheet><table:table table:name=\"",
	    f);
	ods_attr(f, w->sheet);
	fputs("\" table:style-name=\"ta1\">", f);
	/* A list printed over pages side by side names its rows on each. */
	keep = table_print_across(w) > 1 ? table_print_keep(w) : 0;
	for (i = 0; i < w->ncols; i++) {
		if (i == 0 && keep > 0)
			fputs("<table:table-header-columns>", f);
		fprintf(f, "<table:table-column table:style-name=\"co%zu\" "
		    "table:default-cell-style-name=\"%s\"/>", i + 1,
		    ods_cell_style(w->cols[i].kind));
		if (keep > 0 && i + 1 == keep)
			fputs("</table:table-header-columns>", f);
	}
	fputc('\n', f);
	if ((in = fopen(o->body, "r")) == NULL)
		rc = err_set(cause, OGPO_IO, "%s: cannot read back %s: %s",
		    w->name, o->body, strerror(errno));
	else {
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, f);
		if (ferror(in))
			rc = err_set(cause, OGPO_IO, "%s: cannot read back "
			    "%s", w->name, o->body);
		fclose(in);
	}
	/*
	 * LibreOffice gives a column's default cell style only to the rows
	 * the file has, so a row typed under the last one would be General:
	 * 0223456789 typed there becomes the number 223456789. Empty rows
	 * down to the sheet's last carry the columns' kinds to every row a
	 * person adds (a printed form's would print as bordered pages).
	 */
	rows = w->ntitles + 1 + w->rows;
	if (!(w->o.flags & TABLE_PRINT) && rows < ODS_SHEET_ROWS)
		fprintf(f, "<table:table-row table:number-rows-repeated="
		    "\"%zu\"><table:table-cell table:number-columns-repeated="
		    "\"%zu\"/></table:table-row>", ODS_SHEET_ROWS - rows,
		    w->ncols);
	fputs("</table:table></office:spreadsheet></office:body>"
	    "</office:document-content>\n", f);
	if ((fflush(f) != 0 || ferror(f)) && rc == 0)
		rc = err_set(cause, OGPO_IO, "%s: cannot write: %s", w->name,
		    strerror(errno));
	fclose(f);
	return rc;
}

/* styles.xml: A4 portrait, or across and shrunk to as many pages wide
 * as table_print_across says; Taiwan's language, page numbers below. */
static char *
ods_styles(const struct table_writer *w)
{
	unsigned across = table_print_across(w);
	char scale[64];

	if (across > 0)
		snprintf(scale, sizeof scale, "style:scale-to-X=\"%u\" "
		    "style:scale-to-Y=\"0\"", across);
	else
		snprintf(scale, sizeof scale, "style:scale-to=\"100%%\"");
	return xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<office:document-styles%s><office:styles>"
	    "<style:default-style style:family=\"table-cell\">"
	    "<style:text-properties fo:language=\"zh\" fo:country=\"TW\" "
	    "style:language-asian=\"zh\" style:country-asian=\"TW\"/>"
	    "</style:default-style>"
	    "<style:style style:name=\"Default\" style:family=\"table-cell\"/>"
	    "</office:styles><office:automatic-styles>"
	    "<style:page-layout style:name=\"pm1\">"
	    "<style:page-layout-properties fo:page-width=\"%s\" "
	    "fo:page-height=\"%s\" style:print-orientation=\"%s\" "
	    "fo:margin-top=\"1.2cm\" fo:margin-bottom=\"1.2cm\" "
	    "fo:margin-left=\"1.5cm\" fo:margin-right=\"1.5cm\" "
	    "style:print-page-order=\"ttb\" %s/>"
	    "<style:footer-style><style:header-footer-properties "
	    "fo:min-height=\"0.6cm\" fo:margin-top=\"0.2cm\"/>"
	    "</style:footer-style></style:page-layout>"
	    "</office:automatic-styles><office:master-styles>"
	    "<style:master-page style:name=\"mp1\" "
	    "style:page-layout-name=\"pm1\"><style:header "
	    "style:display=\"false\"/><style:footer><text:p>"
	    "第 <text:page-number>1</text:page-number> 頁，共 "
	    "<text:page-count>1</text:page-count> 頁</text:p></style:footer>"
	    "</style:master-page></office:master-styles>"
	    "</office:document-styles>\n", ods_ns,
	    across > 0 ? "29.7cm" : "21cm", across > 0 ? "21cm" : "29.7cm",
	    across > 0 ? "landscape" : "portrait", scale);
}

/* settings.xml: the header row frozen, as LibreOffice reads it. */
static char *
ods_settings(struct table_writer *w)
{
	size_t rows = w->ntitles + 1, len;
	char *name, *out;
	FILE *f = open_memstream(&name, &len);

	if (f == NULL)
		abort();
	ods_attr(f, w->sheet);
	fclose(f);
	out = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<office:document-settings%s><office:settings>"
	    "<config:config-item-set config:name=\"ooo:view-settings\">"
	    "<config:config-item-map-indexed config:name=\"Views\">"
	    "<config:config-item-map-entry>"
	    "<config:config-item config:name=\"ViewId\" "
	    "config:type=\"string\">view1</config:config-item>"
	    "<config:config-item-map-named config:name=\"Tables\">"
	    "<config:config-item-map-entry config:name=\"%s\">"
	    "<config:config-item config:name=\"HorizontalSplitMode\" "
	    "config:type=\"short\">0</config:config-item>"
	    "<config:config-item config:name=\"VerticalSplitMode\" "
	    "config:type=\"short\">2</config:config-item>"
	    "<config:config-item config:name=\"HorizontalSplitPosition\" "
	    "config:type=\"int\">0</config:config-item>"
	    "<config:config-item config:name=\"VerticalSplitPosition\" "
	    "config:type=\"int\">%zu</config:config-item>"
	    "<config:config-item config:name=\"ActiveSplitRange\" "
	    "config:type=\"short\">2</config:config-item>"
	    "<config:config-item config:name=\"PositionLeft\" "
	    "config:type=\"int\">0</config:config-item>"
	    "<config:config-item config:name=\"PositionRight\" "
	    "config:type=\"int\">0</config:config-item>"
	    "<config:config-item config:name=\"PositionTop\" "
	    "config:type=\"int\">0</config:config-item>"
	    "<config:config-item config:name=\"PositionBottom\" "
	    "config:type=\"int\">%zu</config:config-item>"
	    "</config:config-item-map-entry></config:config-item-map-named>"
	    "<config:config-item config:name=\"ActiveTable\" "
	    "config:type=\"string\">%s</config:config-item>"
	    "</config:config-item-map-entry>"
	    "</config:config-item-map-indexed></config:config-item-set>"
	    "</office:settings></office:document-settings>\n", ods_ns, name,
	    rows, rows, name);
	free(name);
	return out;
}

static char *
ods_meta(struct table_writer *w)
{
	size_t len;
	char *title, *out;
	FILE *f = open_memstream(&title, &len);

	if (f == NULL)
		abort();
	ods_attr(f, w->ntitles > 0 ? w->titles[0] : w->sheet);
	fclose(f);
	out = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<office:document-meta%s><office:meta>"
	    "<meta:generator>ogpo</meta:generator><dc:title>%s</dc:title>"
	    "<dc:language>zh-TW</dc:language></office:meta>"
	    "</office:document-meta>\n", ods_ns, title);
	free(title);
	return out;
}

static char *
ods_manifest(void)
{
	return xstrdup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
	    "opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
	    "<manifest:file-entry manifest:full-path=\"/\" "
	    "manifest:version=\"1.3\" manifest:media-type=\"application/"
	    "vnd.oasis.opendocument.spreadsheet\"/>"
	    "<manifest:file-entry manifest:full-path=\"content.xml\" "
	    "manifest:media-type=\"text/xml\"/>"
	    "<manifest:file-entry manifest:full-path=\"styles.xml\" "
	    "manifest:media-type=\"text/xml\"/>"
	    "<manifest:file-entry manifest:full-path=\"meta.xml\" "
	    "manifest:media-type=\"text/xml\"/>"
	    "<manifest:file-entry manifest:full-path=\"settings.xml\" "
	    "manifest:media-type=\"text/xml\"/>"
	    "</manifest:manifest>\n");
}

/* Add a part from memory (kept by the caller until zip_close). */
static int
ods_zip_add(zip_t *za, const char *name, const char *data, int store)
{
	zip_source_t *src;
	zip_int64_t i;

	if ((src = sheetlib.zip_source_buffer(za, data, strlen(data),
	    0)) == NULL)
		return -1;
	if ((i = sheetlib.zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		sheetlib.zip_source_free(src);
		return -1;
	}
	return sheetlib.zip_set_file_compression(za, (zip_uint64_t)i, store ?
	    ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
}

static int
ods_close(struct table_writer *w, char **cause)
{
	static const char mimetype[] =
	    "application/vnd.oasis.opendocument.spreadsheet";
	struct ods_out *o = w->impl;
	zip_source_t *src;
	zip_int64_t i;
	zip_t *za;
	int err = 0, rc;

	if (w->cols == NULL)
		return err_set(cause, OGPO_INVALID, "internal error: %s has no "
		    "header", w->name);
	if (fflush(o->bf) != 0 || ferror(o->bf) || fclose(o->bf) != 0) {
		o->bf = NULL;
		return err_set(cause, OGPO_IO, "%s: cannot write: %s", w->name,
		    strerror(errno));
	}
	o->bf = NULL;
	if ((rc = ods_content(w, cause)) != 0)
		return rc;
	o->styles = ods_styles(w);
	o->settings = ods_settings(w);
	o->meta = ods_meta(w);
	o->manifest = ods_manifest();
	if ((w->tmp = table_tmp_path(cause)) == NULL)
		return OGPO_IO;
	if ((za = sheetlib.zip_open(w->tmp, ZIP_CREATE | ZIP_TRUNCATE,
	    &err)) == NULL)
		return err_set(cause, OGPO_IO, "%s: cannot start the file",
		    w->name);
	if (ods_zip_add(za, "mimetype", mimetype, 1) != 0 ||
	    (src = sheetlib.zip_source_file(za, o->content, 0, -1)) == NULL)
		goto fail;
	if ((i = sheetlib.zip_file_add(za, "content.xml", src,
	    ZIP_FL_ENC_UTF_8)) < 0) {
		sheetlib.zip_source_free(src);
		goto fail;
	}
	if (sheetlib.zip_set_file_compression(za, (zip_uint64_t)i,
	    ZIP_CM_DEFLATE, 1) != 0 ||
	    ods_zip_add(za, "styles.xml", o->styles, 0) != 0 ||
	    ods_zip_add(za, "meta.xml", o->meta, 0) != 0 ||
	    ods_zip_add(za, "settings.xml", o->settings, 0) != 0 ||
	    ods_zip_add(za, "META-INF/manifest.xml", o->manifest, 0) != 0)
		goto fail;
	if (sheetlib.zip_close(za) != 0) {
		rc = err_set(cause, OGPO_IO, "%s: cannot write: %s", w->name,
		    sheetlib.zip_strerror(za));
		sheetlib.zip_discard(za);
		return rc;
	}
	return table_tmp_copy(w, w->tmp, cause);

fail:
	rc = err_set(cause, OGPO_IO, "%s: cannot put the file together: %s",
	    w->name, sheetlib.zip_strerror(za));
	sheetlib.zip_discard(za);
	return rc;
}

static void
ods_free(struct table_writer *w)
{
	struct ods_out *o = w->impl;

	if (o == NULL)
		return;
	if (o->bf != NULL)
		fclose(o->bf);
	if (o->body != NULL)
		unlink(o->body);
	if (o->content != NULL)
		unlink(o->content);
	free(o->body);
	free(o->content);
	free(o->styles);
	free(o->settings);
	free(o->meta);
	free(o->manifest);
	free(o);
	w->impl = NULL;
}

const struct table_writer_ops table_ods_ops = {
	.open = ods_open,
	.head = ods_head,
	.row = ods_row,
	.close = ods_close,
	.free = ods_free,
};
