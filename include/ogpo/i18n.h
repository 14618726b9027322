/*
 * i18n.h — the interface's language and the reader's conventions: the
 * message catalogue (gettext, domain "ogpo"), and the settings that follow
 * the reader rather than the data: how dates are shown, how names are
 * ordered, and how wide East Asian ambiguous characters are.
 */
#ifndef OGPO_I18N_H
#define OGPO_I18N_H

#include <libintl.h>

/* A message for people, looked up in the catalogue. */
#define _(s)	i18n_gettext(s)
/* Marked for the catalogue, looked up later (tables of labels). */
#define N_(s)	(s)
/*
 * The same with a context, where one English word has two meanings
 * ("Title": an officer's job title, a meeting's name): gettext's own
 * convention, context and message joined by \004.
 */
#define C_(ctx, s)	i18n_gettext(ctx "\004" s)
#define NC_(ctx, s)	(ctx "\004" s)

/*
 * gettext(), and where the catalogue has no translation, the message
 * without its context. Returns a string that lives as long as msgid.
 */
const char	*i18n_gettext(const char *msgid)
#if defined(__GNUC__)
    __attribute__((format_arg(1)))
#endif
    ;

/* Whether the catalogue translates msgid (a context is allowed). */
int		 i18n_translated(const char *msgid);

/* How dates are shown and read in forms (stored always as ISO). */
enum i18n_date_style {
	I18N_DATE_ISO = 0,	/* 2024-05-08 */
	I18N_DATE_ROC		/* 113/05/08 (民國) */
};

/* How officers' names are ordered. */
enum i18n_name_order {
	I18N_NAME_LOCALE = 0,	/* by the bytes of the name (code points) */
	I18N_NAME_STROKE	/* by stroke count (筆畫), as Taiwan lists do */
};

/*
 * Call once in main, after priv_init: set the locale from the
 * environment, then let the user's config (ui.lang, date_style,
 * name_order, ambiguous_width) override it, and bind the catalogue to
 * localedir. A bad setting is the settings module's to report.
 */
void	i18n_init(const char *localedir);

/* The settings i18n_init read (defaults before it runs). */
enum i18n_date_style	i18n_date_style(void);
enum i18n_name_order	i18n_name_order(void);

/* Set them directly (tests, and the defaults of i18n_init). */
void	i18n_set_date_style(enum i18n_date_style s);
void	i18n_set_name_order(enum i18n_name_order o);

#endif
