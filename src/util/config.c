/*
 * config.c — reading the user's settings file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/config.h"
#include "ogpo/util.h"

char *
config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/ogpo/config", xdg);
	return xasprintf("%s/.config/ogpo/config", home ? home : ".");
}

int
config_lookup(const char *key, char *value, size_t n, char *where, size_t wn)
{
	char line[1024], *p, *eq, *path = config_path();
	size_t len = strlen(key);
	unsigned lineno = 0;
	int found = 0;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		free(path);
		return 0;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		p = str_trim(line);
		if (*p == '#' || (eq = strchr(p, '=')) == NULL)
			continue;
		*eq = '\0';
		if (strlen(str_trim(p)) != len || strcmp(p, key) != 0)
			continue;
		str_copy(value, str_trim(eq + 1), n);
		if (where != NULL)
			snprintf(where, wn, "%s:%u", path, lineno);
		found = 1;
	}
	fclose(f);
	free(path);
	return found;
}
