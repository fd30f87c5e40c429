//! Moving a diary in and out: Lantern's own JSON (lossless), Markdown for reading,
//! and the formats people bring with them (jrnl's JSON export, JSON Lines).

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::checkin::{normalise_tags, CheckIn, CheckInError, CheckInInput, CheckInKind};
use super::entry::{Answer, Entry};
use crate::content::Content;

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

fn read_records(text: &str) -> Result<Records, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Shape("the file is empty".into()));
    }
    // The whole file as one JSON document first, so a broken one is reported at the
    // line and column of the damage, not as a first line that fails on its own.
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => {
            if map.get("format").and_then(Value::as_str) == Some(FORMAT_NAME) {
                lantern_export(&map)
            } else if map.contains_key("entries") {
                jrnl_export(&map)
            } else if map.contains_key("ts") {
                // JSON Lines of a single entry.
                json_lines(text)
            } else {
                Err(ImportError::Shape(NEITHER.into()))
            }
        }
        Ok(_) => Err(ImportError::Shape(NEITHER.into())),
        Err(_) if looks_like_json_lines(text) => json_lines(text),
        Err(error) => Err(syntax_error(&error, error.line())),
    }
}

/// JSON Lines rather than one document that is broken: one of the first two lines is a
/// whole JSON object by itself (a pretty-printed export's first lines never are).
fn looks_like_json_lines(text: &str) -> bool {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .any(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

/// serde_json's account of broken JSON, which names the problem (`expected `,` or `}``)
/// but never the text, placed on `line`.
fn syntax_error(error: &serde_json::Error, line: usize) -> ImportError {
    let message = error.to_string();
    let problem = match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => message
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    };
    // Only serde_json's own fixed wording: anything that could quote the file goes.
    let problem = if problem.is_empty() || problem.contains('"') || problem.contains('\'') {
        "not valid JSON".to_string()
    } else {
        problem
    };
    ImportError::Syntax {
        line,
        column: error.column(),
        problem,
    }
}

/// One record of an import file (an entry, a check-in, a line) and where it is.
struct Record<'a> {
    place: &'a str,
    map: &'a Map<String, Value>,
}

const DATE_TIME: &str = "a date and time like 2026-03-01T09:00:00Z";
const TEXT: &str = "text in quotes";
const TEXTS: &str = "a list of text in quotes, like [\"walk\"]";

impl<'a> Record<'a> {
    fn of(place: &'a str, value: &'a Value) -> Result<Record<'a>, ImportError> {
        match value {
            Value::Object(map) => Ok(Record { place, map }),
            _ => Err(ImportError::Field {
                place: place.to_string(),
                field: None,
                expected: "an object in braces, { … }".into(),
            }),
        }
    }

    fn wrong(&self, field: &'static str, expected: &str) -> ImportError {
        ImportError::Field {
            place: self.place.to_string(),
            field: Some(field),
            expected: expected.to_string(),
        }
    }

    /// A text field that may be missing or null.
    fn text(&self, field: &'static str) -> Result<Option<String>, ImportError> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.wrong(field, TEXT)),
        }
    }

    fn required_text(&self, field: &'static str, expected: &str) -> Result<String, ImportError> {
        match self.text(field)? {
            Some(s) if !s.trim().is_empty() => Ok(s),
            _ => Err(self.wrong(field, expected)),
        }
    }

    fn texts(&self, field: &'static str) -> Result<Vec<String>, ImportError> {
        match self.map.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s.clone()),
                    _ => Err(self.wrong(field, TEXTS)),
                })
                .collect(),
            Some(_) => Err(self.wrong(field, TEXTS)),
        }
    }

    fn time(&self, field: &'static str) -> Result<Option<DateTime<FixedOffset>>, ImportError> {
        match self.text(field) {
            Ok(None) => Ok(None),
            Ok(Some(s)) => s
                .trim()
                .parse::<DateTime<FixedOffset>>()
                .map(Some)
                .map_err(|_| self.wrong(field, DATE_TIME)),
            Err(_) => Err(self.wrong(field, DATE_TIME)),
        }
    }

    fn required_time(&self, field: &'static str) -> Result<DateTime<FixedOffset>, ImportError> {
        self.time(field)?
            .ok_or_else(|| self.wrong(field, DATE_TIME))
    }

    fn whole_number(&self, field: &'static str) -> Result<i64, ImportError> {
        self.map
            .get(field)
            .and_then(Value::as_i64)
            .ok_or_else(|| self.wrong(field, "a whole number"))
    }
}

/// The list under `key` of the file's top object: missing is empty.
fn list<'a>(map: &'a Map<String, Value>, key: &'static str) -> Result<&'a [Value], ImportError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(ImportError::Field {
            place: "the file".into(),
            field: Some(key),
            expected: "a list in brackets, [ … ]".into(),
        }),
    }
}

fn lantern_export(map: &Map<String, Value>) -> Result<Records, ImportError> {
    let top = Record {
        place: "the file",
        map,
    };
    let version = top.whole_number("version")?;
    if version > i64::from(FORMAT_VERSION) {
        return Err(ImportError::Shape(format!(
            "this export is version {version}, newer than this Lantern reads ({FORMAT_VERSION}); please update Lantern"
        )));
    }
    if !map.contains_key("entries") && !map.contains_key("checkins") {
        return Err(ImportError::Shape(
            "this Lantern export has neither `entries` nor `checkins`".into(),
        ));
    }
    let mut records = Records {
        format: "Lantern JSON",
        ..Default::default()
    };
    for (n, value) in list(map, "entries")?.iter().enumerate() {
        let place = format!("entry {}", n + 1);
        let entry = lantern_entry(&Record::of(&place, value)?)?;
        records.entries.push((place, entry));
    }
    for (n, value) in list(map, "checkins")?.iter().enumerate() {
        let place = format!("check-in {}", n + 1);
        let checkin = lantern_checkin(&Record::of(&place, value)?)?;
        records.checkins.push((place, checkin));
    }
    Ok(records)
}

fn lantern_entry(r: &Record<'_>) -> Result<Entry, ImportError> {
    let created = r.required_time("created")?;
    const ANSWERS: &str = "a list of answers, each with `prompt_id`, `prompt` and `text`";
    let answers = match r.map.get("answers") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                let a = item
                    .as_object()
                    .ok_or_else(|| r.wrong("answers", ANSWERS))?;
                let get = |key: &str| {
                    a.get(key)
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .ok_or_else(|| r.wrong("answers", ANSWERS))
                };
                Ok(Answer {
                    prompt_id: get("prompt_id")?,
                    prompt: get("prompt")?,
                    text: get("text")?,
                })
            })
            .collect::<Result<Vec<_>, ImportError>>()?,
        Some(_) => return Err(r.wrong("answers", ANSWERS)),
    };
    Ok(Entry {
        id: 0,
        uid: r.required_text("uid", "the entry's id, in quotes")?,
        template_id: r.text("template_id")?,
        title: r.text("title")?.unwrap_or_default(),
        body: r.text("body")?.unwrap_or_default(),
        answers,
        tags: normalise_tags(r.texts("tags")?),
        created,
        updated: r.time("updated")?.unwrap_or(created),
    })
}

fn lantern_checkin(r: &Record<'_>) -> Result<CheckIn, ImportError> {
    let kind = r
        .text("kind")
        .ok()
        .flatten()
        .and_then(|k| CheckInKind::parse(k.trim()))
        .ok_or_else(|| r.wrong("kind", "daily or after_visit"))?;
    Ok(CheckIn {
        uid: r.required_text("uid", "the check-in's id, in quotes")?,
        kind,
        at: r.required_time("at")?,
        pleasantness: r.whole_number("pleasantness")?,
        energy: r.whole_number("energy")?,
        stress: r.whole_number("stress")?,
        system: r.text("system")?,
        words: r.texts("words")?,
        tags: r.texts("tags")?,
        note: r.text("note")?,
        good_moment: r.text("good_moment")?,
    })
}

fn jrnl_export(map: &Map<String, Value>) -> Result<Records, ImportError> {
    let mut records = Records {
        format: "jrnl JSON",
        ..Default::default()
    };
    for (n, value) in list(map, "entries")?.iter().enumerate() {
        let place = format!("entry {}", n + 1);
        let r = Record::of(&place, value)?;
        let date = r.required_text("date", "a date like 2025-01-31")?;
        if NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").is_err() {
            return Err(r.wrong("date", "a date like 2025-01-31"));
        }
        let time = r.required_text("time", "a time like 18:05")?;
        let naive = parse_naive(&format!("{} {}", date.trim(), time.trim()))
            .ok_or_else(|| r.wrong("time", "a time like 18:05"))?;
        let entry = imported_entry(
            naive,
            r.text("title")?.unwrap_or_default(),
            r.text("body")?.unwrap_or_default(),
            r.texts("tags")?,
        );
        records.entries.push((place, entry));
    }
    Ok(records)
}

fn json_lines(text: &str) -> Result<Records, ImportError> {
    let mut records = Records {
        format: "JSON Lines",
        ..Default::default()
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(line).map_err(|error| syntax_error(&error, n + 1))?;
        let place = format!("line {}", n + 1);
        let r = Record::of(&place, &value)?;
        const TS: &str = "a date and time like 2025-01-31T18:05";
        let naive = parse_naive(&r.required_text("ts", TS)?).ok_or_else(|| r.wrong("ts", TS))?;
        let entry = imported_entry(
            naive,
            r.text("title")?.unwrap_or_default(),
            r.text("body")?.unwrap_or_default(),
            r.texts("tags")?,
        );
        records.entries.push((place, entry));
    }
    Ok(records)
}

/// A readable Markdown rendering of entries and check-ins, newest last.
pub fn markdown(entries: &[Entry], checkins: &[CheckIn]) -> String {
    let mut out = String::from("# Lantern diary\n");
    for entry in entries {
        out.push_str(&format!(
            "\n## {} — {}\n",
            entry.created.format("%Y-%m-%d %H:%M"),
            entry.display_title()
        ));
        if !entry.tags.is_empty() {
            let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
            out.push_str(&format!("\n{}\n", tags.join(" ")));
        }
        if !entry.body.trim().is_empty() {
            out.push_str(&format!("\n{}\n", entry.body.trim_end()));
        }
        for answer in &entry.answers {
            out.push_str(&format!(
                "\n### {}\n\n{}\n",
                answer.prompt,
                answer.text.trim_end()
            ));
        }
    }
    if !checkins.is_empty() {
        out.push_str("\n## Check-ins\n\n");
        out.push_str(
            "| when | kind | pleasantness | energy | stress | system | words | good moment |\n",
        );
        out.push_str("|---|---|---|---|---|---|---|---|\n");
        for c in checkins {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                c.at.format("%Y-%m-%d %H:%M"),
                c.kind.as_str().replace('_', "-"),
                c.pleasantness,
                c.energy,
                c.stress,
                c.system.as_deref().unwrap_or(""),
                c.words.join(", "),
                c.good_moment
                    .as_deref()
                    .unwrap_or("")
                    .replace('|', "\\|")
                    .replace('\n', " ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_become_entries_with_stable_uids() {
        let text = "{\"ts\": \"2016-01-01T07:12:00\", \"title\": \"Hello\", \"body\": \"B\", \"tags\": [\"gratitude\"]}\n";
        let a = parse_import(text).expect("parses");
        let b = parse_import(text).expect("parses");
        assert_eq!(a.entries.len(), 1);
        assert_eq!(a.entries[0].uid, b.entries[0].uid);
        assert_eq!(a.entries[0].tags, vec!["gratitude"]);
    }

    #[test]
    fn a_broken_line_is_named_without_its_text() {
        let text = "{\"ts\": \"2016-01-01T07:12:00\"}\n{\"ts\": secret diary words\n";
        let e = parse_import(text).unwrap_err().to_string();
        assert!(e.starts_with("line 2, column "), "{e}");
        assert!(!e.contains("secret"), "{e}");
    }
}
