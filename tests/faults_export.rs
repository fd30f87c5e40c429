//! Exports and backups of a big diary when things go wrong: a damaged file is never
//! exported as if whole, and an interrupted export or backup leaves no plaintext
//! behind.

mod support;

use std::fs;
use std::path::Path;

use support::e2e::Diary;

/// A diary of ten years' entries, a few thousand pages of file.
fn big_diary() -> Diary {
    let d = Diary::initialised();
    let mut lines = String::new();
    let filler = "A long day of visits, and a quiet hour after to write it down. ".repeat(16);
    for n in 0..7300 {
        let day = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date") // ok: test
            + chrono::Duration::days(n / 2);
        let hour = if n % 2 == 0 { 8 } else { 20 };
        lines.push_str(&format!(
            "{{\"ts\": \"{day}T{hour:02}:15:00\", \"title\": \"Day {n}\", \"body\": \"Entry {n}. {filler}\", \"tags\": []}}\n"
        ));
    }
    d.import("ten-years.jsonl", &lines);
    d
}

fn db(d: &Diary) -> std::path::PathBuf {
    d.dir().join("lantern.db")
}

/// The files in `dir`, by name.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder") // ok: test
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_export_of_a_diary_with_damaged_pages_says_what_it_left_out() {
    let d = big_diary();
    {
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(db(&d))
            .expect("the diary"); // ok: test
        use std::io::{Seek as _, SeekFrom, Write as _};
        let pages = file.metadata().expect("size").len() / 4096; // ok: test
        assert!(pages > 2600, "the diary is big enough: {pages} pages");
        // The table's root among them: SQLite can then read the rows through an
        // index as none at all, and say nothing.
        for page in [3u64, 5, 800, 1700, 2500] {
            file.seek(SeekFrom::Start(page * 4096 + 10)).expect("seek"); // ok: test
            file.write_all(&[0xff; 200]).expect("write"); // ok: test
        }
    }
    let out = d.folder("out");
    for format in ["json", "markdown"] {
        let file = out.join(format!("y.{format}"));
        let path = file.to_str().expect("utf-8"); // ok: test
        for run in [
            d.cli(&["export", "--format", format]),
            d.cli(&["export", "--format", format, "-o", path]),
        ] {
            assert!(
                run.stderr
                    .contains("of the diary's records could not be read (the diary is damaged)"),
                "{format}: {}",
                run.stderr
            );
            assert!(!run.stderr.contains("Exported to"), "{}", run.stderr);
            // Nothing in the export is passed off as the whole diary: each record it
            // had to leave out is counted.
            let count: usize = run
                .stderr
                .split("lantern: ")
                .nth(1)
                .and_then(|s| s.split(' ').next())
                .and_then(|n| n.parse().ok())
                .expect("a count"); // ok: test
            let exported = fs::read_to_string(&file).unwrap_or_default();
            let held = exported
                .matches("Entry ")
                .count()
                .max(run.stdout.matches("Entry ").count());
            assert!(
                count + held >= 7300,
                "{format}: {count} left out, {held} held"
            );
        }
    }
    assert_eq!(names_in(&out), ["y.json", "y.markdown"]);
}

#[test]
fn an_export_of_a_diary_with_garbled_pages_warns_that_it_may_be_garbled() {
    let d = big_diary();
    let mut bytes = fs::read(db(&d)).expect("the diary"); // ok: test
    let middle = bytes.len() / 2;
    for k in 0..4 {
        let at = middle + k * 4096 + 100;
        for b in &mut bytes[at..at + 64] {
            *b ^= 0xff;
        }
    }
    fs::write(db(&d), bytes).expect("the damaged diary"); // ok: test
    let file = d.folder("out").join("z.json");
    let run = d.cli(&["export", "-o", file.to_str().expect("utf-8")]); // ok: test
    assert!(
        run.stderr.contains("the diary's file is damaged")
            || run
                .stderr
                .contains("could not be read (the diary is damaged)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_backup_onto_a_full_disk_names_where_it_was_going_not_the_diary() {
    use support::disk::require_full_disk;
    require_full_disk!(disk, 1024);
    let d = big_diary();
    let run = d.cli(&["backup", disk.path.to_str().expect("utf-8")]); // ok: test
    run.plain_failure("The disk is full where the backup was going");
    assert!(
        run.stderr.contains(&*disk.path.to_string_lossy()),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("write to the diary"), "{}", run.stderr);
    assert_eq!(names_in(&disk.path), Vec::<String>::new());
}
