# concurrent-worker.awk — one of the writers of test_concurrent.sh: n
# random writes through the command line (ogpo add, set, delete), each
# logged with its exit status, as one line of tab-separated fields:
#
#   step  status  expect  error  verb  kind  id  field=value ...
#
# expect is ok (a good write), fail (a bad one, on purpose) or any (a
# race or a refusal that the checker works out); error is the first line
# the command printed to stderr, or "-". The worker's own records carry
# "W<p>-" in their name or title; it also writes the shared records (the
# notes of agency moi, officer 1 and issue 1) and races the others to
# add agencies with the codes S1 … S20.
#
#   awk -v p=1 -v n=300 -v ogpo=... -v db=... -v moi=ID -v tmp=DIR \
#       -v seed=N -f concurrent-worker.awk
function q(s) { return "'" s "'" }

function pick(kind) { return alive[kind, int(rand() * nalive[kind]) + 1] }

function forget(kind, id,    i) {
	for (i = 1; i <= nalive[kind]; i++)
		if (alive[kind, i] == id) {
			alive[kind, i] = alive[kind, nalive[kind]]
			delete alive[kind, nalive[kind]--]
			return
		}
}

# run(expect, verb, kind, id, fields): one write; logs it, returns the
# status; an add's new id is in last_id.
function run(expect, verb, kind, id, fields,    cmd, args, f, nf, i, rc,
    line, err, said) {
	nf = split(fields, f, "\t")
	args = ""
	for (i = 1; i <= nf; i++)
		args = args " " q(f[i])
	cmd = q(ogpo) " --db " q(db) " " verb " " kind
	if (verb != "add")
		cmd = cmd " " id
	rc = system(cmd args " >" q(out) " 2>" q(errf))
	said = ""
	while ((getline line < out) > 0)
		said = said line
	close(out)
	err = "-"
	if ((getline line < errf) > 0) {
		gsub(/\t/, " ", line)
		err = line == "" ? "(an empty line)" : line
	}
	close(errf)
	last_id = 0
	if (rc == 0 && verb == "add" && match(said, /#[0-9]+/))
		last_id = id = substr(said, RSTART + 1, RLENGTH - 1)
	if (rc == 0 && said == "")
		err = "(success said nothing)"
	printf "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", step, rc, expect, err, verb,
	    kind, id, fields
	fflush()
	return rc
}

function add_agency(    k) {
	k = ++made
	if (run("ok", "add", "agency", 0, "code=W" p "A" k "\tname=W" p \
	    "-機關" k "\tparent=" moi "\tlevel=3\tnote=第" k "號") == 0)
		alive["agency", ++nalive["agency"]] = last_id
}

function add_officer(    k, ag) {
	k = ++made
	ag = nalive["agency"] && rand() < 0.6 ? pick("agency") : moi
	if (run("ok", "add", "officer", 0, "name=W" p "-官" k "\tagency=" ag \
	    "\trole=" (rand() < 0.5 ? "po" : "member") "\ttitle=科員" \
	    "\temail=w" p "o" k "@ex.gov.tw") == 0) {
		alive["officer", ++nalive["officer"]] = last_id
		email[last_id] = "w" p "o" k "@ex.gov.tw"
	}
}

function add_meeting(    k) {
	k = ++made
	if (run("ok", "add", "meeting", 0, "title=W" p "-會議" k "\tkind=" \
	    (rand() < 0.5 ? "work" : "policy") "\tstatus=planned\tdate=" \
	    sprintf("2025-%02d-%02d", int(rand() * 12) + 1, \
	    int(rand() * 28) + 1)) == 0)
		alive["meeting", ++nalive["meeting"]] = last_id
}

function add_issue(    k, lead) {
	k = ++made
	lead = nalive["agency"] && rand() < 0.5 ? pick("agency") : moi
	if (run("ok", "add", "issue", 0, "title=W" p "-議題" k "\tlead=" lead \
	    "\tstatus=open") == 0)
		alive["issue", ++nalive["issue"]] = last_id
}

function set_own(    kind, id, r) {
	kind = kinds[int(rand() * 4) + 1]
	if (!nalive[kind])
		return add_agency()
	id = pick(kind)
	r = rand()
	if (kind == "agency")
		run("ok", "set", kind, id, r < 0.5 ? "name=W" p "-改" step : \
		    "note=改" step)
	else if (kind == "officer")
		run("ok", "set", kind, id, r < 0.3 ? "title=專員" step : \
		    r < 0.6 ? "note=記" step : "phone=02-2345-" \
		    sprintf("%04d", step % 10000) "\tnote=電" step)
	else if (kind == "meeting")
		run("ok", "set", kind, id, r < 0.5 ? "title=W" p "-會" step : \
		    "place=會議室" step "\tnote=記" step)
	else
		run("ok", "set", kind, id, r < 0.5 ? "title=W" p "-題" step : \
		    "note=記" step)
}

function delete_own(    kind, id) {
	kind = kinds[int(rand() * 4) + 1]
	if (!nalive[kind])
		return add_officer()
	id = pick(kind)
	# An agency with officers or issues is refused: the checker knows.
	if (run(kind == "agency" ? "any" : "ok", "delete", kind, id, "") == 0)
		forget(kind, id)
}

function shared(    r) {
	r = rand()
	if (r < 0.5)
		run("ok", "set", "agency", moi, "note=W" p "-" step)
	else if (r < 0.75)
		run("ok", "set", "officer", 1, "note=W" p "-" step)
	else
		run("ok", "set", "issue", 1, "note=W" p "-" step)
}

function race(    k) {
	k = int(rand() * 20) + 1
	run("any", "add", "agency", 0, "code=S" k "\tname=W" p "-共" k \
	    "\tparent=" moi "\tlevel=3")
}

# Writes that must fail, and change nothing.
function bad(    r) {
	r = rand()
	if (r < 0.25 && nalive["officer"])
		run("fail", "set", "officer", pick("officer"),
		    "email=not-an-address\tnote=不該寫入")
	else if (r < 0.5 && nalive["officer"])
		run("fail", "add", "officer", 0, "name=W" p "-重複" step \
		    "\tagency=" moi "\trole=member\temail=" \
		    email[pick("officer")])
	else if (r < 0.75)
		run("fail", "set", "agency", 999999, "note=不存在")
	else
		run("fail", "add", "meeting", 0, "title=W" p "-壞" step \
		    "\tkind=work\tstatus=planned\tdate=2025-13-45")
}

BEGIN {
	srand(seed)
	out = tmp "/w" p ".out"
	errf = tmp "/w" p ".err"
	split("agency officer meeting issue", kinds, " ")
	for (step = 1; step <= n; step++) {
		r = rand()
		if (r < 0.08) add_agency()
		else if (r < 0.22) add_officer()
		else if (r < 0.30) add_meeting()
		else if (r < 0.37) add_issue()
		else if (r < 0.62) set_own()
		else if (r < 0.72) delete_own()
		else if (r < 0.87) shared()
		else if (r < 0.92) race()
		else bad()
	}
}
