//! The real `lantern` binary driven inside tmux the way a person would drive it, then
//! checked from the outside with the CLI.
//!
//! Each test has its own tmux server (`tmux -L <socket>`), its own diary folder and a
//! 100×30 window. The pane runs a small `/bin/sh` wrapper around `lantern` that, when
//! lantern ends, prints its exit status and the terminal's line settings, then waits
//! for a newline before exiting with lantern's status. So a test can check both that
//! the app quit cleanly and that it gave the terminal back as it found it.
//!
//! The binary is [`super::e2e::lantern_bin`]. Without tmux on PATH each test says so
//! on stderr and passes without running.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use super::e2e::{lantern_bin, Diary};
use super::{text, CLEARED_ENV};

/// How long anything may take to appear on screen.
pub const WAIT: Duration = Duration::from_secs(10);
/// How long opening an encrypted diary may take (key derivation, slow in a debug build).
pub const WAIT_KDF: Duration = Duration::from_secs(30);
/// How often the screen is looked at while waiting.
pub const POLL: Duration = Duration::from_millis(50);
/// How long to let a lone Esc settle before the next key, so the two are not read as
/// one Alt sequence.
pub const ESC_SETTLE: Duration = Duration::from_millis(300);
/// Given to [`App::launch_with`] as a setting, this many seconds pass in the pane
/// before lantern starts (it is not passed to lantern): keys sent meanwhile are typed
/// ahead, as a person types `lantern` and their keys at once.
pub const START_AFTER: &str = "(start after)";
/// The window every test starts in.
pub const WIDTH: u16 = 100;
pub const HEIGHT: u16 = 30;

/// Text that is on Today whether or not an overlay covers the middle: its footer.
pub const TODAY_FOOTER: &str = "a after visit";
pub const NO_CHECK_IN: &str = "No check-in yet today";

pub fn tmux_available() -> bool {
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
        if !$crate::support::tmux::tmux_available() {
            eprintln!("skipping: tmux is not on PATH, so the end-to-end test cannot run");
            return;
        }
    };
}
// A path for the macro (`use support::…::require_tmux`); not every binary takes it.
#[allow(unused_imports)]
pub(crate) use require_tmux;

/// Quotes `text` for /bin/sh.
pub fn sh_quote(text: &OsStr) -> String {
    format!("'{}'", text.to_string_lossy().replace('\'', r"'\''"))
}

/// The shell command the tmux pane runs. `run` tells one launch's report from another's
/// on the same screen; `extra` are more `NAME=value` settings for lantern. The report
/// starts each line with a carriage return: a lantern killed in raw mode leaves the
/// cursor mid-line, and a report wrapped at the edge could not be read.
fn pane_command(diary: &Diary, run: usize, extra: &[(String, PathBuf)]) -> String {
    // A pause before lantern starts, so keys sent at once are typed ahead.
    let pause = extra
        .iter()
        .find(|(name, _)| name == START_AFTER)
        .map(|(_, seconds)| format!("sleep {}; ", sh_quote(seconds.as_os_str())))
        .unwrap_or_default();
    let extra: String = extra
        .iter()
        .filter(|(name, _)| name != START_AFTER)
        .map(|(name, value)| format!("{name}={} ", sh_quote(value.as_os_str())))
        .collect();
    let cleared: String = CLEARED_ENV.iter().map(|var| format!("-u {var} ")).collect();
    format!(
        "{pause}env {cleared}TZ=UTC EDITOR=false {extra}LANTERN_DATA_DIR={dir} {bin}; s=$?; \
         printf '\\r\\nlantern run {run} exited: %s\\r\\n' \"$s\"; \
         printf 'terminal: %s\\r\\n' \"$(stty -a | tr -s ' ;' '\\n\\n' \
           | grep -E -x -- '-?(icanon|echo|isig)' | tr '\\n' ' ')\"; \
         read -r _; exit \"$s\"",
        dir = sh_quote(diary.dir().as_os_str()),
        bin = sh_quote(lantern_bin().as_os_str()),
    )
}
// ---------------------------------------------------------------------------------------
// The app running in a tmux pane.

/// How a launch of lantern ended, as the wrapper and tmux saw it.
#[derive(Debug)]
pub struct Exit {
    pub status: i32,
    /// The terminal's line settings after lantern ended: `icanon` or `-icanon`, etc.
    pub line_settings: BTreeSet<String>,
    pub alternate_screen: bool,
    pub mouse_reporting: bool,
    pub cursor_visible: bool,
    pub screen: String,
}

impl Exit {
    /// Quit on purpose: status 0 and the terminal just as a shell expects it.
    pub fn assert_clean(&self) {
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

pub struct App<'a> {
    pub diary: &'a Diary,
    pub socket: String,
    pub conf: PathBuf,
    /// Which launch of lantern the pane runs now (1 for the first).
    pub run: usize,
    /// More environment for lantern (`HOME`, say), on every launch.
    pub env: Vec<(String, PathBuf)>,
}

impl<'a> App<'a> {
    /// Starts a tmux server of its own with lantern in a 100×30 window.
    pub fn launch(diary: &'a Diary, test: &str) -> App<'a> {
        App::launch_with(diary, test, &[])
    }

    /// As `launch`, with more `NAME=value` settings in lantern's environment.
    pub fn launch_with(diary: &'a Diary, test: &str, env: &[(&str, &Path)]) -> App<'a> {
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
            env: env
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_path_buf()))
                .collect(),
        };
        app.start_server();
        app
    }

    pub fn start_server(&self) {
        let (w, h) = (WIDTH.to_string(), HEIGHT.to_string());
        let command = pane_command(self.diary, self.run, &self.env);
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

    pub fn tmux_command(&self) -> Command {
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
    pub fn tmux(&self, args: &[&str]) -> String {
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

    pub fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim_end_matches('\n')
            .to_string()
    }

    /// What the pane shows now.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// The screen and everything that scrolled off it.
    pub fn screen_and_history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-", "-t", "main"])
    }

    pub fn pane_dead(&self) -> bool {
        self.display("#{pane_dead}") == "1"
    }

    /// Presses keys by tmux name: "Enter", "Tab", "C-s", "q" …
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Presses Esc on its own, then lets it settle so that the next key is not read
    /// together with it as an Alt sequence.
    pub fn escape(&self) {
        self.keys(&["Escape"]);
        sleep(ESC_SETTLE);
    }

    /// Types text exactly as given.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", "--", text]);
    }

    /// Waits until the screen passes `ok`; panics with the last screen if it does not
    /// within `timeout`, or at once if lantern is no longer running.
    pub fn wait_until(&self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_for(&self, expected: &str) -> String {
        self.wait_for_within(expected, WAIT)
    }

    pub fn wait_for_within(&self, expected: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{expected:?}"), timeout, |s| s.contains(expected))
    }

    /// Waits until every one of `expected` is on screen at once. A frame may be caught
    /// half drawn (tmux shows what has arrived so far), so a test waits for everything
    /// it then looks at rather than waiting for one part and asserting on the rest.
    pub fn wait_for_all(&self, expected: &[&str]) -> String {
        self.wait_for_all_within(expected, WAIT)
    }

    pub fn wait_for_all_within(&self, expected: &[&str], timeout: Duration) -> String {
        self.wait_until(&format!("all of {expected:?}"), timeout, |s| {
            expected.iter().all(|e| s.contains(e))
        })
    }

    /// Waits for any of `expected`; returns which one came and the screen.
    pub fn wait_for_any(&self, expected: &[&str]) -> (usize, String) {
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
    pub fn wait_exit(&self) -> Exit {
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
        // tmux can report the pane dead a moment before it records the status, and
        // under load sometimes never records it. Lantern's own status, printed by the
        // wrapper and checked by the caller, is the one that counts; tmux's must agree
        // whenever it has one.
        let start = Instant::now();
        let mut recorded = self.display("#{pane_dead_status}");
        while recorded.trim().is_empty() && start.elapsed() < Duration::from_secs(2) {
            sleep(POLL);
            recorded = self.display("#{pane_dead_status}");
        }
        if !recorded.trim().is_empty() {
            assert_eq!(
                recorded,
                status.to_string(),
                "tmux's exit status for the pane"
            );
        }
        exit
    }

    /// Quits from Today with `q` and checks lantern left cleanly.
    pub fn quit_from_today(&self) {
        self.wait_for(TODAY_FOOTER);
        self.keys(&["q"]);
        self.wait_exit().assert_clean();
    }

    /// Starts lantern again in the same (dead) pane.
    pub fn relaunch(&mut self) {
        assert!(
            self.pane_dead(),
            "relaunch needs the last run to have ended"
        );
        self.run += 1;
        let command = pane_command(self.diary, self.run, &self.env);
        self.tmux(&["respawn-pane", "-t", "main", &command]);
    }

    /// The process id of lantern itself (the child of the pane's shell).
    pub fn lantern_pid(&self) -> u32 {
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

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", "main", "-x", &w, "-y", &h]);
    }

    /// Closes the terminal lantern runs in, as closing a terminal window does: the
    /// pty goes away and the process gets SIGHUP.
    pub fn close_terminal(&self) {
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
pub fn end_lantern(pid: u32) {
    let name = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if name.trim() == "lantern" {
        let _ = Command::new("sh")
            .arg("-c")
            .arg(format!("kill -KILL {pid}"))
            .status();
    }
}

/// Processes whose parent is `parent`, from /proc.
pub fn children_of(parent: u32) -> Vec<u32> {
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
pub fn process_gone(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().next())
            .is_none_or(|state| state == "Z"),
    }
}

pub fn send_signal(pid: u32, signal: &str) {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -{signal} {pid}"))
        .status()
        .expect("running kill");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

/// The entry id in the status line "Saved entry #N.".
pub fn saved_entry_id(screen: &str) -> String {
    let after = &screen[screen.find("Saved entry #").expect("a saved entry") + 13..];
    after.chars().take_while(char::is_ascii_digit).collect()
}

/// From Today: `w`, then Enter on the template list, which starts on the reflective
/// diary; waits for its first prompt.
pub fn start_reflective_entry(app: &App) {
    app.wait_for(TODAY_FOOTER);
    app.keys(&["w"]);
    app.wait_for("how would you like to write?");
    app.keys(&["Enter"]);
    app.wait_for("What are you feeling?");
}

/// After a relaunch: the draft is offered with `words` in it, and Enter carries on
/// with them in the editor; returns the editor's screen. (`""`: any draft.)
pub fn carry_on_with_draft(app: &App, words: &str) -> String {
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
    screen
}
