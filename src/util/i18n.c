/*
 * i18n.c — the interface's language and the reader's conventions, chosen
 * once at start: the locale from the environment, then the user's config
 * (ui.lang, date_style, name_order, ambiguous_width) on top.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogpo/config.h"
#include "ogpo/i18n.h"
#include "ogpo/text.h"

static enum i18n_date_style i18n_dates = I18N_DATE_ISO;
static enum i18n_name_order i18n_names = I18N_NAME_LOCALE;

/* Only an untranslated message is searched for a context to cut off. */
const char *
i18n_gettext(const char *msgid)
{
	const char *t = gettext(msgid), *p;

	if (t == msgid && (p = strchr(msgid, '\004')) != NULL)
		return p + 1;
	return t;
}

int
i18n_translated(const char *msgid)
{
	const char *t = i18n_gettext(msgid), *p = strchr(msgid, '\004');

	return t != msgid && (p == NULL || t != p + 1);
}

enum i18n_date_style
i18n_date_style(void)
{
	return i18n_dates;
}

enum i18n_name_order
i18n_name_order(void)
{
	return i18n_names;
}

void
i18n_set_date_style(enum i18n_date_style s)
{
	i18n_dates = s;
}

void
i18n_set_name_order(enum i18n_name_order o)
{
	i18n_names = o;
}

/*
 * Read key from the settings and match it against the words; returns the
 * index of the word it names, or -1 when it is not set. The settings
 * module accepts only its choices and reports a bad line itself
 * ("FILE:LINE: ..."), so nothing else can come back; -1 all the same.
 */
static int
i18n_setting(const char *key, const char *const *words)
{
	char value[64];
	int i;

	if (!config_lookup(key, value, sizeof value, NULL, 0))
		return -1;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(value, words[i]) == 0)
			return i;
	return -1;
}

/*
 * Names are UTF-8 and so is every terminal our users have, but an SSH
 * client may send no LANG at all (PuTTY's default), leaving the C locale,
 * in which curses draws each Chinese character as <U+XXXX>. With no UTF-8
 * character type from the environment, take C.UTF-8's (messages stay as
 * the environment chose).
 */
static void
i18n_utf8(void)
{
	static const char *const fallbacks[] = { "C.UTF-8", "C.utf8",
		"en_US.UTF-8", NULL };
	const char *cs = nl_langinfo(CODESET);
	int i;

	if (cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0))
		return;
	for (i = 0; fallbacks[i] != NULL; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL)
			return;
}

/*
 * A server may lack the locale a login asks for (Debian builds none but
 * C.UTF-8 until its locales are configured): LANG=zh_TW.UTF-8 then
 * leaves every category C, and an officer who asked for Chinese reads
 * English. The catalogue needs a language, not a locale: with messages
 * left C by a locale the system does not have, messages are C.UTF-8's
 * and gettext is given the language the environment named (LANGUAGE,
 * when set, already says which).
 */
static void
i18n_missing(void)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_";
	const char *now = setlocale(LC_MESSAGES, NULL), *want;
	char lang[16];
	size_t n;

	if (now == NULL || (strcmp(now, "C") != 0 && strcmp(now, "POSIX") != 0))
		return;
	if ((want = getenv("LC_ALL")) == NULL || *want == '\0')
		if ((want = getenv("LC_MESSAGES")) == NULL || *want == '\0')
			want = getenv("LANG");
	if (want == NULL)
		return;
	/* The language alone, as gettext names catalogues: zh_TW. */
	n = strspn(want, letters);
	if (n == 0 || n >= sizeof lang || (want[n] != '\0' &&
	    want[n] != '.' && want[n] != '@'))
		return;
	memcpy(lang, want, n);
	lang[n] = '\0';
	if (strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0)
		return;
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL &&
	    setlocale(LC_MESSAGES, "C.utf8") == NULL)
		return;
	setenv("LANGUAGE", lang, 0);
}

/*
 * The catalogue is bound before the config is read, so that a warning
 * about the config is in the reader's language. ui.lang = en puts
 * LC_MESSAGES back to C (messages as written) while LC_CTYPE keeps the
 * environment's UTF-8; zh_TW asks for that locale and sets LANGUAGE,
 * which gettext puts first (and which also serves where the locale is
 * not installed, as long as the environment's is not C).
 */
void
i18n_init(const char *localedir)
{
	static const char *const langs[] = { "zh_TW", "en", NULL };
	static const char *const dates[] = { "iso", "roc", NULL };
	static const char *const names[] = { "locale", "stroke", NULL };
	static const char *const widths[] = { "1", "2", NULL };
	int v;

	setlocale(LC_ALL, "");
	/* Numbers in files are read and written in the files' own form,
	 * 2.5, whatever a login's terminal sends as its LC_NUMERIC: a
	 * comma there wrote .ods column widths LibreOffice cannot read. */
	setlocale(LC_NUMERIC, "C");
	i18n_utf8();
	i18n_missing();
	bindtextdomain("ogpo", localedir);
	bind_textdomain_codeset("ogpo", "UTF-8");
	textdomain("ogpo");
	v = i18n_setting("ui.lang", langs);
	if (v == 1)
		setlocale(LC_MESSAGES, "C");
	else if (v == 0) {
		setlocale(LC_MESSAGES, "zh_TW.UTF-8");
		setenv("LANGUAGE", "zh_TW", 1);
	}
	/* The settings' complaints were worded in the locale's language:
	 * read them again in the one ui.lang chose. */
	if (v >= 0) {
		config_reset();
		config_load();
	}
	if ((v = i18n_setting("date_style", dates)) >= 0)
		i18n_dates = (enum i18n_date_style)v;
	if ((v = i18n_setting("name_order", names)) >= 0)
		i18n_names = (enum i18n_name_order)v;
	if ((v = i18n_setting("ambiguous_width", widths)) >= 0)
		text_set_ambiguous(v + 1);
}
