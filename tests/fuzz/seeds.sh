#!/bin/sh
# seeds.sh OUT — the binary seeds the fuzzers start from, made here so
# that nothing binary is kept: a CBOR record of every schema for
# fuzz_codec (hand-encoded, keys as in src/util/model.c), and the text
# seeds of fuzz_csv and fuzz_import again in Big5 and UTF-16, with the
# option bytes set to read them so (and, for imports, a rejects file).
# And the keymaps that come with ogpo for fuzz_files, alone and on top
# of the default one. Writes OUT/fuzz_codec, OUT/fuzz_csv, OUT/fuzz_files
# and OUT/fuzz_import.
set -eu

OUT=${1:?usage: seeds.sh OUT}
HERE=$(dirname "$0")
mkdir -p "$OUT/fuzz_codec" "$OUT/fuzz_csv" "$OUT/fuzz_files" \
    "$OUT/fuzz_import"

# Bytes given in hex.
hex() {
	for b in "$@"; do
		printf "\\$(printf '%03o' "0x$b")"
	done
}

# A CBOR head: major type $1 (0-7), argument $2.
cbor_head() {
	m=$(($1 * 32)) n=$2
	if [ "$n" -lt 24 ]; then
		hex "$(printf '%02x' $((m + n)))"
	elif [ "$n" -lt 256 ]; then
		hex "$(printf '%02x' $((m + 24)))" "$(printf '%02x' "$n")"
	elif [ "$n" -lt 65536 ]; then
		hex "$(printf '%02x' $((m + 25)))" \
		    "$(printf '%02x' $((n >> 8)))" "$(printf '%02x' $((n & 255)))"
	else
		hex "$(printf '%02x' $((m + 26)))" \
		    "$(printf '%02x' $((n >> 24 & 255)))" \
		    "$(printf '%02x' $((n >> 16 & 255)))" \
		    "$(printf '%02x' $((n >> 8 & 255)))" \
		    "$(printf '%02x' $((n & 255)))"
	fi
}

uint() { cbor_head 0 "$1"; }
neg() { cbor_head 1 $((-1 - $1)); }
map() { cbor_head 5 "$1"; }
arr() { cbor_head 4 "$1"; }
txt() {
	cbor_head 3 "$(printf '%s' "$1" | wc -c)"
	printf '%s' "$1"
}
# key/value pairs: ku KEY UINT, kt KEY TEXT.
ku() { uint "$1"; uint "$2"; }
kt() { uint "$1"; txt "$2"; }
# The record head (keys 1-4): 4 pairs.
rhead() { ku 1 "$1"; ku 2 3; uint 3; uint 1715140800; kt 4 wang; }

agency() {
	map 9; rhead 42; kt 10 NDC; kt 11 國家發展委員會; ku 12 1; ku 13 2
	kt 14 '備註 "quoted", 第二行'
}

{ hex 00; agency; } >"$OUT/fuzz_codec/agency"
{
	hex 01; map 17; rhead 7; kt 10 王小明; ku 11 17; ku 12 3; ku 13 2
	ku 14 3; ku 15 1; kt 16 科長; kt 17 wang@ndc.gov.tw
	kt 18 02-2316-5300; kt 19 8888; kt 20 2024-05-08; kt 21 2025-01-31
	kt 22 '代理人: 林美玲'
} >"$OUT/fuzz_codec/officer"
{
	hex 02; map 17; rhead 5; ku 10 2; kt 11 開放政府聯絡人工作推動會議
	kt 12 2024-05-08; kt 13 14:30; kt 14 '行政院 第一會議室'; kt 15 政務委員
	ku 16 17; ku 17 2; ku 18 5; kt 19 https://join.gov.tw/minutes/5
	kt 20 https://youtu.be/x; kt 21 https://example.org/a.mp3; kt 22 無
} >"$OUT/fuzz_codec/meeting"
{
	hex 03; map 13; rhead 0; ku 10 5; ku 11 2147483651; ku 12 17
	ku 13 2; ku 14 4; kt 15 林美玲; kt 16 請假; kt 17 陳小姐
	kt 18 台灣公民團體
} >"$OUT/fuzz_codec/attendance"
{
	hex 04; map 19; rhead 9; kt 10 開放資料議題; ku 11 17
	uint 12; arr 3; uint 3; uint 4; uint 65536; ku 13 7; ku 14 3; ku 15 2
	ku 16 5; kt 17 說明; kt 18 透明; kt 19 參與; kt 20 課責; kt 21 涵容
	kt 22 https://join.gov.tw/; kt 23 備註; kt 24 2024-05-08
} >"$OUT/fuzz_codec/issue"
{
	hex 05; map 7; rhead 0; kt 10 wang; ku 11 2; uint 12; arr 2
	uint 17; uint 18
} >"$OUT/fuzz_codec/user"
{
	hex 06; map 9; ku 1 1234; uint 2; neg -1; kt 3 wang; ku 4 2; ku 5 1
	ku 6 42; ku 7 0
	a=$(agency | wc -c)
	uint 8; cbor_head 2 "$a"; agency
	uint 9; cbor_head 2 "$a"; agency
} >"$OUT/fuzz_codec/audit"
{
	hex 07; map 14; rhead 0; ku 10 2; ku 11 10; ku 12 2; ku 13 30
	ku 14 1; ku 15 100; ku 16 112; ku 17 0; kt 18 /home/wang/officers.csv
	kt 19 big5
} >"$OUT/fuzz_codec/import"
{
	hex 08; map 11; rhead 11; ku 10 7; kt 11 2024-05-08
	kt 12 開放政府協作會議主持; ku 13 10; kt 14 1.5; kt 15 國家發展委員會
	kt 16 線上
} >"$OUT/fuzz_codec/training"
{
	hex 09; map 8; rhead 12; ku 10 7; kt 11 2024-05-08; kt 12 嘉獎
	kt 13 '推動開放政府, 成效良好'
} >"$OUT/fuzz_codec/reward"
# Keys from a newer ogpo: a nested value to skip, a tag, a negative.
{
	hex 00; map 4; kt 10 NDC; uint 99; arr 2; map 1; uint 1; arr 1
	txt x; hex c1 1a 00 00 00 01; uint 100; neg -5; kt 11 國發會
} >"$OUT/fuzz_codec/unknown-keys"

# The option bytes of a seed with the encoding bits set to $2 and the
# bits in $3 added; the chunk to $4 when given.
opts() {
	b0=$(od -An -tu1 -N1 "$1" | tr -d ' ')
	b1=$(od -An -tu1 -j1 -N1 "$1" | tr -d ' ')
	b2=$(od -An -tu1 -j2 -N1 "$1" | tr -d ' ')
	[ $# -ge 4 ] && b1=$(((b1 & 192) | $4))
	hex "$(printf '%02x' $(((b0 & 120) | $2 | $3)))" \
	    "$(printf '%02x' "$b1")" "$(printf '%02x' "$b2")"
}

# Each text seed again as Big5 (given, and detected in small chunks),
# UTF-16LE with a BOM, and UTF-16BE given.
for t in fuzz_csv fuzz_import; do
	extra=0
	[ $t = fuzz_import ] && extra=128
	for f in "$HERE/corpus/$t"/*; do
		n=$(basename "$f")
		if tail -c +4 "$f" | iconv -f UTF-8 -t CP950 >/dev/null 2>&1
		then
			{ opts "$f" 2 $extra; tail -c +4 "$f" |
			    iconv -f UTF-8 -t CP950; } >"$OUT/$t/big5-$n"
			{ opts "$f" 0 $extra 7; tail -c +4 "$f" |
			    iconv -f UTF-8 -t CP950; } >"$OUT/$t/big5-detect-$n"
		fi
		{ opts "$f" 0 $extra 6; hex ff fe; tail -c +4 "$f" |
		    iconv -f UTF-8 -t UTF-16LE; } >"$OUT/$t/utf16le-bom-$n"
		{ opts "$f" 5 $extra; tail -c +4 "$f" |
		    iconv -f UTF-8 -t UTF-16BE; } >"$OUT/$t/utf16be-$n"
	done
done

# fuzz_files: byte 0 'k' a keymap, 0xeb the same on the default one.
for f in "$HERE"/../../keymaps/*.keymap; do
	n=$(basename "$f" .keymap)
	{ printf k; cat "$f"; } >"$OUT/fuzz_files/keymap-$n"
	{ hex eb; cat "$f"; } >"$OUT/fuzz_files/keymap-$n-on-default"
done
# And what their readers send back (aside.h), in this machine's order
# (little-endian here): '`' settings, 'a' drafts, 'b' bindings.
le32() {
	hex "$(printf '%02x' $(($1 & 255)))" \
	    "$(printf '%02x' $(($1 >> 8 & 255)))" \
	    "$(printf '%02x' $(($1 >> 16 & 255)))" \
	    "$(printf '%02x' $(($1 >> 24 & 255)))"
}
str() { le32 "$(printf '%s' "$1" | wc -c)"; printf '%s' "$1"; hex 00; }
none() { hex ff ff ff ff; }
{
	printf '`'; le32 1
	str vi; str /home/wang/.config/ogpo/config:1	# keymap
	str 60%; str /home/wang/.config/ogpo/config:2	# threshold
	none; none; str roc; str /etc/ogpo.conf:3	# ui.lang, date_style
	none; none; none; none				# name_order, width
	str mono; str NO_COLOR; none; none; none; none	# theme, mouse, enc.
	str /var/lib/ogpo; str /etc/ogpo.conf:1; none; none	# db, unknown
	str "/home/wang/.config/ogpo/config:4: 'x' is not KEY = VALUE"
} >"$OUT/fuzz_files/sent-settings"
{
	printf a; le32 1
	str /nonexistent/fuzz-state/ogpo/drafts/1715140800-42-0.draft
	str /nonexistent/fuzz-db; le32 2; str 'Edit officer'
	le32 1715140800; le32 0; le32 7; le32 3; le32 4
	le32 111; str name; str 王小明
	le32 109; str name; str 王小明
	le32 109; str agency; str 17
	le32 116; str email; str 'wang@ndc'
} >"$OUT/fuzz_files/sent-drafts"
{
	printf b; le32 3
	le32 1; le32 106; le32 10
	le32 0; le32 63; le32 0
	le32 3; le32 $((0x40000000 | 0x109)); le32 33
} >"$OUT/fuzz_files/sent-bindings"

# Bytes no encoding takes: bad UTF-8, a Big5 lead byte cut short, UTF-16
# of odd length and a lone surrogate, a NUL.
{ hex 00 24 7e; printf 'a,b\n1,'; hex ff; printf ',3\n'; } \
    >"$OUT/fuzz_csv/bad-utf8"
{ hex 02 04 7e; printf 'a,b\n1,'; hex a4; } >"$OUT/fuzz_csv/big5-cut"
{ hex 00 05 7e ff fe 61 00 2c 00 62 00 0a; } >"$OUT/fuzz_csv/utf16-odd"
{ hex 04 04 7e 61 00 00 d8 0a 00; } >"$OUT/fuzz_csv/utf16-surrogate"
{ hex 00 24 7e; printf 'a,b\n1,'; hex 00; printf '\n'; } \
    >"$OUT/fuzz_csv/nul"

# fuzz_sheet: byte 0 says how the rest is read (see fuzz_sheet.c). Whole
# files as ogpo writes them (mode 0, when table-tool is built); an
# OpenDocument content.xml (1) and Excel sheets with their strings and
# styles (2, 3), as LibreOffice and Excel write them: repeated rows and
# columns, merged and covered cells, notes, spaces, typed values; and
# what a hostile file holds: a DTD with entities, a repeat of a
# million rows, a cell reference past the sheet.
mkdir -p "$OUT/fuzz_sheet"
tool=$HERE/../../build/tools/table-tool
if [ -x "$tool" ]; then
	printf '姓名\t電話\t到任日期\t人數\t出席率\n王小明\t0912345678\t2024-05-08\t3\t87.5%%\n許功蓋\t=1+1\t\t\t\n' \
	    >"$OUT/fuzz_sheet/in.tsv"
	for f in ods xlsx; do
		"$tool" write $f "$OUT/fuzz_sheet/t.$f" ttdcr \
		    <"$OUT/fuzz_sheet/in.tsv" 2>/dev/null &&
		    { hex 00; cat "$OUT/fuzz_sheet/t.$f"; } \
		    >"$OUT/fuzz_sheet/written-$f" &&
		    { hex 20; cat "$OUT/fuzz_sheet/t.$f"; } \
		    >"$OUT/fuzz_sheet/written-$f-asked-xlsx"
		rm -f "$OUT/fuzz_sheet/t.$f"
	done
	rm -f "$OUT/fuzz_sheet/in.tsv"
fi
ODS_NS='xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
{ hex 01; cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<office:document-content $ODS_NS><office:body><office:spreadsheet>
<table:table table:name="名冊"><table:table-column table:number-columns-repeated="3"/>
<table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string"><text:p>113年度名冊</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell><table:table-cell><text:p>電話</text:p></table:table-cell><table:table-cell><text:p>到任日期</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>王<text:span>小</text:span>明</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell><table:table-cell office:value-type="float" office:value="912345678"><text:p>0912345678</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2024-05-08T14:30:00"><text:p>113/05/08</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p><text:s/>a<text:s text:c="3"/>b<text:tab/>c</text:p><text:p>second line<text:line-break/>third</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.875"><text:p>87.50%</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell office:value-type="time" office:time-value="PT14H30M00S"/></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" office:value-type="string" office:string-value="x"/></table:table-row>
<table:table-row table:number-rows-repeated="1048500"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table><table:table table:name="second"><table:table-row><table:table-cell><text:p>not read</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>
XML
} >"$OUT/fuzz_sheet/ods-content"
{ hex 01; cat <<XML
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<office:document-content $ODS_NS><office:body><office:spreadsheet><table:table><table:table-row><table:table-cell><text:p>&lol2;</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>
XML
} >"$OUT/fuzz_sheet/ods-dtd"
{ hex 01; cat <<XML
<office:document-content $ODS_NS><office:body><office:spreadsheet><table:table>
<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16000"><text:p>x</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>
XML
} >"$OUT/fuzz_sheet/ods-repeat-bomb"
{ hex 02; cat <<XML
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>到任日期</t></is></c><c r="D1" t="s"><v>2</v></c></row>
<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" s="2"><v>912345678</v></c><c r="C3" s="1"><v>45420</v></c><c r="D3" s="3"><v>0.875</v></c><c r="F3" t="b"><v>1</v></c><c r="G3" t="str"><f>A1</f><v>x_x000D_y</v></c><c r="H3" t="e"><v>#N/A</v></c><c r="I3" t="d"><v>2024-05-08T00:00:00</v></c></row>
<row><c><v>1.5E-3</v></c><c r="XFD4"><v>1</v></c></row>
</sheetData></worksheet>
--
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><r><t>電</t></r><r><t>話</t></r><rPh><t>ㄉㄧㄢˋ</t></rPh></si><si><t xml:space="preserve"> 出席率 </t></si><si><t>許功蓋</t></si></sst>
--
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="[\$-404]e/mm/dd"/><numFmt numFmtId="165" formatCode="0000000000"/></numFmts><cellStyleXfs><xf numFmtId="0"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>
XML
} >"$OUT/fuzz_sheet/xlsx-parts"
{ hex 03; cat <<XML
<worksheet><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row><row r="2"><c r="ZZZZ2"><v>1</v></c></row></sheetData></worksheet>
--
<sst><si><t>only</t></si></sst>
XML
} >"$OUT/fuzz_sheet/xlsx-past-the-sheet"
