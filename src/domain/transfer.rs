//! Moving a diary in and out: Lantern's own JSON (lossless), Markdown for reading,
//! and the formats people bring with them (jrnl's JSON export, JSON Lines).

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::checkin::{normalise_tags, CheckIn};
use super::entry::Entry;

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

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
    #[error("{0}")]
    Shape(String),
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

#[derive(Deserialize)]
struct JrnlExport {
    entries: Vec<JrnlEntry>,
}

#[derive(Deserialize)]
struct JrnlEntry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    time: String,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
struct JsonLine {
    ts: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    tags: Vec<String>,
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

/// Reads an import file: Lantern's JSON, jrnl's JSON export, or JSON Lines of
/// `{ts, title, body, tags}`.
pub fn parse_import(text: &str) -> Result<Batch, ImportError> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Shape("the file is empty".into()));
    }
    // A single JSON document, or one object a line?
    let single: Option<serde_json::Value> = serde_json::from_str(trimmed).ok();
    match single {
        Some(value) if value.get("format").and_then(|f| f.as_str()) == Some(FORMAT_NAME) => {
            let export: Export = serde_json::from_value(value)
                .map_err(|e| ImportError::Shape(format!("not a Lantern export I can read: {e}")))?;
            if export.version > FORMAT_VERSION {
                return Err(ImportError::Shape(format!(
                    "this export is version {}, newer than this Lantern reads ({FORMAT_VERSION}); please update Lantern",
                    export.version
                )));
            }
            Ok(Batch {
                format: "Lantern JSON",
                entries: export.entries,
                checkins: export.checkins,
            })
        }
        Some(value) if value.get("entries").is_some() => {
            let jrnl: JrnlExport = serde_json::from_value(value).map_err(|e| {
                ImportError::Shape(format!("not a jrnl JSON export I can read: {e}"))
            })?;
            let mut batch = Batch {
                format: "jrnl JSON",
                ..Default::default()
            };
            for (n, e) in jrnl.entries.into_iter().enumerate() {
                let naive = parse_naive(&format!("{} {}", e.date, e.time)).ok_or_else(|| {
                    ImportError::Shape(format!(
                        "entry {} has a date or time I cannot read ({} {})",
                        n + 1,
                        e.date,
                        e.time
                    ))
                })?;
                batch
                    .entries
                    .push(imported_entry(naive, e.title, e.body, e.tags));
            }
            Ok(batch)
        }
        // One object that is neither export: a JSON Lines file of a single entry.
        Some(value) if value.get("ts").is_none() => Err(ImportError::Shape(
            "this JSON is neither a Lantern export, a jrnl export, nor JSON Lines of entries"
                .into(),
        )),
        _ => {
            let mut batch = Batch {
                format: "JSON Lines",
                ..Default::default()
            };
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let row: JsonLine = serde_json::from_str(line).map_err(|e| ImportError::Line {
                    line: n + 1,
                    message: format!("not an entry I can read ({})", describe_json_error(&e)),
                })?;
                let naive = parse_naive(&row.ts).ok_or_else(|| ImportError::Line {
                    line: n + 1,
                    message: "`ts` should be a date and time like 2025-01-31T18:05".into(),
                })?;
                batch
                    .entries
                    .push(imported_entry(naive, row.title, row.body, row.tags));
            }
            Ok(batch)
        }
    }
}

/// serde_json's message without any quoted file text.
fn describe_json_error(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("broken JSON at column {}", e.column())
        }
        serde_json::error::Category::Data => "missing `ts`, or a field of the wrong type".into(),
        serde_json::error::Category::Io => "could not be read".into(),
    }
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
        assert!(e.starts_with("line 2:"), "{e}");
        assert!(!e.contains("secret"), "{e}");
    }
}
