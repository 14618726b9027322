# concurrent-check.awk — judge what the writers of test_concurrent.sh
# did. Reads, in this order:
#
#   before.KIND   `ogpo list KIND --tsv` before the writers started
#   w*.log        the writers' logs (concurrent-worker.awk)
#   after.KIND    `ogpo list KIND --tsv` after they ended
#   audit         the audit records the writers made (tests/tools/audit-tsv)
#
# with -v shared="agency:ID officer:1 issue:1" (the records every writer
# sets the note of) and -v login=NAME. Replays each writer's successful
# writes in a model of its own records and prints "ok - …" or "not ok -
# …" for: every write reported (a failure with a message, a success
# without one), every good write succeeded and every bad one failed, each
# writer's records exactly as its model says, the shared records holding
# one of the written notes and counting every write in their version,
# nothing else changed, and the audit trail holding exactly the
# successful writes.
function problem(what) {
	if (++nproblems[cur] <= 10)
		print "#   " what
}

function verdict(what,    n) {
	n = nproblems[what]
	print (n ? "not ok - " : "ok - ") what (n ? " (" n " problems)" : "")
}

function title_col(kind) {
	return kind == "agency" || kind == "officer" ? "name" : "title"
}

BEGIN {
	FS = "\t"
	REPORTED = "every write is reported: a failure with a message, a " \
	    "success with none"
	EXPECTED = "good writes succeed, bad ones fail"
	MODEL = "every writer's records are exactly as its successful " \
	    "writes made them"
	SHARED = "the shared records hold one of the written notes, and " \
	    "their version counts every write"
	ELSE = "nothing else changed"
	AUDIT = "the audit trail holds exactly the successful writes"
	n = split(shared, sh, " ")
	for (i = 1; i <= n; i++) {
		split(sh[i], kv, ":")
		is_shared[kv[1], kv[2]] = 1
	}
}

FNR == 1 {
	file = FILENAME
	sub(/.*\//, "", file)
	if (file ~ /^(before|after)\./) {
		phase = substr(file, 1, index(file, ".") - 1)
		kind = substr(file, index(file, ".") + 1)
		for (i = 1; i <= NF; i++) {
			col[kind, $i] = i
			hdr[kind, i] = $i
		}
		ncols[kind] = NF
		next
	}
	if (file ~ /^w[0-9]+\.log$/) {
		phase = "log"
		p = substr(file, 2) + 0
	} else
		phase = file
}

phase == "before" {
	before[kind, $1] = $0
	next
}

phase == "log" {
	cur = REPORTED
	nwrites++
	step = $1; rc = $2; expect = $3; err = $4; verb = $5; kind = $6
	id = $7
	if (rc != 0 && rc != 1)
		problem("w" p " step " step ": " verb " " kind " " id \
		    " exited " rc ": " err)
	if (rc != 0 && err == "-")
		problem("w" p " step " step ": exit " rc " and no message")
	if (rc == 0 && err != "-")
		problem("w" p " step " step ": success, yet: " err)
	cur = EXPECTED
	if (verb == "delete" && kind == "agency") {
		refs = 0
		for (k in m_alive)
			if (m_alive[k] && m_owner[k] == p) {
				split(k, kk, SUBSEP)
				if ((kk[1] == "officer" && \
				    m_f[k, "agency"] == id) || \
				    (kk[1] == "issue" && m_f[k, "lead"] == id))
					refs++
			}
		expect = refs ? "fail" : "ok"
	}
	if (expect == "ok" && rc != 0)
		problem("w" p " step " step ": " verb " " kind " " id \
		    " failed: " err)
	if (expect == "fail" && rc == 0)
		problem("w" p " step " step ": " verb " " kind " " id \
		    " succeeded though it is wrong")
	if (rc != 0)
		next
	ok_writes++
	key = kind SUBSEP id
	if (is_shared[key]) {
		sub(/^note=/, "", $8)
		s_n[key]++
		s_val[key, $8]++
		next
	}
	if (verb == "add") {
		if (key in m_alive)
			problem("w" p " step " step ": id " id " given twice")
		m_alive[key] = 1
		m_owner[key] = p
		m_ver[key] = 1
		m_act[key] = "create"
	} else if (!m_alive[key] || m_owner[key] != p) {
		problem("w" p " step " step ": " verb " " kind " " id \
		    " succeeded on a record it does not have")
		next
	} else if (verb == "set") {
		m_ver[key]++
		m_act[key] = m_act[key] " update"
	} else {
		m_alive[key] = 0
		m_act[key] = m_act[key] " delete"
	}
	for (i = 8; i <= NF; i++) {
		eq = index($i, "=")
		m_f[key, substr($i, 1, eq - 1)] = substr($i, eq + 1)
		m_has[key, substr($i, 1, eq - 1)] = 1
	}
	if (verb == "add" && kind == "agency" && m_f[key, "code"] ~ /^S/)
		s_won[m_f[key, "code"]]++
	next
}

phase == "after" {
	key = kind SUBSEP $1
	seen[key] = 1
	if (is_shared[key]) {
		cur = SHARED
		split(before[key], b, "\t")
		if ($col[kind, "version"] != b[col[kind, "version"]] + s_n[key])
			problem(kind " " $1 ": version " \
			    $col[kind, "version"] " after " s_n[key] \
			    " writes on version " b[col[kind, "version"]])
		final[key] = $col[kind, "note"]
		if (s_n[key] && !s_val[key, final[key]])
			problem(kind " " $1 ": the note '" final[key] \
			    "' was never written")
		if (s_n[key] == 0)
			problem(kind " " $1 ": no write succeeded")
		next
	}
	if (key in m_alive) {
		cur = MODEL
		if (!m_alive[key]) {
			problem(kind " " $1 " is there, deleted by w" \
			    m_owner[key])
			next
		}
		if ($col[kind, "version"] != m_ver[key])
			problem(kind " " $1 ": version " $col[kind, "version"] \
			    ", wanted " m_ver[key])
		if ($col[kind, "updated_by"] != login)
			problem(kind " " $1 ": updated by '" \
			    $col[kind, "updated_by"] "'")
		for (i = 1; i <= ncols[kind]; i++) {
			name = hdr[kind, i]
			if (m_has[key, name] && $i != m_f[key, name])
				problem(kind " " $1 ": " name " is '" $i \
				    "', wanted '" m_f[key, name] "'")
		}
		next
	}
	cur = ELSE
	if (!((kind, $1) in before))
		problem(kind " " $1 " appeared from no successful write: " $0)
	else if (before[kind, $1] != $0)
		problem(kind " " $1 " changed: " $0)
	next
}

phase == "audit" {
	cur = AUDIT
	naudit++
	key = $3 SUBSEP $4
	if ($5 != login)
		problem("audit " $1 ": by '" $5 "'")
	if (is_shared[key]) {
		a_n[key]++
		note = $(5 + col[$3, "note"])
		a_val[key, note]++
		a_last[key] = note
	} else if (key in a_act)
		a_act[key] = a_act[key] " " $2
	else
		a_act[key] = $2
	next
}

END {
	cur = MODEL
	for (k in m_alive) {
		split(k, kk, SUBSEP)
		if (m_alive[k] && !(k in seen))
			problem(kk[1] " " kk[2] " of w" m_owner[k] " is missing")
	}
	cur = ELSE
	for (k in before) {
		split(k, kk, SUBSEP)
		if (!(k in seen) && !(k in m_alive))
			problem(kk[1] " " kk[2] " is gone")
	}
	cur = SHARED
	for (k in s_won)
		if (s_won[k] > 1)
			problem("agency code " k " was added " s_won[k] " times")
	cur = AUDIT
	if (naudit != ok_writes)
		problem(naudit " audit records for " ok_writes \
		    " successful writes")
	for (k in m_act) {
		split(k, kk, SUBSEP)
		if (a_act[k] != m_act[k])
			problem(kk[1] " " kk[2] ": audited '" a_act[k] \
			    "', written '" m_act[k] "'")
	}
	for (k in a_act)
		if (!(k in m_act)) {
			split(k, kk, SUBSEP)
			problem(kk[1] " " kk[2] ": audited '" a_act[k] \
			    "' with no successful write")
		}
	for (k in is_shared) {
		split(k, kk, SUBSEP)
		if (a_n[k] != s_n[k])
			problem(kk[1] " " kk[2] ": " a_n[k] " audit records for " \
			    s_n[k] " writes")
		if (a_last[k] != final[k])
			problem(kk[1] " " kk[2] ": the last audit record says '" \
			    a_last[k] "', the record '" final[k] "'")
	}
	for (k in s_val) {
		split(k, kk, SUBSEP)
		if (a_val[kk[1], kk[2], kk[3]] != s_val[k])
			problem(kk[1] " " kk[2] ": note '" kk[3] "' written " \
			    s_val[k] " times, audited " \
			    a_val[kk[1], kk[2], kk[3]] + 0)
	}
	for (k in a_val)
		if (!(k in s_val)) {
			split(k, kk, SUBSEP)
			problem(kk[1] " " kk[2] ": note '" kk[3] "' audited, " \
			    "never written")
		}
	print "# " nwrites " writes, " ok_writes " successful, " naudit \
	    " audit records"
	verdict(REPORTED)
	verdict(EXPECTED)
	verdict(MODEL)
	verdict(SHARED)
	verdict(ELSE)
	verdict(AUDIT)
}
