/*
 * ui.h — the full-screen program. The only way in from outside src/ui/.
 */
#ifndef OGPO_UI_H
#define OGPO_UI_H

#include "ogpo/cmd.h"

/* Run the full-screen program until the user quits; the exit status. */
int	ui_main(const struct cmd_ctx *ctx);

#endif
