#!/bin/sh
# test_keys.sh — every hint does what it says. In each keymap (default, vi,
# emacs) and each view (the seven tabs, an attendance sheet, an officer's
# training and rewards, a low-attendance finding opened), the status line's hints are read off the screen
# ("KEY LABEL", as the keymap binds them there) and each key is pressed:
# what shows must be what the label says, and the view is then restored.
# The screen is wide, so that every hint of a view is shown.
. tests/lib.sh
. tests/tui/tui-lib.sh

demo_db
# The roll call's keys mark the newest meeting, on its day: it has taken
# place (who came is marked from a meeting's day on).
took_place
# An officer with a training record, for the officer's own view.
trained=$("$OGPO" --db "$DB" list training --tsv | awk -F '\t' 'NR == 2 { print $5 }')
tname=$("$OGPO" --db "$DB" list officers --tsv |
    awk -F '\t' -v i="$trained" '$1 == i { print $5 }')
check "an officer with training ($tname)" test -n "$tname"

# A hint's key as tmux sends it.
send_key() {
	case $1 in
	Enter | Space | Tab | Up | Down | Left | Right | Home | End | F[0-9]*)
		keys "$1" ;;
	Esc) esc ;;
	S-Tab) keys BTab ;;
	Del) keys DC ;;
	Ins) keys IC ;;
	PgUp) keys PPage ;;
	PgDn) keys NPage ;;
	C-* | M-*) keys "$1" ;;
	*) text "$1" ;;
	esac
}

# The hints of the status line now, one "KEY<tab>LABEL" a line.
hints() {
	screen
	status_line | sed 's/  *[0-9][0-9]*\/[0-9][0-9]*$//; s/  *$//' |
	    awk 'BEGIN { FS = "  +" } { for (i = 1; i <= NF; i++) {
		k = $i; sub(/ .*/, "", k); l = $i; sub(/^[^ ]* /, "", l)
		print k "\t" l } }'
}

# What LABEL must show in VIEW, and how to go back: "TEXT<tab>BACK[<tab>
# PRE]": BACK is esc, none, again (the key once more), tab1, tab5 or
# reopen; PRE, keys to send first. An empty TEXT: the screen must change.
expected() {
	case $1:$2 in
	*:help) printf 'Keys here\tesc' ;;
	*:undo) printf 'Take back\tesc' ;;
	*:search | *:find) printf '\tesc' ;;
	agencies:officers) printf 'Officers of\ttab1' ;;
	agencies:history) printf 'Code: \tesc' ;;
	agencies:expand/collapse) printf '\tagain' ;;
	agencies:add) printf 'New agency\tesc' ;;
	agencies:edit) printf 'Edit agency\tesc' ;;
	agencies:delete) printf 'elete\tesc' ;;
	'officers:training, rewards') printf 'Competencies of point 8\tesc' ;;
	officers:detail) printf 'Esc: close\tesc' ;;
	officers:add) printf 'New officer\tesc' ;;
	officers:edit) printf 'Edit officer\tesc' ;;
	officers:delete) printf 'elete\tesc' ;;
	officers:end) printf 'Last day of \tesc' ;;
	officers:training) printf 'Training course (point 8)\tesc' ;;
	officers:reward) printf 'Reward (point 9)\tesc' ;;
	officers:import) printf 'Import officers from\tesc' ;;
	officers:sort) printf 'Sorted by\tnone' ;;
	officers:agency) printf 'Choose an agency\tesc' ;;
	officers:all) printf 'Officers of all agencies\tnone' ;;
	meetings:attendance) printf 'present \tesc' ;;
	meetings:detail) printf 'Invitees: present\tesc' ;;
	meetings:add) printf 'New meeting\tesc' ;;
	meetings:edit) printf 'Edit meeting\tesc' ;;
	meetings:held) printf 'is marked held already\tnone' ;;
	meetings:sign-in) printf 'Write the sign-in sheet to the file\tesc' ;;
	meetings:resolutions | attend:resolutions) printf 'Reviewed here\tesc' ;;
	meetings:agenda) printf 'Write the agenda to the file\tesc' ;;
	meetings:month) printf 'Export the attendance of which month\tesc' ;;
	meetings:summary) printf 'Summarise the attendance of which month\tesc' ;;
	meetings:delete) printf 'elete\tesc' ;;
	meetings:cancelled) printf 'cancelled? Its attendance stays\tesc' ;;
	issues:detail) printf 'Lead agency: \tesc' ;;
	issues:add) printf 'New case\tesc' ;;
	issues:edit) printf 'Edit case\tesc' ;;
	issues:progress) printf 'Progress on\tesc' ;;
	issues:delete) printf 'elete\tesc' ;;
	issues:meeting) printf 'New meeting\tesc' ;;
	issues:filter) printf 'Show which cases?\tesc' ;;
	issues:vote) printf 'Eligible voters\tesc' ;;
	issues:deadlines) printf 'overdue and due within 14 days\tesc' ;;
	issues:all) printf 'Tracked cases\tnone' ;;
	'compliance:go to it') printf '\ttab5' ;;
	'compliance:read it') printf 'Finding\tesc' ;;
	'audit:the change') printf 'A change in the audit trail\tesc' ;;
	'audit:take it back') printf 'Take back\tesc' ;;
	audit:filter) printf 'Show only\tesc' ;;
	audit:all) printf 'Audit trail, newest first\tnone' ;;
	*:who) printf 'Who has the database open\tesc' ;;
	users:add) printf 'New user\tesc' ;;
	users:edit) printf 'Edit user\tesc' ;;
	users:remove) printf 'Take \tesc' ;;
	attend:present) printf 'Present\tnone' ;;
	attend:online) printf 'Online\tnone' ;;
	attend:excused) printf 'Excused\tnone' ;;
	attend:absent) printf 'Absent\tnone' ;;
	attend:proxy) printf 'Who came in place of\tesc' ;;
	'attend:back to invited') printf '\tnone\tHome' ;;
	attend:note) printf 'Note on \tesc' ;;
	attend:held) printf 'arked held\tnone' ;;
	attend:close) printf 'Meetings, newest first\treopen' ;;
	attend:invite) printf 'Choose an agency\tesc' ;;
	attend:external) printf 'Name of the participant\tesc' ;;
	'attend:point 7') printf 'point 7\tesc' ;;
	attend:remove) printf 'off the meeting\tesc' ;;
	attend:import) printf "Import the meeting's attendance from\\tesc" ;;
	attend:sign-in) printf 'Write the sign-in sheet to the file\tesc' ;;
	attend:summary) printf 'Summarise the attendance of which month\tesc' ;;
	attend:month) printf 'Export the attendance of which month\tesc' ;;
	officer:edit) printf 'Training course (point 8)\tesc' ;;
	officer:delete) printf 'Delete the training record\tesc' ;;
	officer:training) printf 'Training course (point 8)\tesc' ;;
	officer:reward) printf 'Reward (point 9)\tesc' ;;
	officer:close) printf 'Officers of\treopen' ;;
	finding:attendance) printf 'present \tesc' ;;
	finding:close) printf 'What breaks the regulation\treopen' ;;
	*) printf 'UNKNOWN\tnone' ;;
	esac
}

# Bring the view up (from anywhere: Escapes first).
goto() {
	case $1 in
	agencies) keys 1 ;;
	officers) keys 2 ;;
	meetings) keys 3 Home ;;	# a held meeting (took_place)
	issues) keys 4 ;;
	compliance) keys 5 ;;
	audit) keys 6 ;;
	users) keys 7 ;;
	attend) keys 3 Home Enter ;;
	finding)	# the first low-attendance finding, opened
		keys 5 Home
		down_to "Low attendance" 40
		keys Enter
		;;
	officer)	# all agencies: "go to it" may have narrowed them
		keys 2 F Home /
		text "$tname"
		keys Enter Enter
		;;
	esac
}

# A text that shows the view is up.
marker() {
	case $1 in
	agencies) echo "Supervising minister" ;;
	officers) echo "Officers of" ;;
	meetings) echo "Meetings, newest first" ;;
	issues) echo "Tracked cases" ;;
	compliance) echo "What breaks the regulation" ;;
	audit) echo "Audit trail" ;;
	users) echo "Who may use the database" ;;
	attend) echo "present " ;;
	officer) echo "Competencies of point 8" ;;
	finding) echo "Missed, newest first" ;;
	esac
}

walk() {	# walk KEYMAP VIEW
	km=$1 view=$2
	goto "$view"
	if ! wait_for "$(marker "$view")"; then
		not_ok "$km, $view: the view comes up"
		dump
		return
	fi
	hints >"$TMP/hints"
	n=$(wc -l <"$TMP/hints")
	check "$km, $view: hints on the status line ($n)" [ "$n" -ge 3 ]
	check "$km, $view: the last is the help" \
	    sh -c "tail -1 '$TMP/hints' | grep -q '	help\$'"
	while IFS='	' read -r key label; do
		[ "$label" = quit ] && continue
		exp=$(expected "$view" "$label")
		want=${exp%%	*}
		back=${exp#*	}
		pre=
		case $back in
		*'	'*) pre=${back#*	}; back=${back%%	*} ;;
		esac
		[ -n "$pre" ] && keys $pre
		if [ "$want" = UNKNOWN ]; then
			not_ok "$km, $view: '$key $label' is a hint this test knows"
			continue
		fi
		screen
		cp "$SCR" "$TMP/before"
		send_key "$key"
		if [ -n "$want" ]; then
			expect "$km, $view: '$key $label' shows '$want'" "$want"
		elif poll 3 sh -c "! cmp -s '$SCR' '$TMP/before'"; then
			ok "$km, $view: '$key $label' changes the screen"
		else
			not_ok "$km, $view: '$key $label' changes the screen"
			dump
		fi
		case $back in
		esc) esc ;;
		again) send_key "$key" ;;
		tab1) keys 1 ;;
		tab5) esc; keys 5 ;;
		reopen) goto "$view" ;;
		esac
		if ! wait_for "$(marker "$view")" 3; then
			# A step that did not go back: start the view again.
			esc
			goto "$view"
			wait_for "$(marker "$view")" 3
		fi
	done <"$TMP/hints"
	# Leave the layered views closed.
	case $view in
	attend | officer | finding) esc ;;
	esac
}

for km in default vi emacs; do
	tui_start "keys-$km" 200 50 --keymap "$km"
	for view in agencies officers meetings issues compliance audit users \
	    attend officer finding; do
		walk "$km" "$view"
	done
	tui_stop
done
tui_done
