//! `lantern stats`, `pixels`, `review` and `supervision` end to end: thirty days of
//! check-ins imported into a fresh data folder, in UTC, with no editor and no terminal.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use serde_json::{json, Value};
use tempfile::TempDir;

use support::cli::{lantern_in, ok};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn stamp(date: NaiveDate, time: &str) -> String {
    format!("{date}T{time}+00:00")
}

/// Thirty days ending today (k = 0 is today, k = 29 the first day):
/// - a check-in on every day except k = 4, 9, 14, 19, 24, 29 (24 days);
/// - a second, after-visit check-in on k = 1 and k = 2 (26 check-ins in all);
/// - pleasantness 4 in the earlier half (k ≥ 15), 7 in the later half; energy 5;
/// - stress 8 on Mondays (tagged #caseload) and 3 on other days;
/// - the word "tired" on each day's first check-in, "anxious" on the extra two;
/// - good moments on k = 0, 7 and 21;
/// - two entries, A (k = 3) and B (k = 5).
fn thirty_days() -> Value {
    let mut checkins = Vec::new();
    for k in 0..30i64 {
        if k % 5 == 4 {
            continue;
        }
        let date = today() - Duration::days(k);
        let monday = date.weekday() == Weekday::Mon;
        let pleasantness = if k >= 15 { 4 } else { 7 };
        let stress = if monday { 8 } else { 3 };
        let mut c = json!({
            "uid": format!("c-{k}"),
            "kind": "daily",
            "at": stamp(date, "07:30:00"),
            "pleasantness": pleasantness,
            "energy": 5,
            "stress": stress,
            "words": ["tired"],
        });
        if monday {
            c["tags"] = json!(["caseload"]);
        }
        if [0, 7, 21].contains(&k) {
            c["good_moment"] = json!(format!("Good moment {k}"));
        }
        checkins.push(c);
        if k == 1 || k == 2 {
            checkins.push(json!({
                "uid": format!("v-{k}"),
                "kind": "after_visit",
                "at": stamp(date, "06:00:00"),
                "pleasantness": pleasantness,
                "energy": 5,
                "stress": stress,
                "words": ["anxious"],
            }));
        }
    }
    let entry = |uid: &str, k: i64, title: &str, body: &str| {
        let at = stamp(today() - Duration::days(k), "20:00:00");
        json!({"uid": uid, "title": title, "body": body, "created": at, "updated": at})
    };
    json!({
        "format": "lantern",
        "version": 1,
        "exported": stamp(today(), "06:00:00"),
        "entries": [
            entry("entry-a", 3, "Entry A", "ALPHA-TEXT: the visit to the Okonkwos went better."),
            entry("entry-b", 5, "Entry B", "BRAVO-TEXT: something private."),
        ],
        "checkins": checkins,
    })
}

fn diary() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("thirty.json");
    fs::write(&file, thirty_days().to_string()).expect("write the export");
    ok(lantern_in(dir.path()).arg("init"));
    let out = ok(lantern_in(dir.path()).arg("import").arg(&file));
    assert!(out.contains("2 entries and 26 check-ins"), "{out}");
    dir
}

fn entry_id(dir: &Path, word: &str) -> String {
    let out = ok(lantern_in(dir).args(["search", word]));
    out.split_whitespace()
        .next()
        .expect("a search hit")
        .to_string()
}

#[test]
fn stats_tells_the_month_in_plain_words() {
    let dir = diary();
    let out = ok(lantern_in(dir.path()).args(["stats", "--days", "30"]));
    for line in [
        "You checked in on 24 of the last 30 days.",
        "Pleasantness has risen over the last month.",
        "Stress has been higher on Mondays in the last month.",
        "Check-ins tagged #caseload had the highest stress: 8 on average",
        "The words you chose most: tired, anxious.",
        "You noted 3 good moments.",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    let energy: Vec<&str> = out
        .lines()
        .find(|l| l.trim_start().starts_with("Energy"))
        .expect("an energy line")
        .split_whitespace()
        .take(3)
        .collect();
    assert_eq!(energy, ["Energy", "5", "(1–10)"], "{out}");
    assert!(!out.contains('\x1b'), "no colour without a terminal");
    assert!(!out.to_lowercase().contains("missed"));
}

#[test]
fn stats_json_has_the_hand_computed_values() {
    let dir = diary();
    let out = ok(lantern_in(dir.path()).args(["stats", "--days", "30", "--json"]));
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["days_in_period"], 30);
    assert_eq!(v["days_checked_in"], 24);
    assert_eq!(v["checkins"], 26);
    assert_eq!(v["days"].as_array().map(Vec::len), Some(24));
    assert_eq!(v["means"]["energy"], 5.0);
    assert_eq!(v["means"]["pleasantness"], 5.5);
    assert_eq!(v["trends"]["pleasantness"]["direction"], "rising");
    assert_eq!(v["trends"]["pleasantness"]["earlier"], 4.0);
    assert_eq!(v["trends"]["pleasantness"]["later"], 7.0);
    assert_eq!(v["trends"]["energy"]["direction"], "steady");
    // Pleasantness 4 with energy 5 is low-low; 7 with 5 is pleasant and low energy.
    assert_eq!(v["quadrants"]["unpleasant_low_energy"], 12);
    assert_eq!(v["quadrants"]["pleasant_low_energy"], 14);
    assert_eq!(v["quadrants"]["pleasant_high_energy"], 0);
    assert_eq!(v["words"][0], json!({"word": "tired", "count": 24}));
    assert_eq!(v["words"][1], json!({"word": "anxious", "count": 2}));
    assert_eq!(v["tags"][0]["tag"], "caseload");
    assert_eq!(v["tags"][0]["mean_stress"], 8.0);
    assert_eq!(v["good_moments"], 3);
    assert_eq!(v["period"]["end"], today().to_string());
    let monday = v["weekdays"]
        .as_array()
        .and_then(|w| w.iter().find(|d| d["weekday"] == "Mon"))
        .expect("Mondays");
    assert_eq!(monday["mean_stress"], 8.0);
    assert!(v["summary"]
        .as_array()
        .expect("sentences")
        .contains(&json!("You checked in on 24 of the last 30 days.")));

    // A week: k = 0..6 without k = 4, so 6 days.
    let week: Value = serde_json::from_str(&ok(
        lantern_in(dir.path()).args(["stats", "--days", "7", "--json"])
    ))
    .expect("valid JSON");
    assert_eq!(week["days_checked_in"], 6);
    assert_eq!(week["days_in_period"], 7);
}

#[test]
fn pixels_prints_twelve_month_rows() {
    let dir = diary();
    let year = today().year();
    let out = ok(lantern_in(dir.path()).args(["pixels", "--year", &year.to_string()]));
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| months.iter().any(|m| l.starts_with(m)))
        .collect();
    assert_eq!(rows.len(), 12, "{out}");
    assert!(!out.contains('\x1b'));
    // Today's cell holds the mark of pleasantness 7 on 1–10: level round(6 × 6/9) = 4, '+'.
    let row = rows[today().month0() as usize];
    let cell = row.chars().nth(5 + 2 * today().day0() as usize);
    assert_eq!(cell, Some('+'), "{row}");
    // An empty year is still a calm grid.
    let empty = ok(lantern_in(dir.path()).args(["pixels", "--year", "2001"]));
    assert!(empty.contains("You checked in on 0 of the 365 days of 2001."));
}

#[test]
fn supervision_prep_holds_exactly_the_chosen_entries() {
    let dir = diary();
    let a = entry_id(dir.path(), "ALPHA-TEXT");
    let file = dir.path().join("prep.md");
    // The entry names a family: the check stops the preparation until the person chooses.
    let stopped = lantern_in(dir.path())
        .args(["supervision", "prep", "--entry", &a, "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(stopped.status.code(), Some(3));
    let said = String::from_utf8_lossy(&stopped.stdout);
    assert!(
        said.contains("[Okonkwos]") && said.contains("Nothing was written"),
        "{said}"
    );
    assert!(!file.exists());
    let out = lantern_in(dir.path())
        .args([
            "supervision",
            "prep",
            "--entry",
            &a,
            "--replace",
            "all",
            "-o",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&file).expect("the summary was written");
    assert!(text.contains("ALPHA-TEXT"), "{text}");
    assert!(
        text.contains("the visit to the [name] went better"),
        "{text}"
    );
    assert!(!text.contains("BRAVO-TEXT"), "{text}");
    assert!(
        !text.contains("Good moment"),
        "good moments only when chosen"
    );
    assert!(text.contains("You checked in on"));
    let mode = fs::metadata(&file).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // It will not overwrite without --force.
    let again = lantern_in(dir.path())
        .args(["supervision", "prep", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(fs::read_to_string(&file)
        .expect("still there")
        .contains("ALPHA-TEXT"));
    // The diary keeps the words as written.
    let shown = ok(lantern_in(dir.path()).args(["show", &a]));
    assert!(shown.contains("the Okonkwos"), "{shown}");

    // Without --entry, no entry at all; the entries are listed on stderr to choose from.
    let none = lantern_in(dir.path())
        .args(["supervision", "prep"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&none.stdout);
    assert!(!stdout.contains("ALPHA-TEXT") && !stdout.contains("BRAVO-TEXT"));
    assert!(String::from_utf8_lossy(&none.stderr).contains("add --entry ID"));
}

#[test]
fn supervision_done_moves_where_preparation_starts() {
    let dir = diary();
    let held = today() - Duration::days(10);
    let out = ok(lantern_in(dir.path()).args([
        "supervision",
        "done",
        "--date",
        &held.to_string(),
        "--note",
        "Talked about caseload",
    ]));
    assert!(out.contains("Recorded supervision"), "{out}");
    let prep = ok(lantern_in(dir.path()).args(["supervision", "prep", "--good-moments"]));
    let since = held.format("%-d %B %Y").to_string();
    assert!(
        prep.contains(&format!("(since supervision on {since})")),
        "{prep}"
    );
    // Good moments from k = 0 and 7 are inside the period; k = 21 is before it.
    assert!(prep.contains("Good moment 0") && prep.contains("Good moment 7"));
    assert!(!prep.contains("Good moment 21"), "{prep}");

    let future = lantern_in(dir.path())
        .args(["supervision", "done", "--date"])
        .arg((today() + Duration::days(3)).to_string())
        .output()
        .expect("runs");
    assert!(!future.status.success());
}

#[test]
fn review_shows_the_week_and_saves_piped_answers_as_an_entry() {
    let dir = diary();
    let out = ok(lantern_in(dir.path())
        .arg("review")
        .write_stdin("## What went well this week?\nThe team pulled together.\n"));
    assert!(out.contains("Your week"), "{out}");
    assert!(
        out.contains("You checked in on 6 of the last 7 days."),
        "{out}"
    );
    assert!(out.contains("Good moment 0"), "{out}");
    assert!(out.contains("Saved entry #"), "{out}");
    let listed = ok(lantern_in(dir.path()).args(["list", "--tag", "weekly"]));
    assert!(listed.contains("Weekly review"), "{listed}");
}
