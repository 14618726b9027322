/*
 * sheetlib.c — libzip and libxlsxwriter, opened by their sonames when a
 * spreadsheet file is first read or written (sheetlib.h says why). The
 * sonames are the ones the program was built against (the Makefile
 * reads them from the libraries). dlopen searches only the system's
 * places in a set-id program: glibc ignores LD_LIBRARY_PATH there, as it
 * does for the libraries linked in.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "ogpo/util.h"

#include "sheetlib.h"

#if !defined(SHEETLIB_ZIP_SONAME) || !defined(SHEETLIB_XLSXWRITER_SONAME)
#error "the Makefile names the sonames of libzip and libxlsxwriter"
#endif
_Static_assert(sizeof SHEETLIB_ZIP_SONAME > 1 &&
    sizeof SHEETLIB_XLSXWRITER_SONAME > 1, "the Makefile found no soname of "
    "libzip or libxlsxwriter (objdump -p on the libraries it links)");

struct sheetlib sheetlib;

enum { SHEETLIB_ZIP, SHEETLIB_XLSXWRITER, SHEETLIB_NLIBS };

static const char *const sheetlib_sonames[SHEETLIB_NLIBS] = {
	SHEETLIB_ZIP_SONAME, SHEETLIB_XLSXWRITER_SONAME
};

/* Each entry of struct sheetlib: its library, its name, where it goes. */
#define Z(name) { SHEETLIB_ZIP, #name, offsetof(struct sheetlib, name) }
#define X(name) { SHEETLIB_XLSXWRITER, #name, \
	offsetof(struct sheetlib, name) }
static const struct {
	int		 lib;
	const char	*name;
	size_t		 at;
} sheetlib_syms[] = {
	Z(zip_close), Z(zip_discard), Z(zip_error_fini), Z(zip_error_init),
	Z(zip_error_init_with_code), Z(zip_error_strerror), Z(zip_fclose),
	Z(zip_file_add), Z(zip_file_strerror), Z(zip_fopen_index),
	Z(zip_fread), Z(zip_name_locate), Z(zip_open),
	Z(zip_open_from_source), Z(zip_set_file_compression),
	Z(zip_source_buffer), Z(zip_source_buffer_create), Z(zip_source_file),
	Z(zip_source_free), Z(zip_stat_index), Z(zip_stat_init),
	Z(zip_strerror),
	X(format_set_align), X(format_set_bold), X(format_set_border),
	X(format_set_font_size), X(format_set_num_format),
	X(format_set_text_wrap), X(lxw_strerror),
	X(workbook_add_format), X(workbook_add_worksheet), X(workbook_close),
	X(workbook_new_opt), X(worksheet_center_horizontally),
	X(worksheet_fit_to_pages), X(worksheet_freeze_panes),
	X(worksheet_merge_range), X(worksheet_repeat_columns),
	X(worksheet_repeat_rows),
	X(worksheet_set_column), X(worksheet_set_footer),
	X(worksheet_set_landscape),
	X(worksheet_set_margins), X(worksheet_set_paper),
	X(worksheet_set_portrait), X(worksheet_set_row),
	X(worksheet_write_blank), X(worksheet_write_datetime),
	X(worksheet_write_number), X(worksheet_write_string),
};
#undef Z
#undef X

_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
    "a function's address fits where dlsym puts it");

static pthread_once_t sheetlib_once = PTHREAD_ONCE_INIT;
static char *sheetlib_cause;	/* why the load failed; NULL: it did not */

static void
sheetlib_load_once(void)
{
	void *lib[SHEETLIB_NLIBS], *p;
	const char *why;
	size_t i;

	for (i = 0; i < SHEETLIB_NLIBS; i++)
		if ((lib[i] = dlopen(sheetlib_sonames[i], RTLD_NOW |
		    RTLD_LOCAL)) == NULL) {
			why = dlerror();
			err_set(&sheetlib_cause, OGPO_IO, "spreadsheet files "
			    "(.ods, .xlsx) need %s, which cannot be loaded "
			    "(%s); install it, or use CSV",
			    sheetlib_sonames[i], why != NULL ? why : "?");
			return;
		}
	for (i = 0; i < sizeof sheetlib_syms / sizeof sheetlib_syms[0]; i++) {
		dlerror();
		if ((p = dlsym(lib[sheetlib_syms[i].lib],
		    sheetlib_syms[i].name)) == NULL) {
			err_set(&sheetlib_cause, OGPO_IO, "spreadsheet files "
			    "(.ods, .xlsx) need %s of %s, which it lacks; "
			    "install the version ogpo was built with, or use "
			    "CSV", sheetlib_syms[i].name,
			    sheetlib_sonames[sheetlib_syms[i].lib]);
			return;
		}
		/* POSIX: what dlsym gives for a function is its address,
		 * the size of a function's. */
		memcpy((char *)&sheetlib + sheetlib_syms[i].at, &p, sizeof p);
	}
}

int
sheetlib_load(char **cause)
{
	(void)pthread_once(&sheetlib_once, sheetlib_load_once);
	if (sheetlib_cause != NULL)
		return err_set(cause, OGPO_IO, "%s", sheetlib_cause);
	return 0;
}
