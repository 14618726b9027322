/*
 * help.c — the help screen, generated from the active keymap and the
 * action table, so it shows exactly the keys that work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"

void
ui_help(struct ui *ui)
{
	static const char *const ctx_titles[UI_CTX_COUNT] = {
		N_("Everywhere"), N_("Lists"), N_("The agency tree"),
		N_("Forms"), N_("Questions"), N_("Help and text windows"),
		N_("Taking attendance"),
	};
	char *text = NULL, *old, keys[256], name[64];
	size_t i, n = keymap_count(ui->km), used;
	int ctx, a, c, k, act;

	text = xstrdup(_("Keys of the active keymap (--keymap picks another; "
	    "keymaps/*.keymap shows the format).\n"));
	for (ctx = 0; ctx < UI_CTX_COUNT; ctx++) {
		old = text;
		text = xasprintf("%s\n%s\n", old, _(ctx_titles[ctx]));
		free(old);
		for (a = 0; a < UA_COUNT; a++) {
			keys[0] = '\0';
			used = 0;
			for (i = 0; i < n; i++) {
				if (keymap_get(ui->km, i, &c, &k, &act) != 0 ||
				    c != ctx || act != a)
					continue;
				keymap_key_name(k, name, sizeof name);
				used += (size_t)snprintf(keys + used,
				    sizeof keys - used, "%s%s",
				    used ? " " : "", name);
				if (used >= sizeof keys)
					break;
			}
			if (keys[0] == '\0')
				continue;
			old = text;
			text = xasprintf("%s  %-16s %s\n", old, keys,
			    _(ui_actions[a].help));
			free(old);
		}
	}
	ui_text_popup(ui, _("Help"), text);
	free(text);
}
