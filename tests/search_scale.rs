//! Search on a long diary: short prefixes answered from prefix indexes, the best
//! matches first while ranking is cheap and the newest first past that, and older
//! diaries given the prefix indexes when they open.

use chrono::{DateTime, Duration, FixedOffset};

use lantern::domain::entry::Entry;
use lantern::domain::transfer::{Batch, FORMAT_NAME};
use lantern::store::{migrations, SearchHit, Store};

fn entry(n: usize, title: &str, body: &str) -> Entry {
    let start = DateTime::parse_from_rfc3339("2001-01-01T09:00:00+00:00").expect("a time");
    let created: DateTime<FixedOffset> = start + Duration::hours(n as i64);
    Entry {
        id: 0,
        uid: format!("scale-{n}"),
        template_id: None,
        title: title.to_string(),
        body: body.to_string(),
        answers: Vec::new(),
        tags: Vec::new(),
        created,
        updated: created,
    }
}

/// `count` entries that all hold "apple", the oldest with it in its title too, so
/// ranking puts the oldest first and "newest first" puts it last.
fn diary_of_apples(count: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store =
        Store::open_or_create(&dir.path().join("lantern.db"), None).expect("a new diary opens");
    let mut entries = vec![entry(0, "apple", "an apple a day")];
    entries.extend((1..count).map(|n| entry(n, "", "an apple a day")));
    // Written newest first, so the order they were added is not the order of days.
    entries.reverse();
    let batch = Batch {
        format: FORMAT_NAME,
        entries,
        checkins: Vec::new(),
    };
    store.import(&batch).expect("the entries import");
    (dir, store)
}

fn created(hits: &[SearchHit]) -> Vec<String> {
    hits.iter().map(|h| h.created.to_rfc3339()).collect()
}

#[test]
fn while_ranking_is_cheap_the_best_match_comes_first() {
    let (_dir, store) = diary_of_apples(SearchHit::RANKED_UP_TO);
    let hits = store.search("appl*", 10).expect("search");
    assert_eq!(hits.len(), 10);
    assert_eq!(hits[0].title, "apple", "the title match ranks first");
}

#[test]
fn past_that_many_matches_the_newest_come_first() {
    let (_dir, store) = diary_of_apples(SearchHit::RANKED_UP_TO + 1);
    for query in ["a*", "ap*", "apple"] {
        let hits = store.search(query, 10).expect("search");
        assert_eq!(hits.len(), 10, "{query}");
        let days = created(&hits);
        let mut newest_first = days.clone();
        newest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(days, newest_first, "{query}: newest first");
        let newest = entry(SearchHit::RANKED_UP_TO, "", "").created.to_rfc3339();
        assert_eq!(days[0], newest, "{query}: starts at the newest entry");
        assert!(hits.iter().all(|h| h.title != "apple"), "{query}");
    }
    // A rarer word among them is still ranked.
    let hits = store.search("apple day", 3).expect("search");
    assert_eq!(hits.len(), 3);
}

#[test]
fn newest_first_still_marks_the_matches_in_each_snippet() {
    let (_dir, store) = diary_of_apples(SearchHit::RANKED_UP_TO + 1);
    let hits = store.search("ap*", 5).expect("search");
    for hit in &hits {
        assert!(
            hit.snippet.contains(&format!(
                "{}apple{}",
                SearchHit::MARK_START,
                SearchHit::MARK_END
            )),
            "{:?}",
            hit.snippet
        );
    }
}

#[test]
fn a_diary_from_before_the_prefix_indexes_gets_them_and_still_finds_its_entries() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("a plain SQLite file");
        migrations::migrations()
            .to_version(&mut conn, 3)
            .expect("migrate to version 3");
        conn.execute(
            "INSERT INTO entry (uid, title, body, created_utc, utc_offset, local_date, updated_utc)
             VALUES ('old-1', 'Quiet day', 'a quokka at the window', '2024-01-02T03:04:05Z', 0,
                     '2024-01-02', '2024-01-02T03:04:05Z')",
            [],
        )
        .expect("an entry in the old diary");
    }
    let mut store = Store::open_or_create(&path, None).expect("the old diary opens");
    assert_eq!(
        store.schema_version().expect("schema version"),
        migrations::LATEST as i64
    );
    let table: String = rusqlite::Connection::open(&path)
        .expect("opens")
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'entry_fts'",
            [],
            |r| r.get(0),
        )
        .expect("the search index");
    assert!(table.contains("prefix"), "{table}");
    for query in ["q*", "qu*", "quo*", "quokka"] {
        let hits = store.search(query, 10).expect("search");
        assert_eq!(hits.len(), 1, "{query} finds the old entry");
    }
    // New writing is indexed by the triggers, which outlive the index they feed.
    store
        .add_entry(&entry(1, "", "a second quokka"))
        .expect("a new entry");
    assert_eq!(store.search("q*", 10).expect("search").len(), 2);
}
