# replay-check.awk — the database holds exactly what its audit trail
# says: for every record the audit records since a point touched, the
# last one's image is the record as `ogpo list --tsv` prints it (or, after
# a deletion, there is none), and every other record is as it was at that
# point. A transaction cut in two (a record without its audit record, an
# import half in) shows as a difference. Reads, in this order:
#
#   before.KIND   `ogpo list KIND --tsv` at the point (KIND: agency …)
#   after.KIND    the same now
#   audit         tests/tools/audit-tsv DIR SEQ: the records since then
#
# Prints one line per difference and exits 1 if there is any.
function differ(what) {
	if (++ndiff <= 10)
		print what
}

BEGIN { FS = "\t" }

FNR == 1 {
	file = FILENAME
	sub(/.*\//, "", file)
	phase = file ~ /^(before|after)\./ ? \
	    substr(file, 1, index(file, ".") - 1) : "audit"
	kind = substr(file, index(file, ".") + 1)
	if (phase != "audit")
		next
}

phase == "before" { before[kind, $1] = $0; next }
phase == "after" { after[kind, $1] = $0; next }

# seq action entity id login [fields of the record]
$2 == "create" || $2 == "update" || $2 == "delete" {
	key = $3 SUBSEP $4
	touched[key] = 1
	if ($2 == "delete")
		image[key] = ""
	else {
		row = $6
		for (i = 7; i <= NF; i++)
			row = row "\t" $i
		image[key] = row
	}
}

END {
	for (k in touched) {
		split(k, kk, SUBSEP)
		if (image[k] == "" && (k in after))
			differ(kk[1] " " kk[2] " is there, its deletion audited")
		else if (image[k] != "" && !(k in after))
			differ(kk[1] " " kk[2] " is missing, audited as " \
			    substr(image[k], 1, 60))
		else if (image[k] != "" && after[k] != image[k])
			differ(kk[1] " " kk[2] " is " substr(after[k], 1, 80) \
			    ", audited as " substr(image[k], 1, 80))
	}
	for (k in after)
		if (!(k in touched) && before[k] != after[k]) {
			split(k, kk, SUBSEP)
			differ(kk[1] " " kk[2] " changed without an audit record")
		}
	for (k in before)
		if (!(k in touched) && !(k in after)) {
			split(k, kk, SUBSEP)
			differ(kk[1] " " kk[2] " is gone without an audit record")
		}
	exit ndiff > 0
}
