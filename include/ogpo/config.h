/*
 * config.h — the user's settings file, ~/.config/ogpo/config (or
 * $XDG_CONFIG_HOME/ogpo/config): "key = value" lines, "#" comments.
 */
#ifndef OGPO_CONFIG_H
#define OGPO_CONFIG_H

#include <stddef.h>

/*
 * Look key up in the user's config file. Returns 1 and fills value (and
 * where, "FILE:LINE", if not NULL) when a line sets it; 0 when the file
 * or the key is absent. A later line for the same key wins.
 */
int	config_lookup(const char *key, char *value, size_t n, char *where,
	    size_t wn);

/* The path of the user's config file (a new string). */
char	*config_path(void);

#endif
