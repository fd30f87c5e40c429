//! The debug `lantern` binary through `assert_cmd`: a clean environment, one run's
//! outcome, a fresh diary folder per test, and fixtures to fill it with.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

use super::CleanEnv;

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_lantern"))
}

/// `lantern` with a clean, deterministic environment.
pub fn lantern() -> Command {
    let mut cmd = Command::cargo_bin("lantern").expect("the lantern binary is built");
    cmd.clean_env();
    cmd
}

/// `lantern --data-dir DIR` with a clean, deterministic environment.
pub fn lantern_in(dir: &Path) -> Command {
    let mut cmd = lantern();
    cmd.arg("--data-dir").arg(dir);
    cmd
}

/// Runs and returns stdout, failing the test (with stderr) if the run failed.
#[track_caller]
pub fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("lantern runs");
    assert!(
        out.status.success(),
        "failed ({:?}):\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs and returns stderr, failing the test if the run succeeded.
#[track_caller]
pub fn fails(cmd: &mut Command) -> String {
    let out = cmd.output().expect("lantern runs");
    assert!(!out.status.success(), "should have failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub use super::Run;

impl Run {
    pub fn of(cmd: &mut Command) -> Run {
        Run::of_output(cmd.output().expect("lantern runs"))
    }

    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn failure(self) -> Run {
        assert!(
            self.code.is_some_and(|c| c != 0),
            "expected a non-zero exit, got {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        no_panic(&self);
        self
    }

    /// A failure reported as exactly one line `lantern: …` on stderr.
    #[track_caller]
    pub fn one_line_error(self) -> Run {
        let run = self.failure();
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line on stderr:\n{}", run.stderr);
        assert!(
            lines[0].starts_with("lantern: "),
            "stderr starts with `lantern: `:\n{}",
            run.stderr
        );
        run
    }
}

#[track_caller]
pub fn no_panic(run: &Run) {
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("panicked"), "a panic:\n{text}");
        assert!(
            !text.to_lowercase().contains("backtrace"),
            "a backtrace:\n{text}"
        );
    }
}

/// A diary in a fresh, private temporary folder.
pub struct Diary {
    pub tmp: TempDir,
    pub dir: PathBuf,
}

impl Diary {
    /// A diary made with `lantern init`, as a person starts.
    pub fn new() -> Diary {
        let diary = Diary::empty();
        diary.ok(&["init"]);
        diary
    }

    /// A folder with no diary in it yet.
    pub fn empty() -> Diary {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let dir = tmp.path().join("data");
        Diary { tmp, dir }
    }

    /// `lantern --data-dir DIR` with a clean environment.
    pub fn cmd(&self) -> Command {
        lantern_in(&self.dir)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.cmd().args(args))
    }

    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        self.run(args).success().stdout
    }

    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Run::of(self.cmd().args(args).write_stdin(stdin.to_string()))
    }

    pub fn db(&self) -> PathBuf {
        self.dir.join("lantern.db")
    }

    /// A scratch path beside the data folder (not inside it).
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Writes an entry from standard input; returns its id.
    #[track_caller]
    pub fn write(&self, args: &[&str], text: &str) -> i64 {
        let mut all = vec!["write"];
        all.extend_from_slice(args);
        let out = self.run_stdin(&all, text).success().stdout;
        saved_id(&out)
    }

    /// Imports JSON Lines text; returns stdout.
    #[track_caller]
    pub fn import_jsonl(&self, text: &str) -> String {
        let file = self.scratch("import.jsonl");
        fs::write(&file, text).expect("write the import file");
        self.ok(&["import", file.to_str().expect("utf-8 path")])
    }

    /// The lines of `lantern list -n 1000` (entries), ignoring the empty-diary hint.
    pub fn entry_lines(&self) -> Vec<String> {
        entry_lines(&self.ok(&["list", "-n", "1000"]))
    }
}

/// The listing lines of `lantern list`: those that start with an id.
pub fn entry_lines(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<i64>().is_ok())
        })
        .map(str::to_string)
        .collect()
}

#[track_caller]
pub fn saved_id(stdout: &str) -> i64 {
    let rest = stdout
        .split("Saved entry #")
        .nth(1)
        .unwrap_or_else(|| panic!("no `Saved entry #` in:\n{stdout}"));
    rest.trim_end()
        .trim_end_matches('.')
        .parse()
        .unwrap_or_else(|_| panic!("no id in:\n{stdout}"))
}

pub fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The bytes of the diary file and of its write-ahead log, if there is one.
pub fn diary_bytes(db: &Path) -> Vec<Vec<u8>> {
    let mut out = vec![fs::read(db).expect("the diary file")];
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(bytes) = fs::read(PathBuf::from(wal)) {
        out.push(bytes);
    }
    out
}

pub const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in copy of a content file, as the project keeps it.
pub fn built_in_content(file: &str) -> String {
    fs::read_to_string(manifest_dir().join("content").join(file)).expect("a built-in content file")
}

/// `lantern content check` on a folder holding `file` as `text`; its exit says
/// whether the override is sound, and it never panics.
pub fn content_check(file: &str, text: &str) -> Run {
    let dir = tempfile::tempdir().expect("a temp dir");
    fs::write(dir.path().join(file), text).expect("write the override");
    let run = Run::of(lantern().args(["content", "check"]).arg(dir.path()));
    no_panic(&run);
    run
}

/// Three entries on known days: 1, 5 and 9 March 2025.
pub const MARCH: &str = r#"{"ts": "2025-03-01T09:00", "title": "March one", "body": "alpha words", "tags": ["walk"]}
{"ts": "2025-03-05T09:00", "title": "March five", "body": "beta words", "tags": ["@Walk", "sleep"]}
{"ts": "2025-03-09T21:30:00", "title": "March nine", "body": "gamma words"}
"#;
