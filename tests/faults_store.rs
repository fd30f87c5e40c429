//! The diary's file under attack, through the real binary: missing, empty, truncated,
//! bit-flipped and foreign files; empty and wrong passphrases; a diary locked by
//! another writer, read-only, readable by others, or on a full disk; a failed update.
//! Each gets one plain line and loses nothing.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use support::disk::require_full_disk;
use support::e2e::{self, Diary};
use support::{mode, CleanEnv, Run};

/// A diary with `n` entries and a check-in, each entry holding a marker word that
/// must never appear in an error.
fn diary_with(n: usize) -> Diary {
    let diary = Diary::initialised();
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{{\"ts\":\"2025-{:02}-{:02}T08:00\",\"title\":\"Day {i}\",\"body\":\"privateword number {i} {}\",\"tags\":[\"work\"]}}\n",
                i % 12 + 1,
                i % 28 + 1,
                "and some more words to fill a page ".repeat(8)
            )
        })
        .collect();
    diary.import("entries.jsonl", &lines);
    diary.cli_ok(&[
        "checkin",
        "-p",
        "5",
        "-e",
        "5",
        "-s",
        "5",
        "--note",
        "privateword",
    ]);
    diary
}

fn db(diary: &Diary) -> std::path::PathBuf {
    diary.dir().join("lantern.db")
}

fn no_diary_text(text: &str) {
    assert!(!text.contains("privateword"), "diary text in:\n{text}");
}

#[test]
fn a_mistyped_data_dir_says_where_it_looked_and_creates_nothing() {
    let diary = Diary::fresh();
    for args in [
        &["list"][..],
        &["checkin", "-p", "5", "-e", "5", "-s", "5"],
        &["search", "x"],
    ] {
        diary.cli(args).plain_failure("There is no diary at");
    }
    assert!(
        !diary.dir().exists(),
        "a folder was created for a mistyped path"
    );
}

#[test]
fn a_zero_byte_diary_is_reported_and_left_alone() {
    let diary = Diary::fresh();
    fs::create_dir_all(diary.dir()).expect("folder");
    fs::write(db(&diary), b"").expect("an empty file");
    diary
        .cli(&["checkin", "-p", "5", "-e", "5", "-s", "5"])
        .plain_failure("is empty (0 bytes)");
    assert_eq!(fs::metadata(db(&diary)).expect("still there").len(), 0);
    // Starting afresh over it is a choice, made with init.
    diary.cli_ok(&["init"]);
    diary.cli_ok(&["checkin", "-p", "5", "-e", "5", "-s", "5"]);
}

#[test]
fn a_text_file_is_not_a_diary_not_an_encrypted_one() {
    let diary = Diary::fresh();
    fs::create_dir_all(diary.dir()).expect("folder");
    fs::write(db(&diary), "{\"entries\": []}\n".repeat(200)).expect("a text file");
    diary.cli(&["list"]).plain_failure("is not a Lantern diary");
    diary
        .cli_env(&["list"], "LANTERN_PASSPHRASE", "anything")
        .plain_failure("is not a Lantern diary");
    diary.cli(&["init"]).plain_failure("is not a Lantern diary");
}

#[test]
fn an_empty_passphrase_is_called_empty_once() {
    let diary = Diary::fresh();
    diary.cli_ok_with(&["init", "--encrypt"], "LANTERN_NEW_PASSPHRASE", "pw");
    diary
        .cli_env(&["list"], "LANTERN_PASSPHRASE", "")
        .plain_failure("The passphrase is empty");
    diary
        .cli_env(&["list"], "LANTERN_PASSPHRASE", "wrong")
        .plain_failure("That passphrase does not open this diary");
}

#[test]
fn a_truncated_diary_says_it_is_damaged_in_plain_words() {
    let diary = diary_with(300);
    let path = db(&diary);
    let size = fs::metadata(&path).expect("size").len();
    let file = fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    file.set_len(size / 2).expect("truncate");
    drop(file);
    let run = diary.cli(&["search", "privateword"]);
    no_diary_text(&run.stderr);
    if run.code != Some(0) {
        run.plain_failure("damaged");
    }
    let doctor = diary.cli(&["doctor"]);
    assert_eq!(doctor.code, Some(1), "{}{}", doctor.stdout, doctor.stderr);
    assert!(doctor.stdout.contains("damaged"), "{}", doctor.stdout);
    no_diary_text(&doctor.stdout);
}

/// Flips `count` bits spread over the file's pages after the first.
fn flip_bits(path: &Path, count: usize, seed: u64) {
    let mut bytes = fs::read(path).expect("the diary");
    let mut state = seed;
    for _ in 0..count {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let at = 4096 + (state >> 33) as usize % (bytes.len() - 4096);
        bytes[at] ^= 1 << ((state >> 29) % 8);
    }
    fs::write(path, bytes).expect("the damaged diary");
}

#[test]
fn a_bit_flipped_diary_still_exports_what_it_can_and_repair_saves_the_rest() {
    let mut found_damaged = 0;
    for seed in 1..=5u64 {
        let diary = diary_with(200);
        let path = db(&diary);
        let _ = diary.cli(&["list", "-n", "1"]); // checkpoints the log into the file
        flip_bits(&path, 20, seed);
        let damaged = fs::read(&path).expect("the damaged bytes");

        let export = diary.cli(&["export"]);
        no_diary_text(&export.stderr);
        if export.code == Some(0) {
            let json: serde_json::Value =
                serde_json::from_str(&export.stdout).expect("the export is whole JSON");
            assert!(json["entries"].as_array().is_some_and(|e| !e.is_empty()));
        } else {
            export.plain_failure("damaged");
        }

        let doctor = diary.cli(&["doctor"]);
        no_diary_text(&doctor.stdout);
        if doctor.code == Some(1) {
            found_damaged += 1;
        }

        let repair = diary.cli(&["repair"]);
        assert_eq!(
            repair.code,
            Some(0),
            "seed {seed}: {}{}",
            repair.stdout,
            repair.stderr
        );
        assert!(
            repair.stdout.contains("kept, unchanged"),
            "{}",
            repair.stdout
        );
        no_diary_text(&repair.stdout);
        let kept: Vec<_> = fs::read_dir(diary.dir())
            .expect("the folder")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
            .filter(|e| !e.file_name().to_string_lossy().ends_with("-wal"))
            .collect();
        assert_eq!(kept.len(), 1, "one damaged copy is kept");
        assert_eq!(
            fs::read(kept[0].path()).expect("the copy"),
            damaged,
            "kept unchanged"
        );

        let after = diary.cli(&["doctor"]);
        assert!(
            after.stdout.contains("Integrity:         ok"),
            "{}",
            after.stdout
        );
        let count = diary.cli_ok(&["list", "-n", "1000"]).lines().count();
        assert!(
            count >= 150,
            "seed {seed}: only {count} of 200 entries saved"
        );
        diary.cli_ok(&["checkin", "-p", "5", "-e", "5", "-s", "5"]);
    }
    assert!(
        found_damaged > 0,
        "no seed damaged the diary enough for doctor to see"
    );
}

#[test]
fn a_diary_locked_by_another_writer_waits_then_says_busy() {
    let diary = Diary::initialised();
    let conn = rusqlite::Connection::open(db(&diary)).expect("a second connection");
    conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO supervision (held_on, recorded_utc) VALUES ('2026-01-01', 'x');")
        .expect("holding the write lock");
    diary
        .cli(&["checkin", "-p", "5", "-e", "5", "-s", "5"])
        .plain_failure("The diary is busy");
    conn.execute_batch("COMMIT").expect("letting go");
    diary.cli_ok(&["checkin", "-p", "5", "-e", "5", "-s", "5"]);
}

#[test]
fn a_diary_readable_by_others_is_made_owner_only_and_doctor_warns_first() {
    let diary = diary_with(3);
    let path = db(&diary);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    let doctor = diary.cli(&["doctor"]);
    assert!(
        doctor.stdout.contains("File mode:         644  warning"),
        "{}",
        doctor.stdout
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    let (_, stderr) = diary.cli_ok_both(&["list"]);
    assert!(stderr.contains("now readable by you only"), "{stderr}");
    assert_eq!(mode(&path), 0o600);
    let (_, again) = diary.cli_ok_both(&["list"]);
    assert!(again.is_empty(), "said once, not every time: {again}");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| support::text(&o.stdout).trim() == "0")
}

/// Runs `lantern` as an unprivileged user when the test runs as root (root can write
/// anywhere, so a read-only folder means nothing to it).
fn as_reader(diary: &Diary, args: &[&str]) -> Run {
    let mut cmd = diary.command(args);
    if is_root() {
        let mut wrapped = Command::new("setpriv");
        wrapped
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(cmd.get_program())
            .args(cmd.get_args());
        for (key, value) in cmd.get_envs() {
            match value {
                Some(v) => wrapped.env(key, v),
                None => wrapped.env_remove(key),
            };
        }
        cmd = wrapped;
    }
    Run::of_output(cmd.output().expect("running lantern"))
}

#[test]
fn a_read_only_folder_still_lets_you_read_and_says_so() {
    let diary = diary_with(5);
    let dir = diary.dir();
    if is_root() {
        // The unprivileged reader must own the diary, as a person owns theirs.
        let chown = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(diary.root.path())
            .status()
            .expect("chown");
        assert!(chown.success());
        fs::set_permissions(diary.root.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).expect("chmod 500");

    let list = as_reader(&diary, &["list"]);
    assert_eq!(list.code, Some(0), "{}{}", list.stdout, list.stderr);
    assert!(list.stdout.contains("Day 4"), "{}", list.stdout);
    assert!(list.stderr.contains("only reading it"), "{}", list.stderr);
    let search = as_reader(&diary, &["search", "privateword"]);
    assert_eq!(search.code, Some(0), "{}", search.stderr);
    let export = as_reader(&diary, &["export"]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    assert!(export.stdout.contains("Day 3"));
    as_reader(&diary, &["checkin", "-p", "5", "-e", "5", "-s", "5"]).plain_failure("read-only");

    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).expect("chmod back");
}

#[test]
fn a_failed_update_is_one_line_and_retries_keep_one_backup() {
    let diary = Diary::fresh();
    fs::create_dir_all(diary.dir()).expect("folder");
    {
        let mut conn = rusqlite::Connection::open(db(&diary)).expect("a plain file");
        lantern::store::migrations::migrations()
            .to_version(&mut conn, 2)
            .expect("schema 2");
        // Something in the way of the next step: the update cannot complete.
        conn.execute_batch("CREATE TABLE supervision (x);")
            .expect("an obstacle");
    }
    for _ in 0..3 {
        let run = diary.cli(&["list"]);
        run.plain_failure("Could not update the diary");
    }
    let backups = fs::read_dir(diary.dir())
        .expect("folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .count();
    assert_eq!(backups, 1);
    let verbose = diary.cli(&["--verbose", "list"]);
    assert!(
        verbose.stderr.contains("the database said"),
        "{}",
        verbose.stderr
    );
}

#[test]
fn a_full_disk_keeps_the_diary_and_leaves_no_half_files() {
    require_full_disk!(disk, 1024);
    let diary = Diary {
        root: tempfile::tempdir_in(&disk.path).expect("a folder on the small disk"),
    };
    diary.cli_ok(&["init"]);
    diary.cli_ok(&[
        "checkin",
        "-p",
        "5",
        "-e",
        "5",
        "-s",
        "5",
        "--note",
        "privateword",
    ]);
    let export_path = disk.path.join("export.json");
    let backup_path = disk.path.join("backup.db");
    disk.fill();

    let big = "privateword ".repeat(8_000);
    let run = diary.cli(&["checkin", "-p", "5", "-e", "5", "-s", "5", "--note", &big]);
    run.plain_failure("The disk is full");
    no_diary_text(&run.stderr);

    let export = diary.cli(&["export", "-o", export_path.to_str().expect("utf-8")]);
    assert_ne!(export.code, Some(0));
    no_diary_text(&export.stderr);
    assert!(
        !export_path.exists(),
        "a truncated export was left under its name"
    );

    let backup = diary.cli(&["backup", backup_path.to_str().expect("utf-8")]);
    assert_ne!(backup.code, Some(0));
    assert!(
        !backup_path.exists(),
        "a half backup was left under its name"
    );

    let leftovers: Vec<_> = fs::read_dir(&disk.path)
        .expect("the disk")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");

    disk.free();
    let list = diary.cli_ok(&["list", "--checkins"]);
    assert_eq!(
        list.lines().count(),
        1,
        "the first check-in is kept:\n{list}"
    );
    diary.cli_ok(&["export", "-o", export_path.to_str().expect("utf-8")]);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&export_path).expect("the export"))
            .expect("a whole export");
    assert_eq!(json["checkins"].as_array().map(Vec::len), Some(1));
}

#[test]
fn four_terminals_writing_at_once_lose_nothing() {
    let diary = Diary::initialised();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (bin, dir) = (e2e::lantern_bin(), diary.dir());
            std::thread::spawn(move || {
                for i in 0..25 {
                    let mut child = Command::new(&bin)
                        .arg("--data-dir")
                        .arg(&dir)
                        .args(["write", "--title", &format!("w{w}-{i}")])
                        .clean_env()
                        .stdin(std::process::Stdio::piped())
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::piped())
                        .spawn()
                        .expect("lantern runs");
                    use std::io::Write as _;
                    child
                        .stdin
                        .take()
                        .expect("stdin")
                        .write_all(b"Steady words.\n")
                        .expect("written");
                    let out = child.wait_with_output().expect("lantern ends");
                    assert!(out.status.success(), "{}", support::text(&out.stderr));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("every write worked");
    }
    let listed = diary.cli_ok(&["list", "-n", "1000"]);
    assert_eq!(listed.lines().count(), 100, "{listed}");
}

#[test]
fn an_export_to_a_full_disk_through_a_redirect_says_so() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipping: no /dev/full here");
        return;
    }
    let diary = diary_with(3);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = diary
        .command(&["export"])
        .stdout(full)
        .output()
        .expect("running lantern");
    let run = Run::of_output(out);
    run.plain_failure("No space left");
    no_diary_text(&run.stderr);
}

/// Commands that replace the diary's file refuse while another Lantern has it open: it
/// would go on writing to the old file, and every word after would be lost.
#[test]
fn encrypt_repair_and_passphrase_wait_until_no_other_lantern_has_the_diary_open() {
    let diary = diary_with(3);
    let open = rusqlite::Connection::open(db(&diary)).expect("another Lantern");
    let _: i64 = open
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .expect("it reads");
    diary
        .cli_env(&["encrypt"], "LANTERN_NEW_PASSPHRASE", "pw")
        .plain_failure("open in another Lantern");
    diary
        .cli(&["repair"])
        .plain_failure("open in another Lantern");
    assert_eq!(
        support::text(&fs::read(db(&diary)).expect("the diary")[..15]),
        "SQLite format 3",
        "still the plaintext diary it was"
    );
    drop(open);
    diary.cli_ok_with(&["encrypt"], "LANTERN_NEW_PASSPHRASE", "pw");
    let open = rusqlite::Connection::open(db(&diary)).expect("another Lantern");
    open.pragma_update(None, "key", "pw").expect("keyed");
    let _: i64 = open
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .expect("it reads");
    diary
        .cli_env(&["passphrase"], "LANTERN_PASSPHRASE", "pw")
        .plain_failure("open in another Lantern");
}

/// An export never replaces a diary, even with --force: it would lose all the export
/// does not hold, and write an encrypted diary's words out in the clear.
#[test]
fn an_export_never_replaces_a_diary_even_with_force() {
    let diary = Diary::fresh();
    diary.cli_ok_with(&["init", "--encrypt"], "LANTERN_NEW_PASSPHRASE", "pw");
    diary.cli_ok_with(
        &[
            "checkin",
            "-p",
            "5",
            "-e",
            "5",
            "-s",
            "5",
            "--note",
            "privateword",
        ],
        "LANTERN_PASSPHRASE",
        "pw",
    );
    let before = fs::read(db(&diary)).expect("the diary");
    let target = db(&diary);
    let target = target.to_str().expect("utf-8");
    diary
        .cli_env(
            &["export", "--force", "-o", target],
            "LANTERN_PASSPHRASE",
            "pw",
        )
        .plain_failure("is a Lantern diary");
    assert_eq!(fs::read(db(&diary)).expect("the diary"), before);
    let missing = diary.root.path().join("no-such-folder").join("x.json");
    diary
        .cli_env(
            &["export", "-o", missing.to_str().expect("utf-8")],
            "LANTERN_PASSPHRASE",
            "pw",
        )
        .plain_failure("there is no folder");
}
