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
    // Pages spread over the middle half of the file, so the damage reaches the
    // entries' own pages whatever order the tables were laid out in.
    let mut bytes = fs::read(db(&d)).expect("the diary"); // ok: test
    let pages = bytes.len() / 4096;
    for k in 0..16 {
        let at = (pages / 4 + k * pages / 32) * 4096 + 100;
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

/// Runs `args` and stops it with `signal` after growing delays, a quarter of a
/// millisecond apart, until a stop lands while the file is being written; then nothing
/// half-written may be left in `out`, and what is there is whole. A fast machine
/// writes in a few milliseconds, so a sweep that reaches the end of the write without
/// landing one starts again (timing varies from run to run), a few times.
///
/// The child starts with the stop's default action, as a program run at a terminal
/// does: a test run started in the background by a non-interactive shell (or under
/// `nohup`) ignores SIGINT, and a child would inherit that and never stop before
/// Lantern's own handler is set.
fn stop_mid_write(d: &Diary, args: &[&str], out: &Path, signal: i32, whole: impl Fn(&Path)) {
    use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
    let target = out.join(args.last().expect("a target")); // ok: test
    let target_text = target.to_string_lossy().into_owned();
    let mut full: Vec<&str> = args.to_vec();
    *full.last_mut().expect("a target") = &target_text; // ok: test
    for _sweep in 0..8 {
        for step in 0..2000u64 {
            let _ = fs::remove_file(&target);
            let mut command = d.command(&full);
            // SAFETY: signal(2) is async-signal-safe, as code between fork and exec
            // must be.
            unsafe {
                command.pre_exec(move || {
                    libc::signal(signal, libc::SIG_DFL);
                    Ok(())
                });
            }
            let mut child = command.spawn().expect("lantern starts"); // ok: test
            std::thread::sleep(std::time::Duration::from_micros(step * 250));
            // SAFETY: a plain kill(2) of the child just started.
            unsafe { libc::kill(child.id() as i32, signal) };
            let status = child.wait().expect("lantern ends"); // ok: test
            let names = names_in(out);
            let leftover: Vec<&String> = names
                .iter()
                .filter(|n| **n != target_text.rsplit('/').next().unwrap_or_default())
                .collect(); // ok: test
            assert!(
                leftover.is_empty(),
                "{args:?} after {step} steps left {leftover:?}"
            );
            if target.exists() {
                whole(&target);
            }
            match status.code() {
                Some(code) if code == 128 + signal && !target.exists() => return,
                // Done before the stop: this sweep has passed the write.
                Some(0) => break,
                Some(code) if code == 128 + signal => {}
                // Stopped before Lantern was listening: the shell's own ending.
                None => assert_eq!(status.signal(), Some(signal)),
                Some(code) => panic!("{args:?} ended with {code}"),
            }
        }
    }
    panic!("{args:?}: no stop landed while it was writing");
}

#[test]
fn a_stopped_export_or_backup_leaves_no_half_written_file_behind() {
    let d = big_diary();
    let entries = 7300;
    let out = d.folder("stopped");
    stop_mid_write(
        &d,
        &["export", "-o", "x.json"],
        &out,
        libc::SIGINT,
        |file| {
            let text = fs::read_to_string(file).expect("the export"); // ok: test
            let value: serde_json::Value = serde_json::from_str(&text).expect("whole JSON"); // ok: test
            assert_eq!(value["entries"].as_array().map(Vec::len), Some(entries));
        },
    );
    let md = ["export", "--format", "markdown", "-o", "x.md"];
    stop_mid_write(&d, &md, &out, libc::SIGTERM, |file| {
        let text = fs::read_to_string(file).expect("the export"); // ok: test
        assert!(text.contains(&format!("Entry {}.", entries - 1)), "whole");
    });
    stop_mid_write(&d, &["backup", "b.db"], &out, libc::SIGINT, |file| {
        let size = fs::metadata(file).expect("the backup").len(); // ok: test
        assert_eq!(size, fs::metadata(db(&d)).expect("the diary").len()); // ok: test
    });
}
