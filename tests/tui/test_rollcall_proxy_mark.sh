#!/bin/sh
# test_rollcall_proxy_mark.sh — two desks on one roll call: one asks x
# for the name of the proxy who came in a person's place, and the other
# marks that person meanwhile (present at the door, absent). The proxy
# saved second does not replace that mark unsaid: it names who marked
# what, and when, beside what was typed, and keeps theirs or its own,
# as asked.
. tests/lib.sh
. tests/tui/tui-lib.sh

two_rollcalls

TUI_S=a
keys x
expect "a asks who came in place of $who" "Who came in place of $who?"
TUI_S=b
expect_sel "b: $who is chosen" "$who"
keys p
b_saved() { test "$(attended "$who" 8)" = 出席; }
check "b marks $who present, and it is saved" poll 5 b_saved
TUI_S=a
text 代理人甲
keys Enter
expect "a is told who marked $who meanwhile" "changed the mark of $who at" 3
check "what they saved is shown" has_text "saved: Present"
check "beside what a typed" has_text "You typed: Proxy (代理人甲)"
keys 2
expect_gone "a keeps theirs" "You typed:"
check "the database keeps b's mark ($(attended "$who" 8))" \
    test "$(attended "$who" 8)" = 出席
check "and no proxy" test -z "$(attended "$who" 9)"
row_is() { grep -F -- "$1" "$SCR" | grep -qF -- "$2"; }
if poll 5 row_is "$who" Present; then ok "a's sheet shows b's mark"
else not_ok "a's sheet shows b's mark"; dump; fi

# Again: b marks absent, and a saves its proxy in its place.
keys Home
expect_sel "a: on $who" "$who"
keys x
expect "a asks again" "Who came in place of $who?"
TUI_S=b
keys Home
expect_sel "b: on $who" "$who"
keys a
b_absent() { test "$(attended "$who" 8)" = 缺席; }
check "b marks $who absent" poll 5 b_absent
TUI_S=a
keys C-u
text 代理人乙
keys Enter
expect "a is asked again" "changed the mark of $who at" 3
check "naming the absence" has_text "saved: Absent"
keys 1
expect_gone "a saves its own" "You typed:"
a_saved() { test "$(attended "$who" 8)" = 代理出席; }
check "the database holds a's proxy" poll 5 a_saved
check "named ($(attended "$who" 9))" test "$(attended "$who" 9)" = 代理人乙
TUI_S=b
if poll 5 row_is "$who" 代理人乙; then ok "b's sheet shows a's proxy"
else not_ok "b's sheet shows a's proxy"; dump; fi

# Nothing changed meanwhile: x asks nothing more than the name.
TUI_S=a
keys Home
keys x
expect "a asks for a name once more" "Who came in place of $who?"
keys C-u
text 代理人丙
keys Enter
a_third() { test "$(attended "$who" 9)" = 代理人丙; }
check "with no one else's mark between, it is saved unasked" poll 5 a_third
check "nothing was asked" lacks_text "You typed:"
for s in a b; do
	TUI_S=$s
	tui_stop
done
tui_done
