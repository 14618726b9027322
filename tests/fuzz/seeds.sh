#!/bin/sh
# seeds.sh OUT — the binary seeds the fuzzers start from, made here so
# that nothing binary is kept: a CBOR record of every schema for
# fuzz_codec (hand-encoded, keys as in src/util/model.c), and the text
# seeds of fuzz_csv and fuzz_import again in Big5 and UTF-16, with the
# option bytes set to read them so (and, for imports, a rejects file).
# Writes OUT/fuzz_codec, OUT/fuzz_csv and OUT/fuzz_import.
set -eu

OUT=${1:?usage: seeds.sh OUT}
HERE=$(dirname "$0")
mkdir -p "$OUT/fuzz_codec" "$OUT/fuzz_csv" "$OUT/fuzz_import"

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

# Bytes no encoding takes: bad UTF-8, a Big5 lead byte cut short, UTF-16
# of odd length and a lone surrogate, a NUL.
{ hex 00 24 7e; printf 'a,b\n1,'; hex ff; printf ',3\n'; } \
    >"$OUT/fuzz_csv/bad-utf8"
{ hex 02 04 7e; printf 'a,b\n1,'; hex a4; } >"$OUT/fuzz_csv/big5-cut"
{ hex 00 05 7e ff fe 61 00 2c 00 62 00 0a; } >"$OUT/fuzz_csv/utf16-odd"
{ hex 04 04 7e 61 00 00 d8 0a 00; } >"$OUT/fuzz_csv/utf16-surrogate"
{ hex 00 24 7e; printf 'a,b\n1,'; hex 00; printf '\n'; } \
    >"$OUT/fuzz_csv/nul"
