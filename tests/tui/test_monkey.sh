#!/bin/sh
# test_monkey.sh — random but plausible keys from three fixed seeds, 300
# actions each (tests/tools/monkey.sh says what is sent and what must
# hold after): English and Chinese, the vi keymap and the default, the
# mouse on and off, TERM=xterm-256color (whose Home ogpo reads itself),
# another person's changes meanwhile, a dropped link.
# A failing seed's actions are kept under $TMPDIR/ogpo-monkey, to play
# again with monkey.sh -r and to shrink with -x.
exec sh tests/tools/monkey.sh -n 300 -o "${TMPDIR:-/tmp}/ogpo-monkey" 3 4 12
