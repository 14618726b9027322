/*
 * complete.c — Tab completion, shared by the ":" command line and the
 * prompts that ask for a file: the word before the cursor grows as far as
 * every match agrees, and the matches are listed when Tab can add no more.
 * File names are read with the user's own rights (the group's are set
 * aside outside the database), as the file will be opened.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

#define COMPLETE_FILES_MAX	512

/* Type the bytes s[from, to) into e, character by character (as keys
 * arrive); a cut or malformed character ends it. 1 if any went in. */
static int
ui_complete_type(struct ui_edit *e, const char *s, size_t from, size_t to)
{
	uint32_t cp;
	size_t len;
	int added = 0;

	while (from < to && (len = text_decode((const unsigned char *)s +
	    from, to - from, &cp)) > 0 && cp >= 0x20) {
		ui_edit_key(e, (int)cp);
		from += len;
		added = 1;
	}
	return added;
}

int
ui_complete_common(struct ui_edit *e, const char *const *found, size_t n,
    size_t wlen, const char *end, int list, char *choices, size_t csize)
{
	size_t common, i, k, used = 0;
	int added = 0;

	if (csize > 0)
		choices[0] = '\0';
	if (n == 0)
		return 0;
	common = strlen(found[0]);
	for (i = 1; i < n; i++) {
		for (k = 0; k < common && found[i][k] == found[0][k]; k++)
			;
		common = k;
	}
	if (common > wlen)
		added = ui_complete_type(e, found[0], wlen, common);
	if (n == 1) {
		if (end[0] != '\0' && e->buf[e->cur] != end[0])
			ui_complete_type(e, end, 0, strlen(end));
		return 1;
	}
	if (added && !list)
		return 1;
	for (i = 0; i < n && used + 1 < csize; i++)
		used += (size_t)snprintf(choices + used, csize - used,
		    "%s%s", i ? "  " : "", found[i]);
	return added;
}

static int
ui_complete_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
ui_complete_path(struct ui_edit *e, size_t start, int list, char *choices,
    size_t csize)
{
	char *word, *slash, dir[1024], *names[COMPLETE_FILES_MAX], path[2048];
	const char *home, *base;
	struct dirent *de;
	struct stat st;
	size_t wlen, blen, n = 0, i;
	DIR *d;
	int r;

	if (csize > 0)
		choices[0] = '\0';
	/* ~/ is the home directory, written out so the path is opened as
	 * shown. */
	if (strncmp(e->buf + start, "~/", 2) == 0 &&
	    (home = getenv("HOME")) != NULL && home[0] == '/' &&
	    strlen(e->buf) + strlen(home) < e->size) {
		memmove(e->buf + start + strlen(home), e->buf + start + 1,
		    strlen(e->buf + start + 1) + 1);
		memcpy(e->buf + start, home, strlen(home));
		e->cur += strlen(home) - 1;
	}
	word = e->buf + start;
	wlen = e->cur - start;
	if (wlen >= sizeof dir)
		return 0;
	memcpy(dir, word, wlen);
	dir[wlen] = '\0';
	if ((slash = strrchr(dir, '/')) != NULL) {
		base = word + (slash - dir) + 1;
		slash[1] = '\0';
	} else {
		base = word;
		dir[0] = '\0';
	}
	blen = wlen - (size_t)(base - word);
	if ((d = opendir(dir[0] != '\0' ? dir : ".")) == NULL)
		return 0;
	while (n < COMPLETE_FILES_MAX && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strncmp(de->d_name, base, blen) != 0 ||
		    (de->d_name[0] == '.' && (blen == 0 || base[0] != '.')))
			continue;
		snprintf(path, sizeof path, "%s%s", dir, de->d_name);
		names[n++] = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ?
		    xasprintf("%s/", de->d_name) : xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, ui_complete_cmp);
	r = ui_complete_common(e, (const char *const *)names, n, blen, "",
	    list, choices, csize);
	for (i = 0; i < n; i++)
		free(names[i]);
	return r;
}
