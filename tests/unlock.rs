//! `lantern unlock` and `lantern lock`: an encrypted diary opens without its passphrase
//! while its key is kept in the session keyring, and asks again once the time is up,
//! after `lock`, or when the kept key no longer opens it. The key is never on disk.
//!
//! Every test here uses a diary of its own (the keyring entry is named by the diary's
//! path, so tests never share one) and locks it again at the end, even on failure.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::cli::{bin, Diary};
use support::{CleanEnv, Run};

const PASS: &str = "correct horse";
const ASKS: &str = "a passphrase is needed to open it";

/// An encrypted diary with one entry, locked again when the test ends.
struct Locked {
    d: Diary,
}

impl Drop for Locked {
    fn drop(&mut self) {
        let _ = self.d.cmd().arg("lock").output();
    }
}

fn encrypted(passphrase: &str) -> Locked {
    let d = Diary::empty();
    Run::of(
        d.cmd()
            .env("LANTERN_NEW_PASSPHRASE", passphrase)
            .args(["init", "--encrypt"]),
    )
    .success();
    Run::of(
        d.cmd()
            .env("LANTERN_PASSPHRASE", passphrase)
            .arg("write")
            .write_stdin("A quokka at the window on the way back from a visit."),
    )
    .success();
    Locked { d }
}

/// `lantern ARGS` with no terminal to ask on and no LANTERN_PASSPHRASE, so a diary it
/// cannot open without asking fails at once instead of waiting for typing.
fn without_asking(d: &Diary, args: &[&str]) -> Run {
    let mut cmd = if Path::new("/usr/bin/setsid").exists() {
        let mut cmd = Command::new("/usr/bin/setsid");
        cmd.arg("-w").arg(bin());
        cmd
    } else {
        Command::new(bin())
    };
    cmd.clean_env();
    cmd.arg("--data-dir").arg(&d.dir).args(args);
    Run::of_output(cmd.output().expect("lantern runs"))
}

fn with_passphrase(d: &Diary, passphrase: &str, args: &[&str]) -> Run {
    Run::of(d.cmd().env("LANTERN_PASSPHRASE", passphrase).args(args))
}

/// Unlocks for `time`; false (with a notice) where the kernel keeps no keys, so the
/// test can stop there: everything else works as before, which other tests cover.
fn unlock(d: &Diary, time: &str) -> bool {
    let run = with_passphrase(d, PASS, &["unlock", "--for", time]);
    if run.stderr.contains("keyring is not available") {
        eprintln!("skipping: {}", run.stderr.trim());
        return false;
    }
    let run = run.success();
    assert!(
        run.stdout.contains("Your diary stays open for"),
        "{}",
        run.stdout
    );
    true
}

/// Whether a key is kept for the diary (this test shares its login session's keyring
/// with the runs it starts).
fn kept(d: &Diary) -> bool {
    lantern::host::keyring::find(&d.db()).is_some()
}

#[track_caller]
fn opens_without_asking(d: &Diary) {
    let run = without_asking(d, &["search", "quokka"]).success();
    assert!(run.stdout.contains("quokka"), "{}", run.stdout);
}

#[track_caller]
fn asks(d: &Diary) {
    let run = without_asking(d, &["search", "quokka"]).one_line_error();
    assert!(run.stderr.contains(ASKS), "{}", run.stderr);
}

#[test]
fn unlocked_commands_need_no_passphrase_until_lock() {
    let l = encrypted(PASS);
    asks(&l.d);
    if !unlock(&l.d, "5m") {
        return;
    }
    opens_without_asking(&l.d);
    without_asking(&l.d, &["list"]).success();
    let locked = without_asking(&l.d, &["lock"]).success();
    assert_eq!(
        locked.stdout.trim(),
        "Locked. Your diary asks for its passphrase again."
    );
    asks(&l.d);
    let again = without_asking(&l.d, &["lock"]).success();
    assert_eq!(
        again.stdout.trim(),
        "Nothing was unlocked, so your diary already asks for its passphrase."
    );
}

#[test]
fn the_kernel_forgets_the_key_when_the_time_is_up() {
    let l = encrypted(PASS);
    if !unlock(&l.d, "2s") {
        return;
    }
    opens_without_asking(&l.d);
    std::thread::sleep(Duration::from_millis(3000));
    asks(&l.d);
}

#[test]
fn a_wrong_passphrase_at_unlock_says_so_and_keeps_nothing() {
    let l = encrypted(PASS);
    let run = with_passphrase(&l.d, "battery staple", &["unlock", "--for", "5m"]).one_line_error();
    assert_eq!(
        run.stderr.trim(),
        "lantern: That passphrase does not open this diary."
    );
    assert!(!kept(&l.d));
    asks(&l.d);
    let doctor = without_asking(&l.d, &["doctor"]).stdout;
    assert!(doctor.contains("Unlocked:          no"), "{doctor}");
}

#[test]
fn changing_the_passphrase_forgets_the_kept_key() {
    let l = encrypted(PASS);
    if !unlock(&l.d, "5m") {
        return;
    }
    let changed = Run::of(
        l.d.cmd()
            .env("LANTERN_PASSPHRASE", PASS)
            .env("LANTERN_NEW_PASSPHRASE", "battery staple")
            .arg("passphrase"),
    )
    .success();
    assert!(
        changed.stdout.contains("Passphrase changed.") && changed.stdout.contains("locked now"),
        "{}",
        changed.stdout
    );
    assert!(!kept(&l.d));
    asks(&l.d);
    with_passphrase(&l.d, "battery staple", &["search", "quokka"]).success();
}

#[test]
fn a_kept_key_that_no_longer_opens_the_diary_is_dropped_and_the_passphrase_asked_for() {
    let l = encrypted(PASS);
    if !unlock(&l.d, "5m") {
        return;
    }
    // Another encrypted diary takes this one's place, as a restored copy might.
    let other = encrypted("battery staple");
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", l.d.db().display()));
    }
    fs::copy(other.d.db(), l.d.db()).expect("copy the other diary over");
    assert!(kept(&l.d));
    asks(&l.d);
    assert!(!kept(&l.d), "the search that could not use it forgot it");
    let doctor = without_asking(&l.d, &["doctor"]).stdout;
    assert!(doctor.contains("Unlocked:          no"), "{doctor}");
    with_passphrase(&l.d, "battery staple", &["search", "quokka"]).success();
}

#[test]
fn two_diaries_never_share_a_kept_key() {
    // The same passphrase, even: each diary has its own salt, and its own entry.
    let a = encrypted(PASS);
    let b = encrypted(PASS);
    if !unlock(&a.d, "5m") {
        return;
    }
    opens_without_asking(&a.d);
    assert!(kept(&a.d) && !kept(&b.d));
    asks(&b.d);
    assert!(without_asking(&b.d, &["lock"])
        .success()
        .stdout
        .starts_with("Nothing was unlocked"));
    opens_without_asking(&a.d);
}

#[test]
fn a_time_that_is_not_one_is_a_single_line_before_any_passphrase_is_asked() {
    let l = encrypted(PASS);
    for (time, says) in [
        (
            "abc",
            "`abc` is not a length of time; write it as 30s, 15m or 2h (at most 12h)",
        ),
        ("15x", "`15x` is not a length of time"),
        ("", "`` is not a length of time"),
        ("0s", "`0s` would not keep the diary open at all"),
        (
            "13h",
            "`13h` is longer than Lantern keeps a diary open; the most is 12h",
        ),
        ("\u{1b}[31m", "is not a length of time"),
    ] {
        let run = without_asking(&l.d, &["unlock", "--for", time]).one_line_error();
        assert!(
            run.stderr.starts_with("lantern: --for: ") && run.stderr.contains(says),
            "{time:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    }
    asks(&l.d);
}

#[test]
fn unlock_minutes_sets_how_long_and_a_typo_in_it_is_named() {
    let l = encrypted(PASS);
    fs::write(l.d.dir.join("config.toml"), "unlock_minutes = 1\n").expect("config");
    let run = with_passphrase(&l.d, PASS, &["unlock"]);
    if run.stderr.contains("keyring is not available") {
        return;
    }
    let run = run.success();
    assert!(
        run.stdout.contains("stays open for 1 minute (until"),
        "{}",
        run.stdout
    );
    fs::write(l.d.dir.join("config.toml"), "unlock_minute = 30\n").expect("config");
    let run = with_passphrase(&l.d, PASS, &["unlock"]).success();
    assert_eq!(
        run.stderr.trim(),
        "lantern: warning: config.toml line 1: unlock_minute is not a setting; did you mean unlock_minutes? Ignoring it."
    );
    assert!(
        run.stdout.contains("stays open for 15 minutes"),
        "{}",
        run.stdout
    );
    fs::write(l.d.dir.join("config.toml"), "unlock_minutes = \"soon\"\n").expect("config");
    let run = without_asking(&l.d, &["lock"]).success();
    assert_eq!(
        run.stderr.trim(),
        "lantern: warning: config.toml line 1: unlock_minutes: expected a whole number of minutes up to 720, not \"soon\". Leaving it off."
    );
}

#[test]
fn a_diary_without_a_passphrase_has_nothing_to_unlock() {
    let d = Diary::new();
    let run = without_asking(&d, &["unlock", "--for", "5m"]).success();
    assert_eq!(
        run.stdout.trim(),
        "This diary has no passphrase, so there is nothing to unlock."
    );
}

#[test]
fn doctor_says_until_when_and_looks_inside_with_the_kept_key() {
    let l = encrypted(PASS);
    if !unlock(&l.d, "5m") {
        return;
    }
    let doctor = without_asking(&l.d, &["doctor"]).success().stdout;
    assert!(
        doctor.contains("Unlocked:          yes, until "),
        "{doctor}"
    );
    assert!(doctor.contains("Entries:           1"), "{doctor}");
    let key = key_of(&l.d);
    assert!(!doctor.contains(&key.hex), "doctor showed the key");
}

/// The diary's key, derived here as Lantern derives it: the raw bytes and their hex.
struct KeyMaterial {
    raw: Vec<u8>,
    hex: String,
}

fn key_of(d: &Diary) -> KeyMaterial {
    let key = lantern::store::RawKey::derive(&d.db(), PASS).expect("derive the key");
    // It is the diary's key: it opens the diary, with no derivation.
    lantern::store::Store::open(&d.db(), Some(&key.as_key_text())).expect("the key opens it");
    let raw = key.as_bytes()[..32].to_vec();
    let hex = raw.iter().map(|b| format!("{b:02x}")).collect();
    KeyMaterial { raw, hex }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = fs::read_dir(dir) else {
        return;
    };
    for entry in read.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => files_under(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn no_byte_of_the_key_reaches_the_disk_and_the_environment_carries_nothing() {
    let l = encrypted(PASS);
    let home = l.d.scratch("home");
    let runtime = l.d.scratch("runtime");
    let tmp = l.d.scratch("tmp");
    for dir in [&home, &runtime, &tmp] {
        fs::create_dir_all(dir).expect("a folder");
    }
    let places = |cmd: &mut assert_cmd::Command| {
        cmd.env("HOME", &home)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("TMPDIR", &tmp);
    };
    let mut unlock = l.d.cmd();
    places(&mut unlock);
    let run = Run::of(
        unlock
            .env("LANTERN_PASSPHRASE", PASS)
            .args(["unlock", "--for", "5m"]),
    );
    if run.stderr.contains("keyring is not available") {
        return;
    }
    run.success();
    // Later commands get nothing from the environment but where things are: the key
    // can only have come from the keyring.
    for args in [
        &["search", "quokka"][..],
        &["checkin", "-p", "5", "-e", "5", "-s", "5"],
        &["list"],
        &["doctor"],
        &["export", "--format", "json", "-o"],
    ] {
        let mut cmd = Command::new(bin());
        cmd.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("TZ", "UTC")
            .env("HOME", &home)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("TMPDIR", &tmp)
            .arg("--data-dir")
            .arg(&l.d.dir)
            .args(args);
        if args[0] == "export" {
            cmd.arg(l.d.scratch("tmp/export.json"));
        }
        let out = cmd
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let key = key_of(&l.d);
    let mut files = Vec::new();
    files_under(l.d.tmp.path(), &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("lantern.db")),
        "the scan sees the diary: {files:?}"
    );
    for file in files {
        let bytes = fs::read(&file).expect("read a file");
        assert!(
            !contains(&bytes, &key.raw),
            "the raw key is in {}",
            file.display()
        );
        for hex in [key.hex.clone(), key.hex.to_uppercase()] {
            assert!(
                !contains(&bytes, hex.as_bytes()),
                "the key in hex is in {}",
                file.display()
            );
        }
    }
}

#[test]
fn a_backup_made_while_unlocked_opens_with_the_passphrase() {
    let l = encrypted(PASS);
    if !unlock(&l.d, "5m") {
        return;
    }
    let copy = l.d.scratch("copy.db");
    with_passphrase(&l.d, PASS, &["backup", copy.to_str().expect("utf-8")]).success();
    let store = lantern::store::Store::open(&copy, Some(PASS)).expect("the copy opens");
    assert_eq!(store.count_entries().expect("count"), 1);
}

// ---------------------------------------------------------------------------------------
// The app

#[test]
fn the_unlock_screen_says_first_how_long_the_diary_will_stay_open() {
    use lantern::tui::app::Screen;
    use lantern::tui::screens::unlock::Unlock;
    let config = lantern::config::Config {
        unlock_minutes: Some(30),
        ..Default::default()
    };
    let mut app = support::tui::app_with_config(config);
    app.screen = Screen::Unlock(Unlock::new());
    let [small, _] = support::tui::snapshots("unlock_keeps_30_minutes", &app, |name, frame| {
        insta::assert_snapshot!(name, frame)
    });
    assert!(
        small.contains("It will stay open for 30 minutes, as your settings ask."),
        "{small}"
    );
    // Without the setting the screen says nothing of the kind.
    let mut plain = support::tui::app();
    plain.screen = Screen::Unlock(Unlock::new());
    assert!(!support::tui::drawn_text(&plain, 80, 24).contains("stay open"));
}

/// The e2e diary (the binary under test, as CI builds it), encrypted with one entry,
/// locked again when the test ends.
struct LockedApp {
    d: support::e2e::Diary,
}

impl Drop for LockedApp {
    fn drop(&mut self) {
        let _ = self.d.command(&["lock"]).output();
    }
}

fn encrypted_for_the_app() -> LockedApp {
    let d = support::e2e::Diary::fresh();
    d.cli_ok_with(&["init", "--encrypt"], "LANTERN_NEW_PASSPHRASE", PASS);
    d.cli_ok_with(
        &["checkin", "-p", "6", "-e", "5", "-s", "3"],
        "LANTERN_PASSPHRASE",
        PASS,
    );
    let mut write = d
        .command(&["write", "--title", "Quokka"])
        .env("LANTERN_PASSPHRASE", PASS)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("lantern runs");
    std::io::Write::write_all(
        &mut write.stdin.take().expect("stdin"),
        b"A quokka at the window.",
    )
    .expect("write to lantern");
    assert!(write.wait().expect("lantern ends").success());
    LockedApp { d }
}

#[test]
fn after_lantern_unlock_the_app_opens_on_today_without_asking() {
    use support::tmux::{require_tmux, App, TODAY_FOOTER, WAIT};
    require_tmux!();
    let l = encrypted_for_the_app();
    let run =
        l.d.cli_env(&["unlock", "--for", "5m"], "LANTERN_PASSPHRASE", PASS);
    if run.stderr.contains("keyring is not available") {
        return;
    }
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let app = App::launch(&l.d, "unlock-kept");
    let screen = app.wait_for_within(TODAY_FOOTER, WAIT);
    assert!(!screen.contains("Your diary is protected."), "{screen}");
    // Search runs on its own connection, which takes the kept key too.
    app.keys(&["/"]);
    app.type_text("quokka");
    app.wait_for("window");
    app.escape();
    app.quit_from_today();
    l.d.cli_ok(&["lock"]);
    let mut app = app;
    app.relaunch();
    app.wait_for("Your diary is protected.");
    app.keys(&["Escape"]);
    app.wait_exit().assert_clean();
}

#[test]
fn with_unlock_minutes_the_app_keeps_the_diary_open_after_the_passphrase() {
    use support::tmux::{require_tmux, App, WAIT_KDF};
    require_tmux!();
    let l = encrypted_for_the_app();
    fs::write(l.d.dir().join("config.toml"), "unlock_minutes = 10\n").expect("config");
    let app = App::launch(&l.d, "unlock-minutes");
    app.wait_for("It will stay open for 10 minutes, as your settings ask.");
    app.type_text(PASS);
    app.keys(&["Enter"]);
    let screen = app.wait_for_within("stays open until", WAIT_KDF);
    if screen.contains("could not keep your diary open") {
        return;
    }
    app.quit_from_today();
    // The command line, in another terminal of the same login, needs no passphrase.
    let doctor = l.d.cli_ok(&["doctor"]);
    assert!(
        doctor.contains("Unlocked:          yes, until "),
        "{doctor}"
    );
    let list = l.d.cli_ok(&["list", "--checkins"]);
    assert!(list.contains("pleasant  6"), "{list}");
}
