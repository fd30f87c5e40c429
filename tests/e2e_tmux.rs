//! End-to-end tests: the real `lantern` binary, driven inside tmux the way a person
//! would drive it, then checked from the outside with the CLI.
//!
//! Each test has its own tmux server (`tmux -L <socket>`), its own diary folder and a
//! 100×30 window. The pane runs a small `/bin/sh` wrapper around `lantern` that, when
//! lantern ends, prints its exit status and the terminal's line settings, then waits
//! for a newline before exiting with lantern's status. So a test can check both that
//! the app quit cleanly and that it gave the terminal back as it found it.
//!
//! The binary is `$LANTERN_E2E_BIN` if set (CI points it at the release build), else the
//! debug build Cargo made for these tests. Without tmux on PATH each test says so on
//! stderr and passes without running.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long anything may take to appear on screen.
const WAIT: Duration = Duration::from_secs(10);
/// How long opening an encrypted diary may take (key derivation, slow in a debug build).
const WAIT_KDF: Duration = Duration::from_secs(30);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(50);
/// The window every test starts in.
const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

/// Text that is on Today whether or not an overlay covers the middle: its footer.
const TODAY_FOOTER: &str = "a after visit";
const NO_CHECK_IN: &str = "No check-in yet today";

fn lantern_bin() -> PathBuf {
    match std::env::var_os("LANTERN_E2E_BIN") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_lantern")),
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Skips the test (it passes, with a notice) when tmux is not installed.
macro_rules! require_tmux {
    () => {
        if !tmux_available() {
            eprintln!("skipping: tmux is not on PATH, so the end-to-end test cannot run");
            return;
        }
    };
}

/// Quotes `text` for /bin/sh.
fn sh_quote(text: &OsStr) -> String {
    format!("'{}'", text.to_string_lossy().replace('\'', r"'\''"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------
// A diary folder, and the CLI run against it.

struct Diary {
    root: tempfile::TempDir,
}

impl Diary {
    /// A folder with nothing in it yet: the app's first run.
    fn fresh() -> Diary {
        Diary {
            root: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A diary made with `lantern init`, so the app opens straight on Today.
    fn initialised() -> Diary {
        let diary = Diary::fresh();
        diary.cli_ok(&["init"]);
        diary
    }

    /// The diary's own folder (`--data-dir`); created by Lantern, not by the test.
    fn dir(&self) -> PathBuf {
        self.root.path().join("diary")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(lantern_bin());
        command
            .arg("--data-dir")
            .arg(self.dir())
            .args(args)
            .env("TZ", "UTC")
            .env_remove("NO_COLOR")
            .env_remove("LANTERN_DATA_DIR")
            .env_remove("LANTERN_PASSPHRASE")
            .env_remove("LANTERN_NEW_PASSPHRASE")
            .env_remove("VISUAL")
            .env("EDITOR", "false")
            .stdin(Stdio::null());
        command
    }

    fn check(args: &[&str], output: Output) -> String {
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
    fn cli_ok(&self, args: &[&str]) -> String {
        let output = self.command(args).output().expect("running lantern");
        Diary::check(args, output)
    }

    fn cli_ok_with(&self, args: &[&str], var: &str, value: &str) -> String {
        let output = self
            .command(args)
            .env(var, value)
            .output()
            .expect("running lantern");
        Diary::check(args, output)
    }

    /// The shell command the tmux pane runs. `run` tells one launch's report from
    /// another's on the same screen.
    fn pane_command(&self, run: usize) -> String {
        format!(
            "env -u NO_COLOR -u LANTERN_PASSPHRASE -u LANTERN_NEW_PASSPHRASE -u VISUAL \
             TZ=UTC EDITOR=false LANTERN_DATA_DIR={dir} {bin}; s=$?; \
             printf '\\nlantern run {run} exited: %s\\n' \"$s\"; \
             printf 'terminal: %s\\n' \"$(stty -a | tr -s ' ;' '\\n\\n' \
               | grep -E -x -- '-?(icanon|echo|isig)' | tr '\\n' ' ')\"; \
             read -r _; exit \"$s\"",
            dir = sh_quote(self.dir().as_os_str()),
            bin = sh_quote(lantern_bin().as_os_str()),
        )
    }
}

// ---------------------------------------------------------------------------------------
// The app running in a tmux pane.

/// How a launch of lantern ended, as the wrapper and tmux saw it.
#[derive(Debug)]
struct Exit {
    status: i32,
    /// The terminal's line settings after lantern ended: `icanon` or `-icanon`, etc.
    line_settings: BTreeSet<String>,
    alternate_screen: bool,
    mouse_reporting: bool,
    cursor_visible: bool,
    screen: String,
}

impl Exit {
    /// Quit on purpose: status 0 and the terminal just as a shell expects it.
    fn assert_clean(&self) {
        assert_eq!(self.status, 0, "lantern's exit status\n{}", self.screen);
        for setting in ["icanon", "echo", "isig"] {
            assert!(
                self.line_settings.contains(setting),
                "the terminal was left without `{setting}` (raw mode not undone): {:?}\n{}",
                self.line_settings,
                self.screen
            );
        }
        assert!(
            !self.alternate_screen,
            "the terminal was left on the alternate screen"
        );
        assert!(!self.mouse_reporting, "mouse reporting was left on");
        assert!(self.cursor_visible, "the cursor was left hidden");
    }
}

struct App<'a> {
    diary: &'a Diary,
    socket: String,
    conf: PathBuf,
    /// Which launch of lantern the pane runs now (1 for the first).
    run: usize,
}

impl<'a> App<'a> {
    /// Starts a tmux server of its own with lantern in a 100×30 window.
    fn launch(diary: &'a Diary, test: &str) -> App<'a> {
        let conf = diary.root.path().join("tmux.conf");
        fs::write(
            &conf,
            "set -g remain-on-exit on\n\
             set -g status off\n\
             set -g default-shell /bin/sh\n\
             set -g history-limit 2000\n",
        )
        .expect("writing tmux.conf");
        let app = App {
            diary,
            socket: format!("lantern-e2e-{}-{test}", std::process::id()),
            conf,
            run: 1,
        };
        app.start_server();
        app
    }

    fn start_server(&self) {
        let (w, h) = (WIDTH.to_string(), HEIGHT.to_string());
        let command = self.diary.pane_command(self.run);
        self.tmux(&[
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-s",
            "main",
            &command,
        ]);
        let size = self.display("#{pane_width}x#{pane_height}");
        assert_eq!(size, format!("{WIDTH}x{HEIGHT}"), "the pane's size");
    }

    fn tmux_command(&self) -> Command {
        let mut command = Command::new("tmux");
        command
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(&self.conf)
            .env_remove("TMUX")
            .env_remove("NO_COLOR")
            .env("TZ", "UTC")
            .stdin(Stdio::null());
        command
    }

    /// Runs a tmux command; panics if it fails; returns its output.
    fn tmux(&self, args: &[&str]) -> String {
        let output = self
            .tmux_command()
            .args(args)
            .output()
            .expect("running tmux");
        assert!(
            output.status.success(),
            "`tmux {}` failed: {}",
            args.join(" "),
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim_end_matches('\n')
            .to_string()
    }

    /// What the pane shows now.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// The screen and everything that scrolled off it.
    fn screen_and_history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-", "-t", "main"])
    }

    fn pane_dead(&self) -> bool {
        self.display("#{pane_dead}") == "1"
    }

    /// Presses keys by tmux name: "Enter", "Tab", "C-s", "q" …
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Types text exactly as given.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", "--", text]);
    }

    /// Waits until the screen passes `ok`; panics with the last screen if it does not
    /// within `timeout`, or at once if lantern is no longer running.
    fn wait_until(&self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            let exited = screen.contains(&format!("lantern run {} exited", self.run));
            if exited || self.pane_dead() {
                panic!(
                    "lantern ended while waiting for {what}\n--- screen and history ---\n{}\n---",
                    self.screen_and_history()
                );
            }
            if start.elapsed() > timeout {
                panic!("timed out after {timeout:?} waiting for {what}\n--- last screen ---\n{screen}\n---");
            }
            sleep(POLL);
        }
    }

    fn wait_for(&self, expected: &str) -> String {
        self.wait_for_within(expected, WAIT)
    }

    fn wait_for_within(&self, expected: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{expected:?}"), timeout, |s| s.contains(expected))
    }

    /// Waits for any of `expected`; returns which one came and the screen.
    fn wait_for_any(&self, expected: &[&str]) -> (usize, String) {
        let screen = self.wait_until(&format!("any of {expected:?}"), WAIT, |s| {
            expected.iter().any(|e| s.contains(e))
        });
        let which = expected
            .iter()
            .position(|e| screen.contains(e))
            .expect("one of them is there");
        (which, screen)
    }

    /// Waits for lantern to end, reads how it left the terminal, then lets the
    /// wrapper shell exit and checks tmux saw the same status.
    fn wait_exit(&self) -> Exit {
        let marker = format!("lantern run {} exited: ", self.run);
        let start = Instant::now();
        let screen = loop {
            let screen = self.screen_and_history();
            if screen.contains(&marker) && screen.contains("terminal: ") {
                break screen;
            }
            if self.pane_dead() || start.elapsed() > WAIT {
                panic!("lantern did not end (or the pane died early)\n--- screen and history ---\n{screen}\n---");
            }
            sleep(POLL);
        };
        let after = &screen[screen.rfind(&marker).expect("marker") + marker.len()..];
        let status: i32 = after
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or_else(|_| panic!("no exit status after {marker:?}\n{screen}"));
        let settings = &after[after.find("terminal: ").expect("settings") + "terminal: ".len()..];
        let line_settings = settings
            .lines()
            .next()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let flags = self.display("#{alternate_on} #{mouse_any_flag} #{cursor_flag}");
        let flag = |i: usize| flags.split(' ').nth(i) == Some("1");
        let exit = Exit {
            status,
            line_settings,
            alternate_screen: flag(0),
            mouse_reporting: flag(1),
            cursor_visible: flag(2),
            screen: screen.clone(),
        };
        // Let the wrapper finish; tmux keeps the dead pane and its status.
        self.keys(&["C-j"]);
        let start = Instant::now();
        while !self.pane_dead() {
            if start.elapsed() > WAIT {
                panic!(
                    "the pane did not close after lantern ended\n{}",
                    self.screen()
                );
            }
            sleep(POLL);
        }
        assert_eq!(
            self.display("#{pane_dead_status}"),
            status.to_string(),
            "tmux's exit status for the pane"
        );
        exit
    }

    /// Quits from Today with `q` and checks lantern left cleanly.
    fn quit_from_today(&self) {
        self.wait_for(TODAY_FOOTER);
        self.keys(&["q"]);
        self.wait_exit().assert_clean();
    }

    /// Starts lantern again in the same (dead) pane.
    fn relaunch(&mut self) {
        assert!(
            self.pane_dead(),
            "relaunch needs the last run to have ended"
        );
        self.run += 1;
        let command = self.diary.pane_command(self.run);
        self.tmux(&["respawn-pane", "-t", "main", &command]);
    }

    /// The process id of lantern itself (the child of the pane's shell).
    fn lantern_pid(&self) -> u32 {
        let shell: u32 = self
            .display("#{pane_pid}")
            .parse()
            .expect("tmux gives the pane's pid");
        let children = children_of(shell);
        let [pid] = children[..] else {
            panic!("expected one process under the pane's shell {shell}, found {children:?}");
        };
        let name = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        assert_eq!(name.trim(), "lantern", "the process under the pane's shell");
        pid
    }

    fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", "main", "-x", &w, "-y", &h]);
    }

    /// Closes the terminal lantern runs in, as closing a terminal window does: the
    /// pty goes away and the process gets SIGHUP.
    fn close_terminal(&self) {
        let _ = self.tmux_command().arg("kill-server").output();
    }
}

impl Drop for App<'_> {
    fn drop(&mut self) {
        // A lantern still running (a test failed half-way) is ended first: closing its
        // terminal alone may leave it running.
        let pane = self
            .tmux_command()
            .args([
                "display-message",
                "-p",
                "-t",
                "main",
                "#{pane_dead} #{pane_pid}",
            ])
            .output();
        if let Ok(pane) = pane {
            if let Some(shell) = text(&pane.stdout).trim().strip_prefix("0 ") {
                for pid in shell.parse().map(children_of).unwrap_or_default() {
                    end_lantern(pid);
                }
            }
        }
        let _ = self.tmux_command().arg("kill-server").output();
    }
}

/// Kills `pid` if it is a lantern process.
fn end_lantern(pid: u32) {
    let name = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if name.trim() == "lantern" {
        let _ = Command::new("sh")
            .arg("-c")
            .arg(format!("kill -KILL {pid}"))
            .status();
    }
}

/// Processes whose parent is `parent`, from /proc.
fn children_of(parent: u32) -> Vec<u32> {
    let mut children = Vec::new();
    for entry in fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid …; comm may hold spaces and parentheses.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let state = fields.next();
        let ppid = fields.next().and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(parent) && state != Some("Z") {
            children.push(pid);
        }
    }
    children
}

/// Whether the process has ended (gone, or a zombie nobody has reaped yet).
fn process_gone(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().next())
            .is_none_or(|state| state == "Z"),
    }
}

fn send_signal(pid: u32, signal: &str) {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -{signal} {pid}"))
        .status()
        .expect("running kill");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

/// The entry id in the status line "Saved entry #N.".
fn saved_entry_id(screen: &str) -> String {
    let after = &screen[screen.find("Saved entry #").expect("a saved entry") + 13..];
    after.chars().take_while(char::is_ascii_digit).collect()
}

/// From Today: `w`, then Enter on the template list, which starts on the reflective
/// diary; waits for its first prompt.
fn start_reflective_entry(app: &App) {
    app.wait_for(TODAY_FOOTER);
    app.keys(&["w"]);
    app.wait_for("how would you like to write?");
    app.keys(&["Enter"]);
    app.wait_for("What are you feeling?");
}

/// After a relaunch: the draft is offered with its words, and Enter carries on with
/// them in the editor.
fn carry_on_with_draft(app: &App, words: &str) {
    // The offer is made before the first frame is drawn, so once Today's footer shows,
    // it is there or it never will be.
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(
        screen.contains("Unfinished writing") && screen.contains(words),
        "no draft offered with {words:?}\n{screen}"
    );
    app.keys(&["Enter"]);
    let screen = app.wait_until("the editor with the draft", WAIT, |s| {
        !s.contains("Unfinished writing") && s.contains("What are you feeling?")
    });
    assert!(
        screen.contains(words),
        "the editor does not show {words:?}\n{screen}"
    );
}

/// Saves the entry in the editor and quits from Today; returns the entry's id.
fn save_entry_and_quit(app: &App) -> String {
    app.keys(&["C-s"]);
    let screen = app.wait_for("Saved entry #");
    let id = saved_entry_id(&screen);
    app.quit_from_today();
    id
}

// ---------------------------------------------------------------------------------------
// The tests.

#[test]
fn first_run_welcomes_then_lands_on_today() {
    require_tmux!();
    let diary = Diary::fresh();
    let mut app = App::launch(&diary, "first-run");

    app.wait_for("Welcome to Lantern");
    app.wait_for("Everything stays on this computer");
    app.keys(&["Enter"]);
    app.wait_for("Protect your diary with a passphrase?");
    app.keys(&["n"]);
    app.wait_for("What is your work?");
    app.keys(&["Enter"]);
    // A region is asked for only when the content has more than one.
    let (which, _) = app.wait_for_any(&["Where are you?", NO_CHECK_IN]);
    if which == 0 {
        app.keys(&["Enter"]);
        app.wait_for(NO_CHECK_IN);
    }

    let config = fs::read_to_string(diary.dir().join("config.toml")).expect("config.toml");
    assert!(
        config
            .lines()
            .any(|l| l.trim() == r#"role = "health-visitor""#),
        "config.toml has no role:\n{config}"
    );
    assert!(diary.dir().join("lantern.db").exists(), "no diary made");
    app.keys(&["q"]);
    app.wait_exit().assert_clean();

    // Nothing is asked twice: the next launch opens on Today.
    app.relaunch();
    let screen = app.wait_for(TODAY_FOOTER);
    assert!(!screen.contains("Welcome to Lantern"), "{screen}");
    app.quit_from_today();
}

#[test]
fn a_check_in_in_the_app_shows_in_lantern_list_checkins() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "check-in");

    app.wait_for(NO_CHECK_IN);
    // The minimal check-in, seven keys from launch: c, pleasantness 3, energy 7, past
    // the words, on to stress, 8, save.
    app.keys(&["c", "3", "7", "Tab", "Tab", "8", "s"]);
    let screen = app.wait_for("Check-in saved");
    // A suggestion may be offered over Today; it goes with Esc.
    if screen.contains("Esc not now") {
        app.keys(&["Escape"]);
    }
    let screen = app.wait_until("Today without an overlay", WAIT, |s| {
        !s.contains("Esc not now") && s.contains("You checked in today")
    });
    assert!(
        screen.contains("pleasant 3 · energy 7 · stress 8"),
        "{screen}"
    );
    app.quit_from_today();

    let list = diary.cli_ok(&["list", "--checkins"]);
    let line = list
        .lines()
        .find(|l| l.contains("pleasant"))
        .unwrap_or_else(|| panic!("no check-in listed:\n{list}"));
    for part in ["pleasant  3", "energy  7", "stress  8"] {
        assert!(line.contains(part), "{part:?} not in {line:?}");
    }
}

#[test]
fn a_guided_entry_written_in_the_app_is_found_by_lantern_search() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "guided-entry");

    start_reflective_entry(&app);
    app.type_text("the heron by the canal");
    app.wait_for("the heron by the canal");
    app.keys(&["C-n"]);
    app.wait_for("What thoughts keep coming back?");
    app.type_text("second answer");
    app.wait_for("second answer");
    app.keys(&["C-s"]);
    let screen = app.wait_for("Saved entry #");
    let id = saved_entry_id(&screen);

    // Found again in the app: search as you type, then open it.
    app.keys(&["/"]);
    app.wait_for("┌ Search ");
    app.type_text("heron");
    app.wait_for("the heron by the canal");
    app.keys(&["Enter"]);
    let screen = app.wait_for("What thoughts keep coming back?");
    assert!(screen.contains("second answer"), "{screen}");
    app.keys(&["q"]);
    app.wait_for("┌ Search ");
    app.keys(&["Escape"]);
    app.quit_from_today();

    let found = diary.cli_ok(&["search", "heron"]);
    assert!(
        found
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("{id} ")) && l.contains("heron")),
        "entry #{id} not found by search:\n{found}"
    );
    let shown = diary.cli_ok(&["show", &id]);
    assert!(
        shown.contains("What are you feeling?\nthe heron by the canal\n"),
        "{shown}"
    );
    assert!(
        shown.contains("What thoughts keep coming back?\nsecond answer\n"),
        "{shown}"
    );
}

#[test]
fn kill_9_while_typing_keeps_the_draft() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "kill-9");

    start_reflective_entry(&app);
    let words = "words I must not lose";
    app.type_text(words);
    app.wait_for(words);
    // The draft is saved about a second after typing pauses. Nothing on screen says
    // when, so give it a generous while before pulling the plug.
    sleep(Duration::from_millis(2500));
    send_signal(app.lantern_pid(), "KILL");
    let exit = app.wait_exit();
    assert_eq!(exit.status, 128 + 9, "killed by signal 9\n{}", exit.screen);

    app.relaunch();
    carry_on_with_draft(&app, words);
    let id = save_entry_and_quit(&app);
    assert!(diary.cli_ok(&["show", &id]).contains(words));
}

/// A signal to stop, sent while typing and before any autosave: the words are kept as
/// a draft, the terminal is restored, and the next launch offers them back.
fn signal_keeps_the_draft(test: &str, signal: &str, words: &str) {
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, test);

    start_reflective_entry(&app);
    app.type_text(words);
    app.wait_for(words);
    send_signal(app.lantern_pid(), signal);
    app.wait_exit().assert_clean();

    app.relaunch();
    carry_on_with_draft(&app, words);
    save_entry_and_quit(&app);
}

#[test]
fn sigterm_keeps_the_draft_and_restores_the_terminal() {
    require_tmux!();
    signal_keeps_the_draft("sigterm", "TERM", "asked politely to stop");
}

#[test]
fn sighup_keeps_the_draft_and_restores_the_terminal() {
    require_tmux!();
    signal_keeps_the_draft("sighup", "HUP", "the line went quiet");
}

#[test]
fn an_encrypted_diary_unlocks_with_the_right_passphrase_and_refuses_the_wrong_one() {
    require_tmux!();
    let diary = Diary::fresh();
    diary.cli_ok_with(
        &["init", "--encrypt"],
        "LANTERN_NEW_PASSPHRASE",
        "correct horse",
    );
    let app = App::launch(&diary, "encrypted");

    app.wait_for("Your diary is protected.");
    app.type_text("wrong");
    let screen = app.wait_for("•••••");
    assert!(!screen.contains("wrong"), "the passphrase shows:\n{screen}");
    app.keys(&["Enter"]);
    app.wait_for_within("does not open this diary", WAIT_KDF);
    app.type_text("correct horse");
    app.wait_for("•••••••••••••");
    app.keys(&["Enter"]);
    app.wait_for_within(NO_CHECK_IN, WAIT_KDF);
    app.quit_from_today();
}

#[test]
fn resizing_redraws_and_too_small_says_so() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "resize");

    app.wait_for(NO_CHECK_IN);
    app.resize(50, 15);
    let screen = app.wait_for("needs a window of at least");
    assert!(!screen.contains(NO_CHECK_IN), "{screen}");
    app.resize(WIDTH, HEIGHT);
    app.wait_until("Today, full size again", WAIT, |s| {
        s.contains(NO_CHECK_IN) && !s.contains("needs a window")
    });
    app.quit_from_today();
}

#[test]
fn unicode_text_round_trips() {
    require_tmux!();
    let diary = Diary::initialised();
    let app = App::launch(&diary, "unicode");

    let words = "Café 🌿 naïve";
    start_reflective_entry(&app);
    app.type_text(words);
    app.wait_for(words);
    let id = save_entry_and_quit(&app);

    let shown = diary.cli_ok(&["show", &id]);
    assert!(
        shown.contains(&format!("What are you feeling?\n{words}\n")),
        "{shown}"
    );
    let found = diary.cli_ok(&["search", "naïve"]);
    assert!(found.contains("Café"), "{found}");
}

#[test]
fn ctrl_c_quits_and_keeps_the_draft() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "ctrl-c");

    start_reflective_entry(&app);
    let words = "kept through ctrl c";
    app.type_text(words);
    app.wait_for(words);
    app.keys(&["C-c"]);
    app.wait_exit().assert_clean();

    app.relaunch();
    carry_on_with_draft(&app, words);
    save_entry_and_quit(&app);
}

/// Closing the terminal window (the pty goes away, the process gets SIGHUP) must keep
/// the words as SIGHUP alone does, and lantern must end.
///
/// Ignored until fixed: lantern never ends. Its event poll (crossterm 0.29's
/// `UnixInternalEventSource::try_read`) loops forever on `read(0) == 0` from the
/// hung-up tty, so the SIGHUP flag is never looked at, no draft is saved, and the orphan
/// spins on the CPU. Run it with `cargo test --test e2e_tmux -- --ignored`.
#[test]
fn closing_the_terminal_while_typing_keeps_the_draft() {
    require_tmux!();
    let diary = Diary::initialised();
    let mut app = App::launch(&diary, "hang-up");

    start_reflective_entry(&app);
    let words = "the window closed on me";
    app.type_text(words);
    app.wait_for(words);
    let pid = app.lantern_pid();
    // At once, before any autosave, as SIGTERM and SIGHUP are tested.
    app.close_terminal();
    let start = Instant::now();
    while !process_gone(pid) {
        if start.elapsed() > WAIT {
            end_lantern(pid);
            panic!(
                "lantern (pid {pid}) was still running {WAIT:?} after its terminal closed; \
                 the test killed it"
            );
        }
        sleep(POLL);
    }

    app.run += 1;
    app.start_server();
    carry_on_with_draft(&app, words);
    save_entry_and_quit(&app);
}
