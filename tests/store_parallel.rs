//! Many connections at once: diaries opened on parallel threads (SQLCipher's process-wide
//! logging once raced here and crashed the process), and writers that must all land
//! however many of them there are.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::thread;

use chrono::{DateTime, Duration, FixedOffset};

use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::entry::Entry;
use lantern::domain::practice::PracticeRecord;
use lantern::store::{PracticeFilter, Store};

/// A raw 256-bit key: SQLCipher uses it as it is, without the slow key derivation, so
/// an encrypted diary can be opened hundreds of times in a test.
const RAW_KEY: &str = "x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'";

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-01T09:00:00+00:00").expect("a valid time")
}

fn new_diary(encrypted: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    if encrypted {
        Store::create_encrypted(&path, RAW_KEY).expect("a new encrypted diary");
    } else {
        Store::open_or_create(&path, None).expect("a new diary");
    }
    (dir, path)
}

fn opens_and_queries_from_eight_threads(encrypted: bool) {
    let (_dir, path) = new_diary(encrypted);
    let key = encrypted.then_some(RAW_KEY);
    let barrier = Arc::new(Barrier::new(8));
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (path, barrier) = (path.clone(), Arc::clone(&barrier));
            thread::spawn(move || {
                for _ in 0..200 {
                    barrier.wait();
                    let store = Store::open(&path, key).expect("the diary opens");
                    assert_eq!(store.count_entries().expect("a count"), 0);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("no thread panicked");
    }
}

#[test]
fn a_plaintext_diary_opens_on_eight_threads_at_once_two_hundred_times() {
    opens_and_queries_from_eight_threads(false);
}

#[test]
fn an_encrypted_diary_opens_on_eight_threads_at_once_two_hundred_times() {
    opens_and_queries_from_eight_threads(true);
}

/// Runs `write(store, writer, n)` for n in 0..100 on four threads, each with its own
/// connection, all starting together.
fn four_writers(path: &Path, write: fn(&mut Store, usize, usize)) {
    let barrier = Arc::new(Barrier::new(4));
    let workers: Vec<_> = (0..4)
        .map(|writer| {
            let (path, barrier) = (path.to_path_buf(), Arc::clone(&barrier));
            thread::spawn(move || {
                let mut store = Store::open(&path, None).expect("the diary opens");
                barrier.wait();
                for n in 0..100 {
                    write(&mut store, writer, n);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("every write worked");
    }
}

#[test]
fn four_writers_of_entries_lose_nothing() {
    let (_dir, path) = new_diary(false);
    four_writers(&path, |store, writer, n| {
        let at = start() + Duration::minutes((writer * 100 + n) as i64);
        let entry = Entry {
            id: 0,
            uid: format!("w{writer}-{n}"),
            template_id: None,
            title: format!("Entry {n} from writer {writer}"),
            body: "Steady words.".into(),
            answers: Vec::new(),
            tags: vec!["parallel".into()],
            created: at,
            updated: at,
        };
        store.add_entry(&entry).expect("the entry is saved");
    });
    let store = Store::open(&path, None).expect("the diary opens");
    assert_eq!(store.count_entries().expect("a count"), 400);
}

#[test]
fn four_writers_of_check_ins_lose_nothing() {
    let (_dir, path) = new_diary(false);
    four_writers(&path, |store, writer, n| {
        let checkin = CheckIn {
            uid: format!("c{writer}-{n}"),
            kind: CheckInKind::Daily,
            at: start() + Duration::minutes((writer * 100 + n) as i64),
            pleasantness: 5,
            energy: 5,
            stress: 5,
            system: None,
            words: Vec::new(),
            tags: Vec::new(),
            note: None,
            good_moment: None,
        };
        store.add_checkin(&checkin).expect("the check-in is saved");
    });
    let store = Store::open(&path, None).expect("the diary opens");
    let all = store
        .list_checkins(&Default::default())
        .expect("the check-ins");
    assert_eq!(all.len(), 400);
}

#[test]
fn four_writers_of_plan_sections_keep_every_version() {
    let (_dir, path) = new_diary(false);
    four_writers(&path, |store, writer, n| {
        let at = start() + Duration::minutes((writer * 100 + n) as i64);
        store
            .set_plan_section("values", &format!("version {writer}-{n}"), at)
            .expect("the section is saved");
    });
    let store = Store::open(&path, None).expect("the diary opens");
    let history: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM plan_history", [], |r| r.get(0))
        .expect("a count");
    // One current version and every one it replaced.
    assert_eq!(history + 1, 400);
}

#[test]
fn four_writers_of_practice_logs_lose_nothing() {
    let (_dir, path) = new_diary(false);
    four_writers(&path, |store, writer, n| {
        let record = PracticeRecord {
            uid: format!("p{writer}-{n}"),
            item_ref: "exercise:soothing-breathing".into(),
            at: start() + Duration::minutes((writer * 100 + n) as i64),
            minutes: 1.0,
            note: None,
        };
        store.log_practice(&record).expect("the practice is logged");
    });
    let store = Store::open(&path, None).expect("the diary opens");
    let log = store
        .practice_log(&PracticeFilter::default())
        .expect("the log");
    assert_eq!(log.len(), 400);
}

#[test]
fn eight_lanterns_opening_an_older_diary_at_once_update_it_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lantern.db");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("a plain SQLite file");
        lantern::store::migrations::migrations()
            .to_version(&mut conn, 2)
            .expect("schema 2");
    }
    let barrier = Arc::new(Barrier::new(8));
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (path, barrier) = (path.clone(), Arc::clone(&barrier));
            thread::spawn(move || {
                barrier.wait();
                Store::open(&path, None).map(|_| ())
            })
        })
        .collect();
    for worker in workers {
        let opened = worker.join().expect("no thread panicked");
        assert!(opened.is_ok(), "{opened:?}");
    }
    let backups = std::fs::read_dir(dir.path())
        .expect("the folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(backups, 1);
    let store = Store::open(&path, None).expect("the diary opens");
    assert_eq!(
        store.schema_version().expect("a version"),
        lantern::store::migrations::LATEST as i64
    );
}
