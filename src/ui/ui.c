/*
 * ui.c — entry to the full-screen program (being built).
 */
#include "ogpo/ui.h"

int
ui_main(const struct cmd_ctx *ctx)
{
	(void)ctx;
	fprintf(stderr, "ogpo: the full-screen program is not built yet; "
	    "see ogpo --help for the commands\n");
	return CMD_FAIL;
}
