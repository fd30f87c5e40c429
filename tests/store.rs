//! The store through the library: migrating an older diary, full-text search, and the
//! export format read back by the importer.

mod support;

use std::fs;

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;

use lantern::domain::entry::{Answer, Entry};
use lantern::domain::transfer::{self, Export};
use lantern::store::{migrations, EntryFilter, SearchHit, Store};

use support::mode;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid time")
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
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store =
        Store::open_or_create(&dir.path().join("lantern.db"), None).expect("a new diary opens");
    (dir, store)
}

fn ids(hits: &[SearchHit]) -> Vec<i64> {
    hits.iter().map(|h| h.id).collect()
}

// ---------------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------------

#[test]
fn opening_a_schema_v1_diary_migrates_it_and_keeps_an_owner_only_backup() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("a plain SQLite file");
        migrations::migrations()
            .to_version(&mut conn, 1)
            .expect("migrate to version 1");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        assert_eq!(version, 1);
        conn.execute(
            "INSERT INTO entry (uid, title, body, created_utc, utc_offset, local_date, updated_utc)
             VALUES ('old-1', 'Written long ago', 'old words', '2024-01-02T03:04:05Z', 0,
                     '2024-01-02', '2024-01-02T03:04:05Z')",
            [],
        )
        .expect("an entry in the old diary");
    }

    let store = Store::open_or_create(&path, None).expect("the old diary opens");
    assert_eq!(
        store.schema_version().expect("schema version"),
        migrations::LATEST as i64
    );
    let kept = store
        .list_entries(&EntryFilter::default())
        .expect("list entries");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].title, "Written long ago");
    assert_eq!(
        ids(&store.search("old", 10).expect("search")),
        vec![kept[0].id]
    );
    drop(store);

    let backups: Vec<_> = fs::read_dir(dir.path())
        .expect("read the folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            name == "lantern.db.schema-v1.bak"
        })
        .collect();
    assert_eq!(backups.len(), 1, "one backup: {backups:?}");
    assert_eq!(mode(&backups[0]), 0o600);

    // The backup is the diary as it was: still version 1, with the entry.
    let old = rusqlite::Connection::open(&backups[0]).expect("the backup opens");
    let version: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version");
    assert_eq!(version, 1);
    let count: i64 = old
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .expect("count");
    assert_eq!(count, 1);
    drop(old);

    // Opening the migrated diary again makes no further backup.
    drop(Store::open_or_create(&path, None).expect("reopens"));
    let after = fs::read_dir(dir.path())
        .expect("read the folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(after, 1);
}

#[test]
fn a_new_diary_is_created_at_the_latest_schema_without_a_backup() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    let store = Store::open_or_create(&path, None).expect("opens");
    assert_eq!(
        store.schema_version().expect("version"),
        migrations::LATEST as i64
    );
    assert_eq!(mode(&path), 0o600);
    drop(store);
    let backups = fs::read_dir(dir.path())
        .expect("read")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn a_diary_from_a_newer_lantern_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    drop(Store::open_or_create(&path, None).expect("opens"));
    {
        let conn = rusqlite::Connection::open(&path).expect("opens");
        conn.pragma_update(None, "user_version", migrations::LATEST as i64 + 1)
            .expect("set version");
    }
    let error = Store::open_or_create(&path, None).err().expect("refused");
    assert!(error.to_string().contains("newer Lantern"), "{error}");
}

// ---------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------

#[test]
fn search_ranks_a_title_match_above_a_body_match() {
    let (_dir, mut store) = fresh();
    // The body match is newer, so recency alone would put it first.
    let in_title = store
        .add_entry(&entry(
            "t",
            "Lighthouse",
            "A walk by the sea with the team today.",
            "2025-01-01T10:00:00Z",
        ))
        .expect("add");
    let in_body = store
        .add_entry(&entry(
            "b",
            "Monday",
            "We could see the lighthouse from the car park at lunch.",
            "2025-06-01T10:00:00Z",
        ))
        .expect("add");
    let hits = store.search("lighthouse", 10).expect("search");
    assert_eq!(ids(&hits), vec![in_title, in_body]);
}

#[test]
fn search_snippet_marks_the_matched_word() {
    let (_dir, mut store) = fresh();
    store
        .add_entry(&entry(
            "s",
            "",
            "Before the visit I took three slow breaths and felt steadier.",
            "2025-01-01T10:00:00Z",
        ))
        .expect("add");
    let hits = store.search("breaths", 10).expect("search");
    assert_eq!(hits.len(), 1);
    let marked = format!("{}breaths{}", SearchHit::MARK_START, SearchHit::MARK_END);
    assert!(hits[0].snippet.contains(&marked), "{:?}", hits[0].snippet);
}

#[test]
fn search_matches_accented_text_with_or_without_accents() {
    let (_dir, mut store) = fresh();
    let cafe = store
        .add_entry(&entry(
            "c",
            "",
            "Un café au lait after the clinic.",
            "2025-01-01T10:00:00Z",
        ))
        .expect("add");
    let plain = store
        .add_entry(&entry(
            "p",
            "",
            "A naive plan that worked.",
            "2025-01-02T10:00:00Z",
        ))
        .expect("add");
    assert_eq!(ids(&store.search("cafe", 10).expect("search")), vec![cafe]);
    assert_eq!(ids(&store.search("café", 10).expect("search")), vec![cafe]);
    assert_eq!(ids(&store.search("CAFÉ", 10).expect("search")), vec![cafe]);
    assert_eq!(
        ids(&store.search("naïve", 10).expect("search")),
        vec![plain]
    );
}

#[test]
fn emoji_and_unicode_text_round_trips_and_is_searchable() {
    let (_dir, mut store) = fresh();
    let mut e = entry(
        "emoji",
        "🌿 A calm day — ça va",
        "Tea ☕ with 👩🏽‍⚕️ colleagues.\nZażółć gęślą jaźń. 日本語のテキスト。",
        "2025-01-01T10:00:00+05:30",
    );
    e.tags = vec!["équipe".into(), "🌿".into()];
    e.answers = vec![Answer {
        prompt_id: "feelings".into(),
        prompt: "What are you feeling?".into(),
        text: "Light 🌞".into(),
    }];
    let id = store.add_entry(&e).expect("add");
    let back = store.entry(id).expect("read back");
    assert_eq!(back.title, e.title);
    assert_eq!(back.body, e.body);
    assert_eq!(back.answers, e.answers);
    let mut tags = e.tags.clone();
    tags.sort();
    assert_eq!(back.tags, tags);
    assert_eq!(back.created.to_rfc3339(), e.created.to_rfc3339());
    assert_eq!(
        ids(&store.search("colleagues", 10).expect("search")),
        vec![id]
    );
    assert_eq!(ids(&store.search("gęślą", 10).expect("search")), vec![id]);
}

#[test]
fn update_entry_reindexes_it_for_search() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_entry(&entry(
            "u",
            "Old title",
            "The word is pelican.",
            "2025-01-01T10:00:00Z",
        ))
        .expect("add");
    assert_eq!(ids(&store.search("pelican", 10).expect("search")), vec![id]);

    let mut e = store.entry(id).expect("read");
    e.title = "New title".into();
    e.body = "The word is now albatross.".into();
    e.answers = vec![Answer {
        prompt_id: "p".into(),
        prompt: "Prompt?".into(),
        text: "Answered with kestrel.".into(),
    }];
    e.tags = vec!["birds".into()];
    store.update_entry(&e).expect("update");

    assert!(store.search("pelican", 10).expect("search").is_empty());
    assert!(store.search("old", 10).expect("search").is_empty());
    assert_eq!(
        ids(&store.search("albatross", 10).expect("search")),
        vec![id]
    );
    assert_eq!(ids(&store.search("kestrel", 10).expect("search")), vec![id]);
    assert_eq!(ids(&store.search("new", 10).expect("search")), vec![id]);
    assert_eq!(store.entry(id).expect("read").tags, vec!["birds"]);
}

#[test]
fn delete_entry_removes_it_from_search_and_listing() {
    let (_dir, mut store) = fresh();
    let keep = store
        .add_entry(&entry("k", "Keep", "otter one", "2025-01-01T10:00:00Z"))
        .expect("add");
    let gone = store
        .add_entry(&entry("g", "Gone", "otter two", "2025-01-02T10:00:00Z"))
        .expect("add");
    store.delete_entry(gone).expect("delete");
    assert_eq!(ids(&store.search("otter", 10).expect("search")), vec![keep]);
    let listed: Vec<i64> = store
        .list_entries(&EntryFilter::default())
        .expect("list")
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(listed, vec![keep]);
    assert!(store.entry(gone).is_err());
    assert!(store.delete_entry(gone).is_err(), "deleting twice fails");
}

#[test]
fn search_with_fts_syntax_is_taken_literally() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_entry(&entry(
            "q",
            "",
            "rain OR shine AND NEAR(the end)",
            "2025-01-01T10:00:00Z",
        ))
        .expect("add");
    for query in ["\"rain OR", "NEAR(", "shine AND", "rain)", "sh*", "end\""] {
        let hits = store
            .search(query, 10)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
        assert_eq!(ids(&hits), vec![id], "{query:?}");
    }
    for query in ["title:rain", "(", "^", "-rain", "\"\""] {
        store
            .search(query, 10)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
    }
}

#[test]
fn write_ahead_log_files_are_owner_only() {
    let (dir, mut store) = fresh();
    store
        .add_entry(&entry("w", "WAL", "words", "2025-01-01T10:00:00Z"))
        .expect("add");
    for name in ["lantern.db", "lantern.db-wal", "lantern.db-shm"] {
        let path = dir.path().join(name);
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{name}");
        }
    }
    assert!(
        dir.path().join("lantern.db-wal").exists(),
        "the diary runs in WAL mode"
    );
}

// ---------------------------------------------------------------------------------
// Two terminals
// ---------------------------------------------------------------------------------

#[test]
fn two_handles_on_one_diary_both_write() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    let mut first = Store::open_or_create(&path, None).expect("first opens");
    let mut second = Store::open_or_create(&path, None).expect("second opens");

    let a = first
        .add_entry(&entry("one", "From the first", "a", "2025-01-01T10:00:00Z"))
        .expect("first writes");
    let b = second
        .add_entry(&entry(
            "two",
            "From the second",
            "b",
            "2025-01-01T10:01:00Z",
        ))
        .expect("second writes");
    let c = first
        .add_entry(&entry("three", "First again", "c", "2025-01-01T10:02:00Z"))
        .expect("first writes again");
    assert_ne!(a, b);
    assert_ne!(b, c);

    for store in [&first, &second] {
        assert_eq!(store.count_entries().expect("count"), 3);
    }
    drop(first);
    drop(second);
    let reopened = Store::open_or_create(&path, None).expect("reopens");
    let titles: Vec<String> = reopened
        .list_entries(&EntryFilter::default())
        .expect("list")
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(
        titles,
        vec!["First again", "From the second", "From the first"]
    );
}

// ---------------------------------------------------------------------------------
// Export → import
// ---------------------------------------------------------------------------------

fn arb_text() -> impl Strategy<Value = String> {
    prop::collection::vec("\\PC{0,24}", 0..4).prop_map(|lines| lines.join("\n"))
}

fn arb_created() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2000 to 2040, at whole seconds, in any quarter-hour offset from -12:00 to +14:00.
    (946_684_800i64..2_208_988_800, -48i32..=56).prop_map(|(secs, quarters)| {
        FixedOffset::east_opt(quarters * 15 * 60)
            .expect("a valid offset")
            .timestamp_opt(secs, 0)
            .single()
            .expect("a valid time")
    })
}

fn arb_entry() -> impl Strategy<Value = (String, String, Vec<String>, DateTime<FixedOffset>)> {
    (
        "\\PC{0,30}",
        arb_text(),
        prop::collection::vec("[a-z0-9-]{1,10}", 0..4),
        arb_created(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn exported_entries_import_unchanged(raw in prop::collection::vec(arb_entry(), 1..6)) {
        let (_dir, mut store) = fresh();
        let mut originals = Vec::new();
        for (n, (title, body, tags, created)) in raw.into_iter().enumerate() {
            let e = Entry {
                id: 0,
                uid: format!("uid-{n}"),
                template_id: None,
                title,
                body,
                answers: Vec::new(),
                tags,
                created,
                updated: created,
            };
            store.add_entry(&e).expect("add");
            originals.push(e);
        }
        let export = Export {
            format: transfer::FORMAT_NAME.into(),
            version: transfer::FORMAT_VERSION,
            exported: at("2026-01-01T00:00:00Z"),
            entries: store.entries_between(None, None).expect("export").items,
            checkins: store.checkins_between(None, None).expect("export").items,
        };
        let json = serde_json::to_string_pretty(&export).expect("serialise");
        let batch = transfer::parse_import(&json).expect("the export imports");
        prop_assert_eq!(batch.entries.len(), originals.len());
        prop_assert!(batch.checkins.is_empty());

        let mut back = batch.entries;
        back.sort_by(|a, b| a.uid.cmp(&b.uid));
        originals.sort_by(|a, b| a.uid.cmp(&b.uid));
        for (got, want) in back.iter().zip(&originals) {
            prop_assert_eq!(&got.uid, &want.uid);
            prop_assert_eq!(&got.title, &want.title);
            prop_assert_eq!(&got.body, &want.body);
            let mut tags = want.tags.clone();
            tags.sort();
            tags.dedup();
            prop_assert_eq!(&got.tags, &tags);
            prop_assert_eq!(got.created.to_rfc3339(), want.created.to_rfc3339());
        }

        // And into a second diary, where exporting again gives the same entries.
        let (_dir2, mut second) = fresh();
        let done = second
            .import(&transfer::parse_import(&json).expect("parses"))
            .expect("import");
        prop_assert_eq!(done.entries_added, originals.len());
        let again = second.entries_between(None, None).expect("export").items;
        let first: Vec<Entry> = export.entries.iter().map(|e| Entry { id: 0, ..e.clone() }).collect();
        let again: Vec<Entry> = again.into_iter().map(|e| Entry { id: 0, ..e }).collect();
        prop_assert_eq!(first, again);
    }
}

#[test]
fn a_draft_of_an_edit_whose_entry_was_deleted_is_kept_as_a_new_entrys_draft() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_entry(&entry("u1", "Title", "Body", "2026-03-01T09:00:00+00:00"))
        .expect("saved");
    store.delete_entry(id).expect("deleted");
    let draft = lantern::store::Draft {
        slot: format!("entry:{id}"),
        template_id: None,
        entry_id: Some(id),
        title: "Title".into(),
        body: "Words typed after the delete".into(),
        answers: Vec::new(),
        prompt_index: 0,
        updated: at("2026-03-01T09:05:00+00:00"),
    };
    store.save_draft(&draft).expect("kept, not refused");
    let kept = store.latest_draft().expect("read").expect("a draft");
    assert_eq!(kept.body, "Words typed after the delete");
    assert_eq!(kept.entry_id, None);
}

#[test]
fn an_update_made_over_a_newer_save_is_refused_and_writes_nothing() {
    let (_dir, mut store) = fresh();
    let id = store
        .add_entry(&entry("u1", "Title", "First", "2026-03-01T09:00:00+00:00"))
        .expect("saved");
    let loaded = store.entry(id).expect("loaded");
    let elsewhere = Entry {
        body: "Saved elsewhere".into(),
        updated: at("2026-03-01T09:10:00+00:00"),
        ..loaded.clone()
    };
    store
        .update_entry_unless_changed(&elsewhere, Some(loaded.updated))
        .expect("the first save goes in");
    let here = Entry {
        body: "Saved here".into(),
        updated: at("2026-03-01T09:11:00+00:00"),
        ..loaded.clone()
    };
    let refused = store.update_entry_unless_changed(&here, Some(loaded.updated));
    assert!(
        matches!(refused, Err(lantern::store::StoreError::Changed)),
        "{refused:?}"
    );
    assert_eq!(store.entry(id).expect("read").body, "Saved elsewhere");
}
