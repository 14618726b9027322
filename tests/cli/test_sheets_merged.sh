#!/bin/sh
# test_sheets_merged.sh — merged cells, as Taiwanese lists have them: the
# 機關 cell typed once and merged down over all of that agency's people.
# Each row a merge covers reads the merge's value in its column, so every
# person lands in the right agency, in the forms the sheet arrives in:
#
# - an officers' list typed in the real LibreOffice (headless, driven by
#   tests/tools/lo-calc.py, zh_TW.UTF-8), a note above the header merged
#   across it, 機關 merged down over each agency's people with a spare
#   line inside one merge; saved as .ods (covered cells) and .xlsx (the
#   merge list after the rows). The note is passed over and stays one
#   cell (no phantom header); the spare line is as empty as it looks.
# - the same list as Excel writes it (shared strings, covered cells kept
#   with their style, <mergeCells> after <sheetData>), built by hand.
# - a merge whose top-left cell is empty fills nothing: the row below is
#   refused as before, for want of the agency.
#
#   OGPO=./ogpo sh tests/cli/test_sheets_merged.sh
. "$(dirname "$0")/../lib.sh"

unset OGPO_DB
DB=$TMP/db
HOME=$TMP/home		# LibreOffice's profile
export HOME
mkdir -p "$HOME" "$TMP/in"
CALC=$(dirname "$0")/../tools/lo-calc.py

run() {
	OGPO_NOW=2026-12-01 "$OGPO" --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if grep -qE '(Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' \
	    "$TMP/err"; then
		not_ok "no sanitizer report from: ogpo $*"
		sed 's/^/#   /' "$TMP/err" | head -30
	fi
}
# agency_of EMAIL: the agency code of the officer with that e-mail.
agency_of() {
	"$OGPO" --db "$DB" export officers --format csv --plain \
	    -o "$TMP/o.csv" >/dev/null 2>&1
	awk -F, -v e="$1" 'NR == 1 { for (i = 1; i <= NF; i++) {
	    if ($i == "機關代碼") a = i; if ($i == "電子郵件") m = i } next }
	    $m == e { print $a; exit }' "$TMP/o.csv"
}

run init
printf '%s\n' 機關代碼,機關名稱,上級機關代碼,層級 EY,行政院,,1 MOI,內政部,EY,2 \
    MOF,財政部,EY,2 >"$TMP/ag.csv"
run import agencies "$TMP/ag.csv"
status "agencies" 0

# --- typed in LibreOffice ---------------------------------------------------
calc_here || exit 1
cat >"$TMP/in/off.csv" <<'EOF'
機關,姓名,職稱,角色,電子郵件
內政部,林志強,科長,聯絡人,c@x.gov.tw
,黃淑芬,科員,代理人,d@x.gov.tw
,,,,
,周新,專員,代理人,e@x.gov.tw
財政部,王大明,科長,聯絡人,a@x.gov.tw
,陳美玲,專員,代理人,b@x.gov.tw
EOF
L=$TMP/lo
{
	# 內政部 typed once, merged down over its people and a spare line;
	# 財政部 over its two; a note above the header, merged across it.
	printf 'open\t%s\t44,34,76,1\n' "$TMP/in/off.csv"
	printf 'above\t各機關開放政府聯絡人名冊（請於12月10日前回傳）\n'
	printf 'merge\tA1:E1\n'
	printf 'merge\tA3:A6\n'
	printf 'merge\tA7:A8\n'
	printf 'save\t%s\n' "$L/merged.ods" "$L/merged.xlsx"
	printf 'close\n'
} >"$TMP/steps"
calc "$TMP/steps" "LibreOffice saves an officers' list, 機關 merged down"

for f in merged.ods merged.xlsx; do
	run import officers "$L/$f" --dry-run
	status "$f: every row under a merge read with its agency" 0
	contains "$f: the first under 內政部" "$TMP/out" "row 3: added 林志強"
	contains "$f: the second, 內政部 from the merge" "$TMP/out" \
	    "row 4: added 黃淑芬"
	contains "$f: past the spare line, still 內政部" "$TMP/out" \
	    "row 6: added 周新"
	contains "$f: 財政部's second" "$TMP/out" "row 8: added 陳美玲"
	lacks "$f: the spare line inside the merge is empty, not refused" \
	    "$TMP/out" "row 5"
	lacks "$f: no refusal for want of the agency" "$TMP/out" "rejected row"
	lacks "$f: the note above is no header of its own" "$TMP/err" \
	    "各機關開放政府聯絡人名冊"
done
run import officers "$L/merged.ods"
status "the .ods list imported" 0
same "林志強: 內政部" "$(agency_of c@x.gov.tw)" MOI
same "黃淑芬, under the merge: 內政部" "$(agency_of d@x.gov.tw)" MOI
same "周新, past the spare line: 內政部" "$(agency_of e@x.gov.tw)" MOI
same "王大明: 財政部" "$(agency_of a@x.gov.tw)" MOF
same "陳美玲, under the merge: 財政部" "$(agency_of b@x.gov.tw)" MOF
run import officers "$L/merged.xlsx" --dry-run
status "the .xlsx list: the same" 0
contains "the .xlsx list changes nothing" "$TMP/out" "added 0, updated 0"

# --- as Excel writes it -----------------------------------------------------
# xlsx DIR FILE: DIR's parts zipped into FILE, [Content_Types].xml first.
xlsx() {
	(cd "$1" && rm -f "$2" && zip -q -X "$2" '[Content_Types].xml' &&
	    zip -q -X -r "$2" _rels docProps xl)
}
X=$TMP/excel
mkdir -p "$X/_rels" "$X/docProps" "$X/xl/_rels" "$X/xl/worksheets"
cat >"$X/[Content_Types].xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
EOF
cat >"$X/_rels/.rels" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
EOF
cat >"$X/docProps/app.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><AppVersion>16.0300</AppVersion></Properties>
EOF
cat >"$X/docProps/core.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>user</dc:creator><cp:lastModifiedBy>user</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T02:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-30T02:10:00Z</dcterms:modified></cp:coreProperties>
EOF
cat >"$X/xl/_rels/workbook.xml.rels" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
EOF
cat >"$X/xl/workbook.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets><sheet name="工作表1" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>
EOF
cat >"$X/xl/styles.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><fonts count="1" x14ac:knownFonts="1"><font><sz val="12"/><color theme="1"/><name val="新細明體"/><family val="2"/><charset val="136"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="一般" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>
EOF
cat >"$X/xl/sharedStrings.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="22" uniqueCount="20"><si><t>各機關開放政府聯絡人名冊</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>機關</t></si><si><t>姓名</t></si><si><t>職稱</t></si><si><t>角色</t></si><si><t>電子郵件</t></si><si><t>行政院</t></si><si><t>張家豪</t></si><si><t>科長</t></si><si><t>聯絡人</t></si><si><t>g@x.gov.tw</t></si><si><t>李怡君</t></si><si><t>專員</t></si><si><t>代理人</t></si><si><t>h@x.gov.tw</t></si><si><t>內政部</t></si><si><t>何志明</t></si><si><t>i@x.gov.tw</t></si><si><t>郭雅婷</t></si><si><t>j@x.gov.tw</t></si></sst>
EOF
# A title merged across A1:E1; 行政院 merged down over A3:A4, 內政部
# over A5:A6; the covered cells kept, with the merge's centred style.
cat >"$X/xl/worksheets/sheet1.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:E6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A5" sqref="A5:A6"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="16.5" x14ac:dyDescent="0.25"/><cols><col min="5" max="5" width="14.625" customWidth="1"/></cols><sheetData><row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/><c r="E1" s="1"/></row><row r="2" spans="1:5" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c><c r="E2" t="s"><v>5</v></c></row><row r="3" spans="1:5" x14ac:dyDescent="0.25"><c r="A3" s="1" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c><c r="C3" t="s"><v>8</v></c><c r="D3" t="s"><v>9</v></c><c r="E3" t="s"><v>10</v></c></row><row r="4" spans="1:5" x14ac:dyDescent="0.25"><c r="A4" s="1"/><c r="B4" t="s"><v>11</v></c><c r="C4" t="s"><v>12</v></c><c r="D4" t="s"><v>13</v></c><c r="E4" t="s"><v>14</v></c></row><row r="5" spans="1:5" x14ac:dyDescent="0.25"><c r="A5" s="1" t="s"><v>15</v></c><c r="B5" t="s"><v>16</v></c><c r="C5" t="s"><v>8</v></c><c r="D5" t="s"><v>9</v></c><c r="E5" t="s"><v>17</v></c></row><row r="6" spans="1:5" x14ac:dyDescent="0.25"><c r="A6" s="1"/><c r="B6" t="s"><v>18</v></c><c r="C6" t="s"><v>12</v></c><c r="D6" t="s"><v>13</v></c><c r="E6" t="s"><v>19</v></c></row></sheetData><mergeCells count="3"><mergeCell ref="A1:E1"/><mergeCell ref="A3:A4"/><mergeCell ref="A5:A6"/></mergeCells><phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/></worksheet>
EOF
xlsx "$X" "$TMP/excel.xlsx"
run import officers "$TMP/excel.xlsx" --dry-run
status "Excel's list: read" 0
contains "Excel: 行政院's first" "$TMP/out" "row 3: added 張家豪"
contains "Excel: 行政院's second, from the merge" "$TMP/out" "row 4: added 李怡君"
contains "Excel: 內政部's second, from the merge" "$TMP/out" \
    "row 6: added 郭雅婷"
lacks "Excel: no refusal" "$TMP/out" "rejected row"
run import officers "$TMP/excel.xlsx"
status "Excel's list imported" 0
same "李怡君, under the merge: 行政院" "$(agency_of h@x.gov.tw)" EY
same "郭雅婷, under the merge: 內政部" "$(agency_of j@x.gov.tw)" MOI

# A merge over an empty cell fills nothing: the row below still wants its
# agency, as the sheet shows none.
sed -e 's|<c r="A3" s="1" t="s"><v>6</v></c>|<c r="A3" s="1"/>|' \
    -e 's|g@x.gov.tw|k@x.gov.tw|; s|h@x.gov.tw|l@x.gov.tw|' \
    "$X/xl/worksheets/sheet1.xml" >"$TMP/sheet1.xml"
mv "$TMP/sheet1.xml" "$X/xl/worksheets/sheet1.xml"
sed 's|g@x.gov.tw|k@x.gov.tw|; s|h@x.gov.tw|l@x.gov.tw|' \
    "$X/xl/sharedStrings.xml" >"$TMP/sst.xml"
mv "$TMP/sst.xml" "$X/xl/sharedStrings.xml"
xlsx "$X" "$TMP/empty-top.xlsx"
run import officers "$TMP/empty-top.xlsx" --dry-run
status "a merge over an empty cell: its rows want their agency" 1
contains "the row under it refused, not given another's agency" \
    "$TMP/out" "rejected row 4"

# An attendance row that names no agency: said to be a merge lost to CSV
# only in a CSV file; a sheet's merges are read, and its row simply
# wants its agency.
TOOL=$(dirname "$0")/../../build/tools/table-tool
run add meeting kind=work title=聯絡人工作會議 date=2026-11-30 \
    status=held agency=MOI
status "a meeting to take attendance of" 0
m=$("$OGPO" --db "$DB" list meetings --tsv | awk -F '\t' \
    '$6 == "聯絡人工作會議" { print $1 }')
printf '機關\t姓名\t簽到\n內政部\t林志強\t✓\n\t王大明\t✓\n' >"$TMP/att.tsv"
"$TOOL" write xlsx "$TMP/in/att.xlsx" ttt <"$TMP/att.tsv"
run import attendance "$TMP/in/att.xlsx" --meeting "$m" --dry-run
status ".xlsx: a row without its agency is refused" 1
contains ".xlsx: the row and column named" "$TMP/out" \
    "rejected row 3, column 機關: the agency of 王大明 is required"
lacks ".xlsx: not sent back for the .xlsx it came as" "$TMP/out" \
    "saved as CSV"
tr '\t' , <"$TMP/att.tsv" >"$TMP/in/att.csv"
run import attendance "$TMP/in/att.csv" --meeting "$m" --dry-run
status "CSV: a row without its agency is refused" 1
contains "CSV: a merge may have been lost: the sheet asked for" "$TMP/out" \
    "keep the agency only in their first row once the sheet is saved as CSV"
