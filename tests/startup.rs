//! Start-up: SQLite, SQLCipher and OpenSSL start once, on whichever thread opens a diary
//! first, and every other thread waits for that rather than keying a half-started
//! SQLCipher; content built into the binary is the content the files say.

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Barrier};

use lantern::content;
use lantern::store::Store;

/// A raw key, so the child's eight opens skip the slow key derivation.
const RAW_KEY: &str = "x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'";

/// Run by `first_opens_on_eight_threads_at_once` in a fresh process, where nothing has
/// started SQLite yet: eight threads open the diaries at the same moment.
#[test]
#[ignore = "run by first_opens_on_eight_threads_at_once in a fresh process"]
fn child_opens_on_eight_threads() {
    let Some(dir) = std::env::var_os("LANTERN_TEST_STARTUP_DIR") else {
        return;
    };
    let dir = Path::new(&dir).to_path_buf();
    let barrier = Arc::new(Barrier::new(8));
    let workers: Vec<_> = (0..8)
        .map(|n| {
            let barrier = Arc::clone(&barrier);
            let dir = dir.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let (name, key) = if n % 2 == 0 {
                    ("secret.db", Some(RAW_KEY))
                } else {
                    ("plain.db", None)
                };
                let store = Store::open(&dir.join(name), key).expect("the diary opens");
                store.count_entries().expect("the diary reads")
            })
        })
        .collect();
    for worker in workers {
        assert_eq!(worker.join().expect("no thread panicked"), 0);
    }
}

#[test]
fn first_opens_on_eight_threads_at_once() {
    let dir = tempfile::tempdir().expect("a temp dir");
    Store::create_encrypted(&dir.path().join("secret.db"), RAW_KEY).expect("encrypted");
    Store::open_or_create(&dir.path().join("plain.db"), None).expect("plain");
    for _ in 0..5 {
        let out = Command::new(std::env::current_exe().expect("this test binary"))
            .args(["--exact", "child_opens_on_eight_threads", "--ignored"])
            .env("LANTERN_TEST_STARTUP_DIR", dir.path())
            .output()
            .expect("the child runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // SQLCipher's log is off before any key is tried.
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("sqlcipher"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn built_in_content_is_sound_and_the_same_as_its_files_read_and_checked() {
    let (sources, read_errors, _) = content::sources_from_dir(None);
    assert!(read_errors.is_empty());
    let (checked, errors) = content::check_sources(sources);
    assert!(errors.is_empty(), "{errors:?}");
    let built_in = content::built_in();
    assert_eq!(format!("{:?}", built_in), format!("{checked:?}"));
}

#[test]
fn an_override_still_replaces_the_built_in_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let words = content::FILES
        .iter()
        .find(|(name, _)| *name == content::WORDS_FILE)
        .map(|(_, text)| *text)
        .expect("words.toml is built in");
    let own = words.replacen("\"Good morning.\"", "\"Morning, you.\"", 1);
    assert_ne!(own, words, "the built-in greeting has moved");
    std::fs::write(dir.path().join(content::WORDS_FILE), own).expect("written");
    let loaded = content::load(Some(dir.path()));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(format!("{:?}", loaded.content.words).contains("Morning, you."));
}
