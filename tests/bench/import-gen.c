/*
 * import-gen.c — officer CSV files for the import benchmark, as an office
 * would send them: UTF-8, the Chinese header, Chinese names from the demo
 * tables, agency codes of the demo agencies, unique e-mails (some in mixed
 * case) and notes that hold commas, quotes and line breaks, quoted as RFC
 * 4180 says. Deterministic: the same N gives the same bytes.
 *
 *	import-gen OFFICERS.csv N		the officers
 *	import-gen -a AGENCIES.csv		the demo agencies, parents first
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/demo_data.h"

static uint32_t gen_seed = 20240508u;

static uint32_t
gen_rand(void)
{
	/* xorshift32: fast, and the same everywhere */
	gen_seed ^= gen_seed << 13;
	gen_seed ^= gen_seed >> 17;
	gen_seed ^= gen_seed << 5;
	return gen_seed;
}

/* A cell, quoted when it holds a comma, a quote or a line break. */
static void
gen_cell(FILE *f, const char *s)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (p = s; *p; p++) {
		if (*p == '"')
			putc('"', f);
		putc(*p, f);
	}
	putc('"', f);
}

static int
gen_agencies(const char *path)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	fputs("機關代碼,機關名稱,上級機關代碼,層級\n", f);
	for (i = 0; i < demo_agencies_len; i++)
		fprintf(f, "%s,%s,%s,%d\n", demo_agencies[i].code,
		    demo_agencies[i].name, demo_agencies[i].parent ?
		    demo_agencies[i].parent : "", demo_agencies[i].level);
	return fclose(f) == 0 ? 0 : 1;
}

/* Notes as offices write them; about a third of rows have one. */
static const char *const gen_notes[] = {
	"兼任業務聯繫窗口",
	"請以電子郵件聯繫",
	"112年起擔任本職",
	"代理期間至年底",
	"負責國會聯絡, 新聞聯絡",
	"上午在辦公室,下午外勤",
	"原單位:資訊處,已調任",
	"人稱\"小王\",請直呼其名",
	"職稱為\"簡任視察\"兼任",
	"第一行\n第二行:分機見電話欄",
	"聯絡時段:\n週一至週五 09:00-17:00",
	"備援窗口, \"緊急時\"請撥手機\n另見附件",
};
#define GEN_NNOTES	(sizeof gen_notes / sizeof gen_notes[0])

static const char *const gen_roles[] = { "聯絡人", "代理人", "工作小組" };

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	unsigned long n, i;
	size_t nag = 0, ag[256], k;
	char email[64], phone[32], date[16], note[128];
	uint32_t r;
	FILE *f;

	if (argc == 3 && strcmp(argv[1], "-a") == 0)
		return gen_agencies(argv[2]);
	if (argc != 3) {
		fprintf(stderr, "usage: import-gen OFFICERS.csv N\n"
		    "       import-gen -a AGENCIES.csv\n");
		return 2;
	}
	n = strtoul(argv[2], NULL, 10);
	/* Every demo agency but the Executive Yuan itself. */
	for (k = 0; k < demo_agencies_len && nag < 256; k++)
		if (demo_agencies[k].level >= 2)
			ag[nag++] = k;
	if ((f = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	setvbuf(f, buf, _IOFBF, sizeof buf);
	fputs("姓名,機關代碼,職稱,角色,電子郵件,電話,到任日期,備註\n", f);
	for (i = 1; i <= n; i++) {
		const struct demo_agency *a = &demo_agencies[ag[gen_rand() %
		    nag]];
		char lower[16];

		for (k = 0; a->code[k] && k + 1 < sizeof lower; k++)
			lower[k] = (char)(a->code[k] >= 'A' &&
			    a->code[k] <= 'Z' ? a->code[k] + 32 : a->code[k]);
		lower[k] = '\0';
		/* Unique by the row number; every tenth in mixed case, which
		 * the e-mail index folds. */
		snprintf(email, sizeof email, i % 10 == 0 ?
		    "Officer.%07lu@%s.gov.tw" : "officer.%07lu@%s.gov.tw", i,
		    lower);
		r = gen_rand();
		if (r % 8 == 0)
			snprintf(phone, sizeof phone, "02-2%03u-%04u#%u",
			    (r >> 3) % 1000, (r >> 13) % 10000, (r >> 4) % 900 +
			    100);
		else
			snprintf(phone, sizeof phone, "02-2%03u-%04u",
			    (r >> 3) % 1000, (r >> 13) % 10000);
		r = gen_rand();
		snprintf(date, sizeof date, "20%02u-%02u-%02u", 15 + r % 11,
		    1 + (r >> 4) % 12, 1 + (r >> 8) % 28);
		r = gen_rand();
		if (r % 3 == 0)
			snprintf(note, sizeof note, "%s",
			    gen_notes[(r >> 2) % GEN_NNOTES]);
		else
			note[0] = '\0';
		fprintf(f, "%s%s,%s,", demo_surnames[gen_rand() %
		    demo_surnames_len], demo_given[gen_rand() %
		    demo_given_len], a->code);
		/* Not 資訊長 or 副首長: those titles make a supervisor. */
		fputs(demo_titles[gen_rand() % (demo_titles_len - 2)], f);
		fprintf(f, ",%s,%s,%s,%s,", gen_roles[gen_rand() % 3], email,
		    phone, date);
		gen_cell(f, note);
		putc('\n', f);
	}
	if (fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
