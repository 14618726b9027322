#!/bin/sh
# test_clock.sh — the day a set-group-id ogpo takes for today is the
# server's. Dates the program stamps on shared records by itself (the day
# a case's stage changed, the day a Join proposal was answered) and the
# deadlines it judges come from the clock; as it refuses $OGPO_NOW, it
# refuses a time zone of the caller's ($TZ), which would move today by up
# to a day either way.
. "$(dirname "$0")/attack-lib.sh"

today=$(date +%F)
for tz in XXX+12 XXX-14 :/etc/localtime; do
	AS_ENV="TZ=$tz" as "$ED" check
	said "TZ=$tz: ogpo check judges as of the server's today" \
	    "as of $today"
done
