//! Import and export at a diary's scale: the bulk import fills the search index once
//! and stays all or nothing; the streamed export writes what the whole one did.

mod support;

use chrono::{DateTime, FixedOffset};

use lantern::domain::entry::Entry;
use lantern::domain::transfer;
use lantern::store::Store;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid time") // ok: test
}

fn entry(uid: &str, title: &str, body: &str, created: &str) -> Entry {
    Entry {
        id: 0,
        uid: uid.to_string(),
        template_id: None,
        title: title.to_string(),
        body: body.to_string(),
        answers: Vec::new(),
        tags: Vec::new(),
        created: at(created),
        updated: at(created),
    }
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder"); // ok: test
    let store = Store::open_or_create(&dir.path().join("lantern.db"), None).expect("opens"); // ok: test
    (dir, store)
}

/// `n` JSON Lines entries, every third one naming a quokka.
fn lines(n: usize) -> String {
    (0..n)
        .map(|i| {
            let animal = if i % 3 == 0 { "quokka" } else { "wombat" };
            format!(
                "{{\"ts\": \"2020-01-{:02}T{:02}:{:02}:00\", \"title\": \"Day {i}\", \"body\": \"Saw a {animal} on visit {i}.\", \"tags\": [\"walk\"]}}\n",
                i % 28 + 1,
                i % 24,
                i % 60
            )
        })
        .collect()
}

fn titles(store: &Store, word: &str) -> Vec<String> {
    let mut found: Vec<String> = store
        .search(word, 1000)
        .expect("search") // ok: test
        .into_iter()
        .map(|h| h.title)
        .collect();
    found.sort();
    found
}

#[test]
fn an_import_is_searchable_and_importing_it_again_adds_nothing() {
    let (_dir, mut store) = fresh();
    store
        .add_entry(&entry(
            "mine",
            "Heron",
            "A heron by the canal.",
            "2019-05-01T08:00:00+01:00",
        ))
        .expect("add"); // ok: test
    let batch = transfer::parse_import(&lines(90)).expect("parses"); // ok: test

    let first = store.import(&batch).expect("import"); // ok: test
    assert_eq!((first.entries_added, first.entries_present), (90, 0));
    assert_eq!(titles(&store, "quokka").len(), 30);
    assert_eq!(titles(&store, "wombat").len(), 60);
    assert_eq!(titles(&store, "heron"), vec!["Heron"]);

    let again = store.import(&batch).expect("import again"); // ok: test
    assert_eq!((again.entries_added, again.entries_present), (0, 90));
    assert_eq!(store.count_entries().expect("count"), 91); // ok: test
                                                           // Each entry is indexed once: no hit appears twice.
    assert_eq!(titles(&store, "quokka").len(), 30);
    store
        .conn()
        .execute(
            "INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check')",
            [],
        )
        .expect("the search index matches the entries"); // ok: test
}

#[test]
fn entries_written_after_an_import_are_still_indexed_as_they_are_saved() {
    let (_dir, mut store) = fresh();
    store
        .import(&transfer::parse_import(&lines(5)).expect("parses")) // ok: test
        .expect("import"); // ok: test
    store
        .add_entry(&entry(
            "later",
            "Pelican",
            "A pelican at the pier.",
            "2021-02-03T09:00:00Z",
        ))
        .expect("add"); // ok: test
    assert_eq!(titles(&store, "pelican"), vec!["Pelican"]);
    let triggers: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'entry_fts_insert'",
            [],
            |r| r.get(0),
        )
        .expect("query"); // ok: test
    assert_eq!(triggers, 1);
}

#[test]
fn an_import_after_the_newest_entry_was_deleted_indexes_every_new_entry() {
    let (_dir, mut store) = fresh();
    let a = store
        .add_entry(&entry("a", "Kestrel", "A kestrel.", "2019-01-01T08:00:00Z"))
        .expect("add"); // ok: test
    let b = store
        .add_entry(&entry("b", "Otter", "An otter.", "2019-01-02T08:00:00Z"))
        .expect("add"); // ok: test
    assert!(b > a);
    store.delete_entry(b).expect("delete"); // ok: test
    store
        .import(&transfer::parse_import(&lines(6)).expect("parses")) // ok: test
        .expect("import"); // ok: test
    assert_eq!(titles(&store, "quokka").len(), 2);
    assert_eq!(titles(&store, "wombat").len(), 4);
    assert_eq!(titles(&store, "kestrel"), vec!["Kestrel"]);
    assert!(titles(&store, "otter").is_empty());
}

// ---------------------------------------------------------------------------------------
// Export: streamed, and the same as the whole export was.

use std::fs;
use std::io::Read as _;
use std::process::Stdio;

use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::entry::Answer;
use lantern::domain::transfer::Export;
use support::cli::Diary;
use support::CleanEnv as _;

/// A diary of `n` entries and some check-ins, with clock changes (the same local hour
/// at two offsets), tags, answers, and check-ins at an entry's minute.
fn filled(n: usize) -> Diary {
    let d = Diary::new();
    let mut store = Store::open(&d.db(), None).expect("opens"); // ok: test
    for i in 0..n {
        let offset = if i % 2 == 0 { "+01:00" } else { "+00:00" };
        let created = format!("2024-10-{:02}T{:02}:30:00{offset}", i % 27 + 1, i % 3 + 1);
        let mut e = entry(
            &format!("e{i}"),
            if i % 5 == 0 {
                ""
            } else {
                "A # title *with* marks"
            },
            &format!(
                "Line one of {i}.\n\n# not a heading\n{}",
                "words ".repeat(40)
            ),
            &created,
        );
        e.tags = vec![format!("tag{}", i % 4), "walk".into()];
        if i % 7 == 0 {
            e.template_id = Some("no-such-template".into());
            e.answers = vec![Answer {
                prompt_id: "p".into(),
                prompt: "What went well?".into(),
                text: "The visit | went *well*".into(),
            }];
        }
        store.add_entry(&e).expect("add"); // ok: test
    }
    for i in 0..n / 3 {
        store
            .add_checkin(&CheckIn {
                uid: format!("c{i}"),
                kind: if i % 2 == 0 {
                    CheckInKind::Daily
                } else {
                    CheckInKind::AfterVisit
                },
                at: at(&format!(
                    "2024-10-{:02}T{:02}:30:00+00:00",
                    i % 27 + 1,
                    i % 3 + 1
                )),
                pleasantness: 3,
                energy: 4,
                stress: 2,
                system: Some("soothing".into()),
                words: vec!["calm".into()],
                tags: vec!["caseload".into()],
                note: Some("Two\n\nparagraphs".into()),
                good_moment: None,
            })
            .expect("check in"); // ok: test
    }
    d
}

/// The export as it was made before it was streamed: every row in memory, then
/// written whole.
fn whole_export(d: &Diary, markdown: bool, exported: &str) -> String {
    let store = Store::open(&d.db(), None).expect("opens"); // ok: test
    let entries = store.entries_between(None, None).expect("entries").items; // ok: test
    let checkins = store.checkins_between(None, None).expect("check-ins").items; // ok: test
    if markdown {
        return transfer::markdown(&entries, &checkins, |_| None);
    }
    let export = Export {
        format: transfer::FORMAT_NAME.into(),
        version: transfer::FORMAT_VERSION,
        exported: at(exported),
        entries,
        checkins,
    };
    serde_json::to_string_pretty(&export).expect("serialise") + "\n" // ok: test
}

fn exported_at(json: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).expect("whole JSON"); // ok: test
    value["exported"].as_str().expect("a time").to_string() // ok: test
}

#[test]
fn the_streamed_export_is_byte_for_byte_the_whole_export() {
    let d = filled(120);
    for (format, markdown) in [("json", false), ("markdown", true)] {
        let stdout = d.ok(&["export", "--format", format]);
        let file = d.scratch(&format!("out.{format}"));
        let path = file.to_str().expect("utf-8"); // ok: test
        d.ok(&["export", "--format", format, "-o", path]);
        let written = fs::read_to_string(&file).expect("the export"); // ok: test
        for got in [stdout, written] {
            let when = if markdown {
                String::new()
            } else {
                exported_at(&got)
            };
            let want = whole_export(&d, markdown, &when);
            assert!(got == want, "{format}: the streamed export differs");
        }
    }
}

#[test]
fn a_period_streams_the_same_rows_the_whole_export_had() {
    let d = filled(60);
    let got = d.ok(&["export", "--since", "2024-10-05", "--until", "2024-10-09"]);
    let value: serde_json::Value = serde_json::from_str(&got).expect("whole JSON"); // ok: test
    let days: Vec<String> = value["entries"]
        .as_array()
        .expect("entries") // ok: test
        .iter()
        .map(|e| e["created"].as_str().unwrap_or_default()[..10].to_string())
        .collect();
    assert!(!days.is_empty());
    assert!(
        days.iter()
            .all(|d| ("2024-10-05".."2024-10-10").contains(&d.as_str())),
        "{days:?}"
    );
    assert!(value["checkins"].as_array().is_some_and(|c| !c.is_empty()));
}

/// Breaks the overflow chain of the one entry with `mark` in the middle of its long
/// body: that row can no longer be read, every other one can. (The last page's link
/// is never followed, so the mark must not be on it.)
fn break_overflow_of(db: &std::path::Path, mark: &str) {
    let mut bytes = fs::read(db).expect("the diary"); // ok: test
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let at = bytes
        .windows(mark.len())
        .position(|w| w == mark.as_bytes())
        .expect("the mark is in the file"); // ok: test
    let start = at / page * page;
    // An overflow page starts with the number of the next; one past the file's end.
    bytes[start..start + 4].copy_from_slice(&0x7fff_fff0u32.to_be_bytes());
    fs::write(db, bytes).expect("the damaged diary"); // ok: test
}

#[test]
fn a_damaged_entry_is_counted_and_everything_else_is_exported() {
    let d = filled(30);
    {
        let mut store = Store::open(&d.db(), None).expect("opens"); // ok: test
        let filler = "a long day ".repeat(1000);
        let body = format!("{filler}Qz7EndOfTheLongOne{filler}");
        store
            .add_entry(&entry("long", "Long", &body, "2024-11-01T09:00:00Z"))
            .expect("add"); // ok: test
    } // closing checkpoints the log into the file
    break_overflow_of(&d.db(), "Qz7EndOfTheLongOne");
    for format in ["json", "markdown"] {
        let file = d.scratch(&format!("damaged.{format}"));
        let path = file.to_str().expect("utf-8"); // ok: test
        for run in [
            d.run(&["export", "--format", format]).success(),
            d.run(&["export", "--format", format, "-o", path]).success(),
        ] {
            assert!(
                run.stderr
                    .contains("1 of the diary's records could not be read"),
                "{format}: {}",
                run.stderr
            );
        }
        let written = fs::read_to_string(&file).expect("the export"); // ok: test
        assert!(!written.contains("Qz7EndOfTheLongOne"));
        assert_eq!(written.matches("Line one of").count(), 30, "{format}");
    }
    let leftovers: Vec<_> = fs::read_dir(d.tmp.path())
        .expect("the folder") // ok: test
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_export_that_fills_the_disk_leaves_nothing_behind() {
    support::disk::require_full_disk!(disk, 64);
    let d = filled(400);
    let file = disk.path.join("export.json");
    let run = d
        .run(&["export", "-o", file.to_str().expect("utf-8")]) // ok: test
        .failure();
    assert!(
        run.stderr.contains("nothing was left under that name"),
        "{}",
        run.stderr
    );
    let left: Vec<_> = fs::read_dir(&disk.path).expect("the disk").collect(); // ok: test
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_export_piped_into_a_reader_that_stops_early_ends_quietly() {
    let d = filled(400);
    for format in ["json", "markdown"] {
        let mut child = std::process::Command::new(support::cli::bin())
            .clean_env()
            .arg("--data-dir")
            .arg(&d.dir)
            .args(["export", "--format", format])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("lantern runs"); // ok: test
        let mut head = [0u8; 100];
        let mut stdout = child.stdout.take().expect("a pipe"); // ok: test
        stdout
            .read_exact(&mut head)
            .expect("the start of the export"); // ok: test
        drop(stdout);
        let out = child.wait_with_output().expect("lantern ends"); // ok: test
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}
