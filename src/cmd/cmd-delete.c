/*
 * cmd-delete.c — `ogpo delete KIND ID`: delete one record, refused while
 * others refer to it (the refusal says which).
 */
#include <stdlib.h>
#include <string.h>

#include "ogpo/cmd.h"

static int
cmd_delete_exec(const struct cmd_ctx *ctx, int argc, char **argv)
{
	enum entity_kind kind;
	struct core *c;
	char *cause = NULL;
	uint32_t id;
	int rc;

	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		cmd_usage(&cmd_delete_entry, stdout);
		return CMD_OK;
	}
	if (argc != 3 || (kind = cmd_entity(argv[1])) == 0) {
		cmd_usage(&cmd_delete_entry, stderr);
		return CMD_USAGE;
	}
	if (str_to_id(argv[2], &id) != 0)
		return cmd_error(&cmd_delete_entry, CMD_USAGE, "'%s' is not a "
		    "record number", argv[2]);
	if ((c = cmd_open(ctx, 0)) == NULL)
		return CMD_FAIL;
	rc = core_delete1(c, kind, id, 0, &cause);
	if (rc != 0)
		cmd_error(&cmd_delete_entry, CMD_FAIL, "%s", cause);
	else
		printf(_("Deleted %s #%u.\n"), model_noun(kind), id);
	free(cause);
	core_close(c);
	return rc != 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_delete_entry = {
	.name = "delete",
	.args = "agency|officer|meeting|issue|training|reward ID",
	.summary = N_("Delete a record (refused while others refer to it)."),
	.help = N_("A meeting takes its attendance with it. An officer with "
	    "attendance\nhistory is kept: set an end date instead.\n"),
	.exec = cmd_delete_exec,
};
