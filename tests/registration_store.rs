//! The registration records in the diary: a diary from before them gains their
//! tables and keeps its entries; each kind is added, listed and deleted; an account
//! keeps its link to the entry it came from until that entry is deleted.

mod support;

use chrono::NaiveDate;

use lantern::domain::registration::{CpdActivity, Discussion, Feedback, ReflectiveAccount};
use lantern::store::{migrations, Store, StoreError};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

/// A diary at schema 4 (before registration records) holding one entry.
fn old_diary(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("lantern.db");
    let mut conn = rusqlite::Connection::open(&path).expect("a plain SQLite file");
    migrations::migrations()
        .to_version(&mut conn, 4)
        .expect("migrate to version 4");
    conn.execute(
        "INSERT INTO entry (uid, title, body, created_utc, utc_offset, local_date, updated_utc)
         VALUES ('old-1', 'Quiet day', 'a long visit', '2024-01-02T03:04:05Z', 0,
                 '2024-01-02', '2024-01-02T03:04:05Z')",
        [],
    )
    .expect("an entry in the old diary");
    path
}

fn account(entry_id: Option<i64>) -> ReflectiveAccount {
    ReflectiveAccount {
        id: 0,
        uid: String::new(),
        local_date: day("2026-03-01"),
        title: "A hard visit".into(),
        answers: [("what-learnt".to_string(), "To pause first.".to_string())].into(),
        themes: vec!["preserve-safety".into()],
        entry_id,
    }
}

#[test]
fn a_schema_4_diary_opens_keeps_its_entries_and_gains_the_record_tables() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = old_diary(dir.path());
    let mut store = Store::open_or_create(&path, None).expect("the old diary opens");
    assert_eq!(
        store.schema_version().expect("version"),
        migrations::LATEST as i64
    );
    assert_eq!(migrations::LATEST, 6);
    let titles: Vec<String> = store
        .conn()
        .prepare("SELECT title FROM entry")
        .expect("a query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("titles");
    assert_eq!(titles, vec!["Quiet day".to_string()]);
    for table in [
        "reflective_account",
        "cpd_activity",
        "practice_feedback",
        "reflective_discussion",
    ] {
        let n: i64 = store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("the table is there");
        assert_eq!(n, 0, "{table}");
    }
    let entry_id: i64 = store
        .conn()
        .query_row("SELECT id FROM entry WHERE uid = 'old-1'", [], |r| r.get(0))
        .expect("the old entry");
    let id = store
        .add_account(&account(Some(entry_id)))
        .expect("an account");
    let stored = store.accounts().expect("accounts");
    assert_eq!(stored.len(), 1);
    assert_eq!((stored[0].id, stored[0].entry_id), (id, Some(entry_id)));
    assert_eq!(stored[0].answers["what-learnt"], "To pause first.");
    assert_eq!(stored[0].themes, vec!["preserve-safety".to_string()]);
    // Deleting the entry keeps the account, without its link.
    store.delete_entry(entry_id).expect("delete the entry");
    assert_eq!(store.accounts().expect("accounts")[0].entry_id, None);
}

#[test]
fn an_account_from_an_entry_that_is_not_there_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_or_create(&dir.path().join("d.db"), None).expect("a diary");
    assert!(matches!(
        store.add_account(&account(Some(99))),
        Err(StoreError::NoEntry(99))
    ));
    assert!(store.accounts().expect("accounts").is_empty());
}

#[test]
fn each_kind_is_added_listed_oldest_first_and_deleted() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open_or_create(&dir.path().join("d.db"), None).expect("a diary");
    let cpd = |on: &str| CpdActivity {
        id: 0,
        uid: String::new(),
        started_on: day(on),
        ended_on: Some(day(on)),
        hours: 2.5,
        participatory: true,
        method: "workshop".into(),
        topic: "perinatal mental health".into(),
        themes: vec!["practise-effectively".into()],
        learnt: Some("  ".into()),
        impact: Some("I ask sooner.".into()),
        impact_people: None,
        with_peer: true,
        note: None,
    };
    let late = store.add_cpd(&cpd("2026-05-01")).expect("cpd");
    let early = store.add_cpd(&cpd("2026-01-01")).expect("cpd");
    let listed = store.cpd().expect("cpd");
    assert_eq!(
        listed.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![early, late]
    );
    assert_eq!(listed[0].learnt, None, "blank text is not kept");
    assert_eq!(listed[0].impact.as_deref(), Some("I ask sooner."));
    assert!(listed[0].participatory && listed[0].with_peer);
    assert_eq!(listed[0].hours, 2.5);
    store.delete_cpd(early).expect("delete");
    assert!(matches!(
        store.delete_cpd(early),
        Err(StoreError::NoRecord { id, .. }) if id == early
    ));
    assert_eq!(store.cpd().expect("cpd").len(), 1);

    let f = store
        .add_feedback(&Feedback {
            id: 0,
            uid: String::new(),
            received_on: day("2026-02-02"),
            source: "family".into(),
            summary: "They felt listened to.".into(),
            reflection: None,
        })
        .expect("feedback");
    assert_eq!(store.feedback().expect("feedback")[0].source, "family");
    store.delete_feedback(f).expect("delete");
    assert!(store.feedback().expect("feedback").is_empty());

    let d = store
        .add_discussion(&Discussion {
            id: 0,
            uid: String::new(),
            held_on: day("2026-04-04"),
            partner_name: "Sam Lee".into(),
            partner_pin: "12A3456B".into(),
            note: Some("Talked through all five.".into()),
        })
        .expect("discussion");
    let listed = store.discussions().expect("discussions");
    assert_eq!(
        (listed[0].partner_pin.as_str(), listed[0].held_on),
        ("12A3456B", day("2026-04-04"))
    );
    store.delete_discussion(d).expect("delete");
    assert!(matches!(
        store.delete_discussion(d),
        Err(StoreError::NoRecord { .. })
    ));
}
