//! Moving a diary in and out: Lantern's own JSON (lossless), Markdown for reading,
//! and the formats people bring with them (jrnl's JSON export, JSON Lines).

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};

use sha2::{Digest, Sha256};
use thiserror::Error;

use super::checkin::{normalise_tags, CheckIn, CheckInError, CheckInInput, CheckInKind};
use super::entry::Entry;
use crate::content::Content;

mod markdown;
mod records;
mod stream;
pub use markdown::{markdown, Markdown};
use records::read_records;
pub use stream::{Each, ExportOf, Record};

pub const FORMAT_NAME: &str = "lantern";
pub const FORMAT_VERSION: u32 = 1;

/// Lantern's own export: everything needed to rebuild the diary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub exported: DateTime<FixedOffset>,
    pub entries: Vec<Entry>,
    pub checkins: Vec<CheckIn>,
}

/// What an import file holds, whatever its format.
#[derive(Debug, Default)]
pub struct Batch {
    pub format: &'static str,
    pub entries: Vec<Entry>,
    pub checkins: Vec<CheckIn>,
}

/// An import file read and checked: what can be imported, and what was left out.
#[derive(Debug, Default)]
pub struct Checked {
    pub batch: Batch,
    pub skipped: Vec<Skipped>,
}

/// Records as read, each with where it came from ("entry 3", "line 7").
#[derive(Debug, Default)]
struct Records {
    format: &'static str,
    entries: Vec<(String, Entry)>,
    checkins: Vec<(String, CheckIn)>,
}

/// Why an import file cannot be read. Every message says where (the line and column,
/// or the entry or check-in and its field) and what was expected, and never quotes
/// the file: what is in it is someone's diary.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// The JSON itself is broken.
    #[error("line {line}, column {column}: the JSON is broken here ({problem})")]
    Syntax {
        line: usize,
        column: usize,
        problem: String,
    },
    /// A record, or one of its fields, is not what the format says.
    #[error("{place}{}: expected {expected}", field.map(|f| format!(", field `{f}`")).unwrap_or_default())]
    Field {
        place: String,
        field: Option<&'static str>,
        expected: String,
    },
    #[error("{0}")]
    Shape(String),
}

/// A record left out of an import, and why, in words that never quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// "entry 3", "check-in 12", "line 7".
    pub place: String,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.place, self.reason)
    }
}

/// A stable id for an imported entry, from what it says and when: importing the same
/// entry twice, from either format, finds it already there.
pub fn content_uid(at: &NaiveDateTime, title: &str, body: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(at.format("%Y-%m-%dT%H:%M").to_string());
    hash.update([0]);
    hash.update(title.trim());
    hash.update([0]);
    hash.update(body.trim());
    let digest = hash.finalize();
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("import-{hex}")
}

/// The offset the local time zone had (or will have) at a naive local time.
pub fn local_time(naive: NaiveDateTime) -> DateTime<FixedOffset> {
    match Local.from_local_datetime(&naive).earliest() {
        Some(t) => t.fixed_offset(),
        // A time skipped by a clock change: read it as the hour after.
        None => Local
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
            .map(|t| t.fixed_offset())
            .unwrap_or_else(|| naive.and_utc().fixed_offset()),
    }
}

fn imported_entry(naive: NaiveDateTime, title: String, body: String, tags: Vec<String>) -> Entry {
    let at = local_time(naive);
    Entry {
        id: 0,
        uid: content_uid(&naive, &title, &body),
        template_id: None,
        title,
        body,
        answers: Vec::new(),
        tags: normalise_tags(tags),
        created: at,
        updated: at,
    }
}

fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text.trim(), f).ok())
    .or_else(|| with_offset(text.trim()))
}

/// A time given with `Z` or an offset (`+01:00`), as the local clock read then: a
/// diary keeps local times, as every other import gives them.
fn with_offset(text: &str) -> Option<NaiveDateTime> {
    let at = DateTime::parse_from_rfc3339(text).ok().or_else(|| {
        // RFC 3339 wants seconds; `2025-01-01T10:00Z` is as plain.
        let minutes = match text.strip_suffix(['Z', 'z']) {
            Some(rest) => format!("{rest}+00:00"),
            None => text.to_string(),
        };
        [
            "%Y-%m-%dT%H:%M%:z",
            "%Y-%m-%dT%H:%M%z",
            "%Y-%m-%dT%H:%M:%S%z",
        ]
        .iter()
        .find_map(|f| DateTime::parse_from_str(&minutes, f).ok())
    })?;
    Some(at.with_timezone(&Local).naive_local())
}

const NEITHER: &str =
    "this JSON is neither a Lantern export, a jrnl export, nor JSON Lines of entries";

/// Reads an import file: Lantern's JSON, jrnl's JSON export, or JSON Lines of
/// `{ts, title, body, tags}`, as it is. `read_import` also checks every record.
pub fn parse_import(text: &str) -> Result<Batch, ImportError> {
    let records = read_records(text)?;
    Ok(Batch {
        format: records.format,
        entries: records.entries.into_iter().map(|(_, e)| e).collect(),
        checkins: records.checkins.into_iter().map(|(_, c)| c).collect(),
    })
}

/// Reads an import file and checks every record as the command line checks what a
/// person types: an entry with no text, or a check-in out of range or with words the
/// content does not know, is left out and named in `skipped`; the rest is kept.
pub fn read_import(text: &str, content: &Content) -> Result<Checked, ImportError> {
    let records = read_records(text)?;
    let mut checked = Checked {
        batch: Batch {
            format: records.format,
            ..Default::default()
        },
        skipped: Vec::new(),
    };
    for (place, entry) in records.entries {
        if entry.is_empty() {
            checked.skipped.push(Skipped {
                place,
                reason: "it has no text".into(),
            });
        } else {
            checked.batch.entries.push(entry);
        }
    }
    for (place, c) in records.checkins {
        let input = CheckInInput {
            pleasantness: c.pleasantness,
            energy: c.energy,
            stress: c.stress,
            system: c.system,
            words: c.words,
            tags: c.tags,
            note: c.note,
            good_moment: c.good_moment,
            after_visit: c.kind == CheckInKind::AfterVisit,
        };
        match input.validate(content, c.uid, c.at) {
            Ok(valid) => checked.batch.checkins.push(valid),
            Err(error) => checked.skipped.push(Skipped {
                place,
                reason: skip_reason(&error),
            }),
        }
    }
    Ok(checked)
}

/// Why a check-in was left out, without the value that was wrong.
fn skip_reason(error: &CheckInError) -> String {
    match error {
        CheckInError::OutOfRange {
            scale, min, max, ..
        } => {
            format!("{} must be {min}–{max}", scale.to_lowercase())
        }
        CheckInError::UnknownSystem { allowed, .. } => {
            format!("`system` must be one of {allowed}")
        }
        CheckInError::UnknownWord { .. } => {
            "one of its `words` is not one of Lantern's emotion words".into()
        }
        CheckInError::UnknownTag { .. } => {
            "one of its `tags` is not one of Lantern's stressor tags".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_become_entries_with_stable_uids() {
        let text = "{\"ts\": \"2016-01-01T07:12:00\", \"title\": \"Hello\", \"body\": \"B\", \"tags\": [\"gratitude\"]}\n";
        let a = parse_import(text).expect("parses"); // ok: test
        let b = parse_import(text).expect("parses"); // ok: test
        assert_eq!(a.entries.len(), 1);
        assert_eq!(a.entries[0].uid, b.entries[0].uid);
        assert_eq!(a.entries[0].tags, vec!["gratitude"]);
    }

    #[test]
    fn json_lines_times_in_utc_or_with_an_offset_are_read_as_that_moment() {
        let moment = "2025-01-01T10:00:00Z".parse::<DateTime<chrono::Utc>>();
        let moment = moment.expect("a time"); // ok: test
        for ts in [
            "2025-01-01T10:00:00Z",
            "2025-01-01T10:00Z",
            "2025-01-01T11:00:00+01:00",
            "2025-01-01T05:30:00-04:30",
        ] {
            let text = format!("{{\"ts\": \"{ts}\", \"title\": \"T\", \"body\": \"B\"}}\n");
            let batch = parse_import(&text).unwrap_or_else(|e| panic!("{ts}: {e}")); // ok: test
            assert_eq!(batch.entries[0].created, moment, "{ts}");
        }
    }

    #[test]
    fn a_broken_line_is_named_without_its_text() {
        let text = "{\"ts\": \"2016-01-01T07:12:00\"}\n{\"ts\": secret diary words\n";
        let e = parse_import(text).unwrap_err().to_string();
        assert!(e.starts_with("line 2, column "), "{e}");
        assert!(!e.contains("secret"), "{e}");
    }
}
