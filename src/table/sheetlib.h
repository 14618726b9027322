/*
 * sheetlib.h — libzip and libxlsxwriter, opened the first time a .ods or
 * .xlsx file is read or written (sheetlib.c), not linked in: with the
 * libcrypto both bring, they were over half of the start-up time of
 * every command, most of which never touch a spreadsheet. The readers
 * and writers call them through the table sheetlib, whose entries have
 * the libraries' own names and types.
 */
#ifndef OGPO_SHEETLIB_H
#define OGPO_SHEETLIB_H

#include <xlsxwriter.h>
#include <zip.h>

struct sheetlib {
	/* libzip: .ods and .xlsx are zips */
	__typeof__(zip_close)			*zip_close;
	__typeof__(zip_discard)			*zip_discard;
	__typeof__(zip_error_fini)		*zip_error_fini;
	__typeof__(zip_error_init)		*zip_error_init;
	__typeof__(zip_error_init_with_code)	*zip_error_init_with_code;
	__typeof__(zip_error_strerror)		*zip_error_strerror;
	__typeof__(zip_fclose)			*zip_fclose;
	__typeof__(zip_file_add)		*zip_file_add;
	__typeof__(zip_file_strerror)		*zip_file_strerror;
	__typeof__(zip_fopen_index)		*zip_fopen_index;
	__typeof__(zip_fread)			*zip_fread;
	__typeof__(zip_name_locate)		*zip_name_locate;
	__typeof__(zip_open)			*zip_open;
	__typeof__(zip_open_from_source)	*zip_open_from_source;
	__typeof__(zip_set_file_compression)	*zip_set_file_compression;
	__typeof__(zip_source_buffer)		*zip_source_buffer;
	__typeof__(zip_source_buffer_create)	*zip_source_buffer_create;
	__typeof__(zip_source_file)		*zip_source_file;
	__typeof__(zip_source_free)		*zip_source_free;
	__typeof__(zip_stat_index)		*zip_stat_index;
	__typeof__(zip_stat_init)		*zip_stat_init;
	__typeof__(zip_strerror)		*zip_strerror;
	/* libxlsxwriter: .xlsx written */
	__typeof__(format_set_align)		*format_set_align;
	__typeof__(format_set_bold)		*format_set_bold;
	__typeof__(format_set_border)		*format_set_border;
	__typeof__(format_set_font_size)	*format_set_font_size;
	__typeof__(format_set_num_format)	*format_set_num_format;
	__typeof__(format_set_text_wrap)	*format_set_text_wrap;
	__typeof__(lxw_strerror)		*lxw_strerror;
	__typeof__(workbook_add_format)		*workbook_add_format;
	__typeof__(workbook_add_worksheet)	*workbook_add_worksheet;
	__typeof__(workbook_close)		*workbook_close;
	__typeof__(workbook_new_opt)		*workbook_new_opt;
	__typeof__(worksheet_center_horizontally)
						*worksheet_center_horizontally;
	__typeof__(worksheet_fit_to_pages)	*worksheet_fit_to_pages;
	__typeof__(worksheet_freeze_panes)	*worksheet_freeze_panes;
	__typeof__(worksheet_merge_range)	*worksheet_merge_range;
	__typeof__(worksheet_repeat_columns)	*worksheet_repeat_columns;
	__typeof__(worksheet_repeat_rows)	*worksheet_repeat_rows;
	__typeof__(worksheet_set_column)	*worksheet_set_column;
	__typeof__(worksheet_set_footer)	*worksheet_set_footer;
	__typeof__(worksheet_set_landscape)	*worksheet_set_landscape;
	__typeof__(worksheet_set_margins)	*worksheet_set_margins;
	__typeof__(worksheet_set_paper)		*worksheet_set_paper;
	__typeof__(worksheet_set_portrait)	*worksheet_set_portrait;
	__typeof__(worksheet_set_row)		*worksheet_set_row;
	__typeof__(worksheet_write_blank)	*worksheet_write_blank;
	__typeof__(worksheet_write_datetime)	*worksheet_write_datetime;
	__typeof__(worksheet_write_number)	*worksheet_write_number;
	__typeof__(worksheet_write_string)	*worksheet_write_string;
};

/* Filled by sheetlib_load; use it only after that succeeded. */
extern struct sheetlib sheetlib;

/*
 * Open both libraries and fill sheetlib, once per process (any thread;
 * later calls give the first one's answer). Returns 0, or OGPO_IO with
 * *cause naming the library that could not be loaded.
 */
int	 sheetlib_load(char **cause);

#endif
