//! The schema, as migrations applied in order on open. Never edit a released migration:
//! add a new one.

use rusqlite_migration::{Migrations, M};

const V1_CORE: &str = r#"
CREATE TABLE checkin (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('daily', 'after_visit')),
    at_utc          TEXT NOT NULL,
    utc_offset      INTEGER NOT NULL,
    local_date      TEXT NOT NULL,
    pleasantness    INTEGER NOT NULL,
    energy          INTEGER NOT NULL,
    stress          INTEGER NOT NULL,
    emotion_system  TEXT,
    emotion_words   TEXT NOT NULL DEFAULT '[]',
    stressor_tags   TEXT NOT NULL DEFAULT '[]',
    note            TEXT,
    good_moment     TEXT
);

CREATE TABLE entry (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    template_id     TEXT,
    title           TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    answers_json    TEXT NOT NULL DEFAULT '[]',
    answers_text    TEXT NOT NULL DEFAULT '',
    created_utc     TEXT NOT NULL,
    utc_offset      INTEGER NOT NULL,
    local_date      TEXT NOT NULL,
    updated_utc     TEXT NOT NULL,
    starred         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE entry_tag (
    entry_id  INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE entry_fts USING fts5(
    title, body, answers_text,
    content = 'entry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
    INSERT INTO entry_fts (rowid, title, body, answers_text)
    VALUES (new.id, new.title, new.body, new.answers_text);
END;

CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, title, body, answers_text)
    VALUES ('delete', old.id, old.title, old.body, old.answers_text);
END;

CREATE TRIGGER entry_fts_update AFTER UPDATE OF title, body, answers_text ON entry BEGIN
    INSERT INTO entry_fts (entry_fts, rowid, title, body, answers_text)
    VALUES ('delete', old.id, old.title, old.body, old.answers_text);
    INSERT INTO entry_fts (rowid, title, body, answers_text)
    VALUES (new.id, new.title, new.body, new.answers_text);
END;

-- Autosaved unfinished writing; `slot` is 'new' or 'entry:<id>'.
CREATE TABLE draft (
    slot          TEXT PRIMARY KEY,
    template_id   TEXT,
    entry_id      INTEGER REFERENCES entry(id) ON DELETE CASCADE,
    title         TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    answers_json  TEXT NOT NULL DEFAULT '[]',
    prompt_index  INTEGER NOT NULL DEFAULT 0,
    updated_utc   TEXT NOT NULL
);

-- The compassionate resilience plan: the current text of each section, and every
-- earlier version.
CREATE TABLE plan_section (
    section_id   TEXT PRIMARY KEY,
    text         TEXT NOT NULL,
    updated_utc  TEXT NOT NULL
);

CREATE TABLE plan_history (
    id           INTEGER PRIMARY KEY,
    section_id   TEXT NOT NULL,
    text         TEXT NOT NULL,
    changed_utc  TEXT NOT NULL
);

CREATE TABLE practice (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    item_ref    TEXT NOT NULL,
    at_utc      TEXT NOT NULL,
    utc_offset  INTEGER NOT NULL,
    local_date  TEXT NOT NULL,
    minutes     REAL NOT NULL DEFAULT 0,
    note        TEXT
);
"#;

/// Indexes for a diary of many years: listing newest first, filtering by day and tag.
const V2_INDEXES: &str = r#"
CREATE INDEX entry_by_created ON entry (created_utc DESC, id DESC);
CREATE INDEX entry_by_local_date ON entry (local_date);
CREATE INDEX entry_tag_by_tag ON entry_tag (tag, entry_id);
CREATE INDEX checkin_by_local_date ON checkin (local_date, at_utc);
CREATE INDEX checkin_by_at ON checkin (at_utc DESC);
CREATE INDEX practice_by_local_date ON practice (local_date);
CREATE INDEX plan_history_by_section ON plan_history (section_id, changed_utc);
"#;

/// Supervision sessions, so preparation can start from the last one; and indexes for
/// the insights (good moments by day, template history).
const V3_SUPERVISION: &str = r#"
CREATE TABLE supervision (
    id            INTEGER PRIMARY KEY,
    held_on       TEXT NOT NULL,
    recorded_utc  TEXT NOT NULL,
    note          TEXT
);
CREATE INDEX supervision_by_held_on ON supervision (held_on);
CREATE INDEX checkin_good_moment_by_local_date ON checkin (local_date)
    WHERE good_moment IS NOT NULL;
CREATE INDEX entry_by_template ON entry (template_id, created_utc);
"#;

/// Search as you type asks for a one- or two-letter prefix after the first keys.
/// Without prefix indexes FTS5 merges the list of every word that starts with it
/// (thousands under "th" in a fifty-year diary); with them it reads one list. From
/// three letters the lists are few enough, and a third index would slow every save
/// and import for little. FTS5 cannot add them to a table, so it is made again.
const V4_PREFIX_SEARCH: &str = r#"
DROP TABLE entry_fts;
CREATE VIRTUAL TABLE entry_fts USING fts5(
    title, body, answers_text,
    content = 'entry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);
INSERT INTO entry_fts (entry_fts) VALUES ('rebuild');
"#;

/// The evidence a registered professional keeps for their regulator. Columns cover
/// both the NMC's forms and Social Work England's, so one record serves either; an
/// account keeps a link to the diary entry it began from, which outlives neither.
const V5_REGISTRATION: &str = r#"
CREATE TABLE reflective_account (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    created_utc   TEXT NOT NULL,
    local_date    TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    answers_json  TEXT NOT NULL DEFAULT '{}',
    themes_json   TEXT NOT NULL DEFAULT '[]',
    entry_id      INTEGER REFERENCES entry(id) ON DELETE SET NULL
);
CREATE INDEX reflective_account_by_date ON reflective_account (local_date);

CREATE TABLE cpd_activity (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    created_utc    TEXT NOT NULL,
    started_on     TEXT NOT NULL,
    ended_on       TEXT,
    hours          REAL NOT NULL CHECK (hours > 0),
    participatory  INTEGER NOT NULL DEFAULT 0,
    method         TEXT NOT NULL DEFAULT '',
    topic          TEXT NOT NULL DEFAULT '',
    themes_json    TEXT NOT NULL DEFAULT '[]',
    learnt         TEXT,
    impact         TEXT,
    impact_people  TEXT,
    with_peer      INTEGER NOT NULL DEFAULT 0,
    note           TEXT
);
CREATE INDEX cpd_activity_by_date ON cpd_activity (started_on);

CREATE TABLE practice_feedback (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    created_utc   TEXT NOT NULL,
    received_on   TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',
    reflection    TEXT
);
CREATE INDEX practice_feedback_by_date ON practice_feedback (received_on);

CREATE TABLE reflective_discussion (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    created_utc   TEXT NOT NULL,
    held_on       TEXT NOT NULL,
    partner_name  TEXT NOT NULL DEFAULT '',
    partner_pin   TEXT NOT NULL DEFAULT '',
    note          TEXT
);
CREATE INDEX reflective_discussion_by_date ON reflective_discussion (held_on);
"#;

// The words a person asks the confidentiality check to watch for (names it cannot
// guess). Kept in the diary, so an encrypted diary keeps them encrypted too.
const V6_WATCH_WORDS: &str = r#"
CREATE TABLE watch_word (
    word        TEXT PRIMARY KEY COLLATE NOCASE,
    added_utc   TEXT NOT NULL
) WITHOUT ROWID;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1_CORE),
        M::up(V2_INDEXES),
        M::up(V3_SUPERVISION),
        M::up(V4_PREFIX_SEARCH),
        M::up(V5_REGISTRATION),
        M::up(V6_WATCH_WORDS),
    ])
}

/// The schema version a fully migrated diary has.
pub const LATEST: usize = 6;
