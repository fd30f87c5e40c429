//! The binary under test run against a diary folder of its own: `$LANTERN_E2E_BIN` if
//! set (CI points it at the release build), else the debug build Cargo made for these
//! tests. Used through its CLI here, and in a tmux pane by [`super::tmux`].

use std::fs;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub use super::Run;
use super::{text, CleanEnv};

pub fn lantern_bin() -> PathBuf {
    match std::env::var_os("LANTERN_E2E_BIN") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_lantern")),
    }
}

// ---------------------------------------------------------------------------------------
// A diary folder, and the CLI run against it.

pub struct Diary {
    pub root: tempfile::TempDir,
}

impl Diary {
    /// A folder with nothing in it yet: the app's first run.
    pub fn fresh() -> Diary {
        Diary {
            root: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A diary made with `lantern init`, so the app opens straight on Today.
    pub fn initialised() -> Diary {
        let diary = Diary::fresh();
        diary.cli_ok(&["init"]);
        diary
    }

    /// The diary's own folder (`--data-dir`); created by Lantern, not by the test.
    pub fn dir(&self) -> PathBuf {
        self.root.path().join("diary")
    }

    /// Where a file in the diary folder's `content/` replaces the built-in one.
    pub fn content_dir(&self) -> PathBuf {
        self.dir().join("content")
    }

    /// A folder of the test's own beside the diary (a home folder, say), made empty.
    pub fn folder(&self, name: &str) -> PathBuf {
        let path = self.root.path().join(name);
        fs::create_dir_all(&path).expect("making a folder");
        path
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(lantern_bin());
        command
            .clean_env()
            .arg("--data-dir")
            .arg(self.dir())
            .args(args)
            .env("EDITOR", "false")
            .stdin(Stdio::null());
        command
    }

    pub fn check(args: &[&str], output: Output) -> String {
        assert!(
            output.status.success(),
            "`lantern {}` failed ({}):\n{}{}",
            args.join(" "),
            output.status,
            text(&output.stdout),
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    /// Runs `lantern --data-dir DIR ARGS…`; panics unless it succeeds; returns stdout.
    pub fn cli_ok(&self, args: &[&str]) -> String {
        let output = self.command(args).output().expect("running lantern");
        Diary::check(args, output)
    }

    /// As `cli_ok`, and returns stderr too.
    pub fn cli_ok_both(&self, args: &[&str]) -> (String, String) {
        let output = self.command(args).output().expect("running lantern");
        let stderr = text(&output.stderr);
        (Diary::check(args, output), stderr)
    }

    pub fn cli_ok_with(&self, args: &[&str], var: &str, value: &str) -> String {
        let output = self
            .command(args)
            .env(var, value)
            .output()
            .expect("running lantern");
        Diary::check(args, output)
    }

    /// As `cli_ok`, with `input` piped to standard input.
    pub fn cli_ok_stdin(&self, args: &[&str], input: &str) -> String {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("running lantern");
        child
            .stdin
            .take()
            .expect("lantern's stdin")
            .write_all(input.as_bytes())
            .expect("writing to lantern's stdin");
        let output = child.wait_with_output().expect("waiting for lantern");
        Diary::check(args, output)
    }

    /// Writes `text` to a file beside the diary and imports it with `lantern import`.
    pub fn import(&self, name: &str, text: &str) -> String {
        let path = self.root.path().join(name);
        fs::write(&path, text).expect("writing the file to import");
        self.cli_ok(&["import", path.to_str().expect("a UTF-8 path")])
    }
}

// ---------------------------------------------------------------------------------------
// A run that is expected to fail.

impl Diary {
    /// Runs `lantern --data-dir DIR ARGS…` and returns whatever happened.
    pub fn cli(&self, args: &[&str]) -> Run {
        Run::of_output(self.command(args).output().expect("running lantern"))
    }

    /// As `cli`, with one more environment variable.
    pub fn cli_env(&self, args: &[&str], var: &str, value: &str) -> Run {
        Run::of_output(
            self.command(args)
                .env(var, value)
                .output()
                .expect("running lantern"),
        )
    }
}

impl Run {
    /// Asserts a failure told in one plain line: no panic, no SQLite codes or SQL, and
    /// the line holds `expected`.
    #[track_caller]
    pub fn plain_failure(&self, expected: &str) -> &Run {
        assert!(
            self.code.is_some_and(|c| c != 0),
            "expected a failure, got {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        self.plain(expected)
    }

    /// Asserts stderr holds `expected` and no raw library text.
    #[track_caller]
    pub fn plain(&self, expected: &str) -> &Run {
        let err = &self.stderr;
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
        for raw in [
            "panicked",
            "Error code",
            "error code",
            "SQLite code",
            "PRAGMA",
            "CREATE ",
            "malformed",
            "database disk image",
            "RUST_BACKTRACE",
        ] {
            assert!(
                !err.contains(raw),
                "raw text {raw:?} reached the user:\n{err}"
            );
        }
        let lines = err.lines().filter(|l| !l.contains("note:")).count();
        assert!(lines <= 1, "more than one line:\n{err}");
        self
    }
}
