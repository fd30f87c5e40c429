//! `lantern export --format markdown` as a document a person reads: every word they
//! wrote is in it, a day at a time, and nothing they wrote can change its shape.

mod support;

use std::fs;

use support::cli::Diary;

const FIRST_ANSWER: &str =
    "It went better than I feared.\nThe parent was tired, not angry.\n\nI stayed calm.";
const BODY: &str = "Second entry. I want to bring this to supervision because it keeps coming back to me on the drive home.\n# not a heading\n---\n> not a quote\n1. not a list\n| not | a table |";
const NOTE: &str = "Long day.\nThree visits | one cancelled.\n\nHome by six.";
const GOOD: &str = "Tea with a colleague\nand a laugh";

/// A diary holding one of each thing a person writes, at known times over two days.
fn diary() -> Diary {
    let export = serde_json::json!({
        "format": "lantern",
        "version": 1,
        "exported": "2026-12-02T20:00:00+00:00",
        "entries": [
            {
                "uid": "e1",
                "template_id": "reflective-diary",
                "title": "A hard visit after clinic, with a title long enough to be cut in a list",
                "answers": [
                    {"prompt_id": "p1", "prompt": "What happened?", "text": FIRST_ANSWER},
                    {"prompt_id": "p2", "prompt": "What next?", "text": "Ask for a *joint* visit_\\"}
                ],
                "tags": ["team", "visits"],
                "created": "2026-12-01T18:12:00+00:00"
            },
            {
                "uid": "e2",
                "body": BODY,
                "created": "2026-12-01T09:05:00+00:00"
            },
            {
                "uid": "e3",
                "template_id": "reflective-diary",
                "answers": [
                    {"prompt_id": "p1", "prompt": "What happened?", "text": "Nothing much."}
                ],
                "created": "2026-12-02T08:30:00+00:00"
            }
        ],
        "checkins": [
            {
                "uid": "c1",
                "kind": "daily",
                "at": "2026-12-01T12:40:00+00:00",
                "pleasantness": 3, "energy": 4, "stress": 6,
                "system": "drive",
                "words": ["tired"],
                "tags": ["caseload"],
                "note": NOTE,
                "good_moment": GOOD
            },
            {
                "uid": "c2",
                "kind": "after_visit",
                "at": "2026-12-02T19:00:00+00:00",
                "pleasantness": 7, "energy": 6, "stress": 2
            }
        ]
    });
    let d = Diary::new();
    let file = d.scratch("diary.json");
    fs::write(&file, export.to_string()).expect("write the import file");
    let out = d.ok(&["import", file.to_str().expect("utf-8 path")]);
    assert!(out.contains("Imported 3 entries and 2 check-ins"), "{out}");
    d
}

/// The export as a renderer shows it: escapes undone, hard breaks as plain breaks.
fn rendered(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() || next == '\n' {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// What was written, as Markdown keeps it: blank-line runs as one blank line.
fn as_kept(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if !(line.is_empty() && out.last().is_none_or(|l| l.is_empty())) {
            out.push(line);
        }
    }
    out.join("\n")
}

#[test]
fn every_field_a_person_wrote_is_in_the_export() {
    let md = diary().ok(&["export", "--format", "markdown"]);
    let seen = rendered(&md);
    for text in [
        "A hard visit after clinic, with a title long enough to be cut in a list",
        FIRST_ANSWER,
        "Ask for a *joint* visit_\\",
        BODY,
        "Nothing much.",
        "#team #visits",
        NOTE,
        GOOD,
        "tired",
        "caseload",
        "drive",
        "What happened?",
    ] {
        let kept = as_kept(text);
        assert!(seen.contains(&kept), "`{kept}` in:\n{md}");
    }
    // Every line break inside an answer is a hard break; a blank line a new paragraph.
    assert!(
        md.contains(
            "It went better than I feared.\\\nThe parent was tired, not angry.\n\nI stayed calm.\n"
        ),
        "{md}"
    );
    // A `|` in a note is under the table, where it cannot end a cell.
    assert!(
        md.contains("#### Note\n\nLong day.\\\nThree visits | one cancelled."),
        "{md}"
    );
    assert!(
        md.contains("#### Good moment\n\nTea with a colleague\\\nand a laugh\n"),
        "{md}"
    );
    assert!(
        md.contains("| daily | 3 | 4 | 6 | drive | tired | caseload |"),
        "{md}"
    );
    assert!(md.contains("| after-visit | 7 | 6 | 2 |"), "{md}");
}

#[test]
fn diary_text_cannot_make_headings_rules_quotes_or_lists() {
    let md = diary().ok(&["export", "--format", "markdown"]);
    for line in [
        "\\# not a heading\\",
        "\\---\\",
        "\\> not a quote\\",
        "1\\. not a list\\",
        "\\| not | a table |",
        "Ask for a \\*joint\\* visit\\_\\\\",
    ] {
        assert!(md.lines().any(|l| l == line), "`{line}` in:\n{md}");
    }
    // The only headings are the export's own.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert!(
        headings.iter().all(|h| h.starts_with("# Lantern diary")
            || h.starts_with("## ")
            || h.starts_with("### ")
            || h.starts_with("#### ")),
        "{headings:?}"
    );
    assert!(!md.lines().any(|l| l.starts_with("#team")), "{md}");
}

#[test]
fn one_heading_per_day_and_that_days_things_in_time_order() {
    let md = diary().ok(&["export", "--format", "markdown"]);
    let days: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        days,
        ["## Tuesday 1 December 2026", "## Wednesday 2 December 2026"],
        "{md}"
    );
    let times: Vec<&str> = md.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        times,
        [
            "### 09:05",
            "### 12:40 — Check-in",
            "### 18:12 — A hard visit after clinic, with a title long enough to be cut in a list",
            "### 08:30 — Reflective diary",
            "### 19:00 — Check-in",
        ],
        "{md}"
    );
}

#[test]
fn no_heading_is_cut() {
    let md = diary().ok(&["export", "--format", "markdown"]);
    assert!(!md.contains('…'), "{md}");
    assert!(!md.contains("## … —"), "{md}");
}
