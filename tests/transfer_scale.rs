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
