//! Reading an import file field by field: Lantern's own export, jrnl's, and JSON Lines.
//! Every error names where (entry, line, field) and what was expected, never the value.

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use super::super::checkin::{normalise_tags, CheckIn, CheckInKind};
use super::super::entry::{Answer, Entry};
use super::*;

pub(super) fn read_records(text: &str) -> Result<Records, ImportError> {
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
