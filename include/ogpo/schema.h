/*
 * schema.h — each record's fields described once: CBOR key, name, type,
 * place in the struct, and what it refers to. The codec, validation, the
 * index checker and every TSV listing read these tables, so a new field is
 * one line here and one member in model.h.
 */
#ifndef OGPO_SCHEMA_H
#define OGPO_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "ogpo/model.h"

enum field_type {
	FIELD_U32 = 1,
	FIELD_U64,
	FIELD_I64,
	FIELD_STR,	/* char[size], NUL-terminated, valid UTF-8 */
	FIELD_U32LIST,	/* uint32_t[size/4], length in the u32 at count */
	FIELD_BYTES	/* uint8_t[size], length in the size_t at count */
};

/* What kind of value a FIELD_STR or FIELD_U32 holds, for validation. */
enum field_form {
	FORM_PLAIN = 0,
	FORM_DATE,	/* YYYY-MM-DD */
	FORM_TIME,	/* HH:MM */
	FORM_EMAIL,
	FORM_CODE,	/* A-Z 0-9 - _ */
	FORM_PHONE,
	FORM_URL,
	FORM_BOOL,	/* 0 or 1 */
	FORM_TRIGGERS,	/* TRIGGER_* bits */
	FORM_COMPETENCIES, /* COMPETENCE_* bits */
	FORM_NUMBER,	/* digits, one '.' */
	FORM_LOGIN,
	FORM_SERIAL	/* a case number: ROC year, '-', number (115-07) */
};

struct field {
	uint8_t			 key;	/* CBOR map key: never reused */
	const char		*name;	/* column name in TSV and CSV */
	const char		*label;	/* for people */
	enum field_type		 type;
	enum field_form		 form;
	size_t			 offset;
	size_t			 size;	/* bytes of the member */
	size_t			 count;	/* offset of the length, lists/bytes */
	const struct enum_names	*enums;	/* FIELD_U32 holding an enum */
	enum entity_kind	 ref;	/* FIELD_U32(LIST) naming a record */
	unsigned		 flags;
};

#define FIELD_REQUIRED	0x1	/* must not be empty or zero */
#define FIELD_HEAD	0x2	/* part of struct record_head */
#define FIELD_SYSTEM	0x4	/* kept by core, not typed by people */
#define FIELD_KEY	0x8	/* a text key: given once, never changed */

/* The most fields a schema may have (the encoder lists them on its stack). */
#define SCHEMA_FIELDS_MAX	64

struct schema {
	const char		*name;	/* "agency" */
	enum entity_kind	 kind;
	size_t			 size;	/* sizeof the struct */
	const struct field	*fields;
	size_t			 nfields;	/* at most SCHEMA_FIELDS_MAX */
};

extern const struct schema schema_agency;
extern const struct schema schema_officer;
extern const struct schema schema_meeting;
extern const struct schema schema_attendance;
extern const struct schema schema_issue;
extern const struct schema schema_user;
extern const struct schema schema_audit;
extern const struct schema schema_import;
extern const struct schema schema_training;
extern const struct schema schema_reward;
extern const struct schema schema_progress;
extern const struct schema schema_resolution;
extern const struct schema schema_vote;
extern const struct schema schema_candidate;
extern const struct schema schema_ballot;

/* The schema of an entity kind, or NULL. */
const struct schema *schema_of(enum entity_kind kind);

/* The field called name, or NULL. */
const struct field *schema_field(const struct schema *s, const char *name);

/* A record's words for messages: its name, title, code or login, or "#id". */
void	schema_label(const struct schema *s, const void *rec, char *buf,
	    size_t n);

/*
 * Format field f of rec as text into buf (always terminated): numbers in
 * decimal, enums by machine name, lists comma-separated. Returns buf.
 */
char *schema_format(const struct field *f, const void *rec, char *buf,
    size_t n);

#endif
