//! What the test binaries share, in one place: each test file says `mod support;` and
//! takes what it needs.
//!
//! - [`tui`]: the full-screen app without a terminal: an `App` on a fixed clock, keys
//!   and typing through `update`, frames drawn into `TestBackend`;
//! - [`cli`]: the debug `lantern` binary through `assert_cmd`, a fresh diary per test,
//!   and fixtures to fill it with;
//! - [`e2e`]: the binary under test (`$LANTERN_E2E_BIN`, the release build in CI) run
//!   against a diary folder, and what a run that is meant to fail must look like;
//! - [`tmux`]: that binary driven in a tmux pane the way a person would drive it;
//! - [`disk`]: a small disk that fills up.
//!
//! `cli::Diary` and `e2e::Diary` are each a diary folder of the test's own: the first
//! runs the debug build through `assert_cmd`, the second the binary under test.
//!
//! Every run of lantern a test starts goes through [`CleanEnv::clean_env`], so the
//! machine's own settings never reach it.
//!
//! A new test file starts like this, and takes only what it uses:
//!
//! ```text
//! mod support;
//!
//! use support::cli::{lantern_in, ok, Diary};     // the CLI
//! use support::tui::{app, ch, key, press};       // the app without a terminal
//! use support::tmux::{require_tmux, App};        // the app in tmux, with
//! use support::e2e::Diary;                       //   the binary under test
//! ```
//!
//! A snapshot test keeps its `insta::assert_snapshot!` in its own file (insta names the
//! snapshot after it) and hands it to [`tui::snapshots`].

// Cargo compiles this module into every test binary on its own, and each uses a
// different part of it: what one binary does not use is not dead.
#![allow(dead_code, unused_macros)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

pub mod cli;
pub mod disk;
pub mod e2e;
pub mod tmux;
pub mod tui;

/// Environment variables that change what lantern does, or how it looks: none of
/// them reaches a run a test starts.
pub const CLEARED_ENV: &[&str] = &[
    "LANTERN_DATA_DIR",
    "LANTERN_PASSPHRASE",
    "LANTERN_NEW_PASSPHRASE",
    "LANTERN_REGION",
    "LANTERN_SCREEN_READER",
    "LANTERN_PACE_SCALE",
    "EDITOR",
    "VISUAL",
    "NO_COLOR",
    "COLORTERM",
];

/// A clean, deterministic environment for a command that starts lantern: UTC, and
/// none of [`CLEARED_ENV`]. A test sets what it needs after this.
pub trait CleanEnv {
    fn clean_env(&mut self) -> &mut Self;
}

impl CleanEnv for std::process::Command {
    fn clean_env(&mut self) -> &mut Self {
        self.env("TZ", "UTC");
        for var in CLEARED_ENV {
            self.env_remove(var);
        }
        self
    }
}

impl CleanEnv for assert_cmd::Command {
    fn clean_env(&mut self) -> &mut Self {
        self.env("TZ", "UTC");
        for var in CLEARED_ENV {
            self.env_remove(var);
        }
        self
    }
}

/// What one run of lantern did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of_output(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: text(&output.stdout),
            stderr: text(&output.stderr),
        }
    }
}

/// A file's permission bits.
#[track_caller]
pub fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Output as text, whatever bytes it held.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A daily check-in with only its three scales set, for tests to adjust.
pub fn daily_checkin(
    uid: &str,
    at: chrono::DateTime<chrono::FixedOffset>,
    pleasantness: i64,
    energy: i64,
    stress: i64,
) -> lantern::domain::checkin::CheckIn {
    lantern::domain::checkin::CheckIn {
        uid: uid.into(),
        kind: lantern::domain::checkin::CheckInKind::Daily,
        at,
        pleasantness,
        energy,
        stress,
        system: None,
        words: vec![],
        tags: vec![],
        note: None,
        good_moment: None,
    }
}
